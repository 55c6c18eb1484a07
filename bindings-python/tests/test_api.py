"""API behaviour on the happy-path v0.3 bundle: roots, inputs, policies, results, threads."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import threading
from pathlib import Path
from typing import Callable

import pytest

import sigverify
from sigverify import policy

from conftest import ARTIFACT, HAPPY_BUNDLE, IDENTITY, ISSUER, PRODUCTION_ROOT, VECTORS, needs_vectors

pytestmark = needs_vectors

GOOD = policy.Identity(identity=IDENTITY, issuer=ISSUER)


@pytest.fixture(scope="module")
def verifier() -> sigverify.Verifier:
    return sigverify.Verifier.production()


@pytest.fixture(scope="module")
def bundle() -> sigverify.Bundle:
    return sigverify.Bundle.from_json(HAPPY_BUNDLE.read_bytes())


@pytest.fixture(scope="module")
def artifact() -> bytes:
    return ARTIFACT.read_bytes()


def test_version_is_the_workspace_version() -> None:
    cargo = (Path(__file__).parents[2] / "Cargo.toml").read_text()
    line = next(ln for ln in cargo.splitlines() if ln.startswith("version = "))
    assert sigverify.__version__ == line.split('"')[1]
    assert importlib.metadata.version("sigverify") == sigverify.__version__


def test_verify_bytes(verifier: sigverify.Verifier, bundle: sigverify.Bundle, artifact: bytes) -> None:
    r = verifier.verify_artifact(artifact, bundle, GOOD)
    assert r.identity == IDENTITY
    assert r.issuer == ISSUER
    assert r.signing_times and all(isinstance(t, int) for t in r.signing_times)
    assert r.statement is None
    (entry,) = r.log_entries
    assert entry.log_url == "https://rekor.sigstore.dev"
    assert isinstance(entry.log_id, bytes) and len(entry.log_id) == 32
    assert entry.integrated_time == r.signing_times[0]
    assert entry.log_index > 0
    assert "VerificationResult(" in repr(r) and "LogEntry(" in repr(entry)


def test_verify_hashed_and_hash_file(
    verifier: sigverify.Verifier, bundle: sigverify.Bundle, artifact: bytes
) -> None:
    hashed = sigverify.hash_file(ARTIFACT, chunk_size=3)
    assert hashed.digest == hashlib.sha256(artifact).digest()
    assert hashed.algorithm == sigverify.HashAlgorithm.SHA2_256
    assert verifier.verify_artifact(hashed, bundle, GOOD).identity == IDENTITY
    assert sigverify.hash_file(str(ARTIFACT)).digest == hashed.digest


def test_hash_file_streams_a_large_file(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    block = bytes(range(256)) * 4096
    h = hashlib.sha256()
    with big.open("wb") as f:
        for _ in range(20):
            f.write(block)
            h.update(block)
    assert sigverify.hash_file(big).digest == h.digest()
    with pytest.raises(ValueError):
        sigverify.hash_file(big, chunk_size=0)
    with pytest.raises(FileNotFoundError):
        sigverify.hash_file(tmp_path / "missing")


def test_bundle_and_root_accept_str_and_bytes(verifier: sigverify.Verifier, artifact: bytes) -> None:
    b = sigverify.Bundle.from_json(HAPPY_BUNDLE.read_text())
    assert verifier.verify_artifact(artifact, b, GOOD).issuer == ISSUER
    for root in (
        sigverify.TrustedRoot.from_json(PRODUCTION_ROOT.read_text()),
        sigverify.TrustedRoot.from_json(PRODUCTION_ROOT.read_bytes()),
        sigverify.TrustedRoot.from_file(PRODUCTION_ROOT),
        sigverify.TrustedRoot.from_file(str(PRODUCTION_ROOT)),
    ):
        v = sigverify.Verifier(trusted_root=root)
        assert v.verify_artifact(artifact, b, GOOD).identity == IDENTITY


def test_staging_root_does_not_trust_production(bundle: sigverify.Bundle, artifact: bytes) -> None:
    with pytest.raises(sigverify.VerificationError):
        sigverify.Verifier.staging().verify_artifact(artifact, bundle, GOOD)


def test_now_before_signing(verifier: sigverify.Verifier, bundle: sigverify.Bundle, artifact: bytes) -> None:
    with pytest.raises(sigverify.TransparencyLogError) as e:
        verifier.verify_artifact(artifact, bundle, GOOD, now=1)
    assert e.value.name == "TLOG_INTEGRATED_TIME_IN_FUTURE"


@pytest.mark.parametrize(
    ("pol", "ok"),
    [
        (policy.Identity(identity=IDENTITY), True),
        (policy.Identity(identity=IDENTITY, issuer="https://other"), False),
        (policy.OIDCIssuer(ISSUER), True),
        (policy.OIDCIssuer("https://accounts.google.com"), False),
        (policy.GitHubWorkflowRepository("sigstore-conformance/extremely-dangerous-public-oidc-beacon"), True),
        (policy.GitHubWorkflowRepository("octo/app"), False),
        (policy.GitHubWorkflowRef("refs/heads/main"), True),
        (policy.GitHubWorkflowRef("refs/heads/other"), False),
        (policy.GitHubWorkflowTrigger("nope"), False),
        (policy.OIDCIssuerV2(ISSUER), True),
        (policy.AllOf([policy.OIDCIssuer(ISSUER), policy.GitHubWorkflowRef("refs/heads/main")]), True),
        (policy.AllOf([policy.OIDCIssuer(ISSUER), policy.GitHubWorkflowRef("refs/heads/x")]), False),
        (policy.AnyOf([policy.OIDCIssuer("x"), policy.GitHubWorkflowRef("refs/heads/main")]), True),
        (policy.AnyOf([policy.OIDCIssuer("x"), policy.GitHubWorkflowRef("y")]), False),
        (policy.Extension("1.3.6.1.4.1.57264.1.1", ISSUER), True),
    ],
)
def test_policies(
    verifier: sigverify.Verifier,
    bundle: sigverify.Bundle,
    artifact: bytes,
    pol: policy.VerificationPolicy,
    ok: bool,
) -> None:
    if ok:
        verifier.verify_artifact(artifact, bundle, pol)
    else:
        with pytest.raises(sigverify.PolicyError) as e:
            verifier.verify_artifact(artifact, bundle, pol)
        assert 1000 <= e.value.code < 1100


def test_key_policy_on_certificate_bundle(
    verifier: sigverify.Verifier, bundle: sigverify.Bundle, artifact: bytes
) -> None:
    pem = (VECTORS / "managed-key-happy-path" / "key.pub").read_text()
    with pytest.raises(sigverify.PolicyError) as e:
        verifier.verify_artifact(artifact, bundle, policy.PublicKey(pem))
    assert e.value.name == "POLICY_MATERIAL_MISMATCH"
    policy.PublicKey(pem.encode())


def test_verify_dsse(verifier: sigverify.Verifier, artifact: bytes) -> None:
    b = sigverify.Bundle.from_json((VECTORS / "happy-path-intoto-in-dsse-v3" / "bundle.sigstore.json").read_bytes())
    payload_type, payload = verifier.verify_dsse(b, GOOD)
    assert payload_type == "application/vnd.in-toto+json"
    statement = json.loads(payload)
    assert statement["subject"][0]["digest"]["sha256"] == hashlib.sha256(artifact).hexdigest()
    r = verifier.verify_artifact(sigverify.hash_file(ARTIFACT), b, GOOD)
    assert r.statement == (payload_type, payload)
    with pytest.raises(sigverify.DSSEError) as e:
        verifier.verify_artifact(b"another artifact", b, GOOD)
    assert e.value.name == "DSSE_SUBJECT_MISMATCH"


def test_verify_dsse_rejects_message_signature(
    verifier: sigverify.Verifier, bundle: sigverify.Bundle, artifact: bytes
) -> None:
    with pytest.raises(sigverify.VerificationError) as e:
        verifier.verify_dsse(bundle, GOOD)
    assert (e.value.name, e.value.code) == ("ARTIFACT_REQUIRED", 903)


def test_threads_share_a_verifier(
    verifier: sigverify.Verifier, bundle: sigverify.Bundle, artifact: bytes
) -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                verifier.verify_artifact(artifact, bundle, GOOD)
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_bundle_json_roundtrip_mutation(verifier: sigverify.Verifier, artifact: bytes) -> None:
    doc = json.loads(HAPPY_BUNDLE.read_text())
    doc["messageSignature"]["signature"] = "AAAA"
    b = sigverify.Bundle.from_json(json.dumps(doc))
    with pytest.raises(sigverify.SignatureError) as e:
        verifier.verify_artifact(artifact, b, GOOD)
    assert e.value.name == "SIGNATURE_INVALID"


EXAMPLES = Path(__file__).parents[2] / "conformance" / "examples"


def test_an_npm_tarball_named_by_sha512_verifies_from_its_digest() -> None:
    case = EXAMPLES / "go-npm-sigstore-2.0.0-provenance"
    bundle = sigverify.Bundle.from_json((case / "bundle.sigstore.json").read_bytes())
    assert bundle.artifact_hash() == sigverify.HashAlgorithm.SHA2_512
    hashed = sigverify.hash_file(case / "artifact", algorithm=bundle.artifact_hash())
    assert hashed.digest == hashlib.sha512((case / "artifact").read_bytes()).digest()
    pol = policy.Identity(
        identity=(case / "identity").read_text().strip(), issuer=(case / "issuer").read_text().strip()
    )
    now = int((case / "now").read_text())
    result = sigverify.Verifier.production().verify_artifact(hashed, bundle, pol, now=now)
    assert result.identity == (case / "identity").read_text().strip()
    # A SHA2-256 digest cannot match a subject named by SHA2-512 alone.
    sha256 = sigverify.hash_file(case / "artifact")
    with pytest.raises(sigverify.VerificationError) as e:
        sigverify.Verifier.production().verify_artifact(sha256, bundle, pol, now=now)
    assert e.value.name == "DSSE_SUBJECT_MISMATCH"
    with pytest.raises(ValueError):
        sigverify.Hashed(algorithm=sigverify.HashAlgorithm.SHA2_512, digest=bytes(32))


def test_a_timestamp_that_does_not_verify_is_skipped_and_reported() -> None:
    case = EXAMPLES / "py-tsa-2-timestamps"
    verifier = sigverify.Verifier(
        trusted_root=sigverify.TrustedRoot.from_file(str(case / "trusted_root.json"))
    )
    pol = policy.Identity(
        identity=(case / "identity").read_text().strip(), issuer=(case / "issuer").read_text().strip()
    )
    bundle = sigverify.Bundle.from_json((case / "bundle.sigstore.json").read_bytes())
    now = int((case / "now").read_text())
    result = verifier.verify_artifact((case / "artifact").read_bytes(), bundle, pol, now=now)
    assert result.skipped == [("timestamp", 1, 701, "TIMESTAMP_IMPRINT_MISMATCH")]


def test_policies_that_hold_for_anyone_or_no_one_are_refused_when_built() -> None:
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: policy.AnyOf([]), "POLICY_ANY_OF_EMPTY"),
        (lambda: policy.AllOf([]), "POLICY_ALL_OF_EMPTY"),
        (lambda: policy.Identity(identity="", issuer=ISSUER), "POLICY_VALUE_EMPTY"),
        (lambda: policy.Identity(identity=IDENTITY, issuer=""), "POLICY_VALUE_EMPTY"),
        (lambda: policy.AllOf([policy.OIDCIssuer(ISSUER), policy.AnyOf([])]), "POLICY_ANY_OF_EMPTY"),
    ]
    for build, name in cases:
        with pytest.raises(sigverify.PolicyError) as e:
            build()
        assert e.value.name == name


def test_identity_patterns_match_whole_values(
    verifier: sigverify.Verifier, bundle: sigverify.Bundle, artifact: bytes
) -> None:
    beacon = r"https://github\.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.*"
    pol = policy.IdentityRegex(identity=beacon, issuer=r"https://token\.actions\..*")
    assert verifier.verify_artifact(artifact, bundle, pol).identity == IDENTITY
    with pytest.raises(sigverify.VerificationError) as e:
        verifier.verify_artifact(artifact, bundle, policy.IdentityRegex(identity="sigstore-conformance"))
    assert e.value.name == "POLICY_IDENTITY_MISMATCH"
    with pytest.raises(sigverify.PolicyError) as p:
        policy.IdentityRegex(identity="(")
    assert p.value.name == "POLICY_PATTERN_INVALID"


def test_the_github_private_instance_needs_its_config() -> None:
    case = EXAMPLES / "gh-github-instance-tsa-only"
    root = sigverify.TrustedRoot.from_file(str(case / "trusted_root.json"))
    pol = policy.Identity(
        identity=(case / "identity").read_text().strip(), issuer=(case / "issuer").read_text().strip()
    )
    bundle = sigverify.Bundle.from_json((case / "bundle.sigstore.json").read_bytes())
    artifact = (case / "artifact").read_bytes()
    now = int((case / "now").read_text())
    with pytest.raises(sigverify.ThresholdError) as e:
        sigverify.Verifier(trusted_root=root).verify_artifact(artifact, bundle, pol, now=now)
    assert e.value.name == "TLOG_THRESHOLD_NOT_MET"
    private = sigverify.Verifier(trusted_root=root, config=sigverify.Config.github_private())
    assert private.config == sigverify.Config(
        tlog_entries=0, signed_timestamps=1, certificate_timestamps=0
    )
    assert private.verify_artifact(artifact, bundle, pol, now=now).log_entries == []
    assert sigverify.Verifier.production().config == sigverify.Config.public_good()
    # No signing time is only for a managed key signing offline: a certificate is refused by
    # the core, by code.
    offline = sigverify.Config(observer_timestamps=0, tlog_entries=0)
    with pytest.raises(sigverify.ThresholdError) as e:
        sigverify.Verifier(trusted_root=root, config=offline).verify_artifact(
            artifact, bundle, pol, now=now
        )
    assert e.value.name == "TIME_THRESHOLD_ZERO_NOT_ALLOWED"


def test_github_policies_follow_gh_attestation_verify() -> None:
    case = EXAMPLES / "gh-reusable-workflow"
    bundle = sigverify.Bundle.from_json((case / "bundle.sigstore.json").read_bytes())
    artifact = (case / "artifact").read_bytes()
    now = int((case / "now").read_text())
    verifier = sigverify.Verifier.production()
    signer = "github/artifact-attestations-workflows"
    ok = policy.GitHub(repo="malancas/attest-demo", signer_repo=signer, source_ref="refs/heads/main")
    assert verifier.verify_artifact(artifact, bundle, ok, now=now).identity is not None
    for bad, name in [
        (policy.GitHub(repo="malancas/attest-demo"), "POLICY_IDENTITY_MISMATCH"),
        (policy.GitHub(repo="malancas/other", signer_repo=signer), "POLICY_EXTENSION_MISMATCH"),
    ]:
        with pytest.raises(sigverify.VerificationError) as e:
            verifier.verify_artifact(artifact, bundle, bad, now=now)
        assert e.value.name == name
    with pytest.raises(sigverify.PolicyError):
        policy.GitHub(owner="a", repo="a/b")
