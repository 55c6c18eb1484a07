//! The client workflow, step by step in the specification's order (and python-tuf's, where the
//! order decides which error a bad repository gets).

use alloc::string::String;
use alloc::vec::Vec;

use super::Repository;
use super::TRUSTED_ROOT_TARGET;
use super::Update;
use super::Versions;
use super::metadata;
use super::metadata::MetaFile;
use super::metadata::Role;
use super::metadata::Root;
use super::metadata::Signed;
use super::signatures::count_valid;
use super::state::State;
use crate::Error;
use crate::HashAlgorithm;
use crate::TrustedRoot;
use crate::UnixTime;
use crate::limits;
use crate::limits::Limit;

/// Runs one update: from `anchor` (or the state's root, when `state` holds a newer one)
/// through `repo`'s files, at time `now`. See the [module docs](super).
pub fn update(
    anchor: &[u8],
    state: Option<&State>,
    repo: &Repository<'_>,
    now: UnixTime,
) -> Result<Update, Error> {
    let anchor_root = trusted_anchor(anchor)?;
    let state_root = state.map(|s| trusted_anchor(&s.root)).transpose()?;
    let state_keys = state_root
        .as_ref()
        .map(|r| (r.body.timestamp.clone(), r.body.snapshot.clone()));
    // The anchor wins only when newer: a program upgraded with a newer compiled-in root.
    let (mut trusted, mut trusted_bytes) = match state_root {
        Some(r) if r.version >= anchor_root.version => (r, state.map(|s| s.root.as_slice())),
        _ => (anchor_root, Some(anchor)),
    };

    // Root rotation (5.3).
    limits::check(
        repo.roots.len(),
        limits::MAX_TUF_ROOT_ROTATIONS,
        Limit::TufRootRotations,
    )?;
    for bytes in &repo.roots {
        trusted = next_root(&trusted, bytes)?;
        trusted_bytes = Some(bytes);
    }
    let root = trusted;
    if now >= root.expires {
        return Err(expired(Role::Root, root.expires));
    }

    // Fast-forward recovery (5.3.11): versions signed by rotated-out keys no longer bind.
    let mut floor = state.map_or(Versions::ZERO, |s| Versions {
        root: 0,
        timestamp: s.timestamp,
        snapshot: s.snapshot,
        targets: s.targets,
    });
    if let Some((old_timestamp, old_snapshot)) = state_keys {
        if old_timestamp != root.body.timestamp {
            floor = Versions::ZERO;
        } else if old_snapshot != root.body.snapshot {
            floor.snapshot = 0;
            floor.targets = 0;
        }
    }

    let timestamp = timestamp(&root, repo.timestamp, &floor, now)?;
    let snapshot = snapshot(&root, &timestamp.body.snapshot, repo.snapshot, &floor, now)?;
    let targets = targets(&root, &snapshot, repo.targets, now)?;

    let mut files = Vec::with_capacity(repo.target_files.len());
    for (name, bytes) in &repo.target_files {
        check_target(&targets.body, name, bytes)?;
        files.push((String::from(*name), bytes.to_vec()));
    }
    let trusted_root_json = files
        .iter()
        .find(|(n, _)| n == TRUSTED_ROOT_TARGET)
        .map(|(_, b)| b.as_slice())
        .ok_or(Error::TufTargetMissing {
            target: String::from(TRUSTED_ROOT_TARGET),
        })?;
    let trusted_root = TrustedRoot::from_json(trusted_root_json)?;

    let versions = Versions {
        root: root.version,
        timestamp: timestamp.version,
        snapshot: snapshot.version,
        targets: targets.version,
    };
    let expires = [
        root.expires,
        timestamp.expires,
        snapshot.expires,
        targets.expires,
    ]
    .into_iter()
    .min()
    .unwrap_or(root.expires);
    Ok(Update {
        trusted_root,
        target_files: files,
        state: State {
            root: trusted_bytes.unwrap_or(anchor).to_vec(),
            root_version: root.version,
            timestamp: versions.timestamp,
            snapshot: versions.snapshot,
            targets: versions.targets,
        },
        versions,
        expires,
    })
}

impl Versions {
    const ZERO: Self = Self {
        root: 0,
        timestamp: 0,
        snapshot: 0,
        targets: 0,
    };
}

fn expired(role: Role, expires: UnixTime) -> Error {
    Error::TufMetadataExpired {
        role: role.name(),
        expires: expires.seconds(),
    }
}

fn threshold_error<T>(role: Role, meta: &Signed<T>, valid: usize, threshold: u64) -> Error {
    Error::TufThresholdNotMet {
        role: role.name(),
        version: meta.version,
        valid,
        threshold,
    }
}

fn meets(valid: usize, threshold: u64) -> bool {
    u64::try_from(valid).unwrap_or(u64::MAX) >= threshold
}

/// A root trusted as an anchor: well-formed and signed by a threshold of its own root keys
/// (5.2; its expiry is not checked, as only the final root's matters).
fn trusted_anchor(bytes: &[u8]) -> Result<Signed<Root>, Error> {
    let root = metadata::parse(Role::Root, bytes, metadata::read_root)?;
    let valid = count_valid(&root, &root.body, &root.body.root);
    if !meets(valid, root.body.root.threshold) {
        return Err(threshold_error(
            Role::Root,
            &root,
            valid,
            root.body.root.threshold,
        ));
    }
    Ok(root)
}

/// One rotation (5.3.4-5.3.6): signed by the trusted root's threshold, the next version,
/// signed by its own threshold.
fn next_root(trusted: &Signed<Root>, bytes: &[u8]) -> Result<Signed<Root>, Error> {
    let new = metadata::parse(Role::Root, bytes, metadata::read_root)?;
    let by_old = count_valid(&new, &trusted.body, &trusted.body.root);
    if !meets(by_old, trusted.body.root.threshold) {
        return Err(Error::TufRootNotSignedByPrevious {
            version: new.version,
            valid: by_old,
            threshold: trusted.body.root.threshold,
        });
    }
    let expected = trusted.version.saturating_add(1);
    if new.version != expected {
        return Err(Error::TufRootVersionNotNext {
            expected,
            found: new.version,
        });
    }
    let by_new = count_valid(&new, &new.body, &new.body.root);
    if !meets(by_new, new.body.root.threshold) {
        return Err(threshold_error(
            Role::Root,
            &new,
            by_new,
            new.body.root.threshold,
        ));
    }
    Ok(new)
}

/// Parses `bytes` as `role`'s metadata and checks its signatures against the final root.
fn signed_by_root<T>(
    root: &Signed<Root>,
    role: Role,
    bytes: &[u8],
    read: impl FnOnce(&super::value::Value) -> Result<T, Error>,
) -> Result<Signed<T>, Error> {
    let meta = metadata::parse(role, bytes, read)?;
    let keys = root.body.role(role);
    let valid = count_valid(&meta, &root.body, keys);
    if !meets(valid, keys.threshold) {
        return Err(threshold_error(role, &meta, valid, keys.threshold));
    }
    Ok(meta)
}

/// 5.4: the timestamp.
fn timestamp(
    root: &Signed<Root>,
    bytes: &[u8],
    floor: &Versions,
    now: UnixTime,
) -> Result<Signed<metadata::Timestamp>, Error> {
    let ts = signed_by_root(root, Role::Timestamp, bytes, metadata::read_timestamp)?;
    if ts.version < floor.timestamp {
        return Err(Error::TufRollback {
            role: Role::Timestamp.name(),
            trusted: floor.timestamp,
            found: ts.version,
        });
    }
    if ts.body.snapshot.version < floor.snapshot {
        return Err(Error::TufRollback {
            role: Role::Snapshot.name(),
            trusted: floor.snapshot,
            found: ts.body.snapshot.version,
        });
    }
    if now >= ts.expires {
        return Err(expired(Role::Timestamp, ts.expires));
    }
    Ok(ts)
}

/// 5.5: the snapshot the timestamp lists.
fn snapshot(
    root: &Signed<Root>,
    listed: &MetaFile,
    bytes: &[u8],
    floor: &Versions,
    now: UnixTime,
) -> Result<Signed<metadata::Snapshot>, Error> {
    check_meta_file(Role::Snapshot, listed, bytes)?;
    let snap = signed_by_root(root, Role::Snapshot, bytes, metadata::read_snapshot)?;
    if floor.targets > 0 {
        let targets = snap
            .body
            .meta
            .get("targets.json")
            .ok_or(Error::TufMetaMissing {
                role: Role::Targets.name(),
            })?;
        if targets.version < floor.targets {
            return Err(Error::TufRollback {
                role: Role::Targets.name(),
                trusted: floor.targets,
                found: targets.version,
            });
        }
    }
    if now >= snap.expires {
        return Err(expired(Role::Snapshot, snap.expires));
    }
    if snap.version != listed.version {
        return Err(Error::TufVersionMismatch {
            role: Role::Snapshot.name(),
            listed: listed.version,
            found: snap.version,
        });
    }
    Ok(snap)
}

/// 5.6: the top-level targets the snapshot lists.
fn targets(
    root: &Signed<Root>,
    snapshot: &Signed<metadata::Snapshot>,
    bytes: &[u8],
    now: UnixTime,
) -> Result<Signed<metadata::Targets>, Error> {
    let listed = snapshot
        .body
        .meta
        .get("targets.json")
        .ok_or(Error::TufMetaMissing {
            role: Role::Targets.name(),
        })?;
    check_meta_file(Role::Targets, listed, bytes)?;
    let targets = signed_by_root(root, Role::Targets, bytes, metadata::read_targets)?;
    if targets.version != listed.version {
        return Err(Error::TufVersionMismatch {
            role: Role::Targets.name(),
            listed: listed.version,
            found: targets.version,
        });
    }
    if now >= targets.expires {
        return Err(expired(Role::Targets, targets.expires));
    }
    Ok(targets)
}

/// Length and hashes of a metadata file, where the listing role gives them.
fn check_meta_file(role: Role, listed: &MetaFile, bytes: &[u8]) -> Result<(), Error> {
    if let Some(length) = listed.length {
        if u64::try_from(bytes.len()).ok() != Some(length) {
            return Err(Error::TufMetadataLengthMismatch { role: role.name() });
        }
    }
    if !hashes_match(&listed.hashes, bytes)? {
        return Err(Error::TufMetadataHashMismatch { role: role.name() });
    }
    Ok(())
}

fn check_target(targets: &metadata::Targets, name: &str, bytes: &[u8]) -> Result<(), Error> {
    let entry = targets
        .targets
        .get(name)
        .ok_or_else(|| Error::TufTargetUnknown {
            target: String::from(name),
        })?;
    limits::check(
        bytes.len(),
        limits::MAX_TUF_TARGET_FILE_BYTES,
        Limit::TufTargetFileBytes,
    )?;
    if u64::try_from(bytes.len()).ok() != Some(entry.length) {
        return Err(Error::TufTargetLengthMismatch {
            target: String::from(name),
        });
    }
    if !hashes_match(&entry.hashes, bytes)? {
        return Err(Error::TufTargetHashMismatch {
            target: String::from(name),
        });
    }
    Ok(())
}

/// Whether `bytes` has every listed hash. A hash this client cannot compute is an error, not
/// a pass: it could be the only one listed.
fn hashes_match(hashes: &[(String, Vec<u8>)], bytes: &[u8]) -> Result<bool, Error> {
    for (name, expected) in hashes {
        let alg = HashAlgorithm::from_name(name)
            .ok_or_else(|| Error::TufHashAlgorithmUnknown { name: name.clone() })?;
        if alg.digest(bytes) != *expected {
            return Ok(false);
        }
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The target-file limit (1 MiB, the trusted-root limit) has no vector file of its size in
    /// `conformance/tuf-vectors`: it is checked here, before the length and hashes.
    #[test]
    fn target_file_size_is_bounded_at_the_limit() {
        let max = limits::MAX_TUF_TARGET_FILE_BYTES;
        let at = alloc::vec![b'x'; max];
        let targets = |bytes: &[u8]| {
            let mut targets = alloc::collections::BTreeMap::new();
            targets.insert(
                String::from("big"),
                metadata::TargetFile {
                    length: u64::try_from(bytes.len()).unwrap(),
                    hashes: alloc::vec![(
                        String::from("sha256"),
                        HashAlgorithm::Sha256.digest(bytes)
                    )],
                },
            );
            metadata::Targets { targets }
        };
        assert_eq!(check_target(&targets(&at), "big", &at), Ok(()));
        let past = alloc::vec![b'x'; max + 1];
        assert_eq!(
            check_target(&targets(&past), "big", &past),
            Err(Error::LimitExceeded {
                limit: Limit::TufTargetFileBytes
            })
        );
    }

    /// More root versions than one update may rotate through are refused before any is read.
    #[cfg(feature = "default-roots")]
    #[test]
    fn root_rotations_are_bounded() {
        let roots = alloc::vec![&b"{}"[..]; limits::MAX_TUF_ROOT_ROTATIONS + 1];
        let repo = Repository {
            roots,
            ..Repository::default()
        };
        let err = update(super::super::PRODUCTION_ROOT, None, &repo, UnixTime(0)).err();
        assert_eq!(
            err,
            Some(Error::LimitExceeded {
                limit: Limit::TufRootRotations
            })
        );
    }
}
