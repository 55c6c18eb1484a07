//! ECDSA checks handed to the firmware: an accelerator or secure element (STM32 PKA, NXP
//! CAAM, ATECC608) behind a callback with a context.
//!
//! The core keeps every decision that makes platforms agree (key and signature decoding, the
//! range of the scalars, Ed25519 and RSA); the callback only answers whether one well-formed
//! ECDSA signature is valid. An answer of `SIGVERIFY_ECDSA_CANNOT_CHECK` hands the check back
//! to the core's own code; `SIGVERIFY_ECDSA_INVALID` is final.

#![allow(non_camel_case_types, reason = "C API names")]

use core::ffi::c_int;
use core::ffi::c_void;

use sigverify::backend::Curve;
use sigverify::backend::EcdsaBackend;
use sigverify::backend::EcdsaCheck;
use sigverify::backend::EcdsaDigestCheck;
use sigverify::backend::Hash;

use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::sigverify_error;
use crate::handle::sigverify_verifier;
use crate::panic;

/// The signature is valid.
pub const SIGVERIFY_ECDSA_VALID: c_int = 1;
/// The signature is invalid. Final: the core does not check it again. Any answer other than
/// the three `SIGVERIFY_ECDSA_*` values counts as this one.
pub const SIGVERIFY_ECDSA_INVALID: c_int = 0;
/// This implementation cannot check it (curve, hash or mode not supported, engine busy): the
/// core's own software checks it instead.
pub const SIGVERIFY_ECDSA_CANNOT_CHECK: c_int = -1;

/// `sigverify_ecdsa_check.curve`: NIST P-256.
pub const SIGVERIFY_CURVE_P256: c_int = 256;
/// `sigverify_ecdsa_check.curve`: NIST P-384.
pub const SIGVERIFY_CURVE_P384: c_int = 384;
/// `sigverify_ecdsa_check.curve`: NIST P-521.
pub const SIGVERIFY_CURVE_P521: c_int = 521;

/// `sigverify_ecdsa_check.hash`: SHA-256.
pub const SIGVERIFY_HASH_SHA256: c_int = 256;
/// `sigverify_ecdsa_check.hash`: SHA-384.
pub const SIGVERIFY_HASH_SHA384: c_int = 384;
/// `sigverify_ecdsa_check.hash`: SHA-512.
pub const SIGVERIFY_HASH_SHA512: c_int = 512;

/// One ECDSA signature check. Every pointer is valid only during the callback.
///
/// Exactly one of `message` and `digest` is non-NULL: the signed message (hash it with
/// `hash`), or its `hash` digest already computed (when the caller gave only the artifact's
/// digest).
#[repr(C)]
#[derive(Debug)]
pub struct sigverify_ecdsa_check {
    /// `SIGVERIFY_CURVE_P256`, `SIGVERIFY_CURVE_P384` or `SIGVERIFY_CURVE_P521`.
    pub curve: c_int,
    /// `SIGVERIFY_HASH_SHA256`, `SIGVERIFY_HASH_SHA384` or `SIGVERIFY_HASH_SHA512`.
    pub hash: c_int,
    /// The public key as an uncompressed SEC1 point (`04 || x || y`), validated by the core.
    pub point: *const u8,
    /// Length of `point`: 65, 97 or 133 bytes.
    pub point_len: usize,
    /// The same key as a DER SubjectPublicKeyInfo.
    pub spki: *const u8,
    /// Length of `spki`.
    pub spki_len: usize,
    /// The signed message, or NULL.
    pub message: *const u8,
    /// Length of `message` (0 when NULL).
    pub message_len: usize,
    /// The message's digest, or NULL.
    pub digest: *const u8,
    /// Length of `digest` (0 when NULL).
    pub digest_len: usize,
    /// The signature as a DER `Ecdsa-Sig-Value`, checked by the core to be strict DER with
    /// both scalars in `1..n`.
    pub signature: *const u8,
    /// Length of `signature`.
    pub signature_len: usize,
}

/// A firmware's ECDSA verifier: answers `SIGVERIFY_ECDSA_VALID`, `SIGVERIFY_ECDSA_INVALID`
/// or `SIGVERIFY_ECDSA_CANNOT_CHECK` for `check`, with the `context` it was installed with.
pub type sigverify_ecdsa_verify_fn = Option<
    unsafe extern "C" fn(context: *mut c_void, check: *const sigverify_ecdsa_check) -> c_int,
>;

/// The installed callback and its context.
pub(crate) struct Callback {
    verify: unsafe extern "C" fn(*mut c_void, *const sigverify_ecdsa_check) -> c_int,
    context: *mut c_void,
}

// SAFETY: `sigverify_verifier_set_ecdsa_backend` requires the callback to be callable with
// this context from every thread that uses the verifier; the pointer is never dereferenced here.
unsafe impl Send for Callback {}
// SAFETY: as above; the callback receives the context and a check, nothing shared mutably.
unsafe impl Sync for Callback {}

impl Callback {
    /// `verify`, called with `context`.
    pub(crate) fn new(
        verify: unsafe extern "C" fn(*mut c_void, *const sigverify_ecdsa_check) -> c_int,
        context: *mut c_void,
    ) -> Self {
        Self { verify, context }
    }
}

impl core::fmt::Debug for Callback {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("sigverify_ecdsa_verify_fn")
    }
}

fn curve_code(curve: Curve) -> c_int {
    match curve {
        Curve::P256 => SIGVERIFY_CURVE_P256,
        Curve::P384 => SIGVERIFY_CURVE_P384,
        _ => SIGVERIFY_CURVE_P521,
    }
}

fn hash_code(hash: Hash) -> c_int {
    match hash {
        Hash::Sha256 => SIGVERIFY_HASH_SHA256,
        Hash::Sha384 => SIGVERIFY_HASH_SHA384,
        _ => SIGVERIFY_HASH_SHA512,
    }
}

impl Callback {
    fn ask(&self, check: &sigverify_ecdsa_check) -> Option<bool> {
        // SAFETY: the callback was installed with this context for exactly this call; every
        // pointer in `check` borrows a live slice for the duration of the call.
        match unsafe { (self.verify)(self.context, check) } {
            SIGVERIFY_ECDSA_VALID => Some(true),
            SIGVERIFY_ECDSA_CANNOT_CHECK => None,
            _ => Some(false),
        }
    }
}

/// What a check's signature covers.
enum Signed<'a> {
    Message(&'a [u8]),
    Digest(&'a [u8]),
}

/// The C view of one check: exactly one of `message` and `digest` is given.
fn c_check(
    curve: Curve,
    hash: Hash,
    spki: &[u8],
    point: &[u8],
    signed: Signed<'_>,
    signature: &[u8],
) -> sigverify_ecdsa_check {
    let null = core::ptr::null();
    let (message, message_len, digest, digest_len) = match signed {
        Signed::Message(m) => (m.as_ptr(), m.len(), null, 0),
        Signed::Digest(d) => (null, 0, d.as_ptr(), d.len()),
    };
    sigverify_ecdsa_check {
        curve: curve_code(curve),
        hash: hash_code(hash),
        point: point.as_ptr(),
        point_len: point.len(),
        spki: spki.as_ptr(),
        spki_len: spki.len(),
        message,
        message_len,
        digest,
        digest_len,
        signature: signature.as_ptr(),
        signature_len: signature.len(),
    }
}

impl EcdsaBackend for Callback {
    fn verify(&self, check: &EcdsaCheck<'_>) -> Option<bool> {
        let signed = Signed::Message(check.message);
        self.ask(&c_check(
            check.curve,
            check.hash,
            check.spki,
            check.point,
            signed,
            check.signature,
        ))
    }

    fn verify_digest(&self, check: &EcdsaDigestCheck<'_>) -> Option<bool> {
        let signed = Signed::Digest(check.digest);
        self.ask(&c_check(
            check.curve,
            check.hash,
            check.spki,
            check.point,
            signed,
            check.signature,
        ))
    }
}

/// Hands this verifier's ECDSA checks to `verify`, called with `context` (which sigverify
/// never dereferences). Each later `sigverify_verify*` call with this verifier asks `verify`
/// first and uses the core's software only where it answers `SIGVERIFY_ECDSA_CANNOT_CHECK`.
/// A verifier with a backend is no longer safe to share between threads unless `verify` is.
///
/// Cost: none beyond the callback; the callback runs on the caller's stack.
///
/// Returns `SIGVERIFY_OK`, or `SIGVERIFY_NULL_PARAMETER` when `verifier` or `verify` is NULL.
///
/// # Safety
/// `verifier` is NULL or a live verifier not in use by another thread during this call;
/// `verify` is callable with `context` for as long as the verifier lives; `error_out` is NULL
/// or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verifier_set_ecdsa_backend(
    verifier: *mut sigverify_verifier,
    verify: sigverify_ecdsa_verify_fn,
    context: *mut c_void,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract, `verifier` is NULL or live and unshared.
        let inner = unsafe { sigverify_verifier::borrow_mut(verifier, "verifier") }?;
        let verify = verify.ok_or(Failure::NullParameter("verify"))?;
        let backend = alloc::sync::Arc::new(Callback::new(verify, context));
        *inner = inner.clone().with_shared_ecdsa_backend(backend);
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// Checks `check` with sigverify's own software ECDSA, as the verifier does when no backend
/// answers: for a callback that hands some checks to hardware and does the rest here, and for
/// testing a callback. Returns `SIGVERIFY_ECDSA_VALID` or `SIGVERIFY_ECDSA_INVALID` (also for
/// NULL, an unknown curve or hash, or both or neither of `message` and `digest`).
///
/// # Safety
/// `check` is NULL or points to a check whose pointers are valid for their lengths.
#[no_mangle]
pub unsafe extern "C" fn sigverify_ecdsa_check_in_software(
    check: *const sigverify_ecdsa_check,
) -> c_int {
    // SAFETY: forwarded from this function's contract.
    let valid = panic::or(false, || unsafe { software(check) }.unwrap_or(false));
    if valid {
        SIGVERIFY_ECDSA_VALID
    } else {
        SIGVERIFY_ECDSA_INVALID
    }
}

/// # Safety
/// As for [`sigverify_ecdsa_check_in_software`].
unsafe fn software(check: *const sigverify_ecdsa_check) -> Option<bool> {
    // SAFETY: `check` is NULL or valid, per the contract.
    let check = unsafe { check.as_ref() }?;
    let curve = match check.curve {
        SIGVERIFY_CURVE_P256 => Curve::P256,
        SIGVERIFY_CURVE_P384 => Curve::P384,
        SIGVERIFY_CURVE_P521 => Curve::P521,
        _ => return None,
    };
    let hash = match check.hash {
        SIGVERIFY_HASH_SHA256 => Hash::Sha256,
        SIGVERIFY_HASH_SHA384 => Hash::Sha384,
        SIGVERIFY_HASH_SHA512 => Hash::Sha512,
        _ => return None,
    };
    // SAFETY: each pointer is valid for its length, per the contract.
    let slice = |p: *const u8, n: usize| unsafe { crate::handle::bytes(p, n, "check") }.ok();
    let point = slice(check.point, check.point_len)?;
    let spki = slice(check.spki, check.spki_len)?;
    let signature = slice(check.signature, check.signature_len)?;
    Some(match (check.message.is_null(), check.digest.is_null()) {
        (false, true) => sigverify::backend::verify_in_software(&EcdsaCheck {
            curve,
            hash,
            spki,
            point,
            message: slice(check.message, check.message_len)?,
            signature,
        }),
        (true, false) => sigverify::backend::verify_digest_in_software(&EcdsaDigestCheck {
            curve,
            hash,
            spki,
            point,
            digest: slice(check.digest, check.digest_len)?,
            signature,
        }),
        _ => return None,
    })
}
