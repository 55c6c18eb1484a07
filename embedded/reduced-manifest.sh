#!/usr/bin/env bash
# Runs the shared conformance manifest against the reduced firmware build of the core
# (features default-roots, ed25519, tsa: what the QEMU updaters link), through the C API on the
# host, natively. The rows that build cannot pass are skipped by name, loudly, from
# reduced-build-skips.tsv; the run fails when another row fails, when a skipped row passes, or
# when a skipped id is not in the manifest.
#   bash embedded/reduced-manifest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/ctest
mkdir -p "$out"
skips=embedded/reduced-build-skips.tsv
log() { printf '=== reduced build: %s\n' "$*"; }

log "C library with the firmware's features (host, debug)"
cargo build --locked -q -p sigverify-c --no-default-features --features std,ed25519,tsa
cp target/debug/libsigverify.a "$out/libsigverify-reduced.a"
# Put the default library back where the other tests expect it (no recompilation: cargo
# keeps both builds and only links the default one back into place).
cargo build --locked -q -p sigverify-c
gcc -std=c99 -Wall -Wextra -Werror -pedantic -g -I bindings-c/include bindings-c/tests/conformance.c \
  "$out/libsigverify-reduced.a" -lgcc_s -lutil -lrt -lpthread -lm -ldl -o "$out/conformance-reduced"

cargo run --locked -q -p sigverify-conformance --bin manifest >"$out/manifest.tsv"
grep -v '^#' "$skips" | cut -f1 | sort -u >"$out/reduced-skip-ids"
if ! grep -q '^upstream/' "$out/manifest.tsv"; then
  echo "!!! no upstream rows (../shared/vectors/sigstore-conformance absent): their skips are not checked"
  grep -v '^upstream/' "$out/reduced-skip-ids" >"$out/reduced-skip-ids.own" || true
  mv "$out/reduced-skip-ids.own" "$out/reduced-skip-ids"
fi
missing=$(cut -f1 "$out/manifest.tsv" | sort -u | comm -13 - "$out/reduced-skip-ids")
if [ -n "$missing" ]; then
  echo "reduced-build-skips.tsv names rows the manifest does not have:"; echo "$missing"; exit 1
fi
awk -F'\t' 'NR==FNR { if ($0 !~ /^#/) skip[$1] = 1; next } /^#/ || !($1 in skip)' \
  "$skips" "$out/manifest.tsv" >"$out/manifest-reduced.tsv"
awk -F'\t' 'NR==FNR { if ($0 !~ /^#/) skip[$1] = 1; next } /^#/ || ($1 in skip)' \
  "$skips" "$out/manifest.tsv" >"$out/manifest-reduced-skipped.tsv"
grep -v '^#' "$skips" | while IFS=$'\t' read -r id why; do
  echo "!!! SKIPPED (reduced build: no RSA, no P-521): $id: $why"
done

log "every other row"
"$out/conformance-reduced" "$out/manifest-reduced.tsv" | tail -1
log "the skipped rows must all fail in this build (else they no longer belong in the list)"
summary=$("$out/conformance-reduced" "$out/manifest-reduced-skipped.tsv" | tail -1) || true
echo "skipped rows run anyway: $summary"
case $summary in
  "0 passed, "*) ;;
  *) echo "a skipped row passes in the reduced build: remove it from $skips"; exit 1 ;;
esac
