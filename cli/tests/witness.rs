//! `--witness-policy`, `--tlog-proof`, `--log-state` and `--consistency-proof` through the
//! built binary: the generated `witness-*`, `log-state-*` and `tlog-proof-*` vectors (and their
//! `ok-` forms) give their expected outcome, and on a Rekor v2 vector: the checkpoint and its
//! cosignatures are printed, a policy is judged and a malformed one refused by file, the state
//! is created, then seen again, and a forged remembered tree is a split view whose two signed
//! checkpoints go to stderr while the state file stays as it was; `verify-attestation` takes
//! the same flags.

use std::fs;
use std::path::Path;
use std::path::PathBuf;
use std::process::Output;

mod common;
use common::sigverify;
use common::text;

use serde_json::Value;

/// A Rekor v2 vector (Ed25519 checkpoint) that verifies.
const REKOR2: &str = "ok-v0.3-message-rekor2-tsa";
const ORIGIN: &str = "log2025-1.rekor.virtual.test";
/// A witness no checkpoint is cosigned by: its key is RFC 8032's first Ed25519 test key.
const UNKNOWN_WITNESS: &str =
    "unknown.witness.example+a97137fd+BNdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea";
/// The files a vector may hold beside its bundle, for these flags.
const BESIDE: [&str; 4] = [
    "witness-policy",
    "tlog-proof",
    "log-state",
    "consistency-proof.json",
];

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../conformance/vectors")
}

/// A fresh, empty folder for one test's files.
#[allow(
    clippy::unwrap_used,
    reason = "test helper: a folder that cannot be made fails the test"
)]
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("witness-{test}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// `verify-bundle` of a vector folder with `extra` flags, the artifact last.
fn verify(dir: &Path, extra: &[String]) -> Output {
    run("verify-bundle", dir, extra)
}

/// `command` on a vector folder with `extra` flags, the artifact last.
#[allow(
    clippy::unwrap_used,
    reason = "test helper: a vector folder without its files fails the test"
)]
fn run(command: &str, dir: &Path, extra: &[String]) -> Output {
    let read = |name: &str| {
        fs::read_to_string(dir.join(name))
            .unwrap()
            .trim()
            .to_owned()
    };
    let mut a = vec![
        command.to_owned(),
        "--bundle".to_owned(),
        s(&dir.join("bundle.sigstore.json")),
        "--trusted-root".to_owned(),
        s(&dir.join("trusted_root.json")),
        "--now".to_owned(),
        read("now"),
    ];
    if dir.join("key.pub").is_file() {
        a.extend(["--key".to_owned(), s(&dir.join("key.pub"))]);
    } else {
        a.extend([
            "--certificate-identity".to_owned(),
            read("identity"),
            "--certificate-oidc-issuer".to_owned(),
            read("issuer"),
        ]);
    }
    a.extend(extra.iter().cloned());
    a.push(s(&dir.join("artifact")));
    sigverify(&a)
}

fn flags(pairs: &[(&str, &Path)]) -> Vec<String> {
    pairs
        .iter()
        .flat_map(|(flag, path)| [(*flag).to_owned(), s(path)])
        .collect()
}

/// The flags of the files beside a vector's bundle; its `log-state` is copied into `scratch`
/// first, so that the vector stays as it is.
#[allow(
    clippy::unwrap_used,
    reason = "test helper: a state that cannot be copied fails the test"
)]
fn beside_flags(dir: &Path, scratch: &Path) -> (Vec<String>, Option<PathBuf>) {
    let mut a = Vec::new();
    let mut state = None;
    for (file, flag) in BESIDE.iter().zip([
        "--witness-policy",
        "--tlog-proof",
        "--log-state",
        "--consistency-proof",
    ]) {
        let path = dir.join(file);
        if !path.is_file() {
            continue;
        }
        let path = if *file == "log-state" {
            let copy = scratch.join("log-state");
            fs::copy(&path, &copy).unwrap();
            state = Some(copy.clone());
            copy
        } else {
            path
        };
        a.extend([flag.to_owned(), s(&path)]);
    }
    (a, state)
}

#[test]
fn the_witness_log_state_and_tlog_proof_vectors_give_the_expected_outcome() {
    let mut dirs: Vec<PathBuf> = fs::read_dir(vectors())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|d| BESIDE.iter().any(|f| d.join(f).is_file()))
        .collect();
    dirs.sort();
    if dirs.is_empty() {
        eprintln!("!!! SKIPPED: no vector holds a witness-policy, tlog-proof or log-state yet");
        return;
    }
    let scratch = scratch("vectors");
    let mut failed = Vec::new();
    for dir in &dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let expect = fs::read_to_string(dir.join("expect")).unwrap();
        let expect = expect.trim();
        let (extra, state) = beside_flags(dir, &scratch);
        let before = state.as_ref().map(|p| fs::read(p).unwrap());
        let out = verify(dir, &extra);
        let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
        let after = state.as_ref().map(|p| fs::read(p).unwrap());
        let ok = if expect == "ok" {
            out.status.success()
        } else {
            out.status.code() == Some(1)
                && stderr.starts_with(&format!("sigverify: {expect} (code "))
                && after == before
                && (!matches!(
                    expect,
                    "LOG_SPLIT_VIEW"
                        | "LOG_CONSISTENCY_PROOF_MISSING"
                        | "LOG_CONSISTENCY_PROOF_INVALID"
                ) || (stderr.contains("\nevidence: remembered checkpoint of ")
                    && stderr.contains("\nevidence: presented checkpoint of ")))
        };
        if !ok {
            failed.push(format!("{name} (expected {expect}): {stdout}{stderr}"));
        }
    }
    println!("{} vectors, {} failed", dirs.len(), failed.len());
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn the_vectors_print_what_the_files_did() {
    let scratch = scratch("printed");
    for (vector, lines) in [
        // A witness is named as the policy names it.
        (
            "ok-witness-two-of-three",
            &[
                "            cosigned by a at 2025-06-01T12:00:30Z\n",
                "            cosigned by b at 2025-06-01T12:00:30Z\n",
            ][..],
        ),
        (
            "ok-log-state-extended",
            &[": extended from 7\n", "  log state: saved to "],
        ),
        (
            "ok-log-state-same",
            &[": same as remembered\n", " unchanged\n"],
        ),
        (
            "ok-log-state-older-checkpoint",
            &[": older than remembered "],
        ),
        (
            "ok-tlog-proof-older-kept",
            &[": tlog entry 0 kept the bundle's own proof (a tree at least as large as 21)\n"],
        ),
        (
            "ok-tlog-proof-for-bundle-without-proof",
            &[": replaced the proof of tlog entry 0 (tree size 21)\n"],
        ),
    ] {
        let dir = vectors().join(vector);
        if !dir.is_dir() {
            eprintln!("!!! SKIPPED: {vector} not generated yet");
            continue;
        }
        let (extra, _) = beside_flags(&dir, &scratch);
        let out = verify(&dir, &extra);
        let stdout = text(&out.stdout);
        assert!(out.status.success(), "{vector}: {}", text(&out.stderr));
        for line in lines {
            assert!(stdout.contains(line), "{vector}: {line}\n{stdout}");
        }
    }
}

#[test]
fn the_checkpoint_is_printed_and_quorum_none_asks_nothing() {
    let dir = scratch("quorum-none");
    let policy = dir.join("policy");
    fs::write(&policy, "# no witness required\nquorum none\n").unwrap();
    let out = verify(
        &vectors().join(REKOR2),
        &flags(&[("--witness-policy", &policy)]),
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let tlog = format!("  tlog:     https://{ORIGIN} index ");
    let at = stdout.find(&tlog).unwrap();
    let next = stdout[at..].split_once('\n').unwrap().1;
    assert!(
        next.starts_with(&format!("            checkpoint {ORIGIN}, tree size ")),
        "{stdout}"
    );
}

#[test]
fn a_policy_whose_witness_did_not_cosign_is_not_met() {
    let dir = scratch("unknown-witness");
    let policy = dir.join("policy");
    fs::write(&policy, format!("witness w {UNKNOWN_WITNESS}\nquorum w\n")).unwrap();
    let out = verify(
        &vectors().join(REKOR2),
        &flags(&[("--witness-policy", &policy)]),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("sigverify: WITNESS_QUORUM_NOT_MET (code 1705): "),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_malformed_or_unreadable_policy_is_refused_by_file() {
    let dir = scratch("bad-policy");
    let policy = dir.join("policy");
    fs::write(&policy, "quorum none\nfrobnicate\n").unwrap();
    let out = verify(
        &vectors().join(REKOR2),
        &flags(&[("--witness-policy", &policy)]),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "sigverify: WITNESS_POLICY_INVALID (code 1700): witness policy is malformed (line: 2); in --witness-policy {}\n",
            s(&policy)
        )
    );
    // In JSON, the same error names the file under `file`.
    let mut extra = flags(&[("--witness-policy", &policy)]);
    extra.extend(["--format".to_owned(), "json".to_owned()]);
    let out = verify(&vectors().join(REKOR2), &extra);
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["error"]["name"], "WITNESS_POLICY_INVALID");
    assert_eq!(
        doc["error"]["file"],
        format!("--witness-policy {}", s(&policy))
    );

    let missing = dir.join("no-such-policy");
    let out = verify(
        &vectors().join(REKOR2),
        &flags(&[("--witness-policy", &missing)]),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "sigverify: error: cannot read witness policy {}: ",
            s(&missing)
        )),
        "{stderr}"
    );
}

#[test]
fn a_consistency_proof_without_a_state_is_a_usage_error() {
    let dir = scratch("usage");
    let proof = dir.join("proof.json");
    let out = verify(
        &vectors().join(REKOR2),
        &flags(&[("--consistency-proof", &proof)]),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("--log-state <FILE>"), "{stderr}");
}

/// The state file after a first run that created it, and that run's JSON document.
#[allow(
    clippy::unwrap_used,
    reason = "test helper: a first run that does not verify fails the test"
)]
fn first_state(test: &str) -> (PathBuf, Value) {
    let dir = scratch(test);
    let state = dir.join("state");
    let mut extra = flags(&[("--log-state", &state)]);
    extra.extend(["--format".to_owned(), "json".to_owned()]);
    let out = verify(&vectors().join(REKOR2), &extra);
    assert!(out.status.success(), "{}", text(&out.stdout));
    (state, serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn the_state_is_created_then_the_same_tree_is_seen_again() {
    let dir = scratch("state-round-trip");
    let state = dir.join("state");
    let out = verify(&vectors().join(REKOR2), &flags(&[("--log-state", &state)]));
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        stdout.contains(&format!("  log state: {ORIGIN} tree size ")),
        "{stdout}"
    );
    assert!(stdout.contains(": first seen\n"), "{stdout}");
    assert!(
        stdout.contains(&format!("  log state: saved to {}\n", s(&state))),
        "{stdout}"
    );
    let saved = fs::read_to_string(&state).unwrap();
    assert!(
        saved.starts_with(&format!("sigverify-log-state/v1\n\n{ORIGIN}\n")),
        "{saved}"
    );
    // No temporary file is left beside it.
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1);

    let out = verify(&vectors().join(REKOR2), &flags(&[("--log-state", &state)]));
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.contains(": same as remembered\n"), "{stdout}");
    assert!(
        stdout.contains(&format!("  log state: {} unchanged\n", s(&state))),
        "{stdout}"
    );
    assert_eq!(fs::read_to_string(&state).unwrap(), saved);
}

#[test]
fn json_has_the_checkpoint_and_the_observations() {
    let (state, doc) = first_state("json");
    let checkpoint = &doc["logEntries"][0]["checkpoint"];
    let keys: Vec<&str> = checkpoint
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["cosignatures", "origin", "rootHash", "size"]);
    assert_eq!(checkpoint["origin"], ORIGIN);
    assert_eq!(checkpoint["rootHash"].as_str().unwrap().len(), 64);
    // Without a policy no cosignature is verified, so none is reported.
    assert_eq!(checkpoint["cosignatures"], serde_json::json!([]));
    assert_eq!(doc["tlogProofs"], serde_json::json!([]));
    assert_eq!(
        doc["logState"],
        serde_json::json!({
            "file": s(&state),
            "written": true,
            "observations": [{
                "origin": ORIGIN,
                "size": checkpoint["size"],
                "observation": "first",
                "rememberedSize": null,
            }],
        })
    );
}

/// The state with its one checkpoint's size or root hash line replaced. The state's
/// signatures are not checked again, so the edited note stands for a remembered tree.
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helper: a state without that line fails the test"
)]
fn edit_state(state: &Path, line: usize, to: &str) -> String {
    let saved = fs::read_to_string(state).unwrap();
    let mut lines: Vec<String> = saved.split('\n').map(str::to_owned).collect();
    // Header, blank line, origin, size, root hash.
    lines[line] = to.to_owned();
    let edited = lines.join("\n");
    fs::write(state, &edited).unwrap();
    edited
}

#[test]
fn another_root_of_the_same_size_is_a_split_view_with_both_checkpoints_as_evidence() {
    let (state, doc) = first_state("split-view");
    let presented = fs::read_to_string(&state).unwrap();
    let root = presented.split('\n').nth(4).unwrap().to_owned();
    let forged_root = format!(
        "{}{}",
        if root.starts_with('A') { "B" } else { "A" },
        &root[1..]
    );
    let forged = edit_state(&state, 4, &forged_root);
    let out = verify(&vectors().join(REKOR2), &flags(&[("--log-state", &state)]));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let size = &doc["logEntries"][0]["checkpoint"]["size"];
    let note = |text: &str| text.split_once("\n\n").unwrap().1.to_owned();
    assert_eq!(
        text(&out.stderr),
        format!(
            "sigverify: LOG_SPLIT_VIEW (code 1711): log signed two different trees of the same size (split view) (origin: {ORIGIN}) (size: {size})\n\
             evidence: remembered checkpoint of {ORIGIN} (log state {}):\n{}\
             evidence: presented checkpoint of {ORIGIN} (this bundle):\n{}\
             sigverify: the log state {} was left as it was\n",
            s(&state),
            note(&forged),
            note(&presented),
            s(&state),
        )
    );
    assert_eq!(fs::read_to_string(&state).unwrap(), forged);

    // JSON: the same error, the evidence in the document and on stderr.
    let mut extra = flags(&[("--log-state", &state)]);
    extra.extend(["--format".to_owned(), "json".to_owned()]);
    let out = verify(&vectors().join(REKOR2), &extra);
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["error"]["name"], "LOG_SPLIT_VIEW");
    assert_eq!(doc["evidence"]["origin"], ORIGIN);
    assert_eq!(doc["evidence"]["remembered"], note(&forged));
    assert_eq!(doc["evidence"]["presented"], note(&presented));
    assert!(text(&out.stderr).starts_with("evidence: remembered checkpoint of "));
    assert_eq!(fs::read_to_string(&state).unwrap(), forged);
}

#[test]
fn another_size_needs_a_consistency_proof_that_connects_the_trees() {
    let (state, doc) = first_state("consistency");
    let checkpoint = &doc["logEntries"][0]["checkpoint"];
    let size = checkpoint["size"].as_u64().unwrap();
    // A larger remembered tree under the presented root: no proof can connect the two.
    let forged = edit_state(&state, 3, &(size + 5).to_string());
    let out = verify(&vectors().join(REKOR2), &flags(&[("--log-state", &state)]));
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "sigverify: LOG_CONSISTENCY_PROOF_MISSING (code 1709): no consistency proof between the remembered and the presented checkpoint (origin: {ORIGIN}) (remembered: {}) (presented: {size})\nevidence: remembered checkpoint of ",
            size + 5
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("\nevidence: presented checkpoint of "),
        "{stderr}"
    );

    let proof = state.with_file_name("proof.json");
    let hash = "ab".repeat(32);
    fs::write(
        &proof,
        format!(
            r#"{{"rootHash": "{}", "hashes": ["{hash}", "{hash}"]}}"#,
            checkpoint["rootHash"].as_str().unwrap()
        ),
    )
    .unwrap();
    let out = verify(
        &vectors().join(REKOR2),
        &flags(&[("--log-state", &state), ("--consistency-proof", &proof)]),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("sigverify: LOG_CONSISTENCY_PROOF_INVALID (code 1710): "),
        "{stderr}"
    );
    assert!(
        stderr.contains("\nevidence: presented checkpoint of "),
        "{stderr}"
    );
    assert_eq!(fs::read_to_string(&state).unwrap(), forged);

    // A proof file that is not Rekor's JSON is refused by name, before the state is judged.
    fs::write(&proof, "[]").unwrap();
    let out = verify(
        &vectors().join(REKOR2),
        &flags(&[("--log-state", &state), ("--consistency-proof", &proof)]),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "sigverify: LOG_CONSISTENCY_PROOF_MALFORMED (code 1712): consistency proof file is malformed; in --consistency-proof {}\n",
            s(&proof)
        )
    );
}

#[test]
fn a_damaged_state_is_refused_by_name_with_the_way_out() {
    let dir = scratch("damaged-state");
    let state = dir.join("state");
    fs::write(&state, "not a state\n").unwrap();
    let out = verify(&vectors().join(REKOR2), &flags(&[("--log-state", &state)]));
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "sigverify: LOG_STATE_INVALID (code 1708): checkpoint state is malformed; in --log-state {}\n",
            s(&state)
        )),
        "{stderr}"
    );
    assert!(stderr.contains("deleting it is safe"), "{stderr}");
    assert_eq!(fs::read_to_string(&state).unwrap(), "not a state\n");
}

/// A tlog proof file of the bundle's own first entry: its index, hashes and checkpoint.
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "test helper: a bundle without an inclusion proof fails the test"
)]
fn own_tlog_proof(bundle: &Value, index_shift: u64) -> String {
    let proof = &bundle["verificationMaterial"]["tlogEntries"][0]["inclusionProof"];
    let index: u64 = proof["logIndex"].as_str().unwrap().parse().unwrap();
    let mut text = format!("c2sp.org/tlog-proof@v1\nindex {}\n", index + index_shift);
    for h in proof["hashes"].as_array().unwrap() {
        text.push_str(h.as_str().unwrap());
        text.push('\n');
    }
    text.push('\n');
    text.push_str(proof["checkpoint"]["envelope"].as_str().unwrap());
    text
}

#[test]
fn a_tlog_proof_replaces_a_smaller_proof_or_leaves_the_bundle_its_own() {
    let dir = scratch("tlog-proof");
    let vector = vectors().join(REKOR2);
    let bundle: Value =
        serde_json::from_slice(&fs::read(vector.join("bundle.sigstore.json")).unwrap()).unwrap();
    let proof = dir.join("proof");
    fs::write(&proof, own_tlog_proof(&bundle, 0)).unwrap();
    let out = verify(&vector, &flags(&[("--tlog-proof", &proof)]));
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let size = bundle["verificationMaterial"]["tlogEntries"][0]["inclusionProof"]["treeSize"]
        .as_str()
        .unwrap();
    assert!(
        stdout.contains(&format!(
            "  tlog proof: {}: tlog entry 0 kept the bundle's own proof (a tree at least as large as {size})\n",
            s(&proof)
        )),
        "{stdout}"
    );

    // The bundle claims a smaller tree: the file's proof takes its place, and verifies.
    let mut smaller = bundle.clone();
    smaller["verificationMaterial"]["tlogEntries"][0]["inclusionProof"]["treeSize"] =
        Value::from("1");
    let copy = dir.join("vector");
    fs::create_dir_all(&copy).unwrap();
    for f in ["artifact", "trusted_root.json", "now", "identity", "issuer"] {
        fs::copy(vector.join(f), copy.join(f)).unwrap();
    }
    fs::write(copy.join("bundle.sigstore.json"), smaller.to_string()).unwrap();
    let out = verify(&copy, &flags(&[("--tlog-proof", &proof)]));
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        stdout.contains(&format!(
            "  tlog proof: {}: replaced the proof of tlog entry 0 (tree size {size})\n",
            s(&proof)
        )),
        "{stdout}"
    );
    let mut extra = flags(&[("--tlog-proof", &proof)]);
    extra.extend(["--format".to_owned(), "json".to_owned()]);
    let doc: Value = serde_json::from_slice(&verify(&copy, &extra).stdout).unwrap();
    assert_eq!(
        doc["tlogProofs"],
        serde_json::json!([{
            "file": s(&proof),
            "entry": 0,
            "treeSize": size.parse::<u64>().unwrap(),
            "replaced": true,
        }])
    );
}

#[test]
fn a_tlog_proof_that_proves_no_entry_or_does_not_parse_is_refused_by_file() {
    let dir = scratch("tlog-proof-bad");
    let vector = vectors().join(REKOR2);
    let bundle: Value =
        serde_json::from_slice(&fs::read(vector.join("bundle.sigstore.json")).unwrap()).unwrap();
    let proof = dir.join("proof");
    fs::write(&proof, own_tlog_proof(&bundle, 1)).unwrap();
    let out = verify(&vector, &flags(&[("--tlog-proof", &proof)]));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "sigverify: TLOG_PROOF_UNMATCHED (code 1714): tlog proof proves no entry of the bundle; in --tlog-proof {}\n",
            s(&proof)
        )
    );
    fs::write(&proof, "c2sp.org/tlog-proof@v1\nindex x\n\n").unwrap();
    let out = verify(&vector, &flags(&[("--tlog-proof", &proof)]));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "sigverify: TLOG_PROOF_INVALID (code 1713): tlog proof file is malformed; in --tlog-proof {}\n",
            s(&proof)
        )
    );
}

#[test]
fn verify_attestation_takes_the_same_flags() {
    let dir = scratch("attestation");
    let policy = dir.join("policy");
    fs::write(&policy, "quorum none\n").unwrap();
    let state = dir.join("state");
    let out = run(
        "verify-attestation",
        &vectors().join("ok-v0.3-dsse-rekor2-tsa"),
        &flags(&[("--witness-policy", &policy), ("--log-state", &state)]),
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        stdout.contains(&format!("            checkpoint {ORIGIN}, tree size ")),
        "{stdout}"
    );
    assert!(stdout.contains(": first seen\n"), "{stdout}");
    assert!(stdout.contains("  statement: "), "{stdout}");
    assert!(state.is_file());
}
