//! Files of several bundles (JSON Lines, attestations documents) split and parsed.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sigverify::fuzzing::bundle_file(data);
});
