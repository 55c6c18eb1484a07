#!/usr/bin/env bash
# Builds the `sigverify` wheel (abi3, release by default) and tests it in a fresh venv:
# pytest (API, bad input, the shared conformance manifest) and mypy --strict over the tests.
#   PROFILE=debug bash bindings-python/test.sh   # faster build for local iteration
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$root/target/python"
log() { printf '\n=== python [%4ss]: %s\n' "$SECONDS" "$*"; }

# Pinned tools; bump together and note it in the README.
MATURIN=maturin==1.16.0
TEST_TOOLS=(pytest==9.2.0 pytest-timeout==2.4.0 mypy==2.4.1)
PYTHON="${PYTHON:-python3}"

log "tools venv ($here/.venv: $MATURIN)"
if ! "$here/.venv/bin/maturin" --version 2>/dev/null | grep -qx "maturin ${MATURIN#*==}"; then
  "$PYTHON" -m venv "$here/.venv"
  "$here/.venv/bin/pip" install -q --disable-pip-version-check "$MATURIN"
fi

log "wheel (maturin build, profile ${PROFILE:-release})"
rm -rf "$out/wheels"
mkdir -p "$out"
release=(--release)
[ "${PROFILE:-release}" = debug ] && release=()
(cd "$here" && "$here/.venv/bin/maturin" build --locked "${release[@]}" -q \
  -i "$here/.venv/bin/python" --out "$out/wheels")
wheel=("$out"/wheels/sigverify-*-cp39-abi3-*.whl)
[ -f "${wheel[0]}" ] || { echo "no abi3 wheel in $out/wheels"; exit 1; }
echo "built ${wheel[0]##*/}"

log "fresh test venv ($out/venv) + wheel"
"$PYTHON" -m venv --clear "$out/venv"
"$out/venv/bin/pip" install -q --disable-pip-version-check "${TEST_TOOLS[@]}" "${wheel[0]}"

log "conformance manifest"
rm -f "$out/manifest.tsv"
(cd "$root" && cargo run --locked -q -p sigverify-conformance --bin manifest "$out/manifest.tsv")
if [ ! -f "$out/manifest.tsv" ]; then
  echo "!!! ../shared/vectors/sigstore-conformance is absent: manifest conformance rows will be SKIPPED"
fi
export SIGVERIFY_MANIFEST="$out/manifest.tsv"
(cd "$root" && cargo run --locked -q -p sigverify-conformance --bin manifest -- --tuf "$out/tuf-manifest.tsv")
export SIGVERIFY_TUF_MANIFEST="$out/tuf-manifest.tsv"
(cd "$root" && cargo run --locked -q -p sigverify-conformance --bin manifest -- --npm "$out/npm-manifest.tsv")
export SIGVERIFY_NPM_MANIFEST="$out/npm-manifest.tsv"

log "pytest"
# From the package folder (which has python/, not sigverify/), so the import is the wheel.
(cd "$here" && "$out/venv/bin/python" -m pytest -q -p no:cacheprovider tests)

log "mypy.stubtest (stubs against the built module) + mypy --strict (tests against the stubs)"
(cd "$out" && "$out/venv/bin/python" -m mypy.stubtest sigverify)
(cd "$here" && "$out/venv/bin/mypy" --strict --cache-dir "$out/mypy-cache" tests)
log "python binding passed"
