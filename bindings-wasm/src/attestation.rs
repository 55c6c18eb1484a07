//! Attestation checks on a verified result for JavaScript (`options.predicateType` in
//! `index.js`): the core decides, after a verification that succeeded.

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::core_error;

/// The verified statement of a result, from its `statement`'s `payloadType` and `payload`
/// (both absent for a message signature: `DSSE_ENVELOPE_MISSING`).
pub(crate) fn statement(
    payload_type: Option<String>,
    payload: Option<Vec<u8>>,
) -> Result<sigverify::Statement, JsValue> {
    match (payload_type, payload) {
        (Some(payload_type), Some(payload)) => Ok(sigverify::Statement {
            payload_type,
            payload,
        }),
        _ => Err(core_error(&sigverify::Error::DsseEnvelopeMissing)),
    }
}

/// Requires the in-toto predicate type `want` of a verified statement (`payload_type` and
/// `payload` of the result's `statement`, both absent for a message signature):
/// `DSSE_ENVELOPE_MISSING`, `DSSE_PAYLOAD_TYPE_UNSUPPORTED`, `DSSE_STATEMENT_INVALID` or
/// `DSSE_PREDICATE_TYPE_MISMATCH` otherwise.
#[wasm_bindgen(js_name = checkPredicateType)]
pub fn check_predicate_type(
    payload_type: Option<String>,
    payload: Option<Vec<u8>>,
    want: &str,
) -> Result<(), JsValue> {
    statement(payload_type, payload)?
        .check_predicate_type(want)
        .map_err(|e| core_error(&e))
}
