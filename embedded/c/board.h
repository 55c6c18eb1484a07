/* The emulated board's memory map (see updater/src/board.rs, the same for the Rust updater).
   The code SSRAM holds, from its base: the firmware (2 MiB), the staged package (1 MiB), the
   persist sector (256 KiB), the install slot (512 KiB) and the anti-rollback counter; the top
   of RAM holds the battery-backed RTC and the power-cut test register that run.sh sets.
   BOARD_AN505: QEMU mps2-an505 (Cortex-M33, TrustZone; the firmware runs Secure, through the
   Secure aliases of its SSRAMs); otherwise mps2-an386 (Cortex-M4F). */
#ifndef UPDATER_BOARD_H
#define UPDATER_BOARD_H

#ifdef BOARD_AN505
#define CODE_BASE 0x10000000u
#define RAM_TOP 0x38400000u
/* SysTick counts the 20 MHz core clock: 50 instructions a tick under -icount shift=0. */
#define INSNS_PER_TICK 50u
#else
#define CODE_BASE 0x00000000u
#define RAM_TOP 0x20400000u
/* SysTick counts the 25 MHz core clock: 40 instructions a tick under -icount shift=0. */
#define INSNS_PER_TICK 40u
#endif

#define PACKAGE_SLOT ((const unsigned char *)(CODE_BASE + 0x00200000u))
#define PACKAGE_SLOT_BYTES 0x00100000u
#define PERSIST ((const unsigned char *)(CODE_BASE + 0x00300000u))
#define PERSIST_BYTES 0x00040000u
#define INSTALL_SLOT ((const unsigned char *)(CODE_BASE + 0x00340000u))
#define INSTALL_SLOT_BYTES 0x00080000u
/* The anti-rollback counter: one word of flash standing in for an eFuse field. */
#define COUNTER (*(volatile const uint32_t *)(CODE_BASE + 0x003C0000u))
#define RTC_SECONDS (*(volatile const uint64_t *)(RAM_TOP - 8u))
/* The power-cut test register (a real board has none). */
#define POWER_CUT (*(volatile const uint32_t *)(RAM_TOP - 16u))

#endif
