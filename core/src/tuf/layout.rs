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
    /// The trust anchor has no readable version, so the next root file cannot be named.
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
    /// Root versions after the anchor, in order.
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
    /// Collects the files for an update from `anchor`: the roots after its version until one
    /// is missing (trust comes only from the anchor, so every update reads them all, whatever a
    /// state holds), then timestamp, snapshot and targets, then `trusted_root.json` and the
    /// signing config. When the newest root found says `consistent_snapshot`, the names the
    /// metadata gives (`V.snapshot.json`, `V.targets.json`, `<hash>.<target>`) come first and a
    /// plain name is only a fall-back (Sigstore's root-signing repositories publish only
    /// plain names), so a stale plain file beside them is never picked; otherwise plain names
    /// come first. `find(folder, name)` returns a file's bytes, or `None` when it is absent.
    pub fn collect<E>(
        anchor: &[u8],
        mut find: impl FnMut(Folder, &str) -> Result<Option<Vec<u8>>, E>,
    ) -> Result<Self, LayoutError<E>> {
        let mut find =
            |folder: Folder, name: &str| find(folder, name).map_err(LayoutError::Unreadable);
        let start = version_of(anchor, &[]).ok_or(LayoutError::AnchorWithoutVersion)?;
        let mut files = Self::default();
        let mut consistent = consistent_snapshot(anchor);
        // No version follows 2^64-1.
        let mut next = start.checked_add(1);
        while let Some(version) = next {
            // The update rotates through at most this many; the rest wait for the next one.
            if files.roots.len() >= crate::limits::MAX_TUF_ROOT_ROTATIONS {
                break;
            }
            let name = format!("{version}.root.json");
            let found = match find(Folder::RootHistory, &name)? {
                Some(bytes) => Some(bytes),
                None => find(Folder::Metadata, &name)?,
            };
            let Some(bytes) = found else { break };
            consistent = consistent_snapshot(&bytes);
            files.roots.push(bytes);
            next = version.checked_add(1);
        }
        files.timestamp = find(Folder::Metadata, "timestamp.json")?
            .ok_or_else(|| LayoutError::Missing(String::from("timestamp.json")))?;
        let snapshot_version = version_of(&files.timestamp, &["meta", "snapshot.json"]);
        files.snapshot = versioned(&mut find, "snapshot.json", snapshot_version, consistent)?;
        let targets_version = version_of(&files.snapshot, &["meta", "targets.json"]);
        files.targets = versioned(&mut find, "targets.json", targets_version, consistent)?;
        let listed = Value::parse(&files.targets, crate::limits::MAX_JSON_DEPTH).ok();
        for (name, required) in [(TRUSTED_ROOT_TARGET, true), (SIGNING_CONFIG_TARGET, false)] {
            let entry = listed
                .as_ref()
                .and_then(|t| t.get("signed"))
                .and_then(|s| s.get("targets"))
                .and_then(|t| t.get(name));
            match target(&mut find, name, entry, consistent)? {
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

/// Whether a root (read without trusting it) says `consistent_snapshot: true`.
fn consistent_snapshot(root: &[u8]) -> bool {
    Value::parse(root, crate::limits::MAX_JSON_DEPTH)
        .ok()
        .and_then(|doc| doc.get("signed")?.get("consistent_snapshot").cloned())
        == Some(Value::Bool(true))
}

/// `V.name` as consistent snapshots publish it, or the plain `name`; in that order when
/// `consistent`, else plain first.
fn versioned<E>(
    find: &mut impl FnMut(Folder, &str) -> Result<Option<Vec<u8>>, LayoutError<E>>,
    name: &str,
    version: Option<u64>,
    consistent: bool,
) -> Result<Vec<u8>, LayoutError<E>> {
    let prefixed = version.map(|v| format!("{v}.{name}"));
    let mut names = [Some(String::from(name)), prefixed];
    if consistent {
        names.reverse();
    }
    for candidate in names.iter().flatten() {
        if let Some(bytes) = find(Folder::Metadata, candidate)? {
            return Ok(bytes);
        }
    }
    Err(LayoutError::Missing(String::from(name)))
}

/// `<hash>.name` for a hash the (unverified) targets entry lists, or the plain `name`; in
/// that order when `consistent`, else plain first.
fn target<E>(
    find: &mut impl FnMut(Folder, &str) -> Result<Option<Vec<u8>>, LayoutError<E>>,
    name: &str,
    entry: Option<&Value>,
    consistent: bool,
) -> Result<Option<Vec<u8>>, LayoutError<E>> {
    let mut names: Vec<String> = Vec::new();
    if let Some(Value::Object(hashes)) = entry.and_then(|e| e.get("hashes")) {
        for (_, h) in hashes {
            // Only hex digits: the name comes from unverified input and must name a plain file.
            let Value::String(hex) = h else { continue };
            if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                names.push(format!("{hex}.{name}"));
            }
        }
    }
    if consistent {
        names.push(String::from(name));
    } else {
        names.insert(0, String::from(name));
    }
    for candidate in &names {
        if let Some(bytes) = find(Folder::Targets, candidate)? {
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
        let files = Files::collect::<()>(&root(2), |_, name| Ok(store.get(name).cloned()));
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

    /// With `consistent_snapshot`, the names the metadata gives win over stale plain files.
    #[test]
    fn consistent_snapshots_read_the_names_the_metadata_gives() {
        let anchor = br#"{"signed":{"_type":"root","version":1,"consistent_snapshot":true}}"#;
        let ts = br#"{"signed":{"meta":{"snapshot.json":{"version":7}}}}"#.to_vec();
        let snap = br#"{"signed":{"meta":{"targets.json":{"version":3}}}}"#.to_vec();
        let targets =
            br#"{"signed":{"targets":{"trusted_root.json":{"hashes":{"sha256":"ab12"}}}}}"#
                .to_vec();
        let store = flat(&[
            ("timestamp.json", ts),
            ("snapshot.json", b"stale".to_vec()),
            ("7.snapshot.json", snap.clone()),
            ("targets.json", b"stale".to_vec()),
            ("3.targets.json", targets.clone()),
            ("trusted_root.json", b"stale".to_vec()),
            ("ab12.trusted_root.json", b"TR".to_vec()),
        ]);
        let files = Files::collect::<()>(anchor, |_, name| Ok(store.get(name).cloned())).unwrap();
        assert_eq!((files.snapshot, files.targets), (snap, targets));
        assert_eq!(
            files.target_files,
            [(String::from("trusted_root.json"), b"TR".to_vec())]
        );
    }

    /// No root can follow version 2^64-1: nothing is looked up past it, and nothing loops.
    #[test]
    fn no_root_is_looked_for_after_the_last_version() {
        let mut asked = Vec::new();
        let err = Files::collect::<()>(&root(u64::MAX), |_, name| {
            asked.push(String::from(name));
            Ok(None)
        })
        .err();
        assert_eq!(
            err,
            Some(LayoutError::Missing(String::from("timestamp.json")))
        );
        assert_eq!(asked, [String::from("timestamp.json")]);
    }

    #[test]
    fn a_missing_file_or_a_versionless_anchor_is_named() {
        let none = |_: Folder, _: &str| Ok::<_, ()>(None);
        assert_eq!(
            Files::collect(b"{}", none).err(),
            Some(LayoutError::AnchorWithoutVersion)
        );
        assert_eq!(
            Files::collect(&root(1), none).err(),
            Some(LayoutError::Missing(String::from("timestamp.json")))
        );
        let failing = |_: Folder, _: &str| Err::<Option<Vec<u8>>, _>("disk");
        assert_eq!(
            Files::collect(&root(1), failing).err(),
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
        let files = Files::collect::<()>(&root(1), |_, name| Ok(store.get(name).cloned()));
        assert_eq!(
            files.err(),
            Some(LayoutError::Missing(String::from("trusted_root.json")))
        );
    }
}
