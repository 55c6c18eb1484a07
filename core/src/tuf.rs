//! Trusted roots that stay current offline: the TUF client workflow (TUF specification 1.0,
//! "detailed client workflow") over metadata the caller brings, without downloads.
//!
//! Sigstore publishes its `trusted_root.json` as a target of a TUF repository. A caller fetches
//! the files however it can (from Sigstore's TUF CDN, a cache, an update package) and
//! [`update`] decides whether to trust them, as a pure function of the bytes, the persisted
//! [`State`] and `now`:
//!
//! 1. the trust anchor (a TUF root metadata file, e.g. [`PRODUCTION_ROOT`]) must be signed by
//!    a threshold of its own root keys; trust starts there and nowhere else: the persisted
//!    [`State`] holds rollback floors, never a key, and every update walks the roots from the
//!    anchor again (as python-tuf in bootstrap mode);
//! 2. each newer root must have the next version and be signed by a threshold of the previous
//!    root's keys and of its own; only the final root's expiry matters;
//! 3. timestamp, snapshot and targets must be signed by a threshold of the keys the final root
//!    names for them (each key counted once, by value), unexpired, not below the floors the
//!    state keeps (dropped only for a role whose key was rotated out), and consistent with
//!    each other (versions, and lengths and hashes where listed);
//! 4. every target file given must have the length and every hash that targets lists.
//!
//! What is left out: downloads, and delegated targets roles (`trusted_root.json` is a target
//! of the top-level targets role in Sigstore's repositories; a target only a delegated role
//! describes is reported as unknown).

mod client;
#[cfg(feature = "std")]
pub mod dir;
pub mod layout;
pub(crate) mod metadata;
mod signatures;
mod state;
mod value;

use alloc::string::String;
use alloc::vec::Vec;

pub use client::update;
pub use client::update_with_backend;
pub use state::State;

use crate::TrustedRoot;
use crate::UnixTime;

/// The TUF root (version 15) of Sigstore's public-good production repository, the trust
/// anchor `sigstore` 4.5.1 ships (see `roots/SOURCE.md`).
#[cfg(feature = "default-roots")]
pub const PRODUCTION_ROOT: &[u8] = include_bytes!("roots/tuf-production-root.json");

/// The TUF root (version 14) of Sigstore's public-good staging repository.
#[cfg(feature = "default-roots")]
pub const STAGING_ROOT: &[u8] = include_bytes!("roots/tuf-staging-root.json");

/// The name of the target holding the Sigstore trusted root.
pub const TRUSTED_ROOT_TARGET: &str = "trusted_root.json";

/// The files of one update, as the caller fetched them.
#[derive(Clone, Debug, Default)]
pub struct Repository<'a> {
    /// The root versions after the anchor, in order: `N+1.root.json`, `N+2.root.json`, ...,
    /// as a TUF client fetches them until the next one does not exist, N being the anchor's
    /// version whatever the state holds (trust comes only from the anchor). Empty when the
    /// anchor is current. At most [`crate::limits::MAX_TUF_ROOT_ROTATIONS`] are used; the
    /// update goes on with the newest of those, and the next update reads the rest.
    pub roots: Vec<&'a [u8]>,
    /// `timestamp.json`.
    pub timestamp: &'a [u8],
    /// The snapshot metadata the timestamp lists.
    pub snapshot: &'a [u8],
    /// The top-level targets metadata the snapshot lists.
    pub targets: &'a [u8],
    /// Target files by their target name (`trusted_root.json`, `signing_config.v0.2.json`,
    /// ...). `trusted_root.json` is required; every file given is checked.
    pub target_files: Vec<(&'a str, &'a [u8])>,
}

/// A successful update: the verified trusted root, every verified target file, and the state
/// to persist for the next update.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Update {
    /// The Sigstore trusted root, parsed and ready for [`crate::Verifier::new`].
    pub trusted_root: TrustedRoot,
    /// The verified target files, byte for byte as published, in the order given
    /// (`trusted_root.json` among them).
    pub target_files: Vec<(String, Vec<u8>)>,
    /// The state to persist and pass to the next update.
    pub state: State,
    /// The version of each role's metadata trusted by this update.
    pub versions: Versions,
    /// The earliest expiry of the four roles' metadata: the update must be repeated with fresh
    /// metadata before then.
    pub expires: UnixTime,
}

impl Update {
    /// The bytes of a verified target file, by name.
    pub fn target_file(&self, name: &str) -> Option<&[u8]> {
        self.target_files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, bytes)| bytes.as_slice())
    }
}

/// The versions of the four top-level roles an update trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Versions {
    /// The final root's version.
    pub root: u64,
    /// The timestamp's version.
    pub timestamp: u64,
    /// The snapshot's version.
    pub snapshot: u64,
    /// The targets' version.
    pub targets: u64,
}
