//! The command line as a user meets it, through the built binary: help and version on stdout
//! with exit 0, usage errors on stderr with exit 2 (switch values, misspelt flags, `--`), a
//! real verification whose outcome a switch's `=false` or `=true` decides, and the completion
//! scripts and manual page.

use std::path::Path;
use std::path::PathBuf;
use std::process::Command;
use std::process::Output;

mod common;
use common::sigverify;
use common::text;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../conformance/examples")
        .join(name)
}

/// `verify-bundle` of a real Sigstore public-good bundle (production root) with its identity,
/// and `extra` flags.
fn verify_example(extra: &[&str]) -> Output {
    let d = example("pypi-attestation-models-0.0.4a2");
    let read = |f: &str| {
        std::fs::read_to_string(d.join(f))
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let mut args: Vec<String> = vec![
        "verify-bundle".into(),
        "--bundle".into(),
        d.join("bundle.sigstore.json").display().to_string(),
        "--certificate-identity".into(),
        read("identity"),
        "--certificate-oidc-issuer".into(),
        read("issuer"),
        "--now".into(),
        read("now"),
    ];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    args.push(d.join("artifact").display().to_string());
    sigverify(&args)
}

#[test]
fn help_and_version_exit_0_on_stdout() {
    let help = text(&sigverify(&["--help"]).stdout);
    assert!(
        help.starts_with("usage:\n  sigverify verify-bundle [--staging]"),
        "{help}"
    );
    for needle in [
        "sigverify completions bash|zsh|fish|elvish|powershell",
        "sigverify man",
        "Examples:",
        "--staging=false is no --staging",
        "Exit status: 0 verified, 1 not verified (reason on stderr), 2 usage error.",
    ] {
        assert!(help.contains(needle), "{needle}");
    }
    for args in [
        &["help"][..],
        &[],
        &["-h"],
        &["verify-bundle", "--help"],
        &["verify-attestation", "-h"],
        &["help", "verify-pypi"],
        &["trusted-root", "update", "--help"],
    ] {
        let out = sigverify(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(text(&out.stdout), help, "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}");
    }
    let out = sigverify(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        format!("sigverify {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn staging_false_is_no_staging_and_other_values_are_usage_errors() {
    // The bundle is from the production instance: it verifies against the production root.
    for flags in [
        &[][..],
        &["--staging=false"],
        &["--staging=0"],
        &["--staging=False"],
    ] {
        let out = verify_example(flags);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{flags:?}: {}",
            text(&out.stderr)
        );
    }
    // Against the staging root it does not.
    for flags in [&["--staging"][..], &["--staging=true"], &["--staging=T"]] {
        let out = verify_example(flags);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{flags:?}: {}",
            text(&out.stderr)
        );
        assert!(text(&out.stderr).starts_with("sigverify: "), "{flags:?}");
    }
    for flags in [
        &["--staging=bogus"][..],
        &["--staging=yes"],
        &["--staging="],
    ] {
        let out = verify_example(flags);
        assert_eq!(out.status.code(), Some(2), "{flags:?}");
        assert!(out.stdout.is_empty());
        assert!(
            text(&out.stderr).contains("--staging"),
            "{}",
            text(&out.stderr)
        );
    }
}

#[test]
fn deny_self_hosted_runners_false_verifies_as_without_it() {
    let d = example("gh-reusable-workflow");
    let now = std::fs::read_to_string(d.join("now")).unwrap_or_default();
    let run = |deny: &str| {
        sigverify(&[
            "verify-bundle".to_owned(),
            "--bundle".to_owned(),
            d.join("bundle.sigstore.json").display().to_string(),
            "--now".to_owned(),
            now.trim().to_owned(),
            "--repo".to_owned(),
            "malancas/attest-demo".to_owned(),
            "--signer-repo".to_owned(),
            "github/artifact-attestations-workflows".to_owned(),
            deny.to_owned(),
            d.join("artifact").display().to_string(),
        ])
    };
    for deny in [
        "--deny-self-hosted-runners",
        "--deny-self-hosted-runners=true",
        "--deny-self-hosted-runners=false",
    ] {
        let out = run(deny);
        assert_eq!(out.status.code(), Some(0), "{deny}: {}", text(&out.stderr));
    }
    let out = run("--deny-self-hosted-runners=off");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn double_dash_ends_the_options() {
    let dir = std::env::temp_dir().join(format!("sigverify-args-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let d = example("pypi-attestation-models-0.0.4a2");
    // A copy of the artifact named like a flag, given after `--`.
    let weird = dir.join("--weird");
    let _ = std::fs::copy(d.join("artifact"), &weird);
    let read = |f: &str| {
        std::fs::read_to_string(d.join(f))
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sigverify"));
    cmd.current_dir(&dir)
        .arg("verify-bundle")
        .arg("--bundle")
        .arg(d.join("bundle.sigstore.json"))
        .args(["--certificate-identity", &read("identity")])
        .args(["--certificate-oidc-issuer", &read("issuer")])
        .args(["--now", &read("now")]);
    let out = cmd.arg("--").arg("--weird").output();
    let _ = std::fs::remove_dir_all(&dir);
    let Ok(out) = out else {
        panic!("cannot run sigverify")
    };
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Without `--` it is an unknown flag, and clap says how to pass it.
    let out = verify_example(&["--weird"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("'-- --weird'"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_misspelt_flag_is_a_usage_error_with_a_suggestion() {
    let out = verify_example(&["--sct-treshold", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("a similar argument exists: '--sct-threshold'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Usage: sigverify verify-bundle"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn completions_name_every_command() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = sigverify(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        for word in [
            "verify-bundle",
            "verify-attestation",
            "verify-pypi",
            "trusted-root",
            "deny-self-hosted-runners",
        ] {
            assert!(script.contains(word), "{shell}: {word}");
        }
    }
    let bash = text(&sigverify(&["completions", "bash"]).stdout);
    assert!(bash.contains("complete -F _sigverify"), "{bash}");
    let out = sigverify(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_manual_page_renders() {
    let out = sigverify(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = text(&out.stdout);
    assert!(page.contains(".TH sigverify 1"), "{page}");
    assert!(page.contains(".SH \"VERIFY-BUNDLE OPTIONS\""), "{page}");
    // Rendered by man(1) where it exists: every flag's text and the help's examples are there.
    let Ok(rendered) = Command::new("man")
        .args(["-l", "-"])
        .env("MANWIDTH", "100")
        .env("MAN_KEEP_FORMATTING", "")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(page.as_bytes())?;
            }
            child.wait_with_output()
        })
    else {
        return;
    };
    let rendered = text(&rendered.stdout);
    for needle in [
        "VERIFY-BUNDLE OPTIONS",
        "--deny-self-hosted-runners[=<BOOL>]",
        "Require a GitHub-hosted runner",
        "TRUSTED-ROOT UPDATE OPTIONS",
        "sigverify verify-bundle --bundle app.tar.gz.sigstore.json --repo octo/app \\",
        "Exit status: 0 verified, 1 not verified (reason on stderr), 2 usage error.",
    ] {
        assert!(rendered.contains(needle), "{needle}\n{rendered}");
    }
}
