//! A JSON tree that borrows its strings from the input where it can: the read-only lookups
//! of `serde_json::Value` (`get`, `as_str`, `as_array`) without copying every string. A Rekor
//! entry body holds the signing certificate as base64 of its PEM (3 KiB for a Fulcio
//! certificate); as an owned tree it was part of the heap's peak on a microcontroller.
//!
//! It accepts exactly what `serde_json::Value` accepts, and an object's repeated member keeps
//! its last value, as there.

use alloc::borrow::Cow;
use alloc::vec::Vec;
use core::fmt;

use serde::Deserialize;
use serde::Deserializer;
use serde::de::MapAccess;
use serde::de::SeqAccess;
use serde::de::Visitor;

/// A parsed JSON value whose strings borrow from the input unless they had escapes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json<'a> {
    /// A string.
    Str(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object, members in first-appearance order.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
    /// A number, `true`, `false` or `null`: nothing here reads them.
    Scalar,
}

impl<'a> Json<'a> {
    /// The member `key` of an object; `None` for a missing key or a non-object.
    pub(crate) fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Self::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Self::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub(crate) fn as_array(&self) -> Option<&[Json<'a>]> {
        match self {
            Self::Array(items) => Some(items),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

/// A member key, borrowed when it had no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(JsonVisitor).and_then(|v| match v {
            Json::Str(s) => Ok(Key(s)),
            _ => Err(serde::de::Error::custom("object key is not a string")),
        })
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(s.into())))
    }

    fn visit_string<E>(self, s: alloc::string::String) -> Result<Json<'de>, E> {
        Ok(Json::Str(Cow::Owned(s)))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Json<'de>, E> {
        Ok(Json::Scalar)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Json<'de>, E> {
        Ok(Json::Scalar)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Json<'de>, E> {
        Ok(Json::Scalar)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Json<'de>, E> {
        Ok(Json::Scalar)
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Scalar)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut members: Vec<(Cow<'de, str>, Json<'de>)> = Vec::new();
        while let Some(Key(key)) = map.next_key()? {
            let value: Json<'de> = map.next_value()?;
            match members.iter_mut().find(|(k, _)| *k == key) {
                Some(member) => member.1 = value,
                None => members.push((key, value)),
            }
        }
        Ok(Json::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_serde_json_value_and_borrows_plain_strings() {
        let input =
            br#"{"a":{"b":"plain","e":"esc\"aped"},"n":[1,-2,3.5,true,null,"x"],"a":{"b":"last"}}"#;
        let doc: Json<'_> = serde_json::from_slice(input).unwrap();
        let value: serde_json::Value = serde_json::from_slice(input).unwrap();
        assert_eq!(
            doc.get("a").and_then(|a| a.get("b")).and_then(Json::as_str),
            Some("last")
        );
        assert_eq!(
            value["a"]["b"], "last",
            "a repeated member keeps its last value in both"
        );
        assert_eq!(
            doc.get("n").and_then(Json::as_array).map(<[Json<'_>]>::len),
            Some(6)
        );
        assert!(doc.get("n").and_then(|n| n.get("x")).is_none());
        assert!(doc.get("missing").is_none());
        let plain: Json<'_> = serde_json::from_slice(br#"{"k":"v"}"#).unwrap();
        assert!(matches!(
            plain.get("k"),
            Some(Json::Str(Cow::Borrowed("v")))
        ));
        let escaped: Json<'_> = serde_json::from_slice(br#""a\nb""#).unwrap();
        assert_eq!(escaped.as_str(), Some("a\nb"));
        for bad in [&b"{"[..], b"[1,]", b"{\"a\" 1}", b"nul", b"\"\\x\""] {
            assert!(serde_json::from_slice::<Json<'_>>(bad).is_err());
            assert!(serde_json::from_slice::<serde_json::Value>(bad).is_err());
        }
    }
}
