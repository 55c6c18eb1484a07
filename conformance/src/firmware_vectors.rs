//! The firmware vectors (`conformance/firmware-vectors/`, from
//! [`crate::generator::firmware`]): loading `device` and `cases.tsv`, and running a case
//! through the verifier and `sigverify::firmware`, as every binding's runner does.
//!
//! A case verifies the image's bundle for its signer (`key`: the product key, no log and no
//! signing time needed, inside the key's validity window; `keyless`: the device's release
//! identity under the default thresholds), reads the firmware statement, and judges it for the
//! device (`device`'s vendor and class, the case's hardware revision) and the case's installed
//! security version.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::path::PathBuf;

use sigverify::Bundle;
use sigverify::Config;
use sigverify::Error;
use sigverify::FirmwarePolicy;
use sigverify::FirmwareStatement;
use sigverify::Policy;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verifier;

/// Where the firmware vectors are committed: `conformance/firmware-vectors`.
pub fn firmware_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("firmware-vectors")
}

/// Regenerates the firmware vectors into `dir`: (image count, file count).
pub fn generate_firmware(dir: &Path) -> Result<(usize, usize), String> {
    let world = crate::generator::sigstore::World::new()?;
    let vectors = crate::generator::firmware::all(&world)?;
    crate::generator::firmware::write_all(dir, &vectors)
}

/// One row of `cases.tsv`.
#[derive(Clone, Debug)]
pub struct FirmwareCase {
    /// The image's folder name.
    pub image: String,
    /// `key` or `keyless`.
    pub signer: String,
    /// The device's anti-rollback counter.
    pub installed: u32,
    /// The device's hardware revision.
    pub hardware: u32,
    /// `ok` or the error name.
    pub expected: String,
}

/// `device`'s `key=value` lines.
pub fn device(dir: &Path) -> Result<BTreeMap<String, String>, String> {
    let text = fs::read_to_string(dir.join("device")).map_err(|e| format!("device: {e}"))?;
    Ok(text
        .lines()
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect())
}

/// Every row of `cases.tsv`, in order.
pub fn load_cases(dir: &Path) -> Result<Vec<FirmwareCase>, String> {
    let text = fs::read_to_string(dir.join("cases.tsv")).map_err(|e| format!("cases.tsv: {e}"))?;
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let number = |i: usize| -> Result<u32, String> {
                f.get(i)
                    .and_then(|s| s.parse().ok())
                    .ok_or(format!("cases.tsv: bad row {l:?}"))
            };
            match f.as_slice() {
                [image, signer, _, _, expected] => Ok(FirmwareCase {
                    image: (*image).to_owned(),
                    signer: (*signer).to_owned(),
                    installed: number(2)?,
                    hardware: number(3)?,
                    expected: (*expected).to_owned(),
                }),
                _ => Err(format!("cases.tsv: bad row {l:?}")),
            }
        })
        .collect()
}

/// Runs one case: the verified firmware statement, or why the image does not install.
pub fn run_firmware(dir: &Path, case: &FirmwareCase) -> Result<FirmwareStatement, Error> {
    let device = device(dir).unwrap_or_default();
    let field = |k: &str| device.get(k).cloned().unwrap_or_default();
    let number = |k: &str| field(k).parse::<u64>().unwrap_or_default();
    let root =
        TrustedRoot::from_json(&fs::read(dir.join("trusted_root.json")).unwrap_or_default())?;
    let (policy, config) = if case.signer == "key" {
        let pem = fs::read_to_string(dir.join("product-key.pub")).unwrap_or_default();
        let policy = Policy::public_key_pem(&pem)?.with_key_validity(
            Some(UnixTime(number("key_not_before"))),
            Some(UnixTime(number("key_not_after"))),
        )?;
        let config = Config {
            tlog_entries: 0,
            observer_timestamps: 0,
            ..Config::default()
        };
        (policy, config)
    } else {
        (
            Policy::identity(field("identity"), field("issuer"))?,
            Config::default(),
        )
    };
    let image_dir = dir.join(&case.image);
    let bundle =
        Bundle::from_json(&fs::read(image_dir.join("bundle.sigstore.json")).unwrap_or_default())?;
    let artifact = fs::read(image_dir.join("artifact")).unwrap_or_default();
    let verified = Verifier::new(root, config).verify(
        &bundle,
        sigverify::Artifact::Bytes(&artifact),
        &policy,
        UnixTime(number("now")),
    )?;
    let statement = FirmwareStatement::from_verified(&verified)?;
    FirmwarePolicy::new(&field("vendor"), &field("class"))?
        .with_hardware_revision(case.hardware)
        .check(&statement, case.installed)?;
    Ok(statement)
}
