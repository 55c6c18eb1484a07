//! Runs every upstream sigstore-conformance case in both modes through the library and checks
//! each outcome against the overlay `upstream-expect.tsv`.

use sigverify_conformance::Expectations;
use sigverify_conformance::Mode;
use sigverify_conformance::Verdict;

#[test]
fn upstream_cases_give_the_expected_outcome() {
    let Some(dir) = sigverify_conformance::upstream_dir() else {
        eprintln!(
            "!!! SKIPPED: ../shared/vectors/sigstore-conformance not found (set SIGVERIFY_UPSTREAM_VECTORS); \
             upstream cases NOT run"
        );
        return;
    };
    let cases = sigverify_conformance::load_upstream(&dir).unwrap();
    assert!(
        cases.len() >= 70,
        "expected at least 70 upstream cases in {}, found {}",
        dir.display(),
        cases.len()
    );
    let expect = Expectations::upstream().unwrap();
    let problems = expect.problems(&cases);
    assert!(
        problems.is_empty(),
        "overlay problems:\n{}",
        problems.join("\n")
    );
    let (mut passed, mut failed) = (0, Vec::new());
    for case in &cases {
        for mode in [Mode::Artifact, Mode::Digest] {
            let result = sigverify_conformance::run(case, mode);
            let outcome = sigverify_conformance::outcome_name(&result);
            let verdict = expect.check(case, mode, &outcome);
            let mark = if verdict == Verdict::Pass {
                "pass"
            } else {
                "FAIL"
            };
            let detail = match (&result, &verdict) {
                (_, Verdict::Mismatch { expected }) => {
                    format!("expected {expected}, got {outcome}")
                }
                (Err(e), _) => format!("{outcome}: {e}"),
                (Ok(_), _) => outcome.clone(),
            };
            println!("{mark} {:58} {:8} {detail}", case.name, mode.name());
            if verdict == Verdict::Pass {
                passed += 1
            } else {
                failed.push(format!("{} ({})", case.name, mode.name()))
            }
        }
    }
    println!(
        "upstream (library): {passed} passed, {} failed",
        failed.len()
    );
    assert!(
        failed.is_empty(),
        "mismatched cases:\n{}",
        failed.join("\n")
    );
    assert_eq!(passed, cases.len() * 2);
}
