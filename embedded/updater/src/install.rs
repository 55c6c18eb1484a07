//! Installing a product image under anti-rollback, and booting the installed one.
//!
//! An image of the product's signer is installed only when its firmware statement is for this
//! device (vendor, class, hardware revision) and its security version is greater than the
//! anti-rollback counter: the same image again, or an older one, is refused before anything is
//! written, as is an image for another device. Then, in this order:
//!
//! 1. the verified package is written to the install slot and read back (its SHA-256 must be
//!    the package's);
//! 2. the counter is advanced to the image's security version.
//!
//! Power lost between 1 and 2 leaves the new image installed with the counter one step behind.
//! The next boot verifies the installed image again (as it does at every boot) and, finding its
//! security version above the counter, advances the counter then: the device boots the image
//! it was given and ends with the right counter. Power lost during 1 leaves a slot that does
//! not verify: refused by name, the counter untouched (a real board keeps the previous image in
//! a second slot, as MCUboot's swap does; this example has one slot). The counter is never
//! raised from anything but a verified statement, so whoever writes the install slot can at
//! most make the device refuse to boot, never lower the counter or raise it past a signed
//! version.

use cortex_m_semihosting::hprintln;
use sigverify::FirmwarePolicy;
use sigverify::FirmwareStatement;
use sigverify::Verified;

use crate::device;
use crate::package::Package;
use crate::platform::Platform;
use crate::refusal::Refusal;

/// What the updater hands over to.
pub enum Boot<'a> {
    /// A stand-in slot's image, verified in the staging slot (never installed).
    Staged { image: &'a [u8] },
    /// The installed product image, of this security version.
    Installed { version: u32, bytes: usize },
    /// The test hook cut the power after the image was written (nothing is handed over).
    PowerCut,
}

/// The device's judge of firmware statements.
fn device_policy() -> Result<FirmwarePolicy, Refusal> {
    Ok(FirmwarePolicy::new(device::VENDOR, device::CLASS)?
        .with_hardware_revision(device::HARDWARE_REVISION))
}

/// Installs a verified product package (see the module's order of writes).
#[inline(never)] // its locals stay off the stack of the verification before it
pub fn install<'a>(
    pkg: &Package<'_>,
    image: &[u8],
    verified: &Verified,
    platform: &mut impl Platform,
) -> Result<Boot<'a>, Refusal> {
    let statement = FirmwareStatement::from_verified(verified)?;
    let counter = platform.counter();
    device_policy()?.check(&statement, counter)?;
    hprintln!(
        "proofs: {} tlog entries, {} signing times{}",
        verified.log_entries.len(),
        verified.signing_times.len(),
        if verified.log_entries.is_empty() {
            " (a product key without a log, as this signer is configured)"
        } else {
            ""
        }
    );
    platform.install(pkg.bytes)?;
    if platform.power_cut_after_write() {
        return Ok(Boot::PowerCut);
    }
    platform.advance_counter(statement.security_version)?;
    hprintln!(
        "installed: security version {} (counter {} -> {})",
        statement.security_version,
        counter,
        statement.security_version
    );
    Ok(Boot::Installed {
        version: statement.security_version,
        bytes: image.len(),
    })
}

/// Boots the installed image once verified again: an image below the counter is refused (the
/// slot was rolled back), one above it advances the counter (an update was interrupted after
/// its write).
#[inline(never)] // its locals stay off the stack of the verification before it
pub fn boot_installed<'a>(
    image: &[u8],
    verified: &Verified,
    platform: &mut impl Platform,
) -> Result<Boot<'a>, Refusal> {
    let statement = FirmwareStatement::from_verified(verified)?;
    device_policy()?.check_applies(&statement)?;
    let (version, counter) = (statement.security_version, platform.counter());
    if version < counter {
        return Err(Refusal::InstalledBelowCounter { version, counter });
    }
    if version > counter {
        platform.advance_counter(version)?;
        hprintln!(
            "counter: {} -> {}: the installed image's security version (an update was interrupted after its write)",
            counter,
            version
        );
    }
    Ok(Boot::Installed {
        version,
        bytes: image.len(),
    })
}
