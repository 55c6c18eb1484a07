//! Status codes and the `sigverify_error` object.
//!
//! Verification failures carry the core's stable code and name unchanged (the constants in
//! [`crate::codes`], generated from `sigverify::Error::ALL`). The few failures that only the C
//! boundary can have (a NULL pointer, a panic) get codes in the 9000 block, which the core
//! does not use.

use alloc::borrow::ToOwned;
use alloc::ffi::CString;
use alloc::format;
use alloc::string::ToString;
use core::ffi::CStr;
use core::ffi::c_char;
use core::ffi::c_int;

use crate::codes::CORE_NAMES;
use crate::handle::Handle;
use crate::handle::sigverify_error;
use crate::panic;

/// Success.
pub const SIGVERIFY_OK: c_int = 0;
/// A required pointer argument was NULL.
pub const SIGVERIFY_NULL_PARAMETER: c_int = 9000;
/// An argument has a value the function does not accept (both an artifact and a digest, a
/// string that is not UTF-8, an index out of range, ...).
pub const SIGVERIFY_INVALID_ARGUMENT: c_int = 9001;
/// `now` was 0 but the system clock could not be read.
pub const SIGVERIFY_CLOCK_UNAVAILABLE: c_int = 9002;
/// The library panicked; this is a bug in sigverify. The panic was caught at the boundary.
pub const SIGVERIFY_PANIC: c_int = 9003;

/// Codes and names of the failures that belong to the C boundary, not to the core.
const BINDING_NAMES: &[(c_int, &CStr)] = &[
    (SIGVERIFY_OK, c"OK"),
    (SIGVERIFY_NULL_PARAMETER, c"NULL_PARAMETER"),
    (SIGVERIFY_INVALID_ARGUMENT, c"INVALID_ARGUMENT"),
    (SIGVERIFY_CLOCK_UNAVAILABLE, c"CLOCK_UNAVAILABLE"),
    (SIGVERIFY_PANIC, c"PANIC"),
];

/// Why a call failed, before it is turned into an error object.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The core rejected the input.
    Core(sigverify::Error),
    /// The named pointer argument was NULL.
    NullParameter(&'static str),
    /// An argument was not acceptable; the text says which.
    InvalidArgument(&'static str),
    /// `now` was 0 and the system clock is unusable.
    ClockUnavailable,
    /// A panic was caught.
    Panic,
}

impl From<sigverify::Error> for Failure {
    fn from(e: sigverify::Error) -> Self {
        Self::Core(e)
    }
}

/// The value behind a `sigverify_error` pointer.
#[derive(Debug)]
pub(crate) struct ErrorData {
    code: c_int,
    name: &'static CStr,
    message: CString,
}

impl ErrorData {
    /// The status code of this error.
    pub(crate) fn code(&self) -> c_int {
        self.code
    }
}

impl From<Failure> for ErrorData {
    fn from(failure: Failure) -> Self {
        let (code, message) = match failure {
            Failure::Core(e) => (c_int::from(e.code()), e.to_string()),
            Failure::NullParameter(name) => (
                SIGVERIFY_NULL_PARAMETER,
                format!("required pointer argument is NULL ({name})"),
            ),
            Failure::InvalidArgument(why) => (
                SIGVERIFY_INVALID_ARGUMENT,
                format!("invalid argument: {why}"),
            ),
            Failure::ClockUnavailable => (
                SIGVERIFY_CLOCK_UNAVAILABLE,
                "now is 0 but the system clock is before 1970".to_owned(),
            ),
            Failure::Panic => (
                SIGVERIFY_PANIC,
                "internal error: a panic was caught at the C boundary (a sigverify bug)".to_owned(),
            ),
        };
        // A message can quote certificate text; C strings end at the first NUL.
        let message = CString::new(message.replace('\0', "\\0")).unwrap_or_default();
        Self {
            code,
            name: code_name(code).unwrap_or(c"UNKNOWN"),
            message,
        }
    }
}

/// The name of `code`, from the core table or the binding's own codes.
fn code_name(code: c_int) -> Option<&'static CStr> {
    BINDING_NAMES
        .iter()
        .chain(CORE_NAMES)
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

/// The stable name of a status code, e.g. `"TLOG_INCLUSION_PROOF_INVALID"`, `"OK"` for 0, or
/// NULL for a code this library does not know.
///
/// Ownership: the string is static; do not free it. Thread-safe.
#[no_mangle]
pub extern "C" fn sigverify_code_name(code: c_int) -> *const c_char {
    panic::or(core::ptr::null(), || {
        code_name(code).map_or(core::ptr::null(), CStr::as_ptr)
    })
}

/// The status code of `error` (the same value the failing function returned), or
/// `SIGVERIFY_NULL_PARAMETER` when `error` is NULL.
///
/// # Safety
/// `error` is NULL or a live error from this library.
#[no_mangle]
pub unsafe extern "C" fn sigverify_error_code(error: *const sigverify_error) -> c_int {
    // SAFETY: per this function's contract `error` is NULL or live.
    let data = unsafe { sigverify_error::borrow(error, "error") };
    data.map_or(SIGVERIFY_NULL_PARAMETER, ErrorData::code)
}

/// The stable name of `error`'s code (e.g. `"SIGNATURE_INVALID"`), or NULL when `error` is
/// NULL.
///
/// Ownership: the string is static; do not free it.
///
/// # Safety
/// `error` is NULL or a live error from this library.
#[no_mangle]
pub unsafe extern "C" fn sigverify_error_name(error: *const sigverify_error) -> *const c_char {
    // SAFETY: per this function's contract `error` is NULL or live.
    let data = unsafe { sigverify_error::borrow(error, "error") };
    data.map_or(core::ptr::null(), |d| d.name.as_ptr())
}

/// A human-readable, NUL-terminated message describing `error` (English, not stable: match on
/// the code or name instead), or NULL when `error` is NULL.
///
/// Ownership: the string belongs to `error` and is valid until `sigverify_error_free(error)`.
///
/// # Safety
/// `error` is NULL or a live error from this library.
#[no_mangle]
pub unsafe extern "C" fn sigverify_error_message(error: *const sigverify_error) -> *const c_char {
    // SAFETY: per this function's contract `error` is NULL or live.
    let data = unsafe { sigverify_error::borrow(error, "error") };
    data.map_or(core::ptr::null(), |d| d.message.as_ptr())
}

/// Frees an error returned through an `error_out` parameter. NULL is a no-op.
///
/// # Safety
/// `error` is NULL or a live error from this library, not used again afterwards.
#[no_mangle]
pub unsafe extern "C" fn sigverify_error_free(error: *mut sigverify_error) {
    // SAFETY: per this function's contract `error` is NULL or a live, unaliased error.
    unsafe { sigverify_error::free(error) }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    /// The text of `codes.rs` as generated from the core's table.
    fn render_codes() -> String {
        let mut consts = String::new();
        let mut table = String::new();
        for (code, name) in sigverify::Error::ALL {
            writeln!(consts, "/// Core error `{name}` (`sigverify::Error`).").unwrap();
            writeln!(consts, "pub const SIGVERIFY_{name}: c_int = {code};").unwrap();
            writeln!(table, "    ({code}, c\"{name}\"),").unwrap();
        }
        format!(
            "//! The core's error codes as C constants. GENERATED from `sigverify::Error::ALL` by\n\
             //! `SIGVERIFY_C_BLESS=1 cargo test -p sigverify-c codes`; do not edit by hand.\n\
             \n\
             use core::ffi::CStr;\n\
             use core::ffi::c_int;\n\
             \n\
             {consts}\n\
             /// Every core (code, name) pair, in the core's table order.\n\
             pub(crate) const CORE_NAMES: &[(c_int, &CStr)] = &[\n\
             {table}];\n"
        )
    }

    #[test]
    fn codes_file_is_generated_from_the_core_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/codes.rs");
        let want = render_codes();
        if std::env::var_os("SIGVERIFY_C_BLESS").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap();
        assert!(
            have == want,
            "src/codes.rs is stale: run SIGVERIFY_C_BLESS=1 cargo test -p sigverify-c codes, twice"
        );
        let core: Vec<_> = sigverify::Error::ALL
            .iter()
            .map(|(c, n)| (c_int::from(*c), *n))
            .collect();
        let ours: Vec<_> = CORE_NAMES
            .iter()
            .map(|(c, n)| (*c, n.to_str().unwrap()))
            .collect();
        assert_eq!(core, ours);
    }

    #[test]
    fn binding_codes_do_not_collide_with_core_codes() {
        for (code, name) in BINDING_NAMES {
            assert!(
                sigverify::Error::ALL
                    .iter()
                    .all(|(c, n)| c_int::from(*c) != *code && *n != name.to_str().unwrap()),
                "{name:?}"
            );
        }
    }

    #[test]
    fn messages_never_contain_nul() {
        let e = ErrorData::from(Failure::Core(sigverify::Error::PolicyIdentityMismatch {
            found: "a\0b".to_owned(),
        }));
        assert_eq!(e.code(), 1000);
        assert!(e.message.to_str().unwrap().contains("a\\0b"));
        assert_eq!(e.name, c"POLICY_IDENTITY_MISMATCH");
    }
}
