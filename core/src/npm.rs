//! npm packages, verified as `npm audit signatures` (npm/cli with pacote and sigstore-js)
//! verifies them, from files the user fetched:
//!
//! - the registry's ECDSA signatures over `NAME@VERSION:INTEGRITY` (`dist.signatures`), each by
//!   the registry key its `keyid` names, made before that key `expires` (compared with the
//!   publish time, not now: a key retired later still vouches for what it signed before);
//! - the attestations document: every bundle must verify. One signed with a key id (the DSSE
//!   signature's `keyid`) is the registry's publish attestation, checked with that registry key
//!   limited to before its expiry; one without is the SLSA provenance, checked keyless for the
//!   caller's policy (npm itself names no identity: without a policy any Fulcio identity the
//!   trusted root vouches for is accepted, and reported). The first subject must name the
//!   package (`pkg:npm/NAME@VERSION`) and the tarball's SHA-512;
//! - the tarball, when given, must have the SHA-512 that `integrity` names.
//!
//! Where this is stricter than npm, or decides what npm leaves open, it says so (see
//! `conformance/README.md`, "npm packages"): the publish time used for a registry signature is
//! the publish attestation's proven signing time when there is one, else the packument's
//! `time[VERSION]`, else pacote's cut-off for versions without one (2015-01-01); bundles of
//! v0.1 and v0.2 carry their chain, which sigstore-js ignores beyond the leaf, and so does this
//! (the older bundles end in the Fulcio root, which `verify-bundle` refuses).

mod keys;
mod package;

use alloc::string::String;
use alloc::vec::Vec;

pub use keys::RegistryKey;
pub use keys::RegistryKeys;
pub use package::PackageVersion;

use crate::Bundle;
use crate::Condition;
use crate::Error;
use crate::Policy;
use crate::UnixTime;
use crate::Verified;
use crate::Verifier;
use crate::crypto::HashAlg;
use crate::crypto::PublicKey;
use crate::crypto::RsaPadding;
use crate::verifier::Config;

/// The predicate type of the registry's publish attestation.
pub const PUBLISH_V0_1: &str = "https://github.com/npm/attestation/tree/main/specs/publish/v0.1";

/// pacote's stand-in publish time for a version whose packument has none: 2015-01-01, before
/// the registry signed anything.
pub const NO_PUBLISH_TIME: UnixTime = UnixTime(1_420_070_400);

/// Where the publish time a registry signature was judged by came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PublishTime {
    /// The publish attestation's verified signing time (a transparency log's).
    Attested(UnixTime),
    /// The packument's `time[VERSION]` (as npm uses; not signed).
    Packument(UnixTime),
    /// Neither: pacote's cut-off, [`NO_PUBLISH_TIME`].
    Assumed(UnixTime),
}

impl PublishTime {
    /// The time itself.
    pub fn time(self) -> UnixTime {
        match self {
            Self::Attested(t) | Self::Packument(t) | Self::Assumed(t) => t,
        }
    }

    /// Where it came from, as every interface names it: `attestation`, `packument` or
    /// `assumed`.
    pub fn source(self) -> &'static str {
        match self {
            Self::Attested(_) => "attestation",
            Self::Packument(_) => "packument",
            Self::Assumed(_) => "assumed",
        }
    }
}

/// Which attestation of the document a bundle was.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AttestationKind {
    /// The registry's publish attestation, signed with the registry key of this id.
    Publish {
        /// The registry key's id.
        keyid: String,
    },
    /// The SLSA provenance, signed keyless by the build.
    Provenance,
}

impl AttestationKind {
    /// `publish` or `provenance`, as every interface names the kind.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Publish { .. } => "publish",
            Self::Provenance => "provenance",
        }
    }

    /// The registry key's id, for a publish attestation.
    pub fn keyid(&self) -> Option<&str> {
        match self {
            Self::Publish { keyid } => Some(keyid),
            Self::Provenance => None,
        }
    }
}

/// One verified attestation of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifiedAttestation {
    /// Where it was in the document: `attestations[0]`.
    pub place: String,
    /// Publish attestation or provenance.
    pub kind: AttestationKind,
    /// The statement's `predicateType`.
    pub predicate_type: String,
    /// The pipeline's result (identity and issuer for the provenance).
    pub verified: Verified,
}

/// A verified package version.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct VerifiedPackage {
    /// `NAME`.
    pub name: String,
    /// `VERSION`.
    pub version: String,
    /// The key ids of the registry signatures that verified (every one on the version did).
    pub signatures: Vec<String>,
    /// The publish time the signatures' keys were judged by.
    pub publish_time: PublishTime,
    /// Every attestation of the document, each verified.
    pub attestations: Vec<VerifiedAttestation>,
    /// Whether the tarball itself was hashed (else only its integrity was named).
    pub tarball_checked: bool,
}

/// What the caller holds of one package version.
#[derive(Clone, Copy, Debug)]
pub struct Inputs<'a> {
    /// The registry's keys.
    pub keys: &'a RegistryKeys,
    /// The version, from the packument.
    pub package: &'a PackageVersion,
    /// The tarball's SHA-512, when the tarball is at hand.
    pub tarball_sha512: Option<&'a [u8; 64]>,
    /// The attestations document's bytes, when the registry has one for this version.
    pub attestations: Option<&'a [u8]>,
    /// Who must have built it (the provenance's certificate); `None` accepts any identity, as
    /// npm does.
    pub provenance_policy: Option<&'a Policy>,
}

/// Verifies a package version as `npm audit signatures` does. `verifier` holds the Sigstore
/// trusted root for the attestations (its ECDSA backend also checks the registry signatures;
/// its thresholds are replaced by the public-good profile, which npm uses). Errors, first
/// failing check first: `NPM_INTEGRITY_MISMATCH`, `NPM_ATTESTATIONS_MISSING`, a bundle's own
/// errors, `NPM_ATTESTATION_KEY_UNKNOWN`, `POLICY_KEY_NOT_VALID_AT_SIGNING_TIME` (the publish
/// key had expired), `NPM_SUBJECT_NAME_MISMATCH`, `NPM_SUBJECT_DIGEST_MISMATCH`,
/// `NPM_SIGNATURE_MISSING`, `NPM_SIGNATURE_KEY_UNKNOWN`, `NPM_SIGNATURE_KEY_EXPIRED`,
/// `NPM_SIGNATURE_INVALID`.
pub fn verify_package(
    verifier: &Verifier,
    inputs: Inputs<'_>,
    now: UnixTime,
) -> Result<VerifiedPackage, Error> {
    let package = inputs.package;
    if inputs
        .tarball_sha512
        .is_some_and(|sha512| *sha512 != package.sha512)
    {
        return Err(Error::NpmIntegrityMismatch);
    }
    // npm uses the public-good profile; the trusted root is copied only when the caller's
    // verifier has other thresholds.
    let reconfigured;
    let verifier = if verifier.config() == Config::default() {
        verifier
    } else {
        reconfigured = verifier.clone().with_config(Config::default());
        &reconfigured
    };
    let attestations = match inputs.attestations {
        Some(doc) => verify_attestations(verifier, &inputs, doc, now)?,
        None if package.has_attestations => return Err(Error::NpmAttestationsMissing),
        None => Vec::new(),
    };
    let attested = attestations.iter().find_map(|a| match a.kind {
        AttestationKind::Publish { .. } => a.verified.signing_times.first().copied(),
        AttestationKind::Provenance => None,
    });
    let publish_time = match (attested, package.publish_time) {
        (Some(t), _) => PublishTime::Attested(t),
        (None, Some(t)) => PublishTime::Packument(t),
        (None, None) => PublishTime::Assumed(NO_PUBLISH_TIME),
    };
    let signatures = verify_signatures(verifier, inputs.keys, package, publish_time.time())?;
    Ok(VerifiedPackage {
        name: package.name.clone(),
        version: package.version.clone(),
        signatures,
        publish_time,
        attestations,
        tarball_checked: inputs.tarball_sha512.is_some(),
    })
}

/// Every registry signature of the version, each by its key, made before the key expired.
fn verify_signatures(
    verifier: &Verifier,
    keys: &RegistryKeys,
    package: &PackageVersion,
    published: UnixTime,
) -> Result<Vec<String>, Error> {
    if package.signatures.is_empty() {
        return Err(Error::NpmSignatureMissing);
    }
    let message = package.signed_message();
    let mut verified = Vec::new();
    for (keyid, sig) in &package.signatures {
        let key = keys
            .get(keyid)
            .ok_or_else(|| Error::NpmSignatureKeyUnknown {
                keyid: keyid.clone(),
            })?;
        if key.expires.is_some_and(|end| published >= end) {
            return Err(Error::NpmSignatureKeyExpired {
                keyid: keyid.clone(),
            });
        }
        let invalid = || Error::NpmSignatureInvalid {
            keyid: keyid.clone(),
        };
        let public = PublicKey::from_spki_der(&key.spki).map_err(|_| invalid())?;
        public
            .verify(
                verifier.crypto(),
                HashAlg::Sha256,
                RsaPadding::Pkcs1v15,
                message.as_bytes(),
                sig,
            )
            .map_err(|_| invalid())?;
        verified.push(keyid.clone());
    }
    Ok(verified)
}

/// Every bundle of the attestations document: the publish attestation by its registry key,
/// the provenance keyless; each must name the package.
fn verify_attestations(
    verifier: &Verifier,
    inputs: &Inputs<'_>,
    doc: &[u8],
    now: UnixTime,
) -> Result<Vec<VerifiedAttestation>, Error> {
    let (_, found) = crate::bundles::split(doc)?;
    let any_identity = Policy::from_condition(Condition::AllOf(alloc::vec![
        Condition::identity_matching(".*")?,
        Condition::issuer_matching(".*")?,
    ]));
    let mut all = Vec::new();
    for f in found {
        let bundle = Bundle::from_json(&f.json)?.leaf_only();
        let (kind, verified) = match bundle.dsse_keyid() {
            Some(keyid) => {
                let key =
                    inputs
                        .keys
                        .get(keyid)
                        .ok_or_else(|| Error::NpmAttestationKeyUnknown {
                            keyid: keyid.into(),
                        })?;
                // npm accepts an attestation logged strictly before the key's expiry.
                let last = key.expires.map(|t| UnixTime(t.seconds().saturating_sub(1)));
                let policy = Policy::public_key_der(&key.spki)?.with_key_validity(None, last)?;
                let kind = AttestationKind::Publish {
                    keyid: keyid.into(),
                };
                (kind, verifier.verify_dsse(&bundle, &policy, now)?)
            }
            None => {
                let policy = inputs.provenance_policy.unwrap_or(&any_identity);
                (
                    AttestationKind::Provenance,
                    verifier.verify_dsse(&bundle, policy, now)?,
                )
            }
        };
        let predicate_type = check_subject(&verified, inputs.package)?;
        all.push(VerifiedAttestation {
            place: f.place,
            kind,
            predicate_type,
            verified,
        });
    }
    Ok(all)
}

/// A string member, or the error `invalid` makes of the field's name.
fn text_or<'v>(
    invalid: impl Fn(&'static str) -> Error,
    value: Option<&'v crate::json::borrowed::Json<'_>>,
    field: &'static str,
) -> Result<&'v str, Error> {
    value
        .and_then(crate::json::borrowed::Json::as_str)
        .ok_or_else(|| invalid(field))
}

/// The statement's first subject must be the package by its purl and the tarball's SHA-512
/// (pacote reads the first only). Returns the predicate type.
fn check_subject(verified: &Verified, package: &PackageVersion) -> Result<String, Error> {
    let statement = verified.attestation()?.in_toto()?;
    let first = statement.subjects.first();
    let name = first.map(|s| s.name.clone()).unwrap_or_default();
    if name != package.purl() {
        return Err(Error::NpmSubjectNameMismatch { found: name });
    }
    let want = crate::encoding::hex_encode(&package.sha512);
    let named = first.is_some_and(|s| {
        s.digests
            .iter()
            .any(|(alg, hex)| alg == "sha512" && *hex == want)
    });
    if !named {
        return Err(Error::NpmSubjectDigestMismatch);
    }
    Ok(statement.predicate_type)
}
