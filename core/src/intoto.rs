//! Reading a verified DSSE payload as an in-toto statement (`in-toto/attestation` v1 and
//! v0.1): its type, its subjects with their digests, and its predicate type, so that callers
//! can say what was attested and require a predicate type. The predicate itself stays in the
//! payload bytes, for the caller's JSON reader.

use alloc::collections::BTreeMap;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Deserialize;
use serde_json::Value;

use crate::Error;
use crate::limits;
use crate::limits::Limit;
use crate::verifier::Statement;

/// The in-toto payload type Sigstore attestations use.
pub const PAYLOAD_TYPE: &str = "application/vnd.in-toto+json";

/// An in-toto statement, read from a verified payload.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct InToto {
    /// `_type`: `https://in-toto.io/Statement/v1` (or v0.1).
    pub statement_type: String,
    /// `predicateType`, e.g. `https://slsa.dev/provenance/v1`.
    pub predicate_type: String,
    /// The subjects, in the statement's order.
    pub subjects: Vec<Subject>,
}

/// One subject of an in-toto statement.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Subject {
    /// `name` (empty when absent or not a string).
    pub name: String,
    /// `digest`: algorithm name to hex as written, sorted by algorithm (only string values).
    pub digests: Vec<(String, String)>,
}

impl Statement {
    /// The payload as an in-toto statement: `DSSE_PAYLOAD_TYPE_UNSUPPORTED` for another payload
    /// type (e.g. `text/plain`), `DSSE_STATEMENT_INVALID` when it is not a JSON object whose
    /// `subject` (when present) is an array of objects. A missing or non-string `_type`,
    /// `predicateType`, `name` reads as empty, and a digest that is not a string is left out,
    /// as subject matching ignores them.
    pub fn in_toto(&self) -> Result<InToto, Error> {
        if self.payload_type != PAYLOAD_TYPE {
            return Err(Error::DssePayloadTypeUnsupported);
        }
        let raw: Raw = serde_json::from_value(statement_value(&self.payload)?)
            .map_err(|_| Error::DsseStatementInvalid)?;
        Ok(InToto {
            statement_type: text(raw.statement_type),
            predicate_type: text(raw.predicate_type),
            subjects: raw
                .subject
                .into_iter()
                .map(|s| Subject {
                    name: text(s.name),
                    digests: s
                        .digest
                        .into_iter()
                        .filter_map(|(alg, hex)| match hex {
                            Value::String(hex) => Some((alg, hex)),
                            _ => None,
                        })
                        .collect(),
                })
                .collect(),
        })
    }

    /// Requires the in-toto predicate type `want` (compared exactly), as `cosign
    /// verify-attestation --type` and `gh attestation verify --predicate-type` do:
    /// `DSSE_PREDICATE_TYPE_MISMATCH` names the type found.
    pub fn check_predicate_type(&self, want: &str) -> Result<(), Error> {
        let found = self.in_toto()?.predicate_type;
        if found == want {
            Ok(())
        } else {
            Err(Error::DssePredicateTypeMismatch { found })
        }
    }
}

/// Read as leniently as subject matching reads it (`dsse::check_subject`), so that every
/// statement a verification accepts can be shown: fields of another JSON type read as empty.
#[derive(Deserialize)]
struct Raw {
    #[serde(rename = "_type", default)]
    statement_type: Value,
    #[serde(rename = "predicateType", default)]
    predicate_type: Value,
    #[serde(default)]
    subject: Vec<RawSubject>,
}

#[derive(Deserialize)]
struct RawSubject {
    #[serde(default)]
    name: Value,
    #[serde(default)]
    digest: BTreeMap<String, Value>,
}

/// The payload as a JSON tree of a statement's shape: an object whose `subject`, when
/// present, is an array of objects whose `digest`, when present, is an object. serde would
/// also read a struct from a JSON array, which no in-toto statement is, so the shape is
/// checked before any struct is read from the tree.
pub(crate) fn statement_value(payload: &[u8]) -> Result<Value, Error> {
    crate::json::check_depth(payload, limits::MAX_JSON_DEPTH)?;
    let Kept(object) = serde_json::from_slice(payload).map_err(|_| Error::DsseStatementInvalid)?;
    let subjects = match object.get("subject") {
        None => &[][..],
        Some(Value::Array(subjects)) => subjects.as_slice(),
        Some(_) => return Err(Error::DsseStatementInvalid),
    };
    limits::check(subjects.len(), limits::MAX_SUBJECTS, Limit::Subjects)?;
    for subject in subjects {
        let subject = subject.as_object().ok_or(Error::DsseStatementInvalid)?;
        if subject.get("digest").is_some_and(|d| !d.is_object()) {
            return Err(Error::DsseStatementInvalid);
        }
    }
    Ok(Value::Object(object))
}

/// A statement's top-level object with only the members anything here reads; the predicate
/// (most of a provenance statement) is parsed, so the payload must still be valid JSON, but
/// not kept: as a tree it took ~10 KiB of a microcontroller's heap (embedded/figures.sh).
/// A repeated member keeps its last value, as a full parse does.
struct Kept(serde_json::Map<String, Value>);

impl<'de> Deserialize<'de> for Kept {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(KeptVisitor)
    }
}

struct KeptVisitor;

impl<'de> serde::de::Visitor<'de> for KeptVisitor {
    type Value = Kept;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("an in-toto statement object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Kept, A::Error> {
        let mut kept = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if matches!(key.as_str(), "_type" | "predicateType" | "subject") {
                let value: Value = map.next_value()?;
                kept.insert(key, value);
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(Kept(kept))
    }
}

fn text(v: Value) -> String {
    match v {
        Value::String(s) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use alloc::borrow::ToOwned;

    use super::*;

    fn statement(payload_type: &str, payload: &str) -> Statement {
        Statement {
            payload_type: payload_type.to_owned(),
            payload: payload.as_bytes().to_vec(),
        }
    }

    const SLSA: &str = r#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a.tgz","digest":{"sha512":"AB","sha256":"cd"}}],"predicateType":"https://slsa.dev/provenance/v1","predicate":{"x":1}}"#;

    #[test]
    fn reads_type_subjects_and_predicate_type() {
        let s = statement(PAYLOAD_TYPE, SLSA).in_toto().unwrap();
        assert_eq!(s.statement_type, "https://in-toto.io/Statement/v1");
        assert_eq!(s.predicate_type, "https://slsa.dev/provenance/v1");
        assert_eq!(
            s.subjects,
            [Subject {
                name: "a.tgz".to_owned(),
                digests: alloc::vec![
                    ("sha256".to_owned(), "cd".to_owned()),
                    ("sha512".to_owned(), "AB".to_owned())
                ],
            }]
        );
    }

    #[test]
    fn only_the_read_members_are_kept_and_the_rest_must_still_parse() {
        let kept = statement_value(
            br#"{"subject":[],"predicate":{"big":[1,2,{"x":null}]},"_type":"t","subject":[{"name":"b"}],"x":1}"#,
        )
        .unwrap();
        let object = kept.as_object().unwrap();
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["_type", "subject"]);
        assert_eq!(
            object["subject"][0]["name"], "b",
            "a repeated member keeps its last value"
        );
        for bad in [
            &br#"{"predicate":{"a":}}"#[..],
            br#"[{"subject":[]}]"#,
            br#""text""#,
            br#"{"subject":{}}"#,
        ] {
            assert_eq!(statement_value(bad), Err(Error::DsseStatementInvalid));
        }
    }

    #[test]
    fn predicate_type_must_match_exactly() {
        let s = statement(PAYLOAD_TYPE, SLSA);
        assert_eq!(
            s.check_predicate_type("https://slsa.dev/provenance/v1"),
            Ok(())
        );
        assert_eq!(
            s.check_predicate_type("https://slsa.dev/provenance/v1/"),
            Err(Error::DssePredicateTypeMismatch {
                found: "https://slsa.dev/provenance/v1".to_owned()
            })
        );
    }

    #[test]
    fn other_payloads_and_malformed_statements_are_named() {
        let text = statement("text/plain", "hello");
        assert_eq!(text.in_toto(), Err(Error::DssePayloadTypeUnsupported));
        assert_eq!(
            text.check_predicate_type("x"),
            Err(Error::DssePayloadTypeUnsupported)
        );
        for bad in ["[]", "{", r#"{"subject":{}}"#, r#"{"subject":[1]}"#] {
            assert_eq!(
                statement(PAYLOAD_TYPE, bad).in_toto(),
                Err(Error::DsseStatementInvalid),
                "{bad}"
            );
        }
        // What subject matching ignores reads as empty, and still fails a predicate type.
        let odd = statement(
            PAYLOAD_TYPE,
            r#"{"_type":1,"subject":[{"name":2,"digest":{"sha256":"ab","gitCommit":3}}]}"#,
        );
        let read = odd.in_toto().unwrap();
        assert_eq!(
            (read.statement_type.as_str(), read.predicate_type.as_str()),
            ("", "")
        );
        assert_eq!(
            read.subjects,
            [Subject {
                name: String::new(),
                digests: alloc::vec![("sha256".to_owned(), "ab".to_owned())],
            }]
        );
        assert_eq!(
            odd.check_predicate_type("p"),
            Err(Error::DssePredicateTypeMismatch {
                found: String::new()
            })
        );
        let deep = "[".repeat(limits::MAX_JSON_DEPTH + 1);
        assert!(matches!(
            statement(PAYLOAD_TYPE, &deep).in_toto(),
            Err(Error::LimitExceeded { .. })
        ));
    }
}
