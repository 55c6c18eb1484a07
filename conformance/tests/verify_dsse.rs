//! `Verifier::verify_dsse`: the upstream DSSE bundles verify without the artifact and return
//! their statement; a message-signature bundle needs the artifact.

use sigverify::Bundle;
use sigverify::Config;
use sigverify::Error;
use sigverify::Policy;
use sigverify::TrustedRoot;
use sigverify::Verifier;

#[test]
fn dsse_bundles_verify_without_the_artifact() {
    let Some(dir) = sigverify_conformance::upstream_dir() else {
        eprintln!(
            "!!! SKIPPED: ../shared/vectors/sigstore-conformance not found; verify_dsse NOT tested"
        );
        return;
    };
    let cases = sigverify_conformance::load_upstream(&dir).unwrap();
    let now = sigverify_conformance::now();
    let mut checked = 0;
    for name in [
        "happy-path-intoto-in-dsse-v3",
        "intoto-with-custom-trust-root",
        "rekor2-dsse-happy-path",
        "happy-path-v0.3",
    ] {
        let case = cases.iter().find(|c| c.name == name).unwrap();
        let root = match &case.trusted_root {
            Some(p) => TrustedRoot::from_json(&std::fs::read(p).unwrap()).unwrap(),
            None => TrustedRoot::production().unwrap(),
        };
        let verifier = Verifier::new(root, Config::default());
        let bundle = Bundle::from_json(&std::fs::read(&case.bundle).unwrap()).unwrap();
        let policy = Policy::identity(case.identity.clone(), case.issuer.clone()).unwrap();
        let result = verifier.verify_dsse(&bundle, &policy, now);
        if name == "happy-path-v0.3" {
            assert_eq!(result.unwrap_err(), Error::ArtifactRequired);
        } else {
            let statement = result.unwrap().statement.unwrap();
            assert_eq!(statement.payload_type, "application/vnd.in-toto+json");
            assert!(statement.payload.starts_with(b"{"), "{name}");
        }
        checked += 1;
    }
    assert_eq!(checked, 4);
}
