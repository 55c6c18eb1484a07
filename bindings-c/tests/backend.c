/*
 * The ECDSA backend hook: a firmware's callback (an accelerator, a secure element) answers
 * each ECDSA check, or hands it back to the core.
 *
 *   backend BUNDLE ARTIFACT IDENTITY ISSUER NOW
 *
 * BUNDLE must be a message signature over ARTIFACT (hashedrekord), so that the digest mode is
 * reached too. Each backend is checked for the outcome and for how it was called:
 * - a counting backend that answers through sigverify_ecdsa_check_in_software: verifies;
 * - one that says "invalid": the verification fails, and the core does not retry the check;
 * - one that says "cannot check": the core's own code verifies;
 * - with only the artifact's SHA-256: the artifact signature reaches the backend as a digest.
 */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "sigverify.h"
#include "util.h"

struct counts {
  int calls, digests, messages, software_valid, bad_shape;
  int answer; /* what the backend says when it does not ask the software */
  int ask_software;
};

static int backend(void *context, const sigverify_ecdsa_check *check) {
  struct counts *c = (struct counts *)context;
  c->calls++;
  if ((check->message == NULL) == (check->digest == NULL)) c->bad_shape++;
  if (check->digest != NULL) c->digests++;
  if (check->message != NULL) c->messages++;
  if (check->point_len == 0 || check->point[0] != 0x04 || check->signature_len < 8 ||
      check->spki_len <= check->point_len) c->bad_shape++;
  if (check->curve != SIGVERIFY_CURVE_P256 && check->curve != SIGVERIFY_CURVE_P384) c->bad_shape++;
  if (!c->ask_software) return c->answer;
  if (sigverify_ecdsa_check_in_software(check) == SIGVERIFY_ECDSA_VALID) {
    c->software_valid++;
    return SIGVERIFY_ECDSA_VALID;
  }
  return SIGVERIFY_ECDSA_INVALID;
}

static int run(const unsigned char *bundle, size_t bundle_len, const unsigned char *artifact,
               size_t artifact_len, const uint8_t *digest, const sigverify_policy *policy,
               uint64_t now, struct counts *c) {
  sigverify_verifier *v = NULL;
  sigverify_error *err = NULL;
  int rc;
  CHECK_STATUS(sigverify_verifier_new_production(&v, &err), SIGVERIFY_OK, err);
  if (c != NULL) {
    CHECK_STATUS(sigverify_verifier_set_ecdsa_backend(v, backend, c, &err), SIGVERIFY_OK, err);
  }
  rc = sigverify_verify(v, bundle, bundle_len, digest ? NULL : artifact,
                        digest ? 0 : artifact_len, digest, policy, now, NULL, &err);
  sigverify_error_free(err);
  sigverify_verifier_free(v);
  return rc;
}

int main(int argc, char **argv) {
  size_t bundle_len = 0, artifact_len = 0;
  unsigned char *bundle, *artifact;
  uint8_t digest[SIGVERIFY_SHA256_LEN];
  sigverify_policy *policy = NULL;
  sigverify_hasher *hasher;
  sigverify_error *err = NULL;
  sigverify_verifier *v = NULL;
  uint64_t now;
  int rc;
  if (argc != 6) {
    fprintf(stderr, "usage: backend BUNDLE ARTIFACT IDENTITY ISSUER NOW\n");
    return 2;
  }
  bundle = read_file(argv[1], &bundle_len);
  artifact = read_file(argv[2], &artifact_len);
  now = strtoull(argv[5], NULL, 10);
  if (bundle == NULL || artifact == NULL) return 2;
  CHECK_STATUS(sigverify_policy_new_identity(argv[3], argv[4], &policy, &err), SIGVERIFY_OK, err);
  hasher = sigverify_hasher_new();
  sigverify_hasher_update(hasher, artifact, artifact_len);
  CHECK(sigverify_hasher_final(hasher, digest) == SIGVERIFY_OK);
  sigverify_hasher_free(hasher);

  {
    struct counts c = {0, 0, 0, 0, 0, SIGVERIFY_ECDSA_INVALID, 1};
    CHECK(run(bundle, bundle_len, artifact, artifact_len, NULL, policy, now, &c) == SIGVERIFY_OK);
    /* Fulcio's P-384 signature on the leaf, the artifact signature, the SCT, the inclusion
       promise or checkpoint: every ECDSA check of the bundle went through the backend. */
    CHECK(c.calls >= 4);
    CHECK(c.software_valid == c.calls);
    CHECK(c.messages == c.calls && c.digests == 0 && c.bad_shape == 0);
    printf("counting backend: %d checks, all valid\n", c.calls);
  }
  {
    struct counts c = {0, 0, 0, 0, 0, SIGVERIFY_ECDSA_INVALID, 0};
    rc = run(bundle, bundle_len, artifact, artifact_len, NULL, policy, now, &c);
    CHECK(rc != SIGVERIFY_OK);
    CHECK(c.calls == 1); /* final: the first refused check ends the verification */
    printf("invalid backend: %s after %d call\n", sigverify_code_name(rc), c.calls);
  }
  {
    struct counts c = {0, 0, 0, 0, 0, SIGVERIFY_ECDSA_CANNOT_CHECK, 0};
    CHECK(run(bundle, bundle_len, artifact, artifact_len, NULL, policy, now, &c) == SIGVERIFY_OK);
    CHECK(c.calls >= 4);
    printf("cannot-check backend: verified by the core after %d calls\n", c.calls);
  }
  {
    struct counts c = {0, 0, 0, 0, 0, 7, 0}; /* an answer outside the three: invalid */
    CHECK(run(bundle, bundle_len, artifact, artifact_len, NULL, policy, now, &c) != SIGVERIFY_OK);
    CHECK(c.calls == 1);
  }
  {
    struct counts c = {0, 0, 0, 0, 0, SIGVERIFY_ECDSA_INVALID, 1};
    CHECK(run(bundle, bundle_len, artifact, artifact_len, digest, policy, now, &c) == SIGVERIFY_OK);
    CHECK(c.digests == 1 && c.software_valid == c.calls && c.bad_shape == 0);
    printf("digest mode: %d of %d checks by digest\n", c.digests, c.calls);
  }
  /* Without a backend the same bundle verifies; the hook's argument checks. */
  CHECK(run(bundle, bundle_len, artifact, artifact_len, NULL, policy, now, NULL) == SIGVERIFY_OK);
  CHECK_STATUS(sigverify_verifier_new_production(&v, &err), SIGVERIFY_OK, err);
  CHECK_STATUS(sigverify_verifier_set_ecdsa_backend(v, NULL, NULL, &err), SIGVERIFY_NULL_PARAMETER,
               err);
  CHECK_STATUS(sigverify_verifier_set_ecdsa_backend(NULL, backend, NULL, &err),
               SIGVERIFY_NULL_PARAMETER, err);
  sigverify_verifier_free(v);
  CHECK(sigverify_ecdsa_check_in_software(NULL) == SIGVERIFY_ECDSA_INVALID);
  {
    sigverify_ecdsa_check odd;
    memset(&odd, 0, sizeof odd);
    odd.curve = 255;
    CHECK(sigverify_ecdsa_check_in_software(&odd) == SIGVERIFY_ECDSA_INVALID);
  }

  sigverify_policy_free(policy);
  free(bundle);
  free(artifact);
  return checks_summary();
}
