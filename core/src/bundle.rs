//! Sigstore bundle parsing (protobuf-JSON, v0.1 to v0.3): untrusted JSON to typed values.
//!
//! Every base64 field is decoded exactly once here; later steps borrow the bytes.

use alloc::string::String;
use alloc::vec::Vec;

use serde::Deserialize;

use crate::Error;
use crate::digest::HashAlgorithm;
use crate::encoding::base64_decode_proto;
use crate::json::ProtoU64;
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
}

impl Bundle {
    /// Parses and checks a bundle from its JSON bytes.
    pub fn from_json(input: &[u8]) -> Result<Self, Error> {
        limits::check(input.len(), limits::MAX_BUNDLE_BYTES, Limit::BundleBytes)?;
        crate::json::check_depth(input, limits::MAX_JSON_DEPTH)?;
        let raw: RawBundle = serde_json::from_slice(input)
            .map_err(|_| Error::BundleJsonInvalid { path: "bundle" })?;
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

    fn from_raw(raw: RawBundle) -> Result<Self, Error> {
        let version = match raw.media_type.as_str() {
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
        let stamps = vm
            .timestamp_verification_data
            .map(|t| t.rfc3161_timestamps)
            .unwrap_or_default();
        limits::check(stamps.len(), limits::MAX_TIMESTAMPS, Limit::Timestamps)?;
        let timestamps = stamps
            .iter()
            .map(|t| b64(&t.signed_timestamp, "rfc3161Timestamps.signedTimestamp"))
            .collect::<Result<Vec<_>, _>>()?;
        let content = match (raw.message_signature, raw.dsse_envelope) {
            (Some(m), None) => {
                let digest = match m.message_digest {
                    Some(d) => {
                        let alg = HashAlgorithm::from_proto_name(&d.algorithm)
                            .ok_or(Error::BundleDigestAlgorithmUnsupported)?;
                        let bytes = b64(&d.digest, "messageSignature.messageDigest.digest")?;
                        Some(MessageDigest { alg, bytes })
                    }
                    None => None,
                };
                let signature = b64(&m.signature, "messageSignature.signature")?;
                Content::MessageSignature { digest, signature }
            }
            (None, Some(d)) => {
                let [sig] = d.signatures.as_slice() else {
                    return Err(Error::BundleDsseSignatureCount);
                };
                Content::Dsse(Envelope {
                    payload: b64(&d.payload, "dsseEnvelope.payload")?,
                    payload_type: d.payload_type,
                    signature: b64(&sig.sig, "dsseEnvelope.signatures.sig")?,
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

fn material(vm: &RawMaterial) -> Result<Material, Error> {
    match (&vm.certificate, &vm.x509_certificate_chain, &vm.public_key) {
        (Some(cert), None, None) => Ok(Material::Certificates(alloc::vec![b64(
            &cert.raw_bytes,
            "certificate.rawBytes"
        )?])),
        (None, Some(chain), None) => {
            if chain.certificates.is_empty() {
                return Err(Error::BundleCertificateChainEmpty);
            }
            limits::check(
                chain.certificates.len(),
                limits::MAX_CHAIN_CERTIFICATES,
                Limit::ChainCertificates,
            )?;
            let certs = chain
                .certificates
                .iter()
                .map(|c| b64(&c.raw_bytes, "x509CertificateChain.certificates.rawBytes"))
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

fn tlog_entry(index: usize, e: RawTlogEntry, version: BundleVersion) -> Result<TlogEntry, Error> {
    let inclusion_promise = e
        .inclusion_promise
        .map(|p| {
            b64(
                &p.signed_entry_timestamp,
                "inclusionPromise.signedEntryTimestamp",
            )
        })
        .transpose()?;
    let inclusion_proof = e.inclusion_proof.map(inclusion_proof).transpose()?;
    if version >= BundleVersion::V0_2 && inclusion_proof.is_none() {
        return Err(Error::BundleInclusionProofMissing { entry: index });
    }
    if version == BundleVersion::V0_1 && inclusion_promise.is_none() {
        return Err(Error::BundleInclusionPromiseMissing { entry: index });
    }
    let kind_version = e.kind_version.ok_or(Error::BundleJsonInvalid {
        path: "kindVersion",
    })?;
    let log_id = e.log_id.ok_or(Error::BundleJsonInvalid { path: "logId" })?;
    Ok(TlogEntry {
        log_index: int(e.log_index, "tlogEntries.logIndex")?,
        log_id: b64(&log_id.key_id, "tlogEntries.logId.keyId")?,
        kind: kind_version.kind,
        version: kind_version.version,
        integrated_time: int(e.integrated_time, "tlogEntries.integratedTime")?,
        inclusion_promise,
        inclusion_proof,
        body: b64(&e.canonicalized_body, "tlogEntries.canonicalizedBody")?,
    })
}

fn inclusion_proof(p: RawInclusionProof) -> Result<InclusionProof, Error> {
    limits::check(p.hashes.len(), limits::MAX_PROOF_HASHES, Limit::ProofHashes)?;
    let checkpoint = p.checkpoint.map(|c| c.envelope).unwrap_or_default();
    limits::check(
        checkpoint.len(),
        limits::MAX_CHECKPOINT_BYTES,
        Limit::CheckpointBytes,
    )?;
    Ok(InclusionProof {
        log_index: int(p.log_index, "inclusionProof.logIndex")?,
        root_hash: b64(&p.root_hash, "inclusionProof.rootHash")?,
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

fn int(v: ProtoU64, path: &'static str) -> Result<u64, Error> {
    v.0.ok_or(Error::BundleIntegerInvalid { path })
}

// --- protobuf-JSON shapes (field names as the Sigstore protobuf-specs define them) ------------

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawBundle {
    media_type: String,
    verification_material: Option<RawMaterial>,
    message_signature: Option<RawMessageSignature>,
    dsse_envelope: Option<RawEnvelope>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawMaterial {
    public_key: Option<RawKeyHint>,
    x509_certificate_chain: Option<RawChain>,
    certificate: Option<RawCert>,
    #[serde(default)]
    tlog_entries: Vec<RawTlogEntry>,
    timestamp_verification_data: Option<RawTimestampData>,
}

#[derive(Deserialize)]
struct RawKeyHint {
    #[serde(default)]
    #[allow(dead_code)]
    hint: String,
}

#[derive(Deserialize)]
struct RawChain {
    #[serde(default)]
    certificates: Vec<RawCert>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawCert {
    raw_bytes: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawTlogEntry {
    #[serde(default)]
    log_index: ProtoU64,
    log_id: Option<RawLogId>,
    kind_version: Option<RawKindVersion>,
    #[serde(default)]
    integrated_time: ProtoU64,
    inclusion_promise: Option<RawPromise>,
    inclusion_proof: Option<RawInclusionProof>,
    canonicalized_body: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawLogId {
    key_id: String,
}

#[derive(Deserialize)]
struct RawKindVersion {
    kind: String,
    version: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawPromise {
    signed_entry_timestamp: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawInclusionProof {
    #[serde(default)]
    log_index: ProtoU64,
    root_hash: String,
    #[serde(default)]
    tree_size: ProtoU64,
    #[serde(default)]
    hashes: Vec<String>,
    checkpoint: Option<RawCheckpoint>,
}

#[derive(Deserialize)]
struct RawCheckpoint {
    envelope: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawTimestampData {
    #[serde(default)]
    rfc3161_timestamps: Vec<RawTimestamp>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawTimestamp {
    signed_timestamp: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawMessageSignature {
    message_digest: Option<RawDigest>,
    signature: String,
}

#[derive(Deserialize)]
struct RawDigest {
    algorithm: String,
    digest: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawEnvelope {
    payload: String,
    payload_type: String,
    #[serde(default)]
    signatures: Vec<RawDsseSignature>,
}

#[derive(Deserialize)]
struct RawDsseSignature {
    sig: String,
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
