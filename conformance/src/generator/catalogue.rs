//! The catalogue: every vector the generator writes. Happy paths first (each bundle version,
//! content kind, log kind, time source and key type), then one tampering at a time for each
//! check of the pipeline, each expecting the error name of the check it breaks.

use std::collections::BTreeSet;
use std::rc::Rc;

use serde_json::Value;
use serde_json::json;

use super::der;
use super::pki;
use super::pki::KeyType;
use super::pki::Res;
use super::pki::b64;
use super::pki::hex;
use super::sigstore::ALIAS_LOG_ID;
use super::sigstore::ARTIFACT;
use super::sigstore::CtSigner;
use super::sigstore::DAY;
use super::sigstore::IDENTITY;
use super::sigstore::ISSUER;
use super::sigstore::JsonHook;
use super::sigstore::LeafIssuer;
use super::sigstore::LeafSpec;
use super::sigstore::LogKind;
use super::sigstore::Note;
use super::sigstore::PolicySpec;
use super::sigstore::SignerKind;
use super::sigstore::Spec;
use super::sigstore::T0;
use super::sigstore::World;
use super::sigstore::build;
use super::sigstore::hash;
use super::write::Vector;

pub(super) const OK: &str = "ok";
const ENTRY: &str = "/verificationMaterial/tlogEntries/0";
const LIMIT: &str = "LIMIT_EXCEEDED";

/// Every vector, sorted by name.
pub fn all(w: &World) -> Res<Vec<Vector>> {
    let mut c = Catalogue { w, out: Vec::new() };
    c.happy()?;
    c.bundle()?;
    c.trusted_root()?;
    c.keys()?;
    c.certificate()?;
    c.sct()?;
    c.tlog()?;
    c.checkpoint()?;
    c.body()?;
    c.timestamp()?;
    c.dsse()?;
    c.signature()?;
    c.policy()?;
    c.limits()?;
    c.hash_algorithms()?;
    c.root_names_and_times()?;
    c.token_forms()?;
    c.witnesses()?;
    c.log_state()?;
    c.tlog_proofs()?;
    let mut out = c.out;
    out.sort_by(|a, b| a.name.cmp(&b.name));
    let mut seen = BTreeSet::new();
    for v in &out {
        if !seen.insert(v.name.clone()) {
            return Err(format!("duplicate vector name {}", v.name));
        }
    }
    Ok(out)
}

/// One row of a table of cases: name, README line, what to build or apply, expected outcome.
type Case<T> = (&'static str, &'static str, T, &'static str);
/// An edit of a file's text.
type TextEdit = fn(String) -> String;
/// A tampering applied to a base spec.
type Tamper = Box<dyn Fn(Spec) -> Spec>;

pub(super) struct Catalogue<'a> {
    pub(super) w: &'a World,
    out: Vec<Vector>,
}

/// A hook that replaces the value at a JSON pointer.
fn set(pointer: &'static str, value: Value) -> Option<JsonHook> {
    Some(Rc::new(move |v: &mut Value| {
        if let Some(slot) = v.pointer_mut(pointer) {
            *slot = value.clone();
        }
    }))
}

/// Renames every member of a protobuf-JSON document from its JSON name to its proto name
/// (`logIndex` to `log_index`).
fn to_proto_names(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let members = std::mem::take(map);
            for (key, mut value) in members {
                to_proto_names(&mut value);
                let mut proto = String::new();
                for c in key.chars() {
                    if c.is_ascii_uppercase() {
                        proto.push('_');
                        proto.push(c.to_ascii_lowercase());
                    } else {
                        proto.push(c);
                    }
                }
                map.insert(proto, value);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(to_proto_names),
        _ => {}
    }
}

/// A hook that inserts (or replaces) member `key` of the object at a JSON pointer.
fn insert(pointer: &'static str, key: &'static str, value: Value) -> Option<JsonHook> {
    Some(Rc::new(move |v: &mut Value| {
        if let Some(Value::Object(map)) = v.pointer_mut(pointer) {
            map.insert(key.to_owned(), value.clone());
        }
    }))
}

/// A hook that removes the member at a JSON pointer.
fn remove(pointer: &'static str) -> Option<JsonHook> {
    Some(Rc::new(move |v: &mut Value| {
        let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
        if let Some(Value::Object(map)) = v.pointer_mut(parent) {
            map.remove(key);
        }
    }))
}

/// A hook that edits the value at a JSON pointer.
fn edit(pointer: &'static str, f: fn(&mut Value)) -> Option<JsonHook> {
    Some(Rc::new(move |v: &mut Value| {
        if let Some(slot) = v.pointer_mut(pointer) {
            f(slot);
        }
    }))
}

/// Flips one bit of the base64 string at `v` (in the byte at `at`, counted from the end when
/// negative).
fn flip_b64(v: &mut Value, at: isize) {
    use base64::Engine as _;
    let engine = base64::engine::general_purpose::STANDARD;
    let Some(text) = v.as_str() else { return };
    let Ok(mut bytes) = engine.decode(text) else {
        return;
    };
    let len = bytes.len() as isize;
    let i = if at < 0 { len + at } else { at };
    if let Some(b) = usize::try_from(i).ok().and_then(|i| bytes.get_mut(i)) {
        *b ^= 1;
    }
    *v = Value::String(engine.encode(bytes));
}

/// The in-toto predicate type of GitHub's release attestations.
const RELEASE_V0_1: &str = "https://in-toto.io/attestation/release/v0.1";

/// The Fulcio username otherName type (Fulcio OID registry).
const USERNAME: &str = "1.3.6.1.4.1.57264.1.7";

/// A subjectAltName extension (critical, as Fulcio writes it) over encoded GeneralNames.
fn san_ext(names: &[Vec<u8>]) -> Vec<u8> {
    let refs: Vec<&[u8]> = names.iter().map(Vec::as_slice).collect();
    pki::extension("2.5.29.17", true, &der::seq(&refs))
}

/// An otherName GeneralName: `[0] { type-id, [0] EXPLICIT UTF8String }`.
fn other_name(type_id: &str, value: &str) -> Vec<u8> {
    let inner = der::tlv(0xa0, &der::tlv(der::UTF8_STRING, value.as_bytes()));
    der::tlv(0xa0, &[der::oid(type_id), inner].concat())
}

fn v1_dsse() -> Spec {
    Spec {
        dsse: true,
        ..Spec::happy()
    }
}

fn v2(dsse: bool) -> Spec {
    Spec {
        dsse,
        log: LogKind::V2,
        promise: false,
        tsa: true,
        ..Spec::happy()
    }
}

fn with_tsa(s: Spec) -> Spec {
    Spec { tsa: true, ..s }
}

fn managed(t: KeyType, w: &World) -> Res<Spec> {
    Ok(Spec {
        signer: SignerKind::Managed(t),
        policy: PolicySpec::Key(w.managed(t).pem()?),
        ..Spec::happy()
    })
}

pub(super) fn version(s: Spec, v: u8) -> Spec {
    let media_type = match v {
        1 => "application/vnd.dev.sigstore.bundle+json;version=0.1",
        2 => "application/vnd.dev.sigstore.bundle+json;version=0.2",
        _ => "application/vnd.dev.sigstore.bundle+json;version=0.3",
    };
    Spec {
        media_type: media_type.into(),
        version: v,
        proof: v >= 2,
        ..s
    }
}

impl Catalogue<'_> {
    /// Compiled-in roots by name, and the RFC 3339 forms a trusted root may use.
    fn root_names_and_times(&mut self) -> Res<()> {
        for (name, readme, root, expect) in [
            (
                "root-production-own-bundle",
                "a generated bundle checked against the compiled-in production root (no trusted_root.json)",
                "production",
                "TLOG_KEY_UNKNOWN",
            ),
            (
                "root-staging-own-bundle",
                "a generated bundle checked against the compiled-in staging root",
                "staging",
                "TLOG_KEY_UNKNOWN",
            ),
            (
                "root-name-unknown",
                "trusted_root.name names no compiled-in root",
                "testing",
                "TRUST_ROOT_NAME_UNKNOWN",
            ),
        ] {
            self.add(
                name,
                readme,
                Spec {
                    root_name: Some(root.into()),
                    ..Spec::happy()
                },
                expect,
            )?;
        }
        let it = T0 + 5;
        let cases: Vec<Case<(&'static str, String)>> = vec![
            (
                "ok-root-time-fraction-and-offset",
                "CA validFor start with fractional seconds and a +01:00 offset",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-01-01T01:00:00.123+01:00".into(),
                ),
                OK,
            ),
            (
                "ok-root-time-negative-offset",
                "CA validFor start with a -05:30 offset",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2023-12-31T18:30:00-05:30".into(),
                ),
                OK,
            ),
            (
                "ok-root-time-lowercase",
                "CA validFor start with lowercase t and z",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-01-01t00:00:00z".into(),
                ),
                OK,
            ),
            (
                "ok-root-time-leap-day",
                "CA validFor start on 2024-02-29",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-02-29T00:00:00Z".into(),
                ),
                OK,
            ),
            (
                "ok-root-time-leap-second",
                "CA validFor start with second 60 (read as 59)",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-06-30T23:59:60Z".into(),
                ),
                OK,
            ),
            (
                "ok-root-tlog-end-fraction-inclusive",
                "Rekor v1 validFor ends at the integrated time plus .999 s (inclusive)",
                (
                    "/tlogs/0/publicKey/validFor/end",
                    format!("{}.999Z", der::rfc3339(it).trim_end_matches('Z')),
                ),
                OK,
            ),
            (
                "root-tlog-end-offset-before",
                "Rekor v1 validFor end written with an offset, one second before the integrated time",
                ("/tlogs/0/publicKey/validFor/end", {
                    let t = der::rfc3339(it - 1 + 3600);
                    format!("{}+01:00", t.trim_end_matches('Z'))
                }),
                "TLOG_KEY_NOT_VALID_AT_TIME",
            ),
            (
                "root-time-not-leap-day",
                "CA validFor start on 2023-02-29",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2023-02-29T00:00:00Z".into(),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-time-day-31-in-april",
                "CA validFor start on April 31",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-04-31T00:00:00Z".into(),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-time-month-13",
                "CA validFor start in month 13",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-13-01T00:00:00Z".into(),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-time-hour-24",
                "CA validFor start at hour 24",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-01-01T24:00:00Z".into(),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-time-offset-hour-24",
                "CA validFor start with offset +24:00",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-01-01T00:00:00+24:00".into(),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-time-offset-no-colon",
                "CA validFor start with offset +0100",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-01-01T00:00:00+0100".into(),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-time-empty-fraction",
                "CA validFor start with a dot and no fraction digits",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-01-01T00:00:00.Z".into(),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-time-space-separator",
                "CA validFor start with a space instead of T",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-01-01 00:00:00Z".into(),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-time-no-zone",
                "CA validFor start without a zone",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-01-01T00:00:00".into(),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-time-slashes",
                "CA validFor start written 2024/01/01",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024/01/01T00:00:00Z".into(),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-time-minute-60",
                "CA validFor start at minute 60",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "2024-01-01T00:60:00Z".into(),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-time-before-epoch",
                "CA validFor start in 1969",
                (
                    "/certificateAuthorities/0/validFor/start",
                    "1969-12-31T23:59:59Z".into(),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
        ];
        for (name, readme, (pointer, value), expect) in cases {
            let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
            let (parent, key) = (parent.to_owned(), key.to_owned());
            self.add(
                name,
                readme,
                Spec {
                    root_hook: Some(Rc::new(move |v: &mut Value| {
                        if let Some(Value::Object(m)) = v.pointer_mut(&parent) {
                            m.insert(key.clone(), json!(value.clone()));
                        }
                    })),
                    ..Spec::happy()
                },
                expect,
            )?;
        }
        Ok(())
    }

    /// The forms an RFC 3161 token may take, and malformed ones.
    fn token_forms(&mut self) -> Res<()> {
        let cases: Vec<Case<fn(&mut super::sigstore::TsaSpec)>> = vec![
            (
                "ok-tsa-bare-token",
                "the bundle carries a bare TimeStampToken, without the TimeStampResp",
                |t| t.bare = true,
                OK,
            ),
            (
                "ok-tsa-signer-by-key-id",
                "the SignerInfo names the TSA by subjectKeyIdentifier",
                |t| t.sid_ski = true,
                OK,
            ),
            (
                "ok-tsa-signer-by-key-id-not-embedded",
                "the SignerInfo names the TSA by subjectKeyIdentifier; the certificate comes from the trusted root",
                |t| {
                    t.sid_ski = true;
                    t.embed = false;
                },
                OK,
            ),
            (
                "tsa-signer-key-id-wrong",
                "the SignerInfo names an unknown subjectKeyIdentifier",
                |t| t.sid_ski_wrong = true,
                "TIMESTAMP_CHAIN_UNTRUSTED",
            ),
            (
                "ok-tsa-gen-time-fraction",
                "genTime with fractional seconds",
                |t| {
                    t.gen_time_text = Some(format!(
                        "{}.25Z",
                        der::generalized_text(T0 + 3).trim_end_matches('Z')
                    ))
                },
                OK,
            ),
            (
                "tsa-gen-time-no-zone",
                "genTime without Z",
                |t| {
                    t.gen_time_text = Some(
                        der::generalized_text(T0 + 3)
                            .trim_end_matches('Z')
                            .to_owned(),
                    )
                },
                "TIMESTAMP_INVALID",
            ),
            (
                "tsa-gen-time-empty-fraction",
                "genTime with a dot and no fraction digits",
                |t| {
                    t.gen_time_text = Some(format!(
                        "{}.Z",
                        der::generalized_text(T0 + 3).trim_end_matches('Z')
                    ))
                },
                "TIMESTAMP_INVALID",
            ),
            (
                "tsa-gen-time-month-13",
                "genTime in month 13",
                |t| t.gen_time_text = Some("20251301120003Z".into()),
                "TIMESTAMP_INVALID",
            ),
            (
                "tsa-gen-time-second-60",
                "genTime at second 60",
                |t| t.gen_time_text = Some("20250601115960Z".into()),
                "TIMESTAMP_INVALID",
            ),
            (
                "tsa-gen-time-letters",
                "genTime with letters",
                |t| t.gen_time_text = Some("2025O601120003Z".into()),
                "TIMESTAMP_INVALID",
            ),
            (
                "ok-tsa-imprint-sha512",
                "the token's imprint uses SHA-512",
                |t| t.imprint_alg = "2.16.840.1.101.3.4.2.3".into(),
                OK,
            ),
            (
                "ok-tsa-with-crls",
                "the SignedData carries an empty crls set",
                |t| t.crls = true,
                OK,
            ),
            (
                "tsa-econtent-type-data",
                "the encapsulated content type is id-data, not TSTInfo",
                |t| t.econtent_type = "1.2.840.113549.1.7.1".into(),
                "TIMESTAMP_INVALID",
            ),
            (
                "tsa-content-info-not-signed-data",
                "the ContentInfo is enveloped-data",
                |t| t.content_info_type = "1.2.840.113549.1.7.3".into(),
                "TIMESTAMP_INVALID",
            ),
        ];
        for (name, readme, f, expect) in cases {
            let mut s = v2(false);
            f(&mut s.token);
            self.add(name, readme, s, expect)?;
        }
        self.add(
            "body-hashedrekord-v001-for-dsse-bundle",
            "a DSSE bundle whose entry is a well-formed hashedrekord 0.0.1 (kindVersion and body agree)",
            Spec {
                body_hook: Some(Rc::new(|b: &mut Value| {
                    *b = json!({"apiVersion": "0.0.1", "kind": "hashedrekord", "spec": {}});
                })),
                bundle_hook: set(
                    "/verificationMaterial/tlogEntries/0/kindVersion",
                    json!({"kind": "hashedrekord", "version": "0.0.1"}),
                ),
                ..v1_dsse()
            },
            "TLOG_BODY_MISMATCH",
        )?;
        self.add(
            "checkpoint-key-name-with-space",
            "the checkpoint's signature line has a key name containing a space",
            Spec {
                checkpoint_text_hook: Some(Rc::new(|t: String| {
                    t.replacen(
                        "\u{2014} rekor.virtual.test ",
                        "\u{2014} rekor virtual.test ",
                        1,
                    )
                })),
                ..Spec::happy()
            },
            "TLOG_CHECKPOINT_INVALID",
        )?;
        // protojson reads a field under its proto name too (sigstore-go's bundle reader).
        for (name, readme, spec, expect) in [
            (
                "ok-bundle-proto-field-names",
                "every field of the bundle named by its proto name (dsse_envelope, verification_material, tlog_entries, ...), as protojson accepts",
                Spec {
                    dsse: true,
                    bundle_hook: Some(Rc::new(|v: &mut Value| to_proto_names(v))),
                    ..Spec::happy()
                },
                OK,
            ),
            (
                "bundle-field-under-both-names",
                "verificationMaterial also given as verification_material: one field named twice (protojson refuses it)",
                Spec {
                    bundle_hook: Some(Rc::new(|v: &mut Value| {
                        let copy = v.get("verificationMaterial").cloned();
                        if let (Some(map), Some(copy)) = (v.as_object_mut(), copy) {
                            map.insert("verification_material".into(), copy);
                        }
                    })),
                    ..Spec::happy()
                },
                "BUNDLE_JSON_INVALID",
            ),
        ] {
            self.add(name, readme, spec, expect)?;
        }
        self.add(
            "ok-bundle-integer-escaped-string",
            "logIndex written with a JSON escape (\\u0039), still the decimal 9",
            Spec {
                bundle_text_hook: Some(Rc::new(|t: String| {
                    t.replacen("\"logIndex\": \"9\"", "\"logIndex\": \"\\u0039\"", 1)
                })),
                ..Spec::happy()
            },
            OK,
        )?;
        self.add(
            "ok-bundle-base64-line-wrapped",
            "certificate rawBytes wrapped in 76-column lines (MIME base64)",
            Spec {
                bundle_hook: edit("/verificationMaterial/certificate/rawBytes", |v| {
                    let text = v.as_str().unwrap_or_default().to_owned();
                    let lines: Vec<String> = text
                        .as_bytes()
                        .chunks(76)
                        .map(|c| String::from_utf8_lossy(c).into_owned())
                        .collect();
                    *v = json!(lines.join("\r\n"));
                }),
                ..Spec::happy()
            },
            OK,
        )?;
        // Protobuf JSON accepts standard and URL-safe base64, with or without padding (never
        // a mix of alphabets; padding only where the length calls for it).
        let url_safe = |v: &mut Value| {
            let t = v
                .as_str()
                .unwrap_or_default()
                .replace('+', "-")
                .replace('/', "_");
            *v = json!(t);
        };
        let unpadded = |v: &mut Value| {
            let t = v
                .as_str()
                .unwrap_or_default()
                .trim_end_matches('=')
                .to_owned();
            *v = json!(t);
        };
        const CERT: &str = "/verificationMaterial/certificate/rawBytes";
        const DIGEST: &str = "/messageSignature/messageDigest/digest";
        let b64_cases: Vec<Case<Option<JsonHook>>> = vec![
            (
                "ok-bundle-base64-url-safe",
                "certificate rawBytes in the URL-safe alphabet, padded",
                edit(CERT, url_safe),
                OK,
            ),
            (
                "ok-bundle-base64-unpadded",
                "message digest in the standard alphabet without its padding",
                edit(DIGEST, unpadded),
                OK,
            ),
            (
                "ok-bundle-base64-url-safe-unpadded",
                "certificate rawBytes URL-safe and unpadded, message digest unpadded",
                Some(Rc::new(move |b: &mut Value| {
                    for (pointer, f) in [
                        (CERT, url_safe as fn(&mut Value)),
                        (CERT, unpadded),
                        (DIGEST, unpadded),
                    ] {
                        if let Some(v) = b.pointer_mut(pointer) {
                            f(v);
                        }
                    }
                })),
                OK,
            ),
            (
                "bundle-base64-alphabets-mixed",
                "certificate rawBytes with its first '+' written '-' and every '/' kept: two alphabets",
                edit(CERT, |v| {
                    let t = v.as_str().unwrap_or_default().replacen('+', "-", 1);
                    *v = json!(t);
                }),
                "BUNDLE_BASE64_INVALID",
            ),
            (
                "bundle-base64-padding-extra",
                "message digest with one '=' more than its length allows",
                edit(DIGEST, |v| {
                    let t = format!("{}=", v.as_str().unwrap_or_default());
                    *v = json!(t);
                }),
                "BUNDLE_BASE64_INVALID",
            ),
        ];
        for (name, readme, hook, expect) in b64_cases {
            self.add(
                name,
                readme,
                Spec {
                    bundle_hook: hook,
                    ..Spec::happy()
                },
                expect,
            )?;
        }
        self.add(
            "ok-root-base64-url-safe",
            "the trusted root's Rekor key in the URL-safe alphabet, unpadded",
            Spec {
                root_hook: edit("/tlogs/0/publicKey/rawBytes", |v| {
                    let t = v
                        .as_str()
                        .unwrap_or_default()
                        .replace('+', "-")
                        .replace('/', "_")
                        .trim_end_matches('=')
                        .to_owned();
                    *v = json!(t);
                }),
                ..Spec::happy()
            },
            OK,
        )?;
        let rsa_garbage = der::seq(&[
            &der::seq(&[&der::oid("1.2.840.113549.1.1.1"), &[0x05, 0x00]]),
            &der::tlv(der::BIT_STRING, &[0, 0x30, 0x03, 0x02, 0x01, 0x01]),
        ]);
        let w = self.w;
        self.add(
            "key-policy-rsa-malformed",
            "key.pub claims rsaEncryption but holds no RSAPublicKey",
            Spec {
                policy: PolicySpec::Key(pki::pem("PUBLIC KEY", &rsa_garbage)),
                ..managed(KeyType::P256, w)?
            },
            "POLICY_KEY_INVALID",
        )?;
        let mut s = Spec::happy();
        s.sct.rsa_log = true;
        self.add(
            "ok-sct-rsa-ct-log-pkcs1-key",
            "the CT log signs with RSA and the trusted root holds its bare PKCS#1 key",
            s,
            OK,
        )?;
        let mut s = Spec::happy();
        s.sct.rsa_log = true;
        s.sct.signer = CtSigner::Forged;
        self.add(
            "sct-rsa-ct-log-forged",
            "an ECDSA signature under the RSA CT log's id",
            s,
            "SCT_SIGNATURE_INVALID",
        )?;
        let mut s = Spec::happy();
        s.sct.hash = 6;
        self.add(
            "sct-hash-sha512",
            "SCT signature algorithm claims SHA-512 over a SHA-256 signature",
            s,
            "SCT_SIGNATURE_INVALID",
        )?;
        Ok(())
    }

    /// The Fulcio root certificate as the trusted root carries it (base64).
    fn fulcio_root_b64(&self) -> Res<Value> {
        let built = build(self.w, &Spec::happy())?;
        let root: Value = serde_json::from_str(&built.root).map_err(|e| e.to_string())?;
        Ok(root
            .pointer("/certificateAuthorities/0/certChain/certificates/1/rawBytes")
            .cloned()
            .unwrap_or(Value::Null))
    }

    pub(super) fn add(&mut self, name: &str, readme: &str, spec: Spec, expect: &str) -> Res<()> {
        self.add2(name, readme, spec, expect, expect)
    }

    fn add2(
        &mut self,
        name: &str,
        readme: &str,
        spec: Spec,
        expect: &str,
        expect_digest: &str,
    ) -> Res<()> {
        let built = build(self.w, &spec).map_err(|e| format!("{name}: {e}"))?;
        self.out.push(Vector {
            name: name.to_owned(),
            readme: readme.to_owned(),
            built,
            expect: expect.to_owned(),
            expect_digest: expect_digest.to_owned(),
            skipped: Vec::new(),
            config: String::new(),
        });
        Ok(())
    }

    /// Thresholds count logs and authorities by what they are: the trusted root lists one
    /// Rekor log, one CT log and one TSA twice (a second log id, a second entry without a
    /// URI), and two witnesses of each, one per listing, still count once.
    fn distinct_by_key(&mut self) -> Res<()> {
        let alias = json!({"keyId": b64(&ALIAS_LOG_ID)});
        let (tlog_alias, ct_alias) = (alias.clone(), alias.clone());
        let tlog_twice = Spec {
            logged_again_at: Some(3),
            root_hook: Some(Rc::new(move |v: &mut Value| {
                let Some(first) = v.pointer("/tlogs/0").cloned() else {
                    return;
                };
                let mut again = first.clone();
                if let (Some(map), Some(id)) = (again.as_object_mut(), first.get("logId")) {
                    map.insert("logId".into(), tlog_alias.clone());
                    map.insert("checkpointKeyId".into(), id.clone());
                }
                if let Some(Value::Array(logs)) = v.pointer_mut("/tlogs") {
                    logs.push(again);
                }
            })),
            bundle_hook: Some(Rc::new(move |v: &mut Value| {
                if let Some(Value::Object(e)) = v.pointer_mut("/verificationMaterial/tlogEntries/1")
                {
                    e.insert("logId".into(), alias.clone());
                    // The promise signs the log id; the inclusion proof proves the entry.
                    e.remove("inclusionPromise");
                }
            })),
            ..Spec::happy()
        };
        self.add(
            "ok-tlog-one-key-two-log-ids",
            "the root lists the Rekor key under a second log id and the bundle has one entry under each: verifies under the default threshold",
            tlog_twice.clone(),
            OK,
        )?;
        self.add_with_config(
            "tlog-one-key-two-log-ids-threshold-2",
            "one Rekor key under two log ids of the root is one log: its two entries do not meet a threshold of two (config tlog_entries=2)",
            tlog_twice,
            "tlog_entries=2",
            "TLOG_THRESHOLD_NOT_MET",
        )?;
        let mut sct_alias = Spec {
            root_hook: Some(Rc::new(move |v: &mut Value| {
                let Some(first) = v.pointer("/ctlogs/0").cloned() else {
                    return;
                };
                let mut again = first;
                if let Some(map) = again.as_object_mut() {
                    map.insert("logId".into(), ct_alias.clone());
                }
                if let Some(Value::Array(logs)) = v.pointer_mut("/ctlogs") {
                    logs.push(again);
                }
            })),
            ..Spec::happy()
        };
        sct_alias.sct.copies = 2;
        sct_alias.sct.alias_second_copy = true;
        self.add(
            "ok-sct-one-key-two-log-ids",
            "the root lists the CT log's key under a second log id and the leaf has one SCT under each: verifies under the default threshold",
            sct_alias.clone(),
            OK,
        )?;
        self.add_with_config(
            "sct-one-key-two-log-ids-threshold-2",
            "one CT key under two log ids of the root is one CT log (config certificate_timestamps=2)",
            sct_alias,
            "certificate_timestamps=2",
            "SCT_THRESHOLD_NOT_MET",
        )?;
        let mut tsa_twice = Spec {
            tsa: true,
            // The first listing ends at the first token's genTime and the second starts at
            // the second's, so each token is vouched for by another position of the root.
            root_hook: Some(Rc::new(|v: &mut Value| {
                let Some(Value::Array(tsas)) = v.pointer_mut("/timestampAuthorities") else {
                    return;
                };
                let Some(mut first) = tsas.first().cloned() else {
                    return;
                };
                if let Some(t) = first.as_object_mut() {
                    t.remove("uri");
                }
                let mut second = first.clone();
                if let Some(Value::Object(w)) = first.pointer_mut("/validFor") {
                    w.insert("end".into(), json!(der::rfc3339(T0 + 3)));
                }
                if let Some(Value::Object(w)) = second.pointer_mut("/validFor") {
                    w.insert("start".into(), json!(der::rfc3339(T0 + 4)));
                }
                *tsas = vec![first, second];
            })),
            ..Spec::happy()
        };
        tsa_twice.token.copies = 2;
        tsa_twice.token.distinct_copies = true;
        self.add_with_config(
            "ok-tsa-listed-twice-two-tokens",
            "the root lists its TSA twice without a URI (windows one after the other) and the bundle has a token in each window: one signed timestamp is met (config signed_timestamps=1)",
            tsa_twice.clone(),
            "signed_timestamps=1",
            OK,
        )?;
        self.add_with_config(
            "tsa-listed-twice-threshold-2",
            "one TSA listed twice without a URI is one authority: its two tokens do not meet a threshold of two (config signed_timestamps=2)",
            tsa_twice,
            "signed_timestamps=2",
            "TIMESTAMP_THRESHOLD_NOT_MET",
        )?;
        Ok(())
    }

    /// A vector verified under thresholds other than the default (`key=value ...`).
    /// Managed keys with validity windows (npm's `expires`, a product key's rotation dates):
    /// every proven signing time must lie inside the window; with a time threshold of 0 (a key
    /// signing offline, no log, no timestamp) the window is checked at `now`.
    fn key_windows(&mut self) -> Res<()> {
        let key = managed(KeyType::P256, self.w)?;
        let offline = Spec {
            log: LogKind::None,
            ..key.clone()
        };
        let with_tsa = Spec {
            tsa: true,
            ..key.clone()
        };
        let window = |from: Option<u64>, to: Option<u64>| {
            let mut c = Vec::new();
            if let Some(t) = from {
                c.push(format!("key_not_before={t}"));
            }
            if let Some(t) = to {
                c.push(format!("key_not_after={t}"));
            }
            c.join(" ")
        };
        // The happy path's integrated time is T0 + 5, its timestamp T0 + 3, `now` T0 + DAY.
        let cases: Vec<(&str, &str, &Spec, String, &str)> = vec![
            (
                "ok-key-window-contains-signing-time",
                "a managed key valid from T0 to T0+10; the log proves T0+5",
                &key,
                window(Some(T0), Some(T0 + 10)),
                OK,
            ),
            (
                "ok-key-expired-after-signing",
                "a managed key that expired after the proven signing time and before now: the signing time decides, as npm compares `expires` with the log's integrated time",
                &key,
                window(None, Some(T0 + 100)),
                OK,
            ),
            (
                "key-expired-before-signing",
                "a managed key that expired at T0+4, before the log's integrated time T0+5",
                &key,
                window(None, Some(T0 + 4)),
                "POLICY_KEY_NOT_VALID_AT_SIGNING_TIME",
            ),
            (
                "key-not-yet-valid-at-signing",
                "a managed key valid only from T0+6, after the log's integrated time T0+5",
                &key,
                window(Some(T0 + 6), None),
                "POLICY_KEY_NOT_VALID_AT_SIGNING_TIME",
            ),
            (
                "key-window-misses-timestamp",
                "a managed key valid from T0+4: the log's time T0+5 is inside, the TSA's T0+3 is not; every proven time must be inside",
                &with_tsa,
                window(Some(T0 + 4), None),
                "POLICY_KEY_NOT_VALID_AT_SIGNING_TIME",
            ),
            (
                "key-window-empty",
                "a managed key window that ends before it starts",
                &key,
                window(Some(T0 + 10), Some(T0)),
                "POLICY_KEY_VALIDITY_INVALID",
            ),
        ];
        for (name, readme, spec, config, expect) in cases {
            self.add_with_config(
                name,
                &format!("{readme} (config {config})"),
                spec.clone(),
                &config,
                expect,
            )?;
        }
        let offline_cases: Vec<(&str, &str, Spec, String, &str)> = vec![
            (
                "ok-key-offline-time-threshold-0",
                "a managed key, no log entry, no timestamp, accepted because the caller asked for no signing time (config tlog_entries=0 observer_timestamps=0)",
                offline.clone(),
                "tlog_entries=0 observer_timestamps=0".into(),
                OK,
            ),
            (
                "ok-key-offline-time-threshold-0-window",
                "as ok-key-offline-time-threshold-0 with a key window containing now (config + key_not_after=T0+2*DAY)",
                offline.clone(),
                format!(
                    "tlog_entries=0 observer_timestamps=0 {}",
                    window(None, Some(T0 + 2 * DAY))
                ),
                OK,
            ),
            (
                "key-offline-time-threshold-0-expired",
                "no signing time proven and the key's window ended before now (config tlog_entries=0 observer_timestamps=0 key_not_after=T0+100)",
                offline.clone(),
                format!(
                    "tlog_entries=0 observer_timestamps=0 {}",
                    window(None, Some(T0 + 100))
                ),
                "POLICY_KEY_NOT_VALID_NOW",
            ),
            (
                "key-offline-default-time-threshold",
                "a managed key, no log entry, no timestamp, under the default time threshold of 1 (config tlog_entries=0)",
                offline.clone(),
                "tlog_entries=0".into(),
                "TIME_THRESHOLD_NOT_MET",
            ),
            (
                "time-threshold-0-with-tlog-threshold",
                "a time threshold of 0 with the default tlog threshold of 1 (config observer_timestamps=0)",
                key.clone(),
                "observer_timestamps=0".into(),
                "TIME_THRESHOLD_ZERO_NOT_ALLOWED",
            ),
            (
                "time-threshold-0-certificate",
                "a time threshold of 0 for a Fulcio certificate, which needs a signing time (config tlog_entries=0 observer_timestamps=0)",
                Spec::happy(),
                "tlog_entries=0 observer_timestamps=0".into(),
                "TIME_THRESHOLD_ZERO_NOT_ALLOWED",
            ),
            (
                "ok-key-time-threshold-0-timestamp-checked",
                "time threshold 0 with a timestamp present: the proven time T0+3 is still checked against the window, which holds it (config tlog_entries=0 observer_timestamps=0 key_not_before=T0)",
                Spec {
                    log: LogKind::None,
                    tsa: true,
                    ..key.clone()
                },
                format!(
                    "tlog_entries=0 observer_timestamps=0 {}",
                    window(Some(T0), None)
                ),
                OK,
            ),
            (
                "key-time-threshold-0-timestamp-outside",
                "time threshold 0 with a timestamp at T0+3 outside the key's window from T0+4: a proven time is never ignored (config tlog_entries=0 observer_timestamps=0 key_not_before=T0+4)",
                Spec {
                    log: LogKind::None,
                    tsa: true,
                    ..key.clone()
                },
                format!(
                    "tlog_entries=0 observer_timestamps=0 {}",
                    window(Some(T0 + 4), None)
                ),
                "POLICY_KEY_NOT_VALID_AT_SIGNING_TIME",
            ),
        ];
        for (name, readme, spec, config, expect) in offline_cases {
            self.add_with_config(name, readme, spec, &config, expect)?;
        }
        Ok(())
    }

    /// GitHub's release attestations on a GitHub-like instance: a leaf with the release
    /// identity and no OIDC issuer, one TSA timestamp, no log; the statement names the
    /// repository and tag, the tag by its ref digest and the artifact as an asset.
    fn releases(&mut self) -> Res<()> {
        const CONFIG: &str = "tlog_entries=0 signed_timestamps=1 certificate_timestamps=0";
        const TAG_SHA: &str = "c5e17a62e06a1d201570249c61fae531e9244e1b";
        let release_statement = |repo: &str, tag: &str, predicate_type: &str, artifact: &[u8]| {
            let asset = hex(&hash("sha256", artifact));
            let v = json!({
                "_type": "https://in-toto.io/Statement/v1",
                "subject": [
                    {"uri": format!("pkg:github/{repo}@{tag}"), "digest": {"sha1": TAG_SHA}},
                    {"name": "app-linux-amd64.tar.gz", "digest": {"sha256": asset}},
                ],
                "predicateType": predicate_type,
                "predicate": {"ownerId": "7", "purl": format!("pkg:github/{repo}@{tag}"), "releaseId": "42", "repository": repo, "repositoryId": "8", "tag": tag},
            });
            super::json::compact(&v).into_bytes()
        };
        let base = |repo: &str, tag: &str, predicate_type: &str| Spec {
            dsse: true,
            log: LogKind::None,
            promise: false,
            tsa: true,
            statement: Some(release_statement(repo, tag, predicate_type, ARTIFACT)),
            leaf: LeafSpec {
                san: Some((0x86, "https://dotcom.releases.github.com".into())),
                issuer_v2: None,
                issuer_v1: None,
                extra: Vec::new(),
                ..Spec::happy().leaf
            },
            policy: PolicySpec::Release("repo=octo/app;tag=v1.2.3".into()),
            ..Spec::happy()
        };
        let release = RELEASE_V0_1;
        let ok = base("octo/app", "v1.2.3", release);
        let with_policy = |spec: &str| Spec {
            policy: PolicySpec::Release(spec.into()),
            ..ok.clone()
        };
        let cases: Vec<(&str, &str, Spec, &str)> = vec![
            ("ok-release", "a GitHub release attestation: release identity without an OIDC issuer, one TSA timestamp, no log; the artifact is an asset", ok.clone(), OK),
            ("ok-release-repository-case", "the repository named in other case (GitHub names repositories without regard to case)", with_policy("repo=Octo/App;tag=v1.2.3"), OK),
            ("ok-release-tag-digest", "the tag's ref digest given, and a subject carries it", with_policy(&format!("repo=octo/app;tag=v1.2.3;tag_digest={TAG_SHA}")), OK),
            ("release-tag-digest-mismatch", "another tag ref digest than the subject's", with_policy(&format!("repo=octo/app;tag=v1.2.3;tag_digest={}", "0".repeat(40))), "RELEASE_TAG_DIGEST_MISMATCH"),
            ("release-tag-other", "the attestation of another tag", with_policy("repo=octo/app;tag=v1.2.4"), "RELEASE_TAG_MISMATCH"),
            ("release-repository-other", "the attestation of another repository", with_policy("repo=octo/other;tag=v1.2.3"), "RELEASE_REPOSITORY_MISMATCH"),
            ("release-trust-domain-other", "another trust domain's release identity than the certificate's", with_policy("repo=octo/app;tag=v1.2.3;trust_domain=acme"), "POLICY_IDENTITY_MISMATCH"),
            ("release-predicate-type-other", "a statement of the SLSA provenance type", base("octo/app", "v1.2.3", "https://slsa.dev/provenance/v1"), "DSSE_PREDICATE_TYPE_MISMATCH"),
            (
                "release-predicate-tag-missing",
                "a release statement whose predicate has no tag",
                Spec {
                    statement: Some(super::json::compact(&json!({
                        "_type": "https://in-toto.io/Statement/v1",
                        "subject": [{"name": "app-linux-amd64.tar.gz", "digest": {"sha256": hex(&hash("sha256", ARTIFACT))}}],
                        "predicateType": release,
                        "predicate": {"repository": "octo/app"},
                    })).into_bytes()),
                    ..ok.clone()
                },
                "RELEASE_PREDICATE_INVALID",
            ),
            (
                "release-asset-not-attested",
                "the statement lists another file than the artifact",
                Spec {
                    statement: Some(release_statement("octo/app", "v1.2.3", release, b"another file")),
                    ..ok.clone()
                },
                "RELEASE_ASSET_NOT_ATTESTED",
            ),
            (
                "release-leaf-with-issuer",
                "the release identity on a certificate that carries an OIDC issuer: the release policy requires none",
                Spec {
                    leaf: LeafSpec {
                        issuer_v2: Some(der::tlv(der::UTF8_STRING, ISSUER.as_bytes())),
                        ..ok.leaf.clone()
                    },
                    ..ok.clone()
                },
                "POLICY_ISSUER_MISMATCH",
            ),
            (
                "release-no-timestamp",
                "a release attestation without its timestamp",
                Spec { tsa: false, ..ok.clone() },
                "TIMESTAMP_THRESHOLD_NOT_MET",
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add_with_config(name, readme, spec, CONFIG, expect)?;
        }
        // Without the release policy a certificate without an issuer is refused, whatever
        // the identity and issuer asked for.
        self.add_with_config(
            "release-leaf-under-identity-policy",
            "a release certificate (no OIDC issuer) under an identity and issuer policy",
            Spec {
                policy: PolicySpec::Identity(
                    "https://dotcom.releases.github.com".into(),
                    ISSUER.into(),
                ),
                ..ok
            },
            CONFIG,
            "CERT_ISSUER_MISSING",
        )?;
        Ok(())
    }

    fn add_with_config(
        &mut self,
        name: &str,
        readme: &str,
        spec: Spec,
        config: &str,
        expect: &str,
    ) -> Res<()> {
        self.add(name, readme, spec, expect)?;
        if let Some(v) = self.out.last_mut() {
            v.config = config.to_owned();
        }
        Ok(())
    }

    /// A vector that verifies while skipping `skipped` (lines as [`crate::skipped_lines`]
    /// writes them).
    fn add_skipping(
        &mut self,
        name: &str,
        readme: &str,
        spec: Spec,
        skipped: &[String],
    ) -> Res<()> {
        self.add(name, readme, spec, OK)?;
        if let Some(v) = self.out.last_mut() {
            v.skipped = skipped.to_vec();
        }
        Ok(())
    }

    /// The same tampering on several bases: `<name>-<base>`.
    fn on_bases(
        &mut self,
        name: &str,
        readme: &str,
        bases: &[(&str, Spec)],
        tamper: &dyn Fn(Spec) -> Spec,
        expect: &str,
    ) -> Res<()> {
        for (base, spec) in bases {
            self.add(
                &format!("{name}-{base}"),
                &format!("{readme} ({base})"),
                tamper(spec.clone()),
                expect,
            )?;
        }
        Ok(())
    }

    fn happy(&mut self) -> Res<()> {
        for (v, label) in [(1u8, "v0.1"), (2, "v0.2"), (3, "v0.3")] {
            for dsse in [false, true] {
                let content = if dsse { "dsse" } else { "message" };
                let base = version(
                    Spec {
                        dsse,
                        ..Spec::happy()
                    },
                    v,
                );
                let desc =
                    format!("happy path: bundle {label}, {content}, Fulcio P-256 leaf, Rekor v1");
                self.add(
                    &format!("ok-{label}-{content}-rekor1"),
                    &format!("{desc}, integrated time"),
                    base.clone(),
                    OK,
                )?;
                self.add(
                    &format!("ok-{label}-{content}-rekor1-tsa"),
                    &format!("{desc}, integrated time and RFC 3161 timestamp"),
                    with_tsa(base.clone()),
                    OK,
                )?;
                if v >= 2 {
                    let mut s = version(v2(dsse), v);
                    s.promise = false;
                    self.add(
                        &format!("ok-{label}-{content}-rekor2-tsa"),
                        &format!(
                            "happy path: bundle {label}, {content}, Fulcio P-256 leaf, Rekor v2 (Ed25519 checkpoint, witness cosignature), RFC 3161 timestamp"
                        ),
                        s,
                        OK,
                    )?;
                    let s = Spec {
                        promise: false,
                        tsa: true,
                        ..base.clone()
                    };
                    self.add(
                        &format!("ok-{label}-{content}-rekor1-proof-only-tsa"),
                        &format!("{desc} without inclusion promise, time from the TSA"),
                        s,
                        OK,
                    )?;
                }
            }
        }
        for dsse in [false, true] {
            let content = if dsse { "dsse" } else { "message" };
            for (log, spec) in [
                (
                    "rekor1",
                    Spec {
                        dsse,
                        ..Spec::happy()
                    },
                ),
                ("rekor2-tsa", v2(dsse)),
            ] {
                self.add(
                    &format!("ok-v0.3-legacy-media-type-{content}-{log}"),
                    "happy path with media type application/vnd.dev.sigstore.bundle+json;version=0.3",
                    Spec {
                        media_type: "application/vnd.dev.sigstore.bundle+json;version=0.3".into(),
                        ..spec
                    },
                    OK,
                )?;
            }
        }
        self.add(
            "ok-v0.1-message-rekor1-with-proof",
            "happy path: bundle v0.1 carrying both inclusion promise and inclusion proof",
            Spec {
                proof: true,
                ..version(Spec::happy(), 1)
            },
            OK,
        )?;
        self.add(
            "ok-v0.3-dsse-rekor1-intoto",
            "happy path: DSSE logged as intoto 0.0.2 on Rekor v1",
            Spec {
                intoto: true,
                ..v1_dsse()
            },
            OK,
        )?;
        self.add(
            "ok-v0.3-dsse-rekor2-hashedrekord",
            "happy path: DSSE logged as hashedrekord 0.0.2 over the PAE on Rekor v2",
            v2(true),
            OK,
        )?;
        self.add2(
            "ok-v0.3-message-fulcio-p384-leaf",
            "happy path: Fulcio leaf over a P-384 key, as sigstore-go and cosign sign: SHA-384 signature, SHA2_384 message digest, sha384 hashedrekord",
            Spec {
                signer: SignerKind::Fulcio(KeyType::P384),
                ..Spec::happy()
            },
            OK,
            OK,
        )?;
        self.add(
            "ok-v0.3-dsse-fulcio-p384-leaf",
            "happy path: DSSE signed by a Fulcio leaf over a P-384 key",
            Spec {
                signer: SignerKind::Fulcio(KeyType::P384),
                ..v1_dsse()
            },
            OK,
        )?;
        self.add(
            "ok-v0.3-message-tsa-only-chain-not-embedded",
            "happy path with TSA: the token carries no certificates, the TSA chain comes from the trusted root",
            Spec {
                token: super::sigstore::TsaSpec {
                    embed: false,
                    ..Spec::happy().token
                },
                ..with_tsa(Spec::happy())
            },
            OK,
        )?;
        for (t, label) in [
            (KeyType::P256, "p256"),
            (KeyType::P384, "p384"),
            (KeyType::P521, "p521"),
            (KeyType::Ed25519, "ed25519"),
            (KeyType::Rsa, "rsa2048"),
        ] {
            let digest_msg = match t {
                // The digest the bundle declares checks these.
                KeyType::P256 | KeyType::P384 | KeyType::P521 | KeyType::Rsa => OK,
                // Ed25519 signs the message itself: no digest can check it.
                KeyType::Ed25519 => "ARTIFACT_DIGEST_INSUFFICIENT",
            };
            for dsse in [false, true] {
                let content = if dsse { "dsse" } else { "message" };
                let digest = if dsse { OK } else { digest_msg };
                let base = Spec {
                    dsse,
                    ..managed(t, self.w)?
                };
                self.add2(
                    &format!("ok-managed-{label}-{content}-rekor1"),
                    &format!("happy path: managed {label} key, {content}, Rekor v1"),
                    base.clone(),
                    OK,
                    digest,
                )?;
                self.add2(
                    &format!("ok-managed-{label}-{content}-rekor2-tsa"),
                    &format!("happy path: managed {label} key, {content}, Rekor v2 and TSA"),
                    Spec {
                        log: LogKind::V2,
                        promise: false,
                        tsa: true,
                        ..base
                    },
                    OK,
                    digest,
                )?;
            }
        }
        Ok(())
    }

    /// Hash algorithms other than SHA-256: P-384 and P-521 leaves as current clients sign
    /// (the key's own hash throughout), as old clients signed (SHA-256), and in-toto subjects
    /// named by SHA-384 or SHA-512 (npm names its tarballs by SHA-512 alone).
    fn hash_algorithms(&mut self) -> Res<()> {
        let fulcio = |t: KeyType, s: Spec| Spec {
            signer: SignerKind::Fulcio(t),
            ..s
        };
        let legacy = |s: Spec| Spec {
            legacy_sha256: true,
            ..s
        };
        let subjects = |algs: Vec<&'static str>| Spec {
            subject_algs: algs,
            ..v1_dsse()
        };
        let cases: Vec<Case<Spec>> = vec![
            (
                "ok-hash-p521-leaf-message-rekor1",
                "Fulcio leaf over a P-521 key: SHA-512 signature, SHA2_512 message digest, sha512 hashedrekord 0.0.1",
                fulcio(KeyType::P521, Spec::happy()),
                OK,
            ),
            (
                "ok-hash-p521-leaf-dsse-rekor1",
                "DSSE by a Fulcio leaf over a P-521 key (SHA-512 over the PAE)",
                fulcio(KeyType::P521, v1_dsse()),
                OK,
            ),
            (
                "ok-hash-p384-leaf-message-rekor2-tsa",
                "P-384 Fulcio leaf on Rekor v2: hashedrekord 0.0.2 with a SHA2_384 digest",
                fulcio(KeyType::P384, v2(false)),
                OK,
            ),
            (
                "ok-hash-p384-leaf-dsse-rekor2-tsa",
                "DSSE by a P-384 Fulcio leaf on Rekor v2: hashedrekord 0.0.2 over SHA-384 of the PAE",
                fulcio(KeyType::P384, v2(true)),
                OK,
            ),
            (
                "ok-hash-p521-leaf-dsse-rekor2-tsa",
                "DSSE by a P-521 Fulcio leaf on Rekor v2: hashedrekord 0.0.2 over SHA-512 of the PAE",
                fulcio(KeyType::P521, v2(true)),
                OK,
            ),
            (
                "ok-hash-p384-leaf-legacy-sha256",
                "P-384 Fulcio leaf signing over SHA-256, as sigstore-python before 2.0 did (sigstore-go's compatibility fallback)",
                legacy(fulcio(KeyType::P384, version(Spec::happy(), 1))),
                OK,
            ),
            (
                "ok-hash-p521-leaf-legacy-sha256-dsse",
                "DSSE by a P-521 Fulcio leaf signing the PAE over SHA-256 (the compatibility fallback)",
                legacy(fulcio(KeyType::P521, v1_dsse())),
                OK,
            ),
            (
                "hash-p384-leaf-rekor-algorithm-differs",
                "P-384 bundle declares SHA2_384 but its hashedrekord entry names sha256 (with the SHA-256 value)",
                Spec {
                    body_hook: Some(Rc::new(|b: &mut Value| {
                        let digest = hash("sha256", ARTIFACT);
                        if let Some(h) = b.pointer_mut("/spec/data/hash") {
                            *h = json!({"algorithm": "sha256", "value": hex(&digest)});
                        }
                    })),
                    ..fulcio(KeyType::P384, Spec::happy())
                },
                "TLOG_BODY_MISMATCH",
            ),
            (
                "hash-p384-leaf-declared-sha512",
                "P-384 bundle whose message digest claims SHA2_512 (its bytes are the SHA-384 digest)",
                Spec {
                    bundle_hook: set(
                        "/messageSignature/messageDigest/algorithm",
                        json!("SHA2_512"),
                    ),
                    ..fulcio(KeyType::P384, Spec::happy())
                },
                "SIGNATURE_DIGEST_MISMATCH",
            ),
            (
                "hash-p384-leaf-rekor2-pae-sha256",
                "DSSE by a P-384 leaf on Rekor v2, the PAE logged under SHA2_256 instead of the key's SHA-384",
                Spec {
                    body_hook: Some(Rc::new(|b: &mut Value| {
                        if let Some(d) = b.pointer_mut("/spec/hashedRekordV002/data/algorithm") {
                            *d = json!("SHA2_256");
                        }
                    })),
                    ..fulcio(KeyType::P384, v2(true))
                },
                "TLOG_BODY_MISMATCH",
            ),
            (
                "ok-dsse-subject-sha512-only",
                "in-toto subject named by SHA-512 alone, as npm names its tarballs",
                subjects(vec!["sha512"]),
                OK,
            ),
            (
                "ok-dsse-subject-sha384-only",
                "in-toto subject named by SHA-384 alone",
                subjects(vec!["sha384"]),
                OK,
            ),
            (
                "ok-dsse-subject-sha256-and-sha512",
                "in-toto subject named by SHA-256 and SHA-512",
                subjects(vec!["sha512", "sha256"]),
                OK,
            ),
            (
                "dsse-subject-sha512-other",
                "in-toto subject named by SHA-512 alone, of another artifact",
                Spec {
                    artifact: b"another artifact".to_vec(),
                    statement: Some(super::sigstore::statement_with(ARTIFACT, &["sha512"])),
                    ..v1_dsse()
                },
                "DSSE_SUBJECT_MISMATCH",
            ),
            (
                "dsse-subject-unsupported-algorithm-only",
                "in-toto subject named only by an algorithm the verifier does not support (sha1)",
                subjects(vec!["sha1"]),
                "DSSE_SUBJECT_MISMATCH",
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        // A managed key's hash is the caller's to fix: no SHA-256 fallback for it, and a SHA-256
        // digest cannot check a P-384 key's signature.
        self.add2(
            "hash-managed-p384-legacy-sha256",
            "managed P-384 key signing over SHA-256: the fallback is for certificate keys only",
            legacy(managed(KeyType::P384, self.w)?),
            "SIGNATURE_INVALID",
            "ARTIFACT_DIGEST_INSUFFICIENT",
        )?;
        Ok(())
    }

    fn bundle(&mut self) -> Res<()> {
        let cases: Vec<(&str, &str, Spec, &str)> = vec![
            (
                "bundle-media-type-unknown",
                "bundle mediaType is version=0.4",
                Spec {
                    media_type: "application/vnd.dev.sigstore.bundle+json;version=0.4".into(),
                    ..Spec::happy()
                },
                "BUNDLE_MEDIA_TYPE_UNKNOWN",
            ),
            (
                "bundle-not-json",
                "bundle is truncated JSON",
                Spec {
                    bundle_text_hook: Some(Rc::new(|t: String| {
                        t.get(..t.len() / 2).unwrap_or_default().to_owned()
                    })),
                    ..Spec::happy()
                },
                "BUNDLE_JSON_INVALID",
            ),
            (
                "bundle-verification-material-missing-member",
                "bundle has no verificationMaterial member",
                Spec {
                    bundle_hook: remove("/verificationMaterial"),
                    ..Spec::happy()
                },
                "BUNDLE_JSON_INVALID",
            ),
            (
                "bundle-verification-material-empty",
                "verificationMaterial has neither certificate, chain nor public key",
                Spec {
                    bundle_hook: remove("/verificationMaterial/certificate"),
                    ..Spec::happy()
                },
                "BUNDLE_VERIFICATION_MATERIAL_MISSING",
            ),
            (
                "bundle-certificate-and-public-key",
                "verificationMaterial has both a certificate and a public key",
                Spec {
                    bundle_hook: insert(
                        "/verificationMaterial",
                        "publicKey",
                        json!({"hint": "AAAA"}),
                    ),
                    ..Spec::happy()
                },
                "BUNDLE_JSON_INVALID",
            ),
            (
                "bundle-content-missing",
                "bundle has neither messageSignature nor dsseEnvelope",
                Spec {
                    bundle_hook: remove("/messageSignature"),
                    ..Spec::happy()
                },
                "BUNDLE_CONTENT_MISSING",
            ),
            (
                "bundle-chain-empty",
                "v0.1 bundle with an empty x509CertificateChain",
                Spec {
                    bundle_hook: set(
                        "/verificationMaterial/x509CertificateChain/certificates",
                        json!([]),
                    ),
                    ..version(Spec::happy(), 1)
                },
                "BUNDLE_CERTIFICATE_CHAIN_EMPTY",
            ),
            (
                "bundle-v0.2-inclusion-proof-missing",
                "v0.2 bundle whose tlog entry has no inclusion proof",
                Spec {
                    proof: false,
                    ..version(Spec::happy(), 2)
                },
                "BUNDLE_INCLUSION_PROOF_MISSING",
            ),
            (
                "bundle-v0.3-inclusion-proof-missing",
                "v0.3 bundle whose tlog entry has no inclusion proof",
                Spec {
                    proof: false,
                    ..Spec::happy()
                },
                "BUNDLE_INCLUSION_PROOF_MISSING",
            ),
            (
                "bundle-v0.1-inclusion-promise-missing",
                "v0.1 bundle whose tlog entry has no inclusion promise (proof only)",
                Spec {
                    promise: false,
                    proof: true,
                    tsa: true,
                    ..version(Spec::happy(), 1)
                },
                "BUNDLE_INCLUSION_PROMISE_MISSING",
            ),
            (
                "bundle-digest-algorithm-sha3",
                "messageDigest.algorithm is SHA3_256, which no Sigstore client writes",
                Spec {
                    bundle_hook: set(
                        "/messageSignature/messageDigest/algorithm",
                        json!("SHA3_256"),
                    ),
                    ..Spec::happy()
                },
                "BUNDLE_DIGEST_ALGORITHM_UNSUPPORTED",
            ),
            (
                "bundle-dsse-no-signature",
                "DSSE envelope with no signature",
                Spec {
                    bundle_hook: set("/dsseEnvelope/signatures", json!([])),
                    ..v1_dsse()
                },
                "BUNDLE_DSSE_SIGNATURE_COUNT",
            ),
            (
                "bundle-dsse-two-signatures",
                "DSSE envelope with the same signature twice",
                Spec {
                    bundle_hook: edit("/dsseEnvelope/signatures", |v| {
                        if let Some(a) = v.as_array_mut() {
                            let first = a.first().cloned();
                            a.extend(first);
                        }
                    }),
                    ..v1_dsse()
                },
                "BUNDLE_DSSE_SIGNATURE_COUNT",
            ),
            (
                "bundle-kind-version-missing",
                "tlog entry without kindVersion",
                Spec {
                    bundle_hook: remove("/verificationMaterial/tlogEntries/0/kindVersion"),
                    ..Spec::happy()
                },
                "BUNDLE_JSON_INVALID",
            ),
            (
                "bundle-log-id-missing",
                "tlog entry without logId",
                Spec {
                    bundle_hook: remove("/verificationMaterial/tlogEntries/0/logId"),
                    ..Spec::happy()
                },
                "BUNDLE_JSON_INVALID",
            ),
            (
                "bundle-both-contents",
                "bundle with both messageSignature and dsseEnvelope",
                Spec {
                    bundle_hook: insert(
                        "",
                        "dsseEnvelope",
                        json!({"payload": "", "payloadType": "x", "signatures": []}),
                    ),
                    ..Spec::happy()
                },
                "BUNDLE_JSON_INVALID",
            ),
            (
                "bundle-certificate-not-der",
                "certificate.rawBytes is not DER",
                Spec {
                    bundle_hook: set(
                        "/verificationMaterial/certificate/rawBytes",
                        json!(b64(b"not a certificate")),
                    ),
                    ..Spec::happy()
                },
                "BUNDLE_CERTIFICATE_INVALID",
            ),
            (
                "bundle-intermediate-not-der",
                "the second certificate of a v0.1 chain is not DER",
                Spec {
                    bundle_hook: set(
                        "/verificationMaterial/x509CertificateChain/certificates/1/rawBytes",
                        json!(b64(b"\x30\x03\x02\x01\x01")),
                    ),
                    ..version(Spec::happy(), 1)
                },
                "BUNDLE_CERTIFICATE_INVALID",
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        // A root certificate in the chain (the trusted root's own root appended).
        let root_b64 = self.fulcio_root_b64()?;
        self.add(
            "bundle-chain-contains-root",
            "v0.1 chain carries the Fulcio root after the intermediate",
            Spec {
                bundle_hook: Some(Rc::new(move |v: &mut Value| {
                    if let Some(Value::Array(a)) =
                        v.pointer_mut("/verificationMaterial/x509CertificateChain/certificates")
                    {
                        a.push(json!({"rawBytes": root_b64.clone()}));
                    }
                })),
                ..version(Spec::happy(), 1)
            },
            "BUNDLE_CHAIN_CONTAINS_ROOT",
        )?;
        let root_b64 = self.fulcio_root_b64()?;
        self.add(
            "bundle-leaf-self-signed",
            "the bundle's leaf is the trusted root's own self-signed root certificate",
            Spec {
                bundle_hook: set("/verificationMaterial/certificate/rawBytes", root_b64),
                ..Spec::happy()
            },
            "BUNDLE_CHAIN_CONTAINS_ROOT",
        )?;

        let b64_fields: [(&str, &'static str, Spec); 9] = [
            ("signature", "/messageSignature/signature", Spec::happy()),
            (
                "digest",
                "/messageSignature/messageDigest/digest",
                Spec::happy(),
            ),
            (
                "certificate",
                "/verificationMaterial/certificate/rawBytes",
                Spec::happy(),
            ),
            (
                "body",
                "/verificationMaterial/tlogEntries/0/canonicalizedBody",
                Spec::happy(),
            ),
            (
                "log-id",
                "/verificationMaterial/tlogEntries/0/logId/keyId",
                Spec::happy(),
            ),
            (
                "set",
                "/verificationMaterial/tlogEntries/0/inclusionPromise/signedEntryTimestamp",
                Spec::happy(),
            ),
            (
                "root-hash",
                "/verificationMaterial/tlogEntries/0/inclusionProof/rootHash",
                Spec::happy(),
            ),
            ("dsse-payload", "/dsseEnvelope/payload", v1_dsse()),
            ("dsse-sig", "/dsseEnvelope/signatures/0/sig", v1_dsse()),
        ];
        for (label, pointer, base) in b64_fields {
            self.add(
                &format!("bundle-base64-invalid-{label}"),
                &format!("{pointer} is not base64"),
                Spec {
                    bundle_hook: set(pointer, json!("not base64!")),
                    ..base
                },
                "BUNDLE_BASE64_INVALID",
            )?;
        }
        self.add(
            "bundle-base64-invalid-proof-hash",
            "an inclusion proof hash is not base64",
            Spec {
                bundle_hook: set(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/hashes/0",
                    json!("***"),
                ),
                ..Spec::happy()
            },
            "BUNDLE_BASE64_INVALID",
        )?;
        self.add(
            "bundle-base64-invalid-timestamp",
            "an RFC 3161 signedTimestamp is not base64",
            Spec {
                bundle_hook: set(
                    "/verificationMaterial/timestampVerificationData/rfc3161Timestamps/0/signedTimestamp",
                    json!("%%%"),
                ),
                ..with_tsa(Spec::happy())
            },
            "BUNDLE_BASE64_INVALID",
        )?;
        let ints: [(&str, &'static str, Value); 6] = [
            (
                "log-index-negative",
                "/verificationMaterial/tlogEntries/0/logIndex",
                json!("-1"),
            ),
            (
                "log-index-text",
                "/verificationMaterial/tlogEntries/0/logIndex",
                json!("nine"),
            ),
            (
                "integrated-time-fraction",
                "/verificationMaterial/tlogEntries/0/integratedTime",
                json!(1.5),
            ),
            (
                "integrated-time-overflow",
                "/verificationMaterial/tlogEntries/0/integratedTime",
                json!("18446744073709551616"),
            ),
            (
                "tree-size-negative",
                "/verificationMaterial/tlogEntries/0/inclusionProof/treeSize",
                json!(-13),
            ),
            (
                "proof-index-hex",
                "/verificationMaterial/tlogEntries/0/inclusionProof/logIndex",
                json!("0x9"),
            ),
        ];
        for (label, pointer, value) in ints {
            self.add(
                &format!("bundle-integer-invalid-{label}"),
                &format!("{pointer} is {value}"),
                Spec {
                    bundle_hook: set(pointer, value),
                    ..Spec::happy()
                },
                "BUNDLE_INTEGER_INVALID",
            )?;
        }
        self.add(
            "ok-bundle-integers-as-numbers",
            "logIndex and integratedTime as JSON numbers instead of strings (protobuf-JSON accepts both)",
            Spec {
                bundle_hook: Some(Rc::new(|v: &mut Value| {
                    for p in ["logIndex", "integratedTime"] {
                        let ptr = format!("{ENTRY}/{p}");
                        if let Some(slot) = v.pointer_mut(&ptr) {
                            let n: u64 = slot.as_str().and_then(|s| s.parse().ok()).unwrap_or(0);
                            *slot = json!(n);
                        }
                    }
                })),
                ..Spec::happy()
            },
            OK,
        )?;
        Ok(())
    }

    fn trusted_root(&mut self) -> Res<()> {
        let cases: Vec<(&str, &str, Option<JsonHook>, &str)> = vec![
            (
                "root-media-type-unknown",
                "trusted root mediaType is version=0.9",
                set(
                    "/mediaType",
                    json!("application/vnd.dev.sigstore.trustedroot+json;version=0.9"),
                ),
                "TRUST_ROOT_MEDIA_TYPE_UNKNOWN",
            ),
            (
                "root-tlog-key-missing",
                "a tlog of the trusted root has no publicKey",
                remove("/tlogs/0/publicKey"),
                "TRUST_ROOT_JSON_INVALID",
            ),
            (
                "ok-root-tlog-validity-missing",
                "the Rekor v1 key has no validFor, which the protobuf specs allow: no bounds",
                remove("/tlogs/0/publicKey/validFor"),
                OK,
            ),
            (
                "root-ca-validity-start-missing",
                "the CA validFor has no start",
                remove("/certificateAuthorities/0/validFor/start"),
                "TRUST_ROOT_VALIDITY_START_MISSING",
            ),
            (
                "root-ctlog-time-invalid",
                "the CT log validFor start is not RFC 3339",
                set(
                    "/ctlogs/0/publicKey/validFor/start",
                    json!("2024-13-01T00:00:00Z"),
                ),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-tsa-time-invalid",
                "the TSA validFor end is not RFC 3339",
                insert("/timestampAuthorities/0/validFor", "end", json!("tomorrow")),
                "TRUST_ROOT_TIME_INVALID",
            ),
            (
                "root-tlog-key-invalid",
                "the Rekor v1 key is not an SPKI",
                set("/tlogs/0/publicKey/rawBytes", json!(b64(b"not a key"))),
                "TRUST_ROOT_KEY_INVALID",
            ),
            (
                "root-tlog-key-base64-invalid",
                "the Rekor v1 key is not base64",
                set("/tlogs/0/publicKey/rawBytes", json!("@@@")),
                "TRUST_ROOT_BASE64_INVALID",
            ),
            (
                "root-ca-certificate-not-der",
                "a CA certificate is not DER",
                set(
                    "/certificateAuthorities/0/certChain/certificates/0/rawBytes",
                    json!(b64(b"junk")),
                ),
                "TRUST_ROOT_CERTIFICATE_INVALID",
            ),
            (
                "root-ca-chain-reversed",
                "the CA chain lists root before intermediate (links do not hold)",
                edit("/certificateAuthorities/0/certChain/certificates", |v| {
                    if let Some(a) = v.as_array_mut() {
                        a.reverse();
                    }
                }),
                "TRUST_ROOT_CERTIFICATE_INVALID",
            ),
            (
                "root-ca-chain-empty",
                "the CA has an empty chain",
                set(
                    "/certificateAuthorities/0/certChain/certificates",
                    json!([]),
                ),
                "TRUST_ROOT_CERTIFICATE_INVALID",
            ),
            (
                "root-ctlog-key-pkcs1-garbage",
                "the CT log key claims PKCS#1 RSA but is an EC SPKI",
                set("/ctlogs/0/publicKey/keyDetails", json!("PKCS1_RSA_PKCS1V5")),
                "TRUST_ROOT_KEY_INVALID",
            ),
            (
                "root-checkpoint-key-id-base64-invalid",
                "the Rekor v2 checkpointKeyId is not base64",
                set("/tlogs/1/checkpointKeyId/keyId", json!("!!")),
                "TRUST_ROOT_BASE64_INVALID",
            ),
            (
                "root-not-json",
                "the trusted root is an empty JSON array",
                Some(Rc::new(|v: &mut Value| *v = json!([]))),
                "TRUST_ROOT_JSON_INVALID",
            ),
        ];
        for (name, readme, hook, expect) in cases {
            self.add(
                name,
                readme,
                Spec {
                    root_hook: hook,
                    ..Spec::happy()
                },
                expect,
            )?;
        }
        self.add(
            "ok-root-client-trust-config",
            "the trusted root wrapped in a ClientTrustConfig",
            Spec {
                root_hook: Some(Rc::new(|v: &mut Value| {
                    let inner = v.clone();
                    *v = json!({
                        "mediaType": "application/vnd.dev.sigstore.clienttrustconfig.v0.1+json",
                        "trustedRoot": inner,
                        "signingConfig": {}
                    });
                })),
                ..Spec::happy()
            },
            OK,
        )?;
        self.add(
            "root-client-trust-config-inner-unknown",
            "a ClientTrustConfig whose inner trusted root has an unknown mediaType",
            Spec {
                root_hook: Some(Rc::new(|v: &mut Value| {
                    let mut inner = v.clone();
                    if let Value::Object(m) = &mut inner {
                        m.insert("mediaType".into(), json!("application/x-unknown"));
                    }
                    *v = json!({
                        "mediaType": "application/vnd.dev.sigstore.clienttrustconfig.v0.1+json",
                        "trustedRoot": inner
                    });
                })),
                ..Spec::happy()
            },
            "TRUST_ROOT_MEDIA_TYPE_UNKNOWN",
        )?;
        self.add(
            "root-client-trust-config-inner-missing",
            "a ClientTrustConfig without trustedRoot",
            Spec {
                root_hook: Some(Rc::new(|v: &mut Value| {
                    *v = json!({"mediaType": "application/vnd.dev.sigstore.clienttrustconfig.v0.1+json"});
                })),
                ..Spec::happy()
            },
            "TRUST_ROOT_JSON_INVALID",
        )?;
        self.add(
            "ok-root-media-type-v0.2",
            "the trusted root uses media type application/vnd.dev.sigstore.trustedroot.v0.2+json",
            Spec {
                root_hook: set(
                    "/mediaType",
                    json!("application/vnd.dev.sigstore.trustedroot.v0.2+json"),
                ),
                ..Spec::happy()
            },
            OK,
        )?;
        Ok(())
    }

    fn keys(&mut self) -> Res<()> {
        let w = self.w;
        let p256_pem = w.managed_p256.pem()?;
        let ed_pem = w.managed_ed25519.pem()?;
        self.add(
            "key-policy-p256-bundle-ed25519",
            "key-type confusion: the policy names the P-256 managed key, the bundle is signed by the Ed25519 one",
            Spec {
                policy: PolicySpec::Key(p256_pem.clone()),
                ..managed(KeyType::Ed25519, w)?
            },
            "SIGNATURE_INVALID",
        )?;
        self.add(
            "key-policy-ed25519-bundle-p256",
            "key-type confusion: the policy names the Ed25519 managed key, the bundle is signed by the P-256 one (DSSE)",
            Spec {
                dsse: true,
                policy: PolicySpec::Key(ed_pem.clone()),
                ..managed(KeyType::P256, w)?
            },
            "DSSE_SIGNATURE_INVALID",
        )?;
        self.add2(
            "key-policy-p384-bundle-p256",
            "key-type confusion: the policy names the P-384 managed key, the bundle is signed by the P-256 one (given only a SHA-256 digest, a P-384 key cannot check anything)",
            Spec {
                policy: PolicySpec::Key(w.managed_p384.pem()?),
                ..managed(KeyType::P256, w)?
            },
            "SIGNATURE_INVALID",
            "ARTIFACT_DIGEST_INSUFFICIENT",
        )?;
        self.add(
            "key-policy-key-bundle-certificate",
            "the policy names a managed key but the bundle carries a Fulcio certificate",
            Spec {
                policy: PolicySpec::Key(p256_pem.clone()),
                ..Spec::happy()
            },
            "POLICY_MATERIAL_MISMATCH",
        )?;
        self.add(
            "key-policy-identity-bundle-key",
            "the policy names an identity but the bundle carries a managed key hint",
            Spec {
                policy: PolicySpec::Identity(IDENTITY.into(), ISSUER.into()),
                ..managed(KeyType::P256, w)?
            },
            "POLICY_MATERIAL_MISMATCH",
        )?;
        self.add(
            "key-policy-pem-invalid",
            "key.pub holds no PEM public key",
            Spec {
                policy: PolicySpec::Key("not a key\n".into()),
                ..managed(KeyType::P256, w)?
            },
            "POLICY_KEY_INVALID",
        )?;
        let k256 = der::seq(&[
            &der::seq(&[&der::oid("1.2.840.10045.2.1"), &der::oid("1.3.132.0.10")]),
            &der::tlv(der::BIT_STRING, &[&[0u8, 4][..], &[7u8; 64][..]].concat()),
        ]);
        self.add(
            "key-policy-secp256k1-unsupported",
            "key.pub is a secp256k1 key, which Sigstore does not use",
            Spec {
                policy: PolicySpec::Key(pki::pem("PUBLIC KEY", &k256)),
                ..managed(KeyType::P256, w)?
            },
            "KEY_UNSUPPORTED",
        )?;
        self.add(
            "key-policy-rsa-1024-unsupported",
            "key.pub is a 1024-bit RSA key, below the 2048-bit minimum",
            Spec {
                policy: PolicySpec::Key(pki::pem("PUBLIC KEY", &{
                    use base64::Engine as _;
                    base64::engine::general_purpose::STANDARD
                        .decode(include_str!("keys/rsa1024.spki.b64").trim())
                        .map_err(|e| e.to_string())?
                })),
                ..managed(KeyType::P256, w)?
            },
            "KEY_UNSUPPORTED",
        )?;
        self.add(
            "key-policy-rsa-bundle-p256",
            "key-type confusion: the policy names the RSA managed key, the bundle is signed by the P-256 one",
            Spec {
                policy: PolicySpec::Key(w.managed_rsa.pem()?),
                ..managed(KeyType::P256, w)?
            },
            "SIGNATURE_INVALID",
        )?;
        let mut s = Spec::happy();
        s.leaf.spki = Some(k256.clone());
        self.add(
            "key-leaf-secp256k1-unsupported",
            "the Fulcio leaf certifies a secp256k1 key, which Sigstore does not use",
            s,
            "KEY_UNSUPPORTED",
        )?;
        let bad_point = der::seq(&[
            &der::seq(&[
                &der::oid("1.2.840.10045.2.1"),
                &der::oid("1.2.840.10045.3.1.7"),
            ]),
            &der::tlv(der::BIT_STRING, &[&[0u8, 4][..], &[7u8; 64][..]].concat()),
        ]);
        self.add(
            "key-policy-p256-point-invalid",
            "key.pub is a P-256 SPKI whose point is not on the curve",
            Spec {
                policy: PolicySpec::Key(pki::pem("PUBLIC KEY", &bad_point)),
                ..managed(KeyType::P256, w)?
            },
            "POLICY_KEY_INVALID",
        )?;
        self.add(
            "key-bundle-log-body-other-key",
            "managed key: the Rekor body names another public key than the policy's",
            Spec {
                body_hook: {
                    let other = b64(w.attacker.pem()?.as_bytes());
                    Some(Rc::new(move |v: &mut Value| {
                        if let Some(slot) = v.pointer_mut("/spec/signature/publicKey/content") {
                            *slot = json!(other.clone());
                        }
                    }))
                },
                ..managed(KeyType::P256, w)?
            },
            "TLOG_BODY_MISMATCH",
        )?;
        self.add(
            "key-bundle-log-body-other-key-rekor2",
            "managed key on Rekor v2: the body's verifier is another public key",
            Spec {
                log: LogKind::V2,
                promise: false,
                tsa: true,
                body_hook: {
                    let other = b64(&w.attacker.spki()?);
                    Some(Rc::new(move |v: &mut Value| {
                        if let Some(slot) = v.pointer_mut(
                            "/spec/hashedRekordV002/signature/verifier/publicKey/rawBytes",
                        ) {
                            *slot = json!(other.clone());
                        }
                    }))
                },
                ..managed(KeyType::P256, w)?
            },
            "TLOG_BODY_MISMATCH",
        )?;
        Ok(())
    }

    fn certificate(&mut self) -> Res<()> {
        let h = Spec::happy;
        let leaf = |f: fn(&mut LeafSpec)| {
            let mut s = Spec::happy();
            f(&mut s.leaf);
            s
        };
        let cases: Vec<(&str, &str, Spec, &str)> = vec![
            (
                "cert-leaf-is-ca",
                "leaf has basicConstraints CA:TRUE",
                leaf(|l| l.ca = true),
                "CERT_IS_CA",
            ),
            (
                "cert-key-usage-missing",
                "leaf has no keyUsage",
                leaf(|l| l.key_usage = None),
                "CERT_KEY_USAGE_INVALID",
            ),
            (
                "cert-key-usage-key-encipherment",
                "leaf keyUsage is keyEncipherment only",
                leaf(|l| l.key_usage = Some(pki::KU_KEY_ENCIPHERMENT)),
                "CERT_KEY_USAGE_INVALID",
            ),
            (
                "cert-eku-missing",
                "leaf has no extKeyUsage",
                leaf(|l| l.eku = vec![]),
                "CERT_EXTENDED_KEY_USAGE_INVALID",
            ),
            (
                "cert-eku-server-auth",
                "leaf extKeyUsage is serverAuth",
                leaf(|l| l.eku = vec![pki::SERVER_AUTH]),
                "CERT_EXTENDED_KEY_USAGE_INVALID",
            ),
            (
                "ok-cert-eku-code-signing-among-others",
                "leaf extKeyUsage is serverAuth and codeSigning",
                leaf(|l| l.eku = vec![pki::SERVER_AUTH, pki::CODE_SIGNING]),
                OK,
            ),
            (
                "cert-issued-by-rogue-ca",
                "leaf issued by an untrusted CA under the intermediate's name",
                leaf(|l| l.issued_by = LeafIssuer::Rogue),
                "CERT_CHAIN_UNTRUSTED",
            ),
            (
                "ok-cert-issued-by-root",
                "leaf issued by the Fulcio root directly, skipping the intermediate: every certificate of a trusted chain may issue, as sigstore-go (the chain's intermediates as a pool) and sigstore-python (every chain certificate in its store) accept it, and as GitHub's release certificates are issued by the second certificate of its chains",
                leaf(|l| l.issued_by = LeafIssuer::Root),
                OK,
            ),
            (
                "cert-not-yet-valid",
                "leaf notBefore is one second after the integrated time",
                leaf(|l| l.not_before = T0 + 6),
                "CERT_NOT_VALID_AT_SIGNING_TIME",
            ),
            (
                "cert-expired",
                "leaf notAfter is one second before the integrated time",
                leaf(|l| l.not_after = T0 + 4),
                "CERT_NOT_VALID_AT_SIGNING_TIME",
            ),
            (
                "ok-cert-not-before-equals-signing-time",
                "leaf notBefore equals the integrated time (inclusive)",
                leaf(|l| l.not_before = T0 + 5),
                OK,
            ),
            (
                "ok-cert-not-after-equals-signing-time",
                "leaf notAfter equals the integrated time (inclusive)",
                leaf(|l| l.not_after = T0 + 5),
                OK,
            ),
            (
                "cert-expired-at-tsa-time",
                "Rekor v2 + TSA: leaf notAfter is one second before the TSA genTime",
                {
                    let mut s = v2(false);
                    s.leaf.not_after = T0 + 2;
                    s
                },
                "CERT_NOT_VALID_AT_SIGNING_TIME",
            ),
            (
                "cert-valid-at-one-time-not-the-other",
                "Rekor v1 + TSA: leaf valid at genTime but expired at the integrated time",
                {
                    let mut s = with_tsa(h());
                    s.leaf.not_after = T0 + 4;
                    s
                },
                "CERT_NOT_VALID_AT_SIGNING_TIME",
            ),
            (
                "cert-issuer-v2-not-utf8string",
                "leaf issuer (v2) extension is an OCTET STRING instead of a UTF8String",
                leaf(|l| l.issuer_v2 = Some(der::tlv(der::OCTET_STRING, ISSUER.as_bytes()))),
                "CERT_EXTENSION_INVALID",
            ),
            (
                "cert-issuer-v1-not-utf8",
                "leaf has no issuer v2, and its v1 issuer is not UTF-8",
                leaf(|l| {
                    l.issuer_v2 = None;
                    l.issuer_v1 = Some(vec![0xff, 0xfe]);
                }),
                "CERT_EXTENSION_INVALID",
            ),
            (
                "ok-cert-issuer-v1-only",
                "leaf carries only the deprecated issuer (v1) extension",
                leaf(|l| l.issuer_v2 = None),
                OK,
            ),
            (
                "ok-cert-issuer-v2-only",
                "leaf carries only the issuer (v2) extension",
                leaf(|l| l.issuer_v1 = None),
                OK,
            ),
            (
                "cert-key-usage-malformed",
                "leaf keyUsage is not a BIT STRING",
                leaf(|l| {
                    l.extra
                        .push(pki::extension("2.5.29.15", true, &[0x04, 0x01, 0x00]))
                }),
                "BUNDLE_CERTIFICATE_INVALID",
            ),
            (
                "cert-san-malformed",
                "leaf subjectAltName is not a GeneralNames SEQUENCE",
                leaf(|l| {
                    l.san = None;
                    l.extra
                        .push(pki::extension("2.5.29.17", true, &[0x05, 0x00]));
                }),
                "BUNDLE_CERTIFICATE_INVALID",
            ),
            (
                "cert-basic-constraints-malformed",
                "leaf has a second, malformed basicConstraints",
                leaf(|l| {
                    l.extra
                        .push(pki::extension("2.5.29.19", true, &[0x01, 0x01, 0x00]))
                }),
                "BUNDLE_CERTIFICATE_INVALID",
            ),
            (
                "cert-eku-malformed",
                "leaf extKeyUsage holds an INTEGER",
                leaf(|l| {
                    l.eku = vec![];
                    l.extra
                        .push(pki::extension("2.5.29.37", false, &[0x02, 0x01, 0x00]));
                }),
                "BUNDLE_CERTIFICATE_INVALID",
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        // Trusted-root CA validity around the signing time (integrated time T0+5).
        let it = T0 + 5;
        for (name, readme, window, expect) in [
            (
                "ok-root-ca-end-equals-signing-time",
                "CA validFor ends exactly at the integrated time (inclusive)",
                (Some(super::sigstore::Y2024), Some(it)),
                OK,
            ),
            (
                "root-ca-ended-before-signing-time",
                "CA validFor ends one second before the integrated time",
                (Some(super::sigstore::Y2024), Some(it - 1)),
                "CERT_CHAIN_UNTRUSTED",
            ),
            (
                "ok-root-ca-start-equals-signing-time",
                "CA validFor starts exactly at the integrated time (inclusive)",
                (Some(it), None),
                OK,
            ),
            (
                "root-ca-starts-after-signing-time",
                "CA validFor starts one second after the integrated time",
                (Some(it + 1), None),
                "CERT_CHAIN_UNTRUSTED",
            ),
        ] {
            let mut s = h();
            s.root.ca = window;
            self.add(name, readme, s, expect)?;
        }
        self.add(
            "root-ca-missing",
            "the trusted root has no certificate authority",
            Spec {
                root_hook: set("/certificateAuthorities", json!([])),
                ..h()
            },
            "CERT_CHAIN_UNTRUSTED",
        )?;
        self.signing_certificate_profile()
    }

    /// The signing-certificate profile: extensions the leaf may not carry, or not twice, and
    /// one signature algorithm inside and outside the TBS.
    fn signing_certificate_profile(&mut self) -> Res<()> {
        let with_ext = |ext: Vec<u8>| {
            let mut s = Spec::happy();
            s.leaf.extra.push(ext);
            s
        };
        let cases: Vec<Case<Spec>> = vec![
            (
                "cert-critical-extension-unknown",
                "the leaf carries a critical extension the verifier does not process",
                with_ext(pki::extension("1.3.6.1.4.1.99999.1", true, &[0x05, 0x00])),
                "CERT_CRITICAL_EXTENSION_UNKNOWN",
            ),
            (
                "ok-cert-noncritical-extension-unknown",
                "the leaf carries a non-critical extension the verifier does not know (ignored)",
                with_ext(pki::extension("1.3.6.1.4.1.99999.1", false, &[0x05, 0x00])),
                OK,
            ),
            (
                "cert-ct-poison",
                "the leaf carries the CT precertificate poison: it is a precertificate",
                with_ext(pki::extension(
                    "1.3.6.1.4.1.11129.2.4.3",
                    true,
                    &[0x05, 0x00],
                )),
                "CERT_IS_PRECERTIFICATE",
            ),
            (
                "cert-extension-duplicate",
                "the leaf carries the workflow repository extension twice",
                with_ext(pki::fulcio_raw(5, b"virtual-org/evil")),
                "CERT_EXTENSION_DUPLICATE",
            ),
            (
                "cert-signature-algorithm-mismatch",
                "the leaf's outer signatureAlgorithm (ecdsa-with-SHA256) differs from its TBS one (ecdsa-with-SHA384)",
                {
                    let mut s = Spec::happy();
                    s.leaf.outer_algorithm = Some(der::seq(&[&der::oid("1.2.840.10045.4.3.2")]));
                    s
                },
                "CERT_SIGNATURE_ALGORITHM_MISMATCH",
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        self.strict_certificate_reader()
    }

    /// What a strict DER X.509 reader refuses (issue 23), each in a leaf the trusted
    /// intermediate signed: the version's rules, the serial, BIT STRING padding, key
    /// identifiers, subject alternative names and an algorithm the issuer's key cannot make.
    fn strict_certificate_reader(&mut self) -> Res<()> {
        const INVALID: &str = "BUNDLE_CERTIFICATE_INVALID";
        let leaf = |f: fn(&mut LeafSpec)| {
            let mut s = Spec::happy();
            f(&mut s.leaf);
            s
        };
        let san = |names: &[Vec<u8>]| {
            pki::extension(
                "2.5.29.17",
                true,
                &der::seq(
                    names
                        .iter()
                        .map(Vec::as_slice)
                        .collect::<Vec<_>>()
                        .as_slice(),
                ),
            )
        };
        let email_after = |first: Vec<u8>| {
            let names = [first, der::tlv(0x81, b"dev@virtual.test")];
            let mut s = Spec::happy();
            s.leaf.san = None;
            s.leaf.extra.push(san(&names));
            s
        };
        let rsa_sha384 = der::seq(&[&der::oid("1.2.840.113549.1.1.12"), &[0x05, 0x00]]);
        let cases: Vec<Case<Spec>> = vec![
            (
                "cert-v1-with-extensions",
                "the leaf has no version field (v1) but carries extensions",
                leaf(|l| l.form.version = None),
                INVALID,
            ),
            (
                "cert-v2-with-extensions",
                "the leaf is version 2 but carries extensions",
                leaf(|l| l.form.version = Some(1)),
                INVALID,
            ),
            (
                "cert-version-v1-explicit",
                "the leaf writes the default version v1 explicitly (not DER)",
                leaf(|l| l.form.version = Some(0)),
                INVALID,
            ),
            (
                "cert-serial-zero",
                "the leaf's serial number is zero (RFC 5280: positive)",
                leaf(|l| l.form.serial_content = Some(vec![0x00])),
                INVALID,
            ),
            (
                "cert-serial-negative",
                "the leaf's serial number is negative",
                leaf(|l| l.form.serial_content = Some(vec![0x80, 0x01])),
                INVALID,
            ),
            (
                "cert-serial-21-octets",
                "the leaf's serial number is 21 octets (RFC 5280: at most 20)",
                leaf(|l| l.form.serial_content = Some(vec![0x11; 21])),
                INVALID,
            ),
            (
                "ok-cert-serial-20-octets-top-bit",
                "the leaf's serial number is 20 octets with the top bit set (21 octets of DER content)",
                leaf(|l| l.form.serial_content = Some([[0x00].as_slice(), &[0x91; 20]].concat())),
                OK,
            ),
            (
                "cert-key-usage-padding-bit-set",
                "the leaf's keyUsage BIT STRING sets one of its unused bits (DER: zero)",
                leaf(|l| l.key_usage = Some(&[0x07, 0x81])),
                INVALID,
            ),
            (
                "cert-subject-key-id-critical",
                "the leaf's subjectKeyIdentifier is critical (RFC 5280: never)",
                leaf(|l| l.ski_critical = true),
                INVALID,
            ),
            (
                "cert-authority-key-id-critical",
                "the leaf's authorityKeyIdentifier is critical (RFC 5280: never)",
                leaf(|l| {
                    let aki = der::seq(&[&der::tlv(0x80, &[0x0a; 20])]);
                    l.extra.push(pki::extension("2.5.29.35", true, &aki));
                }),
                INVALID,
            ),
            (
                "cert-authority-key-id-malformed",
                "the leaf's authorityKeyIdentifier is not an AuthorityKeyIdentifier",
                leaf(|l| {
                    l.extra
                        .push(pki::extension("2.5.29.35", false, &[0x04, 0x01, 0x00]))
                }),
                INVALID,
            ),
            (
                "ok-cert-authority-key-id",
                "the leaf carries a well-formed, non-critical authorityKeyIdentifier",
                leaf(|l| {
                    let aki = der::seq(&[&der::tlv(0x80, &[0x0a; 20])]);
                    l.extra.push(pki::extension("2.5.29.35", false, &aki));
                }),
                OK,
            ),
            (
                "cert-san-empty-uri-before-email",
                "the leaf's SAN is an empty URI, then an email: malformed, not the email's identity",
                email_after(der::tlv(0x86, b"")),
                INVALID,
            ),
            (
                "cert-san-uri-without-scheme",
                "the leaf's SAN URI has no scheme",
                email_after(der::tlv(0x86, b"virtual.test/app")),
                INVALID,
            ),
            (
                "cert-san-uri-with-space",
                "the leaf's SAN URI holds a space",
                email_after(der::tlv(0x86, b"https://virtual.test/a b")),
                INVALID,
            ),
            (
                "cert-san-ip-address-5-octets",
                "the leaf's SAN iPAddress is 5 octets (4 or 16)",
                email_after(der::tlv(0x87, &[10, 0, 0, 1, 0])),
                INVALID,
            ),
            (
                "cert-san-empty",
                "the leaf's subjectAltName holds no name",
                {
                    let mut s = Spec::happy();
                    s.leaf.san = None;
                    s.leaf.extra.push(san(&[]));
                    s
                },
                INVALID,
            ),
            (
                "cert-rsa-algorithm-under-ec-key",
                "the leaf names sha384WithRSAEncryption but the EC intermediate signed it with ECDSA over SHA-384",
                {
                    let mut s = Spec::happy();
                    s.leaf.form.algorithm = Some(rsa_sha384.clone());
                    s
                },
                "CERT_CHAIN_UNTRUSTED",
            ),
            (
                "tsa-cert-rsa-algorithm-under-ec-key",
                "the trusted root's TSA certificate names sha384WithRSAEncryption but the P-384 TSA root signed it with ECDSA over SHA-384: the root's chain does not link",
                {
                    let mut s = Spec {
                        tsa: true,
                        ..Spec::happy()
                    };
                    s.token.embed = true;
                    s.token.cert_algorithm = Some(rsa_sha384);
                    s
                },
                "TRUST_ROOT_CERTIFICATE_INVALID",
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        self.add_with_config(
                "tsa-signer-info-rsa-algorithm-under-ec-key",
                "the token's SignerInfo names sha256WithRSAEncryption but the TSA's EC key signed with ECDSA (config signed_timestamps=1)",
                {
                    let mut s = Spec {
                        tsa: true,
                        ..Spec::happy()
                    };
                    s.token.signature_algorithm = Some(der::seq(&[
                        &der::oid("1.2.840.113549.1.1.11"),
                        &[0x05, 0x00],
                    ]));
                    s
                },
                "signed_timestamps=1",
                "TIMESTAMP_SIGNATURE_INVALID",
            )?;
        Ok(())
    }

    fn sct(&mut self) -> Res<()> {
        let sct = |f: fn(&mut super::sigstore::SctSpec)| {
            let mut s = Spec::happy();
            f(&mut s.sct);
            s
        };
        let one_sct = {
            let mut b = vec![0u8];
            b.extend_from_slice(&[7; 32]);
            b.extend_from_slice(&0u64.to_be_bytes());
            b.extend_from_slice(&[0, 0, 4, 3, 0, 2, 0xaa, 0xbb]);
            b
        };
        let mut v1_sct = one_sct.clone();
        if let Some(first) = v1_sct.first_mut() {
            *first = 1;
        }
        let cases: Vec<(&str, &str, Spec, &str)> = vec![
            (
                "sct-missing",
                "leaf carries no embedded SCT list",
                sct(|s| s.present = false),
                "SCT_MISSING",
            ),
            (
                "sct-log-unknown",
                "SCT from a CT log the trusted root does not know",
                sct(|s| s.signer = CtSigner::Unknown),
                "SCT_LOG_UNKNOWN",
            ),
            (
                "sct-signature-forged",
                "SCT under the trusted log's id, signed by another key",
                sct(|s| s.signer = CtSigner::Forged),
                "SCT_SIGNATURE_INVALID",
            ),
            (
                "sct-issuer-key-hash-wrong",
                "SCT signed over the Fulcio root's key hash instead of the issuer's",
                sct(|s| s.wrong_issuer_key = true),
                "SCT_SIGNATURE_INVALID",
            ),
            (
                "sct-precert-tbs-differs",
                "SCT signed over a precertificate whose notAfter differs by one second",
                sct(|s| s.sign_changed_tbs = true),
                "SCT_SIGNATURE_INVALID",
            ),
            (
                "sct-hash-sha384",
                "SCT signature algorithm claims SHA-384 over a SHA-256 signature",
                sct(|s| s.hash = 5),
                "SCT_SIGNATURE_INVALID",
            ),
            (
                "sct-hash-sha1",
                "SCT signature algorithm claims SHA-1",
                sct(|s| s.hash = 2),
                "SCT_SIGNATURE_INVALID",
            ),
            (
                "ok-sct-with-extensions",
                "SCT carries (signed) CtExtensions",
                sct(|s| s.extensions = vec![0, 0, 5, 1, 2, 3, 4, 5]),
                OK,
            ),
            (
                "ok-sct-two-copies",
                "the SCT list carries the same SCT twice",
                sct(|s| s.copies = 2),
                OK,
            ),
            (
                "sct-list-empty",
                "the SCT list is empty",
                sct(|s| s.raw_list = Some(vec![0, 0])),
                "SCT_MISSING",
            ),
            (
                "sct-list-truncated",
                "the SCT list length exceeds its bytes",
                sct(|s| s.raw_list = Some(vec![0, 9, 0, 7, 1])),
                "SCT_LIST_INVALID",
            ),
            (
                "sct-list-trailing-bytes",
                "the SCT list has bytes after its end",
                {
                    let mut raw = pki::sct_list(std::slice::from_ref(&one_sct));
                    raw.push(0);
                    let mut s = Spec::happy();
                    s.sct.raw_list = Some(raw);
                    s
                },
                "SCT_LIST_INVALID",
            ),
            (
                "sct-version-v2",
                "the SCT has version 1 (v2), which RFC 6962 does not define",
                {
                    let mut s = Spec::happy();
                    s.sct.raw_list = Some(pki::sct_list(&[v1_sct]));
                    s
                },
                "SCT_LIST_INVALID",
            ),
            (
                "ok-sct-limit",
                "32 copies of the SCT (the limit)",
                sct(|s| s.copies = 32),
                OK,
            ),
            (
                "sct-limit-exceeded",
                "33 copies of the SCT (one past the limit)",
                sct(|s| s.copies = 33),
                LIMIT,
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        let sct_time = T0 - 59;
        for (name, readme, window, expect) in [
            (
                "ok-root-ctlog-end-equals-sct-time",
                "CT log validFor ends at the SCT time (inclusive)",
                (Some(super::sigstore::Y2024), Some(sct_time)),
                OK,
            ),
            (
                "root-ctlog-ended-before-sct",
                "CT log validFor ends one second before the SCT time",
                (Some(super::sigstore::Y2024), Some(sct_time - 1)),
                "SCT_LOG_NOT_VALID_AT_TIME",
            ),
            (
                "ok-root-ctlog-start-equals-sct-time",
                "CT log validFor starts at the SCT time (inclusive)",
                (Some(sct_time), None),
                OK,
            ),
            (
                "root-ctlog-starts-after-sct",
                "CT log validFor starts one second after the SCT time",
                (Some(sct_time + 1), None),
                "SCT_LOG_NOT_VALID_AT_TIME",
            ),
        ] {
            let mut s = Spec::happy();
            s.root.ct = window;
            self.add(name, readme, s, expect)?;
        }
        self.add(
            "root-ctlog-missing",
            "the trusted root has no CT log",
            Spec {
                root_hook: set("/ctlogs", json!([])),
                ..Spec::happy()
            },
            "SCT_LOG_UNKNOWN",
        )?;
        Ok(())
    }

    fn tlog(&mut self) -> Res<()> {
        let bases = || {
            vec![
                ("message-rekor1", Spec::happy()),
                ("dsse-rekor1", v1_dsse()),
                ("message-rekor2", v2(false)),
                ("dsse-rekor2", v2(true)),
            ]
        };
        let v1_bases = || {
            vec![
                ("message", Spec::happy()),
                ("dsse", v1_dsse()),
                ("v0.1", version(Spec::happy(), 1)),
            ]
        };
        self.on_bases(
            "tlog-log-id-unknown",
            "tlog entry logId names no log of the trusted root",
            &bases(),
            &|s| Spec {
                bundle_hook: set(
                    "/verificationMaterial/tlogEntries/0/logId/keyId",
                    json!(b64(&[9u8; 32])),
                ),
                ..s
            },
            "TLOG_KEY_UNKNOWN",
        )?;
        // sigstore-go skips an entry of a log the root does not know and one whose promise
        // does not verify: a second, good entry then carries the bundle.
        let extra_entry = |f: fn(&mut Value)| -> Option<JsonHook> {
            Some(Rc::new(move |v: &mut Value| {
                if let Some(Value::Array(a)) = v.pointer_mut("/verificationMaterial/tlogEntries") {
                    if let Some(mut copy) = a.first().cloned() {
                        f(&mut copy);
                        a.insert(0, copy);
                    }
                }
            }))
        };
        self.add_skipping(
            "ok-tlog-skipped-unknown-log",
            "an extra tlog entry, first, whose logId names no log of the trusted root: skipped",
            Spec {
                bundle_hook: extra_entry(|e| {
                    if let Some(id) = e.pointer_mut("/logId/keyId") {
                        *id = json!(b64(&[9u8; 32]));
                    }
                }),
                ..Spec::happy()
            },
            &["tlog-entry 0 TLOG_KEY_UNKNOWN".to_owned()],
        )?;
        self.add_skipping(
            "ok-tlog-skipped-set-invalid",
            "an extra tlog entry, first, whose inclusion promise does not verify: skipped",
            Spec {
                bundle_hook: extra_entry(|e| {
                    if let Some(t) = e.pointer_mut("/integratedTime") {
                        *t = json!("1");
                    }
                }),
                ..Spec::happy()
            },
            &["tlog-entry 0 TLOG_INCLUSION_PROMISE_INVALID".to_owned()],
        )?;
        self.add(
            "tlog-extra-entry-proof-invalid",
            "an extra tlog entry whose inclusion proof does not verify: fails the bundle (sigstore-go)",
            Spec {
                bundle_hook: extra_entry(|e| {
                    if let Some(t) = e.pointer_mut("/inclusionProof/logIndex") {
                        *t = json!("2");
                    }
                    if let Some(t) = e.pointer_mut("/logIndex") {
                        *t = json!("2");
                    }
                    if let Some(p) = e.as_object_mut() {
                        p.remove("inclusionPromise");
                    }
                }),
                ..Spec::happy()
            },
            "TLOG_INCLUSION_PROOF_INVALID",
        )?;
        // Thresholds count logs, not entries (sigstore-go): one log twice is one witness.
        let twice = Spec {
            logged_again_at: Some(3),
            ..Spec::happy()
        };
        self.add(
            "ok-tlog-one-log-two-entries",
            "the bundle logged twice in one log (two entries, two indices): verifies under the default threshold",
            twice.clone(),
            OK,
        )?;
        self.add_with_config(
            "tlog-one-log-two-entries-threshold-2",
            "two entries of one log do not meet a threshold of two tlog entries (config tlog_entries=2)",
            twice.clone(),
            "tlog_entries=2",
            "TLOG_THRESHOLD_NOT_MET",
        )?;
        self.add_with_config(
            "time-one-log-two-entries-threshold-2",
            "two integrated times from one log are one signing time (config observer_timestamps=2)",
            twice,
            "observer_timestamps=2",
            "TIME_THRESHOLD_NOT_MET",
        )?;
        let mut sct_twice = Spec::happy();
        sct_twice.sct.copies = 2;
        self.add_with_config(
            "sct-one-log-twice-threshold-2",
            "the same SCT embedded twice is one CT log, not two (config certificate_timestamps=2)",
            sct_twice.clone(),
            "certificate_timestamps=2",
            "SCT_THRESHOLD_NOT_MET",
        )?;
        self.add(
            "ok-sct-one-log-twice",
            "the same SCT embedded twice verifies under the default threshold",
            sct_twice,
            OK,
        )?;
        self.distinct_by_key()?;
        self.key_windows()?;
        self.releases()?;
        self.add_with_config(
            "tsa-threshold-not-met",
            "a Rekor v1 bundle without timestamps where one signed timestamp is required (config signed_timestamps=1)",
            Spec::happy(),
            "signed_timestamps=1",
            "TIMESTAMP_THRESHOLD_NOT_MET",
        )?;
        self.add_with_config(
            "ok-tsa-only-private-instance",
            "no tlog entry and no SCT, a TSA timestamp only, as GitHub's private instance signs (config tlog_entries=0 certificate_timestamps=0)",
            Spec {
                log: LogKind::None,
                tsa: true,
                ..Spec::happy()
            },
            "tlog_entries=0 certificate_timestamps=0",
            OK,
        )?;
        self.on_bases(
            "tlog-kind-unsupported",
            "tlog entry kindVersion is rekord 0.0.1",
            &bases(),
            &|s| Spec {
                bundle_hook: set(
                    "/verificationMaterial/tlogEntries/0/kindVersion",
                    json!({"kind": "rekord", "version": "0.0.1"}),
                ),
                ..s
            },
            "TLOG_KIND_UNSUPPORTED",
        )?;
        self.on_bases(
            "tlog-set-signature-flipped",
            "one bit of the inclusion promise (SET) flipped",
            &v1_bases(),
            &|s| Spec {
                bundle_hook: edit(
                    "/verificationMaterial/tlogEntries/0/inclusionPromise/signedEntryTimestamp",
                    |v| flip_b64(v, -3),
                ),
                ..s
            },
            "TLOG_INCLUSION_PROMISE_INVALID",
        )?;
        self.on_bases(
            "tlog-set-integrated-time-changed",
            "integratedTime changed by one second after the SET was signed",
            &v1_bases(),
            &|s| Spec {
                bundle_hook: set(
                    "/verificationMaterial/tlogEntries/0/integratedTime",
                    json!((T0 + 4).to_string()),
                ),
                ..s
            },
            "TLOG_INCLUSION_PROMISE_INVALID",
        )?;
        self.on_bases(
            "tlog-set-log-index-changed",
            "logIndex changed after the SET was signed",
            &v1_bases(),
            &|s| Spec {
                bundle_hook: set("/verificationMaterial/tlogEntries/0/logIndex", json!("8")),
                ..s
            },
            "TLOG_INCLUSION_PROMISE_INVALID",
        )?;
        self.on_bases(
            "tlog-set-by-other-key",
            "the SET is a valid signature by another log's key",
            &v1_bases(),
            &|s| Spec {
                bundle_hook: set(
                    "/verificationMaterial/tlogEntries/0/inclusionPromise/signedEntryTimestamp",
                    json!(b64(b"\x30\x06\x02\x01\x01\x02\x01\x01")),
                ),
                ..s
            },
            "TLOG_INCLUSION_PROMISE_INVALID",
        )?;
        let it = T0 + 5;
        let h = Spec::happy;
        let time_cases: Vec<(&str, &str, Spec, &str)> = vec![
            (
                "tlog-integrated-time-in-future",
                "verification time is one second before the integrated time",
                Spec { now: it - 1, ..h() },
                "TLOG_INTEGRATED_TIME_IN_FUTURE",
            ),
            (
                "ok-tlog-integrated-time-equals-now",
                "verification time equals the integrated time",
                Spec { now: it, ..h() },
                OK,
            ),
            (
                "root-rekor1-ended-before-integrated-time",
                "Rekor v1 key validFor ends one second before the integrated time",
                {
                    let mut s = h();
                    s.root.rekor1 = (Some(super::sigstore::Y2024), Some(it - 1));
                    s
                },
                "TLOG_KEY_NOT_VALID_AT_TIME",
            ),
            (
                "ok-root-rekor1-end-equals-integrated-time",
                "Rekor v1 key validFor ends at the integrated time (inclusive)",
                {
                    let mut s = h();
                    s.root.rekor1 = (Some(super::sigstore::Y2024), Some(it));
                    s
                },
                OK,
            ),
            (
                "ok-root-rekor1-start-equals-integrated-time",
                "Rekor v1 key validFor starts at the integrated time (inclusive)",
                {
                    let mut s = h();
                    s.root.rekor1 = (Some(it), None);
                    s
                },
                OK,
            ),
            (
                "root-rekor1-starts-after-integrated-time",
                "Rekor v1 key validFor starts one second after the integrated time",
                {
                    let mut s = h();
                    s.root.rekor1 = (Some(it + 1), None);
                    s
                },
                "TLOG_KEY_NOT_VALID_AT_TIME",
            ),
            (
                "root-tlogs-missing",
                "the trusted root has no transparency log",
                Spec {
                    root_hook: set("/tlogs", json!([])),
                    ..h()
                },
                "TLOG_KEY_UNKNOWN",
            ),
            (
                "ok-tlog-proof-only-sharded-log-index",
                "Rekor v1, no inclusion promise: the entry's global logIndex differs from its proof's tree index, as on a sharded log",
                Spec {
                    promise: false,
                    tsa: true,
                    bundle_hook: set(
                        "/verificationMaterial/tlogEntries/0/logIndex",
                        json!("154562758"),
                    ),
                    ..h()
                },
                OK,
            ),
            (
                "tlog-rekor2-log-index-mismatch",
                "Rekor v2: the entry's logIndex differs from its proof's",
                Spec {
                    bundle_hook: set("/verificationMaterial/tlogEntries/0/logIndex", json!("3")),
                    ..v2(false)
                },
                "TLOG_LOG_INDEX_MISMATCH",
            ),
            (
                "tlog-entry-duplicate",
                "the same tlog entry twice",
                Spec {
                    bundle_hook: edit("/verificationMaterial/tlogEntries", |v| {
                        if let Some(a) = v.as_array_mut() {
                            let first = a.first().cloned();
                            a.extend(first);
                        }
                    }),
                    ..h()
                },
                "TLOG_ENTRY_DUPLICATE",
            ),
            (
                "tlog-threshold-no-entry",
                "no tlog entry at all, a TSA timestamp only (default config needs one entry)",
                Spec {
                    log: LogKind::None,
                    tsa: true,
                    ..h()
                },
                "TLOG_THRESHOLD_NOT_MET",
            ),
            (
                "time-threshold-rekor2-without-tsa",
                "Rekor v2 entry (no integrated time) and no TSA timestamp",
                Spec {
                    tsa: false,
                    ..v2(false)
                },
                "TIME_THRESHOLD_NOT_MET",
            ),
            (
                "time-threshold-proof-only-without-tsa",
                "Rekor v1 entry without inclusion promise, and no TSA timestamp",
                Spec {
                    promise: false,
                    ..h()
                },
                "TIME_THRESHOLD_NOT_MET",
            ),
            (
                "ok-rekor2-integrated-time-ignored",
                "Rekor v2 entry carrying an integratedTime without promise: the time is not trusted, the TSA's is",
                Spec {
                    bundle_hook: set(
                        "/verificationMaterial/tlogEntries/0/integratedTime",
                        json!("1"),
                    ),
                    ..v2(false)
                },
                OK,
            ),
        ];
        for (name, readme, spec, expect) in time_cases {
            self.add(name, readme, spec, expect)?;
        }
        // Proof hashes and sizes: index 9 of 13 has a 4-hash audit path.
        let proof_bases = || {
            vec![
                ("rekor1", Spec::happy()),
                ("rekor2", v2(false)),
                ("dsse-rekor1", v1_dsse()),
            ]
        };
        for i in 0..4usize {
            let pointer: &'static str = match i {
                0 => "/verificationMaterial/tlogEntries/0/inclusionProof/hashes/0",
                1 => "/verificationMaterial/tlogEntries/0/inclusionProof/hashes/1",
                2 => "/verificationMaterial/tlogEntries/0/inclusionProof/hashes/2",
                _ => "/verificationMaterial/tlogEntries/0/inclusionProof/hashes/3",
            };
            self.on_bases(
                &format!("tlog-proof-hash-{i}-flipped"),
                &format!("one bit of inclusion proof hash {i} flipped"),
                &proof_bases(),
                &|s| Spec {
                    bundle_hook: edit(pointer, |v| flip_b64(v, 0)),
                    ..s
                },
                "TLOG_INCLUSION_PROOF_INVALID",
            )?;
        }
        let proof_edits: Vec<(&str, &str, Option<JsonHook>)> = vec![
            (
                "root-hash-flipped",
                "one bit of the proof's root hash flipped",
                edit(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/rootHash",
                    |v| flip_b64(v, 5),
                ),
            ),
            (
                "tree-size-plus-one",
                "proof treeSize 14 instead of 13 (the audit path of leaf 9 is the same shape, so only the checkpoint catches it)",
                set(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/treeSize",
                    json!("14"),
                ),
            ),
            (
                "tree-size-minus-one",
                "proof treeSize 12 instead of 13",
                set(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/treeSize",
                    json!("12"),
                ),
            ),
            (
                "tree-size-equals-index",
                "proof treeSize equals the leaf index",
                set(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/treeSize",
                    json!("9"),
                ),
            ),
            (
                "index-changed",
                "proof logIndex 8 instead of 9",
                set(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/logIndex",
                    json!("8"),
                ),
            ),
            (
                "hash-missing",
                "last proof hash removed",
                edit(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/hashes",
                    |v| {
                        if let Some(a) = v.as_array_mut() {
                            a.pop();
                        }
                    },
                ),
            ),
            (
                "hash-extra",
                "a fifth proof hash appended",
                edit(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/hashes",
                    |v| {
                        if let Some(a) = v.as_array_mut() {
                            let f = a.first().cloned();
                            a.extend(f);
                        }
                    },
                ),
            ),
            (
                "hash-short",
                "proof hash 0 is 31 bytes",
                set(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/hashes/0",
                    json!(b64(&[1u8; 31])),
                ),
            ),
            (
                "hashes-empty",
                "proof without hashes",
                set(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/hashes",
                    json!([]),
                ),
            ),
            (
                "hashes-swapped",
                "proof hashes 0 and 1 swapped",
                edit(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/hashes",
                    |v| {
                        if let Some(a) = v.as_array_mut() {
                            a.swap(0, 1);
                        }
                    },
                ),
            ),
        ];
        for (label, readme, hook) in proof_edits {
            let wrong_index = label == "index-changed";
            for (base, spec) in proof_bases() {
                // Without a promise (Rekor v2) a changed proof index is caught first as an
                // index mismatch.
                let expect = if wrong_index && base == "rekor2" {
                    "TLOG_LOG_INDEX_MISMATCH"
                } else if label == "tree-size-plus-one" {
                    "TLOG_CHECKPOINT_ROOT_MISMATCH"
                } else {
                    "TLOG_INCLUSION_PROOF_INVALID"
                };
                self.add(
                    &format!("tlog-proof-{label}-{base}"),
                    &format!("{readme} ({base})"),
                    Spec {
                        bundle_hook: hook.clone(),
                        ..spec
                    },
                    expect,
                )?;
            }
        }
        for (size, index) in [(1u64, 0u64), (2, 1), (8, 7), (64, 33), (1000, 999)] {
            self.add(
                &format!("ok-tlog-tree-size-{size}-index-{index}"),
                &format!("happy path: entry {index} of a {size}-leaf tree"),
                Spec {
                    tree_size: size,
                    index,
                    ..Spec::happy()
                },
                OK,
            )?;
        }
        Ok(())
    }

    fn checkpoint(&mut self) -> Res<()> {
        let bases = || vec![("rekor1", Spec::happy()), ("rekor2", v2(false))];
        let note_cases: Vec<Case<fn(&mut Note)>> = vec![
            (
                "size-differs",
                "checkpoint (re-signed) commits to size 14, the proof to 13",
                |n| n.size += 1,
                "TLOG_CHECKPOINT_ROOT_MISMATCH",
            ),
            (
                "root-differs",
                "checkpoint (re-signed) commits to another root hash",
                |n| {
                    if let Some(b) = n.root.first_mut() {
                        *b ^= 1;
                    }
                },
                "TLOG_CHECKPOINT_ROOT_MISMATCH",
            ),
            (
                "key-hint-wrong",
                "the log's signature line carries another key hint",
                |n| {
                    if let Some(b) = n.hint.first_mut() {
                        *b ^= 0xff;
                    }
                },
                "TLOG_CHECKPOINT_SIGNATURE_MISSING",
            ),
            (
                "forged",
                "checkpoint signed by another key under the log's name and hint",
                |n| n.forged = true,
                "TLOG_CHECKPOINT_SIGNATURE_INVALID",
            ),
            (
                "root-short",
                "checkpoint root hash is 31 bytes",
                |n| {
                    n.root.pop();
                },
                "TLOG_CHECKPOINT_INVALID",
            ),
            (
                "extra-line",
                "checkpoint body carries an extension line (allowed, signed)",
                |n| n.extra.push("extension: virtual".into()),
                OK,
            ),
            (
                "witness-added",
                "a witness cosignature line (ignored)",
                |n| n.cosigners = vec![0],
                OK,
            ),
            (
                "witness-removed",
                "no witness cosignature",
                |n| n.cosigners = Vec::new(),
                OK,
            ),
        ];
        for (label, readme, f, expect) in note_cases {
            let prefix = if expect == OK {
                "ok-checkpoint"
            } else {
                "checkpoint"
            };
            self.on_bases(
                &format!("{prefix}-{label}"),
                readme,
                &bases(),
                &|s| Spec {
                    note_hook: Some(Rc::new(f)),
                    ..s
                },
                expect,
            )?;
        }
        // The signer's name and the origin bind a Rekor v2 checkpoint to its log (C2SP); a
        // Rekor v1 log signs under its server's hostname setting, which a private instance need
        // not set to its baseUrl's host, so v1 is matched by key hint alone.
        let name_cases: Vec<Case<fn(&mut Note)>> = vec![
            (
                "key-name-wrong",
                "the log's signature line names another key",
                |n| n.name = "rekor.other.test".into(),
                "TLOG_CHECKPOINT_SIGNATURE_MISSING",
            ),
            (
                "origin-resigned",
                "checkpoint origin changed to another log's name and re-signed by the log key",
                |n| n.origin = "another.origin.test".into(),
                "TLOG_CHECKPOINT_ORIGIN_MISMATCH",
            ),
        ];
        for (label, readme, f, expect) in name_cases {
            self.add(
                &format!("checkpoint-{label}-rekor2"),
                readme,
                Spec {
                    note_hook: Some(Rc::new(f)),
                    ..v2(false)
                },
                expect,
            )?;
            self.add(
                &format!("ok-checkpoint-{label}-rekor1"),
                &format!("{readme}: Rekor v1 identifies its signature by key hint"),
                Spec {
                    note_hook: Some(Rc::new(f)),
                    ..Spec::happy()
                },
                OK,
            )?;
        }
        self.add(
            "ok-checkpoint-private-hostname-rekor1",
            "a private Rekor v1 signs its checkpoint under a hostname that is not its baseUrl's host (name and origin)",
            Spec {
                note_hook: Some(Rc::new(|n: &mut Note| {
                    n.name = "rekor-00001-deployment".into();
                    n.origin = "rekor-00001-deployment - 6364419738405537866".into();
                })),
                ..Spec::happy()
            },
            OK,
        )?;
        let text_cases: Vec<Case<TextEdit>> = vec![
            (
                "signature-flipped",
                "one bit of the log's checkpoint signature flipped",
                |t| {
                    let mut lines: Vec<String> = t.lines().map(str::to_owned).collect();
                    if let Some(line) = lines.get_mut(4) {
                        if let Some((head, sig)) = line.rsplit_once(' ') {
                            let mut v = json!(sig);
                            flip_b64(&mut v, -2);
                            *line = format!("{head} {}", v.as_str().unwrap_or_default());
                        }
                    }
                    lines.join("\n") + "\n"
                },
                "TLOG_CHECKPOINT_SIGNATURE_INVALID",
            ),
            (
                "origin-changed",
                "checkpoint origin changed after signing",
                |t| t.replacen("rekor", "rekors", 1),
                "TLOG_CHECKPOINT_SIGNATURE_INVALID",
            ),
            (
                "no-blank-line",
                "checkpoint without the blank line before the signatures",
                |t| t.replacen("\n\n", "\n", 1),
                "TLOG_CHECKPOINT_INVALID",
            ),
            (
                "no-signatures",
                "checkpoint without signature lines",
                |t| {
                    t.split_once("\n\n")
                        .map(|(a, _)| format!("{a}\n\n"))
                        .unwrap_or(t)
                },
                "TLOG_CHECKPOINT_INVALID",
            ),
            (
                "size-leading-zero",
                "checkpoint tree size written 013",
                |t| {
                    let mut lines: Vec<&str> = t.lines().collect();
                    let size = format!("0{}", lines.get(1).copied().unwrap_or_default());
                    if let Some(l) = lines.get_mut(1) {
                        *l = &size;
                    }
                    lines.join("\n") + "\n"
                },
                "TLOG_CHECKPOINT_INVALID",
            ),
            (
                "size-not-decimal",
                "checkpoint tree size is not decimal",
                |t| {
                    let mut lines: Vec<String> = t.lines().map(str::to_owned).collect();
                    if let Some(l) = lines.get_mut(1) {
                        *l = "thirteen".into();
                    }
                    lines.join("\n") + "\n"
                },
                "TLOG_CHECKPOINT_INVALID",
            ),
            (
                "signature-line-no-dash",
                "checkpoint signature line without the em dash",
                |t| t.replacen("\u{2014} ", "- ", 1),
                "TLOG_CHECKPOINT_INVALID",
            ),
            (
                "signature-too-short",
                "checkpoint signature line holds only a key hint",
                |t| {
                    let mut lines: Vec<String> = t.lines().map(str::to_owned).collect();
                    if let Some(line) = lines.get_mut(4) {
                        if let Some((head, _)) = line.rsplit_once(' ') {
                            *line = format!("{head} AAAAAA==");
                        }
                    }
                    lines.join("\n") + "\n"
                },
                "TLOG_CHECKPOINT_INVALID",
            ),
            (
                "no-final-newline",
                "checkpoint does not end with a newline",
                |t| t.trim_end().to_owned(),
                "TLOG_CHECKPOINT_INVALID",
            ),
            (
                "empty",
                "checkpoint envelope is empty",
                |_| String::new(),
                "TLOG_CHECKPOINT_INVALID",
            ),
            (
                "unknown-signer-first",
                "an unknown signer's line precedes the log's (ignored)",
                |t| t.replacen("\n\n", "\n\n\u{2014} unknown.test AAAAAAAAAAAAAAAA\n", 1),
                OK,
            ),
            (
                "signatures-limit",
                "32 signature lines (the limit)",
                |t| {
                    let (body, sigs) = t.split_once("\n\n").unwrap_or((&t, ""));
                    let first = sigs.lines().next().unwrap_or_default();
                    let mut lines = vec![first.to_owned()];
                    while lines.len() < 32 {
                        lines.push("\u{2014} witness.other AAAAAAAAAAAAAAAA".into());
                    }
                    format!("{body}\n\n{}\n", lines.join("\n"))
                },
                OK,
            ),
            (
                "signatures-limit-exceeded",
                "33 signature lines (one past the limit)",
                |t| {
                    let (body, sigs) = t.split_once("\n\n").unwrap_or((&t, ""));
                    let first = sigs.lines().next().unwrap_or_default();
                    let mut lines = vec![first.to_owned()];
                    while lines.len() < 33 {
                        lines.push("\u{2014} witness.other AAAAAAAAAAAAAAAA".into());
                    }
                    format!("{body}\n\n{}\n", lines.join("\n"))
                },
                LIMIT,
            ),
            (
                "bytes-limit-exceeded",
                "a checkpoint of more than 16 KiB",
                |t| {
                    let (body, sigs) = t.split_once("\n\n").unwrap_or((&t, ""));
                    format!(
                        "{body}\n\n{sigs}{}",
                        "\u{2014} pad.test AAAAAAAAAAAAAAAA\n".repeat(600)
                    )
                },
                LIMIT,
            ),
        ];
        for (label, readme, f, expect) in text_cases {
            let prefix = if expect == OK {
                "ok-checkpoint"
            } else {
                "checkpoint"
            };
            self.on_bases(
                &format!("{prefix}-{label}"),
                readme,
                &bases(),
                &|s| Spec {
                    checkpoint_text_hook: Some(Rc::new(f)),
                    ..s
                },
                expect,
            )?;
        }
        // Rekor v2 keys its checkpoint lines by checkpointKeyId; without it the hint is the
        // log id's, which the log does not use.
        self.add(
            "checkpoint-rekor2-checkpoint-key-id-missing",
            "the trusted root's Rekor v2 entry has no checkpointKeyId: the hint no longer matches",
            Spec {
                root_hook: remove("/tlogs/1/checkpointKeyId"),
                ..v2(false)
            },
            "TLOG_CHECKPOINT_SIGNATURE_MISSING",
        )?;
        self.add(
            "checkpoint-rekor2-base-url-other-host",
            "the trusted root's Rekor v2 baseUrl has another host than the checkpoint key name",
            Spec {
                root_hook: set(
                    "/tlogs/1/baseUrl",
                    json!("https://log2026.rekor.virtual.test"),
                ),
                ..v2(false)
            },
            "TLOG_CHECKPOINT_SIGNATURE_MISSING",
        )?;
        self.add(
            "ok-checkpoint-rekor1-base-url-with-path",
            "the trusted root's Rekor v1 baseUrl has a path (only the host names the key)",
            Spec {
                root_hook: set(
                    "/tlogs/0/baseUrl",
                    json!("https://rekor.virtual.test/api/v1"),
                ),
                ..Spec::happy()
            },
            OK,
        )?;
        self.add(
            "checkpoint-rekor2-root-validity-irrelevant",
            "Rekor v2 key validFor ended long ago: no integrated time, so it is not checked against one",
            Spec {
                root: super::sigstore::RootSpec {
                    rekor2: (Some(super::sigstore::Y2024), Some(super::sigstore::Y2024 + DAY)),
                    ..Spec::happy().root
                },
                ..v2(false)
            },
            OK,
        )?;
        Ok(())
    }

    fn body(&mut self) -> Res<()> {
        let w = self.w;
        let attacker_pem = b64(pki::pem("CERTIFICATE", b"\x30\x03\x02\x01\x01").as_bytes());
        let other_sig = b64(&w.attacker.sign(b"x"));
        let h = Spec::happy;
        let body = |s: Spec, hook: JsonHook| Spec {
            body_hook: Some(hook),
            ..s
        };
        let put = |p: &'static str, v: Value| -> JsonHook {
            Rc::new(move |b: &mut Value| {
                if let Some(slot) = b.pointer_mut(p) {
                    *slot = v.clone();
                }
            })
        };
        let del = |p: &'static str| -> JsonHook {
            Rc::new(move |b: &mut Value| {
                let (parent, key) = p.rsplit_once('/').unwrap_or(("", p));
                if let Some(Value::Object(m)) = b.pointer_mut(parent) {
                    m.remove(key);
                }
            })
        };
        let intoto = || Spec {
            intoto: true,
            ..v1_dsse()
        };
        let v2hr = || v2(false);
        let v2d = || v2(true);
        let mismatch = "TLOG_BODY_MISMATCH";
        let invalid = "TLOG_BODY_INVALID";
        let cases: Vec<(&str, &str, Spec, &str)> = vec![
            (
                "body-not-json",
                "the logged body is not JSON",
                Spec {
                    body_hook: Some(Rc::new(|b: &mut Value| *b = json!("not an object"))),
                    ..h()
                },
                mismatch,
            ),
            (
                "body-kind-differs",
                "the body's kind is dsse while kindVersion says hashedrekord",
                body(h(), put("/kind", json!("dsse"))),
                mismatch,
            ),
            (
                "body-api-version-differs",
                "the body's apiVersion is 0.0.2 while kindVersion says 0.0.1",
                body(h(), put("/apiVersion", json!("0.0.2"))),
                mismatch,
            ),
            (
                "body-spec-missing",
                "the body has no spec",
                body(h(), del("/spec")),
                invalid,
            ),
            // hashedrekord 0.0.1
            (
                "body-hashedrekord-signature-differs",
                "hashedrekord: the logged signature is another one",
                body(
                    h(),
                    put("/spec/signature/content", json!(other_sig.clone())),
                ),
                mismatch,
            ),
            (
                "body-hashedrekord-signature-not-base64",
                "hashedrekord: the logged signature is not base64",
                body(h(), put("/spec/signature/content", json!("?"))),
                invalid,
            ),
            (
                "body-hashedrekord-certificate-differs",
                "hashedrekord: the logged certificate is another one",
                body(
                    h(),
                    put(
                        "/spec/signature/publicKey/content",
                        json!(attacker_pem.clone()),
                    ),
                ),
                mismatch,
            ),
            (
                "body-hashedrekord-verifier-not-utf8",
                "hashedrekord: the logged verifier is not UTF-8",
                body(
                    h(),
                    put(
                        "/spec/signature/publicKey/content",
                        json!(b64(&[0xff, 0xfe])),
                    ),
                ),
                invalid,
            ),
            (
                "body-hashedrekord-verifier-not-pem",
                "hashedrekord: the logged verifier is not PEM",
                body(
                    h(),
                    put(
                        "/spec/signature/publicKey/content",
                        json!(b64(b"plain text")),
                    ),
                ),
                mismatch,
            ),
            (
                "body-hashedrekord-hash-algorithm",
                "hashedrekord: data.hash.algorithm is sha512",
                body(h(), put("/spec/data/hash/algorithm", json!("sha512"))),
                mismatch,
            ),
            (
                "body-hashedrekord-hash-differs",
                "hashedrekord: data.hash.value is another digest",
                body(h(), put("/spec/data/hash/value", json!("00".repeat(32)))),
                mismatch,
            ),
            (
                "body-hashedrekord-hash-not-hex",
                "hashedrekord: data.hash.value is not hex",
                body(h(), put("/spec/data/hash/value", json!("zz".repeat(32)))),
                mismatch,
            ),
            (
                "body-hashedrekord-for-dsse-bundle",
                "a DSSE bundle logged as hashedrekord 0.0.1",
                Spec {
                    bundle_hook: set(
                        "/verificationMaterial/tlogEntries/0/kindVersion",
                        json!({"kind": "hashedrekord", "version": "0.0.1"}),
                    ),
                    ..v1_dsse()
                },
                mismatch,
            ),
            // dsse 0.0.1
            (
                "body-dsse-payload-hash-differs",
                "dsse 0.0.1: payloadHash is another digest",
                body(
                    v1_dsse(),
                    put("/spec/payloadHash/value", json!("11".repeat(32))),
                ),
                mismatch,
            ),
            (
                "body-dsse-payload-hash-algorithm",
                "dsse 0.0.1: payloadHash.algorithm is sha1",
                body(v1_dsse(), put("/spec/payloadHash/algorithm", json!("sha1"))),
                mismatch,
            ),
            (
                "body-dsse-two-signatures",
                "dsse 0.0.1: two logged signatures",
                body(
                    v1_dsse(),
                    Rc::new(|b: &mut Value| {
                        if let Some(Value::Array(a)) = b.pointer_mut("/spec/signatures") {
                            let f = a.first().cloned();
                            a.extend(f);
                        }
                    }),
                ),
                mismatch,
            ),
            (
                "body-dsse-signatures-missing",
                "dsse 0.0.1: no signatures member",
                body(v1_dsse(), del("/spec/signatures")),
                invalid,
            ),
            (
                "body-dsse-signature-differs",
                "dsse 0.0.1: the logged signature is another one",
                body(
                    v1_dsse(),
                    put("/spec/signatures/0/signature", json!(other_sig.clone())),
                ),
                mismatch,
            ),
            (
                "body-dsse-verifier-differs",
                "dsse 0.0.1: the logged verifier is another certificate",
                body(
                    v1_dsse(),
                    put("/spec/signatures/0/verifier", json!(attacker_pem.clone())),
                ),
                mismatch,
            ),
            (
                "body-dsse-for-message-bundle",
                "a message-signature bundle whose body is dsse 0.0.1",
                Spec {
                    body_hook: Some(Rc::new(|b: &mut Value| {
                        *b = json!({"apiVersion": "0.0.1", "kind": "dsse", "spec": {}})
                    })),
                    bundle_hook: set(
                        "/verificationMaterial/tlogEntries/0/kindVersion",
                        json!({"kind": "dsse", "version": "0.0.1"}),
                    ),
                    ..h()
                },
                mismatch,
            ),
            // intoto 0.0.2
            (
                "body-intoto-payload-type-differs",
                "intoto 0.0.2: logged payloadType differs",
                body(
                    intoto(),
                    put("/spec/content/envelope/payloadType", json!("text/plain")),
                ),
                mismatch,
            ),
            (
                "body-intoto-payload-hash-differs",
                "intoto 0.0.2: payloadHash is another digest",
                body(
                    intoto(),
                    put("/spec/content/payloadHash/value", json!("22".repeat(32))),
                ),
                mismatch,
            ),
            (
                "body-intoto-signature-once-encoded",
                "intoto 0.0.2: the signature is base64-encoded once, not twice",
                body(
                    intoto(),
                    put(
                        "/spec/content/envelope/signatures/0/sig",
                        json!(other_sig.clone()),
                    ),
                ),
                mismatch,
            ),
            (
                "body-intoto-two-signatures",
                "intoto 0.0.2: two logged signatures",
                body(
                    intoto(),
                    Rc::new(|b: &mut Value| {
                        if let Some(Value::Array(a)) =
                            b.pointer_mut("/spec/content/envelope/signatures")
                        {
                            let f = a.first().cloned();
                            a.extend(f);
                        }
                    }),
                ),
                mismatch,
            ),
            (
                "body-intoto-public-key-differs",
                "intoto 0.0.2: the logged public key is another certificate",
                body(
                    intoto(),
                    put(
                        "/spec/content/envelope/signatures/0/publicKey",
                        json!(attacker_pem.clone()),
                    ),
                ),
                mismatch,
            ),
            (
                "body-intoto-content-missing",
                "intoto 0.0.2: spec has no content",
                body(intoto(), del("/spec/content")),
                invalid,
            ),
            (
                "body-intoto-envelope-missing",
                "intoto 0.0.2: content has no envelope",
                body(intoto(), del("/spec/content/envelope")),
                mismatch,
            ),
            // hashedrekord 0.0.2
            (
                "body-v2-hashedrekord-spec-missing",
                "hashedrekord 0.0.2: no hashedRekordV002",
                body(v2hr(), del("/spec/hashedRekordV002")),
                invalid,
            ),
            (
                "body-v2-hashedrekord-signature-differs",
                "hashedrekord 0.0.2: the logged signature is another one",
                body(
                    v2hr(),
                    put(
                        "/spec/hashedRekordV002/signature/content",
                        json!(other_sig.clone()),
                    ),
                ),
                mismatch,
            ),
            (
                "body-v2-hashedrekord-verifier-missing",
                "hashedrekord 0.0.2: no verifier",
                body(v2hr(), del("/spec/hashedRekordV002/signature/verifier")),
                invalid,
            ),
            (
                "body-v2-hashedrekord-certificate-differs",
                "hashedrekord 0.0.2: the verifier is another certificate",
                body(
                    v2hr(),
                    put(
                        "/spec/hashedRekordV002/signature/verifier/x509Certificate/rawBytes",
                        json!(b64(b"\x30\x00")),
                    ),
                ),
                mismatch,
            ),
            (
                "body-v2-hashedrekord-verifier-is-key",
                "hashedrekord 0.0.2: the verifier is a public key while the bundle has a certificate",
                body(
                    v2hr(),
                    put(
                        "/spec/hashedRekordV002/signature/verifier",
                        json!({"publicKey": {"rawBytes": "AAAA"}}),
                    ),
                ),
                mismatch,
            ),
            (
                "body-v2-hashedrekord-algorithm",
                "hashedrekord 0.0.2: data.algorithm is SHA2_384",
                body(
                    v2hr(),
                    put("/spec/hashedRekordV002/data/algorithm", json!("SHA2_384")),
                ),
                mismatch,
            ),
            (
                "body-v2-hashedrekord-digest-differs",
                "hashedrekord 0.0.2: data.digest is another digest",
                body(
                    v2hr(),
                    put("/spec/hashedRekordV002/data/digest", json!(b64(&[3u8; 32]))),
                ),
                mismatch,
            ),
            (
                "body-v2-hashedrekord-dsse-pae-differs",
                "hashedrekord 0.0.2 for a DSSE bundle: data.digest is the payload's, not the PAE's",
                Spec {
                    body_hook: Some(put(
                        "/spec/hashedRekordV002/data/digest",
                        json!(b64(&[4u8; 32])),
                    )),
                    ..v2d()
                },
                mismatch,
            ),
            // dsse 0.0.2: dropped from Rekor v2 (DSSE is logged as hashedrekord 0.0.2).
            (
                "tlog-rekor2-dsse-entry-unsupported",
                "a DSSE bundle logged as Rekor v2 dsse 0.0.2, which the Rekor v2 spec dropped and current clients reject",
                Spec {
                    dsse_v002_entry: true,
                    ..v2d()
                },
                "TLOG_KIND_UNSUPPORTED",
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        Ok(())
    }

    fn timestamp(&mut self) -> Res<()> {
        let bases = || {
            vec![
                ("rekor1", with_tsa(Spec::happy())),
                ("rekor2", v2(false)),
                ("dsse-rekor2", v2(true)),
            ]
        };
        let token_cases: Vec<Case<fn(&mut super::sigstore::TsaSpec)>> = vec![
            (
                "imprint-mismatch",
                "the token's imprint hashes other bytes than the signature",
                |t| t.over_other = true,
                "TIMESTAMP_IMPRINT_MISMATCH",
            ),
            (
                "imprint-sha384",
                "the token's imprint uses SHA-384 (allowed)",
                |t| t.imprint_alg = "2.16.840.1.101.3.4.2.2".into(),
                OK,
            ),
            (
                "imprint-sha1",
                "the token's imprint uses SHA-1",
                |t| t.imprint_alg = "1.3.14.3.2.26".into(),
                "TIMESTAMP_INVALID",
            ),
            (
                "content-type-wrong",
                "the content-type attribute is id-data",
                |t| t.content_type = "1.2.840.113549.1.7.1".into(),
                "TIMESTAMP_SIGNED_ATTRIBUTES_INVALID",
            ),
            (
                "message-digest-wrong",
                "the message-digest attribute is not the TSTInfo's hash",
                |t| t.tamper_digest_attr = true,
                "TIMESTAMP_SIGNED_ATTRIBUTES_INVALID",
            ),
            (
                "signature-forged",
                "the token is signed by another key",
                |t| t.forged = true,
                "TIMESTAMP_SIGNATURE_INVALID",
            ),
            (
                "status-rejection",
                "the TimeStampResp status is rejection (2)",
                |t| t.status = 2,
                "TIMESTAMP_INVALID",
            ),
            (
                "status-granted-with-mods",
                "the TimeStampResp status is grantedWithMods (1)",
                |t| t.status = 1,
                OK,
            ),
            (
                "tst-info-version-2",
                "TSTInfo version is 2",
                |t| t.version = 2,
                "TIMESTAMP_INVALID",
            ),
            (
                "signer-serial-wrong",
                "the SignerIdentifier names another serial",
                |t| t.wrong_serial = true,
                "TIMESTAMP_CHAIN_UNTRUSTED",
            ),
            (
                "cert-eku-missing",
                "the TSA certificate lacks the timeStamping extKeyUsage",
                |t| t.eku = vec![],
                "TIMESTAMP_CHAIN_UNTRUSTED",
            ),
            (
                "cert-eku-code-signing",
                "the TSA certificate's extKeyUsage is codeSigning",
                |t| t.eku = vec![pki::CODE_SIGNING],
                "TIMESTAMP_CHAIN_UNTRUSTED",
            ),
            (
                "cert-eku-not-critical",
                "the TSA certificate's extKeyUsage (timeStamping) is not critical",
                |t| t.eku_critical = false,
                "TIMESTAMP_SIGNER_INVALID",
            ),
            (
                "cert-eku-also-code-signing",
                "the TSA certificate's extKeyUsage names timeStamping and codeSigning",
                |t| t.eku = vec![pki::TIME_STAMPING, pki::CODE_SIGNING],
                "TIMESTAMP_SIGNER_INVALID",
            ),
            (
                "cert-is-ca",
                "the TSA signing certificate is a CA",
                |t| t.cert_ca = true,
                "TIMESTAMP_SIGNER_INVALID",
            ),
            (
                "cert-expired",
                "the TSA certificate expired one second before genTime",
                |t| t.cert_validity = (super::sigstore::Y2024, T0 + 2),
                "TIMESTAMP_CERT_NOT_VALID_AT_TIME",
            ),
            (
                "cert-not-yet-valid",
                "the TSA certificate starts one second after genTime",
                |t| t.cert_validity = (T0 + 4, super::sigstore::Y2030),
                "TIMESTAMP_CERT_NOT_VALID_AT_TIME",
            ),
            (
                "cert-not-after-equals-gen-time",
                "the TSA certificate ends at genTime (inclusive)",
                |t| t.cert_validity = (super::sigstore::Y2024, T0 + 3),
                OK,
            ),
            (
                "not-embedded",
                "the token carries no certificate; the trusted root's TSA leaf signs",
                |t| t.embed = false,
                OK,
            ),
            (
                "duplicate",
                "the same token twice",
                |t| t.copies = 2,
                "TIMESTAMP_DUPLICATE",
            ),
            (
                "limit",
                "32 tokens (the limit; duplicates are then rejected)",
                |t| t.copies = 32,
                "TIMESTAMP_DUPLICATE",
            ),
            (
                "limit-exceeded",
                "33 tokens (one past the limit)",
                |t| t.copies = 33,
                LIMIT,
            ),
            (
                "gen-time-after-leaf",
                "genTime is after the leaf's notAfter",
                |t| t.gen_time = T0 + 600,
                "CERT_NOT_VALID_AT_SIGNING_TIME",
            ),
        ];
        for (label, readme, f, expect) in token_cases {
            let tamper = |mut s: Spec| {
                f(&mut s.token);
                s
            };
            // A timestamp that does not verify is skipped, as sigstore-go and sigstore-python
            // skip it: on Rekor v1 the integrated time still proves when the bundle was signed.
            // Duplicates, limits and a genTime outside the leaf's validity fail the bundle.
            let skippable = !matches!(
                expect,
                OK | "TIMESTAMP_DUPLICATE" | LIMIT | "CERT_NOT_VALID_AT_SIGNING_TIME"
            );
            if skippable {
                for (base, spec) in bases().into_iter().skip(1) {
                    self.add(
                        &format!("tsa-{label}-{base}"),
                        &format!("{readme} ({base}: no other time source)"),
                        tamper(spec),
                        expect,
                    )?;
                }
                self.add_skipping(
                    &format!("ok-tsa-skipped-{label}-rekor1"),
                    &format!(
                        "{readme}: skipped, the integrated time proves the signing time (rekor1)"
                    ),
                    tamper(with_tsa(Spec::happy())),
                    &[format!("timestamp 0 {expect}")],
                )?;
                continue;
            }
            let prefix = if expect == OK { "ok-tsa" } else { "tsa" };
            self.on_bases(
                &format!("{prefix}-{label}"),
                readme,
                &bases(),
                &tamper,
                expect,
            )?;
        }
        let gen = T0 + 3;
        for (name, readme, window, expect) in [
            (
                "ok-root-tsa-end-equals-gen-time",
                "TSA validFor ends at genTime (inclusive)",
                (Some(super::sigstore::Y2024), Some(gen)),
                OK,
            ),
            (
                "root-tsa-ended-before-gen-time",
                "TSA validFor ends one second before genTime",
                (Some(super::sigstore::Y2024), Some(gen - 1)),
                "TIMESTAMP_TSA_NOT_VALID_AT_TIME",
            ),
            (
                "ok-root-tsa-start-equals-gen-time",
                "TSA validFor starts at genTime (inclusive)",
                (Some(gen), None),
                OK,
            ),
            (
                "root-tsa-starts-after-gen-time",
                "TSA validFor starts one second after genTime",
                (Some(gen + 1), None),
                "TIMESTAMP_TSA_NOT_VALID_AT_TIME",
            ),
        ] {
            let mut s = v2(false);
            s.root.tsa = window;
            self.add(name, readme, s, expect)?;
        }
        let h = || v2(false);
        let cases: Vec<(&str, &str, Spec, &str)> = vec![
            (
                "root-tsa-missing",
                "the trusted root has no timestamp authority",
                Spec {
                    root_hook: set("/timestampAuthorities", json!([])),
                    ..h()
                },
                "TIMESTAMP_CHAIN_UNTRUSTED",
            ),
            (
                "root-tsa-missing-not-embedded",
                "no timestamp authority in the root and no certificate in the token",
                Spec {
                    root_hook: set("/timestampAuthorities", json!([])),
                    token: super::sigstore::TsaSpec {
                        embed: false,
                        ..h().token
                    },
                    ..h()
                },
                "TIMESTAMP_CHAIN_UNTRUSTED",
            ),
            (
                "ok-root-tsa-leaf-only",
                "the trusted root's TSA chain holds only the TSA leaf",
                Spec {
                    root_hook: edit("/timestampAuthorities/0/certChain/certificates", |v| {
                        if let Some(a) = v.as_array_mut() {
                            a.truncate(1);
                        }
                    }),
                    ..h()
                },
                OK,
            ),
            (
                "tsa-token-not-der",
                "the token is not DER",
                Spec {
                    bundle_hook: set(
                        "/verificationMaterial/timestampVerificationData/rfc3161Timestamps/0/signedTimestamp",
                        json!(b64(b"not a token")),
                    ),
                    ..h()
                },
                "TIMESTAMP_INVALID",
            ),
            (
                "tsa-token-truncated",
                "the token is cut short",
                Spec {
                    bundle_hook: edit(
                        "/verificationMaterial/timestampVerificationData/rfc3161Timestamps/0/signedTimestamp",
                        |v| {
                            let s = v.as_str().unwrap_or_default();
                            let cut = s.get(..s.len() / 2 / 4 * 4).unwrap_or_default().to_owned();
                            *v = json!(cut);
                        },
                    ),
                    ..h()
                },
                "TIMESTAMP_INVALID",
            ),
            (
                "ok-tsa-and-rekor1-both-count",
                "Rekor v1 with promise plus a TSA token: two signing times",
                with_tsa(Spec::happy()),
                OK,
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        Ok(())
    }

    fn dsse(&mut self) -> Res<()> {
        let bases = || vec![("rekor1", v1_dsse()), ("rekor2", v2(true))];
        let other = pki::sha256(b"another artifact");
        let cases: Vec<Case<Tamper>> = vec![
            (
                "dsse-payload-changed",
                "DSSE payload changed after signing",
                Box::new(|s| Spec {
                    bundle_hook: set("/dsseEnvelope/payload", json!(b64(b"{}"))),
                    ..s
                }),
                "DSSE_SIGNATURE_INVALID",
            ),
            (
                "dsse-payload-type-changed",
                "DSSE payloadType changed after signing",
                Box::new(|s| Spec {
                    bundle_hook: set("/dsseEnvelope/payloadType", json!("application/json")),
                    ..s
                }),
                "DSSE_SIGNATURE_INVALID",
            ),
            (
                "dsse-signature-flipped",
                "one bit of the DSSE signature flipped",
                Box::new(|s| Spec {
                    bundle_hook: edit("/dsseEnvelope/signatures/0/sig", |v| flip_b64(v, -2)),
                    ..s
                }),
                "DSSE_SIGNATURE_INVALID",
            ),
            (
                "dsse-signed-other-bytes",
                "the DSSE signature covers other bytes than the PAE",
                Box::new(|s| Spec {
                    sign_other: true,
                    ..s
                }),
                "DSSE_SIGNATURE_INVALID",
            ),
            (
                "dsse-payload-type-not-in-toto",
                "DSSE payloadType is application/json (signed)",
                Box::new(|s| Spec {
                    payload_type: "application/json".into(),
                    ..s
                }),
                "DSSE_PAYLOAD_TYPE_UNSUPPORTED",
            ),
            (
                "dsse-statement-not-json",
                "the in-toto statement is not JSON",
                Box::new(|s| Spec {
                    statement: Some(b"not json".to_vec()),
                    ..s
                }),
                "DSSE_STATEMENT_INVALID",
            ),
            (
                "dsse-statement-subject-not-array",
                "the in-toto statement's subject is an object",
                Box::new(|s| Spec {
                    statement: Some(br#"{"subject":{"name":"x"}}"#.to_vec()),
                    ..s
                }),
                "DSSE_STATEMENT_INVALID",
            ),
            (
                "dsse-subject-other-digest",
                "the only subject names another artifact's digest",
                Box::new(move |s| Spec {
                    statement: Some(super::sigstore::statement(&other)),
                    ..s
                }),
                "DSSE_SUBJECT_MISMATCH",
            ),
            (
                "dsse-subject-missing",
                "the statement has no subject",
                Box::new(|s| Spec {
                    statement: Some(
                        br#"{"_type":"https://in-toto.io/Statement/v1","predicateType":"x"}"#
                            .to_vec(),
                    ),
                    ..s
                }),
                "DSSE_SUBJECT_MISMATCH",
            ),
            (
                "dsse-subject-sha512-only",
                "the subject gives only a sha512 digest",
                Box::new(|s| Spec {
                    statement: Some(
                        br#"{"subject":[{"name":"a","digest":{"sha512":"00"}}]}"#.to_vec(),
                    ),
                    ..s
                }),
                "DSSE_SUBJECT_MISMATCH",
            ),
            (
                "dsse-subject-digest-uppercase-hex-other",
                "the subject digest is not hex",
                Box::new(|s| Spec {
                    statement: Some(
                        br#"{"subject":[{"name":"a","digest":{"sha256":"xyz"}}]}"#.to_vec(),
                    ),
                    ..s
                }),
                "DSSE_SUBJECT_MISMATCH",
            ),
            (
                "dsse-statement-too-deep",
                "the in-toto predicate nests 70 levels",
                Box::new(|s| {
                    let digest = pki::sha256(ARTIFACT);
                    let deep = format!("{}1{}", "[".repeat(70), "]".repeat(70));
                    let st = format!(
                        r#"{{"subject":[{{"name":"a","digest":{{"sha256":"{}"}}}}],"predicate":{deep}}}"#,
                        hex(&digest)
                    );
                    Spec {
                        statement: Some(st.into_bytes()),
                        ..s
                    }
                }),
                LIMIT,
            ),
        ];
        for (label, readme, f, expect) in cases {
            self.on_bases(label, readme, &bases(), &*f, expect)?;
        }
        let digest = hex(&pki::sha256(ARTIFACT));
        let subjects = |n: usize, hit_last: bool| -> Vec<u8> {
            let mut items: Vec<String> = (0..n)
                .map(|i| {
                    format!(
                        r#"{{"name":"f{i}","digest":{{"sha256":"{}"}}}}"#,
                        hex(&pki::sha256(&i.to_be_bytes()))
                    )
                })
                .collect();
            if hit_last {
                if let Some(last) = items.last_mut() {
                    *last = format!(r#"{{"name":"firmware","digest":{{"sha256":"{digest}"}}}}"#);
                }
            }
            format!(
                r#"{{"_type":"https://in-toto.io/Statement/v1","subject":[{}]}}"#,
                items.join(",")
            )
            .into_bytes()
        };
        self.add(
            "ok-dsse-subject-last-of-many",
            "the matching subject is the last of 5",
            Spec {
                statement: Some(subjects(5, true)),
                ..v1_dsse()
            },
            OK,
        )?;
        self.add(
            "ok-dsse-subjects-limit",
            "1024 subjects (the limit), the last matches",
            Spec {
                statement: Some(subjects(1024, true)),
                ..v1_dsse()
            },
            OK,
        )?;
        self.add(
            "dsse-subjects-limit-exceeded",
            "1025 subjects (one past the limit)",
            Spec {
                statement: Some(subjects(1025, true)),
                ..v1_dsse()
            },
            LIMIT,
        )?;
        self.add(
            "ok-dsse-subject-uppercase-hex",
            "the subject digest is uppercase hex",
            Spec {
                statement: Some(
                    format!(
                        r#"{{"subject":[{{"name":"a","digest":{{"sha256":"{}"}}}}]}}"#,
                        digest.to_uppercase()
                    )
                    .into_bytes(),
                ),
                ..v1_dsse()
            },
            OK,
        )?;
        self.add(
            "dsse-artifact-other",
            "DSSE verified against another artifact than its subject",
            Spec {
                artifact: b"another artifact".to_vec(),
                statement: Some(super::sigstore::statement(&pki::sha256(ARTIFACT))),
                ..v1_dsse()
            },
            "DSSE_SUBJECT_MISMATCH",
        )?;
        Ok(())
    }

    fn signature(&mut self) -> Res<()> {
        let bases = || {
            vec![
                ("rekor1", Spec::happy()),
                ("rekor2", v2(false)),
                ("v0.1", version(Spec::happy(), 1)),
            ]
        };
        let cases: Vec<Case<Tamper>> = vec![
            (
                "sig-signed-other-bytes",
                "the message signature covers other bytes",
                Box::new(|s| Spec {
                    sign_other: true,
                    ..s
                }),
                "SIGNATURE_INVALID",
            ),
            (
                "sig-flipped",
                "one bit of the message signature flipped",
                Box::new(|s| Spec {
                    bundle_hook: edit("/messageSignature/signature", |v| flip_b64(v, -2)),
                    ..s
                }),
                "SIGNATURE_INVALID",
            ),
            (
                "sig-not-der",
                "the message signature is not DER",
                Box::new(|s| Spec {
                    bundle_hook: set("/messageSignature/signature", json!(b64(&[1, 2, 3]))),
                    ..s
                }),
                "SIGNATURE_INVALID",
            ),
            (
                "sig-message-digest-differs",
                "messageDigest is not the artifact's digest",
                Box::new(|s| Spec {
                    bundle_hook: set(
                        "/messageSignature/messageDigest/digest",
                        json!(b64(&[6u8; 32])),
                    ),
                    ..s
                }),
                "SIGNATURE_DIGEST_MISMATCH",
            ),
            (
                "sig-artifact-other",
                "the artifact is another file than the one signed",
                Box::new(|s| Spec {
                    bundle_hook: None,
                    artifact: b"another artifact".to_vec(),
                    sign_other: false,
                    ..s
                }),
                "SIGNATURE_DIGEST_MISMATCH",
            ),
        ];
        for (label, readme, f, expect) in cases {
            self.on_bases(label, readme, &bases(), &*f, expect)?;
        }
        // "sig-artifact-other" must sign the original artifact, not the file we hand in: the
        // spec's artifact is both, so sign the original and swap the file afterwards.
        self.out
            .retain(|v| !v.name.starts_with("sig-artifact-other"));
        for (base, spec) in bases() {
            let mut built = build(self.w, &spec)?;
            built.artifact = b"another artifact".to_vec();
            self.out.push(Vector {
                name: format!("sig-artifact-other-{base}"),
                readme: format!("the artifact is another file than the one signed ({base})"),
                built,
                expect: "SIGNATURE_DIGEST_MISMATCH".into(),
                expect_digest: "SIGNATURE_DIGEST_MISMATCH".into(),
                skipped: Vec::new(),
                config: String::new(),
            });
        }
        self.add(
            "ok-sig-no-message-digest",
            "messageSignature without messageDigest (optional)",
            Spec {
                bundle_hook: remove("/messageSignature/messageDigest"),
                ..Spec::happy()
            },
            OK,
        )?;
        let mut no_digest_other = build(
            self.w,
            &Spec {
                bundle_hook: remove("/messageSignature/messageDigest"),
                ..Spec::happy()
            },
        )?;
        no_digest_other.artifact = b"another artifact".to_vec();
        self.out.push(Vector {
            name: "sig-no-message-digest-artifact-other".into(),
            readme: "no messageDigest, and the artifact is another file than the one signed".into(),
            built: no_digest_other,
            expect: "SIGNATURE_INVALID".into(),
            expect_digest: "SIGNATURE_INVALID".into(),
            skipped: Vec::new(),
            config: String::new(),
        });
        Ok(())
    }

    fn policy(&mut self) -> Res<()> {
        let h = Spec::happy;
        let id = |i: &str, s: &str| PolicySpec::Identity(i.into(), s.into());
        let cases: Vec<(&str, &str, Spec, &str)> = vec![
            (
                "policy-identity-other",
                "policy expects another workflow identity",
                Spec {
                    policy: id(
                        "https://github.com/virtual-org/app/.github/workflows/other.yml@refs/tags/v1.0.0",
                        ISSUER,
                    ),
                    ..h()
                },
                "POLICY_IDENTITY_MISMATCH",
            ),
            (
                "policy-identity-prefix",
                "policy identity is a prefix of the certificate's",
                Spec {
                    policy: id("https://github.com/virtual-org/app/", ISSUER),
                    ..h()
                },
                "POLICY_IDENTITY_MISMATCH",
            ),
            (
                "policy-identity-case",
                "policy identity differs only in case",
                Spec {
                    policy: id(&IDENTITY.to_uppercase(), ISSUER),
                    ..h()
                },
                "POLICY_IDENTITY_MISMATCH",
            ),
            (
                "policy-issuer-other",
                "policy expects another OIDC issuer",
                Spec {
                    policy: id(IDENTITY, "https://accounts.google.com"),
                    ..h()
                },
                "POLICY_ISSUER_MISMATCH",
            ),
            (
                "policy-issuer-trailing-slash",
                "policy issuer has a trailing slash",
                Spec {
                    policy: id(IDENTITY, "https://token.actions.githubusercontent.com/"),
                    ..h()
                },
                "POLICY_ISSUER_MISMATCH",
            ),
            (
                "cert-identity-missing",
                "the leaf has no subjectAltName: no identity, whatever the policy",
                {
                    let mut s = h();
                    s.leaf.san = None;
                    s
                },
                "CERT_IDENTITY_MISSING",
            ),
            (
                "cert-issuer-missing",
                "the leaf has no issuer extension: no issuer, whatever the policy",
                {
                    let mut s = h();
                    s.leaf.issuer_v1 = None;
                    s.leaf.issuer_v2 = None;
                    s
                },
                "CERT_ISSUER_MISSING",
            ),
            (
                "ok-policy-email-identity",
                "the leaf's SAN is an email address",
                {
                    let mut s = h();
                    s.leaf.san = Some((0x81, "signer@virtual.test".into()));
                    s.policy = id("signer@virtual.test", ISSUER);
                    s
                },
                OK,
            ),
            (
                "policy-email-identity-other",
                "the leaf's SAN is another email address",
                {
                    let mut s = h();
                    s.leaf.san = Some((0x81, "signer@virtual.test".into()));
                    s.policy = id("admin@virtual.test", ISSUER);
                    s
                },
                "POLICY_IDENTITY_MISMATCH",
            ),
            (
                "ok-policy-issuer-v1-only",
                "issuer read from the v1 extension",
                {
                    let mut s = h();
                    s.leaf.issuer_v2 = None;
                    s
                },
                OK,
            ),
            (
                "cert-issuer-v1-v2-disagree",
                "v1 and v2 issuer extensions disagree: the leaf names no issuer",
                {
                    let mut s = h();
                    s.leaf.issuer_v1 = Some(b"https://accounts.google.com".to_vec());
                    s.policy = id(IDENTITY, "https://accounts.google.com");
                    s
                },
                "CERT_ISSUER_CONFLICT",
            ),
            (
                "ok-policy-username-identity",
                "the leaf's identity is a Fulcio username (otherName 1.3.6.1.4.1.57264.1.7)",
                {
                    let mut s = h();
                    s.leaf.san = None;
                    s.leaf
                        .extra
                        .push(san_ext(&[other_name(USERNAME, "signer!oidc.virtual.test")]));
                    s.policy = id("signer!oidc.virtual.test", ISSUER);
                    s
                },
                OK,
            ),
            (
                "policy-username-identity-other",
                "the leaf's Fulcio username is another one",
                {
                    let mut s = h();
                    s.leaf.san = None;
                    s.leaf
                        .extra
                        .push(san_ext(&[other_name(USERNAME, "signer!oidc.virtual.test")]));
                    s.policy = id("signer@oidc.virtual.test", ISSUER);
                    s
                },
                "POLICY_IDENTITY_MISMATCH",
            ),
            (
                "ok-policy-uri-before-email",
                "the leaf has an email SAN, then a URI SAN: the URI is the identity (sigstore-go's order)",
                {
                    let mut s = h();
                    s.leaf.san = None;
                    s.leaf.extra.push(san_ext(&[
                        der::tlv(0x81, b"signer@virtual.test"),
                        der::tlv(0x86, IDENTITY.as_bytes()),
                    ]));
                    s
                },
                OK,
            ),
            (
                "policy-email-not-identity-when-uri",
                "the leaf has an email SAN and a URI SAN: the email is not the identity",
                {
                    let mut s = h();
                    s.leaf.san = None;
                    s.leaf.extra.push(san_ext(&[
                        der::tlv(0x81, b"signer@virtual.test"),
                        der::tlv(0x86, IDENTITY.as_bytes()),
                    ]));
                    s.policy = id("signer@virtual.test", ISSUER);
                    s
                },
                "POLICY_IDENTITY_MISMATCH",
            ),
            (
                "cert-identity-other-name-unknown-type",
                "the leaf's only SAN is an otherName of another type (not a Fulcio username)",
                {
                    let mut s = h();
                    s.leaf.san = None;
                    s.leaf.extra.push(san_ext(&[other_name(
                        "1.3.6.1.4.1.311.20.2.3",
                        "signer@virtual.test",
                    )]));
                    s.policy = id("signer@virtual.test", ISSUER);
                    s
                },
                "CERT_IDENTITY_MISSING",
            ),
            (
                "policy-identity-empty",
                "the expected identity is empty: refused when the policy is built",
                Spec {
                    policy: id("", ISSUER),
                    ..h()
                },
                "POLICY_VALUE_EMPTY",
            ),
            (
                "policy-issuer-empty",
                "the expected issuer is empty: refused when the policy is built",
                Spec {
                    policy: id(IDENTITY, ""),
                    ..h()
                },
                "POLICY_VALUE_EMPTY",
            ),
        ];
        for (name, readme, spec, expect) in cases {
            self.add(name, readme, spec, expect)?;
        }
        let json_cases: Vec<(&str, &str, Value, &str)> = vec![
            (
                "ok-policy-extension-repository",
                "policy: identity, issuer and the workflow repository (1.3.6.1.4.1.57264.1.5)",
                json!({"allOf": [{"identity": IDENTITY}, {"issuer": ISSUER}, {"extension": {"oid": "1.3.6.1.4.1.57264.1.5", "value": "virtual-org/app"}}]}),
                OK,
            ),
            (
                "policy-extension-repository-other",
                "policy expects another workflow repository",
                json!({"allOf": [{"identity": IDENTITY}, {"extension": {"oid": "1.3.6.1.4.1.57264.1.5", "value": "virtual-org/other"}}]}),
                "POLICY_EXTENSION_MISMATCH",
            ),
            (
                "ok-policy-extension-source-uri",
                "policy: source repository URI (UTF8String extension 1.12)",
                json!({"extension": {"oid": "1.3.6.1.4.1.57264.1.12", "value": "https://github.com/virtual-org/app"}}),
                OK,
            ),
            (
                "policy-extension-source-uri-other",
                "policy expects another source repository URI",
                json!({"extension": {"oid": "1.3.6.1.4.1.57264.1.12", "value": "https://github.com/evil/app"}}),
                "POLICY_EXTENSION_MISMATCH",
            ),
            (
                "policy-extension-ref-other",
                "policy expects another source ref (1.14)",
                json!({"extension": {"oid": "1.3.6.1.4.1.57264.1.14", "value": "refs/heads/main"}}),
                "POLICY_EXTENSION_MISMATCH",
            ),
            (
                "ok-policy-extension-trigger",
                "policy: build trigger push (1.20)",
                json!({"extension": {"oid": "1.3.6.1.4.1.57264.1.20", "value": "push"}}),
                OK,
            ),
            (
                "policy-extension-absent",
                "policy names an extension the leaf does not carry (1.13)",
                json!({"extension": {"oid": "1.3.6.1.4.1.57264.1.13", "value": "abc"}}),
                "POLICY_EXTENSION_MISMATCH",
            ),
            (
                "policy-extension-oid-invalid",
                "policy extension OID does not parse",
                json!({"extension": {"oid": "not.an.oid", "value": "x"}}),
                "POLICY_CONDITION_INVALID",
            ),
            (
                "policy-any-of-empty",
                "policy anyOf with no alternatives",
                json!({"anyOf": []}),
                "POLICY_ANY_OF_EMPTY",
            ),
            (
                "ok-policy-any-of-second",
                "policy anyOf whose second alternative holds",
                json!({"anyOf": [{"identity": "https://nobody"}, {"identity": IDENTITY}]}),
                OK,
            ),
            (
                "policy-any-of-none",
                "policy anyOf where no alternative holds (the first failure is reported)",
                json!({"anyOf": [{"issuer": "https://nobody"}, {"identity": "https://nobody"}]}),
                "POLICY_ISSUER_MISMATCH",
            ),
            (
                "policy-all-of-last-fails",
                "policy allOf whose last condition fails",
                json!({"allOf": [{"identity": IDENTITY}, {"issuer": ISSUER}, {"extension": {"oid": "1.3.6.1.4.1.57264.1.2", "value": "workflow_dispatch"}}]}),
                "POLICY_EXTENSION_MISMATCH",
            ),
            (
                "ok-policy-identity-regex",
                "identity and issuer patterns: any release tag of the workflow (anchored)",
                json!({"allOf": [
                    {"identityRegex": "https://github\\.com/virtual-org/app/\\.github/workflows/release\\.yml@refs/tags/v[0-9.]+"},
                    {"issuerRegex": "https://token\\.actions\\.githubusercontent\\.com"}
                ]}),
                OK,
            ),
            (
                "policy-identity-regex-unanchored",
                "an identity pattern naming part of the identity does not match it: patterns are anchored",
                json!({"allOf": [{"identityRegex": "virtual-org/app"}, {"issuer": ISSUER}]}),
                "POLICY_IDENTITY_MISMATCH",
            ),
            (
                "ok-policy-identity-regex-search",
                "an identity pattern that asks for a search with .* on both sides",
                json!({"allOf": [{"identityRegex": ".*virtual-org/app.*"}, {"issuer": ISSUER}]}),
                OK,
            ),
            (
                "policy-issuer-regex-other",
                "an issuer pattern for another issuer",
                json!({"allOf": [{"identity": IDENTITY}, {"issuerRegex": "https://accounts\\.google\\.com"}]}),
                "POLICY_ISSUER_MISMATCH",
            ),
            (
                "policy-identity-regex-invalid",
                "an identity pattern that does not parse",
                json!({"identityRegex": "https://(unclosed"}),
                "POLICY_PATTERN_INVALID",
            ),
            (
                "policy-identity-regex-too-long",
                "an identity pattern one byte over the 1024-byte limit",
                json!({"identityRegex": "a".repeat(1025)}),
                LIMIT,
            ),
            (
                "policy-all-of-empty",
                "policy allOf with no condition would accept any trusted certificate: refused when built",
                json!({"allOf": []}),
                "POLICY_ALL_OF_EMPTY",
            ),
        ];
        for (name, readme, policy, expect) in json_cases {
            self.add(
                name,
                readme,
                Spec {
                    policy: PolicySpec::Json(policy),
                    ..h()
                },
                expect,
            )?;
        }
        let bad_utf8 = {
            let mut s = h();
            s.leaf.extra = vec![pki::extension(
                "1.3.6.1.4.1.57264.1.13",
                false,
                &[0x04, 0x01, 0x00],
            )];
            s.policy = PolicySpec::Json(
                json!({"extension": {"oid": "1.3.6.1.4.1.57264.1.13", "value": "x"}}),
            );
            s
        };
        self.add(
            "policy-extension-not-utf8string",
            "the leaf's 1.13 extension is an OCTET STRING, not a UTF8String",
            bad_utf8,
            "POLICY_EXTENSION_MISMATCH",
        )?;
        Ok(())
    }

    fn limits(&mut self) -> Res<()> {
        let h = Spec::happy;
        let deep = |t: String| -> String {
            let pad = format!("{}{}", "[".repeat(70), "]".repeat(70));
            t.replacen('{', &format!("{{\"x\":{pad},"), 1)
        };
        self.add(
            "limit-bundle-json-too-deep",
            "the bundle nests arrays 70 deep",
            Spec {
                bundle_text_hook: Some(Rc::new(deep)),
                ..h()
            },
            LIMIT,
        )?;
        self.add(
            "ok-limit-bundle-json-depth-64",
            "the bundle nests 64 levels (the limit) in an unknown member",
            Spec {
                bundle_text_hook: Some(Rc::new(|t: String| {
                    let pad = format!("{}{}", "[".repeat(63), "]".repeat(63));
                    t.replacen('{', &format!("{{\"x\":{pad},"), 1)
                })),
                ..h()
            },
            OK,
        )?;
        self.add(
            "limit-root-json-too-deep",
            "the trusted root nests arrays 70 deep",
            Spec {
                root_hook: Some(Rc::new(|v: &mut Value| {
                    let mut deep = json!(1);
                    for _ in 0..70 {
                        deep = json!([deep]);
                    }
                    v["x"] = deep;
                })),
                ..h()
            },
            LIMIT,
        )?;
        let chain = |n: usize| -> JsonHook {
            Rc::new(move |v: &mut Value| {
                if let Some(Value::Array(a)) =
                    v.pointer_mut("/verificationMaterial/x509CertificateChain/certificates")
                {
                    let inter = a.get(1).cloned().unwrap_or(Value::Null);
                    while a.len() < n {
                        a.push(inter.clone());
                    }
                }
            })
        };
        self.add(
            "ok-limit-chain-10",
            "a v0.1 chain of 10 certificates (the limit)",
            Spec {
                bundle_hook: Some(chain(10)),
                ..version(h(), 1)
            },
            OK,
        )?;
        self.add(
            "limit-chain-11",
            "a v0.1 chain of 11 certificates",
            Spec {
                bundle_hook: Some(chain(11)),
                ..version(h(), 1)
            },
            LIMIT,
        )?;
        let entries = |n: usize| -> JsonHook {
            Rc::new(move |v: &mut Value| {
                if let Some(Value::Array(a)) = v.pointer_mut("/verificationMaterial/tlogEntries") {
                    let e = a.first().cloned().unwrap_or(Value::Null);
                    while a.len() < n {
                        a.push(e.clone());
                    }
                }
            })
        };
        self.add(
            "limit-tlog-entries-33",
            "33 tlog entries",
            Spec {
                bundle_hook: Some(entries(33)),
                ..h()
            },
            LIMIT,
        )?;
        self.add(
            "limit-tlog-entries-32",
            "32 tlog entries (the limit; the copies are then duplicates)",
            Spec {
                bundle_hook: Some(entries(32)),
                ..h()
            },
            "TLOG_ENTRY_DUPLICATE",
        )?;
        self.add(
            "limit-proof-hashes-65",
            "an inclusion proof of 65 hashes",
            Spec {
                bundle_hook: edit(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/hashes",
                    |v| {
                        if let Some(a) = v.as_array_mut() {
                            let f = a.first().cloned().unwrap_or(Value::Null);
                            while a.len() < 65 {
                                a.push(f.clone());
                            }
                        }
                    },
                ),
                ..h()
            },
            LIMIT,
        )?;
        self.add(
            "limit-proof-hashes-64",
            "an inclusion proof of 64 hashes (the limit; the path is then wrong)",
            Spec {
                bundle_hook: edit(
                    "/verificationMaterial/tlogEntries/0/inclusionProof/hashes",
                    |v| {
                        if let Some(a) = v.as_array_mut() {
                            let f = a.first().cloned().unwrap_or(Value::Null);
                            while a.len() < 64 {
                                a.push(f.clone());
                            }
                        }
                    },
                ),
                ..h()
            },
            "TLOG_INCLUSION_PROOF_INVALID",
        )?;
        let tlogs = |n: usize| -> JsonHook {
            Rc::new(move |v: &mut Value| {
                if let Some(Value::Array(a)) = v.pointer_mut("/tlogs") {
                    let e = a.get(1).cloned().unwrap_or(Value::Null);
                    while a.len() < n {
                        a.push(e.clone());
                    }
                }
            })
        };
        self.add(
            "ok-limit-root-tlogs-64",
            "a trusted root with 64 tlogs (the limit)",
            Spec {
                root_hook: Some(tlogs(64)),
                ..h()
            },
            OK,
        )?;
        self.add(
            "limit-root-tlogs-65",
            "a trusted root with 65 tlogs",
            Spec {
                root_hook: Some(tlogs(65)),
                ..h()
            },
            LIMIT,
        )?;
        let cas = |n: usize| -> JsonHook {
            Rc::new(move |v: &mut Value| {
                if let Some(Value::Array(a)) =
                    v.pointer_mut("/certificateAuthorities/0/certChain/certificates")
                {
                    let root = a.get(1).cloned().unwrap_or(Value::Null);
                    while a.len() < n {
                        a.push(root.clone());
                    }
                }
            })
        };
        self.add(
            "limit-root-ca-chain-11",
            "a trusted-root CA chain of 11 certificates",
            Spec {
                root_hook: Some(cas(11)),
                ..h()
            },
            LIMIT,
        )?;
        let tsas = |n: usize| -> JsonHook {
            Rc::new(move |v: &mut Value| {
                if let Some(Value::Array(a)) = v.pointer_mut("/timestampAuthorities") {
                    let e = a.first().cloned().unwrap_or(Value::Null);
                    while a.len() < n {
                        a.push(e.clone());
                    }
                }
            })
        };
        self.add(
            "limit-root-tsas-65",
            "a trusted root with 65 timestamp authorities",
            Spec {
                root_hook: Some(tsas(65)),
                ..h()
            },
            LIMIT,
        )?;
        Ok(())
    }
}
