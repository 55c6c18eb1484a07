//! The PEP 740 provenance object PyPI's integrity API serves for a file: attestations grouped
//! by the Trusted Publisher that uploaded them.

use alloc::vec::Vec;

use super::Attestation;
use super::Publisher;
use crate::Error;
use crate::json::borrowed::Json;
use crate::json::last_member;
use crate::json::parse;
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
        let invalid = |field| Error::PypiProvenanceInvalid { field };
        let top =
            parse::raw_members(input, limits::MAX_JSON_DEPTH).map_err(|_| invalid("provenance"))?;
        // pypi-attestations defaults a missing version to 1.
        let version = last_member(&top, "version").map(|v| parse::parse(v, 0));
        if version.is_some_and(|v| !matches!(v, Ok(Json::Number("1")))) {
            return Err(invalid("version"));
        }
        let groups = list(
            last_member(&top, "attestation_bundles"),
            "attestation_bundles",
        )?;
        limits::check(
            groups.len(),
            limits::MAX_BUNDLES_IN_FILE,
            Limit::BundlesInFile,
        )?;
        let mut bundles = Vec::new();
        let mut count = 0usize;
        for group in groups {
            let group = parse::raw_members(group, limits::MAX_JSON_DEPTH)
                .map_err(|_| invalid("attestation_bundles"))?;
            let publisher = Publisher::from_raw(last_member(&group, "publisher"))?;
            let items = list(last_member(&group, "attestations"), "attestations")?;
            count = count.saturating_add(items.len());
            limits::check(count, limits::MAX_BUNDLES_IN_FILE, Limit::BundlesInFile)?;
            let attestations = items
                .iter()
                .map(|item| Attestation::from_raw(item))
                .collect::<Result<Vec<_>, _>>()?;
            bundles.push(AttestationBundle {
                publisher,
                attestations,
            });
        }
        Ok(Self { bundles })
    }
}

/// The elements of an array field, each as written.
fn list<'a>(raw: Option<&'a [u8]>, field: &'static str) -> Result<Vec<&'a [u8]>, Error> {
    raw.and_then(|raw| parse::raw_elements(raw, limits::MAX_JSON_DEPTH).ok())
        .ok_or(Error::PypiProvenanceInvalid { field })
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::string::String;

    use super::*;

    const ATTESTATION: &str = r#"{"version":1,"verification_material":{"certificate":"AQID","transparency_entries":[{}]},"envelope":{"statement":"e30=","signature":"BAU="}}"#;

    fn doc(groups: usize, per_group: usize) -> String {
        let attestations = [ATTESTATION].repeat(per_group).join(",");
        let group = format!(
            r#"{{"publisher":{{"kind":"Google","email":"a@b"}},"attestations":[{attestations}]}}"#
        );
        format!(
            r#"{{"version":1,"attestation_bundles":[{}]}}"#,
            [group.as_str()].repeat(groups).join(",")
        )
    }

    #[test]
    fn counts_are_bounded_at_the_limit() {
        let max = limits::MAX_BUNDLES_IN_FILE;
        let at = Provenance::from_json(doc(1, max).as_bytes()).unwrap();
        assert_eq!(at.bundles[0].attestations.len(), max);
        let too_many = Some(Error::LimitExceeded {
            limit: Limit::BundlesInFile,
        });
        assert_eq!(
            Provenance::from_json(doc(1, max + 1).as_bytes()).err(),
            too_many
        );
        assert_eq!(
            Provenance::from_json(doc(2, max / 2 + 1).as_bytes()).err(),
            too_many
        );
        assert_eq!(
            Provenance::from_json(doc(max + 1, 0).as_bytes()).err(),
            too_many
        );
        assert_eq!(
            Provenance::from_json(doc(max, 0).as_bytes())
                .unwrap()
                .bundles
                .len(),
            max
        );
    }

    #[test]
    fn size_depth_and_shape_are_checked() {
        let big = " ".repeat(limits::MAX_BUNDLE_FILE_BYTES + 1);
        assert_eq!(
            Provenance::from_json(big.as_bytes()).err(),
            Some(Error::LimitExceeded {
                limit: Limit::BundleFileBytes
            })
        );
        let deep = "[".repeat(limits::MAX_JSON_DEPTH + 1);
        assert!(matches!(
            Provenance::from_json(deep.as_bytes()),
            Err(Error::LimitExceeded { .. })
        ));
        for (text, field) in [
            ("[]", "provenance"),
            (r#"{"version":2,"attestation_bundles":[]}"#, "version"),
            (r#"{"version":1}"#, "attestation_bundles"),
            (r#"{"attestation_bundles":[7]}"#, "attestation_bundles"),
            (
                r#"{"attestation_bundles":[{"publisher":{"kind":"Google","email":"a@b"}}]}"#,
                "attestations",
            ),
        ] {
            assert_eq!(
                Provenance::from_json(text.as_bytes()).err(),
                Some(Error::PypiProvenanceInvalid { field }),
                "{text}"
            );
        }
        // A missing version is 1, as pypi-attestations reads it.
        let no_version = r#"{"attestation_bundles":[]}"#;
        assert_eq!(
            Provenance::from_json(no_version.as_bytes())
                .unwrap()
                .bundles
                .len(),
            0
        );
    }
}
