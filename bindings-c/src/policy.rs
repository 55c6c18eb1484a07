//! `sigverify_policy`: who must have signed.

use alloc::string::String;
use alloc::vec;
use core::ffi::c_char;
use core::ffi::c_int;

use sigverify::Condition;
use sigverify::Policy;
use sigverify::UnixTime;

use crate::failure::Failure;
use crate::handle::Handle;
use crate::handle::bytes;
use crate::handle::out_param;
use crate::handle::sigverify_error;
use crate::handle::sigverify_policy;
use crate::handle::utf8;
use crate::panic;

/// Builds the policy `make` returns and stores it in `policy_out`.
///
/// # Safety
/// `policy_out` and `error_out` are NULL or valid for writing one pointer.
unsafe fn new_policy(
    policy_out: *mut *mut sigverify_policy,
    error_out: *mut *mut sigverify_error,
    make: impl FnOnce() -> Result<Policy, Failure>,
) -> c_int {
    let body = || {
        let out = out_param(policy_out, "policy_out")?;
        let policy = make()?;
        // SAFETY: `out` is non-NULL and, per this function's contract, writable.
        unsafe { out.write(sigverify_policy::into_raw(policy)) };
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// Creates a policy requiring a Fulcio certificate whose identity (SAN) equals `identity` and
/// whose OIDC issuer equals `issuer`, e.g. a workflow URL and
/// `"https://token.actions.githubusercontent.com"`. Both are NUL-terminated UTF-8 and are
/// compared exactly.
///
/// The strings are copied. Returns `SIGVERIFY_OK` and stores a new policy in `*policy_out`
/// (free it with `sigverify_policy_free`), or an error code, storing a new error in
/// `*error_out` when `error_out` is not NULL (free it with `sigverify_error_free`).
///
/// # Safety
/// `identity` and `issuer` are NULL or NUL-terminated strings; `policy_out` and `error_out`
/// are NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_policy_new_identity(
    identity: *const c_char,
    issuer: *const c_char,
    policy_out: *mut *mut sigverify_policy,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        new_policy(policy_out, error_out, || {
            // SAFETY: both are NULL or NUL-terminated, per the contract.
            let (identity, issuer) = (utf8(identity, "identity")?, utf8(issuer, "issuer")?);
            Ok(Policy::identity(identity, issuer)?)
        })
    }
}

/// Creates a policy requiring a Fulcio certificate whose identity (SAN) matches the regular
/// expression `identity_pattern` and whose OIDC issuer matches `issuer_pattern`. Each pattern
/// must match the whole value (write `.*` to search), unlike cosign's; matching takes time
/// linear in the value. A pattern that does not compile gives `SIGVERIFY_POLICY_PATTERN_INVALID`,
/// one over 1024 bytes or compiling past 64 KiB `SIGVERIFY_LIMIT_EXCEEDED`. Ownership and
/// errors as for `sigverify_policy_new_identity`.
///
/// # Safety
/// `identity_pattern` and `issuer_pattern` are NULL or NUL-terminated strings; `policy_out`
/// and `error_out` are NULL or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_policy_new_identity_regexp(
    identity_pattern: *const c_char,
    issuer_pattern: *const c_char,
    policy_out: *mut *mut sigverify_policy,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        new_policy(policy_out, error_out, || {
            // SAFETY: both are NULL or NUL-terminated, per the contract.
            let (identity, issuer) = (
                utf8(identity_pattern, "identity_pattern")?,
                utf8(issuer_pattern, "issuer_pattern")?,
            );
            Ok(Policy::certificate(Condition::AllOf(vec![
                Condition::identity_matching(identity)?,
                Condition::issuer_matching(issuer)?,
            ]))?)
        })
    }
}

/// A GitHub-shaped policy with the semantics of `gh attestation verify` (see
/// `sigverify_policy_new_github`). Every string is NULL (not given) or NUL-terminated UTF-8.
#[repr(C)]
#[derive(Debug)]
pub struct sigverify_github_policy {
    /// `"github.com"` (when NULL) or a data-residency tenant `"NAME.ghe.com"`.
    pub host: *const c_char,
    /// The organisation or user whose repository built the artifact.
    pub owner: *const c_char,
    /// The repository that built it, `"OWNER/REPO"` (give `owner` or `repo`).
    pub repo: *const c_char,
    /// The signing workflow, `"OWNER/REPO/.github/workflows/FILE"` with an optional `"@REF"`.
    pub signer_workflow: *const c_char,
    /// The repository whose workflow signed, `"OWNER/REPO"`.
    pub signer_repo: *const c_char,
    /// The git ref built, in full (`"refs/tags/v1.2.3"`).
    pub source_ref: *const c_char,
    /// The commit built.
    pub source_digest: *const c_char,
    /// The commit of the signing workflow.
    pub signer_digest: *const c_char,
    /// The OIDC issuer, when not GitHub Actions of `host`.
    pub issuer: *const c_char,
    /// Non-zero: only runners hosted by GitHub.
    pub deny_self_hosted_runners: c_int,
}

/// Creates a policy requiring a GitHub Actions certificate that `*github` describes, read from
/// its Fulcio extensions: the source repository (owner, URI, ref, digest), the signing
/// workflow (the SAN: the whole workflow path, or any workflow of the signer repository, by
/// default of the source repository), the OIDC issuer and the runner. Names compare without
/// regard to case. A malformed combination (neither or both of `owner` and `repo`, both
/// signer fields, a repository that is not `OWNER/REPO`, another host) gives
/// `SIGVERIFY_POLICY_CONDITION_INVALID`. The strings are copied; ownership and errors as for
/// `sigverify_policy_new_identity`.
///
/// # Safety
/// `github` is NULL or valid for reading one `sigverify_github_policy` whose strings are each
/// NULL or NUL-terminated; `policy_out` and `error_out` are NULL or valid for writing one
/// pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_policy_new_github(
    github: *const sigverify_github_policy,
    policy_out: *mut *mut sigverify_policy,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        new_policy(policy_out, error_out, || {
            if github.is_null() {
                return Err(Failure::NullParameter("github"));
            }
            // SAFETY: non-NULL and, per the contract, readable for one struct.
            let g = &*github;
            // SAFETY: each field is NULL or NUL-terminated, per the contract.
            let text = |p: *const c_char, name| -> Result<Option<String>, Failure> {
                if p.is_null() {
                    Ok(None)
                } else {
                    // SAFETY: non-NULL and NUL-terminated, per the contract.
                    utf8(p, name).map(|s| Some(String::from(s)))
                }
            };
            Ok(sigverify::GitHubPolicy {
                host: text(g.host, "host")?,
                owner: text(g.owner, "owner")?,
                repo: text(g.repo, "repo")?,
                signer_workflow: text(g.signer_workflow, "signer_workflow")?,
                signer_repo: text(g.signer_repo, "signer_repo")?,
                source_ref: text(g.source_ref, "source_ref")?,
                source_digest: text(g.source_digest, "source_digest")?,
                signer_digest: text(g.signer_digest, "signer_digest")?,
                issuer: text(g.issuer, "issuer")?,
                deny_self_hosted_runners: g.deny_self_hosted_runners != 0,
            }
            .build()?)
        })
    }
}

/// Creates a policy requiring a signature by the managed public key in PEM form
/// (`-----BEGIN PUBLIC KEY-----`, SPKI) held in `pem[0..pem_len]`. The bytes are copied.
/// A key that cannot be decoded gives `SIGVERIFY_POLICY_KEY_INVALID` (PEM bytes that are
/// not UTF-8 give `SIGVERIFY_INVALID_ARGUMENT`). Ownership as for
/// `sigverify_policy_new_identity`.
///
/// # Safety
/// `pem` is NULL or valid for reading `pem_len` bytes; `policy_out` and `error_out` are NULL
/// or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_policy_new_public_key_pem(
    pem: *const u8,
    pem_len: usize,
    policy_out: *mut *mut sigverify_policy,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        new_policy(policy_out, error_out, || {
            // SAFETY: `pem` is NULL or readable for `pem_len` bytes, per the contract.
            let pem = bytes(pem, pem_len, "pem")?;
            let pem = core::str::from_utf8(pem)
                .map_err(|_| Failure::InvalidArgument("PEM is not valid UTF-8"))?;
            Ok(Policy::public_key_pem(pem)?)
        })
    }
}

/// Creates a policy requiring a signature by the managed public key in DER form
/// (SubjectPublicKeyInfo) held in `der[0..der_len]`. The bytes are copied. Ownership and
/// errors as for `sigverify_policy_new_public_key_pem`.
///
/// # Safety
/// `der` is NULL or valid for reading `der_len` bytes; `policy_out` and `error_out` are NULL
/// or valid for writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_policy_new_public_key_der(
    der: *const u8,
    der_len: usize,
    policy_out: *mut *mut sigverify_policy,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        new_policy(policy_out, error_out, || {
            // SAFETY: `der` is NULL or readable for `der_len` bytes, per the contract.
            let der = bytes(der, der_len, "der")?;
            Ok(Policy::public_key_der(der)?)
        })
    }
}

/// Creates a copy of the managed-key policy `policy` whose key is valid only from
/// `not_before` to `not_after` (Unix seconds, both included; 0 and `UINT64_MAX` leave a side
/// open): npm's `expires`, a product key's rotation dates. Every proven signing time must lie
/// inside the window (`SIGVERIFY_POLICY_KEY_NOT_VALID_AT_SIGNING_TIME`); with
/// `observer_timestamps` 0 and no proven time, the verification time must
/// (`SIGVERIFY_POLICY_KEY_NOT_VALID_NOW`). A certificate policy, or a window that ends before
/// it starts, gives `SIGVERIFY_POLICY_KEY_VALIDITY_INVALID`. `policy` is not changed.
/// Ownership as for `sigverify_policy_new_identity`.
///
/// # Safety
/// `policy` is NULL or a live policy; `policy_out` and `error_out` are NULL or valid for
/// writing one pointer.
#[no_mangle]
pub unsafe extern "C" fn sigverify_policy_with_key_validity(
    policy: *const sigverify_policy,
    not_before: u64,
    not_after: u64,
    policy_out: *mut *mut sigverify_policy,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    // SAFETY: forwarded from this function's contract.
    unsafe {
        new_policy(policy_out, error_out, || {
            // SAFETY: per this function's contract `policy` is NULL or live.
            let base = sigverify_policy::borrow(policy, "policy")?;
            let start = (not_before != 0).then_some(UnixTime(not_before));
            let end = (not_after != u64::MAX).then_some(UnixTime(not_after));
            Ok(base.clone().with_key_validity(start, end)?)
        })
    }
}

/// Frees a policy. NULL is a no-op.
///
/// # Safety
/// `policy` is NULL or a live policy from this library, not used again afterwards (and not
/// in use by another thread).
#[no_mangle]
pub unsafe extern "C" fn sigverify_policy_free(policy: *mut sigverify_policy) {
    // SAFETY: per this function's contract `policy` is NULL or live and unaliased.
    unsafe { sigverify_policy::free(policy) }
}
