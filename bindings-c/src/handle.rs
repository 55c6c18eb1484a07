//! The opaque handle types of the C API and the only place where they are cast to and from
//! the Rust values behind them.
//!
//! Each handle is a `Box` of its Rust value, handed to C as a pointer to a zero-sized opaque
//! struct. [`Handle`] ties each opaque type to its value so that no other module casts.

// C naming for the exported types.
#![allow(non_camel_case_types)]

use alloc::boxed::Box;
use core::ffi::CStr;
use core::ffi::c_char;

use crate::failure::ErrorData;
use crate::failure::Failure;

/// A verifier over one trusted root (production, staging or a trusted-root JSON document).
///
/// Created by `sigverify_verifier_new_*`, freed by `sigverify_verifier_free`.
/// Thread-safety: immutable after creation; one verifier may be used by any number of threads
/// at once.
pub struct sigverify_verifier {
    _private: [u8; 0],
}

/// Who must have signed: an identity and OIDC issuer, or a managed public key.
///
/// Created by `sigverify_policy_new_*`, freed by `sigverify_policy_free`.
/// Thread-safety: immutable after creation; may be shared by any number of threads at once.
pub struct sigverify_policy {
    _private: [u8; 0],
}

/// What a successful verification established: identity, issuer, signing times, log entries.
///
/// Created by `sigverify_verify`, freed by `sigverify_result_free`.
/// Thread-safety: immutable; may be read by any number of threads at once.
pub struct sigverify_result {
    _private: [u8; 0],
}

/// What a verified GitHub release attestation established: the repository, tag, subjects,
/// the subject each asset matched, and the verification result.
///
/// Created by `sigverify_verify_release`, freed by `sigverify_release_result_free`.
/// Thread-safety: immutable; may be read by any number of threads at once.
pub struct sigverify_release_result {
    _private: [u8; 0],
}

/// A witness policy (`c2sp.org/tlog-policy`): the logs a verifier accepts, its witnesses, their
/// groups and the quorum of cosignatures every checkpoint must carry.
///
/// Created by `sigverify_witness_policy_new`, freed by `sigverify_witness_policy_free`.
/// Thread-safety: immutable after creation; may be shared by any number of threads at once.
#[cfg(feature = "witness")]
pub struct sigverify_witness_policy {
    _private: [u8; 0],
}

/// The last checkpoint seen of each transparency log, kept between verifications to catch a
/// log that shows this verifier a tree that does not extend the one it showed before.
///
/// Created by `sigverify_log_state_new`, freed by `sigverify_log_state_free`.
/// Thread-safety: mutable (`sigverify_log_state_observe`): one thread at a time (it may move
/// between threads).
#[cfg(feature = "witness")]
pub struct sigverify_log_state {
    _private: [u8; 0],
}

/// Why a call failed: a stable code and name, and a human-readable message.
///
/// Created by any function taking `sigverify_error **error_out` when it fails, freed by
/// `sigverify_error_free`. Thread-safety: immutable; may be read by any number of threads.
pub struct sigverify_error {
    _private: [u8; 0],
}

/// Ties an opaque C type to the Rust value its pointers point at.
pub(crate) trait Handle: Sized {
    /// The boxed Rust value behind a pointer to `Self`.
    type Inner;

    /// Moves `inner` to the heap and returns the pointer C owns from now on.
    fn into_raw(inner: Self::Inner) -> *mut Self {
        Box::into_raw(Box::new(inner)).cast()
    }

    /// A pointer to a value that another handle owns, for C to read and never free: valid
    /// while that owner lives.
    fn borrowed(inner: &Self::Inner) -> *const Self {
        core::ptr::from_ref(inner).cast()
    }

    /// Borrows the value behind `ptr`, or fails with `NULL_PARAMETER` naming `name`.
    ///
    /// # Safety
    /// `ptr` is NULL or came from [`Handle::into_raw`] and has not been freed; the value is
    /// not mutated for `'a`.
    unsafe fn borrow<'a>(ptr: *const Self, name: &'static str) -> Result<&'a Self::Inner, Failure> {
        // SAFETY: per this function's contract, a non-NULL `ptr` points at a live `Inner`.
        unsafe { ptr.cast::<Self::Inner>().as_ref() }.ok_or(Failure::NullParameter(name))
    }

    /// Borrows the value behind `ptr` mutably, or fails with `NULL_PARAMETER`.
    ///
    /// # Safety
    /// `ptr` is NULL or came from [`Handle::into_raw`] and has not been freed; nothing else
    /// accesses the value for `'a`.
    unsafe fn borrow_mut<'a>(
        ptr: *mut Self,
        name: &'static str,
    ) -> Result<&'a mut Self::Inner, Failure> {
        // SAFETY: per this function's contract, a non-NULL `ptr` points at a live `Inner`
        // with no other reference to it.
        unsafe { ptr.cast::<Self::Inner>().as_mut() }.ok_or(Failure::NullParameter(name))
    }

    /// Drops the value behind `ptr`; does nothing for NULL.
    ///
    /// # Safety
    /// `ptr` is NULL or came from [`Handle::into_raw`] and has not been freed; it is not used
    /// again.
    unsafe fn free(ptr: *mut Self) {
        if !ptr.is_null() {
            // SAFETY: per this function's contract `ptr` is an unfreed `Box<Inner>` pointer.
            drop(unsafe { Box::from_raw(ptr.cast::<Self::Inner>()) });
        }
    }
}

impl Handle for sigverify_verifier {
    type Inner = sigverify::Verifier;
}

impl Handle for sigverify_policy {
    type Inner = sigverify::Policy;
}

#[cfg(feature = "witness")]
impl Handle for sigverify_witness_policy {
    type Inner = sigverify::WitnessPolicy;
}

impl Handle for sigverify_error {
    type Inner = ErrorData;
}

/// Checks that an out-parameter is non-NULL, so that it can be written after the work is done.
pub(crate) fn out_param<T>(ptr: *mut T, name: &'static str) -> Result<*mut T, Failure> {
    if ptr.is_null() {
        Err(Failure::NullParameter(name))
    } else {
        Ok(ptr)
    }
}

/// Borrows `len` bytes at `ptr`. NULL fails with `NULL_PARAMETER` even when `len` is 0; a
/// non-NULL pointer with `len` 0 is the empty input.
///
/// # Safety
/// A non-NULL `ptr` is valid for reading `len` bytes, unchanged for `'a`.
pub(crate) unsafe fn bytes<'a>(
    ptr: *const u8,
    len: usize,
    name: &'static str,
) -> Result<&'a [u8], Failure> {
    if ptr.is_null() {
        return Err(Failure::NullParameter(name));
    }
    if len == 0 {
        return Ok(&[]);
    }
    if isize::try_from(len).is_err() {
        return Err(Failure::InvalidArgument("length larger than PTRDIFF_MAX"));
    }
    // SAFETY: `ptr` is non-NULL and, per this function's contract, valid for `len` bytes;
    // `len` fits in isize, as `from_raw_parts` requires.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// Borrows a NUL-terminated UTF-8 string.
///
/// # Safety
/// A non-NULL `ptr` points at a NUL-terminated string, unchanged for `'a`.
pub(crate) unsafe fn utf8<'a>(ptr: *const c_char, name: &'static str) -> Result<&'a str, Failure> {
    if ptr.is_null() {
        return Err(Failure::NullParameter(name));
    }
    // SAFETY: `ptr` is non-NULL and, per this function's contract, NUL-terminated.
    let s = unsafe { CStr::from_ptr(ptr) };
    s.to_str()
        .map_err(|_| Failure::InvalidArgument("string is not valid UTF-8"))
}
