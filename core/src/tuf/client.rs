//! The client workflow, step by step in the specification's order (and python-tuf's, where the
//! order decides which error a bad repository gets).

use crate::sorted_map::SortedMap;
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
use super::signatures::role_identities;
use super::state::State;
use crate::Error;
use crate::HashAlgorithm;
use crate::TrustedRoot;
use crate::UnixTime;
use crate::backend::EcdsaBackend;
use crate::crypto::Crypto;
use crate::digest::sha256;
use crate::limits;
use crate::limits::Limit;
use crate::trust_root::Links;

/// Runs one update: from `anchor` through `repo`'s files, at time `now`, with the rollback
/// floors of `state`. See the [module docs](super).
pub fn update(
    anchor: &[u8],
    state: Option<&State>,
    repo: &Repository<'_>,
    now: UnixTime,
) -> Result<Update, Error> {
    update_bounded(
        anchor,
        state,
        repo,
        now,
        Crypto::BUILTIN,
        limits::MAX_TUF_ROOT_ROTATIONS,
    )
}

/// [`update`], with the ECDSA signature checks handed to `backend` first, as a
/// [`crate::Verifier`] with [`crate::Verifier::with_ecdsa_backend`] does: the keys and the
/// signatures' encodings are still decoded and judged by the core, so an update trusts exactly
/// the same files with or without a backend, and a check the backend does not answer is made
/// by the core. Sigstore's repositories are signed with ECDSA P-256 keys, so the signature
/// checks are most of an update's cost.
pub fn update_with_backend(
    anchor: &[u8],
    state: Option<&State>,
    repo: &Repository<'_>,
    now: UnixTime,
    backend: &dyn EcdsaBackend,
) -> Result<Update, Error> {
    update_bounded(
        anchor,
        state,
        repo,
        now,
        Crypto::with(Some(backend)),
        limits::MAX_TUF_ROOT_ROTATIONS,
    )
}

fn update_bounded(
    anchor: &[u8],
    state: Option<&State>,
    repo: &Repository<'_>,
    now: UnixTime,
    crypto: Crypto<'_>,
    max_rotations: usize,
) -> Result<Update, Error> {
    // Trust flows only from the anchor (5.2); the state's root is never a starting point.
    let mut root = trusted_anchor(anchor, crypto)?;
    same_root_as_state(state, &root)?;
    // Root rotation (5.3), at most `max_rotations` at a time: the rest waits for the next
    // update, which starts from the same anchor and so reads them again (5.3.3).
    for bytes in repo.roots.iter().take(max_rotations) {
        root = next_root(&root, bytes, crypto)?;
        same_root_as_state(state, &root)?;
    }
    if let Some(s) = state {
        if root.version < s.root_version {
            return Err(Error::TufRollback {
                role: String::from(Role::Root.name()),
                trusted: s.root_version,
                found: root.version,
            });
        }
    }
    if now >= root.expires {
        return Err(expired(Role::Root, root.expires));
    }

    let floor = Floors::after_rotation(state, &root.body);
    let timestamp = timestamp(&root, repo.timestamp, &floor, now, crypto)?;
    let snapshot = snapshot(
        &root,
        &timestamp.body.snapshot,
        repo.snapshot,
        &floor,
        now,
        crypto,
    )?;
    let targets = targets(&root, &snapshot, repo.targets, now, crypto)?;

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
    let trusted_root = TrustedRoot::parse(trusted_root_json, Links::Verify(crypto))?;

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
    let state = State {
        root_version: root.version,
        root_sha256: sha256(&[&root.canonical]),
        timestamp: timestamp.version,
        timestamp_sha256: Some(sha256(&[&timestamp.canonical])),
        timestamp_keys: role_identities(&root.body, &root.body.timestamp),
        snapshot: timestamp.body.snapshot.version,
        snapshot_keys: role_identities(&root.body, &root.body.snapshot),
        meta: {
            let mut meta = SortedMap::new();
            for (name, m) in &snapshot.body.meta {
                meta.insert(name.clone(), m.version);
            }
            meta
        },
    };
    Ok(Update {
        trusted_root,
        target_files: files,
        state,
        versions,
        expires,
    })
}

/// When the chain from the anchor holds a root of the state's root version, it must be the
/// state's root: else the state was written from another anchor, or edited.
fn same_root_as_state(state: Option<&State>, root: &Signed<Root>) -> Result<(), Error> {
    match state {
        Some(s)
            if s.root_version == root.version && s.root_sha256 != sha256(&[&root.canonical]) =>
        {
            Err(Error::TufStateNotFromAnchor {
                version: s.root_version,
            })
        }
        _ => Ok(()),
    }
}

/// The rollback floors an update must respect: the state's, less those that the final root's
/// key changes release.
struct Floors<'a> {
    timestamp: u64,
    timestamp_sha256: Option<[u8; 32]>,
    /// The snapshot version the trusted timestamp listed.
    snapshot: u64,
    /// The trusted snapshot's entries and their versions.
    meta: Option<&'a SortedMap<String, u64>>,
}

impl<'a> Floors<'a> {
    /// Fast-forward recovery (5.3.11): when a key of the timestamp role was rotated out, the
    /// versions it signed no longer bind, and the timestamp and snapshot floors go (the
    /// specification deletes both files); when a key of the snapshot role was, the snapshot
    /// floors go (the snapshot version the timestamp lists, and every entry's). A key added,
    /// a key id renamed, the order changed or the threshold changed rotates nothing out: the
    /// floors stay. Keys are compared by value ([`role_identities`]).
    fn after_rotation(state: Option<&'a State>, root: &Root) -> Self {
        let Some(s) = state else {
            return Self {
                timestamp: 0,
                timestamp_sha256: None,
                snapshot: 0,
                meta: None,
            };
        };
        let rotated_out = |old: &[[u8; 32]], now: Vec<[u8; 32]>| {
            old.iter().any(|k| now.binary_search(k).is_err())
        };
        let timestamp_rotated =
            rotated_out(&s.timestamp_keys, role_identities(root, &root.timestamp));
        let snapshot_rotated = timestamp_rotated
            || rotated_out(&s.snapshot_keys, role_identities(root, &root.snapshot));
        Self {
            timestamp: if timestamp_rotated { 0 } else { s.timestamp },
            timestamp_sha256: if timestamp_rotated {
                None
            } else {
                s.timestamp_sha256
            },
            snapshot: if snapshot_rotated { 0 } else { s.snapshot },
            meta: if snapshot_rotated {
                None
            } else {
                Some(&s.meta)
            },
        }
    }
}

/// The name of a snapshot entry's role: its file name without `.json`.
fn role_of(file: &str) -> String {
    String::from(file.strip_suffix(".json").unwrap_or(file))
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
fn trusted_anchor(bytes: &[u8], crypto: Crypto<'_>) -> Result<Signed<Root>, Error> {
    let root = metadata::parse(Role::Root, bytes, metadata::read_root)?;
    let valid = count_valid(&root, &root.body, &root.body.root, crypto);
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
fn next_root(
    trusted: &Signed<Root>,
    bytes: &[u8],
    crypto: Crypto<'_>,
) -> Result<Signed<Root>, Error> {
    let new = metadata::parse(Role::Root, bytes, metadata::read_root)?;
    let by_old = count_valid(&new, &trusted.body, &trusted.body.root, crypto);
    if !meets(by_old, trusted.body.root.threshold) {
        return Err(Error::TufRootNotSignedByPrevious {
            version: new.version,
            valid: by_old,
            threshold: trusted.body.root.threshold,
        });
    }
    // No version follows 2^64-1: a root offered after it is refused, never taken as "next".
    let expected = trusted.version.saturating_add(1);
    if new.version != expected || trusted.version == u64::MAX {
        return Err(Error::TufRootVersionNotNext {
            expected,
            found: new.version,
        });
    }
    let by_new = count_valid(&new, &new.body, &new.body.root, crypto);
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
    crypto: Crypto<'_>,
) -> Result<Signed<T>, Error> {
    let meta = metadata::parse(role, bytes, read)?;
    let keys = root.body.role(role);
    let valid = count_valid(&meta, &root.body, keys, crypto);
    if !meets(valid, keys.threshold) {
        return Err(threshold_error(role, &meta, valid, keys.threshold));
    }
    Ok(meta)
}

/// 5.4: the timestamp.
fn timestamp(
    root: &Signed<Root>,
    bytes: &[u8],
    floor: &Floors<'_>,
    now: UnixTime,
    crypto: Crypto<'_>,
) -> Result<Signed<metadata::Timestamp>, Error> {
    let ts = signed_by_root(
        root,
        Role::Timestamp,
        bytes,
        metadata::read_timestamp,
        crypto,
    )?;
    if ts.version < floor.timestamp {
        return Err(Error::TufRollback {
            role: String::from(Role::Timestamp.name()),
            trusted: floor.timestamp,
            found: ts.version,
        });
    }
    // 5.4.3: the trusted timestamp is kept at an equal version; one with other content is no
    // update (the state does not hold the trusted file to go on with, so nothing is updated).
    if ts.version == floor.timestamp {
        if let Some(trusted) = floor.timestamp_sha256 {
            if trusted != sha256(&[&ts.canonical]) {
                return Err(Error::TufTimestampChanged {
                    version: ts.version,
                });
            }
        }
    }
    if ts.body.snapshot.version < floor.snapshot {
        return Err(Error::TufRollback {
            role: String::from(Role::Snapshot.name()),
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
    floor: &Floors<'_>,
    now: UnixTime,
    crypto: Crypto<'_>,
) -> Result<Signed<metadata::Snapshot>, Error> {
    check_meta_file(Role::Snapshot, listed, bytes)?;
    let snap = signed_by_root(root, Role::Snapshot, bytes, metadata::read_snapshot, crypto)?;
    // 5.5.5: every file the trusted snapshot listed stays listed, at no lower version.
    for (name, trusted) in floor.meta.into_iter().flatten() {
        let entry = snap
            .body
            .meta
            .get(name)
            .ok_or_else(|| Error::TufMetaMissing {
                role: role_of(name),
            })?;
        if entry.version < *trusted {
            return Err(Error::TufRollback {
                role: role_of(name),
                trusted: *trusted,
                found: entry.version,
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
    crypto: Crypto<'_>,
) -> Result<Signed<metadata::Targets>, Error> {
    let listed = snapshot
        .body
        .meta
        .get("targets.json")
        .ok_or_else(|| Error::TufMetaMissing {
            role: String::from(Role::Targets.name()),
        })?;
    check_meta_file(Role::Targets, listed, bytes)?;
    let targets = signed_by_root(root, Role::Targets, bytes, metadata::read_targets, crypto)?;
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
            let mut targets = SortedMap::new();
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

    macro_rules! vector {
        ($file:literal) => {
            include_bytes!(concat!(
                "../../../conformance/tuf-vectors/tuf-happy-rotations/",
                $file
            ))
            .as_slice()
        };
    }

    /// The vectors' verification time (`now` in every vector folder).
    const VECTORS_NOW: UnixTime = UnixTime(1_748_865_600);

    /// `tuf-happy-rotations`: roots v2 and v3 after the anchor, no target file.
    fn rotations() -> Repository<'static> {
        Repository {
            roots: alloc::vec![
                vector!("1/metadata/2.root.json"),
                vector!("1/metadata/3.root.json")
            ],
            timestamp: vector!("1/metadata/timestamp.json"),
            snapshot: vector!("1/metadata/snapshot.json"),
            targets: vector!("1/metadata/targets.json"),
            target_files: Vec::new(),
        }
    }

    /// A mirror that withholds the roots the state has seen (a freeze) is a rollback of the
    /// root, whatever else verifies.
    #[test]
    fn a_chain_shorter_than_the_state_is_a_root_rollback() {
        let mut repo = rotations();
        let anchor = vector!("anchor.json");
        let now = VECTORS_NOW;
        // No target file: the update fails at its very end, after every root and floor check,
        // so that error says the root checks passed. The state below names root v3 as a
        // successful update would.
        let full = update_bounded(anchor, None, &repo, now, Crypto::BUILTIN, 2).err();
        assert_eq!(
            full,
            Some(Error::TufTargetMissing {
                target: String::from(TRUSTED_ROOT_TARGET)
            })
        );
        let last = metadata::parse(
            Role::Root,
            vector!("1/metadata/3.root.json"),
            metadata::read_root,
        )
        .unwrap();
        let state = State {
            root_version: 3,
            root_sha256: sha256(&[&last.canonical]),
            timestamp: 1,
            timestamp_sha256: None,
            timestamp_keys: Vec::new(),
            snapshot: 1,
            snapshot_keys: Vec::new(),
            meta: SortedMap::new(),
        };
        repo.roots.truncate(1);
        assert_eq!(
            update_bounded(anchor, Some(&state), &repo, now, Crypto::BUILTIN, 2).err(),
            Some(Error::TufRollback {
                role: String::from("root"),
                trusted: 3,
                found: 2
            })
        );
        // The same state against the whole chain passes the root checks.
        let whole = rotations();
        assert_eq!(
            update_bounded(anchor, Some(&state), &whole, now, Crypto::BUILTIN, 2).err(),
            full
        );
        // A state whose root v3 is another root is not from this anchor.
        let other = State {
            root_sha256: [0; 32],
            ..state
        };
        assert_eq!(
            update_bounded(anchor, Some(&other), &whole, now, Crypto::BUILTIN, 2).err(),
            Some(Error::TufStateNotFromAnchor { version: 3 })
        );
    }

    /// Past the rotation limit the update goes on with the newest root it verified (5.3.3):
    /// here one rotation of two, so the snapshot (signed by the key root v3 brings) fails
    /// under root v2, rather than the update failing on the count.
    #[test]
    fn rotations_past_the_limit_wait_for_the_next_update() {
        let repo = rotations();
        let anchor = vector!("anchor.json");
        let now = VECTORS_NOW;
        let err = update_bounded(anchor, None, &repo, now, Crypto::BUILTIN, 1).err();
        assert!(
            matches!(
                err,
                Some(Error::TufThresholdNotMet {
                    role: "snapshot",
                    ..
                })
            ),
            "{err:?}"
        );
        let err = update_bounded(anchor, None, &repo, now, Crypto::BUILTIN, 2).err();
        assert_eq!(
            err,
            Some(Error::TufTargetMissing {
                target: String::from(TRUSTED_ROOT_TARGET)
            })
        );
    }
}
