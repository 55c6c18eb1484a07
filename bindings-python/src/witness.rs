//! Witnessed checkpoints: the witness policy a verifier applies, tlog proof files handed in
//! beside a bundle, and the verified checkpoint (with its cosignatures) of a log entry.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::convert;
use crate::errors;

/// A parsed witness policy ([`sigverify::WitnessPolicy`], the `c2sp.org/tlog-policy` format).
#[pyclass(frozen, module = "sigverify._sigverify")]
pub(crate) struct WitnessPolicy(pub(crate) sigverify::WitnessPolicy);

#[pymethods]
impl WitnessPolicy {
    /// Parses a policy file (`str` or `bytes`).
    #[new]
    fn new(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bytes = convert::json_bytes(text, "witness policy")?;
        sigverify::WitnessPolicy::parse(&bytes)
            .map(Self)
            .map_err(|e| errors::to_py(py, &e))
    }

    /// How many witnesses the policy names.
    #[getter]
    fn witness_count(&self) -> usize {
        self.0.witness_count()
    }

    /// Whether the policy asks anything of a checkpoint (a quorum, or a list of logs).
    #[getter]
    fn required(&self) -> bool {
        self.0.is_required()
    }

    fn __repr__(&self) -> String {
        format!(
            "WitnessPolicy(witness_count={}, required={})",
            self.0.witness_count(),
            if self.0.is_required() {
                "True"
            } else {
                "False"
            }
        )
    }
}

/// A parsed `c2sp.org/tlog-proof@v1` file ([`sigverify::TlogProof`]): nothing in it is
/// trusted; the verification checks it as it checks a bundle's own proof.
#[pyclass(frozen, module = "sigverify._sigverify")]
pub(crate) struct TlogProof(pub(crate) sigverify::TlogProof);

#[pymethods]
impl TlogProof {
    /// Parses a tlog proof file (`str`, or `bytes` of UTF-8).
    #[new]
    fn new(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bytes = convert::json_bytes(text, "tlog proof")?;
        // The format is text: bytes that are not UTF-8 cannot be one, which is the core's
        // TLOG_PROOF_INVALID rather than a Python decoding error.
        let text = String::from_utf8(bytes)
            .map_err(|_| errors::to_py(py, &sigverify::Error::TlogProofInvalid))?;
        sigverify::TlogProof::parse(&text)
            .map(Self)
            .map_err(|e| errors::to_py(py, &e))
    }

    /// The entry's index in the checkpointed tree.
    #[getter]
    fn index(&self) -> u64 {
        self.0.index
    }

    /// The checkpoint's tree size.
    #[getter]
    fn tree_size(&self) -> u64 {
        self.0.tree_size
    }

    /// The checkpoint's root hash.
    #[getter]
    fn root_hash<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.root_hash)
    }

    /// The checkpoint as a signed note, verbatim.
    #[getter]
    fn checkpoint(&self) -> String {
        self.0.checkpoint.clone()
    }

    fn __repr__(&self) -> String {
        format!(
            "TlogProof(index={}, tree_size={})",
            self.0.index, self.0.tree_size
        )
    }
}

/// A witness cosignature that verified.
#[pyclass(frozen, get_all, module = "sigverify._sigverify")]
pub(crate) struct Cosignature {
    /// The witness's name in the policy.
    witness: String,
    /// When the witness cosigned (Unix seconds, by its own clock).
    time: u64,
}

#[pymethods]
impl Cosignature {
    fn __repr__(&self) -> String {
        format!(
            "Cosignature(witness='{}', time={})",
            self.witness.escape_debug(),
            self.time
        )
    }
}

/// The checkpoint that proved a log entry, its log signature verified
/// ([`sigverify::SignedCheckpoint`]).
#[pyclass(frozen, module = "sigverify._sigverify")]
pub(crate) struct SignedCheckpoint(pub(crate) sigverify::SignedCheckpoint);

#[pymethods]
impl SignedCheckpoint {
    /// The origin line: the log's identity.
    #[getter]
    fn origin(&self) -> String {
        self.0.origin.clone()
    }

    /// The tree size.
    #[getter]
    fn size(&self) -> u64 {
        self.0.size
    }

    /// The tree's root hash (32 bytes).
    #[getter]
    fn root_hash<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.root_hash)
    }

    /// The whole signed note, signature lines included.
    #[getter]
    fn note(&self) -> String {
        self.0.note.clone()
    }

    /// The cosignatures of the witness policy's witnesses that verified (empty without one).
    #[getter]
    fn cosignatures(&self) -> Vec<Cosignature> {
        self.0
            .cosignatures
            .iter()
            .map(|c| Cosignature {
                witness: c.witness.clone(),
                time: c.time.seconds(),
            })
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "SignedCheckpoint(origin='{}', size={}, cosignatures={})",
            self.0.origin.escape_debug(),
            self.0.size,
            self.0.cosignatures.len()
        )
    }
}
