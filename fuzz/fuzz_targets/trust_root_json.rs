//! Trusted root parsing (TrustedRoot, ClientTrustConfig, keys, CA chains): never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = sigverify::TrustedRoot::from_json(data);
});
