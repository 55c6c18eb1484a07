//! Status codes and the `sigverify_error` object: the C functions that read an error (the
//! codes and [`ErrorData`] live in `failure.rs`, below the handles).
//!
//! Verification failures carry the core's stable code and name unchanged (the constants in
//! [`crate::codes`], generated from `sigverify::Error::ALL`). The few failures that only the C
//! boundary can have (a NULL pointer, a panic) get codes in the 9000 block, which the core
//! does not use.

use core::ffi::CStr;
use core::ffi::c_char;
use core::ffi::c_int;

use crate::failure::ErrorData;
pub use crate::failure::SIGVERIFY_CLOCK_UNAVAILABLE;
pub use crate::failure::SIGVERIFY_INVALID_ARGUMENT;
pub use crate::failure::SIGVERIFY_NULL_PARAMETER;
pub use crate::failure::SIGVERIFY_OK;
pub use crate::failure::SIGVERIFY_PANIC;
use crate::failure::code_name;
use crate::handle::Handle;
use crate::handle::sigverify_error;
use crate::panic;

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
    use crate::codes::CORE_NAMES;
    use crate::failure::BINDING_NAMES;
    use crate::failure::Failure;

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
