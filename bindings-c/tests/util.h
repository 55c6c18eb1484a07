/* Small helpers shared by the C tests and figures programs (not part of the library API). */
#ifndef SIGVERIFY_TEST_UTIL_H
#define SIGVERIFY_TEST_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads a whole file into a new malloc'ed buffer (NUL-appended); NULL on error. */
static inline unsigned char *read_file(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  unsigned char *buf = NULL;
  size_t len = 0, cap = 0, n;
  if (f == NULL) return NULL;
  for (;;) {
    if (cap - len < 4096) {
      unsigned char *bigger;
      cap = cap ? cap * 2 : 8192;
      bigger = (unsigned char *)realloc(buf, cap + 1);
      if (bigger == NULL) {
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = bigger;
    }
    n = fread(buf + len, 1, cap - len, f);
    len += n;
    if (n == 0) break;
  }
  if (ferror(f)) {
    free(buf);
    fclose(f);
    return NULL;
  }
  fclose(f);
  buf[len] = 0;
  *len_out = len;
  return buf;
}

/* Parses 64 hex digits into 32 bytes; returns 0 on success. */
static inline int parse_hex32(const char *hex, unsigned char out[32]) {
  size_t i;
  if (strlen(hex) != 64) return -1;
  for (i = 0; i < 32; i++) {
    unsigned int b;
    if (sscanf(hex + 2 * i, "%2x", &b) != 1) return -1;
    out[i] = (unsigned char)b;
  }
  return 0;
}

#endif
