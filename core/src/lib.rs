#![doc = include_str!("../README.md")]
#![no_std]
#![forbid(unsafe_code)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod artifact;
mod asn1;
pub mod backend;
pub mod bundle;
pub mod bundles;
mod crypto;
pub mod digest;
mod dsse;
pub mod encoding;
mod error;
pub mod firmware;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
pub mod github;
pub mod intoto;
mod json;
pub mod limits;
#[cfg(feature = "witness")]
pub mod log_state;
mod note;
pub mod npm;
pub mod pattern;
mod platform;
pub mod policy;
pub mod pypi;
pub mod release;
mod sct;
mod sorted_map;
#[cfg(test)]
mod testing;
pub mod time;
mod timestamp;
pub mod tlog;
pub mod trust_root;
pub mod tuf;
mod verifier;
pub mod witness;
mod x509;

pub use artifact::Artifact;
pub use bundle::Bundle;
pub use digest::Digest;
pub use digest::HashAlgorithm;
pub use digest::Sha256Digest;
pub use digest::Sha256Hasher;
pub use error::Error;
pub use firmware::FirmwarePolicy;
pub use firmware::FirmwareStatement;
pub use github::GitHubPolicy;
pub use intoto::Statement;
pub use limits::Limit;
pub use pattern::Pattern;
pub use policy::Condition;
pub use policy::Policy;
pub use time::UnixTime;
pub use tlog::LogEntry;
pub use tlog::SignedCheckpoint;
#[cfg(feature = "witness")]
pub use tlog::TlogProof;
pub use trust_root::TrustedRoot;
pub use verifier::Config;
pub use verifier::Skipped;
pub use verifier::SkippedItem;
pub use verifier::Verified;
pub use verifier::Verifier;
pub use witness::Cosignature;
pub use witness::WitnessPolicy;

/// Verifies `bundle` in one call: builds a [`Verifier`] over `root` with the default
/// [`Config`] and runs it. Prefer a long-lived [`Verifier`] when checking many bundles.
pub fn verify(
    bundle: &Bundle,
    artifact: Artifact<'_>,
    root: TrustedRoot,
    policy: &Policy,
    now: UnixTime,
) -> Result<Verified, Error> {
    Verifier::new(root, Config::default()).verify(bundle, artifact, policy, now)
}
