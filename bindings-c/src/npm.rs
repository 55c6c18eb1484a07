//! `sigverify_verify_npm`: an npm package version verified as `npm audit signatures` verifies
//! it ([`sigverify::npm`]), from the registry's files the caller fetched, and the read-only
//! accessors of its `sigverify_npm_result`.

// C naming for the exported types.
#![allow(non_camel_case_types)]

use alloc::string::String;
use alloc::vec::Vec;
use core::ffi::c_char;
use core::ffi::c_int;

use sigverify::UnixTime;
use sigverify::npm;

use crate::cstr::c_string;
use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::bytes;
use crate::handle::out_param;
use crate::handle::sigverify_error;
use crate::handle::sigverify_policy;
use crate::handle::sigverify_result;
use crate::handle::sigverify_verifier;
use crate::handle::utf8;
use crate::hasher::SIGVERIFY_SHA512_LEN;
use crate::panic;
use crate::result::ResultData;
use crate::tuf::buffer;
use crate::tuf::sigverify_buffer;
use crate::verify::system_time;

/// The registry's files of one npm package version, as the caller fetched them, for
/// `sigverify_verify_npm`. Every buffer and string is borrowed for the call only; set unused
/// pointers to NULL (e.g. `memset` the struct to 0 first).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct sigverify_npm_package {
    /// The registry's keys: `https://registry.npmjs.org/-/npm/v1/keys`, or Sigstore's TUF
    /// target `registry.npmjs.org/keys.json` (either form).
    pub keys: sigverify_buffer,
    /// The version document (`https://registry.npmjs.org/NAME/VERSION`), or the full packument
    /// (`https://registry.npmjs.org/NAME`) with `version`.
    pub packument: sigverify_buffer,
    /// The version to take from a full packument, NUL-terminated; NULL for a version document.
    pub version: *const c_char,
    /// The tarball's SHA-512, `SIGVERIFY_SHA512_LEN` bytes (e.g. from a `"sha512"` hasher's
    /// `sigverify_hasher_final_digest`); NULL: the integrity is taken as the packument states
    /// it, and `sigverify_npm_result_tarball_checked` says false.
    pub tarball_sha512: *const u8,
    /// The attestations document (`dist.attestations.url`); `data` NULL: none, for a version
    /// the registry has none for.
    pub attestations: sigverify_buffer,
    /// Who must have built the package (the provenance's signing certificate); NULL accepts
    /// any Fulcio identity the trusted root vouches for, as npm does.
    pub provenance_policy: *const sigverify_policy,
}

/// A verified npm package version: name, version, registry signatures, publish time, and each
/// verified attestation with its `sigverify_result`.
///
/// Created by `sigverify_verify_npm`, freed by `sigverify_npm_result_free`.
/// Thread-safety: immutable; may be read by any number of threads at once.
pub struct sigverify_npm_result {
    _private: [u8; 0],
}

/// The publish time is the publish attestation's verified log time
/// (`sigverify_npm_result_publish_time`).
pub const SIGVERIFY_NPM_PUBLISH_TIME_ATTESTED: c_int = 1;
/// The publish time is the packument's `time[VERSION]` (unsigned, as npm uses it).
pub const SIGVERIFY_NPM_PUBLISH_TIME_PACKUMENT: c_int = 2;
/// Neither: pacote's stand-in for versions without one, 2015-01-01.
pub const SIGVERIFY_NPM_PUBLISH_TIME_ASSUMED: c_int = 3;

/// An attestation is the registry's publish attestation, signed with a registry key
/// (`sigverify_npm_result_attestation_kind`).
pub const SIGVERIFY_NPM_ATTESTATION_PUBLISH: c_int = 1;
/// An attestation is the build's SLSA provenance, signed keyless.
pub const SIGVERIFY_NPM_ATTESTATION_PROVENANCE: c_int = 2;

/// A NUL-terminated copy of `s`, as the accessors hand it out.
fn with_nul(s: String) -> Vec<u8> {
    let mut v = s.into_bytes();
    v.push(0);
    v
}

/// One verified attestation, with NUL-terminated copies of its strings.
#[derive(Debug)]
struct AttestationData {
    place: Vec<u8>,
    kind: c_int,
    keyid: Option<Vec<u8>>,
    predicate_type: Vec<u8>,
    result: ResultData,
}

/// The value behind a `sigverify_npm_result` pointer.
#[derive(Debug)]
pub(crate) struct NpmData {
    name: Vec<u8>,
    version: Vec<u8>,
    signatures: Vec<Vec<u8>>,
    publish_time: u64,
    publish_time_source: c_int,
    attestations: Vec<AttestationData>,
    tarball_checked: bool,
}

impl Handle for sigverify_npm_result {
    type Inner = NpmData;
}

impl NpmData {
    fn new(p: npm::VerifiedPackage) -> Self {
        let (time, source) = match p.publish_time {
            npm::PublishTime::Attested(t) => (t, SIGVERIFY_NPM_PUBLISH_TIME_ATTESTED),
            npm::PublishTime::Packument(t) => (t, SIGVERIFY_NPM_PUBLISH_TIME_PACKUMENT),
            t => (t.time(), SIGVERIFY_NPM_PUBLISH_TIME_ASSUMED),
        };
        let attestations = p
            .attestations
            .into_iter()
            .map(|a| {
                let (kind, keyid) = match a.kind {
                    npm::AttestationKind::Publish { keyid } => {
                        (SIGVERIFY_NPM_ATTESTATION_PUBLISH, Some(with_nul(keyid)))
                    }
                    _ => (SIGVERIFY_NPM_ATTESTATION_PROVENANCE, None),
                };
                AttestationData {
                    place: with_nul(a.place),
                    kind,
                    keyid,
                    predicate_type: with_nul(a.predicate_type),
                    result: ResultData::new(a.verified),
                }
            })
            .collect();
        Self {
            name: with_nul(p.name),
            version: with_nul(p.version),
            signatures: p.signatures.into_iter().map(with_nul).collect(),
            publish_time: time.seconds(),
            publish_time_source: source,
            attestations,
            tarball_checked: p.tarball_checked,
        }
    }
}

/// Verifies an npm package version as `npm audit signatures` does: every registry signature
/// of the version by its key in `keys`, made before that key expired (judged by the publish
/// attestation's log time, else the packument's time, else pacote's 2015-01-01); every bundle
/// of the attestations document (the publish attestation by its registry key before its
/// expiry, the provenance keyless for `provenance_policy`), each naming the package and its
/// SHA-512; and the tarball's SHA-512 against the version's integrity. `verifier` holds the
/// Sigstore trusted root (the public-good thresholds apply, as npm uses them).
///
/// `now` is Unix seconds (0: the system clock). On success returns `SIGVERIFY_OK` and, when
/// `result_out` is not NULL, writes a new result there (free it with
/// `sigverify_npm_result_free`). Otherwise returns the first failing check's code:
/// `SIGVERIFY_NPM_*` (e.g. `SIGVERIFY_NPM_INTEGRITY_MISMATCH`, `_ATTESTATIONS_MISSING`,
/// `_SIGNATURE_KEY_EXPIRED`), `SIGVERIFY_POLICY_KEY_NOT_VALID_AT_SIGNING_TIME` (the publish
/// attestation's key had expired), a bundle's own codes, or a boundary code, with a new error in
/// `*error_out` when `error_out` is not NULL.
///
/// # Safety
/// `verifier` is NULL or live; `package` is NULL or points at a valid `sigverify_npm_package`
/// whose buffers, string, digest and policy are NULL or valid as described there; the
/// out-parameters are NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verify_npm(
    verifier: *const sigverify_verifier,
    package: *const sigverify_npm_package,
    now: u64,
    result_out: *mut *mut sigverify_npm_result,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `verifier` is NULL or live.
        let verifier = unsafe { sigverify_verifier::borrow(verifier, "verifier") }?;
        if package.is_null() {
            return Err(Failure::NullParameter("package"));
        }
        // SAFETY: non-NULL and, per the contract, a valid `sigverify_npm_package`.
        let p = unsafe { *package };
        // SAFETY: each field is NULL or valid as the struct documents, per the contract.
        let (keys, packument, attestations) = unsafe {
            (
                buffer(p.keys, "package.keys", false)?.unwrap_or_default(),
                buffer(p.packument, "package.packument", false)?.unwrap_or_default(),
                buffer(p.attestations, "package.attestations", true)?,
            )
        };
        let version = if p.version.is_null() {
            None
        } else {
            // SAFETY: non-NULL and, per the contract, NUL-terminated.
            Some(unsafe { utf8(p.version, "package.version") }?)
        };
        let tarball_sha512 = if p.tarball_sha512.is_null() {
            None
        } else {
            // SAFETY: non-NULL and, per the contract, readable for 64 bytes.
            let d = unsafe { bytes(p.tarball_sha512, SIGVERIFY_SHA512_LEN, "tarball_sha512") }?;
            Some(
                <[u8; SIGVERIFY_SHA512_LEN]>::try_from(d)
                    .map_err(|_| Failure::InvalidArgument("digest length"))?,
            )
        };
        let policy = if p.provenance_policy.is_null() {
            None
        } else {
            // SAFETY: non-NULL and, per the contract, a live policy.
            Some(unsafe { sigverify_policy::borrow(p.provenance_policy, "provenance_policy") }?)
        };
        let keys = npm::RegistryKeys::from_json(keys)?;
        let package = npm::PackageVersion::from_json(packument, version)?;
        let now = match now {
            0 => system_time()?,
            t => UnixTime(t),
        };
        let inputs = npm::Inputs {
            keys: &keys,
            package: &package,
            tarball_sha512: tarball_sha512.as_ref(),
            attestations,
            provenance_policy: policy,
        };
        let verified = npm::verify_package(verifier, inputs, now)?;
        if !result_out.is_null() {
            let result = sigverify_npm_result::into_raw(NpmData::new(verified));
            // SAFETY: `result_out` is non-NULL and, per the contract, writable.
            unsafe { result_out.write(result) };
        }
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// Runs `f` on the result behind `result`, or returns `fallback` when it is NULL (or on a
/// panic).
///
/// # Safety
/// `result` is NULL or a live npm result.
unsafe fn read<T: Copy>(
    result: *const sigverify_npm_result,
    fallback: T,
    f: impl FnOnce(&NpmData) -> T,
) -> T {
    panic::or(fallback, || {
        // SAFETY: per this function's contract `result` is NULL or live.
        match unsafe { sigverify_npm_result::borrow(result, "result") } {
            Ok(r) => f(r),
            Err(_) => fallback,
        }
    })
}

/// The package name (scoped names with their `@scope/`): a NUL-terminated UTF-8 string, or
/// NULL when `result` is NULL. When `len_out` is not NULL, its length in bytes (without the
/// NUL) is stored there.
///
/// Ownership: the string belongs to `result`, valid until `sigverify_npm_result_free(result)`.
///
/// # Safety
/// `result` is NULL or a live npm result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_name(
    result: *const sigverify_npm_result,
    len_out: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        read(result, core::ptr::null(), |r| {
            c_string(Some(&r.name), len_out)
        })
    }
}

/// The version, as `sigverify_npm_result_name`.
///
/// # Safety
/// `result` is NULL or a live npm result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_version(
    result: *const sigverify_npm_result,
    len_out: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        read(result, core::ptr::null(), |r| {
            c_string(Some(&r.version), len_out)
        })
    }
}

/// How many registry signatures verified (every one on the version did; 0 when `result` is
/// NULL).
///
/// # Safety
/// `result` is NULL or a live npm result.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_signature_count(
    result: *const sigverify_npm_result,
) -> usize {
    // SAFETY: forwarded from this function's contract.
    unsafe { read(result, 0, |r| r.signatures.len()) }
}

/// The registry key id of verified signature number `index` (e.g. `SHA256:jl3b...`), as
/// `sigverify_npm_result_name`; NULL when `index` is out of range.
///
/// # Safety
/// `result` is NULL or a live npm result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_signature(
    result: *const sigverify_npm_result,
    index: usize,
    len_out: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        read(result, core::ptr::null(), |r| {
            c_string(r.signatures.get(index), len_out)
        })
    }
}

/// Stores the publish time the registry signatures' keys were judged by (Unix seconds) in
/// `*time_out`, and where it came from (`SIGVERIFY_NPM_PUBLISH_TIME_ATTESTED`, `_PACKUMENT`
/// or `_ASSUMED`) in `*source_out`. Returns `SIGVERIFY_OK` or `SIGVERIFY_NULL_PARAMETER`.
///
/// # Safety
/// `result` is NULL or a live npm result; `time_out` is NULL or valid for writing a
/// `uint64_t`, `source_out` for writing an `int`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_publish_time(
    result: *const sigverify_npm_result,
    time_out: *mut u64,
    source_out: *mut c_int,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `result` is NULL or live.
        let r = unsafe { sigverify_npm_result::borrow(result, "result") }?;
        let (time, source) = (
            out_param(time_out, "time_out")?,
            out_param(source_out, "source_out")?,
        );
        // SAFETY: both are non-NULL and, per this function's contract, writable.
        unsafe {
            time.write(r.publish_time);
            source.write(r.publish_time_source);
        }
        Ok(())
    };
    // SAFETY: NULL `error_out`: no error object is written.
    unsafe { panic::status(core::ptr::null_mut(), body) }
}

/// Whether the tarball's SHA-512 was given and matched the version's integrity (false when it
/// was not given, or when `result` is NULL).
///
/// # Safety
/// `result` is NULL or a live npm result.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_tarball_checked(
    result: *const sigverify_npm_result,
) -> bool {
    // SAFETY: forwarded from this function's contract.
    unsafe { read(result, false, |r| r.tarball_checked) }
}

/// How many attestations of the document verified, in document order (all of them; 0 when
/// there was no document, or `result` is NULL).
///
/// # Safety
/// `result` is NULL or a live npm result.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_attestation_count(
    result: *const sigverify_npm_result,
) -> usize {
    // SAFETY: forwarded from this function's contract.
    unsafe { read(result, 0, |r| r.attestations.len()) }
}

/// The kind of attestation number `index`: `SIGVERIFY_NPM_ATTESTATION_PUBLISH` or
/// `SIGVERIFY_NPM_ATTESTATION_PROVENANCE`; 0 when `index` is out of range or `result` is NULL.
///
/// # Safety
/// `result` is NULL or a live npm result.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_attestation_kind(
    result: *const sigverify_npm_result,
    index: usize,
) -> c_int {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        read(result, 0, |r| {
            r.attestations.get(index).map_or(0, |a| a.kind)
        })
    }
}

/// Where attestation number `index` was in the document (`attestations[1]`), as
/// `sigverify_npm_result_name`; NULL when `index` is out of range.
///
/// # Safety
/// `result` is NULL or a live npm result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_attestation_place(
    result: *const sigverify_npm_result,
    index: usize,
    len_out: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        read(result, core::ptr::null(), |r| {
            c_string(r.attestations.get(index).map(|a| &a.place), len_out)
        })
    }
}

/// The registry key id that signed attestation number `index` when it is the publish
/// attestation, as `sigverify_npm_result_name`; NULL for the provenance, or when `index` is
/// out of range.
///
/// # Safety
/// `result` is NULL or a live npm result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_attestation_keyid(
    result: *const sigverify_npm_result,
    index: usize,
    len_out: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        read(result, core::ptr::null(), |r| {
            let keyid = r.attestations.get(index).and_then(|a| a.keyid.as_ref());
            c_string(keyid, len_out)
        })
    }
}

/// The in-toto predicate type of attestation number `index`, as `sigverify_npm_result_name`;
/// NULL when `index` is out of range.
///
/// # Safety
/// `result` is NULL or a live npm result; `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_attestation_predicate_type(
    result: *const sigverify_npm_result,
    index: usize,
    len_out: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        read(result, core::ptr::null(), |r| {
            let predicate_type = r.attestations.get(index).map(|a| &a.predicate_type);
            c_string(predicate_type, len_out)
        })
    }
}

/// The verification of attestation number `index`'s bundle, for the `sigverify_result_*`
/// accessors (identity and issuer of the provenance, signing times, log entries, statement);
/// NULL when `index` is out of range or `result` is NULL.
///
/// Ownership: borrowed from `result`, valid until `sigverify_npm_result_free(result)`; never
/// pass it to `sigverify_result_free`.
///
/// # Safety
/// `result` is NULL or a live npm result.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_attestation_result(
    result: *const sigverify_npm_result,
    index: usize,
) -> *const sigverify_result {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        read(result, core::ptr::null(), |r| {
            r.attestations
                .get(index)
                .map_or(core::ptr::null(), |a| sigverify_result::borrowed(&a.result))
        })
    }
}

/// Frees an npm result (and the attestation results it lends). NULL is a no-op.
///
/// # Safety
/// `result` is NULL or a live npm result from this library, not used again afterwards.
#[no_mangle]
pub unsafe extern "C" fn sigverify_npm_result_free(result: *mut sigverify_npm_result) {
    // SAFETY: per this function's contract `result` is NULL or live and unaliased.
    unsafe { sigverify_npm_result::free(result) }
}
