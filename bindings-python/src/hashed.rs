//! `HashAlgorithm` and `Hashed`: an artifact named by its digest (SHA-256, SHA-384 or SHA-512),
//! the input of every verification that does not take the bytes.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// A hash algorithm of a [`Hashed`] input.
#[pyclass(eq, eq_int, frozen, from_py_object, module = "sigverify._sigverify")]
#[derive(Clone, Copy, PartialEq, Eq)]
#[allow(non_camel_case_types)]
pub(crate) enum HashAlgorithm {
    /// SHA-256.
    SHA2_256,
    /// SHA-384 (P-384 keys as sigstore-go and cosign sign, some in-toto subjects).
    SHA2_384,
    /// SHA-512 (P-521 keys; npm names its tarballs by SHA-512 alone).
    SHA2_512,
}

impl HashAlgorithm {
    pub(crate) fn core(self) -> sigverify::HashAlgorithm {
        match self {
            Self::SHA2_256 => sigverify::HashAlgorithm::Sha256,
            Self::SHA2_384 => sigverify::HashAlgorithm::Sha384,
            Self::SHA2_512 => sigverify::HashAlgorithm::Sha512,
        }
    }
}

/// The digest of an artifact, for verifying without its bytes.
#[pyclass(frozen, get_all, module = "sigverify._sigverify")]
pub(crate) struct Hashed {
    /// The hash algorithm.
    pub(crate) algorithm: HashAlgorithm,
    /// The raw digest (32, 48 or 64 bytes, as the algorithm gives).
    pub(crate) digest: Py<PyBytes>,
}

#[pymethods]
impl Hashed {
    #[new]
    #[pyo3(signature = (*, algorithm, digest))]
    fn new(algorithm: HashAlgorithm, digest: Bound<'_, PyBytes>) -> PyResult<Self> {
        let want = algorithm.core().output_len();
        if digest.as_bytes().len() != want {
            return Err(PyValueError::new_err(format!(
                "a {} digest is {want} bytes, not {}",
                algorithm.core().proto_name(),
                digest.as_bytes().len()
            )));
        }
        Ok(Self {
            algorithm,
            digest: digest.unbind(),
        })
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let hex: String = self
            .digest
            .as_bytes(py)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        format!(
            "Hashed(algorithm=HashAlgorithm.{}, digest=bytes.fromhex('{hex}'))",
            self.algorithm.core().proto_name()
        )
    }
}
