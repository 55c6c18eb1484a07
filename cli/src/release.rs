//! `verify-release`: a GitHub release's attestation, against GitHub's trusted root, for a
//! repository and tag, and the assets the user downloaded (see `sigverify::release`).

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;
use serde_json::json;
use sigverify::Bundle;
use sigverify::HashAlgorithm;
use sigverify::TrustedRoot;
use sigverify::Verifier;
use sigverify::release::ReleasePolicy;
use sigverify::release::VerifiedRelease;

use crate::Failure;
use crate::args::ReleaseArgs;

/// A verified release and the subject each asset matched (file name, subject name, SHA-256).
pub(crate) struct ReleaseOutcome {
    release: VerifiedRelease,
    assets: Vec<(String, String, String)>,
    place: Option<String>,
}

/// Runs `verify-release`.
pub(crate) fn run(a: &ReleaseArgs) -> Result<ReleaseOutcome, Failure> {
    let now = a.now.unwrap_or_else(crate::system_now);
    let mut policy = ReleasePolicy::new(&a.repo, &a.tag)?;
    if let Some(domain) = &a.trust_domain {
        policy = policy.with_trust_domain(domain)?;
    }
    if let Some(hex) = &a.tag_digest {
        policy = policy.with_tag_digest(hex)?;
    }
    let roots = TrustedRoot::from_json_lines(&crate::read(&a.trusted_root, "trusted root")?)?;
    // Each asset hashed once, before any bundle is tried; `sha256:HEX` names an asset by its
    // digest when no such file exists, as FILE_OR_DIGEST does for verify-bundle.
    let mut digests = Vec::new();
    for path in &a.assets {
        let given = path
            .to_str()
            .filter(|_| !path.exists())
            .and_then(sigverify::Sha256Digest::parse_prefixed);
        let sha256 = match given {
            Some(d) => d.0,
            None => {
                let d = crate::cached_digest(path, HashAlgorithm::Sha256, &mut Vec::new())?;
                d.as_bytes()
                    .try_into()
                    .map_err(|_| Failure::Io("internal: SHA-256 digest length".into()))?
            }
        };
        digests.push((path.as_path(), sha256));
    }
    let file = crate::read(&a.bundle, "bundle")?;
    let (_, found) = sigverify::bundles::split(&file)?;
    let count = found.len();
    let mut failures = Vec::new();
    for f in found {
        match one(&f.json, &roots, &policy, &digests, now) {
            Ok((release, assets)) => {
                return Ok(ReleaseOutcome {
                    release,
                    assets,
                    place: (count > 1).then(|| format!("{} of {count}", f.place)),
                });
            }
            Err(e) if count == 1 => return Err(e),
            Err(e) => failures.push((f.place, e)),
        }
    }
    Err(Failure::NoBundle(failures))
}

/// One bundle of the file: verified against the root that issued its certificate, checked
/// against the release, and every asset found among its subjects.
#[allow(clippy::type_complexity)]
fn one(
    json: &[u8],
    roots: &[TrustedRoot],
    policy: &ReleasePolicy,
    assets: &[(&Path, [u8; 32])],
    now: sigverify::UnixTime,
) -> Result<(VerifiedRelease, Vec<(String, String, String)>), Failure> {
    let bundle = Bundle::from_json(json)?;
    // gh picks the verifier by the certificate's issuer; with none known, the last root
    // (GitHub's, after public-good, in `gh attestation trusted-root`) says why not.
    let root = TrustedRoot::choose(roots, &bundle)
        .ok_or_else(|| Failure::Io("the trusted root file holds no root".into()))?;
    let verifier = Verifier::new(root.clone(), ReleasePolicy::config());
    let verified = verifier.verify_dsse(&bundle, &policy.policy(), now)?;
    let release = policy.check(verified)?;
    let mut matched = Vec::new();
    for (path, sha256) in assets {
        let subject = release.asset(sha256)?;
        matched.push((
            path.display().to_string(),
            subject.name.clone(),
            sigverify::encoding::hex_encode(sha256),
        ));
    }
    Ok((release, matched))
}

/// Prints the outcome of `verify-release` and gives the exit status.
pub(crate) fn print(
    a: &ReleaseArgs,
    outcome: &Result<ReleaseOutcome, Failure>,
) -> std::process::ExitCode {
    crate::report::print_job(a.json, outcome, json, summary)
}

/// The text summary.
pub(crate) fn summary(o: &ReleaseOutcome) -> String {
    let v = &o.release.verified;
    let mut out = format!(
        "verified release {} {}\n  identity: {}\n",
        o.release.repository,
        o.release.tag,
        v.identity.as_deref().unwrap_or_default()
    );
    for t in &v.signing_times {
        let _ = writeln!(out, "  signed:   {t}");
    }
    if let Some(place) = &o.place {
        let _ = writeln!(out, "  bundle:   {place}");
    }
    for s in &o.release.subjects {
        let digests: Vec<String> = s.digests.iter().map(|(a, h)| format!("{a}:{h}")).collect();
        let name = if s.name.is_empty() { &s.uri } else { &s.name };
        let _ = writeln!(out, "  subject:  {name} {}", digests.join(" "));
    }
    for (path, name, hex) in &o.assets {
        let _ = writeln!(out, "  asset:    {path} is {name} (sha256:{hex})");
    }
    if o.assets.is_empty() {
        out.push_str("  assets:   none given (the attestation alone was checked)\n");
    }
    out
}

/// The JSON result (`sigverify-result/1` with a `release` member).
pub(crate) fn json(o: &ReleaseOutcome) -> Value {
    let v = &o.release.verified;
    json!({
        "format": crate::report::RESULT_FORMAT,
        "verified": true,
        "identity": v.identity,
        "issuer": v.issuer,
        "signingTimes": v.signing_times.iter().map(|t| t.seconds()).collect::<Vec<_>>(),
        "bundle": o.place,
        "release": {
            "repository": o.release.repository,
            "tag": o.release.tag,
            "subjects": o.release.subjects.iter().map(|s| json!({
                "name": s.name,
                "digest": s.digests.iter().map(|(a, h)| (a.clone(), Value::from(h.as_str()))).collect::<serde_json::Map<String, Value>>(),
            })).collect::<Vec<_>>(),
            "assets": o.assets.iter().map(|(path, name, hex)| json!({
                "file": path, "subject": name, "sha256": hex,
            })).collect::<Vec<_>>(),
        },
        "error": Value::Null,
    })
}
