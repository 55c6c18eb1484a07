//! Bounded JSON access: a nesting-depth pre-scan, the reader ([`parse`]), a tree that borrows
//! its strings ([`borrowed::Json`]) and protobuf-JSON message fields ([`fields::Fields`]).

pub(crate) mod borrowed;
pub(crate) mod fields;
#[cfg(feature = "default-roots")]
pub(crate) mod minify;
pub(crate) mod parse;

use alloc::borrow::Cow;
use alloc::vec::Vec;

use crate::Error;
use crate::limits::Limit;

/// Fails when `input` nests arrays/objects deeper than `max`. Runs before the parser so that
/// deep input costs one linear scan, never recursion.
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

/// Reads one JSON document of the verification: [`Limit::JsonDepth`] past
/// [`crate::limits::MAX_JSON_DEPTH`], else `invalid` when it is not JSON.
pub(crate) fn document(input: &[u8], invalid: Error) -> Result<borrowed::Json<'_>, Error> {
    check_depth(input, crate::limits::MAX_JSON_DEPTH)?;
    parse::parse(input, crate::limits::MAX_JSON_DEPTH).map_err(|_| invalid)
}

/// The value of the last member named `key` (the member a repeated key's readers agree on:
/// JavaScript's `JSON.parse`, Python's `json`, Go's `encoding/json` and
/// [`borrowed::Json::get`]).
pub(crate) fn last_member<'a>(members: &[(Cow<'_, str>, &'a [u8])], key: &str) -> Option<&'a [u8]> {
    members
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| *v)
}

/// Appends `text` as a JSON string: quotes, and escapes for `"`, `\` and control characters.
pub(crate) fn write_string(out: &mut Vec<u8>, text: &str) {
    let hex = |n: u8| if n < 10 { b'0' + n } else { b'a' + n - 10 };
    out.push(b'"');
    for &b in text.as_bytes() {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0..=0x1f => {
                out.extend_from_slice(b"\\u00");
                out.push(hex(b >> 4));
                out.push(hex(b & 0xf));
            }
            _ => out.push(b),
        }
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_written_as_the_reader_reads_them_back() {
        for text in ["", "plain", "q\"b\\s/", "line\nnext\u{1}\u{1f}", "é ☃"] {
            let mut out = Vec::new();
            write_string(&mut out, text);
            assert_eq!(
                parse::parse(&out, 1),
                Ok(borrowed::Json::Str(Cow::Borrowed(text))),
                "{text}"
            );
        }
        let mut out = Vec::new();
        write_string(&mut out, "a\u{1}");
        assert_eq!(out, br#""a\u0001""#);
    }

    #[test]
    fn the_last_of_repeated_members_is_the_member() {
        let members = parse::raw_members(br#"{"a":1,"b":2,"a":3}"#, 2).unwrap();
        assert_eq!(last_member(&members, "a"), Some(&b"3"[..]));
        assert_eq!(last_member(&members, "c"), None);
    }

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
}
