//! Firmware statements ([`sigverify::firmware`]): the predicate of a verified firmware image's
//! in-toto statement (security version, vendor and class UUIDs, minimum hardware revision,
//! release name), and the device's policy that judges it.

use pyo3::prelude::*;

use crate::errors;
use crate::result::VerificationResult;

/// The predicate of a verified firmware statement ([`sigverify::FirmwareStatement`]).
#[pyclass(frozen, module = "sigverify._sigverify")]
pub(crate) struct FirmwareStatement(sigverify::FirmwareStatement);

#[pymethods]
impl FirmwareStatement {
    /// Reads the firmware statement of a verification result: `DSSE_ENVELOPE_MISSING` for a
    /// message signature, `DSSE_PREDICATE_TYPE_MISMATCH` for another predicate type,
    /// `FIRMWARE_STATEMENT_INVALID` for a predicate member missing or malformed.
    #[staticmethod]
    fn from_result(py: Python<'_>, result: PyRef<'_, VerificationResult>) -> PyResult<Self> {
        let statement = result
            .core_statement(py)
            .ok_or(sigverify::Error::DsseEnvelopeMissing)
            .map_err(|e| errors::to_py(py, &e))?;
        sigverify::FirmwareStatement::from_statement(&statement)
            .map(Self)
            .map_err(|e| errors::to_py(py, &e))
    }

    /// `securityVersion`: the monotonic version an anti-rollback counter is compared with.
    #[getter]
    fn security_version(&self) -> u32 {
        self.0.security_version
    }

    /// `vendor`: the vendor's UUID, lowercased.
    #[getter]
    fn vendor(&self) -> &str {
        &self.0.vendor
    }

    /// `class`: the device class's UUID, lowercased (`class_`: `class` is a Python keyword).
    #[getter]
    fn class_(&self) -> &str {
        &self.0.class
    }

    /// `minHardwareRevision`: the lowest device revision the image runs on, or `None`.
    #[getter]
    fn min_hardware_revision(&self) -> Option<u32> {
        self.0.min_hardware_revision
    }

    /// `version`: the release's name for people, or `None` (never judged).
    #[getter]
    fn version(&self) -> Option<&str> {
        self.0.version.as_deref()
    }

    fn __repr__(&self) -> String {
        let s = &self.0;
        format!(
            "FirmwareStatement(security_version={}, vendor={:?}, class_={:?}, min_hardware_revision={}, version={})",
            s.security_version,
            s.vendor,
            s.class,
            s.min_hardware_revision
                .map_or_else(|| "None".to_owned(), |r| r.to_string()),
            s.version
                .as_ref()
                .map_or_else(|| "None".to_owned(), |v| format!("{v:?}"))
        )
    }
}

/// What a device is ([`sigverify::FirmwarePolicy`]): its vendor, class and hardware revision,
/// which judge a [`FirmwareStatement`] together with the installed security version.
#[pyclass(frozen, module = "sigverify._sigverify")]
pub(crate) struct FirmwarePolicy(sigverify::FirmwarePolicy);

#[pymethods]
impl FirmwarePolicy {
    /// A device of this vendor and class (UUIDs in canonical text, any case; anything else is
    /// `FIRMWARE_POLICY_INVALID`) at hardware revision `hardware_revision`.
    #[new]
    #[pyo3(signature = (vendor, class_, hardware_revision = 0))]
    fn new(py: Python<'_>, vendor: &str, class_: &str, hardware_revision: u32) -> PyResult<Self> {
        sigverify::FirmwarePolicy::new(vendor, class_)
            .map(|p| Self(p.with_hardware_revision(hardware_revision)))
            .map_err(|e| errors::to_py(py, &e))
    }

    /// Whether the image is for this device and newer than `installed` (the device's
    /// anti-rollback counter): `FIRMWARE_VENDOR_MISMATCH`, `FIRMWARE_CLASS_MISMATCH`,
    /// `FIRMWARE_HARDWARE_UNSUPPORTED`, then `FIRMWARE_VERSION_NOT_NEWER` (an equal version
    /// too).
    fn check(
        &self,
        py: Python<'_>,
        statement: PyRef<'_, FirmwareStatement>,
        installed: u32,
    ) -> PyResult<()> {
        self.0
            .check(&statement.0, installed)
            .map_err(|e| errors::to_py(py, &e))
    }

    /// Whether the image is for this device (vendor, class, hardware), whatever its version.
    fn check_applies(
        &self,
        py: Python<'_>,
        statement: PyRef<'_, FirmwareStatement>,
    ) -> PyResult<()> {
        self.0
            .check_applies(&statement.0)
            .map_err(|e| errors::to_py(py, &e))
    }
}
