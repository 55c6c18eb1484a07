#!/usr/bin/env bash
# Builds every fuzz target (nightly), seeds the corpora from the conformance vectors, and runs
# each target for SECONDS (default 20) in turn. Crashes land in fuzz/artifacts/<target>/ and
# fail the run. Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-20}
shift || true
export SIGVERIFY_UPSTREAM_VECTORS=${SIGVERIFY_UPSTREAM_VECTORS:-$(cd .. && pwd)/../shared/vectors/sigstore-conformance}
cargo +nightly --version >/dev/null 2>&1 || rustup toolchain install nightly --profile minimal
cargo fuzz --version 2>/dev/null | grep -qF 0.13.2 || cargo install cargo-fuzz --version 0.13.2 --locked
cargo +nightly fuzz build -O 2>&1 | tail -1
python3 seed.py >/dev/null
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo +nightly fuzz list)
mkdir -p target/logs
for t in "${targets[@]}"; do
  dict=dict/json.dict
  case $t in checkpoint | witness | log_files) dict=dict/note.dict ;; esac
  # The first corpus folder receives new inputs; keep the seeds apart in a scratch folder.
  work=target/corpus-$t
  mkdir -p "$work"
  if cargo +nightly fuzz run -O "$t" "$work" "corpus/$t" -- -max_total_time="$seconds" -dict="$dict" \
       -seed=1 -print_final_stats=1 >"target/logs/$t.log" 2>&1; then
    runs=$(grep -E '^stat::number_of_executed_units' "target/logs/$t.log" | awk '{print $2}')
    cov=$(grep -oE 'cov: [0-9]+' "target/logs/$t.log" | tail -1)
    echo "fuzz $t: ${runs:-?} runs in ${seconds} s, ${cov:-cov: ?}, no crash"
  else
    echo "fuzz $t: FAILED (see fuzz/target/logs/$t.log)"
    grep -E 'panicked|SUMMARY|ERROR' "target/logs/$t.log" | head -5
    exit 1
  fi
done
