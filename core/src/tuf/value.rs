//! TUF metadata as a JSON tree that keeps exactly what was signed, and its canonical form.
//!
//! TUF signs the canonical JSON of `signed` (securesystemslib's rules), not the bytes on the
//! wire: Sigstore's files are pretty-printed. So the reader keeps every value, and
//! [`Value::write_canonical`] renders it again: object keys sorted by code point (UTF-8 byte
//! order), no whitespace, strings escaped only for `\` and `"`, integers in plain decimal.
//!
//! Stricter than Python's `json` where a lax reading would let two readers disagree on what
//! was signed: a duplicate object key, a non-integer number (securesystemslib cannot
//! canonicalize floats) and a lone UTF-16 surrogate are refused.

use alloc::string::String;
use alloc::vec::Vec;

use crate::json::borrowed::Json;
use crate::json::parse::ParseError;
use crate::json::parse::parse;

/// Why the bytes are not a TUF JSON document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JsonError {
    /// Not JSON (RFC 8259), or trailing data.
    Syntax,
    /// An object names the same key twice.
    DuplicateKey,
    /// A value with no canonical form: a fraction or exponent, or a lone surrogate.
    NotCanonical,
    /// Nested deeper than [`crate::limits::MAX_JSON_DEPTH`].
    TooDeep,
}

/// One JSON value. Integers keep their normalized decimal text, so any size round-trips as
/// Python's integers do; the metadata reader converts the ones it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Integer(String),
    String(String),
    Array(Vec<Value>),
    /// Members sorted by key bytes, keys unique.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// Parses one JSON document, refusing what has no single canonical reading.
    pub(crate) fn parse(input: &[u8], max_depth: usize) -> Result<Self, JsonError> {
        let tree = parse(input, max_depth).map_err(|e| match e {
            ParseError::Syntax => JsonError::Syntax,
            ParseError::LoneSurrogate => JsonError::NotCanonical,
            ParseError::TooDeep => JsonError::TooDeep,
        })?;
        Self::from_tree(&tree)
    }

    fn from_tree(tree: &Json<'_>) -> Result<Self, JsonError> {
        Ok(match tree {
            Json::Null => Self::Null,
            Json::Bool(b) => Self::Bool(*b),
            Json::Number(text) => Self::Integer(integer(text)?),
            Json::Str(s) => Self::String(s.as_ref().into()),
            Json::Array(items) => Self::Array(
                items
                    .iter()
                    .map(Self::from_tree)
                    .collect::<Result<_, _>>()?,
            ),
            Json::Object(members) => {
                let mut sorted: Vec<(String, Value)> = Vec::with_capacity(members.len());
                for (key, value) in members {
                    let value = Self::from_tree(value)?;
                    match sorted.binary_search_by(|(k, _)| k.as_str().cmp(key)) {
                        Ok(_) => return Err(JsonError::DuplicateKey),
                        Err(i) => sorted.insert(i, (key.as_ref().into(), value)),
                    }
                }
                Self::Object(sorted)
            }
        })
    }

    /// The member `key` of an object; `None` for a missing key or a non-object.
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Self::Object(members) => members
                .binary_search_by(|(k, _)| k.as_str().cmp(key))
                .ok()
                .and_then(|i| members.get(i))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// Appends the canonical JSON of this value to `out`.
    pub(crate) fn write_canonical(&self, out: &mut Vec<u8>) {
        match self {
            Self::Null => out.extend_from_slice(b"null"),
            Self::Bool(true) => out.extend_from_slice(b"true"),
            Self::Bool(false) => out.extend_from_slice(b"false"),
            Self::Integer(digits) => out.extend_from_slice(digits.as_bytes()),
            Self::String(s) => write_string(s, out),
            Self::Array(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    item.write_canonical(out);
                }
                out.push(b']');
            }
            Self::Object(members) => {
                out.push(b'{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    write_string(k, out);
                    out.push(b':');
                    v.write_canonical(out);
                }
                out.push(b'}');
            }
        }
    }
}

fn write_string(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    for b in s.bytes() {
        if b == b'"' || b == b'\\' {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b'"');
}

/// A TUF integer: JSON's integer grammar (the reader checked it) without fraction or
/// exponent. `-0` reads as `0`, as Python's `int` does.
fn integer(text: &str) -> Result<String, JsonError> {
    if text.contains(['.', 'e', 'E']) {
        return Err(JsonError::NotCanonical);
    }
    Ok(String::from(if text == "-0" { "0" } else { text }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(s: &str) -> Result<String, JsonError> {
        let v = Value::parse(s.as_bytes(), 8)?;
        let mut out = Vec::new();
        v.write_canonical(&mut out);
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn canonical_form_sorts_keys_and_drops_whitespace() {
        assert_eq!(
            canonical(
                "{ \"b\" : [1, -0, true, null],\n \"a\": {\"z\": \"x\", \"\u{e9}\": 1, \"A\": 2} }"
            )
            .unwrap(),
            "{\"a\":{\"A\":2,\"z\":\"x\",\"\u{e9}\":1},\"b\":[1,0,true,null]}"
        );
    }

    #[test]
    fn canonical_strings_escape_only_quote_and_backslash() {
        assert_eq!(
            canonical(r#""a\"b\\c\n\u00e9\/""#).unwrap(),
            "\"a\\\"b\\\\c\n\u{e9}/\""
        );
        assert_eq!(canonical(r#""\ud83d\ude00""#).unwrap(), "\"\u{1f600}\"");
    }

    #[test]
    fn big_integers_round_trip_as_text() {
        assert_eq!(
            canonical("123456789012345678901234567890").unwrap(),
            "123456789012345678901234567890"
        );
    }

    #[test]
    fn what_has_no_single_reading_is_refused() {
        assert_eq!(canonical(r#"{"a":1,"a":1}"#), Err(JsonError::DuplicateKey));
        assert_eq!(canonical("1.0"), Err(JsonError::NotCanonical));
        assert_eq!(canonical("1e3"), Err(JsonError::NotCanonical));
        assert_eq!(canonical(r#""\ud800""#), Err(JsonError::NotCanonical));
        assert_eq!(canonical(r#""\udc00x""#), Err(JsonError::NotCanonical));
        assert_eq!(canonical("01"), Err(JsonError::Syntax));
        assert_eq!(canonical("{} x"), Err(JsonError::Syntax));
        assert_eq!(canonical("\"a\u{1}\""), Err(JsonError::Syntax));
        assert_eq!(canonical("[1,]"), Err(JsonError::Syntax));
        assert_eq!(canonical("\"\\x\""), Err(JsonError::Syntax));
        assert_eq!(canonical(""), Err(JsonError::Syntax));
        assert_eq!(canonical("-"), Err(JsonError::Syntax));
    }

    #[test]
    fn depth_is_bounded_at_the_limit() {
        let at = "[".repeat(8) + &"]".repeat(8);
        let past = "[".repeat(9) + &"]".repeat(9);
        assert!(Value::parse(at.as_bytes(), 8).is_ok());
        assert_eq!(Value::parse(past.as_bytes(), 8), Err(JsonError::TooDeep));
    }

    #[test]
    fn get_finds_members_of_objects_only() {
        let v = Value::parse(br#"{"b":1,"a":"x"}"#, 4).unwrap();
        assert_eq!(v.get("a"), Some(&Value::String("x".into())));
        assert_eq!(v.get("c"), None);
        assert_eq!(Value::Null.get("a"), None);
    }
}
