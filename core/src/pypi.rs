//! PyPI's attestations (PEP 740), verified the way `pypi-attestations` verifies them:
//!
//! - an [`Attestation`] object (`*.publish.attestation`, or one item of a provenance) becomes a
//!   Sigstore bundle v0.3 (its certificate, its first transparency entry, its statement and
//!   signature as an in-toto DSSE envelope), which the ordinary pipeline verifies;
//! - the verified statement must name the [`Distribution`] file: exactly one subject, the same
//!   sdist or wheel once both file names are parsed, the file's SHA-256, and a predicate type
//!   PyPI knows;
//! - a [`Provenance`] object (PyPI's integrity API) groups attestations by [`Publisher`]; each
//!   publisher must be the one the caller [`Expected`] and yields the policy its attestations
//!   are checked with, and every attestation of every group must verify.

mod attestation;
mod distribution;
mod provenance;
mod publisher;

use alloc::string::String;
use alloc::vec::Vec;

pub use attestation::Attestation;
pub use distribution::Distribution;
pub use provenance::AttestationBundle;
pub use provenance::Provenance;
pub use publisher::Expected;
pub use publisher::Publisher;

use crate::Error;
use crate::Policy;
use crate::UnixTime;
use crate::Verified;
use crate::Verifier;

/// The predicate type of PyPI's publish attestation.
pub const PUBLISH_V1: &str = "https://docs.pypi.org/attestations/publish/v1";
/// The predicate type of SLSA provenance v1, which PyPI also accepts.
pub const SLSA_PROVENANCE_V1: &str = "https://slsa.dev/provenance/v1";

/// One verified attestation: the pipeline's result and the statement's predicate type.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct VerifiedAttestation {
    /// Where it was: `attestation`, or `attestation_bundles[0].attestations[1]`.
    pub place: String,
    /// The publisher whose policy it met (a provenance's), if any.
    pub publisher: Option<Publisher>,
    /// The pipeline's result, with the statement.
    pub verified: Verified,
    /// `predicateType` of the statement (one of [`PUBLISH_V1`], [`SLSA_PROVENANCE_V1`]).
    pub predicate_type: String,
}

/// Verifies one attestation object against the distribution, for `policy`.
pub fn verify_attestation(
    verifier: &Verifier,
    attestation: &Attestation,
    policy: &Policy,
    distribution: &Distribution,
    now: UnixTime,
) -> Result<VerifiedAttestation, Error> {
    let bundle = attestation.to_bundle()?;
    let verified = verifier.verify_dsse(&bundle, policy, now)?;
    let predicate_type = distribution.check_statement(verified.attestation()?)?;
    Ok(VerifiedAttestation {
        place: String::from("attestation"),
        publisher: None,
        verified,
        predicate_type,
    })
}

/// Verifies a provenance object against the distribution: every publisher must be the one
/// `expected` names, and every attestation must verify for its publisher's policy. The first
/// failure is returned; a provenance without attestations is `PYPI_PROVENANCE_EMPTY`.
pub fn verify_provenance(
    verifier: &Verifier,
    provenance: &Provenance,
    expected: &Expected,
    distribution: &Distribution,
    now: UnixTime,
) -> Result<Vec<VerifiedAttestation>, Error> {
    let mut all = Vec::new();
    for (i, group) in provenance.bundles.iter().enumerate() {
        group.publisher.check_expected(expected)?;
        let policy = group.publisher.policy()?;
        for (j, attestation) in group.attestations.iter().enumerate() {
            let mut one = verify_attestation(verifier, attestation, &policy, distribution, now)?;
            one.place = alloc::format!("attestation_bundles[{i}].attestations[{j}]");
            one.publisher = Some(group.publisher.clone());
            all.push(one);
        }
    }
    if all.is_empty() {
        return Err(Error::PypiProvenanceEmpty);
    }
    Ok(all)
}
