//! Which trusted root the device uses, and how a root update inside a package replaces it.
//!
//! The device ships with Sigstore's production root and the TUF root it came from (both
//! compiled in). A package may carry a TUF update (newer roots, timestamp, snapshot, targets
//! and the `trusted_root.json` target). It is verified from the compiled-in TUF root with the
//! device's stored rollback floors; when it verifies, the floors, the time it verified at and
//! the TUF files themselves are written to the persist sector.
//!
//! Trust comes only from the compiled-in TUF root, never from the sector: at every boot the
//! persisted files are checked again from that root (at the time they verified at, so an
//! expired weekly timestamp does not retire a root the device adopted) before their
//! `trusted_root.json` is used. Whoever can write the sector can at most bring back files that
//! once verified, or lose the floors; a sector that does not verify is refused by name and
//! the compiled-in root applies.
//!
//! The persist sector is flash at [`PERSIST_SLOT`]; on QEMU the firmware programs it through
//! semihosting (a host file, `persist.bin`, which run.sh loads back at that address on the next
//! boot), as a flash driver would program a sector.

use alloc::vec::Vec;

use sigverify::UnixTime;
use sigverify::tuf;
use sigverify::tuf::State;

use crate::package::Package;

use crate::board::PERSIST_SLOT;
use crate::board::PERSIST_SLOT_BYTES;

const MAGIC: &[u8; 8] = b"SVSTATE2";

/// The persist sector as the firmware reads it at boot.
pub fn sector() -> &'static [u8] {
    // SAFETY: the persist sector is mapped memory that nothing writes while the updater reads
    // it (a new state is programmed through the flash controller, semihosting on QEMU).
    unsafe { core::slice::from_raw_parts(PERSIST_SLOT as *const u8, PERSIST_SLOT_BYTES) }
}

/// What the persist sector holds: rollback floors, and the files of the last update with the
/// time they verified at (untrusted until [`Persisted::recheck`] says otherwise).
pub struct Persisted<'a> {
    pub state: State,
    verified_at: UnixTime,
    files: tuf::Repository<'a>,
}

impl Persisted<'_> {
    /// The persisted update checked again from the compiled-in TUF root, at the time it
    /// verified at: its trusted root, or why it does not verify.
    pub fn recheck(&self) -> Result<sigverify::TrustedRoot, sigverify::Error> {
        tuf::update(tuf::PRODUCTION_ROOT, None, &self.files, self.verified_at)
            .map(|u| u.trusted_root)
    }
}

fn field(sector: &[u8], at: usize) -> Option<(&[u8], usize)> {
    let len = u32::from_le_bytes(sector.get(at..at + 4)?.try_into().ok()?) as usize;
    let body = sector.get(at + 4..(at + 4).checked_add(len)?)?;
    Some((body, (at + 4 + len).next_multiple_of(4)))
}

/// Reads the persist sector: `None` when it holds no state (a device fresh from the factory,
/// or a sector of the first format, which kept a trusted root without the files that prove
/// it) or one that does not parse (an interrupted write: the compiled-in trust applies).
pub fn read(sector: &[u8]) -> Option<Persisted<'_>> {
    if sector.get(..8)? != MAGIC {
        return None;
    }
    let (state, at) = field(sector, 8)?;
    let (time, at) = field(sector, at)?;
    let (timestamp, at) = field(sector, at)?;
    let (snapshot, at) = field(sector, at)?;
    let (targets, at) = field(sector, at)?;
    let (trusted_root, at) = field(sector, at)?;
    let (count, mut at) = field(sector, at)?;
    let count = u32::from_le_bytes(count.try_into().ok()?) as usize;
    if count > sigverify::limits::MAX_TUF_ROOT_ROTATIONS {
        return None;
    }
    let mut roots = Vec::with_capacity(count);
    for _ in 0..count {
        let (root, next) = field(sector, at)?;
        roots.push(root);
        at = next;
    }
    Some(Persisted {
        state: State::from_bytes(state).ok()?,
        verified_at: UnixTime(u64::from_le_bytes(time.try_into().ok()?)),
        files: tuf::Repository {
            roots,
            timestamp,
            snapshot,
            targets,
            target_files: alloc::vec![(tuf::TRUSTED_ROOT_TARGET, trusted_root)],
        },
    })
}

/// The bytes of the persist sector for an update of `repo` that verified at `verified_at` and
/// left `state`.
pub fn encode(state: &State, verified_at: UnixTime, repo: &tuf::Repository<'_>) -> Vec<u8> {
    let state = state.to_bytes();
    let trusted_root = repo
        .target_files
        .iter()
        .find(|(name, _)| *name == tuf::TRUSTED_ROOT_TARGET)
        .map(|(_, bytes)| *bytes)
        .unwrap_or_default();
    let time = verified_at.0.to_le_bytes();
    let count = (repo.roots.len() as u32).to_le_bytes();
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    let fields = [
        state.as_slice(),
        &time,
        repo.timestamp,
        repo.snapshot,
        repo.targets,
        trusted_root,
        &count,
    ];
    for body in fields.into_iter().chain(repo.roots.iter().copied()) {
        out.extend_from_slice(&(body.len() as u32).to_le_bytes());
        out.extend_from_slice(body);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    out
}

/// The TUF files a package carries, when it carries an update.
pub fn repository<'a>(pkg: &Package<'a>) -> Option<tuf::Repository<'a>> {
    let timestamp = pkg.tuf_timestamp?;
    Some(tuf::Repository {
        roots: pkg.tuf_roots.as_slice().to_vec(),
        timestamp,
        snapshot: pkg.tuf_snapshot.unwrap_or_default(),
        targets: pkg.tuf_targets.unwrap_or_default(),
        target_files: pkg
            .trusted_root
            .map(|t| (tuf::TRUSTED_ROOT_TARGET, t))
            .into_iter()
            .collect(),
    })
}

/// Programs the persist sector (through semihosting on QEMU: the host file `persist.bin`).
pub fn program(bytes: &[u8]) -> Result<(), crate::platform::FlashError> {
    crate::platform::write_file(b"persist.bin\0", bytes)
}
