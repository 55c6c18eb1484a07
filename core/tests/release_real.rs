//! GitHub's real immutable-release attestation (`conformance/attestation-files/
//! github-release-delme-v6/`) through the core calls every binding makes: `gh attestation
//! trusted-root`'s JSON Lines read with `TrustedRoot::from_json_lines`, the root that issued
//! the leaf picked with `TrustedRoot::choose`, then the release verified and its asset found.

#![allow(clippy::unwrap_used, reason = "test helpers")]

use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;
use std::sync::atomic::Ordering;

use sigverify::Bundle;
use sigverify::Error;
use sigverify::Sha256Digest;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verifier;
use sigverify::release::ReleasePolicy;

const NOW: UnixTime = UnixTime(1_748_700_000);

fn read(name: &str) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../conformance/attestation-files/github-release-delme-v6");
    std::fs::read(dir.join(name)).unwrap()
}

#[test]
fn json_lines_hold_public_good_then_github_and_one_document_is_one_root() {
    let jsonl = read("trusted_root.jsonl");
    assert_eq!(TrustedRoot::from_json_lines(&jsonl).unwrap().len(), 2);
    let first_line = jsonl.split(|b| *b == b'\n').next().unwrap();
    assert_eq!(TrustedRoot::from_json_lines(first_line).unwrap().len(), 1);
    // Blank lines around the roots are ignored.
    let spaced = [b"\n".as_slice(), &jsonl, b"\n\n"].concat();
    assert_eq!(TrustedRoot::from_json_lines(&spaced).unwrap().len(), 2);
    // One bad line fails the file with that line's error; one bad document with its own.
    let bad = [jsonl.as_slice(), br#"{"mediaType":"x"}"#].concat();
    let err = TrustedRoot::from_json_lines(&bad).unwrap_err();
    assert_eq!(err.name(), "TRUST_ROOT_MEDIA_TYPE_UNKNOWN", "{err:?}");
    assert!(matches!(
        TrustedRoot::from_json_lines(b"not json"),
        Err(Error::TrustRootJsonInvalid { .. })
    ));
}

#[test]
fn the_root_that_issued_the_leaf_verifies_the_release_and_its_asset() {
    let roots = TrustedRoot::from_json_lines(&read("trusted_root.jsonl")).unwrap();
    let bundle = Bundle::from_json(&read("github_release_bundle.json")).unwrap();
    // GitHub's root (the second line) issued the certificate, not public-good's.
    assert!(!roots[0].issued(&bundle) && roots[1].issued(&bundle));
    let root = TrustedRoot::choose(&roots, &bundle).unwrap();
    let policy = ReleasePolicy::new("bdehamer/delme", "v6").unwrap();
    let verifier = Verifier::new(root.clone(), ReleasePolicy::config());
    let verified = verifier
        .verify_dsse(&bundle, &policy.policy(), NOW)
        .unwrap();
    let release = policy.check(verified).unwrap();
    assert_eq!(
        (release.repository.as_str(), release.tag.as_str()),
        ("bdehamer/delme", "v6")
    );
    let asset = release
        .asset(&Sha256Digest::of(&read("artifact.zip")).0)
        .unwrap();
    assert_eq!(asset.name, "artifact.zip");
    assert!(matches!(
        release.asset(&Sha256Digest::of(&read("artifact_invalid.zip")).0),
        Err(Error::ReleaseAssetNotAttested { .. })
    ));
    // With no root that issued it, the last root is the one that says why not.
    let public_good = &roots[..1];
    let last = TrustedRoot::choose(public_good, &bundle).unwrap();
    let refused = Verifier::new(last.clone(), ReleasePolicy::config())
        .verify_dsse(&bundle, &policy.policy(), NOW)
        .unwrap_err();
    assert_eq!(refused.name(), "TIMESTAMP_CHAIN_UNTRUSTED");
    assert!(TrustedRoot::choose(&[], &bundle).is_none());
}

/// Counts the ECDSA checks handed to it; answers them all valid, or all invalid when lying.
#[derive(Debug)]
struct Counting {
    checks: AtomicUsize,
    lie: bool,
}

impl sigverify::backend::EcdsaBackend for Counting {
    fn verify(&self, _check: &sigverify::backend::EcdsaCheck<'_>) -> Option<bool> {
        self.checks.fetch_add(1, Ordering::Relaxed);
        Some(!self.lie)
    }
}

#[test]
fn json_lines_with_a_backend_hand_it_every_chain_link_and_read_the_same_roots() {
    let jsonl = read("trusted_root.jsonl");
    let honest = Counting {
        checks: 0.into(),
        lie: false,
    };
    let backed = TrustedRoot::from_json_lines_with_backend(&jsonl, &honest).unwrap();
    let plain = TrustedRoot::from_json_lines(&jsonl).unwrap();
    assert_eq!(backed.len(), plain.len());
    // Both roots' chains were checked by the backend: more than the one root's links.
    let both = honest.checks.into_inner();
    let first_line = jsonl.split(|b| *b == b'\n').next().unwrap();
    let one = Counting {
        checks: 0.into(),
        lie: false,
    };
    TrustedRoot::from_json_lines_with_backend(first_line, &one).unwrap();
    let first = one.checks.into_inner();
    assert!(first > 0 && both > first, "{both} {first}");
    let liar = Counting {
        checks: 0.into(),
        lie: true,
    };
    let err = TrustedRoot::from_json_lines_with_backend(&jsonl, &liar).unwrap_err();
    assert_eq!(err.name(), "TRUST_ROOT_CERTIFICATE_INVALID", "{err:?}");
}
