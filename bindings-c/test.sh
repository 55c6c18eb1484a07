#!/usr/bin/env bash
# Tests the C binding: installs its tools when missing (pinned cbindgen, valgrind, pkg-config),
# checks the committed header against the Rust exports, builds the library, and runs the C and
# C++ tests and the updater example under valgrind. Called by scripts/test; runs alone too:
#   bash bindings-c/test.sh
# Upstream vectors come from ../shared/vectors/sigstore-conformance (or
# $SIGVERIFY_UPSTREAM_VECTORS); without them the vector-based checks are skipped, loudly.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
log() { printf '\n=== c binding [%4ss]: %s\n' "$SECONDS" "$*"; }

CBINDGEN_VERSION=0.29.4
OUT=target/ctest
CFLAGS=(-std=c99 -Wall -Wextra -Werror -pedantic -g -I bindings-c/include)
CXXFLAGS=(-std=c++11 -Wall -Wextra -Werror -pedantic -g -I bindings-c/include)
# From `cargo rustc -p sigverify-c --crate-type staticlib -- --print native-static-libs`.
LIBS=(-lgcc_s -lutil -lrt -lpthread -lm -ldl)
VALGRIND=(valgrind -q --error-exitcode=1 --leak-check=full
          --errors-for-leak-kinds=definite,indirect,possible)
VECTORS=${SIGVERIFY_UPSTREAM_VECTORS:-../shared/vectors/sigstore-conformance}
HAPPY=$VECTORS/happy-path-v0.3
IDENTITY=https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main
ISSUER=https://token.actions.githubusercontent.com

log "tools (installed only when missing)"
cbindgen --version 2>/dev/null | grep -qF "$CBINDGEN_VERSION" \
  || cargo install cbindgen --version "$CBINDGEN_VERSION" --locked
missing=()
command -v valgrind >/dev/null || missing+=(valgrind)
command -v pkg-config >/dev/null || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

log "header drift: include/sigverify.h against the Rust exports"
# cbindgen --verify exits 2 on drift and also rewrites the header; keep the committed text so
# that a second run cannot pass silently.
mkdir -p "$OUT"
cp bindings-c/include/sigverify.h "$OUT/sigverify.h.committed"
if ! (cd bindings-c && cbindgen --quiet --verify --config cbindgen.toml --crate sigverify-c \
        --output include/sigverify.h .); then
  cp bindings-c/include/sigverify.h "$OUT/sigverify.h.generated"
  cp "$OUT/sigverify.h.committed" bindings-c/include/sigverify.h
  diff -u "$OUT/sigverify.h.committed" "$OUT/sigverify.h.generated" | head -40 || true
  echo "include/sigverify.h is stale. Regenerate it with:"
  echo "  (cd bindings-c && cbindgen --config cbindgen.toml --crate sigverify-c --output include/sigverify.h .)"
  exit 1
fi

log "build (debug) and Rust unit tests of the binding"
cargo build --locked -q -p sigverify-c
cargo test --locked -q -p sigverify-c 2>&1 | grep -E '^test result' || { cargo test --locked -p sigverify-c; exit 1; }
LIB=target/debug/libsigverify.a

log "compile the C99 and C++11 tests"
for t in conformance bad_input api tuf attestation files release backend npm witness firmware; do
  gcc "${CFLAGS[@]}" "bindings-c/tests/$t.c" "$LIB" "${LIBS[@]}" -o "$OUT/$t"
done
# The README's C examples (the minimal one, the release one, the npm one) must keep compiling, together.
sed -n '/^```c$/,/^```$/{/^```/d;p}' bindings-c/README.md >"$OUT/readme_example.c"
gcc "${CFLAGS[@]}" -c "$OUT/readme_example.c" -o "$OUT/readme_example.o"
g++ "${CXXFLAGS[@]}" bindings-c/tests/cxx.cpp "$LIB" "${LIBS[@]}" -o "$OUT/cxx"
make -s -C bindings-c PROFILE=debug CARGO_TARGET_DIR="$PWD/target" >/dev/null

log "C++ translation unit (valgrind)"
"${VALGRIND[@]}" "$OUT/cxx"

log "bad input: NULLs, zero lengths, truncated and garbage bundles (valgrind)"
if [ -f "$HAPPY/bundle.sigstore.json" ]; then
  "${VALGRIND[@]}" "$OUT/bad_input" "$HAPPY/bundle.sigstore.json"
else
  echo "!!! $HAPPY absent: truncations of a real bundle are SKIPPED"
  "${VALGRIND[@]}" "$OUT/bad_input"
fi

if [ -f "$HAPPY/bundle.sigstore.json" ]; then
  log "API, ownership and threads on happy-path-v0.3 (valgrind)"
  "${VALGRIND[@]}" "$OUT/api" "$HAPPY/bundle.sigstore.json" "$VECTORS/a.txt" \
    core/src/roots/production.json "$IDENTITY" "$ISSUER"

  log "ECDSA backend hook: counting, invalid, cannot-check and digest-mode backends (valgrind)"
  "${VALGRIND[@]}" "$OUT/backend" "$HAPPY/bundle.sigstore.json" "$VECTORS/a.txt" \
    "$IDENTITY" "$ISSUER" 1800000000

  log "updater example: safe image, tampered image, wrong identity, missing file"
  run_updater() { # expected-exit firmware identity
    local rc=0
    "${VALGRIND[@]}" "$OUT/updater" core/src/roots/production.json "$2" \
      "$HAPPY/bundle.sigstore.json" "$3" "$ISSUER" >/dev/null 2>"$OUT/updater.err" || rc=$?
    if [ "$rc" -ne "$1" ]; then
      echo "updater on $2 exited $rc, expected $1"; cat "$OUT/updater.err"; exit 1
    fi
  }
  run_updater 0 "$VECTORS/a.txt" "$IDENTITY"
  printf 'tampered' | cat "$VECTORS/a.txt" - >"$OUT/tampered.bin"
  run_updater 1 "$OUT/tampered.bin" "$IDENTITY"
  run_updater 1 "$VECTORS/a.txt" "https://example.com/someone-else"
  run_updater 2 "$OUT/no-such-firmware" "$IDENTITY"
  echo "updater: 4 passed, 0 failed"
else
  echo "!!! $HAPPY absent: API and updater checks on real vectors are SKIPPED"
fi

log "pkg-config: install to a scratch prefix, build the updater against the shared library"
prefix=$PWD/$OUT/prefix
rm -rf "$prefix"
make -s -C bindings-c install PROFILE=debug PREFIX="$prefix" CARGO_TARGET_DIR="$PWD/target" >/dev/null
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
[ "$(pkg-config --modversion sigverify)" = "$(cargo pkgid -p sigverify-c | sed 's/.*[#@]//')" ]
# shellcheck disable=SC2046 # pkg-config output is a list of flags
gcc -std=c99 -Wall -Werror $(pkg-config --cflags sigverify) bindings-c/examples/updater.c \
  $(pkg-config --libs sigverify) -Wl,-rpath,"$prefix/lib" -o "$OUT/updater-shared"
"$OUT/updater-shared" 2>/dev/null && exit 1 || [ $? -eq 2 ]   # usage error: it links and runs
echo "pkg-config $(pkg-config --modversion sigverify): ok"

log "conformance manifest through the C API (every row natively; upstream rows under valgrind)"
cargo run --locked -q -p sigverify-conformance --bin manifest >"$OUT/manifest.tsv"
"$OUT/conformance" "$OUT/manifest.tsv"
# Under valgrind a verification costs ~0.5 s: the 140 upstream rows cover every code path of the
# binding; the project's own ~1000 rows add core paths, which run natively above.
grep -E '^(#|upstream/)' "$OUT/manifest.tsv" >"$OUT/manifest-upstream.tsv"
"${VALGRIND[@]}" "$OUT/conformance" "$OUT/manifest-upstream.tsv"

log "an attestation: statement and predicate type of a real PyPI attestation (valgrind)"
pypi=conformance/examples/pypi-attestation-models-0.0.4a2
"${VALGRIND[@]}" "$OUT/attestation" "$pypi/bundle.sigstore.json" "$pypi/artifact" \
  "$(cat "$pypi/identity")" "$(cat "$pypi/issuer")" https://docs.pypi.org/attestations/publish/v1

log "files users hold: npm's attestations document and a PyPI provenance (valgrind)"
files=conformance/attestation-files
"${VALGRIND[@]}" "$OUT/files" "$files/npm-playwright-cli-0.1.1/attestations.json" \
  "$files/npm-playwright-cli-0.1.1/artifact" \
  "$files/pypi/pypi_attestations-0.0.19.tar.gz.provenance" "$files/pypi/pypi_attestations-0.0.19.tar.gz" \
  pypi_attestations-0.0.19.tar.gz https://github.com/trailofbits/pypi-attestations

log "a GitHub release: gh's real attestation, trusted roots as JSON Lines, an asset (valgrind)"
gh=$files/github-release-delme-v6
"${VALGRIND[@]}" "$OUT/release" "$gh/github_release_bundle.json" "$gh/trusted_root.jsonl" \
  "$gh/artifact.zip" "$gh/artifact_invalid.zip"

log "firmware statements: every case of conformance/firmware-vectors (valgrind)"
"${VALGRIND[@]}" "$OUT/firmware" conformance/firmware-vectors

log "npm packages: the registry's real files through a SHA-512 hasher, the npm manifest (valgrind)"
cargo run --locked -q -p sigverify-conformance --bin manifest -- --npm >"$OUT/npm-manifest.tsv"
"${VALGRIND[@]}" "$OUT/npm" "$files/npm-registry" "$OUT/npm-manifest.tsv"

log "witnesses, tlog proofs and the checkpoint state: API tests and the manifest's rows (valgrind)"
"${VALGRIND[@]}" "$OUT/witness" conformance/vectors
grep -E '^#|witness_policy=|tlog_proof=|log_state=|consistency_proof=' "$OUT/manifest.tsv" \
  >"$OUT/manifest-witness.tsv"
"${VALGRIND[@]}" "$OUT/conformance" "$OUT/manifest-witness.tsv"

log "TUF manifest through sigverify_trusted_root_from_tuf (valgrind)"
cargo run --locked -q -p sigverify-conformance --bin manifest -- --tuf >"$OUT/tuf-manifest.tsv"
"${VALGRIND[@]}" "$OUT/tuf" "$OUT/tuf-manifest.tsv"
log "TUF manifest again, every ECDSA check through files.ecdsa_verify (valgrind)"
"${VALGRIND[@]}" "$OUT/tuf" "$OUT/tuf-manifest.tsv" --ecdsa-callback

log "c binding: all passed"
