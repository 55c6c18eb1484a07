//! `sigverify_verifier`: a trusted root decoded once, reused for every verification.

use core::ffi::c_int;

use sigverify::Config;
use sigverify::TrustedRoot;
use sigverify::Verifier;

use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::bytes;
use crate::handle::out_param;
use crate::handle::sigverify_error;
use crate::handle::sigverify_verifier;
use crate::panic;

/// Builds a verifier over the root `load` returns and stores it in `verifier_out`.
///
/// # Safety
/// `verifier_out` and `error_out` are NULL or valid for writing one pointer.
unsafe fn new_verifier(
    verifier_out: *mut *mut sigverify_verifier,
    error_out: *mut *mut sigverify_error,
    load: impl FnOnce() -> Result<TrustedRoot, Failure>,
) -> c_int {
    let body = || {
        let out = out_param(verifier_out, "verifier_out")?;
        let verifier = Verifier::new(load()?, Config::default());
        // SAFETY: `out` is non-NULL and, per this function's contract, writable.
        unsafe { out.write(sigverify_verifier::into_raw(verifier)) };
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// Creates a verifier over the compiled-in Sigstore public-good **production** trusted root,
/// with the public-good requirements (one tlog entry, one SCT, one trusted signing time).
///
/// Returns `SIGVERIFY_OK` and stores a new verifier in `*verifier_out` (free it with
/// `sigverify_verifier_free`), or an error code, storing a new error in `*error_out` when
/// `error_out` is not NULL (free it with `sigverify_error_free`).
///
/// Resources on a Cortex-M4F (the no_std library at opt-level "s", measured by
/// `embedded/figures.sh`): the verifier holds about 15 KiB of heap until freed (16 KiB at the
/// peak while it is built), takes about 0.94 M instructions, and less stack than
/// `sigverify_verify` (a static estimate of its deepest path: 4 KiB). The CA
/// chain links of the compiled-in root were checked when the library was tested, not here.
///
/// # Safety
/// `verifier_out` and `error_out` are NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verifier_new_production(
    verifier_out: *mut *mut sigverify_verifier,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    // SAFETY: forwarded from this function's contract.
    unsafe { new_verifier(verifier_out, error_out, || Ok(TrustedRoot::production()?)) }
}

/// Creates a verifier over the compiled-in Sigstore public-good **staging** trusted root.
/// Ownership and errors as for `sigverify_verifier_new_production`.
///
/// # Safety
/// `verifier_out` and `error_out` are NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verifier_new_staging(
    verifier_out: *mut *mut sigverify_verifier,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    // SAFETY: forwarded from this function's contract.
    unsafe { new_verifier(verifier_out, error_out, || Ok(TrustedRoot::staging()?)) }
}

/// Creates a verifier over a `trusted_root.json` document (Sigstore `TrustedRoot`, or a
/// `ClientTrustConfig` wrapping one) held in `json[0..json_len]`.
///
/// The bytes are copied: the buffer may be freed as soon as this returns. Ownership and
/// errors as for `sigverify_verifier_new_production`; a malformed document gives one of the
/// `SIGVERIFY_TRUST_ROOT_*` codes.
///
/// # Safety
/// `json` is NULL or valid for reading `json_len` bytes; `verifier_out` and `error_out` are
/// NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verifier_new_from_trusted_root(
    json: *const u8,
    json_len: usize,
    verifier_out: *mut *mut sigverify_verifier,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        new_verifier(verifier_out, error_out, || {
            // SAFETY: `json` is NULL or readable for `json_len` bytes, per the contract.
            let json = bytes(json, json_len, "json")?;
            Ok(TrustedRoot::from_json(json)?)
        })
    }
}

/// What a deployment requires of every bundle: how many distinct transparency logs, timestamp
/// authorities, trusted signing times and CT logs must vouch for it (`sigverify::Config`).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct sigverify_config {
    /// Distinct transparency logs whose entries must verify.
    pub tlog_entries: usize,
    /// Distinct timestamp authorities whose RFC 3161 timestamps must verify.
    pub signed_timestamps: usize,
    /// Trusted signing times of either kind. 0 only with a managed-key policy and
    /// `tlog_entries` 0 (the key's window is then checked at `now`); elsewhere verification
    /// fails with `SIGVERIFY_TIME_THRESHOLD_ZERO_NOT_ALLOWED`.
    pub observer_timestamps: usize,
    /// Distinct CT logs whose embedded SCTs must verify.
    pub certificate_timestamps: usize,
}

impl From<Config> for sigverify_config {
    fn from(c: Config) -> Self {
        Self {
            tlog_entries: c.tlog_entries,
            signed_timestamps: c.signed_timestamps,
            observer_timestamps: c.observer_timestamps,
            certificate_timestamps: c.certificate_timestamps,
        }
    }
}

/// The Sigstore public-good requirements: one tlog entry, one SCT, one signing time (what
/// every `sigverify_verifier_new_*` starts with).
#[no_mangle]
pub extern "C" fn sigverify_config_public_good() -> sigverify_config {
    Config::default().into()
}

/// GitHub's Sigstore instance for private repositories: one RFC 3161 timestamp, no tlog entry,
/// no SCT (use it with GitHub's trusted root).
#[no_mangle]
pub extern "C" fn sigverify_config_github_private() -> sigverify_config {
    Config::github_private().into()
}

/// Creates a verifier over the same trusted root as `verifier`, with the requirements in
/// `*config`. `verifier` is not changed and stays usable. Ownership and errors as for `sigverify_verifier_new_production`.
///
/// # Safety
/// `verifier` is NULL or a live verifier; `config` is NULL or valid for reading one
/// `sigverify_config`; `verifier_out` and `error_out` are NULL or valid for writing one
/// pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verifier_with_config(
    verifier: *const sigverify_verifier,
    config: *const sigverify_config,
    verifier_out: *mut *mut sigverify_verifier,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `verifier` is NULL or live.
        let base = unsafe { sigverify_verifier::borrow(verifier, "verifier") }?;
        if config.is_null() {
            return Err(Failure::NullParameter("config"));
        }
        // SAFETY: non-NULL and, per the contract, readable for one `sigverify_config`.
        let c = unsafe { config.read() };
        let out = out_param(verifier_out, "verifier_out")?;
        let next = base.clone().with_config(core_config(c));
        // SAFETY: `out` is non-NULL and, per this function's contract, writable.
        unsafe { out.write(sigverify_verifier::into_raw(next)) };
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// Changes the requirements of `verifier` in place to `*config` (without the copy of its
/// trusted root that `sigverify_verifier_with_config` makes: a firmware choosing thresholds per
/// signer). Returns `SIGVERIFY_OK`, or `SIGVERIFY_NULL_PARAMETER` when `verifier` or `config`
/// is NULL.
///
/// # Safety
/// `verifier` is NULL or a live verifier not in use by another thread during this call;
/// `config` is NULL or valid for reading one `sigverify_config`; `error_out` is NULL or valid
/// for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verifier_set_config(
    verifier: *mut sigverify_verifier,
    config: *const sigverify_config,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract, `verifier` is NULL or live and unshared.
        let inner = unsafe { sigverify_verifier::borrow_mut(verifier, "verifier") }?;
        if config.is_null() {
            return Err(Failure::NullParameter("config"));
        }
        // SAFETY: non-NULL and, per the contract, readable for one `sigverify_config`.
        inner.set_config(core_config(unsafe { config.read() }));
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// The core's configuration from the C struct.
fn core_config(c: sigverify_config) -> Config {
    Config {
        tlog_entries: c.tlog_entries,
        signed_timestamps: c.signed_timestamps,
        observer_timestamps: c.observer_timestamps,
        certificate_timestamps: c.certificate_timestamps,
    }
}

/// Frees a verifier. NULL is a no-op. Results obtained from it stay valid.
///
/// # Safety
/// `verifier` is NULL or a live verifier from this library, not used again afterwards (and
/// not in use by another thread).
#[no_mangle]
pub unsafe extern "C" fn sigverify_verifier_free(verifier: *mut sigverify_verifier) {
    // SAFETY: per this function's contract `verifier` is NULL or live and unaliased.
    unsafe { sigverify_verifier::free(verifier) }
}
