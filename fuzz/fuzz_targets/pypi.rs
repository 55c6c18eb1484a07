//! PyPI's PEP 740 parsers: provenances, attestation objects, distribution names, statements.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    sigverify::fuzzing::pypi(data);
});
