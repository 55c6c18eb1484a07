//! The PEP 740 provenance object PyPI's integrity API serves for a file: attestations grouped
//! by the Trusted Publisher that uploaded them.

use alloc::vec::Vec;

use serde_json::Value;

use super::Attestation;
use super::Publisher;
use crate::Error;
use crate::limits;
use crate::limits::Limit;

/// `{"version": 1, "attestation_bundles": [{"publisher": {...}, "attestations": [...]}]}`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Provenance {
    /// The groups, in document order.
    pub bundles: Vec<AttestationBundle>,
}

/// One group of a provenance: a publisher and the attestations it uploaded.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct AttestationBundle {
    /// The Trusted Publisher PyPI recorded (what it claims is checked against the certificate).
    pub publisher: Publisher,
    /// Its attestation objects.
    pub attestations: Vec<Attestation>,
}

impl Provenance {
    /// Reads a provenance object. Errors: `LIMIT_EXCEEDED` (file size, depth, more than
    /// [`limits::MAX_BUNDLES_IN_FILE`] attestations in all), `PYPI_PROVENANCE_INVALID` naming
    /// the field, `PYPI_PUBLISHER_UNKNOWN`, and the attestation objects' own errors.
    pub fn from_json(input: &[u8]) -> Result<Self, Error> {
        limits::check(
            input.len(),
            limits::MAX_BUNDLE_FILE_BYTES,
            Limit::BundleFileBytes,
        )?;
        crate::json::check_depth(input, limits::MAX_JSON_DEPTH)?;
        let value: Value =
            serde_json::from_slice(input).map_err(|_| Error::PypiProvenanceInvalid {
                field: "provenance",
            })?;
        let top = value.as_object().ok_or(Error::PypiProvenanceInvalid {
            field: "provenance",
        })?;
        // pypi-attestations defaults a missing version to 1.
        if top.get("version").is_some_and(|v| v.as_u64() != Some(1)) {
            return Err(Error::PypiProvenanceInvalid { field: "version" });
        }
        let groups = list(top.get("attestation_bundles"), "attestation_bundles")?;
        limits::check(
            groups.len(),
            limits::MAX_BUNDLES_IN_FILE,
            Limit::BundlesInFile,
        )?;
        let mut bundles = Vec::new();
        let mut count = 0usize;
        for group in groups {
            let group = group.as_object().ok_or(Error::PypiProvenanceInvalid {
                field: "attestation_bundles",
            })?;
            let publisher = Publisher::from_value(group.get("publisher"))?;
            let items = list(group.get("attestations"), "attestations")?;
            count = count.saturating_add(items.len());
            limits::check(count, limits::MAX_BUNDLES_IN_FILE, Limit::BundlesInFile)?;
            let attestations = items
                .iter()
                .map(Attestation::from_value)
                .collect::<Result<Vec<_>, _>>()?;
            bundles.push(AttestationBundle {
                publisher,
                attestations,
            });
        }
        Ok(Self { bundles })
    }
}

fn list<'a>(value: Option<&'a Value>, field: &'static str) -> Result<&'a Vec<Value>, Error> {
    value
        .and_then(Value::as_array)
        .ok_or(Error::PypiProvenanceInvalid { field })
}
