//! The PEP 740 attestation object, and the Sigstore bundle it stands for.

use alloc::borrow::Cow;
use alloc::vec::Vec;

use crate::Bundle;
use crate::Error;
use crate::encoding;
use crate::intoto;
use crate::json::borrowed::Json;
use crate::json::last_member;
use crate::json::parse;
use crate::json::parse::RawMembers;
use crate::json::write_string;
use crate::limits;
use crate::limits::Limit;

/// A PEP 740 attestation object: `{"version": 1, "verification_material": {"certificate",
/// "transparency_entries"}, "envelope": {"statement", "signature"}}`. Parsing checks its shape
/// only; [`Attestation::to_bundle`] hands it to the bundle parser, and verification decides.
#[derive(Clone, Debug, PartialEq)]
pub struct Attestation {
    certificate: Vec<u8>,
    /// The first transparency entry, as the bytes it was written with.
    transparency_entry: Vec<u8>,
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
        Self::from_raw(input)
    }

    /// Reads an attestation object from its JSON text (an item of a provenance too).
    pub(crate) fn from_raw(input: &[u8]) -> Result<Self, Error> {
        let invalid = |field| Error::PypiAttestationInvalid { field };
        let top = parse::raw_members(input, limits::MAX_JSON_DEPTH)
            .map_err(|_| invalid("attestation"))?;
        let version = last_member(&top, "version").map(|v| parse::parse(v, 0));
        if !matches!(version, Some(Ok(Json::Number("1")))) {
            return Err(invalid("version"));
        }
        let material = object(
            last_member(&top, "verification_material"),
            "verification_material",
        )?;
        let envelope = object(last_member(&top, "envelope"), "envelope")?;
        let entries = last_member(&material, "transparency_entries")
            .and_then(|raw| parse::raw_elements(raw, limits::MAX_JSON_DEPTH).ok())
            .ok_or(invalid("transparency_entries"))?;
        limits::check(entries.len(), limits::MAX_TLOG_ENTRIES, Limit::TlogEntries)?;
        // pypi-attestations builds its bundle from the first entry alone, and so do we: a
        // second entry would count towards thresholds it never counted towards.
        let first = entries
            .first()
            .filter(|_| entries.iter().all(|e| e.first() == Some(&b'{')))
            .ok_or(invalid("transparency_entries"))?;
        Ok(Self {
            certificate: base64(&material, "certificate")?,
            transparency_entry: first.to_vec(),
            statement: base64(&envelope, "statement")?,
            signature: base64(&envelope, "signature")?,
        })
    }

    /// The in-toto statement's bytes, as signed (unverified until verification says so).
    pub fn statement(&self) -> &[u8] {
        &self.statement
    }

    /// The Sigstore bundle v0.3 this attestation stands for, as JSON: the certificate, the first
    /// transparency entry, and an in-toto DSSE envelope of the statement with its one signature.
    pub fn to_bundle_json(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(
            self.transparency_entry.len() + (self.certificate.len() + self.statement.len()) * 2,
        );
        let mut put = |piece: &str| out.extend_from_slice(piece.as_bytes());
        put(r#"{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","#);
        put(r#""verificationMaterial":{"certificate":{"rawBytes":"#);
        write_string(&mut out, &encoding::base64_encode(&self.certificate));
        out.extend_from_slice(br#"},"tlogEntries":["#);
        out.extend_from_slice(&self.transparency_entry);
        out.extend_from_slice(br#"]},"dsseEnvelope":{"payload":"#);
        write_string(&mut out, &encoding::base64_encode(&self.statement));
        out.extend_from_slice(br#","payloadType":"#);
        write_string(&mut out, intoto::PAYLOAD_TYPE);
        out.extend_from_slice(br#","signatures":[{"sig":"#);
        write_string(&mut out, &encoding::base64_encode(&self.signature));
        out.extend_from_slice(b"}]}}");
        out
    }

    /// The bundle this attestation stands for, parsed (its errors are the bundle parser's).
    pub fn to_bundle(&self) -> Result<Bundle, Error> {
        Bundle::from_json(&self.to_bundle_json())
    }
}

/// An object field's members, each as written.
fn object<'a>(raw: Option<&'a [u8]>, field: &'static str) -> Result<RawMembers<'a>, Error> {
    raw.and_then(|raw| parse::raw_members(raw, limits::MAX_JSON_DEPTH).ok())
        .ok_or(Error::PypiAttestationInvalid { field })
}

/// A base64 field as `pypi-attestations` reads it: standard alphabet, padded.
fn base64(members: &[(Cow<'_, str>, &[u8])], field: &'static str) -> Result<Vec<u8>, Error> {
    last_member(members, field)
        .and_then(|raw| match parse::parse(raw, 0) {
            Ok(Json::Str(text)) => encoding::base64_decode(&text),
            _ => None,
        })
        .filter(|bytes| !bytes.is_empty())
        .ok_or(Error::PypiAttestationInvalid { field })
}

#[cfg(test)]
mod tests {
    use alloc::string::String;
    use alloc::string::ToString;

    use super::*;

    const GOOD: &str = r#"{"version":1,"verification_material":{"certificate":"AQID","transparency_entries":[{"logIndex":"1"}]},"envelope":{"statement":"e30=","signature":"BAU="},"extra":true}"#;

    #[test]
    fn a_well_formed_object_becomes_a_v03_dsse_bundle() {
        let a = Attestation::from_json(GOOD.as_bytes()).unwrap();
        assert_eq!(a.statement(), b"{}");
        let json = a.to_bundle_json();
        let bundle = parse::parse(&json, 8).unwrap();
        let at = |path: &[&str]| {
            let mut v = Some(&bundle);
            for step in path {
                v = match step.parse::<usize>() {
                    Ok(i) => v.and_then(Json::as_array).and_then(|a| a.get(i)),
                    Err(_) => v.and_then(|o| o.get(step)),
                };
            }
            v.and_then(Json::as_str).map(ToString::to_string)
        };
        assert_eq!(
            at(&["mediaType"]).as_deref(),
            Some("application/vnd.dev.sigstore.bundle.v0.3+json")
        );
        assert_eq!(
            at(&["verificationMaterial", "certificate", "rawBytes"]).as_deref(),
            Some("AQID")
        );
        assert_eq!(
            at(&["verificationMaterial", "tlogEntries", "0", "logIndex"]).as_deref(),
            Some("1")
        );
        assert_eq!(at(&["dsseEnvelope", "payload"]).as_deref(), Some("e30="));
        assert_eq!(
            at(&["dsseEnvelope", "payloadType"]).as_deref(),
            Some(intoto::PAYLOAD_TYPE)
        );
        assert_eq!(
            at(&["dsseEnvelope", "signatures", "0", "sig"]).as_deref(),
            Some("BAU=")
        );
        // The entry is handed on as written, a repeated member included.
        let twice = GOOD.replace(r#"{"logIndex":"1"}"#, r#"{"logIndex":"1","logIndex":"2"}"#);
        let json = Attestation::from_json(twice.as_bytes())
            .unwrap()
            .to_bundle_json();
        let entry = br#"{"logIndex":"1","logIndex":"2"}"#;
        assert!(
            json.windows(entry.len()).any(|w| w == entry),
            "{}",
            String::from_utf8_lossy(&json)
        );
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
