//! Drives the `sigverify` binary through the sigstore-conformance CLI protocol for every
//! upstream case, own vector and real-bundle example the resolved manifest lists, in both modes
//! (artifact path and `ALG:HEX` digest), and checks exit status and the error name on stderr
//! against the expected outcome.

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
            let run = run(&mut cmd);
            let verdict = expect.check(case, mode, &run.outcome);
            if verdict == Verdict::Pass && run.well_formed {
                passed += 1;
            } else {
                println!(
                    "FAIL {} ({}): {verdict:?}, exit {:?}, stderr: {}",
                    case.name,
                    mode.name(),
                    run.exit,
                    run.stderr
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

#[test]
fn cli_own_vectors_and_examples_give_the_expected_outcome() {
    let mut rows =
        sigverify_conformance::manifest::render_own(&sigverify_conformance::own_dir()).unwrap();
    rows.push_str(
        &sigverify_conformance::manifest::render_examples(&sigverify_conformance::examples_dir())
            .unwrap(),
    );
    rows.push_str(
        &sigverify_conformance::manifest::render_policy(
            &sigverify_conformance::examples_dir(),
            &sigverify_conformance::manifest::policy_cases_file(),
        )
        .unwrap(),
    );
    let (mut passed, mut failed) = (0, Vec::new());
    for line in rows
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let col: Vec<&str> = line.split('\t').collect();
        let [
            id,
            mode,
            bundle,
            artifact,
            digest,
            policy,
            identity,
            issuer,
            key,
            root,
            now,
            expected,
            config,
        ] = col.as_slice()
        else {
            panic!("manifest row with {} columns: {line}", col.len());
        };
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sigverify"));
        if *policy == "release" {
            // verify-release: its own thresholds; the asset by file or by its SHA-256.
            cmd.arg("verify-release").arg("--bundle").arg(bundle);
            for pair in identity.split(';') {
                let (field, value) = pair.split_once('=').unwrap_or((pair, ""));
                cmd.arg(format!("--{}", field.replace('_', "-"))).arg(value);
            }
            cmd.arg("--trusted-root").arg(root).arg("--now").arg(now);
            let sha256 = sigverify::Sha256Digest::of(&std::fs::read(artifact).unwrap_or_default());
            let asset = format!("sha256:{}", sha256.to_hex());
            cmd.arg(if *mode == "digest" {
                asset.as_str()
            } else {
                artifact
            });
            let run = run(&mut cmd);
            if run.outcome == *expected && run.well_formed {
                passed += 1;
            } else {
                println!(
                    "FAIL {id} ({mode}): expected {expected}, got {}, stderr: {}",
                    run.outcome, run.stderr
                );
                failed.push(format!("{id} ({mode})"));
            }
            continue;
        }
        cmd.arg("verify-bundle").arg("--bundle").arg(bundle);
        match *policy {
            "key" => {
                cmd.arg("--key").arg(key);
            }
            "identity-regexp" => {
                cmd.arg("--certificate-identity-regexp")
                    .arg(identity)
                    .arg("--certificate-oidc-issuer-regexp")
                    .arg(issuer);
            }
            "github" => {
                // `field=value` pairs of GitHubPolicy, as gh's flags.
                for pair in identity.split(';') {
                    let (field, value) = pair.split_once('=').unwrap_or((pair, ""));
                    match field {
                        "deny_self_hosted_runners" => cmd.arg("--deny-self-hosted-runners"),
                        "issuer" => cmd.arg("--cert-oidc-issuer").arg(value),
                        "host" => cmd.arg("--hostname").arg(value),
                        f => cmd.arg(format!("--{}", f.replace('_', "-"))).arg(value),
                    };
                }
            }
            _ => {
                cmd.arg("--certificate-identity")
                    .arg(identity)
                    .arg("--certificate-oidc-issuer")
                    .arg(issuer);
            }
        }
        match *root {
            "production" => {}
            "staging" => {
                cmd.arg("--staging");
            }
            path => {
                cmd.arg("--trusted-root").arg(path);
            }
        }
        if *now != "-" {
            cmd.arg("--now").arg(now);
        }
        for pair in config.split(';').filter(|p| *p != "-") {
            let (field, value) = pair.split_once('=').unwrap_or((pair, ""));
            let flag = match field {
                "tlog_entries" => "--tlog-threshold",
                "signed_timestamps" => "--timestamp-threshold",
                "certificate_timestamps" => "--sct-threshold",
                "observer_timestamps" => "--time-threshold",
                "key_not_before" => "--key-not-before",
                "key_not_after" => "--key-not-after",
                "witness_policy" => "--witness-policy",
                "tlog_proof" => "--tlog-proof",
                "consistency_proof" => "--consistency-proof",
                "log_state" => {
                    // The CLI saves the state after a verification: a copy, fresh for each
                    // run, keeps the committed vector as it is and each mode independent.
                    cmd.arg("--log-state").arg(state_copy(id, mode, value));
                    continue;
                }
                other => panic!("{id}: unknown config field {other}"),
            };
            cmd.arg(flag).arg(value);
        }
        cmd.arg(if *mode == "digest" { digest } else { artifact });
        let run = run(&mut cmd);
        if run.outcome == *expected && run.well_formed {
            passed += 1;
        } else {
            println!(
                "FAIL {id} ({mode}): expected {expected}, got {}, exit {:?}, stderr: {}",
                run.outcome, run.exit, run.stderr
            );
            failed.push(format!("{id} ({mode})"));
        }
    }
    println!(
        "own vectors and examples (CLI): {passed} passed, {} failed",
        failed.len()
    );
    assert!(passed > 1000, "only {passed} rows ran");
    assert!(failed.is_empty(), "mismatched rows:\n{}", failed.join("\n"));
}

/// A copy of a vector's checkpoint state for one run, in the target's scratch folder.
#[allow(
    clippy::unwrap_used,
    reason = "test helper: a state that cannot be copied fails the test"
)]
fn state_copy(id: &str, mode: &str, state: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("conformance-log-state");
    std::fs::create_dir_all(&dir).unwrap();
    let copy = dir.join(format!("{}-{mode}", id.replace('/', "_")));
    std::fs::copy(state, &copy).unwrap();
    copy
}

/// What one CLI run said.
struct Run {
    /// `ok`, or the error name from `sigverify: NAME (code N): ...` on stderr.
    outcome: String,
    /// Exit 0 exactly when verified, 2 for a pattern that does not parse, 1 otherwise, and one
    /// line on stderr when not verified (more for a refusal of the checkpoint state).
    well_formed: bool,
    exit: Option<i32>,
    stderr: String,
}

fn run(cmd: &mut Command) -> Run {
    let out = match cmd.output() {
        Ok(out) => out,
        Err(e) => {
            return Run {
                outcome: format!("<spawn failed: {e}>"),
                well_formed: false,
                exit: None,
                stderr: String::new(),
            };
        }
    };
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let outcome = if out.status.success() {
        "ok".to_owned()
    } else {
        stderr
            .strip_prefix("sigverify: ")
            .and_then(|s| s.split(' ').next())
            .unwrap_or("<unparsed>")
            .to_owned()
    };
    // A pattern that does not parse is a usage error (exit 2); any other failure exits 1.
    let failed_exit = if outcome == "POLICY_PATTERN_INVALID" {
        2
    } else {
        1
    };
    let exit_ok = out.status.success() == (outcome == "ok")
        && (out.status.success() || out.status.code() == Some(failed_exit));
    // A refusal of the checkpoint state (LOG_*) is followed by its evidence (both signed
    // checkpoints) or the way out of a damaged state file.
    let one_line = out.status.success()
        || stderr.trim_end().lines().count() == 1
        || outcome.starts_with("LOG_");
    Run {
        outcome,
        well_formed: exit_ok && one_line,
        exit: out.status.code(),
        stderr,
    }
}

#[test]
fn cli_github_policies_follow_gh_attestation_verify() {
    let e = sigverify_conformance::examples_dir().join("gh-reusable-workflow");
    let now = std::fs::read_to_string(e.join("now")).unwrap_or_default();
    let outcome = |flags: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sigverify"));
        cmd.arg("verify-bundle")
            .arg("--bundle")
            .arg(e.join("bundle.sigstore.json"))
            .arg("--now")
            .arg(now.trim())
            .args(flags)
            .arg(e.join("artifact"));
        run(&mut cmd).outcome
    };
    const SIGNER: &str = "github/artifact-attestations-workflows";
    // A reusable workflow of another repository signed: --repo alone names the wrong signer.
    assert_eq!(
        outcome(&["--repo", "malancas/attest-demo"]),
        "POLICY_IDENTITY_MISMATCH"
    );
    assert_eq!(
        outcome(&["--repo", "malancas/attest-demo", "--signer-repo", SIGNER]),
        "ok"
    );
    assert_eq!(
        outcome(&["--owner", "MALANCAS", "--signer-repo", SIGNER]),
        "ok"
    );
    assert_eq!(
        outcome(&[
            "--repo",
            "malancas/attest-demo",
            "--signer-workflow",
            "github/artifact-attestations-workflows/.github/workflows/attest.yml",
            "--source-ref",
            "refs/heads/main",
            "--deny-self-hosted-runners",
        ]),
        "ok"
    );
    assert_eq!(
        outcome(&["--repo", "malancas/other", "--signer-repo", SIGNER]),
        "POLICY_EXTENSION_MISMATCH"
    );
    assert_eq!(
        outcome(&[
            "--repo",
            "malancas/attest-demo",
            "--signer-repo",
            SIGNER,
            "--source-ref",
            "refs/heads/dev"
        ]),
        "POLICY_EXTENSION_MISMATCH"
    );
    assert_eq!(
        outcome(&[
            "--repo",
            "malancas/attest-demo",
            "--signer-repo",
            SIGNER,
            "--hostname",
            "acme.ghe.com"
        ]),
        "POLICY_EXTENSION_MISMATCH"
    );
}
