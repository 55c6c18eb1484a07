#!/usr/bin/env bash
# Differential test of sigverify's TUF client against python-tuf over the TUF manifest (the
# generated vectors, and Sigstore's real repositories when shared/vectors/sigstore-tuf is
# there): creates a venv under target/tuf-venv with the pinned python-tuf, renders the manifest
# and runs conformance/tuf-differential.py on it. Extra arguments (-v) go to the script.
set -euo pipefail

TUF_VERSION=7.0.1
# securesystemslib verifies signatures only with its `crypto` extra (the `cryptography` package).
SSLIB_VERSION=1.6.0

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
venv="$root/target/tuf-venv"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check \
    "tuf==$TUF_VERSION" "securesystemslib[crypto]==$SSLIB_VERSION"

manifest="$root/target/tuf-differential/tuf-manifest.tsv"
mkdir -p "$(dirname "$manifest")"
(cd "$root" && cargo run -q --locked -p sigverify-conformance --bin manifest -- --tuf "$manifest")

exec "$venv/bin/python" "$here/tuf-differential.py" "$manifest" "$@"
