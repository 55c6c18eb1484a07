//! An npm-like registry on the virtual Sigstore: a registry key (the World's managed P-256
//! key) with an `expires`, a package version whose tarball the registry signs
//! (`NAME@VERSION:INTEGRITY`), a publish attestation signed with the registry key and logged
//! on Rekor v1, a keyless SLSA provenance as npm's 2023 bundles carry it (v0.1, the Fulcio
//! root in the chain), the attestations document that holds both, and one tampering of one
//! file per vector. Written to `conformance/npm-vectors/<name>/` with `keys.json`,
//! `packument.json`, `attestations.json` (when the case has one), `package.tgz`,
//! `trusted_root.json`, `now`, `options` (`version=`, `identity=`, `issuer=` lines, each
//! optional), `expect` and `README`.

use std::fs;
use std::path::Path;
use std::rc::Rc;

use base64::Engine as _;
use serde_json::Value;
use serde_json::json;

use super::pki::KeyType;
use super::pki::Res;
use super::pki::b64;
use super::pki::hex;
use super::sigstore::DAY;
use super::sigstore::IDENTITY;
use super::sigstore::ISSUER;
use super::sigstore::PolicySpec;
use super::sigstore::SignerKind;
use super::sigstore::Spec;
use super::sigstore::T0;
use super::sigstore::World;
use super::sigstore::build;
use super::sigstore::hash;

/// The package name (scoped, so the purl's `%40` is exercised).
const NAME: &str = "@virtual/pkg";
const VERSION: &str = "1.0.0";
const PURL: &str = "pkg:npm/%40virtual/pkg@1.0.0";
const TARBALL: &[u8] = b"virtual npm tarball: package/package.json {\"name\":\"@virtual/pkg\"}\n";
const PUBLISH: &str = "https://github.com/npm/attestation/tree/main/specs/publish/v0.1";
const SLSA: &str = "https://slsa.dev/provenance/v0.2";
/// The registry key's id as signatures name it.
const KEYID: &str = "SHA256:virtual-registry-key";

/// One npm vector.
#[derive(Clone, Debug)]
pub struct NpmVector {
    /// Folder name.
    pub name: String,
    /// What it tests.
    pub readme: String,
    /// `keys.json`.
    pub keys: Value,
    /// `packument.json`.
    pub packument: Value,
    /// `attestations.json`, when the case has one.
    pub attestations: Option<Value>,
    /// `package.tgz`.
    pub tarball: Vec<u8>,
    /// `trusted_root.json`.
    pub root: String,
    /// `options` lines.
    pub options: Vec<String>,
    /// `ok` or the error name.
    pub expect: String,
}

/// The parts of the happy path every case starts from.
struct Base {
    keys: Value,
    packument: Value,
    attestations: Value,
    root: String,
}

fn integrity(tarball: &[u8]) -> String {
    let engine = base64::engine::general_purpose::STANDARD;
    format!("sha512-{}", engine.encode(hash("sha512", tarball)))
}

fn statement(name: &str, sha512_hex: &str, predicate_type: &str) -> Vec<u8> {
    let v = json!({
        "_type": "https://in-toto.io/Statement/v0.1",
        "subject": [{"name": name, "digest": {"sha512": sha512_hex}}],
        "predicateType": predicate_type,
        "predicate": {"name": NAME, "version": VERSION, "registry": "https://registry.virtual.test"},
    });
    super::json::compact(&v).into_bytes()
}

/// The publish attestation: DSSE by the registry key, its key id on the signature, Rekor v1.
fn publish(w: &World, subject: &str, sha512_hex: &str, keyid: &'static str) -> Res<Value> {
    let spec = Spec {
        dsse: true,
        signer: SignerKind::Managed(KeyType::P256),
        policy: PolicySpec::Key(w.managed(KeyType::P256).pem()?),
        statement: Some(statement(subject, sha512_hex, PUBLISH)),
        bundle_hook: Some(Rc::new(move |v: &mut Value| {
            set(v, "/dsseEnvelope/signatures/0/keyid", json!(keyid));
        })),
        ..Spec::happy()
    };
    serde_json::from_str(&build(w, &spec)?.bundle).map_err(|e| e.to_string())
}

/// The provenance: keyless, v0.1, the Fulcio root appended to the chain as npm's 2023 bundles.
fn provenance(w: &World, root_b64: String) -> Res<(Value, String)> {
    let sha512_hex = hex(&hash("sha512", TARBALL));
    let spec = Spec {
        dsse: true,
        statement: Some(statement(PURL, &sha512_hex, SLSA)),
        media_type: "application/vnd.dev.sigstore.bundle+json;version=0.1".into(),
        version: 1,
        proof: false,
        bundle_hook: Some(Rc::new(move |v: &mut Value| {
            if let Some(Value::Array(a)) =
                v.pointer_mut("/verificationMaterial/x509CertificateChain/certificates")
            {
                a.push(json!({"rawBytes": root_b64.clone()}));
            }
        })),
        ..Spec::happy()
    };
    let built = build(w, &spec)?;
    let bundle = serde_json::from_str(&built.bundle).map_err(|e| e.to_string())?;
    Ok((bundle, built.root))
}

fn base(w: &World) -> Res<Base> {
    let key = w.managed(KeyType::P256);
    let integrity = integrity(TARBALL);
    let sig = key.sign(format!("{NAME}@{VERSION}:{integrity}").as_bytes());
    let sha512_hex = hex(&hash("sha512", TARBALL));
    let root: Value = {
        // The Fulcio root of the virtual instance: the last certificate of its CA chain.
        let (_, root_json) = provenance(w, String::new())?;
        serde_json::from_str(&root_json).map_err(|e| e.to_string())?
    };
    let root_b64 = root
        .pointer("/certificateAuthorities/0/certChain/certificates")
        .and_then(Value::as_array)
        .and_then(|c| c.last())
        .and_then(|c| c.get("rawBytes"))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let (prov, root_text) = provenance(w, root_b64)?;
    let attestations = json!({"attestations": [
        {"predicateType": SLSA, "bundle": prov},
        {"predicateType": PUBLISH, "bundle": publish(w, PURL, &sha512_hex, KEYID)?},
    ]});
    Ok(Base {
        keys: json!({"keys": [{
            "expires": null,
            "keyid": KEYID,
            "keytype": "ecdsa-sha2-nistp256",
            "scheme": "ecdsa-sha2-nistp256",
            "key": b64(&key.spki()?),
        }]}),
        packument: json!({
            "name": NAME,
            "version": VERSION,
            "dist": {
                "integrity": integrity,
                "tarball": "https://registry.virtual.test/@virtual/pkg/-/pkg-1.0.0.tgz",
                "signatures": [{"keyid": KEYID, "sig": b64(&sig)}],
                "attestations": {
                    "url": "https://registry.virtual.test/-/npm/v1/attestations/@virtual%2fpkg@1.0.0",
                    "provenance": {"predicateType": SLSA},
                },
            },
        }),
        attestations,
        root: root_text,
    })
}

/// Sets the member at a JSON pointer whose parent exists (else nothing).
fn set(v: &mut Value, pointer: &str, value: Value) {
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    if let Some(Value::Object(map)) = v.pointer_mut(parent) {
        map.insert(key.to_owned(), value);
    }
}

/// Removes the member at a JSON pointer, if there.
fn remove(v: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    if let Some(Value::Object(map)) = v.pointer_mut(parent) {
        map.remove(key);
    }
}

/// How a case changes the happy path's keys, packument, attestations and tarball.
type Edit<'a> = &'a dyn Fn(&mut Value, &mut Value, &mut Option<Value>, &mut Vec<u8>);

/// RFC 3339 with milliseconds, as the registry writes times.
fn time(t: u64) -> String {
    let (y, mo, d, h, mi, s) = sigverify::UnixTime(t).to_civil();
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.000Z")
}

/// Every npm vector.
pub fn all(w: &World) -> Res<Vec<NpmVector>> {
    let b = base(w)?;
    let mut out = Vec::new();
    let mut add = |name: &str, readme: &str, edit: Edit<'_>, options: &[&str], expect: &str| {
        let (mut keys, mut packument, mut attestations, mut tarball) = (
            b.keys.clone(),
            b.packument.clone(),
            Some(b.attestations.clone()),
            TARBALL.to_vec(),
        );
        edit(&mut keys, &mut packument, &mut attestations, &mut tarball);
        out.push(NpmVector {
            name: name.into(),
            readme: readme.into(),
            keys,
            packument,
            attestations,
            tarball,
            root: b.root.clone(),
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            expect: expect.into(),
        });
    };
    let nothing = |_: &mut Value, _: &mut Value, _: &mut Option<Value>, _: &mut Vec<u8>| {};
    // The happy path: signature, publish attestation (logged at T0 + 5), v0.1 provenance whose
    // chain ends in the Fulcio root (npm accepts it; verify-bundle would not).
    add(
        "ok-npm",
        "a package version with its registry signature, publish attestation and provenance (v0.1, the Fulcio root in the chain)",
        &nothing,
        &[],
        "ok",
    );
    let identity = format!("identity={IDENTITY}");
    let issuer = format!("issuer={ISSUER}");
    add(
        "ok-npm-provenance-policy",
        "the provenance signed by the identity and issuer asked for",
        &nothing,
        &[&identity, &issuer],
        "ok",
    );
    add(
        "npm-provenance-identity-other",
        "the provenance's identity is not the one asked for",
        &nothing,
        &[
            "identity=https://github.com/octo/other/.github/workflows/publish.yml@refs/tags/v1.0.0",
            &issuer,
        ],
        "POLICY_IDENTITY_MISMATCH",
    );
    let expires = |t: u64| {
        move |k: &mut Value, _: &mut Value, _: &mut Option<Value>, _: &mut Vec<u8>| {
            set(k, "/keys/0/expires", json!(time(t)))
        }
    };
    add(
        "ok-npm-key-expired-after-publish",
        "the registry key expired after the publish attestation was logged (and before now): it still vouches",
        &expires(T0 + 100),
        &[],
        "ok",
    );
    add(
        "npm-key-expired-before-publish",
        "the registry key expired at T0+5, when the publish attestation was logged (npm: strictly before)",
        &expires(T0 + 5),
        &[],
        "POLICY_KEY_NOT_VALID_AT_SIGNING_TIME",
    );
    // Without attestations the packument's time decides the registry signature's key.
    let unattested = |at: u64, expiry: u64| {
        move |k: &mut Value, p: &mut Value, a: &mut Option<Value>, _: &mut Vec<u8>| {
            set(k, "/keys/0/expires", json!(time(expiry)));
            let mut manifest = p.clone();
            remove(&mut manifest, "/dist/attestations");
            *p =
                json!({"name": NAME, "versions": {VERSION: manifest}, "time": {VERSION: time(at)}});
            *a = None;
        }
    };
    add(
        "ok-npm-packument-time-before-expiry",
        "no attestations: the full packument's publish time, before the key's expiry, decides (options version=)",
        &unattested(T0 + 50, T0 + 100),
        &["version=1.0.0"],
        "ok",
    );
    add(
        "npm-signature-key-expired",
        "no attestations: the packument's publish time is after the registry key's expiry",
        &unattested(T0 + 200, T0 + 100),
        &["version=1.0.0"],
        "NPM_SIGNATURE_KEY_EXPIRED",
    );
    add(
        "npm-packument-version-absent",
        "the full packument has no such version (options version=2.0.0)",
        &unattested(T0 + 50, T0 + 100),
        &["version=2.0.0"],
        "NPM_PACKAGE_INVALID",
    );
    let w_key = w.managed(KeyType::P256);
    let other_sig = b64(&w_key.sign(format!("{NAME}@1.0.1:{}", integrity(TARBALL)).as_bytes()));
    add(
        "npm-signature-over-other-version",
        "the registry signature is over another version's message",
        &move |_, p, _, _| set(p, "/dist/signatures/0/sig", json!(other_sig.clone())),
        &[],
        "NPM_SIGNATURE_INVALID",
    );
    add(
        "npm-signature-missing",
        "the version carries no registry signature",
        &|_, p, _, _| {
            if let Some(d) = p["dist"].as_object_mut() {
                d.remove("signatures");
            }
        },
        &[],
        "NPM_SIGNATURE_MISSING",
    );
    add(
        "npm-signature-key-unknown",
        "the registry signature names a key id keys.json lacks",
        &|_, p, _, _| set(p, "/dist/signatures/0/keyid", json!("SHA256:another-key")),
        &[],
        "NPM_SIGNATURE_KEY_UNKNOWN",
    );
    add(
        "npm-tarball-other",
        "another tarball than the one the integrity names",
        &|_, _, _, t| t.extend_from_slice(b"tampered"),
        &[],
        "NPM_INTEGRITY_MISMATCH",
    );
    add(
        "npm-attestations-missing",
        "the registry lists attestations for the version; none given",
        &|_, _, a, _| *a = None,
        &[],
        "NPM_ATTESTATIONS_MISSING",
    );
    let sha512_hex = hex(&hash("sha512", TARBALL));
    let other_name = publish(w, "pkg:npm/%40virtual/pkg@1.0.1", &sha512_hex, KEYID)?;
    add(
        "npm-publish-subject-other-version",
        "the publish attestation names another version",
        &move |_, _, a, _| {
            if let Some(doc) = a {
                set(doc, "/attestations/1/bundle", other_name.clone());
            }
        },
        &[],
        "NPM_SUBJECT_NAME_MISMATCH",
    );
    let other_digest = publish(w, PURL, &hex(&hash("sha512", b"another tarball")), KEYID)?;
    add(
        "npm-publish-subject-other-digest",
        "the publish attestation names another tarball's SHA-512",
        &move |_, _, a, _| {
            if let Some(doc) = a {
                set(doc, "/attestations/1/bundle", other_digest.clone());
            }
        },
        &[],
        "NPM_SUBJECT_DIGEST_MISMATCH",
    );
    let other_keyid = publish(w, PURL, &sha512_hex, "SHA256:another-key")?;
    add(
        "npm-publish-key-unknown",
        "the publish attestation's DSSE key id names no registry key",
        &move |_, _, a, _| {
            if let Some(doc) = a {
                set(doc, "/attestations/1/bundle", other_keyid.clone());
            }
        },
        &[],
        "NPM_ATTESTATION_KEY_UNKNOWN",
    );
    add(
        "npm-keys-malformed",
        "keys.json whose key is not base64",
        &|k, _, _, _| set(k, "/keys/0/key", json!("not base64!")),
        &[],
        "NPM_KEYS_INVALID",
    );
    add(
        "npm-integrity-sha1",
        "an integrity that is not SHA-512",
        &|_, p, _, _| {
            set(
                p,
                "/dist/integrity",
                json!("sha1-PHqLus+Z0Pl4J2vSm9lJEQBrcsc="),
            )
        },
        &[],
        "NPM_PACKAGE_INVALID",
    );
    Ok(out)
}

/// Writes every vector into `dir`, replacing a previous generation: (vectors, files).
pub fn write_all(dir: &Path, vectors: &[NpmVector]) -> Res<(usize, usize)> {
    let err = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    if dir.is_dir() {
        fs::remove_dir_all(dir).map_err(|e| err(dir, e))?;
    }
    let mut files = 0;
    for v in vectors {
        let d = dir.join(&v.name);
        fs::create_dir_all(&d).map_err(|e| err(&d, e))?;
        let mut put = |name: &str, bytes: Vec<u8>| -> Res<()> {
            fs::write(d.join(name), bytes).map_err(|e| err(&d.join(name), e))?;
            files += 1;
            Ok(())
        };
        put("keys.json", super::json::pretty(&v.keys).into_bytes())?;
        put(
            "packument.json",
            super::json::pretty(&v.packument).into_bytes(),
        )?;
        if let Some(a) = &v.attestations {
            put("attestations.json", super::json::compact(a).into_bytes())?;
        }
        put("package.tgz", v.tarball.clone())?;
        put("trusted_root.json", v.root.clone().into_bytes())?;
        put("now", format!("{}\n", T0 + DAY).into_bytes())?;
        if !v.options.is_empty() {
            put(
                "options",
                format!("{}\n", v.options.join("\n")).into_bytes(),
            )?;
        }
        put("expect", format!("{}\n", v.expect).into_bytes())?;
        put("README", format!("{}\n", v.readme).into_bytes())?;
    }
    Ok((vectors.len(), files))
}
