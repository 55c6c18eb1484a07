"""predicate_type on a real PyPI attestation and on a generated message-signature bundle."""

from __future__ import annotations

from pathlib import Path

import pytest

import sigverify
from sigverify import policy

from conftest import REPO

PYPI = REPO / "conformance" / "examples" / "pypi-attestation-models-0.0.4a2"
MESSAGE = REPO / "conformance" / "vectors" / "ok-v0.3-message-rekor1"
PUBLISH = "https://docs.pypi.org/attestations/publish/v1"


def text(path: Path) -> str:
    return path.read_text().strip()


def test_predicate_type_is_required_of_the_verified_statement() -> None:
    verifier = sigverify.Verifier.production()
    bundle = sigverify.Bundle.from_json((PYPI / "bundle.sigstore.json").read_bytes())
    who = policy.Identity(identity=text(PYPI / "identity"), issuer=text(PYPI / "issuer"))
    artifact = (PYPI / "artifact").read_bytes()
    result = verifier.verify_artifact(artifact, bundle, who, predicate_type=PUBLISH)
    assert result.statement is not None
    payload_type, _ = verifier.verify_dsse(bundle, who, predicate_type=PUBLISH)
    assert payload_type == "application/vnd.in-toto+json"
    with pytest.raises(sigverify.DSSEError) as e:
        verifier.verify_artifact(artifact, bundle, who, predicate_type="https://slsa.dev/provenance/v1")
    assert (e.value.code, e.value.name) == (804, "DSSE_PREDICATE_TYPE_MISMATCH")
    assert PUBLISH in str(e.value)
    with pytest.raises(sigverify.DSSEError, match="DSSE_PREDICATE_TYPE_MISMATCH"):
        verifier.verify_dsse(bundle, who, predicate_type="x")


def test_predicate_type_on_a_message_signature() -> None:
    root = sigverify.TrustedRoot.from_file(MESSAGE / "trusted_root.json")
    verifier = sigverify.Verifier(trusted_root=root)
    bundle = sigverify.Bundle.from_json((MESSAGE / "bundle.sigstore.json").read_bytes())
    who = policy.Identity(identity=text(MESSAGE / "identity"), issuer=text(MESSAGE / "issuer"))
    artifact = (MESSAGE / "artifact").read_bytes()
    now = int(text(MESSAGE / "now"))
    assert verifier.verify_artifact(artifact, bundle, who, now=now).statement is None
    with pytest.raises(sigverify.DSSEError) as e:
        verifier.verify_artifact(artifact, bundle, who, now=now, predicate_type=PUBLISH)
    assert e.value.name == "DSSE_ENVELOPE_MISSING"
