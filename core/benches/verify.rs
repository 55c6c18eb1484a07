//! `cargo bench -p sigverify`: time of one full verification of the upstream happy-path v0.3
//! bundle, next to the cost of the signature checks it cannot avoid. Prints figures only.
//!
//! The bundle needs five signature checks: the leaf certificate (ECDSA P-384 / SHA-384 by the
//! Fulcio intermediate), the embedded SCT, the inclusion promise, the checkpoint and the
//! message signature (ECDSA P-256 / SHA-256 each). The "crypto floor" is the time of exactly
//! those five verifications with the same curves.

// A benchmark harness: a broken setup should stop it loudly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use common::time;
use p256::ecdsa::signature::Signer;
use p256::ecdsa::signature::Verifier as _;
use sigverify::Artifact;
use sigverify::Bundle;
use sigverify::Config;
use sigverify::Policy;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verifier;

fn main() {
    let iterations = common::iterations(300);
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors/sigstore-conformance");
    let Ok(bundle_json) = std::fs::read(dir.join("happy-path-v0.3/bundle.sigstore.json")) else {
        println!(
            "!!! SKIPPED: {} not found: no bundle to benchmark",
            dir.display()
        );
        return;
    };
    let artifact = std::fs::read(dir.join("a.txt")).unwrap_or_default();
    let policy = Policy::identity(
        "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main",
        "https://token.actions.githubusercontent.com",
    )
    .unwrap();
    let root = TrustedRoot::production().unwrap();
    let verifier = Verifier::new(root, Config::default());
    let now = UnixTime(1_800_000_000);
    let bundle = Bundle::from_json(&bundle_json).unwrap();
    verifier
        .verify(&bundle, Artifact::Bytes(&artifact), &policy, now)
        .unwrap();

    let parse = time(iterations, || {
        black_box(Bundle::from_json(black_box(&bundle_json)).unwrap());
    });
    let full = time(iterations, || {
        let bundle = Bundle::from_json(black_box(&bundle_json)).unwrap();
        black_box(
            verifier
                .verify(&bundle, Artifact::Bytes(&artifact), &policy, now)
                .unwrap(),
        );
    });
    let root_parse = time(iterations.div_ceil(10), || {
        black_box(TrustedRoot::production().unwrap());
    });

    let p256_key = p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).unwrap();
    let p256_sig: p256::ecdsa::DerSignature = p256_key.sign(b"message");
    let p256_vk = *p256_key.verifying_key();
    let p384_key = p384::ecdsa::SigningKey::from_slice(&[7u8; 48]).unwrap();
    let p384_sig: p384::ecdsa::DerSignature = p384_key.sign(b"message");
    let p384_vk = *p384_key.verifying_key();
    let p256_verify = time(iterations, || {
        p256_vk
            .verify(black_box(b"message"), black_box(&p256_sig))
            .unwrap();
    });
    let p384_verify = time(iterations, || {
        p384_vk
            .verify(black_box(b"message"), black_box(&p384_sig))
            .unwrap();
    });
    let floor = p256_verify * 4 + p384_verify;

    println!("sigverify benchmark ({iterations} iterations, median per operation)");
    println!(
        "  parse bundle JSON (happy-path-v0.3)      {:>9.1} us",
        us(parse)
    );
    println!(
        "  parse + verify (happy-path-v0.3)          {:>9.1} us",
        us(full)
    );
    println!(
        "  parse compiled-in production root          {:>9.1} us (once per Verifier)",
        us(root_parse)
    );
    println!(
        "  ECDSA P-256 verify                         {:>9.1} us",
        us(p256_verify)
    );
    println!(
        "  ECDSA P-384 verify                         {:>9.1} us",
        us(p384_verify)
    );
    println!(
        "  crypto floor (4 x P-256 + 1 x P-384)       {:>9.1} us",
        us(floor)
    );
    println!(
        "  verify / crypto floor                      {:>9.2} x",
        full.as_secs_f64() / floor.as_secs_f64()
    );
}

fn us(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
