//! Witnessed checkpoints for JavaScript: witness policies, tlog proof files, the checkpoint
//! state and consistency proofs (`WitnessPolicy`, `TlogProof`, `LogState`,
//! `ConsistencyProof` in `index.js`). JavaScript keeps each as the text or bytes it was given;
//! the core parses them again on every use, so no Rust memory outlives a call.

use serde::Serialize;
use sigverify::Bundle;
use sigverify::TlogProof;
use sigverify::WitnessPolicy;
use sigverify::encoding::hex_encode as hex;
use sigverify::log_state::ConsistencyProof;
use sigverify::log_state::LogState;
use sigverify::log_state::Observation;
use sigverify::log_state::Remembered;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::NativeVerifier;
use crate::Uint;
use crate::core_error;
use crate::to_js;
use crate::tuf::bytes_list;

/// What JavaScript shows of a parsed witness policy.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PolicyOut {
    witness_count: usize,
    required: bool,
}

/// Parses a witness policy (`c2sp.org/tlog-policy`): `{ witnessCount, required }`, or the
/// core's error.
#[wasm_bindgen(js_name = parseWitnessPolicy)]
pub fn parse_witness_policy(text: &[u8]) -> Result<JsValue, JsValue> {
    let policy = WitnessPolicy::parse(text).map_err(|e| core_error(&e))?;
    to_js(&PolicyOut {
        witness_count: policy.witness_count(),
        required: policy.is_required(),
    })
}

#[wasm_bindgen]
impl NativeVerifier {
    /// Requires every checkpoint to meet the witness policy `text` (see `WitnessPolicy`).
    #[wasm_bindgen(js_name = setWitnessPolicy)]
    pub fn set_witness_policy(&mut self, text: &[u8]) -> Result<(), JsValue> {
        let policy = WitnessPolicy::parse(text).map_err(|e| core_error(&e))?;
        self.inner = self.inner.clone().with_witness_policy(policy);
        Ok(())
    }
}

/// What JavaScript shows of a parsed tlog proof.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TlogProofOut {
    index: Uint,
    tree_size: Uint,
    root_hash: String,
    checkpoint: String,
}

/// Parses a `c2sp.org/tlog-proof@v1` file: `{ index, treeSize, rootHash, checkpoint }`, or the
/// core's error.
#[wasm_bindgen(js_name = parseTlogProof)]
pub fn parse_tlog_proof(text: &[u8]) -> Result<JsValue, JsValue> {
    // The format is text: bytes that are not UTF-8 cannot be one (the core's
    // TLOG_PROOF_INVALID, as the conformance runners read such a file).
    let text =
        core::str::from_utf8(text).map_err(|_| core_error(&sigverify::Error::TlogProofInvalid))?;
    let proof = TlogProof::parse(text).map_err(|e| core_error(&e))?;
    to_js(&TlogProofOut {
        index: Uint(proof.index),
        tree_size: Uint(proof.tree_size),
        root_hash: hex(&proof.root_hash),
        checkpoint: proof.checkpoint,
    })
}

/// Attaches each tlog proof, in order, to the bundle entry it proves, before verifying.
pub(crate) fn attach(bundle: &mut Bundle, proofs: &[String]) -> Result<(), JsValue> {
    for text in proofs {
        TlogProof::parse(text)
            .and_then(|p| p.attach(bundle))
            .map_err(|e| core_error(&e))?;
    }
    Ok(())
}

/// A verified checkpoint in a result (`logEntries[i].checkpoint`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CheckpointOut {
    origin: String,
    size: Uint,
    root_hash: String,
    note: String,
    cosignatures: Vec<CosignatureOut>,
}

/// A verified witness cosignature; `time` in Unix seconds, as every time of a result.
#[derive(Serialize)]
pub(crate) struct CosignatureOut {
    witness: String,
    time: u64,
}

impl From<sigverify::SignedCheckpoint> for CheckpointOut {
    fn from(c: sigverify::SignedCheckpoint) -> Self {
        Self {
            root_hash: hex(&c.root_hash),
            size: Uint(c.size),
            origin: c.origin,
            note: c.note,
            cosignatures: c
                .cosignatures
                .into_iter()
                .map(|c| CosignatureOut {
                    witness: c.witness,
                    time: c.time.seconds(),
                })
                .collect(),
        }
    }
}

/// A remembered checkpoint (`LogState.logs`, `LogState.checkpoint(origin)`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RememberedOut {
    origin: String,
    size: Uint,
    root_hash: String,
    note: String,
}

impl From<&Remembered> for RememberedOut {
    fn from(r: &Remembered) -> Self {
        Self {
            origin: r.origin.clone(),
            size: Uint(r.size),
            root_hash: hex(&r.root_hash),
            note: r.note.clone(),
        }
    }
}

/// The state `text`, as `LogState.toText()` wrote it.
fn state(text: &str) -> Result<LogState, JsValue> {
    LogState::parse(text).map_err(|e| core_error(&e))
}

/// A state read from `text` (UTF-8 bytes), or the empty state without: its text as the core
/// writes it, which is what JavaScript keeps.
#[wasm_bindgen(js_name = logStateParse)]
pub fn log_state_parse(text: Option<Vec<u8>>) -> Result<String, JsValue> {
    let state = match text {
        None => LogState::new(),
        Some(bytes) => {
            // The state is text: bytes that are not UTF-8 cannot be one (LOG_STATE_INVALID).
            let text = String::from_utf8(bytes)
                .map_err(|_| core_error(&sigverify::Error::LogStateInvalid))?;
            state(&text)?
        }
    };
    Ok(state.to_text())
}

/// Every remembered checkpoint of the state `text`, in the order first seen.
#[wasm_bindgen(js_name = logStateLogs)]
pub fn log_state_logs(text: &str) -> Result<JsValue, JsValue> {
    let state = state(text)?;
    to_js(
        &state
            .logs()
            .iter()
            .map(RememberedOut::from)
            .collect::<Vec<_>>(),
    )
}

/// The remembered checkpoint of `origin` in the state `text`, or `null`.
#[wasm_bindgen(js_name = logStateCheckpoint)]
pub fn log_state_checkpoint(text: &str, origin: &str) -> Result<JsValue, JsValue> {
    let state = state(text)?;
    to_js(&state.checkpoint(origin).map(RememberedOut::from))
}

/// One observation (`LogState.observe`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ObservedOut {
    origin: String,
    size: Uint,
    kind: &'static str,
    /// The size remembered before; `null` for `first`.
    remembered: Option<Uint>,
}

/// The new state and what was observed.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ObserveOut {
    state: String,
    observed: Vec<ObservedOut>,
}

/// Observes the checkpoints whose signed notes are `notes` (a result's
/// `logEntries[i].checkpoint.note`) against the state `text`, with the consistency proofs
/// `proofs` (JSON bytes): `{ state, observed }` with the new state's text, or the core's error
/// (then the caller keeps its state, which the core left unchanged).
#[wasm_bindgen(js_name = logStateObserve)]
pub fn log_state_observe(
    text: &str,
    notes: Vec<String>,
    proofs: js_sys::Array,
) -> Result<JsValue, JsValue> {
    let mut state = state(text)?;
    let proofs = bytes_list(&proofs, "proofs")?
        .iter()
        .map(|p| ConsistencyProof::from_json(p))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| core_error(&e))?;
    let entries = notes
        .iter()
        .map(|n| entry(n))
        .collect::<Result<Vec<_>, _>>()?;
    let seen = state
        .observe(&entries, &proofs)
        .map_err(|e| core_error(&e))?;
    let observed = seen
        .into_iter()
        .map(|o| {
            let (kind, remembered) = match o.observation {
                Observation::First => ("first", None),
                Observation::Same => ("same", Some(o.size)),
                Observation::Extended { from } => ("extended", Some(from)),
                Observation::Older { remembered } => ("older", Some(remembered)),
            };
            ObservedOut {
                origin: o.origin,
                size: Uint(o.size),
                kind,
                remembered: remembered.map(Uint),
            }
        })
        .collect();
    to_js(&ObserveOut {
        state: state.to_text(),
        observed,
    })
}

/// A log entry holding the checkpoint `note`, for [`LogState::observe`] (which reads only the
/// checkpoint). A result is plain JavaScript data that may have been stored and read back, so
/// the signed note alone is taken, read by the very parse that reads a stored state: what is
/// remembered is then exactly what the stored state gives back. Its signatures are not checked
/// again, as for a stored state: the state only ever refuses.
fn entry(note: &str) -> Result<sigverify::LogEntry, JsValue> {
    let text = format!("{}\n{note}", LogState::new().to_text());
    let parsed = LogState::parse(&text).map_err(|e| core_error(&e))?;
    let r = parsed
        .logs()
        .first()
        .ok_or_else(|| core_error(&sigverify::Error::LogStateInvalid))?;
    Ok(sigverify::LogEntry {
        log_index: 0,
        log_id: Vec::new(),
        log_url: String::new(),
        integrated_time: None,
        checkpoint: Some(sigverify::SignedCheckpoint {
            origin: r.origin.clone(),
            size: r.size,
            root_hash: r.root_hash.clone(),
            note: r.note.clone(),
            cosignatures: Vec::new(),
        }),
    })
}

/// What JavaScript shows of a parsed consistency proof (hex hashes).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConsistencyProofOut {
    root_hash: String,
    hashes: Vec<String>,
}

/// Parses Rekor's consistency-proof JSON: `{ rootHash, hashes }` in hex, or the core's error.
#[wasm_bindgen(js_name = parseConsistencyProof)]
pub fn parse_consistency_proof(json: &[u8]) -> Result<JsValue, JsValue> {
    let proof = ConsistencyProof::from_json(json).map_err(|e| core_error(&e))?;
    to_js(&ConsistencyProofOut {
        root_hash: hex(&proof.root_hash),
        hashes: proof.hashes.iter().map(|h| hex(h)).collect(),
    })
}
