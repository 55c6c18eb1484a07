/* What the C updater needs from the board besides memory: the anti-rollback counter and the
   install slot (the Rust updater's `Platform` trait, updater/src/platform.rs). A port fills one
   with its parts: an eFuse field or a secure element's monotonic counter, a flash driver. */
#ifndef UPDATER_PLATFORM_H
#define UPDATER_PLATFORM_H

#include <stddef.h>
#include <stdint.h>

/* A flash or counter write did not complete. */
#define FLASH_FAILED (-3)

struct platform {
  /* The highest security version installed (0 on a new device). */
  uint32_t (*counter)(void);
  /* Raises the counter to `version`: 0, or FLASH_FAILED (also for a lower version: a counter
     never goes down). */
  int (*advance_counter)(uint32_t version);
  /* The install slot as the device reads it at boot. */
  const unsigned char *(*installed)(void);
  /* Programs the install slot with the verified package and reads it back: 0 when the slot
     holds exactly it, else FLASH_FAILED. */
  int (*install)(const unsigned char *package, size_t len);
  /* Whether the harness asked for power to fail between the image write and the counter
     advance (a test hook; a real board has none). */
  int (*power_cut_after_write)(void);
};

/* The emulated board: flash programmed through semihosting (host files run.sh loads back). */
extern const struct platform QEMU_PLATFORM;

#endif
