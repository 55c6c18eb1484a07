/* Every firmware case (conformance/firmware-vectors/cases.tsv) through the C API, as the Rust
   reference runner (conformance/src/firmware_vectors.rs) runs it: verify the image's bundle for
   its signer (the product key without a log, inside its validity window; or the release
   identity), then sigverify_firmware_check for the device and the installed security version.
   Usage: firmware FIRMWARE_VECTORS_DIR */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sigverify.h"
#include "util.h"

#define MAX_LINE 512

/* The value of `key=` in the device file's text, copied into out (empty when absent). */
static void device_field(const char *text, const char *key, char *out, size_t cap) {
  size_t klen = strlen(key);
  const char *p = text;
  out[0] = 0;
  while (p != NULL && *p) {
    if (strncmp(p, key, klen) == 0 && p[klen] == '=') {
      size_t n = strcspn(p + klen + 1, "\n");
      if (n >= cap) n = cap - 1;
      memcpy(out, p + klen + 1, n);
      out[n] = 0;
      return;
    }
    p = strchr(p, '\n');
    if (p != NULL) p++;
  }
}

static unsigned char *read_in(const char *dir, const char *name, size_t *len) {
  char path[MAX_LINE];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return read_file(path, len);
}

int main(int argc, char **argv) {
  const char *dir;
  unsigned char *device_text, *root, *pem, *cases;
  size_t device_len, root_len, pem_len, cases_len;
  char vendor[64], device_class[64], identity[256], issuer[256], buf[64];
  uint64_t now, not_before, not_after;
  sigverify_verifier *keyless = NULL, *base = NULL, *keyonly = NULL;
  sigverify_policy *key_policy = NULL, *windowed = NULL, *identity_policy = NULL;
  sigverify_config config;
  int passed = 0, failed = 0;
  bool seen_ok = false, seen_not_newer = false;
  char *line;

  if (argc != 2) {
    fprintf(stderr, "usage: firmware FIRMWARE_VECTORS_DIR\n");
    return 2;
  }
  dir = argv[1];
  device_text = read_in(dir, "device", &device_len);
  root = read_in(dir, "trusted_root.json", &root_len);
  pem = read_in(dir, "product-key.pub", &pem_len);
  cases = read_in(dir, "cases.tsv", &cases_len);
  if (device_text == NULL || root == NULL || pem == NULL || cases == NULL) {
    fprintf(stderr, "firmware: cannot read %s\n", dir);
    return 2;
  }
  device_field((const char *)device_text, "vendor", vendor, sizeof vendor);
  device_field((const char *)device_text, "class", device_class, sizeof device_class);
  device_field((const char *)device_text, "identity", identity, sizeof identity);
  device_field((const char *)device_text, "issuer", issuer, sizeof issuer);
  device_field((const char *)device_text, "now", buf, sizeof buf);
  now = strtoull(buf, NULL, 10);
  device_field((const char *)device_text, "key_not_before", buf, sizeof buf);
  not_before = strtoull(buf, NULL, 10);
  device_field((const char *)device_text, "key_not_after", buf, sizeof buf);
  not_after = strtoull(buf, NULL, 10);

  config = sigverify_config_public_good();
  config.tlog_entries = 0;
  config.observer_timestamps = 0;
  if (sigverify_verifier_new_from_trusted_root(root, root_len, &base, NULL) != SIGVERIFY_OK ||
      sigverify_verifier_with_config(base, &config, &keyonly, NULL) != SIGVERIFY_OK ||
      sigverify_policy_new_public_key_pem(pem, pem_len, &key_policy, NULL) != SIGVERIFY_OK ||
      sigverify_policy_with_key_validity(key_policy, not_before, not_after, &windowed, NULL) !=
          SIGVERIFY_OK ||
      sigverify_policy_new_identity(identity, issuer, &identity_policy, NULL) != SIGVERIFY_OK) {
    fprintf(stderr, "firmware: set-up failed\n");
    return 2;
  }
  keyless = base;

  for (line = strtok((char *)cases, "\n"); line != NULL; line = strtok(NULL, "\n")) {
    char image[128], signer[16], expected[64], path[MAX_LINE];
    unsigned int installed, hardware;
    unsigned char *bundle, *artifact;
    size_t bundle_len, artifact_len;
    sigverify_result *result = NULL;
    sigverify_firmware_statement statement = {0, 0, false};
    sigverify_firmware_device device;
    const char *got;
    int rc;
    bool key;
    if (line[0] == '#') continue;
    if (sscanf(line, "%127s %15s %u %u %63s", image, signer, &installed, &hardware, expected) != 5) {
      fprintf(stderr, "firmware: bad row %s\n", line);
      return 2;
    }
    snprintf(path, sizeof path, "%s/bundle.sigstore.json", image);
    bundle = read_in(dir, path, &bundle_len);
    snprintf(path, sizeof path, "%s/artifact", image);
    artifact = read_in(dir, path, &artifact_len);
    if (bundle == NULL || artifact == NULL) {
      fprintf(stderr, "firmware: cannot read image %s\n", image);
      return 2;
    }
    key = strcmp(signer, "key") == 0;
    rc = sigverify_verify(key ? keyonly : keyless, bundle, bundle_len, artifact, artifact_len, NULL,
                          key ? windowed : identity_policy, now, &result, NULL);
    if (rc == SIGVERIFY_OK) {
      device.vendor = vendor;
      device.device_class = device_class;
      device.hardware_revision = hardware;
      rc = sigverify_firmware_check(result, &device, installed, &statement, NULL);
    }
    got = rc == SIGVERIFY_OK ? "ok" : sigverify_code_name(rc);
    if (got != NULL && strcmp(got, expected) == 0 &&
        (rc != SIGVERIFY_OK || statement.security_version > installed)) {
      passed++;
      seen_ok |= rc == SIGVERIFY_OK;
      seen_not_newer |= rc == SIGVERIFY_FIRMWARE_VERSION_NOT_NEWER;
    } else {
      failed++;
      fprintf(stderr, "FAIL %s (%s %u %u): expected %s, got %s\n", image, signer, installed,
              hardware, expected, got ? got : "?");
    }
    sigverify_result_free(result);
    free(bundle);
    free(artifact);
  }
  /* sigverify_firmware_read judges the device only: an installed image at the counter boots. */
  {
    unsigned char *bundle, *artifact;
    size_t bundle_len, artifact_len;
    sigverify_result *result = NULL;
    sigverify_firmware_statement statement = {0, 0, false};
    sigverify_firmware_device device = {vendor, device_class, 3};
    bundle = read_in(dir, "v5-hardware-3/bundle.sigstore.json", &bundle_len);
    artifact = read_in(dir, "v5-hardware-3/artifact", &artifact_len);
    if (bundle != NULL && artifact != NULL &&
        sigverify_verify(keyonly, bundle, bundle_len, artifact, artifact_len, NULL, windowed, now,
                         &result, NULL) == SIGVERIFY_OK &&
        sigverify_firmware_read(result, &device, &statement, NULL) == SIGVERIFY_OK &&
        statement.security_version == 5 && statement.has_min_hardware_revision &&
        statement.min_hardware_revision == 3 &&
        sigverify_firmware_check(result, &device, 5, NULL, NULL) ==
            SIGVERIFY_FIRMWARE_VERSION_NOT_NEWER &&
        sigverify_firmware_read(NULL, &device, NULL, NULL) == SIGVERIFY_NULL_PARAMETER &&
        sigverify_firmware_read(result, NULL, NULL, NULL) == SIGVERIFY_NULL_PARAMETER) {
      passed++;
    } else {
      failed++;
      fprintf(stderr, "FAIL sigverify_firmware_read on v5-hardware-3\n");
    }
    sigverify_result_free(result);
    free(bundle);
    free(artifact);
  }
  if (!seen_ok || !seen_not_newer) {
    failed++;
    fprintf(stderr, "FAIL the cases reach neither an install nor a refusal\n");
  }
  printf("firmware: %d passed, %d failed\n", passed, failed);
  sigverify_policy_free(identity_policy);
  sigverify_policy_free(windowed);
  sigverify_policy_free(key_policy);
  sigverify_verifier_free(keyonly);
  sigverify_verifier_free(base);
  free(device_text);
  free(root);
  free(pem);
  free(cases);
  return failed == 0 ? 0 : 1;
}
