//! Identity and issuer patterns: regular expressions that must match the whole value.
//!
//! cosign and sigstore-go search for an unanchored match, so `octo/app` there also accepts
//! `evil/octo/apple`; here a pattern is anchored at both ends, and a caller who wants a search
//! writes `.*` explicitly.
//!
//! The syntax is the `regex` crate's (close to Go's RE2) with Unicode off, read by the core's
//! own engine rather than regex-syntax and regex-automata (about 140 KB of a WebAssembly module
//! or a firmware image), the way the core reads DER and JSON itself; those crates remain the
//! oracles of the differential tests and the `pattern` fuzz target. `parse` reads the text
//! into a tree, `compile` makes it a program of byte-set instructions, and `vm` runs it:
//! a Thompson simulation, linear in the length of the value times the size of the program,
//! with no backtracking, whatever the pattern.
//!
//! No look-around, no backreferences, no `\p{..}`. Classes are ASCII (`\w`, `\d`, `\s`, `.`,
//! case folding) and match bytes; non-ASCII text in a pattern matches its UTF-8 bytes. One
//! difference from regex-syntax: `(?u)`, which would turn Unicode classes on, is refused.
//! Both the pattern and its compiled form are bounded ([`limits::MAX_PATTERN_BYTES`],
//! [`limits::MAX_PATTERN_NFA_BYTES`], [`limits::MAX_PATTERN_NESTING`]).

mod compile;
#[cfg(test)]
mod differential;
#[cfg(test)]
mod oracle;
mod parse;
mod set;
mod vm;

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::Error;
use crate::limits;
use crate::limits::Limit;

/// A compiled pattern and its source text.
#[derive(Clone)]
pub struct Pattern {
    source: String,
    program: Vec<compile::Inst>,
}

impl Pattern {
    /// Compiles `source`, to match whole values only. A pattern that does not parse is
    /// `PolicyPatternInvalid`; one over a size limit is `LimitExceeded`.
    pub fn new(source: &str) -> Result<Self, Error> {
        limits::check(source.len(), limits::MAX_PATTERN_BYTES, Limit::PatternBytes)?;
        // The pattern is parsed alone and the program matches only at the ends of the value:
        // anchoring its text (`\A(?:` + source + `)\z`) would let `v1)|(x` close the group
        // early and turn the anchors into one branch of an alternation, and let a `(?x)`
        // comment eat the end anchor.
        let tree = parse::parse(source)?;
        let program = compile::compile(&tree)?;
        Ok(Self {
            source: String::from(source),
            program,
        })
    }

    /// Whether the pattern matches all of `value`.
    pub fn matches(&self, value: &str) -> bool {
        vm::matches(&self.program, value.as_bytes())
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.source
    }
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Eq for Pattern {}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

#[cfg(test)]
mod tests {
    use alloc::string::ToString;

    use super::*;

    const WORKFLOW: &str =
        r"https://github\.com/octo/app/\.github/workflows/release\.yml@refs/tags/v.*";

    #[test]
    fn a_pattern_matches_the_whole_value_only() {
        let p = Pattern::new(WORKFLOW).unwrap();
        assert!(
            p.matches("https://github.com/octo/app/.github/workflows/release.yml@refs/tags/v1.2.3")
        );
        assert!(
            !p.matches("https://github.com/octo/app/.github/workflows/release.yml@refs/heads/main")
        );
        // The unanchored-search footgun of cosign and sigstore-go: a prefix or suffix around a
        // match is not a match.
        let repo = Pattern::new("octo/app").unwrap();
        assert!(repo.matches("octo/app"));
        assert!(!repo.matches("evil/octo/app"));
        assert!(!repo.matches("octo/apple"));
        // Alternation is anchored as a whole, not only its first branch.
        let alt = Pattern::new("a|ab").unwrap();
        assert!(alt.matches("ab"));
        assert!(!alt.matches("abc"));
        // A pattern cannot close the anchoring group itself: parsed alone, these do not parse.
        for escape in [
            r"https://github\.com/octo/app/\.github/workflows/release\.yml@refs/tags/v1)|(x",
            "https://nothing)|.*|(x",
            "a)(b",
        ] {
            assert_eq!(
                Pattern::new(escape).unwrap_err(),
                Error::PolicyPatternInvalid,
                "{escape}"
            );
        }
        // A comment of verbose mode ends with the pattern, not past the end anchor.
        let verbose = Pattern::new("(?x) octo / app # the repository").unwrap();
        assert!(verbose.matches("octo/app"));
        assert!(!verbose.matches("octo/apple"));
        // Searching is the caller's explicit choice.
        assert!(
            Pattern::new(".*octo/app.*")
                .unwrap()
                .matches("evil/octo/apple")
        );
        assert!(
            Pattern::new("(?i)OCTO@EXAMPLE\\.COM")
                .unwrap()
                .matches("octo@example.com")
        );
        assert_eq!(p.as_str(), WORKFLOW);
        assert_eq!(p, Pattern::new(WORKFLOW).unwrap());
    }

    #[test]
    fn matching_takes_time_linear_in_the_value() {
        // Catastrophic for a backtracker: (a+)+b over a run of a's with no b.
        let p = Pattern::new("(a+)+b").unwrap();
        let value = "a".repeat(4096);
        assert!(!p.matches(&value));
    }

    #[test]
    fn malformed_patterns_are_refused() {
        for bad in ["(", "a{2,1}", "[z-a]", "(?<name", r"\p{Greek}"] {
            assert_eq!(
                Pattern::new(bad).unwrap_err(),
                Error::PolicyPatternInvalid,
                "{bad}"
            );
        }
    }

    #[test]
    fn pattern_limits_hold_at_and_fail_past_their_value() {
        let at = "a".repeat(limits::MAX_PATTERN_BYTES);
        assert!(Pattern::new(&at).is_ok());
        let past = "a".repeat(limits::MAX_PATTERN_BYTES + 1);
        assert_eq!(
            Pattern::new(&past).unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::PatternBytes
            }
        );
        let depth = limits::MAX_PATTERN_NESTING as usize;
        let nested = |n: usize| "(".repeat(n) + "a" + &")".repeat(n);
        assert!(Pattern::new(&nested(depth / 2)).is_ok());
        assert_eq!(
            Pattern::new(&nested(depth + 1)).unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::PatternNesting
            }
        );
        // Small text, large automaton: bounded repetition multiplies the NFA.
        assert_eq!(
            Pattern::new("[a-z]{1000}[a-z]{1000}[a-z]{1000}").unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::PatternNfaBytes
            }
        );
        assert!(Pattern::new("[a-z]{100}").is_ok());
        // The size is counted before unrolling: these fail at once, without building copies.
        for huge in [
            "(?:a{1000}){1000}",
            "a{4294967295}",
            "(?:(?:a{9}){9999}){9999}",
        ] {
            assert_eq!(
                Pattern::new(huge).unwrap_err(),
                Error::LimitExceeded {
                    limit: Limit::PatternNfaBytes
                },
                "{huge}"
            );
        }
        // A count beyond u32 is a syntax error, as in regex-syntax.
        assert_eq!(
            Pattern::new("a{4294967296}").unwrap_err(),
            Error::PolicyPatternInvalid
        );
        // The measure: instructions of 40 bytes (a 32-byte set and a tag).
        assert_eq!(compile::INST_BYTES, 40);
        assert_eq!(
            Error::LimitExceeded {
                limit: Limit::PatternNfaBytes
            }
            .to_string(),
            "input exceeds a verifier limit (limit: compiled pattern bytes > 65536)"
        );
    }
}
