//! `trusted-root update` and `verify-bundle --tuf`: a trusted root from a TUF repository folder,
//! checked by the core's TUF client against a trust anchor and the persisted state.

use std::fs;
use std::path::Path;

use sigverify::tuf;
use sigverify::tuf::dir::Files;

use crate::Failure;
use crate::args::TufArgs;

/// Runs one update over `dir` from the compiled-in anchor (or `anchor`), with the state in
/// `state` when that file exists.
pub(crate) fn update(
    dir: &Path,
    staging: bool,
    anchor: Option<&Path>,
    state: Option<&Path>,
    now: sigverify::UnixTime,
) -> Result<tuf::Update, Failure> {
    let anchor_bytes = match anchor {
        Some(path) => crate::read(path, "TUF anchor root")?,
        None if staging => tuf::STAGING_ROOT.to_vec(),
        None => tuf::PRODUCTION_ROOT.to_vec(),
    };
    let state = match state {
        Some(path) if path.exists() => {
            Some(tuf::State::from_bytes(&crate::read(path, "TUF state")?)?)
        }
        _ => None,
    };
    let files = Files::read_dir(dir, &anchor_bytes)
        .map_err(|e| Failure::Io(format!("cannot read TUF repository {}: {e}", dir.display())))?;
    Ok(tuf::update(
        &anchor_bytes,
        state.as_ref(),
        &files.repository(),
        now,
    )?)
}

/// `trusted-root update`: writes the verified `trusted_root.json` and the new state, and says
/// what was trusted.
pub(crate) fn run(a: &TufArgs) -> Result<String, Failure> {
    let now = a.now.unwrap_or_else(crate::system_now);
    let up = update(
        &a.metadata,
        a.staging,
        a.anchor.as_deref(),
        a.state.as_deref(),
        now,
    )?;
    let root = up
        .target_file(tuf::TRUSTED_ROOT_TARGET)
        .ok_or_else(|| Failure::Io("internal: no trusted root".into()))?;
    write(&a.out, root)?;
    if let Some(path) = &a.state {
        write(path, &up.state.to_bytes())?;
    }
    let v = up.versions;
    Ok(format!(
        "trusted root updated over TUF: root v{}, timestamp v{}, snapshot v{}, targets v{}\n\
         valid until: {} (the earliest expiry; update again before then)\n\
         wrote: {} ({} bytes, sha256:{})\n",
        v.root,
        v.timestamp,
        v.snapshot,
        v.targets,
        up.expires,
        a.out.display(),
        root.len(),
        sigverify::Sha256Digest::of(root).to_hex(),
    ))
}

/// The way out of a failure that the state file can cause (a damaged or edited file, one
/// written from another anchor, floors the repository is below), for the line after the error.
pub(crate) fn state_hint(f: &Failure, a: &TufArgs) -> Option<String> {
    let path = a.state.as_deref()?;
    let Failure::Verify(e) = f else {
        return None;
    };
    let why = match e {
        sigverify::Error::TufStateInvalid => "is damaged or not a sigverify TUF state",
        sigverify::Error::TufStateNotFromAnchor { .. } => {
            "was written from another trust anchor, or edited"
        }
        sigverify::Error::TufRollback { .. } | sigverify::Error::TufTimestampChanged { .. } => {
            "holds versions this repository is below: the repository may be rolled back (an attack, \
             or a stale mirror), or the state edited"
        }
        _ => return None,
    };
    Some(format!(
        "sigverify: the TUF state {} {why}; trust comes only from the anchor, so deleting it is \
         safe but drops its rollback floors: delete it only when you know why",
        path.display()
    ))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    fs::write(path, bytes).map_err(|e| Failure::Io(format!("cannot write {}: {e}", path.display())))
}
