#!/usr/bin/env bash
# Prints the C binding's figures from a release build (workspace profile: LTO, one codegen
# unit): the static library's size after `strip --strip-debug` (a fully stripped archive
# could not be linked), the stripped updater binary's size, and the peak heap of one
# happy-path verification: valgrind massif over the updater checking happy-path-v0.3 against
# the production root (the whole process: reading the root and bundle files, decoding the root,
# parsing the bundle, verifying). Needs the upstream vectors (../shared) and valgrind.
#   bash bindings-c/figures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
OUT=$PWD/target/ctest/figures
VECTORS=${SIGVERIFY_UPSTREAM_VECTORS:-../shared/vectors/sigstore-conformance}
HAPPY=$VECTORS/happy-path-v0.3
IDENTITY=https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main
ISSUER=https://token.actions.githubusercontent.com
mkdir -p "$OUT"

cargo build --locked -q -p sigverify-c --release
make -s -C bindings-c PROFILE=release CARGO_TARGET_DIR="$PWD/target" OUT="$OUT" >/dev/null 2>&1 \
  || { echo "figures: make failed"; exit 1; }
strip --strip-debug -o "$OUT/libsigverify.a" target/release/libsigverify.a
strip -o "$OUT/updater.stripped" "$OUT/updater"
strip -o "$OUT/libsigverify.so" target/release/libsigverify.so
kib() { echo "$(stat -c %s "$1") bytes ($(( ($(stat -c %s "$1") + 1023) / 1024 )) KiB)"; }
echo "static library, strip --strip-debug:  $(kib "$OUT/libsigverify.a")"
echo "shared library, stripped:             $(kib "$OUT/libsigverify.so")"
echo "updater binary (static link), stripped: $(kib "$OUT/updater.stripped")"

valgrind -q --tool=massif --stacks=no --massif-out-file="$OUT/massif.out" \
  "$OUT/updater" core/src/roots/production.json "$VECTORS/a.txt" \
  "$HAPPY/bundle.sigstore.json" "$IDENTITY" "$ISSUER" >/dev/null
awk -F= '
  /^mem_heap_B=/ { heap = $2 }
  /^mem_heap_extra_B=/ { if (heap > peak) { peak = heap; extra = $2 } }
  END {
    printf "peak heap, one happy-path-v0.3 verification (massif): %d bytes (%.1f KiB) requested, +%d bytes allocator overhead; target <= 262144 (256 KiB)\n", peak, peak / 1024, extra
  }' "$OUT/massif.out"
