//! Entry points for the fuzz targets (`fuzz/`) into parsers that are not public API. Compiled
//! only with the `fuzzing` feature, which adds no behaviour and is not a stable interface.

use alloc::string::String;
use alloc::vec::Vec;

use crate::TrustedRoot;
use crate::bundle::Content;
use crate::bundle::Envelope;

/// Parses a checkpoint (signed note).
pub fn checkpoint(text: &str) -> bool {
    crate::note::parse(text, 0).is_ok()
}

/// Parses a certificate and runs what the verifier reads from a leaf: self-signature, Fulcio
/// issuer, the embedded SCT list (against `root`'s CT logs), and an extension condition.
pub fn certificate(der: &[u8], root: &TrustedRoot) -> bool {
    let Ok(cert) = crate::x509::Certificate::from_der(der) else {
        return false;
    };
    let _ = cert.is_self_signed();
    let _ = crate::sct::verify_embedded(
        &cert,
        &cert,
        &root.ctlogs,
        1,
        crate::crypto::Crypto::BUILTIN,
    );
    let condition = crate::Condition::AnyOf(alloc::vec![
        crate::Condition::issuer("x"),
        crate::Condition::extension(crate::policy::fulcio_oid::GITHUB_WORKFLOW_REPOSITORY, "x"),
        crate::Condition::extension(crate::policy::fulcio_oid::SOURCE_REPOSITORY_URI, "x"),
    ]);
    let _ = crate::policy::check_certificate(&cert, &condition);
    true
}

/// Parses and verifies an RFC 3161 token over `signature` against `root`'s TSAs.
pub fn timestamp(token: &[u8], signature: &[u8], root: &TrustedRoot) -> bool {
    crate::timestamp::verify(token, signature, &root.tsas, crate::crypto::Crypto::BUILTIN).is_ok()
}

/// Parses an in-toto statement and matches its subjects: against a digest, and against bytes
/// (which hashes them with every algorithm the subjects name); reads it as `Statement::in_toto`
/// does.
pub fn statement(payload: &[u8]) -> bool {
    let digest = crate::Artifact::Digest(crate::Digest::Sha512([0; 64]));
    let by_digest = crate::dsse::check_subject(crate::dsse::IN_TOTO, payload, digest).is_ok();
    let bytes = crate::Artifact::Bytes(b"fuzz");
    let by_bytes = crate::dsse::check_subject(crate::dsse::IN_TOTO, payload, bytes).is_ok();
    let _ = crate::dsse::subject_hash(crate::dsse::IN_TOTO, payload);
    // The reader `verify-attestation` prints from, and the predicate-type check.
    let statement = crate::Statement {
        payload_type: String::from(crate::intoto::PAYLOAD_TYPE),
        payload: payload.to_vec(),
    };
    let read = statement.in_toto();
    let _ = statement.check_predicate_type("https://slsa.dev/provenance/v1");
    // Whatever matches a subject must read as a statement.
    assert!(!(by_digest || by_bytes) || read.is_ok());
    // The firmware statement's one-pass reader agrees with the statement reader on the type,
    // and a device judges what it reads without panicking.
    if let Ok(firmware) = crate::FirmwareStatement::from_statement(&statement) {
        assert!(
            statement
                .check_predicate_type(crate::firmware::FIRMWARE_PREDICATE_TYPE)
                .is_ok()
        );
        if let Ok(device) = crate::FirmwarePolicy::new(&firmware.vendor, &firmware.class) {
            let device = device.with_hardware_revision(u32::MAX);
            assert!(device.check_applies(&firmware).is_ok());
            assert!(device.check(&firmware, firmware.security_version).is_err());
        }
    }
    by_digest || by_bytes
}

/// Parses a Rekor entry body of every supported kind against a fixed bundle description.
pub fn tlog_body(body: &[u8]) -> bool {
    let message = Content::MessageSignature {
        digest: None,
        signature: alloc::vec![1, 2, 3],
    };
    let dsse = Content::Dsse(Envelope {
        payload: alloc::vec![4, 5],
        payload_type: "application/vnd.in-toto+json".into(),
        signature: alloc::vec![1, 2, 3],
        keyid: String::new(),
    });
    let mut any = false;
    for content in [&message, &dsse] {
        let expected = crate::tlog::body::Expected {
            content,
            certificate: Some(&[0x30, 0x00]),
            spki: &[],
            artifact: Some(crate::Digest::Sha256([0; 32])),
            pae_hash: crate::HashAlgorithm::Sha384,
        };
        for (kind, version) in crate::tlog::body::SUPPORTED {
            any |= crate::tlog::body::check(0, kind, version, body, &expected).is_ok();
        }
    }
    any
}

/// Reads `data` as the metadata of every TUF role and as a persisted state, then runs a whole
/// update with `data` as the anchor and as every file: the JSON reader, the canonical form,
/// the typed metadata rules and the signature checks, on input no repository signed.
pub fn tuf_metadata(data: &[u8]) -> bool {
    use crate::tuf::metadata;
    let roles = [
        metadata::Role::Root,
        metadata::Role::Timestamp,
        metadata::Role::Snapshot,
        metadata::Role::Targets,
    ];
    let _ = metadata::parse(roles[0], data, metadata::read_root);
    let _ = metadata::parse(roles[1], data, metadata::read_timestamp);
    let _ = metadata::parse(roles[2], data, metadata::read_snapshot);
    let _ = metadata::parse(roles[3], data, metadata::read_targets);
    // A state that reads must write back to what reads as the same state (a state is floors
    // only; nothing in it may change meaning on the way through storage).
    let state = crate::tuf::State::from_bytes(data).ok();
    if let Some(s) = &state {
        assert_eq!(crate::tuf::State::from_bytes(&s.to_bytes()).as_ref(), Ok(s));
    }
    let repo = crate::tuf::Repository {
        roots: alloc::vec![data],
        timestamp: data,
        snapshot: data,
        targets: data,
        target_files: alloc::vec![(crate::tuf::TRUSTED_ROOT_TARGET, data)],
    };
    let _ = crate::tuf::update(data, state.as_ref(), &repo, crate::UnixTime(1_787_356_800));
    #[cfg(feature = "default-roots")]
    let _ = crate::tuf::update(
        crate::tuf::PRODUCTION_ROOT,
        None,
        &crate::tuf::Repository {
            roots: alloc::vec![],
            ..repo
        },
        crate::UnixTime(1_787_356_800),
    );
    true
}

/// Splits `data` as a file of several bundles (JSON Lines, an attestations document, one
/// bundle) and parses every bundle found: nothing found may escape the size limits.
pub fn bundle_file(data: &[u8]) -> bool {
    let Ok((_, found)) = crate::bundles::split(data) else {
        return false;
    };
    assert!(found.len() <= crate::limits::MAX_BUNDLES_IN_FILE);
    let mut any = false;
    for f in &found {
        any |= crate::Bundle::from_json(&f.json).is_ok();
    }
    any
}

/// PyPI's PEP 740 inputs: provenance and attestation objects (and the bundle an attestation
/// stands for), distribution file names, and the statement checks. A name that parses must
/// name itself; returns whether the first line of `data` was a distribution name.
pub fn pypi(data: &[u8]) -> bool {
    let _ = crate::pypi::Provenance::from_json(data);
    if let Ok(attestation) = crate::pypi::Attestation::from_json(data) {
        let _ = attestation.to_bundle();
    }
    let Ok(text) = core::str::from_utf8(data) else {
        return false;
    };
    let name = text.lines().next().unwrap_or_default();
    let Ok(dist) = crate::pypi::Distribution::new(name, [7; 32]) else {
        return false;
    };
    let mut payload =
        Vec::from(&br#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"#[..]);
    crate::json::write_string(&mut payload, name);
    payload.extend_from_slice(br#","digest":{"sha256":""#);
    payload.extend_from_slice("07".repeat(32).as_bytes());
    payload.extend_from_slice(br#""}}],"predicateType":"#);
    crate::json::write_string(&mut payload, crate::pypi::PUBLISH_V1);
    payload.push(b'}');
    let own = crate::Statement {
        payload_type: String::from(crate::intoto::PAYLOAD_TYPE),
        payload,
    };
    assert_eq!(
        dist.check_statement(&own).as_deref(),
        Ok(crate::pypi::PUBLISH_V1)
    );
    let rest = crate::Statement {
        payload_type: String::from(crate::intoto::PAYLOAD_TYPE),
        payload: data.to_vec(),
    };
    let _ = dist.check_statement(&rest);
    true
}

/// The pattern compiler and matcher: the first line of `data` as a pattern, the rest as a
/// value. Any pattern either compiles within the limits or is refused; an escaped value always
/// matches itself as a whole, and no more. Returns whether the pattern compiled.
pub fn pattern(data: &str) -> bool {
    let (source, value) = data.split_once('\n').unwrap_or((data, ""));
    let compiled = crate::Pattern::new(source).map(|p| p.matches(value));
    if let Ok(literal) = crate::Pattern::new(&crate::github::escape(value)) {
        assert!(literal.matches(value));
        let longer = alloc::format!("{value}x");
        assert!(!literal.matches(&longer));
    }
    compiled.is_ok()
}

/// What the core's certificate reader read, for the differential target against `x509-cert`.
#[derive(Debug, PartialEq, Eq)]
pub struct CertificateFields {
    /// The serial number's INTEGER content.
    pub serial: Vec<u8>,
    /// The issuer Name, DER as written.
    pub issuer: Vec<u8>,
    /// The subject Name, DER as written.
    pub subject: Vec<u8>,
    /// notBefore and notAfter, Unix seconds.
    pub validity: (u64, u64),
    /// The SubjectPublicKeyInfo, DER.
    pub spki: Vec<u8>,
    /// The signature BIT STRING's octets.
    pub signature: Vec<u8>,
    /// Each extension's OID content octets and value, in order.
    pub extensions: Vec<(Vec<u8>, Vec<u8>)>,
}

/// Reads a certificate as the verifier does; `None` when the reader refuses it.
pub fn certificate_fields(der: &[u8]) -> Option<CertificateFields> {
    let cert = crate::x509::Certificate::from_der(der).ok()?;
    Some(CertificateFields {
        serial: cert.serial.clone(),
        issuer: cert.issuer.clone(),
        subject: cert.subject.clone(),
        validity: (
            cert.validity.start.seconds(),
            cert.validity.end.map_or(u64::MAX, |t| t.seconds()),
        ),
        spki: cert.spki.clone(),
        signature: cert.signature.clone(),
        extensions: cert
            .extensions()
            .map(|(id, value)| (id.to_vec(), value.to_vec()))
            .collect(),
    })
}

/// A JSON value as the core's reader read it, owned, for the differential target against
/// `serde_json`: numbers as written, an object's members in order, repeated keys kept.
#[derive(Debug, PartialEq, Eq)]
pub enum JsonValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written.
    Number(String),
    /// A string.
    Str(String),
    /// An array.
    Array(Vec<JsonValue>),
    /// An object's members in document order.
    Object(Vec<(String, JsonValue)>),
}

/// Reads a JSON document as the core does (with the depth bound of `max_depth`); `None` when
/// the reader refuses it.
pub fn json(input: &[u8], max_depth: usize) -> Option<JsonValue> {
    fn own(v: &crate::json::borrowed::Json<'_>) -> JsonValue {
        use crate::json::borrowed::Json;
        match v {
            Json::Null => JsonValue::Null,
            Json::Bool(b) => JsonValue::Bool(*b),
            Json::Number(n) => JsonValue::Number(String::from(*n)),
            Json::Str(s) => JsonValue::Str(String::from(s.as_ref())),
            Json::Array(items) => JsonValue::Array(items.iter().map(own).collect()),
            Json::Object(members) => JsonValue::Object(
                members
                    .iter()
                    .map(|(k, v)| (String::from(k.as_ref()), own(v)))
                    .collect(),
            ),
        }
    }
    crate::json::parse::parse(input, max_depth)
        .ok()
        .map(|v| own(&v))
}

/// npm's registry documents: `keys.json` in both forms, version documents and packuments (as
/// a version document, and as a packument for the version on the input's first line), and,
/// when one reads, the purl and signed message it yields. Returns whether a package version
/// was read.
pub fn npm(data: &[u8]) -> bool {
    let _ = crate::npm::RegistryKeys::from_json(data);
    let version = core::str::from_utf8(data)
        .ok()
        .and_then(|t| t.lines().next());
    let mut read = false;
    for v in [None, version] {
        if let Ok(p) = crate::npm::PackageVersion::from_json(data, v) {
            assert!(p.purl().starts_with("pkg:npm/"));
            assert!(p.signed_message().ends_with(p.integrity.as_str()));
            read = true;
        }
    }
    read
}

/// Parses a witness policy and, split at the first NUL byte, judges the checkpoint after it:
/// the policy parser, the note parser with many signature lines, cosignature matching and the
/// quorum. A policy that does not parse is replaced by one of three witnesses in two groups,
/// so every note still reaches the judging.
pub fn witness(data: &[u8]) -> bool {
    const FALLBACK: &str =
        "witness a witness.virtual.test+2470ac72+BNlfLFeUhu6q04N/UNX4wYKn1n0pDS1EXf4a9oh3y6f2
witness b witness2.virtual.test+44586ea7+BLEvkz7Og2RkZalqE8D0jmlmYD3EjOZ5/meJ4EJRzDa+
group g any a b
quorum g
";
    let (policy, note) = match data.iter().position(|b| *b == 0) {
        Some(at) => (
            data.get(..at).unwrap_or_default(),
            data.get(at + 1..).unwrap_or_default(),
        ),
        None => (data, &[][..]),
    };
    let parsed = crate::WitnessPolicy::parse(policy);
    let ok = parsed.is_ok();
    let policy = parsed.or_else(|_| crate::WitnessPolicy::parse(FALLBACK.as_bytes()));
    if let (Ok(policy), Ok(text)) = (policy, core::str::from_utf8(note)) {
        if let Ok(cp) = crate::note::parse(text, 0) {
            let _ = policy.judge(
                0,
                &cp,
                &[],
                crate::UnixTime(u64::MAX),
                crate::crypto::Crypto::BUILTIN,
            );
        }
    }
    ok
}

/// Verifies a consistency proof read from the input: two sizes (8 bytes each, big-endian,
/// reduced below 2^20), two roots and the hashes (32 bytes each); it must never panic.
pub fn consistency(data: &[u8]) -> bool {
    let size = |at: usize| {
        data.get(at..at + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
            .map_or(0, |b| u64::from_be_bytes(b) % (1 << 20))
    };
    let (old, new) = (size(0), size(8));
    let rest = data.get(16..).unwrap_or_default();
    let mut chunks = rest.chunks_exact(32);
    let old_root = chunks.next().unwrap_or_default();
    let new_root = chunks.next().unwrap_or_default();
    let proof: Vec<Vec<u8>> = chunks.map(<[u8]>::to_vec).collect();
    crate::tlog::consistency::verify(old, old_root, new, new_root, &proof)
}

/// Reads a checkpoint state, a tlog proof and a consistency proof from the same bytes: a state
/// that parses writes back to itself.
pub fn log_files(data: &[u8]) -> bool {
    let _ = crate::log_state::ConsistencyProof::from_json(data);
    let Ok(text) = core::str::from_utf8(data) else {
        return false;
    };
    let _ = crate::TlogProof::parse(text);
    match crate::log_state::LogState::parse(text) {
        Ok(state) => {
            assert_eq!(
                crate::log_state::LogState::parse(&state.to_text()),
                Ok(state)
            );
            true
        }
        Err(_) => false,
    }
}
