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

enum { MAX_FILES = 4 };

/* What the `config` column asks of a row: thresholds over the public-good ones, a managed
   key's window, and the files of the witness and checkpoint-state sequence. */
struct row_options {
  sigverify_config config;
  int thresholds;                /* threshold fields set */
  uint64_t not_before, not_after; /* 0 and UINT64_MAX when open */
  const char *witness_policy;    /* a witness policy applied to the verifier, or NULL */
  const char *tlog_proofs[MAX_FILES]; /* tlog-proof files handed in with the bundle */
  size_t n_tlog_proofs;
  const char *log_state;         /* the checkpoint state to observe in, or NULL (no observation) */
  const char *consistency_proofs[MAX_FILES]; /* consistency proofs for the observation */
  size_t n_consistency_proofs;
  char buf[4096];                /* the paths point in here */
};

/* Parses the `config` column: `-` or `key=value` pairs separated by `;`. Returns 0, or -1 for
   an unknown key, a pair without `=`, too many files or a column too long. */
static int row_config(const char *spec, struct row_options *o) {
  char *pair, *next;
  memset(o, 0, sizeof *o);
  o->config = sigverify_config_public_good();
  o->not_after = UINT64_MAX;
  if (strcmp(spec, "-") == 0) return 0;
  if (strlen(spec) >= sizeof o->buf) return -1;
  snprintf(o->buf, sizeof o->buf, "%s", spec);
  for (pair = o->buf; pair != NULL; pair = next) {
    char *eq, *value;
    unsigned long long n;
    if ((next = strchr(pair, ';')) != NULL) *next++ = 0;
    eq = strchr(pair, '=');
    if (eq == NULL) return -1;
    *eq = 0;
    value = eq + 1;
    n = strtoull(value, NULL, 10);
    if (strcmp(pair, "tlog_entries") == 0) o->config.tlog_entries = (size_t)n, o->thresholds++;
    else if (strcmp(pair, "signed_timestamps") == 0) o->config.signed_timestamps = (size_t)n, o->thresholds++;
    else if (strcmp(pair, "observer_timestamps") == 0) o->config.observer_timestamps = (size_t)n, o->thresholds++;
    else if (strcmp(pair, "certificate_timestamps") == 0) o->config.certificate_timestamps = (size_t)n, o->thresholds++;
    else if (strcmp(pair, "key_not_before") == 0) o->not_before = n;
    else if (strcmp(pair, "key_not_after") == 0) o->not_after = n;
    else if (strcmp(pair, "witness_policy") == 0 && o->witness_policy == NULL) o->witness_policy = value;
    else if (strcmp(pair, "log_state") == 0 && o->log_state == NULL) o->log_state = value;
    else if (strcmp(pair, "tlog_proof") == 0 && o->n_tlog_proofs < MAX_FILES)
      o->tlog_proofs[o->n_tlog_proofs++] = value;
    else if (strcmp(pair, "consistency_proof") == 0 && o->n_consistency_proofs < MAX_FILES)
      o->consistency_proofs[o->n_consistency_proofs++] = value;
    else return -1;
  }
  return 0;
}

/* Reads `n` files into new buffers (freed with free_files); returns 0, or -1 when one cannot
   be read (nothing is left allocated). */
static int read_files(const char *const *paths, size_t n, unsigned char **data, size_t *lens) {
  size_t i, j;
  for (i = 0; i < n; i++) {
    if ((data[i] = read_file(paths[i], &lens[i])) == NULL) {
      for (j = 0; j < i; j++) free(data[j]);
      return -1;
    }
  }
  return 0;
}

static void free_files(unsigned char **data, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) free(data[i]);
}

/* The checkpoint accessors agree with each other on every log entry of a verified result. */
static int checkpoints_consistent(const sigverify_result *result) {
  size_t i, j, n = sigverify_result_log_entry_count(result);
  for (i = 0; i < n; i++) {
    size_t len = 0, hash_len = 0;
    uint64_t size = 0, t = 0;
    const char *origin = sigverify_result_checkpoint_origin(result, i, &len);
    const char *note = sigverify_result_checkpoint_note(result, i, NULL);
    const uint8_t *hash = sigverify_result_checkpoint_root_hash(result, i, &hash_len);
    int size_status = sigverify_result_checkpoint_size(result, i, &size);
    if (origin == NULL) {
      /* An inclusion promise alone: no checkpoint, no cosignature. */
      if (note != NULL || hash != NULL || size_status != SIGVERIFY_INVALID_ARGUMENT ||
          sigverify_result_cosignature_count(result, i) != 0)
        return 0;
      continue;
    }
    if (note == NULL || strncmp(note, origin, len) != 0 || note[len] != '\n' || hash == NULL ||
        hash_len != 32 || size_status != SIGVERIFY_OK)
      return 0;
    for (j = 0; j < sigverify_result_cosignature_count(result, i); j++)
      if (sigverify_result_cosignature_witness(result, i, j, NULL) == NULL ||
          sigverify_result_cosignature_time(result, i, j, &t) != SIGVERIFY_OK)
        return 0;
  }
  return 1;
}

/* The state's text as a new NUL-terminated string, or NULL. */
static char *state_text(const sigverify_log_state *state) {
  uint8_t *text = NULL;
  size_t len = 0;
  char *s;
  if (sigverify_log_state_to_text(state, &text, &len, NULL) != SIGVERIFY_OK) return NULL;
  if ((s = (char *)malloc(len + 1)) != NULL) {
    memcpy(s, text, len);
    s[len] = 0;
  }
  sigverify_buffer_free(text, len);
  return s;
}

/* Reads the row's state and observes a verified result in it with the row's consistency
   proofs, as the Rust runner does (conformance/src/beside.rs). Returns the status (a refusal
   is an outcome, with its error in *error), or -1 when the harness failed: a file cannot be
   read, a refused observation changed the state, or an accepted state's text does not
   round-trip. */
static int observe_row(const sigverify_result *result, const struct row_options *o,
                       sigverify_error **error, char *detail, size_t detail_len) {
  sigverify_log_state *state = NULL;
  unsigned char *proofs[MAX_FILES], *text;
  size_t lens[MAX_FILES], len = 0;
  char *before, *after = NULL;
  int status, harness = -1;
  if ((text = read_file(o->log_state, &len)) == NULL) {
    snprintf(detail, detail_len, "cannot read %s", o->log_state);
    return -1;
  }
  status = sigverify_log_state_new(text, len, &state, error);
  free(text);
  if (status != SIGVERIFY_OK) return status;
  if (read_files(o->consistency_proofs, o->n_consistency_proofs, proofs, lens) != 0) {
    snprintf(detail, detail_len, "cannot read a consistency proof");
    sigverify_log_state_free(state);
    return -1;
  }
  before = state_text(state);
  status = sigverify_log_state_observe(state, result, (const uint8_t *const *)proofs, lens,
                                       o->n_consistency_proofs, error);
  after = state_text(state);
  if (before == NULL || after == NULL) {
    snprintf(detail, detail_len, "sigverify_log_state_to_text failed");
  } else if (status != SIGVERIFY_OK && strcmp(before, after) != 0) {
    snprintf(detail, detail_len, "a refused observation changed the state");
  } else if (status == SIGVERIFY_OK) {
    /* The new state's text reads back to the same text. */
    sigverify_log_state *again = NULL;
    char *reread = NULL;
    if (sigverify_log_state_new((const uint8_t *)after, strlen(after), &again, NULL) == SIGVERIFY_OK)
      reread = state_text(again);
    if (reread == NULL || strcmp(reread, after) != 0)
      snprintf(detail, detail_len, "the observed state does not round-trip through its text");
    else
      harness = 0;
    free(reread);
    sigverify_log_state_free(again);
  } else {
    harness = 0;
  }
  free(before);
  free(after);
  free_files(proofs, o->n_consistency_proofs);
  sigverify_log_state_free(state);
  return harness == 0 ? status : -1;
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

/* Runs one row; writes the outcome name to `got`. Returns 0 when the harness itself worked.
   With witness and state keys the row is a sequence (the witness policy on the verifier, the
   verification with the tlog proofs, then the state and the observation in it) whose first
   failure is the outcome. */
static int run_row(char **col, char *got, size_t got_len, char *detail, size_t detail_len) {
  sigverify_verifier *file_root = NULL, *configured = NULL, *witnessed = NULL;
  const sigverify_verifier *verifier;
  sigverify_policy *policy = NULL, *windowed = NULL;
  sigverify_witness_policy *witness_policy = NULL;
  static struct row_options o;
  sigverify_result *result = NULL;
  sigverify_error *error = NULL;
  unsigned char *bundle = NULL, *artifact = NULL, digest[32], hashed[32];
  unsigned char *proofs[MAX_FILES];
  size_t proof_lens[MAX_FILES], n_proofs = 0;
  size_t bundle_len = 0, artifact_len = 0;
  uint64_t now = 0;
  int status, harness = -1;

  detail[0] = 0;
  if (strcmp(col[POLICY], "release") == 0) return run_release_row(col, got, got_len, detail, detail_len);
  if (row_config(col[CONFIG], &o) < 0) {
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
  if (o.not_before != 0 || o.not_after != UINT64_MAX) {
    status = sigverify_policy_with_key_validity(policy, o.not_before, o.not_after, &windowed, &error);
    if (status != SIGVERIFY_OK) goto done;
    sigverify_policy_free(policy);
    policy = windowed;
    windowed = NULL;
  }
  if (o.thresholds > 0) {
    status = sigverify_verifier_with_config(verifier, &o.config, &configured, &error);
    if (status != SIGVERIFY_OK) goto done;
    verifier = configured;
  }
  if (o.witness_policy != NULL) {
    size_t len;
    unsigned char *text = read_file(o.witness_policy, &len);
    if (text == NULL) goto out;
    status = sigverify_witness_policy_new(text, len, &witness_policy, &error);
    free(text);
    if (status != SIGVERIFY_OK) goto done;
    status = sigverify_verifier_with_witness_policy(verifier, witness_policy, &witnessed, &error);
    if (status != SIGVERIFY_OK) goto done;
    verifier = witnessed;
  }
  if (read_files(o.tlog_proofs, o.n_tlog_proofs, proofs, proof_lens) != 0) {
    snprintf(detail, detail_len, "cannot read a tlog proof");
    goto out;
  }
  n_proofs = o.n_tlog_proofs;

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
      if (n_proofs > 0)
        status = sigverify_verify_with_tlog_proofs(
            verifier, bundle, bundle_len, NULL, 0, digest, (const uint8_t *const *)proofs,
            proof_lens, n_proofs, policy, now, &result, &error);
      else
        status = sigverify_verify(verifier, bundle, bundle_len, NULL, 0, digest, policy, now,
                                  &result, &error);
    } else if (n_proofs > 0) {
      snprintf(detail, detail_len, "tlog proofs with a %s digest: no entry point", col[DIGEST]);
      goto out;
    } else {
      status = sigverify_verify_digest(verifier, bundle, bundle_len, col[DIGEST], policy, now,
                                       &result, &error);
    }
  } else {
    if ((artifact = read_file(col[ARTIFACT], &artifact_len)) == NULL) goto out;
    if (n_proofs > 0)
      status = sigverify_verify_with_tlog_proofs(
          verifier, bundle, bundle_len, artifact, artifact_len, NULL,
          (const uint8_t *const *)proofs, proof_lens, n_proofs, policy, now, &result, &error);
    else
      status = sigverify_verify(verifier, bundle, bundle_len, artifact, artifact_len, NULL,
                                policy, now, &result, &error);
  }
  if (status == SIGVERIFY_OK && o.log_state != NULL &&
      (status = observe_row(result, &o, &error, detail, detail_len)) < 0)
    goto out;

done:
  if (status == SIGVERIFY_OK) {
    const char *identity = sigverify_result_identity(result, NULL);
    snprintf(got, got_len, "ok");
    if (strcmp(col[POLICY], "identity") == 0 &&
        (identity == NULL || strcmp(identity, col[IDENTITY]) != 0)) {
      snprintf(detail, detail_len, "result identity %s", identity ? identity : "(null)");
      goto out;
    }
    if (sigverify_result_signing_time_count(result) == 0 && o.config.observer_timestamps != 0) {
      snprintf(detail, detail_len, "no signing time in the result");
      goto out;
    }
    if (!skipped_as_listed(result, col[BUNDLE])) {
      snprintf(detail, detail_len, "skipped items differ from the vector's `skipped` file");
      goto out;
    }
    if (!checkpoints_consistent(result)) {
      snprintf(detail, detail_len, "checkpoint accessors disagree");
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
  sigverify_witness_policy_free(witness_policy);
  sigverify_verifier_free(witnessed);
  sigverify_verifier_free(configured);
  free_files(proofs, n_proofs);
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
