#!/usr/bin/env bash
# Runs every case of the firmware-updater example under QEMU (mps2-an386, Cortex-M4F), for the
# Rust updater and the C updater, and checks each outcome: the image boots only when its
# bundle verifies, each refusal names the failed check by its stable code, and a trusted-root
# update delivered in a package is verified, persisted and used on the next boot.
# Exit status 0 only when every outcome is as expected.
#   bash embedded/run.sh
# The root-update cases need Sigstore's TUF repository from ../shared/vectors/sigstore-tuf (or
# $SIGVERIFY_TUF_VECTORS); without it they are skipped, loudly.
set -euo pipefail
cd "$(dirname "$0")"
bash build.sh
source ./qemu.sh

ex=../conformance/examples
v1=$ex/gh-npm-sigstore-2.1.0-v0.3
v2=$ex/java-dsse-rekor2-production
key=$ex/go-npm-sigstore-1.3.0-publish-key
tuf=${SIGVERIFY_TUF_VECTORS:-../../shared/vectors/sigstore-tuf}/production
mkdir -p target/pkg
rm -f target/flash/persist.bin

passed=0
failed=0
skipped=0
# check FIRMWARE NAME WANT PACKAGE-ARGS [QEMU-ARGS...]: WANT is the lines the firmware must
# print, separated by ';' (the first decides: "boot: ..." must exit 0, anything else 1).
check() {
  local firmware=$1 name=$2 want=$3 args=$4 rc=0 out want_rc=1 line ok=1
  # shellcheck disable=SC2086 # args is a list of package.py flags
  python3 package.py "target/pkg/$name.bin" $args
  [[ $want == *boot:* ]] && want_rc=0
  out=$(run_qemu "$firmware" "target/pkg/$name.bin" "${@:5}") || rc=$?
  [ "$rc" -eq "$want_rc" ] || ok=0
  IFS=';' read -ra lines <<<"$want"
  for line in "${lines[@]}"; do grep -qF "$line" <<<"$out" || ok=0; done
  # Never both: an image that boots was not refused, a refused one did not boot.
  if grep -q '^boot' <<<"$out" && grep -q '^refused' <<<"$out"; then ok=0; fi
  if [ "$ok" -eq 1 ]; then
    passed=$((passed + 1))
    printf 'ok   %-9s %-32s %s\n' "$(firmware_name "$firmware")" "$name" \
      "$(grep -E '^(root|boot|refused|power|counter)' <<<"$out" | paste -sd' ')"
  else
    failed=$((failed + 1))
    printf 'FAIL %-9s %-32s exit %s (want %s), want "%s"; output:\n%s\n' \
      "$(firmware_name "$firmware")" "$name" "$rc" "$want_rc" "$want" "$out"
  fi
}

for fw in "${FIRMWARE[@]}"; do
  check "$fw" rekor1-keyless "boot: image verified" \
    "--signer 0 --image $v1/artifact --bundle $v1/bundle.sigstore.json"
  check "$fw" rekor2-keyless "boot: image verified" \
    "--signer 1 --image $v2/artifact --bundle $v2/bundle.sigstore.json"
  check "$fw" managed-key "boot: image verified" \
    "--signer 2 --image $key/artifact --bundle $key/bundle.sigstore.json"
  check "$fw" tampered-image "refused: 803 DSSE_SUBJECT_MISMATCH" \
    "--signer 0 --flip-image-byte --image $v1/artifact --bundle $v1/bundle.sigstore.json"
  check "$fw" tampered-key-image "refused: 803 DSSE_SUBJECT_MISMATCH" \
    "--signer 2 --flip-image-byte --image $key/artifact --bundle $key/bundle.sigstore.json"
  check "$fw" wrong-identity "refused: 1000 POLICY_IDENTITY_MISMATCH" \
    "--signer 1 --image $v1/artifact --bundle $v1/bundle.sigstore.json"
  check "$fw" keyless-bundle-for-key-slot "refused: 1002 POLICY_MATERIAL_MISMATCH" \
    "--signer 2 --image $v1/artifact --bundle $v1/bundle.sigstore.json"
  check "$fw" truncated-bundle "refused: 100 BUNDLE_JSON_INVALID" \
    "--signer 0 --truncate-bundle 4000 --image $v1/artifact --bundle $v1/bundle.sigstore.json"
  check "$fw" unknown-signer-slot "refused: package names a signer slot" \
    "--signer 7 --image $v1/artifact --bundle $v1/bundle.sigstore.json"
  check "$fw" empty-package "refused: package unreadable" ""
done
# expect_flash FIRMWARE NAME FILE HEX: the flash region's host file holds these bytes (the
# counter) or, for the install slot, the package of that name (by SHA-256).
expect_flash() {
  local have want=$4
  have=$(od -An -tx1 -v "target/flash/$3" 2>/dev/null | tr -d ' \n')
  if [ "$3" = install.bin ]; then
    have=$(sha256sum "target/flash/$3" | cut -d' ' -f1)
    want=$(sha256sum "target/pkg/$4.bin" | cut -d' ' -f1)
  fi
  if [ "$have" = "$want" ]; then
    passed=$((passed + 1))
    printf 'ok   %-9s %-32s %s\n' "$(firmware_name "$1")" "$2" "$3 as expected"
  else
    failed=$((failed + 1))
    printf 'FAIL %-9s %-32s %s holds %s, want %s\n' "$(firmware_name "$1")" "$2" "$3" "$have" "$want"
  fi
}

# The product's images (slots 3 and 4: the product key, firmware statements, anti-rollback),
# in order on one device: each case boots with the install slot and the counter the previous
# one left.
fv=../conformance/firmware-vectors
product() { echo "--signer $1 --image $fv/$2/artifact --bundle $fv/$2/bundle.sigstore.json"; }
for fw in "${FIRMWARE[@]}"; do
  rm -f target/flash/install.bin target/flash/counter.bin
  check "$fw" product-v2-installs \
    "proofs: 0 tlog entries;installed: security version 2 (counter 0 -> 2);boot: image verified, security version 2" \
    "$(product 3 v2-key)"
  cp target/pkg/product-v2-installs.bin target/pkg/installed-v2.bin
  expect_flash "$fw" product-v2-counter counter.bin 02000000
  # shellcheck disable=SC2046 # flash_state is a list of QEMU arguments
  check "$fw" product-same-again "refused: 1804 FIRMWARE_VERSION_NOT_NEWER" "$(product 3 v2-key)" $(flash_state "$fw")
  # shellcheck disable=SC2046
  check "$fw" product-older "refused: 1804 FIRMWARE_VERSION_NOT_NEWER" "$(product 3 v1-key)" $(flash_state "$fw")
  # shellcheck disable=SC2046
  check "$fw" product-other-class "refused: 1802 FIRMWARE_CLASS_MISMATCH" "$(product 3 v9-other-class)" $(flash_state "$fw")
  # shellcheck disable=SC2046
  check "$fw" product-other-vendor "refused: 1801 FIRMWARE_VENDOR_MISMATCH" "$(product 3 v9-other-vendor)" $(flash_state "$fw")
  # shellcheck disable=SC2046
  check "$fw" product-hardware-too-old "refused: 1803 FIRMWARE_HARDWARE_UNSUPPORTED" "$(product 3 v5-hardware-3)" $(flash_state "$fw")
  # shellcheck disable=SC2046
  check "$fw" product-no-firmware-statement "refused: 804 DSSE_PREDICATE_TYPE_MISMATCH" "$(product 3 slsa-statement)" $(flash_state "$fw")
  # Slot 4 is the product key configured to need a log entry: a key-only package is refused.
  # shellcheck disable=SC2046
  check "$fw" product-key-only-not-configured "refused: 1100 TLOG_THRESHOLD_NOT_MET" "$(product 4 v3-key)" $(flash_state "$fw")
  # Nothing refused above wrote anything.
  expect_flash "$fw" refusals-wrote-nothing install.bin installed-v2
  expect_flash "$fw" refusals-kept-the-counter counter.bin 02000000
  # Power fails after the image is written and read back, before the counter advances.
  # shellcheck disable=SC2046
  POWER_CUT=1 check "$fw" product-power-cut "power cut: the image is written, the counter was not advanced" \
    "$(product 3 v3-key)" $(flash_state "$fw")
  expect_flash "$fw" power-cut-image-written install.bin product-power-cut
  expect_flash "$fw" power-cut-counter-behind counter.bin 02000000
  # The next boot, nothing staged: the installed image verifies again and the counter catches up.
  # shellcheck disable=SC2046
  check "$fw" boot-after-power-cut "counter: 2 -> 3;boot: image verified, security version 3" "" $(flash_state "$fw")
  expect_flash "$fw" boot-after-power-cut-counter counter.bin 03000000
  # shellcheck disable=SC2046
  check "$fw" boot-installed "boot: image verified, security version 3" "" $(flash_state "$fw")
  # shellcheck disable=SC2046
  check "$fw" product-v3-after-recovery "refused: 1804 FIRMWARE_VERSION_NOT_NEWER" "$(product 3 v3-key)" $(flash_state "$fw")
done
rm -f target/flash/install.bin target/flash/counter.bin

for fw in "${FIRMWARE[@]}"; do
  want="refused: the RTC is not set"
  [[ $fw == *updater-c* ]] && want="refused: 9002 CLOCK_UNAVAILABLE"
  RTC=0 check "$fw" clock-not-set "$want" "--signer 0 --image $v1/artifact --bundle $v1/bundle.sigstore.json"
done

if [ -f "$tuf/metadata/timestamp.json" ]; then
  update="--tuf-timestamp $tuf/metadata/timestamp.json --tuf-snapshot $tuf/metadata/snapshot.json
    --tuf-targets $tuf/metadata/targets.json"
  image="--signer 0 --image $v1/artifact --bundle $v1/bundle.sigstore.json"
  # Root updates are in the Rust updater's full build and the C updater's root-update build;
  # the reduced builds refuse them. Each starts as a fresh device (no persisted state).
  for fw in "${FULL[@]}" "${C_TUF[@]}"; do
    rm -f target/flash/persist.bin
    check "$fw" boots-without-update "boot: image verified" "$image"
    check "$fw" root-update \
      "root update: ;trusted_root.json adopted and persisted;boot: image verified" \
      "$update --trusted-root $tuf/targets/trusted_root.json $image"
    # The next boot reads the persist sector back: the update stays in effect.
    check "$fw" after-root-update "root: persisted by a TUF update;boot: image verified" \
      "$image" $(persist_sector "$fw" target/flash/persist.bin)
    cp target/flash/persist.bin target/flash/persist.good
    # Whoever writes the sector cannot add trust: an edited trusted_root.json in it fails the
    # check from the compiled-in TUF root, and the compiled-in root applies.
    python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); n=d.replace(b"\"mediaType\"", b"\"mediatype\"", 1); assert n != d; open(sys.argv[2],"wb").write(n)' \
      target/flash/persist.good target/flash/persist.tampered
    check "$fw" persisted-sector-tampered \
      "root: persisted TUF update refused (1317 TUF_TARGET_HASH_MISMATCH): the compiled-in root applies;boot: image verified" \
      "$image" $(persist_sector "$fw" target/flash/persist.tampered)
    sed 's/"mediaType"/"mediatype"/' "$tuf/targets/trusted_root.json" >target/pkg/trusted_root.altered
    check "$fw" root-update-altered-target "refused: 1317 TUF_TARGET_HASH_MISMATCH" \
      "$update --trusted-root target/pkg/trusted_root.altered $image" \
      $(persist_sector "$fw" target/flash/persist.good)
    # 2026-09-01: the timestamp metadata expired on 2026-08-28.
    RTC=1788220800 check "$fw" root-update-expired "refused: 1308 TUF_METADATA_EXPIRED" \
      "$update --trusted-root $tuf/targets/trusted_root.json $image" \
      $(persist_sector "$fw" target/flash/persist.good)
  done
  # The two updaters keep one sector format: a sector the C updater wrote, read by the Rust one.
  # (persist.good is now the last C+TUF image's, on the second board.)
  # shellcheck disable=SC2046
  check "${FULL[1]}" sector-from-c-read-by-rust "root: persisted by a TUF update;boot: image verified" \
    "$image" $(persist_sector "${FULL[1]}" target/flash/persist.good)
  for fw in "${FIRMWARE[@]}"; do
    check "$fw" root-update-in-reduced "refused: package carries a trusted-root update" \
      "$update --trusted-root $tuf/targets/trusted_root.json $image"
  done
else
  echo "!!! $tuf absent: the root-update cases are SKIPPED"
  skipped=29
fi
echo "embedded: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
