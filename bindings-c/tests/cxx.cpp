// The header in a C++ translation unit: it must compile cleanly as C++11 (extern "C",
// no C-only constructs) and link against the same library.
#include <cstdio>
#include <cstring>
#include <memory>

#include "sigverify.h"

namespace {

struct VerifierFree {
  void operator()(sigverify_verifier *v) const { sigverify_verifier_free(v); }
};
struct ErrorFree {
  void operator()(sigverify_error *e) const { sigverify_error_free(e); }
};

int failures = 0;

void check(bool ok, const char *what) {
  if (!ok) {
    std::printf("FAIL %s\n", what);
    failures++;
  }
}

}  // namespace

int main() {
  sigverify_verifier *raw = nullptr;
  check(sigverify_verifier_new_production(&raw, nullptr) == SIGVERIFY_OK, "production verifier");
  std::unique_ptr<sigverify_verifier, VerifierFree> verifier(raw);

  sigverify_error *raw_error = nullptr;
  const uint8_t bundle[] = {'{', '}'};
  const uint8_t digest[SIGVERIFY_SHA256_LEN] = {0};
  int status = sigverify_verify(verifier.get(), bundle, sizeof bundle, nullptr, 0, digest, nullptr,
                                0, nullptr, &raw_error);
  std::unique_ptr<sigverify_error, ErrorFree> error(raw_error);
  check(status == SIGVERIFY_NULL_PARAMETER, "NULL policy");
  check(error && std::strcmp(sigverify_error_name(error.get()), "NULL_PARAMETER") == 0,
        "error name");

  sigverify_hasher *hasher = sigverify_hasher_new();
  uint8_t out[SIGVERIFY_SHA256_LEN];
  check(sigverify_hasher_update(hasher, bundle, sizeof bundle) == SIGVERIFY_OK, "hasher update");
  check(sigverify_hasher_final(hasher, out) == SIGVERIFY_OK, "hasher final");
  sigverify_hasher_free(hasher);
  check(std::strcmp(sigverify_code_name(SIGVERIFY_TLOG_INCLUSION_PROOF_INVALID),
                    "TLOG_INCLUSION_PROOF_INVALID") == 0,
        "code name");

  std::printf("%d passed, %d failed\n", 4 - failures, failures);
  return failures == 0 ? 0 : 1;
}
