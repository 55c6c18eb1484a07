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

/// An AlgorithmIdentifier: its OID and the DER of its parameters, if any.
fn algorithm(tlv: Tlv<'_>) -> Result<(&[u8], Option<&[u8]>), Malformed> {
    check(tlv.tag == asn1::SEQUENCE)?;
    let mut rest = tlv.value;
    let id = asn1::object_id(next(&mut rest)?).ok_or(Malformed)?;
    let params = if rest.is_empty() {
        None
    } else {
        Some(next(&mut rest)?.raw)
    };
    check(rest.is_empty())?;
    Ok((id, params))
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
            next(&mut rest)?;
            check(rest.is_empty())?;
        }
    }
    Ok(())
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
        if let Some(version) = next_if(&mut rest, 0xa0) {
            let v = asn1::read_all(version.value).and_then(asn1::integer);
            check(matches!(v, Some([0..=2])))?;
        }
        let serial = asn1::integer(next(&mut rest)?).ok_or(Malformed)?;
        check(serial.len() <= 21)?;
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
        // issuerUniqueID [1] and subjectUniqueID [2]: IMPLICIT BIT STRINGs, not read.
        for tag in [0x81, 0x82] {
            if let Some(id) = next_if(&mut rest, tag) {
                let bits = Tlv {
                    tag: asn1::BIT_STRING,
                    ..id
                };
                asn1::bit_string(bits).ok_or(Malformed)?;
            }
        }
        let extensions = next_if(&mut rest, 0xa3);
        check(rest.is_empty())?;

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
            let (ski, _) = asn1::expect(value, asn1::OCTET_STRING).ok_or(Malformed)?;
            self.subject_key_id = Some(ski.value.to_vec());
        } else if id == oid::SUBJECT_ALT_NAME {
            self.san = identity(value)?;
        }
        Ok(())
    }
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
/// holding a UTF8String, and the only otherName). Empty names count as absent. Every
/// GeneralName must be well formed (RFC 5280 §4.2.1.6): IA5String names ASCII, an otherName
/// a type and one explicitly tagged value.
fn identity(value: &[u8]) -> Result<Option<String>, Malformed> {
    let seq = asn1::read_all(value).ok_or(Malformed)?;
    check(seq.tag == asn1::SEQUENCE)?;
    let (mut uri, mut email) = (None, None);
    let mut others = Vec::new();
    for general_name in asn1::children(seq.value).ok_or(Malformed)? {
        match general_name.tag {
            // rfc822Name, dNSName, uniformResourceIdentifier: IA5String.
            0x81 | 0x82 | 0x86 => {
                let text = core::str::from_utf8(general_name.value)
                    .ok()
                    .filter(|t| t.is_ascii())
                    .ok_or(Malformed)?;
                match general_name.tag {
                    0x81 => email = email.or(Some(text)),
                    0x86 => uri = uri.or(Some(text)),
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
            // iPAddress (OCTET STRING), registeredID (OID).
            0x87 => {}
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
