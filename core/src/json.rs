//! Bounded JSON access: a nesting-depth pre-scan, protobuf-JSON scalar decoding, and a tree
//! that borrows its strings ([`borrowed::Json`]).

pub(crate) mod borrowed;

use serde::Deserialize;
use serde::Deserializer;

use crate::Error;
use crate::limits::Limit;

/// Fails when `input` nests arrays/objects deeper than `max`. Runs before serde so that deep
/// input costs one linear scan, never recursion.
pub(crate) fn check_depth(input: &[u8], max: usize) -> Result<(), Error> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in input {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth = depth.saturating_add(1);
                if depth > max {
                    return Err(Error::LimitExceeded {
                        limit: Limit::JsonDepth,
                    });
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// A protobuf-JSON 64-bit integer: a decimal string or a JSON number. `None` when the value
/// is negative, fractional, or not decimal; the caller names the field in its error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ProtoU64(pub(crate) Option<u64>);

/// Proto3 JSON omits zero-valued integers, so an absent integer reads as 0.
impl Default for ProtoU64 {
    fn default() -> Self {
        Self(Some(0))
    }
}

impl<'de> Deserialize<'de> for ProtoU64 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw<'a> {
            Number(serde_json::Number),
            Text(&'a str),
            Owned(alloc::string::String),
        }
        let parsed = match Raw::deserialize(d)? {
            Raw::Number(n) => n.as_u64(),
            Raw::Text(s) => parse_decimal(s),
            Raw::Owned(s) => parse_decimal(&s),
        };
        Ok(Self(parsed))
    }
}

fn parse_decimal(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_only_structure_outside_strings() {
        assert_eq!(check_depth(br#"{"a":[[1]]}"#, 3), Ok(()));
        assert_eq!(
            check_depth(br#"{"a":[[1]]}"#, 2),
            Err(Error::LimitExceeded {
                limit: Limit::JsonDepth
            })
        );
        assert_eq!(check_depth(br#"{"a":"[[[[\"[[["}"#, 1), Ok(()));
    }

    #[test]
    fn proto_u64_accepts_strings_and_numbers_only_when_non_negative() {
        let p = |s: &str| serde_json::from_str::<ProtoU64>(s).unwrap().0;
        assert_eq!(p(r#""123""#), Some(123));
        assert_eq!(p("123"), Some(123));
        assert_eq!(p(r#""-1""#), None);
        assert_eq!(p("-1"), None);
        assert_eq!(p("1.5"), None);
        assert_eq!(p(r#""+1""#), None);
        assert_eq!(p(r#""18446744073709551616""#), None);
    }
}
