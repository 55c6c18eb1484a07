//! The PEP 740 attestation object, and the Sigstore bundle it stands for.

use alloc::string::String;
use alloc::vec::Vec;

use serde_json::Map;
use serde_json::Value;

use crate::Bundle;
use crate::Error;
use crate::encoding;
use crate::intoto;
use crate::limits;
use crate::limits::Limit;

/// A PEP 740 attestation object: `{"version": 1, "verification_material": {"certificate",
/// "transparency_entries"}, "envelope": {"statement", "signature"}}`. Parsing checks its shape
/// only; [`Attestation::to_bundle`] hands it to the bundle parser, and verification decides.
#[derive(Clone, Debug, PartialEq)]
pub struct Attestation {
    certificate: Vec<u8>,
    transparency_entry: Value,
    statement: Vec<u8>,
    signature: Vec<u8>,
}

impl Attestation {
    /// Reads an attestation object from JSON. Fields it does not know are ignored, as
    /// `pypi-attestations` ignores them. Errors: `LIMIT_EXCEEDED` (size, depth),
    /// `PYPI_ATTESTATION_INVALID` naming the field.
    pub fn from_json(input: &[u8]) -> Result<Self, Error> {
        limits::check(input.len(), limits::MAX_BUNDLE_BYTES, Limit::BundleBytes)?;
        crate::json::check_depth(input, limits::MAX_JSON_DEPTH)?;
        let value: Value =
            serde_json::from_slice(input).map_err(|_| Error::PypiAttestationInvalid {
                field: "attestation",
            })?;
        Self::from_value(&value)
    }

    /// Reads an attestation object from a parsed JSON value (an item of a provenance).
    pub(crate) fn from_value(value: &Value) -> Result<Self, Error> {
        let top = object(value, "attestation")?;
        if top.get("version").and_then(Value::as_u64) != Some(1) {
            return Err(Error::PypiAttestationInvalid { field: "version" });
        }
        let material = object(
            top.get("verification_material").unwrap_or(&Value::Null),
            "verification_material",
        )?;
        let envelope = object(top.get("envelope").unwrap_or(&Value::Null), "envelope")?;
        let entries = material
            .get("transparency_entries")
            .and_then(Value::as_array)
            .ok_or(Error::PypiAttestationInvalid {
                field: "transparency_entries",
            })?;
        limits::check(entries.len(), limits::MAX_TLOG_ENTRIES, Limit::TlogEntries)?;
        // pypi-attestations builds its bundle from the first entry alone, and so do we: a
        // second entry would count towards thresholds it never counted towards.
        let first = entries
            .first()
            .filter(|_| entries.iter().all(Value::is_object))
            .ok_or(Error::PypiAttestationInvalid {
                field: "transparency_entries",
            })?;
        Ok(Self {
            certificate: base64(material, "certificate")?,
            transparency_entry: first.clone(),
            statement: base64(envelope, "statement")?,
            signature: base64(envelope, "signature")?,
        })
    }

    /// The in-toto statement's bytes, as signed (unverified until verification says so).
    pub fn statement(&self) -> &[u8] {
        &self.statement
    }

    /// The Sigstore bundle v0.3 this attestation stands for, as JSON: the certificate, the first
    /// transparency entry, and an in-toto DSSE envelope of the statement with its one signature.
    pub fn to_bundle_json(&self) -> Vec<u8> {
        let mut certificate = Map::new();
        certificate.insert(
            "rawBytes".into(),
            encoding::base64_encode(&self.certificate).into(),
        );
        let mut material = Map::new();
        material.insert("certificate".into(), certificate.into());
        material.insert(
            "tlogEntries".into(),
            Value::Array(alloc::vec![self.transparency_entry.clone()]),
        );
        let mut signature = Map::new();
        signature.insert(
            "sig".into(),
            encoding::base64_encode(&self.signature).into(),
        );
        let mut envelope = Map::new();
        envelope.insert(
            "payload".into(),
            encoding::base64_encode(&self.statement).into(),
        );
        envelope.insert("payloadType".into(), intoto::PAYLOAD_TYPE.into());
        envelope.insert(
            "signatures".into(),
            Value::Array(alloc::vec![signature.into()]),
        );
        let mut bundle = Map::new();
        bundle.insert(
            "mediaType".into(),
            "application/vnd.dev.sigstore.bundle.v0.3+json".into(),
        );
        bundle.insert("verificationMaterial".into(), material.into());
        bundle.insert("dsseEnvelope".into(), envelope.into());
        // Serialising a tree of strings, arrays and objects cannot fail.
        serde_json::to_vec(&Value::Object(bundle)).unwrap_or_default()
    }

    /// The bundle this attestation stands for, parsed (its errors are the bundle parser's).
    pub fn to_bundle(&self) -> Result<Bundle, Error> {
        Bundle::from_json(&self.to_bundle_json())
    }
}

fn object<'a>(value: &'a Value, field: &'static str) -> Result<&'a Map<String, Value>, Error> {
    value
        .as_object()
        .ok_or(Error::PypiAttestationInvalid { field })
}

/// A base64 field as `pypi-attestations` reads it: standard alphabet, padded.
fn base64(map: &Map<String, Value>, field: &'static str) -> Result<Vec<u8>, Error> {
    map.get(field)
        .and_then(Value::as_str)
        .and_then(encoding::base64_decode)
        .filter(|bytes| !bytes.is_empty())
        .ok_or(Error::PypiAttestationInvalid { field })
}

#[cfg(test)]
mod tests {
    use alloc::string::ToString;

    use super::*;

    const GOOD: &str = r#"{"version":1,"verification_material":{"certificate":"AQID","transparency_entries":[{"logIndex":"1"}]},"envelope":{"statement":"e30=","signature":"BAU="},"extra":true}"#;

    #[test]
    fn a_well_formed_object_becomes_a_v03_dsse_bundle() {
        let a = Attestation::from_json(GOOD.as_bytes()).unwrap();
        assert_eq!(a.statement(), b"{}");
        let bundle: Value = serde_json::from_slice(&a.to_bundle_json()).unwrap();
        assert_eq!(
            bundle["mediaType"],
            "application/vnd.dev.sigstore.bundle.v0.3+json"
        );
        assert_eq!(
            bundle["verificationMaterial"]["certificate"]["rawBytes"],
            "AQID"
        );
        assert_eq!(
            bundle["verificationMaterial"]["tlogEntries"][0]["logIndex"],
            "1"
        );
        assert_eq!(bundle["dsseEnvelope"]["payload"], "e30=");
        assert_eq!(bundle["dsseEnvelope"]["payloadType"], intoto::PAYLOAD_TYPE);
        assert_eq!(bundle["dsseEnvelope"]["signatures"][0]["sig"], "BAU=");
        // The tlog entry is incomplete: the bundle parser says so.
        assert_eq!(
            a.to_bundle().err(),
            Some(Error::BundleJsonInvalid { path: "bundle" })
        );
    }

    #[test]
    fn each_malformed_field_is_named() {
        let cases = [
            ("not json", "attestation"),
            ("[]", "attestation"),
            (r#"{"version":2}"#, "version"),
            (r#"{"version":1.0}"#, "version"),
            (r#"{"version":"1"}"#, "version"),
            (r#"{"version":1}"#, "verification_material"),
            (r#"{"version":1,"verification_material":{}}"#, "envelope"),
        ];
        for (text, field) in cases {
            assert_eq!(
                Attestation::from_json(text.as_bytes()).err(),
                Some(Error::PypiAttestationInvalid { field }),
                "{text}"
            );
        }
        let edit =
            |from: &str, to: &str| Attestation::from_json(GOOD.replace(from, to).as_bytes()).err();
        let invalid = |field| Some(Error::PypiAttestationInvalid { field });
        assert_eq!(
            edit("[{\"logIndex\":\"1\"}]", "[]"),
            invalid("transparency_entries")
        );
        assert_eq!(
            edit("[{\"logIndex\":\"1\"}]", "[7]"),
            invalid("transparency_entries")
        );
        assert_eq!(edit("\"AQID\"", "\"AQI\""), invalid("certificate"));
        assert_eq!(edit("\"AQID\"", "\"\""), invalid("certificate"));
        assert_eq!(edit("\"e30=\"", "\"e30\""), invalid("statement"));
        assert_eq!(edit("\"BAU=\"", "5"), invalid("signature"));
        let many = alloc::format!("[{}]", ["{}"; limits::MAX_TLOG_ENTRIES + 1].join(","));
        assert_eq!(
            edit("[{\"logIndex\":\"1\"}]", &many),
            Some(Error::LimitExceeded {
                limit: Limit::TlogEntries
            })
        );
    }

    #[test]
    fn size_and_depth_are_bounded() {
        let deep = "[".repeat(limits::MAX_JSON_DEPTH + 1);
        assert!(matches!(
            Attestation::from_json(deep.as_bytes()),
            Err(Error::LimitExceeded { .. })
        ));
        let big = " ".repeat(limits::MAX_BUNDLE_BYTES + 1);
        assert_eq!(
            Attestation::from_json(big.as_bytes()).err(),
            Some(Error::LimitExceeded {
                limit: Limit::BundleBytes
            })
        );
        assert!(
            !Error::PypiAttestationInvalid { field: "x" }
                .to_string()
                .is_empty()
        );
    }
}
