//! Sigstore bundle parsing (protobuf-JSON, v0.1 to v0.3): untrusted JSON to typed values.
//!
//! Every base64 field is decoded exactly once here; later steps borrow the bytes.

use alloc::string::String;
use alloc::vec::Vec;

use crate::Error;
use crate::digest::HashAlgorithm;
use crate::encoding::base64_decode_proto;
use crate::json::fields::Fields;
use crate::json::fields::Shape;
use crate::limits;
use crate::limits::Limit;

/// A parsed Sigstore bundle.
#[derive(Clone, Debug)]
pub struct Bundle {
    pub(crate) version: BundleVersion,
    pub(crate) material: Material,
    pub(crate) tlog_entries: Vec<TlogEntry>,
    pub(crate) timestamps: Vec<Vec<u8>>,
    pub(crate) content: Content,
}

/// The bundle format version named by the media type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BundleVersion {
    /// `application/vnd.dev.sigstore.bundle+json;version=0.1`
    V0_1,
    /// `application/vnd.dev.sigstore.bundle+json;version=0.2`
    V0_2,
    /// `...;version=0.3` or `application/vnd.dev.sigstore.bundle.v0.3+json`
    V0_3,
}

/// What the signature is checked with.
#[derive(Clone, Debug)]
pub(crate) enum Material {
    /// DER certificates, leaf first (v0.1/v0.2 chains may add intermediates).
    Certificates(Vec<Vec<u8>>),
    /// A managed key, named only by an optional hint; the key itself comes from the policy.
    PublicKey,
}

/// One transparency-log entry.
#[derive(Clone, Debug)]
pub(crate) struct TlogEntry {
    pub(crate) log_index: u64,
    pub(crate) log_id: Vec<u8>,
    pub(crate) kind: String,
    pub(crate) version: String,
    pub(crate) integrated_time: u64,
    pub(crate) inclusion_promise: Option<Vec<u8>>,
    pub(crate) inclusion_proof: Option<InclusionProof>,
    pub(crate) body: Vec<u8>,
}

/// An RFC 6962 inclusion proof with the checkpoint that commits to its root.
#[derive(Clone, Debug)]
pub(crate) struct InclusionProof {
    pub(crate) log_index: u64,
    pub(crate) root_hash: Vec<u8>,
    pub(crate) tree_size: u64,
    pub(crate) hashes: Vec<Vec<u8>>,
    pub(crate) checkpoint: String,
}

/// What was signed.
#[derive(Clone, Debug)]
pub(crate) enum Content {
    MessageSignature {
        digest: Option<MessageDigest>,
        signature: Vec<u8>,
    },
    Dsse(Envelope),
}

/// The digest a message-signature bundle declares: an unauthenticated hint naming the hash the
/// artifact is compared under (the signature decides; see the verifier).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MessageDigest {
    pub(crate) alg: HashAlgorithm,
    pub(crate) bytes: Vec<u8>,
}

/// A DSSE envelope with its single signature.
#[derive(Clone, Debug)]
pub(crate) struct Envelope {
    pub(crate) payload: Vec<u8>,
    pub(crate) payload_type: String,
    pub(crate) signature: Vec<u8>,
    /// The signature's `keyid` (unsigned; empty when absent): npm's registry names its
    /// publish-attestation key by it.
    pub(crate) keyid: String,
}

impl Bundle {
    /// The DSSE signature's `keyid` (unsigned), when the bundle holds an envelope and the
    /// signature names one: how npm's registry tells its publish attestation (signed by the
    /// registry key of that id) from the keyless provenance.
    pub fn dsse_keyid(&self) -> Option<&str> {
        match &self.content {
            Content::Dsse(env) if !env.keyid.is_empty() => Some(&env.keyid),
            _ => None,
        }
    }

    /// The bundle with its signing certificate alone: the chain a v0.1 or v0.2 bundle carries
    /// after the leaf is dropped, as sigstore-js (so npm) builds the path from the trusted
    /// root only. Used for npm's attestations, whose 2023 bundles carry the Fulcio root.
    pub(crate) fn leaf_only(mut self) -> Self {
        if let Material::Certificates(chain) = &mut self.material {
            chain.truncate(1);
        }
        self
    }

    /// Parses and checks a bundle from its JSON bytes.
    pub fn from_json(input: &[u8]) -> Result<Self, Error> {
        limits::check(input.len(), limits::MAX_BUNDLE_BYTES, Limit::BundleBytes)?;
        let invalid = Error::BundleJsonInvalid { path: "bundle" };
        let tree = crate::json::document(input, invalid.clone())?;
        let raw = Fields::of(&tree)
            .and_then(RawBundle::read)
            .map_err(|Shape| invalid)?;
        Self::from_raw(raw)
    }

    /// The hash a caller that holds the artifact only as a stream should compute for
    /// [`crate::Artifact::Digest`]: for a message signature, the algorithm of the digest the
    /// bundle declares (SHA-256 when it declares none); for a DSSE envelope, the algorithm its
    /// in-toto subjects name (SHA-256 when one lists it, else SHA-512, else SHA-384).
    pub fn artifact_hash(&self) -> HashAlgorithm {
        match &self.content {
            Content::MessageSignature { digest, .. } => {
                digest.as_ref().map_or(HashAlgorithm::Sha256, |d| d.alg)
            }
            Content::Dsse(env) => crate::dsse::subject_hash(&env.payload_type, &env.payload),
        }
    }

    /// The format version of this bundle.
    pub fn version(&self) -> BundleVersion {
        self.version
    }

    fn from_raw(raw: RawBundle<'_>) -> Result<Self, Error> {
        let version = match raw.media_type {
            "application/vnd.dev.sigstore.bundle+json;version=0.1" => BundleVersion::V0_1,
            "application/vnd.dev.sigstore.bundle+json;version=0.2" => BundleVersion::V0_2,
            "application/vnd.dev.sigstore.bundle+json;version=0.3"
            | "application/vnd.dev.sigstore.bundle.v0.3+json" => BundleVersion::V0_3,
            _ => return Err(Error::BundleMediaTypeUnknown),
        };
        let vm = raw.verification_material.ok_or(Error::BundleJsonInvalid {
            path: "verificationMaterial",
        })?;
        let material = material(&vm)?;
        limits::check(
            vm.tlog_entries.len(),
            limits::MAX_TLOG_ENTRIES,
            Limit::TlogEntries,
        )?;
        let tlog_entries = vm
            .tlog_entries
            .into_iter()
            .enumerate()
            .map(|(i, e)| tlog_entry(i, e, version))
            .collect::<Result<Vec<_>, _>>()?;
        let stamps = vm.timestamp_verification_data.unwrap_or_default();
        limits::check(stamps.len(), limits::MAX_TIMESTAMPS, Limit::Timestamps)?;
        let timestamps = stamps
            .iter()
            .map(|t| b64(t, "rfc3161Timestamps.signedTimestamp"))
            .collect::<Result<Vec<_>, _>>()?;
        let content = match (raw.message_signature, raw.dsse_envelope) {
            (Some(m), None) => {
                let digest = match m.message_digest {
                    Some((algorithm, digest)) => {
                        let alg = HashAlgorithm::from_proto_name(algorithm)
                            .ok_or(Error::BundleDigestAlgorithmUnsupported)?;
                        let bytes = b64(digest, "messageSignature.messageDigest.digest")?;
                        Some(MessageDigest { alg, bytes })
                    }
                    None => None,
                };
                let signature = b64(m.signature, "messageSignature.signature")?;
                Content::MessageSignature { digest, signature }
            }
            (None, Some(d)) => {
                let [(sig, keyid)] = d.signatures.as_slice() else {
                    return Err(Error::BundleDsseSignatureCount);
                };
                Content::Dsse(Envelope {
                    payload: b64(d.payload, "dsseEnvelope.payload")?,
                    payload_type: d.payload_type.into(),
                    signature: b64(sig, "dsseEnvelope.signatures.sig")?,
                    keyid: String::from(*keyid),
                })
            }
            (None, None) => return Err(Error::BundleContentMissing),
            (Some(_), Some(_)) => return Err(Error::BundleJsonInvalid { path: "content" }),
        };
        Ok(Self {
            version,
            material,
            tlog_entries,
            timestamps,
            content,
        })
    }
}

fn material(vm: &RawMaterial<'_>) -> Result<Material, Error> {
    match (&vm.certificate, &vm.x509_certificate_chain, &vm.public_key) {
        (Some(cert), None, None) => Ok(Material::Certificates(alloc::vec![b64(
            cert,
            "certificate.rawBytes"
        )?])),
        (None, Some(chain), None) => {
            if chain.is_empty() {
                return Err(Error::BundleCertificateChainEmpty);
            }
            limits::check(
                chain.len(),
                limits::MAX_CHAIN_CERTIFICATES,
                Limit::ChainCertificates,
            )?;
            let certs = chain
                .iter()
                .map(|c| b64(c, "x509CertificateChain.certificates.rawBytes"))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Material::Certificates(certs))
        }
        (None, None, Some(_)) => Ok(Material::PublicKey),
        (None, None, None) => Err(Error::BundleVerificationMaterialMissing),
        _ => Err(Error::BundleJsonInvalid {
            path: "verificationMaterial.content",
        }),
    }
}

fn tlog_entry(
    index: usize,
    e: RawTlogEntry<'_>,
    version: BundleVersion,
) -> Result<TlogEntry, Error> {
    let inclusion_promise = e
        .inclusion_promise
        .map(|p| b64(p, "inclusionPromise.signedEntryTimestamp"))
        .transpose()?;
    let inclusion_proof = e.inclusion_proof.map(inclusion_proof).transpose()?;
    if version >= BundleVersion::V0_2 && inclusion_proof.is_none() {
        return Err(Error::BundleInclusionProofMissing { entry: index });
    }
    if version == BundleVersion::V0_1 && inclusion_promise.is_none() {
        return Err(Error::BundleInclusionPromiseMissing { entry: index });
    }
    let (kind, kind_version) = e.kind_version.ok_or(Error::BundleJsonInvalid {
        path: "kindVersion",
    })?;
    let log_id = e.log_id.ok_or(Error::BundleJsonInvalid { path: "logId" })?;
    Ok(TlogEntry {
        log_index: int(e.log_index, "tlogEntries.logIndex")?,
        log_id: b64(log_id, "tlogEntries.logId.keyId")?,
        kind: kind.into(),
        version: kind_version.into(),
        integrated_time: int(e.integrated_time, "tlogEntries.integratedTime")?,
        inclusion_promise,
        inclusion_proof,
        body: b64(e.canonicalized_body, "tlogEntries.canonicalizedBody")?,
    })
}

fn inclusion_proof(p: RawInclusionProof<'_>) -> Result<InclusionProof, Error> {
    limits::check(p.hashes.len(), limits::MAX_PROOF_HASHES, Limit::ProofHashes)?;
    let checkpoint = String::from(p.checkpoint.unwrap_or_default());
    limits::check(
        checkpoint.len(),
        limits::MAX_CHECKPOINT_BYTES,
        Limit::CheckpointBytes,
    )?;
    Ok(InclusionProof {
        log_index: int(p.log_index, "inclusionProof.logIndex")?,
        root_hash: b64(p.root_hash, "inclusionProof.rootHash")?,
        tree_size: int(p.tree_size, "inclusionProof.treeSize")?,
        hashes: p
            .hashes
            .iter()
            .map(|h| b64(h, "inclusionProof.hashes"))
            .collect::<Result<Vec<_>, _>>()?,
        checkpoint,
    })
}

fn b64(s: &str, path: &'static str) -> Result<Vec<u8>, Error> {
    base64_decode_proto(s).ok_or(Error::BundleBase64Invalid { path })
}

fn int(v: Option<u64>, path: &'static str) -> Result<u64, Error> {
    v.ok_or(Error::BundleIntegerInvalid { path })
}

// --- protobuf-JSON shapes (field names as the Sigstore protobuf-specs define them) ------------
// The whole document is read into these first, so that a shape error anywhere is reported
// before any check on what the fields say.

struct RawBundle<'v> {
    media_type: &'v str,
    verification_material: Option<RawMaterial<'v>>,
    message_signature: Option<RawMessageSignature<'v>>,
    dsse_envelope: Option<RawEnvelope<'v>>,
}

impl<'v> RawBundle<'v> {
    fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        Ok(Self {
            media_type: f.str("mediaType")?,
            verification_material: f.read_opt("verificationMaterial", RawMaterial::read)?,
            message_signature: f.read_opt("messageSignature", RawMessageSignature::read)?,
            dsse_envelope: f.read_opt("dsseEnvelope", RawEnvelope::read)?,
        })
    }
}

struct RawMaterial<'v> {
    /// A managed key's hint: read for its shape, not used (the policy holds the key).
    public_key: Option<&'v str>,
    x509_certificate_chain: Option<Vec<&'v str>>,
    certificate: Option<&'v str>,
    tlog_entries: Vec<RawTlogEntry<'v>>,
    timestamp_verification_data: Option<Vec<&'v str>>,
}

impl<'v> RawMaterial<'v> {
    fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        Ok(Self {
            public_key: f.read_opt("publicKey", |k| k.str_or_empty("hint"))?,
            x509_certificate_chain: f.read_opt("x509CertificateChain", |c| {
                c.read_list("certificates", raw_bytes)
            })?,
            certificate: f.read_opt("certificate", raw_bytes)?,
            tlog_entries: f.read_list("tlogEntries", RawTlogEntry::read)?,
            timestamp_verification_data: f.read_opt("timestampVerificationData", |t| {
                t.read_list("rfc3161Timestamps", |s| s.str("signedTimestamp"))
            })?,
        })
    }
}

fn raw_bytes<'v>(f: Fields<'v, '_>) -> Result<&'v str, Shape> {
    f.str("rawBytes")
}

struct RawTlogEntry<'v> {
    log_index: Option<u64>,
    log_id: Option<&'v str>,
    kind_version: Option<(&'v str, &'v str)>,
    integrated_time: Option<u64>,
    inclusion_promise: Option<&'v str>,
    inclusion_proof: Option<RawInclusionProof<'v>>,
    canonicalized_body: &'v str,
}

impl<'v> RawTlogEntry<'v> {
    fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        Ok(Self {
            log_index: f.u64("logIndex")?,
            log_id: f.read_opt("logId", |l| l.str("keyId"))?,
            kind_version: f.read_opt("kindVersion", |k| Ok((k.str("kind")?, k.str("version")?)))?,
            integrated_time: f.u64("integratedTime")?,
            inclusion_promise: f.read_opt("inclusionPromise", |p| p.str("signedEntryTimestamp"))?,
            inclusion_proof: f.read_opt("inclusionProof", RawInclusionProof::read)?,
            canonicalized_body: f.str("canonicalizedBody")?,
        })
    }
}

struct RawInclusionProof<'v> {
    log_index: Option<u64>,
    root_hash: &'v str,
    tree_size: Option<u64>,
    hashes: Vec<&'v str>,
    checkpoint: Option<&'v str>,
}

impl<'v> RawInclusionProof<'v> {
    fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        Ok(Self {
            log_index: f.u64("logIndex")?,
            root_hash: f.str("rootHash")?,
            tree_size: f.u64("treeSize")?,
            hashes: f.strings("hashes")?,
            checkpoint: f.read_opt("checkpoint", |c| c.str("envelope"))?,
        })
    }
}

struct RawMessageSignature<'v> {
    /// The digest's algorithm name and base64 bytes.
    message_digest: Option<(&'v str, &'v str)>,
    signature: &'v str,
}

impl<'v> RawMessageSignature<'v> {
    fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        Ok(Self {
            message_digest: f.read_opt("messageDigest", |d| {
                Ok((d.str("algorithm")?, d.str("digest")?))
            })?,
            signature: f.str("signature")?,
        })
    }
}

struct RawEnvelope<'v> {
    payload: &'v str,
    payload_type: &'v str,
    signatures: Vec<(&'v str, &'v str)>,
}

impl<'v> RawEnvelope<'v> {
    fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        Ok(Self {
            payload: f.str("payload")?,
            payload_type: f.str("payloadType")?,
            signatures: f.read_list("signatures", |s| {
                Ok((s.str("sig")?, s.opt_str("keyid")?.unwrap_or_default()))
            })?,
        })
    }
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::string::String;

    use super::*;

    const CERT: &str = "MIIB"; // base64 of arbitrary bytes; DER is checked later, by x509
    const BODY: &str = "e30="; // "{}"

    fn entry(extra: &str) -> String {
        format!(
            r#"{{"logIndex":"5","logId":{{"keyId":"AAAA"}},"kindVersion":{{"kind":"hashedrekord","version":"0.0.1"}},"integratedTime":"10","canonicalizedBody":"{BODY}"{extra}}}"#
        )
    }

    const PROOF: &str = r#","inclusionProof":{"logIndex":"5","rootHash":"AAAA","treeSize":"6","hashes":["AAAA"],"checkpoint":{"envelope":"x"}}"#;
    const PROMISE: &str = r#","inclusionPromise":{"signedEntryTimestamp":"AAAA"}"#;

    fn bundle(media: &str, material: &str, entry: &str, content: &str) -> String {
        format!(
            r#"{{"mediaType":"{media}","verificationMaterial":{{{material},"tlogEntries":[{entry}]}},{content}}}"#
        )
    }

    fn v3(material: &str, entry_extra: &str, content: &str) -> Result<Bundle, Error> {
        let json = bundle(
            "application/vnd.dev.sigstore.bundle.v0.3+json",
            material,
            &entry(entry_extra),
            content,
        );
        Bundle::from_json(json.as_bytes())
    }

    const CERT_MATERIAL: &str = r#""certificate":{"rawBytes":"MIIB"}"#;
    const MESSAGE: &str = r#""messageSignature":{"messageDigest":{"algorithm":"SHA2_256","digest":"AAAA"},"signature":"AAAA"}"#;

    #[test]
    fn parses_every_version_and_media_type() {
        let cases = [
            (
                "application/vnd.dev.sigstore.bundle+json;version=0.1",
                BundleVersion::V0_1,
                PROMISE,
            ),
            (
                "application/vnd.dev.sigstore.bundle+json;version=0.2",
                BundleVersion::V0_2,
                PROOF,
            ),
            (
                "application/vnd.dev.sigstore.bundle+json;version=0.3",
                BundleVersion::V0_3,
                PROOF,
            ),
            (
                "application/vnd.dev.sigstore.bundle.v0.3+json",
                BundleVersion::V0_3,
                PROOF,
            ),
        ];
        for (media, version, extra) in cases {
            let json = bundle(media, CERT_MATERIAL, &entry(extra), MESSAGE);
            let b = Bundle::from_json(json.as_bytes()).unwrap();
            assert_eq!(b.version(), version);
            assert_eq!(b.tlog_entries[0].log_index, 5);
            assert_eq!(b.tlog_entries[0].integrated_time, 10);
        }
        assert_eq!(CERT.len(), 4);
    }

    #[test]
    fn rejects_what_the_format_forbids() {
        let json = bundle(
            "application/vnd.dev.sigstore.bundle+json;version=0.4",
            CERT_MATERIAL,
            &entry(PROOF),
            MESSAGE,
        );
        assert_eq!(
            Bundle::from_json(json.as_bytes()).unwrap_err(),
            Error::BundleMediaTypeUnknown
        );
        let json = bundle(
            "application/vnd.dev.sigstore.bundle+json;version=0.2",
            CERT_MATERIAL,
            &entry(PROMISE),
            MESSAGE,
        );
        assert_eq!(
            Bundle::from_json(json.as_bytes()).unwrap_err(),
            Error::BundleInclusionProofMissing { entry: 0 }
        );
        let json = bundle(
            "application/vnd.dev.sigstore.bundle+json;version=0.1",
            CERT_MATERIAL,
            &entry(PROOF),
            MESSAGE,
        );
        assert_eq!(
            Bundle::from_json(json.as_bytes()).unwrap_err(),
            Error::BundleInclusionPromiseMissing { entry: 0 }
        );
        assert_eq!(
            v3(
                r#""x509CertificateChain":{"certificates":[]}"#,
                PROOF,
                MESSAGE
            )
            .unwrap_err(),
            Error::BundleCertificateChainEmpty
        );
        assert_eq!(
            v3(r#""certificate":{"rawBytes":"!!"}"#, PROOF, MESSAGE).unwrap_err(),
            Error::BundleBase64Invalid {
                path: "certificate.rawBytes"
            }
        );
        assert_eq!(
            v3(
                CERT_MATERIAL,
                PROOF,
                r#""messageSignature":{"signature":"A A="}"#
            )
            .unwrap_err(),
            Error::BundleBase64Invalid {
                path: "messageSignature.signature"
            }
        );
        assert_eq!(
            v3(CERT_MATERIAL, PROOF, r#""messageSignature":{"messageDigest":{"algorithm":"SHA3_256","digest":"AAAA"},"signature":"AAAA"}"#)
                .unwrap_err(),
            Error::BundleDigestAlgorithmUnsupported
        );
        assert_eq!(
            v3(CERT_MATERIAL, PROOF, r#""dsseEnvelope":{"payload":"AAAA","payloadType":"t","signatures":[{"sig":"AAAA"},{"sig":"AAAA"}]}"#)
                .unwrap_err(),
            Error::BundleDsseSignatureCount
        );
        assert_eq!(
            v3(CERT_MATERIAL, PROOF, r#""other":1"#).unwrap_err(),
            Error::BundleContentMissing
        );
        assert_eq!(
            v3(r#""other":{}"#, PROOF, MESSAGE).unwrap_err(),
            Error::BundleVerificationMaterialMissing
        );
        assert_eq!(
            v3(
                &format!(r#"{CERT_MATERIAL},"publicKey":{{"hint":"h"}}"#),
                PROOF,
                MESSAGE
            )
            .unwrap_err(),
            Error::BundleJsonInvalid {
                path: "verificationMaterial.content"
            }
        );
        assert_eq!(
            v3(
                CERT_MATERIAL,
                PROOF,
                &format!(
                    r#"{MESSAGE},"dsseEnvelope":{{"payload":"","payloadType":"t","signatures":[]}}"#
                )
            )
            .unwrap_err(),
            Error::BundleJsonInvalid { path: "content" }
        );
    }

    #[test]
    fn integers_must_be_non_negative_decimals() {
        let bad = entry(PROOF).replacen(r#""logIndex":"5""#, r#""logIndex":"-1""#, 1);
        let json = bundle(
            "application/vnd.dev.sigstore.bundle.v0.3+json",
            CERT_MATERIAL,
            &bad,
            MESSAGE,
        );
        assert_eq!(
            Bundle::from_json(json.as_bytes()).unwrap_err(),
            Error::BundleIntegerInvalid {
                path: "tlogEntries.logIndex"
            }
        );
        let bad = entry(PROOF).replace(r#""integratedTime":"10""#, r#""integratedTime":1.5"#);
        let json = bundle(
            "application/vnd.dev.sigstore.bundle.v0.3+json",
            CERT_MATERIAL,
            &bad,
            MESSAGE,
        );
        assert_eq!(
            Bundle::from_json(json.as_bytes()).unwrap_err(),
            Error::BundleIntegerInvalid {
                path: "tlogEntries.integratedTime"
            }
        );
        // Proto3 JSON omits zero: an absent integratedTime (Rekor v2) reads as 0.
        let v2 = entry(PROOF).replace(r#""integratedTime":"10","#, "");
        let json = bundle(
            "application/vnd.dev.sigstore.bundle.v0.3+json",
            CERT_MATERIAL,
            &v2,
            MESSAGE,
        );
        assert_eq!(
            Bundle::from_json(json.as_bytes()).unwrap().tlog_entries[0].integrated_time,
            0
        );
    }

    #[test]
    fn limits_and_malformed_json() {
        assert_eq!(
            Bundle::from_json(b"{").unwrap_err(),
            Error::BundleJsonInvalid { path: "bundle" }
        );
        assert_eq!(
            Bundle::from_json(b"[]").unwrap_err(),
            Error::BundleJsonInvalid { path: "bundle" }
        );
        let deep = "[".repeat(limits::MAX_JSON_DEPTH + 1);
        assert_eq!(
            Bundle::from_json(deep.as_bytes()).unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::JsonDepth
            }
        );
        let huge = alloc::vec![b' '; limits::MAX_BUNDLE_BYTES + 1];
        assert_eq!(
            Bundle::from_json(&huge).unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::BundleBytes
            }
        );
        let entries = alloc::vec![entry(PROOF); limits::MAX_TLOG_ENTRIES + 1].join(",");
        let json = bundle(
            "application/vnd.dev.sigstore.bundle.v0.3+json",
            CERT_MATERIAL,
            &entries,
            MESSAGE,
        );
        assert_eq!(
            Bundle::from_json(json.as_bytes()).unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::TlogEntries
            }
        );
        let hashes = alloc::vec![r#""AAAA""#; limits::MAX_PROOF_HASHES + 1].join(",");
        let long_proof = PROOF.replace(r#"["AAAA"]"#, &format!("[{hashes}]"));
        assert_eq!(
            v3(CERT_MATERIAL, &long_proof, MESSAGE).unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::ProofHashes
            }
        );
    }
}

#[cfg(test)]
mod limit_tests {
    use alloc::format;
    use alloc::vec;

    use super::*;

    fn v3(material: &str, proof_checkpoint: &str, stamps: usize) -> Result<Bundle, Error> {
        let stamp = r#"{"signedTimestamp":"AAAA"}"#;
        let stamps = vec![stamp; stamps].join(",");
        let json = format!(
            r#"{{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{{{material},
            "tlogEntries":[{{"logIndex":"1","logId":{{"keyId":"AAAA"}},"kindVersion":{{"kind":"k","version":"v"}},
            "canonicalizedBody":"AAAA","inclusionProof":{{"logIndex":"1","rootHash":"AAAA","treeSize":"2","hashes":[],
            "checkpoint":{{"envelope":"{proof_checkpoint}"}}}}}}],
            "timestampVerificationData":{{"rfc3161Timestamps":[{stamps}]}}}},
            "messageSignature":{{"signature":"AAAA"}}}}"#
        );
        Bundle::from_json(json.as_bytes())
    }

    const CERT: &str = r#""certificate":{"rawBytes":"AAAA"}"#;

    #[test]
    fn each_bundle_limit_holds_at_and_fails_past_its_value() {
        assert!(v3(CERT, "x", limits::MAX_TIMESTAMPS).is_ok());
        assert_eq!(
            v3(CERT, "x", limits::MAX_TIMESTAMPS + 1).unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::Timestamps
            }
        );

        let at = "c".repeat(limits::MAX_CHECKPOINT_BYTES);
        assert!(v3(CERT, &at, 0).is_ok());
        let over = "c".repeat(limits::MAX_CHECKPOINT_BYTES + 1);
        assert_eq!(
            v3(CERT, &over, 0).unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::CheckpointBytes
            }
        );

        let chain = |n: usize| {
            let certs = vec![r#"{"rawBytes":"AAAA"}"#; n].join(",");
            format!(r#""x509CertificateChain":{{"certificates":[{certs}]}}"#)
        };
        assert!(v3(&chain(limits::MAX_CHAIN_CERTIFICATES), "x", 0).is_ok());
        assert_eq!(
            v3(&chain(limits::MAX_CHAIN_CERTIFICATES + 1), "x", 0).unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::ChainCertificates
            }
        );
    }
}
