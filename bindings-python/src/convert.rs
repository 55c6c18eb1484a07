//! Conversions of Python arguments into Rust-owned values.

use std::io::Read;
use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use pyo3::types::PyString;

/// A JSON document given as `bytes` or `str`, copied out so the GIL can be released.
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
