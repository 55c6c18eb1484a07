//! Deferred ECDSA checks, for browsers: their only fast ECDSA is WebCrypto, which is
//! asynchronous, while the core pipeline is synchronous.
//!
//! A deferred run installs [`RECORDER`] as the core's ECDSA backend: it answers "valid" to every
//! ECDSA check the core hands it and records the check. `index.js` then verifies every recorded
//! check with WebCrypto and returns the run's result only if all of them are valid. That is
//! exact, not a heuristic: a run in which every backend answer was "valid" and every one is then
//! confirmed valid is the same run a truthful backend would have made, step for step, because
//! the core is a pure function of its inputs and the answers. In every other case (an invalid
//! check, a WebCrypto failure, an error from the deferred run) `index.js` discards the deferred
//! run and verifies synchronously in WebAssembly, which gives the exact outcome.
//!
//! Outside a deferred run the recorder answers "cannot check", so the core's own code decides:
//! a browser verifier carries the recorder all the time, and its synchronous calls are plain
//! WebAssembly verification.

use std::cell::RefCell;

use serde::Serialize;
use sigverify::backend::Curve;
use sigverify::backend::EcdsaBackend;
use sigverify::backend::EcdsaCheck;
use sigverify::backend::Hash;
use wasm_bindgen::JsValue;

/// One ECDSA check for WebCrypto, in its terms.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct DeferredCheck {
    /// WebCrypto's `namedCurve`.
    named_curve: &'static str,
    /// WebCrypto's hash name.
    hash: &'static str,
    /// DER SubjectPublicKeyInfo, for `importKey("spki", ...)`.
    #[serde(serialize_with = "crate::as_bytes")]
    spki: Vec<u8>,
    /// The signed message.
    #[serde(serialize_with = "crate::as_bytes")]
    message: Vec<u8>,
    /// The signature as WebCrypto wants it: `r || s`, each the curve's size (IEEE P1363).
    #[serde(serialize_with = "crate::as_bytes")]
    signature: Vec<u8>,
}

impl DeferredCheck {
    /// The check in WebCrypto's terms; `None` when WebCrypto has no name for it (the core then
    /// checks it at once).
    fn new(check: &EcdsaCheck<'_>) -> Option<Self> {
        let hash = match check.hash {
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
            _ => return None,
        };
        // The core handed over a strict-DER signature with both scalars in range.
        let (named_curve, signature) = match check.curve {
            Curve::P256 => (
                "P-256",
                p256::ecdsa::Signature::from_der(check.signature)
                    .ok()?
                    .to_bytes()
                    .to_vec(),
            ),
            Curve::P384 => (
                "P-384",
                p384::ecdsa::Signature::from_der(check.signature)
                    .ok()?
                    .to_bytes()
                    .to_vec(),
            ),
            _ => return None,
        };
        Some(Self {
            named_curve,
            hash,
            spki: check.spki.to_vec(),
            message: check.message.to_vec(),
            signature,
        })
    }
}

thread_local! {
    /// The checks of the deferred run in progress; `None` when no deferred run is.
    static CHECKS: RefCell<Option<Vec<DeferredCheck>>> = const { RefCell::new(None) };
}

/// The recording backend described in the module documentation.
#[derive(Debug)]
pub(crate) struct Recorder;

/// The one instance every deferred verifier uses.
pub(crate) static RECORDER: Recorder = Recorder;

impl EcdsaBackend for Recorder {
    fn verify(&self, check: &EcdsaCheck<'_>) -> Option<bool> {
        let deferred = DeferredCheck::new(check)?;
        CHECKS.with(|checks| {
            let mut checks = checks.try_borrow_mut().ok()?;
            checks.as_mut()?.push(deferred);
            Some(true)
        })
    }
}

/// Runs `f` as a deferred run; returns its value and the checks it deferred. No native call
/// runs inside another, so a list already present was left by a run that trapped: it is
/// dropped, never added to.
pub(crate) fn record<T>(f: impl FnOnce() -> T) -> (T, Vec<DeferredCheck>) {
    set(Some(Vec::new()));
    let value = f();
    let checks = CHECKS
        .with(|checks| checks.try_borrow_mut().ok().and_then(|mut c| c.take()))
        .unwrap_or_default();
    (value, checks)
}

/// Sets the list of the run in progress; a synchronous run sets none, so that a list left by a
/// run that trapped cannot make the recorder answer "valid" to it.
fn set(list: Option<Vec<DeferredCheck>>) {
    CHECKS.with(|checks| {
        if let Ok(mut checks) = checks.try_borrow_mut() {
            *checks = list;
        }
    });
}

/// What a verify call returns to JavaScript: `go`'s value, or with `deferred` a deferred run's
/// `{ result, checks }` (not a verdict until `index.js` has confirmed every check). A deferred
/// run needs a verifier whose backend is [`RECORDER`]: with `platform`, it is refused before
/// any work, and `index.js` verifies synchronously instead. `go` converts its value itself, so
/// that this function (and [`record`]) is built once for every call, not once per result type.
pub(crate) fn outcome(
    deferred: bool,
    platform: bool,
    go: &mut dyn FnMut() -> Result<JsValue, JsValue>,
) -> Result<JsValue, JsValue> {
    if !deferred {
        set(None);
        return go();
    }
    if platform {
        return Err(crate::type_error("no deferred mode with platform crypto"));
    }
    let (value, checks) = record(go);
    let run = js_sys::Object::new();
    js_sys::Reflect::set(&run, &JsValue::from_str("result"), &value?)?;
    js_sys::Reflect::set(&run, &JsValue::from_str("checks"), &crate::to_js(&checks)?)?;
    Ok(run.into())
}

/// A core result as the JavaScript value `index.js` receives.
pub(crate) fn js<T: Serialize>(value: Result<T, sigverify::Error>) -> Result<JsValue, JsValue> {
    crate::to_js(&value.map_err(|e| crate::core_error(&e))?)
}
