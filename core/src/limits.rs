//! Every bound the verifier puts on untrusted input, with where each number comes from.
//!
//! DER has no limit of its own here: the verifier's own DER reader (`asn1.rs`) never recurses,
//! it walks the fixed shapes of X.509, SCT lists and CMS one level at a time; certificates are
//! decoded by `x509-cert` against the fixed RFC 5280 schema; and every DER input is already
//! bounded by [`MAX_BUNDLE_BYTES`] or [`MAX_TRUST_ROOT_BYTES`] before it is decoded from base64.
//! Work per bundle is bounded by these limits: at most [`MAX_TLOG_ENTRIES`] entries of at most
//! [`MAX_PROOF_HASHES`] hashes and one checkpoint each, [`MAX_TIMESTAMPS`] tokens,
//! [`MAX_SCTS`] SCTs and a chain of [`MAX_CHAIN_CERTIFICATES`] per trusted authority.

use core::fmt;

/// The limit an input exceeded; carried by [`crate::Error::LimitExceeded`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// [`MAX_BUNDLE_BYTES`]
    BundleBytes,
    /// [`MAX_TRUST_ROOT_BYTES`]
    TrustRootBytes,
    /// [`MAX_JSON_DEPTH`]
    JsonDepth,
    /// [`MAX_CHAIN_CERTIFICATES`]
    ChainCertificates,
    /// [`MAX_TLOG_ENTRIES`]
    TlogEntries,
    /// [`MAX_PROOF_HASHES`]
    ProofHashes,
    /// [`MAX_CHECKPOINT_BYTES`]
    CheckpointBytes,
    /// [`MAX_CHECKPOINT_SIGNATURES`]
    CheckpointSignatures,
    /// [`MAX_TIMESTAMPS`]
    Timestamps,
    /// [`MAX_SUBJECTS`]
    Subjects,
    /// [`MAX_SCTS`]
    Scts,
    /// [`MAX_TRUST_ROOT_ENTRIES`]
    TrustRootEntries,
    /// [`MAX_PATTERN_BYTES`]
    PatternBytes,
    /// [`MAX_PATTERN_NFA_BYTES`]
    PatternNfaBytes,
    /// [`MAX_PATTERN_NESTING`]
    PatternNesting,
    /// [`MAX_TUF_ROOT_BYTES`]
    TufRootBytes,
    /// [`MAX_TUF_TIMESTAMP_BYTES`]
    TufTimestampBytes,
    /// [`MAX_TUF_SNAPSHOT_BYTES`]
    TufSnapshotBytes,
    /// [`MAX_TUF_TARGETS_BYTES`]
    TufTargetsBytes,
    /// [`MAX_TUF_TARGET_FILE_BYTES`]
    TufTargetFileBytes,
    /// [`MAX_TUF_ROOT_ROTATIONS`]
    TufRootRotations,
    /// [`MAX_TUF_KEYS`]
    TufKeys,
    /// [`MAX_TUF_SIGNATURES`]
    TufSignatures,
    /// [`MAX_TUF_TARGETS`]
    TufTargetEntries,
    /// [`MAX_TUF_STATE_BYTES`]
    TufStateBytes,
    /// [`MAX_BUNDLES_IN_FILE`]
    BundlesInFile,
    /// [`MAX_BUNDLE_FILE_BYTES`]
    BundleFileBytes,
    /// [`MAX_NPM_DOCUMENT_BYTES`]
    NpmDocumentBytes,
    /// [`MAX_NPM_ENTRIES`]
    NpmEntries,
    /// [`MAX_WITNESS_POLICY_BYTES`]
    WitnessPolicyBytes,
    /// [`MAX_WITNESS_POLICY_ENTRIES`]
    WitnessPolicyEntries,
    /// [`MAX_LOG_STATE_BYTES`]
    LogStateBytes,
    /// [`MAX_LOG_STATE_LOGS`]
    LogStateLogs,
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, max) = match self {
            Self::BundleBytes => ("bundle bytes", MAX_BUNDLE_BYTES),
            Self::TrustRootBytes => ("trusted root bytes", MAX_TRUST_ROOT_BYTES),
            Self::JsonDepth => ("JSON nesting depth", MAX_JSON_DEPTH),
            Self::ChainCertificates => ("certificates in a chain", MAX_CHAIN_CERTIFICATES),
            Self::TlogEntries => ("tlog entries", MAX_TLOG_ENTRIES),
            Self::ProofHashes => ("inclusion proof hashes", MAX_PROOF_HASHES),
            Self::CheckpointBytes => ("checkpoint bytes", MAX_CHECKPOINT_BYTES),
            Self::CheckpointSignatures => ("checkpoint signatures", MAX_CHECKPOINT_SIGNATURES),
            Self::Timestamps => ("RFC 3161 timestamps", MAX_TIMESTAMPS),
            Self::Subjects => ("in-toto subjects", MAX_SUBJECTS),
            Self::Scts => ("embedded SCTs", MAX_SCTS),
            Self::TrustRootEntries => ("trusted root entries per kind", MAX_TRUST_ROOT_ENTRIES),
            Self::PatternBytes => ("identity or issuer pattern bytes", MAX_PATTERN_BYTES),
            Self::PatternNfaBytes => ("compiled pattern bytes", MAX_PATTERN_NFA_BYTES),
            Self::PatternNesting => (
                "pattern nesting depth",
                usize::try_from(MAX_PATTERN_NESTING).unwrap_or(usize::MAX),
            ),
            Self::TufRootBytes => ("TUF root metadata bytes", MAX_TUF_ROOT_BYTES),
            Self::TufTimestampBytes => ("TUF timestamp metadata bytes", MAX_TUF_TIMESTAMP_BYTES),
            Self::TufSnapshotBytes => ("TUF snapshot metadata bytes", MAX_TUF_SNAPSHOT_BYTES),
            Self::TufTargetsBytes => ("TUF targets metadata bytes", MAX_TUF_TARGETS_BYTES),
            Self::TufTargetFileBytes => ("TUF target file bytes", MAX_TUF_TARGET_FILE_BYTES),
            Self::TufRootRotations => ("TUF root rotations in one update", MAX_TUF_ROOT_ROTATIONS),
            Self::TufKeys => ("TUF keys of a root or a role", MAX_TUF_KEYS),
            Self::TufSignatures => ("TUF signatures on one metadata file", MAX_TUF_SIGNATURES),
            Self::TufTargetEntries => ("TUF targets or snapshot entries", MAX_TUF_TARGETS),
            Self::TufStateBytes => ("TUF state bytes", MAX_TUF_STATE_BYTES),
            Self::BundlesInFile => ("bundles in one attestation file", MAX_BUNDLES_IN_FILE),
            Self::BundleFileBytes => ("attestation file bytes", MAX_BUNDLE_FILE_BYTES),
            Self::NpmDocumentBytes => ("npm packument or keys file bytes", MAX_NPM_DOCUMENT_BYTES),
            Self::NpmEntries => ("npm registry keys or signatures", MAX_NPM_ENTRIES),
            Self::WitnessPolicyBytes => ("witness policy bytes", MAX_WITNESS_POLICY_BYTES),
            Self::WitnessPolicyEntries => (
                "logs, witnesses or groups of a witness policy",
                MAX_WITNESS_POLICY_ENTRIES,
            ),
            Self::LogStateBytes => ("checkpoint state bytes", MAX_LOG_STATE_BYTES),
            Self::LogStateLogs => ("logs in a checkpoint state", MAX_LOG_STATE_LOGS),
        };
        write!(f, "{what} > {max}")
    }
}

/// Largest bundle accepted, in bytes. Real bundles are 5-20 KiB; DSSE payloads with many
/// subjects reach a few hundred KiB. 4 MiB leaves room and still bounds memory.
pub const MAX_BUNDLE_BYTES: usize = 4 * 1024 * 1024;

/// Largest trusted root accepted, in bytes. The public-good root is under 10 KiB.
pub const MAX_TRUST_ROOT_BYTES: usize = 1024 * 1024;

/// Deepest JSON nesting accepted. A bundle nests 7 levels; in-toto predicates are not read.
/// The reader checks it before it recurses, so no input reaches a deeper stack.
pub const MAX_JSON_DEPTH: usize = 64;

/// Most certificates in one chain (bundle or trusted-root CA). Fulcio uses 2-3.
pub const MAX_CHAIN_CERTIFICATES: usize = 10;

/// Most tlog entries in one bundle; sigstore-go uses the same bound.
pub const MAX_TLOG_ENTRIES: usize = 32;

/// Most hashes in one inclusion proof: 64 covers any tree of up to 2^64 leaves.
pub const MAX_PROOF_HASHES: usize = 64;

/// Largest checkpoint (signed note) in bytes; real ones are under 1 KiB.
pub const MAX_CHECKPOINT_BYTES: usize = 16 * 1024;

/// Most signature lines in one checkpoint (the log's own plus witness cosignatures).
pub const MAX_CHECKPOINT_SIGNATURES: usize = 32;

/// Most RFC 3161 timestamps in one bundle; sigstore-go uses the same bound.
pub const MAX_TIMESTAMPS: usize = 32;

/// Most subjects in one in-toto statement that are compared against the artifact.
pub const MAX_SUBJECTS: usize = 1024;

/// Most SCTs read from one certificate's embedded list.
pub const MAX_SCTS: usize = 32;

/// Most logs, CAs or TSAs of one kind in a trusted root; public-good has fewer than 10.
pub const MAX_TRUST_ROOT_ENTRIES: usize = 64;

/// Longest identity or issuer pattern, in bytes. A workflow identity pattern is 100-200 bytes;
/// 1 KiB bounds parsing without limiting real patterns.
pub const MAX_PATTERN_BYTES: usize = 1024;

/// Largest compiled pattern, in bytes: its program's instruction count times the size of one
/// instruction (40 bytes, a 256-bit byte set at most), so about 1,600 instructions. Matching
/// costs time proportional to this size times the value's length, so it bounds the work of one
/// match; bounded repetitions (`[a-z]{1000}`) are what reach it, and their unrolled size is
/// checked before they are unrolled. Real identity patterns compile to a few KiB.
pub const MAX_PATTERN_NFA_BYTES: usize = 64 * 1024;

/// Deepest nesting of groups, repetitions and bracketed classes in a pattern; bounds the
/// parser's and the compiler's recursion.
pub const MAX_PATTERN_NESTING: u32 = 32;

/// Largest TUF root metadata file, in bytes (python-tuf's `root_max_length`). Sigstore's roots
/// are 6-10 KiB.
pub const MAX_TUF_ROOT_BYTES: usize = 512_000;

/// Largest TUF timestamp metadata file, in bytes (python-tuf's `timestamp_max_length`).
pub const MAX_TUF_TIMESTAMP_BYTES: usize = 16_384;

/// Largest TUF snapshot metadata file, in bytes (python-tuf's `snapshot_max_length`).
pub const MAX_TUF_SNAPSHOT_BYTES: usize = 2_000_000;

/// Largest TUF targets metadata file, in bytes (python-tuf's `targets_max_length`).
pub const MAX_TUF_TARGETS_BYTES: usize = 5_000_000;

/// Largest target file verified through TUF: the trusted-root size limit, since a trusted root
/// is the largest target sigverify reads.
pub const MAX_TUF_TARGET_FILE_BYTES: usize = MAX_TRUST_ROOT_BYTES;

/// Most root versions one update may rotate through (python-tuf's `max_root_rotations`).
/// Sigstore's production repository has rotated 14 times in five years.
pub const MAX_TUF_ROOT_ROTATIONS: usize = 256;

/// Most keys in one root, and most key ids in one role. Sigstore's roots hold 5-7 keys.
pub const MAX_TUF_KEYS: usize = 64;

/// Most signatures on one metadata file. Each is checked at most once (a role's key ids are
/// unique), so this bounds the signature checks per file. Sigstore's files carry at most 10.
pub const MAX_TUF_SIGNATURES: usize = 64;

/// Most entries in a targets role's `targets` or a snapshot's `meta`. Sigstore lists about 12.
pub const MAX_TUF_TARGETS: usize = 1024;

/// Largest persisted TUF state: a root in base64 and three versions.
pub const MAX_TUF_STATE_BYTES: usize = MAX_TUF_ROOT_BYTES * 2;

/// Most bundles read from one attestation file (JSON Lines or an attestations document). An
/// npm package has 2, a GitHub artifact a handful.
pub const MAX_BUNDLES_IN_FILE: usize = 64;

/// Largest attestation file of several bundles, in bytes: each bundle is then held to
/// [`MAX_BUNDLE_BYTES`].
pub const MAX_BUNDLE_FILE_BYTES: usize = 16 * 1024 * 1024;

/// Returns `Err(LimitExceeded)` when `count > max`.
pub(crate) fn check(count: usize, max: usize, limit: Limit) -> Result<(), crate::Error> {
    if count > max {
        return Err(crate::Error::LimitExceeded { limit });
    }
    Ok(())
}

/// Largest npm registry document read (a packument, a version document, `keys.json`), in
/// bytes. A version document is a few KiB; the full packuments of the busiest packages run to
/// tens of MiB.
pub const MAX_NPM_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// Most registry keys in `keys.json`, and most signatures on one package version. The
/// registry publishes two keys, and one signature per version.
pub const MAX_NPM_ENTRIES: usize = 64;

/// Largest witness policy file, in bytes. A policy of 64 witnesses with their keys is about
/// 8 KiB.
pub const MAX_WITNESS_POLICY_BYTES: usize = 64 * 1024;

/// Most logs, most witnesses and most groups in one witness policy (each counted on its own).
/// `c2sp.org/tlog-policy` asks implementations to support at least 32 of each.
pub const MAX_WITNESS_POLICY_ENTRIES: usize = 64;

/// Largest checkpoint state, in bytes: one signed checkpoint per log.
pub const MAX_LOG_STATE_BYTES: usize = MAX_LOG_STATE_LOGS * MAX_CHECKPOINT_BYTES;

/// Most logs one checkpoint state remembers.
pub const MAX_LOG_STATE_LOGS: usize = 64;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_the_limit_passes_and_one_more_fails() {
        assert_eq!(
            check(MAX_TLOG_ENTRIES, MAX_TLOG_ENTRIES, Limit::TlogEntries),
            Ok(())
        );
        assert_eq!(
            check(MAX_TLOG_ENTRIES + 1, MAX_TLOG_ENTRIES, Limit::TlogEntries),
            Err(crate::Error::LimitExceeded {
                limit: Limit::TlogEntries
            })
        );
    }
}
