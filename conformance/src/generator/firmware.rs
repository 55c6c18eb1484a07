//! Firmware images on the virtual Sigstore, each signed as the subject of a firmware statement
//! (`sigverify::firmware`): by the managed P-256 key with no log and no timestamp (a product
//! key, the MCUboot model) or keyless on Rekor v1, for one device (vendor, class) and for
//! others. Written to `conformance/firmware-vectors/`: `device` (the device's identifiers and
//! signers, `key=value` lines), `trusted_root.json`, `product-key.pub`, one folder per image
//! (`artifact`, `bundle.sigstore.json`, `README`) and `cases.tsv`, the cases every binding runs
//! (image, signer, installed security version, hardware revision, expected outcome).

use std::fs;
use std::path::Path;

use serde_json::Value;
use serde_json::json;

use super::pki::KeyType;
use super::pki::Res;
use super::pki::hex;
use super::sigstore::DAY;
use super::sigstore::IDENTITY;
use super::sigstore::ISSUER;
use super::sigstore::LogKind;
use super::sigstore::PolicySpec;
use super::sigstore::SignerKind;
use super::sigstore::Spec;
use super::sigstore::T0;
use super::sigstore::World;
use super::sigstore::build;
use super::sigstore::hash;

/// The firmware statement's predicate type (`sigverify::firmware::FIRMWARE_PREDICATE_TYPE`).
pub const PREDICATE_TYPE: &str = "https://github.com/sigverify/sigverify/firmware/v1";
/// The device's vendor: UUIDv5 of the DNS name `virtual.test`.
pub const VENDOR: &str = "0a8a4f43-3bd2-5c55-8f1e-6e1a4c0c9b11";
/// The device's class.
pub const CLASS: &str = "5b0f3b8e-91c4-5d7e-a2f6-3c9d8e7f6a51";
/// Another class of the same vendor.
const OTHER_CLASS: &str = "7c1e2d3f-4a5b-5c6d-8e7f-9a0b1c2d3e4f";
/// Another vendor.
const OTHER_VENDOR: &str = "e4d3c2b1-a0f9-5e8d-b7c6-a5b4c3d2e1f0";
/// The product key's validity window, as the device holds it.
const KEY_NOT_BEFORE: u64 = T0 - 30 * DAY;
const KEY_NOT_AFTER: u64 = T0 + 3 * 365 * DAY;

/// One signed image.
pub struct Image {
    /// Folder name.
    pub name: &'static str,
    /// What it is.
    pub readme: &'static str,
    /// `artifact`.
    pub artifact: Vec<u8>,
    /// `bundle.sigstore.json`.
    pub bundle: String,
}

/// All firmware vectors: the images, the trusted root, and `cases.tsv`.
pub struct FirmwareVectors {
    /// The images.
    pub images: Vec<Image>,
    /// `trusted_root.json` (the virtual instance's).
    pub root: String,
    /// `product-key.pub`.
    pub key: String,
    /// `cases.tsv`.
    pub cases: String,
}

fn predicate(version: Option<u32>, vendor: &str, class: &str, extra: Value) -> Value {
    let mut p = json!({"vendor": vendor, "class": class});
    if let (Some(v), Some(map)) = (version, p.as_object_mut()) {
        map.insert("securityVersion".into(), json!(v));
    }
    if let (Value::Object(more), Some(map)) = (extra, p.as_object_mut()) {
        map.extend(more);
    }
    p
}

fn statement(artifact: &[u8], predicate_type: &str, predicate: Value) -> Vec<u8> {
    let v = json!({
        "_type": "https://in-toto.io/Statement/v1",
        "subject": [{"name": "app.bin", "digest": {"sha256": hex(&hash("sha256", artifact))}}],
        "predicateType": predicate_type,
        "predicate": predicate,
    });
    super::json::compact(&v).into_bytes()
}

/// Every firmware vector.
pub fn all(w: &World) -> Res<FirmwareVectors> {
    let key = w.managed(KeyType::P256).pem()?;
    let by_key = |artifact: &[u8], statement: Option<Vec<u8>>| Spec {
        signer: SignerKind::Managed(KeyType::P256),
        policy: PolicySpec::Key(key.clone()),
        log: LogKind::None,
        dsse: statement.is_some(),
        artifact: artifact.to_vec(),
        statement,
        ..Spec::happy()
    };
    let keyless = |artifact: &[u8], statement: Vec<u8>| Spec {
        dsse: true,
        artifact: artifact.to_vec(),
        statement: Some(statement),
        ..Spec::happy()
    };
    let image = |v: &str| format!("virtual firmware image {v}\n").into_bytes();
    let fw = |artifact: &[u8], version: Option<u32>, vendor: &str, class: &str, extra: Value| {
        statement(
            artifact,
            PREDICATE_TYPE,
            predicate(version, vendor, class, extra),
        )
    };
    let none = Value::Null;
    let mut specs: Vec<(&'static str, &'static str, Spec)> = Vec::new();
    for (name, readme, v) in [
        ("v1-key", "security version 1, signed by the product key", 1),
        ("v2-key", "security version 2, signed by the product key", 2),
        ("v3-key", "security version 3, signed by the product key", 3),
    ] {
        let a = image(name);
        let s = fw(
            &a,
            Some(v),
            VENDOR,
            CLASS,
            json!({"version": format!("1.{v}.0")}),
        );
        specs.push((name, readme, by_key(&a, Some(s))));
    }
    let a = image("v4-keyless");
    let s = fw(&a, Some(4), VENDOR, CLASS, none.clone());
    specs.push((
        "v4-keyless",
        "security version 4, keyless on Rekor v1 (the device's release identity)",
        keyless(&a, s),
    ));
    let a = image("v9-other-class");
    let s = fw(&a, Some(9), VENDOR, OTHER_CLASS, none.clone());
    specs.push((
        "v9-other-class",
        "security version 9 for another device class of the vendor",
        by_key(&a, Some(s)),
    ));
    let a = image("v9-other-vendor");
    let s = fw(&a, Some(9), OTHER_VENDOR, CLASS, none.clone());
    specs.push((
        "v9-other-vendor",
        "security version 9 for another vendor's device",
        by_key(&a, Some(s)),
    ));
    let a = image("v5-hardware-3");
    let s = fw(
        &a,
        Some(5),
        VENDOR,
        CLASS,
        json!({"minHardwareRevision": 3}),
    );
    specs.push((
        "v5-hardware-3",
        "security version 5, for hardware revision 3 and later",
        by_key(&a, Some(s)),
    ));
    let a = image("v-missing");
    let s = fw(&a, None, VENDOR, CLASS, none.clone());
    specs.push((
        "no-security-version",
        "a firmware statement without securityVersion",
        by_key(&a, Some(s)),
    ));
    let a = image("slsa");
    let s = statement(
        &a,
        "https://slsa.dev/provenance/v1",
        json!({"buildDefinition": {}}),
    );
    specs.push((
        "slsa-statement",
        "an image attested by a SLSA provenance, not a firmware statement",
        by_key(&a, Some(s)),
    ));
    let a = image("message");
    specs.push((
        "message-signature",
        "an image signed as a message (hashedrekord), with no statement at all",
        by_key(&a, None),
    ));

    let mut images = Vec::new();
    let mut root = String::new();
    for (name, readme, mut spec) in specs {
        spec.now = T0 + DAY;
        let built = build(w, &spec).map_err(|e| format!("firmware {name}: {e}"))?;
        root = built.root;
        images.push(Image {
            name,
            readme,
            artifact: built.artifact,
            bundle: built.bundle,
        });
    }
    let rows: &[(&str, &str, u32, u32, &str)] = &[
        ("v2-key", "key", 1, 0, "ok"),
        ("v3-key", "key", 2, 0, "ok"),
        ("v2-key", "key", 2, 0, "FIRMWARE_VERSION_NOT_NEWER"),
        ("v1-key", "key", 2, 0, "FIRMWARE_VERSION_NOT_NEWER"),
        ("v4-keyless", "keyless", 3, 0, "ok"),
        ("v4-keyless", "key", 3, 0, "POLICY_MATERIAL_MISMATCH"),
        ("v2-key", "keyless", 1, 0, "POLICY_MATERIAL_MISMATCH"),
        ("v9-other-class", "key", 0, 0, "FIRMWARE_CLASS_MISMATCH"),
        ("v9-other-vendor", "key", 0, 0, "FIRMWARE_VENDOR_MISMATCH"),
        (
            "v5-hardware-3",
            "key",
            4,
            2,
            "FIRMWARE_HARDWARE_UNSUPPORTED",
        ),
        ("v5-hardware-3", "key", 4, 3, "ok"),
        (
            "no-security-version",
            "key",
            0,
            0,
            "FIRMWARE_STATEMENT_INVALID",
        ),
        (
            "slsa-statement",
            "key",
            0,
            0,
            "DSSE_PREDICATE_TYPE_MISMATCH",
        ),
        ("message-signature", "key", 0, 0, "DSSE_ENVELOPE_MISSING"),
    ];
    let mut cases = String::from("# image\tsigner\tinstalled\thardware\texpected\n");
    for (image, signer, installed, hardware, expected) in rows {
        cases.push_str(&format!(
            "{image}\t{signer}\t{installed}\t{hardware}\t{expected}\n"
        ));
    }
    Ok(FirmwareVectors {
        images,
        root,
        key,
        cases,
    })
}

/// `device`: the device's identifiers, its signers and the verification time.
pub fn device() -> String {
    format!(
        "vendor={VENDOR}\nclass={CLASS}\nidentity={IDENTITY}\nissuer={ISSUER}\n\
         key_not_before={KEY_NOT_BEFORE}\nkey_not_after={KEY_NOT_AFTER}\nnow={}\n",
        T0 + DAY
    )
}

/// Writes the firmware vectors into `dir` (replacing it): (image count, file count).
pub fn write_all(dir: &Path, v: &FirmwareVectors) -> Res<(usize, usize)> {
    let err = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    if dir.is_dir() {
        fs::remove_dir_all(dir).map_err(|e| err(dir, e))?;
    }
    let mut files = 0;
    let mut put = |path: &Path, bytes: &[u8]| -> Res<()> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| err(parent, e))?;
        }
        fs::write(path, bytes).map_err(|e| err(path, e))?;
        files += 1;
        Ok(())
    };
    put(&dir.join("device"), device().as_bytes())?;
    put(&dir.join("trusted_root.json"), v.root.as_bytes())?;
    put(&dir.join("product-key.pub"), v.key.as_bytes())?;
    put(&dir.join("cases.tsv"), v.cases.as_bytes())?;
    for image in &v.images {
        let d = dir.join(image.name);
        put(&d.join("artifact"), &image.artifact)?;
        put(&d.join("bundle.sigstore.json"), image.bundle.as_bytes())?;
        put(&d.join("README"), format!("{}\n", image.readme).as_bytes())?;
    }
    Ok((v.images.len(), files))
}
