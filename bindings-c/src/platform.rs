//! What a firmware provides when it links the `no_std` library (built without the `std`
//! feature): memory and the end of a panic. The header declares the three functions; the
//! firmware defines them, e.g. over a fixed arena or its RTOS's heap.
//!
//! A panic is a bug in sigverify (every input error is a status code); on bare metal there is
//! no unwinding to catch it at the boundary, so it ends in `sigverify_platform_abort`.

use core::alloc::GlobalAlloc;
use core::alloc::Layout;
use core::ffi::c_void;

extern "C" {
    fn sigverify_platform_alloc(size: usize, align: usize) -> *mut c_void;
    fn sigverify_platform_free(ptr: *mut c_void, size: usize, align: usize);
    fn sigverify_platform_abort() -> !;
}

/// Forwards every allocation to the firmware.
struct Platform;

// SAFETY: the firmware's functions are required (header) to return NULL or a block of at
// least `size` bytes aligned to `align`, valid until freed with the same size and alignment.
unsafe impl GlobalAlloc for Platform {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: a plain call into the firmware with a non-zero size (GlobalAlloc's contract).
        unsafe { sigverify_platform_alloc(layout.size(), layout.align()) }.cast()
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` with this layout (GlobalAlloc's contract).
        unsafe { sigverify_platform_free(ptr.cast(), layout.size(), layout.align()) }
    }
}

#[global_allocator]
static ALLOCATOR: Platform = Platform;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    // SAFETY: the firmware's abort takes no argument and does not return.
    unsafe { sigverify_platform_abort() }
}
