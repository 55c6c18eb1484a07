#!/usr/bin/env bash
# The WebAssembly binding's whole check, fresh machine or not: idempotent set-up (wasm target,
# wasm-bindgen-cli, npm ci, Debian chromium), build (prints the .wasm size), TypeScript lint,
# Node tests (API, npm pack, the conformance manifest), Chromium tests (manifest, Web Worker,
# demo page), the release dashboard (examples/dashboard: Vite build, Chromium), then the
# verify-time figures (Node and Chromium). Called by scripts/test as `bash bindings-wasm/test.sh`.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd .. && pwd)
log() { printf '\n=== wasm [%4ss]: %s\n' "$SECONDS" "$*"; }

log "set-up"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
WBG=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;q}' "$ROOT/Cargo.lock")
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WBG"; then
  # No --locked: the CLI's own lockfile pins a yanked crate (shared/TOOLCHAIN.md). ~3 min cold.
  cargo install wasm-bindgen-cli --version "$WBG"
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
fi
export CHROMIUM

log "build"
bash build.sh

log "lint: tsc --noEmit"
npm run -s lint

log "conformance manifest"
export SIGVERIFY_MANIFEST="$ROOT/target/wasm-tests/manifest.tsv"
mkdir -p "$(dirname "$SIGVERIFY_MANIFEST")"
(cd "$ROOT" && cargo run -q --locked -p sigverify-conformance --bin manifest "$SIGVERIFY_MANIFEST")
echo "manifest: $(grep -vc '^#' "$SIGVERIFY_MANIFEST" || true) rows"
export SIGVERIFY_TUF_MANIFEST="$ROOT/target/wasm-tests/tuf-manifest.tsv"
(cd "$ROOT" && cargo run -q --locked -p sigverify-conformance --bin manifest -- --tuf "$SIGVERIFY_TUF_MANIFEST")
echo "TUF manifest: $(grep -vc '^#' "$SIGVERIFY_TUF_MANIFEST" || true) rows"
export SIGVERIFY_NPM_MANIFEST="$ROOT/target/wasm-tests/npm-manifest.tsv"
(cd "$ROOT" && cargo run -q --locked -p sigverify-conformance --bin manifest -- --npm "$SIGVERIFY_NPM_MANIFEST")
echo "npm manifest: $(grep -vc '^#' "$SIGVERIFY_NPM_MANIFEST" || true) rows"

log "node tests"
node --test test/node/

log "chromium tests"
node --test --test-concurrency=1 test/browser/
echo "screenshots: $ROOT/target/wasm-tests/demo-verified.png, demo-rejected.png, demo-tuf-verified.png"

log "release dashboard (examples/dashboard): Vite build of the packed package, Chromium"
SIGVERIFY_WASM_BUILT=1 bash examples/dashboard/test.sh

log "figures"
raw=$(stat -c %s pkg/sigverify_native_bg.wasm)
gz=$(gzip -9 -c pkg/sigverify_native_bg.wasm | wc -c)
echo "wasm size: $raw bytes raw, $gz bytes gzip -9"
# A ratchet just above the size (the goal was 280 KB, README): the size is a pure function of the sources and the
# pinned tools, so growth past today's 280,938 B plus 1.6 % is a change to look at, not noise.
budget=${SIGVERIFY_WASM_GZIP_BUDGET:-285500}
if [ "$gz" -gt "$budget" ]; then
  echo "!!! wasm module is $gz bytes gzip, over the ratchet of $budget (README, Figures: say why, then raise it)"
  exit 1
fi
node bench/bench.mjs 100
node bench/browser.mjs 100
log "wasm binding: all passed"
