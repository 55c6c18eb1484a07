//! `cargo bench -p sigverify --bench pypi`: the cost of PyPI's PEP 740 layer over the
//! verification it wraps, on the real GitHub provenance of `conformance/attestation-files/pypi`:
//! reading the provenance, converting the attestation to its bundle, and the whole
//! `verify_provenance` (publisher check, policy, pipeline, distribution checks), next to
//! `verify_dsse` of the converted bundle alone (the layer's own cost is read + convert). Prints figures only.

// A benchmark harness: a broken setup should stop it loudly.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

mod common;

use std::hint::black_box;
use std::path::Path;

use common::time;
use sigverify::Config;
use sigverify::Sha256Digest;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verifier;
use sigverify::pypi;

fn main() {
    let iterations = common::iterations(300);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../conformance/attestation-files/pypi");
    let name = "pypi_attestations-0.0.19.tar.gz";
    let doc = std::fs::read(dir.join(format!("{name}.provenance"))).unwrap();
    let sha = Sha256Digest::of(&std::fs::read(dir.join(name)).unwrap()).0;
    let dist = pypi::Distribution::new(name, sha).unwrap();
    let expected = pypi::Expected::default()
        .with_repository("https://github.com/trailofbits/pypi-attestations")
        .unwrap();
    let verifier = Verifier::new(TrustedRoot::production().unwrap(), Config::default());
    let now = UnixTime(1_790_000_000);
    let provenance = pypi::Provenance::from_json(&doc).unwrap();
    let attestation = &provenance.bundles[0].attestations[0];
    let policy = provenance.bundles[0].publisher.policy().unwrap();
    let bundle = attestation.to_bundle().unwrap();
    pypi::verify_provenance(&verifier, &provenance, &expected, &dist, now).unwrap();

    let read = time(iterations, || {
        black_box(pypi::Provenance::from_json(black_box(&doc)).unwrap());
    });
    let convert = time(iterations, || {
        black_box(attestation.to_bundle().unwrap());
    });
    let dsse = time(iterations, || {
        black_box(verifier.verify_dsse(&bundle, &policy, now).unwrap());
    });
    let whole = time(iterations, || {
        black_box(pypi::verify_provenance(&verifier, &provenance, &expected, &dist, now).unwrap());
    });
    println!(
        "pypi: read provenance ({} bytes)          {read:>10.2?}",
        doc.len()
    );
    println!("pypi: attestation to bundle (+ parse)      {convert:>10.2?}");
    println!("pypi: verify_dsse of that bundle           {dsse:>10.2?}");
    println!("pypi: verify_provenance (all of it)        {whole:>10.2?}");
    // The layer is measured by its parts: a difference of two medians of ~2 ms is noise.
    println!(
        "pypi: PEP 740 layer (read + convert)       {:>10.2?}",
        read + convert
    );
}
