//! Python binding of sigverify: the private `sigverify._sigverify` extension module.
//!
//! Every class here wraps one core type and translates: Python inputs become core values,
//! [`sigverify::Verifier::verify`] runs once with the GIL released, and the result or error
//! comes back as Python objects. The public surface (`sigverify/__init__.py`, `policy.py`) is
//! pure Python over this module.

use pyo3::prelude::*;

mod convert;
mod ecdsa;
mod errors;
mod firmware;
mod hashed;
mod log_state;
mod npm;
mod policy;
mod pypi;
mod release;
mod result;
mod tuf;
mod verifier;
mod witness;

/// The `sigverify._sigverify` module.
#[pymodule]
fn _sigverify(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ERRORS", sigverify::Error::ALL.to_vec())?;
    m.add("MAX_BUNDLE_BYTES", sigverify::limits::MAX_BUNDLE_BYTES)?;
    m.add(
        "MAX_TRUST_ROOT_BYTES",
        sigverify::limits::MAX_TRUST_ROOT_BYTES,
    )?;
    m.add("FULCIO_OID", policy::fulcio_oids(m.py())?)?;
    m.add(
        "FIRMWARE_PREDICATE_TYPE",
        sigverify::firmware::FIRMWARE_PREDICATE_TYPE,
    )?;
    errors::register(m)?;
    m.add_class::<verifier::TrustedRoot>()?;
    m.add_class::<verifier::Bundle>()?;
    m.add_class::<hashed::HashAlgorithm>()?;
    m.add_class::<hashed::Hashed>()?;
    m.add_class::<witness::Cosignature>()?;
    m.add_class::<witness::SignedCheckpoint>()?;
    m.add_class::<result::LogEntry>()?;
    m.add_class::<result::VerificationResult>()?;
    m.add_class::<verifier::Config>()?;
    m.add_class::<tuf::TufState>()?;
    m.add_class::<witness::WitnessPolicy>()?;
    m.add_class::<witness::TlogProof>()?;
    m.add_class::<verifier::Verifier>()?;
    m.add_class::<log_state::LogState>()?;
    m.add_class::<log_state::RememberedCheckpoint>()?;
    m.add_class::<log_state::Observation>()?;
    m.add_class::<log_state::ConsistencyProof>()?;
    m.add_class::<pypi::PyPIResult>()?;
    m.add_function(wrap_pyfunction!(pypi::split_bundles, m)?)?;
    m.add_class::<release::Subject>()?;
    m.add_class::<release::ReleaseResult>()?;
    m.add_function(wrap_pyfunction!(release::verify_release, m)?)?;
    m.add_class::<npm::NpmResult>()?;
    m.add_class::<npm::NpmAttestation>()?;
    m.add_class::<firmware::FirmwareStatement>()?;
    m.add_class::<firmware::FirmwarePolicy>()?;
    m.add_class::<policy::Condition>()?;
    m.add_class::<policy::Policy>()?;
    Ok(())
}
