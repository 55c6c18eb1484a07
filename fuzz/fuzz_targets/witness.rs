//! Witness policies, notes with many signature lines, cosignatures and quorums.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sigverify::fuzzing::witness(data);
});
