//! Drives the `sigverify` binary through the sigstore-conformance CLI protocol for every
//! upstream case, in both modes (artifact path and `sha256:` digest), and checks exit status
//! and the error name on stderr against the overlay.

use std::process::Command;

use sigverify_conformance::Expectations;
use sigverify_conformance::Mode;
use sigverify_conformance::Verdict;

#[test]
fn cli_upstream_cases_give_the_expected_outcome() {
    let Some(dir) = sigverify_conformance::upstream_dir() else {
        eprintln!(
            "!!! SKIPPED: ../shared/vectors/sigstore-conformance not found; upstream CLI cases NOT run"
        );
        return;
    };
    let cases = sigverify_conformance::load_upstream(&dir).unwrap();
    assert!(cases.len() >= 70);
    let expect = Expectations::upstream().unwrap();
    let (mut passed, mut failed) = (0, Vec::new());
    for case in &cases {
        for mode in [Mode::Artifact, Mode::Digest] {
            let mut cmd = Command::new(env!("CARGO_BIN_EXE_sigverify"));
            cmd.arg("verify-bundle").arg("--bundle").arg(&case.bundle);
            match &case.key {
                Some(key) => cmd.arg("--key").arg(key),
                None => cmd
                    .arg("--certificate-identity")
                    .arg(&case.identity)
                    .arg("--certificate-oidc-issuer")
                    .arg(&case.issuer),
            };
            if let Some(root) = &case.trusted_root {
                cmd.arg("--trusted-root").arg(root);
            }
            match mode {
                Mode::Artifact => cmd.arg(&case.artifact),
                Mode::Digest => cmd.arg(
                    sigverify_conformance::prefixed_digest(&case.bundle, &case.artifact).unwrap(),
                ),
            };
            let out = cmd.output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            let outcome = if out.status.success() {
                "ok".to_owned()
            } else {
                // `sigverify: NAME (code N): ...`
                stderr
                    .strip_prefix("sigverify: ")
                    .and_then(|s| s.split(' ').next())
                    .unwrap_or("<unparsed>")
                    .to_owned()
            };
            let exit_ok = out.status.success() == (outcome == "ok")
                && (out.status.success() || out.status.code() == Some(1));
            let one_line = out.status.success() || stderr.trim_end().lines().count() == 1;
            let verdict = expect.check(case, mode, &outcome);
            if verdict == Verdict::Pass && exit_ok && one_line {
                passed += 1;
            } else {
                println!(
                    "FAIL {} ({}): {verdict:?}, exit {:?}, stderr: {stderr}",
                    case.name,
                    mode.name(),
                    out.status.code()
                );
                failed.push(format!("{} ({})", case.name, mode.name()));
            }
        }
    }
    println!("upstream (CLI): {passed} passed, {} failed", failed.len());
    assert!(
        failed.is_empty(),
        "mismatched cases:\n{}",
        failed.join("\n")
    );
}
