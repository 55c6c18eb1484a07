//! Reading a TUF repository from a folder (with the `std` feature): the layouts of Sigstore's
//! root-signing repositories (`metadata/`, `metadata/root_history/N.root.json`, `targets/`)
//! and of its TUF CDN (`N.root.json`, `timestamp.json`, `V.snapshot.json`, `V.targets.json`,
//! `targets/<hash>.<name>`), or all files in one folder.
//!
//! Reading decides nothing: which file is which is read from the metadata without trusting it,
//! and [`super::update`] then checks everything.

use std::fs;
use std::io;
use std::path::Path;
use std::path::PathBuf;
use std::string::String;
use std::vec::Vec;

use super::Repository;
use super::State;
use super::TRUSTED_ROOT_TARGET;
use super::value::Value;

/// The signing config target, read when the repository has it.
pub const SIGNING_CONFIG_TARGET: &str = "signing_config.v0.2.json";

/// The files of a repository folder, owned; [`Files::repository`] lends them to
/// [`super::update`].
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
    /// Reads the repository in `dir` for an update from `anchor` (or the state's root when it
    /// is newer): the roots after that version until one is missing, then the other roles and
    /// the target files.
    pub fn read_dir(dir: &Path, anchor: &[u8], state: Option<&State>) -> io::Result<Self> {
        let meta_dir = if dir.join("metadata").is_dir() {
            dir.join("metadata")
        } else {
            dir.to_path_buf()
        };
        let targets_dir = if dir.join("targets").is_dir() {
            dir.join("targets")
        } else {
            dir.to_path_buf()
        };
        let start = [Some(anchor), state.map(State::root)]
            .into_iter()
            .flatten()
            .filter_map(|b| version_of(b, &[]))
            .max()
            .ok_or_else(|| invalid("the trust anchor has no version"))?;
        let mut files = Self::default();
        let mut next = start.saturating_add(1);
        loop {
            let name = std::format!("{next}.root.json");
            let found = [
                meta_dir.join("root_history").join(&name),
                meta_dir.join(&name),
            ]
            .into_iter()
            .find(|p| p.is_file());
            let Some(path) = found else { break };
            if files.roots.len() >= crate::limits::MAX_TUF_ROOT_ROTATIONS {
                // One past the limit, so that the update reports it.
                files.roots.push(read(&path)?);
                break;
            }
            files.roots.push(read(&path)?);
            next = next.saturating_add(1);
        }
        files.timestamp = read(&meta_dir.join("timestamp.json"))?;
        let snapshot_version = version_of(&files.timestamp, &["meta", "snapshot.json"]);
        files.snapshot = read_versioned(&meta_dir, "snapshot.json", snapshot_version)?;
        let targets_version = version_of(&files.snapshot, &["meta", "targets.json"]);
        files.targets = read_versioned(&meta_dir, "targets.json", targets_version)?;
        let listed = Value::parse(&files.targets, crate::limits::MAX_JSON_DEPTH).ok();
        for (name, required) in [(TRUSTED_ROOT_TARGET, true), (SIGNING_CONFIG_TARGET, false)] {
            let entry = listed
                .as_ref()
                .and_then(|t| t.get("signed"))
                .and_then(|s| s.get("targets"))
                .and_then(|t| t.get(name));
            match find_target(&targets_dir, name, entry) {
                Some(path) => files.target_files.push((String::from(name), read(&path)?)),
                None if required => {
                    return Err(io::Error::new(
                        io::ErrorKind::NotFound,
                        std::format!("{}: no {name} (nor <hash>.{name})", targets_dir.display()),
                    ));
                }
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

fn invalid(msg: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg)
}

fn read(path: &Path) -> io::Result<Vec<u8>> {
    fs::read(path).map_err(|e| io::Error::new(e.kind(), std::format!("{}: {e}", path.display())))
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
fn read_versioned(dir: &Path, name: &str, version: Option<u64>) -> io::Result<Vec<u8>> {
    let plain = dir.join(name);
    if plain.is_file() {
        return read(&plain);
    }
    match version {
        Some(v) => read(&dir.join(std::format!("{v}.{name}"))),
        None => read(&plain),
    }
}

/// `name`, or `<hash>.name` for a hash the (unverified) targets entry lists.
fn find_target(dir: &Path, name: &str, entry: Option<&Value>) -> Option<PathBuf> {
    let plain = dir.join(name);
    if plain.is_file() {
        return Some(plain);
    }
    let Some(Value::Object(hashes)) = entry?.get("hashes") else {
        return None;
    };
    hashes.iter().find_map(|(_, h)| match h {
        // Only hex digits: the name comes from unverified input and must stay in `dir`.
        Value::String(hex) if hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            let p = dir.join(std::format!("{hex}.{name}"));
            p.is_file().then_some(p)
        }
        _ => None,
    })
}
