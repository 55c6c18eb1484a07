//! The oracle of the pattern engine: regex-syntax + regex-automata's PikeVM, configured exactly
//! as the core used them before it had its own engine (Unicode off, UTF-8 not required,
//! anchored at both ends as a parsed whole), and the comparison of one pattern against it.
//!
//! One file for the core's differential test (`differential.rs`) and the `pattern` fuzz
//! target, which includes it by path: it names nothing of either crate, so the two cannot drift
//! apart in what they count as agreement.

extern crate alloc;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use regex_automata::Anchored;
use regex_automata::Input;
use regex_automata::nfa::thompson;
use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::util::syntax;
use regex_syntax::hir::Hir;
use regex_syntax::hir::Look;

/// The core's bounds on a pattern, which the oracle is given too.
pub(crate) struct Bounds {
    /// `limits::MAX_PATTERN_NESTING`.
    pub(crate) nesting: u32,
    /// `limits::MAX_PATTERN_NFA_BYTES`.
    pub(crate) nfa_bytes: usize,
}

/// What the core's engine made of a pattern.
pub(crate) enum Ours<'a> {
    /// Compiled: whether it matches a value.
    Compiled(&'a dyn Fn(&str) -> bool),
    /// Refused as malformed, with the core's error described.
    Refused(String),
    /// Over one of the core's size limits.
    OverLimit,
}

/// What the oracle makes of a pattern.
enum Oracle {
    Accepted(PikeVM),
    Refused,
    /// Over the nesting or automaton limit: each engine measures these its own way.
    Limit,
}

fn oracle(source: &str, bounds: &Bounds) -> Oracle {
    let config = syntax::Config::new()
        .unicode(false)
        .utf8(false)
        .nest_limit(bounds.nesting);
    let hir = match syntax::parse_with(source, &config) {
        Ok(hir) => hir,
        Err(regex_syntax::Error::Parse(e))
            if matches!(e.kind(), regex_syntax::ast::ErrorKind::NestLimitExceeded(_)) =>
        {
            return Oracle::Limit;
        }
        Err(_) => return Oracle::Refused,
    };
    let whole = Hir::concat(Vec::from([
        Hir::look(Look::Start),
        hir,
        Hir::look(Look::End),
    ]));
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .utf8(false)
                .nfa_size_limit(Some(bounds.nfa_bytes)),
        )
        .build_from_hir(&whole);
    match nfa.and_then(PikeVM::new_from_nfa) {
        Ok(vm) => Oracle::Accepted(vm),
        Err(_) => Oracle::Limit,
    }
}

/// Whether a flag group turns Unicode on (`(?u)`, `(?iu:`), which the core refuses by design.
fn enables_unicode(source: &str) -> bool {
    source.match_indices("(?").any(|(i, _)| {
        let flags = source.get(i + 2..).unwrap_or("");
        let flags = flags
            .get(..flags.find([':', ')']).unwrap_or(flags.len()))
            .unwrap_or("");
        let enabled = flags.split('-').next().unwrap_or("");
        enabled.contains('u') && flags.chars().all(|c| "imsuURx-".contains(c))
    })
}

/// Compares the core's verdict on `source` with the oracle's, and both engines on `values`:
/// the first disagreement, described, or (when both compiled it) how many values matched.
/// Limits and `(?u)` are where the two may differ by design.
pub(crate) fn compare(
    source: &str,
    ours: Ours<'_>,
    values: &[&str],
    bounds: &Bounds,
) -> Result<Option<usize>, String> {
    match (ours, oracle(source, bounds)) {
        (Ours::OverLimit, _) | (_, Oracle::Limit) => Ok(None),
        (Ours::Refused(_), Oracle::Refused) => Ok(None),
        (Ours::Refused(_), Oracle::Accepted(_)) if enables_unicode(source) => Ok(None),
        (Ours::Refused(e), Oracle::Accepted(_)) => {
            Err(format!("{source:?}: refused ({e}), oracle accepts"))
        }
        (Ours::Compiled(_), Oracle::Refused) => {
            Err(format!("{source:?}: accepted, oracle refuses"))
        }
        (Ours::Compiled(matches), Oracle::Accepted(vm)) => {
            let mut cache = vm.create_cache();
            let mut matched = 0;
            for value in values {
                let a = matches(value);
                let b = vm.is_match(&mut cache, Input::new(*value).anchored(Anchored::Yes));
                if a != b {
                    return Err(format!("{source:?} on {value:?}: {a}, oracle {b}"));
                }
                matched += usize::from(a);
            }
            Ok(Some(matched))
        }
    }
}
