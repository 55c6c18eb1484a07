//! RFC 9162 consistency-proof verification.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sigverify::fuzzing::consistency(data);
});
