//! X.509 certificates: the fields sigstore needs, Fulcio extensions, and chain validation.

use alloc::string::String;
use alloc::vec::Vec;

use der::Decode;
use der::Encode;
use x509_cert::ext::pkix::BasicConstraints;
use x509_cert::ext::pkix::ExtendedKeyUsage;
use x509_cert::ext::pkix::KeyUsage;
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::ext::pkix::name::GeneralName;

use crate::Error;
use crate::asn1;
use crate::crypto::Crypto;
use crate::crypto::PublicKey;
use crate::crypto::SigAlg;
use crate::time::UnixTime;
use crate::time::Validity;

pub(crate) mod oid;

/// A certificate with the fields verification reads, decoded once.
#[derive(Clone, Debug)]
pub(crate) struct Certificate {
    pub(crate) der: Vec<u8>,
    /// Where the TBSCertificate lies in `der` (kept as a range, not a second copy: the
    /// certificates of a trusted root stay in memory for the verifier's lifetime).
    tbs_range: core::ops::Range<usize>,
    pub(crate) sig_alg: Option<SigAlg>,
    pub(crate) signature: Vec<u8>,
    pub(crate) issuer: Vec<u8>,
    pub(crate) subject: Vec<u8>,
    pub(crate) validity: Validity,
    pub(crate) spki: Vec<u8>,
    /// The subject key, or why it cannot be used (`KeyAlgorithmNotBuilt` when this build
    /// leaves its algorithm out).
    pub(crate) key: Result<PublicKey, Error>,
    pub(crate) is_ca: bool,
    pub(crate) key_usage: Option<KeyUsage>,
    pub(crate) code_signing: bool,
    pub(crate) time_stamping: bool,
    /// The extendedKeyUsage extension is critical and names timeStamping alone (RFC 3161 §2.3).
    pub(crate) time_stamping_only: bool,
    pub(crate) serial: Vec<u8>,
    pub(crate) subject_key_id: Option<Vec<u8>>,
    pub(crate) san: Option<String>,
    pub(crate) fulcio_issuer: Result<Option<String>, Error>,
    pub(crate) extensions: Vec<(der::asn1::ObjectIdentifier, Vec<u8>)>,
    /// What the signing-certificate profile rejects, found while parsing.
    pub(crate) profile: Profile,
}

/// Departures from the profile of a signing certificate, recorded at parse time and checked by
/// [`verify_leaf`] (a CA or TSA certificate of the trusted root is not held to them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Profile {
    /// A critical extension this verifier does not process (RFC 5280 §4.2: must be rejected).
    pub(crate) unknown_critical: Option<der::asn1::ObjectIdentifier>,
    /// The same extension twice (RFC 5280 §4.2).
    pub(crate) duplicate: bool,
    /// The CT precertificate poison (RFC 6962 §3.1): a precertificate, not a certificate.
    pub(crate) ct_poison: bool,
    /// The TBS signature algorithm differs from the outer one (RFC 5280 §4.1.1.2).
    pub(crate) algorithm_mismatch: bool,
}

impl Certificate {
    /// The DER TBSCertificate, the bytes the issuer signed.
    pub(crate) fn tbs(&self) -> &[u8] {
        self.der.get(self.tbs_range.clone()).unwrap_or_default()
    }

    /// Parses a DER certificate. Malformed extensions the verifier reads fail here; unknown
    /// extensions are kept for the policy.
    pub(crate) fn from_der(der: &[u8]) -> Result<Self, ()> {
        let cert = x509_cert::Certificate::from_der(der).map_err(|_| ())?;
        let outer = asn1::read_all(der).ok_or(())?;
        let (tbs, _) = asn1::expect(outer.value, asn1::SEQUENCE).ok_or(())?;
        let tbs_cert = cert.tbs_certificate();
        let alg = cert.signature_algorithm();
        let params = alg.parameters.as_ref().and_then(|p| p.to_der().ok());
        let validity = tbs_cert.validity();
        let not_before = validity.not_before.to_unix_duration().as_secs();
        let not_after = validity.not_after.to_unix_duration().as_secs();
        let spki = tbs_cert
            .subject_public_key_info()
            .to_der()
            .map_err(|_| ())?;
        let algorithm_mismatch =
            tbs_cert.signature().to_der().map_err(|_| ())? != alg.to_der().map_err(|_| ())?;
        let tbs_start = der.len().checked_sub(outer.value.len()).ok_or(())?;
        let tbs_range = tbs_start..tbs_start.checked_add(tbs.raw.len()).ok_or(())?;
        let mut out = Self {
            der: der.to_vec(),
            tbs_range,
            sig_alg: SigAlg::from_oid(&alg.oid, params.as_deref()),
            signature: cert.signature().as_bytes().ok_or(())?.to_vec(),
            issuer: tbs_cert.issuer().to_der().map_err(|_| ())?,
            subject: tbs_cert.subject().to_der().map_err(|_| ())?,
            validity: Validity {
                start: UnixTime(not_before),
                end: Some(UnixTime(not_after)),
            },
            key: PublicKey::from_spki_der(&spki),
            spki,
            is_ca: false,
            key_usage: None,
            code_signing: false,
            time_stamping: false,
            time_stamping_only: false,
            serial: raw_serial(tbs.value).ok_or(())?.to_vec(),
            subject_key_id: None,
            san: None,
            fulcio_issuer: Ok(None),
            extensions: Vec::new(),
            profile: Profile {
                algorithm_mismatch,
                ..Profile::default()
            },
        };
        for ext in tbs_cert
            .extensions()
            .map(|e| e.as_slice())
            .unwrap_or_default()
        {
            let value = ext.extn_value.as_bytes();
            if out.extensions.iter().any(|(o, _)| *o == ext.extn_id) {
                out.profile.duplicate = true;
            }
            if ext.extn_id == oid::CT_POISON {
                out.profile.ct_poison = true;
            } else if ext.critical && !oid::PROCESSED.contains(&ext.extn_id) {
                out.profile.unknown_critical.get_or_insert(ext.extn_id);
            }
            out.read_extension(&ext.extn_id, value, ext.critical)?;
            out.extensions.push((ext.extn_id, value.to_vec()));
        }
        out.fulcio_issuer = fulcio_issuer(&out.extensions);
        Ok(out)
    }

    fn read_extension(
        &mut self,
        id: &der::asn1::ObjectIdentifier,
        value: &[u8],
        critical: bool,
    ) -> Result<(), ()> {
        if *id == oid::BASIC_CONSTRAINTS {
            self.is_ca = BasicConstraints::from_der(value).map_err(|_| ())?.ca;
        } else if *id == oid::KEY_USAGE {
            self.key_usage = Some(KeyUsage::from_der(value).map_err(|_| ())?);
        } else if *id == oid::EXTENDED_KEY_USAGE {
            let eku = ExtendedKeyUsage::from_der(value).map_err(|_| ())?;
            self.code_signing = eku.0.contains(&oid::CODE_SIGNING);
            self.time_stamping = eku.0.contains(&oid::TIME_STAMPING);
            self.time_stamping_only = critical && eku.0.as_slice() == [oid::TIME_STAMPING];
        } else if *id == oid::SUBJECT_KEY_ID {
            let (ski, _) = asn1::expect(value, asn1::OCTET_STRING).ok_or(())?;
            self.subject_key_id = Some(ski.value.to_vec());
        } else if *id == oid::SUBJECT_ALT_NAME {
            let san = SubjectAltName::from_der(value).map_err(|_| ())?;
            self.san = identity(&san.0);
        }
        Ok(())
    }

    /// The raw value of an extension, if present.
    pub(crate) fn extension(&self, id: &der::asn1::ObjectIdentifier) -> Option<&[u8]> {
        self.extensions
            .iter()
            .find(|(o, _)| o == id)
            .map(|(_, v)| v.as_slice())
    }

    /// Whether `self` was issued by `parent`: names chain and `parent`'s key verifies the
    /// signature over our TBS.
    pub(crate) fn is_issued_by(&self, parent: &Self, crypto: Crypto<'_>) -> bool {
        if self.issuer != parent.subject {
            return false;
        }
        let (Ok(key), Some(alg)) = (&parent.key, self.sig_alg) else {
            return false;
        };
        key.verify(crypto, alg.hash, alg.padding, self.tbs(), &self.signature)
            .is_ok()
    }

    /// Whether the certificate names itself as issuer and verifies under its own key.
    pub(crate) fn is_self_signed(&self) -> bool {
        self.is_issued_by(self, Crypto::BUILTIN)
    }
}

/// Checks the Fulcio leaf against the CAs of the trusted root at every verified signing time.
/// Returns the certificate that issued the leaf (needed for the SCT's issuer key hash).
#[inline(never)] // a step of Verifier::run: its locals stay out of run's frame
pub(crate) fn verify_leaf<'a>(
    leaf: &Certificate,
    cas: &'a [crate::trust_root::Authority],
    times: &[UnixTime],
    crypto: Crypto<'_>,
) -> Result<&'a Certificate, Error> {
    if leaf.is_ca {
        return Err(Error::CertIsCa);
    }
    if !leaf.key_usage.is_some_and(|ku| ku.digital_signature()) {
        return Err(Error::CertKeyUsageInvalid);
    }
    if !leaf.code_signing {
        return Err(Error::CertExtendedKeyUsageInvalid);
    }
    check_profile(leaf)?;
    let issuer = cas
        .iter()
        .filter(|ca| times.iter().all(|t| ca.validity.contains(*t)))
        .find_map(|ca| chain_to(leaf, &ca.chain, times, crypto))
        .ok_or(Error::CertChainUntrusted)?;
    if !times.iter().all(|t| leaf.validity.contains(*t)) {
        return Err(Error::CertNotValidAtSigningTime);
    }
    Ok(issuer)
}

/// The signing-certificate profile (as Go's x509 and pyca/cryptography's verifier enforce it
/// for sigstore-go and sigstore-python): one of each extension, none critical that this
/// verifier does not process, not a CT precertificate, the same signature algorithm inside and
/// outside the TBS, and an identity and an OIDC issuer that agree with themselves.
fn check_profile(leaf: &Certificate) -> Result<(), Error> {
    let p = &leaf.profile;
    if p.duplicate {
        return Err(Error::CertExtensionDuplicate);
    }
    if p.ct_poison {
        return Err(Error::CertIsPrecertificate);
    }
    if let Some(oid) = p.unknown_critical {
        return Err(Error::CertCriticalExtensionUnknown {
            oid: alloc::string::ToString::to_string(&oid),
        });
    }
    if p.algorithm_mismatch {
        return Err(Error::CertSignatureAlgorithmMismatch);
    }
    if leaf.san.is_none() {
        return Err(Error::CertIdentityMissing);
    }
    if leaf.fulcio_issuer.clone()?.is_none() {
        return Err(Error::CertIssuerMissing);
    }
    Ok(())
}

/// Whether `leaf` was issued by `chain[0]` of a trusted chain, and every certificate of the
/// chain is valid at each time. Returns the leaf's issuer.
pub(crate) fn chain_to<'a>(
    leaf: &Certificate,
    chain: &'a [Certificate],
    times: &[UnixTime],
    crypto: Crypto<'_>,
) -> Option<&'a Certificate> {
    let issuer = issued_by_trusted_chain(leaf, chain, crypto)?;
    chain
        .iter()
        .all(|c| times.iter().all(|t| c.validity.contains(*t)))
        .then_some(issuer)
}

/// Whether `leaf` was issued by `chain[0]`, a CA. The links inside a trusted chain were
/// checked once, when the trusted root was parsed ([`chain_links_hold`]). Times are not checked.
pub(crate) fn issued_by_trusted_chain<'a>(
    leaf: &Certificate,
    chain: &'a [Certificate],
    crypto: Crypto<'_>,
) -> Option<&'a Certificate> {
    let issuer = chain.first()?;
    (issuer.is_ca && leaf.is_issued_by(issuer, crypto)).then_some(issuer)
}

/// Whether every issuer of `chain` (each certificate after the first) is a CA: the part of
/// [`chain_links_hold`] that needs no signature check.
pub(crate) fn chain_issuers_are_cas(chain: &[Certificate]) -> bool {
    chain.iter().skip(1).all(|c| c.is_ca)
}

/// Whether each certificate of `chain` is issued by the next, and every issuer is a CA.
pub(crate) fn chain_links_hold(chain: &[Certificate]) -> bool {
    chain.windows(2).all(|pair| match pair {
        [child, parent] => parent.is_ca && child.is_issued_by(parent, Crypto::BUILTIN),
        _ => false,
    })
}

/// The identity a Fulcio certificate carries, in sigstore-go's order: the first URI SAN, else
/// the first email SAN, else the Fulcio username (an otherName of type `1.3.6.1.4.1.57264.1.7`
/// holding a UTF8String, and the only otherName). Empty names count as absent.
fn identity(names: &[GeneralName]) -> Option<String> {
    let uri = names.iter().find_map(|n| match n {
        GeneralName::UniformResourceIdentifier(uri) => Some(uri.as_str()),
        _ => None,
    });
    let email = names.iter().find_map(|n| match n {
        GeneralName::Rfc822Name(email) => Some(email.as_str()),
        _ => None,
    });
    let mut others = names.iter().filter_map(|n| match n {
        GeneralName::OtherName(other) => Some(other),
        _ => None,
    });
    let username = match (others.next(), others.next()) {
        (Some(other), None) if other.type_id == oid::FULCIO_USERNAME => {
            der::asn1::Utf8StringRef::try_from(&other.value)
                .ok()
                .map(|s| s.as_str())
        }
        _ => None,
    };
    [uri, email, username]
        .into_iter()
        .flatten()
        .find(|s| !s.is_empty())
        .map(String::from)
}

/// The serial number's DER content octets, exactly as CMS SignerIdentifiers repeat them.
fn raw_serial(tbs: &[u8]) -> Option<&[u8]> {
    let (first, rest) = asn1::read(tbs)?;
    let serial = if first.tag == 0xa0 {
        asn1::expect(rest, asn1::INTEGER)?.0
    } else {
        first
    };
    (serial.tag == asn1::INTEGER).then_some(serial.value)
}

/// The OIDC issuer: the v2 extension (DER UTF8String) or the deprecated v1 (raw bytes). A
/// certificate carrying both with different values names no issuer: `CertIssuerConflict`.
fn fulcio_issuer(exts: &[(der::asn1::ObjectIdentifier, Vec<u8>)]) -> Result<Option<String>, Error> {
    let find = |id| {
        exts.iter()
            .find(|(o, _)| *o == id)
            .map(|(_, v)| v.as_slice())
    };
    let v2 = find(oid::FULCIO_ISSUER_V2)
        .map(|v| {
            der::asn1::Utf8StringRef::from_der(v)
                .map(|s| s.as_str())
                .map_err(|_| Error::CertExtensionInvalid {
                    oid: "1.3.6.1.4.1.57264.1.8",
                })
        })
        .transpose()?;
    let v1 = find(oid::FULCIO_ISSUER_V1)
        .map(|v| {
            core::str::from_utf8(v).map_err(|_| Error::CertExtensionInvalid {
                oid: "1.3.6.1.4.1.57264.1.1",
            })
        })
        .transpose()?;
    match (v2, v1) {
        (Some(a), Some(b)) if a != b => Err(Error::CertIssuerConflict),
        (Some(s), _) | (None, Some(s)) if !s.is_empty() => Ok(Some(String::from(s))),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use alloc::vec;

    use super::*;
    use crate::trust_root::TrustedRoot;

    /// The Fulcio intermediate and root of the compiled-in production root.
    fn fulcio() -> (Certificate, Certificate) {
        let root = TrustedRoot::production().unwrap();
        let chain = &root.cas[1].chain;
        (chain[0].clone(), chain[1].clone())
    }

    #[test]
    fn real_chain_links_and_self_signature() {
        let (intermediate, root) = fulcio();
        assert!(root.is_self_signed());
        assert!(root.is_ca && intermediate.is_ca);
        assert!(!intermediate.is_self_signed());
        assert!(intermediate.is_issued_by(&root, Crypto::BUILTIN));
        assert!(!root.is_issued_by(&intermediate, Crypto::BUILTIN));
        assert!(chain_links_hold(&[intermediate.clone(), root.clone()]));
        assert!(!chain_links_hold(&[root.clone(), intermediate.clone()]));
        let mut forged = intermediate.clone();
        let last = forged.signature.len() - 2;
        forged.signature[last] ^= 1;
        assert!(!forged.is_issued_by(&root, Crypto::BUILTIN));
        let mut renamed = intermediate;
        renamed.issuer[5] ^= 1;
        assert!(!renamed.is_issued_by(&root, Crypto::BUILTIN));
    }

    #[test]
    fn a_ca_certificate_is_not_a_signing_certificate() {
        let (intermediate, _) = fulcio();
        let root = TrustedRoot::production().unwrap();
        assert_eq!(
            verify_leaf(
                &intermediate,
                &root.cas,
                &[UnixTime(1_700_000_000)],
                Crypto::BUILTIN
            )
            .unwrap_err(),
            Error::CertIsCa
        );
    }

    #[test]
    fn rejects_non_der_certificates() {
        let (intermediate, _) = fulcio();
        assert!(Certificate::from_der(&[]).is_err());
        let mut trailing = intermediate.der.clone();
        trailing.push(0);
        assert!(Certificate::from_der(&trailing).is_err());
        assert!(Certificate::from_der(&intermediate.der[..intermediate.der.len() - 1]).is_err());
        assert!(Certificate::from_der(&intermediate.der).is_ok());
    }

    #[test]
    fn fulcio_issuer_prefers_v2_and_rejects_malformed_values() {
        let v1 = (oid::FULCIO_ISSUER_V1, b"https://v1".to_vec());
        let v2 = (
            oid::FULCIO_ISSUER_V2,
            vec![
                0x0c, 0x0a, b'h', b't', b't', b'p', b's', b':', b'/', b'/', b'v', b'2',
            ],
        );
        assert_eq!(
            fulcio_issuer(core::slice::from_ref(&v1)),
            Ok(Some("https://v1".into()))
        );
        assert_eq!(
            fulcio_issuer(&[v1.clone(), v2.clone()]),
            Err(Error::CertIssuerConflict)
        );
        let v1_same = (oid::FULCIO_ISSUER_V1, b"https://v2".to_vec());
        assert_eq!(
            fulcio_issuer(&[v1_same, v2.clone()]),
            Ok(Some("https://v2".into()))
        );
        let empty = (oid::FULCIO_ISSUER_V1, Vec::new());
        assert_eq!(fulcio_issuer(&[empty]), Ok(None));
        assert_eq!(fulcio_issuer(&[]), Ok(None));
        let bad_v2 = (oid::FULCIO_ISSUER_V2, b"https://raw".to_vec());
        assert_eq!(
            fulcio_issuer(&[bad_v2]),
            Err(Error::CertExtensionInvalid {
                oid: "1.3.6.1.4.1.57264.1.8"
            })
        );
        let bad_v1 = (oid::FULCIO_ISSUER_V1, vec![0xff, 0xfe]);
        assert_eq!(
            fulcio_issuer(&[bad_v1]),
            Err(Error::CertExtensionInvalid {
                oid: "1.3.6.1.4.1.57264.1.1"
            })
        );
    }
}
