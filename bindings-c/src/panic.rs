//! The boundary guard: no panic unwinds into C. Every exported function runs its body through
//! [`status`] (functions returning a status code) or [`or`] (accessors).

use core::ffi::c_int;
#[cfg(feature = "std")]
use std::panic::AssertUnwindSafe;
#[cfg(feature = "std")]
use std::panic::catch_unwind;

use crate::failure::ErrorData;
use crate::failure::Failure;
use crate::failure::SIGVERIFY_OK;
use crate::handle::Handle;
use crate::handle::sigverify_error;

/// Runs `body`. On success returns `SIGVERIFY_OK`; on failure (including a caught panic)
/// returns the failure's code and, when `error_out` is not NULL, stores a new error object
/// there for the caller to free.
///
/// # Safety
/// `error_out` is NULL or valid for writing one pointer.
pub(crate) unsafe fn status(
    error_out: *mut *mut sigverify_error,
    body: impl FnOnce() -> Result<(), Failure>,
) -> c_int {
    // The closure only touches its captures through `&mut`/by value and is not run again
    // after a panic, so observing broken invariants is impossible.
    #[cfg(feature = "std")]
    let outcome = catch_unwind(AssertUnwindSafe(|| body().map_err(ErrorData::from)));
    // Without std a panic aborts through the firmware's hook (`platform`): nothing to catch.
    #[cfg(not(feature = "std"))]
    let outcome: Result<_, ()> = Ok(body().map_err(ErrorData::from));
    let data = match outcome {
        Ok(Ok(())) => return SIGVERIFY_OK,
        Ok(Err(data)) => data,
        Err(_) => ErrorData::from(Failure::Panic),
    };
    let code = data.code();
    if !error_out.is_null() {
        // SAFETY: `error_out` is non-NULL and, per this function's contract, writable.
        unsafe { error_out.write(sigverify_error::into_raw(data)) };
    }
    code
}

/// Runs `body`, returning `fallback` if it panics.
#[cfg(feature = "std")]
pub(crate) fn or<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

/// Runs `body`; without std a panic never returns here (see [`status`]).
#[cfg(not(feature = "std"))]
pub(crate) fn or<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    let _ = fallback;
    body()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::SIGVERIFY_PANIC;

    #[test]
    fn a_panic_becomes_the_panic_code_and_an_error_object() {
        let mut err: *mut sigverify_error = core::ptr::null_mut();
        // SAFETY: `&mut err` is writable.
        let code = unsafe { status(&mut err, || panic!("boom")) };
        assert_eq!(code, SIGVERIFY_PANIC);
        assert!(!err.is_null());
        // SAFETY: `err` was just created by `status`.
        unsafe {
            assert_eq!(crate::error::sigverify_error_code(err), SIGVERIFY_PANIC);
            crate::error::sigverify_error_free(err);
        }
        assert_eq!(or(7, || panic!("boom")), 7);
    }
}
