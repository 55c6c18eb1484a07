//! Checkpoint state, tlog-proof and consistency-proof files.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sigverify::fuzzing::log_files(data);
});
