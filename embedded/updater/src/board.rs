//! The emulated board's memory map (the C updater's is `c/board.h`, the same). The code SSRAM
//! holds, from its base: the firmware (2 MiB), the staged package (1 MiB), the persist sector
//! (256 KiB), the install slot (512 KiB) and the anti-rollback counter; the top of RAM holds
//! the battery-backed RTC and the power-cut test register that run.sh sets.
//!
//! Feature `an505`: QEMU mps2-an505 (Cortex-M33 with TrustZone; the firmware runs Secure,
//! through the Secure aliases of its SSRAMs). Otherwise mps2-an386 (Cortex-M4F).

#[cfg(feature = "an505")]
mod map {
    pub const CODE_BASE: usize = 0x1000_0000;
    pub const RAM_TOP: usize = 0x3840_0000;
    /// SysTick counts the 20 MHz core clock: 50 instructions a tick under `-icount shift=0`.
    pub const INSNS_PER_TICK: u64 = 50;
}

#[cfg(not(feature = "an505"))]
mod map {
    pub const CODE_BASE: usize = 0x0000_0000;
    pub const RAM_TOP: usize = 0x2040_0000;
    /// SysTick counts the 25 MHz core clock: 40 instructions a tick under `-icount shift=0`.
    pub const INSNS_PER_TICK: u64 = 40;
}

use map::CODE_BASE;
pub use map::INSNS_PER_TICK;
use map::RAM_TOP;

/// Where run.sh stages the update package, outside the firmware's own FLASH region.
pub const PACKAGE_SLOT: usize = CODE_BASE + 0x0020_0000;
/// The staging slot's size.
pub const PACKAGE_SLOT_BYTES: usize = 0x0010_0000;
/// The persist sector (root updates).
#[cfg_attr(not(feature = "root-update"), allow(dead_code))]
pub const PERSIST_SLOT: usize = CODE_BASE + 0x0030_0000;
/// The persist sector's size.
#[cfg_attr(not(feature = "root-update"), allow(dead_code))]
pub const PERSIST_SLOT_BYTES: usize = 0x0004_0000;
/// The install slot.
pub const INSTALL_SLOT: usize = CODE_BASE + 0x0034_0000;
/// The install slot's size.
pub const INSTALL_SLOT_BYTES: usize = 0x0008_0000;
/// The anti-rollback counter: one word of flash standing in for an eFuse field.
pub const COUNTER: usize = CODE_BASE + 0x003C_0000;
/// The RTC: Unix seconds, 0 when never set.
pub const RTC_SECONDS: usize = RAM_TOP - 8;
/// The power-cut test register.
pub const POWER_CUT: usize = RAM_TOP - 16;
