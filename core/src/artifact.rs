//! What a bundle was made over, as the caller hands it to verification: the bytes, or only
//! their digest. Its own module so that the steps below the verifier (DSSE subjects, message
//! digests) take it without importing the verifier.

use crate::digest::Digest;

/// What was signed: the artifact's bytes, or only its digest.
#[derive(Clone, Copy, Debug)]
pub enum Artifact<'a> {
    /// The whole artifact.
    Bytes(&'a [u8]),
    /// The artifact's digest (e.g. from a [`crate::digest::Hasher`] over a stream), in the
    /// algorithm [`crate::Bundle::artifact_hash`] names for the bundle. A digest in another algorithm
    /// cannot be checked against what the bundle declares: `ArtifactDigestInsufficient`.
    Digest(Digest),
}
