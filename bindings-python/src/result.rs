//! What a verification proved, as Python objects: [`VerificationResult`] and its
//! [`LogEntry`] items. Below the verifier and the PyPI functions, which both return it.

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::witness::SignedCheckpoint;

/// A verified transparency log entry.
#[pyclass(frozen, get_all, module = "sigverify._sigverify")]
pub(crate) struct LogEntry {
    /// The entry's index in its log.
    log_index: u64,
    /// The log id (SHA-256 of the log key for Rekor v1).
    log_id: Py<PyBytes>,
    /// The log's base URL as the trusted root names it.
    log_url: String,
    /// The integrated time (Unix seconds), present only when an inclusion promise signed it.
    integrated_time: Option<u64>,
    /// The checkpoint that proved the entry's inclusion, when it had an inclusion proof.
    checkpoint: Option<Py<SignedCheckpoint>>,
}

#[pymethods]
impl LogEntry {
    fn __repr__(&self) -> String {
        format!(
            "LogEntry(log_index={}, log_url={}, integrated_time={})",
            self.log_index,
            repr_str(Some(&self.log_url)),
            self.integrated_time
                .map_or_else(|| "None".to_owned(), |t| t.to_string())
        )
    }
}

/// What a successful verification proved.
#[pyclass(frozen, get_all, module = "sigverify._sigverify")]
pub(crate) struct VerificationResult {
    /// The certificate identity (SAN), or `None` for a managed key.
    identity: Option<String>,
    /// The certificate's OIDC issuer, or `None` for a managed key.
    issuer: Option<String>,
    /// Every verified signing time (Unix seconds), earliest first.
    signing_times: Vec<u64>,
    /// The transparency log entries that verified.
    log_entries: Vec<Py<LogEntry>>,
    /// `(payload_type, payload)` of a DSSE bundle, else `None`.
    statement: Option<(String, Py<PyBytes>)>,
    /// `(item, index, code, name)` of each item left out because it did not verify: item is
    /// `"tlog_entry"`, `"timestamp"` or `"sct"`, and code and name are the core error's.
    skipped: Vec<(&'static str, usize, u16, &'static str)>,
    /// The signing certificate's Fulcio extensions that hold text, as `(oid, value)` in
    /// certificate order (empty for a managed key).
    extensions: Vec<(String, String)>,
}

#[pymethods]
impl VerificationResult {
    fn __repr__(&self) -> String {
        format!(
            "VerificationResult(identity={}, issuer={}, signing_times={:?}, log_entries=[{} entries])",
            repr_str(self.identity.as_deref()),
            repr_str(self.issuer.as_deref()),
            self.signing_times,
            self.log_entries.len()
        )
    }
}

impl VerificationResult {
    pub(crate) fn new(py: Python<'_>, v: sigverify::Verified) -> PyResult<Self> {
        let log_entries = v
            .log_entries
            .into_iter()
            .map(|e| {
                Py::new(
                    py,
                    LogEntry {
                        log_index: e.log_index,
                        log_id: PyBytes::new(py, &e.log_id).unbind(),
                        log_url: e.log_url,
                        integrated_time: e.integrated_time.map(sigverify::UnixTime::seconds),
                        checkpoint: e
                            .checkpoint
                            .map(|c| Py::new(py, SignedCheckpoint(c)))
                            .transpose()?,
                    },
                )
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Self {
            extensions: v.extensions,
            identity: v.identity,
            issuer: v.issuer,
            signing_times: v.signing_times.iter().map(|t| t.seconds()).collect(),
            log_entries,
            statement: v
                .statement
                .map(|s| (s.payload_type, PyBytes::new(py, &s.payload).unbind())),
            skipped: v
                .skipped
                .iter()
                .map(|s| {
                    let (item, index) = match s.item {
                        sigverify::SkippedItem::TlogEntry(i) => ("tlog_entry", i),
                        sigverify::SkippedItem::Timestamp(i) => ("timestamp", i),
                        sigverify::SkippedItem::Sct(i) => ("sct", i),
                        _ => ("item", 0),
                    };
                    (item, index, s.reason.code(), s.reason.name())
                })
                .collect(),
        })
    }
}

impl VerificationResult {
    /// The verified log entries as the core returned them, for `LogState.observe`. The Python
    /// objects cannot be built or changed from Python, so this is the core's own result.
    pub(crate) fn core_entries(&self, py: Python<'_>) -> Vec<sigverify::LogEntry> {
        self.log_entries
            .iter()
            .map(|e| {
                let e = e.get();
                sigverify::LogEntry {
                    log_index: e.log_index,
                    log_id: e.log_id.as_bytes(py).to_vec(),
                    log_url: e.log_url.clone(),
                    integrated_time: e.integrated_time.map(sigverify::UnixTime),
                    checkpoint: e.checkpoint.as_ref().map(|c| c.get().0.clone()),
                }
            })
            .collect()
    }
}

impl VerificationResult {
    /// The verified DSSE payload as the core returned it, for `FirmwareStatement.from_result`
    /// (`None` for a message signature). As with [`Self::core_entries`], Python cannot build or
    /// change the object, so this is what the verification proved.
    pub(crate) fn core_statement(&self, py: Python<'_>) -> Option<sigverify::Statement> {
        self.statement
            .as_ref()
            .map(|(payload_type, payload)| sigverify::Statement {
                payload_type: payload_type.clone(),
                payload: payload.as_bytes(py).to_vec(),
            })
    }
}

/// A Python-style repr of an optional string (for `__repr__` only; not escaped exactly).
fn repr_str(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_owned(), |s| format!("'{}'", s.escape_debug()))
}
