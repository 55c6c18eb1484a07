//! The virtual Sigstore: a Fulcio-like CA, a CT log, Rekor v1 and v2 logs, a witness and a TSA,
//! all from fixed seeds, and [`build`], which turns one [`Spec`] into a bundle and its root.

use std::rc::Rc;

use serde_json::Value;
use serde_json::json;

use super::der;
use super::pki;
use super::pki::CertSpec;
use super::pki::Key;
use super::pki::KeyType;
use super::pki::Res;
use super::pki::b64;
use super::pki::hex;
use super::pki::sha256;
use crate::merkle::audit_path as path;
use crate::merkle::mth;

/// The signing time of every vector: 2025-06-01T12:00:00Z.
pub const T0: u64 = 1_748_779_200;
/// One day in seconds.
pub const DAY: u64 = 86_400;
/// 2024-01-01T00:00:00Z: start of every authority's validity.
pub const Y2024: u64 = 1_704_067_200;
/// 2030-01-01T00:00:00Z: end of the CA certificates' validity.
pub const Y2030: u64 = 1_893_456_000;
/// The identity in every Fulcio leaf unless a vector changes it.
pub const IDENTITY: &str =
    "https://github.com/virtual-org/app/.github/workflows/release.yml@refs/tags/v1.0.0";
/// The OIDC issuer in every Fulcio leaf unless a vector changes it.
pub const ISSUER: &str = "https://token.actions.githubusercontent.com";
/// Rekor v1 base URL (its host is the checkpoint key name).
pub const REKOR1_URL: &str = "https://rekor.virtual.test";
/// Rekor v1 checkpoint origin.
pub const REKOR1_ORIGIN: &str = "rekor.virtual.test - 2605736670972794746";
/// Rekor v2 base URL.
pub const REKOR2_URL: &str = "https://log2025-1.rekor.virtual.test";
/// Rekor v2 checkpoint origin (and key name).
pub const REKOR2_ORIGIN: &str = "log2025-1.rekor.virtual.test";
/// The witnesses of the virtual instance, by key name (`c2sp.org/tlog-cosignature`); the
/// first cosigns every Rekor v2 checkpoint unless a vector says otherwise.
pub const WITNESSES: [&str; 3] = [
    "witness.virtual.test",
    "witness2.virtual.test",
    "witness3.virtual.test",
];
/// When the witnesses cosign, unless a vector says otherwise.
pub const COSIGNED_AT: u64 = T0 + 30;
/// The in-toto payload type.
pub const IN_TOTO: &str = "application/vnd.in-toto+json";
/// The artifact every vector signs unless it says otherwise.
pub const ARTIFACT: &[u8] = b"virtual sigstore artifact: firmware 1.0.0\n";

/// Every key of the virtual instance.
#[derive(Clone, Debug)]
pub struct World {
    /// Fulcio root CA.
    pub fulcio_root: Key,
    /// Fulcio intermediate CA (issues leaves).
    pub fulcio_inter: Key,
    /// A second, untrusted CA.
    pub rogue_ca: Key,
    /// The ephemeral key in Fulcio leaves (P-256).
    pub leaf_p256: Key,
    /// A P-384 ephemeral key.
    pub leaf_p384: Key,
    /// A P-521 ephemeral key.
    pub leaf_p521: Key,
    /// The CT log.
    pub ct: Key,
    /// Rekor v1 (P-256).
    pub rekor1: Key,
    /// Rekor v2 (Ed25519).
    pub rekor2: Key,
    /// The witnesses (Ed25519), one per name of [`WITNESSES`].
    pub witnesses: [Key; 3],
    /// TSA root CA.
    pub tsa_root: Key,
    /// TSA signing key.
    pub tsa: Key,
    /// Managed keys.
    pub managed_p256: Key,
    /// Managed P-384 key.
    pub managed_p384: Key,
    /// Managed P-521 key.
    pub managed_p521: Key,
    /// Managed Ed25519 key.
    pub managed_ed25519: Key,
    /// Managed RSA 2048 key (fixed, committed), also the RSA CT log of some vectors.
    pub managed_rsa: Key,
    /// A P-256 key nobody trusts.
    pub attacker: Key,
    /// An Ed25519 key nobody trusts.
    pub attacker_ed25519: Key,
}

impl World {
    /// The instance, from fixed seeds.
    pub fn new() -> Res<Self> {
        let k = |t, s: &str| Key::derive(t, &format!("sigverify virtual sigstore: {s}"));
        Ok(Self {
            fulcio_root: k(KeyType::P384, "fulcio root")?,
            fulcio_inter: k(KeyType::P384, "fulcio intermediate")?,
            rogue_ca: k(KeyType::P384, "rogue ca")?,
            leaf_p256: k(KeyType::P256, "leaf p256")?,
            leaf_p384: k(KeyType::P384, "leaf p384")?,
            leaf_p521: k(KeyType::P521, "leaf p521")?,
            ct: k(KeyType::P256, "ct log")?,
            rekor1: k(KeyType::P256, "rekor v1")?,
            rekor2: k(KeyType::Ed25519, "rekor v2")?,
            witnesses: [
                k(KeyType::Ed25519, "witness")?,
                k(KeyType::Ed25519, "witness 2")?,
                k(KeyType::Ed25519, "witness 3")?,
            ],
            tsa_root: k(KeyType::P384, "tsa root")?,
            tsa: k(KeyType::P256, "tsa leaf")?,
            managed_p256: k(KeyType::P256, "managed p256")?,
            managed_p384: k(KeyType::P384, "managed p384")?,
            managed_p521: k(KeyType::P521, "managed p521")?,
            managed_ed25519: k(KeyType::Ed25519, "managed ed25519")?,
            managed_rsa: Key::fixed_rsa()?,
            attacker: k(KeyType::P256, "attacker")?,
            attacker_ed25519: k(KeyType::Ed25519, "attacker ed25519")?,
        })
    }

    /// The managed key of a type.
    pub fn managed(&self, t: KeyType) -> &Key {
        match t {
            KeyType::P256 => &self.managed_p256,
            KeyType::P384 => &self.managed_p384,
            KeyType::P521 => &self.managed_p521,
            KeyType::Ed25519 => &self.managed_ed25519,
            KeyType::Rsa => &self.managed_rsa,
        }
    }
}

/// Which transparency log records the bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogKind {
    /// Rekor v1: SET, inclusion proof, ECDSA checkpoint.
    V1,
    /// Rekor v2: inclusion proof, Ed25519 checkpoint with a witness cosignature, no SET.
    V2,
    /// No tlog entry.
    None,
}

/// Who signs the artifact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignerKind {
    /// A Fulcio leaf over an ephemeral key of this type.
    Fulcio(KeyType),
    /// A managed key of this type (bundle carries a public key hint).
    Managed(KeyType),
}

/// Who issues the Fulcio leaf.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeafIssuer {
    /// The intermediate of the trusted CA.
    Intermediate,
    /// The trusted root itself (skipping the intermediate).
    Root,
    /// An untrusted CA that uses the intermediate's name.
    Rogue,
}

/// The Fulcio leaf's fields.
#[derive(Clone, Debug)]
pub struct LeafSpec {
    /// SAN: (GeneralName tag, value).
    pub san: Option<(u8, String)>,
    /// The issuer v2 extension's raw value (DER UTF8String normally).
    pub issuer_v2: Option<Vec<u8>>,
    /// The issuer v1 extension's raw value.
    pub issuer_v1: Option<Vec<u8>>,
    /// More extensions (GitHub workflow claims and the like).
    pub extra: Vec<Vec<u8>>,
    /// notBefore.
    pub not_before: u64,
    /// notAfter.
    pub not_after: u64,
    /// basicConstraints CA.
    pub ca: bool,
    /// keyUsage bits, or no keyUsage.
    pub key_usage: Option<&'static [u8]>,
    /// extKeyUsage purposes, or no extKeyUsage when empty.
    pub eku: Vec<&'static str>,
    /// Who signs the leaf.
    pub issued_by: LeafIssuer,
    /// Certify this SubjectPublicKeyInfo instead of the signing key's.
    pub spki: Option<Vec<u8>>,
    /// Write this outer signatureAlgorithm instead of the one inside the TBS (same length).
    pub outer_algorithm: Option<Vec<u8>>,
    /// Version, serial and algorithm as written.
    pub form: pki::TbsForm,
    /// Mark the subjectKeyIdentifier critical.
    pub ski_critical: bool,
}

/// Which CT log signs the SCT.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CtSigner {
    /// The trusted CT log.
    Trusted,
    /// An attacker key under the trusted log's id.
    Forged,
    /// The attacker's own log id.
    Unknown,
}

/// The embedded SCT.
#[derive(Clone, Debug)]
pub struct SctSpec {
    /// Whether the leaf carries an SCT list at all.
    pub present: bool,
    /// Who signs.
    pub signer: CtSigner,
    /// SCT time in milliseconds.
    pub timestamp_ms: u64,
    /// Hash byte (4 = SHA-256).
    pub hash: u8,
    /// CtExtensions bytes.
    pub extensions: Vec<u8>,
    /// Sign over the issuer key hash of another key.
    pub wrong_issuer_key: bool,
    /// Sign over the full TBS (with a placeholder SCT) instead of the precertificate TBS.
    pub sign_changed_tbs: bool,
    /// Replace the whole TLS list with these bytes.
    pub raw_list: Option<Vec<u8>>,
    /// How many copies of the SCT the list carries.
    pub copies: usize,
    /// The second copy names the CT log by [`ALIAS_LOG_ID`] (the log id is not signed).
    pub alias_second_copy: bool,
    /// The CT log is an RSA log whose trusted-root key is a bare PKCS#1 RSAPublicKey.
    pub rsa_log: bool,
}

/// The TSA's token.
#[derive(Clone, Debug)]
pub struct TsaSpec {
    /// genTime.
    pub gen_time: u64,
    /// Imprint over other bytes than the signature.
    pub over_other: bool,
    /// Imprint hash OID.
    pub imprint_alg: String,
    /// Content-type attribute OID.
    pub content_type: String,
    /// Flip the message-digest attribute.
    pub tamper_digest_attr: bool,
    /// PKIStatus.
    pub status: u8,
    /// TSTInfo version.
    pub version: u8,
    /// Signed by an attacker key.
    pub forged: bool,
    /// Embed the TSA chain in the token.
    pub embed: bool,
    /// Name a wrong serial in the SignerIdentifier.
    pub wrong_serial: bool,
    /// The TSA certificate's extKeyUsage purposes.
    pub eku: Vec<&'static str>,
    /// The TSA certificate's validity.
    pub cert_validity: (u64, u64),
    /// How many copies of the token the bundle carries.
    pub copies: usize,
    /// The copies are distinct tokens of the one TSA: copy `i` has genTime `gen_time + i`.
    pub distinct_copies: bool,
    /// The AlgorithmIdentifier the TSA certificate names (signed by the TSA root's key).
    pub cert_algorithm: Option<Vec<u8>>,
    /// The SignerInfo's signatureAlgorithm instead of the TSA key's own.
    pub signature_algorithm: Option<Vec<u8>>,
    /// genTime text override (GeneralizedTime).
    pub gen_time_text: Option<String>,
    /// A bare TimeStampToken (ContentInfo) instead of a TimeStampResp.
    pub bare: bool,
    /// Name the signer by subjectKeyIdentifier instead of issuer and serial.
    pub sid_ski: bool,
    /// Name the signer by a wrong subjectKeyIdentifier.
    pub sid_ski_wrong: bool,
    /// Add an (empty) CRL set to the SignedData.
    pub crls: bool,
    /// The encapsulated content type OID.
    pub econtent_type: String,
    /// The ContentInfo content type OID.
    pub content_info_type: String,
    /// Whether the TSA certificate's extKeyUsage is critical.
    pub eku_critical: bool,
    /// Whether the TSA certificate is a CA (basicConstraints CA:TRUE).
    pub cert_ca: bool,
}

/// A `validFor` interval: start (or none) and optional end.
pub type Window = (Option<u64>, Option<u64>);

/// The trusted root's validity windows.
#[derive(Clone, Debug)]
pub struct RootSpec {
    /// Fulcio CA.
    pub ca: Window,
    /// Rekor v1 key.
    pub rekor1: Window,
    /// Rekor v2 key.
    pub rekor2: Window,
    /// CT log key.
    pub ct: Window,
    /// TSA.
    pub tsa: Window,
}

/// The checkpoint (signed note) parts, for hooks to tamper with before signing.
#[derive(Clone, Debug)]
pub struct Note {
    /// Origin line.
    pub origin: String,
    /// Tree size line.
    pub size: u64,
    /// Root hash.
    pub root: Vec<u8>,
    /// Extra note-body lines after the root hash.
    pub extra: Vec<String>,
    /// Key name on the log's signature line.
    pub name: String,
    /// Key hint on the log's signature line.
    pub hint: Vec<u8>,
    /// Sign with an attacker key instead of the log key.
    pub forged: bool,
    /// The witnesses (positions in [`WITNESSES`]) whose cosignature lines follow the log's.
    pub cosigners: Vec<usize>,
    /// The time the cosignatures carry.
    pub cosigned_at: u64,
    /// A witness whose line signs other bytes than the checkpoint (a forged cosignature).
    pub bad_cosigner: Option<usize>,
}

/// Files handed to the verifier beside the bundle: a witness policy, a checkpoint state, a
/// consistency proof, a `c2sp.org/tlog-proof`. Policy texts name keys by placeholders the
/// build replaces with verifier keys: `{w0}` `{w1}` `{w2}` (the witnesses), `{log}` (Rekor
/// v2's checkpoint key), `{attacker}` (an Ed25519 log key nobody trusts), `{mldsa}` (an
/// ML-DSA-44 witness key).
#[derive(Clone, Default)]
pub struct Beside {
    /// `witness-policy`.
    pub policy: Option<String>,
    /// `tlog-proof`: a proof of the entry in a larger tree of this size.
    pub tlog_proof: Option<TlogProofSpec>,
    /// `log-state`: a remembered checkpoint of this log.
    pub state: Option<StateSpec>,
    /// `consistency-proof.json`: between the remembered tree and the presented one.
    pub consistency: Option<ConsistencySpec>,
    /// Replace a file's text after it is made (a malformed file), by file name.
    pub text_hook: Option<(&'static str, TextHook)>,
}

/// A tlog proof beside the bundle.
#[derive(Clone)]
pub struct TlogProofSpec {
    /// The larger tree's size.
    pub size: u64,
    /// Who cosigns its checkpoint.
    pub cosigners: Vec<usize>,
    /// Prove another leaf's index than the entry's.
    pub other_index: bool,
    /// Sign the checkpoint with the attacker's key.
    pub forged: bool,
}

/// A remembered checkpoint.
#[derive(Clone, Copy)]
pub struct StateSpec {
    /// Its tree size.
    pub size: u64,
    /// A forked tree: another entry at index 0.
    pub forked: bool,
}

/// A consistency proof beside the bundle.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ConsistencySpec {
    /// The true proof between the two trees of the log.
    Good,
    /// The true proof with one hash changed.
    Tampered,
}

/// What the verifier is asked to check.
#[derive(Clone, Debug)]
pub enum PolicySpec {
    /// Identity and issuer (the upstream `identity`/`issuer` files).
    Identity(String, String),
    /// A managed key (`key.pub`).
    Key(String),
    /// A policy of conditions (`policy.json`).
    Json(Value),
    /// A GitHub release (`release`: `repo=OWNER/REPO;tag=TAG` and optionally `tag_digest=HEX`,
    /// `trust_domain=NAME`), checked as `verify-release` checks it.
    Release(String),
}

/// A second log id for a log of the trusted root: the root lists the log's key again under
/// it, so one log appears as two (thresholds must still count it once).
pub const ALIAS_LOG_ID: [u8; 32] = [0xa1; 32];

/// A hook over a JSON value.
pub type JsonHook = Rc<dyn Fn(&mut Value)>;
/// A hook over a note.
pub type NoteHook = Rc<dyn Fn(&mut Note)>;
/// A hook over the final text of a file.
pub type TextHook = Rc<dyn Fn(String) -> String>;

/// One vector before it is built: a happy path plus at most one tampering.
#[derive(Clone)]
pub struct Spec {
    /// Bundle media type.
    pub media_type: String,
    /// Bundle version (1, 2 or 3): chain or single certificate, promise and/or proof.
    pub version: u8,
    /// DSSE (in-toto statement) instead of a message signature.
    pub dsse: bool,
    /// For DSSE on Rekor v1: log as intoto 0.0.2 instead of dsse 0.0.1.
    pub intoto: bool,
    /// For DSSE on Rekor v2: log as the dropped dsse 0.0.2 kind instead of hashedrekord 0.0.2
    /// over the PAE.
    pub dsse_v002_entry: bool,
    /// Sign as clients before 2023 did: P-384 and P-521 keys over SHA-256, declared SHA2_256.
    pub legacy_sha256: bool,
    /// The digest algorithms naming the artifact in the in-toto statement's subject.
    pub subject_algs: Vec<&'static str>,
    /// Which log.
    pub log: LogKind,
    /// Include an inclusion promise (Rekor v1).
    pub promise: bool,
    /// Include an inclusion proof.
    pub proof: bool,
    /// Include an RFC 3161 timestamp.
    pub tsa: bool,
    /// Who signs.
    pub signer: SignerKind,
    /// The artifact.
    pub artifact: Vec<u8>,
    /// Sign other bytes than the artifact (or the PAE).
    pub sign_other: bool,
    /// DSSE payload override.
    pub statement: Option<Vec<u8>>,
    /// DSSE payload type.
    pub payload_type: String,
    /// The Fulcio leaf.
    pub leaf: LeafSpec,
    /// Its SCT.
    pub sct: SctSpec,
    /// Integrated time (Rekor v1).
    pub integrated_time: u64,
    /// Tree size of the log.
    pub tree_size: u64,
    /// The entry's index in the log.
    pub index: u64,
    /// Log the same body a second time, at this index of the same tree (one log, two entries).
    pub logged_again_at: Option<u64>,
    /// The TSA token.
    pub token: TsaSpec,
    /// Trusted root windows.
    pub root: RootSpec,
    /// Policy.
    pub policy: PolicySpec,
    /// Verification time.
    pub now: u64,
    /// Hook over the Rekor body before it is logged.
    pub body_hook: Option<JsonHook>,
    /// Hook over the checkpoint before it is signed.
    pub note_hook: Option<NoteHook>,
    /// Hook over the checkpoint text after signing.
    pub checkpoint_text_hook: Option<TextHook>,
    /// Hook over the bundle JSON after everything is signed.
    pub bundle_hook: Option<JsonHook>,
    /// Hook over the bundle text.
    pub bundle_text_hook: Option<TextHook>,
    /// Hook over the trusted root JSON.
    pub root_hook: Option<JsonHook>,
    /// Use a compiled-in trusted root by name instead of the generated one.
    pub root_name: Option<String>,
    /// Files beside the bundle.
    pub beside: Beside,
}

impl Spec {
    /// The default happy path: bundle v0.3, message signature, Fulcio P-256 leaf, Rekor v1.
    pub fn happy() -> Self {
        Self {
            media_type: "application/vnd.dev.sigstore.bundle.v0.3+json".into(),
            version: 3,
            dsse: false,
            intoto: false,
            dsse_v002_entry: false,
            legacy_sha256: false,
            subject_algs: vec!["sha256"],
            log: LogKind::V1,
            promise: true,
            proof: true,
            tsa: false,
            signer: SignerKind::Fulcio(KeyType::P256),
            artifact: ARTIFACT.to_vec(),
            sign_other: false,
            statement: None,
            payload_type: IN_TOTO.into(),
            leaf: LeafSpec {
                san: Some((0x86, IDENTITY.into())),
                issuer_v2: Some(der::tlv(der::UTF8_STRING, ISSUER.as_bytes())),
                issuer_v1: Some(ISSUER.as_bytes().to_vec()),
                extra: vec![
                    pki::fulcio_raw(2, b"push"),
                    pki::fulcio_raw(3, b"0123456789abcdef0123456789abcdef01234567"),
                    pki::fulcio_raw(5, b"virtual-org/app"),
                    pki::fulcio_raw(6, b"refs/tags/v1.0.0"),
                    pki::fulcio_utf8(
                        9,
                        "https://github.com/virtual-org/app/.github/workflows/release.yml@refs/tags/v1.0.0",
                    ),
                    pki::fulcio_utf8(12, "https://github.com/virtual-org/app"),
                    pki::fulcio_utf8(14, "refs/tags/v1.0.0"),
                    pki::fulcio_utf8(20, "push"),
                ],
                not_before: T0 - 60,
                not_after: T0 + 540,
                ca: false,
                key_usage: Some(pki::KU_DIGITAL_SIGNATURE),
                eku: vec![pki::CODE_SIGNING],
                issued_by: LeafIssuer::Intermediate,
                spki: None,
                outer_algorithm: None,
                form: pki::TbsForm::default(),
                ski_critical: false,
            },
            sct: SctSpec {
                present: true,
                signer: CtSigner::Trusted,
                timestamp_ms: (T0 - 59) * 1000,
                hash: 4,
                extensions: Vec::new(),
                wrong_issuer_key: false,
                sign_changed_tbs: false,
                raw_list: None,
                copies: 1,
                alias_second_copy: false,
                rsa_log: false,
            },
            integrated_time: T0 + 5,
            tree_size: 13,
            index: 9,
            logged_again_at: None,
            token: TsaSpec {
                gen_time: T0 + 3,
                over_other: false,
                imprint_alg: pki::SHA256_OID.into(),
                content_type: pki::TST_INFO_OID.into(),
                tamper_digest_attr: false,
                status: 0,
                version: 1,
                forged: false,
                embed: true,
                wrong_serial: false,
                eku: vec![pki::TIME_STAMPING],
                cert_validity: (Y2024, Y2030),
                copies: 1,
                distinct_copies: false,
                cert_algorithm: None,
                signature_algorithm: None,
                gen_time_text: None,
                bare: false,
                sid_ski: false,
                sid_ski_wrong: false,
                crls: false,
                econtent_type: pki::TST_INFO_OID.into(),
                content_info_type: "1.2.840.113549.1.7.2".into(),
                eku_critical: true,
                cert_ca: false,
            },
            root: RootSpec {
                ca: (Some(Y2024), None),
                rekor1: (Some(Y2024), None),
                rekor2: (Some(Y2024), None),
                ct: (Some(Y2024), None),
                tsa: (Some(Y2024), None),
            },
            policy: PolicySpec::Identity(IDENTITY.into(), ISSUER.into()),
            now: T0 + DAY,
            body_hook: None,
            note_hook: None,
            checkpoint_text_hook: None,
            bundle_hook: None,
            bundle_text_hook: None,
            root_hook: None,
            root_name: None,
            beside: Beside::default(),
        }
    }
}

/// A built vector's files.
#[derive(Clone, Debug)]
pub struct Built {
    /// `bundle.sigstore.json`.
    pub bundle: String,
    /// `trusted_root.json`.
    pub root: String,
    /// A compiled-in root by name instead of `trusted_root.json` (`production` writes no
    /// root file at all, the upstream convention).
    pub root_name: Option<String>,
    /// `artifact`.
    pub artifact: Vec<u8>,
    /// The policy.
    pub policy: PolicySpec,
    /// Verification time.
    pub now: u64,
    /// Files beside the bundle (`witness-policy`, `log-state`, ...), by name.
    pub beside: Vec<(String, String)>,
}

/// The in-toto statement naming an artifact by its SHA-256 `digest`.
pub fn statement(digest: &[u8; 32]) -> Vec<u8> {
    statement_of(&[("sha256", digest.to_vec())])
}

/// The in-toto statement naming `artifact` by its digests in `algs` (`sha256`, `sha384`,
/// `sha512`).
pub fn statement_with(artifact: &[u8], algs: &[&str]) -> Vec<u8> {
    let digests: Vec<(&str, Vec<u8>)> = algs.iter().map(|a| (*a, hash(a, artifact))).collect();
    statement_of(&digests)
}

/// The in-toto statement whose one subject lists `digests` (algorithm name, digest).
fn statement_of(digests: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let digests: serde_json::Map<String, Value> = digests
        .iter()
        .map(|(a, d)| ((*a).to_owned(), json!(hex(d))))
        .collect();
    let v = json!({
        "_type": "https://in-toto.io/Statement/v1",
        "subject": [{"name": "firmware.bin", "digest": digests}],
        "predicateType": "https://slsa.dev/provenance/v1",
        "predicate": {"buildDefinition": {"buildType": "https://virtual.test/build/v1"}}
    });
    super::json::compact(&v).into_bytes()
}

/// The digest of `data` under `alg` (`sha256`, `sha384` or `sha512`; other names hash nothing).
pub fn hash(alg: &str, data: &[u8]) -> Vec<u8> {
    use sha2::Digest as _;
    match alg {
        "sha256" => sha2::Sha256::digest(data).to_vec(),
        "sha384" => sha2::Sha384::digest(data).to_vec(),
        "sha512" => sha2::Sha512::digest(data).to_vec(),
        _ => Vec::new(),
    }
}

/// The protobuf `HashAlgorithm` name of `alg`.
fn proto_hash(alg: &str) -> &'static str {
    match alg {
        "sha384" => "SHA2_384",
        "sha512" => "SHA2_512",
        _ => "SHA2_256",
    }
}

/// DSSE v1 pre-authentication encoding.
pub fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "DSSEv1 {} {payload_type} {} ",
        payload_type.len(),
        payload.len()
    )
    .into_bytes();
    out.extend_from_slice(payload);
    out
}

/// Sets member `key` of a JSON object.
fn put(v: &mut Value, key: &str, value: Value) {
    if let Value::Object(m) = v {
        m.insert(key.to_owned(), value);
    }
}

fn log_id(key: &Key) -> Res<Vec<u8>> {
    Ok(sha256(&key.spki()?).to_vec())
}

fn fulcio_inter_name() -> Vec<u8> {
    pki::name("fulcio-intermediate", "virtual.test")
}

fn ca_certs(w: &World) -> Res<(Vec<u8>, Vec<u8>)> {
    let root_name = pki::name("fulcio-root", "virtual.test");
    let ca_exts = |key: &Key| -> Res<Vec<Vec<u8>>> {
        Ok(vec![
            pki::basic_constraints(true),
            pki::key_usage(pki::KU_CA),
            pki::subject_key_id(sha256(&key.spki()?).get(..20).unwrap_or_default()),
        ])
    };
    let root = CertSpec {
        serial: vec![0x10, 1],
        issuer: root_name.clone(),
        subject: root_name.clone(),
        not_before: Y2024,
        not_after: Y2030,
        spki: w.fulcio_root.spki()?,
        extensions: ca_exts(&w.fulcio_root)?,
    }
    .sign(&w.fulcio_root);
    let inter = CertSpec {
        serial: vec![0x10, 2],
        issuer: root_name,
        subject: fulcio_inter_name(),
        not_before: Y2024,
        not_after: Y2030,
        spki: w.fulcio_inter.spki()?,
        extensions: ca_exts(&w.fulcio_inter)?,
    }
    .sign(&w.fulcio_root);
    Ok((inter, root))
}

/// The TSA leaf's subjectKeyIdentifier.
fn tsa_ski(w: &World) -> Res<Vec<u8>> {
    Ok(sha256(&w.tsa.spki()?)
        .get(..20)
        .unwrap_or_default()
        .to_vec())
}

fn tsa_certs(w: &World, s: &TsaSpec) -> Res<(Vec<u8>, Vec<u8>)> {
    let root_name = pki::name("tsa-root", "virtual.test");
    let root = CertSpec {
        serial: vec![0x20, 1],
        issuer: root_name.clone(),
        subject: root_name.clone(),
        not_before: Y2024,
        not_after: Y2030,
        spki: w.tsa_root.spki()?,
        extensions: vec![pki::basic_constraints(true), pki::key_usage(pki::KU_CA)],
    }
    .sign(&w.tsa_root);
    let mut exts = vec![
        pki::key_usage(pki::KU_DIGITAL_SIGNATURE),
        pki::subject_key_id(&tsa_ski(w)?),
    ];
    if !s.eku.is_empty() {
        exts.push(pki::extended_key_usage(&s.eku, s.eku_critical));
    }
    if s.cert_ca {
        exts.push(pki::basic_constraints(true));
    }
    let leaf = CertSpec {
        serial: vec![0x20, 2],
        issuer: root_name,
        subject: pki::name("tsa", "virtual.test"),
        not_before: s.cert_validity.0,
        not_after: s.cert_validity.1,
        spki: w.tsa.spki()?,
        extensions: exts,
    }
    .sign_as(
        &w.tsa_root,
        &pki::TbsForm {
            algorithm: s.cert_algorithm.clone(),
            ..pki::TbsForm::default()
        },
    );
    Ok((leaf, root))
}

fn leaf_cert(w: &World, s: &Spec, key: &Key) -> Res<Vec<u8>> {
    let l = &s.leaf;
    let issuer_key = match l.issued_by {
        LeafIssuer::Intermediate => &w.fulcio_inter,
        LeafIssuer::Root => &w.fulcio_root,
        LeafIssuer::Rogue => &w.rogue_ca,
    };
    let issuer_name = match l.issued_by {
        LeafIssuer::Root => pki::name("fulcio-root", "virtual.test"),
        _ => fulcio_inter_name(),
    };
    let spki = match &l.spki {
        Some(spki) => spki.clone(),
        None => key.spki()?,
    };
    let mut exts = Vec::new();
    if let Some(bits) = l.key_usage {
        exts.push(pki::key_usage(bits));
    }
    if !l.eku.is_empty() {
        exts.push(pki::extended_key_usage(&l.eku, false));
    }
    exts.push(pki::basic_constraints(l.ca));
    let ski = sha256(&spki);
    let ski = ski.get(..20).unwrap_or_default();
    exts.push(if l.ski_critical {
        pki::extension("2.5.29.14", true, &der::tlv(der::OCTET_STRING, ski))
    } else {
        pki::subject_key_id(ski)
    });
    if let Some((tag, value)) = &l.san {
        exts.push(pki::subject_alt_name(*tag, value));
    }
    if let Some(v) = &l.issuer_v1 {
        exts.push(pki::fulcio_raw(1, v));
    }
    if let Some(v) = &l.issuer_v2 {
        exts.push(pki::extension("1.3.6.1.4.1.57264.1.8", false, v));
    }
    exts.extend(l.extra.iter().cloned());
    let mut cert = CertSpec {
        serial: sha256(&spki).get(..16).unwrap_or_default().to_vec(),
        issuer: issuer_name,
        subject: Vec::from([der::SEQUENCE, 0]),
        not_before: l.not_before,
        not_after: l.not_after,
        spki,
        extensions: exts,
    };
    let sc = &s.sct;
    if sc.present {
        let list = match &sc.raw_list {
            Some(raw) => raw.clone(),
            None => {
                let precert = cert.tbs_as(issuer_key, &l.form);
                let issuer_spki = if sc.wrong_issuer_key {
                    w.fulcio_root.spki()?
                } else {
                    issuer_key.spki()?
                };
                let ct = if sc.rsa_log { &w.managed_rsa } else { &w.ct };
                let (ct_key, id) = match sc.signer {
                    CtSigner::Trusted => (ct, log_id(ct)?),
                    CtSigner::Forged => (&w.attacker, log_id(ct)?),
                    CtSigner::Unknown => (&w.attacker, log_id(&w.attacker)?),
                };
                let sct = pki::Sct {
                    log_id: id,
                    timestamp_ms: sc.timestamp_ms,
                    extensions: sc.extensions.clone(),
                    hash: sc.hash,
                    sig_alg: if sc.rsa_log { 1 } else { 3 },
                };
                let signed_tbs = if sc.sign_changed_tbs {
                    let mut changed = cert.clone();
                    changed.not_after += 1;
                    changed.tbs_as(issuer_key, &l.form)
                } else {
                    precert
                };
                let sig = ct_key.sign(&sct.signed_data(&sha256(&issuer_spki), &signed_tbs));
                let one = sct.serialize(&sig);
                let mut copies = vec![one; sc.copies];
                if let (true, Some(second)) = (sc.alias_second_copy, copies.get_mut(1)) {
                    let alias = pki::Sct {
                        log_id: ALIAS_LOG_ID.to_vec(),
                        ..sct
                    };
                    *second = alias.serialize(&sig);
                }
                pki::sct_list(&copies)
            }
        };
        cert.extensions.push(pki::sct_list_extension(&list));
    }
    let signed = cert.sign_as(issuer_key, &l.form);
    Ok(match &l.outer_algorithm {
        // The outer AlgorithmIdentifier is the last one, right before the signature BIT STRING.
        Some(other) => {
            let inner = issuer_key.algorithm();
            let at = signed
                .windows(inner.len())
                .rposition(|w| w == inner.as_slice())
                .ok_or("no outer signature algorithm")?;
            let mut out = signed.clone();
            out.splice(at..at + inner.len(), other.iter().copied());
            out
        }
        None => signed,
    })
}

fn window(w: &Window) -> Value {
    let mut v = serde_json::Map::new();
    if let Some(s) = w.0 {
        v.insert("start".into(), Value::String(der::rfc3339(s)));
    }
    if let Some(e) = w.1 {
        v.insert("end".into(), Value::String(der::rfc3339(e)));
    }
    Value::Object(v)
}

/// The C2SP signed-note key id of an Ed25519 key: SHA-256(name || "\n" || 0x01 || key).
fn note_key_id(name: &str, key: &Key) -> Res<Vec<u8>> {
    let spki = key.spki()?;
    let raw = spki.get(12..).unwrap_or_default();
    let mut data = name.as_bytes().to_vec();
    data.push(b'\n');
    data.push(1);
    data.extend_from_slice(raw);
    Ok(sha256(&data).to_vec())
}

/// The C2SP key id of a witness's Ed25519 cosignature key: SHA-256(name || "\n" || 0x04 ||
/// key).
fn cosigner_key_id(name: &str, key: &Key) -> Res<Vec<u8>> {
    let spki = key.spki()?;
    let mut data = name.as_bytes().to_vec();
    data.push(b'\n');
    data.push(4);
    data.extend_from_slice(spki.get(12..).unwrap_or_default());
    Ok(sha256(&data).get(..4).unwrap_or_default().to_vec())
}

/// The verifier key (`c2sp.org/signed-note` vkey) of key `key` under `name` with type `kind`.
fn vkey(name: &str, kind: u8, raw: &[u8]) -> String {
    let mut data = name.as_bytes().to_vec();
    data.push(b'\n');
    data.push(kind);
    data.extend_from_slice(raw);
    let mut typed = vec![kind];
    typed.extend_from_slice(raw);
    format!(
        "{name}+{}+{}",
        hex(sha256(&data).get(..4).unwrap_or_default()),
        b64(&typed)
    )
}

/// A policy text with its key placeholders replaced (see [`Beside`]).
fn policy_text(w: &World, text: &str) -> Res<String> {
    let raw = |k: &Key| -> Res<Vec<u8>> { Ok(k.spki()?.get(12..).unwrap_or_default().to_vec()) };
    let mut out = text.to_owned();
    for (i, (name, key)) in WITNESSES.iter().zip(&w.witnesses).enumerate() {
        out = out.replace(&format!("{{w{i}}}"), &vkey(name, 4, &raw(key)?));
    }
    out = out.replace("{log}", &vkey(REKOR2_ORIGIN, 1, &raw(&w.rekor2)?));
    out = out.replace(
        "{attacker}",
        &vkey(REKOR2_ORIGIN, 1, &raw(&w.attacker_ed25519)?),
    );
    Ok(out.replace("{mldsa}", &vkey("mldsa.virtual.test", 6, &[0x5a; 1312])))
}

/// The checkpoint of `log` at `size` and `root` as the log would sign it, before any hook.
fn default_note(w: &World, log: LogKind, size: u64, root: &[u8]) -> Res<Note> {
    let (origin, name, hint) = match log {
        LogKind::V2 => (
            REKOR2_ORIGIN.to_string(),
            REKOR2_ORIGIN.to_string(),
            note_key_id(REKOR2_ORIGIN, &w.rekor2)?,
        ),
        _ => (
            REKOR1_ORIGIN.to_string(),
            "rekor.virtual.test".to_string(),
            log_id(&w.rekor1)?,
        ),
    };
    Ok(Note {
        origin,
        size,
        root: root.to_vec(),
        extra: Vec::new(),
        name,
        hint: hint.get(..4).unwrap_or_default().to_vec(),
        forged: false,
        cosigners: if log == LogKind::V2 {
            vec![0]
        } else {
            Vec::new()
        },
        cosigned_at: COSIGNED_AT,
        bad_cosigner: None,
    })
}

/// The signed note: the log's line, then one `cosignature/v1` line per cosigner.
fn note_text(w: &World, log: LogKind, note: &Note) -> Res<String> {
    let (key, forged_key) = match log {
        LogKind::V2 => (&w.rekor2, &w.attacker_ed25519),
        _ => (&w.rekor1, &w.attacker),
    };
    let mut body = format!("{}\n{}\n{}\n", note.origin, note.size, b64(&note.root));
    for line in &note.extra {
        body.push_str(line);
        body.push('\n');
    }
    let signer = if note.forged { forged_key } else { key };
    let mut sig = note.hint.clone();
    sig.extend_from_slice(&signer.sign(body.as_bytes()));
    let mut text = format!("{body}\n\u{2014} {} {}\n", note.name, b64(&sig));
    let time = note.cosigned_at;
    for &i in &note.cosigners {
        let (Some(name), Some(witness)) = (WITNESSES.get(i), w.witnesses.get(i)) else {
            return Err(format!("no witness {i}"));
        };
        let signed = if note.bad_cosigner == Some(i) {
            format!("cosignature/v1\ntime {time}\nanother tree\n")
        } else {
            format!("cosignature/v1\ntime {time}\n{body}")
        };
        let mut line = cosigner_key_id(name, witness)?;
        line.extend_from_slice(&time.to_be_bytes());
        line.extend_from_slice(&witness.sign(signed.as_bytes()));
        text.push_str(&format!("\u{2014} {name} {}\n", b64(&line)));
    }
    Ok(text)
}

fn sign_note(w: &World, s: &Spec, log: LogKind, size: u64, root: &[u8]) -> Res<String> {
    let mut note = default_note(w, log, size, root)?;
    if let Some(hook) = &s.note_hook {
        hook(&mut note);
    }
    let text = note_text(w, log, &note)?;
    Ok(match &s.checkpoint_text_hook {
        Some(hook) => hook(text),
        None => text,
    })
}

/// The files beside the bundle, for an entry at `index` among `leaves` (whose first
/// `tree_size` make the bundle's own tree).
fn beside_files(
    w: &World,
    s: &Spec,
    leaves_of: &dyn Fn(u64) -> Vec<[u8; 32]>,
    index: u64,
) -> Res<Vec<(String, String)>> {
    let b = &s.beside;
    let mut out = Vec::new();
    if let Some(policy) = &b.policy {
        out.push(("witness-policy".to_owned(), policy_text(w, policy)?));
    }
    // The checkpoint the verifier is shown: the tlog proof's, or the bundle's own.
    let mut presented = s.tree_size;
    if let Some(t) = &b.tlog_proof {
        presented = t.size;
        let leaves = leaves_of(t.size);
        let root = mth(&leaves);
        let mut note = default_note(w, s.log, t.size, &root)?;
        note.cosigners = t.cosigners.clone();
        note.forged = t.forged;
        let at = if t.other_index { index + 1 } else { index };
        let mut text = format!(
            "c2sp.org/tlog-proof@v1\nextra {}\nindex {at}\n",
            b64(b"virtual")
        );
        for h in path(usize::try_from(at).map_err(|e| e.to_string())?, &leaves) {
            text.push_str(&b64(&h));
            text.push('\n');
        }
        text.push('\n');
        text.push_str(&note_text(w, s.log, &note)?);
        out.push(("tlog-proof".to_owned(), text));
    }
    if let Some(st) = b.state {
        let mut leaves = leaves_of(st.size);
        if st.forked {
            if let Some(first) = leaves.first_mut() {
                *first = crate::merkle::leaf(b"a rewritten entry");
            }
        }
        let note = default_note(w, s.log, st.size, &mth(&leaves))?;
        out.push((
            "log-state".to_owned(),
            format!("sigverify-log-state/v1\n\n{}", note_text(w, s.log, &note)?),
        ));
        if let Some(c) = b.consistency {
            let (small, large) = (st.size.min(presented), st.size.max(presented));
            let all = leaves_of(large);
            let m = usize::try_from(small).map_err(|e| e.to_string())?;
            let mut hashes: Vec<String> = crate::merkle::consistency_proof(m, &all)
                .iter()
                .map(|h| hex(h))
                .collect();
            if c == ConsistencySpec::Tampered {
                if let Some(first) = hashes.first_mut() {
                    first.replace_range(0..2, if first.starts_with("00") { "11" } else { "00" });
                }
            }
            let proof = json!({"rootHash": hex(&mth(&all)), "hashes": hashes});
            out.push((
                "consistency-proof.json".to_owned(),
                format!("{}\n", super::json::pretty(&proof).trim_end()),
            ));
        }
    }
    if let Some((name, hook)) = &b.text_hook {
        for (file, text) in out.iter_mut() {
            if file == name {
                *text = hook(std::mem::take(text));
            }
        }
    }
    Ok(out)
}

/// Builds the files of one vector.
pub fn build(w: &World, s: &Spec) -> Res<Built> {
    let key = match s.signer {
        SignerKind::Fulcio(KeyType::P384) => &w.leaf_p384,
        SignerKind::Fulcio(KeyType::P521) => &w.leaf_p521,
        SignerKind::Fulcio(_) => &w.leaf_p256,
        SignerKind::Managed(t) => w.managed(t),
    };
    // What sigstore-go and cosign write: the key's own hash for the message digest and the
    // logged PAE (Ed25519 message signatures keep SHA-256, Ed25519ph's SHA-512 for the PAE);
    // old clients: SHA-256 throughout.
    let msg_alg = match key.kind() {
        _ if s.legacy_sha256 => "sha256",
        KeyType::P384 | KeyType::P521 => key.hash_name(),
        _ => "sha256",
    };
    let pae_alg = if s.legacy_sha256 {
        "sha256"
    } else {
        key.hash_name()
    };
    let digest = hash(msg_alg, &s.artifact);
    let leaf = match s.signer {
        SignerKind::Fulcio(_) => Some(leaf_cert(w, s, key)?),
        SignerKind::Managed(_) => None,
    };
    let (inter, fulcio_root) = ca_certs(w)?;

    // Content.
    let payload = s
        .statement
        .clone()
        .unwrap_or_else(|| statement_with(&s.artifact, &s.subject_algs));
    let pae_bytes = pae(&s.payload_type, &payload);
    let signed: &[u8] = match (s.sign_other, s.dsse) {
        (true, _) => b"something else entirely",
        (false, true) => &pae_bytes,
        (false, false) => &s.artifact,
    };
    let signature = if s.legacy_sha256 {
        key.sign_legacy_sha256(signed)
    } else {
        key.sign(signed)
    };
    let content = if s.dsse {
        json!({"dsseEnvelope": {
            "payload": b64(&payload),
            "payloadType": s.payload_type,
            "signatures": [{"sig": b64(&signature), "keyid": ""}]
        }})
    } else {
        json!({"messageSignature": {
            "messageDigest": {"algorithm": proto_hash(msg_alg), "digest": b64(&digest)},
            "signature": b64(&signature)
        }})
    };

    // Verification material.
    let mut material = serde_json::Map::new();
    match (&leaf, s.version) {
        (Some(leaf), 3) => {
            material.insert("certificate".into(), json!({"rawBytes": b64(leaf)}));
        }
        (Some(leaf), _) => {
            material.insert(
                "x509CertificateChain".into(),
                json!({"certificates": [{"rawBytes": b64(leaf)}, {"rawBytes": b64(&inter)}]}),
            );
        }
        (None, _) => {
            material.insert("publicKey".into(), json!({"hint": b64(&log_id(key)?)}));
        }
    }
    let verifier_pem = match &leaf {
        Some(l) => pki::pem("CERTIFICATE", l),
        None => key.pem()?,
    };
    let verifier_v2 = match &leaf {
        Some(l) => json!({"x509Certificate": {"rawBytes": b64(l)}, "keyDetails": key.details()}),
        None => json!({"publicKey": {"rawBytes": b64(&key.spki()?)}, "keyDetails": key.details()}),
    };

    // Transparency log entry.
    let mut beside = Vec::new();
    if s.log != LogKind::None {
        let (kind, version, mut body) = match (s.log, s.dsse) {
            (LogKind::V1, false) => (
                "hashedrekord",
                "0.0.1",
                json!({"apiVersion": "0.0.1", "kind": "hashedrekord", "spec": {
                    "data": {"hash": {"algorithm": msg_alg, "value": hex(&digest)}},
                    "signature": {"content": b64(&signature), "publicKey": {"content": b64(verifier_pem.as_bytes())}}
                }}),
            ),
            (LogKind::V1, true) if s.intoto => (
                "intoto",
                "0.0.2",
                json!({"apiVersion": "0.0.2", "kind": "intoto", "spec": {"content": {
                    "envelope": {"payloadType": s.payload_type, "signatures": [{
                        "publicKey": b64(verifier_pem.as_bytes()),
                        "sig": b64(b64(&signature).as_bytes())
                    }]},
                    "hash": {"algorithm": "sha256", "value": hex(&sha256(&payload))},
                    "payloadHash": {"algorithm": "sha256", "value": hex(&sha256(&payload))}
                }}}),
            ),
            (LogKind::V1, true) => (
                "dsse",
                "0.0.1",
                json!({"apiVersion": "0.0.1", "kind": "dsse", "spec": {
                    "envelopeHash": {"algorithm": "sha256", "value": hex(&sha256(&pae_bytes))},
                    "payloadHash": {"algorithm": "sha256", "value": hex(&sha256(&payload))},
                    "signatures": [{"signature": b64(&signature), "verifier": b64(verifier_pem.as_bytes())}]
                }}),
            ),
            (_, true) if s.dsse_v002_entry => (
                "dsse",
                "0.0.2",
                json!({"apiVersion": "0.0.2", "kind": "dsse", "spec": {"dsseV002": {
                    "payloadHash": {"algorithm": "SHA2_256", "digest": b64(&sha256(&payload))},
                    "signatures": [{"content": b64(&signature), "verifier": verifier_v2}]
                }}}),
            ),
            (_, dsse) => {
                let (alg, logged) = if dsse {
                    (pae_alg, hash(pae_alg, &pae_bytes))
                } else {
                    (msg_alg, digest.clone())
                };
                (
                    "hashedrekord",
                    "0.0.2",
                    json!({"apiVersion": "0.0.2", "kind": "hashedrekord", "spec": {"hashedRekordV002": {
                        "data": {"algorithm": proto_hash(alg), "digest": b64(&logged)},
                        "signature": {"content": b64(&signature), "verifier": verifier_v2}
                    }}}),
                )
            }
        };
        if let Some(hook) = &s.body_hook {
            hook(&mut body);
        }
        let body = super::json::compact(&body).into_bytes();
        let indices: Vec<u64> = std::iter::once(s.index).chain(s.logged_again_at).collect();
        let leaves_of = |size: u64| -> Vec<[u8; 32]> {
            (0..size)
                .map(|i| {
                    let data = if indices.contains(&i) {
                        body.clone()
                    } else {
                        format!("virtual rekor entry {i}").into_bytes()
                    };
                    sha256(&[&[0u8][..], &data].concat())
                })
                .collect()
        };
        let leaves = leaves_of(s.tree_size);
        beside = beside_files(w, s, &leaves_of, s.index)?;
        let root = mth(&leaves);
        let (log_key, id) = match s.log {
            LogKind::V2 => (&w.rekor2, log_id(&w.rekor2)?),
            _ => (&w.rekor1, log_id(&w.rekor1)?),
        };
        let mut entries = Vec::new();
        for &at in &indices {
            let index = usize::try_from(at).map_err(|e| e.to_string())?;
            let hashes: Vec<String> = path(index, &leaves).iter().map(|h| b64(h)).collect();
            let mut entry = json!({
                "logIndex": at.to_string(),
                "logId": {"keyId": b64(&id)},
                "kindVersion": {"kind": kind, "version": version},
                "canonicalizedBody": b64(&body)
            });
            if s.log == LogKind::V1 {
                put(
                    &mut entry,
                    "integratedTime",
                    json!(s.integrated_time.to_string()),
                );
            }
            if s.promise && s.log == LogKind::V1 {
                let payload = format!(
                    r#"{{"body":"{}","integratedTime":{},"logID":"{}","logIndex":{}}}"#,
                    b64(&body),
                    s.integrated_time,
                    hex(&id),
                    at
                );
                put(
                    &mut entry,
                    "inclusionPromise",
                    json!({"signedEntryTimestamp": b64(&log_key.sign(payload.as_bytes()))}),
                );
            }
            if s.proof {
                let checkpoint = sign_note(w, s, s.log, s.tree_size, &root)?;
                put(
                    &mut entry,
                    "inclusionProof",
                    json!({
                        "logIndex": at.to_string(),
                        "rootHash": b64(&root),
                        "treeSize": s.tree_size.to_string(),
                        "hashes": hashes,
                        "checkpoint": {"envelope": checkpoint}
                    }),
                );
            }
            entries.push(entry);
        }
        material.insert("tlogEntries".into(), Value::Array(entries));
    } else {
        material.insert("tlogEntries".into(), json!([]));
    }

    // Timestamp.
    let (tsa_leaf, tsa_root) = tsa_certs(w, &s.token)?;
    if s.tsa {
        let t = &s.token;
        let mut spec = pki::TokenSpec {
            signed_over: if t.over_other {
                b"another signature".to_vec()
            } else {
                signature.clone()
            },
            imprint_alg: t.imprint_alg.clone(),
            gen_time: t
                .gen_time_text
                .clone()
                .unwrap_or_else(|| der::generalized_text(t.gen_time)),
            sid_issuer: pki::name("tsa-root", "virtual.test"),
            sid_serial: if t.wrong_serial {
                vec![0x20, 9]
            } else {
                vec![0x20, 2]
            },
            embedded: if t.embed {
                vec![tsa_leaf.clone()]
            } else {
                Vec::new()
            },
            content_type: t.content_type.clone(),
            tamper_digest_attr: t.tamper_digest_attr,
            status: t.status,
            version: t.version,
            bare: t.bare,
            sid_ski: match (t.sid_ski, t.sid_ski_wrong) {
                (_, true) => Some(vec![0x5a; 20]),
                (true, false) => Some(tsa_ski(w)?),
                (false, false) => None,
            },
            crls: t.crls,
            econtent_type: t.econtent_type.clone(),
            content_info_type: t.content_info_type.clone(),
            signature_algorithm: t.signature_algorithm.clone(),
        };
        let signer = if t.forged { &w.attacker } else { &w.tsa };
        let mut stamps: Vec<Value> = Vec::new();
        for i in 0..t.copies {
            if t.distinct_copies {
                spec.gen_time = der::generalized_text(t.gen_time + i as u64);
            }
            stamps.push(json!({"signedTimestamp": b64(&pki::token(&spec, signer))}));
        }
        material.insert(
            "timestampVerificationData".into(),
            json!({"rfc3161Timestamps": stamps}),
        );
    }

    let mut bundle = json!({"mediaType": s.media_type, "verificationMaterial": material});
    if let (Value::Object(b), Value::Object(c)) = (&mut bundle, content) {
        b.extend(c);
    }
    if let Some(hook) = &s.bundle_hook {
        hook(&mut bundle);
    }
    let mut bundle_text = super::json::pretty(&bundle);
    if let Some(hook) = &s.bundle_text_hook {
        bundle_text = hook(bundle_text);
    }

    // Trusted root.
    let r = &s.root;
    let mut root = json!({
        "mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
        "tlogs": [
            {
                "baseUrl": REKOR1_URL,
                "hashAlgorithm": "SHA2_256",
                "publicKey": {"rawBytes": b64(&w.rekor1.spki()?), "keyDetails": w.rekor1.details(), "validFor": window(&r.rekor1)},
                "logId": {"keyId": b64(&log_id(&w.rekor1)?)}
            },
            {
                "baseUrl": REKOR2_URL,
                "hashAlgorithm": "SHA2_256",
                "publicKey": {"rawBytes": b64(&w.rekor2.spki()?), "keyDetails": w.rekor2.details(), "validFor": window(&r.rekor2)},
                "logId": {"keyId": b64(&log_id(&w.rekor2)?)},
                "checkpointKeyId": {"keyId": b64(&note_key_id(REKOR2_ORIGIN, &w.rekor2)?)}
            }
        ],
        "certificateAuthorities": [{
            "subject": {"organization": "virtual.test", "commonName": "fulcio"},
            "uri": "https://fulcio.virtual.test",
            "certChain": {"certificates": [{"rawBytes": b64(&inter)}, {"rawBytes": b64(&fulcio_root)}]},
            "validFor": window(&r.ca)
        }],
        "ctlogs": [{
            "baseUrl": "https://ctfe.virtual.test/2025",
            "hashAlgorithm": "SHA2_256",
            "publicKey": {"rawBytes": b64(&w.ct.spki()?), "keyDetails": w.ct.details(), "validFor": window(&r.ct)},
            "logId": {"keyId": b64(&log_id(&w.ct)?)}
        }],
        "timestampAuthorities": [{
            "subject": {"organization": "virtual.test", "commonName": "tsa"},
            "uri": "https://tsa.virtual.test",
            "certChain": {"certificates": [{"rawBytes": b64(&tsa_leaf)}, {"rawBytes": b64(&tsa_root)}]},
            "validFor": window(&r.tsa)
        }]
    });
    if s.sct.rsa_log {
        let k = &w.managed_rsa;
        let ctlog = json!([{
            "baseUrl": "https://ctfe-rsa.virtual.test",
            "hashAlgorithm": "SHA2_256",
            "publicKey": {"rawBytes": b64(&k.pkcs1_public()?), "keyDetails": "PKCS1_RSA_PKCS1V5", "validFor": window(&r.ct)},
            "logId": {"keyId": b64(&log_id(k)?)}
        }]);
        put(&mut root, "ctlogs", ctlog);
    }
    if let Some(hook) = &s.root_hook {
        hook(&mut root);
    }
    Ok(Built {
        bundle: bundle_text,
        root: super::json::pretty(&root),
        root_name: s.root_name.clone(),
        artifact: s.artifact.clone(),
        policy: s.policy.clone(),
        now: s.now,
        beside,
    })
}
