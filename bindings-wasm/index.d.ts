// Types of the `sigverify` npm package. ErrorName below is checked against the core's error
// table by test/node/api.test.mjs, so it cannot drift from core/src/error.rs.

/** The core's stable error names (see `ERROR_CODES` for the numeric codes). */
export type ErrorName =
  | 'BUNDLE_JSON_INVALID'
  | 'BUNDLE_MEDIA_TYPE_UNKNOWN'
  | 'BUNDLE_BASE64_INVALID'
  | 'BUNDLE_INTEGER_INVALID'
  | 'BUNDLE_CERTIFICATE_CHAIN_EMPTY'
  | 'BUNDLE_INCLUSION_PROOF_MISSING'
  | 'BUNDLE_INCLUSION_PROMISE_MISSING'
  | 'BUNDLE_VERIFICATION_MATERIAL_MISSING'
  | 'BUNDLE_CONTENT_MISSING'
  | 'BUNDLE_CHAIN_CONTAINS_ROOT'
  | 'BUNDLE_CERTIFICATE_INVALID'
  | 'BUNDLE_DIGEST_ALGORITHM_UNSUPPORTED'
  | 'BUNDLE_DSSE_SIGNATURE_COUNT'
  | 'TRUST_ROOT_JSON_INVALID'
  | 'TRUST_ROOT_MEDIA_TYPE_UNKNOWN'
  | 'TRUST_ROOT_VALIDITY_START_MISSING'
  | 'TRUST_ROOT_TIME_INVALID'
  | 'TRUST_ROOT_KEY_INVALID'
  | 'TRUST_ROOT_CERTIFICATE_INVALID'
  | 'TRUST_ROOT_BASE64_INVALID'
  | 'TRUST_ROOT_NAME_UNKNOWN'
  | 'TRUST_ROOT_WITNESS_CONFIG_INVALID'
  | 'KEY_UNSUPPORTED'
  | 'KEY_INVALID'
  | 'KEY_ALGORITHM_NOT_BUILT'
  | 'CERT_CHAIN_UNTRUSTED'
  | 'CERT_NOT_VALID_AT_SIGNING_TIME'
  | 'CERT_IS_CA'
  | 'CERT_KEY_USAGE_INVALID'
  | 'CERT_EXTENDED_KEY_USAGE_INVALID'
  | 'CERT_EXTENSION_INVALID'
  | 'CERT_IDENTITY_MISSING'
  | 'CERT_ISSUER_MISSING'
  | 'CERT_ISSUER_CONFLICT'
  | 'CERT_CRITICAL_EXTENSION_UNKNOWN'
  | 'CERT_IS_PRECERTIFICATE'
  | 'CERT_EXTENSION_DUPLICATE'
  | 'CERT_SIGNATURE_ALGORITHM_MISMATCH'
  | 'SCT_MISSING'
  | 'SCT_LIST_INVALID'
  | 'SCT_LOG_UNKNOWN'
  | 'SCT_SIGNATURE_INVALID'
  | 'SCT_LOG_NOT_VALID_AT_TIME'
  | 'TLOG_KEY_UNKNOWN'
  | 'TLOG_BODY_INVALID'
  | 'TLOG_BODY_MISMATCH'
  | 'TLOG_KIND_UNSUPPORTED'
  | 'TLOG_INCLUSION_PROMISE_INVALID'
  | 'TLOG_INCLUSION_PROOF_INVALID'
  | 'TLOG_CHECKPOINT_INVALID'
  | 'TLOG_CHECKPOINT_SIGNATURE_MISSING'
  | 'TLOG_CHECKPOINT_SIGNATURE_INVALID'
  | 'TLOG_CHECKPOINT_ROOT_MISMATCH'
  | 'TLOG_CHECKPOINT_ORIGIN_MISMATCH'
  | 'TLOG_INTEGRATED_TIME_IN_FUTURE'
  | 'TLOG_KEY_NOT_VALID_AT_TIME'
  | 'TLOG_ENTRY_UNVERIFIABLE'
  | 'TLOG_ENTRY_DUPLICATE'
  | 'TLOG_LOG_INDEX_MISMATCH'
  | 'TIMESTAMP_INVALID'
  | 'TIMESTAMP_IMPRINT_MISMATCH'
  | 'TIMESTAMP_SIGNED_ATTRIBUTES_INVALID'
  | 'TIMESTAMP_SIGNATURE_INVALID'
  | 'TIMESTAMP_CHAIN_UNTRUSTED'
  | 'TIMESTAMP_TSA_NOT_VALID_AT_TIME'
  | 'TIMESTAMP_DUPLICATE'
  | 'TIMESTAMP_CERT_NOT_VALID_AT_TIME'
  | 'TIMESTAMP_SIGNER_INVALID'
  | 'TIMESTAMP_NOT_BUILT'
  | 'DSSE_SIGNATURE_INVALID'
  | 'DSSE_PAYLOAD_TYPE_UNSUPPORTED'
  | 'DSSE_STATEMENT_INVALID'
  | 'DSSE_SUBJECT_MISMATCH'
  | 'DSSE_PREDICATE_TYPE_MISMATCH'
  | 'DSSE_ENVELOPE_MISSING'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURE_DIGEST_MISMATCH'
  | 'ARTIFACT_DIGEST_INSUFFICIENT'
  | 'ARTIFACT_REQUIRED'
  | 'POLICY_IDENTITY_MISMATCH'
  | 'POLICY_ISSUER_MISMATCH'
  | 'POLICY_MATERIAL_MISMATCH'
  | 'POLICY_KEY_INVALID'
  | 'POLICY_EXTENSION_MISMATCH'
  | 'POLICY_ANY_OF_EMPTY'
  | 'POLICY_CONDITION_INVALID'
  | 'POLICY_ALL_OF_EMPTY'
  | 'POLICY_VALUE_EMPTY'
  | 'POLICY_PATTERN_INVALID'
  | 'POLICY_KEY_VALIDITY_INVALID'
  | 'POLICY_KEY_NOT_VALID_AT_SIGNING_TIME'
  | 'POLICY_KEY_NOT_VALID_NOW'
  | 'TLOG_THRESHOLD_NOT_MET'
  | 'TIMESTAMP_THRESHOLD_NOT_MET'
  | 'TIME_THRESHOLD_NOT_MET'
  | 'SCT_THRESHOLD_NOT_MET'
  | 'TIME_THRESHOLD_ZERO_NOT_ALLOWED'
  | 'LIMIT_EXCEEDED'
  | 'TUF_METADATA_INVALID'
  | 'TUF_JSON_DUPLICATE_KEY'
  | 'TUF_JSON_NOT_CANONICAL'
  | 'TUF_TYPE_MISMATCH'
  | 'TUF_SPEC_VERSION_UNSUPPORTED'
  | 'TUF_THRESHOLD_NOT_MET'
  | 'TUF_ROOT_NOT_SIGNED_BY_PREVIOUS'
  | 'TUF_ROOT_VERSION_NOT_NEXT'
  | 'TUF_METADATA_EXPIRED'
  | 'TUF_ROLLBACK'
  | 'TUF_VERSION_MISMATCH'
  | 'TUF_METADATA_LENGTH_MISMATCH'
  | 'TUF_METADATA_HASH_MISMATCH'
  | 'TUF_HASH_ALGORITHM_UNKNOWN'
  | 'TUF_META_MISSING'
  | 'TUF_TARGET_UNKNOWN'
  | 'TUF_TARGET_LENGTH_MISMATCH'
  | 'TUF_TARGET_HASH_MISMATCH'
  | 'TUF_TARGET_MISSING'
  | 'TUF_STATE_INVALID'
  | 'TUF_SIGNATURE_KEYID_REPEATED'
  | 'TUF_STATE_NOT_FROM_ANCHOR'
  | 'TUF_TIMESTAMP_CHANGED'
  | 'PYPI_ATTESTATION_INVALID'
  | 'PYPI_PROVENANCE_INVALID'
  | 'PYPI_PUBLISHER_UNKNOWN'
  | 'PYPI_PUBLISHER_MISMATCH'
  | 'PYPI_DISTRIBUTION_NAME_INVALID'
  | 'PYPI_SUBJECT_COUNT'
  | 'PYPI_DISTRIBUTION_NAME_MISMATCH'
  | 'PYPI_DISTRIBUTION_DIGEST_MISMATCH'
  | 'PYPI_PREDICATE_TYPE_UNKNOWN'
  | 'PYPI_PROVENANCE_EMPTY'
  | 'RELEASE_POLICY_INVALID'
  | 'RELEASE_PREDICATE_INVALID'
  | 'RELEASE_REPOSITORY_MISMATCH'
  | 'RELEASE_TAG_MISMATCH'
  | 'RELEASE_TAG_DIGEST_MISMATCH'
  | 'RELEASE_ASSET_NOT_ATTESTED'
  | 'NPM_KEYS_INVALID'
  | 'NPM_PACKAGE_INVALID'
  | 'NPM_SIGNATURE_MISSING'
  | 'NPM_SIGNATURE_KEY_UNKNOWN'
  | 'NPM_SIGNATURE_KEY_EXPIRED'
  | 'NPM_SIGNATURE_INVALID'
  | 'NPM_INTEGRITY_MISMATCH'
  | 'NPM_ATTESTATIONS_MISSING'
  | 'NPM_ATTESTATION_KEY_UNKNOWN'
  | 'NPM_SUBJECT_NAME_MISMATCH'
  | 'NPM_SUBJECT_DIGEST_MISMATCH'
  | 'WITNESS_POLICY_INVALID'
  | 'WITNESS_POLICY_DUPLICATE_KEY'
  | 'WITNESS_KEY_UNSUPPORTED'
  | 'WITNESS_COSIGNATURE_INVALID'
  | 'WITNESS_COSIGNATURE_IN_FUTURE'
  | 'WITNESS_QUORUM_NOT_MET'
  | 'WITNESS_CHECKPOINT_MISSING'
  | 'WITNESS_LOG_UNLISTED'
  | 'LOG_STATE_INVALID'
  | 'LOG_CONSISTENCY_PROOF_MISSING'
  | 'LOG_CONSISTENCY_PROOF_INVALID'
  | 'LOG_SPLIT_VIEW'
  | 'LOG_CONSISTENCY_PROOF_MALFORMED'
  | 'TLOG_PROOF_INVALID'
  | 'TLOG_PROOF_UNMATCHED'
  | 'FIRMWARE_STATEMENT_INVALID'
  | 'FIRMWARE_VENDOR_MISMATCH'
  | 'FIRMWARE_CLASS_MISMATCH'
  | 'FIRMWARE_HARDWARE_UNSUPPORTED'
  | 'FIRMWARE_VERSION_NOT_NEWER'
  | 'FIRMWARE_POLICY_INVALID';

/** Every core error, `{ code, name }`, in the core's table order. */
export declare const ERROR_CODES: ReadonlyArray<{ readonly code: number; readonly name: ErrorName }>;

/** Thrown when a bundle does not verify, or a trusted root or key does not load. */
export declare class VerificationError extends Error {
  /** The core's stable numeric code, e.g. 1000. */
  readonly code: number;
  /** The core's stable name, e.g. `"POLICY_IDENTITY_MISMATCH"`. */
  readonly name: ErrorName;
  private constructor(code: number, name: ErrorName, message: string);
}

/** A JSON document: its text, its UTF-8 bytes, or the parsed value. */
export type JsonInput = string | Uint8Array | ArrayBuffer | ArrayBufferView | object;

/**
 * The signed artifact: its bytes, or only its digest (`sha256:` + 64 hex digits; `sha384:`,
 * `sha512:`), or several digests of it (`{ digests: { sha256, sha512 } }`), of which each bundle
 * takes the one `artifactHash` names (a TypeError when it is missing): how a file of bundles is
 * verified against an artifact hashed once as a stream.
 */
export type ArtifactInput = Uint8Array | ArrayBuffer | ArrayBufferView | { digest: string } | { digests: Partial<Record<HashAlgorithm, string>> };

/**
 * A condition on the Fulcio signing certificate. Values compare exactly. When several keys are
 * given, all of them must hold.
 */
export interface Condition {
  /** The certificate SAN (workflow URL or e-mail) equals this. */
  identity?: string;
  /** The identity matches this regular expression as a whole (anchored at both ends; write
   * `.*` to search). Linear-time matching; at most 1024 bytes. */
  identityRegex?: string;
  /** The OIDC issuer matches this regular expression as a whole. */
  issuerRegex?: string;
  /** The OIDC issuer equals this. */
  issuer?: string;
  /** The Fulcio extension `oid` (dotted, `1.3.6.1.4.1.57264.1.*`) equals `value`. */
  extension?: { oid: string; value: string };
  /** Every condition holds. */
  allOf?: Condition[];
  /** At least one condition holds. */
  anyOf?: Condition[];
}

/**
 * Who built the artifact, as `gh attestation verify` checks it: `owner` or `repo`
 * (`'OWNER/REPO'`), then optionally the signing workflow (`signerWorkflow`
 * `'OWNER/REPO/.github/workflows/FILE[@REF]'`, the whole path, or `signerRepo`), `sourceRef`
 * (in full, `'refs/tags/v1.2.3'`), `sourceDigest`, `signerDigest`, `issuer` (default: GitHub
 * Actions of `host`), `host` (`'github.com'` or a `'NAME.ghe.com'` tenant) and
 * `denySelfHostedRunners`. Read from the certificate's Fulcio extensions; names compare
 * without regard to case.
 */
export interface GitHubPolicy {
  owner?: string;
  repo?: string;
  signerWorkflow?: string;
  signerRepo?: string;
  sourceRef?: string;
  sourceDigest?: string;
  signerDigest?: string;
  issuer?: string;
  host?: string;
  denySelfHostedRunners?: boolean;
}

/**
 * A managed key's validity window, both ends included (npm's `expires`, a product key's rotation
 * dates), each a Date or Unix milliseconds. Every proven signing time must lie inside it
 * (`POLICY_KEY_NOT_VALID_AT_SIGNING_TIME`); with `observerTimestamps: 0` and no proven time,
 * the verification time must (`POLICY_KEY_NOT_VALID_NOW`).
 */
export interface KeyValidity {
  notBefore?: Date | number;
  notAfter?: Date | number;
}

/** Who must have signed: certificate conditions, a GitHub policy, or a managed key (PEM text or DER bytes). */
export type Policy =
  | Condition
  | { github: GitHubPolicy }
  | { key: string | Uint8Array; keyValidity?: KeyValidity };

/** Options of every verify call. */
export interface VerifyOptions {
  /** When to verify: a Date or Unix milliseconds. Defaults to `Date.now()`. */
  now?: Date | number;
  /**
   * Require an attestation with this in-toto predicate type (e.g.
   * `https://slsa.dev/provenance/v1`): throws DSSE_PREDICATE_TYPE_MISMATCH, or
   * DSSE_ENVELOPE_MISSING for a message signature.
   */
  predicateType?: string;
  /**
   * `c2sp.org/tlog-proof` files (or their text), each attached in order to the bundle entry it
   * proves before verifying: it replaces that entry's proof when the entry has none or one of
   * a smaller tree, and is then checked as the bundle's own. TLOG_PROOF_UNMATCHED when one
   * proves no entry; TLOG_PROOF_INVALID for malformed text.
   */
  tlogProofs?: Array<TlogProof | string>;
}

/** One transparency-log entry that verified. */
export interface LogEntry {
  logIndex: number;
  /** SHA-256 of the log's public key, lowercase hex. */
  logId: string;
  logUrl: string;
  /** Unix seconds, or null (Rekor v2 entries have none). */
  integratedTime: number | null;
  /** The checkpoint that proved the entry's inclusion, or null (an inclusion promise alone). */
  checkpoint: SignedCheckpoint | null;
}

/** A checkpoint whose log signature verified, with the cosignatures the witness policy verified. */
export interface SignedCheckpoint {
  /** The origin line: the log's identity (`rekor.sigstore.dev - <tree id>`, or a Rekor v2 log's host). */
  origin: string;
  /** The tree size (a bigint above `Number.MAX_SAFE_INTEGER`). */
  size: number | bigint;
  /** The tree's root hash, lowercase hex. */
  rootHash: string;
  /** The whole signed note, signature lines included: the evidence to keep or report. */
  note: string;
  /** The witness cosignatures that verified (empty without a witness policy). */
  cosignatures: Cosignature[];
}

/** A witness cosignature that verified. */
export interface Cosignature {
  /** The witness's name in the witness policy. */
  witness: string;
  /** When the witness cosigned: Unix seconds (its own clock), as every time of a result. */
  time: number;
}

/** A verified DSSE envelope payload. */
export interface Statement {
  payloadType: string;
  payload: Uint8Array;
}

/** What verified: a plain object. */
export interface VerificationResult {
  /** The certificate identity (SAN), or null for a managed key. */
  identity: string | null;
  /** The OIDC issuer, or null for a managed key. */
  issuer: string | null;
  /** Every verified signing time, Unix seconds, earliest first. */
  signingTimes: number[];
  logEntries: LogEntry[];
  /** The DSSE statement for DSSE bundles, else null. */
  statement: Statement | null;
  /** Items that did not verify and were left out (the thresholds were met without them). */
  skipped: Skipped[];
  /** The signing certificate's Fulcio extensions that hold text, OID to value (empty for a managed key). */
  extensions: Record<string, string>;
}

/** An item of the bundle left out of a successful verification, with the reason. */
export interface Skipped {
  item: 'tlogEntry' | 'timestamp' | 'sct';
  /** Its position in the bundle (for an SCT: in the certificate's SCT list). */
  index: number;
  /** The core error that made it fail. */
  code: number;
  name: ErrorName;
}

/**
 * What a deployment requires of every bundle: how many distinct transparency logs, timestamp
 * authorities, trusted signing times and CT logs must vouch. Missing counts take the
 * public-good value (1, 0, 1, 1).
 */
export interface Thresholds {
  tlogEntries?: number;
  signedTimestamps?: number;
  /**
   * Proven signing times of either kind (integrated times, signed timestamps). 0 only with a
   * managed key and `tlogEntries: 0` (a key signing offline): the key's window is then checked
   * at the verification time and `signingTimes` is empty. Elsewhere 0 is
   * `TIME_THRESHOLD_ZERO_NOT_ALLOWED`.
   */
  observerTimestamps?: number;
  certificateTimestamps?: number;
}

/** How a verifier checks signatures. */
export interface VerifierOptions {
  /**
   * The requirements: `'public-good'` (the default), `'github-private'` (GitHub's instance for
   * private repositories: one timestamp, no tlog entry, no SCT), or explicit thresholds.
   */
  config?: 'public-good' | 'github-private' | Thresholds;
  /**
   * Hand ECDSA signature checks to the runtime's own implementation where it has a synchronous
   * one (Node >= 20.16: OpenSSL through `node:crypto`); default true. Browsers have none, so
   * there the synchronous methods check them in WebAssembly either way (and the async methods,
   * whenever node:crypto is not in use, in WebCrypto). Keys and signature encodings are always
   * validated by the WebAssembly code, so the outcome is the same.
   */
  platformCrypto?: boolean;
  /**
   * A witness policy (or its text) every checkpoint that proves a tlog entry must meet; in
   * place of the one the trusted root gives a log, if any. Throws VerificationError (WITNESS_*)
   * for malformed text.
   */
  witnessPolicy?: WitnessPolicy | string | Uint8Array;
}

/**
 * A witness policy (`c2sp.org/tlog-policy`: `log`, `witness`, `group` and `quorum` lines).
 * Given to a verifier, every checkpoint that proves a tlog entry must carry verified
 * cosignatures meeting the quorum (and come from a listed log, when any is listed).
 */
export declare class WitnessPolicy {
  /** Throws VerificationError (WITNESS_POLICY_INVALID, WITNESS_POLICY_DUPLICATE_KEY, WITNESS_KEY_UNSUPPORTED, LIMIT_EXCEEDED). */
  constructor(text: string | Uint8Array);
  /** How many witnesses the policy names. */
  readonly witnessCount: number;
  /** Whether the policy asks anything of a checkpoint (a quorum, or a list of logs). */
  readonly required: boolean;
}

/**
 * A `c2sp.org/tlog-proof@v1` file: an entry's index, its inclusion proof and the (cosigned)
 * checkpoint it leads to, handed in beside a bundle (`VerifyOptions.tlogProofs`). Nothing in it
 * is trusted.
 */
export declare class TlogProof {
  /** Throws VerificationError (TLOG_PROOF_INVALID, also for bytes that are not UTF-8). */
  constructor(text: string | Uint8Array);
  /** The entry's index in the checkpointed tree. */
  readonly index: number | bigint;
  /** The checkpoint's tree size. */
  readonly treeSize: number | bigint;
  /** The checkpoint's root hash, lowercase hex. */
  readonly rootHash: string;
  /** The checkpoint as a signed note, verbatim. */
  readonly checkpoint: string;
}

/** An RFC 9162 consistency proof between two trees of one log, as Rekor serves it. */
export declare class ConsistencyProof {
  /** `{ "rootHash": "<hex>", "hashes": ["<hex>", ...] }`; throws VerificationError (LOG_CONSISTENCY_PROOF_MALFORMED). */
  constructor(json: JsonInput);
  /** As the constructor. */
  static fromJson(json: JsonInput): ConsistencyProof;
  /** The root hash of the larger tree (lowercase hex): which pair of checkpoints it is for. */
  readonly rootHash: string;
  /** The proof's hashes, lowercase hex, in RFC 9162 order. */
  readonly hashes: readonly string[];
}

/** A checkpoint a `LogState` remembers. */
export interface RememberedCheckpoint {
  /** The origin line, which names the log. */
  origin: string;
  size: number | bigint;
  /** Lowercase hex. */
  rootHash: string;
  /** The signed note as the log signed it: the evidence, should a later checkpoint conflict. */
  note: string;
}

/** What `LogState.observe` found for one checkpoint. */
export interface Observation {
  origin: string;
  /** The checkpoint's tree size. */
  size: number | bigint;
  /**
   * `first` (no checkpoint of the log was remembered; this one now is), `same` (the remembered
   * tree), `extended` (a larger tree proven to extend it, now remembered) or `older` (a smaller
   * tree proven to be a prefix of it, which stays).
   */
  kind: 'first' | 'same' | 'extended' | 'older';
  /** The tree size remembered before; null for `first`. */
  remembered: number | bigint | null;
}

/**
 * The last checkpoint seen of each log, kept between verifications so that a log showing two
 * views (a split view) is caught without any network. It only ever refuses: a tampered state
 * can make a verification fail, never pass (its signatures are not checked again).
 */
export declare class LogState {
  /** A stored state, or the empty state; throws VerificationError (LOG_STATE_INVALID, LIMIT_EXCEEDED). */
  constructor(text?: string | Uint8Array);
  /** The state as text, to store. */
  toText(): string;
  /** Every remembered checkpoint, in the order first seen. */
  readonly logs: RememberedCheckpoint[];
  /** The remembered checkpoint of the log with this origin, or null. */
  checkpoint(origin: string): RememberedCheckpoint | null;
  /**
   * Checks the checkpoint of every log entry of `result` against the state (with `proofs` for
   * trees of another size) and remembers each larger tree. All or nothing: on a refusal
   * (LOG_SPLIT_VIEW, LOG_CONSISTENCY_PROOF_MISSING, LOG_CONSISTENCY_PROOF_INVALID) the state is
   * unchanged and `checkpoint(origin)` still holds the evidence.
   */
  observe(result: Pick<VerificationResult, 'logEntries'>, proofs?: ConsistencyProof[]): Observation[];
}

/** Verifies Sigstore bundles against one trusted root. Holds WebAssembly memory. */
export declare class Verifier {
  private constructor();
  /** The compiled-in Sigstore public-good production root. */
  static production(options?: VerifierOptions): Verifier;
  /** The compiled-in Sigstore public-good staging root. */
  static staging(options?: VerifierOptions): Verifier;
  /** A `trusted_root.json`; throws VerificationError (TRUST_ROOT_*) when it does not load. */
  static fromTrustedRoot(json: JsonInput | TrustedRoot, options?: VerifierOptions): Verifier;
  /** A verifier over the trusted root that TUF metadata yields (see `TrustedRoot.fromTuf`). */
  static fromTuf(files: TufFiles, options?: VerifierOptions): Verifier;
  /** Whether ECDSA checks go to the runtime's own implementation (Node's crypto). */
  readonly platformCrypto: boolean;
  /** The requirements this verifier applies. */
  readonly config: Required<Thresholds>;
  /** Verifies `bundle` over `artifact` for `policy`; throws VerificationError otherwise. */
  verifyArtifact(bundle: JsonInput, artifact: ArtifactInput, policy: Policy, options?: VerifyOptions): VerificationResult;
  /**
   * `verifyArtifact` with WebCrypto doing the ECDSA checks where there is no synchronous
   * platform crypto (browsers); same result, or rejects with the same VerificationError.
   */
  verifyArtifactAsync(bundle: JsonInput, artifact: ArtifactInput, policy: Policy, options?: VerifyOptions): Promise<VerificationResult>;
  /**
   * Verifies a DSSE bundle without the artifact: every check except the in-toto subjects, which
   * the caller must match against what it holds. Returns the signed payload.
   */
  verifyDsse(bundle: JsonInput, policy: Policy, options?: VerifyOptions): Statement;
  /** `verifyDsse` with WebCrypto doing the ECDSA checks, as `verifyArtifactAsync`. */
  verifyDsseAsync(bundle: JsonInput, policy: Policy, options?: VerifyOptions): Promise<Statement>;
  /**
   * Verifies a file of bundles (gh JSON Lines, npm's attestations document, a PEP 740
   * attestation or provenance object, or one bundle): it verifies when one of its bundles does
   * (`artifact` null: every check but the subjects). Throws the first bundle's
   * VerificationError, with `bundles` listing each failure, when none does.
   */
  verifyFile(file: JsonInput, artifact: ArtifactInput | null, policy: Policy, options?: VerifyOptions): VerificationResult & { bundle: { place: string; of: number } };
  /** `verifyFile` with WebCrypto doing the ECDSA checks, as `verifyArtifactAsync`. */
  verifyFileAsync(file: JsonInput, artifact: ArtifactInput | null, policy: Policy, options?: VerifyOptions): Promise<VerificationResult & { bundle: { place: string; of: number } }>;
  /**
   * Verifies a PyPI provenance (PEP 740) against a distribution file for `options.publisher`:
   * every attestation must verify for its publisher and name the file (pypi-attestations'
   * rules). Throws VerificationError (PYPI_* and the pipeline's errors) otherwise.
   */
  verifyPypi(distribution: PypiDistribution, provenance: JsonInput, options: PypiOptions): PypiResult[];
  /** `verifyPypi` with WebCrypto doing the ECDSA checks, as `verifyArtifactAsync`. */
  verifyPypiAsync(distribution: PypiDistribution, provenance: JsonInput, options: PypiOptions): Promise<PypiResult[]>;
  /** Verifies one PEP 740 attestation object for `policy` against a distribution file. */
  verifyPypiAttestation(distribution: PypiDistribution, attestation: JsonInput, policy: Policy, options?: VerifyOptions): PypiResult;
  /**
   * Verifies an npm package version as `npm audit signatures` does: every registry signature
   * by its key, made before the key expired (judged by the publish attestation's log time,
   * else the packument's time, else pacote's 2015-01-01); every bundle of the attestations
   * document (the publish attestation by its registry key, the provenance keyless for
   * `policy`, any Fulcio identity without one, as npm), each naming the package and its
   * SHA-512; and the tarball against the integrity. Throws VerificationError (NPM_* and the
   * pipeline's errors) otherwise.
   */
  verifyNpm(pkg: NpmPackage, options?: Pick<VerifyOptions, 'now'>): NpmResult;
  /** `verifyNpm` with WebCrypto doing the ECDSA checks, as `verifyArtifactAsync`. */
  verifyNpmAsync(pkg: NpmPackage, options?: Pick<VerifyOptions, 'now'>): Promise<NpmResult>;
  /** Frees the WebAssembly memory now (garbage collection also frees it eventually). */
  free(): void;
}

/** A distribution file: its name (`pkg-1.0.tar.gz`, `pkg-1.0-py3-none-any.whl`) and bytes or SHA-256. */
export type PypiDistribution = { name: string; bytes: Uint8Array | ArrayBuffer | ArrayBufferView } | { name: string; digest: string };

/** The Trusted Publisher a PyPI provenance must name. */
export type PypiPublisher =
  | { repository: string }
  | { gcpServiceAccount: string }
  | { circleci: { projectId: string; pipelineDefinitionId: string } };

/** Options of `verifyPypi`. */
export interface PypiOptions extends VerifyOptions {
  publisher: PypiPublisher;
}

/** One verified PyPI attestation. */
export interface PypiResult {
  /** `attestation`, or `attestation_bundles[0].attestations[0]`. */
  place: string;
  /** `GitHub`, `GitLab`, `Google` or `CircleCI` (provenances only). */
  publisherKind: string | null;
  /** The publisher for people (provenances only). */
  publisher: string | null;
  predicateType: string;
  result: VerificationResult;
}

/** The release a GitHub release attestation must be for (`verifyRelease`). */
export interface ReleaseSpec {
  /** `'OWNER/REPO'`, compared without regard to case (RELEASE_POLICY_INVALID if not that shape). */
  repo: string;
  /** The release's tag, e.g. `'v6'`. */
  tag: string;
  /** Assets downloaded from the release: each must be a subject (by SHA-256). */
  assets?: ArtifactInput[];
  /** The tag's git ref digest (40 or 64 hex digits), required as a subject. */
  tagDigest?: string;
  /** A GHE.com tenant's trust domain (default `'dotcom'`, github.com's). */
  trustDomain?: string;
}

/** Options of `verifyRelease`. */
export interface ReleaseOptions {
  /** When to verify: a Date or Unix milliseconds. Defaults to `Date.now()`. */
  now?: Date | number;
  /** As `VerifierOptions.platformCrypto` (default true). */
  platformCrypto?: boolean;
}

/** One subject of a verified in-toto statement. */
export interface ReleaseSubject {
  /** An asset's file name on the release, or `''`. */
  name: string;
  /** The tag as `pkg:github/OWNER/REPO@TAG`, or `''`. */
  uri: string;
  /** Algorithm (`sha256`, `sha1`, ...) to hex digest. */
  digest: Record<string, string>;
}

/** A verified GitHub release attestation. */
export interface ReleaseResult {
  /** `predicate.repository`, as the attestation writes it. */
  repository: string;
  /** `predicate.tag`. */
  tag: string;
  /** Every subject: the tag (by its git ref digest) and the release's assets. */
  subjects: ReleaseSubject[];
  /** The subject each given asset matched, in the order of `release.assets`. */
  assets: ReleaseSubject[];
  /** The bundle verification's result (identity `https://dotcom.releases.github.com`, issuer null). */
  result: VerificationResult;
}

/**
 * Verifies a GitHub immutable-release attestation as `gh release verify` / `verify-asset`
 * check it: against the root of `trustedRoots` (a trusted root, `gh attestation
 * trusted-root`'s JSON Lines, or an array of these) whose CA issued its certificate, else the
 * last one, with GitHub's requirements; for `release`; every asset a subject. Throws
 * VerificationError (RELEASE_* and the pipeline's errors) otherwise.
 */
export declare function verifyRelease(
  bundle: JsonInput,
  trustedRoots: JsonInput | TrustedRoot | Array<JsonInput | TrustedRoot>,
  release: ReleaseSpec,
  options?: ReleaseOptions,
): ReleaseResult;

/**
 * `verifyRelease` with WebCrypto doing the ECDSA checks (the trusted roots' certificate chains
 * included) where node:crypto is not in use, as `verifyArtifactAsync`: the same result, or a
 * rejection with the same VerificationError.
 */
export declare function verifyReleaseAsync(
  bundle: JsonInput,
  trustedRoots: JsonInput | TrustedRoot | Array<JsonInput | TrustedRoot>,
  release: ReleaseSpec,
  options?: ReleaseOptions,
): Promise<ReleaseResult>;

/** The in-toto predicate type of a firmware statement: `https://github.com/sigverify/sigverify/firmware/v1`. */
export declare const FIRMWARE_PREDICATE_TYPE: string;

/**
 * The predicate of a verified firmware statement: an in-toto statement of predicate type
 * `FIRMWARE_PREDICATE_TYPE` whose subject is the image. Judged for a device by `FirmwarePolicy`.
 */
export declare class FirmwareStatement {
  private constructor();
  /**
   * Reads the firmware statement of a verification result (what `verifyArtifact` returned).
   * Throws VerificationError: DSSE_ENVELOPE_MISSING for a message signature,
   * DSSE_PREDICATE_TYPE_MISMATCH for another predicate type, FIRMWARE_STATEMENT_INVALID for a
   * predicate member missing or malformed.
   */
  static fromResult(result: Pick<VerificationResult, 'statement'>): FirmwareStatement;
  /** `securityVersion`: the monotonic version an anti-rollback counter is compared with (0 to 2^32 - 1). */
  readonly securityVersion: number;
  /** `vendor`: the vendor's UUID, lowercased. */
  readonly vendor: string;
  /** `class`: the device class's UUID, lowercased. */
  readonly class: string;
  /** `minHardwareRevision`: the lowest device revision the image runs on, or null. */
  readonly minHardwareRevision: number | null;
  /** `version`: the release's name for people, or null (never judged). */
  readonly version: string | null;
}

/** Options of `FirmwarePolicy`. */
export interface FirmwarePolicyOptions {
  /** The device's hardware (or bootloader) revision, compared with `minHardwareRevision`; default 0. */
  hardwareRevision?: number;
}

/**
 * What a device is: its vendor and class (UUIDs) and hardware revision, which judge a
 * `FirmwareStatement` together with the installed security version.
 */
export declare class FirmwarePolicy {
  /**
   * UUIDs in canonical text, any case; throws VerificationError (FIRMWARE_POLICY_INVALID) for
   * anything else, TypeError for a revision that is not an integer from 0 to 2^32 - 1.
   */
  constructor(vendor: string, cls: string, options?: FirmwarePolicyOptions);
  /**
   * Whether the image is for this device and newer than `installed` (the device's
   * anti-rollback counter): throws VerificationError FIRMWARE_VENDOR_MISMATCH,
   * FIRMWARE_CLASS_MISMATCH, FIRMWARE_HARDWARE_UNSUPPORTED, then FIRMWARE_VERSION_NOT_NEWER
   * (an equal version too).
   */
  check(statement: FirmwareStatement, installed: number): void;
  /** Whether the image is for this device (vendor, class, hardware), whatever its version. */
  checkApplies(statement: FirmwareStatement): void;
}

/** The registry's files of one npm package version, as the caller fetched them. */
export interface NpmPackage {
  /** The registry's keys: `/-/npm/v1/keys`, or Sigstore's TUF target `registry.npmjs.org/keys.json`. */
  keys: JsonInput;
  /** The version document (`/NAME/VERSION`), or the full packument (`/NAME`) with `version`. */
  packument: JsonInput;
  /** The version to take from a full packument. */
  version?: string;
  /**
   * The tarball's bytes, or its `sha512:<hex>` digest (`new Hasher('sha512')` over its chunks).
   * Without it, the integrity is taken as the packument states it (`tarballChecked: false`).
   */
  tarball?: Uint8Array | ArrayBuffer | ArrayBufferView | { digest: string };
  /** The attestations document (`dist.attestations.url`), when the registry has one. */
  attestations?: JsonInput;
  /** Who must have built it (the provenance's certificate); absent: any identity, as npm. */
  policy?: Policy;
}

/** One verified attestation of an npm package version. */
export interface NpmAttestation {
  /** Where it was in the attestations document: `attestations[0]`. */
  place: string;
  /** The registry's publish attestation, or the build's SLSA provenance (keyless). */
  kind: 'publish' | 'provenance';
  /** The registry key id of a publish attestation; null for the provenance. */
  keyid: string | null;
  predicateType: string;
  /** The bundle's verification (identity and issuer for the provenance). */
  result: VerificationResult;
}

/** A verified npm package version. */
export interface NpmResult {
  name: string;
  version: string;
  /** The key ids of the registry signatures that verified (every one on the version did). */
  signatures: string[];
  /** The publish time the signatures' keys were judged by, Unix seconds. */
  publishTime: number;
  /**
   * Where it came from: the publish attestation's log time, the packument's `time[VERSION]`
   * (unsigned), or neither (pacote's stand-in, 2015-01-01).
   */
  publishTimeSource: 'attestation' | 'packument' | 'assumed';
  /** Every attestation of the document, each verified, in document order. */
  attestations: NpmAttestation[];
  /** Whether the tarball itself was checked against the version's integrity. */
  tarballChecked: boolean;
}

/** A file split into its bundles. */
export interface SplitFile {
  kind: 'bundle' | 'jsonLines' | 'attestationsDocument' | 'pypiAttestation' | 'pypiProvenance';
  bundles: { place: string; predicateType: string | null; json: Uint8Array }[];
}

/**
 * The hash a bundle needs of its artifact (SHA-256 when a subject or the message digest offers
 * it; an npm tarball's attestation names it by SHA-512 alone): stream the file through
 * `new Hasher(artifactHash(bundle))` and verify with `{ digest }`.
 */
export declare function artifactHash(bundle: JsonInput): HashAlgorithm;

/** Splits a file of bundles into the bundles it carries (each then verified on its own). */
export declare function splitBundles(file: JsonInput): SplitFile;

/** A hash algorithm of `Hasher`, named as in `ALG:HEX` digests. */
export type HashAlgorithm = 'sha256' | 'sha384' | 'sha512';

/**
 * Incremental hashing over chunks, e.g. of a streamed download: SHA-256 by default, SHA-512 for
 * an npm tarball, SHA-384 for some in-toto subjects. Holds WebAssembly memory.
 */
export declare class Hasher {
  /** Throws TypeError for another algorithm. */
  constructor(algorithm?: HashAlgorithm);
  /** Adds a chunk; returns this hasher. */
  update(chunk: Uint8Array | ArrayBuffer | ArrayBufferView): this;
  /** `ALG:HEX` of everything added (`sha512:<128 hex>`); frees the hasher. */
  digest(): string;
  /** Frees the hasher without a digest. */
  free(): void;
}

/** Incremental SHA-256 over chunks: `new Hasher('sha256')`. Holds WebAssembly memory. */
export declare class Sha256 extends Hasher {
  constructor();
}

/** Bytes as fetched. */
export type Bytes = Uint8Array | ArrayBuffer | ArrayBufferView;

/** The files of one TUF update, as the caller fetched them (no network is used). */
export interface TufFiles {
  /** `timestamp.json`. */
  timestamp: Bytes;
  /** The snapshot metadata the timestamp lists. */
  snapshot: Bytes;
  /** The top-level targets metadata. */
  targets: Bytes;
  /** Target files by name; `trusted_root.json` is required. */
  targetFiles: Record<string, Bytes>;
  /** Root versions after the anchor, in order (`N+1.root.json`, ...). */
  roots?: Bytes[];
  /** The TUF root to start from (default: the compiled-in production, or staging, TUF root). */
  anchor?: Bytes;
  /** Start from the compiled-in staging TUF root. */
  staging?: boolean;
  /** The state of the last update; advanced on success. */
  state?: TufState;
  /** The time to check expiry at: a Date or milliseconds (default: now). */
  now?: Date | number;
  /** ECDSA checks in node:crypto where the runtime has it (default true), as a `Verifier`'s. */
  platformCrypto?: boolean;
}

/** A TUF metadata version: a number, or a bigint when `Number` cannot hold it exactly. */
export type TufVersion = number | bigint;

/** The persisted state of TUF updates (rollback floors only); store `toBytes()`. */
export class TufState {
  constructor(bytes?: Bytes);
  /** The bytes to store (empty before the first successful update). */
  toBytes(): Uint8Array;
  /**
   * The versions trusted by the last update in this process, else null. Each is a number, or a
   * bigint above `Number.MAX_SAFE_INTEGER` (TUF versions go up to 2^64-1).
   */
  readonly versions: Readonly<{ root: TufVersion; timestamp: TufVersion; snapshot: TufVersion; targets: TufVersion }> | null;
}

/** A Sigstore trusted root verified over TUF. */
export class TrustedRoot {
  /** The verified `trusted_root.json`, byte for byte as published. */
  readonly json: Uint8Array;
  /** Checks TUF metadata offline; throws VerificationError (TUF_*, LIMIT_EXCEEDED). */
  static fromTuf(files: TufFiles): TrustedRoot;
  /**
   * As `fromTuf`, from a repository's files side by side (folders ignored): the core picks the
   * roots after the anchor, timestamp, snapshot, targets and `trusted_root.json`. Throws
   * TypeError when a required file is absent.
   */
  static fromTufFiles(options: TufRepositoryFiles): TrustedRoot;
}

/** The files of a TUF repository by name, for `TrustedRoot.fromTufFiles`. */
export interface TufRepositoryFiles {
  /** File name (or path) to bytes: `N.root.json`, `timestamp.json`, `snapshot.json`, ... */
  files: Record<string, Bytes> | Map<string, Bytes>;
  /** The TUF root to start from (default: the compiled-in production, or staging, TUF root). */
  anchor?: Bytes;
  /** Start from the compiled-in staging TUF root. */
  staging?: boolean;
  /** The state of the last update; advanced on success. */
  state?: TufState;
  /** The time to check expiry at: a Date or milliseconds (default: now). */
  now?: Date | number;
  /** ECDSA checks in node:crypto where the runtime has it (default true), as a `Verifier`'s. */
  platformCrypto?: boolean;
}
