//! PyPI's PEP 740 attestations: a provenance verified for its publishers, or one attestation
//! object for a policy, each against a distribution file named by its file name and SHA-256
//! ([`sigverify::pypi`]).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::convert;
use crate::errors;
use crate::result::VerificationResult;

/// One verified PyPI attestation.
#[pyclass(frozen, get_all, module = "sigverify._sigverify")]
pub(crate) struct PyPIResult {
    /// Where it was: `attestation`, or `attestation_bundles[0].attestations[0]`.
    place: String,
    /// The publisher's kind (`GitHub`, `GitLab`, `Google`, `CircleCI`) for a provenance.
    publisher_kind: Option<&'static str>,
    /// The publisher, for people (`GitHub owner/repo (release.yml)`), for a provenance.
    publisher: Option<String>,
    /// The statement's predicate type.
    predicate_type: String,
    /// The bundle verification's result.
    result: Py<VerificationResult>,
}

#[pymethods]
impl PyPIResult {
    fn __repr__(&self) -> String {
        format!(
            "PyPIResult(place='{}', publisher={:?}, predicate_type='{}')",
            self.place, self.publisher, self.predicate_type
        )
    }
}

impl PyPIResult {
    pub(crate) fn new(py: Python<'_>, v: sigverify::pypi::VerifiedAttestation) -> PyResult<Self> {
        Ok(Self {
            place: v.place,
            publisher_kind: v.publisher.as_ref().map(sigverify::pypi::Publisher::kind),
            publisher: v
                .publisher
                .as_ref()
                .map(sigverify::pypi::Publisher::describe),
            predicate_type: v.predicate_type,
            result: Py::new(py, VerificationResult::new(py, v.verified)?)?,
        })
    }
}

/// The distribution file: its name and its SHA-256 (32 bytes).
pub(crate) fn distribution(
    py: Python<'_>,
    name: &str,
    sha256: &[u8],
) -> PyResult<sigverify::pypi::Distribution> {
    let sha: [u8; 32] = sha256
        .try_into()
        .map_err(|_| PyValueError::new_err("sha256 must be the 32 bytes of a SHA-256 digest"))?;
    sigverify::pypi::Distribution::new(name, sha).map_err(|e| errors::to_py(py, &e))
}

/// The publisher the caller expects, from keyword arguments.
pub(crate) fn expected(
    py: Python<'_>,
    repository: Option<&str>,
    gcp_service_account: Option<&str>,
    circleci: Option<(String, String)>,
) -> PyResult<sigverify::pypi::Expected> {
    let circleci = circleci.as_ref().map(|(p, d)| (p.as_str(), d.as_str()));
    let expected =
        sigverify::pypi::Expected::from_fields(repository, gcp_service_account, circleci)
            .map_err(|e| errors::to_py(py, &e))?;
    if expected.is_empty() {
        return Err(PyValueError::new_err(
            "give the expected publisher: repository=, gcp_service_account= or circleci=",
        ));
    }
    Ok(expected)
}

/// A provenance or attestation document (`str` or `bytes`), parsed.
pub(crate) fn provenance(
    py: Python<'_>,
    doc: &Bound<'_, PyAny>,
) -> PyResult<sigverify::pypi::Provenance> {
    let bytes = convert::json_bytes(doc, "provenance")?;
    py.detach(|| sigverify::pypi::Provenance::from_json(&bytes))
        .map_err(|e| errors::to_py(py, &e))
}

/// A PEP 740 attestation object (`str` or `bytes`), parsed.
pub(crate) fn attestation(
    py: Python<'_>,
    doc: &Bound<'_, PyAny>,
) -> PyResult<sigverify::pypi::Attestation> {
    let bytes = convert::json_bytes(doc, "attestation")?;
    sigverify::pypi::Attestation::from_json(&bytes).map_err(|e| errors::to_py(py, &e))
}

/// Splits a file of bundles (`str` or `bytes`: gh JSON Lines, npm's attestations document, a
/// PEP 740 attestation or provenance object, or one bundle) into `(kind, [(place,
/// predicate_type, bundle_json)])`, kind one of `bundle`, `json_lines`,
/// `attestations_document`, `pypi_attestation`, `pypi_provenance`.
#[pyfunction]
#[allow(
    clippy::type_complexity,
    reason = "a plain Python tuple, documented in the stubs"
)]
pub(crate) fn split_bundles<'py>(
    py: Python<'py>,
    file: &Bound<'py, PyAny>,
) -> PyResult<(
    &'static str,
    Vec<(String, Option<String>, Bound<'py, pyo3::types::PyBytes>)>,
)> {
    let bytes = convert::json_bytes(file, "file")?;
    let (kind, found) = sigverify::bundles::split(&bytes).map_err(|e| errors::to_py(py, &e))?;
    let kind = match kind {
        sigverify::bundles::FileKind::JsonLines => "json_lines",
        sigverify::bundles::FileKind::AttestationsDocument => "attestations_document",
        sigverify::bundles::FileKind::PypiAttestation => "pypi_attestation",
        sigverify::bundles::FileKind::PypiProvenance => "pypi_provenance",
        _ => "bundle",
    };
    let found = found
        .into_iter()
        .map(|f| {
            (
                f.place,
                f.predicate_type,
                pyo3::types::PyBytes::new(py, &f.json),
            )
        })
        .collect();
    Ok((kind, found))
}
