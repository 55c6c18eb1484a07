//! Runs every generated vector (`conformance/vectors/`) through the library in both artifact
//! modes, and checks that regenerating the vectors (and the TUF vectors of
//! `conformance/tuf-vectors/`) reproduces the committed files byte for byte.

use std::collections::BTreeMap;
use std::path::Path;

use sigverify_conformance::Mode;

#[test]
fn own_vectors_give_the_expected_outcome() {
    let cases = sigverify_conformance::load_own(&sigverify_conformance::own_dir()).unwrap();
    assert!(
        cases.len() >= 300,
        "expected at least 300 own vectors, found {}",
        cases.len()
    );
    let (mut passed, mut failed) = (0, Vec::new());
    for case in &cases {
        for mode in [Mode::Artifact, Mode::Digest] {
            let result = sigverify_conformance::run_own(case, mode);
            let outcome = sigverify_conformance::outcome_name(&result);
            let expected = case.expected(mode);
            let detail = match &result {
                Err(e) => format!("{e}"),
                Ok(_) => "verified".to_owned(),
            };
            let skipped = match &result {
                Ok(v) => sigverify_conformance::skipped_lines(v),
                Err(_) => case.skipped.clone(),
            };
            if outcome == expected && skipped == case.skipped {
                passed += 1;
                println!("pass {:60} {:8} {outcome}", case.name, mode.name());
            } else {
                println!(
                    "FAIL {:60} {:8} expected {expected} skipping {:?}, got {outcome} skipping {skipped:?}: {detail}",
                    case.name,
                    mode.name(),
                    case.skipped
                );
                failed.push(format!("{} ({})", case.name, mode.name()));
            }
        }
    }
    println!(
        "own vectors (library): {passed} passed, {} failed",
        failed.len()
    );
    assert!(failed.is_empty(), "mismatches:\n{}", failed.join("\n"));
}

#[test]
fn real_bundle_examples_verify() {
    let cases = sigverify_conformance::load_own(&sigverify_conformance::examples_dir()).unwrap();
    assert!(!cases.is_empty(), "no example in conformance/examples");
    for case in &cases {
        assert!(
            case.dir.join("SOURCE").is_file(),
            "{}: no SOURCE",
            case.name
        );
        for mode in [Mode::Artifact, Mode::Digest] {
            let result = sigverify_conformance::run_own(case, mode);
            let outcome = sigverify_conformance::outcome_name(&result);
            println!("example {} {}: {outcome}", case.name, mode.name());
            assert_eq!(
                outcome,
                case.expected(mode),
                "{} ({})",
                case.name,
                mode.name()
            );
            if let Ok(v) = &result {
                assert_eq!(sigverify_conformance::skipped_lines(v), case.skipped);
            }
        }
    }
}

fn tree(dir: &Path) -> std::io::Result<BTreeMap<String, Vec<u8>>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap_or(&path);
                let rel = rel.to_string_lossy().into_owned();
                out.insert(rel, std::fs::read(&path)?);
            }
        }
    }
    Ok(out)
}

/// The files that differ between a fresh generation in `fresh` and the committed `committed`.
fn differences(fresh: &Path, committed: &Path) -> std::io::Result<Vec<String>> {
    let fresh_files = tree(fresh)?;
    let committed_files = tree(committed)?;
    let folder = committed.display();
    let mut diffs = Vec::new();
    for (name, bytes) in &fresh_files {
        match committed_files.get(name) {
            None => diffs.push(format!("missing from {folder}: {name}")),
            Some(b) if b != bytes => diffs.push(format!("differs: {name}")),
            Some(_) => {}
        }
    }
    for name in committed_files.keys() {
        if !fresh_files.contains_key(name) {
            diffs.push(format!("stale (not generated): {name}"));
        }
    }
    Ok(diffs)
}

#[test]
fn regenerating_changes_nothing() {
    let tmp = std::env::temp_dir().join(format!("sigverify-vectors-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    sigverify_conformance::generate(&tmp).unwrap();
    let diffs = differences(&tmp, &sigverify_conformance::own_dir()).unwrap();
    std::fs::remove_dir_all(&tmp).unwrap();
    assert!(
        diffs.is_empty(),
        "conformance/vectors differs from a fresh generation; run \
         `cargo run -p sigverify-conformance --bin generate`:\n{}",
        diffs.join("\n")
    );
}

#[test]
fn regenerating_tuf_vectors_changes_nothing() {
    let tmp = std::env::temp_dir().join(format!("sigverify-tuf-vectors-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    sigverify_conformance::generate_tuf(&tmp).unwrap();
    let diffs = differences(&tmp, &sigverify_conformance::tuf_dir()).unwrap();
    std::fs::remove_dir_all(&tmp).unwrap();
    assert!(
        diffs.is_empty(),
        "conformance/tuf-vectors differs from a fresh generation; run \
         `cargo run -p sigverify-conformance --bin generate`:\n{}",
        diffs.join("\n")
    );
}
