//! Which trusted root the device uses, and how a root update inside a package replaces it.
//!
//! The device ships with Sigstore's production root and the TUF root it came from (both
//! compiled in). A package may carry a TUF update (newer roots, timestamp, snapshot, targets
//! and the `trusted_root.json` target). It is verified against the device's stored TUF state
//! (or the compiled-in TUF root the first time); when it verifies, the new state and trusted
//! root are written to the persist sector, and every later boot uses them.
//!
//! The persist sector is flash at [`PERSIST_SLOT`]; on QEMU the firmware programs it through
//! semihosting (a host file, `persist.bin`, which run.sh loads back at that address on the next
//! boot), as a flash driver would program a sector.

use alloc::vec::Vec;

use sigverify::tuf;
use sigverify::tuf::State;

use crate::package::Package;

/// Where the persisted trust state lies in flash.
pub const PERSIST_SLOT: usize = 0x0030_0000;

/// The persist sector's size.
pub const PERSIST_SLOT_BYTES: usize = 0x0004_0000;

const MAGIC: &[u8; 8] = b"SVSTATE1";

/// The persist sector as the firmware reads it at boot.
pub fn sector() -> &'static [u8] {
    // SAFETY: the persist sector is mapped memory that nothing writes while the updater reads
    // it (a new state is programmed through the flash controller, semihosting on QEMU).
    unsafe { core::slice::from_raw_parts(PERSIST_SLOT as *const u8, PERSIST_SLOT_BYTES) }
}

/// The trust state read back from the persist sector.
pub struct Persisted<'a> {
    pub state: State,
    pub trusted_root: &'a [u8],
}

fn field(sector: &[u8], at: usize) -> Option<(&[u8], usize)> {
    let len = u32::from_le_bytes(sector.get(at..at + 4)?.try_into().ok()?) as usize;
    let body = sector.get(at + 4..(at + 4).checked_add(len)?)?;
    Some((body, (at + 4 + len).next_multiple_of(4)))
}

/// Reads the persist sector: `None` when it holds no state (a device fresh from the factory)
/// or one that does not parse (an interrupted write: the compiled-in trust applies).
pub fn read(sector: &[u8]) -> Option<Persisted<'_>> {
    if sector.get(..8)? != MAGIC {
        return None;
    }
    let (state, at) = field(sector, 8)?;
    let (trusted_root, _) = field(sector, at)?;
    Some(Persisted {
        state: State::from_bytes(state).ok()?,
        trusted_root,
    })
}

/// The bytes of the persist sector for `state` and `trusted_root`.
pub fn encode(state: &State, trusted_root: &[u8]) -> Vec<u8> {
    let state = state.to_bytes();
    let mut out = Vec::with_capacity(16 + state.len() + trusted_root.len());
    out.extend_from_slice(MAGIC);
    for body in [state.as_slice(), trusted_root] {
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
pub fn program(bytes: &[u8]) -> Result<(), ()> {
    const PATH: &[u8] = b"persist.bin\0";
    const MODE_WB: usize = 5; // "wb": write, binary
    // SAFETY: SYS_OPEN reads a NUL-terminated path of the given length (without the NUL).
    let handle =
        unsafe { cortex_m_semihosting::syscall!(OPEN, PATH.as_ptr(), MODE_WB, PATH.len() - 1) };
    if handle == usize::MAX {
        return Err(());
    }
    // SAFETY: SYS_WRITE reads `bytes.len()` bytes from `bytes`; returns the count not written.
    let left =
        unsafe { cortex_m_semihosting::syscall!(WRITE, handle, bytes.as_ptr(), bytes.len()) };
    // SAFETY: SYS_CLOSE takes the handle SYS_OPEN returned.
    let closed = unsafe { cortex_m_semihosting::syscall!(CLOSE, handle) };
    if left == 0 && closed == 0 {
        Ok(())
    } else {
        Err(())
    }
}
