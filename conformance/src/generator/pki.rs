//! Signing keys, X.509 certificates, embedded SCTs and RFC 3161 tokens, built from fixed seeds
//! so that every byte is reproducible (ECDSA nonces are RFC 6979, Ed25519 is deterministic).

use p256::ecdsa::signature::Signer as _;
use p256::pkcs8::EncodePublicKey as _;
use sha2::Digest as _;

use super::der::BIT_STRING;
use super::der::BOOLEAN;
use super::der::INTEGER;
use super::der::OCTET_STRING;
use super::der::SET;
use super::der::UTF8_STRING;
use super::der::oid;
use super::der::seq;
use super::der::tlv;
use super::der::uint;
use super::der::utc_time;

/// What the generator's fallible steps return.
pub type Res<T> = Result<T, String>;

/// SHA-256 of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    sha2::Sha256::digest(data).into()
}

/// A signing key of one of the types Sigstore uses.
#[derive(Clone, Debug)]
pub enum Key {
    /// ECDSA P-256 with SHA-256.
    P256(p256::ecdsa::SigningKey),
    /// ECDSA P-384 with SHA-384.
    P384(p384::ecdsa::SigningKey),
    /// ECDSA P-521 with SHA-512.
    P521(p521::ecdsa::SigningKey),
    /// Ed25519 (pure).
    Ed25519(ed25519_dalek::SigningKey),
    /// RSA 2048, PKCS#1 v1.5 with SHA-256 (the fixed key of `keys/`).
    Rsa(Box<rsa::PrivateKey>),
}

/// The key types the generator can make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyType {
    /// ECDSA P-256.
    P256,
    /// ECDSA P-384.
    P384,
    /// ECDSA P-521.
    P521,
    /// Ed25519.
    Ed25519,
    /// RSA 2048 (the one fixed key).
    Rsa,
}

impl Key {
    /// A key of `kind` derived from `seed` (SHA-256 of the seed text, re-hashed until valid).
    pub fn derive(kind: KeyType, seed: &str) -> Res<Self> {
        if kind == KeyType::Rsa {
            return Self::fixed_rsa();
        }
        let mut material = sha256(seed.as_bytes());
        for _ in 0..16 {
            let made = match kind {
                KeyType::P256 => p256::ecdsa::SigningKey::from_slice(&material)
                    .ok()
                    .map(Self::P256),
                KeyType::P384 => {
                    let mut wide = material.to_vec();
                    wide.extend_from_slice(sha256(&material).get(..16).unwrap_or_default());
                    p384::ecdsa::SigningKey::from_slice(&wide)
                        .ok()
                        .map(Self::P384)
                }
                KeyType::P521 => {
                    let mut wide = vec![0u8; 2];
                    wide.extend_from_slice(&material);
                    wide.extend_from_slice(&sha256(&material));
                    p521::ecdsa::SigningKey::from_slice(&wide)
                        .ok()
                        .map(Self::P521)
                }
                KeyType::Ed25519 => Some(Self::Ed25519(ed25519_dalek::SigningKey::from_bytes(
                    &material,
                ))),
                KeyType::Rsa => None,
            };
            if let Some(key) = made {
                return Ok(key);
            }
            material = sha256(&material);
        }
        Err(format!("no valid {kind:?} key from seed {seed}"))
    }

    /// The fixed RSA 2048 key (`keys/rsa2048.pkcs1.b64`).
    pub fn fixed_rsa() -> Res<Self> {
        use base64::Engine as _;
        use rsa::pkcs1::DecodeRsaPrivateKey as _;
        let der = base64::engine::general_purpose::STANDARD
            .decode(include_str!("keys/rsa2048.pkcs1.b64").trim())
            .map_err(|e| e.to_string())?;
        let key = rsa::PrivateKey::from_pkcs1_der(&der).map_err(|e| e.to_string())?;
        Ok(Self::Rsa(Box::new(key)))
    }

    /// The key type.
    pub fn kind(&self) -> KeyType {
        match self {
            Self::P256(_) => KeyType::P256,
            Self::P384(_) => KeyType::P384,
            Self::P521(_) => KeyType::P521,
            Self::Ed25519(_) => KeyType::Ed25519,
            Self::Rsa(_) => KeyType::Rsa,
        }
    }

    /// An RSA key's PKCS#1 RSAPublicKey DER (empty for other keys).
    pub fn pkcs1_public(&self) -> Res<Vec<u8>> {
        use rsa::pkcs1::EncodeRsaPublicKey as _;
        match self {
            Self::Rsa(k) => k
                .to_public_key()
                .to_pkcs1_der()
                .map(|d| d.as_bytes().to_vec())
                .map_err(|e| e.to_string()),
            _ => Ok(Vec::new()),
        }
    }

    /// The DER SubjectPublicKeyInfo of the public key.
    pub fn spki(&self) -> Res<Vec<u8>> {
        let der = match self {
            Self::P256(k) => k.verifying_key().to_public_key_der(),
            Self::P384(k) => k.verifying_key().to_public_key_der(),
            Self::P521(k) => k.verifying_key().to_public_key_der(),
            Self::Rsa(k) => {
                use rsa::pkcs8::EncodePublicKey as _;
                return k
                    .to_public_key()
                    .to_public_key_der()
                    .map(|d| d.as_bytes().to_vec())
                    .map_err(|e| format!("SPKI encoding: {e}"));
            }
            Self::Ed25519(k) => {
                let mut spki = vec![
                    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
                ];
                spki.extend_from_slice(k.verifying_key().as_bytes());
                return Ok(spki);
            }
        };
        der.map(|d| d.as_bytes().to_vec())
            .map_err(|e| format!("SPKI encoding: {e}"))
    }

    /// The public key as a PEM `PUBLIC KEY` block.
    pub fn pem(&self) -> Res<String> {
        Ok(pem("PUBLIC KEY", &self.spki()?))
    }

    /// Signs `msg` as clients before 2023 did with P-384 and P-521 keys: DER ECDSA over its
    /// SHA-256 digest (other keys sign as [`Key::sign`] does).
    pub fn sign_legacy_sha256(&self, msg: &[u8]) -> Vec<u8> {
        use p384::ecdsa::signature::hazmat::PrehashSigner as _;
        let prehash = sha256(msg);
        match self {
            Self::P384(k) => {
                let sig: Result<p384::ecdsa::Signature, _> = k.sign_prehash(&prehash);
                sig.map(|s| s.to_der().as_bytes().to_vec())
                    .unwrap_or_default()
            }
            Self::P521(k) => {
                let sig: Result<p521::ecdsa::Signature, _> = k.sign_prehash(&prehash);
                sig.map(|s| s.to_der().as_bytes().to_vec())
                    .unwrap_or_default()
            }
            _ => self.sign(msg),
        }
    }

    /// The hash this key's signatures are over (its protobuf-specs default).
    pub fn hash_name(&self) -> &'static str {
        match self {
            Self::P384(_) => "sha384",
            Self::P521(_) | Self::Ed25519(_) => "sha512",
            Self::P256(_) | Self::Rsa(_) => "sha256",
        }
    }

    /// Signs `msg`: DER ECDSA over SHA-256 (P-256), SHA-384 (P-384) or SHA-512 (P-521), or
    /// pure Ed25519.
    pub fn sign(&self, msg: &[u8]) -> Vec<u8> {
        match self {
            Self::P256(k) => {
                let sig: p256::ecdsa::DerSignature = k.sign(msg);
                sig.as_bytes().to_vec()
            }
            Self::P384(k) => {
                let sig: p384::ecdsa::DerSignature = k.sign(msg);
                sig.as_bytes().to_vec()
            }
            Self::P521(k) => {
                use p521::ecdsa::signature::hazmat::PrehashSigner as _;
                let prehash = sha2::Sha512::digest(msg);
                let sig: Result<p521::ecdsa::Signature, _> = k.sign_prehash(&prehash);
                sig.map(|s| s.to_der().as_bytes().to_vec())
                    .unwrap_or_default()
            }
            Self::Ed25519(k) => {
                use ed25519_dalek::Signer as _;
                k.sign(msg).to_bytes().to_vec()
            }
            Self::Rsa(k) => {
                use rsa::signature::SignatureEncoding as _;
                use rsa::signature::Signer as _;
                let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new((**k).clone());
                signer.sign(msg).to_vec()
            }
        }
    }

    /// The X.509 AlgorithmIdentifier of this key's signatures.
    pub fn algorithm(&self) -> Vec<u8> {
        match self {
            Self::P256(_) => seq(&[&oid("1.2.840.10045.4.3.2")]),
            Self::P384(_) => seq(&[&oid("1.2.840.10045.4.3.3")]),
            Self::P521(_) => seq(&[&oid("1.2.840.10045.4.3.4")]),
            Self::Ed25519(_) => seq(&[&oid("1.3.101.112")]),
            Self::Rsa(_) => seq(&[&oid("1.2.840.113549.1.1.11"), &[0x05, 0x00]]),
        }
    }

    /// The protobuf-specs `keyDetails` name.
    pub fn details(&self) -> &'static str {
        match self {
            Self::P256(_) => "PKIX_ECDSA_P256_SHA_256",
            Self::P384(_) => "PKIX_ECDSA_P384_SHA_384",
            Self::P521(_) => "PKIX_ECDSA_P521_SHA_512",
            Self::Ed25519(_) => "PKIX_ED25519",
            Self::Rsa(_) => "PKIX_RSA_PKCS1V15_2048_SHA256",
        }
    }
}

/// A PEM block with 64-column base64 lines.
pub fn pem(label: &str, der: &[u8]) -> String {
    let b64 = b64(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// Standard padded base64.
pub fn b64(data: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(data)
}

/// Lowercase hex.
pub fn hex(data: &[u8]) -> String {
    data.iter().map(|b| format!("{b:02x}")).collect()
}

/// A Name with one commonName and one organizationName.
pub fn name(cn: &str, org: &str) -> Vec<u8> {
    let rdn =
        |id: &str, value: &str| tlv(SET, &seq(&[&oid(id), &tlv(UTF8_STRING, value.as_bytes())]));
    let mut parts = Vec::new();
    if !org.is_empty() {
        parts.extend(rdn("2.5.4.10", org));
    }
    if !cn.is_empty() {
        parts.extend(rdn("2.5.4.3", cn));
    }
    tlv(super::der::SEQUENCE, &parts)
}

/// One Extension.
pub fn extension(id: &str, critical: bool, value: &[u8]) -> Vec<u8> {
    let crit = if critical {
        tlv(BOOLEAN, &[0xff])
    } else {
        Vec::new()
    };
    seq(&[&oid(id), &crit, &tlv(OCTET_STRING, value)])
}

/// basicConstraints (critical).
pub fn basic_constraints(ca: bool) -> Vec<u8> {
    let value = if ca {
        seq(&[&tlv(BOOLEAN, &[0xff])])
    } else {
        seq(&[])
    };
    extension("2.5.29.19", true, &value)
}

/// keyUsage (critical) with the given BIT STRING content (unused-bits byte first).
pub fn key_usage(bits: &[u8]) -> Vec<u8> {
    extension("2.5.29.15", true, &tlv(BIT_STRING, bits))
}

/// keyUsage digitalSignature.
pub const KU_DIGITAL_SIGNATURE: &[u8] = &[0x07, 0x80];
/// keyUsage keyCertSign + cRLSign.
pub const KU_CA: &[u8] = &[0x01, 0x06];
/// keyUsage keyEncipherment only.
pub const KU_KEY_ENCIPHERMENT: &[u8] = &[0x05, 0x20];

/// extKeyUsage with the given purpose OIDs.
pub fn extended_key_usage(purposes: &[&str], critical: bool) -> Vec<u8> {
    let oids: Vec<u8> = purposes.iter().flat_map(|p| oid(p)).collect();
    extension("2.5.29.37", critical, &tlv(super::der::SEQUENCE, &oids))
}

/// id-kp-codeSigning.
pub const CODE_SIGNING: &str = "1.3.6.1.5.5.7.3.3";
/// id-kp-timeStamping.
pub const TIME_STAMPING: &str = "1.3.6.1.5.5.7.3.8";
/// id-kp-serverAuth.
pub const SERVER_AUTH: &str = "1.3.6.1.5.5.7.3.1";

/// subjectAltName with one GeneralName of the given context tag (0x86 URI, 0x81 email).
pub fn subject_alt_name(tag: u8, value: &str) -> Vec<u8> {
    extension("2.5.29.17", true, &seq(&[&tlv(tag, value.as_bytes())]))
}

/// subjectKeyIdentifier.
pub fn subject_key_id(id: &[u8]) -> Vec<u8> {
    extension("2.5.29.14", false, &tlv(OCTET_STRING, id))
}

/// A Fulcio extension whose value is a DER UTF8String (arcs 8 and later).
pub fn fulcio_utf8(arc: u32, value: &str) -> Vec<u8> {
    extension(
        &format!("1.3.6.1.4.1.57264.1.{arc}"),
        false,
        &tlv(UTF8_STRING, value.as_bytes()),
    )
}

/// A legacy Fulcio extension whose value is raw bytes (arcs 1 to 6).
pub fn fulcio_raw(arc: u32, value: &[u8]) -> Vec<u8> {
    extension(&format!("1.3.6.1.4.1.57264.1.{arc}"), false, value)
}

/// The embedded SCT list extension over a TLS-encoded list.
pub fn sct_list_extension(list: &[u8]) -> Vec<u8> {
    extension("1.3.6.1.4.1.11129.2.4.2", false, &tlv(OCTET_STRING, list))
}

/// The fields of a certificate to issue.
#[derive(Clone, Debug)]
pub struct CertSpec {
    /// Serial number magnitude.
    pub serial: Vec<u8>,
    /// Issuer Name DER.
    pub issuer: Vec<u8>,
    /// Subject Name DER.
    pub subject: Vec<u8>,
    /// notBefore.
    pub not_before: u64,
    /// notAfter.
    pub not_after: u64,
    /// SubjectPublicKeyInfo DER.
    pub spki: Vec<u8>,
    /// Encoded extensions, in order.
    pub extensions: Vec<Vec<u8>>,
}

/// How a TBSCertificate departs from the X.509 v3 form a CA writes, for vectors of the
/// reader's strictness.
#[derive(Clone, Debug)]
pub struct TbsForm {
    /// The explicit version's INTEGER (2 for v3), or no version field (v1 by default).
    pub version: Option<u8>,
    /// The serial number's INTEGER content as written (zero, negative, too long).
    pub serial_content: Option<Vec<u8>>,
    /// The AlgorithmIdentifier to name, inside the TBS and outside, instead of the signer's
    /// (the signature is still the signer key's own).
    pub algorithm: Option<Vec<u8>>,
}

impl Default for TbsForm {
    fn default() -> Self {
        Self {
            version: Some(2),
            serial_content: None,
            algorithm: None,
        }
    }
}

impl CertSpec {
    /// The TBSCertificate, for a signature by `signer`.
    pub fn tbs(&self, signer: &Key) -> Vec<u8> {
        self.tbs_as(signer, &TbsForm::default())
    }

    /// The TBSCertificate in `form`, for a signature by `signer`.
    pub fn tbs_as(&self, signer: &Key, form: &TbsForm) -> Vec<u8> {
        let exts = if self.extensions.is_empty() {
            Vec::new()
        } else {
            tlv(0xa3, &seq(&[&self.extensions.concat()]))
        };
        let version = form
            .version
            .map(|v| tlv(0xa0, &tlv(INTEGER, &[v])))
            .unwrap_or_default();
        let serial = match &form.serial_content {
            Some(raw) => tlv(INTEGER, raw),
            None => uint(&self.serial),
        };
        let algorithm = form.algorithm.clone().unwrap_or_else(|| signer.algorithm());
        seq(&[
            &version,
            &serial,
            &algorithm,
            &self.issuer,
            &seq(&[&utc_time(self.not_before), &utc_time(self.not_after)]),
            &self.subject,
            &self.spki,
            &exts,
        ])
    }

    /// The certificate signed by `signer`.
    pub fn sign(&self, signer: &Key) -> Vec<u8> {
        self.sign_as(signer, &TbsForm::default())
    }

    /// The certificate in `form`, signed by `signer`.
    pub fn sign_as(&self, signer: &Key, form: &TbsForm) -> Vec<u8> {
        let tbs = self.tbs_as(signer, form);
        let sig = signer.sign(&tbs);
        let mut bits = vec![0u8];
        bits.extend_from_slice(&sig);
        let algorithm = form.algorithm.clone().unwrap_or_else(|| signer.algorithm());
        seq(&[&tbs, &algorithm, &tlv(BIT_STRING, &bits)])
    }
}

/// One SCT to embed (RFC 6962 §3.2), before signing.
#[derive(Clone, Debug)]
pub struct Sct {
    /// The CT log id (SHA-256 of its key).
    pub log_id: Vec<u8>,
    /// Milliseconds since the epoch.
    pub timestamp_ms: u64,
    /// CtExtensions.
    pub extensions: Vec<u8>,
    /// The hash byte of the signature algorithm (4 = SHA-256).
    pub hash: u8,
    /// The signature byte (3 = ECDSA).
    pub sig_alg: u8,
}

impl Sct {
    /// The data the log signs for a precertificate entry.
    pub fn signed_data(&self, issuer_key_hash: &[u8; 32], precert_tbs: &[u8]) -> Vec<u8> {
        let mut out = vec![0, 0];
        out.extend_from_slice(&self.timestamp_ms.to_be_bytes());
        out.extend_from_slice(&[0, 1]);
        out.extend_from_slice(issuer_key_hash);
        let len = (precert_tbs.len() as u32).to_be_bytes();
        out.extend_from_slice(len.get(1..).unwrap_or_default());
        out.extend_from_slice(precert_tbs);
        out.extend_from_slice(&(self.extensions.len() as u16).to_be_bytes());
        out.extend_from_slice(&self.extensions);
        out
    }

    /// The serialized SCT carrying `signature`.
    pub fn serialize(&self, signature: &[u8]) -> Vec<u8> {
        let mut out = vec![0];
        out.extend_from_slice(&self.log_id);
        out.extend_from_slice(&self.timestamp_ms.to_be_bytes());
        out.extend_from_slice(&(self.extensions.len() as u16).to_be_bytes());
        out.extend_from_slice(&self.extensions);
        out.push(self.hash);
        out.push(self.sig_alg);
        out.extend_from_slice(&(signature.len() as u16).to_be_bytes());
        out.extend_from_slice(signature);
        out
    }
}

/// A SignedCertificateTimestampList of serialized SCTs.
pub fn sct_list(scts: &[Vec<u8>]) -> Vec<u8> {
    let mut body = Vec::new();
    for sct in scts {
        body.extend_from_slice(&(sct.len() as u16).to_be_bytes());
        body.extend_from_slice(sct);
    }
    let mut out = (body.len() as u16).to_be_bytes().to_vec();
    out.extend_from_slice(&body);
    out
}

/// id-ct-TSTInfo.
pub const TST_INFO_OID: &str = "1.2.840.113549.1.9.16.1.4";
/// sha256.
pub const SHA256_OID: &str = "2.16.840.1.101.3.4.2.1";

/// The parts of an RFC 3161 TimeStampResp, each of which a vector may tamper with.
#[derive(Clone, Debug)]
pub struct TokenSpec {
    /// What the message imprint hashes (the bundle's signature).
    pub signed_over: Vec<u8>,
    /// The imprint's hash algorithm OID.
    pub imprint_alg: String,
    /// genTime as GeneralizedTime text.
    pub gen_time: String,
    /// The signer's issuer Name DER (SignerIdentifier).
    pub sid_issuer: Vec<u8>,
    /// The signer's serial magnitude (SignerIdentifier).
    pub sid_serial: Vec<u8>,
    /// Certificates embedded in the SignedData.
    pub embedded: Vec<Vec<u8>>,
    /// The content-type attribute value (OID text).
    pub content_type: String,
    /// Flip a bit of the message-digest attribute.
    pub tamper_digest_attr: bool,
    /// PKIStatus.
    pub status: u8,
    /// TSTInfo version.
    pub version: u8,
    /// Emit the bare TimeStampToken (ContentInfo), without the TimeStampResp.
    pub bare: bool,
    /// Name the signer by this subjectKeyIdentifier instead of issuer and serial.
    pub sid_ski: Option<Vec<u8>>,
    /// Add an empty `crls [1]` set.
    pub crls: bool,
    /// eContentType OID.
    pub econtent_type: String,
    /// ContentInfo contentType OID.
    pub content_info_type: String,
    /// The SignerInfo's signatureAlgorithm instead of the TSA key's own.
    pub signature_algorithm: Option<Vec<u8>>,
}

/// A TimeStampResp carrying a TimeStampToken signed by `tsa`.
pub fn token(spec: &TokenSpec, tsa: &Key) -> Vec<u8> {
    let hashed = match spec.imprint_alg.as_str() {
        "2.16.840.1.101.3.4.2.2" => sha2::Sha384::digest(&spec.signed_over).to_vec(),
        "2.16.840.1.101.3.4.2.3" => sha2::Sha512::digest(&spec.signed_over).to_vec(),
        _ => sha256(&spec.signed_over).to_vec(),
    };
    let sha256_alg = seq(&[&oid(SHA256_OID)]);
    let imprint = seq(&[
        &seq(&[&oid(&spec.imprint_alg)]),
        &tlv(OCTET_STRING, &hashed),
    ]);
    let tst_info = seq(&[
        &uint(&[spec.version]),
        &oid("1.3.6.1.4.1.57264.2"),
        &imprint,
        &uint(&[0x2a, 0x17]),
        &tlv(super::der::GENERALIZED_TIME, spec.gen_time.as_bytes()),
    ]);
    let mut digest = sha256(&tst_info);
    if spec.tamper_digest_attr {
        if let Some(b) = digest.first_mut() {
            *b ^= 1;
        }
    }
    let attr = |id: &str, value: Vec<u8>| seq(&[&oid(id), &tlv(SET, &value)]);
    let attrs = [
        attr("1.2.840.113549.1.9.3", oid(&spec.content_type)),
        attr("1.2.840.113549.1.9.4", tlv(OCTET_STRING, &digest)),
    ]
    .concat();
    let signature = tsa.sign(&tlv(SET, &attrs));
    let signer_info = seq(&[
        &uint(&[1]),
        &match &spec.sid_ski {
            Some(ski) => tlv(0x80, ski),
            None => seq(&[&spec.sid_issuer, &uint(&spec.sid_serial)]),
        },
        &sha256_alg,
        &tlv(0xa0, &attrs),
        &spec
            .signature_algorithm
            .clone()
            .unwrap_or_else(|| tsa.algorithm()),
        &tlv(OCTET_STRING, &signature),
    ]);
    let certs = if spec.embedded.is_empty() {
        Vec::new()
    } else {
        tlv(0xa0, &spec.embedded.concat())
    };
    let signed_data = seq(&[
        &uint(&[3]),
        &tlv(SET, &sha256_alg),
        &seq(&[
            &oid(&spec.econtent_type),
            &tlv(0xa0, &tlv(OCTET_STRING, &tst_info)),
        ]),
        &certs,
        &if spec.crls {
            tlv(0xa1, &[])
        } else {
            Vec::new()
        },
        &tlv(SET, &signer_info),
    ]);
    let content_info = seq(&[&oid(&spec.content_info_type), &tlv(0xa0, &signed_data)]);
    if spec.bare {
        return content_info;
    }
    seq(&[&seq(&[&uint(&[spec.status])]), &content_info])
}
