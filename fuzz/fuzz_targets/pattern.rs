//! Identity and issuer patterns: compile (bounded), match (linear), escaped literals; and the
//! core's own engine against regex-syntax + regex-automata's PikeVM configured as the core
//! once used them (the oracle and what counts as agreement are the core's differential test's,
//! shared by path).
#![no_main]

#[path = "../../core/src/pattern/oracle.rs"]
mod oracle;

use sigverify::limits;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    sigverify::fuzzing::pattern(text);
    let (source, value) = text.split_once('\n').unwrap_or((text, ""));
    if source.len() > limits::MAX_PATTERN_BYTES {
        return;
    }
    let bounds = oracle::Bounds {
        nesting: limits::MAX_PATTERN_NESTING,
        nfa_bytes: limits::MAX_PATTERN_NFA_BYTES,
    };
    let compiled = sigverify::Pattern::new(source);
    let ours = match &compiled {
        Ok(p) => oracle::Ours::Compiled(&|v| p.matches(v)),
        Err(sigverify::Error::LimitExceeded { .. }) => oracle::Ours::OverLimit,
        Err(e) => oracle::Ours::Refused(format!("{e:?}")),
    };
    if let Err(disagreement) = oracle::compare(source, ours, &[value], &bounds) {
        panic!("{disagreement}");
    }
});
