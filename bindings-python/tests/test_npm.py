"""npm packages (conformance/attestation-files/npm-registry, the registry's real files):
sigstore@1.0.0 and tuf-js@1.0.0 verify as ``npm audit signatures`` says they do (registry
signature, publish attestation, provenance, tarball), a package without attestations is
judged by pacote's stand-in publish time, and each way the files can disagree is refused by
its own name, as ``sigverify verify-npm`` refuses it (cli/tests/npm.rs). Then every row of the
npm manifest (the virtual registry's vectors, conformance/npm-vectors) gives the outcome the
core gives."""

from __future__ import annotations

import calendar
import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional, Union

import pytest

import sigverify
from sigverify import policy
from sigverify.policy import VerificationPolicy

from conftest import REPO

FILES = REPO / "conformance" / "attestation-files" / "npm-registry"
SIGSTORE = FILES / "sigstore-1.0.0"
TUF_JS = FILES / "tuf-js-1.0.0"
BRAVE = FILES / "brave-search-mcp-server-2.0.82"
OLD_KEY = "SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA"
NEW_KEY = "SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U"
PUBLISH = "https://github.com/npm/attestation/tree/main/specs/publish/v0.1"
WORKFLOW = "https://github.com/sigstore/sigstore-js/.github/workflows/publish.yml@refs/tags/v1.0.0"
ACTIONS = "https://token.actions.githubusercontent.com"
NOW = 1_790_000_000


def utc(text: str) -> int:
    return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))


def keys_json() -> Any:
    return json.loads((FILES / "keys.json").read_text())


def dist_json() -> Any:
    return json.loads((SIGSTORE / "dist.json").read_text())


def sigstore(
    *,
    keys: Union[str, bytes, None] = None,
    packument: Union[str, bytes, None] = None,
    tarball: Union[bytes, sigverify.Hashed, None] = None,
    attestations: Union[str, bytes, None] = None,
    policy: Optional[VerificationPolicy] = None,
) -> sigverify.NpmResult:
    """sigstore@1.0.0 with its own files, each replaceable."""
    return sigverify.Verifier.production().verify_npm(
        keys=keys if keys is not None else (FILES / "keys.json").read_bytes(),
        packument=packument if packument is not None else (SIGSTORE / "dist.json").read_bytes(),
        tarball=tarball if tarball is not None else (SIGSTORE / "sigstore-1.0.0.tgz").read_bytes(),
        attestations=(
            attestations if attestations is not None else (SIGSTORE / "attestations.json").read_bytes()
        ),
        policy=policy,
        now=NOW,
    )


def test_sigstore_1_0_0_verifies_as_npm_audit_signatures_says() -> None:
    r = sigstore()
    assert (r.name, r.version) == ("sigstore", "1.0.0")
    assert r.signatures == [OLD_KEY]
    assert r.publish_time == utc("2023-02-09T17:56:02Z")
    assert r.publish_time_source == "attestation"
    assert r.tarball_checked is True
    provenance, publish = r.attestations
    assert (provenance.place, provenance.kind, provenance.keyid) == ("attestations[0]", "provenance", None)
    assert provenance.predicate_type == "https://slsa.dev/provenance/v0.2"
    assert provenance.result.identity == WORKFLOW
    assert provenance.result.issuer == ACTIONS
    assert (publish.place, publish.kind, publish.keyid) == ("attestations[1]", "publish", OLD_KEY)
    assert publish.predicate_type == PUBLISH
    assert (publish.result.identity, publish.result.issuer) == (None, None)
    assert publish.result.signing_times[0] == r.publish_time
    assert "NpmResult(name='sigstore'" in repr(r)
    assert "kind='publish'" in repr(publish)


def test_the_tarball_may_be_hashed_in_chunks_or_left_out() -> None:
    hashed = sigverify.hash_file(
        SIGSTORE / "sigstore-1.0.0.tgz", algorithm=sigverify.HashAlgorithm.SHA2_512, chunk_size=4096
    )
    assert sigstore(tarball=hashed).tarball_checked is True
    r = sigverify.Verifier.production().verify_npm(
        keys=(FILES / "keys.json").read_text(),
        packument=(SIGSTORE / "dist.json").read_text(),
        attestations=(SIGSTORE / "attestations.json").read_text(),
    )
    assert r.tarball_checked is False
    assert r.signatures == [OLD_KEY]
    # npm names a tarball by SHA-512 alone; another algorithm's digest is a caller's mistake.
    sha256 = sigverify.hash_file(SIGSTORE / "sigstore-1.0.0.tgz")
    with pytest.raises(ValueError, match="SHA2_512"):
        sigstore(tarball=sha256)
    with pytest.raises(TypeError, match="tarball must be bytes or Hashed"):
        sigstore(tarball="sigstore-1.0.0.tgz")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="policy must be"):
        sigstore(policy="anyone")  # type: ignore[arg-type]


def test_a_provenance_policy_is_the_one_given() -> None:
    r = sigstore(policy=policy.Identity(identity=WORKFLOW, issuer=ACTIONS))
    assert r.attestations[0].result.identity == WORKFLOW
    with pytest.raises(sigverify.PolicyError) as e:
        sigstore(policy=policy.IdentityRegex(identity=r"https://github\.com/octo/app/.*", issuer=ACTIONS))
    assert e.value.name == "POLICY_IDENTITY_MISMATCH"
    # Certificates of February 2023 predate the source-repository extensions GitHub policies read.
    with pytest.raises(sigverify.PolicyError, match="POLICY_EXTENSION_MISMATCH"):
        sigstore(policy=policy.GitHub(repo="sigstore/sigstore-js"))


def test_tuf_js_and_a_package_without_attestations() -> None:
    verifier = sigverify.Verifier.production()
    keys = (FILES / "keys.json").read_bytes()
    r = verifier.verify_npm(
        keys=keys,
        packument=(TUF_JS / "dist.json").read_bytes(),
        tarball=(TUF_JS / "tuf-js-1.0.0.tgz").read_bytes(),
        attestations=(TUF_JS / "attestations.json").read_bytes(),
        policy=policy.IdentityRegex(
            identity=r"https://github\.com/theupdateframework/tuf-js/\.github/workflows/publish\.yml@refs/tags/v.*",
            issuer=ACTIONS,
        ),
        now=NOW,
    )
    assert (r.name, r.publish_time_source) == ("tuf-js", "attestation")
    assert [a.kind for a in r.attestations] == ["provenance", "publish"]
    # Signed with the registry's newer key, no attestations: the publish time is unknown and
    # judged as pacote judges it (2015-01-01).
    r = verifier.verify_npm(
        keys=keys,
        packument=(BRAVE / "dist.json").read_bytes(),
        tarball=(BRAVE / "brave-search-mcp-server-2.0.82.tgz").read_bytes(),
    )
    assert (r.name, r.version) == ("@brave/brave-search-mcp-server", "2.0.82")
    assert r.signatures == [NEW_KEY]
    assert (r.publish_time, r.publish_time_source) == (utc("2015-01-01T00:00:00Z"), "assumed")
    assert r.attestations == []


def packument(published: str) -> bytes:
    """sigstore@1.0.0 in a full packument without attestations, published at `published`."""
    version = dist_json()
    del version["dist"]["attestations"]
    doc = {"name": "sigstore", "versions": {"1.0.0": version}, "time": {"1.0.0": published}}
    return json.dumps(doc).encode()


def test_without_attestations_the_packument_time_judges_the_key() -> None:
    verifier = sigverify.Verifier.production()
    keys = (FILES / "keys.json").read_bytes()
    late = packument("2025-02-01T00:00:00.000Z")
    with pytest.raises(sigverify.NpmError) as e:
        verifier.verify_npm(keys=keys, packument=late, version="1.0.0", now=NOW)
    assert (e.value.code, e.value.name) == (1604, "NPM_SIGNATURE_KEY_EXPIRED")
    r = verifier.verify_npm(keys=keys, packument=packument("2023-02-09T17:56:02.000Z"), version="1.0.0", now=NOW)
    assert (r.publish_time, r.publish_time_source) == (utc("2023-02-09T17:56:02Z"), "packument")
    with pytest.raises(sigverify.NpmError, match="NPM_PACKAGE_INVALID"):
        verifier.verify_npm(keys=keys, packument=late, now=NOW)
    with pytest.raises(sigverify.NpmError, match="NPM_PACKAGE_INVALID"):
        verifier.verify_npm(keys=keys, packument=late, version="9.9.9", now=NOW)


def test_each_disagreement_is_refused_by_its_own_name() -> None:
    def refused(name: str, cls: type[sigverify.VerificationError], **kwargs: Any) -> None:
        with pytest.raises(cls) as e:
            sigstore(**kwargs)
        assert e.value.name == name
        assert (e.value.code, e.value.name) in sigverify.ERRORS

    # Another tarball than the one the integrity names.
    refused("NPM_INTEGRITY_MISMATCH", sigverify.NpmError, tarball=(TUF_JS / "tuf-js-1.0.0.tgz").read_bytes())
    # The registry says there are attestations; none given.
    with pytest.raises(sigverify.NpmError, match="NPM_ATTESTATIONS_MISSING"):
        sigverify.Verifier.production().verify_npm(
            keys=(FILES / "keys.json").read_bytes(), packument=(SIGSTORE / "dist.json").read_bytes()
        )
    # A key that expired before the publish attestation was logged.
    expired = keys_json()
    expired["keys"][0]["expires"] = "2023-01-01T00:00:00.000Z"
    refused("POLICY_KEY_NOT_VALID_AT_SIGNING_TIME", sigverify.PolicyError, keys=json.dumps(expired))
    # Only the newer key: the publish attestation's key is unknown.
    newer = keys_json()
    del newer["keys"][0]
    refused("NPM_ATTESTATION_KEY_UNKNOWN", sigverify.NpmError, keys=json.dumps(newer))
    # A registry signature that does not verify, and no signature at all.
    forged = dist_json()
    forged["dist"]["signatures"][0]["sig"] = forged["dist"]["signatures"][0]["sig"].replace("MEQCIB", "MEQCIC")
    refused("NPM_SIGNATURE_INVALID", sigverify.NpmError, packument=json.dumps(forged))
    unsigned = dist_json()
    del unsigned["dist"]["signatures"]
    refused("NPM_SIGNATURE_MISSING", sigverify.NpmError, packument=json.dumps(unsigned))
    # The attestations of another package.
    refused("NPM_SUBJECT_NAME_MISMATCH", sigverify.NpmError, attestations=(TUF_JS / "attestations.json").read_bytes())
    # Malformed files.
    refused("NPM_KEYS_INVALID", sigverify.NpmError, keys=b"{}")
    refused("NPM_PACKAGE_INVALID", sigverify.NpmError, packument=b"[]")


def npm_manifest_path() -> Optional[Path]:
    """The npm manifest from $SIGVERIFY_NPM_MANIFEST (test.sh), else generated with cargo."""
    env = os.environ.get("SIGVERIFY_NPM_MANIFEST")
    if env:
        p = Path(env)
        return p if p.is_file() else None
    out = REPO / "target" / "python" / "npm-manifest.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    subprocess.run(
        ["cargo", "run", "-q", "-p", "sigverify-conformance", "--bin", "manifest", "--", "--npm", str(out)],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out if out.is_file() else None


@dataclass(frozen=True)
class Row:
    """One row of the npm manifest (conformance/src/npm_vectors.rs documents the columns)."""

    id: str
    keys: str
    packument: str
    version: str
    attestations: str
    tarball: str
    root: str
    now: str
    identity: str
    issuer: str
    expected: str


def load_rows() -> list[Row]:
    path = npm_manifest_path()
    if path is None:
        return []
    return [
        Row(*line.split("\t"))
        for line in path.read_text().splitlines()
        if line and not line.startswith("#")
    ]


ROWS = load_rows()


def read(path: str) -> bytes:
    return Path(path).read_bytes()


def outcome(row: Row) -> str:
    """`ok` or the error name of one manifest row through `Verifier.verify_npm`."""
    verifier = sigverify.Verifier(trusted_root=sigverify.TrustedRoot.from_file(row.root))
    pinned = None if row.identity == "-" else policy.Identity(identity=row.identity, issuer=row.issuer)
    try:
        verifier.verify_npm(
            keys=read(row.keys),
            packument=read(row.packument),
            version=None if row.version == "-" else row.version,
            tarball=read(row.tarball),
            attestations=None if row.attestations == "-" else read(row.attestations),
            policy=pinned,
            now=int(row.now),
        )
    except sigverify.VerificationError as e:
        return e.name
    return "ok"


def test_the_npm_manifest_has_every_vector() -> None:
    assert len(ROWS) >= 18
    assert any(r.expected == "ok" for r in ROWS)
    assert len({r.expected for r in ROWS if r.expected != "ok"}) >= 10


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_npm_manifest_row(row: Row) -> None:
    assert outcome(row) == row.expected
