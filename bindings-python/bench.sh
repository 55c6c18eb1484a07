#!/usr/bin/env bash
# Builds the release wheel and runs bench.py in .venv-bench next to sigstore-python from PyPI,
# then bench_tuf.py next to python-tuf (which sigstore-python depends on).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../target/python/bench-wheels"
PYTHON="${PYTHON:-python3}"
if [ ! -x "$here/.venv-bench/bin/python" ]; then
  "$PYTHON" -m venv "$here/.venv-bench"
fi
"$here/.venv-bench/bin/pip" install -q --disable-pip-version-check sigstore==4.5.1 maturin==1.16.0
rm -rf "$out"
(cd "$here" && "$here/.venv-bench/bin/maturin" build --locked --release -q -i "$here/.venv-bench/bin/python" --out "$out")
"$here/.venv-bench/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$out"/sigverify-*.whl
"$here/.venv-bench/bin/python" "$here/bench.py" "$@"
"$here/.venv-bench/bin/python" "$here/bench_tuf.py"
