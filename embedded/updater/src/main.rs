//! A firmware updater on a Cortex-M4F: reads the update package staged in flash, verifies the
//! image's Sigstore bundle against the device's trusted root (the compiled-in public-good root,
//! or one a TUF update delivered earlier) and the signer the device trusts, and hands over to
//! the image only when that succeeds. With the `root-update` feature, a package may also carry a
//! TUF update of the trusted root (`trust.rs`), which is verified, persisted, and used from then
//! on; without it such a package is refused.
//!
//! Output goes over semihosting; `embedded/run.sh` checks it. The exit status is 0 when the
//! image was booted and 1 when the update was refused (the line `refused: CODE NAME` says why).

#![no_std]
#![no_main]

extern crate alloc;

mod device;
mod measure;
mod package;
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
use crate::measure::CountingHeap;
use crate::package::Package;
use crate::package::PackageError;

#[global_allocator]
static HEAP: CountingHeap = CountingHeap::new();

/// The image is hashed straight from flash in chunks of this size, as a hash engine's DMA would.
const HASH_CHUNK: usize = 4096;

/// Why an update is refused.
enum Refusal {
    Package(PackageError),
    Signer,
    Clock,
    #[cfg(feature = "root-update")]
    Persist,
    #[cfg(not(feature = "root-update"))]
    RootUpdateNotBuilt,
    Core(sigverify::Error),
}

/// What one phase cost.
struct Phase {
    instructions: u64,
    heap_peak: usize,
}

fn phase<T>(f: impl FnOnce() -> T) -> (T, Phase) {
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
fn now() -> Result<UnixTime, Refusal> {
    const RTC_SECONDS: usize = 0x203F_FFF8;
    // SAFETY: the register is mapped RAM that only the harness writes.
    let secs = unsafe { core::ptr::read_volatile(RTC_SECONDS as *const u64) };
    if secs == 0 {
        return Err(Refusal::Clock);
    }
    Ok(UnixTime(secs))
}

fn policy_for(slot: Option<u32>) -> Result<Policy, Refusal> {
    let slot = slot.ok_or(Refusal::Package(PackageError::Section("SIGN")))?;
    match device::SIGNERS.get(slot as usize).ok_or(Refusal::Signer)? {
        Signer::Identity { identity, issuer } => Policy::identity(*identity, *issuer),
        Signer::Key { pem } => Policy::public_key_pem(pem),
    }
    .map_err(Refusal::Core)
}

/// The trusted root for this boot: the compiled-in production root. This build leaves root
/// updates out, so a package that carries one is refused.
#[cfg(not(feature = "root-update"))]
fn trusted_root(pkg: &Package<'_>) -> Result<TrustedRoot, Refusal> {
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
fn trusted_root(pkg: &Package<'_>) -> Result<TrustedRoot, Refusal> {
    let persisted = trust::read(trust::sector());
    if let Some(repo) = trust::repository(pkg) {
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
    trust::program(&trust::encode(&update.state, now, repo)).map_err(|()| Refusal::Persist)?;
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

#[inline(never)] // main's own locals (output, figures) stay out of the verification's stack
fn update(slot: &[u8]) -> Result<&[u8], Refusal> {
    let pkg = Package::parse(slot).map_err(Refusal::Package)?;
    let verifier = Verifier::new(trusted_root(&pkg)?, Config::default());

    let (outcome, cost) = phase(|| {
        let now = now()?;
        let policy = policy_for(pkg.signer)?;
        let image = pkg
            .image
            .ok_or(Refusal::Package(PackageError::Section("IMG ")))?;
        let bundle = pkg
            .bundle
            .ok_or(Refusal::Package(PackageError::Section("BNDL")))?;
        let bundle = Bundle::from_json(bundle).map_err(Refusal::Core)?;
        let mut hasher = Hasher::new(bundle.artifact_hash());
        for chunk in image.chunks(HASH_CHUNK) {
            hasher.update(chunk);
        }
        let digest = Artifact::Digest(hasher.finalize());
        let verified = verifier
            .verify(&bundle, digest, &policy, now)
            .map_err(Refusal::Core)?;
        Ok::<_, Refusal>((image, verified))
    });
    hprintln!(
        "phase verify: {} instructions, heap peak {} B",
        cost.instructions,
        cost.heap_peak
    );
    let (image, _verified) = outcome?;
    Ok(image)
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
        core::slice::from_raw_parts(
            device::PACKAGE_SLOT as *const u8,
            device::PACKAGE_SLOT_BYTES,
        )
    };
    let outcome = update(slot);
    hprintln!(
        "figures: instructions {} heap_peak {} stack_peak {}",
        measure::instructions(),
        HEAP.peak(),
        measure::stack_peak()
    );
    match outcome {
        Ok(image) => {
            hprintln!("boot: image verified, {} bytes, handing over", image.len());
            debug::exit(debug::EXIT_SUCCESS);
        }
        Err(Refusal::Core(e)) => hprintln!("refused: {} {}", e.code(), e.name()),
        Err(Refusal::Clock) => hprintln!("refused: the RTC is not set"),
        #[cfg(feature = "root-update")]
        Err(Refusal::Persist) => hprintln!("refused: the persist sector could not be programmed"),
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
