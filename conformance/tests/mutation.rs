//! Applies seeded random mutations to every upstream vector and checks that the verifier never
//! panics, and never accepts a mutated bundle that means something else: when a mutation of a
//! verifying bundle still verifies, the result (identity, issuer, signing times, log entries,
//! statement) must equal the original's, so the change only touched bytes that carry no meaning
//! (a key hint, an unknown field, an ignored witness cosignature, unsigned CMS fields). A
//! failing vector may only start to verify when the mutation removed something: what is left is
//! A result may lose signing times or log entries (a removed or renamed optional part) but never
//! gain or change one. A failing vector that a mutation turns into a verifying one is printed
//! as "repaired" for review, not failed: without an oracle the test cannot tell a repair (e.g.
//! a v0.1 bundle whose broken, optional inclusion proof was removed) from a false accept.
//! Prints the time per verification; asserts nothing about time.
//!
//! `SIGVERIFY_MUTATIONS` sets the mutations per vector (default 300); `SIGVERIFY_SEED` the seed.

use std::panic::AssertUnwindSafe;
use std::time::Duration;
use std::time::Instant;

use sigverify::Artifact;
use sigverify::Bundle;
use sigverify::Config;
use sigverify::Policy;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verifier;
use sigverify_conformance::mutate;

#[test]
fn mutated_vectors_never_panic_and_never_verify_changed_content() {
    let Some(dir) = sigverify_conformance::upstream_dir() else {
        eprintln!(
            "!!! SKIPPED: ../shared/vectors/sigstore-conformance not found; mutation test NOT run"
        );
        return;
    };
    let per_vector: usize = std::env::var("SIGVERIFY_MUTATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let seed: u64 = std::env::var("SIGVERIFY_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5167_7e21);
    let targets = targets(&dir).unwrap();
    let mut repaired = 0usize;
    let (mut total, mut accepted_same, mut slowest) =
        (0usize, 0usize, (Duration::ZERO, String::new()));
    let mut failures = Vec::new();
    let started = Instant::now();
    for (n, t) in targets.iter().enumerate() {
        let (case_name, verifier, policy, artifact, bytes, now) = (
            &t.name,
            &t.verifier,
            &t.policy,
            &t.artifact,
            &t.bytes,
            t.now,
        );
        let original = Bundle::from_json(bytes)
            .and_then(|b| verifier.verify(&b, Artifact::Bytes(artifact), policy, now));
        let Ok(doc) = serde_json::from_slice::<serde_json::Value>(bytes) else {
            continue;
        };
        let mut rng = mutate::Rng::new(seed ^ u64::try_from(n).unwrap());
        let mut done = 0;
        while done < per_vector {
            let Some(m) = mutate::mutate(bytes, &doc, &mut rng) else {
                continue;
            };
            done += 1;
            let t = Instant::now();
            let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
                let bundle = Bundle::from_json(&m.json)?;
                verifier.verify(&bundle, Artifact::Bytes(artifact), policy, now)
            }));
            let elapsed = t.elapsed();
            if elapsed > slowest.0 {
                slowest = (elapsed, format!("{} {} ({})", case_name, m.path, m.what));
            }
            total += 1;
            match outcome {
                Err(_) => failures.push(format!("PANIC {} {} ({})", case_name, m.path, m.what)),
                Ok(Ok(verified)) => match &original {
                    Ok(o) if sigverify_conformance::means_no_more(&verified, o) => {
                        accepted_same += 1
                    }
                    Ok(_) => failures.push(format!(
                        "ACCEPTED CHANGED BUNDLE {} {} ({})",
                        case_name, m.path, m.what
                    )),
                    Err(_) => {
                        println!(
                            "repaired by mutation: {} {} ({})",
                            case_name, m.path, m.what
                        );
                        repaired += 1;
                    }
                },
                Ok(Err(_)) => {}
            }
        }
    }
    let elapsed = started.elapsed();
    println!(
        "mutation: {total} mutated bundles over {} vectors in {:.1} s ({:.0} us per verification, slowest {:.1} ms: {}); \
         {accepted_same} verified with an unchanged result, {repaired} failing vectors repaired",
        targets.len(),
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / total.max(1) as f64,
        slowest.0.as_secs_f64() * 1e3,
        slowest.1,
    );
    for f in failures.iter().take(usize::MAX) {
        println!("{f}");
    }
    println!(
        "mutation: {} passed, {} failed",
        total - failures.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} mutations panicked or were wrongly accepted",
        failures.len()
    );
}

/// One vector to mutate: its verifier, policy, artifact, bundle bytes and time.
struct Target {
    name: String,
    verifier: Verifier,
    policy: Policy,
    artifact: Vec<u8>,
    bytes: Vec<u8>,
    now: UnixTime,
}

/// Every upstream case (at the current time), and the own vectors of hash algorithms, subject
/// digests, Fulcio usernames and skipped items (at their own times), which the upstream cases
/// do not exercise.
fn targets(dir: &std::path::Path) -> Result<Vec<Target>, String> {
    let now = sigverify_conformance::now();
    let mut out = Vec::new();
    let read = |p: &std::path::Path| std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    for case in sigverify_conformance::load_upstream(dir).map_err(|e| e.to_string())? {
        let root = match &case.trusted_root {
            Some(p) => TrustedRoot::from_json(&read(p)?),
            None => TrustedRoot::production(),
        };
        let Ok(root) = root else { continue };
        let policy = match &case.key {
            Some(k) => Policy::public_key_pem(&String::from_utf8_lossy(&read(k)?)),
            None => Policy::identity(case.identity.clone(), case.issuer.clone()),
        };
        let Ok(policy) = policy else { continue };
        out.push(Target {
            name: case.name.clone(),
            verifier: Verifier::new(root, Config::default()),
            policy,
            artifact: read(&case.artifact)?,
            bytes: read(&case.bundle)?,
            now,
        });
    }
    let own = sigverify_conformance::load_own(&sigverify_conformance::own_dir())?;
    const PREFIXES: [&str; 7] = [
        "ok-hash-",
        "ok-dsse-subject-",
        "ok-managed-p521-",
        "ok-policy-username-",
        "ok-tsa-skipped-imprint",
        "ok-tlog-skipped-",
        "ok-v0.3-message-fulcio-p384",
    ];
    for case in own
        .iter()
        .filter(|c| PREFIXES.iter().any(|p| c.name.starts_with(p)))
    {
        let (root, policy) =
            sigverify_conformance::own_root_and_policy(case).map_err(|e| e.to_string())?;
        out.push(Target {
            name: format!("own/{}", case.name),
            verifier: Verifier::new(root, Config::default()),
            policy,
            artifact: read(&case.dir.join("artifact"))?,
            bytes: read(&case.dir.join("bundle.sigstore.json"))?,
            now: UnixTime(case.now),
        });
    }
    Ok(out)
}
