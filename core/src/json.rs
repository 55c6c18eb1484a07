//! Bounded JSON access: a nesting-depth pre-scan, the reader ([`parse`]), a tree that borrows
//! its strings ([`borrowed::Json`]) and protobuf-JSON message fields ([`fields::Fields`]).

pub(crate) mod borrowed;
pub(crate) mod fields;
pub(crate) mod parse;

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
}
