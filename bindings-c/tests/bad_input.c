/*
 * Bad input through every function: NULL pointers, zero lengths, invalid UTF-8, truncated and
 * garbage bundles and roots. Every call must return an error status (never crash, never
 * report success) and leave out-parameters untouched; run under valgrind for leaks.
 *
 * usage: bad_input [BUNDLE]   (a real bundle, e.g. happy-path-v0.3, to truncate)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sigverify.h"
#include "util.h"

static const char *ID = "https://example.com/id";
static const char *ISS = "https://example.com/issuer";

/* A bundle-shaped document whose prefixes exercise the JSON and field parsers. */
static const char SYNTHETIC[] =
    "{\"mediaType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\","
    "\"verificationMaterial\":{\"certificate\":{\"rawBytes\":\"MIIBAA==\"},"
    "\"tlogEntries\":[{\"logIndex\":\"1\",\"logId\":{\"keyId\":\"AAAA\"},"
    "\"kindVersion\":{\"kind\":\"hashedrekord\",\"version\":\"0.0.1\"},"
    "\"integratedTime\":\"1700000000\",\"canonicalizedBody\":\"e30=\"}]},"
    "\"messageSignature\":{\"messageDigest\":{\"algorithm\":\"SHA2_256\","
    "\"digest\":\"AAAA\"},\"signature\":\"AAAA\"}}";

static void null_and_free(void) {
  sigverify_verifier_free(NULL);
  sigverify_policy_free(NULL);
  sigverify_hasher_free(NULL);
  sigverify_result_free(NULL);
  sigverify_error_free(NULL);
  CHECK(sigverify_error_code(NULL) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_error_name(NULL) == NULL);
  CHECK(sigverify_error_message(NULL) == NULL);
  CHECK(sigverify_result_identity(NULL, NULL) == NULL);
  CHECK(sigverify_result_issuer(NULL, NULL) == NULL);
  CHECK(sigverify_result_statement(NULL, NULL) == NULL);
  CHECK(sigverify_result_signing_time_count(NULL) == 0);
  CHECK(sigverify_result_log_entry_count(NULL) == 0);
  {
    uint64_t t = 7;
    CHECK(sigverify_result_signing_time(NULL, 0, &t) == SIGVERIFY_NULL_PARAMETER && t == 7);
    CHECK(sigverify_result_log_index(NULL, 0, &t) == SIGVERIFY_NULL_PARAMETER && t == 7);
  }
  CHECK(strcmp(sigverify_code_name(SIGVERIFY_OK), "OK") == 0);
  CHECK(strcmp(sigverify_code_name(SIGVERIFY_NULL_PARAMETER), "NULL_PARAMETER") == 0);
  CHECK(strcmp(sigverify_code_name(SIGVERIFY_SIGNATURE_INVALID), "SIGNATURE_INVALID") == 0);
  CHECK(sigverify_code_name(-1) == NULL);
  CHECK(sigverify_code_name(123456) == NULL);
}

static void verifiers(void) {
  sigverify_verifier *v = NULL;
  sigverify_error *err = NULL;
  const unsigned char garbage[] = {0xff, 0xfe, 0x00, 0x7b};
  const char *roots[] = {"", "{", "[]", "null", "{}", "{\"mediaType\":1}",
                         "{\"mediaType\":\"application/vnd.dev.sigstore.trustedroot+json;version=0.1\","
                         "\"tlogs\":[{\"publicKey\":{\"rawBytes\":\"!!\"}}]}"};
  size_t i;

  CHECK_STATUS(sigverify_verifier_new_production(NULL, &err), SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_verifier_new_staging(NULL, NULL), SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_verifier_new_from_trusted_root(NULL, 0, &v, &err),
               SIGVERIFY_NULL_PARAMETER, err);
  CHECK(v == NULL);
  CHECK_STATUS(sigverify_verifier_new_from_trusted_root(NULL, 10, &v, NULL),
               SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_verifier_new_from_trusted_root(garbage, 0, NULL, &err),
               SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_verifier_new_from_trusted_root(garbage, 0, &v, &err),
               SIGVERIFY_TRUST_ROOT_JSON_INVALID, err);
  CHECK_STATUS(sigverify_verifier_new_from_trusted_root(garbage, sizeof garbage, &v, &err),
               SIGVERIFY_TRUST_ROOT_JSON_INVALID, err);
  for (i = 0; i < sizeof roots / sizeof roots[0]; i++) {
    int s = sigverify_verifier_new_from_trusted_root((const uint8_t *)roots[i], strlen(roots[i]),
                                                     &v, &err);
    CHECK(s >= 200 && s < 300);
    CHECK(err != NULL && strncmp(sigverify_error_name(err), "TRUST_ROOT_", 11) == 0);
    sigverify_error_free(err);
    err = NULL;
  }
  CHECK(v == NULL);
}

static void policies(void) {
  sigverify_policy *p = NULL;
  sigverify_error *err = NULL;
  const unsigned char junk[] = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";
  const unsigned char not_utf8[] = {0xc3, 0x28};

  CHECK_STATUS(sigverify_policy_new_identity(NULL, ISS, &p, &err), SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_policy_new_identity(ID, NULL, &p, &err), SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_policy_new_identity(ID, ISS, NULL, &err), SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_policy_new_identity("\xff\xfe", ISS, &p, &err), SIGVERIFY_INVALID_ARGUMENT,
               err);
  CHECK_STATUS(sigverify_policy_new_public_key_pem(NULL, 0, &p, &err), SIGVERIFY_NULL_PARAMETER,
               err);
  CHECK_STATUS(sigverify_policy_new_public_key_pem(junk, 0, &p, &err), SIGVERIFY_POLICY_KEY_INVALID,
               err);
  CHECK_STATUS(sigverify_policy_new_public_key_pem(junk, sizeof junk - 1, &p, &err),
               SIGVERIFY_POLICY_KEY_INVALID, err);
  CHECK_STATUS(sigverify_policy_new_public_key_pem(not_utf8, sizeof not_utf8, &p, &err),
               SIGVERIFY_INVALID_ARGUMENT, err);
  CHECK_STATUS(sigverify_policy_new_public_key_der(NULL, 3, &p, &err), SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_policy_new_public_key_der(junk, 0, &p, &err), SIGVERIFY_POLICY_KEY_INVALID,
               err);
  CHECK_STATUS(sigverify_policy_new_public_key_der(not_utf8, sizeof not_utf8, &p, NULL),
               SIGVERIFY_POLICY_KEY_INVALID, err);
  CHECK(p == NULL);
  /* An empty identity or issuer would match no real signer: refused when built. */
  CHECK_STATUS(sigverify_policy_new_identity("", ISS, &p, &err), SIGVERIFY_POLICY_VALUE_EMPTY, err);
  CHECK_STATUS(sigverify_policy_new_identity(ID, "", &p, &err), SIGVERIFY_POLICY_VALUE_EMPTY, err);
  /* GitHub policies: NULL, owner and repo both, a repository without its owner. */
  {
    sigverify_github_policy spec;
    memset(&spec, 0, sizeof spec);
    CHECK_STATUS(sigverify_policy_new_github(NULL, &p, &err), SIGVERIFY_NULL_PARAMETER, err);
    CHECK_STATUS(sigverify_policy_new_github(&spec, &p, &err), SIGVERIFY_POLICY_CONDITION_INVALID,
                 err);
    spec.owner = "octo";
    spec.repo = "octo/app";
    CHECK_STATUS(sigverify_policy_new_github(&spec, &p, &err), SIGVERIFY_POLICY_CONDITION_INVALID,
                 err);
    spec.owner = NULL;
    spec.repo = "app";
    CHECK_STATUS(sigverify_policy_new_github(&spec, &p, &err), SIGVERIFY_POLICY_CONDITION_INVALID,
                 err);
    spec.repo = "\xff/app";
    CHECK_STATUS(sigverify_policy_new_github(&spec, &p, &err), SIGVERIFY_INVALID_ARGUMENT, err);
  }
  /* Patterns: NULL, malformed, too long. */
  CHECK_STATUS(sigverify_policy_new_identity_regexp(NULL, ".*", &p, &err), SIGVERIFY_NULL_PARAMETER,
               err);
  CHECK_STATUS(sigverify_policy_new_identity_regexp("(", ".*", &p, &err),
               SIGVERIFY_POLICY_PATTERN_INVALID, err);
  {
    char long_pattern[1026];
    memset(long_pattern, 'a', 1025);
    long_pattern[1025] = '\0';
    CHECK_STATUS(sigverify_policy_new_identity_regexp(long_pattern, ".*", &p, &err),
                 SIGVERIFY_LIMIT_EXCEEDED, err);
  }
  CHECK(p == NULL);
}

static void hasher(void) {
  static const unsigned char abc[32] = {
      0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
      0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
  static const unsigned char empty[32] = {
      0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
      0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55};
  unsigned char d[32], untouched[32];
  sigverify_hasher *h = sigverify_hasher_new();
  CHECK(h != NULL);
  memset(d, 0xaa, sizeof d);
  memset(untouched, 0xaa, sizeof untouched);
  CHECK(sigverify_hasher_update(NULL, abc, 3) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_hasher_update(h, NULL, 0) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_hasher_update(h, NULL, 3) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_hasher_final(NULL, d) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_hasher_final(h, NULL) == SIGVERIFY_NULL_PARAMETER);
  CHECK(memcmp(d, untouched, 32) == 0);
  CHECK(sigverify_hasher_update(h, (const uint8_t *)"a", 1) == SIGVERIFY_OK);
  CHECK(sigverify_hasher_update(h, (const uint8_t *)"", 0) == SIGVERIFY_OK);
  CHECK(sigverify_hasher_update(h, (const uint8_t *)"bc", 2) == SIGVERIFY_OK);
  CHECK(sigverify_hasher_final(h, d) == SIGVERIFY_OK);
  CHECK(memcmp(d, abc, 32) == 0);
  CHECK(sigverify_hasher_final(h, d) == SIGVERIFY_OK); /* final resets the hasher */
  CHECK(memcmp(d, empty, 32) == 0);
  sigverify_hasher_free(h);
}

/* Every verify call below must fail: `want` is the exact code, or -1 for "any error". */
static void expect_failure(const sigverify_verifier *v, const uint8_t *bundle, size_t len,
                           const sigverify_policy *p, int want) {
  sigverify_result *r = NULL;
  sigverify_error *err = NULL;
  static const uint8_t digest[32];
  int s = sigverify_verify(v, bundle, len, NULL, 0, digest, p, 0, &r, &err);
  CHECK(s != SIGVERIFY_OK && r == NULL && err != NULL);
  if (want >= 0 && s != want) printf("  bundle of %lu bytes: got %s, want %s\n",
                                     (unsigned long)len, sigverify_code_name(s),
                                     sigverify_code_name(want));
  CHECK(want < 0 || s == want);
  CHECK(sigverify_code_name(s) != NULL);
  sigverify_error_free(err);
}

static void verify_arguments(const sigverify_verifier *v, const sigverify_policy *p) {
  const uint8_t bundle[] = "{}", art[] = "x";
  static const uint8_t digest[32];
  sigverify_result *r = NULL;
  sigverify_error *err = NULL;
  CHECK_STATUS(sigverify_verify(NULL, bundle, 2, art, 1, NULL, p, 0, &r, &err),
               SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_verify(v, NULL, 0, art, 1, NULL, p, 0, &r, &err), SIGVERIFY_NULL_PARAMETER,
               err);
  CHECK_STATUS(sigverify_verify(v, bundle, 2, art, 1, NULL, NULL, 0, &r, &err),
               SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_verify(v, bundle, 2, NULL, 0, NULL, p, 0, &r, &err),
               SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_verify(v, bundle, 2, art, 1, digest, p, 0, &r, &err),
               SIGVERIFY_INVALID_ARGUMENT, err);
  CHECK_STATUS(sigverify_verify(v, bundle, 2, NULL, 5, digest, p, 0, &r, &err),
               SIGVERIFY_INVALID_ARGUMENT, err);
  CHECK_STATUS(sigverify_verify(v, bundle, 0, art, 0, NULL, p, 0, &r, &err),
               SIGVERIFY_BUNDLE_JSON_INVALID, err);
  CHECK_STATUS(sigverify_verify(v, bundle, 2, art, 1, NULL, p, 0, NULL, NULL),
               SIGVERIFY_BUNDLE_JSON_INVALID, err);
  /* The prefixed-digest entry point: NULL and malformed digests, an unparsable bundle. */
  CHECK_STATUS(sigverify_verify_digest(v, bundle, 2, NULL, p, 0, &r, &err),
               SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_verify_digest(v, bundle, 2, "sha512:00", p, 0, &r, &err),
               SIGVERIFY_INVALID_ARGUMENT, err);
  CHECK_STATUS(sigverify_verify_digest(v, bundle, 2, "md5:d41d8cd98f00b204e9800998ecf8427e", p, 0,
                                       &r, &err),
               SIGVERIFY_INVALID_ARGUMENT, err);
  CHECK_STATUS(sigverify_verify_digest(v, bundle, 2,
                                       "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                                       p, 0, &r, &err),
               SIGVERIFY_BUNDLE_JSON_INVALID, err);
  CHECK(sigverify_bundle_artifact_hash(NULL, 0) == NULL);
  CHECK(sigverify_bundle_artifact_hash(bundle, 2) == NULL);
  CHECK(r == NULL);
}

static void bad_bundles(const sigverify_verifier *v, const sigverify_policy *p,
                        const uint8_t *real, size_t real_len) {
  uint8_t buf[2048];
  uint32_t seed = 12345;
  size_t i, j, step;
  /* Every prefix of the synthetic bundle, and the whole of it (its content is fake). */
  for (i = 0; i <= sizeof SYNTHETIC - 1; i++)
    expect_failure(v, (const uint8_t *)SYNTHETIC, i, p, -1);
  /* Pseudo-random garbage of many lengths (a fixed LCG, so runs are reproducible). */
  for (i = 0; i < 200; i++) {
    size_t len = (i * 37) % sizeof buf;
    for (j = 0; j < len; j++) {
      seed = seed * 1103515245u + 12345u;
      buf[j] = (uint8_t)(seed >> 16);
    }
    expect_failure(v, buf, len, p, SIGVERIFY_BUNDLE_JSON_INVALID);
  }
  if (real == NULL) {
    printf("!!! no real bundle given: its truncations are skipped\n");
    return;
  }
  /* About 120 truncations of a real bundle, spread over its length (all of them would make
   * the valgrind run slow without reaching more code), and the bundle minus its last byte. */
  step = real_len / 120 + 1;
  for (i = 0; i < real_len; i += step) expect_failure(v, real, i, p, -1);
  expect_failure(v, real, real_len - 1, p, -1);
}

int main(int argc, char **argv) {
  sigverify_verifier *v = NULL;
  sigverify_policy *p = NULL;
  uint8_t *real = NULL;
  size_t real_len = 0;

  null_and_free();
  verifiers();
  policies();
  hasher();
  CHECK(sigverify_verifier_new_production(&v, NULL) == SIGVERIFY_OK);
  CHECK(sigverify_policy_new_identity(ID, ISS, &p, NULL) == SIGVERIFY_OK);
  verify_arguments(v, p);
  if (argc > 1 && (real = read_file(argv[1], &real_len)) == NULL) {
    perror(argv[1]);
    return 2;
  }
  bad_bundles(v, p, real, real_len);
  free(real);
  sigverify_policy_free(p);
  sigverify_verifier_free(v);
  return checks_summary();
}
