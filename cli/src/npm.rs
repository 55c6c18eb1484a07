//! `verify-npm`: an npm package version, with the registry's files the user fetched, as
//! `npm audit signatures` checks it (see `sigverify::npm`).

use std::fmt::Write as _;

use serde_json::Value;
use serde_json::json;
use sigverify::Condition;
use sigverify::Config;
use sigverify::HashAlgorithm;
use sigverify::Policy;
use sigverify::Verifier;
use sigverify::npm;
use sigverify::npm::AttestationKind;
use sigverify::npm::PublishTime;
use sigverify::npm::VerifiedPackage;

use crate::Failure;
use crate::args::NpmArgs;

/// Runs `verify-npm`.
pub(crate) fn run(a: &NpmArgs) -> Result<VerifiedPackage, Failure> {
    let now = a.root.now.unwrap_or_else(crate::system_now);
    let root = crate::trusted_root(&a.root, now)?;
    let keys = npm::RegistryKeys::from_json(&crate::read(&a.keys, "registry keys")?)?;
    let package = npm::PackageVersion::from_json(
        &crate::read(&a.packument, "packument")?,
        a.package_version.as_deref(),
    )?;
    let attestations = match &a.attestations {
        Some(path) => Some(crate::read(path, "attestations document")?),
        None => None,
    };
    let policy = provenance_policy(a)?;
    let tarball = match &a.tarball {
        Some(path) => {
            let d = crate::cached_digest(path, HashAlgorithm::Sha512, &mut Vec::new())?;
            let sha512: [u8; 64] = d
                .as_bytes()
                .try_into()
                .map_err(|_| Failure::Io("internal: SHA-512 digest length".into()))?;
            Some(sha512)
        }
        None => None,
    };
    let inputs = npm::Inputs {
        keys: &keys,
        package: &package,
        tarball_sha512: tarball.as_ref(),
        attestations: attestations.as_deref(),
        provenance_policy: policy.as_ref(),
    };
    let verifier = Verifier::new(root, Config::default());
    Ok(npm::verify_package(&verifier, inputs, now)?)
}

/// The provenance's policy: the identity pair, the GitHub flags, or none (npm's own).
fn provenance_policy(a: &NpmArgs) -> Result<Option<Policy>, Failure> {
    if let Some(github) = &a.github {
        return Ok(Some(github.build()?));
    }
    let identity = match (&a.identity, &a.identity_regexp) {
        (Some(exact), _) => Condition::identity(exact.clone()),
        (None, Some(re)) => Condition::identity_matching(re)?,
        (None, None) => return Ok(None),
    };
    let issuer = match (&a.issuer, &a.issuer_regexp) {
        (Some(exact), _) => Condition::issuer(exact.clone()),
        (None, Some(re)) => Condition::issuer_matching(re)?,
        (None, None) => return Err(Failure::Io("internal: no issuer".into())),
    };
    Ok(Some(Policy::certificate(Condition::AllOf(vec![
        identity, issuer,
    ]))?))
}

fn publish_time(t: PublishTime) -> String {
    match t {
        PublishTime::Attested(t) => format!("{t} (the publish attestation's log time)"),
        PublishTime::Packument(t) => format!("{t} (the packument's time, unsigned)"),
        PublishTime::Assumed(t) => {
            format!("unknown: judged as {t}, pacote's stand-in for versions without one")
        }
        _ => "unknown".into(),
    }
}

/// Prints the outcome of `verify-npm` and gives the exit status.
pub(crate) fn print(
    a: &NpmArgs,
    outcome: &Result<VerifiedPackage, Failure>,
) -> std::process::ExitCode {
    crate::report::print_job(a.root.json, outcome, json, |p| summary(a, p))
}

/// The text summary.
pub(crate) fn summary(a: &NpmArgs, p: &VerifiedPackage) -> String {
    let mut out = format!("verified npm package {}@{}\n", p.name, p.version);
    match (&a.tarball, p.tarball_checked) {
        (Some(path), true) => {
            let _ = writeln!(
                out,
                "  tarball:    {} has the version's integrity (SHA-512)",
                path.display()
            );
        }
        _ => out.push_str(
            "  tarball:    not given (its integrity was taken as the packument states it)\n",
        ),
    }
    for keyid in &p.signatures {
        let _ = writeln!(out, "  signature:  registry key {keyid}");
    }
    let _ = writeln!(out, "  published:  {}", publish_time(p.publish_time));
    for att in &p.attestations {
        let v = &att.verified;
        match &att.kind {
            AttestationKind::Publish { keyid } => {
                let _ = writeln!(
                    out,
                    "  publish attestation ({}): registry key {keyid}, {}",
                    att.place, att.predicate_type
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    "  provenance ({}): {}\n    identity: {}\n    issuer:   {}",
                    att.place,
                    att.predicate_type,
                    v.identity.as_deref().unwrap_or_default(),
                    v.issuer.as_deref().unwrap_or_default()
                );
            }
        }
        for t in &v.signing_times {
            let _ = writeln!(out, "    signed:   {t}");
        }
    }
    if p.attestations.is_empty() {
        out.push_str("  attestations: none (the version has none on the registry)\n");
    }
    if a.github.is_none() && a.identity.is_none() && a.identity_regexp.is_none() {
        out.push_str("  provenance identity: not constrained (as npm; give --repo or the identity flags to require one)\n");
    }
    out
}

/// The JSON result (`sigverify-result/1` with an `npm` member).
pub(crate) fn json(p: &VerifiedPackage) -> Value {
    let (time, source) = (p.publish_time.time(), p.publish_time.source());
    json!({
        "format": crate::report::RESULT_FORMAT,
        "verified": true,
        "npm": {
            "name": p.name,
            "version": p.version,
            "tarballChecked": p.tarball_checked,
            "signatures": p.signatures,
            "publishTime": time.seconds(),
            "publishTimeSource": source,
            "attestations": p.attestations.iter().map(|a| json!({
                "place": a.place,
                "kind": a.kind.name(),
                "keyid": a.kind.keyid(),
                "predicateType": a.predicate_type,
                "identity": a.verified.identity,
                "issuer": a.verified.issuer,
                "signingTimes": a.verified.signing_times.iter().map(|t| t.seconds()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        },
        "error": Value::Null,
    })
}
