/*
 * The happy path through the API and its ownership rules: results outlive the verifier and
 * the inputs, one verifier and policy are shared by several threads at once, error objects
 * carry the core's code and name.
 *
 * usage: api BUNDLE ARTIFACT ROOT.json IDENTITY ISSUER   (happy-path-v0.3 and production)
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sigverify.h"
#include "util.h"

struct job {
  const sigverify_verifier *verifier;
  const sigverify_policy *policy;
  const uint8_t *bundle;
  size_t bundle_len;
  const uint8_t *digest;
  int status;
};

static void *verify_job(void *arg) {
  struct job *j = (struct job *)arg;
  j->status = sigverify_verify(j->verifier, j->bundle, j->bundle_len, NULL, 0, j->digest,
                               j->policy, 0, NULL, NULL);
  return NULL;
}

int main(int argc, char **argv) {
  sigverify_verifier *v = NULL, *from_file = NULL;
  sigverify_policy *p = NULL, *wrong = NULL, *key = NULL;
  sigverify_result *r = NULL;
  sigverify_error *err = NULL;
  sigverify_hasher *h;
  uint8_t *bundle, *artifact, *root, digest[32];
  size_t bundle_len, artifact_len, root_len, len = 0, i;
  uint64_t t = 0, idx = 0;
  char version[32];
  pthread_t threads[4];
  struct job jobs[4];

  if (argc != 6) {
    fprintf(stderr, "usage: %s BUNDLE ARTIFACT ROOT.json IDENTITY ISSUER\n", argv[0]);
    return 2;
  }
  bundle = read_file(argv[1], &bundle_len);
  artifact = read_file(argv[2], &artifact_len);
  root = read_file(argv[3], &root_len);
  if (bundle == NULL || artifact == NULL || root == NULL) {
    perror("read");
    return 2;
  }
  snprintf(version, sizeof version, "%d.%d.%d", SIGVERIFY_VERSION_MAJOR, SIGVERIFY_VERSION_MINOR,
           SIGVERIFY_VERSION_PATCH);
  CHECK(strcmp(version, sigverify_version()) == 0);

  CHECK_STATUS(sigverify_verifier_new_production(&v, &err), SIGVERIFY_OK, err);
  CHECK_STATUS(sigverify_verifier_new_from_trusted_root(root, root_len, &from_file, &err),
               SIGVERIFY_OK, err);
  free(root); /* the verifier copied what it needs */
  CHECK_STATUS(sigverify_policy_new_identity(argv[4], argv[5], &p, &err), SIGVERIFY_OK, err);
  CHECK_STATUS(sigverify_policy_new_identity("https://example.com/other", argv[5], &wrong, &err),
               SIGVERIFY_OK, err);

  /* Artifact bytes, against the compiled-in root; the result outlives verifier and inputs. */
  CHECK_STATUS(sigverify_verify(v, bundle, bundle_len, artifact, artifact_len, NULL, p, 0, &r,
                                &err),
               SIGVERIFY_OK, err);
  sigverify_verifier_free(v);
  v = NULL;
  CHECK(r != NULL);
  CHECK(strcmp(sigverify_result_identity(r, &len), argv[4]) == 0 && len == strlen(argv[4]));
  CHECK(strcmp(sigverify_result_issuer(r, NULL), argv[5]) == 0);
  CHECK(sigverify_result_signing_time_count(r) >= 1);
  CHECK(sigverify_result_signing_time(r, 0, &t) == SIGVERIFY_OK && t > 1600000000u);
  CHECK(sigverify_result_signing_time(r, 99, &t) == SIGVERIFY_INVALID_ARGUMENT);
  CHECK(sigverify_result_signing_time(r, 0, NULL) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_result_log_entry_count(r) >= 1);
  CHECK(sigverify_result_log_index(r, 0, &idx) == SIGVERIFY_OK && idx > 0);
  CHECK(sigverify_result_log_index(r, 99, &idx) == SIGVERIFY_INVALID_ARGUMENT);
  {
    int kind = 0, code = 0;
    size_t position = 0;
    CHECK(sigverify_result_skipped_count(r) == 0 && sigverify_result_skipped_count(NULL) == 0);
    CHECK(sigverify_result_skipped(r, 0, &kind, &position, &code) == SIGVERIFY_INVALID_ARGUMENT);
    CHECK(sigverify_result_skipped(r, 0, NULL, &position, &code) == SIGVERIFY_NULL_PARAMETER);
    CHECK(sigverify_result_skipped(NULL, 0, &kind, &position, &code) == SIGVERIFY_NULL_PARAMETER);
  }
  CHECK(sigverify_result_statement(r, &len) == NULL); /* a message-signature bundle */
  CHECK_STATUS(sigverify_result_check_predicate_type(r, "https://slsa.dev/provenance/v1", &err),
               SIGVERIFY_DSSE_ENVELOPE_MISSING, err);
  CHECK_STATUS(sigverify_result_check_predicate_type(r, NULL, &err), SIGVERIFY_NULL_PARAMETER,
               err);
  CHECK_STATUS(sigverify_result_check_predicate_type(NULL, "x", &err), SIGVERIFY_NULL_PARAMETER,
               err);
  sigverify_result_free(r);
  r = NULL;

  /* The digest, streamed in small chunks, against the root read from a file. */
  h = sigverify_hasher_new();
  for (i = 0; i < artifact_len; i += 3)
    CHECK(sigverify_hasher_update(h, artifact + i, artifact_len - i < 3 ? artifact_len - i : 3) ==
          SIGVERIFY_OK);
  CHECK(sigverify_hasher_final(h, digest) == SIGVERIFY_OK);
  sigverify_hasher_free(h);
  CHECK_STATUS(sigverify_verify(from_file, bundle, bundle_len, NULL, 0, digest, p, 0, &r, &err),
               SIGVERIFY_OK, err);
  sigverify_result_free(r);
  r = NULL;
  /* Requirements: the GitHub private-instance profile wants a timestamp this bundle lacks;
     explicit counts; the base verifier is unchanged. */
  {
    sigverify_verifier *gh = NULL;
    sigverify_config c = sigverify_config_github_private();
    CHECK(c.tlog_entries == 0 && c.signed_timestamps == 1 && c.observer_timestamps == 1 &&
          c.certificate_timestamps == 0);
    CHECK_STATUS(sigverify_verifier_with_config(from_file, &c, &gh, &err), SIGVERIFY_OK, err);
    CHECK_STATUS(sigverify_verify(gh, bundle, bundle_len, NULL, 0, digest, p, 0, &r, &err),
                 SIGVERIFY_TIMESTAMP_THRESHOLD_NOT_MET, err);
    sigverify_verifier_free(gh);
    gh = NULL;
    c = sigverify_config_public_good();
    CHECK(c.tlog_entries == 1 && c.certificate_timestamps == 1);
    c.tlog_entries = 2;
    CHECK_STATUS(sigverify_verifier_with_config(from_file, &c, &gh, &err), SIGVERIFY_OK, err);
    CHECK_STATUS(sigverify_verify(gh, bundle, bundle_len, NULL, 0, digest, p, 0, &r, &err),
                 SIGVERIFY_TLOG_THRESHOLD_NOT_MET, err);
    sigverify_verifier_free(gh);
    gh = NULL;
    /* No signing time required: only for a managed key without a log, so a certificate
       policy is refused at verification, by the core's code. */
    c.observer_timestamps = 0;
    c.tlog_entries = 0;
    CHECK_STATUS(sigverify_verifier_with_config(from_file, &c, &gh, &err), SIGVERIFY_OK, err);
    CHECK_STATUS(sigverify_verify(gh, bundle, bundle_len, NULL, 0, digest, p, 0, &r, &err),
                 SIGVERIFY_TIME_THRESHOLD_ZERO_NOT_ALLOWED, err);
    {
      sigverify_policy *windowed = NULL;
      CHECK_STATUS(sigverify_policy_with_key_validity(p, 0, 5, &windowed, &err),
                   SIGVERIFY_POLICY_KEY_VALIDITY_INVALID, err);
      CHECK(windowed == NULL);
      CHECK_STATUS(sigverify_policy_with_key_validity(NULL, 0, 5, &windowed, &err),
                   SIGVERIFY_NULL_PARAMETER, err);
    }
    sigverify_verifier_free(gh);
    gh = NULL;
    CHECK_STATUS(sigverify_verifier_with_config(from_file, NULL, &gh, &err),
                 SIGVERIFY_NULL_PARAMETER, err);
    CHECK(gh == NULL);
    CHECK_STATUS(sigverify_verify(from_file, bundle, bundle_len, NULL, 0, digest, p, 0, &r, &err),
                 SIGVERIFY_OK, err);
    sigverify_result_free(r);
    r = NULL;
  }
  /* A GitHub policy, read from the certificate's extensions. */
  {
    sigverify_policy *gh = NULL;
    sigverify_github_policy spec;
    memset(&spec, 0, sizeof spec);
    spec.repo = "sigstore-conformance/extremely-dangerous-public-oidc-beacon";
    spec.source_ref = "refs/heads/main";
    CHECK_STATUS(sigverify_policy_new_github(&spec, &gh, &err), SIGVERIFY_OK, err);
    CHECK_STATUS(sigverify_verify(from_file, bundle, bundle_len, NULL, 0, digest, gh, 0, &r, &err),
                 SIGVERIFY_OK, err);
    sigverify_result_free(r);
    r = NULL;
    sigverify_policy_free(gh);
    gh = NULL;
    spec.repo = "sigstore-conformance/other";
    CHECK_STATUS(sigverify_policy_new_github(&spec, &gh, &err), SIGVERIFY_OK, err);
    CHECK_STATUS(sigverify_verify(from_file, bundle, bundle_len, NULL, 0, digest, gh, 0, &r, &err),
                 SIGVERIFY_POLICY_EXTENSION_MISMATCH, err);
    sigverify_policy_free(gh);
  }
  /* An identity pattern: anchored at both ends. */
  {
    sigverify_policy *re = NULL;
    CHECK_STATUS(sigverify_policy_new_identity_regexp(
                     "https://github\\.com/sigstore-conformance/.*", "https://token\\..*", &re, &err),
                 SIGVERIFY_OK, err);
    CHECK_STATUS(sigverify_verify(from_file, bundle, bundle_len, NULL, 0, digest, re, 0, &r, &err),
                 SIGVERIFY_OK, err);
    sigverify_result_free(r);
    r = NULL;
    sigverify_policy_free(re);
    re = NULL;
    CHECK_STATUS(sigverify_policy_new_identity_regexp("sigstore-conformance", ".*", &re, &err),
                 SIGVERIFY_OK, err);
    CHECK_STATUS(sigverify_verify(from_file, bundle, bundle_len, NULL, 0, digest, re, 0, &r, &err),
                 SIGVERIFY_POLICY_IDENTITY_MISMATCH, err);
    sigverify_policy_free(re);
  }
  /* The same digest as prefixed text, in the algorithm the bundle names. */
  {
    char text[7 + 64 + 1];
    const char *alg = sigverify_bundle_artifact_hash(bundle, bundle_len);
    CHECK(alg != NULL && strcmp(alg, "sha256") == 0);
    memcpy(text, "sha256:", 7);
    for (i = 0; i < 32; i++) snprintf(text + 7 + 2 * i, 3, "%02x", digest[i]);
    CHECK_STATUS(sigverify_verify_digest(from_file, bundle, bundle_len, text, p, 0, &r, &err),
                 SIGVERIFY_OK, err);
    sigverify_result_free(r);
    r = NULL;
    text[7] = text[7] == '0' ? '1' : '0';
    CHECK_STATUS(sigverify_verify_digest(from_file, bundle, bundle_len, text, p, 0, &r, &err),
                 SIGVERIFY_SIGNATURE_DIGEST_MISMATCH, err);
  }

  /* Failures carry the core's code and name; result_out is not written. */
  CHECK(sigverify_verify(from_file, bundle, bundle_len, NULL, 0, digest, wrong, 0, &r, &err) ==
        SIGVERIFY_POLICY_IDENTITY_MISMATCH);
  CHECK(r == NULL && err != NULL);
  CHECK(strcmp(sigverify_error_name(err), "POLICY_IDENTITY_MISMATCH") == 0);
  CHECK(strstr(sigverify_error_message(err), argv[4]) != NULL); /* names what was found */
  sigverify_error_free(err);
  err = NULL;
  digest[0] ^= 1;
  CHECK_STATUS(sigverify_verify(from_file, bundle, bundle_len, NULL, 0, digest, p, 0, &r, &err),
               SIGVERIFY_SIGNATURE_DIGEST_MISMATCH, err);
  digest[0] ^= 1;
  CHECK_STATUS(sigverify_verify(from_file, bundle, bundle_len, artifact, artifact_len - 1, NULL, p,
                                0, &r, &err),
               SIGVERIFY_SIGNATURE_DIGEST_MISMATCH, err);
  {
    static const char pem[] =
        "-----BEGIN PUBLIC KEY-----\n"
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE2G2Y+2tabdTV5BcGiBIx0a9fAFwr\n"
        "kBbmLSGtks4L3qX6yYY0zufBnhC8Ur/iy55GhWP/9A/bY2LhC30M9+RYtw==\n"
        "-----END PUBLIC KEY-----\n";
    int s = sigverify_policy_new_public_key_pem((const uint8_t *)pem, strlen(pem), &key, &err);
    CHECK_STATUS(s, SIGVERIFY_OK, err);
    CHECK_STATUS(sigverify_verify(from_file, bundle, bundle_len, NULL, 0, digest, key, 0, &r, &err),
                 SIGVERIFY_POLICY_MATERIAL_MISMATCH, err);
  }
  /* A time before the certificate existed. */
  CHECK(sigverify_verify(from_file, bundle, bundle_len, NULL, 0, digest, p, 1, &r, &err) !=
        SIGVERIFY_OK);
  CHECK(r == NULL);
  sigverify_error_free(err);
  err = NULL;

  /* One verifier and one policy shared by four threads at once. */
  for (i = 0; i < 4; i++) {
    jobs[i].verifier = from_file;
    jobs[i].policy = p;
    jobs[i].bundle = bundle;
    jobs[i].bundle_len = bundle_len;
    jobs[i].digest = digest;
    jobs[i].status = -1;
    CHECK(pthread_create(&threads[i], NULL, verify_job, &jobs[i]) == 0);
  }
  for (i = 0; i < 4; i++) {
    CHECK(pthread_join(threads[i], NULL) == 0);
    CHECK(jobs[i].status == SIGVERIFY_OK);
  }

  sigverify_policy_free(key);
  sigverify_policy_free(wrong);
  sigverify_policy_free(p);
  sigverify_verifier_free(from_file);
  free(bundle);
  free(artifact);
  return checks_summary();
}
