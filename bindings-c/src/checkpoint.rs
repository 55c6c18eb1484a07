//! `sigverify_result_checkpoint_*` and `sigverify_result_cosignature_*`: the verified checkpoint
//! that proved each tlog entry, and the witness cosignatures a witness policy verified on it.
//!
//! Every string and byte array belongs to the result and lives until `sigverify_result_free`.

use alloc::vec::Vec;
use core::ffi::c_char;
use core::ffi::c_int;

use sigverify::Verified;

use crate::cstr::c_string;
use crate::cstr::nul_terminated;
use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::out_param;
use crate::handle::sigverify_result;
use crate::panic;

/// The NUL-terminated strings of one verified checkpoint, kept in the result.
#[derive(Debug)]
pub(crate) struct CheckpointText {
    /// The origin line.
    origin: Vec<u8>,
    /// The whole signed note.
    note: Vec<u8>,
    /// Each verified cosignature's witness name, in the core's order.
    witnesses: Vec<Vec<u8>>,
}

/// The strings of each log entry's checkpoint (`None`: an entry without one), for the result.
pub(crate) fn texts(verified: &Verified) -> Vec<Option<CheckpointText>> {
    verified
        .log_entries
        .iter()
        .map(|e| {
            e.checkpoint.as_ref().map(|c| CheckpointText {
                origin: nul_terminated(&c.origin),
                note: nul_terminated(&c.note),
                witnesses: c
                    .cosignatures
                    .iter()
                    .map(|w| nul_terminated(&w.witness))
                    .collect(),
            })
        })
        .collect()
}

/// Runs `read` over the checkpoint of entry `entry`, or returns `fallback` when `result` is
/// NULL, the entry does not exist or it has no checkpoint.
///
/// # Safety
/// `result` is NULL or a live result.
unsafe fn with_checkpoint<'a, T>(
    result: *const sigverify_result,
    entry: usize,
    fallback: T,
    read: impl FnOnce(&'a sigverify::SignedCheckpoint, &'a CheckpointText) -> T,
) -> T {
    // SAFETY: per this function's contract `result` is NULL or live.
    let Ok(r) = (unsafe { sigverify_result::borrow(result, "result") }) else {
        return fallback;
    };
    match r.checkpoint(entry) {
        Some((checkpoint, text)) => read(checkpoint, text),
        None => fallback,
    }
}

/// The origin line of the checkpoint that proved tlog entry number `entry` (the log's
/// identity, e.g. `"log2025-1.rekor.sigstore.dev"`): a NUL-terminated string, or NULL when
/// `result` is NULL, `entry` is out of range (`sigverify_result_log_entry_count`) or the entry
/// was proven by an inclusion promise alone (no checkpoint). When not NULL and `len_out` is
/// not NULL, its length (without the NUL) is stored there.
///
/// Ownership: the string belongs to `result`, valid until `sigverify_result_free(result)`.
///
/// # Safety
/// `result` is NULL or a live result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_checkpoint_origin(
    result: *const sigverify_result,
    entry: usize,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `result` is NULL or live, `len_out` NULL or
        // writable.
        unsafe {
            with_checkpoint(result, entry, core::ptr::null(), |_, t| {
                c_string(Some(&t.origin), len_out)
            })
        }
    })
}

/// The whole signed note of the checkpoint of tlog entry `entry`, signature lines included
/// (the log's and any witnesses'), as the log signed it: the evidence to keep or to report.
/// NULL and `len_out` as for `sigverify_result_checkpoint_origin`.
///
/// Ownership: the string belongs to `result`, valid until `sigverify_result_free(result)`.
///
/// # Safety
/// `result` is NULL or a live result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_checkpoint_note(
    result: *const sigverify_result,
    entry: usize,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `result` is NULL or live, `len_out` NULL or
        // writable.
        unsafe {
            with_checkpoint(result, entry, core::ptr::null(), |_, t| {
                c_string(Some(&t.note), len_out)
            })
        }
    })
}

/// The root hash of the checkpoint of tlog entry `entry`: 32 bytes (SHA-256; stored in
/// `*len_out` when `len_out` is not NULL), not NUL-terminated. NULL as for
/// `sigverify_result_checkpoint_origin`.
///
/// Ownership: the bytes belong to `result`, valid until `sigverify_result_free(result)`.
///
/// # Safety
/// `result` is NULL or a live result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_checkpoint_root_hash(
    result: *const sigverify_result,
    entry: usize,
    len_out: *mut usize,
) -> *const u8 {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `result` is NULL or live.
        unsafe {
            with_checkpoint(result, entry, core::ptr::null(), |c, _| {
                if !len_out.is_null() {
                    // SAFETY: `len_out` is non-NULL and, per the contract, writable.
                    len_out.write(c.root_hash.len());
                }
                c.root_hash.as_ptr()
            })
        }
    })
}

/// Stores the tree size of the checkpoint of tlog entry `entry` in `*size_out`. Returns
/// `SIGVERIFY_OK`, `SIGVERIFY_NULL_PARAMETER`, or `SIGVERIFY_INVALID_ARGUMENT` when `entry` is
/// out of range or has no checkpoint.
///
/// # Safety
/// `result` is NULL or a live result; `size_out` is NULL or valid for writing a `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_checkpoint_size(
    result: *const sigverify_result,
    entry: usize,
    size_out: *mut u64,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `result` is NULL or live.
        let r = unsafe { sigverify_result::borrow(result, "result") }?;
        let out = out_param(size_out, "size_out")?;
        let (c, _) = r
            .checkpoint(entry)
            .ok_or(Failure::InvalidArgument("entry has no checkpoint"))?;
        // SAFETY: `out` is non-NULL and, per this function's contract, writable.
        unsafe { out.write(c.size) };
        Ok(())
    };
    // SAFETY: NULL `error_out`: no error object is written.
    unsafe { panic::status(core::ptr::null_mut(), body) }
}

/// How many witness cosignatures verified on the checkpoint of tlog entry `entry`: those of the
/// verifier's witness policy (`sigverify_verifier_with_witness_policy`), each witness once; 0
/// without a policy, for an entry without checkpoint, out of range, or a NULL `result`.
///
/// # Safety
/// `result` is NULL or a live result.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_cosignature_count(
    result: *const sigverify_result,
    entry: usize,
) -> usize {
    // SAFETY: per this function's contract `result` is NULL or live.
    panic::or(0, || unsafe {
        with_checkpoint(result, entry, 0, |c, _| c.cosignatures.len())
    })
}

/// The name (in the witness policy) of the witness of cosignature number `index` on the
/// checkpoint of tlog entry `entry`: a NUL-terminated string, or NULL when any of them is out of
/// range (or `result` is NULL). `len_out` as for `sigverify_result_checkpoint_origin`.
///
/// Ownership: the string belongs to `result`, valid until `sigverify_result_free(result)`.
///
/// # Safety
/// `result` is NULL or a live result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_cosignature_witness(
    result: *const sigverify_result,
    entry: usize,
    index: usize,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `result` is NULL or live, `len_out` NULL or
        // writable.
        unsafe {
            with_checkpoint(result, entry, core::ptr::null(), |_, t| {
                c_string(t.witnesses.get(index), len_out)
            })
        }
    })
}

/// Stores the time (Unix seconds, by the witness's own clock, never after the verification
/// time) of cosignature number `index` on the checkpoint of tlog entry `entry` in `*time_out`.
/// Returns `SIGVERIFY_OK`, `SIGVERIFY_NULL_PARAMETER`, or `SIGVERIFY_INVALID_ARGUMENT` when
/// `entry` or `index` is out of range.
///
/// # Safety
/// `result` is NULL or a live result; `time_out` is NULL or valid for writing a `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_cosignature_time(
    result: *const sigverify_result,
    entry: usize,
    index: usize,
    time_out: *mut u64,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `result` is NULL or live.
        let r = unsafe { sigverify_result::borrow(result, "result") }?;
        let out = out_param(time_out, "time_out")?;
        let cosignature = r
            .checkpoint(entry)
            .and_then(|(c, _)| c.cosignatures.get(index))
            .ok_or(Failure::InvalidArgument("index"))?;
        // SAFETY: `out` is non-NULL and, per this function's contract, writable.
        unsafe { out.write(cosignature.time.seconds()) };
        Ok(())
    };
    // SAFETY: NULL `error_out`: no error object is written.
    unsafe { panic::status(core::ptr::null_mut(), body) }
}
