//! Reading protobuf-JSON messages (bundles, trusted roots) from a [`Json`] tree, field by
//! field, with the rules the Sigstore protobuf-specs' JSON form has and every reference client
//! applies: unknown fields are ignored, a message is a JSON object, `null` means absent for a
//! message field, a repeated field is an array, a field may be named by its JSON name or its
//! proto name, and a field named twice, under either spelling, is an error (as protojson
//! refuses it).

use alloc::borrow::Cow;
use alloc::vec::Vec;

use super::borrowed::Json;

/// The document is not the message's shape: a field is missing, repeated or of another JSON
/// type. The caller names the document in its error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shape;

/// The fields of one message (a JSON object).
#[derive(Clone, Copy)]
pub(crate) struct Fields<'v, 'a>(&'v [(Cow<'a, str>, Json<'a>)]);

impl<'v, 'a> Fields<'v, 'a> {
    /// The message `value` must be: an object.
    pub(crate) fn of(value: &'v Json<'a>) -> Result<Self, Shape> {
        value.as_object().map(Self).ok_or(Shape)
    }

    /// The field whose JSON name is `key` (lowerCamelCase), `None` when absent. As protojson
    /// reads it, the field may also be named by its proto name (`dsse_envelope` for
    /// `dsseEnvelope`); named twice, under either spelling, is a [`Shape`] error.
    pub(crate) fn get(&self, key: &str) -> Result<Option<&'v Json<'a>>, Shape> {
        let mut found = None;
        for (k, v) in self.0 {
            if k == key || is_proto_name(k, key) {
                if found.is_some() {
                    return Err(Shape);
                }
                found = Some(v);
            }
        }
        Ok(found)
    }

    /// A required string field.
    pub(crate) fn str(&self, key: &str) -> Result<&'v str, Shape> {
        self.get(key)?.and_then(Json::as_str).ok_or(Shape)
    }

    /// A string field that reads as empty when absent (`null` is still an error).
    pub(crate) fn str_or_empty(&self, key: &str) -> Result<&'v str, Shape> {
        match self.get(key)? {
            None => Ok(""),
            Some(v) => v.as_str().ok_or(Shape),
        }
    }

    /// An optional string field: absent or `null` is `None`.
    pub(crate) fn opt_str(&self, key: &str) -> Result<Option<&'v str>, Shape> {
        match self.get(key)? {
            None | Some(Json::Null) => Ok(None),
            Some(v) => v.as_str().map(Some).ok_or(Shape),
        }
    }

    /// A required message field.
    pub(crate) fn message(&self, key: &str) -> Result<Fields<'v, 'a>, Shape> {
        self.opt_message(key)?.ok_or(Shape)
    }

    /// An optional message field: absent or `null` is `None`.
    pub(crate) fn opt_message(&self, key: &str) -> Result<Option<Fields<'v, 'a>>, Shape> {
        match self.get(key)? {
            None | Some(Json::Null) => Ok(None),
            Some(v) => Self::of(v).map(Some),
        }
    }

    /// A repeated field: empty when absent, otherwise an array (`null` is an error).
    pub(crate) fn list(&self, key: &str) -> Result<&'v [Json<'a>], Shape> {
        match self.get(key)? {
            None => Ok(&[]),
            Some(v) => v.as_array().ok_or(Shape),
        }
    }

    /// An optional message field read with `read`.
    pub(crate) fn read_opt<T>(
        &self,
        key: &str,
        read: impl FnOnce(Fields<'v, 'a>) -> Result<T, Shape>,
    ) -> Result<Option<T>, Shape> {
        self.opt_message(key)?.map(read).transpose()
    }

    /// A repeated message field, each element read with `read`.
    pub(crate) fn read_list<T>(
        &self,
        key: &str,
        mut read: impl FnMut(Fields<'v, 'a>) -> Result<T, Shape>,
    ) -> Result<Vec<T>, Shape> {
        self.list(key)?
            .iter()
            .map(|v| Self::of(v).and_then(&mut read))
            .collect()
    }

    /// A repeated string field.
    pub(crate) fn strings(&self, key: &str) -> Result<Vec<&'v str>, Shape> {
        self.list(key)?
            .iter()
            .map(|v| v.as_str().ok_or(Shape))
            .collect()
    }

    /// A 64-bit unsigned integer field, which protobuf-JSON writes as a decimal string or a
    /// number, and omits when zero. `Ok(None)` when it is a string or number but not a
    /// non-negative integer below 2^64 (the caller names the field); `null` or another JSON
    /// type is a [`Shape`] error.
    pub(crate) fn u64(&self, key: &str) -> Result<Option<u64>, Shape> {
        match self.get(key)? {
            None => Ok(Some(0)),
            Some(Json::Number(text)) => Ok(decimal(text)),
            Some(Json::Str(text)) => Ok(decimal(text)),
            Some(_) => Err(Shape),
        }
    }
}

/// Whether `name` is the proto name of the field whose JSON name is `json_name`: each
/// uppercase letter there is `_` and its lowercase here. A name without uppercase letters is
/// its own proto name, which the caller already compared.
fn is_proto_name(name: &str, json_name: &str) -> bool {
    if !json_name.bytes().any(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let mut rest = name.bytes();
    for c in json_name.bytes() {
        if c.is_ascii_uppercase() {
            if rest.next() != Some(b'_') || rest.next() != Some(c.to_ascii_lowercase()) {
                return false;
            }
        } else if rest.next() != Some(c) {
            return false;
        }
    }
    rest.next().is_none()
}

/// Plain decimal digits that fit a `u64`: no sign, fraction, exponent or spaces.
fn decimal(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use alloc::format;

    use super::*;
    use crate::json::parse::parse;

    fn with<T>(doc: &str, read: impl FnOnce(Fields<'_, '_>) -> T) -> T {
        let tree = parse(doc.as_bytes(), 8).unwrap();
        read(Fields::of(&tree).unwrap())
    }

    #[test]
    fn messages_are_objects() {
        for not_object in ["[]", "null", "\"x\"", "1"] {
            let tree = parse(not_object.as_bytes(), 8).unwrap();
            assert!(Fields::of(&tree).is_err(), "{not_object}");
        }
    }

    #[test]
    fn a_field_named_twice_is_refused_and_unknown_ones_are_ignored() {
        with(r#"{"a":"x","a":"x","u":1,"u":2}"#, |f| {
            assert_eq!(f.str("a"), Err(Shape));
            assert_eq!(f.get("u"), Err(Shape));
            assert_eq!(f.get("v"), Ok(None));
        });
    }

    #[test]
    fn a_field_is_read_under_its_json_or_its_proto_name_but_not_both() {
        with(
            r#"{"dsse_envelope":"d","rfc3161_timestamps":"r","x509CertificateChain":"x"}"#,
            |f| {
                assert_eq!(f.str("dsseEnvelope"), Ok("d"));
                assert_eq!(f.str("rfc3161Timestamps"), Ok("r"));
                assert_eq!(f.str("x509CertificateChain"), Ok("x"));
            },
        );
        with(r#"{"logId":"a","log_id":"b"}"#, |f| {
            assert_eq!(f.get("logId"), Err(Shape));
        });
        for not_the_field in ["logid", "log_Id", "Log_id", "log__id", "log_idx", "_log_id"] {
            let doc = format!(r#"{{"{not_the_field}":"a"}}"#);
            with(&doc, |f| {
                assert_eq!(f.get("logId"), Ok(None), "{not_the_field}")
            });
        }
    }

    #[test]
    fn strings() {
        with(r#"{"s":"x","n":null,"i":1}"#, |f| {
            assert_eq!(f.str("s"), Ok("x"));
            assert_eq!(f.str("missing"), Err(Shape));
            assert_eq!(f.str("n"), Err(Shape));
            assert_eq!(f.str("i"), Err(Shape));
            assert_eq!(f.str_or_empty("missing"), Ok(""));
            assert_eq!(f.str_or_empty("n"), Err(Shape));
            assert_eq!(f.opt_str("missing"), Ok(None));
            assert_eq!(f.opt_str("n"), Ok(None));
            assert_eq!(f.opt_str("s"), Ok(Some("x")));
            assert_eq!(f.opt_str("i"), Err(Shape));
        });
    }

    #[test]
    fn messages_and_lists() {
        with(
            r#"{"m":{"k":"v"},"n":null,"a":[1],"arr":[{"k":"w"}],"s":"x"}"#,
            |f| {
                assert_eq!(f.message("m").and_then(|m| m.str("k")), Ok("v"));
                assert!(f.message("n").is_err());
                assert!(f.message("missing").is_err());
                assert!(f.opt_message("n").unwrap().is_none());
                assert!(f.opt_message("missing").unwrap().is_none());
                assert!(f.opt_message("arr").is_err(), "an array is not a message");
                assert!(f.opt_message("s").is_err());
                assert_eq!(f.list("a").map(<[_]>::len), Ok(1));
                assert_eq!(f.list("missing").map(<[_]>::len), Ok(0));
                assert!(f.list("n").is_err());
                assert!(f.list("m").is_err());
            },
        );
    }

    #[test]
    fn integers_are_decimal_strings_or_numbers() {
        let read = |v: &str| with(&format!(r#"{{"i":{v}}}"#), |f| f.u64("i"));
        assert_eq!(read(r#""123""#), Ok(Some(123)));
        assert_eq!(read("123"), Ok(Some(123)));
        assert_eq!(read("18446744073709551615"), Ok(Some(u64::MAX)));
        for not_u64 in [
            r#""-1""#,
            "-1",
            "-0",
            "1.5",
            "1e2",
            "1.0",
            r#""+1""#,
            r#""""#,
            r#"" 1""#,
            r#""18446744073709551616""#,
            "18446744073709551616",
        ] {
            assert_eq!(read(not_u64), Ok(None), "{not_u64}");
        }
        for wrong_type in ["null", "true", "[1]", "{}"] {
            assert_eq!(read(wrong_type), Err(Shape), "{wrong_type}");
        }
        assert_eq!(with("{}", |f| f.u64("i")), Ok(Some(0)), "absent is zero");
    }
}
