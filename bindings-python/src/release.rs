//! GitHub release attestations ([`sigverify::release`]): a release's attestation verified
//! against the trusted root that issued its certificate, for a repository and tag, and each
//! asset found among its subjects, as `sigverify verify-release` (and `gh release verify` /
//! `verify-asset`) check them.

use std::collections::BTreeMap;

use pyo3::exceptions::PyTypeError;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use sigverify::release::ReleasePolicy;

use crate::convert::system_now;
use crate::errors;
use crate::result::VerificationResult;
use crate::verifier::Bundle;
use crate::verifier::Input;
use crate::verifier::TrustedRoot;

/// One subject of a verified in-toto statement.
#[pyclass(frozen, get_all, module = "sigverify._sigverify")]
pub(crate) struct Subject {
    /// `name` (an asset's file name on the release), or `""` when absent.
    name: String,
    /// `uri` (the tag, as `pkg:github/OWNER/REPO@TAG`), or `""` when absent.
    uri: String,
    /// Algorithm (`sha256`, `sha1`, ...) to hex digest, as the statement writes them.
    digest: BTreeMap<String, String>,
}

#[pymethods]
impl Subject {
    fn __repr__(&self) -> String {
        format!(
            "Subject(name={:?}, uri={:?}, digest={:?})",
            self.name, self.uri, self.digest
        )
    }
}

impl Subject {
    fn new(py: Python<'_>, s: sigverify::intoto::Subject) -> PyResult<Py<Self>> {
        Py::new(
            py,
            Self {
                name: s.name,
                uri: s.uri,
                digest: s.digests.into_iter().collect(),
            },
        )
    }
}

/// A verified GitHub release attestation.
#[pyclass(frozen, get_all, module = "sigverify._sigverify")]
pub(crate) struct ReleaseResult {
    /// `predicate.repository`, as the attestation writes it.
    repository: String,
    /// `predicate.tag`.
    tag: String,
    /// Every subject: the tag (by its git ref digest) and the release's assets.
    subjects: Vec<Py<Subject>>,
    /// The subject each given asset matched, in the order of `assets`.
    assets: Vec<Py<Subject>>,
    /// The bundle verification's result.
    result: Py<VerificationResult>,
}

#[pymethods]
impl ReleaseResult {
    fn __repr__(&self) -> String {
        format!(
            "ReleaseResult(repository={:?}, tag={:?}, subjects=[{} subjects], assets=[{} assets])",
            self.repository,
            self.tag,
            self.subjects.len(),
            self.assets.len()
        )
    }
}

/// Verifies a GitHub release attestation as `sigverify verify-release` does: against the root
/// of `trusted_roots` whose CA issued its certificate (else the last one), with GitHub's
/// thresholds, for the release `tag` of `repo`, and finds each of `assets` (`bytes` or a
/// SHA-256 `Hashed`) among its subjects.
#[pyfunction]
#[pyo3(signature = (bundle, trusted_roots, *, repo, tag, assets = None, tag_digest = None, trust_domain = None, now = None))]
#[allow(
    clippy::too_many_arguments,
    reason = "keyword arguments of one Python call"
)]
pub(crate) fn verify_release(
    py: Python<'_>,
    bundle: PyRef<'_, Bundle>,
    trusted_roots: &Bound<'_, PyAny>,
    repo: &str,
    tag: &str,
    assets: Option<Vec<Bound<'_, PyAny>>>,
    tag_digest: Option<&str>,
    trust_domain: Option<&str>,
    now: Option<u64>,
) -> PyResult<ReleaseResult> {
    let policy =
        release_policy(repo, tag, tag_digest, trust_domain).map_err(|e| errors::to_py(py, &e))?;
    let roots = roots(trusted_roots)?;
    let digests = assets
        .unwrap_or_default()
        .iter()
        .map(|a| {
            Input::extract(a, "each asset")?
                .sha256()
                .ok_or_else(|| PyValueError::new_err("a Hashed asset must be a SHA2_256 digest"))
        })
        .collect::<PyResult<Vec<[u8; 32]>>>()?;
    let now = sigverify::UnixTime(match now {
        Some(t) => t,
        None => system_now()?,
    });
    let bundle = &bundle.0;
    let root = sigverify::TrustedRoot::choose(roots.iter().map(|r| &r.get().0), bundle)
        .ok_or_else(|| PyValueError::new_err("trusted_roots is empty"))?;
    // Every input is Rust-owned (or a frozen object's) here, so other threads may run.
    let (release, matched) = py
        .detach(|| -> Result<_, sigverify::Error> {
            let verifier =
                crate::ecdsa::verifier(root.clone()).with_config(ReleasePolicy::config());
            let verified = verifier.verify_dsse(bundle, &policy.policy(), now)?;
            let release = policy.check(verified)?;
            let matched = digests
                .iter()
                .map(|sha| release.asset(sha).cloned())
                .collect::<Result<Vec<_>, _>>()?;
            Ok((release, matched))
        })
        .map_err(|e| errors::to_py(py, &e))?;
    Ok(ReleaseResult {
        repository: release.repository,
        tag: release.tag,
        subjects: subjects(py, release.subjects)?,
        assets: subjects(py, matched)?,
        result: Py::new(py, VerificationResult::new(py, release.verified)?)?,
    })
}

/// The core's release policy from the keyword arguments.
fn release_policy(
    repo: &str,
    tag: &str,
    tag_digest: Option<&str>,
    trust_domain: Option<&str>,
) -> Result<ReleasePolicy, sigverify::Error> {
    let mut policy = ReleasePolicy::new(repo, tag)?;
    if let Some(domain) = trust_domain {
        policy = policy.with_trust_domain(domain)?;
    }
    if let Some(hex) = tag_digest {
        policy = policy.with_tag_digest(hex)?;
    }
    Ok(policy)
}

/// `trusted_roots`: one `TrustedRoot` or a sequence of them.
fn roots<'py>(trusted_roots: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, TrustedRoot>>> {
    if let Ok(one) = trusted_roots.cast::<TrustedRoot>() {
        return Ok(vec![one.clone()]);
    }
    let roots: Vec<Bound<'py, TrustedRoot>> = trusted_roots.extract().map_err(|_| {
        PyTypeError::new_err("trusted_roots must be a TrustedRoot or a sequence of TrustedRoot")
    })?;
    Ok(roots)
}

/// The subjects as Python objects.
fn subjects(py: Python<'_>, all: Vec<sigverify::intoto::Subject>) -> PyResult<Vec<Py<Subject>>> {
    all.into_iter().map(|s| Subject::new(py, s)).collect()
}
