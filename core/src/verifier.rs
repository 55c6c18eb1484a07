//! The verifier: a trusted root decoded once, and `verify`, which runs the pipeline steps in
//! the order of the Sigstore client specification.

use crate::Error;
use crate::artifact::Artifact;
use crate::backend::EcdsaBackend;
use crate::bundle::Bundle;
use crate::bundle::Content;
use crate::bundle::Material;
use crate::bundle::MessageDigest;
use crate::crypto::Crypto;
use crate::crypto::PublicKey;
use crate::crypto::RsaPadding;
use crate::digest::Digest;
use crate::digest::HashAlgorithm;
use crate::intoto::Statement;
use crate::policy::Policy;
use crate::policy::PolicyKind;
use crate::time::UnixTime;
use crate::tlog;
use crate::tlog::LogEntry;
use crate::trust_root::Log;
use crate::trust_root::TrustedRoot;
use crate::witness::WitnessPolicy;
use crate::x509::Authority;
use crate::x509::Certificate;
use alloc::string::String;
use alloc::vec::Vec;

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
    /// promise, or signed timestamps) must prove when the bundle was signed. 0 only with a
    /// managed-key policy and `tlog_entries: 0` (a key signing offline, with no log and no
    /// timestamp): the key's validity is then checked at the verification time and
    /// [`Verified::signing_times`] says that no signing time was proven. Elsewhere 0 is
    /// `TIME_THRESHOLD_ZERO_NOT_ALLOWED`: a short-lived certificate needs a signing time.
    pub observer_timestamps: usize,
    /// How many embedded SCTs of the signing certificate must verify. 0 for instances without
    /// certificate transparency (GitHub's private Sigstore instance).
    pub certificate_timestamps: usize,
}

impl Config {
    /// GitHub's Sigstore instance for private repositories: its Fulcio issues certificates
    /// without SCTs and nothing is logged; one RFC 3161 timestamp proves the signing time. Use
    /// it with GitHub's trusted root (supplied by the caller, like any other root).
    pub const fn github_private() -> Self {
        Self {
            tlog_entries: 0,
            signed_timestamps: 1,
            observer_timestamps: 1,
            certificate_timestamps: 0,
        }
    }
}

impl Default for Config {
    /// The public-good profile: one verified tlog entry, one embedded SCT and one trusted
    /// signing time of either kind. Rekor v2 entries carry no integrated time, so they need a
    /// signed timestamp.
    fn default() -> Self {
        Self {
            tlog_entries: 1,
            signed_timestamps: 0,
            observer_timestamps: 1,
            certificate_timestamps: 1,
        }
    }
}

/// The outcome of a successful verification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// The certificate identity (SAN), or `None` for a managed key.
    pub identity: Option<String>,
    /// The OIDC issuer of the certificate, or `None` for a managed key and for a certificate
    /// without one that the policy allowed ([`crate::Condition::NoIssuer`]).
    pub issuer: Option<String>,
    /// Every verified signing time, earliest first. Empty only under a time threshold of 0
    /// when nothing proved a time: the managed key was then checked at the verification time.
    pub signing_times: Vec<UnixTime>,
    /// The tlog entries that verified.
    pub log_entries: Vec<LogEntry>,
    /// The DSSE statement, for DSSE bundles.
    pub statement: Option<Statement>,
    /// The items of the bundle that did not verify and were left out, each with its reason
    /// (the thresholds were met without them).
    pub skipped: Vec<Skipped>,
    /// The signing certificate's Fulcio extensions (`1.3.6.1.4.1.57264.1.*`) that hold text,
    /// as (dotted OID, value) in certificate order: issuer, source repository, build signer,
    /// runner, and so on. Empty for a managed key.
    pub extensions: Vec<(String, String)>,
}

impl Verified {
    /// The verified DSSE payload, or `DSSE_ENVELOPE_MISSING` when the bundle held a message
    /// signature (for callers that asked for an attestation).
    pub fn attestation(&self) -> Result<&Statement, Error> {
        self.statement.as_ref().ok_or(Error::DsseEnvelopeMissing)
    }
}

/// An item of a bundle left out of a successful verification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Which item.
    pub item: SkippedItem,
    /// Why it did not verify.
    pub reason: Error,
}

/// Which item of a bundle was skipped, by its position in the bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkippedItem {
    /// A transparency-log entry (`verificationMaterial.tlogEntries[i]`).
    TlogEntry(usize),
    /// An RFC 3161 timestamp (`timestampVerificationData.rfc3161Timestamps[i]`).
    Timestamp(usize),
    /// An SCT embedded in the signing certificate (position in its SCT list).
    Sct(usize),
}

/// A verifier over one trusted root.
#[derive(Clone, Debug)]
pub struct Verifier {
    root: TrustedRoot,
    config: Config,
    ecdsa: Option<Backend>,
    witness: Option<WitnessPolicy>,
}

/// An installed ECDSA backend: a static one (the bindings' platform crypto), or one shared
/// with its owner (a C firmware's callback and context, whose lifetime the handle bounds).
#[derive(Clone, Debug)]
enum Backend {
    Static(&'static dyn EcdsaBackend),
    Shared(alloc::sync::Arc<dyn EcdsaBackend>),
}

impl Backend {
    fn get(&self) -> &dyn EcdsaBackend {
        match self {
            Self::Static(b) => *b,
            Self::Shared(b) => b.as_ref(),
        }
    }
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
        Self {
            root,
            config,
            ecdsa: None,
            witness: None,
        }
    }

    /// Requires every checkpoint that proves a tlog entry to meet `policy` (its logs, witness
    /// cosignatures and quorum); an entry with no checkpoint then fails when the policy asks
    /// anything (`WITNESS_CHECKPOINT_MISSING`). `quorum none` with no `log` lines changes
    /// nothing. The cosignatures that verified are in each entry's
    /// [`crate::SignedCheckpoint::cosignatures`].
    #[cfg(feature = "witness")]
    #[must_use]
    pub fn with_witness_policy(mut self, policy: WitnessPolicy) -> Self {
        self.witness = Some(policy);
        self
    }

    /// The witness policy this verifier applies, if any.
    pub fn witness_policy(&self) -> Option<&WitnessPolicy> {
        self.witness.as_ref()
    }

    /// The same trusted root under other requirements.
    #[must_use]
    pub fn with_config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }

    /// Changes the requirements in place (a firmware choosing them per signer: no copy of
    /// the trusted root, which [`Self::with_config`] on a clone would make).
    pub fn set_config(&mut self, config: Config) {
        self.config = config;
    }

    /// The requirements this verifier applies.
    pub fn config(&self) -> Config {
        self.config
    }

    /// Hands ECDSA signature checks to `backend` (a platform's optimised implementation)
    /// before the core's own code; see [`crate::backend`] for what stays in the core. The
    /// outcome of every verification is the same with or without a backend that answers
    /// truthfully (see [`EcdsaBackend`]).
    #[must_use]
    pub fn with_ecdsa_backend(mut self, backend: &'static dyn EcdsaBackend) -> Self {
        self.ecdsa = Some(Backend::Static(backend));
        self
    }

    /// [`Self::with_ecdsa_backend`] for a backend that is not `'static`, e.g. one holding a
    /// callback and its context.
    #[must_use]
    pub fn with_shared_ecdsa_backend(
        mut self,
        backend: alloc::sync::Arc<dyn EcdsaBackend>,
    ) -> Self {
        self.ecdsa = Some(Backend::Shared(backend));
        self
    }

    /// The signature checker this verifier uses (its ECDSA backend first, if any).
    pub(crate) fn crypto(&self) -> Crypto<'_> {
        Crypto::with(self.ecdsa.as_ref().map(Backend::get))
    }

    /// Verifies `bundle` over `artifact` for `policy` at time `now`.
    pub fn verify(
        &self,
        bundle: &Bundle,
        artifact: Artifact<'_>,
        policy: &Policy,
        now: UnixTime,
    ) -> Result<Verified, Error> {
        self.run(bundle, Some(artifact), policy, now)
    }

    /// Verifies a DSSE bundle without the artifact: the envelope signature, logs, times,
    /// certificate and policy; everything but the in-toto subjects, which the caller matches
    /// against what it holds (as sigstore-python's `verify_dsse` leaves them to its caller).
    /// The statement is in [`Verified::statement`]. A message-signature bundle needs the
    /// artifact: `ArtifactRequired`.
    pub fn verify_dsse(
        &self,
        bundle: &Bundle,
        policy: &Policy,
        now: UnixTime,
    ) -> Result<Verified, Error> {
        self.run(bundle, None, policy, now)
    }

    fn run(
        &self,
        bundle: &Bundle,
        artifact: Option<Artifact<'_>>,
        policy: &Policy,
        now: UnixTime,
    ) -> Result<Verified, Error> {
        if artifact.is_none() && matches!(bundle.content, Content::MessageSignature { .. }) {
            return Err(Error::ArtifactRequired);
        }
        if self.config.observer_timestamps == 0
            && (!policy.is_key() || self.config.tlog_entries > 0)
        {
            return Err(Error::TimeThresholdZeroNotAllowed);
        }
        let leaf = leaf_certificate(&bundle.material)?;
        let signer = match (&policy.kind, &leaf) {
            (PolicyKind::Certificate(_), Some(leaf)) => Signer {
                key: leaf.key.as_ref().map_err(|e| match e {
                    Error::KeyAlgorithmNotBuilt => Error::KeyAlgorithmNotBuilt,
                    _ => Error::KeyUnsupported,
                })?,
                spki: &leaf.spki,
                leaf: Some(leaf),
            },
            (PolicyKind::Key { key, spki, .. }, None) => Signer {
                key,
                spki,
                leaf: None,
            },
            _ => return Err(Error::PolicyMaterialMismatch),
        };
        let crypto = self.crypto();
        // sigstore-go's fallback for old clients' P-384/P-521 signatures over SHA-256 applies to
        // certificate keys (a managed key's hash is the caller's to fix).
        let compat = signer.leaf.is_some();
        let digest = match (&bundle.content, artifact) {
            (Content::MessageSignature { digest, .. }, Some(a)) => {
                Some(message_artifact_digest(digest.as_ref(), a)?)
            }
            _ => None,
        };

        // Client spec "Signature verification": the signature covers this artifact.
        check_signature(
            &bundle.content,
            signer.key,
            compat,
            artifact,
            digest,
            crypto,
        )?;

        // Client spec "Transparency log": each entry is authentic and describes this bundle.
        let expected = tlog::body::Expected {
            content: &bundle.content,
            certificate: signer.leaf.map(|l| l.der.as_slice()),
            spki: signer.spki,
            artifact: digest,
            pae_hash: signer.key.default_hash(),
        };
        let mut skipped = Vec::new();
        let log_entries = self.verify_entries(bundle, &expected, now, crypto, &mut skipped)?;
        // Client spec "Timestamps": each RFC 3161 token is over the signature, by a trusted TSA.
        let stamps = self.verify_timestamps(bundle, crypto, &mut skipped)?;

        // Thresholds count independent witnesses, as sigstore-go does: distinct logs (one
        // integrated time each) and distinct timestamp authorities. When too few verified, the
        // reason a skipped item gave is the more precise error.
        let first_skip = |kind: fn(&SkippedItem) -> bool| {
            skipped
                .iter()
                .find(|s| kind(&s.item))
                .map(|s| s.reason.clone())
        };
        let is_entry = |i: &SkippedItem| matches!(i, SkippedItem::TlogEntry(_));
        let is_stamp = |i: &SkippedItem| matches!(i, SkippedItem::Timestamp(_));
        // A log is its key: one key under two log ids of the root is one witness.
        let log_identity = |id: &[u8]| {
            self.root
                .tlogs
                .iter()
                .find(|l| l.log_id == id)
                .map_or_else(|| Vec::from(id), Log::identity)
        };
        let mut logs: Vec<Vec<u8>> = Vec::new();
        let mut timed_logs: Vec<Vec<u8>> = Vec::new();
        for e in &log_entries {
            let identity = log_identity(&e.log_id);
            if e.integrated_time.is_some() && !timed_logs.contains(&identity) {
                timed_logs.push(identity.clone());
            }
            if !logs.contains(&identity) {
                logs.push(identity);
            }
        }
        if logs.len() < self.config.tlog_entries {
            return Err(first_skip(is_entry).unwrap_or(Error::TlogThresholdNotMet));
        }
        // Entries of the root naming one URI, or holding one chain, are one authority (a TSA
        // whose keys rotated, or one TSA listed twice).
        let mut authorities: Vec<&Authority> = Vec::new();
        for stamp in &stamps {
            let Some(tsa) = self.root.tsas.get(stamp.authority) else {
                continue;
            };
            if !authorities.iter().any(|a| a.same_as(tsa)) {
                authorities.push(tsa);
            }
        }
        if authorities.len() < self.config.signed_timestamps {
            return Err(first_skip(is_stamp).unwrap_or(Error::TimestampThresholdNotMet));
        }
        if timed_logs.len().saturating_add(authorities.len()) < self.config.observer_timestamps {
            return Err(first_skip(is_stamp)
                .or_else(|| first_skip(is_entry))
                .unwrap_or(Error::TimeThresholdNotMet));
        }
        // The certificate must be valid at every verified time, counted or not. Kept in order
        // as they are collected: a handful of times, and no general sort routine (6 KB) in a
        // firmware image for them.
        let mut signing_times: Vec<UnixTime> = Vec::new();
        let times = log_entries.iter().filter_map(|e| e.integrated_time);
        for t in times.chain(stamps.iter().map(|s| s.time)) {
            signing_times.insert(signing_times.partition_point(|x| *x <= t), t);
        }

        // Client spec "Certificate": chain to a trusted CA at every signing time, then SCTs.
        let mut extensions = Vec::new();
        let (identity, issuer) = match (signer.leaf, &policy.kind) {
            (Some(leaf), PolicyKind::Certificate(condition)) => {
                let ca = crate::x509::verify_leaf(leaf, &self.root.cas, &signing_times, crypto)?;
                let scts = crate::sct::verify_embedded(
                    leaf,
                    ca,
                    &self.root.ctlogs,
                    self.config.certificate_timestamps,
                    crypto,
                )?;
                skipped.extend(scts.into_iter().map(|(i, reason)| Skipped {
                    item: SkippedItem::Sct(i),
                    reason,
                }));
                let (identity, issuer) = crate::policy::check_certificate(leaf, condition)?;
                extensions = crate::policy::fulcio_extensions(leaf);
                (Some(identity), issuer)
            }
            (None, PolicyKind::Key { validity, .. }) => {
                crate::policy::check_key_validity(validity, &signing_times, now)?;
                (None, None)
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
            skipped,
            extensions,
        })
    }

    /// Verifies every tlog entry. As in sigstore-go, an entry of a log the trusted root does
    /// not know, or whose inclusion promise does not verify, is skipped (it proves nothing,
    /// and the threshold decides); any other failure of an entry fails the bundle.
    #[inline(never)] // a step of Verifier::run: its locals stay out of run's frame
    fn verify_entries(
        &self,
        bundle: &Bundle,
        expected: &tlog::body::Expected<'_>,
        now: UnixTime,
        crypto: Crypto<'_>,
        skipped: &mut Vec<Skipped>,
    ) -> Result<Vec<LogEntry>, Error> {
        let mut verified: Vec<LogEntry> = Vec::new();
        for (i, entry) in bundle.tlog_entries.iter().enumerate() {
            match tlog::verify_entry(
                i,
                entry,
                &self.root.tlogs,
                expected,
                self.witness.as_ref(),
                now,
                crypto,
            ) {
                Ok(e) => {
                    // A repeated entry must not count twice.
                    if verified
                        .iter()
                        .any(|o| o.log_id == e.log_id && o.log_index == e.log_index)
                    {
                        return Err(Error::TlogEntryDuplicate { entry: i });
                    }
                    verified.push(e);
                }
                Err(
                    reason @ (Error::TlogKeyUnknown { .. }
                    | Error::TlogInclusionPromiseInvalid { .. }),
                ) => skipped.push(Skipped {
                    item: SkippedItem::TlogEntry(i),
                    reason,
                }),
                Err(e) => return Err(e),
            }
        }
        Ok(verified)
    }

    /// Verifies every RFC 3161 timestamp. As in sigstore-go and sigstore-python, one that does
    /// not verify (malformed, over another signature, by a TSA the root does not trust) is
    /// skipped and does not count; the same token twice fails the bundle (sigstore-python).
    #[inline(never)] // a step of Verifier::run: its locals stay out of run's frame
    fn verify_timestamps(
        &self,
        bundle: &Bundle,
        crypto: Crypto<'_>,
        skipped: &mut Vec<Skipped>,
    ) -> Result<Vec<crate::timestamp::Stamp>, Error> {
        let signature = match &bundle.content {
            Content::MessageSignature { signature, .. } => signature,
            Content::Dsse(env) => &env.signature,
        };
        for (i, token) in bundle.timestamps.iter().enumerate() {
            if bundle
                .timestamps
                .get(..i)
                .unwrap_or_default()
                .contains(token)
            {
                return Err(Error::TimestampDuplicate);
            }
        }
        let mut stamps: Vec<crate::timestamp::Stamp> = Vec::new();
        for (i, token) in bundle.timestamps.iter().enumerate() {
            match crate::timestamp::verify(token, signature, &self.root.tsas, crypto) {
                Ok(stamp) if stamps.iter().any(|o| o.tst_info == stamp.tst_info) => {
                    return Err(Error::TimestampDuplicate);
                }
                Ok(stamp) => stamps.push(stamp),
                Err(reason) => skipped.push(Skipped {
                    item: SkippedItem::Timestamp(i),
                    reason,
                }),
            }
        }
        Ok(stamps)
    }
}

/// Parses the leaf (and rejects a root certificate anywhere in a bundle's chain).
#[inline(never)] // its certificate temporaries stay out of run's frame
fn leaf_certificate(material: &Material) -> Result<Option<Certificate>, Error> {
    let Material::Certificates(chain) = material else {
        return Ok(None);
    };
    let mut certs = chain
        .iter()
        .map(|der| Certificate::from_der(der).map_err(|_| Error::BundleCertificateInvalid));
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

/// The artifact's digest in the algorithm a message-signature bundle declares (SHA-256 when it
/// declares none), checked against the declared digest. The declared digest is an
/// unauthenticated hint: it only names the algorithm and catches the wrong artifact early; the
/// signature and the log entry decide.
fn message_artifact_digest(
    declared: Option<&MessageDigest>,
    artifact: Artifact<'_>,
) -> Result<Digest, Error> {
    let alg = declared.map_or(HashAlgorithm::Sha256, |d| d.alg);
    let digest = match artifact {
        Artifact::Bytes(bytes) => Digest::of(alg, bytes),
        Artifact::Digest(d) if declared.is_none() || d.algorithm() == alg => d,
        Artifact::Digest(_) => return Err(Error::ArtifactDigestInsufficient),
    };
    if declared.is_some_and(|d| d.bytes != digest.as_bytes()) {
        return Err(Error::SignatureDigestMismatch);
    }
    Ok(digest)
}

/// The message signature or DSSE envelope signature, and what it must cover. Without an
/// artifact (DSSE only) the in-toto subjects are left to the caller. `digest` is the
/// artifact's digest for message signatures.
#[inline(never)] // a step of Verifier::run: its locals stay out of run's frame
fn check_signature(
    content: &Content,
    key: &PublicKey,
    compat: bool,
    artifact: Option<Artifact<'_>>,
    digest: Option<Digest>,
    crypto: Crypto<'_>,
) -> Result<(), Error> {
    let hashes = key.signature_hashes(compat);
    match content {
        Content::MessageSignature { signature, .. } => {
            let (Some(artifact), Some(digest)) = (artifact, digest) else {
                return Err(Error::ArtifactRequired);
            };
            match artifact {
                Artifact::Bytes(bytes) => {
                    // The declared algorithm first: an old client's SHA-256 signature by a P-384
                    // key is then one check, not two.
                    let preferred = hashes.iter().filter(|h| **h == digest.algorithm());
                    let others = hashes.iter().filter(|h| **h != digest.algorithm());
                    if preferred.chain(others).any(|h| {
                        key.verify(crypto, *h, RsaPadding::Pkcs1v15, bytes, signature)
                            .is_ok()
                    }) {
                        Ok(())
                    } else {
                        Err(Error::SignatureInvalid)
                    }
                }
                // Ed25519 signs the message itself; a digest in a hash the key does not sign
                // with cannot check the signature either.
                Artifact::Digest(_) if key.needs_message() => {
                    Err(Error::ArtifactDigestInsufficient)
                }
                Artifact::Digest(d) if !hashes.contains(&d.algorithm()) => {
                    Err(Error::ArtifactDigestInsufficient)
                }
                Artifact::Digest(d) => {
                    let result = key.verify_digest(
                        crypto,
                        d.algorithm(),
                        RsaPadding::Pkcs1v15,
                        d.as_bytes(),
                        signature,
                    );
                    match result {
                        Ok(()) => Ok(()),
                        // Only the fallback hash was available: the signature may be over the
                        // key's own hash, which needs the artifact itself.
                        Err(_) if hashes.first() != Some(&d.algorithm()) => {
                            Err(Error::ArtifactDigestInsufficient)
                        }
                        Err(_) => Err(Error::SignatureInvalid),
                    }
                }
            }
        }
        Content::Dsse(env) => {
            // The PAE (as large as the payload) is freed before the statement is parsed: on a
            // microcontroller the two at once set the heap's peak.
            let signed = {
                let pae = crate::dsse::pae(&env.payload_type, &env.payload);
                hashes.iter().any(|h| {
                    key.verify(crypto, *h, RsaPadding::Pkcs1v15, &pae, &env.signature)
                        .is_ok()
                })
            };
            if !signed {
                return Err(Error::DsseSignatureInvalid);
            }
            match artifact {
                Some(artifact) => {
                    crate::dsse::check_subject(&env.payload_type, &env.payload, artifact)
                }
                None => Ok(()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::string::String;
    use alloc::vec;

    use p256::ecdsa::DerSignature;
    use p256::ecdsa::signature::Signer;

    use super::*;
    use crate::digest::Sha256Digest;
    use crate::encoding::base64_encode;
    use crate::testing;
    use crate::testing::Role;
    use crate::testing::TokenSpec;

    const Y2024: u64 = 1_704_067_200;
    const Y2025: u64 = 1_735_689_600;
    const Y2030: u64 = 1_893_456_000;
    const ID: &str = "https://github.com/octo/app/.github/workflows/release.yml@refs/tags/v1";
    const ISS: &str = "https://token.actions.githubusercontent.com";
    const ARTIFACT: &[u8] = b"firmware image";

    /// A private Sigstore instance with a Fulcio-like CA and a TSA, and no logs (the shape of
    /// GitHub's instance for private repositories).
    struct World {
        fulcio_root: Vec<u8>,
        leaf: Vec<u8>,
        tsa_chain: Vec<Vec<u8>>,
        signature: Vec<u8>,
        token: Vec<u8>,
    }

    fn world(leaf_validity: (u64, u64)) -> World {
        let (ca_key, leaf_key) = (testing::key(10), testing::key(11));
        let fulcio_root = testing::cert(
            "fulcio-root",
            &ca_key,
            "fulcio-root",
            &ca_key,
            1,
            (Y2024, Y2030),
            Role::Ca,
            &[],
        );
        let leaf = testing::cert(
            "",
            &leaf_key,
            "fulcio-root",
            &ca_key,
            2,
            leaf_validity,
            Role::CodeSigning,
            &testing::fulcio_extensions(ID, ISS),
        );
        let (tsa_root_key, tsa_key) = (testing::key(1), testing::key(2));
        let tsa_root = testing::cert(
            "tsa-root",
            &tsa_root_key,
            "tsa-root",
            &tsa_root_key,
            1,
            (Y2024, Y2030),
            Role::Ca,
            &[],
        );
        let tsa_leaf = testing::cert(
            "tsa",
            &tsa_key,
            "tsa-root",
            &tsa_root_key,
            7,
            (Y2024, Y2030),
            Role::TimeStamping,
            &[],
        );
        let sig: DerSignature = leaf_key.sign(ARTIFACT);
        let signature = sig.as_bytes().to_vec();
        let token = testing::token(&TokenSpec {
            signed_over: &signature,
            gen_time: "20250101000000Z",
            tsa_key: &tsa_key,
            tsa_issuer: "tsa-root",
            tsa_serial: 7,
            embedded: &[],
            content_type: testing::TST_INFO,
            tamper_digest_attr: false,
            status: 0,
        });
        World {
            fulcio_root,
            leaf,
            tsa_chain: vec![tsa_leaf, tsa_root],
            signature,
            token,
        }
    }

    fn certs(list: &[&Vec<u8>]) -> String {
        let items: Vec<String> = list
            .iter()
            .map(|c| format!(r#"{{"rawBytes":"{}"}}"#, base64_encode(c)))
            .collect();
        items.join(",")
    }

    fn root(w: &World) -> TrustedRoot {
        let json = format!(
            r#"{{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1",
            "certificateAuthorities":[{{"certChain":{{"certificates":[{}]}},"validFor":{{"start":"2024-01-01T00:00:00Z"}}}}],
            "timestampAuthorities":[{{"certChain":{{"certificates":[{}]}},"validFor":{{"start":"2024-01-01T00:00:00Z"}}}}]}}"#,
            certs(&[&w.fulcio_root]),
            certs(&w.tsa_chain.iter().collect::<Vec<_>>()),
        );
        TrustedRoot::from_json(json.as_bytes()).unwrap()
    }

    fn bundle(chain: &[&Vec<u8>], signature: &[u8], tokens: &[&Vec<u8>]) -> Bundle {
        let stamps: Vec<String> = tokens
            .iter()
            .map(|t| format!(r#"{{"signedTimestamp":"{}"}}"#, base64_encode(t)))
            .collect();
        let json = format!(
            r#"{{"mediaType":"application/vnd.dev.sigstore.bundle+json;version=0.1",
            "verificationMaterial":{{"x509CertificateChain":{{"certificates":[{}]}},"tlogEntries":[],
            "timestampVerificationData":{{"rfc3161Timestamps":[{}]}}}},
            "messageSignature":{{"messageDigest":{{"algorithm":"SHA2_256","digest":"{}"}},"signature":"{}"}}}}"#,
            certs(chain),
            stamps.join(","),
            base64_encode(&Sha256Digest::of(ARTIFACT).0),
            base64_encode(signature),
        );
        Bundle::from_json(json.as_bytes()).unwrap()
    }

    fn tsa_only() -> Config {
        Config {
            tlog_entries: 0,
            certificate_timestamps: 0,
            ..Config::default()
        }
    }

    #[test]
    fn the_github_private_profile_needs_a_timestamp_and_nothing_else() {
        let w = world((Y2025 - 60, Y2025 + 600));
        let policy = Policy::identity(ID, ISS).unwrap();
        let verifier = Verifier::new(root(&w), Config::default());
        assert_eq!(
            verifier.verify(&good(&w), Artifact::Bytes(ARTIFACT), &policy, NOW),
            Err(Error::TlogThresholdNotMet)
        );
        let verifier = verifier.with_config(Config::github_private());
        assert_eq!(verifier.config(), Config::github_private());
        assert!(
            verifier
                .verify(&good(&w), Artifact::Bytes(ARTIFACT), &policy, NOW)
                .is_ok()
        );
        let no_stamp = bundle(&[&w.leaf], &w.signature, &[]);
        assert_eq!(
            verifier.verify(&no_stamp, Artifact::Bytes(ARTIFACT), &policy, NOW),
            Err(Error::TimestampThresholdNotMet)
        );
    }

    fn good(w: &World) -> Bundle {
        bundle(&[&w.leaf], &w.signature, &[&w.token])
    }

    const NOW: UnixTime = UnixTime(Y2030);

    #[test]
    fn a_tsa_only_bundle_verifies_when_the_config_allows_it() {
        let w = world((Y2025 - 60, Y2025 + 600));
        let verifier = Verifier::new(root(&w), tsa_only());
        let policy = Policy::identity(ID, ISS).unwrap();
        let v = verifier
            .verify(&good(&w), Artifact::Bytes(ARTIFACT), &policy, NOW)
            .unwrap();
        assert_eq!(v.identity.as_deref(), Some(ID));
        assert_eq!(v.issuer.as_deref(), Some(ISS));
        assert_eq!(v.signing_times, vec![UnixTime(Y2025)]);
        assert!(v.log_entries.is_empty());
        assert_eq!(v.statement, None);
        let digest = Artifact::Digest(Sha256Digest::of(ARTIFACT).into());
        assert_eq!(verifier.verify(&good(&w), digest, &policy, NOW), Ok(v));
    }

    #[test]
    fn thresholds_are_enforced() {
        let w = world((Y2025 - 60, Y2025 + 600));
        let policy = Policy::identity(ID, ISS).unwrap();
        let run = |config: Config, b: &Bundle| {
            Verifier::new(root(&w), config).verify(b, Artifact::Bytes(ARTIFACT), &policy, NOW)
        };
        assert_eq!(
            run(Config::default(), &good(&w)),
            Err(Error::TlogThresholdNotMet)
        );
        let two_stamps = Config {
            signed_timestamps: 2,
            ..tsa_only()
        };
        assert_eq!(
            run(two_stamps, &good(&w)),
            Err(Error::TimestampThresholdNotMet)
        );
        let no_time = bundle(&[&w.leaf], &w.signature, &[]);
        assert_eq!(run(tsa_only(), &no_time), Err(Error::TimeThresholdNotMet));
        let with_ct = Config {
            certificate_timestamps: 1,
            ..tsa_only()
        };
        assert_eq!(run(with_ct, &good(&w)), Err(Error::SctMissing));
        // One token twice is one time source, not two.
        let twice = bundle(&[&w.leaf], &w.signature, &[&w.token, &w.token]);
        let two_stamps = Config {
            signed_timestamps: 2,
            ..tsa_only()
        };
        assert_eq!(run(two_stamps, &twice), Err(Error::TimestampDuplicate));
        let later = testing::token(&TokenSpec {
            signed_over: &w.signature,
            gen_time: "20250101000100Z",
            tsa_key: &testing::key(2),
            tsa_issuer: "tsa-root",
            tsa_serial: 7,
            embedded: &[],
            content_type: testing::TST_INFO,
            tamper_digest_attr: false,
            status: 0,
        });
        // Two tokens of one TSA are one independent witness, not two (as in sigstore-go).
        let two = bundle(&[&w.leaf], &w.signature, &[&w.token, &later]);
        assert_eq!(run(two_stamps, &two), Err(Error::TimestampThresholdNotMet));
        let one = Config {
            signed_timestamps: 1,
            ..tsa_only()
        };
        let v = run(one, &two).unwrap();
        assert_eq!(v.signing_times, vec![UnixTime(Y2025), UnixTime(Y2025 + 60)]);

        // A second TSA of the root makes two.
        let (other_root_key, other_key) = (testing::key(3), testing::key(4));
        let other_root = testing::cert(
            "tsa2-root",
            &other_root_key,
            "tsa2-root",
            &other_root_key,
            1,
            (Y2024, Y2030),
            Role::Ca,
            &[],
        );
        let other_leaf = testing::cert(
            "tsa2",
            &other_key,
            "tsa2-root",
            &other_root_key,
            9,
            (Y2024, Y2030),
            Role::TimeStamping,
            &[],
        );
        let other_token = testing::token(&TokenSpec {
            signed_over: &w.signature,
            gen_time: "20250101000200Z",
            tsa_key: &other_key,
            tsa_issuer: "tsa2-root",
            tsa_serial: 9,
            embedded: &[],
            content_type: testing::TST_INFO,
            tamper_digest_attr: false,
            status: 0,
        });
        let two_tsas = |uris: (&str, &str)| {
            let json = format!(
                r#"{{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1",
                "certificateAuthorities":[{{"certChain":{{"certificates":[{}]}},"validFor":{{"start":"2024-01-01T00:00:00Z"}}}}],
                "timestampAuthorities":[{{"uri":"{}","certChain":{{"certificates":[{}]}},"validFor":{{"start":"2024-01-01T00:00:00Z"}}}},
                {{"uri":"{}","certChain":{{"certificates":[{}]}},"validFor":{{"start":"2024-01-01T00:00:00Z"}}}}]}}"#,
                certs(&[&w.fulcio_root]),
                uris.0,
                certs(&w.tsa_chain.iter().collect::<Vec<_>>()),
                uris.1,
                certs(&[&other_leaf, &other_root]),
            );
            TrustedRoot::from_json(json.as_bytes()).unwrap()
        };
        let both = bundle(&[&w.leaf], &w.signature, &[&w.token, &other_token]);
        let verify_both = |root: TrustedRoot| {
            Verifier::new(root, two_stamps).verify(&both, Artifact::Bytes(ARTIFACT), &policy, NOW)
        };
        assert_eq!(
            verify_both(two_tsas(("https://a.test", "https://b.test")))
                .unwrap()
                .signing_times
                .len(),
            2
        );
        assert_eq!(
            verify_both(two_tsas(("", ""))).unwrap().signing_times.len(),
            2
        );
        // Two entries of the root under one URI are one authority whose keys rotated.
        assert_eq!(
            verify_both(two_tsas(("https://a.test", "https://a.test"))),
            Err(Error::TimestampThresholdNotMet)
        );
    }

    #[test]
    fn a_timestamp_that_does_not_verify_is_skipped_with_its_reason() {
        let w = world((Y2025 - 60, Y2025 + 600));
        let policy = Policy::identity(ID, ISS).unwrap();
        let verifier = Verifier::new(root(&w), tsa_only());
        // Over another signature, and by a TSA the root does not know.
        let foreign = testing::token(&TokenSpec {
            signed_over: &w.signature,
            gen_time: "20250101000100Z",
            tsa_key: &testing::key(5),
            tsa_issuer: "elsewhere",
            tsa_serial: 3,
            embedded: &[],
            content_type: testing::TST_INFO,
            tamper_digest_attr: false,
            status: 0,
        });
        let other_sig = testing::token(&TokenSpec {
            signed_over: b"another signature",
            gen_time: "20250101000100Z",
            tsa_key: &testing::key(2),
            tsa_issuer: "tsa-root",
            tsa_serial: 7,
            embedded: &[],
            content_type: testing::TST_INFO,
            tamper_digest_attr: false,
            status: 0,
        });
        let b = bundle(&[&w.leaf], &w.signature, &[&foreign, &w.token, &other_sig]);
        let v = verifier
            .verify(&b, Artifact::Bytes(ARTIFACT), &policy, NOW)
            .unwrap();
        assert_eq!(v.signing_times, vec![UnixTime(Y2025)]);
        assert_eq!(
            v.skipped,
            vec![
                Skipped {
                    item: SkippedItem::Timestamp(0),
                    reason: Error::TimestampChainUntrusted
                },
                Skipped {
                    item: SkippedItem::Timestamp(2),
                    reason: Error::TimestampImprintMismatch
                },
            ]
        );
        // Without the good one, no time is proven: the first skipped reason is the error.
        let bad = bundle(&[&w.leaf], &w.signature, &[&foreign, &other_sig]);
        assert_eq!(
            verifier.verify(&bad, Artifact::Bytes(ARTIFACT), &policy, NOW),
            Err(Error::TimestampChainUntrusted)
        );
    }

    #[test]
    fn each_step_names_its_failure() {
        let w = world((Y2025 - 60, Y2025 + 600));
        let verifier = Verifier::new(root(&w), tsa_only());
        let policy = Policy::identity(ID, ISS).unwrap();
        let run = |b: &Bundle, artifact: &[u8], p: &Policy| {
            verifier.verify(b, Artifact::Bytes(artifact), p, NOW)
        };

        assert_eq!(
            run(&good(&w), b"other", &policy),
            Err(Error::SignatureDigestMismatch)
        );
        let mut bad_sig = w.signature.clone();
        let last = bad_sig.len() - 1;
        bad_sig[last] ^= 1;
        let tampered = bundle(&[&w.leaf], &bad_sig, &[&w.token]);
        assert_eq!(
            run(&tampered, ARTIFACT, &policy),
            Err(Error::SignatureInvalid)
        );
        assert_eq!(
            run(
                &good(&w),
                ARTIFACT,
                &Policy::identity("https://evil", ISS).unwrap()
            ),
            Err(Error::PolicyIdentityMismatch { found: ID.into() })
        );
        assert_eq!(
            run(
                &good(&w),
                ARTIFACT,
                &Policy::identity(ID, "https://accounts.google.com").unwrap()
            ),
            Err(Error::PolicyIssuerMismatch { found: ISS.into() })
        );
        let key_policy = Policy::public_key_der(&testing::spki(&testing::key(11))).unwrap();
        assert_eq!(
            run(&good(&w), ARTIFACT, &key_policy),
            Err(Error::PolicyMaterialMismatch)
        );
        let with_root = bundle(&[&w.leaf, &w.fulcio_root], &w.signature, &[&w.token]);
        assert_eq!(
            run(&with_root, ARTIFACT, &policy),
            Err(Error::BundleChainContainsRoot)
        );
        let garbage = vec![0x30, 0x00];
        let bad_cert = bundle(&[&garbage], &w.signature, &[&w.token]);
        assert_eq!(
            run(&bad_cert, ARTIFACT, &policy),
            Err(Error::BundleCertificateInvalid)
        );
    }

    #[test]
    fn the_certificate_must_be_valid_at_the_signing_time_and_chain_to_the_root() {
        let expired = world((Y2025 - 600, Y2025 - 1));
        let verifier = Verifier::new(root(&expired), tsa_only());
        let policy = Policy::identity(ID, ISS).unwrap();
        assert_eq!(
            verifier.verify(&good(&expired), Artifact::Bytes(ARTIFACT), &policy, NOW),
            Err(Error::CertNotValidAtSigningTime)
        );
        let edge = world((Y2025 - 600, Y2025));
        let verifier = Verifier::new(root(&edge), tsa_only());
        assert!(
            verifier
                .verify(&good(&edge), Artifact::Bytes(ARTIFACT), &policy, NOW)
                .is_ok(),
            "notAfter is inclusive"
        );

        let w = world((Y2025 - 60, Y2025 + 600));
        let mut foreign = world((Y2025 - 60, Y2025 + 600));
        let other_ca = testing::key(12);
        foreign.fulcio_root = testing::cert(
            "fulcio-root",
            &other_ca,
            "fulcio-root",
            &other_ca,
            1,
            (Y2024, Y2030),
            Role::Ca,
            &[],
        );
        let verifier = Verifier::new(root(&foreign), tsa_only());
        assert_eq!(
            verifier.verify(&good(&w), Artifact::Bytes(ARTIFACT), &policy, NOW),
            Err(Error::CertChainUntrusted)
        );
    }

    /// A test backend: checks that both key encodings name the same key, counts its calls,
    /// and answers `answer`, or (with `answer: None` and `faithful`) verifies for real.
    #[derive(Debug)]
    struct Backend {
        calls: core::sync::atomic::AtomicUsize,
        answer: Option<bool>,
        faithful: bool,
    }

    impl EcdsaBackend for Backend {
        fn verify(&self, check: &crate::backend::EcdsaCheck<'_>) -> Option<bool> {
            use p256::ecdsa::signature::Verifier as _;
            use p256::pkcs8::DecodePublicKey;
            self.calls
                .fetch_add(1, core::sync::atomic::Ordering::Relaxed);
            assert_eq!(check.curve, crate::backend::Curve::P256);
            assert_eq!(check.hash, crate::backend::Hash::Sha256);
            let key = p256::ecdsa::VerifyingKey::from_public_key_der(check.spki).unwrap();
            assert_eq!(key.to_sec1_point(false).as_bytes(), check.point);
            if !self.faithful {
                return self.answer;
            }
            let sig = DerSignature::from_bytes(check.signature).unwrap();
            Some(key.verify(check.message, &sig).is_ok())
        }

        fn verify_digest(&self, check: &crate::backend::EcdsaDigestCheck<'_>) -> Option<bool> {
            use p256::ecdsa::signature::hazmat::PrehashVerifier;
            use p256::pkcs8::DecodePublicKey;
            self.calls
                .fetch_add(1, core::sync::atomic::Ordering::Relaxed);
            assert_eq!(check.hash, crate::backend::Hash::Sha256);
            assert_eq!(check.digest.len(), 32);
            let key = p256::ecdsa::VerifyingKey::from_public_key_der(check.spki).unwrap();
            assert_eq!(key.to_sec1_point(false).as_bytes(), check.point);
            if !self.faithful {
                return self.answer;
            }
            let sig = DerSignature::from_bytes(check.signature).unwrap();
            Some(key.verify_prehash(check.digest, &sig).is_ok())
        }
    }

    fn backend(answer: Option<bool>, faithful: bool) -> &'static Backend {
        alloc::boxed::Box::leak(alloc::boxed::Box::new(Backend {
            calls: core::sync::atomic::AtomicUsize::new(0),
            answer,
            faithful,
        }))
    }

    fn calls(b: &Backend) -> usize {
        b.calls.load(core::sync::atomic::Ordering::Relaxed)
    }

    #[test]
    fn an_ecdsa_backend_gets_every_message_check_and_decides_it() {
        let w = world((Y2025 - 60, Y2025 + 600));
        let policy = Policy::identity(ID, ISS).unwrap();
        let builtin = Verifier::new(root(&w), tsa_only());
        let expected = builtin.verify(&good(&w), Artifact::Bytes(ARTIFACT), &policy, NOW);
        assert!(expected.is_ok());

        // Artifact signature, TSA signature, Fulcio leaf: three checks (the TSA certificate is the
        // root's own, checked when the root was parsed).
        for (b, outcome) in [
            (backend(None, true), expected.clone()),
            (backend(None, false), expected.clone()),
            (backend(Some(false), false), Err(Error::SignatureInvalid)),
        ] {
            let verifier = builtin.clone().with_ecdsa_backend(b);
            let got = verifier.verify(&good(&w), Artifact::Bytes(ARTIFACT), &policy, NOW);
            assert_eq!(got, outcome);
            assert_eq!(calls(b), if outcome.is_ok() { 3 } else { 1 });
        }

        // Only a digest: the artifact check goes to `verify_digest`.
        let digest = Artifact::Digest(Sha256Digest::of(ARTIFACT).into());
        for (b, outcome) in [
            (backend(None, true), expected.clone()),
            (backend(Some(false), false), Err(Error::SignatureInvalid)),
        ] {
            let got = builtin
                .clone()
                .with_ecdsa_backend(b)
                .verify(&good(&w), digest, &policy, NOW);
            assert_eq!(got, outcome);
            assert_eq!(calls(b), if outcome.is_ok() { 3 } else { 1 });
        }
    }

    #[test]
    fn a_backend_never_sees_a_signature_the_core_rejects_by_its_encoding() {
        let w = world((Y2025 - 60, Y2025 + 600));
        let policy = Policy::identity(ID, ISS).unwrap();
        let b = backend(Some(true), false);
        let verifier = Verifier::new(root(&w), tsa_only()).with_ecdsa_backend(b);
        let mut not_der = w.signature.clone();
        not_der.push(0);
        // r = 0 in strict DER: well-formed, out of range.
        let zero_r = vec![0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x01];
        for sig in [not_der, zero_r] {
            let b2 = bundle(&[&w.leaf], &sig, &[&w.token]);
            assert_eq!(
                verifier.verify(&b2, Artifact::Bytes(ARTIFACT), &policy, NOW),
                Err(Error::SignatureInvalid)
            );
        }
        assert_eq!(calls(b), 0);
    }
}
