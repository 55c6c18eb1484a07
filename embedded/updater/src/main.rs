//! A firmware updater on a Cortex-M4F: reads the update package staged in flash, verifies the
//! image's Sigstore bundle against the device's trusted root (the compiled-in public-good root,
//! or one a TUF update delivered earlier) and the signer the device trusts, and hands over to
//! the image only when that succeeds. An image of the product's signer comes with a firmware
//! statement: it installs only when it is for this device and newer than the anti-rollback
//! counter, and the counter advances only once the image is written and read back
//! (`install.rs`). With nothing staged, the installed image is verified again and booted. With
//! the `root-update` feature, a package may also carry a TUF update of the trusted root
//! (`trust.rs`), which is verified, persisted, and used from then on; without it such a package
//! is refused.
//!
//! Output goes over semihosting; `embedded/run.sh` checks it. The exit status is 0 when the
//! image was booted and 1 when the update was refused (the line `refused: CODE NAME` says why).

#![no_std]
#![no_main]

extern crate alloc;

mod board;
mod device;
mod install;
mod measure;
mod package;
mod platform;
mod refusal;
#[cfg(feature = "root-update")]
mod trust;

use cortex_m_rt::entry;
use cortex_m_semihosting::debug;
use cortex_m_semihosting::hprintln;
use sigverify::Artifact;
use sigverify::Bundle;
use sigverify::Config;
use sigverify::Policy;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verifier;
use sigverify::digest::Hasher;
#[cfg(feature = "root-update")]
use sigverify::tuf;

use crate::device::Signer;
use crate::install::Boot;
use crate::measure::CountingHeap;
use crate::package::Package;
use crate::package::PackageError;
use crate::platform::Platform;
use crate::platform::Qemu;
use crate::refusal::Refusal;

#[global_allocator]
static HEAP: CountingHeap = CountingHeap::new();

/// The image is hashed straight from flash in chunks of this size, as a hash engine's DMA would.
const HASH_CHUNK: usize = 4096;

/// What one phase cost.
pub struct Phase {
    instructions: u64,
    heap_peak: usize,
}

pub fn phase<T>(f: impl FnOnce() -> T) -> (T, Phase) {
    HEAP.reset_peak();
    let start = measure::instructions();
    let out = f();
    let cost = Phase {
        instructions: measure::instructions() - start,
        heap_peak: HEAP.peak(),
    };
    (out, cost)
}

/// The device's clock: a battery-backed RTC register holding Unix seconds, which run.sh sets
/// through QEMU's loader as a real RTC keeps its time across resets. Zero: never set.
pub fn now() -> Result<UnixTime, Refusal> {
    // SAFETY: the register is mapped RAM that only the harness writes.
    let secs = unsafe { core::ptr::read_volatile(board::RTC_SECONDS as *const u64) };
    if secs == 0 {
        return Err(Refusal::Clock);
    }
    Ok(UnixTime(secs))
}

/// The signer a package names, with its policy and thresholds.
fn signer_for(slot: Option<u32>) -> Result<(&'static Signer, Policy, Config), Refusal> {
    let slot = slot.ok_or(Refusal::Package(PackageError::Section("SIGN")))?;
    let signer = device::SIGNERS.get(slot as usize).ok_or(Refusal::Signer)?;
    let (policy, config) = match signer {
        Signer::Identity { identity, issuer } => {
            (Policy::identity(*identity, *issuer)?, Config::default())
        }
        Signer::Key { pem } => (Policy::public_key_pem(pem)?, Config::default()),
        Signer::Product { pem, without_log } => {
            let policy = Policy::public_key_pem(pem)?.with_key_validity(
                Some(UnixTime(device::PRODUCT_KEY_NOT_BEFORE)),
                Some(UnixTime(device::PRODUCT_KEY_NOT_AFTER)),
            )?;
            // Without a log nothing proves when the image was signed: the key's window is then
            // checked at the device's time (a time threshold of 0, only for a managed key).
            let config = if *without_log {
                Config {
                    tlog_entries: 0,
                    observer_timestamps: 0,
                    ..Config::default()
                }
            } else {
                Config::default()
            };
            (policy, config)
        }
    };
    Ok((signer, policy, config))
}

/// The trusted root for this boot: the compiled-in production root. This build leaves root
/// updates out, so a package that carries one is refused.
#[cfg(not(feature = "root-update"))]
#[inline(never)] // the root's parsing locals stay out of the verification's stack
fn trusted_root(pkg: &Package<'_>, _installed: bool) -> Result<TrustedRoot, Refusal> {
    if pkg.carries_root_update() {
        return Err(Refusal::RootUpdateNotBuilt);
    }
    let (root, cost) = phase(TrustedRoot::production);
    hprintln!(
        "phase root (compiled-in): {} instructions, heap peak {} B",
        cost.instructions,
        cost.heap_peak
    );
    root.map_err(Refusal::Core)
}

/// The trusted root for this boot: a TUF update from the package (verified and persisted),
/// else the one persisted by an earlier update, else the compiled-in production root.
#[cfg(feature = "root-update")]
#[inline(never)] // the root's parsing locals stay out of the verification's stack
fn trusted_root(pkg: &Package<'_>, installed: bool) -> Result<TrustedRoot, Refusal> {
    let persisted = trust::read(trust::sector());
    // An installed package's update was applied when it was installed: not again at each boot.
    if let Some(repo) = trust::repository(pkg).filter(|_| !installed) {
        return root_update(&repo, persisted.as_ref().map(|p| &p.state));
    }
    // The sector is not trusted: its files are checked again from the compiled-in TUF root.
    let (root, cost) = phase(|| match &persisted {
        Some(p) => match p.recheck() {
            Ok(root) => Ok((root, "persisted")),
            Err(e) => {
                hprintln!(
                    "root: persisted TUF update refused ({} {}): the compiled-in root applies",
                    e.code(),
                    e.name()
                );
                TrustedRoot::production().map(|r| (r, "compiled-in"))
            }
        },
        None => TrustedRoot::production().map(|r| (r, "compiled-in")),
    });
    let (root, source) = root.map_err(Refusal::Core)?;
    if let (Some(p), "persisted") = (&persisted, source) {
        hprintln!(
            "root: persisted by a TUF update (TUF root v{}, timestamp v{}), checked again from the compiled-in TUF root",
            p.state.root_version(),
            p.state.timestamp_version()
        );
    }
    hprintln!(
        "phase root ({}): {} instructions, heap peak {} B",
        source,
        cost.instructions,
        cost.heap_peak
    );
    Ok(root)
}

/// Verifies the package's TUF update against the stored state (or the compiled-in TUF root),
/// persists the new state and trusted root, and returns the root.
#[inline(never)] // its TUF locals stay off the stack of the boots that carry no update
#[cfg(feature = "root-update")]
fn root_update(
    repo: &tuf::Repository<'_>,
    state: Option<&tuf::State>,
) -> Result<TrustedRoot, Refusal> {
    let now = now()?;
    let (update, cost) =
        phase(|| tuf::update(tuf::PRODUCTION_ROOT, state, repo, now).map_err(Refusal::Core));
    let update = update?;
    trust::program(&trust::encode(&update.state, now, repo))?;
    hprintln!(
        "root update: TUF root v{}, timestamp v{}, targets v{}; trusted_root.json adopted and persisted",
        update.versions.root,
        update.versions.timestamp,
        update.versions.targets
    );
    hprintln!(
        "phase tuf: {} instructions, heap peak {} B",
        cost.instructions,
        cost.heap_peak
    );
    Ok(update.trusted_root)
}

/// The bundle, parsed in a frame of its own: the parser's locals are gone before the
/// verification's deepest stack.
#[inline(never)]
fn parse_bundle(json: &[u8]) -> Result<Bundle, sigverify::Error> {
    Bundle::from_json(json)
}

/// The image's digest in the bundle's algorithm, hashed from flash in chunks as a hash
/// engine's DMA would, in a frame of its own (the hasher's state is gone before the
/// verification's deepest stack).
#[inline(never)]
fn hash_image(image: &[u8], alg: sigverify::HashAlgorithm) -> sigverify::Digest {
    let mut hasher = Hasher::new(alg);
    for chunk in image.chunks(HASH_CHUNK) {
        hasher.update(chunk);
    }
    hasher.finalize()
}

/// Verifies the package's image for the signer it names: the verification, and the image.
#[inline(never)] // the install's locals stay out of the verification's stack
fn verify<'a>(
    pkg: &Package<'a>,
    root: TrustedRoot,
) -> Result<(&'static Signer, &'a [u8], sigverify::Verified), Refusal> {
    let (outcome, cost) = phase(|| {
        let now = now()?;
        let (signer, policy, config) = signer_for(pkg.signer)?;
        let image = pkg
            .image
            .ok_or(Refusal::Package(PackageError::Section("IMG ")))?;
        let bundle = pkg
            .bundle
            .ok_or(Refusal::Package(PackageError::Section("BNDL")))?;
        let bundle = parse_bundle(bundle)?;
        let digest = Artifact::Digest(hash_image(image, bundle.artifact_hash()));
        let verified = Verifier::new(root, config).verify(&bundle, digest, &policy, now)?;
        Ok::<_, Refusal>((signer, image, verified))
    });
    hprintln!(
        "phase verify: {} instructions, heap peak {} B",
        cost.instructions,
        cost.heap_peak
    );
    outcome
}

/// The staged package, or with nothing staged the installed image: what to hand over.
#[inline(never)] // main's own locals (output, figures) stay out of the verification's stack
fn update<'a>(slot: &'a [u8], platform: &mut impl Platform) -> Result<Boot<'a>, Refusal> {
    // One package at a time on this frame: it lies under the verification's deepest stack.
    let (pkg, installed) = match Package::parse(slot) {
        Ok(pkg) if pkg.sections > 0 => (pkg, false),
        Ok(_) | Err(PackageError::NoPackage) => {
            // Nothing staged: the installed image, verified again before it runs.
            let pkg = Package::parse(platform.installed())
                .ok()
                .filter(|p| p.sections > 0)
                .ok_or(Refusal::NothingToBoot)?;
            (pkg, true)
        }
        Err(e) => return Err(Refusal::Package(e)),
    };
    let (signer, image, verified) = verify(&pkg, trusted_root(&pkg, installed)?)?;
    match signer {
        Signer::Product { .. } if installed => install::boot_installed(image, &verified, platform),
        Signer::Product { .. } => install::install(&pkg, image, &verified, platform),
        // An installed package is always a product's: a stand-in is never installed.
        Signer::Identity { .. } | Signer::Key { .. } if installed => {
            Err(Refusal::InstalledNotProduct)
        }
        Signer::Identity { .. } | Signer::Key { .. } => Ok(Boot::Staged { image }),
    }
}

#[entry]
fn main() -> ! {
    HEAP.init();
    let peripherals = cortex_m::Peripherals::take();
    if let Some(p) = peripherals {
        measure::start_clock(p.SYST);
    }
    measure::paint_stack();
    // SAFETY: the staging slot is mapped memory that nothing writes while the updater runs.
    let slot = unsafe {
        core::slice::from_raw_parts(board::PACKAGE_SLOT as *const u8, board::PACKAGE_SLOT_BYTES)
    };
    let outcome = update(slot, &mut Qemu);
    hprintln!(
        "figures: instructions {} heap_peak {} stack_peak {}",
        measure::instructions(),
        HEAP.peak(),
        measure::stack_peak()
    );
    match outcome {
        Ok(Boot::Staged { image }) => {
            hprintln!("boot: image verified, {} bytes, handing over", image.len());
            debug::exit(debug::EXIT_SUCCESS);
        }
        Ok(Boot::Installed { version, bytes }) => {
            hprintln!(
                "boot: image verified, security version {}, {} bytes, handing over",
                version,
                bytes
            );
            debug::exit(debug::EXIT_SUCCESS);
        }
        Ok(Boot::PowerCut) => {
            hprintln!("power cut: the image is written, the counter was not advanced");
            debug::exit(debug::EXIT_FAILURE);
        }
        Err(Refusal::Core(e)) => hprintln!("refused: {}", e.code()),
        Err(Refusal::Clock) => hprintln!("refused: the RTC is not set"),
        Err(Refusal::Flash) => hprintln!("refused: a flash write did not complete"),
        Err(Refusal::InstalledBelowCounter { version, counter }) => hprintln!(
            "refused: the installed image's security version {} is below the counter {}",
            version,
            counter
        ),
        Err(Refusal::InstalledNotProduct) => {
            hprintln!("refused: the installed image is not a product image")
        }
        Err(Refusal::NothingToBoot) => {
            hprintln!("refused: package unreadable (nothing staged, nothing installed)")
        }
        #[cfg(not(feature = "root-update"))]
        Err(Refusal::RootUpdateNotBuilt) => {
            hprintln!(
                "refused: package carries a trusted-root update (this build leaves root updates out)"
            )
        }
        Err(Refusal::Signer) => {
            hprintln!("refused: package names a signer slot this device does not have")
        }
        Err(Refusal::Package(e)) => hprintln!("refused: package {}", e),
    }
    debug::exit(debug::EXIT_FAILURE);
    loop {
        cortex_m::asm::wfi();
    }
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    // The location only: printing the message would link the Debug code of every payload a
    // dependency can panic with (about 8 KB of flash); the core itself never panics on input.
    match info.location() {
        Some(at) => hprintln!("panic at {}:{}", at.file(), at.line()),
        None => hprintln!("panic"),
    }
    debug::exit(debug::EXIT_FAILURE);
    loop {
        cortex_m::asm::wfi();
    }
}
