//! Runs every row of the TUF manifest (the generated vectors of `conformance/tuf-vectors/` and,
//! when present, Sigstore's real repositories) through `sigverify::tuf::update`, stage by
//! stage, and checks each row's outcome by error name.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use sigverify::Config;
use sigverify::Error;
use sigverify::UnixTime;
use sigverify::tuf;
use sigverify_conformance::tuf_manifest;
use sigverify_conformance::tuf_manifest::TufRow;

/// The TUF error names no manifest row can expect, each with the core unit test covering it.
const COVERED_BY_CORE_UNIT_TESTS: &[(&str, &str)] = &[(
    "TUF_STATE_INVALID",
    "core/src/tuf/state.rs damaged_states_are_refused: the state a stage \
     passes on is always one the library wrote",
)];

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn anchor_bytes(anchor: &str) -> Result<Vec<u8>, String> {
    match anchor {
        "production" => Ok(tuf::PRODUCTION_ROOT.to_vec()),
        "staging" => Ok(tuf::STAGING_ROOT.to_vec()),
        path => read(Path::new(path)),
    }
}

/// Runs one stage from `anchor` and `state`; `Err` when a file cannot be read.
fn run(row: &TufRow, state: Option<&tuf::State>) -> Result<Result<tuf::Update, Error>, String> {
    let anchor = anchor_bytes(&row.anchor)?;
    let roots = row
        .roots
        .iter()
        .map(|p| read(p))
        .collect::<Result<Vec<_>, _>>()?;
    let timestamp = read(&row.timestamp)?;
    let snapshot = read(&row.snapshot)?;
    let targets = read(&row.targets)?;
    let files = row
        .target_files
        .iter()
        .map(|(n, p)| read(p).map(|b| (n.clone(), b)))
        .collect::<Result<Vec<_>, _>>()?;
    let repo = tuf::Repository {
        roots: roots.iter().map(Vec::as_slice).collect(),
        timestamp: &timestamp,
        snapshot: &snapshot,
        targets: &targets,
        target_files: files
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect(),
    };
    Ok(tuf::update(&anchor, state, &repo, UnixTime(row.now)))
}

/// The rendered TUF manifest, read back.
fn rows() -> Result<Vec<TufRow>, String> {
    let real = tuf_manifest::tuf_real_dir();
    let text = tuf_manifest::render_tuf(&sigverify_conformance::tuf_dir(), real.as_deref())?;
    tuf_manifest::parse_tuf(&text)
}

#[test]
fn tuf_vectors_give_the_expected_outcome() {
    let real = tuf_manifest::tuf_real_dir();
    let rows = rows().unwrap();
    let own = rows.iter().filter(|r| r.id.starts_with("tuf-own/")).count();
    assert!(own >= 50, "expected at least 50 own TUF rows, found {own}");

    let mut failed = Vec::new();
    let mut state: Option<tuf::State> = None;
    let mut previous: Option<(&str, u32)> = None;
    for row in &rows {
        match previous {
            Some((id, stage)) if id == row.id => {
                assert_eq!(row.stage, stage + 1, "{}: stages out of order", row.id);
            }
            _ => {
                assert_eq!(row.stage, 1, "{}: does not start at stage 1", row.id);
                state = None;
            }
        }
        previous = Some((&row.id, row.stage));
        let result = run(row, state.as_ref()).unwrap();
        let (outcome, detail) = match &result {
            Ok(up) => ("ok".to_owned(), format!("root v{}", up.versions.root)),
            Err(e) => (e.name().to_owned(), e.to_string()),
        };
        if outcome == row.expected {
            println!("pass {:55} {} {outcome}: {detail}", row.id, row.stage);
        } else {
            println!(
                "FAIL {:55} {} expected {}, got {outcome}: {detail}",
                row.id, row.stage, row.expected
            );
            failed.push(format!("{} stage {}", row.id, row.stage));
        }
        state = result.ok().map(|up| up.state);
    }
    println!(
        "tuf vectors: {} rows, {} as expected",
        rows.len(),
        rows.len() - failed.len()
    );
    if real.is_none() {
        println!(
            "!!! ../shared/vectors/sigstore-tuf is absent: the tuf-real rows (Sigstore's real \
             repositories) were NOT run"
        );
    } else {
        let real_rows = rows
            .iter()
            .filter(|r| r.id.starts_with("tuf-real/"))
            .count();
        assert!(
            real_rows >= 9,
            "expected 9 tuf-real rows, found {real_rows}"
        );
    }
    assert!(failed.is_empty(), "mismatches:\n{}", failed.join("\n"));
}

#[test]
fn every_tuf_error_is_expected_somewhere() {
    let rows = rows().unwrap();
    let expected: BTreeSet<&str> = rows.iter().map(|r| r.expected.as_str()).collect();
    let mut missing = Vec::new();
    for (code, name) in Error::ALL {
        if !(1300..1400).contains(code) {
            continue;
        }
        let by_unit_test = COVERED_BY_CORE_UNIT_TESTS.iter().any(|(n, _)| n == name);
        assert!(
            !(by_unit_test && expected.contains(name)),
            "{name} is expected by a row: drop it from COVERED_BY_CORE_UNIT_TESTS"
        );
        if !by_unit_test && !expected.contains(name) {
            missing.push(*name);
        }
    }
    assert!(
        missing.is_empty(),
        "TUF errors no vector expects: {missing:?}"
    );
    assert!(expected.contains("LIMIT_EXCEEDED"));
}

/// `tuf-trusted-root-rotates`: its bundle verifies only under the trusted root its second
/// stage publishes.
#[test]
fn a_rotated_trusted_root_verifies_the_bundle_of_its_new_ca() {
    let dir = sigverify_conformance::tuf_dir().join("tuf-trusted-root-rotates");
    let bundle_dir = dir.join("bundle");
    let text = |p: &str| {
        fs::read_to_string(bundle_dir.join(p))
            .unwrap()
            .trim()
            .to_owned()
    };
    let expect: Vec<(u32, String)> = text("expect")
        .lines()
        .map(|l| {
            let (stage, outcome) = l.split_once(' ').unwrap();
            (stage.parse().unwrap(), outcome.to_owned())
        })
        .collect();
    let bundle =
        sigverify::Bundle::from_json(&read(&bundle_dir.join("bundle.sigstore.json")).unwrap())
            .unwrap();
    let artifact = read(&bundle_dir.join("artifact")).unwrap();
    let policy = sigverify::Policy::identity(text("identity"), text("issuer")).unwrap();

    let rows: Vec<TufRow> = rows()
        .unwrap()
        .into_iter()
        .filter(|r| r.id == "tuf-own/tuf-trusted-root-rotates")
        .collect();
    assert_eq!(rows.len(), 2);
    let mut state: Option<tuf::State> = None;
    let mut trusted_roots = Vec::new();
    for row in &rows {
        let up = run(row, state.as_ref()).unwrap().unwrap();
        let now = UnixTime(row.now);
        let verifier = sigverify::Verifier::new(up.trusted_root.clone(), Config::default());
        let outcome =
            match verifier.verify(&bundle, sigverify::Artifact::Bytes(&artifact), &policy, now) {
                Ok(_) => "ok".to_owned(),
                Err(e) => e.name().to_owned(),
            };
        let want = expect
            .iter()
            .find(|(s, _)| *s == row.stage)
            .map(|(_, o)| o.as_str());
        assert_eq!(Some(outcome.as_str()), want, "stage {}", row.stage);
        trusted_roots.push(up.target_file(tuf::TRUSTED_ROOT_TARGET).unwrap().to_vec());
        state = Some(up.state);
    }
    assert_ne!(trusted_roots[0], trusted_roots[1]);
}

/// The decision not to check key ids against the keys' hashes (specification 4.3; python-tuf
/// does not either): Sigstore's real roots carry key ids that are not the SHA-256 of their
/// key's canonical JSON (production v11, staging v5 to v8: key fields added after the id was
/// made), and the real rows that rotate through those roots (`production-from-root-v5`,
/// `staging-from-root-v1`) must verify. Keys are counted by value, so an id is a label.
#[test]
fn real_key_ids_are_not_all_key_hashes() {
    let Some(dir) = tuf_manifest::tuf_real_dir() else {
        println!("!!! Sigstore's real TUF repositories are absent: key-id decision NOT checked");
        return;
    };
    for (repo, version) in [("production", 11), ("staging", 5), ("staging", 8)] {
        let path = dir.join(format!("{repo}/metadata/root_history/{version}.root.json"));
        let doc: serde_json::Value = serde_json::from_slice(&read(&path).unwrap()).unwrap();
        let keys = doc["signed"]["keys"].as_object().unwrap();
        let mismatched = keys
            .iter()
            .filter(|(id, key)| {
                let hash = sigverify_conformance::generator::pki::sha256(
                    &sigverify_conformance::generator::tuf::canonical(key),
                );
                sigverify_conformance::generator::pki::hex(&hash) != **id
            })
            .count();
        assert!(
            mismatched > 0,
            "{repo} root v{version}: every key id is its key's hash"
        );
    }
}
