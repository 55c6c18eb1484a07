/* A minimal check macro for the C tests: counts and reports failures, never aborts. */
#ifndef SIGVERIFY_TEST_CHECK_H
#define SIGVERIFY_TEST_CHECK_H

#include <stdio.h>

static unsigned long checks_passed, checks_failed;

#define CHECK(cond)                                                   \
  do {                                                                \
    if (cond) {                                                       \
      checks_passed++;                                                \
    } else {                                                          \
      checks_failed++;                                                \
      printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);          \
    }                                                                 \
  } while (0)

/* Checks that `status` is `want` and that `err` (when given) agrees, then frees `err`. */
#define CHECK_STATUS(status, want, err)                                              \
  do {                                                                               \
    int s_ = (status);                                                               \
    CHECK(s_ == (want));                                                             \
    if (s_ != (want)) printf("  got %d (%s), want %d\n", s_, sigverify_code_name(s_), (want)); \
    if (s_ != SIGVERIFY_OK && (err) != NULL) {                                       \
      CHECK(sigverify_error_code(err) == s_);                                        \
      CHECK(sigverify_error_message(err) != NULL);                                   \
    }                                                                                \
    sigverify_error_free(err);                                                       \
    (err) = NULL;                                                                    \
  } while (0)

static int checks_summary(void) {
  printf("%lu passed, %lu failed\n", checks_passed, checks_failed);
  return checks_failed == 0 && checks_passed > 0 ? 0 : 1;
}

#endif
