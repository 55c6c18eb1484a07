//! The checkpoint state a caller keeps between verifications ([`sigverify::log_state`]): the
//! last checkpoint seen of each log, which catches a log that shows two views.

use std::sync::Mutex;
use std::sync::MutexGuard;
use std::sync::PoisonError;

use pyo3::prelude::*;
use pyo3::types::PyBytes;
use sigverify::log_state::Observation as CoreObservation;

use crate::convert;
use crate::errors;
use crate::result::VerificationResult;

/// The remembered checkpoint of each log. Empty, or read from the text `to_text()` wrote;
/// `observe` checks a verification's checkpoints against it and remembers the larger trees,
/// all or nothing.
#[pyclass(module = "sigverify._sigverify")]
pub(crate) struct LogState(Mutex<sigverify::log_state::LogState>);

#[pymethods]
impl LogState {
    /// An empty state, or the one `text` (`str`, or `bytes` of UTF-8) holds.
    #[new]
    #[pyo3(signature = (text = None))]
    fn new(py: Python<'_>, text: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let state = match text {
            None => sigverify::log_state::LogState::new(),
            Some(text) => {
                let bytes = convert::json_bytes(text, "log state")?;
                // The state is text: bytes that are not UTF-8 cannot be one, which is the
                // core's LOG_STATE_INVALID rather than a Python decoding error.
                let text = String::from_utf8(bytes)
                    .map_err(|_| errors::to_py(py, &sigverify::Error::LogStateInvalid))?;
                sigverify::log_state::LogState::parse(&text).map_err(|e| errors::to_py(py, &e))?
            }
        };
        Ok(Self(Mutex::new(state)))
    }

    /// The state as text, to store and read back with `LogState(text)`.
    fn to_text(&self) -> String {
        self.lock().to_text()
    }

    /// The remembered checkpoint of the log with this origin, or `None`.
    fn checkpoint(&self, py: Python<'_>, origin: &str) -> Option<RememberedCheckpoint> {
        self.lock()
            .checkpoint(origin)
            .map(|r| RememberedCheckpoint::new(py, r))
    }

    /// Every remembered checkpoint, in the order first seen.
    #[getter]
    fn logs(&self, py: Python<'_>) -> Vec<RememberedCheckpoint> {
        self.lock()
            .logs()
            .iter()
            .map(|r| RememberedCheckpoint::new(py, r))
            .collect()
    }

    /// Checks the checkpoint of every log entry of `result` against the state, with
    /// `proofs` for trees of other sizes, and remembers each larger tree. On a refusal
    /// nothing changes and the core's error is raised.
    // The text signature spells the default as Python sees it (an empty sequence).
    #[pyo3(signature = (result, proofs = Vec::new()), text_signature = "(self, result, proofs=())")]
    fn observe(
        &self,
        py: Python<'_>,
        result: PyRef<'_, VerificationResult>,
        proofs: Vec<PyRef<'_, ConsistencyProof>>,
    ) -> PyResult<Vec<Observation>> {
        let entries = result.core_entries(py);
        let proofs: Vec<_> = proofs.iter().map(|p| p.0.clone()).collect();
        // No GIL release: observing hashes a few proofs, and the lock is never held while
        // another thread could need the GIL to let go of it.
        let seen = self
            .lock()
            .observe(&entries, &proofs)
            .map_err(|e| errors::to_py(py, &e))?;
        Ok(seen.into_iter().map(Observation::from).collect())
    }

    fn __repr__(&self) -> String {
        format!("LogState(logs={})", self.lock().logs().len())
    }
}

impl LogState {
    fn lock(&self) -> MutexGuard<'_, sigverify::log_state::LogState> {
        // The core never panics, so a poisoned lock still guards a whole state.
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A checkpoint the state remembers.
#[pyclass(frozen, get_all, module = "sigverify._sigverify")]
pub(crate) struct RememberedCheckpoint {
    /// The checkpoint's origin line, which names the log.
    origin: String,
    /// Its tree size.
    size: u64,
    /// Its root hash.
    root_hash: Py<PyBytes>,
    /// The signed note as the log signed it: the evidence, should a later checkpoint conflict.
    note: String,
}

impl RememberedCheckpoint {
    fn new(py: Python<'_>, r: &sigverify::log_state::Remembered) -> Self {
        Self {
            origin: r.origin.clone(),
            size: r.size,
            root_hash: PyBytes::new(py, &r.root_hash).unbind(),
            note: r.note.clone(),
        }
    }
}

#[pymethods]
impl RememberedCheckpoint {
    fn __repr__(&self) -> String {
        format!(
            "RememberedCheckpoint(origin='{}', size={})",
            self.origin.escape_debug(),
            self.size
        )
    }
}

/// What `LogState.observe` found for one checkpoint.
#[pyclass(frozen, get_all, module = "sigverify._sigverify")]
pub(crate) struct Observation {
    /// The log's origin line.
    origin: String,
    /// The checkpoint's tree size.
    size: u64,
    /// `first` (no checkpoint of the log was remembered), `same` (the remembered tree),
    /// `extended` (a larger tree proven to extend it, now remembered) or `older` (a smaller
    /// tree proven to be a prefix of it, which stays).
    kind: &'static str,
    /// The tree size remembered before, `None` for `first`.
    remembered: Option<u64>,
}

impl From<sigverify::log_state::Observed> for Observation {
    fn from(o: sigverify::log_state::Observed) -> Self {
        let (kind, remembered) = match o.observation {
            CoreObservation::First => ("first", None),
            CoreObservation::Same => ("same", Some(o.size)),
            CoreObservation::Extended { from } => ("extended", Some(from)),
            CoreObservation::Older { remembered } => ("older", Some(remembered)),
        };
        Self {
            origin: o.origin,
            size: o.size,
            kind,
            remembered,
        }
    }
}

#[pymethods]
impl Observation {
    fn __repr__(&self) -> String {
        format!(
            "Observation(origin='{}', size={}, kind='{}', remembered={})",
            self.origin.escape_debug(),
            self.size,
            self.kind,
            self.remembered
                .map_or_else(|| "None".to_owned(), |r| r.to_string())
        )
    }
}

/// A consistency proof between two trees of one log
/// ([`sigverify::log_state::ConsistencyProof`]).
#[pyclass(frozen, module = "sigverify._sigverify")]
pub(crate) struct ConsistencyProof(sigverify::log_state::ConsistencyProof);

#[pymethods]
impl ConsistencyProof {
    /// Reads Rekor's consistency-proof JSON (`str` or `bytes`):
    /// `{"rootHash": "<hex>", "hashes": ["<hex>", ...]}`.
    #[staticmethod]
    fn from_json(py: Python<'_>, doc: &Bound<'_, PyAny>) -> PyResult<Self> {
        let bytes = convert::json_bytes(doc, "consistency proof")?;
        sigverify::log_state::ConsistencyProof::from_json(&bytes)
            .map(Self)
            .map_err(|e| errors::to_py(py, &e))
    }

    /// The root hash of the larger tree, which says which pair of checkpoints it is for.
    #[getter]
    fn root_hash<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.root_hash)
    }

    /// The proof's hashes, in RFC 9162 order.
    #[getter]
    fn hashes<'py>(&self, py: Python<'py>) -> Vec<Bound<'py, PyBytes>> {
        self.0.hashes.iter().map(|h| PyBytes::new(py, h)).collect()
    }

    fn __repr__(&self) -> String {
        format!("ConsistencyProof(hashes={})", self.0.hashes.len())
    }
}
