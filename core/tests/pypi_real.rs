//! Real PEP 740 files (`conformance/attestation-files/pypi/`, from the pypi-attestations
//! 0.0.31 sdist): each verifies against its distribution on the compiled-in production root,
//! for its publisher, and tampered copies fail with the error naming the check.

#![allow(clippy::unwrap_used, reason = "test helpers")]

use std::path::PathBuf;

use sigverify::Error;
use sigverify::Sha256Digest;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verifier;
use sigverify::pypi;
use sigverify::pypi::Distribution;
use sigverify::pypi::Expected;
use sigverify::pypi::Provenance;

const NOW: UnixTime = UnixTime(1_790_000_000);

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../conformance/attestation-files/pypi")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap()
}

fn dist(name: &str) -> Distribution {
    let sha = Sha256Digest::of(&read(name));
    Distribution::new(name, sha.0).unwrap()
}

fn verifier() -> Verifier {
    Verifier::new(
        TrustedRoot::production().unwrap(),
        sigverify::Config::default(),
    )
}

fn provenance(
    dist_name: &str,
    expected: &Expected,
) -> Result<Vec<pypi::VerifiedAttestation>, Error> {
    let p = Provenance::from_json(&read(&format!("{dist_name}.provenance")))?;
    pypi::verify_provenance(&verifier(), &p, expected, &dist(dist_name), NOW)
}

#[test]
fn github_provenance_verifies_for_its_repository() {
    let d = "pypi_attestations-0.0.19.tar.gz";
    let ok = Expected::default()
        .with_repository("https://github.com/trailofbits/pypi-attestations")
        .unwrap();
    let all = provenance(d, &ok).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].predicate_type, pypi::PUBLISH_V1);
    assert_eq!(all[0].place, "attestation_bundles[0].attestations[0]");
    let extensions = &all[0].verified.extensions;
    let source = extensions
        .iter()
        .find(|(oid, _)| oid == "1.3.6.1.4.1.57264.1.12");
    assert_eq!(
        source.map(|(_, v)| v.as_str()),
        Some("https://github.com/trailofbits/pypi-attestations")
    );
    // v1 (raw) and v2 (DER) extensions both read as text; the issuer is there twice.
    let issuers = extensions
        .iter()
        .filter(|(_, v)| v == "https://token.actions.githubusercontent.com")
        .count();
    assert_eq!(issuers, 2);
    let other = Expected::default()
        .with_repository("https://github.com/trailofbits/other")
        .unwrap();
    assert_eq!(
        provenance(d, &other).err(),
        Some(Error::PypiPublisherMismatch {
            found: "GitHub trailofbits/pypi-attestations (release.yml)".into()
        })
    );
}

#[test]
fn google_and_circleci_provenances_verify_for_their_publishers() {
    let g = Expected::default()
        .with_gcp_service_account("919436158236-compute@developer.gserviceaccount.com");
    provenance("gcb_attestation_test-0.0.0.tar.gz", &g).unwrap();
    let c = Expected::default().with_circleci(
        "fdd9283f-e619-46af-8f9c-851f7d3e8b2b",
        "8e4f8ab2-8d7c-4827-9f15-de076d6d647f",
    );
    provenance(
        "circleci_sign_publish_example-0.0.1.dev137-py3-none-any.whl",
        &c,
    )
    .unwrap();
}

#[test]
fn attestation_objects_verify_for_a_policy() {
    let d = "pypi_attestations-0.0.19.tar.gz";
    let policy = pypi::Publisher::GitHub {
        repository: "trailofbits/pypi-attestations".into(),
        workflow: "release.yml".into(),
        environment: None,
    };
    for (file, predicate) in [
        ("publish", pypi::PUBLISH_V1),
        ("slsa", pypi::SLSA_PROVENANCE_V1),
    ] {
        let a = pypi::Attestation::from_json(&read(&format!("{d}.{file}.attestation"))).unwrap();
        let v = pypi::verify_attestation(&verifier(), &a, &policy.policy().unwrap(), &dist(d), NOW)
            .unwrap();
        assert_eq!(v.predicate_type, predicate);
    }
    let g = "gitlab_oidc_project-0.0.3.tar.gz";
    let a = pypi::Attestation::from_json(&read(&format!("{g}.publish.attestation"))).unwrap();
    let gitlab = pypi::Publisher::GitLab {
        repository: "facutuesca/gitlab-oidc-project".into(),
        workflow_filepath: ".gitlab-ci.yml".into(),
        environment: None,
    };
    pypi::verify_attestation(&verifier(), &a, &gitlab.policy().unwrap(), &dist(g), NOW).unwrap();
}

#[test]
fn tampered_files_fail_with_the_check_that_caught_them() {
    let d = "pypi_attestations-0.0.19.tar.gz";
    let text = String::from_utf8(read(&format!("{d}.provenance"))).unwrap();
    let repo = Expected::default()
        .with_repository("https://github.com/trailofbits/pypi-attestations")
        .unwrap();
    let run = |text: &str, dist: &Distribution| {
        let p = Provenance::from_json(text.as_bytes())?;
        pypi::verify_provenance(&verifier(), &p, &repo, dist, NOW)
    };
    // Another workflow of the same repository: the build config URI says which one ran.
    let other_workflow = text.replace("\"release.yml\"", "\"other.yml\"");
    assert!(matches!(
        run(&other_workflow, &dist(d)),
        Err(Error::PolicyExtensionMismatch { oid, found })
            if oid == "1.3.6.1.4.1.57264.1.18" && found.contains("release.yml@")
    ));
    // The same bytes under another file name, and other bytes under the same name.
    let sha = Sha256Digest::of(&read(d)).0;
    let renamed = Distribution::new("pypi_attestations-0.0.20.tar.gz", sha).unwrap();
    assert_eq!(
        run(&text, &renamed).err(),
        Some(Error::PypiDistributionNameMismatch {
            found: "pypi_attestations-0.0.19.tar.gz".into()
        })
    );
    let same_name = Distribution::new("PyPI.Attestations-0.0.19.0.zip", sha).unwrap();
    assert_eq!(run(&text, &same_name).map(|v| v.len()).ok(), Some(1));
    let mut bytes = read(d);
    bytes[100] ^= 1;
    let tampered = Distribution::new(d, Sha256Digest::of(&bytes).0).unwrap();
    assert_eq!(
        run(&text, &tampered).err(),
        Some(Error::PypiDistributionDigestMismatch)
    );
    // A provenance that attests nothing, and one from a publisher kind we do not know.
    let empty = r#"{"version":1,"attestation_bundles":[]}"#;
    assert_eq!(run(empty, &dist(d)).err(), Some(Error::PypiProvenanceEmpty));
    let unknown = text.replace("\"GitHub\"", "\"ActiveState\"");
    assert_eq!(
        run(&unknown, &dist(d)).err(),
        Some(Error::PypiPublisherUnknown {
            kind: "ActiveState".into()
        })
    );
    // A signature over other bytes.
    let a: serde_json::Value = serde_json::from_str(&text).unwrap();
    let sig = a["attestation_bundles"][0]["attestations"][0]["envelope"]["signature"]
        .as_str()
        .unwrap()
        .to_owned();
    let flipped = if sig.starts_with('M') {
        sig.replacen('M', "N", 1)
    } else {
        sig.replacen(&sig[..1], "M", 1)
    };
    assert_eq!(
        run(&text.replace(&sig, &flipped), &dist(d)).err(),
        Some(Error::DsseSignatureInvalid)
    );
}
