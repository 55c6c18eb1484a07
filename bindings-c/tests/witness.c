/*
 * Witness policies, tlog proofs and the checkpoint state through the C API, on the virtual
 * Sigstore's vectors:
 * - synthetic inputs over the happy Rekor v2 vector (a checkpoint with a witness line): policy
 *   errors, a quorum of real-world witnesses that is not met, the checkpoint accessors, tlog
 *   proofs that do not parse or prove nothing, a state that round-trips through its text, and
 *   crafted states the core must refuse (a split view: same size, another root hash; another
 *   size without or with a bad consistency proof), leaving the state unchanged;
 * - the generated witness vectors: a policy file that does not parse, a quorum met by three
 *   cosignatures (read back through the accessors) and one that is not, a tlog proof whose
 *   later checkpoint carries the cosignatures the bundle's lacks, a state extended by a
 *   consistency proof, and a state that proves a split view.
 * Run under valgrind by test.sh.
 *
 * usage: witness VECTORS_DIR   (conformance/vectors)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sigverify.h"
#include "util.h"

/* Witness keys of the public witness network (from the core's witness tests): neither has
   cosigned a checkpoint of the virtual Sigstore. */
#define GEOMYS "witness.navigli.sunlight.geomys.org+a3e00fe2+BNy/co4C1Hn1p+INwJrfUlgz7W55dSZReusH/GhUhJ/G"
#define MULLVAD "witness.stagemole.eu+67f7aea0+BEqSG3yu9YrmcM3BHvQYTxwFj3uSWakQepafafpUqklv"
#define STATE_HEADER "sigverify-log-state/v1\n\n"

struct vector {
  unsigned char *bundle, *artifact, *root;
  size_t bundle_len, artifact_len, root_len;
  char identity[1024], issuer[1024];
  uint64_t now;
  /* The files beside the bundle, NUL-terminated; NULL when absent. */
  char *witness_policy, *tlog_proof, *log_state, *consistency_proof;
};

/* Reads DIR/NAME as a string without its trailing newline into `out`. */
static int read_line(const char *dir, const char *name, char *out, size_t out_len) {
  char path[4096];
  size_t len = 0;
  unsigned char *data;
  snprintf(path, sizeof path, "%s/%s", dir, name);
  if ((data = read_file(path, &len)) == NULL) return -1;
  while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r')) len--;
  data[len] = 0;
  snprintf(out, out_len, "%s", (char *)data);
  free(data);
  return 0;
}

static unsigned char *read_in(const char *dir, const char *name, size_t *len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return read_file(path, len);
}

/* DIR/NAME as a new NUL-terminated string, or NULL when absent. */
static char *read_text(const char *dir, const char *name) {
  size_t len = 0;
  return (char *)read_in(dir, name, &len);
}

static int load_vector(const char *vectors, const char *name, struct vector *v) {
  char now[64], dir[4096];
  memset(v, 0, sizeof *v);
  snprintf(dir, sizeof dir, "%s/%s", vectors, name);
  v->witness_policy = read_text(dir, "witness-policy");
  v->tlog_proof = read_text(dir, "tlog-proof");
  v->log_state = read_text(dir, "log-state");
  v->consistency_proof = read_text(dir, "consistency-proof.json");
  v->bundle = read_in(dir, "bundle.sigstore.json", &v->bundle_len);
  v->artifact = read_in(dir, "artifact", &v->artifact_len);
  v->root = read_in(dir, "trusted_root.json", &v->root_len);
  if (v->bundle == NULL || v->artifact == NULL || v->root == NULL ||
      read_line(dir, "identity", v->identity, sizeof v->identity) != 0 ||
      read_line(dir, "issuer", v->issuer, sizeof v->issuer) != 0 ||
      read_line(dir, "now", now, sizeof now) != 0) {
    fprintf(stderr, "cannot read the vector in %s\n", dir);
    return -1;
  }
  v->now = strtoull(now, NULL, 10);
  return 0;
}

static void free_vector(struct vector *v) {
  free(v->bundle);
  free(v->artifact);
  free(v->root);
  free(v->witness_policy);
  free(v->tlog_proof);
  free(v->log_state);
  free(v->consistency_proof);
}

/* Verifies the vector with `verifier` and the given tlog proofs; returns the status. */
static int verify(const sigverify_verifier *verifier, const sigverify_policy *policy,
                  const struct vector *v, const char *const *proofs, size_t n_proofs,
                  sigverify_result **result) {
  const uint8_t *ptrs[4];
  size_t lens[4], i;
  sigverify_error *err = NULL;
  int status;
  for (i = 0; i < n_proofs && i < 4; i++) {
    ptrs[i] = (const uint8_t *)proofs[i];
    lens[i] = strlen(proofs[i]);
  }
  status = sigverify_verify_with_tlog_proofs(verifier, v->bundle, v->bundle_len, v->artifact,
                                             v->artifact_len, NULL, ptrs, lens, n_proofs, policy,
                                             v->now, result, &err);
  if (status != SIGVERIFY_OK) {
    CHECK(err != NULL && sigverify_error_code(err) == status);
    CHECK(sigverify_error_name(err) != NULL && sigverify_code_name(status) != NULL &&
          strcmp(sigverify_error_name(err), sigverify_code_name(status)) == 0);
  }
  sigverify_error_free(err);
  return status;
}

/* A verifier over `v`'s root with the witness policy `text`; NULL (and the status in *status)
   when the policy is refused. */
static sigverify_verifier *with_policy(const sigverify_verifier *base, const char *text,
                                       int *status) {
  sigverify_witness_policy *policy = NULL;
  sigverify_verifier *derived = NULL;
  sigverify_error *err = NULL;
  *status = sigverify_witness_policy_new((const uint8_t *)text, strlen(text), &policy, &err);
  if (*status == SIGVERIFY_OK) {
    CHECK(policy != NULL && err == NULL);
    *status = sigverify_verifier_with_witness_policy(base, policy, &derived, &err);
  } else {
    CHECK(policy == NULL && err != NULL && sigverify_error_code(err) == *status);
  }
  sigverify_error_free(err);
  /* The verifier keeps its own copy: the policy may go at once. */
  sigverify_witness_policy_free(policy);
  return derived;
}

static void policies(const sigverify_verifier *base) {
  int status;
  sigverify_witness_policy *policy = NULL;
  sigverify_verifier *v;
  sigverify_error *err = NULL;
  v = with_policy(base, "witness geomys\nquorum geomys\n", &status);
  CHECK_STATUS(status, SIGVERIFY_WITNESS_POLICY_INVALID, err);
  CHECK(v == NULL);
  v = with_policy(base, "bogus line\n", &status);
  CHECK_STATUS(status, SIGVERIFY_WITNESS_POLICY_INVALID, err);
  v = with_policy(base, "witness a " GEOMYS "\nquorum b\n", &status);
  CHECK_STATUS(status, SIGVERIFY_WITNESS_POLICY_INVALID, err);
  v = with_policy(base, "witness a " GEOMYS "\nwitness b " GEOMYS "\nquorum a\n", &status);
  CHECK_STATUS(status, SIGVERIFY_WITNESS_POLICY_DUPLICATE_KEY, err);
  v = with_policy(base, "", &status); /* not exactly one quorum line */
  CHECK_STATUS(status, SIGVERIFY_WITNESS_POLICY_INVALID, err);
  CHECK_STATUS(sigverify_witness_policy_new(NULL, 0, &policy, &err), SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_witness_policy_new((const uint8_t *)"quorum none\n", 12, NULL, &err),
               SIGVERIFY_NULL_PARAMETER, err);
  CHECK(policy == NULL);
  CHECK_STATUS(sigverify_verifier_with_witness_policy(base, NULL, &v, &err),
               SIGVERIFY_NULL_PARAMETER, err);
  sigverify_witness_policy_free(NULL);
}

/* The checkpoint of entry 0 through every accessor. */
static void checkpoint_accessors(const sigverify_result *result) {
  size_t len = 0, hash_len = 0, origin_len = 0;
  uint64_t size = 0, t = 0;
  const char *origin = sigverify_result_checkpoint_origin(result, 0, &origin_len);
  const char *note = sigverify_result_checkpoint_note(result, 0, &len);
  const uint8_t *hash = sigverify_result_checkpoint_root_hash(result, 0, &hash_len);
  CHECK(sigverify_result_log_entry_count(result) == 1);
  CHECK(origin != NULL && strlen(origin) == origin_len && origin_len > 0);
  CHECK(note != NULL && strlen(note) == len);
  CHECK(origin != NULL && note != NULL && strncmp(note, origin, origin_len) == 0 &&
        note[origin_len] == '\n');
  CHECK(hash != NULL && hash_len == 32);
  CHECK(sigverify_result_checkpoint_size(result, 0, &size) == SIGVERIFY_OK && size > 0);
  CHECK(sigverify_result_cosignature_count(result, 0) == 0); /* no witness policy */
  CHECK(sigverify_result_cosignature_witness(result, 0, 0, NULL) == NULL);
  CHECK(sigverify_result_cosignature_time(result, 0, 0, &t) == SIGVERIFY_INVALID_ARGUMENT);
  /* Out of range and NULL. */
  CHECK(sigverify_result_checkpoint_origin(result, 1, NULL) == NULL);
  CHECK(sigverify_result_checkpoint_note(result, 1, NULL) == NULL);
  CHECK(sigverify_result_checkpoint_root_hash(result, 1, NULL) == NULL);
  CHECK(sigverify_result_checkpoint_size(result, 1, &size) == SIGVERIFY_INVALID_ARGUMENT);
  CHECK(sigverify_result_checkpoint_size(result, 0, NULL) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_result_checkpoint_size(NULL, 0, &size) == SIGVERIFY_NULL_PARAMETER);
  CHECK(sigverify_result_checkpoint_origin(NULL, 0, NULL) == NULL);
  CHECK(sigverify_result_cosignature_count(NULL, 0) == 0);
  CHECK(sigverify_result_cosignature_count(result, 7) == 0);
}

static void quorum(const sigverify_verifier *base, const sigverify_policy *policy,
                   const struct vector *v) {
  int status;
  sigverify_result *result = NULL;
  sigverify_verifier *geomys = with_policy(base, "witness geomys " GEOMYS "\nquorum geomys\n", &status);
  sigverify_verifier *none = with_policy(base, "witness geomys " GEOMYS "\nquorum none\n", &status);
  sigverify_verifier *both = with_policy(
      base, "witness geomys " GEOMYS "\nwitness mullvad " MULLVAD "\ngroup g any geomys mullvad\nquorum g\n",
      &status);
  CHECK(geomys != NULL && none != NULL && both != NULL);
  CHECK(verify(geomys, policy, v, NULL, 0, &result) == SIGVERIFY_WITNESS_QUORUM_NOT_MET);
  CHECK(result == NULL);
  CHECK(verify(both, policy, v, NULL, 0, &result) == SIGVERIFY_WITNESS_QUORUM_NOT_MET);
  /* A policy that asks nothing changes nothing; the unknown witness line is ignored. */
  CHECK(verify(none, policy, v, NULL, 0, &result) == SIGVERIFY_OK);
  CHECK(sigverify_result_cosignature_count(result, 0) == 0);
  sigverify_result_free(result);
  sigverify_verifier_free(geomys);
  sigverify_verifier_free(none);
  sigverify_verifier_free(both);
}

static void tlog_proofs(const sigverify_verifier *base, const sigverify_policy *policy,
                        const struct vector *v, const char *note) {
  char proof[8192];
  const char *proofs[1];
  sigverify_result *result = NULL;
  sigverify_error *err = NULL;
  const uint8_t *null_ptrs = NULL;
  proofs[0] = "not a tlog proof";
  CHECK(verify(base, policy, v, proofs, 1, &result) == SIGVERIFY_TLOG_PROOF_INVALID);
  proofs[0] = "c2sp.org/tlog-proof@v1\nindex x\n\n";
  CHECK(verify(base, policy, v, proofs, 1, &result) == SIGVERIFY_TLOG_PROOF_INVALID);
  /* Well formed, but index 0 without a path proves no leaf of a tree of more than one. */
  snprintf(proof, sizeof proof, "c2sp.org/tlog-proof@v1\nindex 0\n\n%s", note);
  proofs[0] = proof;
  CHECK(verify(base, policy, v, proofs, 1, &result) == SIGVERIFY_TLOG_PROOF_UNMATCHED);
  CHECK(result == NULL);
  /* Bytes that are not UTF-8 are a malformed proof. */
  proofs[0] = "c2sp.org/tlog-proof@v1\n\xff\n\n";
  CHECK(verify(base, policy, v, proofs, 1, &result) == SIGVERIFY_TLOG_PROOF_INVALID);
  /* No proof at all: as sigverify_verify, NULL arrays allowed. */
  CHECK(verify(base, policy, v, NULL, 0, &result) == SIGVERIFY_OK);
  sigverify_result_free(result);
  result = NULL;
  CHECK_STATUS(sigverify_verify_with_tlog_proofs(base, v->bundle, v->bundle_len, v->artifact,
                                                 v->artifact_len, NULL, NULL, NULL, 1, policy,
                                                 v->now, &result, &err),
               SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_verify_with_tlog_proofs(base, v->bundle, v->bundle_len, v->artifact,
                                                 v->artifact_len, NULL, &null_ptrs, &v->bundle_len,
                                                 1, policy, v->now, &result, &err),
               SIGVERIFY_NULL_PARAMETER, err);
  CHECK(result == NULL);
}

/* Copies `text[0..len]` into a new NUL-terminated string. */
static char *dup_text(const uint8_t *text, size_t len) {
  char *s = (char *)malloc(len + 1);
  if (s != NULL) {
    memcpy(s, text, len);
    s[len] = 0;
  }
  return s;
}

/* The state's text as a new NUL-terminated string. */
static char *state_text(const sigverify_log_state *state) {
  uint8_t *text = NULL;
  size_t len = 0;
  sigverify_error *err = NULL;
  char *s = NULL;
  CHECK_STATUS(sigverify_log_state_to_text(state, &text, &len, &err), SIGVERIFY_OK, err);
  if (text != NULL) s = dup_text(text, len);
  sigverify_buffer_free(text, len);
  return s;
}

static sigverify_log_state *state_from(const char *text, int want) {
  sigverify_log_state *state = NULL;
  sigverify_error *err = NULL;
  CHECK_STATUS(sigverify_log_state_new((const uint8_t *)text, strlen(text), &state, &err), want, err);
  return state;
}

/* Observes `result` with the given consistency proofs; checks the state is unchanged on
   refusal. Returns the status. */
static int observe(sigverify_log_state *state, const sigverify_result *result,
                   const char *const *proofs, size_t n) {
  const uint8_t *ptrs[4];
  size_t lens[4], i;
  sigverify_error *err = NULL;
  char *before = state_text(state), *after;
  int status;
  for (i = 0; i < n && i < 4; i++) {
    ptrs[i] = (const uint8_t *)proofs[i];
    lens[i] = strlen(proofs[i]);
  }
  status = sigverify_log_state_observe(state, result, ptrs, lens, n, &err);
  if (status != SIGVERIFY_OK) {
    CHECK(err != NULL && sigverify_error_code(err) == status);
    after = state_text(state);
    CHECK(before != NULL && after != NULL && strcmp(before, after) == 0);
    free(after);
  }
  sigverify_error_free(err);
  free(before);
  return status;
}

/* The state text with the first remembered checkpoint's line `line` (0: origin, 1: size,
   2: root hash) replaced by `with`. */
static char *edit_line(const char *text, int line, const char *with) {
  const char *start = text + strlen(STATE_HEADER), *end;
  char *out;
  int i;
  for (i = 0; i < line; i++) start = strchr(start, '\n') + 1;
  end = strchr(start, '\n');
  out = (char *)malloc(strlen(text) + strlen(with) + 1);
  if (out == NULL) return NULL;
  sprintf(out, "%.*s%s%s", (int)(start - text), text, with, end);
  return out;
}

static void hex(const uint8_t *bytes, size_t len, char *out) {
  size_t i;
  for (i = 0; i < len; i++) sprintf(out + 2 * i, "%02x", bytes[i]);
}

static void log_state(const sigverify_result *result) {
  sigverify_log_state *state = NULL, *again = NULL, *crafted;
  sigverify_error *err = NULL;
  const char *origin = sigverify_result_checkpoint_origin(result, 0, NULL);
  const char *note = sigverify_result_checkpoint_note(result, 0, NULL);
  const uint8_t *root = sigverify_result_checkpoint_root_hash(result, 0, NULL);
  char *text, *text2, *edited, line[128], proof[512], root_hex[65];
  const char *proofs[2];
  uint64_t size = 0;
  size_t len = 0;

  /* Empty state: NULL text; a non-NULL empty text is a damaged file. */
  CHECK_STATUS(sigverify_log_state_new(NULL, 0, &state, &err), SIGVERIFY_OK, err);
  CHECK(sigverify_log_state_log_count(state) == 0);
  CHECK(sigverify_log_state_note(state, origin, NULL) == NULL);
  CHECK_STATUS(sigverify_log_state_new(NULL, 5, &again, &err), SIGVERIFY_INVALID_ARGUMENT, err);
  CHECK_STATUS(sigverify_log_state_new((const uint8_t *)"", 0, &again, &err),
               SIGVERIFY_LOG_STATE_INVALID, err);
  CHECK_STATUS(sigverify_log_state_new((const uint8_t *)"garbage\n", 8, &again, &err),
               SIGVERIFY_LOG_STATE_INVALID, err);
  CHECK_STATUS(sigverify_log_state_new((const uint8_t *)"sigverify-log-state/v1\n\xff", 24, &again, &err),
               SIGVERIFY_LOG_STATE_INVALID, err);
  CHECK_STATUS(sigverify_log_state_new(NULL, 0, NULL, &err), SIGVERIFY_NULL_PARAMETER, err);
  CHECK(again == NULL);

  /* First sight, then the same tree again; the text round-trips. */
  CHECK(observe(state, result, NULL, 0) == SIGVERIFY_OK);
  CHECK(sigverify_log_state_log_count(state) == 1);
  CHECK(origin != NULL && sigverify_log_state_origin(state, 0, &len) != NULL &&
        strcmp(sigverify_log_state_origin(state, 0, NULL), origin) == 0 && len == strlen(origin));
  CHECK(sigverify_log_state_origin(state, 1, NULL) == NULL);
  CHECK(note != NULL && sigverify_log_state_note(state, origin, NULL) != NULL &&
        strcmp(sigverify_log_state_note(state, origin, NULL), note) == 0);
  CHECK(observe(state, result, NULL, 0) == SIGVERIFY_OK);
  CHECK(sigverify_log_state_log_count(state) == 1);
  text = state_text(state);
  CHECK(text != NULL && strncmp(text, STATE_HEADER, strlen(STATE_HEADER)) == 0);
  again = state_from(text, SIGVERIFY_OK);
  text2 = state_text(again);
  CHECK(text2 != NULL && strcmp(text, text2) == 0);
  CHECK(observe(again, result, NULL, 0) == SIGVERIFY_OK);
  free(text2);
  sigverify_log_state_free(again);

  /* A split view: the remembered checkpoint has the same size and another root hash (state
     signatures are not checked again, so a crafted state stands for the log's other view). */
  {
    const char *start = text + strlen(STATE_HEADER);
    const char *hash_line = strchr(strchr(start, '\n') + 1, '\n') + 1;
    snprintf(line, sizeof line, "%.*s", (int)(strchr(hash_line, '\n') - hash_line), hash_line);
    line[0] = line[0] == 'A' ? 'B' : 'A';
  }
  edited = edit_line(text, 2, line);
  crafted = state_from(edited, SIGVERIFY_OK);
  CHECK(observe(crafted, result, NULL, 0) == SIGVERIFY_LOG_SPLIT_VIEW);
  /* The evidence: the remembered note beside the presented one. */
  CHECK(sigverify_log_state_note(crafted, origin, NULL) != NULL &&
        strcmp(sigverify_log_state_note(crafted, origin, NULL), note) != 0 &&
        strstr(sigverify_log_state_note(crafted, origin, NULL), line) != NULL);
  sigverify_log_state_free(crafted);
  free(edited);

  /* Another size: no proof, a malformed proof, a proof that does not connect them. */
  CHECK(sigverify_result_checkpoint_size(result, 0, &size) == SIGVERIFY_OK && size > 1);
  snprintf(line, sizeof line, "%llu", (unsigned long long)(size - 1));
  edited = edit_line(text, 1, line);
  crafted = state_from(edited, SIGVERIFY_OK);
  CHECK(observe(crafted, result, NULL, 0) == SIGVERIFY_LOG_CONSISTENCY_PROOF_MISSING);
  proofs[0] = "{\"rootHash\": 1}";
  CHECK(observe(crafted, result, proofs, 1) == SIGVERIFY_LOG_CONSISTENCY_PROOF_MALFORMED);
  hex(root, 32, root_hex);
  snprintf(proof, sizeof proof, "{\"rootHash\":\"%s\",\"hashes\":[\"%s\"]}", root_hex, root_hex);
  proofs[0] = proof;
  CHECK(observe(crafted, result, proofs, 1) == SIGVERIFY_LOG_CONSISTENCY_PROOF_INVALID);
  /* A proof for another pair of trees is not this one's. */
  root_hex[0] = root_hex[0] == '0' ? '1' : '0';
  snprintf(proof, sizeof proof, "{\"rootHash\":\"%s\",\"hashes\":[]}", root_hex);
  CHECK(observe(crafted, result, proofs, 1) == SIGVERIFY_LOG_CONSISTENCY_PROOF_MISSING);
  sigverify_log_state_free(crafted);
  free(edited);

  /* NULLs. */
  CHECK_STATUS(sigverify_log_state_observe(NULL, result, NULL, NULL, 0, &err), SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_log_state_observe(state, NULL, NULL, NULL, 0, &err), SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_log_state_observe(state, result, NULL, NULL, 2, &err), SIGVERIFY_NULL_PARAMETER, err);
  CHECK_STATUS(sigverify_log_state_to_text(state, NULL, &len, &err), SIGVERIFY_NULL_PARAMETER, err);
  CHECK(sigverify_log_state_log_count(NULL) == 0);
  CHECK(sigverify_log_state_origin(NULL, 0, NULL) == NULL);
  CHECK(sigverify_log_state_note(state, NULL, NULL) == NULL);
  sigverify_log_state_free(NULL);

  free(text);
  sigverify_log_state_free(state);
}

/* The vector's verifier (its root, under its witness policy when it has one) and policy;
   returns the witness policy's status. */
static int vector_verifier(const struct vector *v, sigverify_verifier **verifier,
                           sigverify_policy **policy) {
  sigverify_verifier *base = NULL;
  sigverify_error *err = NULL;
  int status = SIGVERIFY_OK;
  CHECK_STATUS(sigverify_verifier_new_from_trusted_root(v->root, v->root_len, &base, &err), SIGVERIFY_OK, err);
  CHECK_STATUS(sigverify_policy_new_identity(v->identity, v->issuer, policy, &err), SIGVERIFY_OK, err);
  if (v->witness_policy != NULL) {
    *verifier = with_policy(base, v->witness_policy, &status);
    sigverify_verifier_free(base);
  } else {
    *verifier = base;
  }
  return status;
}

/* The generated witness vectors (conformance/src/generator/witnesses.rs). */
static void generated(const char *vectors) {
  struct vector v;
  sigverify_verifier *verifier = NULL;
  sigverify_policy *policy = NULL;
  sigverify_result *result = NULL;
  sigverify_log_state *state = NULL;
  const char *proofs[1];
  size_t i;
  uint64_t t = 0, size = 0;
  char *before, *after, *origin;
  int names = 0;

  /* A policy file without a quorum line. */
  if (load_vector(vectors, "witness-policy-malformed", &v) == 0) {
    CHECK(vector_verifier(&v, &verifier, &policy) == SIGVERIFY_WITNESS_POLICY_INVALID);
    CHECK(verifier == NULL);
  } else {
    CHECK(0);
  }
  sigverify_policy_free(policy);
  policy = NULL;
  free_vector(&v);

  /* Two of three needed, all three cosigned: each is read back. */
  if (load_vector(vectors, "ok-witness-all-three", &v) == 0 &&
      vector_verifier(&v, &verifier, &policy) == SIGVERIFY_OK) {
    CHECK(verify(verifier, policy, &v, NULL, 0, &result) == SIGVERIFY_OK);
    CHECK(sigverify_result_cosignature_count(result, 0) == 3);
    for (i = 0; i < sigverify_result_cosignature_count(result, 0); i++) {
      size_t len = 0;
      const char *w = sigverify_result_cosignature_witness(result, 0, i, &len);
      CHECK(w != NULL && len == 1 && strlen(w) == 1);
      if (w != NULL && w[0] >= 'a' && w[0] <= 'c') names |= 1 << (w[0] - 'a');
      CHECK(sigverify_result_cosignature_time(result, 0, i, &t) == SIGVERIFY_OK && t > 0 && t <= v.now);
    }
    CHECK(names == 7);
    CHECK(sigverify_result_cosignature_witness(result, 0, 3, NULL) == NULL);
    CHECK(sigverify_result_cosignature_time(result, 0, 3, &t) == SIGVERIFY_INVALID_ARGUMENT);
    CHECK(sigverify_result_cosignature_time(result, 0, 0, NULL) == SIGVERIFY_NULL_PARAMETER);
  } else {
    CHECK(0);
  }
  sigverify_result_free(result);
  result = NULL;
  sigverify_verifier_free(verifier);
  sigverify_policy_free(policy);
  free_vector(&v);

  /* Two of three needed, one cosigned. */
  if (load_vector(vectors, "witness-quorum-one-of-three", &v) == 0 &&
      vector_verifier(&v, &verifier, &policy) == SIGVERIFY_OK) {
    CHECK(verify(verifier, policy, &v, NULL, 0, &result) == SIGVERIFY_WITNESS_QUORUM_NOT_MET);
    CHECK(result == NULL);
  } else {
    CHECK(0);
  }
  sigverify_verifier_free(verifier);
  sigverify_policy_free(policy);
  free_vector(&v);

  /* The bundle's checkpoint lacks a cosignature; the tlog proof's later one has both. */
  if (load_vector(vectors, "ok-tlog-proof-witnessed-later", &v) == 0 && v.tlog_proof != NULL &&
      vector_verifier(&v, &verifier, &policy) == SIGVERIFY_OK) {
    CHECK(verify(verifier, policy, &v, NULL, 0, &result) == SIGVERIFY_WITNESS_QUORUM_NOT_MET);
    proofs[0] = v.tlog_proof;
    CHECK(verify(verifier, policy, &v, proofs, 1, &result) == SIGVERIFY_OK);
    CHECK(sigverify_result_cosignature_count(result, 0) == 2);
    CHECK(sigverify_result_checkpoint_size(result, 0, &size) == SIGVERIFY_OK);
    CHECK(sigverify_result_checkpoint_note(result, 0, NULL) != NULL &&
          strstr(v.tlog_proof, sigverify_result_checkpoint_note(result, 0, NULL)) != NULL);
  } else {
    CHECK(0);
  }
  sigverify_result_free(result);
  result = NULL;
  sigverify_verifier_free(verifier);
  sigverify_policy_free(policy);
  free_vector(&v);

  /* A state that remembers tree 7, extended to 13 by the consistency proof. */
  if (load_vector(vectors, "ok-log-state-extended", &v) == 0 && v.log_state != NULL &&
      v.consistency_proof != NULL && vector_verifier(&v, &verifier, &policy) == SIGVERIFY_OK) {
    CHECK(verify(verifier, policy, &v, NULL, 0, &result) == SIGVERIFY_OK);
    state = state_from(v.log_state, SIGVERIFY_OK);
    before = state_text(state);
    CHECK(before != NULL && strcmp(before, v.log_state) == 0);
    CHECK(observe(state, result, NULL, 0) == SIGVERIFY_LOG_CONSISTENCY_PROOF_MISSING);
    proofs[0] = v.consistency_proof;
    CHECK(observe(state, result, proofs, 1) == SIGVERIFY_OK);
    after = state_text(state);
    origin = (char *)sigverify_result_checkpoint_origin(result, 0, NULL);
    CHECK(after != NULL && before != NULL && strcmp(before, after) != 0);
    CHECK(origin != NULL && sigverify_log_state_note(state, origin, NULL) != NULL &&
          strcmp(sigverify_log_state_note(state, origin, NULL),
                 sigverify_result_checkpoint_note(result, 0, NULL)) == 0);
    /* Seen again, the same tree needs no proof. */
    CHECK(observe(state, result, NULL, 0) == SIGVERIFY_OK);
    free(before);
    free(after);
    sigverify_log_state_free(state);
  } else {
    CHECK(0);
  }
  sigverify_result_free(result);
  result = NULL;
  sigverify_verifier_free(verifier);
  sigverify_policy_free(policy);
  free_vector(&v);

  /* A state that remembers another tree of the same size: the two notes are the evidence. */
  if (load_vector(vectors, "log-state-split-view", &v) == 0 && v.log_state != NULL &&
      vector_verifier(&v, &verifier, &policy) == SIGVERIFY_OK) {
    CHECK(verify(verifier, policy, &v, NULL, 0, &result) == SIGVERIFY_OK);
    state = state_from(v.log_state, SIGVERIFY_OK);
    CHECK(observe(state, result, NULL, 0) == SIGVERIFY_LOG_SPLIT_VIEW);
    origin = (char *)sigverify_result_checkpoint_origin(result, 0, NULL);
    CHECK(origin != NULL && sigverify_log_state_note(state, origin, NULL) != NULL &&
          strcmp(sigverify_log_state_note(state, origin, NULL),
                 sigverify_result_checkpoint_note(result, 0, NULL)) != 0 &&
          strstr(v.log_state, sigverify_log_state_note(state, origin, NULL)) != NULL);
    sigverify_log_state_free(state);
  } else {
    CHECK(0);
  }
  sigverify_result_free(result);
  sigverify_verifier_free(verifier);
  sigverify_policy_free(policy);
  free_vector(&v);
}

int main(int argc, char **argv) {
  struct vector v;
  sigverify_verifier *base = NULL;
  sigverify_policy *policy = NULL;
  sigverify_result *result = NULL;
  char *note;
  if (argc != 2) {
    fprintf(stderr, "usage: %s VECTORS_DIR\n", argv[0]);
    return 2;
  }
  if (load_vector(argv[1], "ok-v0.3-message-rekor2-tsa", &v) != 0) return 2;
  vector_verifier(&v, &base, &policy);
  if (base == NULL || policy == NULL) return 1;

  policies(base);
  CHECK(verify(base, policy, &v, NULL, 0, &result) == SIGVERIFY_OK);
  checkpoint_accessors(result);
  quorum(base, policy, &v);
  note = dup_text((const uint8_t *)sigverify_result_checkpoint_note(result, 0, NULL),
                  strlen(sigverify_result_checkpoint_note(result, 0, NULL)));
  tlog_proofs(base, policy, &v, note);
  log_state(result);
  generated(argv[1]);

  free(note);
  sigverify_result_free(result);
  sigverify_policy_free(policy);
  sigverify_verifier_free(base);
  free_vector(&v);
  return checks_summary();
}
