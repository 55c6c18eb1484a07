//! Reading a DER certificate (RFC 5280 §4.1) into [`Certificate`]: every field in its DER
//! form, the extensions the verifier acts on decoded, the others kept for the policy.

use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

use super::Certificate;
use super::Profile;
use super::oid;
use crate::asn1;
use crate::asn1::Tlv;
use crate::crypto::PublicKey;
use crate::crypto::SigAlg;
use crate::time::Validity;

/// A certificate that is not DER X.509; the caller names it in its error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Malformed;

/// The next element of a sequence's content.
fn next<'a>(rest: &mut &'a [u8]) -> Result<Tlv<'a>, Malformed> {
    let (tlv, tail) = asn1::read(rest).ok_or(Malformed)?;
    *rest = tail;
    Ok(tlv)
}

/// The next element if it has tag `tag` (an OPTIONAL or DEFAULT field).
fn next_if<'a>(rest: &mut &'a [u8], tag: u8) -> Option<Tlv<'a>> {
    let (tlv, tail) = asn1::expect(rest, tag)?;
    *rest = tail;
    Some(tlv)
}

fn expect<'a>(rest: &mut &'a [u8], tag: u8) -> Result<Tlv<'a>, Malformed> {
    next_if(rest, tag).ok_or(Malformed)
}

fn check(ok: bool) -> Result<(), Malformed> {
    if ok { Ok(()) } else { Err(Malformed) }
}

fn algorithm(tlv: Tlv<'_>) -> Result<(&[u8], Option<&[u8]>), Malformed> {
    asn1::algorithm_identifier(tlv).ok_or(Malformed)
}

/// A Name (RFC 5280 §4.1.2.4): a SEQUENCE OF non-empty SETs of (type, value) pairs.
fn name(tlv: Tlv<'_>) -> Result<(), Malformed> {
    check(tlv.tag == asn1::SEQUENCE)?;
    for rdn in asn1::children(tlv.value).ok_or(Malformed)? {
        check(rdn.tag == asn1::SET && !rdn.value.is_empty())?;
        for pair in asn1::children(rdn.value).ok_or(Malformed)? {
            check(pair.tag == asn1::SEQUENCE)?;
            let mut rest = pair.value;
            asn1::object_id(next(&mut rest)?).ok_or(Malformed)?;
            check(attribute_string(next(&mut rest)?))?;
            check(rest.is_empty())?;
        }
    }
    Ok(())
}

/// Whether a Name's attribute value is a string of a type names use, well formed for its type
/// (as Go's x509 reads names): UTF8String valid UTF-8, PrintableString its character set
/// (with `*` and `&`, which real CA names carry), IA5String ASCII, NumericString digits and
/// spaces, BMPString UTF-16 without lone surrogates, TeletexString any octets.
fn attribute_string(value: Tlv<'_>) -> bool {
    let bytes = value.value;
    match value.tag {
        asn1::UTF8_STRING => core::str::from_utf8(bytes).is_ok(),
        0x13 => bytes
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b" '()+,-./:=?*&".contains(&b)),
        0x16 => bytes.is_ascii(),
        0x12 => bytes.iter().all(|&b| b.is_ascii_digit() || b == b' '),
        0x1e => {
            let units = bytes.chunks_exact(2).map(|pair| match pair {
                [hi, lo] => u16::from_be_bytes([*hi, *lo]),
                // chunks_exact gives pairs only; a lone surrogate stands in, refused below.
                _ => 0xdc00,
            });
            bytes.len().is_multiple_of(2) && char::decode_utf16(units).all(|c| c.is_ok())
        }
        0x14 => true,
        _ => false,
    }
}

/// Where `part` lies inside `whole` (it must be a subslice).
fn range_in(whole: &[u8], part: &[u8]) -> Result<Range<usize>, Malformed> {
    let start = (part.as_ptr() as usize)
        .checked_sub(whole.as_ptr() as usize)
        .ok_or(Malformed)?;
    let end = start.checked_add(part.len()).ok_or(Malformed)?;
    check(end <= whole.len())?;
    Ok(start..end)
}

impl Certificate {
    /// Parses a DER certificate. Malformed extensions the verifier reads fail here; unknown
    /// extensions are kept for the policy.
    pub(crate) fn from_der(der: &[u8]) -> Result<Self, Malformed> {
        let outer = asn1::read_all(der).ok_or(Malformed)?;
        check(outer.tag == asn1::SEQUENCE)?;
        let mut rest = outer.value;
        let tbs = expect(&mut rest, asn1::SEQUENCE)?;
        let outer_alg = next(&mut rest)?;
        let (alg_id, params) = algorithm(outer_alg)?;
        let signature = asn1::octet_aligned_bits(next(&mut rest)?).ok_or(Malformed)?;
        check(rest.is_empty())?;

        let mut rest = tbs.value;
        // version [0] EXPLICIT DEFAULT v1: DER leaves a default value out, so an explicit v1
        // is not DER; v2 is 1, v3 is 2.
        let version = match next_if(&mut rest, 0xa0) {
            Some(version) => match asn1::read_all(version.value).and_then(asn1::integer) {
                Some([1]) => 2,
                Some([2]) => 3,
                _ => return Err(Malformed),
            },
            None => 1,
        };
        let serial = asn1::integer(next(&mut rest)?).ok_or(Malformed)?;
        check(positive_serial(serial))?;
        let inner_alg = next(&mut rest)?;
        algorithm(inner_alg)?;
        let issuer = next(&mut rest)?;
        name(issuer)?;
        let validity = expect(&mut rest, asn1::SEQUENCE)?;
        let mut times = validity.value;
        let not_before = asn1::x509_time(next(&mut times)?).ok_or(Malformed)?;
        let not_after = asn1::x509_time(next(&mut times)?).ok_or(Malformed)?;
        check(times.is_empty())?;
        let subject = next(&mut rest)?;
        name(subject)?;
        let spki = next(&mut rest)?;
        crate::crypto::spki_parts(spki.raw).ok_or(Malformed)?;
        // issuerUniqueID [1] and subjectUniqueID [2]: IMPLICIT BIT STRINGs, not read; v2 or
        // v3 only (RFC 5280 §4.1.2.8).
        for tag in [0x81, 0x82] {
            if let Some(id) = next_if(&mut rest, tag) {
                check(version >= 2)?;
                let bits = Tlv {
                    tag: asn1::BIT_STRING,
                    ..id
                };
                asn1::bit_string(bits).ok_or(Malformed)?;
            }
        }
        let extensions = next_if(&mut rest, 0xa3);
        // Extensions exist in v3 only (RFC 5280 §4.1.2.9).
        check(rest.is_empty() && (extensions.is_none() || version == 3))?;

        let mut out = Self {
            der: der.to_vec(),
            tbs_range: range_in(der, tbs.raw)?,
            sig_alg: SigAlg::from_oid(alg_id, params),
            signature: signature.to_vec(),
            issuer: issuer.raw.to_vec(),
            subject: subject.raw.to_vec(),
            validity: Validity {
                start: not_before,
                end: Some(not_after),
            },
            key: PublicKey::from_spki_der(spki.raw),
            spki: spki.raw.to_vec(),
            is_ca: false,
            digital_signature: false,
            code_signing: false,
            time_stamping: false,
            time_stamping_only: false,
            serial: serial.to_vec(),
            subject_key_id: None,
            san: None,
            fulcio_issuer: Ok(None),
            extensions: Vec::new(),
            profile: Profile {
                algorithm_mismatch: inner_alg.raw != outer_alg.raw,
                ..Profile::default()
            },
        };
        if let Some(extensions) = extensions {
            let list = asn1::read_all(extensions.value).ok_or(Malformed)?;
            check(list.tag == asn1::SEQUENCE)?;
            let mut rest = list.value;
            while !rest.is_empty() {
                out.extension_from(der, next(&mut rest)?)?;
            }
        }
        out.fulcio_issuer = super::fulcio_issuer(
            out.extension(oid::FULCIO_ISSUER_V2),
            out.extension(oid::FULCIO_ISSUER_V1),
        );
        Ok(out)
    }

    /// Reads one Extension (`extnID`, `critical` DEFAULT FALSE, `extnValue`).
    fn extension_from(&mut self, der: &[u8], ext: Tlv<'_>) -> Result<(), Malformed> {
        check(ext.tag == asn1::SEQUENCE)?;
        let mut rest = ext.value;
        let id = asn1::object_id(next(&mut rest)?).ok_or(Malformed)?;
        let critical = match next_if(&mut rest, asn1::BOOLEAN) {
            Some(flag) => asn1::boolean(flag).ok_or(Malformed)?,
            None => false,
        };
        let value = expect(&mut rest, asn1::OCTET_STRING)?.value;
        check(rest.is_empty())?;
        if self.extension(id).is_some() {
            self.profile.duplicate = true;
        }
        if id == oid::CT_POISON {
            self.profile.ct_poison = true;
        } else if critical
            && !oid::PROCESSED.contains(&id)
            && self.profile.unknown_critical.is_none()
        {
            self.profile.unknown_critical = asn1::oid::to_text(id);
        }
        self.read_extension(id, value, critical)?;
        self.extensions
            .push((range_in(der, id)?, range_in(der, value)?));
        Ok(())
    }

    fn read_extension(&mut self, id: &[u8], value: &[u8], critical: bool) -> Result<(), Malformed> {
        if id == oid::BASIC_CONSTRAINTS {
            self.is_ca = basic_constraints_ca(value)?;
        } else if id == oid::KEY_USAGE {
            let (bits, _) = asn1::read_all(value)
                .and_then(asn1::bit_string)
                .ok_or(Malformed)?;
            self.digital_signature = bits.first().is_some_and(|b| b & 0x80 != 0);
        } else if id == oid::EXTENDED_KEY_USAGE {
            let purposes = asn1::read_all(value)
                .filter(|seq| seq.tag == asn1::SEQUENCE)
                .and_then(|seq| asn1::children(seq.value))
                .ok_or(Malformed)?;
            let mut ids = Vec::with_capacity(purposes.len());
            for p in purposes {
                ids.push(asn1::object_id(p).ok_or(Malformed)?);
            }
            self.code_signing = ids.contains(&oid::CODE_SIGNING);
            self.time_stamping = ids.contains(&oid::TIME_STAMPING);
            self.time_stamping_only = critical && ids == [oid::TIME_STAMPING];
        } else if id == oid::SUBJECT_KEY_ID {
            // Never critical (RFC 5280 §4.2.1.2).
            check(!critical)?;
            let ski = asn1::read_all(value)
                .filter(|t| t.tag == asn1::OCTET_STRING)
                .ok_or(Malformed)?;
            self.subject_key_id = Some(ski.value.to_vec());
        } else if id == oid::AUTHORITY_KEY_ID {
            // Never critical (RFC 5280 §4.2.1.1).
            check(!critical)?;
            authority_key_id(value)?;
        } else if id == oid::SUBJECT_ALT_NAME {
            self.san = identity(value)?;
        }
        Ok(())
    }
}

/// A serial number as RFC 5280 §4.1.2.2 allows it: a positive INTEGER of at most 20 octets.
/// The DER content of a 20-octet number with its top bit set is 21 octets, the first zero.
fn positive_serial(serial: &[u8]) -> bool {
    let positive = match serial {
        [] | [0x00] => false,
        [first, ..] => first & 0x80 == 0,
    };
    let magnitude = match serial {
        [0x00, rest @ ..] => rest.len(),
        _ => serial.len(),
    };
    positive && magnitude <= 20
}

/// AuthorityKeyIdentifier (RFC 5280 §4.2.1.1): `keyIdentifier` [0], `authorityCertIssuer` [1]
/// and `authorityCertSerialNumber` [2], each optional, in order; the issuer and serial come
/// together or not at all.
fn authority_key_id(value: &[u8]) -> Result<(), Malformed> {
    let seq = asn1::read_all(value).ok_or(Malformed)?;
    check(seq.tag == asn1::SEQUENCE)?;
    let mut rest = seq.value;
    next_if(&mut rest, 0x80);
    let issuer = next_if(&mut rest, 0xa1);
    let serial = next_if(&mut rest, 0x82);
    if let Some(issuer) = issuer {
        check(!asn1::children(issuer.value).ok_or(Malformed)?.is_empty())?;
    }
    if let Some(serial) = serial {
        let integer = Tlv {
            tag: asn1::INTEGER,
            ..serial
        };
        asn1::integer(integer).ok_or(Malformed)?;
    }
    check(rest.is_empty() && issuer.is_some() == serial.is_some())
}

/// BasicConstraints (RFC 5280 §4.2.1.9): `cA` BOOLEAN DEFAULT FALSE, then an optional
/// non-negative `pathLenConstraint`.
fn basic_constraints_ca(value: &[u8]) -> Result<bool, Malformed> {
    let seq = asn1::read_all(value).ok_or(Malformed)?;
    check(seq.tag == asn1::SEQUENCE)?;
    let mut rest = seq.value;
    let ca = match next_if(&mut rest, asn1::BOOLEAN) {
        Some(flag) => asn1::boolean(flag).ok_or(Malformed)?,
        None => false,
    };
    if let Some(len) = next_if(&mut rest, asn1::INTEGER) {
        let len = asn1::integer(len).ok_or(Malformed)?;
        check(len.first().is_some_and(|b| b & 0x80 == 0))?;
    }
    check(rest.is_empty())?;
    Ok(ca)
}

/// The identity a Fulcio certificate carries, in sigstore-go's order: the first URI SAN, else
/// the first email SAN, else the Fulcio username (an otherName of type `1.3.6.1.4.1.57264.1.7`
/// holding a UTF8String, and the only otherName). Every GeneralName must be well formed (RFC
/// 5280 §4.2.1.6), so no malformed name is skipped for the next one: the list is not empty;
/// an rfc822Name, dNSName or URI is non-empty printable ASCII without spaces, an email has an
/// `@`, a URI a scheme; an iPAddress is 4 or 16 octets; an otherName a type and one
/// explicitly tagged value.
fn identity(value: &[u8]) -> Result<Option<String>, Malformed> {
    let seq = asn1::read_all(value).ok_or(Malformed)?;
    check(seq.tag == asn1::SEQUENCE)?;
    let names = asn1::children(seq.value).ok_or(Malformed)?;
    check(!names.is_empty())?;
    let (mut uri, mut email) = (None, None);
    let mut others = Vec::new();
    for general_name in names {
        match general_name.tag {
            // rfc822Name, dNSName, uniformResourceIdentifier: IA5String.
            0x81 | 0x82 | 0x86 => {
                let text = core::str::from_utf8(general_name.value)
                    .ok()
                    .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_graphic()))
                    .ok_or(Malformed)?;
                match general_name.tag {
                    0x81 => {
                        check(text.contains('@'))?;
                        email = email.or(Some(text));
                    }
                    0x86 => {
                        check(has_scheme(text))?;
                        uri = uri.or(Some(text));
                    }
                    _ => {}
                }
            }
            0xa0 => {
                let mut rest = general_name.value;
                let type_id = asn1::object_id(next(&mut rest)?).ok_or(Malformed)?;
                let value = expect(&mut rest, 0xa0)?;
                check(rest.is_empty())?;
                others.push((type_id, asn1::read_all(value.value).ok_or(Malformed)?));
            }
            0x87 => check(matches!(general_name.value.len(), 4 | 16))?,
            0x88 => check(asn1::oid::is_valid(general_name.value))?,
            // x400Address, directoryName, ediPartyName: constructed, not read.
            0xa3..=0xa5 => {}
            _ => return Err(Malformed),
        }
    }
    let username = match others.as_slice() {
        [(type_id, value)] if *type_id == oid::FULCIO_USERNAME => asn1::utf8_string(value.raw),
        _ => None,
    };
    Ok([uri, email, username]
        .into_iter()
        .flatten()
        .find(|s| !s.is_empty())
        .map(String::from))
}

/// Whether a URI starts with a scheme (RFC 3986 §3.1): a letter, then letters, digits, `+`,
/// `-` or `.`, then `:`.
fn has_scheme(uri: &str) -> bool {
    let Some((scheme, _)) = uri.split_once(':') else {
        return false;
    };
    let mut bytes = scheme.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

#[cfg(test)]
mod tests {
    use alloc::vec;

    use super::*;
    use crate::asn1::encode;
    use crate::testing;
    use crate::testing::Role;
    use crate::time::UnixTime;

    const VALIDITY: (u64, u64) = (1_700_000_000, 1_700_000_600);

    fn leaf(extra: &[Vec<u8>]) -> Vec<u8> {
        let key = testing::key(3);
        testing::cert(
            "leaf",
            &key,
            "ca",
            &key,
            7,
            VALIDITY,
            Role::CodeSigning,
            extra,
        )
    }

    /// The TBS fields of `der`, each a whole element.
    fn tbs_fields(der: &[u8]) -> Vec<Vec<u8>> {
        let outer = asn1::read_all(der).unwrap();
        let (tbs, _) = asn1::expect(outer.value, asn1::SEQUENCE).unwrap();
        asn1::children(tbs.value)
            .unwrap()
            .iter()
            .map(|f| f.raw.to_vec())
            .collect()
    }

    /// A certificate around `fields` (unsigned: parsing does not check the signature).
    fn assemble(fields: &[Vec<u8>]) -> Vec<u8> {
        let alg = encode(
            asn1::SEQUENCE,
            &encode(asn1::OID, b"\x2a\x86\x48\xce\x3d\x04\x03\x02"),
        );
        let tbs = encode(asn1::SEQUENCE, &fields.concat());
        encode(
            asn1::SEQUENCE,
            &[tbs, alg, vec![0x03, 0x02, 0x00, 0x01]].concat(),
        )
    }

    fn with_field(index: usize, field: Vec<u8>) -> Result<Certificate, Malformed> {
        let mut fields = tbs_fields(&leaf(&[]));
        fields[index] = field;
        Certificate::from_der(&assemble(&fields))
    }

    #[test]
    fn a_signing_certificate_reads_every_field() {
        let ext = testing::fulcio_extensions("https://id", "https://issuer");
        let cert = Certificate::from_der(&leaf(&ext)).unwrap();
        assert_eq!(cert.serial, [7]);
        assert_eq!(cert.validity.start, UnixTime(VALIDITY.0));
        assert_eq!(cert.validity.end, Some(UnixTime(VALIDITY.1)));
        assert!(cert.code_signing && cert.digital_signature && !cert.is_ca);
        assert!(!cert.time_stamping);
        assert_eq!(cert.san.as_deref(), Some("https://id"));
        assert_eq!(cert.fulcio_issuer, Ok(Some("https://issuer".into())));
        assert_eq!(cert.issuer, testing::name("ca"));
        assert_eq!(cert.subject, testing::name("leaf"));
        assert_eq!(cert.spki, testing::spki(&testing::key(3)));
        assert!(cert.key.is_ok());
        let ids: Vec<&[u8]> = cert.extensions().map(|(id, _)| id).collect();
        assert_eq!(
            ids,
            [
                oid::EXTENDED_KEY_USAGE,
                oid::KEY_USAGE,
                oid::SUBJECT_ALT_NAME,
                oid::FULCIO_ISSUER_V2
            ]
        );
        assert_eq!(cert.profile, Profile::default());
        let key = testing::key(4);
        let ca = testing::cert("ca", &key, "ca", &key, 1, VALIDITY, Role::Ca, &[]);
        assert!(Certificate::from_der(&ca).unwrap().is_ca);
    }

    #[test]
    fn the_profile_records_what_a_signing_certificate_may_not_have() {
        let unknown = testing::extension(&[0x2a, 0x03, 0x04], true, &[0x05, 0x00]);
        let cert = Certificate::from_der(&leaf(&[unknown])).unwrap();
        assert_eq!(cert.profile.unknown_critical.as_deref(), Some("1.2.3.4"));
        let poison = testing::extension(oid::CT_POISON, true, &[0x05, 0x00]);
        assert!(
            Certificate::from_der(&leaf(&[poison]))
                .unwrap()
                .profile
                .ct_poison
        );
        let twice = testing::extension(oid::KEY_USAGE, true, &[0x03, 0x02, 0x07, 0x80]);
        assert!(
            Certificate::from_der(&leaf(&[twice]))
                .unwrap()
                .profile
                .duplicate
        );
        let mut fields = tbs_fields(&leaf(&[]));
        fields[2] = encode(
            asn1::SEQUENCE,
            &encode(asn1::OID, b"\x2a\x86\x48\xce\x3d\x04\x03\x03"),
        );
        let cert = Certificate::from_der(&assemble(&fields)).unwrap();
        assert!(cert.profile.algorithm_mismatch);
    }

    #[test]
    fn the_identity_follows_sigstore_go_s_order() {
        let san = |names: &[Vec<u8>]| {
            let value = encode(asn1::SEQUENCE, &names.concat());
            let ext = testing::extension(oid::SUBJECT_ALT_NAME, true, &value);
            Certificate::from_der(&leaf(&[ext])).map(|c| c.san)
        };
        let uri = encode(0x86, b"https://uri");
        let email = encode(0x81, b"a@example.com");
        let dns = encode(0x82, b"example.com");
        let username = |oid: &[u8]| {
            let value = encode(0xa0, &encode(asn1::UTF8_STRING, b"alice"));
            encode(0xa0, &[encode(asn1::OID, oid), value].concat())
        };
        let user = username(oid::FULCIO_USERNAME);
        assert_eq!(
            san(&[dns.clone(), email.clone(), uri.clone()]),
            Ok(Some("https://uri".into()))
        );
        assert_eq!(
            san(&[dns.clone(), email.clone()]),
            Ok(Some("a@example.com".into()))
        );
        assert_eq!(san(core::slice::from_ref(&user)), Ok(Some("alice".into())));
        assert_eq!(
            san(&[user.clone(), user.clone()]),
            Ok(None),
            "two otherNames"
        );
        assert_eq!(
            san(&[username(&[0x2a, 0x03])]),
            Ok(None),
            "another otherName type"
        );
        // A malformed name is never skipped for the next one: sigstore-go would take the
        // URI, so the certificate is malformed rather than the email's.
        for bad in [
            encode(0x86, b""),
            encode(0x86, b"no-scheme"),
            encode(0x86, b"1http://x"),
            encode(0x86, b"https://a b"),
            encode(0x86, b"https://a\x07b"),
            encode(0x81, b""),
            encode(0x81, b"no-at"),
            encode(0x82, b""),
            encode(0x87, &[127, 0, 0]),
            encode(0x87, &[0; 8]),
        ] {
            assert_eq!(
                san(&[bad.clone(), email.clone()]),
                Err(Malformed),
                "{bad:x?}"
            );
        }
        assert_eq!(san(&[]), Err(Malformed), "an empty list");
        assert_eq!(
            san(&[encode(0x86, b"spiffe+x.y-z://id"), email.clone()]),
            Ok(Some("spiffe+x.y-z://id".into()))
        );
        assert_eq!(san(&[dns]), Ok(None));
        assert_eq!(
            san(&[
                encode(0x87, &[127, 0, 0, 1]),
                encode(0x87, &[0; 16]),
                encode(0x88, &[0x2a, 0x03])
            ]),
            Ok(None)
        );
    }

    #[test]
    fn malformed_extensions_the_verifier_reads_are_refused() {
        let bad = [
            testing::extension(
                oid::BASIC_CONSTRAINTS,
                true,
                &encode(asn1::SEQUENCE, &[0x01, 0x01, 0x01]),
            ),
            testing::extension(
                oid::BASIC_CONSTRAINTS,
                true,
                &encode(asn1::SEQUENCE, &[0x02, 0x01, 0xff]),
            ),
            testing::extension(oid::BASIC_CONSTRAINTS, true, &[0x30, 0x00, 0x00]),
            testing::extension(oid::KEY_USAGE, true, &[0x04, 0x01, 0x80]),
            testing::extension(oid::KEY_USAGE, true, &[0x03, 0x02, 0x08, 0x80]),
            testing::extension(
                oid::EXTENDED_KEY_USAGE,
                true,
                &encode(asn1::SEQUENCE, &[0x06, 0x01, 0x80]),
            ),
            testing::extension(oid::EXTENDED_KEY_USAGE, true, &encode(asn1::SET, &[])),
            testing::extension(oid::SUBJECT_KEY_ID, false, &[0x03, 0x01, 0x00]),
            testing::extension(oid::SUBJECT_KEY_ID, true, &encode(asn1::OCTET_STRING, b"k")),
            testing::extension(
                oid::SUBJECT_KEY_ID,
                false,
                &[encode(asn1::OCTET_STRING, b"k"), vec![0x05, 0x00]].concat(),
            ),
            testing::extension(
                oid::AUTHORITY_KEY_ID,
                true,
                &encode(asn1::SEQUENCE, &encode(0x80, b"k")),
            ),
            testing::extension(oid::AUTHORITY_KEY_ID, false, b"garbage"),
            testing::extension(
                oid::AUTHORITY_KEY_ID,
                false,
                &encode(asn1::SEQUENCE, &encode(0x82, &[0x01])),
            ),
            testing::extension(
                oid::AUTHORITY_KEY_ID,
                false,
                &encode(
                    asn1::SEQUENCE,
                    &[encode(0x80, b"k"), encode(0x80, b"k")].concat(),
                ),
            ),
            testing::extension(
                oid::SUBJECT_ALT_NAME,
                true,
                &encode(asn1::SEQUENCE, &encode(0x86, "é".as_bytes())),
            ),
            testing::extension(
                oid::SUBJECT_ALT_NAME,
                true,
                &encode(asn1::SEQUENCE, &encode(0x89, b"x")),
            ),
            testing::extension(
                oid::SUBJECT_ALT_NAME,
                true,
                &encode(asn1::SEQUENCE, &encode(0xa0, &encode(asn1::OID, &[0x2a]))),
            ),
            testing::extension(
                oid::SUBJECT_ALT_NAME,
                true,
                &encode(asn1::SET, &encode(0x86, b"x")),
            ),
            // An extension whose critical flag is not DER, or with a field too many.
            encode(
                asn1::SEQUENCE,
                &[
                    encode(asn1::OID, &[0x2a]),
                    vec![0x01, 0x01, 0x01],
                    encode(asn1::OCTET_STRING, &[]),
                ]
                .concat(),
            ),
            encode(
                asn1::SEQUENCE,
                &[
                    encode(asn1::OID, &[0x2a]),
                    encode(asn1::OCTET_STRING, &[]),
                    vec![0x05, 0x00],
                ]
                .concat(),
            ),
            encode(
                asn1::SEQUENCE,
                &[encode(asn1::OID, &[0x80]), encode(asn1::OCTET_STRING, &[])].concat(),
            ),
        ];
        for (i, ext) in bad.into_iter().enumerate() {
            assert_eq!(
                Certificate::from_der(&leaf(&[ext])).map(|_| ()),
                Err(Malformed),
                "case {i}"
            );
        }
        let path_len = encode(
            asn1::SEQUENCE,
            &[vec![0x01, 0x01, 0xff], vec![0x02, 0x01, 0x00]].concat(),
        );
        let ca = testing::extension(oid::BASIC_CONSTRAINTS, true, &path_len);
        assert!(Certificate::from_der(&leaf(&[ca])).unwrap().is_ca);
        let aki = |content: &[Vec<u8>]| {
            let ext = testing::extension(
                oid::AUTHORITY_KEY_ID,
                false,
                &encode(asn1::SEQUENCE, &content.concat()),
            );
            Certificate::from_der(&leaf(&[ext])).map(|_| ())
        };
        let issuer = encode(0xa1, &encode(0xa4, &testing::name("ca")));
        assert_eq!(aki(&[encode(0x80, b"key id")]), Ok(()));
        assert_eq!(aki(&[]), Ok(()), "every field is optional");
        assert_eq!(
            aki(&[encode(0x80, b"k"), issuer.clone(), encode(0x82, &[0x07])]),
            Ok(())
        );
        assert_eq!(aki(&[issuer]), Err(Malformed), "an issuer without a serial");
    }

    #[test]
    fn the_tbs_must_be_der_x509() {
        // Fields: 0 version, 1 serial, 2 signature, 3 issuer, 4 validity, 5 subject, 6 SPKI,
        // 7 extensions.
        let v = |n: u8| encode(0xa0, &encode(asn1::INTEGER, &[n]));
        assert!(with_field(0, v(2)).is_ok());
        assert!(
            with_field(0, v(0)).is_err(),
            "explicit v1: a default, not DER"
        );
        assert!(with_field(0, v(1)).is_err(), "v2 with extensions");
        assert!(with_field(0, v(3)).is_err());
        let serial = |bytes: &[u8]| with_field(1, encode(asn1::INTEGER, bytes));
        assert!(serial(&[0x00, 0x80]).is_ok());
        assert!(serial(&[0x01; 20]).is_ok());
        assert!(
            serial(&[[0x00].as_slice(), &[0x80; 20]].concat()).is_ok(),
            "20 octets, top bit set"
        );
        assert!(serial(&[0x01; 21]).is_err(), "21 octets");
        assert!(serial(&[0x00]).is_err(), "zero");
        assert!(serial(&[0x80]).is_err(), "negative");
        assert!(serial(&[0x00, 0x01]).is_err(), "not minimal");
        let time = |tag: u8, text: &str| {
            let t = encode(tag, text.as_bytes());
            with_field(4, encode(asn1::SEQUENCE, &[t.clone(), t].concat()))
        };
        assert_eq!(
            time(asn1::GENERALIZED_TIME, "20231114221320Z")
                .unwrap()
                .validity
                .start,
            UnixTime(1_700_000_000)
        );
        assert!(time(asn1::UTC_TIME, "231114221320").is_err());
        assert!(time(asn1::OCTET_STRING, "231114221320Z").is_err());
        assert!(
            with_field(3, encode(asn1::SEQUENCE, &encode(asn1::SET, &[]))).is_err(),
            "empty RDN"
        );
        assert!(with_field(5, encode(asn1::SET, &[])).is_err());
        assert!(
            with_field(6, encode(asn1::SEQUENCE, &[])).is_err(),
            "not an SPKI"
        );
        let mut fields = tbs_fields(&leaf(&[]));
        fields.insert(7, vec![0x81, 0x02, 0x00, 0xaa]);
        assert!(
            Certificate::from_der(&assemble(&fields)).is_ok(),
            "issuerUniqueID"
        );
        fields.push(encode(asn1::INTEGER, &[1]));
        assert!(
            Certificate::from_der(&assemble(&fields)).is_err(),
            "a field after the extensions"
        );
        let mut fields = tbs_fields(&leaf(&[]));
        fields.remove(0);
        assert!(
            Certificate::from_der(&assemble(&fields)).is_err(),
            "version 1 (by default) with extensions"
        );
        fields.pop();
        assert!(
            Certificate::from_der(&assemble(&fields)).is_ok(),
            "version 1 without extensions"
        );
        fields.push(vec![0x81, 0x02, 0x00, 0xaa]);
        assert!(
            Certificate::from_der(&assemble(&fields)).is_err(),
            "a unique identifier in version 1"
        );
        let mut fields = tbs_fields(&leaf(&[]));
        fields[0] = v(1);
        fields.pop();
        fields.push(vec![0x82, 0x02, 0x00, 0xaa]);
        assert!(
            Certificate::from_der(&assemble(&fields)).is_ok(),
            "a unique identifier in version 2"
        );
    }

    #[test]
    fn name_attribute_values_are_strings_of_their_type() {
        let named = |value: Vec<u8>| {
            let pair = encode(
                asn1::SEQUENCE,
                &[encode(asn1::OID, &[0x55, 0x04, 0x03]), value].concat(),
            );
            with_field(5, encode(asn1::SEQUENCE, &encode(asn1::SET, &pair))).map(|_| ())
        };
        for good in [
            encode(asn1::UTF8_STRING, "é".as_bytes()),
            encode(0x13, b"Sigstore CA *.example & Co (1), a-z/A:Z=0?"),
            encode(0x16, b"ca@example.com"),
            encode(0x12, b"12 34"),
            encode(0x1e, &[0x00, 0x41, 0xd8, 0x3d, 0xde, 0x00]),
            encode(0x14, &[0xff, 0x00]),
        ] {
            assert_eq!(named(good.clone()), Ok(()), "{good:x?}");
        }
        for bad in [
            encode(asn1::INTEGER, &[1]),
            encode(0x07, b"descriptor"),
            encode(asn1::UTF8_STRING, &[0xff]),
            encode(0x13, b"a@b"),
            encode(0x16, "é".as_bytes()),
            encode(0x12, b"12a"),
            encode(0x1e, &[0x00]),
            encode(0x1e, &[0xd8, 0x3d]),
        ] {
            assert_eq!(named(bad.clone()), Err(Malformed), "{bad:x?}");
        }
    }

    #[test]
    fn an_unknown_algorithm_s_parameters_may_be_any_element() {
        // A written decision (conformance/README.md): der refuses universal tags it has no
        // type for (here EMBEDDED PDV) even as ANY; the core reads the certificate, and its
        // key of an unknown algorithm is unusable.
        let algorithm = encode(
            asn1::SEQUENCE,
            &[encode(asn1::OID, &[0x2a, 0x03]), encode(0x0b, b"pdv")].concat(),
        );
        let spki = encode(
            asn1::SEQUENCE,
            &[algorithm, encode(asn1::BIT_STRING, &[0x00, 0x01])].concat(),
        );
        let cert = with_field(6, spki).unwrap();
        assert!(cert.key.is_err());
    }

    #[test]
    fn the_outer_structure_is_exact() {
        let der = leaf(&[]);
        let parts = asn1::children(asn1::read_all(&der).unwrap().value).unwrap();
        let raw: Vec<Vec<u8>> = parts.iter().map(|p| p.raw.to_vec()).collect();
        let rebuilt =
            |parts: &[Vec<u8>]| Certificate::from_der(&encode(asn1::SEQUENCE, &parts.concat()));
        assert!(rebuilt(&raw).is_ok());
        assert!(rebuilt(&raw[..2]).is_err());
        assert!(rebuilt(&[raw.clone(), vec![vec![0x05, 0x00]]].concat()).is_err());
        assert!(
            rebuilt(&[raw[0].clone(), raw[1].clone(), vec![0x03, 0x02, 0x01, 0x00]]).is_err(),
            "unused signature bits"
        );
        assert!(Certificate::from_der(&encode(asn1::SET, &raw.concat())).is_err());
    }
}
