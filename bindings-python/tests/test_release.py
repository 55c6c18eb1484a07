"""GitHub's real immutable-release attestation (conformance/attestation-files/
github-release-delme-v6, gh's own test data): it verifies for its repository, tag and asset
against ``gh attestation trusted-root``'s JSON Lines, as ``sigverify verify-release`` does, and
every other release, asset or root fails with the error that names the check."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

import sigverify

from conftest import REPO

FILES = REPO / "conformance" / "attestation-files" / "github-release-delme-v6"
NOW = 1_748_700_000
SIGNED = 1_748_636_019
TAG_DIGEST = "c5e17a62e06a1d201570249c61fae531e9244e1b"
ASSET_SHA256 = "e15b593c6ab8d7725a3cc82226ef816cac6bf9c70eed383bd459295cc65f5ec3"


def bundle() -> sigverify.Bundle:
    return sigverify.Bundle.from_json((FILES / "github_release_bundle.json").read_bytes())


def roots() -> list[sigverify.TrustedRoot]:
    return sigverify.TrustedRoot.from_json_lines((FILES / "trusted_root.jsonl").read_bytes())


def release(**kwargs: Any) -> sigverify.ReleaseResult:
    args: dict[str, Any] = {"repo": "bdehamer/delme", "tag": "v6", "now": NOW}
    args.update(kwargs)
    return sigverify.verify_release(bundle(), roots(), **args)


def test_gh_json_lines_are_two_roots_and_one_document_is_one() -> None:
    text = (FILES / "trusted_root.jsonl").read_text()
    assert len(sigverify.TrustedRoot.from_json_lines(text)) == 2
    assert len(sigverify.TrustedRoot.from_json_lines(text.splitlines()[0])) == 1
    with pytest.raises(sigverify.TrustedRootError) as e:
        sigverify.TrustedRoot.from_json_lines(text + '{"mediaType":"x"}\n')
    assert e.value.name == "TRUST_ROOT_MEDIA_TYPE_UNKNOWN"


def test_the_release_and_its_asset_verify() -> None:
    asset = (FILES / "artifact.zip").read_bytes()
    r = release(assets=[asset])
    assert (r.repository, r.tag) == ("bdehamer/delme", "v6")
    assert r.result.identity == "https://dotcom.releases.github.com"
    assert r.result.issuer is None
    assert r.result.signing_times == [SIGNED]
    assert r.result.log_entries == []
    [tag, zip_] = r.subjects
    assert (tag.name, tag.uri, tag.digest) == ("", "pkg:github/bdehamer/delme@v6", {"sha1": TAG_DIGEST})
    assert (zip_.name, zip_.digest) == ("artifact.zip", {"sha256": ASSET_SHA256})
    [matched] = r.assets
    assert (matched.name, matched.digest["sha256"]) == ("artifact.zip", ASSET_SHA256)
    # The same asset by its SHA-256, the attestation alone, and the tag's ref digest; the
    # repository compares without case, as GitHub names repositories.
    hashed = sigverify.Hashed(algorithm=sigverify.HashAlgorithm.SHA2_256, digest=hashlib.sha256(asset).digest())
    assert release(assets=[hashed]).assets[0].name == "artifact.zip"
    assert release().assets == []
    assert release(repo="BDEHAMER/Delme", tag_digest=TAG_DIGEST.upper()).repository == "bdehamer/delme"
    # One root given alone: GitHub's, the one that issued the certificate.
    alone = sigverify.verify_release(bundle(), roots()[1], repo="bdehamer/delme", tag="v6", now=NOW)
    assert alone.tag == "v6"


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"tag": "v1.2.3"}, "RELEASE_TAG_MISMATCH"),
        ({"repo": "bdehamer/other"}, "RELEASE_REPOSITORY_MISMATCH"),
        ({"tag_digest": "0" * 40}, "RELEASE_TAG_DIGEST_MISMATCH"),
        ({"repo": "bdehamer"}, "RELEASE_POLICY_INVALID"),
        ({"tag_digest": "c5e17a"}, "RELEASE_POLICY_INVALID"),
        ({"trust_domain": "a.b"}, "RELEASE_POLICY_INVALID"),
    ],
)
def test_another_release_is_refused_by_name(kwargs: dict[str, Any], name: str) -> None:
    with pytest.raises(sigverify.ReleaseError) as e:
        release(**kwargs)
    assert e.value.name == name
    assert (e.value.code, e.value.name) in sigverify.ERRORS


def test_an_asset_not_attested_other_domains_and_roots_are_refused() -> None:
    good = (FILES / "artifact.zip").read_bytes()
    bad = (FILES / "artifact_invalid.zip").read_bytes()
    with pytest.raises(sigverify.ReleaseError) as e:
        release(assets=[good, bad])
    assert (e.value.code, e.value.name) == (1505, "RELEASE_ASSET_NOT_ATTESTED")
    # A GHE.com tenant's identity is not this certificate's.
    with pytest.raises(sigverify.PolicyError) as p:
        release(trust_domain="acme")
    assert p.value.name == "POLICY_IDENTITY_MISMATCH"
    # The public-good root alone did not issue GitHub's certificate or timestamp.
    with pytest.raises(sigverify.TimestampError) as t:
        sigverify.verify_release(bundle(), roots()[:1], repo="bdehamer/delme", tag="v6", now=NOW)
    assert t.value.name == "TIMESTAMP_CHAIN_UNTRUSTED"


def test_bad_arguments_raise_python_errors() -> None:
    with pytest.raises(ValueError, match="empty"):
        sigverify.verify_release(bundle(), [], repo="bdehamer/delme", tag="v6", now=NOW)
    with pytest.raises(TypeError, match="trusted_roots"):
        sigverify.verify_release(bundle(), "roots", repo="bdehamer/delme", tag="v6", now=NOW)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="asset"):
        release(assets=["artifact.zip"])
    sha512 = sigverify.Hashed(algorithm=sigverify.HashAlgorithm.SHA2_512, digest=bytes(64))
    with pytest.raises(ValueError, match="SHA2_256"):
        release(assets=[sha512])
