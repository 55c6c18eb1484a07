//! `sigverify_log_state`: the last checkpoint seen of each log, kept by the caller between
//! verifications (as text, `sigverify-log-state/v1`), so that a split view is caught offline.
//!
//! The state only ever refuses: a tampered or lost state can make an observation fail, never a
//! verification pass. Recovery from a damaged file (`SIGVERIFY_LOG_STATE_INVALID`): start from
//! an empty state (`sigverify_log_state_new(NULL, 0, ...)`), which trusts the next checkpoint
//! of each log as the first.

use alloc::vec::Vec;
use core::ffi::c_char;
use core::ffi::c_int;

use sigverify::log_state::ConsistencyProof;
use sigverify::log_state::LogState;

use crate::cstr::c_string;
use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::bytes;
use crate::handle::out_param;
use crate::handle::sigverify_error;
use crate::handle::sigverify_log_state;
use crate::handle::sigverify_result;
use crate::handle::utf8;
use crate::panic;
use crate::tuf::boxed_bytes;
use crate::witness::byte_strings;

/// The value behind a `sigverify_log_state` pointer: the core's state plus NUL-terminated
/// copies of each remembered checkpoint's origin and note, in the state's order.
#[derive(Debug)]
pub(crate) struct LogStateData {
    state: LogState,
    text: Vec<(Vec<u8>, Vec<u8>)>,
}

impl Handle for sigverify_log_state {
    type Inner = LogStateData;
}

impl LogStateData {
    fn new(state: LogState) -> Self {
        let nul = |s: &str| {
            let mut v = Vec::with_capacity(s.len().saturating_add(1));
            v.extend_from_slice(s.as_bytes());
            v.push(0);
            v
        };
        let text = state
            .logs()
            .iter()
            .map(|l| (nul(&l.origin), nul(&l.note)))
            .collect();
        Self { state, text }
    }
}

/// Creates a checkpoint state from the text `sigverify_log_state_to_text` wrote, held in
/// `text[0..text_len]`; `text` NULL (and `text_len` 0) gives an empty state, for the first
/// run. The checkpoints' signatures are not checked again (they were when they were
/// remembered, and a state cannot make a verification pass). An empty or otherwise malformed
/// text (including bytes that are not UTF-8) gives `SIGVERIFY_LOG_STATE_INVALID`; the way out is
/// an empty state.
///
/// The bytes are copied. Returns `SIGVERIFY_OK` and stores a new state in `*state_out` (free it
/// with `sigverify_log_state_free`), or an error code (`SIGVERIFY_LOG_STATE_INVALID`,
/// `SIGVERIFY_LIMIT_EXCEEDED`, or a boundary code), storing a new error in `*error_out` when
/// `error_out` is not NULL.
///
/// # Safety
/// `text` is NULL or valid for reading `text_len` bytes; `state_out` and `error_out` are NULL
/// or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_log_state_new(
    text: *const u8,
    text_len: usize,
    state_out: *mut *mut sigverify_log_state,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        let out = out_param(state_out, "state_out")?;
        let state = if text.is_null() {
            if text_len != 0 {
                return Err(Failure::InvalidArgument(
                    "text is NULL but text_len is not 0",
                ));
            }
            LogState::new()
        } else {
            // SAFETY: `text` is non-NULL and readable for `text_len` bytes, per the contract.
            let text = unsafe { bytes(text, text_len, "text") }?;
            let text = core::str::from_utf8(text).map_err(|_| sigverify::Error::LogStateInvalid)?;
            LogState::parse(text)?
        };
        // SAFETY: `out` is non-NULL and, per this function's contract, writable.
        unsafe { out.write(sigverify_log_state::into_raw(LogStateData::new(state))) };
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// Frees a checkpoint state. NULL is a no-op.
///
/// # Safety
/// `state` is NULL or a live state from this library, not used again afterwards (and not in
/// use by another thread).
#[no_mangle]
pub unsafe extern "C" fn sigverify_log_state_free(state: *mut sigverify_log_state) {
    // SAFETY: per this function's contract `state` is NULL or live and unaliased.
    unsafe { sigverify_log_state::free(state) }
}

/// Checks the checkpoint of every tlog entry of a verified `result` against `state`, then
/// remembers each larger tree: all or nothing, so that on any failure `state` is left exactly
/// as it was. A log seen for the first time is remembered; the same tree changes nothing; a
/// tree of another size needs a consistency proof between the two.
///
/// `proofs[i][0..proof_lens[i]]` (`proof_count` items; both arrays may be NULL when it is 0) are
/// consistency proofs in Rekor's JSON (`GET /api/v1/log/proof`: `{"rootHash": "<hex>",
/// "hashes": ["<hex>", ...]}`); each is used for the pair of trees whose larger root hash it
/// names. Entries proven by an inclusion promise alone have no checkpoint and are not observed.
///
/// Returns `SIGVERIFY_OK`, or `SIGVERIFY_LOG_SPLIT_VIEW` (the log signed two different trees of
/// the same size: `sigverify_log_state_note` of its origin and
/// `sigverify_result_checkpoint_note` are the two signed notes that prove it),
/// `SIGVERIFY_LOG_CONSISTENCY_PROOF_MISSING`, `SIGVERIFY_LOG_CONSISTENCY_PROOF_INVALID`,
/// `SIGVERIFY_LOG_CONSISTENCY_PROOF_MALFORMED`, `SIGVERIFY_LIMIT_EXCEEDED` or a boundary code,
/// storing a new error in `*error_out` when `error_out` is not NULL (its message names the log).
/// Strings read from `state` stay valid after a failure; a success invalidates them.
///
/// # Safety
/// `state` is NULL or a live state not in use by another thread; `result` is NULL or a live
/// result; `proofs` and `proof_lens` are NULL or readable for `proof_count` items, each
/// `proofs[i]` NULL or readable for `proof_lens[i]` bytes; `error_out` is NULL or valid for
/// writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_log_state_observe(
    state: *mut sigverify_log_state,
    result: *const sigverify_result,
    proofs: *const *const u8,
    proof_lens: *const usize,
    proof_count: usize,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract each pointer is NULL or valid as documented.
        let (data, result, proofs) = unsafe {
            (
                sigverify_log_state::borrow_mut(state, "state")?,
                sigverify_result::borrow(result, "result")?,
                byte_strings(proofs, proof_lens, proof_count, "proofs")?,
            )
        };
        let proofs = proofs
            .into_iter()
            .map(ConsistencyProof::from_json)
            .collect::<Result<Vec<_>, _>>()?;
        let mut next = data.state.clone();
        next.observe(&result.verified().log_entries, &proofs)?;
        if next != data.state {
            *data = LogStateData::new(next);
        }
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// Writes the state as text (`sigverify-log-state/v1`, each remembered signed checkpoint after
/// a blank line) for `sigverify_log_state_new` next time: store it where the verifier keeps its
/// trusted root, replacing the old file atomically.
///
/// On `SIGVERIFY_OK`, `*text_out` and `*text_len_out` receive a new buffer (not NUL-terminated)
/// that the caller frees with `sigverify_buffer_free(text, text_len)`; otherwise nothing is
/// written to them and the code is a boundary code.
///
/// # Safety
/// `state` is NULL or a live state; `text_out`, `text_len_out` and `error_out` are NULL or valid
/// for writing one value.
#[no_mangle]
pub unsafe extern "C" fn sigverify_log_state_to_text(
    state: *const sigverify_log_state,
    text_out: *mut *mut u8,
    text_len_out: *mut usize,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `state` is NULL or live.
        let data = unsafe { sigverify_log_state::borrow(state, "state") }?;
        let text = out_param(text_out, "text_out")?;
        let len = out_param(text_len_out, "text_len_out")?;
        let (ptr, n) = boxed_bytes(data.state.to_text().into_bytes());
        // SAFETY: both out-parameters are non-NULL and, per this function's contract, writable.
        unsafe {
            text.write(ptr);
            len.write(n);
        }
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// How many logs `state` remembers a checkpoint of (0 when `state` is NULL).
///
/// # Safety
/// `state` is NULL or a live state.
#[no_mangle]
pub unsafe extern "C" fn sigverify_log_state_log_count(state: *const sigverify_log_state) -> usize {
    // SAFETY: per this function's contract `state` is NULL or live.
    let data = unsafe { sigverify_log_state::borrow(state, "state") };
    data.map_or(0, |d| d.text.len())
}

/// The origin line (the log's identity) of remembered checkpoint number `index`, in the order
/// the logs were first seen: a NUL-terminated string, or NULL when `index` is out of range (or
/// `state` is NULL). When not NULL and `len_out` is not NULL, its length (without the NUL) is
/// stored there.
///
/// Ownership: the string belongs to `state`, valid until `state` is freed or changed by a
/// successful `sigverify_log_state_observe`.
///
/// # Safety
/// `state` is NULL or a live state; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_log_state_origin(
    state: *const sigverify_log_state,
    index: usize,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `state` is NULL or live.
        let Ok(data) = (unsafe { sigverify_log_state::borrow(state, "state") }) else {
            return core::ptr::null();
        };
        // SAFETY: `len_out` is NULL or writable, per this function's contract.
        unsafe { c_string(data.text.get(index).map(|(origin, _)| origin), len_out) }
    })
}

/// The remembered signed checkpoint (the whole note, signature lines included) of the log whose
/// origin line is `origin` (NUL-terminated, compared exactly): a NUL-terminated string, or NULL
/// when `state` remembers no such log (or an argument is NULL or not UTF-8). After
/// `sigverify_log_state_observe` refused a checkpoint, this is the evidence beside the presented
/// one (`sigverify_result_checkpoint_note`). `len_out` as for `sigverify_log_state_origin`.
///
/// Ownership: the string belongs to `state`, valid until `state` is freed or changed by a
/// successful `sigverify_log_state_observe`.
///
/// # Safety
/// `state` is NULL or a live state; `origin` is NULL or NUL-terminated; `len_out` is NULL or
/// valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_log_state_note(
    state: *const sigverify_log_state,
    origin: *const c_char,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `state` is NULL or live and `origin` is NULL
        // or NUL-terminated.
        let (Ok(data), Ok(origin)) = (
            unsafe { sigverify_log_state::borrow(state, "state") },
            unsafe { utf8(origin, "origin") },
        ) else {
            return core::ptr::null();
        };
        let note = data
            .state
            .logs()
            .iter()
            .zip(&data.text)
            .find(|(l, _)| l.origin == origin)
            .map(|(_, (_, note))| note);
        // SAFETY: `len_out` is NULL or writable, per this function's contract.
        unsafe { c_string(note, len_out) }
    })
}
