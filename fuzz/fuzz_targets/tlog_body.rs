//! Rekor entry bodies of every supported kind and version.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sigverify::fuzzing::tlog_body(data);
});
