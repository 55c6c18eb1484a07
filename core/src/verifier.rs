//! The verifier: a trusted root decoded once, and `verify`, which runs the pipeline steps in
//! the order of the Sigstore client specification.

use alloc::string::String;
use alloc::vec::Vec;
use core::num::NonZeroUsize;

use crate::Error;
use crate::bundle::Bundle;
use crate::bundle::Content;
use crate::bundle::Material;
use crate::crypto::PublicKey;
use crate::crypto::RsaPadding;
use crate::digest::Sha256Digest;
use crate::policy::Policy;
use crate::policy::PolicyKind;
use crate::time::UnixTime;
use crate::tlog;
use crate::tlog::LogEntry;
use crate::trust_root::TrustedRoot;
use crate::x509::Certificate;

/// What a deployment requires of every bundle, beyond the policy (modelled on sigstore-go's
/// verifier options). Every entry and timestamp present in a bundle is always verified; these
/// thresholds say how many must be present.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// How many tlog entries must verify. 0 accepts bundles with no tlog entry (e.g. GitHub's
    /// private Sigstore instance, which relies on a TSA alone).
    pub tlog_entries: usize,
    /// How many RFC 3161 signed timestamps must verify.
    pub signed_timestamps: usize,
    /// How many trusted signing times of either kind (integrated times proven by an inclusion
    /// promise, or signed timestamps) must prove when the bundle was signed. Never zero: without
    /// a trusted time a short-lived certificate cannot be checked.
    pub observer_timestamps: NonZeroUsize,
}

impl Default for Config {
    /// The public-good profile: one verified tlog entry and one trusted signing time of either
    /// kind. Rekor v2 entries carry no integrated time, so they need a signed timestamp.
    fn default() -> Self {
        Self {
            tlog_entries: 1,
            signed_timestamps: 0,
            observer_timestamps: NonZeroUsize::MIN,
        }
    }
}

/// What was signed: the artifact's bytes, or only its SHA-256 digest.
#[derive(Clone, Copy, Debug)]
pub enum Artifact<'a> {
    /// The whole artifact.
    Bytes(&'a [u8]),
    /// The artifact's SHA-256 digest (e.g. from [`crate::Sha256Hasher`] over a stream).
    Digest(Sha256Digest),
}

/// The outcome of a successful verification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// The certificate identity (SAN), or `None` for a managed key.
    pub identity: Option<String>,
    /// The OIDC issuer of the certificate, or `None` for a managed key.
    pub issuer: Option<String>,
    /// Every verified signing time, earliest first.
    pub signing_times: Vec<UnixTime>,
    /// The tlog entries that verified.
    pub log_entries: Vec<LogEntry>,
    /// The DSSE statement, for DSSE bundles.
    pub statement: Option<Statement>,
}

/// A verified DSSE payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The envelope's payload type.
    pub payload_type: String,
    /// The payload bytes (an in-toto statement).
    pub payload: Vec<u8>,
}

/// A verifier over one trusted root.
#[derive(Clone, Debug)]
pub struct Verifier {
    root: TrustedRoot,
    config: Config,
}

/// The key that made the signature, with the certificate it came from (if any).
struct Signer<'a> {
    key: &'a PublicKey,
    spki: &'a [u8],
    leaf: Option<&'a Certificate>,
}

impl Verifier {
    /// A verifier over `root` with the given requirements.
    pub fn new(root: TrustedRoot, config: Config) -> Self {
        Self { root, config }
    }

    /// Verifies `bundle` over `artifact` for `policy` at time `now`.
    pub fn verify(
        &self,
        bundle: &Bundle,
        artifact: Artifact<'_>,
        policy: &Policy,
        now: UnixTime,
    ) -> Result<Verified, Error> {
        let leaf = leaf_certificate(&bundle.material)?;
        let signer = match (&policy.kind, &leaf) {
            (PolicyKind::Identity { .. }, Some(leaf)) => Signer {
                key: leaf.key.as_ref().ok_or(Error::KeyUnsupported)?,
                spki: &leaf.spki,
                leaf: Some(leaf),
            },
            (PolicyKind::Key { key, spki }, None) => Signer {
                key,
                spki,
                leaf: None,
            },
            _ => return Err(Error::PolicyMaterialMismatch),
        };
        let digest = match artifact {
            Artifact::Bytes(b) => Sha256Digest::of(b),
            Artifact::Digest(d) => d,
        };

        // Client spec "Signature verification": the signature covers this artifact.
        check_signature(&bundle.content, signer.key, artifact, &digest)?;

        // Client spec "Transparency log": each entry is authentic and describes this bundle.
        let expected = tlog::body::Expected {
            content: &bundle.content,
            certificate: signer.leaf.map(|l| l.der.as_slice()),
            spki: signer.spki,
            artifact: digest,
        };
        let log_entries = bundle
            .tlog_entries
            .iter()
            .enumerate()
            .map(|(i, e)| tlog::verify_entry(i, e, &self.root.tlogs, &expected, now))
            .collect::<Result<Vec<_>, _>>()?;
        // Client spec "Timestamps": each RFC 3161 token is over the signature, by a trusted TSA.
        let signature = match &bundle.content {
            Content::MessageSignature { signature, .. } => signature,
            Content::Dsse(env) => &env.signature,
        };
        let timestamps = bundle
            .timestamps
            .iter()
            .map(|t| crate::timestamp::verify(t, signature, &self.root.tsas))
            .collect::<Result<Vec<_>, _>>()?;
        if log_entries.len() < self.config.tlog_entries {
            return Err(Error::TlogThresholdNotMet);
        }
        if timestamps.len() < self.config.signed_timestamps {
            return Err(Error::TimestampThresholdNotMet);
        }
        let mut signing_times: Vec<UnixTime> = log_entries
            .iter()
            .filter_map(|e| e.integrated_time)
            .chain(timestamps)
            .collect();
        signing_times.sort_unstable();
        if signing_times.len() < self.config.observer_timestamps.get() {
            return Err(Error::TimeThresholdNotMet);
        }

        // Client spec "Certificate": chain to a trusted CA at every signing time, then SCTs.
        let (identity, issuer) = match (signer.leaf, &policy.kind) {
            (Some(leaf), PolicyKind::Identity { identity, issuer }) => {
                let ca = crate::x509::verify_leaf(leaf, &self.root.cas, &signing_times)?;
                crate::sct::verify_embedded(leaf, ca, &self.root.ctlogs)?;
                let (identity, issuer) = crate::policy::check_identity(leaf, identity, issuer)?;
                (Some(identity), Some(issuer))
            }
            _ => (None, None),
        };
        let statement = match &bundle.content {
            Content::Dsse(env) => Some(Statement {
                payload_type: env.payload_type.clone(),
                payload: env.payload.clone(),
            }),
            Content::MessageSignature { .. } => None,
        };
        Ok(Verified {
            identity,
            issuer,
            signing_times,
            log_entries,
            statement,
        })
    }
}

/// Parses the leaf (and rejects a root certificate anywhere in a bundle's chain).
fn leaf_certificate(material: &Material) -> Result<Option<Certificate>, Error> {
    let Material::Certificates(chain) = material else {
        return Ok(None);
    };
    let mut certs = chain
        .iter()
        .map(|der| Certificate::from_der(der).map_err(|()| Error::BundleCertificateInvalid));
    let leaf = certs.next().ok_or(Error::BundleCertificateChainEmpty)??;
    for cert in certs {
        if cert?.is_self_signed() {
            return Err(Error::BundleChainContainsRoot);
        }
    }
    if leaf.is_self_signed() {
        return Err(Error::BundleChainContainsRoot);
    }
    Ok(Some(leaf))
}

/// The message signature or DSSE envelope signature, and what it must cover.
fn check_signature(
    content: &Content,
    key: &PublicKey,
    artifact: Artifact<'_>,
    digest: &Sha256Digest,
) -> Result<(), Error> {
    let hash = key.default_hash();
    match content {
        Content::MessageSignature {
            digest: bundle_digest,
            signature,
        } => {
            if bundle_digest.as_deref().is_some_and(|d| d != digest.0) {
                return Err(Error::SignatureDigestMismatch);
            }
            let result = match artifact {
                Artifact::Bytes(bytes) => key.verify(hash, RsaPadding::Pkcs1v15, bytes, signature),
                Artifact::Digest(_) if key.needs_message() => {
                    return Err(Error::ArtifactDigestInsufficient);
                }
                Artifact::Digest(d) => key.verify_prehash(
                    crate::crypto::HashAlg::Sha256,
                    RsaPadding::Pkcs1v15,
                    &d.0,
                    signature,
                ),
            };
            result.map_err(|_| Error::SignatureInvalid)
        }
        Content::Dsse(env) => {
            let pae = crate::dsse::pae(&env.payload_type, &env.payload);
            key.verify(hash, RsaPadding::Pkcs1v15, &pae, &env.signature)
                .map_err(|_| Error::DsseSignatureInvalid)?;
            crate::dsse::check_subject(&env.payload_type, &env.payload, digest)
        }
    }
}
