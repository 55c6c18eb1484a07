//! GitHub release attestations for JavaScript ([`sigverify::release`]): a release's
//! attestation verified against the trusted root that issued its certificate, for a repository
//! and tag, and each asset found among its subjects, as `sigverify verify-release` does.

use serde::Serialize;
use sigverify::Bundle;
use sigverify::Sha256Digest;
use sigverify::TrustedRoot;
use sigverify::Verifier;
use sigverify::intoto::Subject;
use sigverify::release::ReleasePolicy;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::Outcome;
use crate::TextMap;
use crate::core_error;
use crate::type_error;

/// One subject of the verified statement (`ReleaseSubject` in `index.d.ts`).
#[derive(Serialize)]
struct SubjectOut {
    name: String,
    uri: String,
    /// Algorithm to hex digest.
    digest: TextMap,
}

impl From<Subject> for SubjectOut {
    fn from(s: Subject) -> Self {
        Self {
            name: s.name,
            uri: s.uri,
            digest: s.digests.into_iter().collect(),
        }
    }
}

/// A verified release (`ReleaseResult` in `index.d.ts`).
#[derive(Serialize)]
struct ReleaseOut {
    repository: String,
    tag: String,
    subjects: Vec<SubjectOut>,
    /// The subject each given asset matched, in the order given.
    assets: Vec<SubjectOut>,
    result: Outcome,
}

/// Verifies a GitHub release attestation `bundle` (JSON bytes) against the root of `roots`
/// (each a trusted root document or JSON Lines of them, as bytes) that issued its certificate,
/// else the last one, with GitHub's requirements, for the release `tag` of `repo`, and finds
/// each of `assets` (`sha256:<hex>`) among its subjects.
#[wasm_bindgen(js_name = verifyRelease)]
#[allow(clippy::too_many_arguments)]
pub fn verify_release(
    roots: js_sys::Array,
    bundle: &[u8],
    repo: &str,
    tag: &str,
    tag_digest: Option<String>,
    trust_domain: Option<String>,
    assets: Vec<String>,
    now: f64,
    platform_crypto: bool,
    deferred: bool,
) -> Result<JsValue, JsValue> {
    let (backend, platform) = crate::ecdsa_backend(platform_crypto);
    // Before any work: `index.js` then verifies synchronously, with the platform's crypto.
    if deferred && platform {
        return Err(type_error("no deferred mode with platform crypto"));
    }
    let policy = release_policy(repo, tag, tag_digest, trust_domain).map_err(|e| core_error(&e))?;
    let docs = crate::tuf::bytes_list(&roots, "trusted roots")?;
    if docs.is_empty() {
        return Err(type_error("no trusted root given"));
    }
    let digests = assets
        .iter()
        .map(|a| {
            Sha256Digest::parse_prefixed(a)
                .map(|d| d.0)
                .ok_or_else(|| type_error("an asset's digest must be \"sha256:<64 hex>\""))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let bundle = Bundle::from_json(bundle).map_err(|e| core_error(&e))?;
    // The roots' chain links are checked inside the run too: in a deferred run WebCrypto
    // confirms them, with node:crypto they go to OpenSSL (most of this call's time in
    // WebAssembly is those P-384 links).
    crate::deferred::outcome(deferred, platform, &mut || {
        crate::deferred::js(verified_release(
            &docs, &bundle, backend, &policy, &digests, now,
        ))
    })
}

/// The release verification proper: the roots (their chain links checked by `backend`), the
/// one that issued the bundle's certificate, the bundle for `policy`, then each asset.
fn verified_release(
    docs: &[Vec<u8>],
    bundle: &Bundle,
    backend: &'static dyn sigverify::backend::EcdsaBackend,
    policy: &ReleasePolicy,
    digests: &[[u8; 32]],
    now: f64,
) -> Result<ReleaseOut, sigverify::Error> {
    let mut all = Vec::new();
    for doc in docs {
        all.extend(TrustedRoot::from_json_lines_with_backend(doc, backend)?);
    }
    // Never `None`: every document read gives at least one root.
    let root = TrustedRoot::choose(&all, bundle).ok_or(sigverify::Error::TrustRootJsonInvalid {
        path: "trustedRoots",
    })?;
    let verifier = Verifier::new(root.clone(), ReleasePolicy::config()).with_ecdsa_backend(backend);
    let verified = verifier.verify_dsse(bundle, &policy.policy(), crate::files::seconds(now))?;
    let release = policy.check(verified)?;
    let assets = digests
        .iter()
        .map(|sha| release.asset(sha).cloned().map(SubjectOut::from))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ReleaseOut {
        repository: release.repository,
        tag: release.tag,
        subjects: release.subjects.into_iter().map(SubjectOut::from).collect(),
        assets,
        result: Outcome::from(release.verified),
    })
}

/// The core's release policy from the JavaScript fields.
fn release_policy(
    repo: &str,
    tag: &str,
    tag_digest: Option<String>,
    trust_domain: Option<String>,
) -> Result<ReleasePolicy, sigverify::Error> {
    let mut policy = ReleasePolicy::new(repo, tag)?;
    if let Some(domain) = trust_domain {
        policy = policy.with_trust_domain(&domain)?;
    }
    if let Some(hex) = tag_digest {
        policy = policy.with_tag_digest(&hex)?;
    }
    Ok(policy)
}
