"""Firmware statements: every row of conformance/firmware-vectors/cases.tsv through the binding,
as the Rust reference runner (conformance/src/firmware_vectors.rs) runs it, and the statement's
fields, the policy's errors and bad arguments."""

from __future__ import annotations

from dataclasses import dataclass
import pytest

import sigverify
from sigverify import policy

from conftest import REPO

DIR = REPO / "conformance" / "firmware-vectors"


@dataclass(frozen=True)
class Case:
    image: str
    signer: str
    installed: int
    hardware: int
    expected: str


def device() -> dict[str, str]:
    pairs = [line.split("=", 1) for line in (DIR / "device").read_text().splitlines() if "=" in line]
    return {key: value for key, value in pairs}


def cases() -> list[Case]:
    out = []
    for line in (DIR / "cases.tsv").read_text().splitlines():
        if not line or line.startswith("#"):
            continue
        image, signer, installed, hardware, expected = line.split("\t")
        out.append(Case(image, signer, int(installed), int(hardware), expected))
    return out


DEVICE = device()
CASES = cases()


def verified(image: str, signer: str) -> sigverify.VerificationResult:
    """The image's bundle verified for its signer, as the reference runner verifies it: the
    product key inside its validity window with no log and no signing time required, or the
    release identity under the default thresholds."""
    root = sigverify.TrustedRoot.from_file(DIR / "trusted_root.json")
    who: policy.VerificationPolicy
    if signer == "key":
        who = policy.PublicKey(
            (DIR / "product-key.pub").read_text(),
            not_before=int(DEVICE["key_not_before"]),
            not_after=int(DEVICE["key_not_after"]),
        )
        config = sigverify.Config(tlog_entries=0, observer_timestamps=0)
    else:
        who = policy.Identity(identity=DEVICE["identity"], issuer=DEVICE["issuer"])
        config = sigverify.Config()
    verifier = sigverify.Verifier(trusted_root=root, config=config)
    bundle = sigverify.Bundle.from_json((DIR / image / "bundle.sigstore.json").read_bytes())
    artifact = (DIR / image / "artifact").read_bytes()
    return verifier.verify_artifact(artifact, bundle, who, now=int(DEVICE["now"]))


def statement(image: str, signer: str = "key") -> sigverify.FirmwareStatement:
    return sigverify.FirmwareStatement.from_result(verified(image, signer))


def run(case: Case) -> str:
    """`ok`, or the name of the error that stops the image from installing."""
    try:
        s = statement(case.image, case.signer)
        device_policy = sigverify.FirmwarePolicy(
            DEVICE["vendor"], DEVICE["class"], hardware_revision=case.hardware
        )
        device_policy.check(s, case.installed)
    except sigverify.VerificationError as e:
        return e.name
    return "ok"


def test_the_vectors_are_there() -> None:
    assert len(CASES) >= 14
    assert {c.expected for c in CASES} >= {"ok", "FIRMWARE_VERSION_NOT_NEWER", "DSSE_ENVELOPE_MISSING"}


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c.image}-{c.signer}-{c.installed}-{c.hardware}" for c in CASES]
)
def test_every_case_gives_its_expected_outcome(case: Case) -> None:
    assert run(case) == case.expected


def test_statement_fields() -> None:
    v3 = statement("v3-key")
    assert v3.security_version == 3
    assert v3.version == "1.3.0"
    assert v3.min_hardware_revision is None
    assert (v3.vendor, v3.class_) == (DEVICE["vendor"], DEVICE["class"])
    assert "security_version=3" in repr(v3)
    v5 = statement("v5-hardware-3")
    assert (v5.security_version, v5.min_hardware_revision, v5.version) == (5, 3, None)
    assert statement("v4-keyless", "keyless").security_version == 4
    with pytest.raises(AttributeError):
        v3.security_version = 9  # type: ignore[misc]
    assert sigverify.FIRMWARE_PREDICATE_TYPE == "https://github.com/sigverify/sigverify/firmware/v1"


def test_the_errors_come_in_their_families() -> None:
    with pytest.raises(sigverify.DSSEError) as d:
        statement("message-signature")
    assert (d.value.code, d.value.name) == (805, "DSSE_ENVELOPE_MISSING")
    with pytest.raises(sigverify.DSSEError) as t:
        statement("slsa-statement")
    assert t.value.name == "DSSE_PREDICATE_TYPE_MISMATCH"
    with pytest.raises(sigverify.FirmwareError) as f:
        statement("no-security-version")
    assert (f.value.code, f.value.name) == (1800, "FIRMWARE_STATEMENT_INVALID")
    assert "securityVersion" in str(f.value)
    device_policy = sigverify.FirmwarePolicy(DEVICE["vendor"].upper(), DEVICE["class"])
    with pytest.raises(sigverify.FirmwareError) as n:
        device_policy.check(statement("v2-key"), 2)
    assert (n.value.code, n.value.name) == (1804, "FIRMWARE_VERSION_NOT_NEWER")
    # Applicability alone ignores the version; the hardware revision defaults to 0.
    device_policy.check_applies(statement("v1-key"))
    with pytest.raises(sigverify.FirmwareError) as h:
        device_policy.check_applies(statement("v5-hardware-3"))
    assert h.value.name == "FIRMWARE_HARDWARE_UNSUPPORTED"
    with pytest.raises(sigverify.FirmwareError) as c:
        device_policy.check_applies(statement("v9-other-class"))
    assert c.value.name == "FIRMWARE_CLASS_MISMATCH"
    sigverify.FirmwarePolicy(DEVICE["vendor"], DEVICE["class"], 3).check_applies(statement("v5-hardware-3"))


@pytest.mark.parametrize(
    ("vendor", "class_"),
    [("acme", DEVICE["class"]), (DEVICE["vendor"], ""), (DEVICE["vendor"].replace("-", ""), DEVICE["class"])],
)
def test_a_device_is_named_by_uuids(vendor: str, class_: str) -> None:
    with pytest.raises(sigverify.FirmwareError) as e:
        sigverify.FirmwarePolicy(vendor, class_)
    assert (e.value.code, e.value.name) == (1805, "FIRMWARE_POLICY_INVALID")


def test_bad_arguments_raise_python_errors() -> None:
    good = sigverify.FirmwarePolicy(DEVICE["vendor"], DEVICE["class"])
    with pytest.raises(OverflowError):
        good.check(statement("v3-key"), -1)
    with pytest.raises(OverflowError):
        sigverify.FirmwarePolicy(DEVICE["vendor"], DEVICE["class"], hardware_revision=1 << 32)
    with pytest.raises(TypeError):
        good.check("statement", 0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sigverify.FirmwareStatement.from_result(("application/vnd.in-toto+json", b"{}"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sigverify.FirmwareStatement()
