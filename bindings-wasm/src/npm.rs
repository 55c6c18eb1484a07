//! npm packages for JavaScript, verified as `npm audit signatures` verifies them
//! ([`sigverify::npm`]): the registry's signatures, every bundle of the attestations document
//! and the tarball's integrity (`verifier.verifyNpm` in `index.js`).

use serde::Serialize;
use sigverify::Digest;
use sigverify::UnixTime;
use sigverify::npm;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::NativeVerifier;
use crate::Outcome;
use crate::core_error;
use crate::policy_from_js;
use crate::type_error;

/// A verified package version (`NpmResult` in `index.d.ts`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NpmOut {
    name: String,
    version: String,
    /// The key ids of the registry signatures that verified.
    signatures: Vec<String>,
    /// Unix seconds.
    publish_time: u64,
    /// `attestation`, `packument` or `assumed`.
    publish_time_source: &'static str,
    attestations: Vec<NpmAttestationOut>,
    tarball_checked: bool,
}

/// One verified attestation of the document.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NpmAttestationOut {
    place: String,
    /// `publish` or `provenance`.
    kind: &'static str,
    /// The registry key of a publish attestation, else `null`.
    keyid: Option<String>,
    predicate_type: String,
    result: Outcome,
}

impl From<npm::VerifiedPackage> for NpmOut {
    fn from(p: npm::VerifiedPackage) -> Self {
        let (time, publish_time_source) = (p.publish_time.time(), p.publish_time.source());
        let attestations = p
            .attestations
            .into_iter()
            .map(|a| {
                let (kind, keyid) = (a.kind.name(), a.kind.keyid().map(String::from));
                NpmAttestationOut {
                    place: a.place,
                    kind,
                    keyid,
                    predicate_type: a.predicate_type,
                    result: Outcome::from(a.verified),
                }
            })
            .collect();
        Self {
            name: p.name,
            version: p.version,
            signatures: p.signatures,
            publish_time: time.seconds(),
            publish_time_source,
            attestations,
            tarball_checked: p.tarball_checked,
        }
    }
}

#[wasm_bindgen]
impl NativeVerifier {
    /// Verifies an npm package version: the registry's `keys` (either form of `keys.json`),
    /// the version document or full `packument` (then `version` chooses), the tarball's
    /// `sha512:<hex>` digest when it is at hand, the `attestations` document when the registry
    /// has one, and a `policy` object for the provenance's signer (`undefined`: any Fulcio
    /// identity, as npm).
    #[wasm_bindgen(js_name = verifyNpm)]
    #[allow(
        clippy::too_many_arguments,
        reason = "one JavaScript call's arguments, shaped by index.js"
    )]
    pub fn verify_npm(
        &self,
        keys: &[u8],
        packument: &[u8],
        version: Option<String>,
        tarball_digest: Option<String>,
        attestations: Option<Vec<u8>>,
        policy: JsValue,
        now: f64,
        deferred: bool,
    ) -> Result<JsValue, JsValue> {
        let sha512 = match tarball_digest.as_deref().map(Digest::parse_prefixed) {
            None => None,
            Some(Some(Digest::Sha512(d))) => Some(d),
            Some(_) => {
                return Err(type_error(
                    "tarball digest must be \"sha512:\" and the digest in hex (npm names tarballs by SHA-512)",
                ));
            }
        };
        let policy = if policy.is_undefined() || policy.is_null() {
            None
        } else {
            Some(policy_from_js(policy)?)
        };
        let keys = npm::RegistryKeys::from_json(keys).map_err(|e| core_error(&e))?;
        let package = npm::PackageVersion::from_json(packument, version.as_deref())
            .map_err(|e| core_error(&e))?;
        let inputs = npm::Inputs {
            keys: &keys,
            package: &package,
            tarball_sha512: sha512.as_ref(),
            attestations: attestations.as_deref(),
            provenance_policy: policy.as_ref(),
        };
        crate::deferred::outcome(deferred, self.platform_crypto, &mut || {
            crate::deferred::js(
                npm::verify_package(&self.inner, inputs, seconds(now)).map(NpmOut::from),
            )
        })
    }
}

/// `index.js` passes a finite, non-negative whole number of seconds; the cast saturates.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn seconds(now: f64) -> UnixTime {
    UnixTime(now as u64)
}
