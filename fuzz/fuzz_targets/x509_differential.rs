//! The core's certificate reader against `x509-cert` (with `der`'s strict DER decoding) on the
//! same bytes. The core may refuse more (its decisions are in conformance/README.md), never
//! less: whatever it reads, `x509-cert` reads too, to the same fields.
#![no_main]

use der::Decode;
use der::Encode;
use x509_cert::Certificate;

fn der<T: Encode>(v: &T) -> Vec<u8> {
    v.to_der().expect("a decoded value encodes")
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some(ours) = sigverify::fuzzing::certificate_fields(data) else {
        return;
    };
    let theirs = match Certificate::from_der(data) {
        Ok(cert) => cert,
        // Written decisions (conformance/README.md, "The core's own JSON and DER readers"):
        // const-oid refuses arcs past 2^32 and OIDs past 39 octets, which real certificates
        // carry and the core reads.
        Err(e) if e.kind() == der::ErrorKind::OidMalformed => return,
        // der has no type for some universal tags (ObjectDescriptor, EMBEDDED PDV, ...) and
        // refuses them even where the schema says ANY (an algorithm's parameters); the core
        // reads any well-formed element there.
        Err(e) if matches!(e.kind(), der::ErrorKind::TagUnknown { .. }) => return,
        Err(e) => panic!("the core reads a certificate x509-cert refuses: {e}"),
    };
    let tbs = &theirs.tbs_certificate;
    assert_eq!(ours.serial, tbs.serial_number.as_bytes(), "serial");
    assert_eq!(ours.issuer, der(&tbs.issuer), "issuer");
    assert_eq!(ours.subject, der(&tbs.subject), "subject");
    assert_eq!(
        ours.validity,
        (
            tbs.validity.not_before.to_unix_duration().as_secs(),
            tbs.validity.not_after.to_unix_duration().as_secs()
        ),
        "validity"
    );
    assert_eq!(ours.spki, der(&tbs.subject_public_key_info), "spki");
    assert_eq!(
        Some(ours.signature.as_slice()),
        theirs.signature.as_bytes(),
        "signature"
    );
    let extensions: Vec<(Vec<u8>, Vec<u8>)> = tbs
        .extensions
        .iter()
        .flatten()
        .map(|e| (e.extn_id.as_bytes().to_vec(), e.extn_value.as_bytes().to_vec()))
        .collect();
    assert_eq!(ours.extensions, extensions, "extensions");
});
