#!/usr/bin/env bash
# The release dashboard's check: build it as a user would (build.sh: the packed npm package,
# Vite, the sample releases), then the Chromium tests (test/dashboard.test.mjs), which print the
# time to verify N artifacts and save target/wasm-tests/dashboard.png (screenshot.png is a copy).
# Called by bindings-wasm/test.sh after the package is built.
set -euo pipefail
cd "$(dirname "$0")"
bash build.sh
node --test --test-concurrency=1 test/
