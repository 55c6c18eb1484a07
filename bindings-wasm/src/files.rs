//! The files users hold, for JavaScript: any file of bundles split into its bundles (gh JSON
//! Lines, npm's attestations document, PyPI's attestation and provenance objects), and PyPI's
//! PEP 740 checks against a distribution file ([`sigverify::bundles`], [`sigverify::pypi`]).

use serde::Serialize;
use sigverify::UnixTime;
use sigverify::bundles::FileKind;
use sigverify::pypi;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::NativeVerifier;
use crate::Outcome;
use crate::core_error;
use crate::js_object::JsObject;
use crate::policy_from_js;
use crate::to_js;
use crate::type_error;

/// A file split into its bundles.
#[derive(Serialize)]
struct Split {
    /// `bundle`, `jsonLines`, `attestationsDocument`, `pypiAttestation` or `pypiProvenance`.
    kind: &'static str,
    bundles: Vec<FoundOut>,
}

/// One bundle of a file; `json` crosses as a `Uint8Array`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FoundOut {
    place: String,
    predicate_type: Option<String>,
    #[serde(serialize_with = "crate::as_bytes")]
    json: Vec<u8>,
}

/// The hash a bundle needs of its artifact (`sha256`, `sha384` or `sha512`), so a caller
/// streams a large file through that one hasher and passes `{ digest }` (an npm tarball's
/// attestation names it by SHA-512 alone). A bundle that does not parse is the core's error.
#[wasm_bindgen(js_name = artifactHash)]
pub fn artifact_hash(bundle: &[u8]) -> Result<String, JsValue> {
    let bundle = sigverify::Bundle::from_json(bundle).map_err(|e| core_error(&e))?;
    Ok(bundle.artifact_hash().name().into())
}

/// Splits a file (bytes) into the bundles it carries, in file order: `{ kind, bundles: [{
/// place, predicateType, json }] }`. A file of none of the known kinds is one bundle, for the
/// bundle parser to judge.
#[wasm_bindgen(js_name = splitBundles)]
pub fn split_bundles(file: &[u8]) -> Result<JsValue, JsValue> {
    let (kind, found) = sigverify::bundles::split(file).map_err(|e| core_error(&e))?;
    let kind = match kind {
        FileKind::JsonLines => "jsonLines",
        FileKind::AttestationsDocument => "attestationsDocument",
        FileKind::PypiAttestation => "pypiAttestation",
        FileKind::PypiProvenance => "pypiProvenance",
        _ => "bundle",
    };
    let bundles = found
        .into_iter()
        .map(|f| FoundOut {
            place: f.place,
            predicate_type: f.predicate_type,
            json: f.json,
        })
        .collect();
    to_js(&Split { kind, bundles })
}

/// The publisher a provenance must name (`options.publisher` in `index.js`).
struct ExpectedIn {
    repository: Option<String>,
    gcp_service_account: Option<String>,
    circleci: Option<CircleCiIn>,
}

struct CircleCiIn {
    project_id: String,
    pipeline_definition_id: String,
}

/// One verified PyPI attestation.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PypiOut {
    place: String,
    publisher_kind: Option<&'static str>,
    publisher: Option<String>,
    predicate_type: String,
    result: Outcome,
}

impl From<pypi::VerifiedAttestation> for PypiOut {
    fn from(v: pypi::VerifiedAttestation) -> Self {
        Self {
            place: v.place,
            publisher_kind: v.publisher.as_ref().map(pypi::Publisher::kind),
            publisher: v.publisher.as_ref().map(pypi::Publisher::describe),
            predicate_type: v.predicate_type,
            result: Outcome::from(v.verified),
        }
    }
}

impl ExpectedIn {
    fn read(value: JsValue) -> Result<Self, JsValue> {
        let o = JsObject::new(
            value,
            "options.publisher",
            &["repository", "gcpServiceAccount", "circleci"],
        )?;
        Ok(Self {
            repository: o.string("repository")?,
            gcp_service_account: o.string("gcpServiceAccount")?,
            circleci: o
                .object("circleci", &["projectId", "pipelineDefinitionId"])?
                .map(|c| -> Result<_, JsValue> {
                    Ok(CircleCiIn {
                        project_id: c.required_string("projectId")?,
                        pipeline_definition_id: c.required_string("pipelineDefinitionId")?,
                    })
                })
                .transpose()?,
        })
    }
}

fn distribution(name: &str, sha256: &str) -> Result<pypi::Distribution, JsValue> {
    let digest = sigverify::Sha256Digest::parse_prefixed(sha256)
        .ok_or_else(|| type_error("the distribution's digest must be \"sha256:<64 hex>\""))?;
    pypi::Distribution::new(name, digest.0).map_err(|e| core_error(&e))
}

#[wasm_bindgen]
impl NativeVerifier {
    /// Verifies a PyPI provenance (bytes) against the distribution file `name` whose digest is
    /// `sha256` (`sha256:<hex>`), for the publisher `expected` names; returns every verified
    /// attestation.
    #[wasm_bindgen(js_name = verifyPypi)]
    pub fn verify_pypi(
        &self,
        name: &str,
        sha256: &str,
        provenance: &[u8],
        expected: JsValue,
        now: f64,
        deferred: bool,
    ) -> Result<JsValue, JsValue> {
        let dist = distribution(name, sha256)?;
        let spec = ExpectedIn::read(expected).map_err(|e| {
            let why = e
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default();
            type_error(&format!(
                "options.publisher must be {{ repository }}, {{ gcpServiceAccount }} or {{ circleci: {{ projectId, pipelineDefinitionId }} }}: {why}"
            ))
        })?;
        let circleci = spec
            .circleci
            .as_ref()
            .map(|c| (c.project_id.as_str(), c.pipeline_definition_id.as_str()));
        let expected = pypi::Expected::from_fields(
            spec.repository.as_deref(),
            spec.gcp_service_account.as_deref(),
            circleci,
        )
        .map_err(|e| core_error(&e))?;
        if expected.is_empty() {
            return Err(type_error(
                "options.publisher must name the expected publisher",
            ));
        }
        let provenance = pypi::Provenance::from_json(provenance).map_err(|e| core_error(&e))?;
        crate::deferred::outcome(deferred, self.platform_crypto, &mut || {
            crate::deferred::js(
                pypi::verify_provenance(&self.inner, &provenance, &expected, &dist, seconds(now))
                    .map(|all| all.into_iter().map(PypiOut::from).collect::<Vec<_>>()),
            )
        })
    }

    /// Verifies one PEP 740 attestation object (bytes) for `policy` against the distribution
    /// file `name` whose digest is `sha256`.
    #[wasm_bindgen(js_name = verifyPypiAttestation)]
    pub fn verify_pypi_attestation(
        &self,
        name: &str,
        sha256: &str,
        attestation: &[u8],
        policy: JsValue,
        now: f64,
    ) -> Result<JsValue, JsValue> {
        let dist = distribution(name, sha256)?;
        let policy = policy_from_js(policy)?;
        let attestation = pypi::Attestation::from_json(attestation).map_err(|e| core_error(&e))?;
        let one = pypi::verify_attestation(&self.inner, &attestation, &policy, &dist, seconds(now))
            .map_err(|e| core_error(&e))?;
        to_js(&PypiOut::from(one))
    }
}

/// `index.js` passes a finite, non-negative whole number of seconds; the cast saturates.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
pub(crate) fn seconds(now: f64) -> UnixTime {
    UnixTime(now as u64)
}
