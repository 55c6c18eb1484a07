/*
 * Runs the shared TUF manifest (written by
 * `cargo run -p sigverify-conformance --bin manifest -- --tuf`) through
 * sigverify_trusted_root_from_tuf: the stages of a case in order, the state blob of a verified
 * stage fed to the next, each stage's outcome ("ok" or the error name) compared with its
 * `expected` column. A verified trusted root must also load with
 * sigverify_verifier_new_from_trusted_root.
 *
 * usage: tuf TUF-MANIFEST.tsv [--ecdsa-callback]
 * With --ecdsa-callback every update hands its ECDSA checks to a callback (files.ecdsa_verify)
 * that counts them and answers with sigverify_ecdsa_check_in_software: every row must have the
 * same outcome, and the callback must have been called.
 * Prints one line per mismatch and a closing "N passed, M failed" line; exits non-zero on any
 * mismatch or when no row ran.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sigverify.h"
#include "util.h"

enum { ID, STAGE, ANCHOR, ROOTS, TIMESTAMP, SNAPSHOT, TARGETS, TARGET_FILES, NOW, EXPECTED, NCOLS };
enum { MAX_ITEMS = 300 };

/* Every buffer a stage read, freed together. */
struct files {
  unsigned char *data[MAX_ITEMS + 8];
  size_t n;
};

static int load(struct files *fs, const char *path, sigverify_buffer *out) {
  size_t len = 0;
  unsigned char *data = read_file(path, &len);
  if (data == NULL || fs->n >= sizeof fs->data / sizeof fs->data[0]) {
    free(data);
    fprintf(stderr, "cannot read %s\n", path);
    return -1;
  }
  fs->data[fs->n++] = data;
  out->data = data;
  out->len = len;
  return 0;
}

/* Splits `list` (comma-separated, or "-") in place; returns the count, -1 past MAX_ITEMS. */
static int split(char *list, char **items) {
  int n = 0;
  char *p = list;
  if (strcmp(list, "-") == 0) return 0;
  for (;;) {
    char *comma = strchr(p, ',');
    if (n >= MAX_ITEMS) return -1;
    items[n++] = p;
    if (comma == NULL) return n;
    *comma = '\0';
    p = comma + 1;
  }
}

/* How many checks the callback answered; NULL when the updates use sigverify's software. */
static unsigned long *callback_checks = NULL;

static int counting_check(void *context, const sigverify_ecdsa_check *check) {
  ++*(unsigned long *)context;
  return sigverify_ecdsa_check_in_software(check);
}

/* Runs one stage; the outcome name goes to `got`. Returns 0 when the harness itself worked. */
static int run_stage(char **col, unsigned char **state, size_t *state_len, char *got, size_t got_len) {
  static sigverify_buffer roots[MAX_ITEMS];
  static sigverify_tuf_target targets[MAX_ITEMS];
  static char *items[MAX_ITEMS];
  struct files fs = {{0}, 0};
  sigverify_tuf_files files;
  sigverify_error *error = NULL;
  unsigned char *root_json = NULL, *new_state = NULL;
  size_t root_len = 0, new_state_len = 0, i;
  int n, status, harness = -1;

  memset(&files, 0, sizeof files);
  if (strcmp(col[ANCHOR], "staging") == 0) {
    files.staging = true;
  } else if (strcmp(col[ANCHOR], "production") != 0 && load(&fs, col[ANCHOR], &files.anchor) != 0) {
    goto out;
  }
  if (*state != NULL) {
    files.state.data = *state;
    files.state.len = *state_len;
  }
  if ((n = split(col[ROOTS], items)) < 0) goto out;
  for (i = 0; i < (size_t)n; i++)
    if (load(&fs, items[i], &roots[i]) != 0) goto out;
  files.roots = roots;
  files.roots_len = (size_t)n;
  if (load(&fs, col[TIMESTAMP], &files.timestamp) != 0 || load(&fs, col[SNAPSHOT], &files.snapshot) != 0 ||
      load(&fs, col[TARGETS], &files.targets) != 0)
    goto out;
  if ((n = split(col[TARGET_FILES], items)) < 0) goto out;
  for (i = 0; i < (size_t)n; i++) {
    char *eq = strchr(items[i], '=');
    if (eq == NULL) goto out;
    *eq = '\0';
    targets[i].name = items[i];
    if (load(&fs, eq + 1, &targets[i].content) != 0) goto out;
  }
  files.target_files = targets;
  files.target_files_len = (size_t)n;
  if (callback_checks != NULL) {
    files.ecdsa_verify = counting_check;
    files.ecdsa_context = callback_checks;
  }

  status = sigverify_trusted_root_from_tuf(&files, strtoull(col[NOW], NULL, 10), &root_json, &root_len,
                                           &new_state, &new_state_len, &error);
  if (status == SIGVERIFY_OK) {
    sigverify_verifier *v = NULL;
    /* The verified root must be usable as it is. */
    if (sigverify_verifier_new_from_trusted_root(root_json, root_len, &v, NULL) != SIGVERIFY_OK) {
      snprintf(got, got_len, "verified root does not load");
    } else {
      snprintf(got, got_len, "ok");
    }
    sigverify_verifier_free(v);
    sigverify_buffer_free(*state, *state_len);
    *state = new_state;
    *state_len = new_state_len;
    sigverify_buffer_free(root_json, root_len);
  } else {
    snprintf(got, got_len, "%s", sigverify_error_name(error));
    sigverify_error_free(error);
  }
  harness = 0;
out:
  for (i = 0; i < fs.n; i++) free(fs.data[i]);
  return harness;
}

int main(int argc, char **argv) {
  unsigned char *text, *state = NULL;
  size_t len, state_len = 0;
  char *line, *next, prev_id[512] = "";
  int passed = 0, failed = 0;
  unsigned long checks = 0;
  const char *manifest = argc >= 2 ? argv[1] : NULL;
  if (argc == 3 && strcmp(argv[2], "--ecdsa-callback") == 0) {
    callback_checks = &checks;
  } else if (argc != 2) {
    manifest = NULL;
  }
  if (manifest == NULL || (text = read_file(manifest, &len)) == NULL) {
    fprintf(stderr, "usage: tuf TUF-MANIFEST.tsv [--ecdsa-callback]\n");
    return 2;
  }
  for (line = (char *)text; line != NULL && *line != '\0'; line = next) {
    char *col[NCOLS], got[128], *p = line;
    int c;
    next = strchr(line, '\n');
    if (next != NULL) *next++ = '\0';
    if (line[0] == '#' || line[0] == '\0') continue;
    for (c = 0; c < NCOLS; c++) {
      col[c] = p;
      p = strchr(p, '\t');
      if (p != NULL) *p++ = '\0';
      else if (c != NCOLS - 1) break;
    }
    if (c < NCOLS - 1) {
      fprintf(stderr, "bad manifest line: %s\n", line);
      return 2;
    }
    if (strcmp(col[ID], prev_id) != 0) {
      /* A new case: no state yet. */
      sigverify_buffer_free(state, state_len);
      state = NULL;
      state_len = 0;
      snprintf(prev_id, sizeof prev_id, "%s", col[ID]);
    }
    if (run_stage(col, &state, &state_len, got, sizeof got) != 0) {
      printf("FAIL %s stage %s: harness error\n", col[ID], col[STAGE]);
      failed++;
    } else if (strcmp(got, col[EXPECTED]) != 0) {
      printf("FAIL %s stage %s: expected %s, got %s\n", col[ID], col[STAGE], col[EXPECTED], got);
      failed++;
    } else {
      passed++;
    }
  }
  sigverify_buffer_free(state, state_len);
  free(text);
  printf("tuf (C): %d passed, %d failed\n", passed, failed);
  if (callback_checks != NULL) {
    printf("tuf (C): the ECDSA callback answered %lu checks\n", checks);
    if (checks == 0) return 1;
  }
  return failed == 0 && passed > 0 ? 0 : 1;
}
