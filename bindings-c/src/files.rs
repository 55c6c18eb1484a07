//! The files users hold: a file of bundles split into its bundles (gh JSON Lines, npm's
//! attestations document, PyPI's PEP 740 objects), and PyPI provenances verified against a
//! distribution file for the expected Trusted Publisher.

use core::ffi::c_char;
use core::ffi::c_int;

use sigverify::UnixTime;
use sigverify::pypi;

use crate::SIGVERIFY_SHA256_LEN;
use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::bytes;
use crate::handle::out_param;
use crate::handle::sigverify_error;
use crate::handle::sigverify_result;
use crate::handle::sigverify_verifier;
use crate::handle::utf8;
use crate::panic;
use crate::result::ResultData;
use crate::tuf::boxed_bytes;
use crate::verify::system_time;

/// Splits a file of bundles and hands out its bundle number `index` (from 0, in file order) as
/// bundle JSON for `sigverify_verify`, converted when the file is a PEP 740 attestation or
/// provenance. `*count_out` receives how many bundles the file carries, so a caller loops
/// `index` over `0..count` and accepts the file when one bundle verifies.
///
/// On success returns `SIGVERIFY_OK`, and `*bundle_out`/`*bundle_len_out` receive a new buffer
/// (free it with `sigverify_buffer_free`). An `index` past the end gives
/// `SIGVERIFY_INVALID_ARGUMENT` (with `*count_out` still written). A malformed file gives the
/// core's code (`SIGVERIFY_BUNDLE_JSON_INVALID`, `SIGVERIFY_PYPI_*`, `SIGVERIFY_LIMIT_EXCEEDED`),
/// with a new error in `*error_out` when `error_out` is not NULL.
///
/// # Safety
/// `file` is NULL or readable for `file_len` bytes; the out-parameters are NULL or valid for
/// writing one value.
#[no_mangle]
pub unsafe extern "C" fn sigverify_file_bundle(
    file: *const u8,
    file_len: usize,
    index: usize,
    bundle_out: *mut *mut u8,
    bundle_len_out: *mut usize,
    count_out: *mut usize,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract `file` is NULL or readable for `file_len`.
        let file = unsafe { bytes(file, file_len, "file") }?;
        let bundle_out = out_param(bundle_out, "bundle_out")?;
        let bundle_len_out = out_param(bundle_len_out, "bundle_len_out")?;
        let count_out = out_param(count_out, "count_out")?;
        let (_, found) = sigverify::bundles::split(file)?;
        // SAFETY: `count_out` is non-NULL and, per the contract, writable.
        unsafe { count_out.write(found.len()) };
        let one = found
            .into_iter()
            .nth(index)
            .ok_or(Failure::InvalidArgument(
                "index is past the file's last bundle",
            ))?;
        let (data, len) = boxed_bytes(one.json);
        // SAFETY: both are non-NULL and, per the contract, writable.
        unsafe {
            bundle_out.write(data);
            bundle_len_out.write(len);
        }
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// The Trusted Publisher a PyPI provenance must name. Set the fields of one publisher kind;
/// the others stay NULL.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct sigverify_pypi_publisher {
    /// GitHub or GitLab: `https://github.com/OWNER/REPO` or `https://gitlab.com/NS/PROJECT`.
    pub repository: *const c_char,
    /// Google Cloud: the service account's email.
    pub gcp_service_account: *const c_char,
    /// CircleCI: the project id (with `circleci_pipeline_definition_id`).
    pub circleci_project_id: *const c_char,
    /// CircleCI: the pipeline definition id.
    pub circleci_pipeline_definition_id: *const c_char,
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

/// Verifies a PyPI provenance (PEP 740, as PyPI's integrity API serves it) against the
/// distribution file named `distribution` (NUL-terminated, e.g. `pkg-1.0.tar.gz`) whose
/// SHA-256 is `sha256[0..32]`, as pypi-attestations does: every publisher must be the one
/// `publisher` names, and every attestation must verify for its publisher and name the file
/// (one subject, the same sdist or wheel, its SHA-256, a predicate type PyPI knows).
///
/// `now` is Unix seconds (0: the system clock). On success returns `SIGVERIFY_OK`, writes the
/// number of verified attestations to `*count_out` (when not NULL) and the first one's result
/// to `*result_out` (when not NULL; free it with `sigverify_result_free`). Otherwise returns
/// the failing check's code (`SIGVERIFY_PYPI_*` or the pipeline's), with a new error in
/// `*error_out` when `error_out` is not NULL.
///
/// # Safety
/// `verifier` is NULL or live; `distribution` is NULL or NUL-terminated; `sha256` is NULL or
/// readable for 32 bytes; `provenance` is NULL or readable for `provenance_len` bytes;
/// `publisher` is NULL or points at a `sigverify_pypi_publisher` whose non-NULL fields are
/// NUL-terminated; the out-parameters are NULL or valid for writing one value.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verify_pypi(
    verifier: *const sigverify_verifier,
    distribution: *const c_char,
    sha256: *const u8,
    provenance: *const u8,
    provenance_len: usize,
    publisher: *const sigverify_pypi_publisher,
    now: u64,
    count_out: *mut usize,
    result_out: *mut *mut sigverify_result,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract each pointer is NULL or valid as documented.
        let (verifier, name, sha, doc) = unsafe {
            (
                sigverify_verifier::borrow(verifier, "verifier")?,
                utf8(distribution, "distribution")?,
                bytes(sha256, SIGVERIFY_SHA256_LEN, "sha256")?,
                bytes(provenance, provenance_len, "provenance")?,
            )
        };
        if publisher.is_null() {
            return Err(Failure::NullParameter("publisher"));
        }
        // SAFETY: non-NULL and, per the contract, a valid `sigverify_pypi_publisher`.
        let p = unsafe { *publisher };
        // SAFETY: each field is NULL or NUL-terminated, per the contract.
        let (repository, account, project, pipeline) = unsafe {
            (
                optional(p.repository, "publisher.repository")?,
                optional(p.gcp_service_account, "publisher.gcp_service_account")?,
                optional(p.circleci_project_id, "publisher.circleci_project_id")?,
                optional(
                    p.circleci_pipeline_definition_id,
                    "publisher.circleci_pipeline_definition_id",
                )?,
            )
        };
        let circleci = match (project, pipeline) {
            (Some(project), Some(pipeline)) => Some((project, pipeline)),
            (None, None) => None,
            _ => {
                return Err(Failure::InvalidArgument(
                    "give both CircleCI ids or neither",
                ));
            }
        };
        let expected = pypi::Expected::from_fields(repository, account, circleci)?;
        if expected.is_empty() {
            return Err(Failure::InvalidArgument("publisher names no publisher"));
        }
        let sha = <[u8; SIGVERIFY_SHA256_LEN]>::try_from(sha)
            .map_err(|_| Failure::InvalidArgument("digest length"))?;
        let dist = pypi::Distribution::new(name, sha)?;
        let provenance = pypi::Provenance::from_json(doc)?;
        let now = match now {
            0 => system_time()?,
            t => UnixTime(t),
        };
        let all = pypi::verify_provenance(verifier, &provenance, &expected, &dist, now)?;
        if !count_out.is_null() {
            // SAFETY: non-NULL and, per the contract, writable.
            unsafe { count_out.write(all.len()) };
        }
        if let (false, Some(first)) = (result_out.is_null(), all.into_iter().next()) {
            let result = sigverify_result::into_raw(ResultData::new(first.verified));
            // SAFETY: non-NULL and, per the contract, writable.
            unsafe { result_out.write(result) };
        }
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}
