/*
 * Runs the shared conformance manifest (written by
 * `cargo run -p sigverify-conformance --bin manifest`) through the C API and checks that every
 * row's outcome ("ok" or the error name) equals its `expected` column, as the Rust runner does.
 *
 * usage: conformance MANIFEST.tsv
 * Prints one line per mismatch and a closing "N passed, M failed" line; exits non-zero on any
 * mismatch or when fewer rows ran than the file holds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sigverify.h"
#include "util.h"

enum { ID, MODE, BUNDLE, ARTIFACT, DIGEST, POLICY, IDENTITY, ISSUER, KEY, ROOT, NOW, EXPECTED, CONFIG, NCOLS };

static sigverify_verifier *production, *staging;

/* Hashes a file through the streaming hasher in 4 KiB chunks. */
static int hash_file(const char *path, unsigned char out[SIGVERIFY_SHA256_LEN]) {
  unsigned char chunk[4096];
  size_t n;
  int rc = 0;
  FILE *f = fopen(path, "rb");
  sigverify_hasher *h;
  if (f == NULL) return -1;
  h = sigverify_hasher_new();
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) rc |= sigverify_hasher_update(h, chunk, n);
  rc |= ferror(f) ? -1 : sigverify_hasher_final(h, out);
  sigverify_hasher_free(h);
  fclose(f);
  return rc;
}

/* The `config` column: `-` or `key=value` pairs separated by `;`, over the public-good
   thresholds; a managed key's window goes to `not_before` / `not_after` (0 and UINT64_MAX when
   open). Returns the number of threshold fields set, or -1 for an unknown field. */
static int row_config(const char *spec, sigverify_config *config, uint64_t *not_before,
                      uint64_t *not_after) {
  char copy[512], *pair, *next;
  int set = 0;
  *config = sigverify_config_public_good();
  *not_before = 0;
  *not_after = UINT64_MAX;
  if (strcmp(spec, "-") == 0) return 0;
  snprintf(copy, sizeof copy, "%s", spec);
  for (pair = copy; pair != NULL; pair = next) {
    char *eq;
    if ((next = strchr(pair, ';')) != NULL) *next++ = 0;
    eq = strchr(pair, '=');
    unsigned long long value;
    if (eq == NULL) return -1;
    *eq = 0;
    value = strtoull(eq + 1, NULL, 10);
    if (strcmp(pair, "tlog_entries") == 0) config->tlog_entries = (size_t)value, set++;
    else if (strcmp(pair, "signed_timestamps") == 0) config->signed_timestamps = (size_t)value, set++;
    else if (strcmp(pair, "observer_timestamps") == 0) config->observer_timestamps = (size_t)value, set++;
    else if (strcmp(pair, "certificate_timestamps") == 0) config->certificate_timestamps = (size_t)value, set++;
    else if (strcmp(pair, "key_not_before") == 0) *not_before = value;
    else if (strcmp(pair, "key_not_after") == 0) *not_after = value;
    else return -1;
  }
  return set;
}

/* A `release` row: `repo=...;tag=...[;tag_digest=...][;trust_domain=...]` in IDENTITY, the
   artifact as the asset by its SHA-256 (streamed), through sigverify_verify_release. Writes
   the outcome to `got`; returns 0 when the harness itself worked. */
static int run_release_row(char **col, char *got, size_t got_len, char *detail, size_t detail_len) {
  char spec[1024], *pair, *next;
  sigverify_release_policy release = {NULL, NULL, NULL, NULL};
  sigverify_release_result *result = NULL;
  sigverify_error *error = NULL;
  unsigned char *root = NULL, *bundle = NULL, asset[32];
  size_t root_len = 0, bundle_len = 0;
  int status, harness = -1;
  snprintf(spec, sizeof spec, "%s", col[IDENTITY]);
  for (pair = spec; pair != NULL; pair = next) {
    char *eq;
    if ((next = strchr(pair, ';')) != NULL) *next++ = 0;
    if ((eq = strchr(pair, '=')) == NULL) continue;
    *eq++ = 0;
    if (strcmp(pair, "repo") == 0) release.repo = eq;
    else if (strcmp(pair, "tag") == 0) release.tag = eq;
    else if (strcmp(pair, "tag_digest") == 0) release.tag_digest = eq;
    else if (strcmp(pair, "trust_domain") == 0) release.trust_domain = eq;
  }
  if ((root = read_file(col[ROOT], &root_len)) == NULL) goto out;
  if ((bundle = read_file(col[BUNDLE], &bundle_len)) == NULL) goto out;
  if (hash_file(col[ARTIFACT], asset) != 0) goto out;
  status = sigverify_verify_release(root, root_len, bundle, bundle_len, &release, asset, 1,
                                    strtoull(col[NOW], NULL, 10), &result, &error);
  if (status == SIGVERIFY_OK) {
    snprintf(got, got_len, "ok");
    if (sigverify_release_result_asset_count(result) != 1) {
      snprintf(detail, detail_len, "release result lists %lu assets",
               (unsigned long)sigverify_release_result_asset_count(result));
      goto out;
    }
  } else {
    const char *name = sigverify_error_name(error);
    snprintf(got, got_len, "%s", name ? name : "(null)");
    snprintf(detail, detail_len, "%s", sigverify_error_message(error));
  }
  harness = 0;
out:
  sigverify_release_result_free(result);
  sigverify_error_free(error);
  free(root);
  free(bundle);
  return harness;
}

/* Runs one row; writes the outcome name to `got`. Returns 0 when the harness itself worked. */
/* Whether the result's skipped items are those the vector's `skipped` file lists, one per line
   as `timestamp 1 TIMESTAMP_IMPRINT_MISMATCH` (no file: none). */
static int skipped_as_listed(const sigverify_result *result, const char *bundle_path) {
  static const char *const kinds[] = {"", "tlog-entry", "timestamp", "sct"};
  char path[4096], want[256], line[256];
  const char *slash = strrchr(bundle_path, '/');
  size_t dir_len = slash ? (size_t)(slash - bundle_path) : 0, i = 0, n;
  FILE *f;
  n = sigverify_result_skipped_count(result);
  snprintf(path, sizeof path, "%.*s/skipped", (int)dir_len, bundle_path);
  if ((f = fopen(path, "r")) == NULL) return n == 0;
  while (fgets(line, sizeof line, f) != NULL) {
    int kind = 0, code = 0;
    size_t position = 0;
    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '\0') continue;
    if (i >= n || sigverify_result_skipped(result, i, &kind, &position, &code) != SIGVERIFY_OK ||
        kind < 1 || kind > 3) {
      fclose(f);
      return 0;
    }
    snprintf(want, sizeof want, "%s %lu %s", kinds[kind], (unsigned long)position,
             sigverify_code_name(code));
    if (strcmp(want, line) != 0) {
      fclose(f);
      return 0;
    }
    i++;
  }
  fclose(f);
  return i == n;
}

/* Fills `g` from `field=value` pairs separated by ';' (the manifest's `github` policy), in
 * place: `spec` is cut at each ';' and '='. Returns 0, or -1 for an unknown field. */
static int github_policy(char *spec, sigverify_github_policy *g) {
  char *pair = spec;
  memset(g, 0, sizeof *g);
  while (pair != NULL && *pair != 0) {
    char *next = strchr(pair, ';'), *value = strchr(pair, '=');
    if (next != NULL) *next++ = 0;
    if (value == NULL) return -1;
    *value++ = 0;
    if (strcmp(pair, "host") == 0) g->host = value;
    else if (strcmp(pair, "owner") == 0) g->owner = value;
    else if (strcmp(pair, "repo") == 0) g->repo = value;
    else if (strcmp(pair, "signer_workflow") == 0) g->signer_workflow = value;
    else if (strcmp(pair, "signer_repo") == 0) g->signer_repo = value;
    else if (strcmp(pair, "source_ref") == 0) g->source_ref = value;
    else if (strcmp(pair, "source_digest") == 0) g->source_digest = value;
    else if (strcmp(pair, "signer_digest") == 0) g->signer_digest = value;
    else if (strcmp(pair, "issuer") == 0) g->issuer = value;
    else if (strcmp(pair, "deny_self_hosted_runners") == 0) g->deny_self_hosted_runners = strcmp(value, "true") == 0;
    else return -1;
    pair = next;
  }
  return 0;
}

static int run_row(char **col, char *got, size_t got_len, char *detail, size_t detail_len) {
  sigverify_verifier *file_root = NULL, *configured = NULL;
  const sigverify_verifier *verifier;
  sigverify_policy *policy = NULL, *windowed = NULL;
  sigverify_config config;
  uint64_t not_before, not_after;
  int thresholds;
  sigverify_result *result = NULL;
  sigverify_error *error = NULL;
  unsigned char *bundle = NULL, *artifact = NULL, digest[32], hashed[32];
  size_t bundle_len = 0, artifact_len = 0;
  uint64_t now = 0;
  int status, harness = -1;

  detail[0] = 0;
  if (strcmp(col[POLICY], "release") == 0) return run_release_row(col, got, got_len, detail, detail_len);
  if ((thresholds = row_config(col[CONFIG], &config, &not_before, &not_after)) < 0) {
    snprintf(detail, detail_len, "malformed config %s", col[CONFIG]);
    goto out;
  }
  if (strcmp(col[ROOT], "production") == 0) {
    verifier = production;
  } else if (strcmp(col[ROOT], "staging") == 0) {
    verifier = staging;
  } else {
    size_t len;
    unsigned char *json = read_file(col[ROOT], &len);
    if (json == NULL) goto out;
    status = sigverify_verifier_new_from_trusted_root(json, len, &file_root, &error);
    free(json);
    if (status != SIGVERIFY_OK) goto done; /* a root error is an outcome too */
    verifier = file_root;
  }

  if (strcmp(col[POLICY], "key") == 0) {
    size_t len;
    unsigned char *pem = read_file(col[KEY], &len);
    if (pem == NULL) goto out;
    status = sigverify_policy_new_public_key_pem(pem, len, &policy, &error);
    free(pem);
  } else if (strcmp(col[POLICY], "identity-regexp") == 0) {
    status = sigverify_policy_new_identity_regexp(col[IDENTITY], col[ISSUER], &policy, &error);
  } else if (strcmp(col[POLICY], "github") == 0) {
    sigverify_github_policy github;
    if (github_policy(col[IDENTITY], &github) != 0) {
      snprintf(detail, detail_len, "malformed GitHub policy %s", col[IDENTITY]);
      goto out;
    }
    status = sigverify_policy_new_github(&github, &policy, &error);
  } else {
    status = sigverify_policy_new_identity(col[IDENTITY], col[ISSUER], &policy, &error);
  }
  if (status != SIGVERIFY_OK) goto done;
  if (not_before != 0 || not_after != UINT64_MAX) {
    status = sigverify_policy_with_key_validity(policy, not_before, not_after, &windowed, &error);
    if (status != SIGVERIFY_OK) goto done;
    sigverify_policy_free(policy);
    policy = windowed;
    windowed = NULL;
  }
  if (thresholds > 0) {
    status = sigverify_verifier_with_config(verifier, &config, &configured, &error);
    if (status != SIGVERIFY_OK) goto done;
    verifier = configured;
  }

  if ((bundle = read_file(col[BUNDLE], &bundle_len)) == NULL) goto out;
  if (strcmp(col[NOW], "-") != 0) now = strtoull(col[NOW], NULL, 10);
  if (strcmp(col[MODE], "digest") == 0) {
    /* The manifest names the algorithm the bundle needs; the library must agree. */
    const char *alg = sigverify_bundle_artifact_hash(bundle, bundle_len);
    size_t alg_len = alg ? strlen(alg) : 0;
    if (alg != NULL && (strncmp(col[DIGEST], alg, alg_len) != 0 || col[DIGEST][alg_len] != ':')) {
      snprintf(detail, detail_len, "bundle needs %s, the manifest digest is %s", alg, col[DIGEST]);
      goto out;
    }
    if (strncmp(col[DIGEST], "sha256:", 7) == 0) {
      /* SHA-256: the raw-digest entry point, cross-checked with the streaming hasher. */
      if (parse_hex32(col[DIGEST] + 7, digest) != 0 || hash_file(col[ARTIFACT], hashed) != 0)
        goto out;
      if (memcmp(digest, hashed, 32) != 0) {
        snprintf(detail, detail_len, "streaming hasher disagrees with the manifest digest");
        goto out;
      }
      status = sigverify_verify(verifier, bundle, bundle_len, NULL, 0, digest, policy, now,
                                &result, &error);
    } else {
      status = sigverify_verify_digest(verifier, bundle, bundle_len, col[DIGEST], policy, now,
                                       &result, &error);
    }
  } else {
    if ((artifact = read_file(col[ARTIFACT], &artifact_len)) == NULL) goto out;
    status = sigverify_verify(verifier, bundle, bundle_len, artifact, artifact_len, NULL, policy,
                              now, &result, &error);
  }

done:
  if (status == SIGVERIFY_OK) {
    const char *identity = sigverify_result_identity(result, NULL);
    snprintf(got, got_len, "ok");
    if (strcmp(col[POLICY], "identity") == 0 &&
        (identity == NULL || strcmp(identity, col[IDENTITY]) != 0)) {
      snprintf(detail, detail_len, "result identity %s", identity ? identity : "(null)");
      goto out;
    }
    if (sigverify_result_signing_time_count(result) == 0 && config.observer_timestamps != 0) {
      snprintf(detail, detail_len, "no signing time in the result");
      goto out;
    }
    if (!skipped_as_listed(result, col[BUNDLE])) {
      snprintf(detail, detail_len, "skipped items differ from the vector's `skipped` file");
      goto out;
    }
  } else {
    const char *name = sigverify_error_name(error);
    snprintf(got, got_len, "%s", name ? name : "(null)");
    snprintf(detail, detail_len, "%s", sigverify_error_message(error));
    if (sigverify_error_code(error) != status || name == NULL ||
        strcmp(name, sigverify_code_name(status)) != 0) {
      snprintf(detail, detail_len, "error object disagrees with status %d", status);
      goto out;
    }
  }
  harness = 0;
out:
  sigverify_result_free(result);
  sigverify_error_free(error);
  sigverify_policy_free(policy);
  sigverify_verifier_free(configured);
  sigverify_verifier_free(file_root);
  free(bundle);
  free(artifact);
  return harness;
}

int main(int argc, char **argv) {
  static char line[16384];
  char got[128], detail[512];
  unsigned long rows = 0, passed = 0, failed = 0;
  FILE *f;
  if (argc != 2) {
    fprintf(stderr, "usage: %s MANIFEST.tsv\n", argv[0]);
    return 2;
  }
  if ((f = fopen(argv[1], "r")) == NULL) {
    perror(argv[1]);
    return 2;
  }
  while (fgets(line, sizeof line, f) != NULL)
    if (line[0] != '#' && line[0] != '\n') rows++;
  rewind(f);
  if (sigverify_verifier_new_production(&production, NULL) != SIGVERIFY_OK ||
      sigverify_verifier_new_staging(&staging, NULL) != SIGVERIFY_OK) {
    fprintf(stderr, "cannot create the compiled-in verifiers\n");
    return 1;
  }
  while (fgets(line, sizeof line, f) != NULL) {
    char *col[NCOLS], *p = line;
    int n = 0;
    if (line[0] == '#' || line[0] == '\n') continue;
    line[strcspn(line, "\r\n")] = 0;
    while (n < NCOLS && p != NULL) {
      col[n++] = p;
      p = strchr(p, '\t');
      if (p != NULL) *p++ = 0;
    }
    if (n != NCOLS || p != NULL) {
      printf("FAIL %s: %d columns, expected %d\n", line, n, NCOLS);
      failed++;
      continue;
    }
    if (run_row(col, got, sizeof got, detail, sizeof detail) != 0) {
      printf("FAIL %s [%s]: harness error %s\n", col[ID], col[MODE], detail);
      failed++;
    } else if (strcmp(got, col[EXPECTED]) != 0) {
      printf("FAIL %s [%s]: expected %s, got %s (%s)\n", col[ID], col[MODE], col[EXPECTED], got,
             detail);
      failed++;
    } else {
      passed++;
    }
  }
  fclose(f);
  sigverify_verifier_free(production);
  sigverify_verifier_free(staging);
  if (rows == 0) printf("!!! the manifest has no rows (upstream vectors absent?)\n");
  printf("%lu passed, %lu failed\n", passed, failed);
  if (passed + failed != rows) {
    printf("only %lu of %lu rows ran\n", passed + failed, rows);
    return 1;
  }
  return failed == 0 ? 0 : 1;
}
