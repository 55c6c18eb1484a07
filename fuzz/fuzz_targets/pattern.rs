//! Identity and issuer patterns: compile (bounded), match (linear), escaped literals.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = core::str::from_utf8(data) {
        sigverify::fuzzing::pattern(text);
    }
});
