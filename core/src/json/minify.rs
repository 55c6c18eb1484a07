//! JSON without its insignificant whitespace, computed at compile time: the compiled-in trusted
//! roots are kept in the repository as Sigstore publishes them (pretty-printed), and the
//! whitespace between tokens would otherwise cost every firmware about 1 KB of flash.

/// The length of `json` without whitespace outside strings.
pub(crate) const fn minified_len(json: &[u8]) -> usize {
    let mut len = 0;
    let mut scan = Scan::new();
    let mut rest = json;
    while let [b, tail @ ..] = rest {
        if scan.keeps(*b) {
            len += 1;
        }
        rest = tail;
    }
    len
}

/// `json` without whitespace outside strings; `N` must be [`minified_len`] of it (a wrong `N`
/// fails the build, as the compile-time evaluation indexes past the array or leaves it short).
// Only ever evaluated at compile time (const items), where an index past `N` stops the build.
#[allow(clippy::indexing_slicing)]
pub(crate) const fn minified<const N: usize>(json: &[u8]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut scan = Scan::new();
    let mut rest = json;
    while let [b, tail @ ..] = rest {
        if scan.keeps(*b) {
            out[at] = *b;
            at += 1;
        }
        rest = tail;
    }
    assert!(at == N, "N is not the minified length");
    out
}

/// Where a byte stands: inside a string (and after a backslash there) or between tokens.
struct Scan {
    in_string: bool,
    escaped: bool,
}

impl Scan {
    const fn new() -> Self {
        Self {
            in_string: false,
            escaped: false,
        }
    }

    /// Whether `b` stays in the minified document; advances the state past it.
    const fn keeps(&mut self, b: u8) -> bool {
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_string = false;
            }
            return true;
        }
        if b == b'"' {
            self.in_string = true;
        }
        !matches!(b, b' ' | b'\t' | b'\n' | b'\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_goes_only_between_tokens() {
        const RAW: &[u8] = b"{ \"a b\" : [ 1 ,\n\t\"x\\\" y\" ] ,\r\n \"c\": \"\\\\\" }";
        const N: usize = minified_len(RAW);
        const OUT: [u8; N] = minified::<N>(RAW);
        assert_eq!(&OUT[..], b"{\"a b\":[1,\"x\\\" y\"],\"c\":\"\\\\\"}");
    }

    #[test]
    #[cfg(feature = "default-roots")]
    fn compiled_in_roots_read_as_the_files_do() {
        // The minified copies are the same JSON documents as the files they come from.
        for (raw, min) in [
            (
                include_bytes!("../roots/production.json").as_slice(),
                crate::trust_root::PRODUCTION_JSON,
            ),
            (
                include_bytes!("../roots/staging.json").as_slice(),
                crate::trust_root::STAGING_JSON,
            ),
        ] {
            let a: serde_json::Value = serde_json::from_slice(raw).unwrap();
            let b: serde_json::Value = serde_json::from_slice(min).unwrap();
            assert_eq!(a, b);
            assert!(
                min.len() + 500 < raw.len(),
                "{} vs {}",
                min.len(),
                raw.len()
            );
        }
    }
}
