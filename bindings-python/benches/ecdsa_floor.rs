//! The floor under the Python binding's verify time: AWS-LC's ECDSA verification (the
//! backend in src/ecdsa.rs) on this machine, and the five checks a public-good bundle needs
//! (4 x P-256/SHA-256 and 1 x P-384/SHA-384). Prints figures, asserts nothing but that each
//! signature verifies. `cargo bench -p sigverify-python --bench ecdsa_floor`
//! (SIGVERIFY_BENCH_ITERS sets the iterations, default 2000).

use std::time::Instant;

use aws_lc_rs::signature::EcdsaVerificationAlgorithm;
use aws_lc_rs::signature::UnparsedPublicKey;
use p256::ecdsa::signature::Signer;

/// Median microseconds per call of `f` over 11 rounds of `iters / 11` calls.
fn median_us(iters: u32, f: &dyn Fn() -> bool) -> f64 {
    let per_round = (iters / 11).max(1);
    let mut rounds: Vec<f64> = (0..11)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per_round {
                assert!(f(), "a signature did not verify");
            }
            t.elapsed().as_secs_f64() * 1e6 / f64::from(per_round)
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    rounds.get(5).copied().unwrap_or(f64::NAN)
}

fn main() {
    let iters: u32 = std::env::var("SIGVERIFY_BENCH_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let msg = [0x5a_u8; 400];
    let k256 = p256::ecdsa::SigningKey::from_slice(&[3; 32]).unwrap_or_else(|_| unreachable!());
    let k384 = p384::ecdsa::SigningKey::from_slice(&[3; 48]).unwrap_or_else(|_| unreachable!());
    let s256: p256::ecdsa::DerSignature = k256.sign(&msg);
    let s384: p384::ecdsa::DerSignature = k384.sign(&msg);
    let p256_point = k256.verifying_key().to_sec1_point(false);
    let p384_point = k384.verifying_key().to_sec1_point(false);
    let check = |alg: &'static EcdsaVerificationAlgorithm, point: &[u8], sig: &[u8]| {
        UnparsedPublicKey::new(alg, point).verify(&msg, sig).is_ok()
    };
    let v256 = || {
        check(
            &aws_lc_rs::signature::ECDSA_P256_SHA256_ASN1,
            p256_point.as_bytes(),
            s256.as_bytes(),
        )
    };
    let v384 = || {
        check(
            &aws_lc_rs::signature::ECDSA_P384_SHA384_ASN1,
            p384_point.as_bytes(),
            s384.as_bytes(),
        )
    };
    let us256 = median_us(iters, &v256);
    let us384 = median_us(iters / 4, &v384);
    println!("AWS-LC ECDSA P-256/SHA-256 verify: {us256:.1} us");
    println!("AWS-LC ECDSA P-384/SHA-384 verify: {us384:.1} us");
    println!(
        "floor of a public-good bundle (4 x P-256 + 1 x P-384): {:.1} us",
        4.0 * us256 + us384
    );
}
