//! The manifest's policy rows (`conformance/policy-cases.tsv`: regular-expression and GitHub
//! policies on real bundles) through the library, in both artifact modes; every binding's
//! runner reads the same rows from the manifest.

use std::path::Path;

use sigverify::Artifact;
use sigverify::Bundle;
use sigverify::Condition;
use sigverify::Digest;
use sigverify::Error;
use sigverify::GitHubPolicy;
use sigverify::Policy;
use sigverify::TrustedRoot;
use sigverify::UnixTime;

/// The policy a row names: patterns for `identity-regexp`, `field=value` pairs for `github`.
fn policy(kind: &str, identity: &str, issuer: &str) -> Result<Policy, Error> {
    match kind {
        "identity-regexp" => Policy::certificate(Condition::AllOf(vec![
            Condition::identity_matching(identity)?,
            Condition::issuer_matching(issuer)?,
        ])),
        "github" => {
            let mut g = GitHubPolicy::default();
            for pair in identity.split(';') {
                let (field, value) = pair.split_once('=').unwrap_or((pair, ""));
                let value = Some(value.to_owned());
                match field {
                    "host" => g.host = value,
                    "owner" => g.owner = value,
                    "repo" => g.repo = value,
                    "signer_workflow" => g.signer_workflow = value,
                    "signer_repo" => g.signer_repo = value,
                    "source_ref" => g.source_ref = value,
                    "source_digest" => g.source_digest = value,
                    "signer_digest" => g.signer_digest = value,
                    "issuer" => g.issuer = value,
                    "deny_self_hosted_runners" => g.deny_self_hosted_runners = true,
                    // A row naming an unknown field is malformed: it cannot give its outcome.
                    _ => return Err(Error::PolicyConditionInvalid),
                }
            }
            g.build()
        }
        _ => Err(Error::PolicyConditionInvalid),
    }
}

#[allow(clippy::too_many_arguments, reason = "one manifest row")]
fn run(
    mode: &str,
    bundle: &str,
    artifact: &str,
    digest: &str,
    kind: &str,
    identity: &str,
    issuer: &str,
    root: &str,
    now: &str,
) -> Result<(), Error> {
    let root = match root {
        "production" => TrustedRoot::production()?,
        "staging" => TrustedRoot::staging()?,
        path => TrustedRoot::from_json(&std::fs::read(path).unwrap_or_default())?,
    };
    let policy = policy(kind, identity, issuer)?;
    let bundle = Bundle::from_json(&std::fs::read(bundle).unwrap_or_default())?;
    let now = UnixTime(now.parse().unwrap_or(0));
    let bytes = std::fs::read(artifact).unwrap_or_default();
    let artifact = match mode {
        "digest" => {
            Artifact::Digest(Digest::parse_prefixed(digest).unwrap_or(Digest::Sha256([0; 32])))
        }
        _ => Artifact::Bytes(&bytes),
    };
    sigverify::verify(&bundle, artifact, root, &policy, now).map(|_| ())
}

#[test]
fn policy_rows_give_the_expected_outcome() {
    let rows = sigverify_conformance::manifest::render_policy(
        &sigverify_conformance::examples_dir(),
        Path::new(&sigverify_conformance::manifest::policy_cases_file()),
    )
    .unwrap();
    let (mut passed, mut failed) = (0, Vec::new());
    for line in rows.lines() {
        let col: Vec<&str> = line.split('\t').collect();
        let [
            id,
            mode,
            bundle,
            artifact,
            digest,
            kind,
            identity,
            issuer,
            _key,
            root,
            now,
            expected,
            _config,
        ] = col.as_slice()
        else {
            panic!("policy row with {} columns: {line}", col.len());
        };
        let outcome = match run(
            mode, bundle, artifact, digest, kind, identity, issuer, root, now,
        ) {
            Ok(()) => "ok".to_owned(),
            Err(e) => e.name().to_owned(),
        };
        if outcome == *expected {
            passed += 1;
        } else {
            failed.push(format!("{id} ({mode}): expected {expected}, got {outcome}"));
        }
    }
    println!(
        "policy rows (library): {passed} passed, {} failed",
        failed.len()
    );
    assert!(passed >= 40, "only {passed} policy rows");
    assert!(failed.is_empty(), "mismatches:\n{}", failed.join("\n"));
}
