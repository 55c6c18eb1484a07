/*
 * npm packages through the C API, on the registry's real files
 * (conformance/attestation-files/npm-registry): sigstore@1.0.0 verifies as `npm audit
 * signatures` says it does, its tarball streamed through a SHA-512 hasher; a package without
 * attestations is judged by pacote's stand-in publish time; each way the files can disagree is
 * refused by its own code, as `sigverify verify-npm` refuses it (cli/tests/npm.rs). Also the
 * hasher's SHA-384 and SHA-512, and NULL handling. With NPM_MANIFEST (`manifest -- --npm`),
 * every row of the virtual registry's vectors must give the core's outcome.
 *
 * usage: npm NPM_REGISTRY_DIR [NPM_MANIFEST]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sigverify.h"
#include "util.h"

#define OLD_KEY "SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA"
#define NEW_KEY "SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U"
#define WORKFLOW "https://github.com/sigstore/sigstore-js/.github/workflows/publish.yml@refs/tags/v1.0.0"
#define ACTIONS "https://token.actions.githubusercontent.com"
#define NOW 1790000000u
/* 2023-02-09T17:56:02Z: the publish attestation's log time. */
#define PUBLISHED 1675965362u
/* 2015-01-01T00:00:00Z: pacote's stand-in for versions without a publish time. */
#define ASSUMED 1420070400u

static const char *dir;

/* Reads DIR/name, or exits: the test needs every file. */
static uint8_t *load(const char *name, size_t *len) {
  char path[4096];
  uint8_t *data;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  data = read_file(path, len);
  if (data == NULL) {
    perror(path);
    exit(2);
  }
  return data;
}

/* A copy of `data` (NUL-terminated) with the first `from` replaced by `to` of the same length. */
static uint8_t *edited(const uint8_t *data, size_t len, const char *from, const char *to) {
  uint8_t *copy = (uint8_t *)malloc(len + 1);
  char *at;
  if (copy == NULL) exit(2);
  memcpy(copy, data, len + 1);
  at = strstr((char *)copy, from);
  if (at == NULL || strlen(from) != strlen(to)) {
    fprintf(stderr, "cannot edit %s\n", from);
    exit(2);
  }
  memcpy(at, to, strlen(to));
  return copy;
}

/* The SHA-512 of `data`, fed in chunks through a "sha512" hasher. */
static void sha512_of(const uint8_t *data, size_t len, uint8_t out[SIGVERIFY_SHA512_LEN]) {
  sigverify_hasher *h = NULL;
  size_t at, n, written = 0;
  CHECK(sigverify_hasher_new_alg("sha512", &h) == SIGVERIFY_OK);
  for (at = 0; at < len; at += n) {
    n = len - at < 4096 ? len - at : 4096;
    CHECK(sigverify_hasher_update(h, data + at, n) == SIGVERIFY_OK);
  }
  CHECK(sigverify_hasher_final_digest(h, out, SIGVERIFY_SHA512_LEN, &written) == SIGVERIFY_OK);
  CHECK(written == SIGVERIFY_SHA512_LEN);
  sigverify_hasher_free(h);
}

static int hex_equals(const uint8_t *bytes, size_t len, const char *hex) {
  char buf[3];
  size_t i;
  if (strlen(hex) != 2 * len) return 0;
  for (i = 0; i < len; i++) {
    snprintf(buf, sizeof buf, "%02x", bytes[i]);
    if (memcmp(buf, hex + 2 * i, 2) != 0) return 0;
  }
  return 1;
}

static void hasher_algorithms(const uint8_t *tarball, size_t tarball_len) {
  sigverify_hasher *h = NULL;
  uint8_t d[SIGVERIFY_SHA512_LEN];
  size_t n = 0;
  sha512_of(tarball, tarball_len, d);
  CHECK(hex_equals(d, 64,
                   "7bea9f6e7ff37f5fab0b36bf061200fff03099fd2fd696b91d04bc5e4f225eb9"
                   "fd6e0cadcad54ba980f43fb352a99e8810b4e0abeb5c0ef2cf9108cd1f258b36"));
  CHECK(sigverify_hasher_new_alg("sha384", &h) == SIGVERIFY_OK);
  CHECK(sigverify_hasher_update(h, (const uint8_t *)"abc", 3) == SIGVERIFY_OK);
  /* A digest longer than 32 bytes is not sigverify_hasher_final's to write. */
  CHECK(sigverify_hasher_final(h, d) == SIGVERIFY_INVALID_ARGUMENT);
  CHECK(sigverify_hasher_final_digest(h, d, SIGVERIFY_SHA256_LEN, &n) == SIGVERIFY_INVALID_ARGUMENT);
  CHECK(sigverify_hasher_final_digest(h, d, sizeof d, &n) == SIGVERIFY_OK);
  CHECK(n == SIGVERIFY_SHA384_LEN);
  CHECK(hex_equals(d, n,
                   "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                   "8086072ba1e7cc2358baeca134c825a7"));
  /* Reset to the empty input by the final. */
  CHECK(sigverify_hasher_update(h, (const uint8_t *)"abc", 3) == SIGVERIFY_OK);
  CHECK(sigverify_hasher_final_digest(h, d, sizeof d, &n) == SIGVERIFY_OK);
  CHECK(n == 48 && d[0] == 0xcb && d[47] == 0xa7);
  sigverify_hasher_free(h);
  /* The default hasher is SHA-256 through both finals. */
  h = sigverify_hasher_new();
  CHECK(sigverify_hasher_final_digest(h, d, sizeof d, &n) == SIGVERIFY_OK);
  CHECK(n == SIGVERIFY_SHA256_LEN &&
        hex_equals(d, n, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  CHECK(sigverify_hasher_final(h, d) == SIGVERIFY_OK);
  sigverify_hasher_free(h);
  h = NULL;
  CHECK(sigverify_hasher_new_alg("md5", &h) == SIGVERIFY_INVALID_ARGUMENT && h == NULL);
  CHECK(sigverify_hasher_new_alg("SHA512", &h) == SIGVERIFY_INVALID_ARGUMENT && h == NULL);
  CHECK(sigverify_hasher_new_alg(NULL, &h) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_hasher_new_alg("sha512", NULL) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_hasher_final_digest(NULL, d, sizeof d, &n) == SIGVERIFY_NULL_PARAMETER);
}

/* sigstore@1.0.0's files, with its tarball's SHA-512. */
static sigverify_npm_package sigstore_files(const uint8_t *keys, size_t keys_len,
                                            const uint8_t *dist, size_t dist_len,
                                            const uint8_t *atts, size_t atts_len,
                                            const uint8_t *sha512) {
  sigverify_npm_package p;
  memset(&p, 0, sizeof p);
  p.keys.data = keys;
  p.keys.len = keys_len;
  p.packument.data = dist;
  p.packument.len = dist_len;
  p.attestations.data = atts;
  p.attestations.len = atts_len;
  p.tarball_sha512 = sha512;
  return p;
}

static void verified_result(const sigverify_npm_result *r) {
  const sigverify_result *provenance, *publish;
  uint64_t t = 0;
  int source = 0;
  size_t len = 0;
  CHECK(strcmp(sigverify_npm_result_name(r, &len), "sigstore") == 0 && len == 8);
  CHECK(strcmp(sigverify_npm_result_version(r, NULL), "1.0.0") == 0);
  CHECK(sigverify_npm_result_signature_count(r) == 1);
  CHECK(strcmp(sigverify_npm_result_signature(r, 0, NULL), OLD_KEY) == 0);
  CHECK(sigverify_npm_result_signature(r, 1, NULL) == NULL);
  CHECK(sigverify_npm_result_publish_time(r, &t, &source) == SIGVERIFY_OK);
  CHECK(t == PUBLISHED && source == SIGVERIFY_NPM_PUBLISH_TIME_ATTESTED);
  CHECK(sigverify_npm_result_tarball_checked(r));
  CHECK(sigverify_npm_result_attestation_count(r) == 2);
  CHECK(sigverify_npm_result_attestation_kind(r, 0) == SIGVERIFY_NPM_ATTESTATION_PROVENANCE);
  CHECK(strcmp(sigverify_npm_result_attestation_place(r, 0, NULL), "attestations[0]") == 0);
  CHECK(sigverify_npm_result_attestation_keyid(r, 0, NULL) == NULL);
  CHECK(strcmp(sigverify_npm_result_attestation_predicate_type(r, 0, NULL),
               "https://slsa.dev/provenance/v0.2") == 0);
  provenance = sigverify_npm_result_attestation_result(r, 0);
  CHECK(provenance != NULL && strcmp(sigverify_result_identity(provenance, NULL), WORKFLOW) == 0);
  CHECK(strcmp(sigverify_result_issuer(provenance, NULL), ACTIONS) == 0);
  CHECK(sigverify_result_check_predicate_type(provenance, "https://slsa.dev/provenance/v0.2",
                                              NULL) == SIGVERIFY_OK);
  CHECK(sigverify_npm_result_attestation_kind(r, 1) == SIGVERIFY_NPM_ATTESTATION_PUBLISH);
  CHECK(strcmp(sigverify_npm_result_attestation_place(r, 1, NULL), "attestations[1]") == 0);
  CHECK(strcmp(sigverify_npm_result_attestation_keyid(r, 1, &len), OLD_KEY) == 0 &&
        len == strlen(OLD_KEY));
  CHECK(strcmp(sigverify_npm_result_attestation_predicate_type(r, 1, NULL),
               "https://github.com/npm/attestation/tree/main/specs/publish/v0.1") == 0);
  publish = sigverify_npm_result_attestation_result(r, 1);
  CHECK(publish != NULL && sigverify_result_identity(publish, NULL) == NULL);
  CHECK(sigverify_result_signing_time_count(publish) >= 1);
  CHECK(sigverify_result_signing_time(publish, 0, &t) == SIGVERIFY_OK && t == PUBLISHED);
  /* Out of range, and NULL results. */
  CHECK(sigverify_npm_result_attestation_kind(r, 2) == 0);
  CHECK(sigverify_npm_result_attestation_place(r, 2, NULL) == NULL);
  CHECK(sigverify_npm_result_attestation_predicate_type(r, 2, NULL) == NULL);
  CHECK(sigverify_npm_result_attestation_result(r, 2) == NULL);
  CHECK(sigverify_npm_result_name(NULL, NULL) == NULL);
  CHECK(sigverify_npm_result_signature_count(NULL) == 0);
  CHECK(!sigverify_npm_result_tarball_checked(NULL));
  CHECK(sigverify_npm_result_attestation_count(NULL) == 0);
  CHECK(sigverify_npm_result_attestation_result(NULL, 0) == NULL);
  CHECK(sigverify_npm_result_publish_time(NULL, &t, &source) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_npm_result_publish_time(r, NULL, &source) == SIGVERIFY_NULL_PARAMETER);
}

/* Verifies `p` and checks that it fails with `want`, with an error object naming it. */
static void refused(const sigverify_verifier *v, const sigverify_npm_package *p, int want) {
  sigverify_npm_result *r = NULL;
  sigverify_error *err = NULL;
  int status = sigverify_verify_npm(v, p, NOW, &r, &err);
  CHECK(status == want);
  if (status != want) printf("  got %d (%s), want %s\n", status, sigverify_code_name(status), sigverify_code_name(want));
  CHECK(r == NULL);
  CHECK(err != NULL && sigverify_error_code(err) == want &&
        strcmp(sigverify_error_name(err), sigverify_code_name(want)) == 0);
  sigverify_error_free(err);
}

/* Reads a file named by a manifest row, or exits. */
static uint8_t *load_path(const char *path, size_t *len) {
  uint8_t *data = read_file(path, len);
  if (data == NULL) {
    perror(path);
    exit(2);
  }
  return data;
}

/* Runs one npm manifest row (11 tab-separated columns, conformance/src/npm_vectors.rs):
 * returns the outcome's name, "ok" or the core error's. */
static const char *manifest_row(char **col) {
  sigverify_verifier *v = NULL;
  sigverify_policy *pinned = NULL;
  sigverify_npm_package p;
  uint8_t *keys, *packument, *tarball, *root, *atts = NULL, sha[SIGVERIFY_SHA512_LEN];
  size_t keys_len, packument_len, tarball_len, root_len, atts_len = 0;
  int status;
  keys = load_path(col[1], &keys_len);
  packument = load_path(col[2], &packument_len);
  if (strcmp(col[4], "-") != 0) atts = load_path(col[4], &atts_len);
  tarball = load_path(col[5], &tarball_len);
  root = load_path(col[6], &root_len);
  sha512_of(tarball, tarball_len, sha);
  status = sigverify_verifier_new_from_trusted_root(root, root_len, &v, NULL);
  if (status == SIGVERIFY_OK && strcmp(col[8], "-") != 0)
    status = sigverify_policy_new_identity(col[8], col[9], &pinned, NULL);
  if (status == SIGVERIFY_OK) {
    memset(&p, 0, sizeof p);
    p.keys.data = keys;
    p.keys.len = keys_len;
    p.packument.data = packument;
    p.packument.len = packument_len;
    p.version = strcmp(col[3], "-") == 0 ? NULL : col[3];
    p.tarball_sha512 = sha;
    p.attestations.data = atts;
    p.attestations.len = atts_len;
    p.provenance_policy = pinned;
    status = sigverify_verify_npm(v, &p, strtoull(col[7], NULL, 10), NULL, NULL);
  }
  sigverify_policy_free(pinned);
  sigverify_verifier_free(v);
  free(keys);
  free(packument);
  free(atts);
  free(tarball);
  free(root);
  return status == SIGVERIFY_OK ? "ok" : sigverify_code_name(status);
}

/* Every row of the npm manifest at `path`; returns how many rows ran. */
static size_t manifest(const char *path) {
  size_t len = 0, rows = 0, n;
  char *text = (char *)load_path(path, &len), *line = text, *next, *col[11], *at;
  const char *got;
  for (; line != NULL && *line != 0; line = next) {
    next = strchr(line, '\n');
    if (next != NULL) *next++ = 0;
    if (line[0] == '#' || line[0] == 0) continue;
    for (n = 0, at = line; n < 11 && at != NULL; n++) {
      col[n] = at;
      at = strchr(at, '\t');
      if (at != NULL) *at++ = 0;
    }
    CHECK(n == 11 && at == NULL);
    if (n != 11) continue;
    got = manifest_row(col);
    CHECK(got != NULL && strcmp(got, col[10]) == 0);
    if (got == NULL || strcmp(got, col[10]) != 0) printf("  %s: got %s, want %s\n", col[0], got, col[10]);
    rows++;
  }
  free(text);
  return rows;
}

int main(int argc, char **argv) {
  sigverify_verifier *v = NULL;
  sigverify_policy *pinned = NULL, *other = NULL;
  sigverify_npm_result *r = NULL;
  sigverify_error *err = NULL;
  sigverify_npm_package p;
  uint8_t *keys, *dist, *atts, *tgz, *tuf_tgz, *tuf_atts, *brave_dist, *brave_tgz, *edit;
  uint8_t sha[SIGVERIFY_SHA512_LEN], tuf_sha[SIGVERIFY_SHA512_LEN], brave_sha[SIGVERIFY_SHA512_LEN];
  size_t keys_len, dist_len, atts_len, tgz_len, tuf_tgz_len, tuf_atts_len, brave_dist_len,
      brave_tgz_len;
  uint64_t t = 0;
  int source = 0;
  char packument[2048];

  if (argc != 2 && argc != 3) {
    fprintf(stderr, "usage: %s NPM_REGISTRY_DIR [NPM_MANIFEST]\n", argv[0]);
    return 2;
  }
  dir = argv[1];
  keys = load("keys.json", &keys_len);
  dist = load("sigstore-1.0.0/dist.json", &dist_len);
  atts = load("sigstore-1.0.0/attestations.json", &atts_len);
  tgz = load("sigstore-1.0.0/sigstore-1.0.0.tgz", &tgz_len);
  tuf_tgz = load("tuf-js-1.0.0/tuf-js-1.0.0.tgz", &tuf_tgz_len);
  tuf_atts = load("tuf-js-1.0.0/attestations.json", &tuf_atts_len);
  brave_dist = load("brave-search-mcp-server-2.0.82/dist.json", &brave_dist_len);
  brave_tgz = load("brave-search-mcp-server-2.0.82/brave-search-mcp-server-2.0.82.tgz", &brave_tgz_len);

  hasher_algorithms(tgz, tgz_len);
  sha512_of(tgz, tgz_len, sha);
  sha512_of(tuf_tgz, tuf_tgz_len, tuf_sha);
  sha512_of(brave_tgz, brave_tgz_len, brave_sha);
  CHECK_STATUS(sigverify_verifier_new_production(&v, &err), SIGVERIFY_OK, err);

  /* sigstore@1.0.0 verifies, as npm audit signatures says; any provenance identity (npm's). */
  p = sigstore_files(keys, keys_len, dist, dist_len, atts, atts_len, sha);
  CHECK_STATUS(sigverify_verify_npm(v, &p, NOW, &r, &err), SIGVERIFY_OK, err);
  verified_result(r);
  sigverify_npm_result_free(r);
  r = NULL;
  /* The result is optional; without the tarball its integrity is taken as stated. */
  CHECK_STATUS(sigverify_verify_npm(v, &p, NOW, NULL, &err), SIGVERIFY_OK, err);
  p.tarball_sha512 = NULL;
  CHECK_STATUS(sigverify_verify_npm(v, &p, 0 /* the system clock */, &r, &err), SIGVERIFY_OK, err);
  CHECK(!sigverify_npm_result_tarball_checked(r));
  sigverify_npm_result_free(r);
  r = NULL;

  /* A provenance policy is the one given. */
  CHECK_STATUS(sigverify_policy_new_identity(WORKFLOW, ACTIONS, &pinned, &err), SIGVERIFY_OK, err);
  CHECK_STATUS(sigverify_policy_new_identity_regexp("https://github\\.com/octo/app/.*",
                                                    "https://token\\.actions\\.githubusercontent\\.com",
                                                    &other, &err),
               SIGVERIFY_OK, err);
  p = sigstore_files(keys, keys_len, dist, dist_len, atts, atts_len, sha);
  p.provenance_policy = pinned;
  CHECK_STATUS(sigverify_verify_npm(v, &p, NOW, NULL, &err), SIGVERIFY_OK, err);
  p.provenance_policy = other;
  refused(v, &p, SIGVERIFY_POLICY_IDENTITY_MISMATCH);

  /* Signed with the registry's newer key, no attestations: pacote's stand-in publish time. */
  memset(&p, 0, sizeof p);
  p.keys.data = keys;
  p.keys.len = keys_len;
  p.packument.data = brave_dist;
  p.packument.len = brave_dist_len;
  p.tarball_sha512 = brave_sha;
  CHECK_STATUS(sigverify_verify_npm(v, &p, NOW, &r, &err), SIGVERIFY_OK, err);
  CHECK(strcmp(sigverify_npm_result_name(r, NULL), "@brave/brave-search-mcp-server") == 0);
  CHECK(strcmp(sigverify_npm_result_signature(r, 0, NULL), NEW_KEY) == 0);
  CHECK(sigverify_npm_result_publish_time(r, &t, &source) == SIGVERIFY_OK);
  CHECK(t == ASSUMED && source == SIGVERIFY_NPM_PUBLISH_TIME_ASSUMED);
  CHECK(sigverify_npm_result_attestation_count(r) == 0);
  sigverify_npm_result_free(r);
  r = NULL;

  /* Each disagreement, by its own code. Another tarball than the integrity names: */
  p = sigstore_files(keys, keys_len, dist, dist_len, atts, atts_len, tuf_sha);
  refused(v, &p, SIGVERIFY_NPM_INTEGRITY_MISMATCH);
  /* The registry says there are attestations; none given. */
  p = sigstore_files(keys, keys_len, dist, dist_len, NULL, 0, sha);
  refused(v, &p, SIGVERIFY_NPM_ATTESTATIONS_MISSING);
  /* The attestations of another package. */
  p = sigstore_files(keys, keys_len, dist, dist_len, tuf_atts, tuf_atts_len, sha);
  refused(v, &p, SIGVERIFY_NPM_SUBJECT_NAME_MISMATCH);
  /* A key that expired before the publish attestation was logged. */
  edit = edited(keys, keys_len, "2025-01-29", "2023-01-01");
  p = sigstore_files(edit, keys_len, dist, dist_len, atts, atts_len, sha);
  refused(v, &p, SIGVERIFY_POLICY_KEY_NOT_VALID_AT_SIGNING_TIME);
  free(edit);
  /* The publish attestation's key is not among the registry's keys. */
  edit = edited(keys, keys_len, "jl3b", "XXXX");
  p = sigstore_files(edit, keys_len, dist, dist_len, atts, atts_len, sha);
  refused(v, &p, SIGVERIFY_NPM_ATTESTATION_KEY_UNKNOWN);
  free(edit);
  /* A registry signature that does not verify, and none at all. */
  edit = edited(dist, dist_len, "MEQCIB", "MEQCIC");
  p = sigstore_files(keys, keys_len, edit, dist_len, atts, atts_len, sha);
  refused(v, &p, SIGVERIFY_NPM_SIGNATURE_INVALID);
  free(edit);
  edit = edited(dist, dist_len, "\"signatures\"", "\"signaturez\"");
  p = sigstore_files(keys, keys_len, edit, dist_len, atts, atts_len, sha);
  refused(v, &p, SIGVERIFY_NPM_SIGNATURE_MISSING);
  free(edit);
  /* Without attestations, the packument's time judges the key: after its expiry it no longer
   * vouches; before, it does. */
  edit = edited(dist, dist_len, "\"attestations\"", "\"attestationz\"");
  snprintf(packument, sizeof packument,
           "{\"name\":\"sigstore\",\"versions\":{\"1.0.0\":%s},\"time\":{\"1.0.0\":\"2025-02-01T00:00:00.000Z\"}}",
           (const char *)edit);
  p = sigstore_files(keys, keys_len, (const uint8_t *)packument, strlen(packument), NULL, 0, sha);
  p.version = "1.0.0";
  refused(v, &p, SIGVERIFY_NPM_SIGNATURE_KEY_EXPIRED);
  snprintf(packument, sizeof packument,
           "{\"name\":\"sigstore\",\"versions\":{\"1.0.0\":%s},\"time\":{\"1.0.0\":\"2023-02-09T17:56:02.000Z\"}}",
           (const char *)edit);
  p.packument.len = strlen(packument);
  CHECK_STATUS(sigverify_verify_npm(v, &p, NOW, &r, &err), SIGVERIFY_OK, err);
  CHECK(sigverify_npm_result_publish_time(r, &t, &source) == SIGVERIFY_OK);
  CHECK(t == PUBLISHED && source == SIGVERIFY_NPM_PUBLISH_TIME_PACKUMENT);
  sigverify_npm_result_free(r);
  r = NULL;
  p.version = NULL;
  refused(v, &p, SIGVERIFY_NPM_PACKAGE_INVALID);
  p.version = "\xff";
  refused(v, &p, SIGVERIFY_INVALID_ARGUMENT);
  free(edit);
  /* Malformed keys. */
  p = sigstore_files((const uint8_t *)"{}", 2, dist, dist_len, atts, atts_len, sha);
  refused(v, &p, SIGVERIFY_NPM_KEYS_INVALID);

  /* NULLs. */
  p = sigstore_files(keys, keys_len, dist, dist_len, atts, atts_len, sha);
  CHECK(sigverify_verify_npm(NULL, &p, NOW, &r, NULL) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_verify_npm(v, NULL, NOW, &r, NULL) == SIGVERIFY_NULL_PARAMETER);
  p.keys.data = NULL;
  refused(v, &p, SIGVERIFY_NULL_PARAMETER);
  CHECK(r == NULL);
  sigverify_npm_result_free(NULL);

  if (argc == 3) {
    size_t rows = manifest(argv[2]);
    printf("npm manifest: %lu rows\n", (unsigned long)rows);
    CHECK(rows >= 18);
  }

  sigverify_policy_free(pinned);
  sigverify_policy_free(other);
  sigverify_verifier_free(v);
  free(keys);
  free(dist);
  free(atts);
  free(tgz);
  free(tuf_tgz);
  free(tuf_atts);
  free(brave_dist);
  free(brave_tgz);
  return checks_summary();
}
