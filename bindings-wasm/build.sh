#!/usr/bin/env bash
# Builds the npm package in place: target wasm (size-first profile) -> wasm-bindgen -> wasm-opt
# -> bindings-wasm/pkg/. Installs the wasm-bindgen CLI matching Cargo.lock if it is missing.
# Prints the .wasm size (raw and gzip). Run from anywhere: `bash bindings-wasm/build.sh`.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)

# The CLI must equal the wasm-bindgen crate version (pinned with `=` in Cargo.toml).
WBG=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;q}' "$ROOT/Cargo.lock")
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WBG"; then
  echo "build: installing wasm-bindgen-cli $WBG (about 3 min cold)"
  # No --locked: the CLI's own lockfile pins a yanked crate (see shared/TOOLCHAIN.md).
  cargo install wasm-bindgen-cli --version "$WBG"
fi
[ -x node_modules/.bin/wasm-opt ] || npm ci --no-audit --no-fund
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

# Size-first, wasm-only profile, defined on the command line so the workspace profiles stay
# untouched: opt-level "z" (18 KB gzip smaller than "s" after wasm-opt on 2026-12-06; when
# TOOLCHAIN.md was measured "s" was smaller), except the arithmetic, hashing and base64 crates,
# which stay at "s": all "z" made the synchronous ECDSA in WebAssembly a third slower, and
# these at "s" make the module smaller, not larger (1.6 KB gzip, measured crate by crate).
# SIGVERIFY_WASM_OPT_LEVEL=s or 3 builds everything at that level (README, "Figures").
OPT=${SIGVERIFY_WASM_OPT_LEVEL:-z}
at_s=()
if [ -z "${SIGVERIFY_WASM_OPT_LEVEL:-}" ]; then
  for crate in p256 p384 p521 primeorder primefield crypto-bigint elliptic-curve sha2 \
    curve25519-dalek rsa base64; do
    at_s+=(--config "profile.wasm-release.package.$crate.opt-level=\"s\"")
  done
fi
case $OPT in s|z) OPT="\"$OPT\"" ;; esac
# Panic locations name their source files: relative to the repository and the crate registry,
# they are shorter and the module does not depend on where either lies.
remap=("--remap-path-prefix=$ROOT/=" "--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src/=")
CARGO_ENCODED_RUSTFLAGS=$(IFS=$'\x1f'; echo "${remap[*]}") \
cargo build -p sigverify-wasm --locked --target wasm32-unknown-unknown --profile wasm-release \
  --config 'profile.wasm-release.inherits="release"' \
  --config "profile.wasm-release.opt-level=$OPT" \
  --config 'profile.wasm-release.lto=true' \
  --config 'profile.wasm-release.codegen-units=1' \
  --config 'profile.wasm-release.panic="abort"' \
  "${at_s[@]}"

rm -rf pkg
wasm-bindgen --target web --no-typescript --out-dir pkg --out-name sigverify_native \
  "$ROOT/target/wasm32-unknown-unknown/wasm-release/sigverify_wasm.wasm"
# npm's binaryen, never Debian's (v108 corrupts wasm-bindgen output). The features are the
# ones rustc enables by default for wasm32-unknown-unknown; wasm-opt rejects the input without.
# `--zero-filled-memory` holds because the module makes its memory (never imports it), so an
# instance's memory starts zeroed; the producers and target-features sections are build notes.
node_modules/.bin/wasm-opt -Oz --converge --zero-filled-memory --strip-producers \
  --strip-target-features --enable-bulk-memory --enable-bulk-memory-opt \
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue pkg/sigverify_native_bg.wasm -o pkg/sigverify_native_bg.wasm

raw=$(stat -c %s pkg/sigverify_native_bg.wasm)
gz=$(gzip -9 -c pkg/sigverify_native_bg.wasm | wc -c)
echo "wasm size: $raw bytes raw, $gz bytes gzip -9 (pkg/sigverify_native_bg.wasm)"
