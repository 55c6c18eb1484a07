/*
 * The files users hold, through the C API: npm's attestations document split into its bundles
 * (the file verifies when one of them does), and a real PyPI provenance verified against its
 * distribution for its GitHub publisher; another publisher, an altered file and an index past
 * the end are refused with their codes.
 *
 * usage: files NPM_ATTESTATIONS NPM_TARBALL PYPI_PROVENANCE PYPI_DIST DIST_NAME REPOSITORY
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sigverify.h"
#include "util.h"

int main(int argc, char **argv) {
  sigverify_verifier *v = NULL;
  sigverify_policy *p = NULL;
  sigverify_result *r = NULL;
  sigverify_error *err = NULL;
  sigverify_hasher *h;
  sigverify_pypi_publisher publisher;
  uint8_t *doc, *tarball, *provenance, *dist, *bundle = NULL, sha[32];
  size_t doc_len, tarball_len, provenance_len, dist_len, bundle_len = 0, count = 0, i;
  int verified_at = -1, status;

  if (argc != 7) {
    fprintf(stderr, "usage: %s NPM_ATTESTATIONS NPM_TARBALL PYPI_PROVENANCE PYPI_DIST DIST_NAME REPOSITORY\n", argv[0]);
    return 2;
  }
  doc = read_file(argv[1], &doc_len);
  tarball = read_file(argv[2], &tarball_len);
  provenance = read_file(argv[3], &provenance_len);
  dist = read_file(argv[4], &dist_len);
  if (doc == NULL || tarball == NULL || provenance == NULL || dist == NULL) {
    perror("read");
    return 2;
  }
  CHECK_STATUS(sigverify_verifier_new_production(&v, &err), SIGVERIFY_OK, err);
  CHECK_STATUS(sigverify_policy_new_identity(
                   "https://github.com/microsoft/playwright-cli/.github/workflows/publish.yml@refs/tags/v0.1.1",
                   "https://token.actions.githubusercontent.com", &p, &err),
               SIGVERIFY_OK, err);

  /* Every bundle of the document; the publish attestation (npm's key) fails the identity
   * policy, the provenance verifies. */
  CHECK_STATUS(sigverify_file_bundle(doc, doc_len, 0, &bundle, &bundle_len, &count, &err),
               SIGVERIFY_OK, err);
  sigverify_buffer_free(bundle, bundle_len);
  CHECK(count == 2);
  for (i = 0; i < count; i++) {
    CHECK_STATUS(sigverify_file_bundle(doc, doc_len, i, &bundle, &bundle_len, &count, &err),
                 SIGVERIFY_OK, err);
    status = sigverify_verify(v, bundle, bundle_len, tarball, tarball_len, NULL, p, 0, NULL, NULL);
    if (status == SIGVERIFY_OK && verified_at < 0) verified_at = (int)i;
    if (i == 0) CHECK(status == SIGVERIFY_POLICY_MATERIAL_MISMATCH);
    sigverify_buffer_free(bundle, bundle_len);
  }
  CHECK(verified_at == 1);
  CHECK(sigverify_file_bundle(doc, doc_len, 2, &bundle, &bundle_len, &count, NULL) ==
        SIGVERIFY_INVALID_ARGUMENT);
  CHECK(sigverify_file_bundle((const uint8_t *)"{\"attestations\":[]}", 19, 0, &bundle,
                              &bundle_len, &count, NULL) == SIGVERIFY_BUNDLE_JSON_INVALID);

  /* The PyPI provenance, hashed as a firmware would hash it: chunk by chunk. */
  h = sigverify_hasher_new();
  CHECK(h != NULL);
  CHECK(sigverify_hasher_update(h, dist, dist_len) == SIGVERIFY_OK);
  CHECK(sigverify_hasher_final(h, sha) == SIGVERIFY_OK);
  sigverify_hasher_free(h);
  memset(&publisher, 0, sizeof publisher);
  publisher.repository = argv[6];
  count = 0;
  CHECK_STATUS(sigverify_verify_pypi(v, argv[5], sha, provenance, provenance_len, &publisher, 0,
                                     &count, &r, &err),
               SIGVERIFY_OK, err);
  CHECK(count == 1);
  CHECK(r != NULL && strstr(sigverify_result_identity(r, NULL), "/.github/workflows/release.yml@") != NULL);
  /* The certificate's source repository, from its Fulcio extension. */
  CHECK(strcmp(sigverify_result_extension(r, "1.3.6.1.4.1.57264.1.12", NULL), argv[6]) == 0);
  CHECK(sigverify_result_extension(r, "1.3.6.1.4.1.57264.1.99", NULL) == NULL);
  CHECK(sigverify_result_extension(r, NULL, NULL) == NULL);
  sigverify_result_free(r);
  r = NULL;
  publisher.repository = "https://github.com/someone/else";
  CHECK(sigverify_verify_pypi(v, argv[5], sha, provenance, provenance_len, &publisher, 0, NULL,
                              NULL, &err) == SIGVERIFY_PYPI_PUBLISHER_MISMATCH);
  CHECK(err != NULL && strstr(sigverify_error_message(err), "GitHub") != NULL);
  sigverify_error_free(err);
  err = NULL;
  publisher.repository = argv[6];
  sha[0] ^= 1;
  CHECK(sigverify_verify_pypi(v, argv[5], sha, provenance, provenance_len, &publisher, 0, NULL,
                              NULL, NULL) == SIGVERIFY_PYPI_DISTRIBUTION_DIGEST_MISMATCH);
  sha[0] ^= 1;
  CHECK(sigverify_verify_pypi(v, "not-a-dist.txt", sha, provenance, provenance_len, &publisher,
                              0, NULL, NULL, NULL) == SIGVERIFY_PYPI_DISTRIBUTION_NAME_INVALID);
  memset(&publisher, 0, sizeof publisher);
  CHECK(sigverify_verify_pypi(v, argv[5], sha, provenance, provenance_len, &publisher, 0, NULL,
                              NULL, NULL) == SIGVERIFY_INVALID_ARGUMENT);
  CHECK(sigverify_verify_pypi(v, argv[5], sha, provenance, provenance_len, NULL, 0, NULL, NULL,
                              NULL) == SIGVERIFY_NULL_PARAMETER);

  sigverify_policy_free(p);
  sigverify_verifier_free(v);
  free(doc);
  free(tarball);
  free(provenance);
  free(dist);
  return checks_summary();
}
