//! npm's registry documents: keys.json (both forms), version documents and packuments.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sigverify::fuzzing::npm(data);
});
