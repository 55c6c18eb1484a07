"""Trusted roots over TUF: every row of the shared TUF manifest (generated vectors and Sigstore's
real repositories) through ``TrustedRoot.from_tuf``, and the folder and state API."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

import sigverify
from sigverify import TrustedRoot, TufState, Verifier
from sigverify.policy import Identity

from conftest import ARTIFACT, HAPPY_BUNDLE, IDENTITY, ISSUER, REPO

TUF = REPO.parent / "shared" / "vectors" / "sigstore-tuf"
AUG_22 = 1787356800


def tuf_manifest_path() -> Path | None:
    env = os.environ.get("SIGVERIFY_TUF_MANIFEST")
    if env:
        p = Path(env)
        return p if p.is_file() else None
    out = REPO / "target" / "python" / "tuf-manifest.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    subprocess.run(
        ["cargo", "run", "-q", "-p", "sigverify-conformance", "--bin", "manifest", "--", "--tuf", str(out)],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out if out.is_file() else None


@dataclass(frozen=True)
class Row:
    id: str
    stage: str
    anchor: str
    roots: str
    timestamp: str
    snapshot: str
    targets: str
    target_files: str
    now: str
    expected: str


def load_cases() -> dict[str, list[Row]]:
    path = tuf_manifest_path()
    cases: dict[str, list[Row]] = {}
    if path is None:
        return cases
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            row = Row(*line.split("\t"))
            cases.setdefault(row.id, []).append(row)
    return cases


CASES = load_cases()


def read(path: str) -> bytes:
    return Path(path).read_bytes()


def run_stage(row: Row, state: TufState) -> str:
    anchor = None if row.anchor in ("production", "staging") else read(row.anchor)
    files = {}
    if row.target_files != "-":
        for item in row.target_files.split(","):
            name, path = item.split("=", 1)
            files[name] = read(path)
    try:
        TrustedRoot.from_tuf(
            timestamp=read(row.timestamp),
            snapshot=read(row.snapshot),
            targets=read(row.targets),
            target_files=files,
            roots=[] if row.roots == "-" else [read(p) for p in row.roots.split(",")],
            anchor=anchor,
            staging=row.anchor == "staging",
            state=state,
            now=int(row.now),
        )
        return "ok"
    except sigverify.VerificationError as e:
        return str(e.name)


def test_the_tuf_manifest_has_generated_and_real_cases() -> None:
    assert sum(1 for c in CASES if c.startswith("tuf-own/")) >= 30
    if TUF.is_dir():
        assert any(c.startswith("tuf-real/") for c in CASES)


@pytest.mark.parametrize("case", sorted(CASES))
def test_tuf_case(case: str) -> None:
    state = TufState()
    for row in CASES[case]:
        assert run_stage(row, state) == row.expected, f"{case} stage {row.stage}"


needs_real = pytest.mark.skipif(not TUF.is_dir(), reason=f"!!! {TUF} absent: real TUF repositories NOT tested")


@needs_real
def test_a_folder_updates_and_advances_the_state() -> None:
    state = TufState()
    assert state.versions is None and state.to_bytes() == b""
    TrustedRoot.from_tuf_dir(TUF / "production", state=state, now=AUG_22)
    assert state.versions == (15, 762, 165, 14)
    again = TufState(state.to_bytes())
    TrustedRoot.from_tuf_dir(TUF / "production", state=again, now=AUG_22)
    assert again.to_bytes() == state.to_bytes()
    with pytest.raises(sigverify.TUFError) as e:
        TrustedRoot.from_tuf_dir(TUF / "production", state=again, now=1790000000)
    assert e.value.name == "TUF_METADATA_EXPIRED" and e.value.code == 1308
    # A failed update leaves the state as it was.
    assert again.to_bytes() == state.to_bytes()


@needs_real
def test_verifier_from_tuf_verifies_a_production_bundle() -> None:
    meta = TUF / "production" / "metadata"
    verifier = Verifier.from_tuf(
        timestamp=(meta / "timestamp.json").read_bytes(),
        snapshot=(meta / "snapshot.json").read_bytes(),
        targets=(meta / "targets.json").read_bytes(),
        target_files={"trusted_root.json": (TUF / "production" / "targets" / "trusted_root.json").read_bytes()},
        now=AUG_22,
    )
    bundle = sigverify.Bundle.from_json(HAPPY_BUNDLE.read_bytes())
    result = verifier.verify_artifact(ARTIFACT.read_bytes(), bundle, Identity(identity=IDENTITY, issuer=ISSUER), now=AUG_22)
    assert result.identity == IDENTITY


def test_bad_state_and_missing_folder_are_refused() -> None:
    with pytest.raises(sigverify.TUFError) as e:
        TufState(b"{}")
    assert e.value.name == "TUF_STATE_INVALID"
    with pytest.raises(OSError):
        TrustedRoot.from_tuf_dir(REPO / "does-not-exist", now=AUG_22)
