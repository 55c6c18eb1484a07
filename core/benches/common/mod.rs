//! What the benchmarks share: how many runs, and the median of repeated timings.

use std::time::Duration;
use std::time::Instant;

/// The median of `iterations` (at least one) timings of `f`.
pub(crate) fn time(iterations: u32, mut f: impl FnMut()) -> Duration {
    let mut samples: Vec<Duration> = (0..iterations.max(1))
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    samples.sort_unstable();
    samples[samples.len() / 2]
}

/// Runs per figure: `SIGVERIFY_BENCH_ITERS`, else `default`.
pub(crate) fn iterations(default: u32) -> u32 {
    std::env::var("SIGVERIFY_BENCH_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
