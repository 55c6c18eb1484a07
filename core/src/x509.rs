//! X.509 certificates: the fields sigstore needs, Fulcio extensions, and chain validation.

use alloc::string::String;
use alloc::vec::Vec;

use core::ops::Range;

use crate::Error;
use crate::crypto::Crypto;
use crate::crypto::PublicKey;
use crate::crypto::SigAlg;
use crate::time::UnixTime;
use crate::time::Validity;

pub(crate) mod oid;
mod parse;

/// A certificate with the fields verification reads, decoded once.
#[derive(Clone, Debug)]
pub(crate) struct Certificate {
    pub(crate) der: Vec<u8>,
    /// Where the TBSCertificate lies in `der` (kept as a range, not a second copy: the
    /// certificates of a trusted root stay in memory for the verifier's lifetime).
    tbs_range: Range<usize>,
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
    /// keyUsage is present and asserts digitalSignature.
    pub(crate) digital_signature: bool,
    pub(crate) code_signing: bool,
    pub(crate) time_stamping: bool,
    /// The extendedKeyUsage extension is critical and names timeStamping alone (RFC 3161 §2.3).
    pub(crate) time_stamping_only: bool,
    pub(crate) serial: Vec<u8>,
    pub(crate) subject_key_id: Option<Vec<u8>>,
    pub(crate) san: Option<String>,
    pub(crate) fulcio_issuer: Result<Option<String>, Error>,
    /// Each extension's OID and value, as ranges of `der`.
    extensions: Vec<(Range<usize>, Range<usize>)>,
    /// What the signing-certificate profile rejects, found while parsing.
    pub(crate) profile: Profile,
}

/// Departures from the profile of a signing certificate, recorded at parse time and checked by
/// [`verify_leaf`] (a CA or TSA certificate of the trusted root is not held to them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Profile {
    /// A critical extension this verifier does not process (RFC 5280 §4.2: must be rejected).
    pub(crate) unknown_critical: Option<String>,
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

    /// The raw value of an extension, if present.
    pub(crate) fn extension(&self, id: &[u8]) -> Option<&[u8]> {
        self.extensions().find(|(o, _)| *o == id).map(|(_, v)| v)
    }

    /// Each extension's OID (DER content octets) and raw value, in certificate order.
    pub(crate) fn extensions(&self) -> impl Iterator<Item = (&[u8], &[u8])> {
        self.extensions.iter().map(|(id, value)| {
            (
                self.der.get(id.clone()).unwrap_or_default(),
                self.der.get(value.clone()).unwrap_or_default(),
            )
        })
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
        // The algorithm the certificate names must be the issuer key's: an RSA algorithm is
        // never checked as ECDSA under an EC key.
        if alg.family != key.family() {
            return false;
        }
        key.verify(crypto, alg.hash, alg.padding, self.tbs(), &self.signature)
            .is_ok()
    }

    /// Whether the certificate names itself as issuer and verifies under its own key.
    pub(crate) fn is_self_signed(&self) -> bool {
        self.is_issued_by(self, Crypto::BUILTIN)
    }
}

/// A certificate or timestamp authority: its chain (issuing certificate first, root last).
#[derive(Clone, Debug)]
pub(crate) struct Authority {
    pub(crate) chain: Vec<Certificate>,
    pub(crate) validity: Validity,
    /// The authority's URI (empty when the root gives none): entries naming the same URI are
    /// one authority when counting independent timestamps.
    pub(crate) uri: String,
}

impl Authority {
    /// Whether two entries of the trusted root are one authority when independent timestamps
    /// are counted: the same URI, or the same chain (each certificate's key by value). Their
    /// positions in the root say nothing: one TSA listed twice is still one.
    pub(crate) fn same_as(&self, other: &Self) -> bool {
        let key = |c: &Certificate| match &c.key {
            Ok(k) => k.identity(),
            Err(_) => c.spki.clone(),
        };
        (!self.uri.is_empty() && self.uri == other.uri)
            || (self.chain.len() == other.chain.len()
                && self
                    .chain
                    .iter()
                    .zip(&other.chain)
                    .all(|(a, b)| key(a) == key(b)))
    }
}

/// Checks the Fulcio leaf against the CAs of the trusted root at every verified signing time.
/// Returns the certificate that issued the leaf (needed for the SCT's issuer key hash).
#[inline(never)] // a step of Verifier::run: its locals stay out of run's frame
pub(crate) fn verify_leaf<'a>(
    leaf: &Certificate,
    cas: &'a [Authority],
    times: &[UnixTime],
    crypto: Crypto<'_>,
) -> Result<&'a Certificate, Error> {
    if leaf.is_ca {
        return Err(Error::CertIsCa);
    }
    if !leaf.digital_signature {
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
    if let Some(oid) = &p.unknown_critical {
        return Err(Error::CertCriticalExtensionUnknown { oid: oid.clone() });
    }
    if p.algorithm_mismatch {
        return Err(Error::CertSignatureAlgorithmMismatch);
    }
    if leaf.san.is_none() {
        return Err(Error::CertIdentityMissing);
    }
    // A malformed issuer extension fails here; an absent one is the policy's to judge
    // (`CERT_ISSUER_MISSING` unless it requires no issuer, as GitHub's release identity does).
    leaf.fulcio_issuer.clone()?;
    Ok(())
}

/// Whether `leaf` was issued by a CA of a trusted chain, and every certificate of the path
/// from that CA to the chain's root is valid at each time. Returns the leaf's issuer.
///
/// The issuer is `chain[0]` for every public-good leaf; a later certificate of the chain also
/// issues, as sigstore-go builds the path with the chain's certificates as intermediates and
/// sigstore-python with them in its store: GitHub's release certificates are issued by the
/// second intermediate of its chains (`Fulcio Intermediate l1`, after `l2`).
pub(crate) fn chain_to<'a>(
    leaf: &Certificate,
    chain: &'a [Certificate],
    times: &[UnixTime],
    crypto: Crypto<'_>,
) -> Option<&'a Certificate> {
    let at = (0..chain.len()).find(|&i| {
        chain
            .get(i..)
            .is_some_and(|path| issued_by_trusted_chain(leaf, path, crypto).is_some())
    })?;
    let path = chain.get(at..)?;
    path.iter()
        .all(|c| times.iter().all(|t| c.validity.contains(*t)))
        .then(|| path.first())
        .flatten()
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
pub(crate) fn chain_links_hold(chain: &[Certificate], crypto: Crypto<'_>) -> bool {
    chain.windows(2).all(|pair| match pair {
        [child, parent] => parent.is_ca && child.is_issued_by(parent, crypto),
        _ => false,
    })
}

/// The OIDC issuer: the v2 extension (DER UTF8String) or the deprecated v1 (raw bytes). A
/// certificate carrying both with different values names no issuer: `CertIssuerConflict`.
fn fulcio_issuer(v2: Option<&[u8]>, v1: Option<&[u8]>) -> Result<Option<String>, Error> {
    let v2 = v2
        .map(|v| {
            crate::asn1::utf8_string(v).ok_or(Error::CertExtensionInvalid {
                oid: "1.3.6.1.4.1.57264.1.8",
            })
        })
        .transpose()?;
    let v1 = v1
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
        assert!(chain_links_hold(
            &[intermediate.clone(), root.clone()],
            Crypto::BUILTIN
        ));
        assert!(!chain_links_hold(
            &[root.clone(), intermediate.clone()],
            Crypto::BUILTIN
        ));
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
        let v2: &[u8] = b"\x0c\x0ahttps://v2";
        assert_eq!(
            fulcio_issuer(None, Some(b"https://v1")),
            Ok(Some("https://v1".into()))
        );
        assert_eq!(
            fulcio_issuer(Some(v2), Some(b"https://v1")),
            Err(Error::CertIssuerConflict)
        );
        assert_eq!(
            fulcio_issuer(Some(v2), Some(b"https://v2")),
            Ok(Some("https://v2".into()))
        );
        assert_eq!(fulcio_issuer(Some(v2), None), Ok(Some("https://v2".into())));
        assert_eq!(fulcio_issuer(None, Some(b"")), Ok(None));
        assert_eq!(fulcio_issuer(None, None), Ok(None));
        assert_eq!(
            fulcio_issuer(Some(b"https://raw"), None),
            Err(Error::CertExtensionInvalid {
                oid: "1.3.6.1.4.1.57264.1.8"
            })
        );
        assert_eq!(
            fulcio_issuer(None, Some(&[0xff, 0xfe])),
            Err(Error::CertExtensionInvalid {
                oid: "1.3.6.1.4.1.57264.1.1"
            })
        );
    }
}
