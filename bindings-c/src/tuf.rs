//! `sigverify_trusted_root_from_tuf`: a trusted root verified over TUF, from files the caller
//! brings (an update package, a cache), with the persisted state as an opaque blob.

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::ffi::c_char;
use core::ffi::c_int;
use core::ffi::c_void;

use crate::backend::Callback;
use crate::backend::sigverify_ecdsa_verify_fn;
use crate::failure::Failure;
use crate::handle::bytes;
use crate::handle::out_param;
use crate::handle::sigverify_error;
use crate::handle::utf8;
use crate::panic;

/// A byte buffer borrowed for the duration of a call.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct sigverify_buffer {
    /// The bytes; not NULL.
    pub data: *const u8,
    /// How many bytes.
    pub len: usize,
}

/// A target file of a TUF repository, by its target name (e.g. `"trusted_root.json"`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct sigverify_tuf_target {
    /// The target name, NUL-terminated UTF-8.
    pub name: *const c_char,
    /// The file's bytes.
    pub content: sigverify_buffer,
}

/// The files of one TUF update. Every buffer is borrowed for the call only.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct sigverify_tuf_files {
    /// The TUF root to start from; `data` NULL: the compiled-in production TUF root (v15), or
    /// staging (v14) when `staging` is true.
    pub anchor: sigverify_buffer,
    /// Start from the compiled-in staging TUF root (when `anchor.data` is NULL).
    pub staging: bool,
    /// The state blob of the last successful update; `data` NULL: none yet.
    pub state: sigverify_buffer,
    /// The root versions after the anchor, in order (`N+1.root.json`, ...); may be NULL when
    /// `roots_len` is 0.
    pub roots: *const sigverify_buffer,
    /// How many roots.
    pub roots_len: usize,
    /// `timestamp.json`.
    pub timestamp: sigverify_buffer,
    /// The snapshot metadata.
    pub snapshot: sigverify_buffer,
    /// The top-level targets metadata.
    pub targets: sigverify_buffer,
    /// The target files; `trusted_root.json` is required.
    pub target_files: *const sigverify_tuf_target,
    /// How many target files.
    pub target_files_len: usize,
    /// The ECDSA backend of this update, as `sigverify_verifier_set_ecdsa_backend` installs one
    /// on a verifier (Sigstore's TUF keys are ECDSA P-256, so the signature checks are most of
    /// an update's cost); NULL: sigverify's own software. The keys and signature encodings
    /// are judged by sigverify first either way, so the same files are trusted.
    pub ecdsa_verify: sigverify_ecdsa_verify_fn,
    /// Passed to `ecdsa_verify`, never dereferenced by sigverify.
    pub ecdsa_context: *mut c_void,
}

/// Moves `v` to the heap as a boxed slice and returns its pointer and length, for
/// `sigverify_buffer_free`.
pub(crate) fn boxed_bytes(v: Vec<u8>) -> (*mut u8, usize) {
    let boxed = v.into_boxed_slice();
    let len = boxed.len();
    (Box::into_raw(boxed).cast::<u8>(), len)
}

/// Borrows a `sigverify_buffer`; `optional` buffers may have a NULL `data` (`None`).
///
/// # Safety
/// A non-NULL `b.data` is valid for reading `b.len` bytes for `'a`.
pub(crate) unsafe fn buffer<'a>(
    b: sigverify_buffer,
    name: &'static str,
    optional: bool,
) -> Result<Option<&'a [u8]>, Failure> {
    if b.data.is_null() && optional {
        return Ok(None);
    }
    // SAFETY: forwarded from this function's contract.
    unsafe { bytes(b.data, b.len, name) }.map(Some)
}

/// Borrows `len` items at `ptr` (NULL allowed when `len` is 0).
///
/// # Safety
/// A non-NULL `ptr` is valid for reading `len` items for `'a`.
unsafe fn items<'a, T>(ptr: *const T, len: usize, name: &'static str) -> Result<&'a [T], Failure> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(Failure::NullParameter(name));
    }
    // SAFETY: `ptr` is non-NULL and valid for `len` items, per this function's contract.
    Ok(unsafe { core::slice::from_raw_parts(ptr, len) })
}

/// Verifies TUF metadata offline (the TUF client workflow: root rotation, thresholds, rollback,
/// expiry at `now` (Unix seconds; 0 means the system clock), snapshot and targets consistency,
/// target lengths and hashes) and returns the verified `trusted_root.json`, byte for byte as published, for
/// `sigverify_verifier_new_from_trusted_root`, and the new state blob to persist and pass back
/// next time.
///
/// On `SIGVERIFY_OK`, `*trusted_root_out`/`*trusted_root_len_out` and
/// `*state_out`/`*state_len_out` receive new buffers; free each with `sigverify_buffer_free`.
/// Otherwise nothing is written to them, and a TUF failure gives one of the `SIGVERIFY_TUF_*`
/// codes (or `SIGVERIFY_LIMIT_EXCEEDED`, `SIGVERIFY_TRUST_ROOT_*`), with a new error in
/// `*error_out` when `error_out` is not NULL.
///
/// Memory: the call holds the parsed metadata (about 4 times the size of the largest file)
/// and checks one ECDSA or Ed25519 signature at a time; `files->ecdsa_verify`, when not NULL, is
/// called on this thread during the call only.
///
/// # Safety
/// `files` is NULL or points at a valid `sigverify_tuf_files` whose buffers are readable as
/// described; the out-parameters are NULL or valid for writing one value.
#[no_mangle]
pub unsafe extern "C" fn sigverify_trusted_root_from_tuf(
    files: *const sigverify_tuf_files,
    now: u64,
    trusted_root_out: *mut *mut u8,
    trusted_root_len_out: *mut usize,
    state_out: *mut *mut u8,
    state_len_out: *mut usize,
    error_out: *mut *mut sigverify_error,
) -> c_int {
    let body = || {
        let root_out = out_param(trusted_root_out, "trusted_root_out")?;
        let root_len_out = out_param(trusted_root_len_out, "trusted_root_len_out")?;
        let st_out = out_param(state_out, "state_out")?;
        let st_len_out = out_param(state_len_out, "state_len_out")?;
        if files.is_null() {
            return Err(Failure::NullParameter("files"));
        }
        // SAFETY: non-NULL and valid, per this function's contract.
        let f = unsafe { *files };
        // SAFETY: `f.anchor` is NULL or readable, per this function's contract.
        let anchor = unsafe { buffer(f.anchor, "anchor", true) }?;
        let anchor = anchor.unwrap_or(if f.staging {
            sigverify::tuf::STAGING_ROOT
        } else {
            sigverify::tuf::PRODUCTION_ROOT
        });
        // SAFETY: `f.state` is NULL or readable, per this function's contract.
        let state = match unsafe { buffer(f.state, "state", true) }? {
            Some(b) => Some(sigverify::tuf::State::from_bytes(b)?),
            None => None,
        };
        // SAFETY: `f.roots` holds `f.roots_len` readable buffers, per this function's contract.
        let root_buffers = unsafe { items(f.roots, f.roots_len, "roots") }?;
        let mut roots = Vec::new();
        for r in root_buffers {
            // SAFETY: each root buffer is readable, per this function's contract.
            roots.push(unsafe { buffer(*r, "roots", false) }?.unwrap_or_default());
        }
        // SAFETY: `f.target_files` holds `f.target_files_len` readable entries, per this
        // function's contract.
        let targets_in = unsafe { items(f.target_files, f.target_files_len, "target_files") }?;
        let mut target_files = Vec::new();
        for t in targets_in {
            // SAFETY: each name is a readable NUL-terminated string, per this function's contract.
            let name = unsafe { utf8(t.name, "target_files.name") }?;
            // SAFETY: each content buffer is readable, per this function's contract.
            let content = unsafe { buffer(t.content, "target_files.content", false) }?;
            target_files.push((name, content.unwrap_or_default()));
        }
        // SAFETY: the three metadata buffers are readable, per this function's contract.
        let (timestamp, snapshot, targets) = unsafe {
            (
                buffer(f.timestamp, "timestamp", false)?,
                buffer(f.snapshot, "snapshot", false)?,
                buffer(f.targets, "targets", false)?,
            )
        };
        let repo = sigverify::tuf::Repository {
            roots,
            timestamp: timestamp.unwrap_or_default(),
            snapshot: snapshot.unwrap_or_default(),
            targets: targets.unwrap_or_default(),
            target_files,
        };
        let now = match now {
            0 => crate::verify::system_time()?,
            n => sigverify::UnixTime(n),
        };
        let up = match f.ecdsa_verify {
            Some(verify) => {
                let backend = Callback::new(verify, f.ecdsa_context);
                sigverify::tuf::update_with_backend(anchor, state.as_ref(), &repo, now, &backend)?
            }
            None => sigverify::tuf::update(anchor, state.as_ref(), &repo, now)?,
        };
        let root = up
            .target_file(sigverify::tuf::TRUSTED_ROOT_TARGET)
            .map(<[u8]>::to_vec)
            .unwrap_or_default();
        let (root_ptr, root_len) = boxed_bytes(root);
        let (state_ptr, state_len) = boxed_bytes(up.state.to_bytes());
        // SAFETY: the out-parameters are non-NULL and writable, per the contract.
        unsafe {
            root_out.write(root_ptr);
            root_len_out.write(root_len);
            st_out.write(state_ptr);
            st_len_out.write(state_len);
        }
        Ok(())
    };
    // SAFETY: `error_out` is NULL or writable, per this function's contract.
    unsafe { panic::status(error_out, body) }
}

/// Frees a buffer this library returned (`data` and `len` exactly as received). NULL is a
/// no-op.
///
/// # Safety
/// `data` is NULL or a buffer returned by this library with length `len`, not yet freed.
#[no_mangle]
pub unsafe extern "C" fn sigverify_buffer_free(data: *mut u8, len: usize) {
    if data.is_null() {
        return;
    }
    // SAFETY: per the contract, `data`/`len` came from `boxed_bytes` and were not freed.
    drop(unsafe { Box::from_raw(core::ptr::slice_from_raw_parts_mut(data, len)) });
}
