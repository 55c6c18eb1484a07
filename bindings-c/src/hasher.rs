//! `sigverify_hasher`: SHA-256 (or SHA-384, SHA-512) over an artifact streamed in chunks, for
//! `sigverify_verify`'s digest mode, `sigverify_verify_digest` and an npm tarball's SHA-512.

#![allow(non_camel_case_types, reason = "C API names")]

use core::ffi::c_char;
use core::ffi::c_int;

use sigverify::Digest;
use sigverify::HashAlgorithm;
use sigverify::digest::Hasher;

use crate::SIGVERIFY_SHA256_LEN;
use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::bytes;
use crate::handle::out_param;
use crate::handle::utf8;
use crate::panic;

/// Length in bytes of a SHA-384 digest, as `sigverify_hasher_final_digest` writes it.
pub const SIGVERIFY_SHA384_LEN: usize = 48;
/// Length in bytes of a SHA-512 digest, as `sigverify_hasher_final_digest` writes it and
/// `sigverify_verify_npm` reads it; the longest digest a hasher writes.
pub const SIGVERIFY_SHA512_LEN: usize = 64;

/// An incremental SHA-256 (or SHA-384, SHA-512) over an artifact streamed in chunks.
///
/// Created by `sigverify_hasher_new` or `sigverify_hasher_new_alg`, freed by
/// `sigverify_hasher_free`.
/// Thread-safety: mutable; use from one thread at a time (it may move between threads).
pub struct sigverify_hasher {
    _private: [u8; 0],
}

impl Handle for sigverify_hasher {
    type Inner = HasherData;
}

/// The value behind a `sigverify_hasher` pointer: the algorithm, so a final can start over.
#[derive(Debug)]
pub(crate) struct HasherData {
    algorithm: HashAlgorithm,
    inner: Hasher,
}

impl HasherData {
    fn new(algorithm: HashAlgorithm) -> Self {
        Self {
            algorithm,
            inner: Hasher::new(algorithm),
        }
    }

    /// The digest of everything fed so far; the hasher starts over on the empty input.
    fn finish(&mut self) -> Digest {
        core::mem::replace(&mut self.inner, Hasher::new(self.algorithm)).finalize()
    }
}

/// Creates a SHA-256 hasher over the empty input. Returns NULL only if the library panicked.
///
/// Ownership: the caller owns the hasher and frees it with `sigverify_hasher_free`.
#[no_mangle]
pub extern "C" fn sigverify_hasher_new() -> *mut sigverify_hasher {
    panic::or(core::ptr::null_mut(), || {
        sigverify_hasher::into_raw(HasherData::new(HashAlgorithm::Sha256))
    })
}

/// Creates a hasher over the empty input for `algorithm`, NUL-terminated: `"sha256"`,
/// `"sha384"` or `"sha512"` (the names `sigverify_bundle_artifact_hash` returns and
/// `sigverify_verify_digest` takes; an npm tarball is `"sha512"`). On success returns
/// `SIGVERIFY_OK` and writes the new hasher to `*hasher_out` (free it with
/// `sigverify_hasher_free`); otherwise `SIGVERIFY_NULL_PARAMETER`, or
/// `SIGVERIFY_INVALID_ARGUMENT` for another name.
///
/// # Safety
/// `algorithm` is NULL or NUL-terminated; `hasher_out` is NULL or valid for writing one
/// pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_hasher_new_alg(
    algorithm: *const c_char,
    hasher_out: *mut *mut sigverify_hasher,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `algorithm` is NULL or NUL-terminated.
        let name = unsafe { utf8(algorithm, "algorithm") }?;
        let out = out_param(hasher_out, "hasher_out")?;
        let alg = HashAlgorithm::from_name(name).ok_or(Failure::InvalidArgument(
            "algorithm must be \"sha256\", \"sha384\" or \"sha512\"",
        ))?;
        // SAFETY: `out` is non-NULL and, per this function's contract, writable.
        unsafe { out.write(sigverify_hasher::into_raw(HasherData::new(alg))) };
        Ok(())
    };
    // SAFETY: NULL `error_out`: no error object is written.
    unsafe { panic::status(core::ptr::null_mut(), body) }
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
        hasher.inner.update(unsafe { bytes(data, len, "data") }?);
        Ok(())
    };
    // SAFETY: NULL `error_out`: no error object is written.
    unsafe { panic::status(core::ptr::null_mut(), body) }
}

/// Writes the SHA-256 of everything fed so far to `digest_out[0..32]`
/// (`SIGVERIFY_SHA256_LEN` bytes) and resets `hasher` to the empty input, so it can be reused.
/// Returns `SIGVERIFY_OK` or `SIGVERIFY_NULL_PARAMETER`, or `SIGVERIFY_INVALID_ARGUMENT` for a
/// SHA-384 or SHA-512 hasher (use `sigverify_hasher_final_digest`); then nothing is written or
/// reset.
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
        if hasher.algorithm != HashAlgorithm::Sha256 {
            return Err(Failure::InvalidArgument(
                "not a SHA-256 hasher: use sigverify_hasher_final_digest",
            ));
        }
        let digest = hasher.finish();
        let d = digest.as_bytes();
        // SAFETY: `out` is non-NULL and, per this function's contract, writable for 32
        // bytes; `d` is a SHA-256 digest, 32 bytes (`min` keeps the copy within both); a Rust
        // value cannot overlap C memory.
        unsafe {
            core::ptr::copy_nonoverlapping(d.as_ptr(), out, d.len().min(SIGVERIFY_SHA256_LEN));
        };
        Ok(())
    };
    // SAFETY: NULL `error_out`: no error object is written.
    unsafe { panic::status(core::ptr::null_mut(), body) }
}

/// Writes the digest of everything fed so far to `digest_out` (32, 48 or 64 bytes, as the
/// hasher's algorithm gives: `SIGVERIFY_SHA256_LEN`, `_SHA384_LEN`, `_SHA512_LEN`), its length
/// to `*digest_len_out`, and resets `hasher` to the empty input. `digest_cap` is the room at
/// `digest_out`; `SIGVERIFY_SHA512_LEN` always suffices. Returns `SIGVERIFY_OK`,
/// `SIGVERIFY_NULL_PARAMETER`, or `SIGVERIFY_INVALID_ARGUMENT` when `digest_cap` is too small;
/// on failure nothing is written or reset.
///
/// # Safety
/// `hasher` is NULL or a live hasher not used by another thread during the call; `digest_out`
/// is NULL or valid for writing `digest_cap` bytes; `digest_len_out` is NULL or valid for
/// writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_hasher_final_digest(
    hasher: *mut sigverify_hasher,
    digest_out: *mut u8,
    digest_cap: usize,
    digest_len_out: *mut usize,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `hasher` is NULL or live and unaliased.
        let hasher = unsafe { sigverify_hasher::borrow_mut(hasher, "hasher") }?;
        let out = out_param(digest_out, "digest_out")?;
        let len_out = out_param(digest_len_out, "digest_len_out")?;
        if digest_cap < hasher.algorithm.output_len() {
            return Err(Failure::InvalidArgument(
                "digest_cap is smaller than the algorithm's digest",
            ));
        }
        let digest = hasher.finish();
        let d = digest.as_bytes();
        // SAFETY: `out` is non-NULL and, per this function's contract, writable for
        // `digest_cap` bytes, at least `d.len()` (checked above); `len_out` is non-NULL and
        // writable; a Rust value cannot overlap C memory.
        unsafe {
            core::ptr::copy_nonoverlapping(d.as_ptr(), out, d.len().min(digest_cap));
            len_out.write(d.len());
        };
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
