/*
 * An attestation through the C API: a real PyPI attestation (DSSE, production root) verifies,
 * its statement is returned, and its in-toto predicate type is checked exactly.
 *
 * usage: attestation BUNDLE ARTIFACT IDENTITY ISSUER PREDICATE_TYPE
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sigverify.h"
#include "util.h"

/* Whether `needle` occurs in the `len` bytes at `hay`. */
static int contains(const uint8_t *hay, size_t len, const char *needle) {
  size_t n = strlen(needle), i;
  for (i = 0; n <= len && i <= len - n; i++)
    if (memcmp(hay + i, needle, n) == 0) return 1;
  return 0;
}

int main(int argc, char **argv) {
  sigverify_verifier *v = NULL;
  sigverify_policy *p = NULL;
  sigverify_result *r = NULL;
  sigverify_error *err = NULL;
  uint8_t *bundle, *artifact;
  const uint8_t *statement;
  size_t bundle_len, artifact_len, len = 0;

  if (argc != 6) {
    fprintf(stderr, "usage: %s BUNDLE ARTIFACT IDENTITY ISSUER PREDICATE_TYPE\n", argv[0]);
    return 2;
  }
  bundle = read_file(argv[1], &bundle_len);
  artifact = read_file(argv[2], &artifact_len);
  if (bundle == NULL || artifact == NULL) {
    perror("read");
    return 2;
  }
  CHECK_STATUS(sigverify_verifier_new_production(&v, &err), SIGVERIFY_OK, err);
  CHECK_STATUS(sigverify_policy_new_identity(argv[3], argv[4], &p, &err), SIGVERIFY_OK, err);
  CHECK_STATUS(sigverify_verify(v, bundle, bundle_len, artifact, artifact_len, NULL, p, 0, &r,
                                &err),
               SIGVERIFY_OK, err);
  statement = sigverify_result_statement(r, &len);
  CHECK(statement != NULL && len > 0);
  CHECK(statement != NULL && contains(statement, len, argv[5]));
  CHECK_STATUS(sigverify_result_check_predicate_type(r, argv[5], &err), SIGVERIFY_OK, err);
  CHECK_STATUS(sigverify_result_check_predicate_type(r, "https://slsa.dev/provenance/v1", &err),
               SIGVERIFY_DSSE_PREDICATE_TYPE_MISMATCH, err);
  /* The error names the type found; without error_out only the code comes back. */
  CHECK(sigverify_result_check_predicate_type(r, "", &err) ==
        SIGVERIFY_DSSE_PREDICATE_TYPE_MISMATCH);
  CHECK(err != NULL && strstr(sigverify_error_message(err), argv[5]) != NULL);
  sigverify_error_free(err);
  err = NULL;
  CHECK(sigverify_result_check_predicate_type(r, "x", NULL) ==
        SIGVERIFY_DSSE_PREDICATE_TYPE_MISMATCH);

  sigverify_result_free(r);
  sigverify_policy_free(p);
  sigverify_verifier_free(v);
  free(bundle);
  free(artifact);
  return checks_summary();
}
