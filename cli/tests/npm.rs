//! `sigverify verify-npm` on the npm registry's real files
//! (`conformance/attestation-files/npm-registry/`, `npm-playwright-cli-0.1.1/`): each package
//! verifies as `npm audit signatures` says it does (registry signature, publish attestation,
//! provenance, tarball), and each way the files can disagree fails with its own error.

use std::fs;
use std::path::Path;
use std::path::PathBuf;
use std::process::Output;

mod common;
use common::sigverify;

use serde_json::Value;
use serde_json::json;

fn file(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../conformance/attestation-files")
        .join(name)
        .display()
        .to_string()
}

fn tmp(name: &str, contents: &str) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("npm");
    let _ = fs::create_dir_all(&dir);
    let path: PathBuf = dir.join(name);
    fs::write(&path, contents).unwrap_or_default();
    path.display().to_string()
}

fn read_json(name: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(file(name)).unwrap_or_default()).unwrap_or_default()
}

const SIGSTORE: &str = "npm-registry/sigstore-1.0.0";

/// `verify-npm` of sigstore@1.0.0 with the legacy keys file, its version document,
/// attestations and tarball, each replaceable.
fn sigstore(extra: &[&str], tarball: Option<&str>) -> Output {
    let keys = file("npm-registry/keys.json");
    let dist = file(&format!("{SIGSTORE}/dist.json"));
    let atts = file(&format!("{SIGSTORE}/attestations.json"));
    let mut args = vec![
        "verify-npm",
        "--keys",
        &keys,
        "--packument",
        &dist,
        "--attestations",
        &atts,
    ];
    args.extend_from_slice(extra);
    let tgz = file(&format!("{SIGSTORE}/sigstore-1.0.0.tgz"));
    args.push(tarball.unwrap_or(&tgz));
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
fn sigstore_1_0_0_verifies_as_npm_audit_signatures_says() {
    let out = sigstore(&[], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for line in [
        "verified npm package sigstore@1.0.0\n",
        "has the version's integrity (SHA-512)\n",
        "  signature:  registry key SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA\n",
        "  published:  2023-02-09T17:56:02Z (the publish attestation's log time)\n",
        "  provenance (attestations[0]): https://slsa.dev/provenance/v0.2\n",
        "    identity: https://github.com/sigstore/sigstore-js/.github/workflows/publish.yml@refs/tags/v1.0.0\n",
        "  publish attestation (attestations[1]): registry key SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA, https://github.com/npm/attestation/tree/main/specs/publish/v0.1\n",
        "  provenance identity: not constrained",
    ] {
        assert!(stdout.contains(line), "{line} not in {stdout}");
    }
    // Its v0.1 bundles end their chain in the Fulcio root: verify-bundle keeps the
    // conformance suite's verdict on them.
    let bundle = read_json(&format!("{SIGSTORE}/attestations.json"))["attestations"][0]["bundle"]
        .to_string();
    let out = sigverify(&[
        "verify-attestation",
        "--bundle",
        &tmp("provenance-v0.1.json", &bundle),
        "--repo",
        "sigstore/sigstore-js",
    ]);
    refused(&out, "BUNDLE_CHAIN_CONTAINS_ROOT");
}

#[test]
fn a_provenance_policy_is_the_one_given() {
    // Certificates of February 2023 predate the source-repository extensions that the GitHub
    // flags read; the identity flags name their workflow.
    refused(
        &sigstore(&["--repo", "sigstore/sigstore-js"], None),
        "POLICY_EXTENSION_MISMATCH",
    );
    let pinned = sigstore(
        &[
            "--certificate-identity",
            "https://github.com/sigstore/sigstore-js/.github/workflows/publish.yml@refs/tags/v1.0.0",
            "--certificate-oidc-issuer",
            "https://token.actions.githubusercontent.com",
        ],
        None,
    );
    assert!(pinned.status.success());
    refused(
        &sigstore(
            &[
                "--certificate-identity-regexp",
                "https://github\\.com/octo/app/.*",
                "--certificate-oidc-issuer",
                "https://token.actions.githubusercontent.com",
            ],
            None,
        ),
        "POLICY_IDENTITY_MISMATCH",
    );
}

#[test]
fn more_packages_verify_and_json_names_each_part() {
    let out = sigverify(&[
        "verify-npm",
        "--keys",
        &file("npm-registry/keys.json"),
        "--packument",
        &file("npm-registry/tuf-js-1.0.0/dist.json"),
        "--attestations",
        &file("npm-registry/tuf-js-1.0.0/attestations.json"),
        "--certificate-identity-regexp",
        "https://github\\.com/theupdateframework/tuf-js/\\.github/workflows/publish\\.yml@refs/tags/v.*",
        "--certificate-oidc-issuer",
        "https://token.actions.githubusercontent.com",
        "--format",
        "json",
        &file("npm-registry/tuf-js-1.0.0/tuf-js-1.0.0.tgz"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(doc["npm"]["name"], "tuf-js");
    assert_eq!(doc["npm"]["publishTimeSource"], "attestation");
    assert_eq!(doc["npm"]["attestations"][1]["kind"], "publish");
    assert_eq!(doc["npm"]["tarballChecked"], true);
    // Signed with the registry's newer key, no attestations: the publish time is unknown and
    // judged as pacote judges it.
    let brave = "npm-registry/brave-search-mcp-server-2.0.82";
    let out = sigverify(&[
        "verify-npm",
        "--keys",
        &file("npm-registry/keys.json"),
        "--packument",
        &file(&format!("{brave}/dist.json")),
        &file(&format!("{brave}/brave-search-mcp-server-2.0.82.tgz")),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains("registry key SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U"));
    assert!(stdout.contains("pacote's stand-in"));
}

#[test]
fn the_tuf_form_of_the_keys_reads_the_same() {
    // The TUF target registry.npmjs.org/keys.json of Sigstore's repository, which npm reads
    // first (each key listed twice, by usage), as a keys file.
    let keys = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/vectors/sigstore-tuf/production/targets/registry.npmjs.org/keys.json");
    if !keys.is_file() {
        println!(
            "!!! {} is absent: the TUF form of npm's keys is SKIPPED",
            keys.display()
        );
        return;
    }
    let out = sigstore(&["--keys", &keys.display().to_string()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn each_disagreement_is_refused_by_its_own_name() {
    // Another tarball than the one the integrity names.
    refused(
        &sigstore(
            &[],
            Some(&file("npm-registry/tuf-js-1.0.0/tuf-js-1.0.0.tgz")),
        ),
        "NPM_INTEGRITY_MISMATCH",
    );
    let dist = read_json(&format!("{SIGSTORE}/dist.json"));
    // The registry says there are attestations; none given.
    let keys = file("npm-registry/keys.json");
    let d = tmp("dist.json", &dist.to_string());
    let out = sigverify(&["verify-npm", "--keys", &keys, "--packument", &d]);
    refused(&out, "NPM_ATTESTATIONS_MISSING");
    // Without attestations, the packument's publish time decides: after the key's expiry
    // the registry signature no longer vouches.
    let mut late = json!({
        "name": "sigstore",
        "versions": {"1.0.0": dist.clone()},
        "time": {"1.0.0": "2025-02-01T00:00:00.000Z"},
    });
    if let Some(d) = late["versions"]["1.0.0"]["dist"].as_object_mut() {
        d.remove("attestations");
    }
    let p = tmp("late.json", &late.to_string());
    let out = sigverify(&[
        "verify-npm",
        "--keys",
        &keys,
        "--packument",
        &p,
        "--package-version",
        "1.0.0",
    ]);
    refused(&out, "NPM_SIGNATURE_KEY_EXPIRED");
    late["time"]["1.0.0"] = json!("2023-02-09T17:56:02.000Z");
    let p = tmp("early.json", &late.to_string());
    let out = sigverify(&[
        "verify-npm",
        "--keys",
        &keys,
        "--packument",
        &p,
        "--package-version",
        "1.0.0",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A key that expired before the publish attestation was logged.
    let mut expired = read_json("npm-registry/keys.json");
    expired["keys"][0]["expires"] = json!("2023-01-01T00:00:00.000Z");
    let k = tmp("expired-keys.json", &expired.to_string());
    refused(
        &sigstore(&["--keys", &k], None),
        "POLICY_KEY_NOT_VALID_AT_SIGNING_TIME",
    );
    // Only the newer key: the publish attestation's key is unknown.
    let mut newer = read_json("npm-registry/keys.json");
    if let Some(list) = newer["keys"].as_array_mut() {
        list.remove(0);
    }
    let k = tmp("newer-keys.json", &newer.to_string());
    refused(
        &sigstore(&["--keys", &k], None),
        "NPM_ATTESTATION_KEY_UNKNOWN",
    );
    // A registry signature over another integrity, and one with no signature at all.
    let mut forged = dist.clone();
    forged["dist"]["signatures"][0]["sig"] = dist["dist"]["signatures"][0]["sig"]
        .as_str()
        .map(|s| s.replace("MEQCIB", "MEQCIC"))
        .into();
    let f = tmp("forged.json", &forged.to_string());
    refused(
        &sigstore(&["--packument", &f], None),
        "NPM_SIGNATURE_INVALID",
    );
    let mut unsigned = dist.clone();
    if let Some(d) = unsigned["dist"].as_object_mut() {
        d.remove("signatures");
    }
    let u = tmp("unsigned.json", &unsigned.to_string());
    refused(
        &sigstore(&["--packument", &u], None),
        "NPM_SIGNATURE_MISSING",
    );
    // The attestations of another package.
    let other = file("npm-registry/tuf-js-1.0.0/attestations.json");
    refused(
        &sigstore(&["--attestations", &other], None),
        "NPM_SUBJECT_NAME_MISMATCH",
    );
}

#[test]
fn playwright_cli_attestations_verify_until_the_missing_signature() {
    // The recorded version document of @playwright/cli@0.1.1 lacks its registry signature (the
    // mirror strips it): both attestations verify, the newer registry key and a Rekor dsse
    // entry included, and the missing signature is then named.
    let dir = "npm-playwright-cli-0.1.1";
    let doc = json!({
        "name": "@playwright/cli",
        "version": "0.1.1",
        "dist": {
            "integrity": "sha512-9k11ZfDwAfMVDDIuEVW1Wvs8SoDNXIY1dNQ+9C9/SS8ZmElkcxesu5eoL7vNa96ntibUGaq1TM2qQoqvdl/I9g==",
            "attestations": {"url": "https://registry.npmjs.org/-/npm/v1/attestations/@playwright%2fcli@0.1.1"},
        },
    });
    let out = sigverify(&[
        "verify-npm",
        "--keys",
        &file("npm-registry/keys.json"),
        "--packument",
        &tmp("playwright.json", &doc.to_string()),
        "--attestations",
        &file(&format!("{dir}/attestations.json")),
        "--repo",
        "microsoft/playwright-cli",
        &file(&format!("{dir}/artifact")),
    ]);
    refused(&out, "NPM_SIGNATURE_MISSING");
}

#[test]
fn every_npm_vector_gives_its_expected_outcome_through_the_cli() {
    let text = sigverify_conformance::npm_vectors::render_npm(
        &sigverify_conformance::npm_vectors::npm_dir(),
    )
    .unwrap_or_default();
    let mut failed = Vec::new();
    let mut ran = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let col: Vec<&str> = line.split('\t').collect();
        let [
            id,
            keys,
            packument,
            version,
            attestations,
            tarball,
            root,
            now,
            identity,
            issuer,
            expected,
        ] = col.as_slice()
        else {
            panic!("npm manifest row with {} columns: {line}", col.len());
        };
        let mut args = vec![
            "verify-npm",
            "--keys",
            keys,
            "--packument",
            packument,
            "--trusted-root",
            root,
            "--now",
            now,
        ];
        if *version != "-" {
            args.extend(["--package-version", version]);
        }
        if *attestations != "-" {
            args.extend(["--attestations", attestations]);
        }
        if *identity != "-" {
            args.extend([
                "--certificate-identity",
                identity,
                "--certificate-oidc-issuer",
                issuer,
            ]);
        }
        args.push(tarball);
        let out = sigverify(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let got = if out.status.success() {
            "ok"
        } else {
            stderr
                .strip_prefix("sigverify: ")
                .and_then(|s| s.split(' ').next())
                .unwrap_or("<unparsed>")
        };
        ran += 1;
        if got != *expected {
            failed.push(format!("{id}: expected {expected}, got {got}: {stderr}"));
        }
    }
    assert!(ran >= 18, "only {ran} npm rows");
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
