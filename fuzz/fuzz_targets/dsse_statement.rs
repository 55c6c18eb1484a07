//! In-toto statement parsing and subject matching (DSSE payloads).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sigverify::fuzzing::statement(data);
});
