//! RFC 3161 token parsing and verification. Input: one length byte, that many bytes of the
//! signature the token is over, then the token (the seed script writes real pairs this way).
#![no_main]

#[path = "common.rs"]
mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&len, rest)) = data.split_first() else { return };
    let (signature, token) = rest.split_at(usize::from(len).min(rest.len()));
    sigverify::fuzzing::timestamp(token, signature, common::production());
});
