"""PyPI's PEP 740 files (conformance/attestation-files/pypi, from pypi-attestations 0.0.31):
provenances verify for their publishers, bare attestation objects for a policy, and a wrong
publisher, a renamed or altered distribution and malformed documents fail by name."""

from __future__ import annotations

import hashlib

import pytest

import sigverify
from sigverify import policy

from conftest import REPO

FILES = REPO / "conformance" / "attestation-files" / "pypi"
DIST = "pypi_attestations-0.0.19.tar.gz"
GITHUB = "https://github.com/trailofbits/pypi-attestations"
NOW = 1_790_000_000


def sha256(name: str) -> bytes:
    return sigverify.hash_file(FILES / name).digest


def test_a_github_provenance_verifies_for_its_repository() -> None:
    verifier = sigverify.Verifier.production()
    provenance = (FILES / f"{DIST}.provenance").read_bytes()
    [one] = verifier.verify_pypi(DIST, sha256(DIST), provenance, repository=GITHUB, now=NOW)
    assert one.place == "attestation_bundles[0].attestations[0]"
    assert one.publisher_kind == "GitHub"
    assert one.publisher == "GitHub trailofbits/pypi-attestations (release.yml)"
    assert one.predicate_type == "https://docs.pypi.org/attestations/publish/v1"
    assert one.result.identity == f"{GITHUB}/.github/workflows/release.yml@refs/tags/v0.0.19"
    extensions = dict(one.result.extensions)
    assert extensions["1.3.6.1.4.1.57264.1.12"] == GITHUB
    assert extensions["1.3.6.1.4.1.57264.1.14"] == "refs/tags/v0.0.19"
    with pytest.raises(sigverify.PyPIError) as e:
        verifier.verify_pypi(DIST, sha256(DIST), provenance, repository=f"{GITHUB}-fork", now=NOW)
    assert (e.value.code, e.value.name) == (1403, "PYPI_PUBLISHER_MISMATCH")
    with pytest.raises(ValueError, match="expected publisher"):
        verifier.verify_pypi(DIST, sha256(DIST), provenance, now=NOW)
    with pytest.raises(sigverify.PolicyError, match="POLICY_CONDITION_INVALID"):
        verifier.verify_pypi(DIST, sha256(DIST), provenance, repository="ftp://x/y", now=NOW)


def test_google_and_circleci_provenances_verify_for_their_publishers() -> None:
    verifier = sigverify.Verifier.production()
    gcb = "gcb_attestation_test-0.0.0.tar.gz"
    [one] = verifier.verify_pypi(
        gcb,
        sha256(gcb),
        (FILES / f"{gcb}.provenance").read_text(),
        gcp_service_account="919436158236-compute@developer.gserviceaccount.com",
        now=NOW,
    )
    assert one.result.issuer == "https://accounts.google.com"
    whl = "circleci_sign_publish_example-0.0.1.dev137-py3-none-any.whl"
    [one] = verifier.verify_pypi(
        whl,
        sha256(whl),
        (FILES / f"{whl}.provenance").read_bytes(),
        circleci=("fdd9283f-e619-46af-8f9c-851f7d3e8b2b", "8e4f8ab2-8d7c-4827-9f15-de076d6d647f"),
        now=NOW,
    )
    assert one.publisher_kind == "CircleCI"


def test_a_bare_attestation_verifies_for_a_policy_and_converts_to_a_bundle() -> None:
    verifier = sigverify.Verifier.production()
    name = "gitlab_oidc_project-0.0.3.tar.gz"
    doc = (FILES / f"{name}.publish.attestation").read_bytes()
    who = policy.Identity(
        identity="https://gitlab.com/facutuesca/gitlab-oidc-project//.gitlab-ci.yml@refs/heads/main",
        issuer="https://gitlab.com",
    )
    one = verifier.verify_pypi_attestation(name, sha256(name), doc, who, now=NOW)
    assert one.place == "attestation" and one.publisher is None
    with pytest.raises(sigverify.PyPIError) as e:
        verifier.verify_pypi_attestation("gitlab_oidc_project-0.0.4.tar.gz", sha256(name), doc, who, now=NOW)
    assert e.value.name == "PYPI_DISTRIBUTION_NAME_MISMATCH"
    bundle = sigverify.Bundle.from_pypi_attestation(doc)
    artifact = (FILES / name).read_bytes()
    assert verifier.verify_artifact(artifact, bundle, who, now=NOW).statement is not None


def test_altered_distributions_and_malformed_documents_fail_by_name() -> None:
    verifier = sigverify.Verifier.production()
    provenance = (FILES / f"{DIST}.provenance").read_bytes()
    altered = hashlib.sha256((FILES / DIST).read_bytes() + b"x").digest()
    with pytest.raises(sigverify.PyPIError, match="PYPI_DISTRIBUTION_DIGEST_MISMATCH"):
        verifier.verify_pypi(DIST, altered, provenance, repository=GITHUB, now=NOW)
    with pytest.raises(sigverify.PyPIError, match="PYPI_DISTRIBUTION_NAME_INVALID"):
        verifier.verify_pypi("pypi_attestations.tar.bz2", sha256(DIST), provenance, repository=GITHUB, now=NOW)
    with pytest.raises(ValueError, match="32 bytes"):
        verifier.verify_pypi(DIST, b"short", provenance, repository=GITHUB, now=NOW)
    for doc, name in [
        (provenance[: len(provenance) // 2], "PYPI_PROVENANCE_INVALID"),
        (b'{"version":1,"attestation_bundles":[]}', "PYPI_PROVENANCE_EMPTY"),
        (b'{"attestation_bundles":[{"publisher":{"kind":"ActiveState"},"attestations":[]}]}', "PYPI_PUBLISHER_UNKNOWN"),
    ]:
        with pytest.raises(sigverify.PyPIError) as e:
            verifier.verify_pypi(DIST, sha256(DIST), doc, repository=GITHUB, now=NOW)
        assert e.value.name == name
    with pytest.raises(sigverify.PyPIError, match="PYPI_ATTESTATION_INVALID"):
        sigverify.Bundle.from_pypi_attestation(b'{"version":2}')


def test_files_of_several_bundles_are_split_and_verify_by_one_bundle() -> None:
    files = REPO / "conformance" / "attestation-files"
    doc = (files / "npm-playwright-cli-0.1.1" / "attestations.json").read_bytes()
    kind, bundles = sigverify.split_bundles(doc)
    assert kind == "attestations_document"
    assert [(place, ptype) for place, ptype, _ in bundles] == [
        ("attestations[0]", "https://github.com/npm/attestation/tree/main/specs/publish/v0.1"),
        ("attestations[1]", "https://slsa.dev/provenance/v1"),
    ]
    assert sigverify.split_bundles((FILES / f"{DIST}.provenance").read_bytes())[0] == "pypi_provenance"
    verifier = sigverify.Verifier.production()
    who = policy.Identity(
        identity="https://github.com/microsoft/playwright-cli/.github/workflows/publish.yml@refs/tags/v0.1.1",
        issuer="https://token.actions.githubusercontent.com",
    )
    tarball = (files / "npm-playwright-cli-0.1.1" / "artifact").read_bytes()
    place, result = sigverify.verify_file(verifier, doc, tarball, who, now=NOW)
    assert place == "attestations[1]" and result.identity is not None
    with pytest.raises(sigverify.VerificationError) as e:
        sigverify.verify_file(verifier, doc, tarball + b"x", who, now=NOW)
    assert e.value.name == "POLICY_MATERIAL_MISMATCH"
    assert [p for p, _ in getattr(e.value, "bundles")] == ["attestations[0]", "attestations[1]"]
    with pytest.raises(sigverify.BundleError, match="BUNDLE_JSON_INVALID"):
        sigverify.split_bundles(b'{"attestations":[]}')
