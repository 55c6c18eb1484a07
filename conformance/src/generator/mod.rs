//! The deterministic generator of the project's own vectors: a virtual Sigstore instance (CA,
//! CT log, Rekor v1 and v2, witness, TSA, managed keys) from fixed seeds, and a catalogue of
//! vectors, each a happy path or one tampering of one.
//!
//! This is the only signing code of the project; the `sigverify` core never signs.

pub mod catalogue;
pub mod der;
pub mod firmware;
pub mod json;
pub mod npm;
pub mod pki;
pub mod sigstore;
pub mod tuf;
pub mod witnesses;
pub mod write;
