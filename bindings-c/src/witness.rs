//! Witnessed checkpoints: `sigverify_witness_policy` (`c2sp.org/tlog-policy`) on a verifier,
//! and tlog proofs (`c2sp.org/tlog-proof@v1`) handed in beside a bundle.

use alloc::vec::Vec;
use core::ffi::c_int;

use sigverify::Bundle;
use sigverify::Error;
use sigverify::TlogProof;
use sigverify::WitnessPolicy;

use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::bytes;
use crate::handle::out_param;
use crate::handle::sigverify_error;
use crate::handle::sigverify_policy;
use crate::handle::sigverify_result;
use crate::handle::sigverify_verifier;
use crate::handle::sigverify_witness_policy;
use crate::panic;
use crate::verify::artifact_arg;
use crate::verify::run;

/// Creates a witness policy from the text of a `c2sp.org/tlog-policy` file held in
/// `text[0..text_len]`: `log <vkey> [<url>]`, `witness <name> <vkey> [<url>]`, `group <name>
/// all|any|<k> <name>...` and one `quorum <name>|none` line (comments and blank lines allowed).
/// Witness keys are Ed25519 cosignature keys; `log` lines, when present, are the only logs
/// accepted.
///
/// The bytes are copied. Returns `SIGVERIFY_OK` and stores a new policy in `*policy_out` (free
/// it with `sigverify_witness_policy_free`), or `SIGVERIFY_WITNESS_POLICY_INVALID`,
/// `SIGVERIFY_WITNESS_POLICY_DUPLICATE_KEY`, `SIGVERIFY_WITNESS_KEY_UNSUPPORTED`,
/// `SIGVERIFY_LIMIT_EXCEEDED` or a boundary code, storing a new error in `*error_out` when
/// `error_out` is not NULL (its message names the line).
///
/// # Safety
/// `text` is NULL or valid for reading `text_len` bytes; `policy_out` and `error_out` are NULL
/// or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_witness_policy_new(
    text: *const u8,
    text_len: usize,
    policy_out: *mut *mut sigverify_witness_policy,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        let out = out_param(policy_out, "policy_out")?;
        // SAFETY: `text` is NULL or readable for `text_len` bytes, per the contract.
        let text = unsafe { bytes(text, text_len, "text") }?;
        let policy = WitnessPolicy::parse(text)?;
        // SAFETY: `out` is non-NULL and, per this function's contract, writable.
        unsafe { out.write(sigverify_witness_policy::into_raw(policy)) };
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// Frees a witness policy. NULL is a no-op. Verifiers made with it keep their own copy.
///
/// # Safety
/// `policy` is NULL or a live witness policy from this library, not used again afterwards (and
/// not in use by another thread).
#[no_mangle]
pub unsafe extern "C" fn sigverify_witness_policy_free(policy: *mut sigverify_witness_policy) {
    // SAFETY: per this function's contract `policy` is NULL or live and unaliased.
    unsafe { sigverify_witness_policy::free(policy) }
}

/// Creates a verifier over the same trusted root and requirements as `verifier` that also
/// requires every checkpoint proving a tlog entry to meet `policy`: its logs, verified witness
/// cosignatures and quorum. An entry proven by an inclusion promise alone then fails with
/// `SIGVERIFY_WITNESS_CHECKPOINT_MISSING` when the policy asks anything; the cosignatures that
/// verified are read with `sigverify_result_cosignature_*`. A policy with `quorum none` and no
/// `log` line changes no outcome.
///
/// `verifier` and `policy` are not changed and stay usable; the new verifier keeps its own copy
/// of the policy (and replaces any policy `verifier` had). Ownership and errors as for
/// `sigverify_verifier_with_config`.
///
/// # Safety
/// `verifier` and `policy` are NULL or live handles; `verifier_out` and `error_out` are NULL or
/// valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verifier_with_witness_policy(
    verifier: *const sigverify_verifier,
    policy: *const sigverify_witness_policy,
    verifier_out: *mut *mut sigverify_verifier,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract both handles are NULL or live.
        let (base, policy) = unsafe {
            (
                sigverify_verifier::borrow(verifier, "verifier")?,
                sigverify_witness_policy::borrow(policy, "policy")?,
            )
        };
        let out = out_param(verifier_out, "verifier_out")?;
        let next = base.clone().with_witness_policy(policy.clone());
        // SAFETY: `out` is non-NULL and, per this function's contract, writable.
        unsafe { out.write(sigverify_verifier::into_raw(next)) };
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// Borrows `count` byte strings given as parallel arrays of pointers and lengths (both may be
/// NULL when `count` is 0).
///
/// # Safety
/// When `count` is not 0, non-NULL `ptrs` and `lens` are valid for reading `count` items, and
/// each non-NULL `ptrs[i]` for reading `lens[i]` bytes, unchanged for `'a`.
pub(crate) unsafe fn byte_strings<'a>(
    ptrs: *const *const u8,
    lens: *const usize,
    count: usize,
    name: &'static str,
) -> Result<Vec<&'a [u8]>, Failure> {
    if count == 0 {
        return Ok(Vec::new());
    }
    if ptrs.is_null() || lens.is_null() {
        return Err(Failure::NullParameter(name));
    }
    if isize::try_from(count).is_err() {
        return Err(Failure::InvalidArgument("count larger than PTRDIFF_MAX"));
    }
    // SAFETY: both arrays are non-NULL and, per this function's contract, hold `count` items.
    let (ptrs, lens) = unsafe {
        (
            core::slice::from_raw_parts(ptrs, count),
            core::slice::from_raw_parts(lens, count),
        )
    };
    ptrs.iter()
        .zip(lens)
        // SAFETY: each pointer is NULL or readable for its length, per the contract.
        .map(|(p, l)| unsafe { bytes(*p, *l, name) })
        .collect()
}

/// Verifies a bundle as `sigverify_verify` does, after handing it tlog proofs: each
/// `tlog_proofs[i][0..tlog_proof_lens[i]]` is the text of a `c2sp.org/tlog-proof@v1` file (an
/// entry's index, its inclusion proof and the checkpoint it leads to, possibly cosigned by
/// witnesses). A proof replaces the inclusion proof of the bundle entry it proves when that
/// entry has none or one of a smaller tree; it is then verified like the bundle's own. Nothing
/// in a proof is trusted on its own.
///
/// `tlog_proofs` and `tlog_proof_lens` hold `tlog_proof_count` items (both may be NULL when it
/// is 0). Every other parameter, the ownership and the return value are as for
/// `sigverify_verify`; a proof adds the failures `SIGVERIFY_TLOG_PROOF_INVALID` (malformed,
/// including bytes that are not UTF-8) and `SIGVERIFY_TLOG_PROOF_UNMATCHED` (it proves no entry
/// of the bundle). Proofs are applied in order, after the bundle parsed.
///
/// # Safety
/// As for `sigverify_verify`; in addition `tlog_proofs` and `tlog_proof_lens` are NULL or
/// readable for `tlog_proof_count` items, and each `tlog_proofs[i]` is NULL or readable for
/// `tlog_proof_lens[i]` bytes.
#[no_mangle]
pub unsafe extern "C" fn sigverify_verify_with_tlog_proofs(
    verifier: *const sigverify_verifier,
    bundle: *const u8,
    bundle_len: usize,
    artifact: *const u8,
    artifact_len: usize,
    artifact_sha256: *const u8,
    tlog_proofs: *const *const u8,
    tlog_proof_lens: *const usize,
    tlog_proof_count: usize,
    policy: *const sigverify_policy,
    now: u64,
    result_out: *mut *mut sigverify_result,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        // SAFETY: per this function's contract each pointer is NULL or valid as documented.
        let (verifier, bundle, policy, artifact, proofs) = unsafe {
            (
                sigverify_verifier::borrow(verifier, "verifier")?,
                bytes(bundle, bundle_len, "bundle")?,
                sigverify_policy::borrow(policy, "policy")?,
                artifact_arg(artifact, artifact_len, artifact_sha256)?,
                byte_strings(
                    tlog_proofs,
                    tlog_proof_lens,
                    tlog_proof_count,
                    "tlog_proofs",
                )?,
            )
        };
        let attach = |bundle: &mut Bundle| {
            for proof in &proofs {
                // The format is text; bytes that are not UTF-8 are a malformed proof.
                let text = core::str::from_utf8(proof).map_err(|_| Error::TlogProofInvalid)?;
                TlogProof::parse(text)?.attach(bundle)?;
            }
            Ok(())
        };
        // SAFETY: `result_out` is NULL or writable for one pointer, per the contract.
        unsafe { run(verifier, bundle, attach, artifact, policy, now, result_out) }
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}
