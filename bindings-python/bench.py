"""Prints benchmark figures for the README: verify time of the happy-path v0.3 bundle with
sigverify and with sigstore-python (offline, same trusted root) in the same run, import
times, and two threads against one (the GIL is released while verifying).

Run in a venv that has the sigverify wheel and ``sigstore`` installed (see ``bench.sh``)::

    python bench.py [--iters N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
VECTORS = HERE.parent.parent / "shared" / "vectors" / "sigstore-conformance"
BUNDLE = VECTORS / "happy-path-v0.3" / "bundle.sigstore.json"
ARTIFACT = VECTORS / "a.txt"
ROOT = HERE.parent / "core" / "src" / "roots" / "production.json"
IDENTITY = (
    "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/"
    ".github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main"
)
ISSUER = "https://token.actions.githubusercontent.com"


def per_call(fn: Callable[[], object], iters: int, rounds: int = 5) -> float:
    """Median over `rounds` of the mean seconds per call of `fn` over `iters` calls."""
    fn()  # warm up
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(iters):
            fn()
        samples.append((time.perf_counter() - t) / iters)
    return statistics.median(samples)


def import_time(module: str, rounds: int = 7) -> float:
    """Median wall time of `import module` in a fresh interpreter, in seconds."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    out = [
        float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
        for _ in range(rounds)
    ]
    return statistics.median(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--iters", type=int, default=200)
    args = ap.parse_args()

    import sigverify
    from sigverify.policy import Identity

    import sigstore
    from sigstore.models import Bundle as SBundle
    from sigstore.models import TrustedRoot as STrustedRoot
    from sigstore.verify import Verifier as SVerifier
    from sigstore.verify.policy import Identity as SIdentity
    from sigstore.hashes import Hashed as SHashed
    from sigstore_models.common.v1 import HashAlgorithm as SHashAlgorithm

    bundle_json = BUNDLE.read_bytes()
    artifact = ARTIFACT.read_bytes()

    ours = sigverify.Verifier(trusted_root=sigverify.TrustedRoot.from_file(ROOT))
    our_policy = Identity(identity=IDENTITY, issuer=ISSUER)
    our_bundle = sigverify.Bundle.from_json(bundle_json)

    theirs = SVerifier(trusted_root=STrustedRoot.from_file(str(ROOT)))
    their_policy = SIdentity(identity=IDENTITY, issuer=ISSUER)
    their_bundle = SBundle.from_json(bundle_json)

    digest = hashlib.sha256(artifact).digest()
    our_hashed = sigverify.Hashed(algorithm=sigverify.HashAlgorithm.SHA2_256, digest=digest)
    their_hashed = SHashed(algorithm=SHashAlgorithm.SHA2_256, digest=digest)

    # Both must accept the bundle, in both input forms, before anything is timed.
    ours.verify_artifact(artifact, our_bundle, our_policy)
    theirs.verify_artifact(artifact, their_bundle, their_policy)
    ours.verify_artifact(our_hashed, our_bundle, our_policy)
    theirs.verify_artifact(their_hashed, their_bundle, their_policy)

    n = args.iters
    s_verify = per_call(lambda: ours.verify_artifact(artifact, our_bundle, our_policy), n)
    s_full = per_call(
        lambda: ours.verify_artifact(artifact, sigverify.Bundle.from_json(bundle_json), our_policy), n
    )
    s_hashed = per_call(lambda: ours.verify_artifact(our_hashed, our_bundle, our_policy), n)
    m = max(n // 10, 10)
    p_verify = per_call(lambda: theirs.verify_artifact(artifact, their_bundle, their_policy), m)
    p_hashed = per_call(lambda: theirs.verify_artifact(their_hashed, their_bundle, their_policy), m)
    p_full = per_call(
        lambda: theirs.verify_artifact(artifact, SBundle.from_json(bundle_json), their_policy), m
    )

    # GIL: the same total work on one thread, then split over two threads.
    def work(k: int) -> None:
        for _ in range(k):
            ours.verify_artifact(artifact, our_bundle, our_policy)

    total = 4 * n
    t = time.perf_counter()
    work(total)
    seq = time.perf_counter() - t
    threads = [threading.Thread(target=work, args=(total // 2,)) for _ in range(2)]
    t, cpu = time.perf_counter(), time.process_time()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    par, par_cpu = time.perf_counter() - t, time.process_time() - cpu

    imp_ours = import_time("sigverify")
    imp_theirs = import_time("sigstore.verify")

    us = 1e6
    print(f"# sigverify {sigverify.__version__} vs sigstore-python {sigstore.__version__}, "
          f"Python {platform.python_version()}, {platform.machine()}")
    print("| figure | sigverify | sigstore-python | ratio |")
    print("|---|---|---|---|")
    print(f"| verify_artifact, parsed bundle (happy-path v0.3) | {s_verify * us:.0f} µs | "
          f"{p_verify * us:.0f} µs | {p_verify / s_verify:.1f}× |")
    print(f"| verify_artifact, Hashed (SHA-256 digest only) | {s_hashed * us:.0f} µs | "
          f"{p_hashed * us:.0f} µs | {p_hashed / s_hashed:.1f}× |")
    print(f"| Bundle.from_json + verify_artifact | {s_full * us:.0f} µs | "
          f"{p_full * us:.0f} µs | {p_full / s_full:.1f}× |")
    print(f"| import (`sigverify` / `sigstore.verify`), fresh interpreter | {imp_ours * 1e3:.1f} ms | "
          f"{imp_theirs * 1e3:.1f} ms | {imp_theirs / imp_ours:.1f}× |")
    print(f"| {total} verifications: 1 thread / 2 threads | {seq * 1e3:.0f} ms | {par * 1e3:.0f} ms | "
          f"{seq / par:.2f}× speed-up |")
    # Above 1 only if both threads ran at once: the GIL was released while verifying.
    print(f"| 2 threads: process CPU time / wall time | {par_cpu / par:.2f} | | |")
    print(f"\nload average during the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
