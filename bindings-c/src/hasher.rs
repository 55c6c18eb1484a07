//! `sigverify_hasher`: SHA-256 over an artifact streamed in chunks, for `sigverify_verify`'s
//! digest mode.

use core::ffi::c_int;

use sigverify::Sha256Hasher;

use crate::SIGVERIFY_SHA256_LEN;
use crate::handle::Handle;
use crate::handle::bytes;
use crate::handle::out_param;
use crate::handle::sigverify_hasher;
use crate::panic;

/// Creates a hasher over the empty input. Returns NULL only if the library panicked.
///
/// Ownership: the caller owns the hasher and frees it with `sigverify_hasher_free`.
#[no_mangle]
pub extern "C" fn sigverify_hasher_new() -> *mut sigverify_hasher {
    panic::or(core::ptr::null_mut(), || {
        sigverify_hasher::into_raw(Sha256Hasher::new())
    })
}

/// Feeds `data[0..len]` to `hasher`. `data` must not be NULL, even when `len` is 0.
/// Returns `SIGVERIFY_OK` or `SIGVERIFY_NULL_PARAMETER`. The data is not retained.
///
/// # Safety
/// `hasher` is NULL or a live hasher not used by another thread during the call; `data` is
/// NULL or valid for reading `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sigverify_hasher_update(
    hasher: *mut sigverify_hasher,
    data: *const u8,
    len: usize,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `hasher` is NULL or live and unaliased.
        let hasher = unsafe { sigverify_hasher::borrow_mut(hasher, "hasher") }?;
        // SAFETY: per this function's contract `data` is NULL or readable for `len` bytes.
        hasher.update(unsafe { bytes(data, len, "data") }?);
        Ok(())
    };
    // SAFETY: NULL `error_out`: no error object is written.
    unsafe { panic::status(core::ptr::null_mut(), body) }
}

/// Writes the SHA-256 of everything fed so far to `digest_out[0..32]`
/// (`SIGVERIFY_SHA256_LEN` bytes) and resets `hasher` to the empty input, so it can be reused.
/// Returns `SIGVERIFY_OK` or `SIGVERIFY_NULL_PARAMETER` (then nothing is written or reset).
///
/// # Safety
/// `hasher` is NULL or a live hasher not used by another thread during the call;
/// `digest_out` is NULL or valid for writing 32 bytes.
#[no_mangle]
pub unsafe extern "C" fn sigverify_hasher_final(
    hasher: *mut sigverify_hasher,
    digest_out: *mut u8,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `hasher` is NULL or live and unaliased.
        let hasher = unsafe { sigverify_hasher::borrow_mut(hasher, "hasher") }?;
        let out = out_param(digest_out, "digest_out")?;
        let digest = core::mem::take(hasher).finalize();
        // SAFETY: `out` is non-NULL and, per this function's contract, writable for 32
        // bytes, which is the length of `digest.0`; a Rust array cannot overlap C memory.
        unsafe { core::ptr::copy_nonoverlapping(digest.0.as_ptr(), out, SIGVERIFY_SHA256_LEN) };
        Ok(())
    };
    // SAFETY: NULL `error_out`: no error object is written.
    unsafe { panic::status(core::ptr::null_mut(), body) }
}

/// Frees a hasher. NULL is a no-op.
///
/// # Safety
/// `hasher` is NULL or a live hasher from this library, not used again afterwards.
#[no_mangle]
pub unsafe extern "C" fn sigverify_hasher_free(hasher: *mut sigverify_hasher) {
    // SAFETY: per this function's contract `hasher` is NULL or live and unaliased.
    unsafe { sigverify_hasher::free(hasher) }
}
