//! X.509 parsing plus what the verifier reads from a leaf: Fulcio extensions, the embedded SCT
//! list and precertificate reconstruction, self-signature.
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sigverify::fuzzing::certificate(data, common::production());
});
