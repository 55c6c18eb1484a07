"""Runs every row of the shared conformance manifest through the public Python API."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest

import sigverify
from sigverify import policy

from conftest import manifest_path


@dataclass(frozen=True)
class Row:
    id: str
    mode: str
    bundle: str
    artifact: str
    digest: str
    policy: str
    identity: str
    issuer: str
    key: str
    root: str
    now: str
    expected: str
    config: str


def load_rows() -> list[Row]:
    path = manifest_path()
    if path is None:
        return []
    rows = []
    for line in Path(path).read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        rows.append(Row(*line.split("\t")))
    return rows


ROWS = load_rows()


def github_policy(spec: str) -> policy.GitHub:
    """The manifest's `github` policy: `field=value` pairs of GitHubPolicy separated by `;`."""
    fields = dict(pair.split("=", 1) for pair in spec.split(";"))
    deny = fields.pop("deny_self_hosted_runners", "false") == "true"
    return policy.GitHub(
        owner=fields.get("owner"),
        repo=fields.get("repo"),
        signer_workflow=fields.get("signer_workflow"),
        signer_repo=fields.get("signer_repo"),
        source_ref=fields.get("source_ref"),
        source_digest=fields.get("source_digest"),
        signer_digest=fields.get("signer_digest"),
        issuer=fields.get("issuer"),
        host=fields.get("host"),
        deny_self_hosted_runners=deny,
    )


# Files a vector hands the verifier beside its bundle (conformance/src/beside.rs), by key.
BESIDE = ("witness_policy", "tlog_proof", "log_state", "consistency_proof")


def row_config(spec: str) -> tuple[dict[str, int], dict[str, int], dict[str, Path]]:
    """The manifest's `config`: thresholds for `Config`, the managed key's window, and the
    files beside the bundle. Any other key reaches `Config` and fails there, loudly."""
    pairs = {} if spec == "-" else dict(pair.split("=", 1) for pair in spec.split(";"))
    window: dict[str, int] = {}
    for k in ("key_not_before", "key_not_after"):
        if k in pairs:
            window[k] = int(pairs.pop(k))
    beside = {k: Path(pairs.pop(k)) for k in BESIDE if k in pairs}
    return {k: int(v) for k, v in pairs.items()}, window, beside


def release_outcome(row: Row) -> str:
    """A `release` row: `sigverify.verify_release` with the artifact as the asset."""
    spec = dict(pair.split("=", 1) for pair in row.identity.split(";"))
    try:
        root = sigverify.TrustedRoot.from_file(row.root)
        bundle = sigverify.Bundle.from_json(Path(row.bundle).read_bytes())
        data = Path(row.artifact).read_bytes()
        asset: bytes | sigverify.Hashed = data
        if row.mode == "digest":
            asset = sigverify.Hashed(
                algorithm=sigverify.HashAlgorithm.SHA2_256,
                digest=hashlib.sha256(data).digest(),
            )
        sigverify.verify_release(
            bundle,
            root,
            repo=spec["repo"],
            tag=spec["tag"],
            assets=[asset],
            tag_digest=spec.get("tag_digest"),
            trust_domain=spec.get("trust_domain"),
            now=int(row.now),
        )
        return "ok"
    except sigverify.VerificationError as e:
        return e.name


def outcome(row: Row) -> str:
    """`ok` or the core error name, whichever step (parse, policy, verify) raised it."""
    if row.policy == "release":
        return release_outcome(row)
    try:
        if row.root in ("production", "staging"):
            root = getattr(sigverify.TrustedRoot, row.root)()
        else:
            root = sigverify.TrustedRoot.from_file(row.root)
        thresholds, window, beside = row_config(row.config)
        config = sigverify.Config(**thresholds) if thresholds else None
        # The order of conformance/src/beside.rs: the tlog proof is attached, the bundle
        # verified under the witness policy, then its checkpoints observed against the state.
        witness_policy = None
        if "witness_policy" in beside:
            witness_policy = sigverify.WitnessPolicy(beside["witness_policy"].read_bytes())
        verifier = sigverify.Verifier(
            trusted_root=root, config=config, witness_policy=witness_policy
        )
        bundle = sigverify.Bundle.from_json(Path(row.bundle).read_bytes())
        tlog_proofs: list[sigverify.TlogProof] = []
        if "tlog_proof" in beside:
            tlog_proofs.append(sigverify.TlogProof(beside["tlog_proof"].read_bytes()))
        pol: policy.VerificationPolicy
        if row.policy == "key":
            pol = policy.PublicKey(
                Path(row.key).read_text(),
                not_before=window.get("key_not_before"),
                not_after=window.get("key_not_after"),
            )
        elif row.policy == "identity-regexp":
            pol = policy.IdentityRegex(identity=row.identity, issuer=row.issuer)
        elif row.policy == "github":
            pol = github_policy(row.identity)
        else:
            pol = policy.Identity(identity=row.identity, issuer=row.issuer)
        input_: bytes | sigverify.Hashed
        if row.mode == "digest":
            name, hexdigest = row.digest.split(":", 1)
            algorithm = {
                "sha256": sigverify.HashAlgorithm.SHA2_256,
                "sha384": sigverify.HashAlgorithm.SHA2_384,
                "sha512": sigverify.HashAlgorithm.SHA2_512,
            }[name]
            input_ = sigverify.Hashed(algorithm=algorithm, digest=bytes.fromhex(hexdigest))
        else:
            input_ = Path(row.artifact).read_bytes()
        now = None if row.now == "-" else int(row.now)
        result = verifier.verify_artifact(input_, bundle, pol, now=now, tlog_proofs=tlog_proofs)
        if "log_state" in beside:
            # Observed in memory: the committed state file is never written.
            state = sigverify.LogState(beside["log_state"].read_bytes())
            proofs: list[sigverify.ConsistencyProof] = []
            if "consistency_proof" in beside:
                proofs.append(
                    sigverify.ConsistencyProof.from_json(beside["consistency_proof"].read_bytes())
                )
            state.observe(result, proofs)
        # A vector that leaves items out lists them in its `skipped` file.
        listed = Path(row.bundle).parent / "skipped"
        want = listed.read_text().split("\n") if listed.exists() else []
        kinds = {"tlog_entry": "tlog-entry", "timestamp": "timestamp", "sct": "sct"}
        got = [f"{kinds[item]} {index} {name}" for item, index, _code, name in result.skipped]
        if got != [line for line in want if line]:
            return f"ok, but skipped {got}"
        return "ok"
    except sigverify.VerificationError as e:
        return e.name


def test_manifest_present() -> None:
    if not ROWS:
        pytest.skip("!!! no conformance manifest rows (../shared absent): conformance SKIPPED")
    assert len(ROWS) >= 140


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.id}[{r.mode}]" for r in ROWS])
def test_manifest_row(row: Row) -> None:
    assert outcome(row) == row.expected
