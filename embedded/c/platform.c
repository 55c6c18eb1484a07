/* The emulated board's platform (platform.h): on QEMU, flash regions are programmed through
   semihosting into host files, which run.sh loads back at the same addresses on the next boot,
   as flash keeps its contents across a reset. */
#include <stdbool.h>

#include "board.h"
#include "firmware.h"
#include "platform.h"
#include "sigverify.h"

static void hash_chunk(void *hasher, const uint8_t *data, size_t len) {
  sigverify_hasher_update((sigverify_hasher *)hasher, data, len);
}

static bool same_digest(const uint8_t *a, const uint8_t *b) {
  uint8_t diff = 0;
  size_t i;
  for (i = 0; i < 32; i++) diff |= (uint8_t)(a[i] ^ b[i]);
  return diff == 0;
}

static uint32_t counter(void) { return COUNTER; }

static int advance_counter(uint32_t version) {
  static const char path[] = "counter.bin";
  unsigned char word[4];
  if (version < COUNTER) return FLASH_FAILED;
  word[0] = (unsigned char)version;
  word[1] = (unsigned char)(version >> 8);
  word[2] = (unsigned char)(version >> 16);
  word[3] = (unsigned char)(version >> 24);
  return sh_write_file(path, sizeof path - 1, word, sizeof word) == 0 ? 0 : FLASH_FAILED;
}

static const unsigned char *installed(void) { return INSTALL_SLOT; }

static int install(const unsigned char *package, size_t len) {
  static const char path[] = "install.bin";
  uint8_t want[32], have[32];
  sigverify_hasher *hasher = sigverify_hasher_new();
  int rc = FLASH_FAILED;
  if (hasher == NULL || len > INSTALL_SLOT_BYTES) goto out;
  if (sigverify_hasher_update(hasher, package, len) != SIGVERIFY_OK ||
      sigverify_hasher_final(hasher, want) != SIGVERIFY_OK)
    goto out;
  if (sh_write_file(path, sizeof path - 1, package, len) != 0) goto out;
  /* Checked as written: the slot read back hashes to what was meant to be there. */
  if (sh_read_file(path, sizeof path - 1, hash_chunk, hasher) != 0 ||
      sigverify_hasher_final(hasher, have) != SIGVERIFY_OK)
    goto out;
  rc = same_digest(want, have) ? 0 : FLASH_FAILED;
out:
  sigverify_hasher_free(hasher);
  return rc;
}

static int power_cut_after_write(void) { return POWER_CUT == 1; }

const struct platform QEMU_PLATFORM = {counter, advance_counter, installed, install,
                                       power_cut_after_write};
