//! Transparency-log entries: which log, is the entry authentic (inclusion promise, inclusion
//! proof under a signed checkpoint), and does it describe this bundle.

use alloc::vec::Vec;

use crate::Error;
use crate::bundle::TlogEntry;
use crate::crypto::RsaPadding;
use crate::time::UnixTime;
use crate::trust_root::Log;

pub(crate) mod body;
pub(crate) mod checkpoint;
pub(crate) mod merkle;
pub(crate) mod promise;

/// A tlog entry that verified, with what it proves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// The entry's index in its log.
    pub log_index: u64,
    /// The log id (SHA-256 of the log key for Rekor v1).
    pub log_id: Vec<u8>,
    /// The log's base URL as the trusted root names it.
    pub log_url: alloc::string::String,
    /// The integrated time, present only when an inclusion promise signed it.
    pub integrated_time: Option<UnixTime>,
}

/// Verifies one entry against the trusted logs and the bundle it must describe.
pub(crate) fn verify_entry(
    index: usize,
    entry: &TlogEntry,
    logs: &[Log],
    expected: &body::Expected<'_>,
    now: UnixTime,
) -> Result<LogEntry, Error> {
    let log = logs
        .iter()
        .find(|l| l.log_id == entry.log_id)
        .ok_or(Error::TlogKeyUnknown { entry: index })?;
    if !body::SUPPORTED.contains(&(entry.kind.as_str(), entry.version.as_str())) {
        return Err(Error::TlogKindUnsupported { entry: index });
    }
    let mut integrated_time = None;
    if let Some(set) = &entry.inclusion_promise {
        if !promise::verify(
            log,
            set,
            &entry.body,
            entry.integrated_time,
            entry.log_index,
        ) {
            return Err(Error::TlogInclusionPromiseInvalid { entry: index });
        }
        let t = UnixTime(entry.integrated_time);
        if t > now {
            return Err(Error::TlogIntegratedTimeInFuture { entry: index });
        }
        if !log.validity.contains(t) {
            return Err(Error::TlogKeyNotValidAtTime { entry: index });
        }
        integrated_time = Some(t);
    }
    match &entry.inclusion_proof {
        Some(proof) => verify_inclusion(index, entry, proof, log)?,
        None if integrated_time.is_none() => {
            return Err(Error::TlogEntryUnverifiable { entry: index });
        }
        None => {}
    }
    body::check(index, &entry.kind, &entry.version, &entry.body, expected)?;
    Ok(LogEntry {
        log_index: entry.log_index,
        log_id: entry.log_id.clone(),
        log_url: log.base_url.clone(),
        integrated_time,
    })
}

fn verify_inclusion(
    index: usize,
    entry: &TlogEntry,
    proof: &crate::bundle::InclusionProof,
    log: &Log,
) -> Result<(), Error> {
    let leaf = merkle::leaf_hash(&entry.body);
    let root =
        merkle::root_from_inclusion_proof(proof.log_index, proof.tree_size, leaf, &proof.hashes);
    if root.as_ref().map(<[u8; 32]>::as_slice) != Some(proof.root_hash.as_slice()) {
        return Err(Error::TlogInclusionProofInvalid { entry: index });
    }
    let checkpoint = checkpoint::parse(&proof.checkpoint)
        .ok_or(Error::TlogCheckpointInvalid { entry: index })?;
    let hint_source = log.checkpoint_key_id.as_deref().unwrap_or(&log.log_id);
    let hint = hint_source
        .get(..4)
        .ok_or(Error::TlogCheckpointSignatureMissing { entry: index })?;
    // C2SP signed-note: a signature is the log's only when both the key name (the log's host)
    // and the key hint match; other lines are witnesses or unknown keys and are ignored.
    let name = log_host(&log.base_url);
    let mut candidates = checkpoint
        .signatures
        .iter()
        .filter(|s| s.key_hint == hint && s.name == name)
        .peekable();
    if candidates.peek().is_none() {
        return Err(Error::TlogCheckpointSignatureMissing { entry: index });
    }
    let signed = checkpoint.signed.as_bytes();
    let hash = log.key.default_hash();
    if !candidates.any(|s| {
        log.key
            .verify(hash, RsaPadding::Pkcs1v15, signed, &s.signature)
            .is_ok()
    }) {
        return Err(Error::TlogCheckpointSignatureInvalid { entry: index });
    }
    if checkpoint.size != proof.tree_size || checkpoint.root_hash != proof.root_hash {
        return Err(Error::TlogCheckpointRootMismatch { entry: index });
    }
    Ok(())
}

/// The host of a log's base URL (`https://rekor.sigstore.dev/` -> `rekor.sigstore.dev`), which
/// Rekor uses as its checkpoint key name.
fn log_host(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_host_strips_scheme_and_path() {
        assert_eq!(log_host("https://rekor.sigstore.dev"), "rekor.sigstore.dev");
        assert_eq!(
            log_host("https://log2025-1.rekor.sigstore.dev/api/"),
            "log2025-1.rekor.sigstore.dev"
        );
        assert_eq!(log_host("rekor.local"), "rekor.local");
    }
}
