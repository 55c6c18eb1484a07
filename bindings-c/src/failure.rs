//! Status codes and why a call failed: the binding's own codes, [`Failure`] as the code
//! meets it, and [`ErrorData`], the value behind a `sigverify_error` pointer. Below every
//! other module of the binding: the handles and the panic guard build on it, and the C
//! functions that read an error (`error.rs`) on those.

use alloc::borrow::ToOwned;
use alloc::ffi::CString;
use alloc::format;
#[cfg(feature = "messages")]
use alloc::string::ToString;
use core::ffi::CStr;
use core::ffi::c_int;

use crate::codes::CORE_NAMES;

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
pub(crate) const BINDING_NAMES: &[(c_int, &CStr)] = &[
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
    pub(crate) name: &'static CStr,
    pub(crate) message: CString,
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
            #[cfg(feature = "messages")]
            Failure::Core(e) => (c_int::from(e.code()), e.to_string()),
            #[cfg(not(feature = "messages"))]
            Failure::Core(e) => (c_int::from(e.code()), e.name().to_owned()),
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
pub(crate) fn code_name(code: c_int) -> Option<&'static CStr> {
    BINDING_NAMES
        .iter()
        .chain(CORE_NAMES)
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}
