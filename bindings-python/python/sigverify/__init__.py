"""Offline Sigstore bundle verification, backed by the sigverify Rust core.

The API follows sigstore-python's verification API, so porting is mostly a change of imports::

    from sigverify import Bundle, Verifier
    from sigverify.policy import Identity

    verifier = Verifier.production()
    bundle = Bundle.from_json(open("a.txt.sigstore.json", "rb").read())
    result = verifier.verify_artifact(open("a.txt", "rb").read(), bundle,
                                      Identity(identity="...", issuer="..."))

Every failure raises :class:`VerificationError` (or one of its subclasses, one per family of
checks), carrying the core's stable ``.code`` and ``.name``.
"""

from __future__ import annotations

import hashlib
import os
from typing import Union

from sigverify import policy
from sigverify._sigverify import (
    ERRORS,
    BundleError,
    Bundle,
    CertificateError,
    Config,
    ConsistencyProof,
    Cosignature,
    DSSEError,
    FIRMWARE_PREDICATE_TYPE,
    FirmwareError,
    FirmwarePolicy,
    FirmwareStatement,
    HashAlgorithm,
    Hashed,
    LimitError,
    LogEntry,
    LogState,
    LogStateError,
    NpmAttestation,
    NpmError,
    NpmResult,
    Observation,
    PolicyError,
    PublicKeyError,
    PyPIError,
    PyPIResult,
    ReleaseError,
    ReleaseResult,
    RememberedCheckpoint,
    SCTError,
    SignatureError,
    SignedCheckpoint,
    Subject,
    ThresholdError,
    TimestampError,
    TlogProof,
    TransparencyLogError,
    TUFError,
    TufState,
    TrustedRoot,
    TrustedRootError,
    VerificationError,
    VerificationResult,
    Verifier,
    WitnessError,
    WitnessPolicy,
    __version__,
    split_bundles,
    verify_release,
)

__all__ = [
    "ERRORS",
    "Bundle",
    "BundleError",
    "CertificateError",
    "Config",
    "ConsistencyProof",
    "Cosignature",
    "DSSEError",
    "FIRMWARE_PREDICATE_TYPE",
    "FirmwareError",
    "FirmwarePolicy",
    "FirmwareStatement",
    "HashAlgorithm",
    "Hashed",
    "LimitError",
    "LogEntry",
    "LogState",
    "LogStateError",
    "NpmAttestation",
    "NpmError",
    "NpmResult",
    "Observation",
    "PolicyError",
    "PublicKeyError",
    "PyPIError",
    "PyPIResult",
    "ReleaseError",
    "ReleaseResult",
    "RememberedCheckpoint",
    "SCTError",
    "SignatureError",
    "SignedCheckpoint",
    "Subject",
    "ThresholdError",
    "TimestampError",
    "TlogProof",
    "TransparencyLogError",
    "TUFError",
    "TufState",
    "TrustedRoot",
    "TrustedRootError",
    "VerificationError",
    "VerificationResult",
    "Verifier",
    "WitnessError",
    "WitnessPolicy",
    "__version__",
    "hash_file",
    "split_bundles",
    "verify_file",
    "verify_release",
    "policy",
]

_CHUNK = 1 << 20


def hash_file(
    path: Union[str, "os.PathLike[str]"],
    *,
    algorithm: HashAlgorithm = HashAlgorithm.SHA2_256,
    chunk_size: int = _CHUNK,
) -> Hashed:
    """Hashes a file of any size with ``algorithm``, reading it ``chunk_size`` bytes at a time.

    The result can be passed to :meth:`Verifier.verify_artifact` in place of the bytes; use
    ``bundle.artifact_hash()`` as the algorithm (npm provenance names tarballs by SHA2-512).
    """
    if chunk_size <= 0:
        raise ValueError("chunk_size must be positive")
    if algorithm == HashAlgorithm.SHA2_512:
        h = hashlib.sha512()
    elif algorithm == HashAlgorithm.SHA2_384:
        h = hashlib.sha384()
    else:
        h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(chunk_size):
            h.update(chunk)
    return Hashed(algorithm=algorithm, digest=h.digest())


def verify_file(
    verifier: Verifier,
    file: Union[str, bytes],
    input_: Union[bytes, Hashed],
    policy: "policy.VerificationPolicy",
    *,
    now: Union[int, None] = None,
    predicate_type: Union[str, None] = None,
) -> tuple[str, VerificationResult]:
    """Verifies a file of bundles (see :func:`split_bundles`) over ``input_``: it verifies when
    one of its bundles does, and ``(place, result)`` says which. When none verifies, the first
    bundle's error is raised, with ``.bundles`` listing ``(place, error)`` for each."""
    _, bundles = split_bundles(file)
    failures: list[tuple[str, VerificationError]] = []
    for place, _, json in bundles:
        try:
            bundle = Bundle.from_json(json)
            result = verifier.verify_artifact(
                input_, bundle, policy, now=now, predicate_type=predicate_type
            )
            return place, result
        except VerificationError as e:
            failures.append((place, e))
    first = failures[0][1]
    setattr(first, "bundles", failures)
    raise first
