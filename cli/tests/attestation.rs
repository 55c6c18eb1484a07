//! `sigverify verify-attestation` and `--format json` on a real PyPI attestation and on the
//! project's own vectors: the statement is printed, subjects are checked when an artifact or
//! digest is given (and the output says when not), the predicate type is enforced, a message
//! signature or another payload type is named, and the JSON documents have the keys
//! `cli/RESULT.md` documents.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::path::PathBuf;
use std::process::Output;

mod common;
use common::sigverify;
use common::text;

use serde_json::Value;

const PREDICATE: &str = "https://docs.pypi.org/attestations/publish/v1";

fn conformance(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../conformance")
        .join(sub)
}

/// The policy (and root and time, for a generated vector) of a vector or example folder.
#[allow(
    clippy::unwrap_used,
    reason = "test helper: a vector folder without its files fails the test"
)]
fn args(command: &str, dir: &Path, extra: &[&str]) -> Vec<String> {
    let read = |name: &str| {
        fs::read_to_string(dir.join(name))
            .unwrap()
            .trim()
            .to_owned()
    };
    let mut a = vec![
        command.to_owned(),
        "--bundle".to_owned(),
        dir.join("bundle.sigstore.json").display().to_string(),
        "--certificate-identity".to_owned(),
        read("identity"),
        "--certificate-oidc-issuer".to_owned(),
        read("issuer"),
    ];
    if dir.join("trusted_root.json").is_file() {
        a.push("--trusted-root".to_owned());
        a.push(dir.join("trusted_root.json").display().to_string());
        a.push("--now".to_owned());
        a.push(read("now"));
    }
    a.extend(extra.iter().map(|s| (*s).to_owned()));
    a
}

fn pypi() -> PathBuf {
    conformance("examples/pypi-attestation-models-0.0.4a2")
}

fn keys(v: &Value) -> BTreeSet<&str> {
    v.as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn an_attestation_with_its_artifact_prints_the_checked_statement() {
    let artifact = pypi().join("artifact").display().to_string();
    let out = sigverify(&args("verify-attestation", &pypi(), &[&artifact]));
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("  statement: https://in-toto.io/Statement/v1\n"),
        "{stdout}"
    );
    assert!(stdout.contains("  subject:  pypi_attestation_models-0.0.4a2.tar.gz sha256:c9709ce6fd5b67b59b4a28758cf14d3f411803c4b89b6068b1f1a8e4ee94c8ef\n"), "{stdout}");
    assert!(
        stdout.contains(&format!("  predicate type: {PREDICATE}\n")),
        "{stdout}"
    );
    assert!(!stdout.contains("NOT checked"), "{stdout}");
}

#[test]
fn without_an_artifact_everything_but_the_subjects_is_checked_and_said() {
    let out = sigverify(&args(
        "verify-attestation",
        &pypi(),
        &["--predicate-type", PREDICATE],
    ));
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("  subjects: NOT checked (no artifact or --digest given)\n"),
        "{stdout}"
    );
}

#[test]
fn a_digest_stands_for_the_artifact() {
    let good = "sha256:c9709ce6fd5b67b59b4a28758cf14d3f411803c4b89b6068b1f1a8e4ee94c8ef";
    let out = sigverify(&args("verify-attestation", &pypi(), &["--digest", good]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bad = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
    let out = sigverify(&args("verify-attestation", &pypi(), &["--digest", bad]));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("sigverify: DSSE_SUBJECT_MISMATCH (code 803)"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_predicate_type_is_enforced() {
    let out = sigverify(&args(
        "verify-attestation",
        &pypi(),
        &["--predicate-type", "https://slsa.dev/provenance/v1"],
    ));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "sigverify: DSSE_PREDICATE_TYPE_MISMATCH (code 804): in-toto predicate type differs from the required one (found: {PREDICATE})\n"
        )
    );
}

#[test]
fn other_payload_types_are_shown_as_text_and_have_no_predicate_type() {
    let dir = conformance("vectors/dsse-payload-type-not-in-toto-rekor1");
    let out = sigverify(&args("verify-attestation", &dir, &[]));
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.contains("  payload:  application/json (293 bytes)\n  subjects: NOT checked"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  payload text:\n    {\"_type\""),
        "{stdout}"
    );
    let out = sigverify(&args(
        "verify-attestation",
        &dir,
        &["--predicate-type", "x"],
    ));
    assert!(text(&out.stderr).starts_with("sigverify: DSSE_PAYLOAD_TYPE_UNSUPPORTED (code 801)"));
}

#[test]
fn a_message_signature_is_not_an_attestation() {
    let dir = conformance("vectors/ok-v0.3-message-rekor1");
    let artifact = dir.join("artifact").display().to_string();
    for extra in [vec![], vec![artifact.as_str()]] {
        let out = sigverify(&args("verify-attestation", &dir, &extra));
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out.stderr).starts_with("sigverify: DSSE_ENVELOPE_MISSING (code 805)"),
            "{}",
            text(&out.stderr)
        );
    }
    // verify-bundle still verifies it, and prints no statement.
    let out = sigverify(&args("verify-bundle", &dir, &[&artifact]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).contains("statement"));
}

#[allow(
    clippy::unwrap_used,
    reason = "a document that is not JSON fails the test"
)]
fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn json_documents_have_the_documented_keys() {
    let artifact = pypi().join("artifact").display().to_string();
    let out = sigverify(&args(
        "verify-attestation",
        &pypi(),
        &[&artifact, "--format", "json"],
    ));
    assert!(out.status.success());
    let doc = json_of(&out);
    assert_eq!(
        doc["extensions"]["1.3.6.1.4.1.57264.1.12"],
        "https://github.com/trailofbits/pypi-attestation-models"
    );
    assert_eq!(
        keys(&doc),
        BTreeSet::from([
            "format",
            "verified",
            "identity",
            "issuer",
            "extensions",
            "signingTimes",
            "logEntries",
            "statement",
            "skipped",
            "bundle",
            "tlogProofs",
            "logState",
            "error"
        ])
    );
    // One bundle in the file: no place to name.
    assert_eq!(doc["bundle"], Value::Null);
    assert_eq!(doc["format"], "sigverify-result/1");
    assert_eq!(doc["verified"], true);
    assert_eq!(doc["signingTimes"], serde_json::json!([1718048845]));
    assert_eq!(
        keys(&doc["logEntries"][0]),
        BTreeSet::from([
            "logIndex",
            "logId",
            "logUrl",
            "integratedTime",
            "checkpoint"
        ])
    );
    // Production Rekor's checkpoints carry no cosignature a policy asked for; no flag, no
    // tlog proof and no state.
    assert_eq!(
        keys(&doc["logEntries"][0]["checkpoint"]),
        BTreeSet::from(["origin", "size", "rootHash", "cosignatures"])
    );
    assert_eq!(doc["tlogProofs"], serde_json::json!([]));
    assert_eq!(doc["logState"], Value::Null);
    assert_eq!(doc["logEntries"][0]["logIndex"], 101487427);
    let statement = &doc["statement"];
    assert_eq!(
        keys(statement),
        BTreeSet::from([
            "payloadType",
            "payloadSha256",
            "payloadText",
            "inToto",
            "firmware",
            "subjectsChecked"
        ])
    );
    assert_eq!(statement["subjectsChecked"], true);
    // A PyPI publish attestation is not a firmware statement.
    assert_eq!(statement["firmware"], Value::Null);
    assert_eq!(
        keys(&statement["inToto"]),
        BTreeSet::from(["type", "predicateType", "subjects", "predicate"])
    );
    assert_eq!(statement["inToto"]["predicateType"], PREDICATE);
    assert_eq!(
        statement["inToto"]["subjects"][0]["digest"]["sha256"],
        "c9709ce6fd5b67b59b4a28758cf14d3f411803c4b89b6068b1f1a8e4ee94c8ef"
    );

    // A failure: the same keys for every failure, exit 1, nothing on stderr.
    let out = sigverify(&args(
        "verify-bundle",
        &pypi(),
        &["--format=json", "sha256:00"],
    ));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let doc = json_of(&out);
    assert_eq!(keys(&doc), BTreeSet::from(["format", "verified", "error"]));
    assert_eq!(doc["verified"], false);
    assert_eq!(
        keys(&doc["error"]),
        BTreeSet::from(["code", "name", "message"])
    );
    // An unreadable file is an error without a core code.
    let missing = [
        "--format",
        "json",
        "--bundle",
        "/nonexistent/b.json",
        "--key",
        "/nonexistent/k.pem",
        "a",
    ];
    let mut a = vec!["verify-bundle".to_owned()];
    a.extend(missing.iter().map(|s| (*s).to_owned()));
    let doc = json_of(&sigverify(&a));
    assert_eq!(doc["error"]["name"], "IO_ERROR");
    assert_eq!(doc["error"]["code"], Value::Null);
}

#[test]
fn verify_bundle_json_has_no_statement_for_a_message_signature() {
    let dir = conformance("vectors/ok-v0.3-message-rekor1");
    let artifact = dir.join("artifact").display().to_string();
    let out = sigverify(&args(
        "verify-bundle",
        &dir,
        &[&artifact, "--format", "json"],
    ));
    assert!(out.status.success(), "{}", text(&out.stdout));
    let doc = json_of(&out);
    assert_eq!(doc["statement"], Value::Null);
    assert_eq!(doc["skipped"], serde_json::json!([]));
}

fn files(sub: &str) -> PathBuf {
    conformance("attestation-files").join(sub)
}

fn arg(p: &Path) -> String {
    p.display().to_string()
}

/// The npm attestations document and its tarball, with the provenance's identity policy.
fn npm_args(doc: &Path, artifact: &Path, extra: &[&str]) -> Vec<String> {
    let mut a: Vec<String> = [
        "verify-attestation",
        "--bundle",
        &arg(doc),
        "--certificate-identity",
        "https://github.com/microsoft/playwright-cli/.github/workflows/publish.yml@refs/tags/v0.1.1",
        "--certificate-oidc-issuer",
        "https://token.actions.githubusercontent.com",
        &arg(artifact),
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    a.extend(extra.iter().map(|s| (*s).to_owned()));
    a
}

#[test]
fn gh_json_lines_verify_and_name_the_line() {
    let jsonl = files("gh-jsonl-sigstore-2.1.0/sigstore-js-2.1.0_with_2_bundles.jsonl");
    let artifact = conformance("examples/gh-npm-sigstore-2.1.0-v0.3/artifact");
    let run = |bundle: &Path, artifact: &Path| {
        sigverify(&[
            "verify-attestation".to_owned(),
            "--bundle".to_owned(),
            arg(bundle),
            "--repo".to_owned(),
            "sigstore/sigstore-js".to_owned(),
            "--predicate-type".to_owned(),
            "https://slsa.dev/provenance/v1".to_owned(),
            arg(artifact),
        ])
    };
    let out = run(&jsonl, &artifact);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("  bundle:   line 1 of 2 in "), "{stdout}");
    assert!(
        stdout.contains("  subject:  pkg:npm/sigstore@2.1.0 sha512:90f223f9"),
        "{stdout}"
    );
    // Another artifact: every line fails, each with its reason.
    let other = pypi().join("artifact");
    let out = run(&jsonl, &other);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "sigverify: none of the 2 bundles verified\n  line 1: DSSE_SUBJECT_MISMATCH (code 803): no in-toto subject matches the artifact digest\n  line 2: DSSE_SUBJECT_MISMATCH (code 803): no in-toto subject matches the artifact digest\n"
    );
}

#[test]
fn an_npm_attestations_document_verifies_by_provenance_or_by_the_registry_key() {
    let dir = files("npm-playwright-cli-0.1.1");
    let (doc, artifact) = (dir.join("attestations.json"), dir.join("artifact"));
    let out = sigverify(&npm_args(&doc, &artifact, &[]));
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    // The publish attestation is signed by npm's key: the identity policy skips it.
    assert!(
        stdout.contains("  bundle:   attestations[1] of 2 in "),
        "{stdout}"
    );
    assert!(
        stdout.contains("  predicate type: https://slsa.dev/provenance/v1\n"),
        "{stdout}"
    );
    let out = sigverify(&[
        "verify-attestation".to_owned(),
        "--bundle".to_owned(),
        arg(&doc),
        "--key".to_owned(),
        arg(&dir.join("npm-registry-key.pem")),
        "--predicate-type".to_owned(),
        "https://github.com/npm/attestation/tree/main/specs/publish/v0.1".to_owned(),
        arg(&artifact),
    ]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(stdout.contains("  signer:   managed key\n"), "{stdout}");
    assert!(
        stdout.contains("  bundle:   attestations[0] of 2 in "),
        "{stdout}"
    );
}

#[test]
fn tampered_attestation_files_are_rejected() {
    let dir = files("npm-playwright-cli-0.1.1");
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR")).join("attestation-files");
    let _ = fs::create_dir_all(&tmp);
    // A tarball with one byte changed: no subject names it.
    let mut tarball = fs::read(dir.join("artifact")).unwrap_or_default();
    if let Some(b) = tarball.get_mut(100) {
        *b ^= 1;
    }
    let tampered = tmp.join("tampered.tgz");
    fs::write(&tampered, &tarball).unwrap_or_default();
    let out = sigverify(&npm_args(
        &dir.join("attestations.json"),
        &tampered,
        &["--format", "json"],
    ));
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    assert_eq!(doc["error"]["name"], "POLICY_MATERIAL_MISMATCH");
    let places: Vec<&str> = doc["bundles"]
        .as_array()
        .map(|l| l.iter().filter_map(|b| b["place"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(places, ["attestations[0]", "attestations[1]"]);
    assert_eq!(doc["bundles"][1]["error"]["name"], "DSSE_SUBJECT_MISMATCH");
    // The provenance's signature changed inside the document: it no longer verifies.
    let text_doc = fs::read_to_string(dir.join("attestations.json")).unwrap_or_default();
    let sig_at = text_doc.rfind("\"sig\":\"").map(|i| i + 7).unwrap_or(0);
    let mut bytes = text_doc.into_bytes();
    if let Some(b) = bytes.get_mut(sig_at + 10) {
        *b = if *b == b'A' { b'B' } else { b'A' };
    }
    let forged = tmp.join("forged.json");
    fs::write(&forged, &bytes).unwrap_or_default();
    let out = sigverify(&npm_args(
        &forged,
        &dir.join("artifact"),
        &["--format", "json"],
    ));
    assert_eq!(out.status.code(), Some(1));
    let doc = json_of(&out);
    assert_eq!(doc["bundles"][1]["error"]["name"], "DSSE_SIGNATURE_INVALID");
    // Not an attestations document: a list without bundles.
    let empty = tmp.join("empty.json");
    fs::write(&empty, br#"{"attestations":[]}"#).unwrap_or_default();
    let out = sigverify(&npm_args(&empty, &dir.join("artifact"), &[]));
    assert!(
        text(&out.stderr).starts_with("sigverify: BUNDLE_JSON_INVALID (code 100)"),
        "{}",
        text(&out.stderr)
    );
}
