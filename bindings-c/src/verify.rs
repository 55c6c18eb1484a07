//! `sigverify_verify`: the one call that checks a bundle.

use core::ffi::c_char;
use core::ffi::c_int;

use sigverify::Artifact;
use sigverify::Bundle;
use sigverify::Digest;
use sigverify::HashAlgorithm;
use sigverify::Sha256Digest;
use sigverify::UnixTime;

use crate::SIGVERIFY_SHA256_LEN;
use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::bytes;
use crate::handle::sigverify_error;
use crate::handle::sigverify_policy;
use crate::handle::sigverify_result;
use crate::handle::sigverify_verifier;
use crate::panic;
use crate::result::ResultData;

/// Verifies a Sigstore bundle over an artifact for a policy.
///
/// - `verifier`: from `sigverify_verifier_new_*`.
/// - `bundle[0..bundle_len]`: the `.sigstore.json` bundle (v0.1 to v0.3); copied as needed.
/// - The artifact, given in exactly one of two ways:
///   - its bytes: `artifact[0..artifact_len]` (non-NULL, even when empty), with
///     `artifact_sha256` NULL; or
///   - its SHA-256 (e.g. from `sigverify_hasher_final`): `artifact_sha256[0..32]`, with
///     `artifact` NULL and `artifact_len` 0. A DSSE bundle or a message signature over the
///     digest works in this mode; the core rejects the few bundle kinds that need the bytes.
/// - `policy`: from `sigverify_policy_new_*`.
/// - `now`: Unix seconds at which to check validity; 0 means the system clock.
/// - `result_out` (nullable): on success, receives a new `sigverify_result` the caller frees
///   with `sigverify_result_free`.
/// - `error_out` (nullable): on failure, receives a new `sigverify_error` the caller frees
///   with `sigverify_error_free`.
///
/// Returns `SIGVERIFY_OK` (0) only when the bundle verified; otherwise the failing check's
/// stable code (one of the `SIGVERIFY_*` constants). Nothing is retained from the inputs.
///
/// Resources on a Cortex-M4F (the no_std library at opt-level "s", pure software ECDSA,
/// measured by `embedded/figures.sh` on public-good bundles): at most 14 KiB of heap beyond the
/// verifier's own (28 KiB together at the peak), at most 11 KiB of stack (the caller's frame
/// included), and about 88 M instructions for a keyless bundle (one P-384 and four P-256
/// checks), 32 M for a managed key; an ECDSA backend (`sigverify_verifier_set_ecdsa_backend`)
/// takes over nearly all of the instructions. Heap is freed before this returns, except the
/// result object.
///
/// # Safety
/// `verifier` and `policy` are NULL or live handles; `bundle` is NULL or readable for
/// `bundle_len` bytes; `artifact` is NULL or readable for `artifact_len` bytes;
/// `artifact_sha256` is NULL or readable for 32 bytes; `result_out` and `error_out` are NULL
/// or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verify(
    verifier: *const sigverify_verifier,
    bundle: *const u8,
    bundle_len: usize,
    artifact: *const u8,
    artifact_len: usize,
    artifact_sha256: *const u8,
    policy: *const sigverify_policy,
    now: u64,
    result_out: *mut *mut sigverify_result,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract each pointer is NULL or valid as documented.
        let (verifier, bundle, policy) = unsafe {
            (
                sigverify_verifier::borrow(verifier, "verifier")?,
                bytes(bundle, bundle_len, "bundle")?,
                sigverify_policy::borrow(policy, "policy")?,
            )
        };
        // SAFETY: forwarded from this function's contract.
        let artifact = unsafe { artifact_arg(artifact, artifact_len, artifact_sha256) }?;
        // SAFETY: `result_out` is NULL or writable for one pointer, per the contract.
        unsafe {
            run(
                verifier,
                bundle,
                |_| Ok(()),
                artifact,
                policy,
                now,
                result_out,
            )
        }
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// The artifact of `sigverify_verify`: exactly one of its bytes and its SHA-256.
///
/// # Safety
/// `artifact` is NULL or readable for `artifact_len` bytes; `artifact_sha256` is NULL or
/// readable for 32 bytes; both unchanged for `'a`.
pub(crate) unsafe fn artifact_arg<'a>(
    artifact: *const u8,
    artifact_len: usize,
    artifact_sha256: *const u8,
) -> Result<Artifact<'a>, Failure> {
    match (artifact.is_null(), artifact_sha256.is_null()) {
        // SAFETY: `artifact` is readable for `artifact_len` bytes, per the contract.
        (false, true) => Ok(Artifact::Bytes(unsafe {
            bytes(artifact, artifact_len, "artifact")
        }?)),
        (true, false) if artifact_len == 0 => {
            // SAFETY: `artifact_sha256` is readable for 32 bytes, per the contract.
            let d = unsafe { bytes(artifact_sha256, SIGVERIFY_SHA256_LEN, "artifact_sha256") }?;
            let d = <[u8; SIGVERIFY_SHA256_LEN]>::try_from(d)
                .map_err(|_| Failure::InvalidArgument("digest length"))?;
            Ok(Artifact::Digest(Sha256Digest(d).into()))
        }
        (true, true) => Err(Failure::NullParameter("artifact or artifact_sha256")),
        _ => Err(Failure::InvalidArgument(
            "give either artifact bytes or artifact_sha256, not both",
        )),
    }
}

/// Verifies a Sigstore bundle over an artifact known by its digest in any algorithm the
/// bundle may need: `digest` is NUL-terminated `sha256:`, `sha384:` or `sha512:` followed by
/// the digest in hex (npm provenance names tarballs by SHA-512; P-384 keys sign SHA-384).
/// `sigverify_bundle_artifact_hash` says which algorithm a bundle needs. Every other parameter
/// and the return value are as for `sigverify_verify`; a `digest` that does not parse gives
/// `SIGVERIFY_INVALID_ARGUMENT`.
///
/// # Safety
/// `verifier` and `policy` are NULL or live handles; `bundle` is NULL or readable for
/// `bundle_len` bytes; `digest` is NULL or NUL-terminated; `result_out` and `error_out` are
/// NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verify_digest(
    verifier: *const sigverify_verifier,
    bundle: *const u8,
    bundle_len: usize,
    digest: *const c_char,
    policy: *const sigverify_policy,
    now: u64,
    result_out: *mut *mut sigverify_result,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract each pointer is NULL or valid as documented.
        let (verifier, bundle, policy, digest) = unsafe {
            (
                sigverify_verifier::borrow(verifier, "verifier")?,
                bytes(bundle, bundle_len, "bundle")?,
                sigverify_policy::borrow(policy, "policy")?,
                crate::handle::utf8(digest, "digest")?,
            )
        };
        let digest = Digest::parse_prefixed(digest).ok_or(Failure::InvalidArgument(
            "digest must be sha256:, sha384: or sha512: and the digest in hex",
        ))?;
        // SAFETY: `result_out` is NULL or writable for one pointer, per the contract.
        unsafe {
            run(
                verifier,
                bundle,
                |_| Ok(()),
                Artifact::Digest(digest),
                policy,
                now,
                result_out,
            )
        }
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// The hash algorithm a bundle needs of its artifact, for `sigverify_verify_digest`: the
/// static NUL-terminated name `"sha256"`, `"sha384"` or `"sha512"`, or NULL when `bundle` is
/// NULL or does not parse. The returned string is never freed.
///
/// # Safety
/// `bundle` is NULL or readable for `bundle_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sigverify_bundle_artifact_hash(
    bundle: *const u8,
    bundle_len: usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `bundle` is NULL or readable.
        let Ok(json) = (unsafe { bytes(bundle, bundle_len, "bundle") }) else {
            return core::ptr::null();
        };
        match Bundle::from_json(json).map(|b| b.artifact_hash()) {
            Ok(HashAlgorithm::Sha256) => c"sha256".as_ptr(),
            Ok(HashAlgorithm::Sha384) => c"sha384".as_ptr(),
            Ok(HashAlgorithm::Sha512) => c"sha512".as_ptr(),
            _ => core::ptr::null(),
        }
    })
}

/// Parses the bundle, hands it to `prepare` (which gives it tlog proofs; generic so that a
/// firmware calling `sigverify_verify` alone does not link the tlog-proof code), verifies it
/// and hands out the result.
///
/// # Safety
/// `result_out` is NULL or valid for writing one pointer.
pub(crate) unsafe fn run(
    verifier: &sigverify::Verifier,
    bundle: &[u8],
    prepare: impl FnOnce(&mut Bundle) -> Result<(), Failure>,
    artifact: Artifact<'_>,
    policy: &sigverify::Policy,
    now: u64,
    result_out: *mut *mut sigverify_result,
) -> Result<(), Failure> {
    let now = match now {
        0 => system_time()?,
        t => UnixTime(t),
    };
    let mut bundle = Bundle::from_json(bundle)?;
    prepare(&mut bundle)?;
    let verified = verifier.verify(&bundle, artifact, policy, now)?;
    if !result_out.is_null() {
        let result = sigverify_result::into_raw(ResultData::new(verified));
        // SAFETY: `result_out` is non-NULL and, per the contract, writable.
        unsafe { result_out.write(result) };
    }
    Ok(())
}

/// The system clock in Unix seconds.
#[cfg(feature = "std")]
pub(crate) fn system_time() -> Result<UnixTime, Failure> {
    use std::time::SystemTime;
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| UnixTime(d.as_secs()))
        .map_err(|_| Failure::ClockUnavailable)
}

/// Bare metal has no system clock: `now` must be given (`SIGVERIFY_CLOCK_UNAVAILABLE`).
#[cfg(not(feature = "std"))]
pub(crate) fn system_time() -> Result<UnixTime, Failure> {
    Err(Failure::ClockUnavailable)
}
