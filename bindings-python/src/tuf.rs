//! Trusted roots over TUF: `TufState` and the `from_tuf` / `from_tuf_dir` constructors of
//! `TrustedRoot` and `Verifier`, over the core's [`sigverify::tuf::update`].

use std::collections::BTreeMap;
use std::path::PathBuf;

use pyo3::exceptions::PyOSError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::sync::Mutex;

use crate::errors;

/// The persisted state of TUF updates: rollback floors only, never trust (every update walks
/// the roots from the anchor). Empty before the first one; advanced in place by every
/// successful `from_tuf`; `to_bytes()` is what to store.
#[pyclass(module = "sigverify._sigverify")]
pub(crate) struct TufState(Mutex<Option<sigverify::tuf::State>>);

#[pymethods]
impl TufState {
    #[new]
    #[pyo3(signature = (data = None))]
    fn new(py: Python<'_>, data: Option<&[u8]>) -> PyResult<Self> {
        let state = match data {
            None | Some(b"") => None,
            Some(bytes) => {
                Some(sigverify::tuf::State::from_bytes(bytes).map_err(|e| errors::to_py(py, &e))?)
            }
        };
        Ok(Self(Mutex::new(state)))
    }

    /// The bytes to store (empty before the first successful update).
    fn to_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        let bytes = self.get().map(|s| s.to_bytes()).unwrap_or_default();
        PyBytes::new(py, &bytes)
    }

    /// `(root, timestamp, snapshot, targets)` versions last trusted, or `None` when empty.
    #[getter]
    fn versions(&self) -> Option<(u64, u64, u64, u64)> {
        self.versions_of()
    }

    fn __repr__(&self) -> String {
        match self.versions_of() {
            Some((r, t, s, g)) => {
                format!("TufState(root={r}, timestamp={t}, snapshot={s}, targets={g})")
            }
            None => "TufState()".to_owned(),
        }
    }
}

impl TufState {
    fn get(&self) -> Option<sigverify::tuf::State> {
        self.0.lock().ok().and_then(|g| g.clone())
    }

    fn set(&self, state: sigverify::tuf::State) {
        if let Ok(mut g) = self.0.lock() {
            *g = Some(state);
        }
    }

    fn versions_of(&self) -> Option<(u64, u64, u64, u64)> {
        let s = self.get()?;
        Some((
            s.root_version(),
            s.timestamp_version(),
            s.snapshot_version(),
            s.targets_version(),
        ))
    }
}

/// The anchor: `anchor` bytes, else the compiled-in staging or production TUF root.
fn anchor_bytes(anchor: Option<&[u8]>, staging: bool) -> Vec<u8> {
    match anchor {
        Some(a) => a.to_vec(),
        None if staging => sigverify::tuf::STAGING_ROOT.to_vec(),
        None => sigverify::tuf::PRODUCTION_ROOT.to_vec(),
    }
}

/// Runs the update with the GIL released and advances `state` on success.
fn run(
    py: Python<'_>,
    anchor: &[u8],
    state: Option<&TufState>,
    files: &sigverify::tuf::dir::Files,
    now: Option<u64>,
) -> PyResult<sigverify::TrustedRoot> {
    let before = state.and_then(TufState::get);
    let now = sigverify::UnixTime(match now {
        Some(n) => n,
        None => crate::convert::system_now()?,
    });
    let up = py
        .detach(|| {
            // AWS-LC checks the repository's ECDSA signatures, as it does a bundle's: most of
            // an update's cost (Sigstore's TUF keys are P-256).
            sigverify::tuf::update_with_backend(
                anchor,
                before.as_ref(),
                &files.repository(),
                now,
                &crate::ecdsa::AWS_LC,
            )
        })
        .map_err(|e| errors::to_py(py, &e))?;
    if let Some(s) = state {
        s.set(up.state);
    }
    Ok(up.trusted_root)
}

/// `TrustedRoot.from_tuf(...)` from bytes.
#[allow(clippy::too_many_arguments)]
pub(crate) fn from_bytes(
    py: Python<'_>,
    timestamp: Vec<u8>,
    snapshot: Vec<u8>,
    targets: Vec<u8>,
    target_files: BTreeMap<String, Vec<u8>>,
    roots: Vec<Vec<u8>>,
    anchor: Option<&[u8]>,
    staging: bool,
    state: Option<&TufState>,
    now: Option<u64>,
) -> PyResult<sigverify::TrustedRoot> {
    let files = sigverify::tuf::dir::Files {
        roots,
        timestamp,
        snapshot,
        targets,
        target_files: target_files.into_iter().collect(),
    };
    run(py, &anchor_bytes(anchor, staging), state, &files, now)
}

/// `TrustedRoot.from_tuf_dir(...)`: a repository folder in Sigstore's layouts.
pub(crate) fn from_dir(
    py: Python<'_>,
    path: PathBuf,
    anchor: Option<&[u8]>,
    staging: bool,
    state: Option<&TufState>,
    now: Option<u64>,
) -> PyResult<sigverify::TrustedRoot> {
    let anchor = anchor_bytes(anchor, staging);
    let files = sigverify::tuf::dir::Files::read_dir(&path, &anchor)
        .map_err(|e| PyOSError::new_err(e.to_string()))?;
    run(py, &anchor, state, &files, now)
}
