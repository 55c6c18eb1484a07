//! Sigstore's real TUF repositories (`../shared/vectors/sigstore-tuf`, as published on
//! 2026-08-21): both chains verify from their first verifiable root and from the compiled-in
//! anchors, the production result is the compiled-in trusted root byte for byte, expiry is
//! seen after it happens, and the pre-specification production roots fail precisely.
#![cfg(all(feature = "std", feature = "default-roots"))]

use std::fs;
use std::path::Path;
use std::path::PathBuf;

use sigverify::Error;
use sigverify::UnixTime;
use sigverify::tuf;
use sigverify::tuf::dir::Files;

/// 2026-08-22T00:00:00Z: every file of the snapshot is current.
const AUG_22: UnixTime = UnixTime(1_787_356_800);

fn repo(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/vectors/sigstore-tuf")
        .join(name);
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "!!! {} is absent: the real TUF repository tests are SKIPPED",
            dir.display()
        );
        None
    }
}

#[allow(
    clippy::unwrap_used,
    reason = "test helper: an unreadable file of the shared repository fails the test"
)]
fn root_version(dir: &Path, n: u64) -> Vec<u8> {
    fs::read(dir.join(format!("metadata/root_history/{n}.root.json"))).unwrap()
}

#[allow(
    clippy::unwrap_used,
    reason = "test helper: an unreadable file of the shared repository fails the test"
)]
fn update_from(dir: &Path, anchor: &[u8], now: UnixTime) -> Result<tuf::Update, Error> {
    let files = Files::read_dir(dir, anchor).unwrap();
    tuf::update(anchor, None, &files.repository(), now)
}

#[test]
fn production_from_the_compiled_in_anchor_yields_the_compiled_in_trusted_root() {
    let Some(dir) = repo("production") else {
        return;
    };
    let up = update_from(&dir, tuf::PRODUCTION_ROOT, AUG_22).unwrap();
    assert_eq!(
        up.target_file("trusted_root.json").unwrap(),
        include_bytes!("../src/roots/production.json")
    );
    assert_eq!(
        up.versions,
        tuf::Versions {
            root: 15,
            timestamp: 762,
            snapshot: 165,
            targets: 14
        }
    );
    // The timestamp expires first (2026-08-28T19:25:56Z).
    assert_eq!(up.expires, UnixTime(1_787_945_156));
    assert!(up.target_file("signing_config.v0.2.json").is_some());
    assert_eq!(up.state.root_version(), 15);
}

#[test]
fn production_from_root_v5_rotates_through_every_later_root() {
    let Some(dir) = repo("production") else {
        return;
    };
    let anchor = root_version(&dir, 5);
    let files = Files::read_dir(&dir, &anchor).unwrap();
    assert_eq!(files.roots.len(), 10);
    let up = tuf::update(&anchor, None, &files.repository(), AUG_22).unwrap();
    assert_eq!(up.versions.root, 15);
    assert_eq!(up.state.root_version(), 15);
    assert_eq!(
        up.target_file("trusted_root.json").unwrap(),
        include_bytes!("../src/roots/production.json")
    );
}

#[test]
fn staging_verifies_from_v1_and_from_the_anchor_and_is_newer_than_the_compiled_in_root() {
    let Some(dir) = repo("staging") else { return };
    let from_v1 = update_from(&dir, &root_version(&dir, 1), AUG_22).unwrap();
    let from_anchor = update_from(&dir, tuf::STAGING_ROOT, AUG_22).unwrap();
    assert_eq!(from_v1.versions, from_anchor.versions);
    assert_eq!(from_v1.versions.root, 14);
    let published = fs::read(dir.join("targets/trusted_root.json")).unwrap();
    assert_eq!(from_v1.target_file("trusted_root.json").unwrap(), published);
    assert_ne!(published, include_bytes!("../src/roots/staging.json"));
}

#[test]
fn expiry_is_seen_after_the_timestamp_and_after_the_final_root() {
    let Some(dir) = repo("production") else {
        return;
    };
    // 2026-08-28T19:25:56Z: the timestamp's expiry instant is already expired.
    let at_ts_expiry = UnixTime(1_787_945_156);
    assert_eq!(
        update_from(&dir, tuf::PRODUCTION_ROOT, at_ts_expiry).unwrap_err(),
        Error::TufMetadataExpired {
            role: "timestamp",
            expires: 1_787_945_156
        }
    );
    // Root v15 expires 2026-11-20T13:58:18Z.
    assert_eq!(
        update_from(&dir, tuf::PRODUCTION_ROOT, UnixTime(1_795_183_098)).unwrap_err(),
        Error::TufMetadataExpired {
            role: "root",
            expires: 1_795_183_098
        }
    );
}

#[test]
fn intermediate_roots_may_have_expired() {
    let Some(dir) = repo("production") else {
        return;
    };
    // Root v5 expired in 2023; rotating through it is fine because v15 is current.
    assert!(update_from(&dir, &root_version(&dir, 5), AUG_22).is_ok());
}

#[test]
fn pre_specification_production_roots_fail_with_their_precise_error() {
    let Some(dir) = repo("production") else {
        return;
    };
    for v in 1..=3 {
        assert_eq!(
            update_from(&dir, &root_version(&dir, v), AUG_22).unwrap_err(),
            Error::TufMetadataInvalid {
                role: "root",
                field: "expires"
            },
            "root v{v}"
        );
    }
    let err = update_from(&dir, &root_version(&dir, 4), AUG_22).unwrap_err();
    assert!(
        matches!(
            err,
            Error::TufThresholdNotMet {
                role: "root",
                version: 4,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn a_state_binds_the_next_update_and_survives_the_same_files() {
    let Some(dir) = repo("production") else {
        return;
    };
    let files = Files::read_dir(&dir, tuf::PRODUCTION_ROOT).unwrap();
    let first = tuf::update(tuf::PRODUCTION_ROOT, None, &files.repository(), AUG_22).unwrap();
    let state = tuf::State::from_bytes(&first.state.to_bytes()).unwrap();
    let again = tuf::update(
        tuf::PRODUCTION_ROOT,
        Some(&state),
        &files.repository(),
        AUG_22,
    )
    .unwrap();
    assert_eq!(again.versions, first.versions);
    assert_eq!(again.state, first.state);
}

#[test]
fn production_metadata_does_not_verify_under_the_staging_anchor() {
    let Some(dir) = repo("production") else {
        return;
    };
    // The folder's root v15 follows the staging anchor's v14 by number only.
    assert_eq!(
        update_from(&dir, tuf::STAGING_ROOT, AUG_22).unwrap_err(),
        Error::TufRootNotSignedByPrevious {
            version: 15,
            valid: 0,
            threshold: 2
        }
    );
    // Without roots, the production timestamp is signed by no staging key.
    let files = Files::read_dir(&dir, tuf::PRODUCTION_ROOT).unwrap();
    let err = tuf::update(tuf::STAGING_ROOT, None, &files.repository(), AUG_22).unwrap_err();
    assert!(
        matches!(
            err,
            Error::TufThresholdNotMet {
                role: "timestamp",
                valid: 0,
                ..
            }
        ),
        "{err:?}"
    );
}

/// A state written from root v5 carries on from the compiled-in anchor v15 (the same root v15
/// is reached); a state of the staging repository never names a production root: walking
/// production from v5 passes version 14, where the staging state's root is another root.
#[test]
fn a_state_is_bound_to_the_chain_from_its_anchor() {
    let (Some(prod), Some(staging)) = (repo("production"), repo("staging")) else {
        return;
    };
    let from_v5 = update_from(&prod, &root_version(&prod, 5), AUG_22).unwrap();
    let files = Files::read_dir(&prod, tuf::PRODUCTION_ROOT).unwrap();
    let again = tuf::update(
        tuf::PRODUCTION_ROOT,
        Some(&from_v5.state),
        &files.repository(),
        AUG_22,
    )
    .unwrap();
    assert_eq!(again.state, from_v5.state);

    let staging_state = update_from(&staging, tuf::STAGING_ROOT, AUG_22)
        .unwrap()
        .state;
    assert_eq!(staging_state.root_version(), 14);
    let anchor = root_version(&prod, 5);
    let files = Files::read_dir(&prod, &anchor).unwrap();
    assert_eq!(
        tuf::update(&anchor, Some(&staging_state), &files.repository(), AUG_22).unwrap_err(),
        Error::TufStateNotFromAnchor { version: 14 }
    );
}

/// A backend that answers every check with the core's own code and counts them, or refuses
/// every signature (`lie`), to show an update consults it.
#[derive(Debug)]
struct Counting {
    checks: std::sync::atomic::AtomicUsize,
    lie: bool,
}

impl sigverify::backend::EcdsaBackend for Counting {
    fn verify(&self, check: &sigverify::backend::EcdsaCheck<'_>) -> Option<bool> {
        self.checks
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Some(!self.lie && sigverify::backend::verify_in_software(check))
    }
}

#[test]
fn an_update_with_a_backend_trusts_the_same_files_and_hands_it_every_ecdsa_check() {
    let Some(dir) = repo("production") else {
        return;
    };
    let anchor = root_version(&dir, 5);
    let files = Files::read_dir(&dir, &anchor).unwrap();
    let honest = Counting {
        checks: 0.into(),
        lie: false,
    };
    let plain = tuf::update(&anchor, None, &files.repository(), AUG_22).unwrap();
    let backed =
        tuf::update_with_backend(&anchor, None, &files.repository(), AUG_22, &honest).unwrap();
    assert_eq!(backed.versions, plain.versions);
    assert_eq!(backed.state.to_bytes(), plain.state.to_bytes());
    assert_eq!(backed.target_files, plain.target_files);
    // Ten rotations, each counted by the old and the new root's threshold, then three roles.
    let checks = honest.checks.into_inner();
    assert!(checks >= 10 * 2 + 3, "{checks} checks");

    let liar = Counting {
        checks: 0.into(),
        lie: true,
    };
    let err =
        tuf::update_with_backend(&anchor, None, &files.repository(), AUG_22, &liar).unwrap_err();
    assert!(
        matches!(err, Error::TufThresholdNotMet { role: "root", .. }),
        "{err:?}"
    );
}
