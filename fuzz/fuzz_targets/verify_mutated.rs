//! Structure-aware and differential: the input chooses an upstream vector and up to four
//! mutations of its JSON (sigverify_conformance::mutate); the full `verify` runs on the result.
//! It must never panic, and when the original verifies, an accepted mutation must mean no more
//! than the original (same signer and statement, no new signing time or log entry).
//!
//! Vectors come from `$SIGVERIFY_UPSTREAM_VECTORS`, else ../shared/vectors/sigstore-conformance.
#![no_main]

use std::sync::OnceLock;

use sigverify::Artifact;
use sigverify::Bundle;
use sigverify::Config;
use sigverify::Policy;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verified;
use sigverify::Verifier;
use sigverify_conformance::mutate;
use sigverify_conformance::mutate::Entropy as _;

struct Vector {
    now: UnixTime,
    verifier: Verifier,
    policy: Policy,
    artifact: Vec<u8>,
    bytes: Vec<u8>,
    doc: serde_json::Value,
    original: Option<Verified>,
}

/// A fixed time, so runs are reproducible: mid-2026, after every upstream signing time.
const NOW: UnixTime = UnixTime(1_780_000_000);

fn vectors() -> &'static [Vector] {
    static VECTORS: OnceLock<Vec<Vector>> = OnceLock::new();
    VECTORS.get_or_init(|| {
        let dir = sigverify_conformance::upstream_dir().expect("upstream vectors (set SIGVERIFY_UPSTREAM_VECTORS)");
        let cases = sigverify_conformance::load_upstream(&dir).expect("readable vectors");
        cases
            .iter()
            .filter_map(|case| {
                let root = match &case.trusted_root {
                    Some(p) => TrustedRoot::from_json(&std::fs::read(p).ok()?).ok()?,
                    None => TrustedRoot::production().ok()?,
                };
                let policy = match &case.key {
                    Some(k) => Policy::public_key_pem(&std::fs::read_to_string(k).ok()?).ok()?,
                    None => Policy::identity(case.identity.clone(), case.issuer.clone()).ok()?,
                };
                let verifier = Verifier::new(root, Config::default());
                let artifact = std::fs::read(&case.artifact).ok()?;
                let bytes = std::fs::read(&case.bundle).ok()?;
                let doc = serde_json::from_slice(&bytes).ok()?;
                let original = Bundle::from_json(&bytes)
                    .and_then(|b| verifier.verify(&b, Artifact::Bytes(&artifact), &policy, NOW))
                    .ok();
                Some(Vector { now: NOW, verifier, policy, artifact, bytes, doc, original })
            })
            .chain(own_vectors())
            .collect()
    })
}

/// The own vectors of the paths the upstream cases do not reach: P-384/P-521 keys and their
/// hashes, SHA-384/512 subjects, Fulcio usernames, skipped timestamps and entries.
fn own_vectors() -> Vec<Vector> {
    const PREFIXES: [&str; 6] =
        ["ok-hash-", "ok-dsse-subject-", "ok-managed-p521-", "ok-policy-username-", "ok-tsa-skipped-imprint", "ok-tlog-skipped-"];
    let cases = sigverify_conformance::load_own(&sigverify_conformance::own_dir()).unwrap_or_default();
    cases
        .iter()
        .filter(|c| PREFIXES.iter().any(|p| c.name.starts_with(p)))
        .filter_map(|case| {
            let (root, policy) = sigverify_conformance::own_root_and_policy(case).ok()?;
            let verifier = Verifier::new(root, Config::default());
            let artifact = std::fs::read(case.dir.join("artifact")).ok()?;
            let bytes = std::fs::read(case.dir.join("bundle.sigstore.json")).ok()?;
            let doc = serde_json::from_slice(&bytes).ok()?;
            let now = UnixTime(case.now);
            let original = Bundle::from_json(&bytes)
                .and_then(|b| verifier.verify(&b, Artifact::Bytes(&artifact), &policy, now))
                .ok();
            Some(Vector { now, verifier, policy, artifact, bytes, doc, original })
        })
        .collect()
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let vectors = vectors();
    let mut choices = mutate::Bytes(data);
    let Some(v) = vectors.get(choices.below(vectors.len())) else { return };
    let rounds = 1 + choices.below(4);
    let mut bytes = v.bytes.clone();
    let mut doc = v.doc.clone();
    for _ in 0..rounds {
        let Some(m) = mutate::mutate(&bytes, &doc, &mut choices) else { return };
        bytes = m.json;
        match serde_json::from_slice(&bytes) {
            Ok(next) => doc = next,
            Err(_) => break,
        }
    }
    let Ok(bundle) = Bundle::from_json(&bytes) else { return };
    let Ok(verified) = v.verifier.verify(&bundle, Artifact::Bytes(&v.artifact), &v.policy, v.now) else { return };
    if let Some(original) = &v.original {
        assert!(
            sigverify_conformance::means_no_more(&verified, original),
            "a mutated bundle verified with a different meaning: {verified:?} vs {original:?}"
        );
    }
});
