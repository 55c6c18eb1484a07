"""Type stubs of the native module ``sigverify._sigverify`` (built from ``src/*.rs``)."""

import os
from typing import ClassVar, Final, Literal, Mapping, Optional, Sequence, Union, final

from sigverify.policy import VerificationPolicy

__all__ = [
    "__version__",
    "ERRORS",
    "MAX_BUNDLE_BYTES",
    "MAX_TRUST_ROOT_BYTES",
    "FULCIO_OID",
    "FIRMWARE_PREDICATE_TYPE",
    "VerificationError",
    "BundleError",
    "TrustedRootError",
    "PublicKeyError",
    "CertificateError",
    "SCTError",
    "TransparencyLogError",
    "TimestampError",
    "DSSEError",
    "SignatureError",
    "PolicyError",
    "ThresholdError",
    "LimitError",
    "TUFError",
    "PyPIError",
    "PyPIResult",
    "NpmError",
    "WitnessError",
    "LogStateError",
    "FirmwareError",
    "NpmResult",
    "NpmAttestation",
    "split_bundles",
    "ReleaseError",
    "Subject",
    "ReleaseResult",
    "verify_release",
    "FirmwareStatement",
    "FirmwarePolicy",
    "TufState",
    "TrustedRoot",
    "Bundle",
    "HashAlgorithm",
    "Hashed",
    "LogEntry",
    "Cosignature",
    "SignedCheckpoint",
    "VerificationResult",
    "Config",
    "WitnessPolicy",
    "TlogProof",
    "Verifier",
    "LogState",
    "RememberedCheckpoint",
    "Observation",
    "ConsistencyProof",
    "Condition",
    "Policy",
]

__version__: Final[str]
#: Every ``(code, name)`` pair of the core's error table, in table order.
ERRORS: Final[list[tuple[int, str]]]
#: Largest bundle accepted, in bytes.
MAX_BUNDLE_BYTES: Final[int]
#: Largest trusted root accepted, in bytes.
MAX_TRUST_ROOT_BYTES: Final[int]
#: Fulcio extension OIDs by the core's constant name.
FULCIO_OID: Final[dict[str, str]]
#: The in-toto predicate type of a firmware statement.
FIRMWARE_PREDICATE_TYPE: Final[str]

class VerificationError(Exception):
    """A bundle did not verify, or an input is invalid."""

    #: The core's stable numeric error code.
    code: int
    #: The core's stable error name, e.g. ``TLOG_INCLUSION_PROOF_INVALID``.
    name: str

class BundleError(VerificationError):
    """1xx: the bundle is malformed."""

class TrustedRootError(VerificationError):
    """2xx: the trusted root is malformed."""

class PublicKeyError(VerificationError):
    """3xx: a public key is unsupported or invalid."""

class CertificateError(VerificationError):
    """4xx: the signing certificate is not trusted or not valid."""

class SCTError(VerificationError):
    """5xx: the embedded signed certificate timestamps do not verify."""

class TransparencyLogError(VerificationError):
    """6xx: a transparency log entry does not verify."""

class TimestampError(VerificationError):
    """7xx: an RFC 3161 timestamp does not verify."""

class DSSEError(VerificationError):
    """8xx: the DSSE envelope does not verify or does not name the artifact."""

class SignatureError(VerificationError):
    """9xx: the signature does not verify over the artifact."""

class PolicyError(VerificationError):
    """10xx: the signer does not meet the policy, or the policy is invalid."""

class ThresholdError(VerificationError):
    """11xx: fewer verified log entries, timestamps or signing times than required."""

class LimitError(VerificationError):
    """12xx: an input exceeds a verifier limit."""

class TUFError(VerificationError):
    """13xx: TUF metadata does not verify (trusted-root updates)."""

class PyPIError(VerificationError):
    """14xx: a PyPI attestation or provenance is malformed or does not name the distribution."""

class ReleaseError(VerificationError):
    """15xx: a GitHub release attestation is not for the release asked for, or an asset is not
    attested."""

class NpmError(VerificationError):
    """16xx: an npm package's registry keys, packument, signatures, attestations or tarball do
    not agree."""

class WitnessError(VerificationError):
    """17xx: a checkpoint does not meet the witness policy, a checkpoint state refuses it, or a
    witness policy or tlog proof file is malformed."""

class FirmwareError(VerificationError):
    """18xx: a firmware statement is malformed, is for another vendor, device class or hardware
    revision, or is not newer than the installed security version; or a firmware policy is
    invalid."""

class LogStateError(WitnessError):
    """1708-1712: the checkpoint state is malformed, or refuses a checkpoint (a split view, or a
    consistency proof missing, malformed or wrong)."""

@final
class TufState:
    """The persisted state of TUF updates: rollback floors (the versions and digests no later
    update may go below), never a key: trust comes only from the anchor. Empty before the first
    update; every successful ``from_tuf`` advances
    it in place. Store ``to_bytes()`` and pass it back next time."""

    def __new__(cls, data: Optional[bytes] = None) -> "TufState":
        """A state read from stored bytes (raises :class:`TUFError`), or empty."""
    def to_bytes(self) -> bytes:
        """The bytes to store (empty before the first successful update)."""
    @property
    def versions(self) -> Optional[tuple[int, int, int, int]]:
        """``(root, timestamp, snapshot, targets)`` versions last trusted, or ``None``."""

@final
class TrustedRoot:
    """A parsed Sigstore trusted root (``TrustedRoot`` or ``ClientTrustConfig`` JSON)."""

    @staticmethod
    def from_json(doc: Union[str, bytes]) -> "TrustedRoot":
        """Parses a trusted root document; raises :class:`TrustedRootError` or :class:`LimitError`."""
    @staticmethod
    def from_json_lines(doc: Union[str, bytes]) -> list["TrustedRoot"]:
        """Parses one trusted root document, or JSON Lines of them as ``gh attestation
        trusted-root`` writes them (Sigstore public-good, then GitHub's), in file order (never
        empty); raises :class:`TrustedRootError` or :class:`LimitError` for the first root that
        does not parse."""
    @staticmethod
    def from_file(path: Union[str, "os.PathLike[str]"]) -> "TrustedRoot":
        """Reads and parses a trusted root file; raises ``OSError`` if it cannot be read."""
    @staticmethod
    def production() -> "TrustedRoot":
        """The Sigstore public-good production root compiled into this build."""
    @staticmethod
    def staging() -> "TrustedRoot":
        """The Sigstore public-good staging root compiled into this build."""
    @staticmethod
    def from_tuf(
        *,
        timestamp: bytes,
        snapshot: bytes,
        targets: bytes,
        target_files: Mapping[str, bytes],
        roots: Sequence[bytes] | None = None,
        anchor: Optional[bytes] = None,
        staging: bool = False,
        state: Optional[TufState] = None,
        now: Optional[int] = None,
    ) -> "TrustedRoot":
        """The trusted root that TUF metadata yields, checked by the TUF client workflow from
        ``anchor`` (default: the compiled-in production TUF root, or staging), whatever ``state``
        holds (its rollback floors apply). ``roots`` are the root versions after the anchor, in
        order; ``target_files``
        must hold ``trusted_root.json``. Raises :class:`TUFError`, :class:`LimitError` or
        :class:`TrustedRootError`; advances ``state`` on success."""
    @staticmethod
    def from_tuf_dir(
        path: Union[str, "os.PathLike[str]"],
        *,
        anchor: Optional[bytes] = None,
        staging: bool = False,
        state: Optional[TufState] = None,
        now: Optional[int] = None,
    ) -> "TrustedRoot":
        """As :meth:`from_tuf`, reading a repository folder in Sigstore's layouts
        (``metadata/``, ``metadata/root_history/``, ``targets/``, or the CDN's flat layout)."""

@final
class Bundle:
    """A parsed Sigstore bundle (v0.1 to v0.3)."""

    @staticmethod
    def from_json(doc: Union[str, bytes]) -> "Bundle":
        """Parses a bundle document; raises :class:`BundleError` or :class:`LimitError`."""
    @staticmethod
    def from_pypi_attestation(doc: Union[str, bytes]) -> "Bundle":
        """The bundle a PEP 740 attestation object stands for (as pypi-attestations converts
        it); raises :class:`PyPIError`, :class:`BundleError` or :class:`LimitError`."""
    def artifact_hash(self) -> "HashAlgorithm":
        """The hash to compute of the artifact for a :class:`Hashed` input: what a message
        signature declares, or what the in-toto subjects name (SHA-256 first, then SHA-512)."""

@final
class HashAlgorithm:
    """The hash algorithm of a :class:`Hashed` input."""

    #: SHA-256.
    SHA2_256: ClassVar["HashAlgorithm"]
    #: SHA-384 (P-384 signatures as sigstore-go and cosign make them; some in-toto subjects).
    SHA2_384: ClassVar["HashAlgorithm"]
    #: SHA-512 (P-521 signatures; npm names its tarballs by SHA-512 alone).
    SHA2_512: ClassVar["HashAlgorithm"]
    def __int__(self) -> int: ...

@final
class Hashed:
    """The digest of an artifact, for verifying without its bytes."""

    #: The hash algorithm.
    algorithm: HashAlgorithm
    #: The raw digest (32 bytes).
    digest: bytes
    def __new__(cls, *, algorithm: HashAlgorithm, digest: bytes) -> "Hashed":
        """Raises ``ValueError`` unless ``digest`` has the algorithm's length (32, 48 or 64 bytes)."""

@final
class LogEntry:
    """A verified transparency log entry."""

    #: The entry's index in its log.
    log_index: int
    #: The log id (SHA-256 of the log key for Rekor v1).
    log_id: bytes
    #: The log's base URL as the trusted root names it.
    log_url: str
    #: The integrated time (Unix seconds), present only when an inclusion promise signed it.
    integrated_time: Optional[int]
    #: The checkpoint that proved the entry's inclusion, when the entry had an inclusion proof
    #: (a Rekor v1 entry may have an inclusion promise alone).
    checkpoint: Optional["SignedCheckpoint"]

@final
class Cosignature:
    """A witness cosignature that verified."""

    #: The witness's name in the witness policy.
    witness: str
    #: When the witness cosigned (Unix seconds, by its own clock).
    time: int

@final
class SignedCheckpoint:
    """The checkpoint that proved a log entry, its log signature verified."""

    #: The origin line: the log's identity (``rekor.sigstore.dev - <tree id>`` for Rekor v1,
    #: the log's host for Rekor v2).
    origin: str
    #: The tree size.
    size: int
    #: The tree's root hash (32 bytes).
    root_hash: bytes
    #: The whole signed note, signature lines included: the evidence to keep or report.
    note: str
    #: The cosignatures of the witness policy's witnesses that verified (empty without one).
    cosignatures: list[Cosignature]

@final
class VerificationResult:
    """What a successful verification proved."""

    #: The certificate identity (SAN), or ``None`` for a managed key.
    identity: Optional[str]
    #: The certificate's OIDC issuer, or ``None`` for a managed key.
    issuer: Optional[str]
    #: Every verified signing time (Unix seconds), earliest first.
    signing_times: list[int]
    #: The transparency log entries that verified.
    log_entries: list[LogEntry]
    #: ``(payload_type, payload)`` of a DSSE bundle, else ``None``.
    statement: Optional[tuple[str, bytes]]
    #: ``(item, index, code, name)`` of each item left out because it did not verify:
    #: ``item`` is ``"tlog_entry"``, ``"timestamp"`` or ``"sct"``.
    skipped: list[tuple[str, int, int, str]]
    #: The signing certificate's Fulcio extensions that hold text, ``(oid, value)`` in
    #: certificate order (empty for a managed key).
    extensions: list[tuple[str, str]]

def split_bundles(
    file: Union[str, bytes],
) -> tuple[str, list[tuple[str, Optional[str], bytes]]]:
    """Splits a file of bundles (gh JSON Lines, npm's attestations document, a PEP 740
    attestation or provenance object, or one bundle) into ``(kind, [(place, predicate_type,
    bundle_json)])``; kind is ``bundle``, ``json_lines``, ``attestations_document``,
    ``pypi_attestation`` or ``pypi_provenance``. Raises :class:`BundleError`,
    :class:`PyPIError` or :class:`LimitError` for a malformed file."""

@final
class PyPIResult:
    """One verified PyPI attestation."""

    #: Where it was: ``attestation``, or ``attestation_bundles[0].attestations[0]``.
    place: str
    #: The publisher's kind (``GitHub``, ``GitLab``, ``Google``, ``CircleCI``), for a provenance.
    publisher_kind: Optional[str]
    #: The publisher for people (``GitHub owner/repo (release.yml)``), for a provenance.
    publisher: Optional[str]
    #: The statement's predicate type.
    predicate_type: str
    #: The bundle verification's result.
    result: VerificationResult

@final
class Subject:
    """One subject of a verified in-toto statement."""

    #: ``name`` (an asset's file name on the release), or ``""`` when absent.
    name: str
    #: ``uri`` (a release's tag, as ``pkg:github/OWNER/REPO@TAG``), or ``""`` when absent.
    uri: str
    #: Algorithm (``sha256``, ``sha1``, ...) to hex digest, as the statement writes them.
    digest: dict[str, str]

@final
class ReleaseResult:
    """A verified GitHub release attestation."""

    #: ``predicate.repository``, as the attestation writes it.
    repository: str
    #: ``predicate.tag``.
    tag: str
    #: Every subject: the tag (by its git ref digest) and the release's assets.
    subjects: list[Subject]
    #: The subject each given asset matched, in the order of ``assets``.
    assets: list[Subject]
    #: The bundle verification's result (identity ``https://dotcom.releases.github.com``, no
    #: issuer, the timestamp's signing time).
    result: VerificationResult

def verify_release(
    bundle: Bundle,
    trusted_roots: Union[TrustedRoot, Sequence[TrustedRoot]],
    *,
    repo: str,
    tag: str,
    assets: Optional[Sequence[Union[bytes, Hashed]]] = None,
    tag_digest: Optional[str] = None,
    trust_domain: Optional[str] = None,
    now: Optional[int] = None,
) -> ReleaseResult:
    """Verifies a GitHub immutable-release attestation as ``gh release verify`` and
    ``gh release verify-asset`` check it: against the root of ``trusted_roots`` whose CA issued
    its certificate (else the last one; see :meth:`TrustedRoot.from_json_lines`), with GitHub's
    requirements (one timestamp, no tlog entry, no SCT), for the release ``tag`` of ``repo``
    (``OWNER/REPO``, compared without case), and with ``tag_digest`` (40 or 64 hex digits) the
    tag's git ref as a subject. ``trust_domain`` is a GHE.com tenant's (default ``dotcom``).
    Each of ``assets`` (the file's ``bytes``, or its SHA-256 as :class:`Hashed`) must be a
    subject. Raises :class:`ReleaseError` (``RELEASE_*``) and the pipeline's errors;
    ``ValueError`` when ``trusted_roots`` is empty or an asset's digest is not SHA-256."""

@final
class NpmAttestation:
    """One verified attestation of an npm package version."""

    #: Where it was in the attestations document: ``attestations[0]``.
    place: str
    #: ``publish`` (the registry's publish attestation) or ``provenance`` (the build's SLSA
    #: provenance, signed keyless).
    kind: Literal["publish", "provenance"]
    #: The registry key id that signed a publish attestation; ``None`` for the provenance.
    keyid: Optional[str]
    #: The statement's predicate type.
    predicate_type: str
    #: The bundle verification's result (``identity`` and ``issuer`` for the provenance,
    #: ``signing_times`` for both).
    result: VerificationResult

@final
class NpmResult:
    """A verified npm package version."""

    #: The package name (scoped names with their ``@scope/``).
    name: str
    #: The version.
    version: str
    #: The key ids of the registry signatures that verified (every one on the version did).
    signatures: list[str]
    #: The publish time the signatures' keys were judged by (Unix seconds).
    publish_time: int
    #: Where ``publish_time`` came from: ``attestation`` (the publish attestation's log time),
    #: ``packument`` (the packument's ``time[VERSION]``, unsigned) or ``assumed`` (neither:
    #: pacote's stand-in, 2015-01-01).
    publish_time_source: Literal["attestation", "packument", "assumed"]
    #: Every attestation of the document, each verified, in document order.
    attestations: list[NpmAttestation]
    #: Whether the tarball itself was checked against the version's integrity.
    tarball_checked: bool

@final
class FirmwareStatement:
    """The predicate of a verified firmware statement: an in-toto statement of predicate type
    :data:`FIRMWARE_PREDICATE_TYPE` whose subject is the image."""

    @staticmethod
    def from_result(result: VerificationResult) -> "FirmwareStatement":
        """Reads the statement of a verification result (which only a verification makes).
        Raises :class:`DSSEError` (``DSSE_ENVELOPE_MISSING`` for a message signature,
        ``DSSE_PREDICATE_TYPE_MISMATCH`` for another predicate type) or :class:`FirmwareError`
        (``FIRMWARE_STATEMENT_INVALID`` for a predicate member missing or malformed)."""
    @property
    def security_version(self) -> int:
        """``securityVersion``: the monotonic version an anti-rollback counter is compared
        with (0 to 2**32 - 1)."""
    @property
    def vendor(self) -> str:
        """``vendor``: the vendor's UUID, lowercased."""
    @property
    def class_(self) -> str:
        """``class``: the device class's UUID, lowercased (``class_``: ``class`` is a Python
        keyword)."""
    @property
    def min_hardware_revision(self) -> Optional[int]:
        """``minHardwareRevision``: the lowest device revision the image runs on, or ``None``."""
    @property
    def version(self) -> Optional[str]:
        """``version``: the release's name for people, or ``None`` (never judged)."""

@final
class FirmwarePolicy:
    """What a device is: its vendor and class (UUIDs) and hardware revision, which judge a
    :class:`FirmwareStatement` together with the installed security version."""

    def __new__(cls, vendor: str, class_: str, hardware_revision: int = 0) -> "FirmwarePolicy":
        """UUIDs in canonical text, any case; raises :class:`FirmwareError`
        (``FIRMWARE_POLICY_INVALID``) for anything else."""
    def check(self, statement: FirmwareStatement, installed: int) -> None:
        """Whether the image is for this device and newer than ``installed`` (the device's
        anti-rollback counter): raises :class:`FirmwareError` (``FIRMWARE_VENDOR_MISMATCH``,
        ``FIRMWARE_CLASS_MISMATCH``, ``FIRMWARE_HARDWARE_UNSUPPORTED``, then
        ``FIRMWARE_VERSION_NOT_NEWER``, also for an equal version)."""
    def check_applies(self, statement: FirmwareStatement) -> None:
        """Whether the image is for this device (vendor, class, hardware), whatever its
        version: what a device checks before it writes anything."""

@final
class Config:
    """What a deployment requires of every bundle: how many distinct transparency logs,
    timestamp authorities, trusted signing times and CT logs must vouch for it."""

    #: Distinct transparency logs whose entries must verify.
    tlog_entries: int
    #: Distinct timestamp authorities whose RFC 3161 timestamps must verify.
    signed_timestamps: int
    #: Trusted signing times of either kind; 0 only with a managed key and no tlog entry
    #: (the key's window is then checked at ``now``), which the verification enforces
    #: (``TIME_THRESHOLD_ZERO_NOT_ALLOWED``).
    observer_timestamps: int
    #: Distinct CT logs whose embedded SCTs must verify.
    certificate_timestamps: int
    def __new__(
        cls,
        *,
        tlog_entries: Optional[int] = None,
        signed_timestamps: Optional[int] = None,
        observer_timestamps: Optional[int] = None,
        certificate_timestamps: Optional[int] = None,
    ) -> "Config":
        """Thresholds; each one not given is the public-good profile's (1, 0, 1, 1). An
        ``observer_timestamps`` of 0 is accepted here and judged by the verification
        (``TIME_THRESHOLD_ZERO_NOT_ALLOWED`` unless the policy is a managed key and
        ``tlog_entries`` is 0)."""
    @staticmethod
    def public_good() -> "Config":
        """One tlog entry, one SCT, one signing time."""
    @staticmethod
    def github_private() -> "Config":
        """GitHub's instance for private repositories: one timestamp, no tlog entry, no SCT."""

@final
class WitnessPolicy:
    """A witness policy (``c2sp.org/tlog-policy``): ``log <vkey> [<url>]``, ``witness <name>
    <vkey> [<url>]``, ``group <name> all|any|<k> <name>...``, ``quorum <name>|none``. Given to a
    :class:`Verifier`, every checkpoint that proves a tlog entry must carry verified
    cosignatures meeting the quorum (and come from a listed log, when any is listed)."""

    def __new__(cls, text: Union[str, bytes]) -> "WitnessPolicy":
        """Parses a policy file; raises :class:`WitnessError` (``WITNESS_POLICY_INVALID``,
        ``WITNESS_POLICY_DUPLICATE_KEY``, ``WITNESS_KEY_UNSUPPORTED``) or :class:`LimitError`."""
    @property
    def witness_count(self) -> int:
        """How many witnesses the policy names."""
    @property
    def required(self) -> bool:
        """Whether the policy asks anything of a checkpoint (a quorum, or a list of logs)."""

@final
class TlogProof:
    """A ``c2sp.org/tlog-proof@v1`` file: an entry's index, its inclusion proof and the
    (cosigned) checkpoint it leads to, handed in beside a bundle (``tlog_proofs=``). Nothing in
    it is trusted: it replaces the proof of the bundle entry it proves only when that entry has
    none or one of a smaller tree, and the verification checks it as the bundle's own."""

    def __new__(cls, text: Union[str, bytes]) -> "TlogProof":
        """Parses a tlog proof; raises :class:`WitnessError` (``TLOG_PROOF_INVALID``, also for
        bytes that are not UTF-8) or :class:`LimitError`."""
    @property
    def index(self) -> int:
        """The entry's index in the checkpointed tree."""
    @property
    def tree_size(self) -> int:
        """The checkpoint's tree size."""
    @property
    def root_hash(self) -> bytes:
        """The checkpoint's root hash."""
    @property
    def checkpoint(self) -> str:
        """The checkpoint as a signed note, verbatim."""

@final
class RememberedCheckpoint:
    """A checkpoint a :class:`LogState` remembers."""

    #: The checkpoint's origin line, which names the log.
    origin: str
    #: Its tree size.
    size: int
    #: Its root hash.
    root_hash: bytes
    #: The signed note as the log signed it: the evidence, should a later checkpoint conflict.
    note: str

@final
class Observation:
    """What :meth:`LogState.observe` found for one checkpoint."""

    #: The log's origin line.
    origin: str
    #: The checkpoint's tree size.
    size: int
    #: ``first`` (no checkpoint of the log was remembered; this one now is), ``same`` (the
    #: remembered tree), ``extended`` (a larger tree proven to extend it, now remembered) or
    #: ``older`` (a smaller tree proven to be a prefix of it, which stays).
    kind: Literal["first", "same", "extended", "older"]
    #: The tree size remembered before, ``None`` for ``first``.
    remembered: Optional[int]

@final
class ConsistencyProof:
    """An RFC 9162 consistency proof between two trees of one log, as Rekor serves it."""

    @staticmethod
    def from_json(doc: Union[str, bytes]) -> "ConsistencyProof":
        """Reads ``{"rootHash": "<hex>", "hashes": ["<hex>", ...]}``; raises
        :class:`LogStateError` (``LOG_CONSISTENCY_PROOF_MALFORMED``) or :class:`LimitError`."""
    @property
    def root_hash(self) -> bytes:
        """The root hash of the larger tree, which says which pair of checkpoints it is for."""
    @property
    def hashes(self) -> list[bytes]:
        """The proof's hashes, in RFC 9162 order."""

@final
class LogState:
    """The last checkpoint seen of each log, kept between verifications so that a log showing
    two views (a split view) is caught without any network. It only ever refuses: a tampered
    state can make a verification fail, never pass; its signatures are not checked again.
    Store ``to_text()`` and pass it back next time."""

    def __new__(cls, text: Union[str, bytes, None] = None) -> "LogState":
        """An empty state, or the one ``text`` holds; raises :class:`LogStateError`
        (``LOG_STATE_INVALID``, also for bytes that are not UTF-8) or :class:`LimitError`."""
    def to_text(self) -> str:
        """The state as text, to store."""
    def checkpoint(self, origin: str) -> Optional[RememberedCheckpoint]:
        """The remembered checkpoint of the log with this origin, or ``None``."""
    @property
    def logs(self) -> list[RememberedCheckpoint]:
        """Every remembered checkpoint, in the order first seen."""
    def observe(
        self, result: VerificationResult, proofs: Sequence[ConsistencyProof] = ()
    ) -> list[Observation]:
        """Checks the checkpoint of every log entry of ``result`` against the state, with
        ``proofs`` for trees of another size than the remembered one, and remembers each larger
        tree; returns what it found per checkpoint. All or nothing: on a refusal the state is
        unchanged and :class:`LogStateError` is raised (``LOG_SPLIT_VIEW``,
        ``LOG_CONSISTENCY_PROOF_MISSING``, ``LOG_CONSISTENCY_PROOF_INVALID``), and
        :meth:`checkpoint` still holds the remembered checkpoint, the evidence beside the
        presented one."""

@final
class Verifier:
    """A verifier over one trusted root, with the public-good requirements (one verified tlog
    entry, one embedded SCT, one trusted signing time) unless ``config`` says otherwise, and
    with ``witness_policy`` (else the one the trusted root gives a log, if any) judging every
    checkpoint. Thread-safe; the GIL is released while verifying."""

    def __new__(
        cls,
        *,
        trusted_root: TrustedRoot,
        config: Optional[Config] = None,
        witness_policy: Optional[WitnessPolicy] = None,
    ) -> "Verifier":
        """A verifier over ``trusted_root``."""
    @staticmethod
    def production(
        *, config: Optional[Config] = None, witness_policy: Optional[WitnessPolicy] = None
    ) -> "Verifier":
        """A verifier over the compiled-in production root."""
    @staticmethod
    def staging(
        *, config: Optional[Config] = None, witness_policy: Optional[WitnessPolicy] = None
    ) -> "Verifier":
        """A verifier over the compiled-in staging root."""
    @staticmethod
    def from_tuf(
        *,
        timestamp: bytes,
        snapshot: bytes,
        targets: bytes,
        target_files: Mapping[str, bytes],
        roots: Sequence[bytes] | None = None,
        anchor: Optional[bytes] = None,
        staging: bool = False,
        state: Optional[TufState] = None,
        now: Optional[int] = None,
        config: Optional[Config] = None,
        witness_policy: Optional[WitnessPolicy] = None,
    ) -> "Verifier":
        """A verifier over the trusted root that TUF metadata yields (see
        :meth:`TrustedRoot.from_tuf`)."""
    @property
    def config(self) -> Config:
        """The requirements this verifier applies."""
    def verify_artifact(
        self,
        input_: Union[bytes, Hashed],
        bundle: Bundle,
        policy: VerificationPolicy,
        *,
        now: Optional[int] = None,
        predicate_type: Optional[str] = None,
        tlog_proofs: Sequence[TlogProof] = (),
    ) -> VerificationResult:
        """Verifies ``bundle`` over the artifact for ``policy`` at ``now`` (Unix seconds;
        default: the system clock). Raises a :class:`VerificationError` subclass on failure.
        With ``predicate_type``, the bundle must be an attestation with that in-toto predicate
        type (``DSSE_PREDICATE_TYPE_MISMATCH``; ``DSSE_ENVELOPE_MISSING`` for a message
        signature). Each of ``tlog_proofs`` is attached, in order, to the bundle entry it
        proves before verifying (``TLOG_PROOF_UNMATCHED`` when it proves none); ``bundle``
        itself is not changed."""
    def verify_dsse(
        self,
        bundle: Bundle,
        policy: VerificationPolicy,
        *,
        now: Optional[int] = None,
        predicate_type: Optional[str] = None,
        tlog_proofs: Sequence[TlogProof] = (),
    ) -> tuple[str, bytes]:
        """Verifies a DSSE bundle without the artifact (match the in-toto subjects yourself);
        returns ``(payload_type, payload)``. A message-signature bundle raises
        ``ARTIFACT_REQUIRED``. With ``predicate_type``, the statement must have that in-toto
        predicate type (``DSSE_PREDICATE_TYPE_MISMATCH``). ``tlog_proofs`` as in
        :meth:`verify_artifact`."""
    def verify_pypi(
        self,
        distribution: str,
        sha256: bytes,
        provenance: Union[str, bytes],
        *,
        repository: Optional[str] = None,
        gcp_service_account: Optional[str] = None,
        circleci: Optional[tuple[str, str]] = None,
        now: Optional[int] = None,
    ) -> list[PyPIResult]:
        """Verifies a PyPI provenance (PEP 740) against the distribution file named
        ``distribution`` whose SHA-256 is ``sha256``: every publisher must be the one expected
        (``repository`` URL for GitHub and GitLab, ``gcp_service_account``, or ``circleci=
        (project_id, pipeline_definition_id)``) and every attestation must verify for its
        publisher and name the file. Raises :class:`PyPIError` and the pipeline's errors."""
    def verify_pypi_attestation(
        self,
        distribution: str,
        sha256: bytes,
        attestation: Union[str, bytes],
        policy: VerificationPolicy,
        *,
        now: Optional[int] = None,
    ) -> PyPIResult:
        """Verifies one PEP 740 attestation object for ``policy`` against the distribution
        file named ``distribution`` whose SHA-256 is ``sha256``."""
    def verify_npm(
        self,
        *,
        keys: Union[str, bytes],
        packument: Union[str, bytes],
        version: Optional[str] = None,
        tarball: Union[bytes, Hashed, None] = None,
        attestations: Union[str, bytes, None] = None,
        policy: Optional[VerificationPolicy] = None,
        now: Optional[int] = None,
    ) -> NpmResult:
        """Verifies an npm package version as ``npm audit signatures`` does: every registry
        signature in ``packument`` (a version document, or the full packument with
        ``version``) by its key in ``keys`` (either form of ``keys.json``), made before the key
        expired; every bundle of the ``attestations`` document (the publish attestation by its
        registry key, the provenance keyless for ``policy``, or any Fulcio identity when
        ``None``, as npm), each naming the package and its SHA-512; and the ``tarball``
        (``bytes``, or ``Hashed`` with ``HashAlgorithm.SHA2_512``; ``None`` takes the
        integrity as the packument states it). Raises :class:`NpmError` (``NPM_*``), the
        pipeline's errors for a bundle, ``TypeError`` or ``ValueError`` for an argument of the
        wrong kind."""

@final
class Condition:
    """A native condition on the signing certificate (use :mod:`sigverify.policy`)."""

    @staticmethod
    def identity(identity: str) -> "Condition": ...
    @staticmethod
    def issuer(issuer: str) -> "Condition": ...
    @staticmethod
    def identity_matching(pattern: str) -> "Condition": ...
    @staticmethod
    def issuer_matching(pattern: str) -> "Condition": ...
    @staticmethod
    def extension(oid: str, value: str) -> "Condition": ...
    @staticmethod
    def all_of(conditions: list["Condition"]) -> "Condition": ...
    @staticmethod
    def any_of(conditions: list["Condition"]) -> "Condition": ...

@final
class Policy:
    """A native policy (use :mod:`sigverify.policy`)."""

    @staticmethod
    def certificate(condition: Condition) -> "Policy": ...
    @staticmethod
    def github(
        *,
        owner: Optional[str] = None,
        repo: Optional[str] = None,
        signer_workflow: Optional[str] = None,
        signer_repo: Optional[str] = None,
        source_ref: Optional[str] = None,
        source_digest: Optional[str] = None,
        signer_digest: Optional[str] = None,
        issuer: Optional[str] = None,
        host: Optional[str] = None,
        deny_self_hosted_runners: bool = False,
    ) -> "Policy": ...
    @staticmethod
    def public_key(
        key: Union[str, bytes],
        *,
        not_before: Optional[int] = None,
        not_after: Optional[int] = None,
    ) -> "Policy": ...
