//! Conversions of Python arguments into Rust-owned values, and the default of a `now`
//! argument.

use std::io::Read;
use std::path::PathBuf;
use std::time::SystemTime;

use pyo3::exceptions::PyTypeError;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use pyo3::types::PyString;

/// A document (JSON, or a text format: witness policy, tlog proof, checkpoint state) given as
/// `bytes` or `str`, copied out so the GIL can be released.
pub(crate) fn json_bytes(doc: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<u8>> {
    if let Ok(b) = doc.cast::<PyBytes>() {
        Ok(b.as_bytes().to_vec())
    } else if let Ok(s) = doc.cast::<PyString>() {
        Ok(s.to_cow()?.as_bytes().to_vec())
    } else {
        Err(PyTypeError::new_err(format!(
            "{what} must be str or bytes, not {}",
            doc.get_type().name()?
        )))
    }
}

/// Reads at most `max + 1` bytes of a file: enough for the core to report its size limit
/// without reading a huge file into memory.
pub(crate) fn read_bounded(path: PathBuf, max: usize) -> PyResult<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let mut out = Vec::new();
    let cap = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    file.take(cap).read_to_end(&mut out)?;
    Ok(out)
}

/// The system clock in Unix seconds: the time a verification or update runs at when the
/// caller gives no `now`.
pub(crate) fn system_now() -> PyResult<u64> {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .map_err(|_| PyValueError::new_err("the system clock is before 1970"))
}
