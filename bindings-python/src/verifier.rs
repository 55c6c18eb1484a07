//! Trusted root, bundle, artifact input, verifier and result classes.

use std::borrow::Cow;
use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::convert;
use crate::convert::system_now;
use crate::errors;
use crate::hashed::HashAlgorithm;
use crate::hashed::Hashed;
use crate::policy::Policy;
use crate::result::VerificationResult;
use crate::tuf::TufState;
use crate::witness::TlogProof;
use crate::witness::WitnessPolicy;
use std::collections::BTreeMap;

/// A parsed trusted root ([`sigverify::TrustedRoot`]).
#[pyclass(frozen, module = "sigverify._sigverify")]
pub(crate) struct TrustedRoot(pub(crate) sigverify::TrustedRoot);

#[pymethods]
impl TrustedRoot {
    /// Parses a `TrustedRoot` or `ClientTrustConfig` JSON document (`str` or `bytes`).
    #[staticmethod]
    fn from_json(py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bytes = convert::json_bytes(doc, "trusted root")?;
        Self::parse(py, &bytes)
    }

    /// Parses one trusted root document, or JSON Lines of them as `gh attestation
    /// trusted-root` writes them (Sigstore public-good, then GitHub's), into a list in file
    /// order ([`sigverify::TrustedRoot::from_json_lines`]).
    #[staticmethod]
    fn from_json_lines(py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<Vec<Self>> {
        let bytes = convert::json_bytes(doc, "trusted roots")?;
        py.detach(|| sigverify::TrustedRoot::from_json_lines(&bytes))
            .map(|roots| roots.into_iter().map(Self).collect())
            .map_err(|e| errors::to_py(py, &e))
    }

    /// Reads and parses a trusted root file (`str` or `os.PathLike`).
    #[staticmethod]
    fn from_file(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let bytes = convert::read_bounded(path, sigverify::limits::MAX_TRUST_ROOT_BYTES)?;
        Self::parse(py, &bytes)
    }

    /// The Sigstore public-good production root compiled into this build.
    #[staticmethod]
    fn production(py: Python<'_>) -> PyResult<Self> {
        sigverify::TrustedRoot::production()
            .map(Self)
            .map_err(|e| errors::to_py(py, &e))
    }

    /// The Sigstore public-good staging root compiled into this build.
    #[staticmethod]
    fn staging(py: Python<'_>) -> PyResult<Self> {
        sigverify::TrustedRoot::staging()
            .map(Self)
            .map_err(|e| errors::to_py(py, &e))
    }

    /// The trusted root that TUF metadata yields: `target_files` must hold
    /// `trusted_root.json`; `roots` are the root versions after the anchor, in order. The
    /// anchor is `anchor`, else the compiled-in production (or `staging`) TUF root; `state` is
    /// advanced on success.
    #[staticmethod]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (*, timestamp, snapshot, targets, target_files, roots = None, anchor = None, staging = false, state = None, now = None))]
    fn from_tuf(
        py: Python<'_>,
        timestamp: Vec<u8>,
        snapshot: Vec<u8>,
        targets: Vec<u8>,
        target_files: BTreeMap<String, Vec<u8>>,
        roots: Option<Vec<Vec<u8>>>,
        anchor: Option<Vec<u8>>,
        staging: bool,
        state: Option<PyRef<'_, TufState>>,
        now: Option<u64>,
    ) -> PyResult<Self> {
        crate::tuf::from_bytes(
            py,
            timestamp,
            snapshot,
            targets,
            target_files,
            roots.unwrap_or_default(),
            anchor.as_deref(),
            staging,
            state.as_deref(),
            now,
        )
        .map(Self)
    }

    /// The trusted root that a TUF repository folder yields (Sigstore's repository or CDN
    /// layout: `N.root.json`, `timestamp.json`, `snapshot.json`, `targets.json`, `targets/`).
    #[staticmethod]
    #[pyo3(signature = (path, *, anchor = None, staging = false, state = None, now = None))]
    fn from_tuf_dir(
        py: Python<'_>,
        path: PathBuf,
        anchor: Option<Vec<u8>>,
        staging: bool,
        state: Option<PyRef<'_, TufState>>,
        now: Option<u64>,
    ) -> PyResult<Self> {
        crate::tuf::from_dir(py, path, anchor.as_deref(), staging, state.as_deref(), now).map(Self)
    }
}

impl TrustedRoot {
    fn parse(py: Python<'_>, bytes: &[u8]) -> PyResult<Self> {
        // AWS-LC checks the certificate authorities' chain signatures, as it does a bundle's.
        py.detach(|| sigverify::TrustedRoot::from_json_with_backend(bytes, &crate::ecdsa::AWS_LC))
            .map(Self)
            .map_err(|e| errors::to_py(py, &e))
    }
}

/// A parsed Sigstore bundle ([`sigverify::Bundle`]), v0.1 to v0.3.
#[pyclass(frozen, module = "sigverify._sigverify")]
pub(crate) struct Bundle(pub(crate) sigverify::Bundle);

#[pymethods]
impl Bundle {
    /// Parses a bundle JSON document (`str` or `bytes`).
    #[staticmethod]
    fn from_json(py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bytes = convert::json_bytes(doc, "bundle")?;
        py.detach(|| sigverify::Bundle::from_json(&bytes))
            .map(Self)
            .map_err(|e| errors::to_py(py, &e))
    }

    /// The Sigstore bundle a PEP 740 attestation object (`*.publish.attestation`, `str` or
    /// `bytes`) stands for, as pypi-attestations converts it.
    #[staticmethod]
    fn from_pypi_attestation(py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<Self> {
        let attestation = crate::pypi::attestation(py, doc)?;
        attestation
            .to_bundle()
            .map(Self)
            .map_err(|e| errors::to_py(py, &e))
    }

    /// The hash to compute of the artifact when passing a [`Hashed`] input: what the bundle
    /// declares for a message signature, what the in-toto subjects name for DSSE.
    fn artifact_hash(&self) -> HashAlgorithm {
        match self.0.artifact_hash() {
            sigverify::HashAlgorithm::Sha384 => HashAlgorithm::SHA2_384,
            sigverify::HashAlgorithm::Sha512 => HashAlgorithm::SHA2_512,
            _ => HashAlgorithm::SHA2_256,
        }
    }
}

/// What was signed, owned by Rust so the GIL can be released while verifying.
pub(crate) enum Input {
    Bytes(Vec<u8>),
    Digest(sigverify::Digest),
}

impl Input {
    /// `bytes` or a [`Hashed`] digest; `what` names the argument in a `TypeError`.
    pub(crate) fn extract(input: &Bound<'_, PyAny>, what: &str) -> PyResult<Self> {
        if let Ok(b) = input.cast::<PyBytes>() {
            return Ok(Self::Bytes(b.as_bytes().to_vec()));
        }
        if let Ok(h) = input.cast::<Hashed>() {
            let h = h.get();
            let digest =
                sigverify::Digest::from_bytes(h.algorithm.core(), h.digest.as_bytes(input.py()))
                    .ok_or_else(|| {
                        PyValueError::new_err("the digest's length is not its algorithm's")
                    })?;
            return Ok(Self::Digest(digest));
        }
        Err(PyTypeError::new_err(format!(
            "{what} must be bytes or Hashed, not {}",
            input.get_type().name()?
        )))
    }

    /// The SHA-256 of the bytes, or the digest when it is a SHA-256 one (`None` for another
    /// algorithm's).
    pub(crate) fn sha256(&self) -> Option<[u8; 32]> {
        match self {
            Self::Bytes(b) => Some(sigverify::Sha256Digest::of(b).0),
            Self::Digest(d) if d.algorithm() == sigverify::HashAlgorithm::Sha256 => {
                d.as_bytes().try_into().ok()
            }
            Self::Digest(_) => None,
        }
    }

    fn artifact(&self) -> sigverify::Artifact<'_> {
        match self {
            Self::Bytes(b) => sigverify::Artifact::Bytes(b),
            Self::Digest(d) => sigverify::Artifact::Digest(*d),
        }
    }
}

/// A verifier over one trusted root ([`sigverify::Verifier`] with the default configuration
/// and the AWS-LC ECDSA backend).
#[pyclass(frozen, module = "sigverify._sigverify")]
pub(crate) struct Verifier(sigverify::Verifier);

/// What a deployment requires of every bundle ([`sigverify::Config`]): how many distinct
/// transparency logs, timestamp authorities, trusted signing times and CT logs must vouch.
#[pyclass(frozen, get_all, eq, from_py_object, module = "sigverify._sigverify")]
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Config {
    /// Distinct transparency logs whose entries must verify.
    tlog_entries: usize,
    /// Distinct timestamp authorities whose RFC 3161 timestamps must verify.
    signed_timestamps: usize,
    /// Trusted signing times of either kind (0 only for a managed key with no tlog entry).
    observer_timestamps: usize,
    /// Distinct CT logs whose embedded SCTs must verify.
    certificate_timestamps: usize,
}

#[pymethods]
impl Config {
    /// Thresholds; each one not given is the public-good profile's (the core's default).
    #[new]
    #[pyo3(signature = (*, tlog_entries = None, signed_timestamps = None, observer_timestamps = None, certificate_timestamps = None))]
    fn new(
        tlog_entries: Option<usize>,
        signed_timestamps: Option<usize>,
        observer_timestamps: Option<usize>,
        certificate_timestamps: Option<usize>,
    ) -> PyResult<Self> {
        let base = Self::from_core(sigverify::Config::default());
        // 0 is the core's to refuse (TIME_THRESHOLD_ZERO_NOT_ALLOWED) or allow: with a managed
        // key and no tlog entry, the key's window is checked at `now`.
        Ok(Self {
            tlog_entries: tlog_entries.unwrap_or(base.tlog_entries),
            signed_timestamps: signed_timestamps.unwrap_or(base.signed_timestamps),
            observer_timestamps: observer_timestamps.unwrap_or(base.observer_timestamps),
            certificate_timestamps: certificate_timestamps.unwrap_or(base.certificate_timestamps),
        })
    }

    /// The Sigstore public-good profile: one tlog entry, one SCT, one signing time.
    #[staticmethod]
    fn public_good() -> Self {
        Self::from_core(sigverify::Config::default())
    }

    /// GitHub's instance for private repositories: one RFC 3161 timestamp, no tlog entry, no
    /// SCT (use it with GitHub's trusted root).
    #[staticmethod]
    fn github_private() -> Self {
        Self::from_core(sigverify::Config::github_private())
    }

    fn __repr__(&self) -> String {
        format!(
            "Config(tlog_entries={}, signed_timestamps={}, observer_timestamps={}, certificate_timestamps={})",
            self.tlog_entries,
            self.signed_timestamps,
            self.observer_timestamps,
            self.certificate_timestamps
        )
    }
}

impl Config {
    fn from_core(c: sigverify::Config) -> Self {
        Self {
            tlog_entries: c.tlog_entries,
            signed_timestamps: c.signed_timestamps,
            observer_timestamps: c.observer_timestamps,
            certificate_timestamps: c.certificate_timestamps,
        }
    }

    fn core(self) -> sigverify::Config {
        sigverify::Config {
            tlog_entries: self.tlog_entries,
            signed_timestamps: self.signed_timestamps,
            observer_timestamps: self.observer_timestamps,
            certificate_timestamps: self.certificate_timestamps,
        }
    }
}

/// The verifier over `root` with `config` (the public-good profile when `None`) and, when
/// given, a witness policy every checkpoint must meet.
fn with_config(
    root: sigverify::TrustedRoot,
    config: Option<Config>,
    witness_policy: Option<&WitnessPolicy>,
) -> Verifier {
    let mut verifier = crate::ecdsa::verifier(root);
    if let Some(c) = config {
        verifier = verifier.with_config(c.core());
    }
    if let Some(w) = witness_policy {
        verifier = verifier.with_witness_policy(w.0.clone());
    }
    Verifier(verifier)
}

#[pymethods]
impl Verifier {
    #[new]
    #[pyo3(signature = (*, trusted_root, config = None, witness_policy = None))]
    fn new(
        trusted_root: PyRef<'_, TrustedRoot>,
        config: Option<Config>,
        witness_policy: Option<PyRef<'_, WitnessPolicy>>,
    ) -> Self {
        with_config(trusted_root.0.clone(), config, witness_policy.as_deref())
    }

    /// A verifier over the compiled-in Sigstore public-good production root.
    #[staticmethod]
    #[pyo3(signature = (*, config = None, witness_policy = None))]
    fn production(
        py: Python<'_>,
        config: Option<Config>,
        witness_policy: Option<PyRef<'_, WitnessPolicy>>,
    ) -> PyResult<Self> {
        let root = TrustedRoot::production(py)?;
        Ok(with_config(root.0, config, witness_policy.as_deref()))
    }

    /// A verifier over the compiled-in Sigstore public-good staging root.
    #[staticmethod]
    #[pyo3(signature = (*, config = None, witness_policy = None))]
    fn staging(
        py: Python<'_>,
        config: Option<Config>,
        witness_policy: Option<PyRef<'_, WitnessPolicy>>,
    ) -> PyResult<Self> {
        let root = TrustedRoot::staging(py)?;
        Ok(with_config(root.0, config, witness_policy.as_deref()))
    }

    /// A verifier over the trusted root that TUF metadata yields (see `TrustedRoot.from_tuf`).
    #[staticmethod]
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (*, timestamp, snapshot, targets, target_files, roots = None, anchor = None, staging = false, state = None, now = None, config = None, witness_policy = None))]
    fn from_tuf(
        py: Python<'_>,
        timestamp: Vec<u8>,
        snapshot: Vec<u8>,
        targets: Vec<u8>,
        target_files: BTreeMap<String, Vec<u8>>,
        roots: Option<Vec<Vec<u8>>>,
        anchor: Option<Vec<u8>>,
        staging: bool,
        state: Option<PyRef<'_, TufState>>,
        now: Option<u64>,
        config: Option<Config>,
        witness_policy: Option<PyRef<'_, WitnessPolicy>>,
    ) -> PyResult<Self> {
        let root = TrustedRoot::from_tuf(
            py,
            timestamp,
            snapshot,
            targets,
            target_files,
            roots,
            anchor,
            staging,
            state,
            now,
        )?;
        Ok(with_config(root.0, config, witness_policy.as_deref()))
    }

    /// The requirements this verifier applies.
    #[getter]
    fn config(&self) -> Config {
        Config::from_core(self.0.config())
    }

    /// Verifies a bundle over `input_` (`bytes` or `Hashed`) for `policy`, at `now` (Unix
    /// seconds; default: the system clock).
    /// With `predicate_type`, the bundle must be an attestation with that in-toto predicate
    /// type. `tlog_proofs` are attached to the bundle before verifying.
    // The text signature spells the default as Python sees it (an empty sequence).
    #[pyo3(
        signature = (input_, bundle, policy, *, now = None, predicate_type = None, tlog_proofs = Vec::new()),
        text_signature = "(self, input_, bundle, policy, *, now=None, predicate_type=None, tlog_proofs=())"
    )]
    fn verify_artifact(
        &self,
        input_: &Bound<'_, PyAny>,
        bundle: PyRef<'_, Bundle>,
        policy: &Bound<'_, PyAny>,
        now: Option<u64>,
        predicate_type: Option<&str>,
        tlog_proofs: Vec<PyRef<'_, TlogProof>>,
    ) -> PyResult<VerificationResult> {
        let py = input_.py();
        let bundle = with_proofs(py, &bundle.0, &tlog_proofs)?;
        let verified = self.run(input_, &bundle, policy, now)?;
        if let Some(want) = predicate_type {
            verified
                .attestation()
                .and_then(|s| s.check_predicate_type(want))
                .map_err(|e| errors::to_py(py, &e))?;
        }
        VerificationResult::new(py, verified)
    }

    /// Verifies a DSSE bundle without the artifact (the caller matches the in-toto subjects
    /// against what it holds, as with sigstore-python) and returns `(payload_type, payload)`.
    /// With `predicate_type`, the statement must have that in-toto predicate type.
    /// `tlog_proofs` are attached to the bundle before verifying.
    #[pyo3(
        signature = (bundle, policy, *, now = None, predicate_type = None, tlog_proofs = Vec::new()),
        text_signature = "(self, bundle, policy, *, now=None, predicate_type=None, tlog_proofs=())"
    )]
    fn verify_dsse(
        &self,
        bundle: PyRef<'_, Bundle>,
        policy: &Bound<'_, PyAny>,
        now: Option<u64>,
        predicate_type: Option<&str>,
        tlog_proofs: Vec<PyRef<'_, TlogProof>>,
    ) -> PyResult<(String, Py<PyBytes>)> {
        let py = policy.py();
        let bundle = with_proofs(py, &bundle.0, &tlog_proofs)?;
        let policy = native_policy(policy)?;
        let now = sigverify::UnixTime(match now {
            Some(t) => t,
            None => system_now()?,
        });
        let (bundle, policy) = (bundle.as_ref(), &policy.get().0);
        let verified = py
            .detach(|| self.0.verify_dsse(bundle, policy, now))
            .map_err(|e| errors::to_py(py, &e))?;
        if let Some(want) = predicate_type {
            verified
                .attestation()
                .and_then(|s| s.check_predicate_type(want))
                .map_err(|e| errors::to_py(py, &e))?;
        }
        match verified.statement {
            Some(s) => Ok((s.payload_type, PyBytes::new(py, &s.payload).unbind())),
            // The core returns a statement for every DSSE bundle it verifies.
            None => Err(PyValueError::new_err(
                "verified bundle carries no DSSE statement",
            )),
        }
    }

    /// Verifies a PyPI provenance (PEP 740, as PyPI's integrity API serves it) against the
    /// distribution file `distribution` (its file name) with SHA-256 `sha256`: every publisher
    /// must be the one expected (`repository` URL for GitHub and GitLab, `gcp_service_account`,
    /// or `circleci=(project_id, pipeline_definition_id)`), and every attestation must verify
    /// for its publisher and name the file, as pypi-attestations requires.
    #[pyo3(signature = (distribution, sha256, provenance, *, repository = None, gcp_service_account = None, circleci = None, now = None))]
    #[allow(
        clippy::too_many_arguments,
        reason = "keyword arguments of one Python call"
    )]
    fn verify_pypi(
        &self,
        distribution: &str,
        sha256: &[u8],
        provenance: &Bound<'_, PyAny>,
        repository: Option<&str>,
        gcp_service_account: Option<&str>,
        circleci: Option<(String, String)>,
        now: Option<u64>,
    ) -> PyResult<Vec<crate::pypi::PyPIResult>> {
        let py = provenance.py();
        let dist = crate::pypi::distribution(py, distribution, sha256)?;
        let expected = crate::pypi::expected(py, repository, gcp_service_account, circleci)?;
        let provenance = crate::pypi::provenance(py, provenance)?;
        let now = sigverify::UnixTime(match now {
            Some(t) => t,
            None => system_now()?,
        });
        let all = py
            .detach(|| {
                sigverify::pypi::verify_provenance(&self.0, &provenance, &expected, &dist, now)
            })
            .map_err(|e| errors::to_py(py, &e))?;
        all.into_iter()
            .map(|v| crate::pypi::PyPIResult::new(py, v))
            .collect()
    }

    /// Verifies one PEP 740 attestation object for `policy` against the distribution file
    /// `distribution` with SHA-256 `sha256`.
    #[pyo3(signature = (distribution, sha256, attestation, policy, *, now = None))]
    fn verify_pypi_attestation(
        &self,
        distribution: &str,
        sha256: &[u8],
        attestation: &Bound<'_, PyAny>,
        policy: &Bound<'_, PyAny>,
        now: Option<u64>,
    ) -> PyResult<crate::pypi::PyPIResult> {
        let py = policy.py();
        let dist = crate::pypi::distribution(py, distribution, sha256)?;
        let attestation = crate::pypi::attestation(py, attestation)?;
        let policy = native_policy(policy)?;
        let now = sigverify::UnixTime(match now {
            Some(t) => t,
            None => system_now()?,
        });
        let policy = &policy.get().0;
        let verified = py
            .detach(|| {
                sigverify::pypi::verify_attestation(&self.0, &attestation, policy, &dist, now)
            })
            .map_err(|e| errors::to_py(py, &e))?;
        crate::pypi::PyPIResult::new(py, verified)
    }

    /// Verifies an npm package version as `npm audit signatures` does (see `sigverify.npm` in
    /// the core): the registry's `keys` (either form of `keys.json`), the version document or
    /// full `packument` (then `version` chooses), the `tarball` (`bytes` or a SHA-512
    /// `Hashed`; `None`: its integrity is taken as the packument states it), the
    /// `attestations` document when the registry has one, and a `policy` for the provenance's
    /// signer (`None` accepts any Fulcio identity, as npm does).
    #[pyo3(signature = (*, keys, packument, version = None, tarball = None, attestations = None, policy = None, now = None))]
    #[allow(
        clippy::too_many_arguments,
        reason = "keyword arguments of one Python call"
    )]
    fn verify_npm(
        &self,
        keys: &Bound<'_, PyAny>,
        packument: &Bound<'_, PyAny>,
        version: Option<&str>,
        tarball: Option<&Bound<'_, PyAny>>,
        attestations: Option<&Bound<'_, PyAny>>,
        policy: Option<&Bound<'_, PyAny>>,
        now: Option<u64>,
    ) -> PyResult<crate::npm::NpmResult> {
        let py = keys.py();
        let policy = policy.map(native_policy).transpose()?;
        let now = sigverify::UnixTime(match now {
            Some(t) => t,
            None => system_now()?,
        });
        let args = crate::npm::Args {
            keys,
            packument,
            version,
            tarball,
            attestations,
        };
        let policy = policy.as_ref().map(|p| &p.get().0);
        crate::npm::verify(py, &self.0, &args, policy, now)
    }
}

impl Verifier {
    /// Converts the arguments, then runs the core verifier once with the GIL released.
    fn run(
        &self,
        input_: &Bound<'_, PyAny>,
        bundle: &sigverify::Bundle,
        policy: &Bound<'_, PyAny>,
        now: Option<u64>,
    ) -> PyResult<sigverify::Verified> {
        let py = input_.py();
        let input = Input::extract(input_, "input_")?;
        let policy = native_policy(policy)?;
        let now = sigverify::UnixTime(match now {
            Some(t) => t,
            None => system_now()?,
        });
        let policy = &policy.get().0;
        // Every input is Rust-owned here, so other Python threads may run meanwhile.
        py.detach(|| self.0.verify(bundle, input.artifact(), policy, now))
            .map_err(|e| errors::to_py(py, &e))
    }
}

/// The bundle with each tlog proof attached, in order, before it is verified (the verification
/// then checks an attached proof as the bundle's own); the bundle itself when there are none.
fn with_proofs<'a>(
    py: Python<'_>,
    bundle: &'a sigverify::Bundle,
    proofs: &[PyRef<'_, TlogProof>],
) -> PyResult<Cow<'a, sigverify::Bundle>> {
    if proofs.is_empty() {
        return Ok(Cow::Borrowed(bundle));
    }
    let mut bundle = bundle.clone();
    for proof in proofs {
        proof
            .0
            .attach(&mut bundle)
            .map_err(|e| errors::to_py(py, &e))?;
    }
    Ok(Cow::Owned(bundle))
}

/// The native policy behind a `sigverify.policy` object (its `_native` attribute).
fn native_policy<'py>(policy: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Policy>> {
    if let Ok(p) = policy.cast::<Policy>() {
        return Ok(p.clone());
    }
    if let Ok(native) = policy.getattr("_native") {
        if let Ok(p) = native.cast_into::<Policy>() {
            return Ok(p);
        }
    }
    Err(PyTypeError::new_err(format!(
        "policy must be a sigverify.policy.VerificationPolicy, not {}",
        policy.get_type().name()?
    )))
}
