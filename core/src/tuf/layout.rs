//! Which file of a TUF repository is which, for any store of files: the layouts of Sigstore's
//! root-signing repositories (`metadata/`, `metadata/root_history/N.root.json`, `targets/`),
//! of its TUF CDN (`N.root.json`, `timestamp.json`, `V.snapshot.json`, `V.targets.json`,
//! `targets/<hash>.<name>`), or all files side by side (a browser's file picker).
//!
//! Choosing files decides nothing: which file is which is read from the metadata without
//! trusting it, and [`super::update`] then checks everything. The store is a function, so the
//! same rules serve a folder (`tuf::dir`, with `std`) and files held in memory.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use super::Repository;
use super::State;
use super::TRUSTED_ROOT_TARGET;
use super::value::Value;

/// The signing config target, collected when the repository has it.
pub const SIGNING_CONFIG_TARGET: &str = "signing_config.v0.2.json";

/// Where in a repository a file is looked for. A store without folders ignores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Folder {
    /// `metadata/root_history/`: every root version, in Sigstore's root-signing repositories.
    RootHistory,
    /// `metadata/` (or the repository's top folder): roots, timestamp, snapshot, targets.
    Metadata,
    /// `targets/`: the target files.
    Targets,
}

/// Why the files of an update could not be collected (before any check of their content).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayoutError<E> {
    /// The store failed to read a file that is there.
    Unreadable(E),
    /// A required file is absent: `timestamp.json`, the snapshot or targets metadata, or
    /// `trusted_root.json` (by name or as `<hash>.trusted_root.json`).
    Missing(String),
    /// Neither the trust anchor nor the state's root has a readable version, so the next root
    /// file cannot be named.
    AnchorWithoutVersion,
}

impl<E: fmt::Display> fmt::Display for LayoutError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable(e) => write!(f, "{e}"),
            Self::Missing(name) => write!(f, "no {name} in the TUF repository"),
            Self::AnchorWithoutVersion => f.write_str("the trust anchor has no version"),
        }
    }
}

/// The files of one update, owned; [`Files::repository`] lends them to [`super::update`].
#[derive(Clone, Debug, Default)]
pub struct Files {
    /// Root versions after the trusted one, in order.
    pub roots: Vec<Vec<u8>>,
    /// `timestamp.json`.
    pub timestamp: Vec<u8>,
    /// The snapshot metadata.
    pub snapshot: Vec<u8>,
    /// The targets metadata.
    pub targets: Vec<u8>,
    /// Target files by name: `trusted_root.json`, and `signing_config.v0.2.json` when present.
    pub target_files: Vec<(String, Vec<u8>)>,
}

impl Files {
    /// Collects the files for an update from `anchor` (or the state's root when it is newer):
    /// the roots after that version until one is missing, then timestamp, snapshot and
    /// targets (plain or version-prefixed names), then `trusted_root.json` and the signing
    /// config (plain or hash-prefixed names). `find(folder, name)` returns a file's bytes, or
    /// `None` when it is absent.
    pub fn collect<E>(
        anchor: &[u8],
        state: Option<&State>,
        mut find: impl FnMut(Folder, &str) -> Result<Option<Vec<u8>>, E>,
    ) -> Result<Self, LayoutError<E>> {
        let mut find =
            |folder: Folder, name: &str| find(folder, name).map_err(LayoutError::Unreadable);
        let start = [Some(anchor), state.map(State::root)]
            .into_iter()
            .flatten()
            .filter_map(|b| version_of(b, &[]))
            .max()
            .ok_or(LayoutError::AnchorWithoutVersion)?;
        let mut files = Self::default();
        let mut next = start.saturating_add(1);
        loop {
            let name = format!("{next}.root.json");
            let found = match find(Folder::RootHistory, &name)? {
                Some(bytes) => Some(bytes),
                None => find(Folder::Metadata, &name)?,
            };
            let Some(bytes) = found else { break };
            files.roots.push(bytes);
            // One past the limit is enough for the update to report it.
            if files.roots.len() > crate::limits::MAX_TUF_ROOT_ROTATIONS {
                break;
            }
            next = next.saturating_add(1);
        }
        files.timestamp = find(Folder::Metadata, "timestamp.json")?
            .ok_or_else(|| LayoutError::Missing(String::from("timestamp.json")))?;
        let snapshot_version = version_of(&files.timestamp, &["meta", "snapshot.json"]);
        files.snapshot = versioned(&mut find, "snapshot.json", snapshot_version)?;
        let targets_version = version_of(&files.snapshot, &["meta", "targets.json"]);
        files.targets = versioned(&mut find, "targets.json", targets_version)?;
        let listed = Value::parse(&files.targets, crate::limits::MAX_JSON_DEPTH).ok();
        for (name, required) in [(TRUSTED_ROOT_TARGET, true), (SIGNING_CONFIG_TARGET, false)] {
            let entry = listed
                .as_ref()
                .and_then(|t| t.get("signed"))
                .and_then(|s| s.get("targets"))
                .and_then(|t| t.get(name));
            match target(&mut find, name, entry)? {
                Some(bytes) => files.target_files.push((String::from(name), bytes)),
                None if required => return Err(LayoutError::Missing(String::from(name))),
                None => {}
            }
        }
        Ok(files)
    }

    /// The files as the input of [`super::update`].
    pub fn repository(&self) -> Repository<'_> {
        Repository {
            roots: self.roots.iter().map(Vec::as_slice).collect(),
            timestamp: &self.timestamp,
            snapshot: &self.snapshot,
            targets: &self.targets,
            target_files: self
                .target_files
                .iter()
                .map(|(n, b)| (n.as_str(), b.as_slice()))
                .collect(),
        }
    }
}

/// `signed.<path...>.version` of a metadata file, read without trusting it.
fn version_of(bytes: &[u8], path: &[&str]) -> Option<u64> {
    let doc = Value::parse(bytes, crate::limits::MAX_JSON_DEPTH).ok()?;
    let mut v = doc.get("signed")?;
    for key in path {
        v = v.get(key)?;
    }
    match v.get("version")? {
        Value::Integer(digits) => digits.parse().ok(),
        _ => None,
    }
}

/// `name`, or `V.name` as consistent snapshots publish it.
fn versioned<E>(
    find: &mut impl FnMut(Folder, &str) -> Result<Option<Vec<u8>>, LayoutError<E>>,
    name: &str,
    version: Option<u64>,
) -> Result<Vec<u8>, LayoutError<E>> {
    if let Some(bytes) = find(Folder::Metadata, name)? {
        return Ok(bytes);
    }
    let prefixed = match version {
        Some(v) => find(Folder::Metadata, &format!("{v}.{name}"))?,
        None => None,
    };
    prefixed.ok_or_else(|| LayoutError::Missing(String::from(name)))
}

/// `name`, or `<hash>.name` for a hash the (unverified) targets entry lists.
fn target<E>(
    find: &mut impl FnMut(Folder, &str) -> Result<Option<Vec<u8>>, LayoutError<E>>,
    name: &str,
    entry: Option<&Value>,
) -> Result<Option<Vec<u8>>, LayoutError<E>> {
    if let Some(bytes) = find(Folder::Targets, name)? {
        return Ok(Some(bytes));
    }
    let Some(Value::Object(hashes)) = entry.and_then(|e| e.get("hashes")) else {
        return Ok(None);
    };
    for (_, h) in hashes {
        // Only hex digits: the name comes from unverified input and must name a plain file.
        let Value::String(hex) = h else { continue };
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            continue;
        }
        if let Some(bytes) = find(Folder::Targets, &format!("{hex}.{name}"))? {
            return Ok(Some(bytes));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use alloc::collections::BTreeMap;

    use super::*;

    fn root(version: u64) -> Vec<u8> {
        format!(r#"{{"signed":{{"_type":"root","version":{version}}},"signatures":[]}}"#)
            .into_bytes()
    }

    /// A flat store (no folders), as a browser's file picker gives.
    fn flat(names: &[(&str, Vec<u8>)]) -> BTreeMap<String, Vec<u8>> {
        names
            .iter()
            .map(|(n, b)| (String::from(*n), b.clone()))
            .collect()
    }

    #[test]
    fn roots_after_the_anchor_then_versioned_roles_and_hashed_targets() {
        let ts = br#"{"signed":{"meta":{"snapshot.json":{"version":7}}}}"#.to_vec();
        let snap = br#"{"signed":{"meta":{"targets.json":{"version":3}}}}"#.to_vec();
        let targets =
            br#"{"signed":{"targets":{"trusted_root.json":{"hashes":{"sha256":"ab12"}}}}}"#
                .to_vec();
        let store = flat(&[
            ("2.root.json", root(2)),
            ("3.root.json", root(3)),
            ("4.root.json", root(4)),
            ("6.root.json", root(6)),
            ("timestamp.json", ts.clone()),
            ("7.snapshot.json", snap.clone()),
            ("3.targets.json", targets.clone()),
            ("ab12.trusted_root.json", b"TR".to_vec()),
        ]);
        let files = Files::collect::<()>(&root(2), None, |_, name| Ok(store.get(name).cloned()));
        let files = files.unwrap();
        // From version 2: 3 and 4, stopping at the gap before 6.
        assert_eq!(files.roots, [root(3), root(4)]);
        assert_eq!(files.timestamp, ts);
        assert_eq!(files.snapshot, snap);
        assert_eq!(files.targets, targets);
        assert_eq!(
            files.target_files,
            [(String::from("trusted_root.json"), b"TR".to_vec())]
        );
    }

    #[test]
    fn a_missing_file_or_a_versionless_anchor_is_named() {
        let none = |_: Folder, _: &str| Ok::<_, ()>(None);
        assert_eq!(
            Files::collect(b"{}", None, none).err(),
            Some(LayoutError::AnchorWithoutVersion)
        );
        assert_eq!(
            Files::collect(&root(1), None, none).err(),
            Some(LayoutError::Missing(String::from("timestamp.json")))
        );
        let failing = |_: Folder, _: &str| Err::<Option<Vec<u8>>, _>("disk");
        assert_eq!(
            Files::collect(&root(1), None, failing).err(),
            Some(LayoutError::Unreadable("disk"))
        );
    }

    #[test]
    fn a_hash_that_is_not_hex_never_names_a_file() {
        let targets =
            br#"{"signed":{"targets":{"trusted_root.json":{"hashes":{"sha256":"../x"}}}}}"#;
        let store = flat(&[
            ("timestamp.json", b"{}".to_vec()),
            ("snapshot.json", b"{}".to_vec()),
            ("targets.json", targets.to_vec()),
            ("../x.trusted_root.json", b"TR".to_vec()),
        ]);
        let files = Files::collect::<()>(&root(1), None, |_, name| Ok(store.get(name).cloned()));
        assert_eq!(
            files.err(),
            Some(LayoutError::Missing(String::from("trusted_root.json")))
        );
    }
}
