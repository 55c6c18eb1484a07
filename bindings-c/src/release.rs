//! GitHub release attestations ([`sigverify::release`]): `sigverify_verify_release` verifies a
//! release's attestation against the trusted root that issued its certificate, for a
//! repository and tag, and finds each asset among its subjects, as `sigverify verify-release`
//! (and `gh release verify` / `gh release verify-asset`) do; `sigverify_release_result` reads
//! what it proved.

#![allow(non_camel_case_types, reason = "C API names")]

use alloc::string::String;
use alloc::vec::Vec;
use core::ffi::c_char;
use core::ffi::c_int;

use sigverify::Bundle;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verifier;
use sigverify::intoto::Subject;
use sigverify::release::ReleasePolicy;

use crate::SIGVERIFY_SHA256_LEN;
use crate::cstr::c_string;
use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::bytes;
use crate::handle::sigverify_error;
use crate::handle::sigverify_release_result;
use crate::handle::sigverify_result;
use crate::handle::utf8;
use crate::panic;
use crate::result::ResultData;
use crate::verify::system_time;

/// The release a GitHub release attestation must be for. `repo` and `tag` are required;
/// leave the others NULL when not wanted.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct sigverify_release_policy {
    /// `OWNER/REPO`, compared without regard to case.
    pub repo: *const c_char,
    /// The release's tag, e.g. `v6`.
    pub tag: *const c_char,
    /// The tag's git ref digest (40 or 64 hex digits), required as a subject; NULL: not
    /// checked.
    pub tag_digest: *const c_char,
    /// A GHE.com tenant's trust domain; NULL: `dotcom` (github.com's).
    pub trust_domain: *const c_char,
}

/// One subject, its strings NUL-terminated.
#[derive(Debug)]
struct SubjectData {
    name: Vec<u8>,
    uri: Vec<u8>,
    /// Algorithm and NUL-terminated hex digest.
    digests: Vec<(String, Vec<u8>)>,
}

impl From<Subject> for SubjectData {
    fn from(s: Subject) -> Self {
        Self {
            name: with_nul(s.name),
            uri: with_nul(s.uri),
            digests: s
                .digests
                .into_iter()
                .map(|(alg, hex)| (alg, with_nul(hex)))
                .collect(),
        }
    }
}

/// The value behind a `sigverify_release_result` pointer.
#[derive(Debug)]
pub(crate) struct ReleaseData {
    verification: ResultData,
    repository: Vec<u8>,
    tag: Vec<u8>,
    subjects: Vec<SubjectData>,
    /// The name of the subject each asset matched, in the order given.
    assets: Vec<Vec<u8>>,
}

impl Handle for sigverify_release_result {
    type Inner = ReleaseData;
}

/// A string's bytes followed by a NUL (a NUL inside cuts it short in C, as for any string).
fn with_nul(s: String) -> Vec<u8> {
    let mut v = s.into_bytes();
    v.push(0);
    v
}

/// Reads an optional NUL-terminated field.
///
/// # Safety
/// `ptr` is NULL or NUL-terminated.
unsafe fn optional<'a>(ptr: *const c_char, name: &'static str) -> Result<Option<&'a str>, Failure> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: non-NULL and NUL-terminated, per this function's contract.
    unsafe { utf8(ptr, name) }.map(Some)
}

/// The core's release policy from the C struct.
///
/// # Safety
/// `release` is NULL or points at a `sigverify_release_policy` whose non-NULL fields are
/// NUL-terminated.
unsafe fn release_policy(
    release: *const sigverify_release_policy,
) -> Result<ReleasePolicy, Failure> {
    if release.is_null() {
        return Err(Failure::NullParameter("release"));
    }
    // SAFETY: non-NULL and, per the contract, a valid `sigverify_release_policy`.
    let r = unsafe { *release };
    // SAFETY: each field is NULL or NUL-terminated, per the contract.
    let (repo, tag, tag_digest, trust_domain) = unsafe {
        (
            utf8(r.repo, "release.repo")?,
            utf8(r.tag, "release.tag")?,
            optional(r.tag_digest, "release.tag_digest")?,
            optional(r.trust_domain, "release.trust_domain")?,
        )
    };
    let mut policy = ReleasePolicy::new(repo, tag)?;
    if let Some(domain) = trust_domain {
        policy = policy.with_trust_domain(domain)?;
    }
    if let Some(hex) = tag_digest {
        policy = policy.with_tag_digest(hex)?;
    }
    Ok(policy)
}

/// Verifies a GitHub immutable-release attestation as `gh release verify` and `gh release
/// verify-asset` check it.
///
/// - `trusted_roots[0..trusted_roots_len]`: one `trusted_root.json`, or JSON Lines of them as
///   `gh attestation trusted-root` writes them (Sigstore public-good, then GitHub's). The
///   bundle is verified against the root whose CA issued its certificate, else the last one,
///   with GitHub's requirements (one RFC 3161 timestamp, no tlog entry, no SCT).
/// - `bundle[0..bundle_len]`: the release's attestation bundle.
/// - `release`: the repository and tag it must be for (and optionally the tag's digest and
///   the trust domain).
/// - `asset_sha256s[0..32 * asset_count]`: the SHA-256 of each asset downloaded from the
///   release (e.g. from `sigverify_hasher_final`), one after another; each must be a subject.
///   May be NULL when `asset_count` is 0: the attestation alone is checked.
/// - `now`: Unix seconds at which to check validity; 0 means the system clock.
/// - `result_out` (nullable): on success, receives a new `sigverify_release_result` the caller
///   frees with `sigverify_release_result_free`.
/// - `error_out` (nullable): on failure, receives a new `sigverify_error`.
///
/// Returns `SIGVERIFY_OK` only when the release verified and every asset is attested;
/// otherwise the failing check's code (`SIGVERIFY_RELEASE_*`, e.g.
/// `SIGVERIFY_RELEASE_TAG_MISMATCH` or `SIGVERIFY_RELEASE_ASSET_NOT_ATTESTED`, the
/// pipeline's, or `SIGVERIFY_TRUST_ROOT_*` for roots that do not parse).
///
/// # Safety
/// `trusted_roots` is NULL or readable for `trusted_roots_len` bytes; `bundle` is NULL or
/// readable for `bundle_len` bytes; `release` is NULL or points at a
/// `sigverify_release_policy` whose non-NULL fields are NUL-terminated; `asset_sha256s` is
/// NULL or readable for `32 * asset_count` bytes; `result_out` and `error_out` are NULL or
/// valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verify_release(
    trusted_roots: *const u8,
    trusted_roots_len: usize,
    bundle: *const u8,
    bundle_len: usize,
    release: *const sigverify_release_policy,
    asset_sha256s: *const u8,
    asset_count: usize,
    now: u64,
    result_out: *mut *mut sigverify_release_result,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract each pointer is NULL or valid as documented.
        let (roots, bundle, policy) = unsafe {
            (
                bytes(trusted_roots, trusted_roots_len, "trusted_roots")?,
                bytes(bundle, bundle_len, "bundle")?,
                release_policy(release)?,
            )
        };
        let digests: &[u8] = if asset_count == 0 {
            &[]
        } else {
            let len = asset_count
                .checked_mul(SIGVERIFY_SHA256_LEN)
                .ok_or(Failure::InvalidArgument("asset_count is too large"))?;
            // SAFETY: `asset_sha256s` is NULL or readable for 32 * `asset_count` bytes.
            unsafe { bytes(asset_sha256s, len, "asset_sha256s") }?
        };
        let now = match now {
            0 => system_time()?,
            t => UnixTime(t),
        };
        let roots = TrustedRoot::from_json_lines(roots)?;
        let bundle = Bundle::from_json(bundle)?;
        let root = TrustedRoot::choose(&roots, &bundle)
            .ok_or(Failure::InvalidArgument("trusted_roots holds no root"))?;
        let verifier = Verifier::new(root.clone(), ReleasePolicy::config());
        let verified = verifier.verify_dsse(&bundle, &policy.policy(), now)?;
        let release = policy.check(verified)?;
        let mut assets = Vec::new();
        for sha in digests.chunks_exact(SIGVERIFY_SHA256_LEN) {
            let sha = <[u8; SIGVERIFY_SHA256_LEN]>::try_from(sha)
                .map_err(|_| Failure::InvalidArgument("digest length"))?;
            assets.push(with_nul(release.asset(&sha)?.name.clone()));
        }
        if !result_out.is_null() {
            let data = ReleaseData {
                repository: with_nul(release.repository),
                tag: with_nul(release.tag),
                subjects: release
                    .subjects
                    .into_iter()
                    .map(SubjectData::from)
                    .collect(),
                assets,
                verification: ResultData::new(release.verified),
            };
            // SAFETY: non-NULL and, per the contract, writable.
            unsafe { result_out.write(sigverify_release_result::into_raw(data)) };
        }
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// Borrows the release result, or `None` for NULL.
///
/// # Safety
/// `result` is NULL or a live release result.
unsafe fn data<'a>(result: *const sigverify_release_result) -> Option<&'a ReleaseData> {
    // SAFETY: per this function's contract `result` is NULL or live.
    unsafe { sigverify_release_result::borrow(result, "result") }.ok()
}

/// The verification part of a release result (identity `https://dotcom.releases.github.com`,
/// no issuer, the timestamp's signing time, the statement): read it with the
/// `sigverify_result_*` functions. NULL when `result` is NULL.
///
/// Ownership: it belongs to `result`, valid until `sigverify_release_result_free(result)`; never
/// pass it to `sigverify_result_free`.
///
/// # Safety
/// `result` is NULL or a live release result.
#[no_mangle]
pub unsafe extern "C" fn sigverify_release_result_verification(
    result: *const sigverify_release_result,
) -> *const sigverify_result {
    // SAFETY: per this function's contract `result` is NULL or live.
    unsafe { data(result) }.map_or(core::ptr::null(), |r| {
        sigverify_result::borrowed(&r.verification)
    })
}

/// The attested repository (`predicate.repository`, as the attestation writes it): a
/// NUL-terminated UTF-8 string, NULL when `result` is NULL; its length without the NUL goes to
/// `*len_out` when `len_out` is not NULL.
///
/// Ownership: the string belongs to `result`, valid until `sigverify_release_result_free`.
///
/// # Safety
/// `result` is NULL or a live release result; `len_out` is NULL or valid for writing a
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_release_result_repository(
    result: *const sigverify_release_result,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `result` is NULL or live and `len_out` is
        // NULL or writable.
        unsafe { c_string(data(result).map(|r| &r.repository), len_out) }
    })
}

/// The attested tag (`predicate.tag`): as `sigverify_release_result_repository`.
///
/// # Safety
/// `result` is NULL or a live release result; `len_out` is NULL or valid for writing a
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_release_result_tag(
    result: *const sigverify_release_result,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `result` is NULL or live and `len_out` is
        // NULL or writable.
        unsafe { c_string(data(result).map(|r| &r.tag), len_out) }
    })
}

/// How many subjects the statement has (the tag and every asset of the release; 0 when
/// `result` is NULL).
///
/// # Safety
/// `result` is NULL or a live release result.
#[no_mangle]
pub unsafe extern "C" fn sigverify_release_result_subject_count(
    result: *const sigverify_release_result,
) -> usize {
    // SAFETY: per this function's contract `result` is NULL or live.
    unsafe { data(result) }.map_or(0, |r| r.subjects.len())
}

/// The `name` of subject number `index` (an asset's file name; `""` for the tag, which has a
/// `uri`): NUL-terminated, NULL when `index` is out of range or `result` is NULL. `len_out` as
/// for `sigverify_release_result_repository`; the string belongs to `result`.
///
/// # Safety
/// `result` is NULL or a live release result; `len_out` is NULL or valid for writing a
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_release_result_subject_name(
    result: *const sigverify_release_result,
    index: usize,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `result` is NULL or live and `len_out` is
        // NULL or writable.
        unsafe {
            let subject = data(result).and_then(|r| r.subjects.get(index));
            c_string(subject.map(|s| &s.name), len_out)
        }
    })
}

/// The `uri` of subject number `index` (the tag, as `pkg:github/OWNER/REPO@TAG`; `""` for an
/// asset): as `sigverify_release_result_subject_name`.
///
/// # Safety
/// `result` is NULL or a live release result; `len_out` is NULL or valid for writing a
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_release_result_subject_uri(
    result: *const sigverify_release_result,
    index: usize,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `result` is NULL or live and `len_out` is
        // NULL or writable.
        unsafe {
            let subject = data(result).and_then(|r| r.subjects.get(index));
            c_string(subject.map(|s| &s.uri), len_out)
        }
    })
}

/// The hex digest of subject number `index` in `algorithm` (NUL-terminated, e.g. `"sha256"`,
/// or `"sha1"` for a tag's git ref), as the statement writes it: NUL-terminated, NULL when the
/// subject has no such digest, `index` is out of range or an argument is NULL. `len_out` as
/// for `sigverify_release_result_repository`; the string belongs to `result`.
///
/// # Safety
/// `result` is NULL or a live release result; `algorithm` is NULL or NUL-terminated;
/// `len_out` is NULL or valid for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_release_result_subject_digest(
    result: *const sigverify_release_result,
    index: usize,
    algorithm: *const c_char,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `algorithm` is NULL or NUL-terminated.
        let Ok(algorithm) = (unsafe { utf8(algorithm, "algorithm") }) else {
            return core::ptr::null();
        };
        // SAFETY: per this function's contract `result` is NULL or live and `len_out` is
        // NULL or writable.
        unsafe {
            let subject = data(result).and_then(|r| r.subjects.get(index));
            let hex = subject
                .and_then(|s| s.digests.iter().find(|(a, _)| a == algorithm))
                .map(|(_, hex)| hex);
            c_string(hex, len_out)
        }
    })
}

/// How many assets were checked (`asset_count` of `sigverify_verify_release`; 0 when
/// `result` is NULL).
///
/// # Safety
/// `result` is NULL or a live release result.
#[no_mangle]
pub unsafe extern "C" fn sigverify_release_result_asset_count(
    result: *const sigverify_release_result,
) -> usize {
    // SAFETY: per this function's contract `result` is NULL or live.
    unsafe { data(result) }.map_or(0, |r| r.assets.len())
}

/// The name of the subject that asset number `index` (in the order of `asset_sha256s`)
/// matched: the file name the release gives it, which may differ from the downloaded file's
/// (assets match by SHA-256 alone). NUL-terminated, NULL when `index` is out of range or
/// `result` is NULL. `len_out` as for `sigverify_release_result_repository`; the string
/// belongs to `result`.
///
/// # Safety
/// `result` is NULL or a live release result; `len_out` is NULL or valid for writing a
/// `size_t`.
#[no_mangle]
pub unsafe extern "C" fn sigverify_release_result_asset_name(
    result: *const sigverify_release_result,
    index: usize,
    len_out: *mut usize,
) -> *const c_char {
    panic::or(core::ptr::null(), || {
        // SAFETY: per this function's contract `result` is NULL or live and `len_out` is
        // NULL or writable.
        unsafe { c_string(data(result).and_then(|r| r.assets.get(index)), len_out) }
    })
}

/// Frees a release result, with the verification result and strings it holds. NULL is a
/// no-op.
///
/// # Safety
/// `result` is NULL or a live release result from this library, not used again afterwards.
#[no_mangle]
pub unsafe extern "C" fn sigverify_release_result_free(result: *mut sigverify_release_result) {
    // SAFETY: per this function's contract `result` is NULL or live and unaliased.
    unsafe { sigverify_release_result::free(result) }
}
