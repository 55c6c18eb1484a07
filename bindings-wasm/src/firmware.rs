//! Firmware statements for JavaScript ([`sigverify::firmware`]; `FirmwareStatement` and
//! `FirmwarePolicy` in `index.js`). JavaScript keeps a statement's verified payload and a
//! policy's vendor, class and revision; the core reads the payload again on every check, so no
//! Rust memory outlives a call.

use serde::Serialize;
use sigverify::FirmwarePolicy;
use sigverify::FirmwareStatement;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::attestation::statement;
use crate::core_error;
use crate::to_js;

/// What JavaScript shows of a firmware statement (`FirmwareStatement` in `index.d.ts`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FirmwareOut {
    security_version: u32,
    vendor: String,
    class: String,
    min_hardware_revision: Option<u32>,
    version: Option<String>,
}

/// The firmware statement read from a verified result's `statement` (`payload_type` and
/// `payload`, both absent for a message signature).
fn read(
    payload_type: Option<String>,
    payload: Option<Vec<u8>>,
) -> Result<FirmwareStatement, JsValue> {
    FirmwareStatement::from_statement(&statement(payload_type, payload)?)
        .map_err(|e| core_error(&e))
}

/// Reads the firmware statement of a verified result's `statement`: `{ securityVersion,
/// vendor, class, minHardwareRevision, version }`, or the core's error
/// (`DSSE_ENVELOPE_MISSING`, `DSSE_PREDICATE_TYPE_MISMATCH`, `FIRMWARE_STATEMENT_INVALID`).
#[wasm_bindgen(js_name = firmwareStatement)]
pub fn firmware_statement(
    payload_type: Option<String>,
    payload: Option<Vec<u8>>,
) -> Result<JsValue, JsValue> {
    let s = read(payload_type, payload)?;
    to_js(&FirmwareOut {
        security_version: s.security_version,
        vendor: s.vendor,
        class: s.class,
        min_hardware_revision: s.min_hardware_revision,
        version: s.version,
    })
}

/// Checks a device's vendor and class (`FIRMWARE_POLICY_INVALID` unless both are UUIDs).
#[wasm_bindgen(js_name = firmwarePolicyCheck)]
pub fn firmware_policy_check(vendor: &str, class: &str) -> Result<(), JsValue> {
    FirmwarePolicy::new(vendor, class)
        .map(drop)
        .map_err(|e| core_error(&e))
}

/// Judges the firmware statement of a verified payload for a device (vendor, class, hardware
/// revision): with `installed`, as `FirmwarePolicy::check` (the image must also be newer);
/// without, as `FirmwarePolicy::check_applies`.
#[wasm_bindgen(js_name = firmwareCheck)]
pub fn firmware_check(
    payload_type: String,
    payload: Vec<u8>,
    vendor: &str,
    class: &str,
    hardware_revision: u32,
    installed: Option<u32>,
) -> Result<(), JsValue> {
    let s = read(Some(payload_type), Some(payload))?;
    let policy = FirmwarePolicy::new(vendor, class)
        .map_err(|e| core_error(&e))?
        .with_hardware_revision(hardware_revision);
    match installed {
        Some(installed) => policy.check(&s, installed),
        None => policy.check_applies(&s),
    }
    .map_err(|e| core_error(&e))
}

/// The in-toto predicate type of a firmware statement (`FIRMWARE_PREDICATE_TYPE` in
/// `index.js`).
#[wasm_bindgen(js_name = firmwarePredicateType)]
pub fn firmware_predicate_type() -> String {
    sigverify::firmware::FIRMWARE_PREDICATE_TYPE.to_owned()
}
