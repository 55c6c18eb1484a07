//! Every npm vector (`conformance/npm-vectors/`) gives its expected outcome through
//! `sigverify::npm`, and the generator still writes them byte for byte.

use sigverify_conformance::npm_vectors;

#[test]
fn every_npm_vector_gives_its_expected_outcome() {
    let cases = npm_vectors::load_npm(&npm_vectors::npm_dir()).unwrap_or_default();
    assert!(cases.len() >= 18, "only {} npm vectors", cases.len());
    let mut failed = Vec::new();
    for case in &cases {
        let got = match npm_vectors::run_npm(case) {
            Ok(_) => "ok".to_owned(),
            Err(e) => e.name().to_owned(),
        };
        if got != case.expected {
            failed.push(format!(
                "{}: expected {}, got {got}",
                case.name, case.expected
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn the_npm_vectors_are_generated_byte_for_byte() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("npm-vectors");
    let (count, _) = npm_vectors::generate_npm(&dir).unwrap_or_default();
    assert!(count > 0);
    for case in npm_vectors::load_npm(&npm_vectors::npm_dir()).unwrap_or_default() {
        for entry in std::fs::read_dir(&case.dir).into_iter().flatten().flatten() {
            let committed = std::fs::read(entry.path()).unwrap_or_default();
            let fresh =
                std::fs::read(dir.join(&case.name).join(entry.file_name())).unwrap_or_default();
            assert!(
                committed == fresh,
                "{}/{:?} differs",
                case.name,
                entry.file_name()
            );
        }
    }
}
