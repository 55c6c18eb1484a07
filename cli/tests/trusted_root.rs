//! `sigverify trusted-root update` and `verify-bundle --tuf` on Sigstore's real TUF
//! repositories (`../shared/vectors/sigstore-tuf`): the written trusted root is the published
//! one byte for byte, the state file is written and read back, failures exit 1 naming the check.

use std::path::Path;
use std::path::PathBuf;
use std::process::Command;
use std::process::Output;

/// 2026-08-22T00:00:00Z.
const AUG_22: &str = "1787356800";

fn shared(sub: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/vectors")
        .join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("!!! {} is absent: CLI TUF tests are SKIPPED", dir.display());
        None
    }
}

#[allow(
    clippy::unwrap_used,
    reason = "test helper: a CLI that cannot start, or no scratch folder, fails the test"
)]
fn sigverify(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sigverify"))
        .args(args)
        .output()
        .unwrap()
}

#[allow(
    clippy::unwrap_used,
    reason = "test helper: a CLI that cannot start, or no scratch folder, fails the test"
)]
fn tmp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("trusted-root-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    let _ = std::fs::remove_file(&p);
    p
}

#[test]
fn update_writes_the_published_trusted_root_and_a_state() {
    let Some(repo) = shared("sigstore-tuf/production") else {
        return;
    };
    let (out, state) = (tmp("prod-root.json"), tmp("prod-state.json"));
    let args = [
        "trusted-root",
        "update",
        "--metadata",
        repo.to_str().unwrap(),
        "--state",
        state.to_str().unwrap(),
        "--now",
        AUG_22,
        "--out",
        out.to_str().unwrap(),
    ];
    for _ in 0..2 {
        let run = sigverify(&args);
        let stdout = String::from_utf8_lossy(&run.stdout);
        assert!(run.status.success(), "{stdout} {:?}", run);
        assert!(stdout.contains("root v15, timestamp v762, snapshot v165, targets v14"));
    }
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(repo.join("targets/trusted_root.json")).unwrap()
    );
    let text = std::fs::read_to_string(&state).unwrap();
    assert!(
        text.starts_with(r#"{"format":"sigverify-tuf-state/2","#),
        "{text}"
    );

    // A damaged state is refused by name, with the way out on the next line; deleting it is
    // that way out.
    std::fs::write(&state, &text[..text.len() / 2]).unwrap();
    let run = sigverify(&args);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("TUF_STATE_INVALID (code 1319)"), "{stderr}");
    assert!(
        stderr.contains(&format!("the TUF state {} is damaged", state.display())),
        "{stderr}"
    );
    assert!(stderr.contains("delete it"), "{stderr}");
    std::fs::remove_file(&state).unwrap();
    assert!(sigverify(&args).status.success());

    // Floors the repository is below (an edited state, or a rolled-back repository).
    let raised = text.replace(r#""version":762"#, r#""version":763"#);
    assert_ne!(raised, text);
    std::fs::write(&state, raised).unwrap();
    let run = sigverify(&args);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("TUF_ROLLBACK (code 1309)"), "{stderr}");
    assert!(
        stderr.contains("holds versions this repository is below"),
        "{stderr}"
    );
}

#[test]
fn staging_update_and_failures_name_the_check() {
    let Some(tuf) = shared("sigstore-tuf") else {
        return;
    };
    let staging = tuf.join("staging");
    let out = tmp("staging-root.json");
    let run = sigverify(&[
        "trusted-root",
        "update",
        "--staging",
        "--metadata",
        staging.to_str().unwrap(),
        "--now",
        AUG_22,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{run:?}");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(staging.join("targets/trusted_root.json")).unwrap()
    );
    // Too late: the timestamp has expired.
    let run = sigverify(&[
        "trusted-root",
        "update",
        "--staging",
        "--metadata",
        staging.to_str().unwrap(),
        "--now",
        "1790000000",
        "--out",
        tmp("late.json").to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("TUF_METADATA_EXPIRED (code 1308)"),
        "{stderr}"
    );
    assert!(!tmp("late.json").exists());
    // A pre-specification anchor.
    let v2 = tuf.join("production/metadata/root_history/2.root.json");
    let run = sigverify(&[
        "trusted-root",
        "update",
        "--anchor",
        v2.to_str().unwrap(),
        "--metadata",
        tuf.join("production").to_str().unwrap(),
        "--now",
        AUG_22,
        "--out",
        tmp("v2.json").to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("TUF_METADATA_INVALID"), "{stderr}");
    assert!(stderr.contains("expires"), "{stderr}");
    // A folder that is not a TUF repository.
    let run = sigverify(&[
        "trusted-root",
        "update",
        "--metadata",
        env!("CARGO_MANIFEST_DIR"),
        "--out",
        tmp("none.json").to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("cannot read TUF repository"));
}

#[test]
fn verify_bundle_takes_its_trusted_root_from_tuf() {
    let (Some(repo), Some(case)) = (
        shared("sigstore-tuf/production"),
        shared("sigstore-conformance/happy-path-v0.3"),
    ) else {
        return;
    };
    let run = sigverify(&[
        "verify-bundle",
        "--tuf",
        repo.to_str().unwrap(),
        "--now",
        AUG_22,
        "--bundle",
        case.join("bundle.sigstore.json").to_str().unwrap(),
        "--certificate-identity",
        sigverify_conformance::DEFAULT_IDENTITY,
        "--certificate-oidc-issuer",
        sigverify_conformance::DEFAULT_ISSUER,
        case.join("../a.txt").to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{run:?}");
    // After the timestamp expired, no trusted root: the bundle is not checked at all.
    let run = sigverify(&[
        "verify-bundle",
        "--tuf",
        repo.to_str().unwrap(),
        "--now",
        "1790000000",
        "--bundle",
        case.join("bundle.sigstore.json").to_str().unwrap(),
        "--certificate-identity",
        sigverify_conformance::DEFAULT_IDENTITY,
        "--certificate-oidc-issuer",
        sigverify_conformance::DEFAULT_ISSUER,
        case.join("../a.txt").to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("TUF_METADATA_EXPIRED"));
}
