//! Trusted roots over TUF for JavaScript: the caller fetched the files, the core's TUF client
//! decides (`TrustedRoot.fromTuf` in `index.js`).

use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use wasm_bindgen::JsCast;

use crate::core_error;
use crate::to_js;
use crate::type_error;

/// What a successful update gives JavaScript: the verified `trusted_root.json` bytes, the new
/// state bytes, the versions trusted and the earliest expiry (Unix seconds).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TufOutcome {
    #[serde(serialize_with = "crate::as_bytes")]
    trusted_root: Vec<u8>,
    #[serde(serialize_with = "crate::as_bytes")]
    state: Vec<u8>,
    versions: Versions,
    expires: u64,
}

#[derive(Serialize)]
struct Versions {
    root: u64,
    timestamp: u64,
    snapshot: u64,
    targets: u64,
}

fn bytes_list(list: &js_sys::Array, what: &str) -> Result<Vec<Vec<u8>>, JsValue> {
    list.iter()
        .map(|v| {
            v.dyn_into::<js_sys::Uint8Array>()
                .map(|a| a.to_vec())
                .map_err(|_| type_error(&format!("{what} must be Uint8Arrays")))
        })
        .collect()
}

/// Runs one TUF update. `anchor` empty means the compiled-in production (or `staging`) TUF
/// root; `state` empty means no earlier update; `names[i]` names `files[i]`.
#[wasm_bindgen(js_name = tufUpdate)]
#[allow(clippy::too_many_arguments)]
pub fn tuf_update(
    anchor: &[u8],
    staging: bool,
    state: &[u8],
    roots: js_sys::Array,
    timestamp: &[u8],
    snapshot: &[u8],
    targets: &[u8],
    names: Vec<String>,
    files: js_sys::Array,
    now: f64,
) -> Result<JsValue, JsValue> {
    let anchor = match (anchor.is_empty(), staging) {
        (false, _) => anchor,
        (true, true) => sigverify::tuf::STAGING_ROOT,
        (true, false) => sigverify::tuf::PRODUCTION_ROOT,
    };
    let state = if state.is_empty() {
        None
    } else {
        Some(sigverify::tuf::State::from_bytes(state).map_err(|e| core_error(&e))?)
    };
    let roots = bytes_list(&roots, "roots")?;
    let files = bytes_list(&files, "target files")?;
    if names.len() != files.len() {
        return Err(type_error(
            "target file names and contents differ in number",
        ));
    }
    let repo = sigverify::tuf::Repository {
        roots: roots.iter().map(Vec::as_slice).collect(),
        timestamp,
        snapshot,
        targets,
        target_files: names
            .iter()
            .map(String::as_str)
            .zip(files.iter().map(Vec::as_slice))
            .collect(),
    };
    // `index.js` passes a finite, non-negative whole number of seconds; the cast saturates.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let now = sigverify::UnixTime(now as u64);
    let up =
        sigverify::tuf::update(anchor, state.as_ref(), &repo, now).map_err(|e| core_error(&e))?;
    let trusted_root = up
        .target_file(sigverify::tuf::TRUSTED_ROOT_TARGET)
        .map(<[u8]>::to_vec)
        .unwrap_or_default();
    to_js(&TufOutcome {
        trusted_root,
        state: up.state.to_bytes(),
        versions: Versions {
            root: up.versions.root,
            timestamp: up.versions.timestamp,
            snapshot: up.versions.snapshot,
            targets: up.versions.targets,
        },
        expires: up.expires.seconds(),
    })
}
