//! NUL-terminated copies of the core's strings, and handing them out with their length.

use alloc::vec::Vec;
use core::ffi::c_char;

/// `s` followed by a NUL byte.
pub(crate) fn nul_terminated(s: &str) -> Vec<u8> {
    let mut v = Vec::with_capacity(s.len().saturating_add(1));
    v.extend_from_slice(s.as_bytes());
    v.push(0);
    v
}

/// Returns a NUL-terminated string and stores its length (without the NUL) in `len_out`.
///
/// # Safety
/// `len_out` is NULL or valid for writing a `size_t`.
pub(crate) unsafe fn c_string(s: Option<&Vec<u8>>, len_out: *mut usize) -> *const c_char {
    let Some(s) = s else {
        return core::ptr::null();
    };
    if !len_out.is_null() {
        // SAFETY: `len_out` is non-NULL and, per this function's contract, writable.
        unsafe { len_out.write(s.len().saturating_sub(1)) };
    }
    s.as_ptr().cast()
}
