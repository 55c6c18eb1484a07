//! Trusted roots over TUF for JavaScript: the caller fetched the files, the core's TUF client
//! decides (`TrustedRoot.fromTuf` in `index.js`).

use serde::Serialize;
use sigverify::tuf::layout::Files;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use wasm_bindgen::JsCast;

use crate::Uint;
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
    // TUF versions are any `u64`: a root at 2^64-1 is valid.
    root: Uint,
    timestamp: Uint,
    snapshot: Uint,
    targets: Uint,
}

/// The `Uint8Array`s of a JavaScript array, copied; anything else is a `TypeError` naming `what`.
pub(crate) fn bytes_list(list: &js_sys::Array, what: &str) -> Result<Vec<Vec<u8>>, JsValue> {
    list.iter()
        .map(|v| {
            v.dyn_into::<js_sys::Uint8Array>()
                .map(|a| a.to_vec())
                .map_err(|_| type_error(&format!("{what} must be Uint8Arrays")))
        })
        .collect()
}

/// The contents of `files`, one per name of `names`.
fn named_bytes(
    names: &[String],
    files: &js_sys::Array,
    what: &str,
) -> Result<Vec<Vec<u8>>, JsValue> {
    let files = bytes_list(files, what)?;
    if names.len() != files.len() {
        return Err(type_error(&format!(
            "{what}: names and contents differ in number"
        )));
    }
    Ok(files)
}

/// Runs one TUF update. `anchor` empty means the compiled-in production (or `staging`) TUF
/// root; `state` empty means no earlier update; `names[i]` names `files[i]`; with
/// `platform_crypto`, the ECDSA checks go to the runtime's own where it has a synchronous one.
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
    platform_crypto: bool,
) -> Result<JsValue, JsValue> {
    let (anchor, state) = start(anchor, staging, state)?;
    let roots = bytes_list(&roots, "roots")?;
    let files = named_bytes(&names, &files, "target files")?;
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
    run(anchor, state.as_ref(), &repo, now, platform_crypto)
}

/// Runs one TUF update over the files of a repository given side by side (`names[i]` names
/// `files[i]`; folders are ignored, so `metadata/root_history/16.root.json` is `16.root.json`):
/// the core's layout rules pick the roots after the anchor, the timestamp, snapshot and
/// targets, and the target files, as `trusted-root update --metadata DIR` does.
#[wasm_bindgen(js_name = tufUpdateFromFiles)]
pub fn tuf_update_from_files(
    anchor: &[u8],
    staging: bool,
    state: &[u8],
    names: Vec<String>,
    files: js_sys::Array,
    now: f64,
    platform_crypto: bool,
) -> Result<JsValue, JsValue> {
    let (anchor, state) = start(anchor, staging, state)?;
    let files = named_bytes(&names, &files, "files")?;
    // By base name, folders ignored; of two files of one name, the later one counts.
    let by_name = |name: &str| {
        names
            .iter()
            .zip(&files)
            .rev()
            .find(|(n, _)| n.rsplit('/').next().unwrap_or(n) == name)
            .map(|(_, bytes)| bytes.clone())
    };
    let picked = Files::collect(anchor, |_, name| {
        Ok::<_, core::convert::Infallible>(by_name(name))
    })
    .map_err(|e| type_error(&format!("TUF repository files: {e}")))?;
    run(
        anchor,
        state.as_ref(),
        &picked.repository(),
        now,
        platform_crypto,
    )
}

/// Where an update starts: `anchor`, or the compiled-in production (or `staging`) TUF root
/// when it is empty, and the state of `state` unless it is empty.
fn start<'a>(
    anchor: &'a [u8],
    staging: bool,
    state: &[u8],
) -> Result<(&'a [u8], Option<sigverify::tuf::State>), JsValue> {
    let anchor = match (anchor.is_empty(), staging) {
        (false, _) => anchor,
        (true, true) => sigverify::tuf::STAGING_ROOT,
        (true, false) => sigverify::tuf::PRODUCTION_ROOT,
    };
    if state.is_empty() {
        return Ok((anchor, None));
    }
    let state = sigverify::tuf::State::from_bytes(state).map_err(|e| core_error(&e))?;
    Ok((anchor, Some(state)))
}

/// The update itself, and its outcome as JavaScript sees it.
fn run(
    anchor: &[u8],
    state: Option<&sigverify::tuf::State>,
    repo: &sigverify::tuf::Repository<'_>,
    now: f64,
    platform_crypto: bool,
) -> Result<JsValue, JsValue> {
    // `index.js` passes a finite, non-negative whole number of seconds; the cast saturates.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let now = sigverify::UnixTime(now as u64);
    let (backend, _) = crate::ecdsa_backend(platform_crypto);
    let up = sigverify::tuf::update_with_backend(anchor, state, repo, now, backend)
        .map_err(|e| core_error(&e))?;
    let trusted_root = up
        .target_file(sigverify::tuf::TRUSTED_ROOT_TARGET)
        .map(<[u8]>::to_vec)
        .unwrap_or_default();
    to_js(&TufOutcome {
        trusted_root,
        state: up.state.to_bytes(),
        versions: Versions {
            root: Uint(up.versions.root),
            timestamp: Uint(up.versions.timestamp),
            snapshot: Uint(up.versions.snapshot),
            targets: Uint(up.versions.targets),
        },
        expires: up.expires.seconds(),
    })
}
