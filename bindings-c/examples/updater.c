/*
 * updater: decides whether a firmware image is safe to install, offline.
 *
 *   updater TRUSTED_ROOT.json FIRMWARE BUNDLE.sigstore.json IDENTITY ISSUER
 *
 * The firmware is streamed through the SHA-256 hasher in 4 KiB chunks (never held in memory
 * at once); the bundle is then verified over that digest against the trusted root, requiring
 * a certificate for IDENTITY issued by ISSUER, at the current time.
 *
 * Exit status: 0 only when the image verified and is safe to install; 1 when verification
 * failed; 2 on a usage or I/O error. Build: see bindings-c/Makefile or bindings-c/README.md.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sigverify.h"

#define CHUNK 4096
#define MAX_DOC (16u * 1024u * 1024u) /* bundles and roots are far smaller */

/* Reads a small document (bundle, trusted root) into a malloc'ed buffer. */
static unsigned char *slurp(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  unsigned char *buf = NULL, *bigger;
  size_t len = 0, cap = 0, n;
  if (f == NULL) return NULL;
  do {
    if (len == cap) {
      if (cap >= MAX_DOC || (bigger = realloc(buf, cap = cap ? cap * 2 : CHUNK)) == NULL) {
        free(buf);
        fclose(f);
        errno = EFBIG;
        return NULL;
      }
      buf = bigger;
    }
    n = fread(buf + len, 1, cap - len, f);
    len += n;
  } while (n > 0);
  if (ferror(f)) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  *len_out = len;
  return buf;
}

/* Streams the file at `path` through a hasher; returns 0 and fills `digest` on success. */
static int hash_firmware(const char *path, uint8_t digest[SIGVERIFY_SHA256_LEN]) {
  unsigned char chunk[CHUNK];
  size_t n;
  int rc = 0;
  FILE *f = fopen(path, "rb");
  sigverify_hasher *hasher;
  if (f == NULL) return -1;
  if ((hasher = sigverify_hasher_new()) == NULL) {
    fclose(f);
    return -1;
  }
  while (rc == 0 && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
    rc = sigverify_hasher_update(hasher, chunk, n);
  if (rc == 0 && ferror(f)) rc = -1;
  if (rc == 0) rc = sigverify_hasher_final(hasher, digest);
  sigverify_hasher_free(hasher);
  fclose(f);
  return rc;
}

int main(int argc, char **argv) {
  sigverify_verifier *verifier = NULL;
  sigverify_policy *policy = NULL;
  sigverify_result *result = NULL;
  sigverify_error *error = NULL;
  unsigned char *root = NULL, *bundle = NULL;
  uint8_t digest[SIGVERIFY_SHA256_LEN];
  size_t root_len = 0, bundle_len = 0;
  uint64_t log_index = 0;
  int status, exit_code = 2;

  if (argc != 6) {
    fprintf(stderr, "usage: %s TRUSTED_ROOT.json FIRMWARE BUNDLE IDENTITY ISSUER\n", argv[0]);
    return 2;
  }
  if ((root = slurp(argv[1], &root_len)) == NULL) {
    fprintf(stderr, "updater: %s: %s\n", argv[1], strerror(errno));
    goto out;
  }
  if ((bundle = slurp(argv[3], &bundle_len)) == NULL) {
    fprintf(stderr, "updater: %s: %s\n", argv[3], strerror(errno));
    goto out;
  }
  if (hash_firmware(argv[2], digest) != 0) {
    fprintf(stderr, "updater: cannot hash %s: %s\n", argv[2], strerror(errno));
    goto out;
  }

  exit_code = 1; /* from here on, any failure means "do not install" */
  status = sigverify_verifier_new_from_trusted_root(root, root_len, &verifier, &error);
  if (status == SIGVERIFY_OK)
    status = sigverify_policy_new_identity(argv[4], argv[5], &policy, &error);
  if (status == SIGVERIFY_OK)
    status = sigverify_verify(verifier, bundle, bundle_len, NULL, 0, digest, policy,
                              0 /* system clock */, &result, &error);
  if (status != SIGVERIFY_OK) {
    fprintf(stderr, "updater: NOT safe to install: %s (%d): %s\n", sigverify_error_name(error),
            status, sigverify_error_message(error));
    goto out;
  }
  sigverify_result_log_index(result, 0, &log_index);
  printf("updater: safe to install: signed by %s (issuer %s), tlog index %llu\n",
         sigverify_result_identity(result, NULL), sigverify_result_issuer(result, NULL),
         (unsigned long long)log_index);
  exit_code = 0;

out:
  sigverify_result_free(result);
  sigverify_error_free(error);
  sigverify_policy_free(policy);
  sigverify_verifier_free(verifier);
  free(bundle);
  free(root);
  return exit_code;
}
