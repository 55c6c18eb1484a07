//! `cargo bench -p sigverify --bench witness`: what witnessing adds to a verification. A
//! Rekor v2 vector of the virtual Sigstore (`conformance/vectors/ok-witness-all-three`, its
//! checkpoint cosigned by three witnesses) verified without a witness policy, then under a
//! policy naming one witness and all three: the difference is the cost of the cosignatures
//! (Ed25519 each). Then a checkpoint state observing a checkpoint of a tree of 100,000
//! entries, remembered at 60,000, through a consistency proof (17 hashes). Prints figures only.

// A benchmark harness: a broken setup should stop it loudly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use std::hint::black_box;
use std::path::Path;

use common::time;
use sigverify::Artifact;
use sigverify::Bundle;
use sigverify::Config;
use sigverify::LogEntry;
use sigverify::Policy;
use sigverify::SignedCheckpoint;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verifier;
use sigverify::WitnessPolicy;
use sigverify::log_state::ConsistencyProof;
use sigverify::log_state::LogState;
use sigverify_conformance::merkle;

fn main() {
    let iters = common::iterations(200);
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../conformance/vectors/ok-witness-all-three");
    let read = |f: &str| std::fs::read(dir.join(f)).unwrap();
    let text = |f: &str| String::from_utf8(read(f)).unwrap().trim().to_owned();
    let root = TrustedRoot::from_json(&read("trusted_root.json")).unwrap();
    let bundle = Bundle::from_json(&read("bundle.sigstore.json")).unwrap();
    let artifact = read("artifact");
    let policy = Policy::identity(text("identity"), text("issuer")).unwrap();
    let now = UnixTime(text("now").parse().unwrap());
    let witness_lines: Vec<String> = String::from_utf8(read("witness-policy"))
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("witness "))
        .map(str::to_owned)
        .collect();
    let plain = Verifier::new(root, Config::default());
    let run = |v: &Verifier| {
        time(iters, || {
            black_box(
                v.verify(&bundle, Artifact::Bytes(&artifact), &policy, now)
                    .unwrap(),
            );
        })
    };
    let base = run(&plain);
    println!("verify, no witness policy:        {:>9.1} µs", micros(base));
    for (label, n) in [("one witness", 1), ("all three witnesses", 3)] {
        let text = format!(
            "{}\ngroup g all {}\nquorum g\n",
            witness_lines[..n].join("\n"),
            ["a", "b", "c"][..n].join(" ")
        );
        let p = WitnessPolicy::parse(text.as_bytes()).unwrap();
        let v = plain.clone().with_witness_policy(p);
        let t = run(&v);
        println!(
            "verify, policy needing {label:<20} {:>9.1} µs  (+{:.1} µs per cosignature)",
            micros(t),
            (micros(t) - micros(base)) / f64::from(n as u32)
        );
    }

    // A consistency proof between two large trees.
    let leaves: Vec<[u8; 32]> = (0u32..100_000)
        .map(|i| merkle::leaf(&i.to_be_bytes()))
        .collect();
    let (old, new) = (60_000usize, 100_000usize);
    let entry = |size: usize| LogEntry {
        log_index: 0,
        log_id: vec![1],
        log_url: "https://log.example".into(),
        integrated_time: None,
        checkpoint: Some(SignedCheckpoint {
            origin: "log.example".into(),
            size: size as u64,
            root_hash: merkle::mth(&leaves[..size]).to_vec(),
            note: format!(
                "log.example\n{size}\n{}\n\n\u{2014} log.example AAAAAQID\n",
                "Fnnj13Uu1jdksPc4HZLapKX329dVlD5+MGNsiqBq1XM="
            ),
            cosignatures: Vec::new(),
        }),
    };
    let proof = ConsistencyProof {
        root_hash: merkle::mth(&leaves[..new]).to_vec(),
        hashes: merkle::consistency_proof(old, &leaves[..new])
            .iter()
            .map(|h| h.to_vec())
            .collect(),
    };
    let (remembered, presented) = (entry(old), entry(new));
    let mut start = LogState::new();
    start
        .observe(std::slice::from_ref(&remembered), &[])
        .unwrap();
    let t = time(iters * 10, || {
        let mut state = start.clone();
        black_box(state.observe(
            std::slice::from_ref(&presented),
            std::slice::from_ref(&proof),
        ))
        .unwrap();
    });
    println!(
        "log state: tree {old} -> {new}, {} proof hashes: {:>9.1} µs",
        proof.hashes.len(),
        micros(t)
    );
}

fn micros(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
