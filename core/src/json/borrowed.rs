//! A JSON tree that borrows its strings from the input where it can ([`super::parse`] builds
//! it). A Rekor entry body holds the signing certificate as base64 of its PEM (3 KiB for a
//! Fulcio certificate); as an owned tree it was part of the heap's peak on a microcontroller.

use alloc::borrow::Cow;
use alloc::vec::Vec;

/// A parsed JSON value whose strings borrow from the input unless they had escapes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number as written (its grammar checked).
    Number(&'a str),
    /// A string.
    Str(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object's members in document order, a repeated key as often as it appears.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// The member `key` of an object, its last value when repeated (as JavaScript's
    /// `JSON.parse`, Python's `json` and `serde_json::Value` read it); `None` for a missing
    /// key or a non-object.
    pub(crate) fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.as_object()?
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
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

    /// The members, if this is an object.
    pub(crate) fn as_object(&self) -> Option<&[(Cow<'a, str>, Json<'a>)]> {
        match self {
            Self::Object(members) => Some(members),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse::parse;

    #[test]
    fn lookups_read_objects_arrays_and_strings_only() {
        let doc = parse(br#"{"a":{"b":"x"},"n":[1,"y"],"a":{"b":"last"}}"#, 4).unwrap();
        assert_eq!(
            doc.get("a").and_then(|a| a.get("b")).and_then(Json::as_str),
            Some("last")
        );
        assert_eq!(
            doc.get("n").and_then(Json::as_array).map(<[_]>::len),
            Some(2)
        );
        assert!(doc.get("n").and_then(|n| n.get("x")).is_none());
        assert!(doc.get("missing").is_none());
        assert_eq!(Json::Number("1").as_str(), None);
        assert_eq!(Json::Null.as_array(), None);
        assert_eq!(doc.as_object().map(<[_]>::len), Some(3));
    }
}
