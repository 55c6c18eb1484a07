//! Embedded signed certificate timestamps (RFC 6962 §3.3): the leaf must carry an SCT signed by
//! a CT log of the trusted root over the precertificate it was issued from.

use alloc::vec::Vec;

use crate::Error;
use crate::asn1;
use crate::crypto::Crypto;
use crate::crypto::HashAlg;
use crate::crypto::RsaPadding;
use crate::digest::sha256;
use crate::limits;
use crate::limits::Limit;
use crate::time::UnixTime;
use crate::trust_root::Log;
use crate::x509::Certificate;
use crate::x509::oid;

/// One SCT as serialized in the TLS-encoded list (RFC 6962 §3.2).
struct Sct<'a> {
    log_id: &'a [u8],
    timestamp_ms: u64,
    extensions: &'a [u8],
    hash: u8,
    signature: &'a [u8],
}

/// Verifies that embedded SCTs from at least `required` distinct CT logs of the trusted root
/// (valid at each SCT's time) sign the precertificate the leaf was issued from; a second SCT
/// from the same log counts once (as in sigstore-go). SCTs that do not verify are skipped and
/// returned with their reasons (by position in the list); when too few verify, the most
/// specific failure is the error. `required == 0` checks nothing (deployments without
/// certificate transparency).
#[inline(never)] // a step of Verifier::run: its locals stay out of run's frame
pub(crate) fn verify_embedded(
    leaf: &Certificate,
    issuer: &Certificate,
    ctlogs: &[Log],
    required: usize,
    crypto: Crypto<'_>,
) -> Result<Vec<(usize, Error)>, Error> {
    if required == 0 {
        return Ok(Vec::new());
    }
    let Some(ext) = leaf.extension(oid::SCT_LIST) else {
        return Err(Error::SctMissing);
    };
    let list = asn1::read_all(ext)
        .filter(|t| t.tag == asn1::OCTET_STRING)
        .ok_or(Error::SctListInvalid)?;
    let scts = parse_list(list.value).ok_or(Error::SctListInvalid)?;
    limits::check(scts.len(), limits::MAX_SCTS, Limit::Scts)?;
    if scts.is_empty() {
        return Err(Error::SctMissing);
    }
    let tbs = precert_tbs(leaf.tbs()).ok_or(Error::SctListInvalid)?;
    let issuer_key_hash = sha256(&[&issuer.spki]);
    // With SCTs that all verify but too few logs behind them, the threshold is the reason.
    let mut best = Error::SctThresholdNotMet;
    // A CT log is its key: one key under two log ids of the root is one log.
    let mut logs: Vec<Vec<u8>> = Vec::new();
    let mut skipped = Vec::new();
    for (i, sct) in scts.iter().enumerate() {
        match verify_one(sct, &tbs, &issuer_key_hash, ctlogs, crypto) {
            Ok(log) => {
                let identity = log.identity();
                if !logs.contains(&identity) {
                    logs.push(identity);
                }
            }
            Err(e) => {
                if rank(&e) > rank(&best) {
                    best = e.clone();
                }
                skipped.push((i, e));
            }
        }
    }
    if logs.len() >= required {
        Ok(skipped)
    } else {
        Err(best)
    }
}

fn rank(e: &Error) -> u8 {
    match e {
        Error::SctSignatureInvalid => 3,
        Error::SctLogNotValidAtTime => 2,
        Error::SctLogUnknown => 1,
        _ => 0,
    }
}

fn verify_one<'l>(
    sct: &Sct<'_>,
    tbs: &[u8],
    issuer_key_hash: &[u8; 32],
    logs: &'l [Log],
    crypto: Crypto<'_>,
) -> Result<&'l Log, Error> {
    let log = logs
        .iter()
        .find(|l| l.log_id == sct.log_id)
        .ok_or(Error::SctLogUnknown)?;
    if !log.validity.contains(UnixTime(sct.timestamp_ms / 1000)) {
        return Err(Error::SctLogNotValidAtTime);
    }
    let hash = match sct.hash {
        4 => HashAlg::Sha256,
        5 => HashAlg::Sha384,
        6 => HashAlg::Sha512,
        _ => return Err(Error::SctSignatureInvalid),
    };
    let tbs_len = u32::try_from(tbs.len())
        .map_err(|_| Error::SctListInvalid)?
        .to_be_bytes();
    let ext_len = u16::try_from(sct.extensions.len()).map_err(|_| Error::SctListInvalid)?;
    let signed: [&[u8]; 8] = [
        &[0, 0], // v1, certificate_timestamp
        &sct.timestamp_ms.to_be_bytes(),
        &[0, 1], // precert_entry
        issuer_key_hash,
        tbs_len.get(1..).unwrap_or_default(),
        tbs,
        &ext_len.to_be_bytes(),
        sct.extensions,
    ];
    log.key
        .verify_pieces(crypto, hash, RsaPadding::Pkcs1v15, &signed, sct.signature)
        .map_err(|_| Error::SctSignatureInvalid)?;
    Ok(log)
}

/// Parses `SignedCertificateTimestampList`: a u16-length list of u16-length v1 SCTs.
fn parse_list(input: &[u8]) -> Option<Vec<Sct<'_>>> {
    let (list, rest) = take_u16_prefixed(input)?;
    if !rest.is_empty() {
        return None;
    }
    let mut remaining = list;
    let mut out = Vec::new();
    while !remaining.is_empty() {
        let (one, rest) = take_u16_prefixed(remaining)?;
        out.push(parse_sct(one)?);
        remaining = rest;
        if out.len() > limits::MAX_SCTS {
            break;
        }
    }
    Some(out)
}

fn parse_sct(input: &[u8]) -> Option<Sct<'_>> {
    let (&version, rest) = input.split_first()?;
    if version != 0 {
        return None;
    }
    let log_id = rest.get(..32)?;
    let ts: [u8; 8] = rest.get(32..40)?.try_into().ok()?;
    let (extensions, rest) = take_u16_prefixed(rest.get(40..)?)?;
    let (&hash, rest) = rest.split_first()?;
    let (_sig_alg, rest) = rest.split_first()?;
    let (signature, rest) = take_u16_prefixed(rest)?;
    rest.is_empty().then_some(Sct {
        log_id,
        timestamp_ms: u64::from_be_bytes(ts),
        extensions,
        hash,
        signature,
    })
}

fn take_u16_prefixed(input: &[u8]) -> Option<(&[u8], &[u8])> {
    let len: [u8; 2] = input.get(..2)?.try_into().ok()?;
    let len = usize::from(u16::from_be_bytes(len));
    let body = input.get(2..)?;
    Some((body.get(..len)?, body.get(len..)?))
}

/// Rebuilds the precertificate TBS the log signed: the leaf TBS without the SCT list
/// extension (RFC 6962 §3.2), re-encoded in DER.
fn precert_tbs(tbs: &[u8]) -> Option<Vec<u8>> {
    let tbs = asn1::read_all(tbs)?;
    // Sized up front and wrapped in place: the leaf's TBS is most of its 1-2 KiB, and copies
    // of it set the heap's peak on a microcontroller.
    let mut fields = Vec::with_capacity(tbs.raw.len());
    for field in asn1::children(tbs.value)? {
        if field.tag != 0xa3 {
            fields.extend_from_slice(field.raw);
            continue;
        }
        let exts = asn1::read_all(field.value)?;
        let mut kept = Vec::with_capacity(field.value.len());
        for ext in asn1::children(exts.value)? {
            let (id, _) = asn1::expect(ext.value, asn1::OID)?;
            if id.value != SCT_OID_CONTENT {
                kept.extend_from_slice(ext.raw);
            }
        }
        fields.extend_from_slice(&asn1::encode(0xa3, &asn1::encode(asn1::SEQUENCE, &kept)));
    }
    Some(asn1::wrap(asn1::SEQUENCE, fields))
}

/// The content octets of OID 1.3.6.1.4.1.11129.2.4.2.
const SCT_OID_CONTENT: &[u8] = &[0x2b, 0x06, 0x01, 0x04, 0x01, 0xd6, 0x79, 0x02, 0x04, 0x02];

#[cfg(test)]
mod tests {
    use super::*;

    fn sct_list(n: usize) -> Vec<u8> {
        let mut sct = alloc::vec![0u8];
        sct.extend_from_slice(&[7; 32]);
        sct.extend_from_slice(&1000u64.to_be_bytes());
        sct.extend_from_slice(&[0, 0, 4, 3, 0, 2, 0xaa, 0xbb]);
        let mut list = Vec::new();
        for _ in 0..n {
            list.extend_from_slice(&u16::try_from(sct.len()).unwrap().to_be_bytes());
            list.extend_from_slice(&sct);
        }
        let mut full = u16::try_from(list.len()).unwrap().to_be_bytes().to_vec();
        full.extend_from_slice(&list);
        full
    }

    #[test]
    fn embedded_scts_are_limited_and_need_a_known_log() {
        let key = crate::testing::key(30);
        let cert_with = |n: usize| {
            let ext = crate::testing::extension(
                SCT_OID_CONTENT,
                false,
                &asn1::encode(asn1::OCTET_STRING, &sct_list(n)),
            );
            let der = crate::testing::cert(
                "",
                &key,
                "ca",
                &key,
                4,
                (0, 2_000_000_000),
                crate::testing::Role::CodeSigning,
                &[ext],
            );
            Certificate::from_der(&der).unwrap()
        };
        let issuer = cert_with(0);
        assert_eq!(
            verify_embedded(
                &cert_with(limits::MAX_SCTS),
                &issuer,
                &[],
                1,
                Crypto::BUILTIN
            ),
            Err(Error::SctLogUnknown)
        );
        assert_eq!(
            verify_embedded(
                &cert_with(limits::MAX_SCTS + 1),
                &issuer,
                &[],
                1,
                Crypto::BUILTIN
            ),
            Err(Error::LimitExceeded { limit: Limit::Scts })
        );
        assert_eq!(
            verify_embedded(&cert_with(1), &issuer, &[], 0, Crypto::BUILTIN),
            Ok(alloc::vec![]),
            "threshold 0 checks nothing"
        );
    }

    #[test]
    fn list_parser_rejects_truncation_and_trailing_bytes() {
        let mut sct = alloc::vec![0u8];
        sct.extend_from_slice(&[7; 32]);
        sct.extend_from_slice(&1000u64.to_be_bytes());
        sct.extend_from_slice(&[0, 0, 4, 3, 0, 2, 0xaa, 0xbb]);
        let mut list = (u16::try_from(sct.len()).unwrap()).to_be_bytes().to_vec();
        list.extend_from_slice(&sct);
        let mut full = (u16::try_from(list.len()).unwrap()).to_be_bytes().to_vec();
        full.extend_from_slice(&list);
        let parsed = parse_list(&full).unwrap();
        assert_eq!(parsed.len(), 1);
        assert_eq!(parsed[0].timestamp_ms, 1000);
        assert_eq!(parsed[0].signature, &[0xaa, 0xbb]);
        assert!(parse_list(&full[..full.len() - 1]).is_none());
        let mut trailing = full.clone();
        trailing.push(0);
        assert!(parse_list(&trailing).is_none());
        let mut v2 = full.clone();
        v2[4] = 1;
        assert!(parse_list(&v2).is_none(), "only SCT v1 is defined");
    }

    #[test]
    fn precert_tbs_drops_only_the_sct_extension() {
        let ext = |oid: &[u8], v: &[u8]| {
            let mut body = asn1::encode(asn1::OID, oid);
            body.extend_from_slice(&asn1::encode(asn1::OCTET_STRING, v));
            asn1::encode(asn1::SEQUENCE, &body)
        };
        let other = ext(&[0x55, 0x1d, 0x0f], &[1]);
        let mut exts = other.clone();
        exts.extend_from_slice(&ext(SCT_OID_CONTENT, &[2]));
        let mut tbs_body = asn1::encode(asn1::INTEGER, &[5]);
        tbs_body.extend_from_slice(&asn1::encode(0xa3, &asn1::encode(asn1::SEQUENCE, &exts)));
        let tbs = asn1::encode(asn1::SEQUENCE, &tbs_body);
        let mut want_body = asn1::encode(asn1::INTEGER, &[5]);
        want_body.extend_from_slice(&asn1::encode(0xa3, &asn1::encode(asn1::SEQUENCE, &other)));
        assert_eq!(
            precert_tbs(&tbs).unwrap(),
            asn1::encode(asn1::SEQUENCE, &want_body)
        );
    }
}
