#!/usr/bin/env bash
# Builds the release dashboard into dist/ with the sample releases beside it: the npm package
# (bindings-wasm/build.sh), installed here from its packed form
# (`npm ci --install-links`: the files a user gets from npm, not the source folder), then
# `vite build`, then scripts/sample.mjs. With ../shared beside the repository (or
# SIGVERIFY_SHARED), the sample also gets a mirror of Sigstore's TUF repository and sample/tuf.json.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../../.. && pwd)
# bindings-wasm/test.sh has just built it and says so; otherwise build it (a no-op build still
# runs wasm-bindgen and wasm-opt, under a minute), so the page never runs a stale module.
[ "${SIGVERIFY_WASM_BUILT:-}" = 1 ] || bash ../../build.sh
# Always: the installed copy of the package must be the module just built.
npm ci --install-links --no-audit --no-fund --loglevel=error
npx vite build --logLevel warn
SHARED=${SIGVERIFY_SHARED:-$ROOT/../shared}
TUF=$SHARED/vectors/sigstore-tuf/production
if [ -d "$TUF/metadata" ]; then
  node scripts/sample.mjs dist --tuf "$TUF"
else
  echo "dashboard: no $TUF, so the sample has no TUF mirror (sample/tuf.json is left out)"
  node scripts/sample.mjs dist
fi
