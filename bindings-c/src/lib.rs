//! C API of sigverify: `libsigverify.a` / `libsigverify.so` and `include/sigverify.h`.
//!
//! A thin translation layer: each function converts C values to core types, calls the core
//! once and converts the outcome back. No policy or verification decision is made here.
//!
//! Conventions (the README's "API conventions" section has the full list):
//! - a fallible function returns an `int` status: [`SIGVERIFY_OK`] (0) or an error code,
//!   which for verification failures is the core's stable code (`sigverify::Error::code`);
//! - out-parameters are written only on success; `error_out` (nullable) only on failure;
//! - every `*_new` has a `*_free`, and `*_free(NULL)` does nothing;
//! - no panic crosses the boundary: it becomes [`SIGVERIFY_PANIC`] (with the `std` feature),
//!   or it ends in the firmware's `sigverify_platform_abort` (without it: a `no_std` static
//!   library for bare metal, where there is no unwinding to catch).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod backend;
#[cfg(feature = "witness")]
pub mod checkpoint;
pub mod codes;
mod cstr;
pub mod error;
mod failure;
pub mod files;
pub mod firmware;
pub mod handle;
pub mod hasher;
#[cfg(feature = "witness")]
pub mod log_state;
pub mod npm;
mod panic;
#[cfg(not(feature = "std"))]
pub mod platform;
pub mod policy;
pub mod release;
pub mod result;
pub mod tuf;
pub mod verifier;
pub mod verify;
#[cfg(feature = "witness")]
pub mod witness;

pub use error::SIGVERIFY_CLOCK_UNAVAILABLE;
pub use error::SIGVERIFY_INVALID_ARGUMENT;
pub use error::SIGVERIFY_NULL_PARAMETER;
pub use error::SIGVERIFY_OK;
pub use error::SIGVERIFY_PANIC;
pub use handle::sigverify_error;
#[cfg(feature = "witness")]
pub use handle::sigverify_log_state;
pub use handle::sigverify_policy;
pub use handle::sigverify_release_result;
pub use handle::sigverify_result;
pub use handle::sigverify_verifier;
#[cfg(feature = "witness")]
pub use handle::sigverify_witness_policy;
pub use hasher::sigverify_hasher;

use core::ffi::c_char;
use core::ffi::c_int;

/// Major version of the library this header belongs to (the workspace version).
pub const SIGVERIFY_VERSION_MAJOR: c_int = 0;
/// Minor version of the library this header belongs to (the workspace version).
pub const SIGVERIFY_VERSION_MINOR: c_int = 1;
/// Patch version of the library this header belongs to (the workspace version).
pub const SIGVERIFY_VERSION_PATCH: c_int = 0;

/// Length in bytes of a SHA-256 digest, as written by `sigverify_hasher_final` and read by
/// `sigverify_verify`.
pub const SIGVERIFY_SHA256_LEN: usize = 32;

/// The version of the linked library as a static NUL-terminated string, e.g. `"0.1.0"`.
///
/// Ownership: the string is static; do not free it. Thread-safe.
#[no_mangle]
pub extern "C" fn sigverify_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_macros_match_the_workspace_version() {
        let parts = [
            SIGVERIFY_VERSION_MAJOR,
            SIGVERIFY_VERSION_MINOR,
            SIGVERIFY_VERSION_PATCH,
        ]
        .map(|p| p.to_string())
        .join(".");
        assert_eq!(parts, env!("CARGO_PKG_VERSION"));
        // SAFETY: sigverify_version returns a static NUL-terminated string.
        let s = unsafe { core::ffi::CStr::from_ptr(sigverify_version()) };
        assert_eq!(s.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }
}
