//! `sigverify_result`: read-only accessors over a successful verification.

use alloc::string::String;
use alloc::vec::Vec;
use core::ffi::c_char;
use core::ffi::c_int;

use sigverify::SkippedItem;
use sigverify::Verified;

use crate::cstr::c_string;
use crate::cstr::nul_terminated;
use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::out_param;
use crate::handle::sigverify_error;
use crate::handle::sigverify_result;
use crate::handle::utf8;
use crate::panic;

/// The value behind a `sigverify_result` pointer: the core's result plus NUL-terminated
/// copies of its strings.
#[derive(Debug)]
pub(crate) struct ResultData {
    verified: Verified,
    identity: Option<Vec<u8>>,
    issuer: Option<Vec<u8>>,
    /// The Fulcio extensions: dotted OID and NUL-terminated value.
    extensions: Vec<(String, Vec<u8>)>,
    /// NUL-terminated copies of each log entry's checkpoint strings (`None`: no checkpoint).
    #[cfg(feature = "witness")]
    checkpoints: Vec<Option<crate::checkpoint::CheckpointText>>,
}

impl Handle for sigverify_result {
    type Inner = ResultData;
}

impl ResultData {
    /// Wraps a core result.
    pub(crate) fn new(verified: Verified) -> Self {
        let with_nul = |s: &Option<String>| s.as_deref().map(nul_terminated);
        let extensions = verified
            .extensions
            .iter()
            .map(|(oid, value)| (oid.clone(), nul_terminated(value)))
            .collect();
        Self {
            identity: with_nul(&verified.identity),
            issuer: with_nul(&verified.issuer),
            extensions,
            #[cfg(feature = "witness")]
            checkpoints: crate::checkpoint::texts(&verified),
            verified,
        }
    }

    /// The core's result.
    pub(crate) fn verified(&self) -> &Verified {
        &self.verified
    }

    /// The checkpoint of log entry `entry` and its strings; `None` when the entry does not
    /// exist or has no checkpoint.
    #[cfg(feature = "witness")]
    pub(crate) fn checkpoint(
        &self,
        entry: usize,
    ) -> Option<(
        &sigverify::SignedCheckpoint,
        &crate::checkpoint::CheckpointText,
    )> {
        let checkpoint = self.verified.log_entries.get(entry)?.checkpoint.as_ref()?;
        let text = self.checkpoints.get(entry)?.as_ref()?;
        Some((checkpoint, text))
    }
}

/// The signing certificate's identity (SAN): a NUL-terminated UTF-8 string, or NULL when the
/// bundle was signed with a managed key (or `result` is NULL). When `len_out` is not NULL and
/// the identity exists, its length in bytes (without the NUL) is stored there.
///
/// Ownership: the string belongs to `result`, valid until `sigverify_result_free(result)`.
///
/// # Safety
/// `result` is NULL or a live result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_identity(
    result: *const sigverify_result,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `result` is NULL or live.
        let Ok(r) = (unsafe { sigverify_result::borrow(result, "result") }) else {
            return core::ptr::null();
        };
        // SAFETY: `len_out` is NULL or writable, per this function's contract.
        unsafe { c_string(r.identity.as_ref(), len_out) }
    })
}

/// The value of the signing certificate's Fulcio extension `oid` (NUL-terminated dotted OID,
/// e.g. `"1.3.6.1.4.1.57264.1.12"`, the source repository URI): a NUL-terminated UTF-8 string,
/// or NULL when the certificate has no such extension holding text (or for a managed key, or
/// a NULL argument). `len_out` is as for `sigverify_result_identity`.
///
/// Ownership: the string belongs to `result`, valid until `sigverify_result_free(result)`.
///
/// # Safety
/// `result` is NULL or a live result; `oid` is NULL or NUL-terminated; `len_out` is NULL or
/// valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_extension(
    result: *const sigverify_result,
    oid: *const c_char,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `result` is NULL or live and `oid` is NULL or
        // NUL-terminated.
        let (Ok(r), Ok(oid)) = (
            unsafe { sigverify_result::borrow(result, "result") },
            unsafe { utf8(oid, "oid") },
        ) else {
            return core::ptr::null();
        };
        let value = r.extensions.iter().find(|(o, _)| o == oid).map(|(_, v)| v);
        // SAFETY: `len_out` is NULL or writable, per this function's contract.
        unsafe { c_string(value, len_out) }
    })
}

/// The signing certificate's OIDC issuer: as `sigverify_result_identity`.
///
/// Ownership: the string belongs to `result`, valid until `sigverify_result_free(result)`.
///
/// # Safety
/// `result` is NULL or a live result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_issuer(
    result: *const sigverify_result,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `result` is NULL or live.
        let Ok(r) = (unsafe { sigverify_result::borrow(result, "result") }) else {
            return core::ptr::null();
        };
        // SAFETY: `len_out` is NULL or writable, per this function's contract.
        unsafe { c_string(r.issuer.as_ref(), len_out) }
    })
}

/// How many verified signing times `result` holds (0 when `result` is NULL).
///
/// # Safety
/// `result` is NULL or a live result.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_signing_time_count(
    result: *const sigverify_result,
) -> usize {
    // SAFETY: per this function's contract `result` is NULL or live.
    let r = unsafe { sigverify_result::borrow(result, "result") };
    r.map_or(0, |r| r.verified.signing_times.len())
}

/// Stores the verified signing time number `index` (Unix seconds; index 0 is the earliest) in
/// `*time_out`. Returns `SIGVERIFY_OK`, `SIGVERIFY_NULL_PARAMETER`, or
/// `SIGVERIFY_INVALID_ARGUMENT` when `index` is out of range.
///
/// # Safety
/// `result` is NULL or a live result; `time_out` is NULL or valid for writing a `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_signing_time(
    result: *const sigverify_result,
    index: usize,
    time_out: *mut u64,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `result` is NULL or live.
        let r = unsafe { sigverify_result::borrow(result, "result") }?;
        let out = out_param(time_out, "time_out")?;
        let t = r
            .verified
            .signing_times
            .get(index)
            .ok_or(Failure::InvalidArgument("index"))?;
        // SAFETY: `out` is non-NULL and, per this function's contract, writable.
        unsafe { out.write(t.seconds()) };
        Ok(())
    };
    // SAFETY: NULL `error_out`: no error object is written.
    unsafe { panic::status(core::ptr::null_mut(), body) }
}

/// How many verified transparency-log entries `result` holds (0 when `result` is NULL).
///
/// # Safety
/// `result` is NULL or a live result.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_log_entry_count(
    result: *const sigverify_result,
) -> usize {
    // SAFETY: per this function's contract `result` is NULL or live.
    let r = unsafe { sigverify_result::borrow(result, "result") };
    r.map_or(0, |r| r.verified.log_entries.len())
}

/// Stores the log index of verified tlog entry number `index` in `*log_index_out`. Returns
/// `SIGVERIFY_OK`, `SIGVERIFY_NULL_PARAMETER`, or `SIGVERIFY_INVALID_ARGUMENT` when `index`
/// is out of range.
///
/// # Safety
/// `result` is NULL or a live result; `log_index_out` is NULL or valid for writing a
/// `uint64_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_log_index(
    result: *const sigverify_result,
    index: usize,
    log_index_out: *mut u64,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `result` is NULL or live.
        let r = unsafe { sigverify_result::borrow(result, "result") }?;
        let out = out_param(log_index_out, "log_index_out")?;
        let e = r
            .verified
            .log_entries
            .get(index)
            .ok_or(Failure::InvalidArgument("index"))?;
        // SAFETY: `out` is non-NULL and, per this function's contract, writable.
        unsafe { out.write(e.log_index) };
        Ok(())
    };
    // SAFETY: NULL `error_out`: no error object is written.
    unsafe { panic::status(core::ptr::null_mut(), body) }
}

/// A skipped item is a transparency-log entry (`sigverify_result_skipped`).
pub const SIGVERIFY_SKIPPED_TLOG_ENTRY: c_int = 1;
/// A skipped item is an RFC 3161 timestamp.
pub const SIGVERIFY_SKIPPED_TIMESTAMP: c_int = 2;
/// A skipped item is an SCT embedded in the signing certificate.
pub const SIGVERIFY_SKIPPED_SCT: c_int = 3;

/// How many items of the bundle did not verify and were left out because the thresholds were
/// met without them (0 when `result` is NULL).
///
/// # Safety
/// `result` is NULL or a live result.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_skipped_count(result: *const sigverify_result) -> usize {
    // SAFETY: per this function's contract `result` is NULL or live.
    let r = unsafe { sigverify_result::borrow(result, "result") };
    r.map_or(0, |r| r.verified.skipped.len())
}

/// Describes skipped item number `index`: its kind (`SIGVERIFY_SKIPPED_TLOG_ENTRY`,
/// `_TIMESTAMP` or `_SCT`) in `*kind_out`, its position in the bundle (for an SCT, in the
/// certificate's SCT list) in `*position_out`, and the core error code that made it fail in
/// `*code_out` (`sigverify_code_name` names it). Returns `SIGVERIFY_OK`,
/// `SIGVERIFY_NULL_PARAMETER`, or `SIGVERIFY_INVALID_ARGUMENT` when `index` is out of range.
///
/// # Safety
/// `result` is NULL or a live result; `kind_out` and `code_out` are NULL or valid for writing
/// an `int`, `position_out` for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_skipped(
    result: *const sigverify_result,
    index: usize,
    kind_out: *mut c_int,
    position_out: *mut usize,
    code_out: *mut c_int,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `result` is NULL or live.
        let r = unsafe { sigverify_result::borrow(result, "result") }?;
        let (kind, position, code) = (
            out_param(kind_out, "kind_out")?,
            out_param(position_out, "position_out")?,
            out_param(code_out, "code_out")?,
        );
        let s = r
            .verified
            .skipped
            .get(index)
            .ok_or(Failure::InvalidArgument("index"))?;
        let (k, p) = match s.item {
            SkippedItem::TlogEntry(i) => (SIGVERIFY_SKIPPED_TLOG_ENTRY, i),
            SkippedItem::Timestamp(i) => (SIGVERIFY_SKIPPED_TIMESTAMP, i),
            SkippedItem::Sct(i) => (SIGVERIFY_SKIPPED_SCT, i),
            _ => return Err(Failure::InvalidArgument("index")),
        };
        // SAFETY: each pointer is non-NULL and, per this function's contract, writable.
        unsafe {
            kind.write(k);
            position.write(p);
            code.write(c_int::from(s.reason.code()));
        }
        Ok(())
    };
    // SAFETY: NULL `error_out`: no error object is written.
    unsafe { panic::status(core::ptr::null_mut(), body) }
}

/// The verified DSSE payload (an in-toto statement) of a DSSE bundle, or NULL for a message
/// signature bundle (or a NULL `result`). When not NULL and `len_out` is not NULL, its length
/// is stored in `*len_out`. The bytes are not NUL-terminated.
///
/// Ownership: the bytes belong to `result`, valid until `sigverify_result_free(result)`.
///
/// # Safety
/// `result` is NULL or a live result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_statement(
    result: *const sigverify_result,
    len_out: *mut usize,
) -> *const u8 {
    // SAFETY: per this function's contract `result` is NULL or live.
    let r = unsafe { sigverify_result::borrow(result, "result") };
    let Some(statement) = r.ok().and_then(|r| r.verified.statement.as_ref()) else {
        return core::ptr::null();
    };
    if !len_out.is_null() {
        // SAFETY: `len_out` is non-NULL and, per this function's contract, writable.
        unsafe { len_out.write(statement.payload.len()) };
    }
    statement.payload.as_ptr()
}

/// Requires the result to be an attestation whose in-toto statement has the predicate type
/// `predicate_type` (NUL-terminated, compared exactly), as `verify-attestation
/// --predicate-type` does. Returns `SIGVERIFY_OK`, `SIGVERIFY_DSSE_PREDICATE_TYPE_MISMATCH`,
/// `SIGVERIFY_DSSE_ENVELOPE_MISSING` (a message-signature bundle),
/// `SIGVERIFY_DSSE_PAYLOAD_TYPE_UNSUPPORTED` (not in-toto), `SIGVERIFY_DSSE_STATEMENT_INVALID`,
/// or a boundary code, with a new error in `*error_out` when `error_out` is not NULL.
///
/// # Safety
/// `result` is NULL or a live result; `predicate_type` is NULL or a NUL-terminated string;
/// `error_out` is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_check_predicate_type(
    result: *const sigverify_result,
    predicate_type: *const c_char,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `result` is NULL or live.
        let r = unsafe { sigverify_result::borrow(result, "result") }?;
        // SAFETY: per this function's contract `predicate_type` is NULL or NUL-terminated.
        let want = unsafe { utf8(predicate_type, "predicate_type") }?;
        r.verified
            .attestation()
            .and_then(|s| s.check_predicate_type(want))?;
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// Frees a result. NULL is a no-op.
///
/// # Safety
/// `result` is NULL or a live result from this library, not used again afterwards.
#[no_mangle]
pub unsafe extern "C" fn sigverify_result_free(result: *mut sigverify_result) {
    // SAFETY: per this function's contract `result` is NULL or live and unaliased.
    unsafe { sigverify_result::free(result) }
}
