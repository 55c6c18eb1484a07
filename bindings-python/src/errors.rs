//! `VerificationError` and one subclass per block of core error codes (and `LogStateError`
//! within block 17). The code and name come from the core unchanged; the class is chosen by the
//! code's block (`code / 100`).

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::PyType;

create_exception!(
    sigverify,
    VerificationError,
    PyException,
    "A bundle did not verify, or an input (bundle, trusted root, key) is invalid. `.code` and `.name` are the core's stable error code and name."
);
create_exception!(
    sigverify,
    BundleError,
    VerificationError,
    "1xx: the bundle is malformed."
);
create_exception!(
    sigverify,
    TrustedRootError,
    VerificationError,
    "2xx: the trusted root is malformed."
);
create_exception!(
    sigverify,
    PublicKeyError,
    VerificationError,
    "3xx: a public key is unsupported or invalid."
);
create_exception!(
    sigverify,
    CertificateError,
    VerificationError,
    "4xx: the signing certificate is not trusted or not valid."
);
create_exception!(
    sigverify,
    SCTError,
    VerificationError,
    "5xx: the embedded signed certificate timestamps do not verify."
);
create_exception!(
    sigverify,
    TransparencyLogError,
    VerificationError,
    "6xx: a transparency log entry does not verify."
);
create_exception!(
    sigverify,
    TimestampError,
    VerificationError,
    "7xx: an RFC 3161 timestamp does not verify."
);
create_exception!(
    sigverify,
    DSSEError,
    VerificationError,
    "8xx: the DSSE envelope does not verify or does not name the artifact."
);
create_exception!(
    sigverify,
    SignatureError,
    VerificationError,
    "9xx: the signature does not verify over the artifact."
);
create_exception!(
    sigverify,
    PolicyError,
    VerificationError,
    "10xx: the signer does not meet the policy, or the policy is invalid."
);
create_exception!(
    sigverify,
    ThresholdError,
    VerificationError,
    "11xx: fewer verified log entries, timestamps or signing times than required."
);
create_exception!(
    sigverify,
    LimitError,
    VerificationError,
    "12xx: an input exceeds a verifier limit."
);

create_exception!(
    sigverify,
    TUFError,
    VerificationError,
    "13xx: TUF metadata does not verify (trusted-root updates)."
);

create_exception!(
    sigverify,
    PyPIError,
    VerificationError,
    "14xx: a PyPI attestation or provenance is malformed or does not name the distribution."
);

create_exception!(
    sigverify,
    ReleaseError,
    VerificationError,
    "15xx: a GitHub release attestation is not for the release asked for, or an asset is not attested."
);

create_exception!(
    sigverify,
    NpmError,
    VerificationError,
    "16xx: an npm package's registry keys, packument, signatures, attestations or tarball do not agree."
);

create_exception!(
    sigverify,
    WitnessError,
    VerificationError,
    "17xx: a checkpoint does not meet the witness policy, a checkpoint state refuses it, or a witness policy or tlog proof file is malformed."
);

create_exception!(
    sigverify,
    FirmwareError,
    VerificationError,
    "18xx: a firmware statement is malformed, is for another vendor, device class or hardware revision, or is not newer than the installed security version; or a firmware policy is invalid."
);

create_exception!(
    sigverify,
    LogStateError,
    WitnessError,
    "1708-1712: the checkpoint state is malformed, or refuses a checkpoint (a split view, or a consistency proof missing, malformed or wrong)."
);

/// The exception class of a code: its block's; unknown blocks get the base class.
fn class_of(py: Python<'_>, code: u16) -> Bound<'_, PyType> {
    // The checkpoint state's codes sit inside block 17 (witnesses): a subclass of the block's
    // class, so `except WitnessError` still catches the whole block, as for every other block,
    // while a caller can single out a state that refuses (a split view) from a missing quorum.
    if (1708..=1712).contains(&code) {
        return py.get_type::<LogStateError>();
    }
    match code / 100 {
        1 => py.get_type::<BundleError>(),
        2 => py.get_type::<TrustedRootError>(),
        3 => py.get_type::<PublicKeyError>(),
        4 => py.get_type::<CertificateError>(),
        5 => py.get_type::<SCTError>(),
        6 => py.get_type::<TransparencyLogError>(),
        7 => py.get_type::<TimestampError>(),
        8 => py.get_type::<DSSEError>(),
        9 => py.get_type::<SignatureError>(),
        10 => py.get_type::<PolicyError>(),
        11 => py.get_type::<ThresholdError>(),
        12 => py.get_type::<LimitError>(),
        13 => py.get_type::<TUFError>(),
        14 => py.get_type::<PyPIError>(),
        15 => py.get_type::<ReleaseError>(),
        16 => py.get_type::<NpmError>(),
        17 => py.get_type::<WitnessError>(),
        18 => py.get_type::<FirmwareError>(),
        _ => py.get_type::<VerificationError>(),
    }
}

/// The Python exception for a core error: message `NAME: text`, with `.code` and `.name`.
pub(crate) fn to_py(py: Python<'_>, e: &sigverify::Error) -> PyErr {
    let (code, name) = (e.code(), e.name());
    let message = format!("{name}: {e}");
    match class_of(py, code).call1((message,)) {
        Ok(value) => match (value.setattr("code", code), value.setattr("name", name)) {
            (Ok(()), Ok(())) => PyErr::from_value(value),
            (Err(err), _) | (_, Err(err)) => err,
        },
        Err(err) => err,
    }
}

/// Adds the exception classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("VerificationError", py.get_type::<VerificationError>())?;
    // 1708 stands for the checkpoint state's codes, the one subclass within a block.
    for code in (1..=18).map(|block| block * 100).chain([1708]) {
        let class = class_of(py, code);
        m.add(class.name()?, class)?;
    }
    Ok(())
}
