/*
 * GitHub's real immutable-release attestation through the C API (conformance/attestation-files/
 * github-release-delme-v6, gh's own test data): it verifies for its repository, tag and asset
 * against `gh attestation trusted-root`'s JSON Lines, as `sigverify verify-release` does, and
 * every other release, asset or root is refused with the code that names the check.
 *
 * usage: release BUNDLE TRUSTED_ROOT_JSONL ASSET ASSET_NOT_ATTESTED
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sigverify.h"
#include "util.h"

#define NOW 1748700000u
#define TAG_DIGEST "c5e17a62e06a1d201570249c61fae531e9244e1b"
#define ASSET_SHA256 "e15b593c6ab8d7725a3cc82226ef816cac6bf9c70eed383bd459295cc65f5ec3"

static const uint8_t *bundle, *roots;
static size_t bundle_len, roots_len;

/* The release of bdehamer/delme v6, with the given changes. */
static sigverify_release_policy policy(void) {
  sigverify_release_policy p;
  memset(&p, 0, sizeof p);
  p.repo = "bdehamer/delme";
  p.tag = "v6";
  return p;
}

/* sigverify_verify_release's status for `p` (and `roots_len` bytes of the roots), checking
 * that the error object agrees with it. */
static int status_of(sigverify_release_policy p, size_t roots_bytes, const uint8_t *shas,
                     size_t count) {
  sigverify_error *err = NULL;
  sigverify_release_result *r = NULL;
  int s = sigverify_verify_release(roots, roots_bytes, bundle, bundle_len, &p, shas, count, NOW,
                                   &r, &err);
  CHECK((s == SIGVERIFY_OK) == (r != NULL));
  CHECK((s == SIGVERIFY_OK) == (err == NULL));
  if (err != NULL) CHECK(sigverify_error_code(err) == s);
  sigverify_error_free(err);
  sigverify_release_result_free(r);
  return s;
}

static void sha256_of(const uint8_t *data, size_t len, uint8_t out[32]) {
  sigverify_hasher *h = sigverify_hasher_new();
  CHECK(h != NULL);
  CHECK(sigverify_hasher_update(h, data, len) == SIGVERIFY_OK);
  CHECK(sigverify_hasher_final(h, out) == SIGVERIFY_OK);
  sigverify_hasher_free(h);
}

int main(int argc, char **argv) {
  sigverify_release_result *r = NULL;
  sigverify_error *err = NULL;
  sigverify_release_policy p;
  const sigverify_result *v;
  uint8_t *asset, *invalid, shas[64], want[32];
  size_t asset_len, invalid_len, len = 0, public_good_len;
  uint64_t signed_at = 0;
  const char *newline;

  if (argc != 5) {
    fprintf(stderr, "usage: %s BUNDLE TRUSTED_ROOT_JSONL ASSET ASSET_NOT_ATTESTED\n", argv[0]);
    return 2;
  }
  bundle = read_file(argv[1], &bundle_len);
  roots = read_file(argv[2], &roots_len);
  asset = read_file(argv[3], &asset_len);
  invalid = read_file(argv[4], &invalid_len);
  if (bundle == NULL || roots == NULL || asset == NULL || invalid == NULL) {
    perror("read");
    return 2;
  }
  sha256_of(asset, asset_len, shas);
  sha256_of(invalid, invalid_len, shas + 32);
  CHECK(parse_hex32(ASSET_SHA256, want) == 0 && memcmp(shas, want, 32) == 0);

  /* The release and its asset verify; the result names both, and its verification part is
   * read with the sigverify_result accessors. */
  p = policy();
  CHECK_STATUS(sigverify_verify_release(roots, roots_len, bundle, bundle_len, &p, shas, 1, NOW,
                                        &r, &err),
               SIGVERIFY_OK, err);
  CHECK(r != NULL);
  CHECK(strcmp(sigverify_release_result_repository(r, &len), "bdehamer/delme") == 0 && len == 14);
  CHECK(strcmp(sigverify_release_result_tag(r, NULL), "v6") == 0);
  CHECK(sigverify_release_result_subject_count(r) == 2);
  CHECK(strcmp(sigverify_release_result_subject_uri(r, 0, NULL), "pkg:github/bdehamer/delme@v6") == 0);
  CHECK(strcmp(sigverify_release_result_subject_name(r, 0, &len), "") == 0 && len == 0);
  CHECK(strcmp(sigverify_release_result_subject_digest(r, 0, "sha1", NULL), TAG_DIGEST) == 0);
  CHECK(sigverify_release_result_subject_digest(r, 0, "sha256", NULL) == NULL);
  CHECK(strcmp(sigverify_release_result_subject_name(r, 1, NULL), "artifact.zip") == 0);
  CHECK(strcmp(sigverify_release_result_subject_digest(r, 1, "sha256", &len), ASSET_SHA256) == 0 && len == 64);
  CHECK(sigverify_release_result_subject_name(r, 2, NULL) == NULL);
  CHECK(sigverify_release_result_subject_digest(r, 1, NULL, NULL) == NULL);
  CHECK(sigverify_release_result_asset_count(r) == 1);
  CHECK(strcmp(sigverify_release_result_asset_name(r, 0, NULL), "artifact.zip") == 0);
  CHECK(sigverify_release_result_asset_name(r, 1, NULL) == NULL);
  v = sigverify_release_result_verification(r);
  CHECK(v != NULL);
  CHECK(strcmp(sigverify_result_identity(v, NULL), "https://dotcom.releases.github.com") == 0);
  CHECK(sigverify_result_issuer(v, NULL) == NULL);
  CHECK(sigverify_result_signing_time_count(v) == 1);
  CHECK(sigverify_result_signing_time(v, 0, &signed_at) == SIGVERIFY_OK && signed_at == 1748636019u);
  CHECK(sigverify_result_log_entry_count(v) == 0);
  CHECK(sigverify_result_check_predicate_type(v, "https://in-toto.io/attestation/release/v0.1", NULL) == SIGVERIFY_OK);
  sigverify_release_result_free(r);
  r = NULL;

  /* The attestation alone; the tag's ref digest; the repository in another case. */
  CHECK(status_of(p, roots_len, NULL, 0) == SIGVERIFY_OK);
  p.tag_digest = TAG_DIGEST;
  p.repo = "BDEHAMER/Delme";
  CHECK(status_of(p, roots_len, NULL, 0) == SIGVERIFY_OK);

  /* Another release, asset, trust domain or root: refused by name. */
  CHECK(status_of(policy(), roots_len, shas, 2) == SIGVERIFY_RELEASE_ASSET_NOT_ATTESTED);
  p = policy();
  p.tag = "v1.2.3";
  CHECK(status_of(p, roots_len, NULL, 0) == SIGVERIFY_RELEASE_TAG_MISMATCH);
  p = policy();
  p.repo = "bdehamer/other";
  CHECK(status_of(p, roots_len, NULL, 0) == SIGVERIFY_RELEASE_REPOSITORY_MISMATCH);
  p = policy();
  p.tag_digest = "0000000000000000000000000000000000000000";
  CHECK(status_of(p, roots_len, NULL, 0) == SIGVERIFY_RELEASE_TAG_DIGEST_MISMATCH);
  p = policy();
  p.repo = "bdehamer";
  CHECK(status_of(p, roots_len, NULL, 0) == SIGVERIFY_RELEASE_POLICY_INVALID);
  p = policy();
  p.trust_domain = "acme";
  CHECK(status_of(p, roots_len, NULL, 0) == SIGVERIFY_POLICY_IDENTITY_MISMATCH);
  /* The first line alone: the public-good root did not issue GitHub's certificate. */
  newline = memchr(roots, '\n', roots_len);
  CHECK(newline != NULL);
  public_good_len = newline != NULL ? (size_t)(newline - (const char *)roots) : roots_len;
  CHECK(status_of(policy(), public_good_len, NULL, 0) == SIGVERIFY_TIMESTAMP_CHAIN_UNTRUSTED);
  CHECK(status_of(policy(), 10, NULL, 0) == SIGVERIFY_TRUST_ROOT_JSON_INVALID);

  /* NULLs, with the boundary's codes; out-parameters untouched on failure. */
  p = policy();
  CHECK(sigverify_verify_release(NULL, 0, bundle, bundle_len, &p, NULL, 0, NOW, &r, NULL) ==
        SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_verify_release(roots, roots_len, bundle, bundle_len, NULL, NULL, 0, NOW, &r,
                                 NULL) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_verify_release(roots, roots_len, bundle, bundle_len, &p, NULL, 1, NOW, &r,
                                 NULL) == SIGVERIFY_NULL_PARAMETER);
  p.tag = NULL;
  CHECK(sigverify_verify_release(roots, roots_len, bundle, bundle_len, &p, NULL, 0, NOW, &r,
                                 &err) == SIGVERIFY_NULL_PARAMETER);
  CHECK(err != NULL && sigverify_error_code(err) == SIGVERIFY_NULL_PARAMETER);
  sigverify_error_free(err);
  CHECK(r == NULL);
  CHECK(sigverify_release_result_repository(NULL, NULL) == NULL);
  CHECK(sigverify_release_result_subject_count(NULL) == 0);
  CHECK(sigverify_release_result_asset_count(NULL) == 0);
  CHECK(sigverify_release_result_verification(NULL) == NULL);
  sigverify_release_result_free(NULL);

  free((void *)bundle);
  free((void *)roots);
  free(asset);
  free(invalid);
  return checks_summary();
}
