//! `cargo bench -p sigverify --bench tuf`: time of a whole TUF update over Sigstore's real
//! repositories (`../shared/vectors/sigstore-tuf`): production from the compiled-in anchor
//! (timestamp, snapshot, targets and `trusted_root.json`, then the trusted root parsed),
//! production from root v5 (ten rotations) and staging from root v1 (thirteen rotations).
//! Prints figures only; `scripts/tuf-figures` adds peak heap.

// A benchmark harness: a broken setup should stop it loudly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use common::time;
use sigverify::UnixTime;
use sigverify::tuf;

const AUG_22: UnixTime = UnixTime(1_787_356_800);

struct Repo {
    history: Vec<Vec<u8>>,
    timestamp: Vec<u8>,
    snapshot: Vec<u8>,
    targets: Vec<u8>,
    trusted_root: Vec<u8>,
}

impl Repo {
    fn read(dir: &Path) -> Option<Self> {
        let read = |p: &str| std::fs::read(dir.join(p)).ok();
        let mut history = Vec::new();
        while let Some(r) = read(&format!(
            "metadata/root_history/{}.root.json",
            history.len() + 1
        )) {
            history.push(r);
        }
        Some(Self {
            history,
            timestamp: read("metadata/timestamp.json")?,
            snapshot: read("metadata/snapshot.json")?,
            targets: read("metadata/targets.json")?,
            trusted_root: read("targets/trusted_root.json")?,
        })
    }

    /// An update from root version `from` (1-based) through the rest of the history.
    fn update(&self, anchor: &[u8], from: usize) -> tuf::Update {
        let repo = tuf::Repository {
            roots: self.history[from..].iter().map(Vec::as_slice).collect(),
            timestamp: &self.timestamp,
            snapshot: &self.snapshot,
            targets: &self.targets,
            target_files: vec![(tuf::TRUSTED_ROOT_TARGET, &self.trusted_root)],
        };
        tuf::update(anchor, None, &repo, AUG_22).unwrap()
    }
}

fn main() {
    let iterations = common::iterations(100);
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors/sigstore-tuf");
    let (Some(prod), Some(staging)) = (
        Repo::read(&base.join("production")),
        Repo::read(&base.join("staging")),
    ) else {
        println!(
            "!!! SKIPPED: {} not found: no TUF repository to benchmark",
            base.display()
        );
        return;
    };
    let anchor = time(iterations, || {
        black_box(prod.update(tuf::PRODUCTION_ROOT, prod.history.len()));
    });
    let from_v5 = time(iterations.div_ceil(4), || {
        black_box(prod.update(&prod.history[4], 5));
    });
    let from_v1 = time(iterations.div_ceil(4), || {
        black_box(staging.update(&staging.history[0], 1));
    });
    println!("sigverify TUF benchmark ({iterations} iterations, median per update, at 2026-08-22)");
    println!(
        "  production from the compiled-in anchor (v15)   {:>8.2} ms (8 ECDSA checks)",
        ms(anchor)
    );
    println!(
        "  production from root v5 (10 rotations)         {:>8.2} ms",
        ms(from_v5)
    );
    println!(
        "  staging from root v1 (13 rotations)            {:>8.2} ms",
        ms(from_v1)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
