"""Errors: the code table mirrors the core, and bad input raises the right exception."""

from __future__ import annotations

import json
from typing import Any

import pytest

import sigverify
from sigverify import policy

from conftest import HAPPY_BUNDLE, PRODUCTION_ROOT, needs_vectors

FAMILIES: dict[int, type[sigverify.VerificationError]] = {
    1: sigverify.BundleError,
    2: sigverify.TrustedRootError,
    3: sigverify.PublicKeyError,
    4: sigverify.CertificateError,
    5: sigverify.SCTError,
    6: sigverify.TransparencyLogError,
    7: sigverify.TimestampError,
    8: sigverify.DSSEError,
    9: sigverify.SignatureError,
    10: sigverify.PolicyError,
    11: sigverify.ThresholdError,
    12: sigverify.LimitError,
    13: sigverify.TUFError,
    14: sigverify.PyPIError,
    15: sigverify.ReleaseError,
    16: sigverify.NpmError,
    17: sigverify.WitnessError,
    18: sigverify.FirmwareError,
}


def test_error_table_comes_from_the_core() -> None:
    codes = [c for c, _ in sigverify.ERRORS]
    names = [n for _, n in sigverify.ERRORS]
    assert len(set(codes)) == len(codes) == len(set(names))
    assert (100, "BUNDLE_JSON_INVALID") in sigverify.ERRORS
    assert (1200, "LIMIT_EXCEEDED") in sigverify.ERRORS
    # Every block of the table has its own exception class.
    assert {c // 100 for c in codes} == set(FAMILIES)
    for cls in FAMILIES.values():
        assert issubclass(cls, sigverify.VerificationError)
        assert cls.__module__ == "sigverify"
    # The checkpoint state's refusals are a subclass within block 17.
    assert issubclass(sigverify.LogStateError, sigverify.WitnessError)
    assert sigverify.LogStateError.__module__ == "sigverify"


def test_exception_carries_code_and_name() -> None:
    with pytest.raises(sigverify.BundleError) as e:
        sigverify.Bundle.from_json("{}")
    assert isinstance(e.value, sigverify.VerificationError)
    assert (e.value.code, e.value.name) in sigverify.ERRORS
    assert e.value.code // 100 == 1
    assert str(e.value).startswith(e.value.name + ": ")


@pytest.mark.parametrize("doc", ["", "not json", b"\xff\xfe", "[]", "null", '{"mediaType": 5}', "{" * 10000])
def test_invalid_bundle_json(doc: str | bytes) -> None:
    with pytest.raises((sigverify.BundleError, sigverify.LimitError)):
        sigverify.Bundle.from_json(doc)


@pytest.mark.parametrize("doc", ["", "not json", "[]", '{"mediaType": "x"}', "[" * 100000])
def test_invalid_trusted_root_json(doc: str) -> None:
    with pytest.raises((sigverify.TrustedRootError, sigverify.LimitError)):
        sigverify.TrustedRoot.from_json(doc)


def test_huge_inputs_hit_limits(tmp_path: Any) -> None:
    huge = b" " * (sigverify._sigverify.MAX_BUNDLE_BYTES + 1)
    with pytest.raises(sigverify.LimitError) as e:
        sigverify.Bundle.from_json(huge)
    assert e.value.name == "LIMIT_EXCEEDED"
    with pytest.raises(sigverify.LimitError):
        sigverify.TrustedRoot.from_json(b" " * (sigverify._sigverify.MAX_TRUST_ROOT_BYTES + 1))
    big = tmp_path / "root.json"
    big.write_bytes(b" " * (64 << 20))
    with pytest.raises(sigverify.LimitError):
        sigverify.TrustedRoot.from_file(big)


def test_missing_root_file() -> None:
    with pytest.raises(FileNotFoundError):
        sigverify.TrustedRoot.from_file("/nonexistent/trusted_root.json")


@pytest.mark.parametrize("bad", [None, 5, 1.5, ["{}"], bytearray(b"{}"), memoryview(b"{}")])
def test_wrong_types_for_json(bad: Any) -> None:
    with pytest.raises(TypeError):
        sigverify.Bundle.from_json(bad)
    with pytest.raises(TypeError):
        sigverify.TrustedRoot.from_json(bad)


def test_lone_surrogate_is_rejected() -> None:
    with pytest.raises(UnicodeEncodeError):
        sigverify.Bundle.from_json("\ud800")


def test_hashed_validation() -> None:
    with pytest.raises(ValueError):
        sigverify.Hashed(algorithm=sigverify.HashAlgorithm.SHA2_256, digest=b"short")
    with pytest.raises(TypeError):
        sigverify.Hashed(algorithm="sha256", digest=bytes(32))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sigverify.Hashed(sigverify.HashAlgorithm.SHA2_256, bytes(32))  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        sigverify.Hashed(algorithm=sigverify.HashAlgorithm.SHA2_256, digest="00" * 32)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [b"x", 5, None, (), 3.0])
def test_policy_constructors_check_types(bad: Any) -> None:
    with pytest.raises(TypeError):
        policy.Identity(identity=bad, issuer="i")
    with pytest.raises(TypeError):
        not_str: Any = bad if bad is not None else 5
        policy.Identity(identity="i", issuer=not_str)
    with pytest.raises(TypeError):
        policy.OIDCIssuer(bad)
    with pytest.raises(TypeError):
        policy.GitHubWorkflowRef(bad)
    with pytest.raises(TypeError):
        not_list: Any = bad if bad != () else "x"
        policy.AllOf(not_list)
    with pytest.raises(TypeError):
        policy.AnyOf([policy.OIDCIssuer("i"), bad])


def test_public_key_policy_errors() -> None:
    with pytest.raises(sigverify.PolicyError) as e:
        policy.PublicKey("not a key")
    assert e.value.name == "POLICY_KEY_INVALID"
    with pytest.raises(sigverify.VerificationError):
        policy.PublicKey(b"\x30\x03\x02\x01\x00")
    with pytest.raises(TypeError):
        policy.PublicKey(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        policy.AllOf([policy.PublicKey("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n")])  # type: ignore[list-item]


def test_bad_oid_is_a_policy_error_at_verify() -> None:
    if not HAPPY_BUNDLE.is_file():
        pytest.skip("!!! upstream vectors absent")
    b = sigverify.Bundle.from_json(HAPPY_BUNDLE.read_bytes())
    art = (HAPPY_BUNDLE.parent.parent / "a.txt").read_bytes()
    with pytest.raises(sigverify.PolicyError) as e:
        sigverify.Verifier.production().verify_artifact(art, b, policy.Extension("not an oid", "x"))
    assert e.value.name == "POLICY_CONDITION_INVALID"


@needs_vectors
def test_wrong_types_for_verify() -> None:
    v = sigverify.Verifier.production()
    b = sigverify.Bundle.from_json(HAPPY_BUNDLE.read_bytes())
    good = policy.OIDCIssuer("x")
    bad_calls: list[tuple[Any, Any, Any]] = [
        ("text", b, good),
        (bytearray(b"x"), b, good),
        (None, b, good),
        (b"x", "bundle", good),
        (b"x", None, good),
        (b"x", b, "policy"),
        (b"x", b, None),
        (b"x", b, object()),
    ]
    for input_, bundle, pol in bad_calls:
        with pytest.raises(TypeError):
            v.verify_artifact(input_, bundle, pol)
    with pytest.raises(TypeError):
        v.verify_artifact(b"x", b, good, now="now")  # type: ignore[arg-type]
    with pytest.raises(OverflowError):
        v.verify_artifact(b"x", b, good, now=-1)
    with pytest.raises(OverflowError):
        v.verify_artifact(b"x", b, good, now=1 << 70)
    with pytest.raises(TypeError):
        sigverify.Verifier(trusted_root="production")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sigverify.Verifier(sigverify.TrustedRoot.production())  # type: ignore[call-arg]


@needs_vectors
def test_corrupted_bundles_never_crash() -> None:
    """Every single-field corruption of the happy-path bundle raises VerificationError."""
    v = sigverify.Verifier.production()
    art = (HAPPY_BUNDLE.parent.parent / "a.txt").read_bytes()
    doc = json.loads(HAPPY_BUNDLE.read_text())
    pol = policy.OIDCIssuer("https://token.actions.githubusercontent.com")

    def leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        if isinstance(node, dict):
            return [p for k, val in node.items() for p in leaves(val, path + (k,))]
        if isinstance(node, list):
            return [p for i, val in enumerate(node) for p in leaves(val, path + (i,))]
        return [path]

    for path in leaves(doc):
        replacements: list[Any] = [None, "", 0, -1, "AAAA", [], {}, "x" * 100]
        for replacement in replacements:
            mutated = json.loads(json.dumps(doc))
            node = mutated
            for k in path[:-1]:
                node = node[k]
            node[path[-1]] = replacement
            try:
                v.verify_artifact(art, sigverify.Bundle.from_json(json.dumps(mutated)), pol)
            except sigverify.VerificationError:
                pass


def test_root_file_not_json(tmp_path: Any) -> None:
    p = tmp_path / "r.json"
    p.write_bytes(PRODUCTION_ROOT.read_bytes()[:100])
    with pytest.raises(sigverify.TrustedRootError):
        sigverify.TrustedRoot.from_file(p)
