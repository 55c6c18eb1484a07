//! `sigverify verify-attestation` on the firmware vectors (`conformance/firmware-vectors/`):
//! the firmware statement is printed (text and JSON), and with `--firmware-vendor`,
//! `--firmware-class`, `--hardware-revision` and `--installed-security-version` it is judged
//! for a device, each refusal named by its error.

use std::fs;
use std::path::Path;
use std::path::PathBuf;

mod common;
use common::sigverify;
use common::text;

use serde_json::Value;

fn vectors() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../conformance/firmware-vectors")
}

#[allow(clippy::unwrap_used, reason = "test helper: the vectors are committed")]
fn device(key: &str) -> String {
    let text = fs::read_to_string(vectors().join("device")).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .unwrap()
        .to_owned()
}

/// `verify-attestation` of a product-key image, as the device verifies it (no log, no signing
/// time, the key's window), with `extra` flags.
fn attest(image: &str, extra: &[&str]) -> std::process::Output {
    let dir = vectors();
    let mut args: Vec<String> = [
        "verify-attestation",
        "--bundle",
        &dir.join(image)
            .join("bundle.sigstore.json")
            .display()
            .to_string(),
        "--key",
        &dir.join("product-key.pub").display().to_string(),
        "--key-not-before",
        &device("key_not_before"),
        "--key-not-after",
        &device("key_not_after"),
        "--tlog-threshold",
        "0",
        "--time-threshold",
        "0",
        "--trusted-root",
        &dir.join("trusted_root.json").display().to_string(),
        "--now",
        &device("now"),
        &dir.join(image).join("artifact").display().to_string(),
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    sigverify(&args)
}

#[test]
fn the_firmware_statement_is_printed() {
    let out = attest("v3-key", &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "firmware: security version 3, vendor {}, class {}, release 1.3.0",
            device("vendor"),
            device("class")
        )),
        "{stdout}"
    );
    let out = attest("v5-hardware-3", &["--format", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let fw = &doc["statement"]["firmware"];
    assert_eq!(fw["securityVersion"], 5);
    assert_eq!(fw["minHardwareRevision"], 3);
    assert_eq!(fw["vendor"], device("vendor"));
    // Another predicate: no firmware line, `firmware` null.
    let out = attest("slsa-statement", &["--format", "json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert!(out.status.success() && doc["statement"]["firmware"].is_null());
}

#[test]
fn a_device_judges_the_statement() {
    let vendor = device("vendor");
    let class = device("class");
    let for_device = |image: &str, installed: &str, hardware: &str| {
        attest(
            image,
            &[
                "--firmware-vendor",
                &vendor,
                "--firmware-class",
                &class,
                "--hardware-revision",
                hardware,
                "--installed-security-version",
                installed,
            ],
        )
    };
    let out = for_device("v3-key", "2", "0");
    assert!(out.status.success(), "{}", text(&out.stderr));
    for (image, installed, hardware, want) in [
        ("v2-key", "2", "0", "FIRMWARE_VERSION_NOT_NEWER"),
        ("v1-key", "2", "0", "FIRMWARE_VERSION_NOT_NEWER"),
        ("v9-other-class", "0", "0", "FIRMWARE_CLASS_MISMATCH"),
        ("v9-other-vendor", "0", "0", "FIRMWARE_VENDOR_MISMATCH"),
        ("v5-hardware-3", "0", "2", "FIRMWARE_HARDWARE_UNSUPPORTED"),
        (
            "no-security-version",
            "0",
            "0",
            "FIRMWARE_STATEMENT_INVALID",
        ),
        ("slsa-statement", "0", "0", "DSSE_PREDICATE_TYPE_MISMATCH"),
    ] {
        let out = for_device(image, installed, hardware);
        assert_eq!(out.status.code(), Some(1), "{image}: {}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains(want),
            "{image}: {}",
            text(&out.stderr)
        );
    }
    // Without a counter, only applicability is judged: an old image for this device passes.
    let out = attest(
        "v1-key",
        &["--firmware-vendor", &vendor, "--firmware-class", &class],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn device_flags_are_checked_as_usage() {
    let out = attest(
        "v3-key",
        &["--firmware-vendor", "acme", "--firmware-class", "x"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("UUID"));
    // A class without a vendor, or a counter without the device, is a usage error.
    let out = attest("v3-key", &["--installed-security-version", "1"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}
