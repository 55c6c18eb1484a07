//! Reading a verified DSSE payload as an in-toto statement (`in-toto/attestation` v1 and
//! v0.1): its type, its subjects with their digests, and its predicate type, so that callers
//! can say what was attested and require a predicate type. The predicate itself stays in the
//! payload bytes, for the caller's JSON reader.

use crate::sorted_map::SortedMap;
use alloc::string::String;
use alloc::vec::Vec;

use crate::Error;
use crate::json::borrowed::Json;
use crate::json::parse::parse_object_keeping;
use crate::limits;
use crate::limits::Limit;

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
    /// `uri` (empty when absent or not a string): how a subject names what has no file name,
    /// e.g. a release's tag as `pkg:github/OWNER/REPO@TAG`.
    pub uri: String,
    /// `digest`: algorithm name to hex as written, sorted by algorithm (only string values).
    pub digests: Vec<(String, String)>,
}

/// A verified DSSE payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The envelope's payload type.
    pub payload_type: String,
    /// The payload bytes (an in-toto statement).
    pub payload: Vec<u8>,
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
        let tree = statement_tree(&self.payload)?;
        Ok(InToto {
            statement_type: text(tree.get("_type")),
            predicate_type: text(tree.get("predicateType")),
            subjects: subjects(&tree)?
                .iter()
                .map(|s| {
                    // Sorted by algorithm, each once with its last value, in O(n log n).
                    let mut last: SortedMap<&str, &Json<'_>> = SortedMap::new();
                    for (alg, value) in digest_members(s) {
                        last.insert(alg, value);
                    }
                    Subject {
                        name: text(s.get("name")),
                        uri: text(s.get("uri")),
                        digests: last
                            .into_iter()
                            .filter_map(|(alg, hex)| Some((alg.into(), hex.as_str()?.into())))
                            .collect(),
                    }
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

/// The payload as a JSON tree of a statement's shape: an object whose `subject`, when
/// present, is an array of objects whose `digest`, when present, is an object. Only the members
/// read here are built: the predicate (most of a provenance statement) is checked as JSON but
/// not kept; as a tree it took ~10 KiB of a microcontroller's heap (embedded/figures.sh). A
/// repeated member reads as its last value, as `JSON.parse` and Python's `json` read it.
pub(crate) fn statement_tree(payload: &[u8]) -> Result<Json<'_>, Error> {
    shaped_tree(payload, &["_type", "predicateType", "subject"])
}

/// [`statement_tree`] that also keeps `predicate`, for a reader of a predicate of its own
/// (`firmware`): one pass over the payload for its shape and its predicate.
pub(crate) fn statement_tree_with_predicate(payload: &[u8]) -> Result<Json<'_>, Error> {
    shaped_tree(payload, &["_type", "predicateType", "subject", "predicate"])
}

fn shaped_tree<'p>(payload: &'p [u8], keep: &[&str]) -> Result<Json<'p>, Error> {
    crate::json::check_depth(payload, limits::MAX_JSON_DEPTH)?;
    let tree = parse_object_keeping(payload, limits::MAX_JSON_DEPTH, keep)
        .map_err(|_| Error::DsseStatementInvalid)?;
    let subjects = subjects(&tree)?;
    limits::check(subjects.len(), limits::MAX_SUBJECTS, Limit::Subjects)?;
    for subject in subjects {
        if subject.as_object().is_none()
            || subject
                .get("digest")
                .is_some_and(|d| d.as_object().is_none())
        {
            return Err(Error::DsseStatementInvalid);
        }
    }
    Ok(tree)
}

/// The statement's subjects (none when absent); each is an object once
/// [`statement_tree`] accepted the tree.
pub(crate) fn subjects<'t, 'p>(tree: &'t Json<'p>) -> Result<&'t [Json<'p>], Error> {
    match tree.get("subject") {
        None => Ok(&[]),
        Some(Json::Array(subjects)) => Ok(subjects),
        Some(_) => Err(Error::DsseStatementInvalid),
    }
}

/// A subject's `digest` members in document order, a repeated algorithm as often as it
/// appears: readers take the last (as `JSON.parse` and Python's `json` do).
pub(crate) fn digest_members<'t, 'p>(
    subject: &'t Json<'p>,
) -> &'t [(alloc::borrow::Cow<'p, str>, Json<'p>)] {
    subject
        .get("digest")
        .and_then(Json::as_object)
        .unwrap_or_default()
}

/// Read as leniently as subject matching reads it: a value of another JSON type reads as empty.
fn text(v: Option<&Json<'_>>) -> String {
    v.and_then(Json::as_str)
        .map(String::from)
        .unwrap_or_default()
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
                uri: String::new(),
                digests: alloc::vec![
                    ("sha256".to_owned(), "cd".to_owned()),
                    ("sha512".to_owned(), "AB".to_owned())
                ],
            }]
        );
    }

    #[test]
    fn only_the_read_members_are_kept_and_the_rest_must_still_parse() {
        let kept = statement_tree(
            br#"{"subject":[],"predicate":{"big":[1,2,{"x":null}]},"_type":"t","subject":[{"name":"b"}],"x":1}"#,
        )
        .unwrap();
        let keys: Vec<&str> = kept
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, _)| k.as_ref())
            .collect();
        assert_eq!(keys, ["subject", "_type", "subject"]);
        assert_eq!(
            subjects(&kept).unwrap()[0]
                .get("name")
                .and_then(Json::as_str),
            Some("b"),
            "a repeated member reads as its last value"
        );
        for bad in [
            &br#"{"predicate":{"a":}}"#[..],
            br#"[{"subject":[]}]"#,
            br#""text""#,
            br#"{"subject":{}}"#,
        ] {
            assert_eq!(statement_tree(bad), Err(Error::DsseStatementInvalid));
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
                uri: String::new(),
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
