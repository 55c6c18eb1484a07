//! The shared conformance suite of sigverify: loads the upstream sigstore-conformance
//! `bundle-verify` cases and the project's own generated vectors, and runs them through the
//! library in both artifact modes. The generator of the own vectors lives here too.

use std::fs;
use std::path::Path;
use std::path::PathBuf;
use std::time::SystemTime;

use sigverify::Artifact;
use sigverify::Bundle;
use sigverify::Config;
use sigverify::Digest;
use sigverify::Error;
use sigverify::LogEntry;
use sigverify::Policy;
use sigverify::Sha256Digest;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verified;
use sigverify::Verifier;

#[doc(hidden)]
pub mod beside;
pub mod builders;
mod expect;
pub mod firmware_vectors;
pub mod generator;
pub mod manifest;
pub mod merkle;
pub mod mutate;
pub mod npm_vectors;
mod own;
pub mod reference;
pub mod tuf_manifest;

pub use expect::Expectations;
pub use expect::UPSTREAM_EXPECT;
pub use expect::Verdict;
pub use own::OwnCase;
pub use own::OwnPolicy;
pub use own::OwnRoot;
pub use own::PolicyJsonError;
pub use own::condition_from_json;
pub use own::examples_dir;
pub use own::generate;
pub use own::generate_tuf;
pub use own::load_own;
pub use own::own_config;
pub use own::own_dir;
pub use own::own_root_and_policy;
pub use own::run_own;
pub use own::run_own_with;
pub use own::tuf_dir;

/// The default identity of the upstream suite (its README).
pub const DEFAULT_IDENTITY: &str = "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
/// The default OIDC issuer of the upstream suite (its README).
pub const DEFAULT_ISSUER: &str = "https://token.actions.githubusercontent.com";

/// One upstream case folder.
#[derive(Clone, Debug)]
pub struct Case {
    /// The folder name.
    pub name: String,
    /// Whether upstream expects failure (`_fail` suffix).
    pub must_fail: bool,
    /// `bundle.sigstore.json`.
    pub bundle: PathBuf,
    /// The artifact (the folder's `artifact`, else the suite's `a.txt`).
    pub artifact: PathBuf,
    /// The expected identity.
    pub identity: String,
    /// The expected OIDC issuer.
    pub issuer: String,
    /// `key.pub`, when the case checks a managed key.
    pub key: Option<PathBuf>,
    /// `trusted_root.json`, when the case brings its own root.
    pub trusted_root: Option<PathBuf>,
}

/// How the artifact is handed to the verifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The artifact bytes.
    Artifact,
    /// Only its `sha256:` digest.
    Digest,
}

impl Mode {
    /// The mode's name in tables and overlays.
    pub fn name(self) -> &'static str {
        match self {
            Self::Artifact => "artifact",
            Self::Digest => "digest",
        }
    }
}

/// Where the upstream vectors live: `$SIGVERIFY_UPSTREAM_VECTORS`, else
/// `../shared/vectors/sigstore-conformance` beside the workspace.
pub fn upstream_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SIGVERIFY_UPSTREAM_VECTORS") {
        return Some(PathBuf::from(dir));
    }
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors/sigstore-conformance");
    dir.is_dir().then_some(dir)
}

/// Loads every case folder under `dir`, sorted by name.
pub fn load_upstream(dir: &Path) -> std::io::Result<Vec<Case>> {
    let mut cases = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if !path.join("bundle.sigstore.json").is_file() {
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let read = |f: &str| {
            fs::read_to_string(path.join(f))
                .ok()
                .map(|s| s.trim().to_owned())
        };
        let artifact = if path.join("artifact").is_file() {
            path.join("artifact")
        } else {
            dir.join("a.txt")
        };
        cases.push(Case {
            must_fail: name.ends_with("_fail"),
            bundle: path.join("bundle.sigstore.json"),
            artifact,
            identity: read("identity").unwrap_or_else(|| DEFAULT_IDENTITY.to_owned()),
            issuer: read("issuer").unwrap_or_else(|| DEFAULT_ISSUER.to_owned()),
            key: path.join("key.pub").is_file().then(|| path.join("key.pub")),
            trusted_root: path
                .join("trusted_root.json")
                .is_file()
                .then(|| path.join("trusted_root.json")),
            name,
        });
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}

/// The current time as the verifier takes it.
pub fn now() -> UnixTime {
    UnixTime(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0),
    )
}

/// Hashes a file in 64 KiB chunks.
pub fn hash_file(path: &Path) -> std::io::Result<Sha256Digest> {
    fs::File::open(path).and_then(Sha256Digest::of_reader)
}

/// Hashes a file in 64 KiB chunks with the algorithm `bundle` needs of its artifact
/// ([`Bundle::artifact_hash`]), as a streaming caller does.
pub fn digest_file(path: &Path, bundle: &Bundle) -> std::io::Result<Digest> {
    fs::File::open(path).and_then(|f| Digest::of_reader(f, bundle.artifact_hash()))
}

/// The `ALG:HEX` digest of `artifact` that the bundle at `bundle_path` needs; SHA-256 when
/// the bundle does not parse (its run then fails before the digest matters).
pub fn prefixed_digest(bundle_path: &Path, artifact: &Path) -> std::io::Result<String> {
    match Bundle::from_json(&fs::read(bundle_path).unwrap_or_default()) {
        Ok(bundle) => digest_file(artifact, &bundle).map(|d| d.to_prefixed_hex()),
        Err(_) => hash_file(artifact).map(|d| format!("sha256:{}", d.to_hex())),
    }
}

/// Runs one case in one mode through the library.
pub fn run(case: &Case, mode: Mode) -> Result<Verified, Error> {
    run_with(case, mode, None)
}

/// [`run`], with `backend` (if any) installed as the verifier's ECDSA backend.
pub fn run_with(
    case: &Case,
    mode: Mode,
    backend: Option<&'static dyn sigverify::backend::EcdsaBackend>,
) -> Result<Verified, Error> {
    let root = match &case.trusted_root {
        Some(path) => TrustedRoot::from_json(&fs::read(path).unwrap_or_default())?,
        None => TrustedRoot::production()?,
    };
    let policy = match &case.key {
        Some(path) => Policy::public_key_pem(&fs::read_to_string(path).unwrap_or_default())?,
        None => Policy::identity(case.identity.clone(), case.issuer.clone())?,
    };
    let bundle = Bundle::from_json(&fs::read(&case.bundle).unwrap_or_default())?;
    let bytes = fs::read(&case.artifact).unwrap_or_default();
    let artifact = match mode {
        Mode::Artifact => Artifact::Bytes(&bytes),
        Mode::Digest => Artifact::Digest(
            digest_file(&case.artifact, &bundle).unwrap_or(Digest::Sha256([0; 32])),
        ),
    };
    let mut verifier = Verifier::new(root, Config::default());
    if let Some(backend) = backend {
        verifier = verifier.with_ecdsa_backend(backend);
    }
    verifier.verify(&bundle, artifact, &policy, now())
}

/// The items a verification skipped, one line each: `timestamp 0 TIMESTAMP_IMPRINT_MISMATCH`,
/// `tlog-entry 1 TLOG_KEY_UNKNOWN`, `sct 0 SCT_LOG_UNKNOWN`.
pub fn skipped_lines(v: &Verified) -> Vec<String> {
    v.skipped
        .iter()
        .map(|s| {
            let (kind, i) = match s.item {
                sigverify::SkippedItem::TlogEntry(i) => ("tlog-entry", i),
                sigverify::SkippedItem::Timestamp(i) => ("timestamp", i),
                sigverify::SkippedItem::Sct(i) => ("sct", i),
                _ => ("item", 0),
            };
            format!("{kind} {i} {}", s.reason.name())
        })
        .collect()
}

/// The outcome of a run as the overlay names it: `ok` or the error's name.
pub fn outcome_name(result: &Result<Verified, Error>) -> String {
    match result {
        Ok(_) => "ok".to_owned(),
        Err(e) => e.name().to_owned(),
    }
}

/// Whether `mutated` claims nothing that `original` did not: same signer and statement, and
/// only signing times and log entries the original also had. The mutation test and the
/// differential fuzz target hold every accepted mutation of a verifying vector to this.
pub fn means_no_more(mutated: &Verified, original: &Verified) -> bool {
    mutated.identity == original.identity
        && mutated.issuer == original.issuer
        && mutated.statement == original.statement
        && mutated
            .signing_times
            .iter()
            .all(|t| original.signing_times.contains(t))
        && mutated.log_entries.iter().all(|e| {
            original
                .log_entries
                .iter()
                .any(|o| entry_means_no_more(e, o))
        })
}

/// Whether a verified entry claims nothing that `original` did not: the same entry, with the
/// same integrated time or none (a bundle whose inclusion promise was removed still has its
/// entry proved by the inclusion proof, but no signed time: it claims less).
pub fn entry_means_no_more(mutated: &LogEntry, original: &LogEntry) -> bool {
    mutated.log_index == original.log_index
        && mutated.log_id == original.log_id
        && mutated.log_url == original.log_url
        && (mutated.integrated_time.is_none()
            || mutated.integrated_time == original.integrated_time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_means_no_more_without_its_time_and_more_with_another() {
        let entry = |index: u64, time: Option<u64>| LogEntry {
            log_index: index,
            log_id: vec![1, 2],
            log_url: "https://rekor.sigstore.dev".to_owned(),
            integrated_time: time.map(UnixTime),
            checkpoint: None,
        };
        let original = entry(7, Some(100));
        assert!(entry_means_no_more(&original, &original));
        assert!(
            entry_means_no_more(&entry(7, None), &original),
            "the time dropped"
        );
        assert!(
            !entry_means_no_more(&entry(7, Some(101)), &original),
            "another time"
        );
        assert!(
            !entry_means_no_more(&entry(8, None), &original),
            "another entry"
        );
        assert!(
            !entry_means_no_more(&entry(7, Some(100)), &entry(7, None)),
            "a time added"
        );
    }
}
