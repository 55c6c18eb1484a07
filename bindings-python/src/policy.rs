//! Native policy values. The public policy classes (`sigverify/policy.py`) build these; this
//! file only maps them onto [`sigverify::Condition`] and [`sigverify::Policy`].

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use pyo3::types::PyDict;
use pyo3::types::PyString;

use crate::errors;

/// A condition on the signing certificate ([`sigverify::Condition`]).
#[pyclass(frozen, module = "sigverify._sigverify")]
#[derive(Clone)]
pub(crate) struct Condition(pub(crate) sigverify::Condition);

#[pymethods]
impl Condition {
    /// The certificate's SAN equals `identity`.
    #[staticmethod]
    fn identity(identity: String) -> Self {
        Self(sigverify::Condition::Identity(identity))
    }

    /// The certificate's OIDC issuer equals `issuer`.
    #[staticmethod]
    fn issuer(issuer: String) -> Self {
        Self(sigverify::Condition::Issuer(issuer))
    }

    /// The certificate's SAN matches the regular expression `pattern` as a whole; raises the
    /// core's `POLICY_PATTERN_INVALID` or `LIMIT_EXCEEDED` for a pattern it refuses.
    #[staticmethod]
    fn identity_matching(py: Python<'_>, pattern: &str) -> PyResult<Self> {
        sigverify::Condition::identity_matching(pattern)
            .map(Self)
            .map_err(|e| errors::to_py(py, &e))
    }

    /// The certificate's OIDC issuer matches the regular expression `pattern` as a whole.
    #[staticmethod]
    fn issuer_matching(py: Python<'_>, pattern: &str) -> PyResult<Self> {
        sigverify::Condition::issuer_matching(pattern)
            .map(Self)
            .map_err(|e| errors::to_py(py, &e))
    }

    /// The Fulcio extension `oid` (dotted) equals `value`.
    #[staticmethod]
    fn extension(oid: String, value: String) -> Self {
        Self(sigverify::Condition::Extension { oid, value })
    }

    /// Every condition holds.
    #[staticmethod]
    fn all_of(conditions: Vec<PyRef<'_, Condition>>) -> Self {
        Self(sigverify::Condition::AllOf(
            conditions.iter().map(|c| c.0.clone()).collect(),
        ))
    }

    /// At least one condition holds.
    #[staticmethod]
    fn any_of(conditions: Vec<PyRef<'_, Condition>>) -> Self {
        Self(sigverify::Condition::AnyOf(
            conditions.iter().map(|c| c.0.clone()).collect(),
        ))
    }

    fn __repr__(&self) -> String {
        format!("Condition({:?})", self.0)
    }
}

/// Who must have signed ([`sigverify::Policy`]).
#[pyclass(frozen, module = "sigverify._sigverify")]
pub(crate) struct Policy(pub(crate) sigverify::Policy);

#[pymethods]
impl Policy {
    /// A Fulcio certificate meeting `condition`; raises the core's policy error for a
    /// condition that would hold for anyone or no one (an empty all-of, any-of or value).
    #[staticmethod]
    fn certificate(py: Python<'_>, condition: PyRef<'_, Condition>) -> PyResult<Self> {
        sigverify::Policy::certificate(condition.0.clone())
            .map(Self)
            .map_err(|e| errors::to_py(py, &e))
    }

    /// A GitHub-shaped policy with the semantics of `gh attestation verify`
    /// ([`sigverify::GitHubPolicy`]).
    #[staticmethod]
    #[pyo3(signature = (*, owner = None, repo = None, signer_workflow = None, signer_repo = None, source_ref = None, source_digest = None, signer_digest = None, issuer = None, host = None, deny_self_hosted_runners = false))]
    #[allow(clippy::too_many_arguments)]
    fn github(
        py: Python<'_>,
        owner: Option<String>,
        repo: Option<String>,
        signer_workflow: Option<String>,
        signer_repo: Option<String>,
        source_ref: Option<String>,
        source_digest: Option<String>,
        signer_digest: Option<String>,
        issuer: Option<String>,
        host: Option<String>,
        deny_self_hosted_runners: bool,
    ) -> PyResult<Self> {
        sigverify::GitHubPolicy {
            host,
            owner,
            repo,
            signer_workflow,
            signer_repo,
            source_ref,
            source_digest,
            signer_digest,
            issuer,
            deny_self_hosted_runners,
        }
        .build()
        .map(Self)
        .map_err(|e| errors::to_py(py, &e))
    }

    /// A managed key: a PEM `PUBLIC KEY` block (`str` or `bytes`), or DER SPKI (`bytes` not
    /// starting with `-----`), valid from `not_before` to `not_after` (Unix seconds, both
    /// included; `None` leaves that side open).
    #[staticmethod]
    #[pyo3(signature = (key, *, not_before = None, not_after = None))]
    fn public_key(
        py: Python<'_>,
        key: &Bound<'_, PyAny>,
        not_before: Option<u64>,
        not_after: Option<u64>,
    ) -> PyResult<Self> {
        let result = if let Ok(s) = key.cast::<PyString>() {
            sigverify::Policy::public_key_pem(&s.to_cow()?)
        } else if let Ok(b) = key.cast::<PyBytes>() {
            let bytes = b.as_bytes();
            match std::str::from_utf8(bytes) {
                Ok(pem) if pem.trim_start().starts_with("-----") => {
                    sigverify::Policy::public_key_pem(pem)
                }
                _ => sigverify::Policy::public_key_der(bytes),
            }
        } else {
            return Err(PyTypeError::new_err(format!(
                "key must be str or bytes, not {}",
                key.get_type().name()?
            )));
        };
        let windowed = match (not_before, not_after) {
            (None, None) => result,
            _ => result.and_then(|p| {
                p.with_key_validity(
                    not_before.map(sigverify::UnixTime),
                    not_after.map(sigverify::UnixTime),
                )
            }),
        };
        windowed.map(Self).map_err(|e| errors::to_py(py, &e))
    }
}

/// The Fulcio extension OIDs of the core, by constant name (`GITHUB_WORKFLOW_REF`, ...).
pub(crate) fn fulcio_oids(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    use sigverify::policy::fulcio_oid as oid;
    let d = PyDict::new(py);
    for (name, value) in [
        ("GITHUB_WORKFLOW_TRIGGER", oid::GITHUB_WORKFLOW_TRIGGER),
        ("GITHUB_WORKFLOW_SHA", oid::GITHUB_WORKFLOW_SHA),
        ("GITHUB_WORKFLOW_NAME", oid::GITHUB_WORKFLOW_NAME),
        (
            "GITHUB_WORKFLOW_REPOSITORY",
            oid::GITHUB_WORKFLOW_REPOSITORY,
        ),
        ("GITHUB_WORKFLOW_REF", oid::GITHUB_WORKFLOW_REF),
        ("ISSUER_V2", oid::ISSUER_V2),
        ("BUILD_SIGNER_URI", oid::BUILD_SIGNER_URI),
        ("SOURCE_REPOSITORY_URI", oid::SOURCE_REPOSITORY_URI),
        ("SOURCE_REPOSITORY_DIGEST", oid::SOURCE_REPOSITORY_DIGEST),
        ("SOURCE_REPOSITORY_REF", oid::SOURCE_REPOSITORY_REF),
        ("BUILD_TRIGGER", oid::BUILD_TRIGGER),
    ] {
        d.set_item(name, value)?;
    }
    Ok(d)
}
