/* The C updater's root updates (trust.c): built into its root-update image only. */
#ifndef UPDATER_TRUST_H
#define UPDATER_TRUST_H

#include <stddef.h>
#include <stdint.h>

#include "sigverify.h"

/* Root rotations one package (or the persist sector) may carry, as the Rust updater. */
#define TUF_MAX_ROOTS 8u

/* The TUF files of one update, borrowed from the package or the persist sector. */
struct tuf_update {
  sigverify_buffer roots[TUF_MAX_ROOTS];
  size_t roots_len;
  sigverify_buffer timestamp, snapshot, targets, trusted_root;
};

/* The verifier for this boot: over the trusted root a TUF update in the package delivers
   (verified, then persisted), else the one persisted by an earlier update (checked again from
   the compiled-in TUF root), else the compiled-in production root. `update` is NULL when the
   package carries none. Returns SIGVERIFY_OK, a sigverify code, or -1 (flash). */
int trust_verifier(const struct tuf_update *update, uint64_t now, sigverify_verifier **verifier,
                   sigverify_error **err);

#endif
