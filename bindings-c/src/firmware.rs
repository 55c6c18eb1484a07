//! Firmware statements ([`sigverify::firmware`]): what an updater checks of a verified image
//! besides its signer. `sigverify_firmware_check` reads the result's firmware statement and
//! judges it for the device (vendor, class, hardware revision) and its anti-rollback counter;
//! `sigverify_firmware_read` judges only the device, for an image already installed.

#![allow(non_camel_case_types, reason = "C API names")]

use core::ffi::c_char;
use core::ffi::c_int;

use sigverify::FirmwarePolicy;
use sigverify::FirmwareStatement;

use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::sigverify_error;
use crate::handle::sigverify_result;
use crate::handle::utf8;
use crate::panic;

/// The device an image must be for. `vendor` and `device_class` are UUIDs (canonical text,
/// any case), NUL-terminated.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct sigverify_firmware_device {
    /// The device's vendor identifier (SUIT's vendor-id).
    pub vendor: *const c_char,
    /// The device's class identifier (SUIT's class-id).
    pub device_class: *const c_char,
    /// The device's hardware (or bootloader) revision, compared with an image's
    /// `minHardwareRevision`.
    pub hardware_revision: u32,
}

/// What a firmware statement says, for the caller's counter and logs. The vendor and class are
/// the device's own once the statement was judged for it.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct sigverify_firmware_statement {
    /// `securityVersion`: what the anti-rollback counter advances to once the image is
    /// written and checked.
    pub security_version: u32,
    /// `minHardwareRevision`, or 0 when `has_min_hardware_revision` is false.
    pub min_hardware_revision: u32,
    /// Whether the statement names a lowest hardware revision.
    pub has_min_hardware_revision: bool,
}

/// The device's judge, from the C struct.
///
/// # Safety
/// `device` is NULL or points at a `sigverify_firmware_device` whose fields are NULL or
/// NUL-terminated.
unsafe fn device_policy(
    device: *const sigverify_firmware_device,
) -> Result<FirmwarePolicy, Failure> {
    if device.is_null() {
        return Err(Failure::NullParameter("device"));
    }
    // SAFETY: non-NULL and, per the contract, a valid `sigverify_firmware_device`.
    let d = unsafe { *device };
    // SAFETY: each field is NULL or NUL-terminated, per the contract.
    let (vendor, class) = unsafe {
        (
            utf8(d.vendor, "device.vendor")?,
            utf8(d.device_class, "device.device_class")?,
        )
    };
    Ok(FirmwarePolicy::new(vendor, class)?.with_hardware_revision(d.hardware_revision))
}

/// The statement of `result` judged by `judge`, written to `statement_out` when not NULL.
///
/// # Safety
/// As [`sigverify_firmware_check`].
unsafe fn judged(
    result: *const sigverify_result,
    device: *const sigverify_firmware_device,
    statement_out: *mut sigverify_firmware_statement,
    error_out: *mut *mut sigverify_error,
    judge: impl FnOnce(&FirmwarePolicy, &FirmwareStatement) -> Result<(), sigverify::Error>,
) -> c_int {
    let body = || {
        // SAFETY: per the contract `result` is NULL or live, `device` NULL or valid.
        let (r, policy) = unsafe {
            (
                sigverify_result::borrow(result, "result")?,
                device_policy(device)?,
            )
        };
        let statement = FirmwareStatement::from_verified(r.verified())?;
        judge(&policy, &statement)?;
        if !statement_out.is_null() {
            let out = sigverify_firmware_statement {
                security_version: statement.security_version,
                min_hardware_revision: statement.min_hardware_revision.unwrap_or(0),
                has_min_hardware_revision: statement.min_hardware_revision.is_some(),
            };
            // SAFETY: non-NULL and, per the contract, writable.
            unsafe { statement_out.write(out) };
        }
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per the contract.
    unsafe { panic::status(error_out, body) }
}

/// Whether a verified image may be installed on `device`: its bundle's firmware statement
/// (predicate type `https://github.com/sigverify/sigverify/firmware/v1`) names the device's
/// vendor and class, a lowest hardware revision the device meets, and a security version
/// greater than `installed` (the device's anti-rollback counter; the same version again is
/// refused). Check this before writing anything; advance the counter to
/// `statement_out->security_version` only once the image is written and read back.
///
/// Returns `SIGVERIFY_OK`, or `SIGVERIFY_FIRMWARE_VENDOR_MISMATCH`, `_CLASS_MISMATCH`,
/// `_HARDWARE_UNSUPPORTED`, `_VERSION_NOT_NEWER`, `_STATEMENT_INVALID`, `_POLICY_INVALID`
/// (the device's identifiers are not UUIDs), `SIGVERIFY_DSSE_PREDICATE_TYPE_MISMATCH`,
/// `SIGVERIFY_DSSE_ENVELOPE_MISSING` (a message signature), or a boundary code; with a new
/// error in `*error_out` when `error_out` is not NULL.
///
/// # Safety
/// `result` is NULL or a live result; `device` is NULL or points at a
/// `sigverify_firmware_device` whose string fields are NULL or NUL-terminated;
/// `statement_out` is NULL or writable; `error_out` is NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_firmware_check(
    result: *const sigverify_result,
    device: *const sigverify_firmware_device,
    installed: u32,
    statement_out: *mut sigverify_firmware_statement,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    // SAFETY: this function's contract is `judged`'s.
    unsafe {
        judged(result, device, statement_out, error_out, |p, s| {
            p.check(s, installed)
        })
    }
}

/// Reads a verified image's firmware statement and checks only that it is for `device`
/// (vendor, class, hardware revision), whatever its version: what a device checks of the
/// image it already installed, at boot, before comparing its version with the counter itself.
/// Returns and writes as [`sigverify_firmware_check`] (never `_VERSION_NOT_NEWER`).
///
/// # Safety
/// As [`sigverify_firmware_check`].
#[no_mangle]
pub unsafe extern "C" fn sigverify_firmware_read(
    result: *const sigverify_result,
    device: *const sigverify_firmware_device,
    statement_out: *mut sigverify_firmware_statement,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    // SAFETY: this function's contract is `judged`'s.
    unsafe {
        judged(
            result,
            device,
            statement_out,
            error_out,
            FirmwarePolicy::check_applies,
        )
    }
}
