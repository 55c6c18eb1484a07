//! `sigverify verify-release` on GitHub's real immutable-release attestation
//! (`conformance/attestation-files/github-release-delme-v6/`): it verifies for its repository,
//! tag and asset against `gh attestation trusted-root`'s output, as `gh release verify` and
//! `gh release verify-asset` do, and every other release, asset, root or tampered bundle fails
//! with the error that names the check.

use std::fs;
use std::path::Path;
use std::path::PathBuf;
use std::process::Output;

mod common;
use common::sigverify;

use serde_json::Value;

fn file(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../conformance/attestation-files/github-release-delme-v6")
        .join(name)
        .display()
        .to_string()
}

fn tmp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("release");
    let _ = fs::create_dir_all(&dir);
    dir.join(name)
}

/// `verify-release` of the real attestation with `extra` flags (repository and tag first, so a
/// later `--repo`/`--tag` overrides them) and the given assets.
fn release(extra: &[&str], assets: &[&str]) -> Output {
    let (bundle, roots) = (
        file("github_release_bundle.json"),
        file("trusted_root.jsonl"),
    );
    let mut args = vec![
        "verify-release",
        "--repo",
        "bdehamer/delme",
        "--tag",
        "v6",
        "--bundle",
        &bundle,
        "--trusted-root",
        &roots,
        "--now",
        "1748700000",
    ];
    args.extend_from_slice(extra);
    args.extend_from_slice(assets);
    sigverify(&args)
}

fn refused(out: &Output, name: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!("sigverify: {name} (code ")),
        "{stderr}"
    );
}

#[test]
fn the_release_and_its_asset_verify_as_gh_release_verify_asset_says() {
    let out = release(&[], &[&file("artifact.zip")]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with("verified release bdehamer/delme v6\n"),
        "{stdout}"
    );
    assert!(stdout.contains("  identity: https://dotcom.releases.github.com\n"));
    assert!(stdout.contains("  signed:   2025-05-30T20:13:39Z\n"));
    assert!(stdout.contains(
        "  subject:  pkg:github/bdehamer/delme@v6 sha1:c5e17a62e06a1d201570249c61fae531e9244e1b\n"
    ));
    assert!(stdout.contains(" is artifact.zip (sha256:e15b593c6ab8d7725a3cc82226ef816cac6bf9c70eed383bd459295cc65f5ec3)\n"));
    // Without assets the attestation alone is checked, and the output says so.
    let alone = release(&[], &[]);
    assert!(alone.status.success());
    assert!(String::from_utf8_lossy(&alone.stdout).contains("assets:   none given"));
    // Repository names compare without case, as GitHub's do; the tag's ref digest is a subject.
    let digest = "c5e17a62e06a1d201570249c61fae531e9244e1b";
    assert!(
        release(&["--repo", "BDEHAMER/Delme", "--tag-digest", digest], &[])
            .status
            .success()
    );
}

#[test]
fn json_output_names_the_release_and_each_asset() {
    let out = release(&["--format", "json"], &[&file("artifact.zip")]);
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(doc["verified"], true);
    assert_eq!(doc["issuer"], Value::Null);
    assert_eq!(doc["signingTimes"][0], 1_748_636_019);
    assert_eq!(doc["release"]["repository"], "bdehamer/delme");
    assert_eq!(doc["release"]["tag"], "v6");
    assert_eq!(doc["release"]["assets"][0]["subject"], "artifact.zip");
    let bad = release(&["--format", "json"], &[&file("artifact_invalid.zip")]);
    let doc: Value = serde_json::from_slice(&bad.stdout).unwrap_or_default();
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(doc["error"]["name"], "RELEASE_ASSET_NOT_ATTESTED");
}

#[test]
fn other_releases_assets_and_roots_are_refused_by_name() {
    refused(
        &release(&[], &[&file("artifact.zip"), &file("artifact_invalid.zip")]),
        "RELEASE_ASSET_NOT_ATTESTED",
    );
    refused(&release(&["--tag", "v1.2.3"], &[]), "RELEASE_TAG_MISMATCH");
    refused(
        &release(&["--repo", "bdehamer/other"], &[]),
        "RELEASE_REPOSITORY_MISMATCH",
    );
    refused(
        &release(&["--tag-digest", &"0".repeat(40)], &[]),
        "RELEASE_TAG_DIGEST_MISMATCH",
    );
    refused(
        &release(&["--repo", "bdehamer"], &[]),
        "RELEASE_POLICY_INVALID",
    );
    // Another trust domain's identity (a GHE.com tenant's) is not this certificate's.
    refused(
        &release(&["--trust-domain", "acme"], &[]),
        "POLICY_IDENTITY_MISMATCH",
    );
    // The public-good root alone did not issue GitHub's certificate.
    let roots = fs::read_to_string(file("trusted_root.jsonl")).unwrap_or_default();
    let public_good = tmp("public-good.json");
    fs::write(&public_good, roots.lines().next().unwrap_or_default()).unwrap_or_default();
    refused(
        &release(&["--trusted-root", &public_good.display().to_string()], &[]),
        "TIMESTAMP_CHAIN_UNTRUSTED",
    );
}

#[test]
fn a_tampered_attestation_and_the_issuer_less_certificate_elsewhere_are_refused() {
    let text = fs::read_to_string(file("github_release_bundle.json")).unwrap_or_default();
    let mut bundle: Value = serde_json::from_str(&text).unwrap_or_default();
    // The statement with another tag, its signature kept.
    let forged = serde_json::json!({
        "_type": "https://in-toto.io/Statement/v1",
        "subject": [{"name": "artifact.zip", "digest": {"sha256": "00"}}],
        "predicateType": "https://in-toto.io/attestation/release/v0.1",
        "predicate": {"repository": "bdehamer/delme", "tag": "v7"},
    });
    bundle["dsseEnvelope"]["payload"] = Value::from(base64(forged.to_string().as_bytes()));
    let path = tmp("forged.json");
    fs::write(&path, bundle.to_string()).unwrap_or_default();
    let p = path.display().to_string();
    refused(
        &release(&["--bundle", &p, "--tag", "v7"], &[]),
        "DSSE_SIGNATURE_INVALID",
    );
    // verify-attestation has no issuer-less policy: any issuer pattern still needs an issuer.
    // It takes one trusted root: GitHub's, the second line of gh's JSON Lines.
    let roots = fs::read_to_string(file("trusted_root.jsonl")).unwrap_or_default();
    let github = tmp("github-root.json");
    fs::write(&github, roots.lines().nth(1).unwrap_or_default()).unwrap_or_default();
    let github = github.display().to_string();
    let out = sigverify(&[
        "verify-attestation",
        "--bundle",
        &file("github_release_bundle.json"),
        "--certificate-identity",
        "https://dotcom.releases.github.com",
        "--certificate-oidc-issuer-regexp",
        ".*",
        "--instance",
        "github-private",
        "--trusted-root",
        &github,
        &file("artifact.zip"),
    ]);
    refused(&out, "CERT_ISSUER_MISSING");
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    let alphabet: Vec<char> = ('A'..='Z')
        .chain('a'..='z')
        .chain('0'..='9')
        .chain(['+', '/'])
        .collect();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for i in 0..4 {
            let six = (n >> (18 - 6 * i)) & 63;
            match alphabet.get(six as usize) {
                Some(c) if i <= chunk.len() => out.push(*c),
                _ => out.push('='),
            }
        }
    }
    out
}
