//! Identity and issuer patterns: compile (bounded), match (linear), escaped literals; and the
//! core's own engine against regex-syntax + regex-automata's PikeVM configured as the core
//! once used them (Unicode off, UTF-8 not required, anchored at both ends as a parsed whole).
#![no_main]

use regex_automata::nfa::thompson;
use regex_automata::nfa::thompson::pikevm::PikeVM;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::{Hir, Look};
use sigverify::limits;

enum Oracle {
    Accepted(PikeVM),
    Refused,
    /// Over the nesting or automaton limit, which each engine measures its own way.
    Limit,
}

fn oracle(source: &str) -> Oracle {
    let config = syntax::Config::new()
        .unicode(false)
        .utf8(false)
        .nest_limit(limits::MAX_PATTERN_NESTING);
    let hir = match syntax::parse_with(source, &config) {
        Ok(hir) => hir,
        Err(regex_syntax::Error::Parse(e))
            if matches!(e.kind(), regex_syntax::ast::ErrorKind::NestLimitExceeded(_)) =>
        {
            return Oracle::Limit
        }
        Err(_) => return Oracle::Refused,
    };
    let whole = Hir::concat(vec![Hir::look(Look::Start), hir, Hir::look(Look::End)]);
    let nfa = thompson::Compiler::new()
        .configure(
            thompson::Config::new()
                .utf8(false)
                .nfa_size_limit(Some(limits::MAX_PATTERN_NFA_BYTES)),
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
        let flags = &flags[..flags.find([':', ')']).unwrap_or(flags.len())];
        let enabled = flags.split('-').next().unwrap_or("");
        enabled.contains('u') && flags.chars().all(|c| "imsuURx-".contains(c))
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    sigverify::fuzzing::pattern(text);
    let (source, value) = text.split_once('\n').unwrap_or((text, ""));
    if source.len() > limits::MAX_PATTERN_BYTES {
        return;
    }
    match (sigverify::Pattern::new(source), oracle(source)) {
        (Err(sigverify::Error::LimitExceeded { .. }), _) | (_, Oracle::Limit) => {}
        (Err(_), Oracle::Refused) => {}
        (Err(_), Oracle::Accepted(_)) if enables_unicode(source) => {}
        (Err(e), Oracle::Accepted(_)) => panic!("{source:?}: refused ({e:?}), oracle accepts"),
        (Ok(_), Oracle::Refused) => panic!("{source:?}: accepted, oracle refuses"),
        (Ok(ours), Oracle::Accepted(vm)) => {
            let mut cache = vm.create_cache();
            let theirs = vm.is_match(&mut cache, Input::new(value).anchored(Anchored::Yes));
            assert_eq!(ours.matches(value), theirs, "{source:?} on {value:?}");
        }
    }
});
