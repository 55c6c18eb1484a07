//! TUF metadata (every role, the persisted state, a whole update): never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = sigverify::fuzzing::tuf_metadata(data);
});
