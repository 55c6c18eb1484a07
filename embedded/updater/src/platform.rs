//! What the updater needs from the board besides memory: the anti-rollback counter, the
//! install slot, and flash writes. A port implements [`Platform`] for its parts (an eFuse
//! field or a secure element's monotonic counter, a flash driver); [`Qemu`] is the emulated
//! board's, where flash is programmed through semihosting (host files that run.sh loads back
//! at the same addresses on the next boot, as flash keeps its contents across a reset).

use sigverify::Sha256Digest;
use sigverify::Sha256Hasher;

/// A board's counter and install slot.
pub trait Platform {
    /// The highest security version installed: the anti-rollback counter (0 on a new device).
    fn counter(&self) -> u32;
    /// Raises the counter to `version`; a counter never goes down (eFuses cannot be unblown).
    fn advance_counter(&mut self, version: u32) -> Result<(), FlashError>;
    /// The install slot's contents as the device reads them at boot.
    fn installed(&self) -> &'static [u8];
    /// Programs the install slot with `package` (the verified package, copied as it was).
    fn install(&mut self, package: &[u8]) -> Result<(), FlashError>;
    /// Whether the harness asked for power to fail between the image write and the counter
    /// advance (a test hook; a real board has none).
    fn power_cut_after_write(&self) -> bool;
}

/// A flash or counter write did not complete.
pub struct FlashError;

/// The emulated board (QEMU mps2-an386 or mps2-an505, `board.rs`).
pub struct Qemu;

use crate::board::COUNTER;
use crate::board::INSTALL_SLOT;
use crate::board::INSTALL_SLOT_BYTES;
use crate::board::POWER_CUT;

impl Platform for Qemu {
    fn counter(&self) -> u32 {
        // SAFETY: the counter word is mapped flash that nothing writes while the updater runs.
        unsafe { core::ptr::read_volatile(COUNTER as *const u32) }
    }

    fn advance_counter(&mut self, version: u32) -> Result<(), FlashError> {
        if version < self.counter() {
            return Err(FlashError);
        }
        write_file(b"counter.bin\0", &version.to_le_bytes())
    }

    fn installed(&self) -> &'static [u8] {
        // SAFETY: the install slot is mapped flash that nothing writes while the updater reads
        // it (a new image is programmed through semihosting, into the host file).
        unsafe { core::slice::from_raw_parts(INSTALL_SLOT as *const u8, INSTALL_SLOT_BYTES) }
    }

    fn install(&mut self, package: &[u8]) -> Result<(), FlashError> {
        const PATH: &[u8] = b"install.bin\0";
        if package.len() > INSTALL_SLOT_BYTES {
            return Err(FlashError);
        }
        write_file(PATH, package)?;
        // Checked as written: the slot read back hashes to what was meant to be there.
        if read_back_sha256(PATH)? == Sha256Digest::of(package) {
            Ok(())
        } else {
            Err(FlashError)
        }
    }

    fn power_cut_after_write(&self) -> bool {
        // SAFETY: the register is mapped RAM that only the harness writes.
        unsafe { core::ptr::read_volatile(POWER_CUT as *const u32) == 1 }
    }
}

/// The SHA-256 of a programmed region, read back (on QEMU: the host file, through semihosting).
fn read_back_sha256(path: &[u8]) -> Result<Sha256Digest, FlashError> {
    const MODE_RB: usize = 1; // "rb": read, binary
    // SAFETY: SYS_OPEN reads a NUL-terminated path of the given length (without the NUL).
    let handle =
        unsafe { cortex_m_semihosting::syscall!(OPEN, path.as_ptr(), MODE_RB, path.len() - 1) };
    if handle == usize::MAX {
        return Err(FlashError);
    }
    let mut hasher = Sha256Hasher::new();
    let mut buf = [0u8; 256];
    loop {
        // SAFETY: SYS_READ writes at most `buf.len()` bytes into `buf`; returns the count not
        // read (all of them at the end of the file).
        let left =
            unsafe { cortex_m_semihosting::syscall!(READ, handle, buf.as_mut_ptr(), buf.len()) };
        let read = buf.len().saturating_sub(left);
        hasher.update(buf.get(..read).unwrap_or_default());
        if read < buf.len() {
            break;
        }
    }
    // SAFETY: SYS_CLOSE takes the handle SYS_OPEN returned.
    unsafe { cortex_m_semihosting::syscall!(CLOSE, handle) };
    Ok(hasher.finalize())
}

/// Programs a flash region: on QEMU, writes the host file (NUL-terminated `path`) that run.sh
/// loads back at the region's address on the next boot.
pub fn write_file(path: &[u8], bytes: &[u8]) -> Result<(), FlashError> {
    const MODE_WB: usize = 5; // "wb": write, binary
    // SAFETY: SYS_OPEN reads a NUL-terminated path of the given length (without the NUL).
    let handle =
        unsafe { cortex_m_semihosting::syscall!(OPEN, path.as_ptr(), MODE_WB, path.len() - 1) };
    if handle == usize::MAX {
        return Err(FlashError);
    }
    // SAFETY: SYS_WRITE reads `bytes.len()` bytes from `bytes`; returns the count not written.
    let left =
        unsafe { cortex_m_semihosting::syscall!(WRITE, handle, bytes.as_ptr(), bytes.len()) };
    // SAFETY: SYS_CLOSE takes the handle SYS_OPEN returned.
    let closed = unsafe { cortex_m_semihosting::syscall!(CLOSE, handle) };
    if left == 0 && closed == 0 {
        Ok(())
    } else {
        Err(FlashError)
    }
}
