"""Shared fixtures: paths of the upstream vectors and the resolved conformance manifest."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
VECTORS = REPO.parent / "shared" / "vectors" / "sigstore-conformance"
HAPPY_BUNDLE = VECTORS / "happy-path-v0.3" / "bundle.sigstore.json"
ARTIFACT = VECTORS / "a.txt"
IDENTITY = (
    "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/"
    ".github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main"
)
ISSUER = "https://token.actions.githubusercontent.com"
PRODUCTION_ROOT = REPO / "core" / "src" / "roots" / "production.json"


def manifest_path() -> Path | None:
    """The manifest from $SIGVERIFY_MANIFEST (test.sh), else generated with cargo."""
    env = os.environ.get("SIGVERIFY_MANIFEST")
    if env:
        p = Path(env)
        return p if p.is_file() else None
    out = REPO / "target" / "python" / "manifest.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    subprocess.run(
        ["cargo", "run", "-q", "-p", "sigverify-conformance", "--bin", "manifest", str(out)],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out if out.is_file() else None


def pytest_report_header(config: pytest.Config) -> str:
    if not VECTORS.is_dir():
        return f"!!! {VECTORS} is absent: upstream conformance cases will be SKIPPED"
    return f"upstream vectors: {VECTORS}"


needs_vectors = pytest.mark.skipif(
    not VECTORS.is_dir(), reason=f"!!! upstream vectors absent ({VECTORS}): SKIPPED"
)
