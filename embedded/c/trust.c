/*
 * Which trusted root the C updater uses, and how a TUF update inside a package replaces it: the
 * same rules and the same persist-sector format as the Rust updater (updater/src/trust.rs),
 * through sigverify_trusted_root_from_tuf. Built into the C updater's root-update image only
 * (ROOT_UPDATE).
 *
 * Trust comes only from the compiled-in TUF root (v15), never from the sector. An update in a
 * package is verified from that root with the rollback floors the sector holds (the state
 * blob); when it verifies, the new floors, the time it verified at and the TUF files are
 * programmed into the sector. At every boot the persisted files are checked again from the
 * compiled-in TUF root, at the time they verified at, before their trusted_root.json is used;
 * a sector that does not verify is refused by name and the compiled-in root applies. Whoever
 * writes the sector can at most bring back files that once verified, or lose the floors.
 *
 * Sector: "SVSTATE2", then fields (u32 LE length, bytes, zero padding to 4): state, time (u64
 * LE), timestamp, snapshot, targets, trusted_root.json, root count (u32 LE), each root.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "firmware.h"
#include "sigverify.h"
#include "trust.h"


static const char TRUSTED_ROOT[] = "trusted_root.json";

/* The next field of the sector at *at: false when it runs past the sector. */
static bool field(size_t *at, sigverify_buffer *out) {
  size_t len;
  if (*at > PERSIST_BYTES - 4) return false;
  len = le32(PERSIST + *at);
  if (len > PERSIST_BYTES - *at - 4) return false;
  out->data = PERSIST + *at + 4;
  out->len = len;
  *at += 4 + ((len + 3) & ~(size_t)3);
  return true;
}

/* The persisted update: its files, the state blob and the time it verified at. */
struct persisted {
  struct tuf_update files;
  sigverify_buffer state;
  uint64_t verified_at;
};

static bool read_sector(struct persisted *p) {
  static const char magic[8] = {'S', 'V', 'S', 'T', 'A', 'T', 'E', '2'};
  sigverify_buffer time, count;
  size_t at = 8, i, n;
  for (i = 0; i < 8; i++)
    if (PERSIST[i] != (unsigned char)magic[i]) return false;
  if (!field(&at, &p->state) || !field(&at, &time) || time.len != 8 ||
      !field(&at, &p->files.timestamp) || !field(&at, &p->files.snapshot) ||
      !field(&at, &p->files.targets) || !field(&at, &p->files.trusted_root) ||
      !field(&at, &count) || count.len != 4)
    return false;
  p->verified_at = (uint64_t)le32(time.data) | (uint64_t)le32(time.data + 4) << 32;
  n = le32(count.data);
  if (n > TUF_MAX_ROOTS) return false;
  for (i = 0; i < n; i++)
    if (!field(&at, &p->files.roots[i])) return false;
  p->files.roots_len = n;
  return true;
}

/* sigverify_trusted_root_from_tuf over `u` from the compiled-in production TUF root. */
static int verify_update(const struct tuf_update *u, const sigverify_buffer *state, uint64_t now,
                         uint8_t **root, size_t *root_len, uint8_t **state_out,
                         size_t *state_len, sigverify_error **err) {
  sigverify_tuf_target target;
  sigverify_tuf_files files;
  target.name = TRUSTED_ROOT;
  target.content = u->trusted_root;
  files.anchor.data = NULL;
  files.anchor.len = 0;
  files.staging = false;
  files.state.data = state != NULL ? state->data : NULL;
  files.state.len = state != NULL ? state->len : 0;
  files.roots = u->roots;
  files.roots_len = u->roots_len;
  files.timestamp = u->timestamp;
  files.snapshot = u->snapshot;
  files.targets = u->targets;
  files.target_files = &target;
  files.target_files_len = 1;
  /* This device has no ECDSA hardware: the library's own software checks the signatures. */
  files.ecdsa_verify = NULL;
  files.ecdsa_context = NULL;
  return sigverify_trusted_root_from_tuf(&files, now, root, root_len, state_out, state_len, err);
}

static const uint8_t PAD[4] = {0, 0, 0, 0};

static int put_field(struct sh_file *f, const void *data, size_t len) {
  uint8_t word[4];
  word[0] = (uint8_t)len;
  word[1] = (uint8_t)(len >> 8);
  word[2] = (uint8_t)(len >> 16);
  word[3] = (uint8_t)(len >> 24);
  if (sh_file_write(f, word, 4) != 0 || sh_file_write(f, data, len) != 0) return -1;
  return sh_file_write(f, PAD, (4 - len % 4) % 4);
}

/* Programs the sector for an update that verified at `now` and left `state`. */
static int program(const struct tuf_update *u, const uint8_t *state, size_t state_len, uint64_t now) {
  static const char path[] = "persist.bin";
  uint8_t time[8], count[4];
  struct sh_file f;
  size_t i;
  int rc;
  for (i = 0; i < 8; i++) time[i] = (uint8_t)(now >> (8 * i));
  for (i = 0; i < 4; i++) count[i] = (uint8_t)(u->roots_len >> (8 * i));
  if (sh_file_open_write(&f, path, sizeof path - 1) != 0) return -1;
  rc = sh_file_write(&f, "SVSTATE2", 8);
  if (rc == 0) rc = put_field(&f, state, state_len);
  if (rc == 0) rc = put_field(&f, time, sizeof time);
  if (rc == 0) rc = put_field(&f, u->timestamp.data, u->timestamp.len);
  if (rc == 0) rc = put_field(&f, u->snapshot.data, u->snapshot.len);
  if (rc == 0) rc = put_field(&f, u->targets.data, u->targets.len);
  if (rc == 0) rc = put_field(&f, u->trusted_root.data, u->trusted_root.len);
  if (rc == 0) rc = put_field(&f, count, sizeof count);
  for (i = 0; rc == 0 && i < u->roots_len; i++) rc = put_field(&f, u->roots[i].data, u->roots[i].len);
  return sh_file_close(&f) == 0 ? rc : -1;
}

static void say_code(const char *before, int rc, const char *after) {
  put_str(before);
  put_u64((uint64_t)rc);
  put_str(" ");
  put_str(sigverify_code_name(rc));
  put_str(after);
}

int trust_verifier(const struct tuf_update *update, uint64_t now, sigverify_verifier **verifier,
                   sigverify_error **err) {
  struct persisted p;
  bool persisted = read_sector(&p);
  uint8_t *root = NULL, *state = NULL;
  size_t root_len = 0, state_len = 0;
  int rc;
  if (update != NULL) {
    rc = verify_update(update, persisted ? &p.state : NULL, now, &root, &root_len, &state,
                       &state_len, err);
    if (rc == SIGVERIFY_OK) {
      if (program(update, state, state_len, now) != 0) {
        put_str("refused: a flash write did not complete\n");
        rc = -1;
      } else {
        put_str("root update: verified from the compiled-in TUF root; trusted_root.json adopted and persisted\n");
      }
    }
  } else if (persisted) {
    /* The sector is not trusted: its files are checked again, at the time they verified at. */
    rc = verify_update(&p.files, NULL, p.verified_at, &root, &root_len, &state, &state_len, NULL);
    if (rc == SIGVERIFY_OK) {
      put_str("root: persisted by a TUF update, checked again from the compiled-in TUF root\n");
    } else {
      say_code("root: persisted TUF update refused (", rc, "): the compiled-in root applies\n");
      return sigverify_verifier_new_production(verifier, err);
    }
  } else {
    return sigverify_verifier_new_production(verifier, err);
  }
  if (rc == SIGVERIFY_OK) rc = sigverify_verifier_new_from_trusted_root(root, root_len, verifier, err);
  sigverify_buffer_free(root, root_len);
  sigverify_buffer_free(state, state_len);
  return rc;
}
