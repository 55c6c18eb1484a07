//! npm packages, verified as `npm audit signatures` verifies them ([`sigverify::npm`]): the
//! registry's signatures, every bundle of the attestations document, and the tarball's
//! integrity. `Verifier.verify_npm` (in `verifier.rs`) converts its arguments here.

use pyo3::exceptions::PyTypeError;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use sigverify::HashAlgorithm as CoreHash;
use sigverify::npm;

use crate::convert;
use crate::errors;
use crate::hashed::HashAlgorithm;
use crate::hashed::Hashed;
use crate::result::VerificationResult;

/// One verified attestation of an npm package version.
#[pyclass(frozen, get_all, module = "sigverify._sigverify")]
pub(crate) struct NpmAttestation {
    /// Where it was in the attestations document: `attestations[0]`.
    place: String,
    /// `publish` (the registry's publish attestation) or `provenance` (the build's SLSA
    /// provenance, signed keyless).
    kind: &'static str,
    /// The registry key id that signed a publish attestation; `None` for the provenance.
    keyid: Option<String>,
    /// The statement's predicate type.
    predicate_type: String,
    /// The bundle verification's result (identity and issuer for the provenance).
    result: Py<VerificationResult>,
}

#[pymethods]
impl NpmAttestation {
    fn __repr__(&self) -> String {
        format!(
            "NpmAttestation(place='{}', kind='{}', keyid={:?}, predicate_type='{}')",
            self.place, self.kind, self.keyid, self.predicate_type
        )
    }
}

/// A verified npm package version.
#[pyclass(frozen, get_all, module = "sigverify._sigverify")]
pub(crate) struct NpmResult {
    /// The package name (scoped names with their `@scope/`).
    name: String,
    /// The version.
    version: String,
    /// The key ids of the registry signatures that verified (every one on the version did).
    signatures: Vec<String>,
    /// The publish time the signatures' keys were judged by (Unix seconds).
    publish_time: u64,
    /// Where `publish_time` came from: `attestation` (the publish attestation's log time),
    /// `packument` (the packument's `time[VERSION]`, unsigned) or `assumed` (neither:
    /// pacote's stand-in, 2015-01-01).
    publish_time_source: &'static str,
    /// Every attestation of the document, each verified, in document order.
    attestations: Vec<Py<NpmAttestation>>,
    /// Whether the tarball itself was checked against the version's integrity.
    tarball_checked: bool,
}

#[pymethods]
impl NpmResult {
    fn __repr__(&self) -> String {
        format!(
            "NpmResult(name='{}', version='{}', signatures={:?}, publish_time={}, publish_time_source='{}', attestations=[{} attestations], tarball_checked={})",
            self.name,
            self.version,
            self.signatures,
            self.publish_time,
            self.publish_time_source,
            self.attestations.len(),
            if self.tarball_checked {
                "True"
            } else {
                "False"
            }
        )
    }
}

impl NpmResult {
    fn new(py: Python<'_>, p: npm::VerifiedPackage) -> PyResult<Self> {
        let (publish_time, publish_time_source) = (p.publish_time.time(), p.publish_time.source());
        let attestations = p
            .attestations
            .into_iter()
            .map(|a| {
                let (kind, keyid) = (a.kind.name(), a.kind.keyid().map(String::from));
                let one = NpmAttestation {
                    place: a.place,
                    kind,
                    keyid,
                    predicate_type: a.predicate_type,
                    result: Py::new(py, VerificationResult::new(py, a.verified)?)?,
                };
                Py::new(py, one)
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Self {
            name: p.name,
            version: p.version,
            signatures: p.signatures,
            publish_time: publish_time.seconds(),
            publish_time_source,
            attestations,
            tarball_checked: p.tarball_checked,
        })
    }
}

/// The tarball as `bytes` (hashed here, with the GIL released) or its SHA-512 as a `Hashed`.
enum Tarball {
    Bytes(Vec<u8>),
    Sha512([u8; 64]),
}

impl Tarball {
    fn extract(tarball: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(b) = tarball.cast::<PyBytes>() {
            return Ok(Self::Bytes(b.as_bytes().to_vec()));
        }
        if let Ok(h) = tarball.cast::<Hashed>() {
            let h = h.get();
            if h.algorithm != HashAlgorithm::SHA2_512 {
                return Err(PyValueError::new_err(
                    "npm names a tarball by its SHA-512: hash it with HashAlgorithm.SHA2_512",
                ));
            }
            let sha512 = h
                .digest
                .as_bytes(tarball.py())
                .try_into()
                .map_err(|_| PyValueError::new_err("a SHA-512 digest is 64 bytes"))?;
            return Ok(Self::Sha512(sha512));
        }
        Err(PyTypeError::new_err(format!(
            "tarball must be bytes or Hashed, not {}",
            tarball.get_type().name()?
        )))
    }

    /// The SHA-512 to check against the version's integrity.
    fn sha512(&self) -> [u8; 64] {
        match self {
            Self::Bytes(b) => match sigverify::Digest::of(CoreHash::Sha512, b) {
                sigverify::Digest::Sha512(d) => d,
                // `Digest::of` answers in the algorithm asked for; were it not to, an all-zero
                // digest fails closed (NPM_INTEGRITY_MISMATCH).
                _ => [0; 64],
            },
            Self::Sha512(d) => *d,
        }
    }
}

/// `Verifier.verify_npm`'s arguments as the caller gave them.
pub(crate) struct Args<'a, 'py> {
    pub(crate) keys: &'a Bound<'py, PyAny>,
    pub(crate) packument: &'a Bound<'py, PyAny>,
    pub(crate) version: Option<&'a str>,
    pub(crate) tarball: Option<&'a Bound<'py, PyAny>>,
    pub(crate) attestations: Option<&'a Bound<'py, PyAny>>,
}

/// Copies the arguments into Rust-owned values, then parses and verifies with the GIL
/// released: one call of [`npm::verify_package`].
pub(crate) fn verify(
    py: Python<'_>,
    verifier: &sigverify::Verifier,
    args: &Args<'_, '_>,
    policy: Option<&sigverify::Policy>,
    now: sigverify::UnixTime,
) -> PyResult<NpmResult> {
    let keys = convert::json_bytes(args.keys, "keys")?;
    let packument = convert::json_bytes(args.packument, "packument")?;
    let attestations = args
        .attestations
        .map(|a| convert::json_bytes(a, "attestations"))
        .transpose()?;
    let tarball = args.tarball.map(Tarball::extract).transpose()?;
    let version = args.version;
    let verified = py.detach(|| {
        let keys = npm::RegistryKeys::from_json(&keys)?;
        let package = npm::PackageVersion::from_json(&packument, version)?;
        let sha512 = tarball.as_ref().map(Tarball::sha512);
        let inputs = npm::Inputs {
            keys: &keys,
            package: &package,
            tarball_sha512: sha512.as_ref(),
            attestations: attestations.as_deref(),
            provenance_policy: policy,
        };
        npm::verify_package(verifier, inputs, now)
    });
    NpmResult::new(py, verified.map_err(|e| errors::to_py(py, &e))?)
}
