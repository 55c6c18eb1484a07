//! The one error type of the verifier, and the stable code/name table every binding shares.

use alloc::string::String;
use core::fmt;

use crate::limits::Limit;

macro_rules! errors {
    (
        $(
            $(#[$doc:meta])*
            $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })? = $code:literal, $name:literal, $msg:literal $(, cfg($cfg:meta))?;
        )*
    ) => {
        /// Why a bundle did not verify: one variant per check of the pipeline.
        ///
        /// Every variant has a stable numeric [`Error::code`] and a stable short [`Error::name`]
        /// (`SCREAMING_SNAKE_CASE`), shared by the CLI and every binding. Codes come in blocks by
        /// pipeline step: 1xx bundle, 2xx trusted root, 3xx keys, 4xx certificate, 5xx SCT,
        /// 6xx transparency log, 7xx timestamps, 8xx DSSE, 9xx signature, 10xx policy,
        /// 11xx time and log thresholds, 12xx input limits, 13xx TUF metadata, 14xx PyPI
        /// attestations, 15xx GitHub release attestations, 16xx npm packages, 17xx witness
        /// cosignatures, checkpoint state and log proofs, 18xx firmware statements. A retired code is never reused. The
        /// variants of a left-out cargo feature (`witness`) are not built; [`Error::ALL`] lists
        /// every code whatever the features.
        #[derive(Clone, Debug, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum Error {
            $(
                $(#[$doc])*
                $(#[cfg($cfg)])?
                $variant $({ $(
                    #[allow(missing_docs)]
                    $field: $ty
                ),* })?,
            )*
        }

        impl Error {
            /// The stable numeric code of this error.
            pub fn code(&self) -> u16 {
                match self {
                    $( $(#[cfg($cfg)])? Self::$variant { .. } => $code, )*
                }
            }

            /// The stable short name of this error, e.g. `TLOG_INCLUSION_PROOF_INVALID`.
            pub fn name(&self) -> &'static str {
                // Read from the table, so the names are in a binary once (a `match` of its own
                // made a second copy, 4 KB of a WebAssembly module or a firmware image). Codes
                // are unique (`codes_and_names_are_unique`), so the search finds this error's.
                let code = self.code();
                Self::ALL.iter().find(|(c, _)| *c == code).map_or("", |(_, name)| name)
            }

            /// Every (code, name) pair, in table order; bindings mirror this table.
            pub const ALL: &'static [(u16, &'static str)] = &ERROR_TABLE;
        }

        /// The one copy of [`Error::ALL`]: a `const` holding the array itself was copied into
        /// every crate that read it (the names twice in a WebAssembly module).
        static ERROR_TABLE: [(u16, &str); <[u16]>::len(&[ $( $code, )* ])] =
            [ $( ($code, $name), )* ];

        impl fmt::Display for Error {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                // One call per field rather than a formatting template per variant: a third
                // of the size of this function in a WebAssembly module.
                match self {
                    $(
                        $(#[cfg($cfg)])?
                        Self::$variant $({ $($field),* })? => {
                            f.write_str($msg)?;
                            $( $( field(f, stringify!($field), $field)?; )* )?
                            Ok(())
                        }
                    )*
                }
            }
        }
    };
}

/// Writes one field of an error after its message: ` (name: value)`.
fn field(f: &mut fmt::Formatter<'_>, name: &str, value: &dyn fmt::Display) -> fmt::Result {
    write!(f, " ({name}: {value})")
}

errors! {
    // --- 1xx: bundle parsing -------------------------------------------------------------------
    /// The bundle is not JSON, or a field has the wrong JSON type or is missing.
    BundleJsonInvalid { path: &'static str } = 100, "BUNDLE_JSON_INVALID",
        "bundle is not a well-formed Sigstore bundle JSON document";
    /// The bundle's `mediaType` names no bundle version this verifier knows.
    BundleMediaTypeUnknown = 101, "BUNDLE_MEDIA_TYPE_UNKNOWN",
        "bundle media type is not a known Sigstore bundle version";
    /// A base64 field of the bundle does not decode (standard alphabet, padded).
    BundleBase64Invalid { path: &'static str } = 102, "BUNDLE_BASE64_INVALID",
        "bundle field is not valid base64";
    /// An integer field is negative, out of range or not a decimal integer.
    BundleIntegerInvalid { path: &'static str } = 103, "BUNDLE_INTEGER_INVALID",
        "bundle field is not a non-negative integer";
    /// The bundle's certificate chain holds no certificate.
    BundleCertificateChainEmpty = 104, "BUNDLE_CERTIFICATE_CHAIN_EMPTY",
        "bundle certificate chain is empty";
    /// A v0.2+ bundle has a tlog entry without an inclusion proof.
    BundleInclusionProofMissing { entry: usize } = 105, "BUNDLE_INCLUSION_PROOF_MISSING",
        "bundle tlog entry has no inclusion proof, which bundle v0.2 and later require";
    /// A v0.1 bundle has a tlog entry without an inclusion promise.
    BundleInclusionPromiseMissing { entry: usize } = 106, "BUNDLE_INCLUSION_PROMISE_MISSING",
        "bundle v0.1 tlog entry has no inclusion promise";
    /// The bundle has neither a certificate, a chain nor a public key hint.
    BundleVerificationMaterialMissing = 107, "BUNDLE_VERIFICATION_MATERIAL_MISSING",
        "bundle has no certificate and no public key";
    /// The bundle has neither a message signature nor a DSSE envelope.
    BundleContentMissing = 108, "BUNDLE_CONTENT_MISSING",
        "bundle has neither a message signature nor a DSSE envelope";
    /// The bundle's chain carries a self-signed (root) certificate; roots come only from the
    /// trusted root.
    BundleChainContainsRoot = 109, "BUNDLE_CHAIN_CONTAINS_ROOT",
        "bundle certificate chain contains a self-signed root certificate";
    /// A certificate in the bundle is not valid DER X.509.
    BundleCertificateInvalid = 110, "BUNDLE_CERTIFICATE_INVALID",
        "bundle certificate is not a valid X.509 certificate";
    /// The message digest algorithm is not SHA2-256.
    BundleDigestAlgorithmUnsupported = 111, "BUNDLE_DIGEST_ALGORITHM_UNSUPPORTED",
        "bundle message digest algorithm is not SHA2_256";
    /// The DSSE envelope does not carry exactly one signature.
    BundleDsseSignatureCount = 112, "BUNDLE_DSSE_SIGNATURE_COUNT",
        "bundle DSSE envelope must carry exactly one signature";

    // --- 2xx: trusted root ---------------------------------------------------------------------
    /// The trusted root is not JSON or has the wrong shape.
    TrustRootJsonInvalid { path: &'static str } = 200, "TRUST_ROOT_JSON_INVALID",
        "trusted root is not a well-formed TrustedRoot JSON document";
    /// The trusted root's `mediaType` is not a known TrustedRoot or ClientTrustConfig version.
    TrustRootMediaTypeUnknown = 201, "TRUST_ROOT_MEDIA_TYPE_UNKNOWN",
        "trusted root media type is not known";
    /// A `validFor` interval has no start.
    TrustRootValidityStartMissing { path: &'static str } = 202, "TRUST_ROOT_VALIDITY_START_MISSING",
        "trusted root validity interval has no start";
    /// A timestamp in the trusted root is not RFC 3339.
    TrustRootTimeInvalid { path: &'static str } = 203, "TRUST_ROOT_TIME_INVALID",
        "trusted root timestamp is not valid RFC 3339";
    /// A key in the trusted root cannot be decoded.
    TrustRootKeyInvalid { path: &'static str } = 204, "TRUST_ROOT_KEY_INVALID",
        "trusted root public key cannot be decoded";
    /// A certificate in the trusted root is not valid DER X.509, or a CA chain is broken.
    TrustRootCertificateInvalid { path: &'static str } = 205, "TRUST_ROOT_CERTIFICATE_INVALID",
        "trusted root certificate is invalid";
    /// A base64 field of the trusted root does not decode.
    TrustRootBase64Invalid { path: &'static str } = 206, "TRUST_ROOT_BASE64_INVALID",
        "trusted root field is not valid base64";
    /// No compiled-in trusted root has this name.
    TrustRootNameUnknown = 207, "TRUST_ROOT_NAME_UNKNOWN",
        "no compiled-in trusted root has this name";
    /// A log's `witnessConfig` (the trusted root v0.2 proposal) cannot be used: a group
    /// without witnesses, a quorum unset or not within 1..=n, a witness key that is not an
    /// Ed25519 SubjectPublicKeyInfo.
    TrustRootWitnessConfigInvalid = 208, "TRUST_ROOT_WITNESS_CONFIG_INVALID",
        "trusted root log's witness configuration is malformed", cfg(feature = "witness");

    // --- 3xx: keys -----------------------------------------------------------------------------
    /// A public key is not a supported SPKI (ECDSA P-256/P-384, Ed25519, RSA 2048-4096).
    KeyUnsupported = 300, "KEY_UNSUPPORTED",
        "public key type or size is not supported";
    /// A public key's encoding (SPKI DER or PEM) is invalid.
    KeyInvalid = 301, "KEY_INVALID",
        "public key encoding is invalid";
    /// A public key needs an algorithm this build leaves out (the core's `rsa`, `p521` and
    /// `ed25519` cargo features); the default build has them all.
    KeyAlgorithmNotBuilt = 302, "KEY_ALGORITHM_NOT_BUILT",
        "public key algorithm is not compiled into this build";

    // --- 4xx: certificate ----------------------------------------------------------------------
    /// No certificate authority of the trusted root issued the signing certificate.
    CertChainUntrusted = 400, "CERT_CHAIN_UNTRUSTED",
        "signing certificate does not chain to a certificate authority of the trusted root";
    /// A verified signing time lies outside the validity of the signing certificate.
    CertNotValidAtSigningTime = 401, "CERT_NOT_VALID_AT_SIGNING_TIME",
        "signing certificate was not valid at the verified signing time";
    /// The signing certificate is a CA certificate.
    CertIsCa = 402, "CERT_IS_CA",
        "signing certificate is a CA certificate";
    /// The signing certificate lacks the digitalSignature key usage.
    CertKeyUsageInvalid = 403, "CERT_KEY_USAGE_INVALID",
        "signing certificate lacks the digitalSignature key usage";
    /// The signing certificate lacks the codeSigning extended key usage.
    CertExtendedKeyUsageInvalid = 404, "CERT_EXTENDED_KEY_USAGE_INVALID",
        "signing certificate lacks the codeSigning extended key usage";
    /// A certificate extension is malformed.
    CertExtensionInvalid { oid: &'static str } = 405, "CERT_EXTENSION_INVALID",
        "certificate extension is malformed";
    /// The signing certificate has no identity: no URI or email SAN and no Fulcio username.
    CertIdentityMissing = 406, "CERT_IDENTITY_MISSING",
        "signing certificate has no identity (URI, email or Fulcio username SAN)";
    /// The signing certificate has no OIDC issuer extension (v1 or v2), or an empty one.
    CertIssuerMissing = 407, "CERT_ISSUER_MISSING",
        "signing certificate has no OIDC issuer extension";
    /// The signing certificate carries both OIDC issuer extensions with different values.
    CertIssuerConflict = 408, "CERT_ISSUER_CONFLICT",
        "signing certificate's OIDC issuer extensions (v1 and v2) disagree";
    /// The signing certificate has a critical extension this verifier does not process.
    CertCriticalExtensionUnknown { oid: String } = 409, "CERT_CRITICAL_EXTENSION_UNKNOWN",
        "signing certificate has a critical extension the verifier does not process";
    /// The signing certificate carries the CT precertificate poison extension.
    CertIsPrecertificate = 410, "CERT_IS_PRECERTIFICATE",
        "signing certificate is a CT precertificate (poison extension)";
    /// The signing certificate carries the same extension twice.
    CertExtensionDuplicate = 411, "CERT_EXTENSION_DUPLICATE",
        "signing certificate carries an extension twice";
    /// The signing certificate's TBS signature algorithm differs from its outer one.
    CertSignatureAlgorithmMismatch = 412, "CERT_SIGNATURE_ALGORITHM_MISMATCH",
        "signing certificate's inner and outer signature algorithms differ";

    // --- 5xx: signed certificate timestamps ----------------------------------------------------
    /// The signing certificate carries no verifiable embedded SCT.
    SctMissing = 500, "SCT_MISSING",
        "signing certificate has no embedded signed certificate timestamp";
    /// The embedded SCT list is malformed.
    SctListInvalid = 501, "SCT_LIST_INVALID",
        "embedded SCT list is malformed";
    /// No CT log of the trusted root has the SCT's log id.
    SctLogUnknown = 502, "SCT_LOG_UNKNOWN",
        "SCT log id matches no CT log of the trusted root";
    /// The SCT signature does not verify under the CT log's key.
    SctSignatureInvalid = 503, "SCT_SIGNATURE_INVALID",
        "SCT signature does not verify under the CT log key";
    /// The SCT timestamp is outside the CT log key's validity in the trusted root.
    SctLogNotValidAtTime = 504, "SCT_LOG_NOT_VALID_AT_TIME",
        "SCT timestamp is outside the CT log key validity";

    // --- 6xx: transparency log -----------------------------------------------------------------
    /// No transparency log of the trusted root has the entry's log id.
    TlogKeyUnknown { entry: usize } = 600, "TLOG_KEY_UNKNOWN",
        "tlog entry log id matches no transparency log of the trusted root";
    /// The canonicalized body is not a well-formed Rekor entry.
    TlogBodyInvalid { entry: usize } = 601, "TLOG_BODY_INVALID",
        "tlog entry body is not a well-formed Rekor entry";
    /// The entry body does not match the bundle's signature, key, certificate or digest.
    TlogBodyMismatch { entry: usize, field: &'static str } = 602, "TLOG_BODY_MISMATCH",
        "tlog entry body does not match the bundle";
    /// The entry kind/version is not supported.
    TlogKindUnsupported { entry: usize } = 603, "TLOG_KIND_UNSUPPORTED",
        "tlog entry kind or version is not supported";
    /// The inclusion promise (signed entry timestamp) does not verify.
    TlogInclusionPromiseInvalid { entry: usize } = 604, "TLOG_INCLUSION_PROMISE_INVALID",
        "tlog inclusion promise (SET) does not verify under the log key";
    /// The inclusion proof does not lead from the entry to the root hash.
    TlogInclusionProofInvalid { entry: usize } = 605, "TLOG_INCLUSION_PROOF_INVALID",
        "tlog inclusion proof does not verify";
    /// The checkpoint is not a well-formed signed note.
    TlogCheckpointInvalid { entry: usize } = 606, "TLOG_CHECKPOINT_INVALID",
        "tlog checkpoint is not a well-formed signed note";
    /// The checkpoint carries no signature whose key hint names the log's key.
    TlogCheckpointSignatureMissing { entry: usize } = 607, "TLOG_CHECKPOINT_SIGNATURE_MISSING",
        "tlog checkpoint has no signature by the log key";
    /// The log's signature on the checkpoint does not verify.
    TlogCheckpointSignatureInvalid { entry: usize } = 608, "TLOG_CHECKPOINT_SIGNATURE_INVALID",
        "tlog checkpoint signature does not verify under the log key";
    /// The checkpoint's tree size or root hash differs from the inclusion proof's.
    TlogCheckpointRootMismatch { entry: usize } = 609, "TLOG_CHECKPOINT_ROOT_MISMATCH",
        "tlog checkpoint root hash or size differs from the inclusion proof";
    /// The checkpoint's origin line names another log than the one whose key signed it.
    TlogCheckpointOriginMismatch { entry: usize } = 615, "TLOG_CHECKPOINT_ORIGIN_MISMATCH",
        "tlog checkpoint origin is not the log's name";
    /// The integrated time is later than the verification time.
    TlogIntegratedTimeInFuture { entry: usize } = 610, "TLOG_INTEGRATED_TIME_IN_FUTURE",
        "tlog integrated time is after the verification time";
    /// The log's key was not valid (trusted root interval) at the entry's time.
    TlogKeyNotValidAtTime { entry: usize } = 611, "TLOG_KEY_NOT_VALID_AT_TIME",
        "tlog entry time is outside the log key validity";
    /// The entry cannot be verified offline: no inclusion promise and no inclusion proof.
    TlogEntryUnverifiable { entry: usize } = 612, "TLOG_ENTRY_UNVERIFIABLE",
        "tlog entry has neither a verifiable inclusion promise nor an inclusion proof";

    /// Two tlog entries name the same log index of the same log.
    TlogEntryDuplicate { entry: usize } = 613, "TLOG_ENTRY_DUPLICATE",
        "tlog entry repeats another entry of the bundle";
    /// An entry without inclusion promise names another log index than its inclusion proof.
    TlogLogIndexMismatch { entry: usize } = 614, "TLOG_LOG_INDEX_MISMATCH",
        "tlog entry log index differs from its inclusion proof";

    // --- 7xx: timestamps -----------------------------------------------------------------------
    /// The RFC 3161 token is malformed, its status is not granted, or it uses an unknown hash.
    TimestampInvalid = 700, "TIMESTAMP_INVALID",
        "RFC 3161 timestamp token is malformed";
    /// The token's message imprint is not the hash of the bundle's signature.
    TimestampImprintMismatch = 701, "TIMESTAMP_IMPRINT_MISMATCH",
        "timestamp message imprint is not the hash of the bundle signature";
    /// The signed attributes lack the TSTInfo content type or the digest of the TSTInfo.
    TimestampSignedAttributesInvalid = 702, "TIMESTAMP_SIGNED_ATTRIBUTES_INVALID",
        "timestamp signed attributes do not bind the TSTInfo";
    /// The TSA's signature over the signed attributes does not verify.
    TimestampSignatureInvalid = 703, "TIMESTAMP_SIGNATURE_INVALID",
        "timestamp signature does not verify under the TSA certificate";
    /// The signing certificate is not a timestamping certificate of a TSA in the trusted root.
    TimestampChainUntrusted = 704, "TIMESTAMP_CHAIN_UNTRUSTED",
        "timestamp signer does not chain to a timestamp authority of the trusted root";
    /// genTime lies outside the TSA's validity interval in the trusted root.
    TimestampTsaNotValidAtTime = 705, "TIMESTAMP_TSA_NOT_VALID_AT_TIME",
        "timestamp time is outside the TSA validity in the trusted root";
    /// Two timestamps carry the same TSTInfo: one time source counted twice.
    TimestampDuplicate = 707, "TIMESTAMP_DUPLICATE",
        "timestamp repeats another timestamp of the bundle";
    /// genTime lies outside the validity of a certificate of the TSA's chain.
    TimestampCertNotValidAtTime = 706, "TIMESTAMP_CERT_NOT_VALID_AT_TIME",
        "timestamp time is outside the validity of the TSA certificates";
    /// The timestamp's signer certificate is a CA, or its extendedKeyUsage is not critical or
    /// names more than timeStamping.
    TimestampSignerInvalid = 708, "TIMESTAMP_SIGNER_INVALID",
        "timestamp signer is not a timestamping end-entity certificate (critical EKU naming timeStamping alone)";
    /// The bundle carries RFC 3161 timestamps and this build leaves them out (the core's `tsa`
    /// cargo feature): each is skipped, and the thresholds decide.
    TimestampNotBuilt = 709, "TIMESTAMP_NOT_BUILT",
        "RFC 3161 timestamps are not compiled into this build";

    // --- 8xx: DSSE -----------------------------------------------------------------------------
    /// The DSSE envelope signature does not verify.
    DsseSignatureInvalid = 800, "DSSE_SIGNATURE_INVALID",
        "DSSE envelope signature does not verify";
    /// The DSSE payload is not an in-toto statement.
    DssePayloadTypeUnsupported = 801, "DSSE_PAYLOAD_TYPE_UNSUPPORTED",
        "DSSE payload type is not application/vnd.in-toto+json";
    /// The in-toto statement is malformed.
    DsseStatementInvalid = 802, "DSSE_STATEMENT_INVALID",
        "DSSE payload is not a well-formed in-toto statement";
    /// No subject of the in-toto statement has the artifact's SHA-256 digest.
    DsseSubjectMismatch = 803, "DSSE_SUBJECT_MISMATCH",
        "no in-toto subject matches the artifact digest";
    /// The in-toto statement's predicate type is not the one required.
    DssePredicateTypeMismatch { found: String } = 804, "DSSE_PREDICATE_TYPE_MISMATCH",
        "in-toto predicate type differs from the required one";
    /// An attestation was asked for, and the bundle holds a message signature.
    DsseEnvelopeMissing = 805, "DSSE_ENVELOPE_MISSING",
        "the bundle holds a message signature, not a DSSE attestation";

    // --- 9xx: message signature ----------------------------------------------------------------
    /// The message signature does not verify over the artifact.
    SignatureInvalid = 900, "SIGNATURE_INVALID",
        "message signature does not verify over the artifact";
    /// The bundle's message digest is not the artifact's digest.
    SignatureDigestMismatch = 901, "SIGNATURE_DIGEST_MISMATCH",
        "bundle message digest differs from the artifact digest";
    /// The key's scheme signs the whole message (Ed25519) or another digest of it (P-384 signs
    /// SHA-384), so a SHA-256 digest alone cannot be checked.
    ArtifactDigestInsufficient = 902, "ARTIFACT_DIGEST_INSUFFICIENT",
        "this signature scheme needs the artifact bytes, not only its digest";

    /// A message signature can only be checked against the artifact (`verify_dsse` was given a
    /// message-signature bundle).
    ArtifactRequired = 903, "ARTIFACT_REQUIRED",
        "this bundle signs an artifact: verify it with the artifact or its digest";

    // --- 10xx: policy --------------------------------------------------------------------------
    /// The certificate's identity (SAN) is not the expected one.
    PolicyIdentityMismatch { found: String } = 1000, "POLICY_IDENTITY_MISMATCH",
        "certificate identity differs from the expected identity";
    /// The certificate's OIDC issuer is not the expected one.
    PolicyIssuerMismatch { found: String } = 1001, "POLICY_ISSUER_MISMATCH",
        "certificate OIDC issuer differs from the expected issuer";
    /// The policy names a managed key but the bundle is signed with a certificate, or the reverse.
    PolicyMaterialMismatch = 1002, "POLICY_MATERIAL_MISMATCH",
        "bundle verification material (certificate or key) does not fit the policy";
    /// The policy's managed key cannot be decoded.
    PolicyKeyInvalid = 1003, "POLICY_KEY_INVALID",
        "policy public key cannot be decoded";
    /// A Fulcio extension of the certificate differs from the policy's value (or is absent).
    PolicyExtensionMismatch { oid: String, found: String } = 1004, "POLICY_EXTENSION_MISMATCH",
        "certificate extension differs from the expected value";
    /// An any-of condition with no alternatives can never hold.
    PolicyAnyOfEmpty = 1005, "POLICY_ANY_OF_EMPTY",
        "policy any-of condition has no alternatives";
    /// A policy condition is malformed (e.g. an OID that does not parse).
    PolicyConditionInvalid = 1006, "POLICY_CONDITION_INVALID",
        "policy condition is malformed";
    /// An all-of condition with no conditions would hold for any signer.
    PolicyAllOfEmpty = 1007, "POLICY_ALL_OF_EMPTY",
        "policy all-of condition has no conditions";
    /// A policy names an empty identity, issuer or extension value, which no signer can mean.
    PolicyValueEmpty = 1008, "POLICY_VALUE_EMPTY",
        "policy names an empty identity, issuer or extension value";
    /// An identity or issuer pattern is not a regular expression this verifier accepts.
    PolicyPatternInvalid = 1009, "POLICY_PATTERN_INVALID",
        "policy identity or issuer pattern is not a valid regular expression";
    /// A managed key's validity window ends before it starts, or was set on a certificate
    /// policy (a certificate carries its own validity).
    PolicyKeyValidityInvalid = 1010, "POLICY_KEY_VALIDITY_INVALID",
        "policy key validity window is empty or not on a managed-key policy";
    /// A verified signing time lies outside the managed key's validity window (e.g. an npm
    /// registry key used after its `expires`).
    PolicyKeyNotValidAtSigningTime { time: crate::time::UnixTime } = 1011,
        "POLICY_KEY_NOT_VALID_AT_SIGNING_TIME",
        "a verified signing time lies outside the managed key's validity window";
    /// No signing time was proven (time threshold 0) and the verification time lies outside
    /// the managed key's validity window.
    PolicyKeyNotValidNow = 1012, "POLICY_KEY_NOT_VALID_NOW",
        "no signing time was proven and the managed key is not valid at the verification time";

    // --- 11xx: thresholds ----------------------------------------------------------------------
    /// Fewer verified tlog entries than the configuration requires.
    TlogThresholdNotMet = 1100, "TLOG_THRESHOLD_NOT_MET",
        "fewer verified tlog entries than required";
    /// Fewer verified RFC 3161 timestamps than the configuration requires.
    TimestampThresholdNotMet = 1102, "TIMESTAMP_THRESHOLD_NOT_MET",
        "fewer verified RFC 3161 timestamps than required";
    /// No verified time source (integrated time or timestamp) proves when the bundle was signed.
    TimeThresholdNotMet = 1101, "TIME_THRESHOLD_NOT_MET",
        "fewer verified signing-time sources than required";
    /// Embedded SCTs verified, but from fewer distinct CT logs than the configuration requires.
    SctThresholdNotMet = 1103, "SCT_THRESHOLD_NOT_MET",
        "fewer distinct CT logs signed the certificate's SCTs than required";
    /// A time threshold of 0 was asked for where a signing time is needed: it is allowed only
    /// with a managed key and a tlog threshold of 0 (a certificate is short-lived, and a log
    /// entry is there to prove a time).
    TimeThresholdZeroNotAllowed = 1104, "TIME_THRESHOLD_ZERO_NOT_ALLOWED",
        "a time threshold of 0 needs a managed-key policy and a tlog threshold of 0";

    // --- 12xx: input limits --------------------------------------------------------------------
    /// An input exceeds one of the documented limits.
    LimitExceeded { limit: Limit } = 1200, "LIMIT_EXCEEDED",
        "input exceeds a verifier limit";

    // --- 13xx: TUF metadata (trusted-root updates) ---------------------------------------------
    /// A TUF metadata file is not JSON, or a field is missing, has the wrong type or breaks
    /// the specification's format (e.g. `expires` not `YYYY-MM-DDTHH:MM:SSZ`).
    TufMetadataInvalid { role: &'static str, field: &'static str } = 1300, "TUF_METADATA_INVALID",
        "TUF metadata is malformed";
    /// A TUF metadata file names the same JSON object key twice, so what was signed is ambiguous.
    TufJsonDuplicateKey { role: &'static str } = 1301, "TUF_JSON_DUPLICATE_KEY",
        "TUF metadata repeats a JSON object key";
    /// A TUF metadata file holds a value with no canonical JSON form (a non-integer number, a
    /// lone surrogate), so no signature can be over it.
    TufJsonNotCanonical { role: &'static str } = 1302, "TUF_JSON_NOT_CANONICAL",
        "TUF metadata holds a value with no canonical JSON form";
    /// The metadata's `_type` is not the role it was given as.
    TufTypeMismatch { role: &'static str, found: String } = 1303, "TUF_TYPE_MISMATCH",
        "TUF metadata is of another role than expected";
    /// The metadata's `spec_version` is not 1.x.
    TufSpecVersionUnsupported { role: &'static str, found: String } = 1304, "TUF_SPEC_VERSION_UNSUPPORTED",
        "TUF metadata spec_version is not a supported 1.x version";
    /// Fewer distinct keys of the role signed the metadata than its threshold.
    TufThresholdNotMet { role: &'static str, version: u64, valid: usize, threshold: u64 } = 1305, "TUF_THRESHOLD_NOT_MET",
        "TUF metadata is not signed by a threshold of its role's keys";
    /// A new root is not signed by a threshold of the previous root's root keys.
    TufRootNotSignedByPrevious { version: u64, valid: usize, threshold: u64 } = 1306, "TUF_ROOT_NOT_SIGNED_BY_PREVIOUS",
        "TUF root is not signed by a threshold of the previous root's keys";
    /// A new root's version is not the trusted root's version plus one.
    TufRootVersionNotNext { expected: u64, found: u64 } = 1307, "TUF_ROOT_VERSION_NOT_NEXT",
        "TUF root version does not follow the trusted root's version";
    /// The final root, the timestamp, the snapshot or the targets has expired.
    TufMetadataExpired { role: &'static str, expires: u64 } = 1308, "TUF_METADATA_EXPIRED",
        "TUF metadata has expired";
    /// A version is below the one the persisted state already trusted (a rollback).
    TufRollback { role: String, trusted: u64, found: u64 } = 1309, "TUF_ROLLBACK",
        "TUF metadata version is lower than the version already trusted";
    /// The snapshot's or targets' version differs from the version the timestamp or snapshot
    /// lists for it.
    TufVersionMismatch { role: &'static str, listed: u64, found: u64 } = 1310, "TUF_VERSION_MISMATCH",
        "TUF metadata version differs from the version listed for it";
    /// The snapshot or targets file is not the length the timestamp or snapshot lists.
    TufMetadataLengthMismatch { role: &'static str } = 1311, "TUF_METADATA_LENGTH_MISMATCH",
        "TUF metadata length differs from the length listed for it";
    /// The snapshot or targets file does not have a hash the timestamp or snapshot lists.
    TufMetadataHashMismatch { role: &'static str } = 1312, "TUF_METADATA_HASH_MISMATCH",
        "TUF metadata hash differs from the hash listed for it";
    /// A listed hash uses an algorithm this client cannot compute, so it cannot be checked.
    TufHashAlgorithmUnknown { name: String } = 1313, "TUF_HASH_ALGORITHM_UNKNOWN",
        "TUF hash algorithm is not sha256, sha384 or sha512";
    /// The timestamp lists no `snapshot.json`, or the snapshot no `targets.json`, or drops a
    /// metadata file the persisted state trusted (specification 5.5.5: it must stay listed).
    TufMetaMissing { role: String } = 1314, "TUF_META_MISSING",
        "TUF metadata does not list the file of the next role";
    /// A target file supplied is not described by the targets metadata.
    TufTargetUnknown { target: String } = 1315, "TUF_TARGET_UNKNOWN",
        "TUF targets metadata does not describe this target file";
    /// A target file is not the length the targets metadata gives.
    TufTargetLengthMismatch { target: String } = 1316, "TUF_TARGET_LENGTH_MISMATCH",
        "TUF target file length differs from the targets metadata";
    /// A target file does not have a hash the targets metadata gives.
    TufTargetHashMismatch { target: String } = 1317, "TUF_TARGET_HASH_MISMATCH",
        "TUF target file hash differs from the targets metadata";
    /// A target file the update needs (`trusted_root.json`) was not supplied.
    TufTargetMissing { target: String } = 1318, "TUF_TARGET_MISSING",
        "TUF target file needed by the update was not supplied";
    /// The persisted TUF state is not one this verifier wrote (damaged or edited): delete it to
    /// start again from the trust anchor, losing the rollback floors it held.
    TufStateInvalid = 1319, "TUF_STATE_INVALID",
        "TUF state is malformed";
    /// A TUF metadata file carries two signatures under one key id, so which one counts is
    /// ambiguous (python-tuf refuses such a file too).
    TufSignatureKeyIdRepeated { role: &'static str } = 1320, "TUF_SIGNATURE_KEYID_REPEATED",
        "TUF metadata carries two signatures under one key id";
    /// The persisted TUF state names a root that the chain of roots from the trust anchor does
    /// not hold at that version: the state was written from another anchor, or edited. Trust
    /// comes only from the anchor, so the state is refused; delete it to start again from the
    /// anchor, losing the rollback floors it held.
    TufStateNotFromAnchor { version: u64 } = 1321, "TUF_STATE_NOT_FROM_ANCHOR",
        "TUF state was not written by an update from this trust anchor";
    /// The timestamp has the version the state trusts but other content. The specification
    /// keeps the trusted one (5.4.3), so nothing is updated.
    TufTimestampChanged { version: u64 } = 1322, "TUF_TIMESTAMP_CHANGED",
        "TUF timestamp has the trusted version but other content";

    // --- 14xx: PyPI attestations (PEP 740) -----------------------------------------------------
    /// A PEP 740 attestation object is malformed: not JSON, a field missing or of the wrong
    /// type, `version` not 1, base64 that does not decode, or no transparency entry.
    PypiAttestationInvalid { field: &'static str } = 1400, "PYPI_ATTESTATION_INVALID",
        "PyPI attestation object is malformed";
    /// A PEP 740 provenance object (PyPI's integrity API) is malformed.
    PypiProvenanceInvalid { field: &'static str } = 1401, "PYPI_PROVENANCE_INVALID",
        "PyPI provenance object is malformed";
    /// A provenance object names a Trusted Publisher kind this verifier does not know.
    PypiPublisherUnknown { kind: String } = 1402, "PYPI_PUBLISHER_UNKNOWN",
        "PyPI provenance names an unknown Trusted Publisher kind";
    /// The provenance's Trusted Publisher is not the one the caller expects (repository,
    /// service account, CircleCI project), or the caller expects nothing for its kind.
    PypiPublisherMismatch { found: String } = 1403, "PYPI_PUBLISHER_MISMATCH",
        "PyPI provenance was published by another Trusted Publisher than the one expected";
    /// A distribution file name (the file's or the statement subject's) is not a valid sdist
    /// or wheel name.
    PypiDistributionNameInvalid { name: String } = 1404, "PYPI_DISTRIBUTION_NAME_INVALID",
        "distribution file name is not a valid sdist or wheel name";
    /// A PyPI attestation's statement must have exactly one subject.
    PypiSubjectCount { found: usize } = 1405, "PYPI_SUBJECT_COUNT",
        "PyPI attestation statement must have exactly one subject";
    /// The statement's subject names another distribution.
    PypiDistributionNameMismatch { found: String } = 1406, "PYPI_DISTRIBUTION_NAME_MISMATCH",
        "PyPI attestation subject names another distribution";
    /// The statement's subject has no SHA-256 digest, or another one than the distribution's.
    PypiDistributionDigestMismatch = 1407, "PYPI_DISTRIBUTION_DIGEST_MISMATCH",
        "PyPI attestation subject digest differs from the distribution's SHA-256";
    /// The statement's predicate type is not one PyPI knows (publish v1, SLSA provenance v1).
    PypiPredicateTypeUnknown { found: String } = 1408, "PYPI_PREDICATE_TYPE_UNKNOWN",
        "PyPI attestation predicate type is not one PyPI knows";
    /// A provenance object with no attestation bundle, or a bundle with no attestation: it
    /// attests nothing.
    PypiProvenanceEmpty = 1409, "PYPI_PROVENANCE_EMPTY",
        "PyPI provenance holds no attestation";

    // --- 15xx: GitHub release attestations -----------------------------------------------------
    /// The release to check is malformed: a repository that is not `OWNER/REPO`, an empty tag,
    /// a trust domain or tag digest of the wrong shape.
    ReleasePolicyInvalid = 1500, "RELEASE_POLICY_INVALID",
        "release policy is malformed (repository OWNER/REPO, tag, trust domain, tag digest)";
    /// The release statement's predicate lacks a string `repository` or `tag`.
    ReleasePredicateInvalid { field: &'static str } = 1501, "RELEASE_PREDICATE_INVALID",
        "release attestation predicate lacks a field";
    /// The attestation is for another repository.
    ReleaseRepositoryMismatch { found: String } = 1502, "RELEASE_REPOSITORY_MISMATCH",
        "release attestation names another repository";
    /// The attestation is for another tag.
    ReleaseTagMismatch { found: String } = 1503, "RELEASE_TAG_MISMATCH",
        "release attestation names another tag";
    /// No subject carries the tag's git ref digest that was asked for.
    ReleaseTagDigestMismatch = 1504, "RELEASE_TAG_DIGEST_MISMATCH",
        "release attestation does not name the tag's commit digest";
    /// The asset's SHA-256 is not among the release's subjects.
    ReleaseAssetNotAttested { sha256: String } = 1505, "RELEASE_ASSET_NOT_ATTESTED",
        "the asset's SHA-256 is not among the release attestation's subjects";

    // --- 16xx: npm packages --------------------------------------------------------------------
    /// The registry's `keys.json` is malformed (the field named).
    NpmKeysInvalid { field: &'static str } = 1600, "NPM_KEYS_INVALID",
        "npm registry keys file is malformed";
    /// The packument or version document is malformed, or lacks the version (field named).
    NpmPackageInvalid { field: &'static str } = 1601, "NPM_PACKAGE_INVALID",
        "npm packument is malformed or lacks the version";
    /// The version carries no registry signature (npm audit: missing).
    NpmSignatureMissing = 1602, "NPM_SIGNATURE_MISSING",
        "npm package version carries no registry signature";
    /// A registry signature names a key the registry's keys do not hold
    /// (EMISSINGSIGNATUREKEY).
    NpmSignatureKeyUnknown { keyid: String } = 1603, "NPM_SIGNATURE_KEY_UNKNOWN",
        "npm registry signature names an unknown key";
    /// The registry key had expired when the version was published (EEXPIREDSIGNATUREKEY).
    NpmSignatureKeyExpired { keyid: String } = 1604, "NPM_SIGNATURE_KEY_EXPIRED",
        "npm registry key had expired when the version was published";
    /// A registry signature does not verify (EINTEGRITYSIGNATURE).
    NpmSignatureInvalid { keyid: String } = 1605, "NPM_SIGNATURE_INVALID",
        "npm registry signature does not verify";
    /// The tarball's SHA-512 is not the one `integrity` names (EINTEGRITY).
    NpmIntegrityMismatch = 1606, "NPM_INTEGRITY_MISMATCH",
        "npm tarball's SHA-512 differs from the version's integrity";
    /// The version has attestations on the registry, and no attestations document was given.
    NpmAttestationsMissing = 1607, "NPM_ATTESTATIONS_MISSING",
        "npm package version has attestations, but none were given";
    /// The publish attestation is signed with a key id the registry's keys do not hold.
    NpmAttestationKeyUnknown { keyid: String } = 1608, "NPM_ATTESTATION_KEY_UNKNOWN",
        "npm publish attestation names an unknown registry key";
    /// The attestation's first subject is not the package's purl (EATTESTATIONSUBJECT).
    NpmSubjectNameMismatch { found: String } = 1609, "NPM_SUBJECT_NAME_MISMATCH",
        "npm attestation subject names another package";
    /// The attestation's first subject lacks the tarball's SHA-512 (EATTESTATIONSUBJECT).
    NpmSubjectDigestMismatch = 1610, "NPM_SUBJECT_DIGEST_MISMATCH",
        "npm attestation subject digest differs from the package's integrity";
    // --- 17xx: witness cosignatures, checkpoint state, log proofs ------------------------------
    /// A witness policy (`c2sp.org/tlog-policy`) does not parse: an unknown keyword, a wrong
    /// number of items, a malformed verifier key, a name used twice or before it is defined, a
    /// bad threshold, a byte the format does not allow, or not exactly one `quorum` line.
    WitnessPolicyInvalid { line: usize } = 1700, "WITNESS_POLICY_INVALID",
        "witness policy is malformed", cfg(feature = "witness");
    /// Two `log` lines, or two `witness` lines, of a witness policy hold the same public key.
    WitnessPolicyDuplicateKey { line: usize } = 1701, "WITNESS_POLICY_DUPLICATE_KEY",
        "witness policy lists one public key twice", cfg(feature = "witness");
    /// A witness policy key is of a type this build does not verify (ML-DSA-44 cosignatures,
    /// or Ed25519 in a build without it), or a `log` key is not a checkpoint key type.
    WitnessKeyUnsupported { line: usize } = 1702, "WITNESS_KEY_UNSUPPORTED",
        "witness policy key type is not supported by this build", cfg(feature = "witness");
    /// A cosignature line from a witness of the policy (its key name and key id) does not
    /// verify: the whole checkpoint is refused (`c2sp.org/signed-note`).
    WitnessCosignatureInvalid { entry: usize, witness: String } = 1703, "WITNESS_COSIGNATURE_INVALID",
        "witness cosignature does not verify", cfg(feature = "witness");
    /// A witness cosigned the checkpoint at a time after the verification time.
    WitnessCosignatureInFuture { entry: usize, witness: String } = 1704, "WITNESS_COSIGNATURE_IN_FUTURE",
        "witness cosignature is dated after the verification time", cfg(feature = "witness");
    /// The checkpoint's verified cosignatures do not meet the policy's quorum: `group` is the
    /// innermost group (or witness) that fell short, with how many of its members cosigned and
    /// how many it needs.
    WitnessQuorumNotMet { entry: usize, group: String, cosigned: usize, needed: usize } = 1705, "WITNESS_QUORUM_NOT_MET",
        "checkpoint cosignatures do not meet the witness quorum", cfg(feature = "witness");
    /// Under a witness policy that requires witnesses or lists logs, a tlog entry has no
    /// checkpoint (an inclusion promise alone): nothing could have been cosigned.
    WitnessCheckpointMissing { entry: usize } = 1706, "WITNESS_CHECKPOINT_MISSING",
        "tlog entry has no checkpoint for the witness policy to judge", cfg(feature = "witness");
    /// The witness policy lists logs, and the entry's log (its key and checkpoint origin) is
    /// not one of them.
    WitnessLogUnlisted { entry: usize } = 1707, "WITNESS_LOG_UNLISTED",
        "tlog entry's log is not listed in the witness policy", cfg(feature = "witness");
    /// A checkpoint state file does not parse (its header, or a checkpoint in it), or names one
    /// origin twice.
    LogStateInvalid = 1708, "LOG_STATE_INVALID",
        "checkpoint state is malformed", cfg(feature = "witness");
    /// The remembered checkpoint of this log and the presented one have different sizes, and
    /// no consistency proof between them was given.
    LogConsistencyProofMissing { origin: String, remembered: u64, presented: u64 } = 1709, "LOG_CONSISTENCY_PROOF_MISSING",
        "no consistency proof between the remembered and the presented checkpoint", cfg(feature = "witness");
    /// The consistency proof given does not connect the smaller tree to the larger one: the
    /// log may have forked, or the proof is wrong; both checkpoints are the evidence.
    LogConsistencyProofInvalid { origin: String, remembered: u64, presented: u64 } = 1710, "LOG_CONSISTENCY_PROOF_INVALID",
        "consistency proof does not connect the remembered and the presented checkpoint", cfg(feature = "witness");
    /// Two checkpoints of one log, both signed by it, have the same size and different root
    /// hashes: the log showed two views (a split view), and the pair proves it.
    LogSplitView { origin: String, size: u64 } = 1711, "LOG_SPLIT_VIEW",
        "log signed two different trees of the same size (split view)", cfg(feature = "witness");
    /// A consistency proof file is malformed (not Rekor's `{"rootHash", "hashes"}` JSON with
    /// hex SHA-256 hashes).
    LogConsistencyProofMalformed = 1712, "LOG_CONSISTENCY_PROOF_MALFORMED",
        "consistency proof file is malformed", cfg(feature = "witness");
    /// A `c2sp.org/tlog-proof` file does not parse: its header, `extra` or `index` line, a
    /// proof hash, or the checkpoint after it.
    TlogProofInvalid = 1713, "TLOG_PROOF_INVALID",
        "tlog proof file is malformed", cfg(feature = "witness");
    /// A tlog proof does not prove any tlog entry of the bundle (no entry's leaf hash, at its
    /// index and path, gives the checkpoint's root).
    TlogProofUnmatched = 1714, "TLOG_PROOF_UNMATCHED",
        "tlog proof proves no entry of the bundle", cfg(feature = "witness");

    // --- 18xx: firmware statements (`firmware`) -------------------------------------------------
    /// A firmware statement's predicate lacks a member or has one of the wrong form
    /// (`securityVersion` not an integer of 0 to 2^32 - 1, `vendor`/`class` not UUIDs, ...).
    FirmwareStatementInvalid { field: &'static str } = 1800, "FIRMWARE_STATEMENT_INVALID",
        "firmware statement is malformed";
    /// The image is for another vendor than the device's.
    FirmwareVendorMismatch { found: String } = 1801, "FIRMWARE_VENDOR_MISMATCH",
        "firmware image is for another vendor";
    /// The image is for another device class than the device's.
    FirmwareClassMismatch { found: String } = 1802, "FIRMWARE_CLASS_MISMATCH",
        "firmware image is for another device class";
    /// The image needs a later hardware revision than the device has.
    FirmwareHardwareUnsupported { required: u32, device: u32 } = 1803, "FIRMWARE_HARDWARE_UNSUPPORTED",
        "firmware image needs a later hardware revision";
    /// The image's security version is not greater than the device's anti-rollback counter
    /// (the same version again included).
    FirmwareVersionNotNewer { found: u32, installed: u32 } = 1804, "FIRMWARE_VERSION_NOT_NEWER",
        "firmware image is not newer than the installed security version";
    /// A device's vendor or class identifier is not a UUID.
    FirmwarePolicyInvalid = 1805, "FIRMWARE_POLICY_INVALID",
        "firmware policy's vendor or class is not a UUID";
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use alloc::collections::BTreeSet;
    use alloc::string::ToString;

    use super::*;

    #[test]
    fn codes_and_names_are_unique() {
        let codes: BTreeSet<u16> = Error::ALL.iter().map(|(c, _)| *c).collect();
        let names: BTreeSet<&str> = Error::ALL.iter().map(|(_, n)| *n).collect();
        assert_eq!(codes.len(), Error::ALL.len());
        assert_eq!(names.len(), Error::ALL.len());
    }

    #[test]
    fn display_names_the_check_and_its_context() {
        let e = Error::TlogInclusionProofInvalid { entry: 2 };
        assert_eq!(e.code(), 605);
        assert_eq!(e.name(), "TLOG_INCLUSION_PROOF_INVALID");
        assert_eq!(
            e.to_string(),
            "tlog inclusion proof does not verify (entry: 2)"
        );
        assert_eq!(
            Error::CertIsCa.to_string(),
            "signing certificate is a CA certificate"
        );
    }
}
