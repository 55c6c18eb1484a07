//! What the figures are made of: a heap that counts its peak, a stack painted before the run
//! and read back after it, and an instruction clock.
//!
//! The clock is SysTick on the core clock. Under `qemu-system-arm -icount shift=0` each guest
//! instruction advances virtual time by exactly 1 ns, and the core clock is 25 MHz on mps2-an386
//! (40 ns a tick: 40 instructions) and 20 MHz on mps2-an505 (50): the counts are exact to a tick
//! and do not depend on the host. Without `-icount` they follow the host's speed instead and
//! mean nothing; `run.sh` always passes it.

use core::alloc::GlobalAlloc;
use core::alloc::Layout;
use core::mem::MaybeUninit;
use core::sync::atomic::AtomicU32;
use core::sync::atomic::AtomicUsize;
use core::sync::atomic::Ordering;

use cortex_m::peripheral::SYST;
use cortex_m::peripheral::syst::SystClkSource;
use cortex_m_rt::exception;
use embedded_alloc::LlffHeap;

/// The firmware's heap arena: 64 KiB, twice the budget, so that an overrun shows as a figure
/// over budget rather than as an allocation failure.
const HEAP_BYTES: usize = 160 * 1024;

use crate::board::INSNS_PER_TICK;

/// Bytes below the stack pointer left unpainted: the painting function's own frame.
const PAINT_MARGIN: usize = 256;

const PAINT: u32 = 0xCCCC_CCCC;

/// A first-fit heap that records how much it ever held at once.
pub struct CountingHeap {
    heap: LlffHeap,
    used: AtomicUsize,
    peak: AtomicUsize,
}

impl CountingHeap {
    pub const fn new() -> Self {
        Self {
            heap: LlffHeap::empty(),
            used: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        }
    }

    /// Hands the arena to the heap; called once, first thing in `main`.
    pub fn init(&self) {
        static mut ARENA: [MaybeUninit<u8>; HEAP_BYTES] = [MaybeUninit::uninit(); HEAP_BYTES];
        // SAFETY: called once before any allocation; ARENA is used by nothing else.
        unsafe {
            self.heap
                .init(core::ptr::addr_of_mut!(ARENA) as usize, HEAP_BYTES)
        }
    }

    /// Bytes allocated now.
    pub fn used(&self) -> usize {
        self.used.load(Ordering::Relaxed)
    }

    /// The most bytes allocated at once since the last [`Self::reset_peak`].
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::Relaxed)
    }

    /// Starts a new peak from what is allocated now.
    pub fn reset_peak(&self) {
        self.peak.store(self.used(), Ordering::Relaxed);
    }
}

// SAFETY: every call is forwarded unchanged to LlffHeap, a correct allocator; the counters
// only observe sizes.
unsafe impl GlobalAlloc for CountingHeap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        let p = unsafe { self.heap.alloc(layout) };
        if !p.is_null() {
            let now = self.used.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            self.peak.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.used.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { self.heap.dealloc(ptr, layout) }
    }
}

extern "C" {
    static _stack_start: u32;
    static _stack_end: u32;
}

fn stack_bounds() -> (usize, usize) {
    // Only the addresses of the linker symbols are taken, never their contents.
    (
        core::ptr::addr_of!(_stack_end) as usize,
        core::ptr::addr_of!(_stack_start) as usize,
    )
}

/// Fills the unused stack below the current frame with a pattern.
#[inline(never)]
pub fn paint_stack() {
    let (bottom, _) = stack_bounds();
    let sp = cortex_m::register::msp::read() as usize;
    let mut p = bottom;
    while p + 4 <= sp - PAINT_MARGIN {
        // SAFETY: [bottom, sp - margin) is stack memory no live frame uses.
        unsafe { core::ptr::write_volatile(p as *mut u32, PAINT) };
        p += 4;
    }
}

/// The deepest the stack has reached since [`paint_stack`], in bytes from its top.
pub fn stack_peak() -> usize {
    let (bottom, top) = stack_bounds();
    let mut p = bottom;
    // SAFETY: reads within the stack region, which is always mapped RAM.
    while p < top && unsafe { core::ptr::read_volatile(p as *const u32) } == PAINT {
        p += 4;
    }
    top - p
}

static WRAPS: AtomicU32 = AtomicU32::new(0);

#[exception]
fn SysTick() {
    WRAPS.fetch_add(1, Ordering::Relaxed);
}

/// Starts SysTick free-running on the core clock, with an interrupt at every wrap.
pub fn start_clock(mut syst: SYST) {
    syst.set_clock_source(SystClkSource::Core);
    syst.set_reload(0x00FF_FFFF);
    syst.clear_current();
    syst.enable_interrupt();
    syst.enable_counter();
    // SYST is consumed: the counter runs until reset and is read through `instructions`.
}

/// Guest instructions since [`start_clock`] (exact to 40 under `-icount shift=0`).
pub fn instructions() -> u64 {
    loop {
        let before = WRAPS.load(Ordering::Relaxed);
        let current = SYST::get_current();
        if WRAPS.load(Ordering::Relaxed) == before {
            let ticks = u64::from(before) * 0x0100_0000 + u64::from(0x00FF_FFFF - current);
            return ticks * INSNS_PER_TICK;
        }
    }
}
