//! Every firmware case (`conformance/firmware-vectors/cases.tsv`) gives its expected outcome
//! through the verifier and `sigverify::firmware`, and the generator still writes the vectors
//! byte for byte.

use sigverify_conformance::firmware_vectors;

#[test]
fn every_firmware_case_gives_its_expected_outcome() {
    let dir = firmware_vectors::firmware_dir();
    let cases = firmware_vectors::load_cases(&dir).unwrap_or_default();
    assert!(cases.len() >= 14, "only {} firmware cases", cases.len());
    let mut failed = Vec::new();
    let mut names = std::collections::BTreeSet::new();
    for case in &cases {
        let got = match firmware_vectors::run_firmware(&dir, case) {
            Ok(statement) => {
                assert!(statement.security_version > case.installed);
                "ok".to_owned()
            }
            Err(e) => e.name().to_owned(),
        };
        names.insert(got.clone());
        if got != case.expected {
            failed.push(format!(
                "{} ({} {} {}): expected {}, got {got}",
                case.image, case.signer, case.installed, case.hardware, case.expected
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    // Every firmware error but the device's own (FIRMWARE_POLICY_INVALID) is reached.
    for name in sigverify::Error::ALL.iter().map(|(_, n)| *n) {
        if name.starts_with("FIRMWARE_") && name != "FIRMWARE_POLICY_INVALID" {
            assert!(names.contains(name), "no case reaches {name}");
        }
    }
}

#[test]
fn the_firmware_vectors_are_generated_byte_for_byte() {
    let fresh = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("firmware-vectors");
    let (images, _) = firmware_vectors::generate_firmware(&fresh).unwrap_or_default();
    assert!(images >= 10);
    let committed = firmware_vectors::firmware_dir();
    let mut compared = 0;
    for entry in walk(&fresh) {
        let rel = entry.strip_prefix(&fresh).unwrap_or(&entry).to_owned();
        let have = std::fs::read(committed.join(&rel)).unwrap_or_default();
        let want = std::fs::read(&entry).unwrap_or_default();
        assert!(have == want, "{} differs: run the generator", rel.display());
        compared += 1;
    }
    assert_eq!(compared, walk(&committed).len(), "files differ in number");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
