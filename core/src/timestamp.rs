//! RFC 3161 timestamps: a TSA's signed statement that the bundle's signature existed at
//! `genTime`. The token is CMS SignedData (RFC 5652) over a TSTInfo (RFC 3161 §2.4.2).

#![cfg_attr(not(feature = "tsa"), allow(dead_code, unused_imports))]

use alloc::vec::Vec;

use crate::Error;
use crate::asn1;
use crate::asn1::Tlv;
use crate::crypto::Crypto;
use crate::crypto::HashAlg;
use crate::crypto::KeyFamily;
use crate::crypto::RsaPadding;
use crate::time::UnixTime;
use crate::x509::Authority;
use crate::x509::Certificate;

/// A verified timestamp: its time, and the SHA-256 of its TSTInfo, which identifies it (the
/// bytes around the signed TSTInfo, such as embedded certificates, are not signed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stamp {
    pub(crate) time: UnixTime,
    pub(crate) tst_info: [u8; 32],
    /// The timestamp authority of the trusted root that vouches for it (its position).
    pub(crate) authority: usize,
}

/// Without the `tsa` feature every timestamp is skipped as not built (the parsers below are
/// then unused, and left out of the binary).
#[cfg(not(feature = "tsa"))]
pub(crate) fn verify(
    _token: &[u8],
    _signature: &[u8],
    _tsas: &[Authority],
    _crypto: Crypto<'_>,
) -> Result<Stamp, Error> {
    Err(Error::TimestampNotBuilt)
}

/// Verifies one timestamp over `signature` (the bundle's signature bytes) against the TSAs of
/// the trusted root.
#[cfg(feature = "tsa")]
pub(crate) fn verify(
    token: &[u8],
    signature: &[u8],
    tsas: &[Authority],
    crypto: Crypto<'_>,
) -> Result<Stamp, Error> {
    let parsed = Token::parse(token).ok_or(Error::TimestampInvalid)?;
    let imprint_hash = digest_alg(parsed.tst_info.imprint_alg).ok_or(Error::TimestampInvalid)?;
    if imprint_hash.digest(signature) != parsed.tst_info.imprint {
        return Err(Error::TimestampImprintMismatch);
    }
    let hash = digest_alg(parsed.digest_alg).ok_or(Error::TimestampInvalid)?;
    if parsed.content_type != Some(ID_CT_TST_INFO)
        || parsed.message_digest.as_deref() != Some(hash.digest(parsed.tst_info_der).as_slice())
    {
        return Err(Error::TimestampSignedAttributesInvalid);
    }
    let gen_time = parsed.tst_info.gen_time;

    // The signer: a certificate in the token or a TSA leaf of the trusted root that the
    // SignerInfo names. Embedded certificates are only candidates; trust comes from the root.
    let embedded: Vec<Certificate> = parsed
        .certificates
        .iter()
        .filter_map(|der| Certificate::from_der(der).ok())
        .collect();
    let mut candidates = embedded
        .iter()
        .chain(tsas.iter().filter_map(|t| t.chain.first()));
    let signer = candidates
        .find(|c| parsed.signer_id.names(c))
        .ok_or(Error::TimestampChainUntrusted)?;
    let key = signer
        .key
        .as_ref()
        .map_err(|_| Error::TimestampSignatureInvalid)?;
    // The signature covers the DER of the signed attributes as a SET (RFC 5652 §5.4).
    let mut signed = parsed.signed_attrs.to_vec();
    if let Some(tag) = signed.first_mut() {
        *tag = asn1::SET;
    }
    let padding = if parsed.signature_alg == OID_RSASSA_PSS {
        RsaPadding::Pss
    } else {
        RsaPadding::Pkcs1v15
    };
    // The SignerInfo's algorithm must be the signer key's kind: an RSA algorithm is never
    // checked as ECDSA under an EC key.
    if signature_family(parsed.signature_alg) != Some(key.family()) {
        return Err(Error::TimestampSignatureInvalid);
    }
    key.verify(crypto, hash, padding, &signed, parsed.signature)
        .map_err(|_| Error::TimestampSignatureInvalid)?;
    // RFC 3161 §2.3 and the timestamp-authority profile sigstore's TSA client checks: an
    // end-entity certificate whose critical extendedKeyUsage names timeStamping alone.
    if !signer.time_stamping {
        return Err(Error::TimestampChainUntrusted);
    }
    if signer.is_ca || !signer.time_stamping_only {
        return Err(Error::TimestampSignerInvalid);
    }

    let mut best = Error::TimestampChainUntrusted;
    for (authority, tsa) in tsas.iter().enumerate() {
        let path_ok = match tsa.chain.split_first() {
            // The chain's own links were checked when the trusted root was parsed.
            Some((leaf, _)) if leaf.der == signer.der => true,
            Some(_) => crate::x509::issued_by_trusted_chain(signer, &tsa.chain, crypto).is_some(),
            None => false,
        };
        if !path_ok {
            continue;
        }
        let path_valid = signer.validity.contains(gen_time)
            && tsa.chain.iter().all(|c| c.validity.contains(gen_time));
        if !path_valid {
            best = Error::TimestampCertNotValidAtTime;
            continue;
        }
        if !tsa.validity.contains(gen_time) {
            best = Error::TimestampTsaNotValidAtTime;
            continue;
        }
        return Ok(Stamp {
            time: gen_time,
            tst_info: crate::digest::sha256(&[parsed.tst_info_der]),
            authority,
        });
    }
    Err(best)
}

/// The fields of a TimeStampToken the verifier reads.
struct Token<'a> {
    digest_alg: &'a [u8],
    tst_info_der: &'a [u8],
    tst_info: TstInfo<'a>,
    certificates: Vec<&'a [u8]>,
    signer_id: SignerId<'a>,
    signed_attrs: &'a [u8],
    content_type: Option<&'a [u8]>,
    message_digest: Option<Vec<u8>>,
    signature_alg: &'a [u8],
    signature: &'a [u8],
}

struct TstInfo<'a> {
    imprint_alg: &'a [u8],
    imprint: Vec<u8>,
    gen_time: UnixTime,
}

/// SignerIdentifier (RFC 5652 §5.3).
enum SignerId<'a> {
    IssuerAndSerial { issuer: &'a [u8], serial: &'a [u8] },
    SubjectKeyId(&'a [u8]),
}

impl SignerId<'_> {
    fn names(&self, cert: &Certificate) -> bool {
        match self {
            Self::IssuerAndSerial { issuer, serial } => {
                cert.issuer == *issuer && cert.serial == *serial
            }
            Self::SubjectKeyId(id) => cert.subject_key_id.as_deref() == Some(*id),
        }
    }
}

impl<'a> Token<'a> {
    /// Accepts a TimeStampResp (status must be granted) or a bare TimeStampToken.
    fn parse(input: &'a [u8]) -> Option<Self> {
        let outer = asn1::read_all(input)?;
        let (first, rest) = asn1::read(outer.value)?;
        let content_info = if first.tag == asn1::SEQUENCE {
            // TimeStampResp: PKIStatusInfo { status INTEGER (0 granted, 1 with mods), ... }
            let (status, _) = asn1::expect(first.value, asn1::INTEGER)?;
            if !matches!(status.value, [0] | [1]) {
                return None;
            }
            asn1::read_all(rest)?
        } else {
            outer
        };
        let (ct, rest) = asn1::expect(content_info.value, asn1::OID)?;
        if ct.value != ID_SIGNED_DATA {
            return None;
        }
        let (explicit, _) = asn1::expect(rest, 0xa0)?;
        let signed_data = asn1::read_all(explicit.value).filter(|t| t.tag == asn1::SEQUENCE)?;
        Self::parse_signed_data(signed_data)
    }

    fn parse_signed_data(sd: Tlv<'a>) -> Option<Self> {
        let (_version, rest) = asn1::expect(sd.value, asn1::INTEGER)?;
        let (_digest_algs, rest) = asn1::expect(rest, asn1::SET)?;
        let (encap, mut rest) = asn1::expect(rest, asn1::SEQUENCE)?;
        let (e_type, e_rest) = asn1::expect(encap.value, asn1::OID)?;
        if e_type.value != ID_CT_TST_INFO {
            return None;
        }
        let (e_explicit, _) = asn1::expect(e_rest, 0xa0)?;
        let e_content = asn1::read_all(e_explicit.value).filter(|t| t.tag == asn1::OCTET_STRING)?;
        let mut certificates = Vec::new();
        let (mut next, mut after) = asn1::read(rest)?;
        if next.tag == 0xa0 {
            certificates = asn1::children(next.value)?
                .into_iter()
                .map(|c| c.raw)
                .collect();
            if certificates.len() > crate::limits::MAX_CHAIN_CERTIFICATES {
                return None;
            }
            (next, after) = asn1::read(after)?;
        }
        if next.tag == 0xa1 {
            (next, after) = asn1::read(after)?;
        }
        rest = after;
        if next.tag != asn1::SET || !rest.is_empty() {
            return None;
        }
        let (signer_info, extra) = asn1::expect(next.value, asn1::SEQUENCE)?;
        if !extra.is_empty() {
            return None;
        }
        let mut token = Self::parse_signer_info(signer_info, certificates)?;
        token.tst_info_der = e_content.value;
        token.tst_info = parse_tst_info(e_content.value)?;
        Some(token)
    }

    fn parse_signer_info(si: Tlv<'a>, certificates: Vec<&'a [u8]>) -> Option<Self> {
        let (_version, rest) = asn1::expect(si.value, asn1::INTEGER)?;
        let (sid, rest) = asn1::read(rest)?;
        let signer_id = match sid.tag {
            asn1::SEQUENCE => {
                let (issuer, r) = asn1::expect(sid.value, asn1::SEQUENCE)?;
                let (serial, _) = asn1::expect(r, asn1::INTEGER)?;
                SignerId::IssuerAndSerial {
                    issuer: issuer.raw,
                    serial: serial.value,
                }
            }
            0x80 => SignerId::SubjectKeyId(sid.value),
            _ => return None,
        };
        let (digest_alg, rest) = asn1::expect(rest, asn1::SEQUENCE)?;
        let (attrs, rest) = asn1::expect(rest, 0xa0)?;
        let (sig_alg, rest) = asn1::expect(rest, asn1::SEQUENCE)?;
        let (signature, _unsigned) = asn1::expect(rest, asn1::OCTET_STRING)?;
        let mut content_type = None;
        let mut message_digest = None;
        for attr in asn1::children(attrs.value)? {
            let (id, values) = asn1::expect(attr.value, asn1::OID)?;
            let set = asn1::read_all(values).filter(|t| t.tag == asn1::SET)?;
            let value = asn1::read_all(set.value)?;
            if id.value == ID_CONTENT_TYPE {
                content_type = Some(value.value).filter(|_| value.tag == asn1::OID);
            } else if id.value == ID_MESSAGE_DIGEST {
                message_digest =
                    Some(value.value.to_vec()).filter(|_| value.tag == asn1::OCTET_STRING);
            }
        }
        Some(Self {
            digest_alg: alg_oid(digest_alg)?,
            tst_info_der: &[],
            tst_info: TstInfo {
                imprint_alg: &[],
                imprint: Vec::new(),
                gen_time: UnixTime(0),
            },
            certificates,
            signer_id,
            signed_attrs: attrs.raw,
            content_type,
            message_digest,
            signature_alg: alg_oid(sig_alg)?,
            signature: signature.value,
        })
    }
}

fn parse_tst_info(der: &[u8]) -> Option<TstInfo<'_>> {
    let tst = asn1::read_all(der).filter(|t| t.tag == asn1::SEQUENCE)?;
    let (version, rest) = asn1::expect(tst.value, asn1::INTEGER)?;
    if version.value != [1] {
        return None;
    }
    let (_policy, rest) = asn1::expect(rest, asn1::OID)?;
    let (imprint, rest) = asn1::expect(rest, asn1::SEQUENCE)?;
    let (alg, imprint_rest) = asn1::expect(imprint.value, asn1::SEQUENCE)?;
    let (hashed, _) = asn1::expect(imprint_rest, asn1::OCTET_STRING)?;
    let (_serial, rest) = asn1::expect(rest, asn1::INTEGER)?;
    let (gen_time, _) = asn1::expect(rest, asn1::GENERALIZED_TIME)?;
    Some(TstInfo {
        imprint_alg: alg_oid(alg)?,
        imprint: hashed.value.to_vec(),
        gen_time: parse_generalized_time(gen_time.value)?,
    })
}

/// `YYYYMMDDHHMMSS[.f+]Z` (RFC 3161 §2.4.2 requires UTC with `Z`).
fn parse_generalized_time(b: &[u8]) -> Option<UnixTime> {
    let num = |at: usize, n: usize| -> Option<u32> {
        b.get(at..at.checked_add(n)?)?
            .iter()
            .try_fold(0u32, |acc, c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
    };
    let (body, tail) = b.split_at_checked(14)?;
    let frac_ok = match tail {
        [b'Z'] => true,
        [b'.', digits @ .., b'Z'] => !digits.is_empty() && digits.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    if !frac_ok || !body.iter().all(u8::is_ascii_digit) {
        return None;
    }
    crate::time::from_civil(
        num(0, 4)?,
        num(4, 2)?,
        num(6, 2)?,
        num(8, 2)?,
        num(10, 2)?,
        num(12, 2)?,
    )
}

fn alg_oid<'a>(alg: Tlv<'a>) -> Option<&'a [u8]> {
    asn1::expect(alg.value, asn1::OID).map(|(oid, _)| oid.value)
}

/// The key kind a SignerInfo's `signatureAlgorithm` names. CMS names RSA by the key's OID
/// (`rsaEncryption`, RFC 3370 §3.2) as often as by a signature OID, and some signers name
/// ECDSA by `id-ecPublicKey`; the hash is the `digestAlgorithm`'s either way.
fn signature_family(oid: &[u8]) -> Option<KeyFamily> {
    match oid {
        // ecdsa-with-SHA256/384/512, id-ecPublicKey.
        b"\x2a\x86\x48\xce\x3d\x04\x03\x02"
        | b"\x2a\x86\x48\xce\x3d\x04\x03\x03"
        | b"\x2a\x86\x48\xce\x3d\x04\x03\x04"
        | b"\x2a\x86\x48\xce\x3d\x02\x01" => Some(KeyFamily::Ecdsa),
        // rsaEncryption, sha256/384/512WithRSAEncryption, RSASSA-PSS.
        b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01"
        | b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0b"
        | b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0c"
        | b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0d"
        | OID_RSASSA_PSS => Some(KeyFamily::Rsa),
        b"\x2b\x65\x70" => Some(KeyFamily::Ed25519),
        _ => None,
    }
}

fn digest_alg(oid: &[u8]) -> Option<HashAlg> {
    match oid {
        b"\x60\x86\x48\x01\x65\x03\x04\x02\x01" => Some(HashAlg::Sha256),
        b"\x60\x86\x48\x01\x65\x03\x04\x02\x02" => Some(HashAlg::Sha384),
        b"\x60\x86\x48\x01\x65\x03\x04\x02\x03" => Some(HashAlg::Sha512),
        _ => None,
    }
}

/// 1.2.840.113549.1.7.2 id-signedData (RFC 5652 §5.1).
const ID_SIGNED_DATA: &[u8] = b"\x2a\x86\x48\x86\xf7\x0d\x01\x07\x02";
/// 1.2.840.113549.1.9.16.1.4 id-ct-TSTInfo (RFC 3161 §2.4.2).
const ID_CT_TST_INFO: &[u8] = b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x10\x01\x04";
/// 1.2.840.113549.1.9.3 id-contentType (RFC 5652 §11.1).
const ID_CONTENT_TYPE: &[u8] = b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x03";
/// 1.2.840.113549.1.9.4 id-messageDigest (RFC 5652 §11.2).
const ID_MESSAGE_DIGEST: &[u8] = b"\x2a\x86\x48\x86\xf7\x0d\x01\x09\x04";
/// 1.2.840.113549.1.1.10 id-RSASSA-PSS (RFC 4055).
const OID_RSASSA_PSS: &[u8] = b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0a";

#[cfg(test)]
mod tests {
    use super::*;

    /// The time a token proves, for assertions.
    fn verify(token: &[u8], signature: &[u8], tsas: &[Authority]) -> Result<UnixTime, Error> {
        super::verify(token, signature, tsas, Crypto::BUILTIN).map(|s| s.time)
    }

    #[test]
    fn generalized_time_is_utc_with_optional_fraction() {
        assert_eq!(
            parse_generalized_time(b"20250612120220Z"),
            Some(UnixTime(1_749_729_740))
        );
        assert_eq!(
            parse_generalized_time(b"20250612120220.123Z"),
            Some(UnixTime(1_749_729_740))
        );
        assert_eq!(parse_generalized_time(b"20250612120220"), None);
        assert_eq!(parse_generalized_time(b"20250612120220.Z"), None);
        assert_eq!(parse_generalized_time(b"20251312120220Z"), None);
        assert_eq!(parse_generalized_time(b"2025061212022Z"), None);
    }

    use alloc::vec;
    use alloc::vec::Vec;

    use crate::testing;
    use crate::testing::Role;
    use crate::testing::TokenSpec;
    use crate::time::Validity;

    const Y2024: u64 = 1_704_067_200;
    const Y2025: u64 = 1_735_689_600;
    const Y2030: u64 = 1_893_456_000;

    struct Tsa {
        root: Vec<u8>,
        leaf: Vec<u8>,
        authority: Authority,
    }

    fn tsa(leaf_validity: (u64, u64), role: Role, authority_end: Option<u64>) -> Tsa {
        let (root_key, leaf_key) = (testing::key(1), testing::key(2));
        let root = testing::cert(
            "tsa-root",
            &root_key,
            "tsa-root",
            &root_key,
            1,
            (Y2024, Y2030),
            Role::Ca,
            &[],
        );
        let leaf = testing::cert(
            "tsa",
            &leaf_key,
            "tsa-root",
            &root_key,
            7,
            leaf_validity,
            role,
            &[],
        );
        let chain = vec![
            Certificate::from_der(&leaf).unwrap(),
            Certificate::from_der(&root).unwrap(),
        ];
        assert!(crate::x509::chain_links_hold(&chain, Crypto::BUILTIN));
        let authority = Authority {
            chain,
            validity: Validity {
                start: UnixTime(Y2024),
                end: authority_end.map(UnixTime),
            },
            uri: alloc::string::String::new(),
        };
        Tsa {
            root,
            leaf,
            authority,
        }
    }

    fn spec<'a>(key: &'a p256::ecdsa::SigningKey) -> TokenSpec<'a> {
        TokenSpec {
            signed_over: b"bundle signature",
            gen_time: "20250101000000Z",
            tsa_key: key,
            tsa_issuer: "tsa-root",
            tsa_serial: 7,
            embedded: &[],
            content_type: testing::TST_INFO,
            tamper_digest_attr: false,
            status: 0,
        }
    }

    #[test]
    fn a_good_token_gives_its_time() {
        let t = tsa((Y2024, Y2030), Role::TimeStamping, None);
        let key = testing::key(2);
        let token = testing::token(&spec(&key));
        assert_eq!(
            verify(
                &token,
                b"bundle signature",
                core::slice::from_ref(&t.authority)
            ),
            Ok(UnixTime(Y2025))
        );
        // The same token with the leaf embedded, and with only the root in the trusted root.
        let embedded = [t.leaf.clone()];
        let token = testing::token(&TokenSpec {
            embedded: &embedded,
            ..spec(&key)
        });
        assert_eq!(
            verify(
                &token,
                b"bundle signature",
                core::slice::from_ref(&t.authority)
            ),
            Ok(UnixTime(Y2025))
        );
        let root_only = Authority {
            chain: vec![Certificate::from_der(&t.root).unwrap()],
            ..t.authority
        };
        assert_eq!(
            verify(&token, b"bundle signature", &[root_only]),
            Ok(UnixTime(Y2025))
        );
    }

    #[test]
    fn each_check_fails_on_its_own_tampering() {
        let t = tsa((Y2024, Y2030), Role::TimeStamping, None);
        let tsas = [t.authority.clone()];
        let key = testing::key(2);
        let check = |s: &TokenSpec<'_>| verify(&testing::token(s), b"bundle signature", &tsas);

        let token = testing::token(&spec(&key));
        assert_eq!(
            verify(&token, b"another signature", &tsas),
            Err(Error::TimestampImprintMismatch)
        );
        assert_eq!(
            check(&TokenSpec {
                content_type: testing::SHA256,
                ..spec(&key)
            }),
            Err(Error::TimestampSignedAttributesInvalid)
        );
        assert_eq!(
            check(&TokenSpec {
                tamper_digest_attr: true,
                ..spec(&key)
            }),
            Err(Error::TimestampSignedAttributesInvalid)
        );
        let other = testing::key(3);
        assert_eq!(check(&spec(&other)), Err(Error::TimestampSignatureInvalid));
        assert_eq!(
            check(&TokenSpec {
                tsa_serial: 9,
                ..spec(&key)
            }),
            Err(Error::TimestampChainUntrusted)
        );
        assert_eq!(
            check(&TokenSpec {
                status: 2,
                ..spec(&key)
            }),
            Err(Error::TimestampInvalid)
        );
        assert_eq!(
            check(&TokenSpec {
                gen_time: "20250101000000",
                ..spec(&key)
            }),
            Err(Error::TimestampInvalid)
        );
    }

    #[test]
    fn embedded_certificates_confer_no_trust() {
        let t = tsa((Y2024, Y2030), Role::TimeStamping, None);
        let (evil_root, evil_leaf) = (testing::key(4), testing::key(5));
        let evil = testing::cert(
            "tsa",
            &evil_leaf,
            "evil-root",
            &evil_root,
            7,
            (Y2024, Y2030),
            Role::TimeStamping,
            &[],
        );
        let embedded = [evil];
        let token = testing::token(&TokenSpec {
            embedded: &embedded,
            tsa_issuer: "evil-root",
            ..spec(&evil_leaf)
        });
        assert_eq!(
            verify(&token, b"bundle signature", &[t.authority]),
            Err(Error::TimestampChainUntrusted)
        );
    }

    #[test]
    fn validity_of_the_tsa_and_its_certificates() {
        let key = testing::key(2);
        let token = testing::token(&spec(&key));
        let expired_cert = tsa((Y2024, Y2025 - 1), Role::TimeStamping, None);
        assert_eq!(
            verify(&token, b"bundle signature", &[expired_cert.authority]),
            Err(Error::TimestampCertNotValidAtTime)
        );
        let expired_tsa = tsa((Y2024, Y2030), Role::TimeStamping, Some(Y2025 - 1));
        assert_eq!(
            verify(&token, b"bundle signature", &[expired_tsa.authority]),
            Err(Error::TimestampTsaNotValidAtTime)
        );
        let end_inclusive = tsa((Y2024, Y2030), Role::TimeStamping, Some(Y2025));
        assert_eq!(
            verify(&token, b"bundle signature", &[end_inclusive.authority]),
            Ok(UnixTime(Y2025))
        );
        let not_a_tsa = tsa((Y2024, Y2030), Role::CodeSigning, None);
        assert_eq!(
            verify(&token, b"bundle signature", &[not_a_tsa.authority]),
            Err(Error::TimestampChainUntrusted)
        );
    }

    #[test]
    fn malformed_tokens_are_rejected() {
        assert_eq!(verify(&[], b"sig", &[]), Err(Error::TimestampInvalid));
        assert_eq!(
            verify(&[0x30, 0x03, 0x02, 0x01, 0x02], b"sig", &[]),
            Err(Error::TimestampInvalid)
        );
        let rejected = asn1::encode(
            asn1::SEQUENCE,
            &asn1::encode(asn1::SEQUENCE, &asn1::encode(asn1::INTEGER, &[2])),
        );
        assert_eq!(verify(&rejected, b"sig", &[]), Err(Error::TimestampInvalid));
    }
}
