//! Bundle JSON parsing: any bytes, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = sigverify::Bundle::from_json(data);
});
