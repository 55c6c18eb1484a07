//! A firmware updater on a Cortex-M4F: reads the update package staged in flash, verifies the
//! image's Sigstore bundle against the compiled-in public-good root and the signer the device
//! trusts, and hands over to the image only when that succeeds.
//!
//! Output goes over semihosting; `embedded/run.sh` checks it. The exit status is 0 when the
//! image was booted and 1 when the update was refused (the line `refused: CODE NAME` says why).

#![no_std]
#![no_main]

mod device;
mod measure;
mod package;

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

/// The device's clock: the host's, through semihosting, as an RTC would give it.
fn now() -> UnixTime {
    // SAFETY: SYS_TIME takes no argument and returns seconds since 1970.
    let secs = unsafe { cortex_m_semihosting::syscall!(TIME) };
    UnixTime(secs as u64)
}

fn policy_for(slot: Option<u32>) -> Result<Policy, Refusal> {
    let slot = slot.ok_or(Refusal::Package(PackageError::Section("SIGN")))?;
    match device::SIGNERS.get(slot as usize).ok_or(Refusal::Signer)? {
        Signer::Identity { identity, issuer } => Policy::identity(*identity, *issuer),
        Signer::Key { pem } => Policy::public_key_pem(pem),
    }
    .map_err(Refusal::Core)
}

fn update(slot: &[u8]) -> Result<&[u8], Refusal> {
    let (root, cost) = phase(TrustedRoot::production);
    hprintln!(
        "phase root: {} instructions, heap peak {} B",
        cost.instructions,
        cost.heap_peak
    );
    let root = root.map_err(Refusal::Core)?;
    let verifier = Verifier::new(root, Config::default());

    let (outcome, cost) = phase(|| {
        let pkg = Package::parse(slot).map_err(Refusal::Package)?;
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
            .verify(&bundle, digest, &policy, now())
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
        Err(Refusal::Signer) => {
            hprintln!("refused: package names a signer slot this device does not have")
        }
        Err(Refusal::Package(e)) => hprintln!("refused: package {:?}", e),
    }
    debug::exit(debug::EXIT_FAILURE);
    loop {
        cortex_m::asm::wfi();
    }
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    hprintln!("panic: {}", info);
    debug::exit(debug::EXIT_FAILURE);
    loop {
        cortex_m::asm::wfi();
    }
}
