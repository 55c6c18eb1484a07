//! Test-only builders (certificates and RFC 3161 tokens signed with fixed P-256 keys, so unit
//! tests can tamper one field at a time). They live in `sigverify-conformance`, the project's
//! only signing code, and return bytes; the library itself never signs.

pub(crate) use sigverify_conformance::builders::*;
pub(crate) use sigverify_conformance::merkle;
