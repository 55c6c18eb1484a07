#!/usr/bin/env bash
# Builds the release dashboard (build.sh) and serves it on http://127.0.0.1:${PORT:-4173}/
# (the sample manifest; add ?manifest=sample/tuf.json for the TUF-rooted one). Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
bash build.sh
exec node scripts/serve.mjs dist "${PORT:-4173}"
