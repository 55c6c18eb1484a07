//! Public keys and signature verification: ECDSA P-256/P-384/P-521, Ed25519, RSA PKCS#1 v1.5 and PSS.
//! All elliptic-curve and RSA crates are used here and nowhere else.

#[cfg(feature = "rsa")]
use alloc::boxed::Box;
use alloc::vec::Vec;

use signature::hazmat::PrehashVerifier;

use crate::Error;
use crate::platform::EcdsaBackend;
use crate::platform::EcdsaCheck;
use crate::platform::EcdsaDigestCheck;

pub(crate) use crate::digest::HashAlgorithm as HashAlg;

/// How an RSA key pads its signatures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RsaPadding {
    Pkcs1v15,
    Pss,
}

/// Which code checks ECDSA signatures: the core's own, or a platform backend first.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Crypto<'a> {
    backend: Option<&'a dyn EcdsaBackend>,
}

impl<'a> Crypto<'a> {
    /// The core's own pure-Rust code only.
    pub(crate) const BUILTIN: Crypto<'static> = Crypto { backend: None };

    /// `backend` first, the core's code where it answers `None`.
    pub(crate) fn with(backend: Option<&'a dyn EcdsaBackend>) -> Self {
        Self { backend }
    }

    /// Whether a platform backend is installed: it is handed whole messages, so a caller that
    /// could stream a message into the hasher builds it instead.
    pub(crate) fn has_backend(&self) -> bool {
        self.backend.is_some()
    }
}

/// What an ECDSA signature is checked over: the message, or only its digest.
#[derive(Clone, Copy, Debug)]
enum Signed<'a> {
    Message(&'a [u8]),
    Digest(&'a [u8]),
}

/// A decoded verification key.
#[derive(Clone, Debug)]
/// P-521, Ed25519 and RSA are cargo features (on by default); a build without one treats its
/// keys as [`Error::KeyAlgorithmNotBuilt`].
pub(crate) enum PublicKey {
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
    #[cfg(feature = "p521")]
    P521(p521::ecdsa::VerifyingKey),
    #[cfg(feature = "ed25519")]
    Ed25519(ed25519_dalek::VerifyingKey),
    #[cfg(feature = "rsa")]
    Rsa(Box<rsa::PublicKey>),
}

/// Why a signature did not verify; callers map this to the error of their step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BadSignature;

impl PublicKey {
    /// The kind of signature this key makes.
    pub(crate) fn family(&self) -> KeyFamily {
        match self {
            Self::P256(_) | Self::P384(_) => KeyFamily::Ecdsa,
            #[cfg(feature = "p521")]
            Self::P521(_) => KeyFamily::Ecdsa,
            #[cfg(feature = "ed25519")]
            Self::Ed25519(_) => KeyFamily::Ed25519,
            #[cfg(feature = "rsa")]
            Self::Rsa(_) => KeyFamily::Rsa,
        }
    }

    /// Decodes a DER SubjectPublicKeyInfo.
    pub(crate) fn from_spki_der(der: &[u8]) -> Result<Self, Error> {
        let spki = spki_parts(der).ok_or(Error::KeyInvalid)?;
        let raw = crate::asn1::octet_aligned_bits(spki.key).ok_or(Error::KeyInvalid)?;
        let alg = spki.algorithm;
        if alg == OID_EC_PUBLIC_KEY {
            let curve = spki
                .parameters
                .and_then(crate::asn1::read_all)
                .and_then(crate::asn1::object_id)
                .ok_or(Error::KeyInvalid)?;
            if curve == OID_P256 {
                return p256::ecdsa::VerifyingKey::from_sec1_bytes(raw)
                    .map(Self::P256)
                    .map_err(|_| Error::KeyInvalid);
            }
            if curve == OID_P384 {
                return p384::ecdsa::VerifyingKey::from_sec1_bytes(raw)
                    .map(Self::P384)
                    .map_err(|_| Error::KeyInvalid);
            }
            if curve == OID_P521 {
                return Self::p521(raw);
            }
            return Err(Error::KeyUnsupported);
        }
        if alg == OID_ED25519 {
            return Self::ed25519(raw);
        }
        if alg == OID_RSA_ENCRYPTION || alg == OID_RSA_PSS {
            return Self::rsa_spki(der);
        }
        Err(Error::KeyUnsupported)
    }

    #[cfg(feature = "p521")]
    fn p521(sec1: &[u8]) -> Result<Self, Error> {
        p521::ecdsa::VerifyingKey::from_sec1_bytes(sec1)
            .map(Self::P521)
            .map_err(|_| Error::KeyInvalid)
    }

    #[cfg(not(feature = "p521"))]
    fn p521(_: &[u8]) -> Result<Self, Error> {
        Err(Error::KeyAlgorithmNotBuilt)
    }

    /// The 32 bytes of an Ed25519 key (what a note's key id is computed over); `None` for
    /// other keys.
    #[cfg(feature = "witness")]
    pub(crate) fn ed25519_raw(&self) -> Option<[u8; 32]> {
        match self {
            #[cfg(feature = "ed25519")]
            Self::Ed25519(key) => Some(key.to_bytes()),
            _ => None,
        }
    }

    /// Decodes a raw 32-byte Ed25519 key (TUF's hex form).
    pub(crate) fn from_ed25519_raw(raw: &[u8]) -> Result<Self, Error> {
        Self::ed25519(raw)
    }

    #[cfg(feature = "ed25519")]
    fn ed25519(raw: &[u8]) -> Result<Self, Error> {
        let bytes: &[u8; 32] = raw.try_into().map_err(|_| Error::KeyInvalid)?;
        ed25519_dalek::VerifyingKey::from_bytes(bytes)
            .map(Self::Ed25519)
            .map_err(|_| Error::KeyInvalid)
    }

    #[cfg(not(feature = "ed25519"))]
    fn ed25519(_: &[u8]) -> Result<Self, Error> {
        Err(Error::KeyAlgorithmNotBuilt)
    }

    #[cfg(feature = "rsa")]
    fn rsa_spki(der: &[u8]) -> Result<Self, Error> {
        use rsa::pkcs8::DecodePublicKey;
        let key = rsa::PublicKey::from_public_key_der(der).map_err(|_| Error::KeyInvalid)?;
        Self::rsa(key)
    }

    #[cfg(not(feature = "rsa"))]
    fn rsa_spki(_: &[u8]) -> Result<Self, Error> {
        Err(Error::KeyAlgorithmNotBuilt)
    }

    /// Decodes a bare PKCS#1 `RSAPublicKey`, as some trusted roots carry for RSA CT logs.
    #[cfg(feature = "rsa")]
    pub(crate) fn from_pkcs1_rsa_der(der: &[u8]) -> Result<Self, Error> {
        use rsa::pkcs1::DecodeRsaPublicKey;
        let key = rsa::PublicKey::from_pkcs1_der(der).map_err(|_| Error::KeyInvalid)?;
        Self::rsa(key)
    }

    /// Without the `rsa` feature a PKCS#1 key is an algorithm this build leaves out.
    #[cfg(not(feature = "rsa"))]
    pub(crate) fn from_pkcs1_rsa_der(_: &[u8]) -> Result<Self, Error> {
        Err(Error::KeyAlgorithmNotBuilt)
    }

    #[cfg(feature = "rsa")]
    fn rsa(key: rsa::PublicKey) -> Result<Self, Error> {
        let bits = rsa::traits::PublicKeyParts::size(&key).saturating_mul(8);
        if !(2048..=4096).contains(&bits) {
            return Err(Error::KeyUnsupported);
        }
        Ok(Self::Rsa(Box::new(key)))
    }

    /// The key's identity: its value in one canonical encoding, so that two spellings of one
    /// key (an EC point compressed and uncompressed, an RSA modulus with a leading zero, PEM or
    /// DER) are the same key wherever keys are counted. A tag byte keeps the algorithms apart:
    /// EC points uncompressed (SEC1), Ed25519 its 32 bytes, RSA the minimal big-endian modulus
    /// and exponent, each with a two-byte length.
    pub(crate) fn identity(&self) -> Vec<u8> {
        let tagged = |tag: u8, parts: &[&[u8]]| {
            let mut out = Vec::with_capacity(1 + parts.iter().map(|p| p.len() + 2).sum::<usize>());
            out.push(tag);
            for part in parts {
                let len = u16::try_from(part.len()).unwrap_or(u16::MAX);
                out.extend_from_slice(&len.to_be_bytes());
                out.extend_from_slice(part);
            }
            out
        };
        match self {
            Self::P256(key) => tagged(1, &[key.to_sec1_point(false).as_bytes()]),
            Self::P384(key) => tagged(2, &[key.to_sec1_point(false).as_bytes()]),
            #[cfg(feature = "p521")]
            Self::P521(key) => tagged(3, &[key.to_sec1_point(false).as_bytes()]),
            #[cfg(feature = "ed25519")]
            Self::Ed25519(key) => tagged(4, &[key.as_bytes()]),
            #[cfg(feature = "rsa")]
            Self::Rsa(key) => {
                use rsa::traits::PublicKeyParts;
                let n = key.n_bytes();
                let e = key.e_bytes();
                let strip = |b: &[u8]| -> Vec<u8> {
                    let first = b.iter().position(|x| *x != 0).unwrap_or(b.len());
                    b.get(first..).unwrap_or_default().to_vec()
                };
                tagged(5, &[&strip(&n), &strip(&e)])
            }
        }
    }

    /// The hash this key signs with when nothing else says so (the protobuf specs'
    /// `PublicKeyDetails`): P-384 with SHA-384, P-521 with SHA-512, everything else with
    /// SHA-256. Ed25519 does not pre-hash; Rekor v2 logs its DSSE envelopes under SHA-512
    /// (Ed25519ph's hash), which is what this gives for it.
    pub(crate) fn default_hash(&self) -> HashAlg {
        match self {
            Self::P384(_) => HashAlg::Sha384,
            #[cfg(feature = "p521")]
            Self::P521(_) => HashAlg::Sha512,
            #[cfg(feature = "ed25519")]
            Self::Ed25519(_) => HashAlg::Sha512,
            _ => HashAlg::Sha256,
        }
    }

    /// The hashes a signature by this key may be over. Clients before 2023 (sigstore-python
    /// before 2.0 among them) signed with P-384 and P-521 certificate keys over SHA-256, which
    /// the protobuf specs keep as the deprecated `PKIX_ECDSA_P384_SHA_256` and
    /// `PKIX_ECDSA_P521_SHA_256`; sigstore-go accepts them for bundles up to v0.3 as a
    /// fallback after the default hash. `compat` asks for that fallback.
    pub(crate) fn signature_hashes(&self, compat: bool) -> &'static [HashAlg] {
        match self {
            Self::P384(_) if compat => &[HashAlg::Sha384, HashAlg::Sha256],
            Self::P384(_) => &[HashAlg::Sha384],
            #[cfg(feature = "p521")]
            Self::P521(_) if compat => &[HashAlg::Sha512, HashAlg::Sha256],
            #[cfg(feature = "p521")]
            Self::P521(_) => &[HashAlg::Sha512],
            #[cfg(feature = "ed25519")]
            Self::Ed25519(_) => &[HashAlg::Sha512],
            #[cfg(feature = "rsa")]
            Self::Rsa(_) => &[HashAlg::Sha256],
            Self::P256(_) => &[HashAlg::Sha256],
        }
    }

    /// Whether the scheme signs whole messages (Ed25519), so a digest cannot be checked.
    pub(crate) fn needs_message(&self) -> bool {
        #[cfg(feature = "ed25519")]
        return matches!(self, Self::Ed25519(_));
        #[cfg(not(feature = "ed25519"))]
        return false;
    }

    /// Verifies `sig` over `msg`, hashing with `hash` (ignored for Ed25519). ECDSA signatures
    /// are DER and go to `crypto`'s backend when there is one; RSA signatures use `padding`.
    pub(crate) fn verify(
        &self,
        crypto: Crypto<'_>,
        hash: HashAlg,
        padding: RsaPadding,
        msg: &[u8],
        sig: &[u8],
    ) -> Result<(), BadSignature> {
        #[cfg(feature = "ed25519")]
        if let Self::Ed25519(key) = self {
            return verify_ed25519(key, msg, sig);
        }
        if let Some(backend) = crypto.backend {
            if let Some(answer) = self.ask_backend(backend, hash, Signed::Message(msg), sig)? {
                return if answer { Ok(()) } else { Err(BadSignature) };
            }
        }
        self.verify_prehash(hash, padding, &hash.digest(msg), sig)
    }

    /// [`Self::verify`] over the concatenation of `pieces`. Without a platform backend (which
    /// is handed whole messages) the pieces are streamed into the hasher and never joined: on
    /// a microcontroller a joined copy of a certificate's TBS set the heap's peak.
    pub(crate) fn verify_pieces(
        &self,
        crypto: Crypto<'_>,
        hash: HashAlg,
        padding: RsaPadding,
        pieces: &[&[u8]],
        sig: &[u8],
    ) -> Result<(), BadSignature> {
        if crypto.has_backend() || self.needs_message() {
            return self.verify(crypto, hash, padding, &pieces.concat(), sig);
        }
        let mut hasher = crate::digest::Hasher::new(hash);
        for piece in pieces {
            hasher.update(piece);
        }
        self.verify_prehash(hash, padding, hasher.finalize().as_bytes(), sig)
    }

    /// Verifies `sig` over a message known only by its `hash` digest `prehash`, asking
    /// `crypto`'s backend first for ECDSA keys. Fails for Ed25519.
    pub(crate) fn verify_digest(
        &self,
        crypto: Crypto<'_>,
        hash: HashAlg,
        padding: RsaPadding,
        prehash: &[u8],
        sig: &[u8],
    ) -> Result<(), BadSignature> {
        if let Some(backend) = crypto.backend {
            if let Some(answer) = self.ask_backend(backend, hash, Signed::Digest(prehash), sig)? {
                return if answer { Ok(()) } else { Err(BadSignature) };
            }
        }
        self.verify_prehash(hash, padding, prehash, sig)
    }

    /// Hands an ECDSA check to `backend` once the core has validated the signature encoding
    /// (the key was validated when it was decoded), so every backend sees only inputs the
    /// core's own code would also have checked. `Ok(None)`: not an ECDSA key, or the backend
    /// declined.
    fn ask_backend(
        &self,
        backend: &dyn EcdsaBackend,
        hash: HashAlg,
        signed: Signed<'_>,
        sig: &[u8],
    ) -> Result<Option<bool>, BadSignature> {
        use crate::platform::Curve;
        let (curve, spki_prefix, point) = match self {
            Self::P256(key) => {
                p256::ecdsa::Signature::from_der(sig).map_err(|_| BadSignature)?;
                (
                    Curve::P256,
                    SPKI_P256_PREFIX,
                    key.to_sec1_point(false).as_bytes().to_vec(),
                )
            }
            Self::P384(key) => {
                p384::ecdsa::Signature::from_der(sig).map_err(|_| BadSignature)?;
                (
                    Curve::P384,
                    SPKI_P384_PREFIX,
                    key.to_sec1_point(false).as_bytes().to_vec(),
                )
            }
            #[cfg(feature = "p521")]
            Self::P521(key) => {
                p521::ecdsa::Signature::from_der(sig).map_err(|_| BadSignature)?;
                (
                    Curve::P521,
                    SPKI_P521_PREFIX,
                    key.to_sec1_point(false).as_bytes().to_vec(),
                )
            }
            #[cfg(feature = "ed25519")]
            Self::Ed25519(_) => return Ok(None),
            #[cfg(feature = "rsa")]
            Self::Rsa(_) => return Ok(None),
        };
        let mut spki = Vec::with_capacity(spki_prefix.len().saturating_add(point.len()));
        spki.extend_from_slice(spki_prefix);
        spki.extend_from_slice(&point);
        let hash = match hash {
            HashAlg::Sha256 => crate::platform::Hash::Sha256,
            HashAlg::Sha384 => crate::platform::Hash::Sha384,
            HashAlg::Sha512 => crate::platform::Hash::Sha512,
        };
        Ok(match signed {
            Signed::Message(message) => backend.verify(&EcdsaCheck {
                curve,
                hash,
                spki: &spki,
                point: &point,
                message,
                signature: sig,
            }),
            Signed::Digest(digest) => backend.verify_digest(&EcdsaDigestCheck {
                curve,
                hash,
                spki: &spki,
                point: &point,
                digest,
                signature: sig,
            }),
        })
    }

    /// Verifies `sig` over a message whose `hash` digest is `prehash`. Fails for Ed25519.
    pub(crate) fn verify_prehash(
        &self,
        hash: HashAlg,
        padding: RsaPadding,
        prehash: &[u8],
        sig: &[u8],
    ) -> Result<(), BadSignature> {
        // One function per algorithm, never inlined here: inlined together, their big-integer
        // temporaries shared one stack frame of over 12 KiB (measured on a Cortex-M4).
        let _ = (hash, padding);
        match self {
            Self::P256(key) => verify_p256(key, prehash, sig),
            Self::P384(key) => verify_p384(key, prehash, sig),
            #[cfg(feature = "p521")]
            Self::P521(key) => verify_p521(key, prehash, sig),
            #[cfg(feature = "ed25519")]
            Self::Ed25519(_) => Err(BadSignature),
            #[cfg(feature = "rsa")]
            Self::Rsa(key) => verify_rsa(key, hash, padding, prehash, sig),
        }
    }
}

#[inline(never)]
fn verify_p256(
    key: &p256::ecdsa::VerifyingKey,
    prehash: &[u8],
    sig: &[u8],
) -> Result<(), BadSignature> {
    let sig = p256::ecdsa::DerSignature::from_bytes(sig).map_err(|_| BadSignature)?;
    key.verify_prehash(prehash, &sig).map_err(|_| BadSignature)
}

#[inline(never)]
fn verify_p384(
    key: &p384::ecdsa::VerifyingKey,
    prehash: &[u8],
    sig: &[u8],
) -> Result<(), BadSignature> {
    let sig = p384::ecdsa::DerSignature::from_bytes(sig).map_err(|_| BadSignature)?;
    key.verify_prehash(prehash, &sig).map_err(|_| BadSignature)
}

#[cfg(feature = "p521")]
#[inline(never)]
fn verify_p521(
    key: &p521::ecdsa::VerifyingKey,
    prehash: &[u8],
    sig: &[u8],
) -> Result<(), BadSignature> {
    let sig = p521::ecdsa::DerSignature::from_bytes(sig).map_err(|_| BadSignature)?;
    key.verify_prehash(prehash, &sig).map_err(|_| BadSignature)
}

#[cfg(feature = "ed25519")]
#[inline(never)]
fn verify_ed25519(
    key: &ed25519_dalek::VerifyingKey,
    msg: &[u8],
    sig: &[u8],
) -> Result<(), BadSignature> {
    let sig = ed25519_dalek::Signature::from_slice(sig).map_err(|_| BadSignature)?;
    key.verify_strict(msg, &sig).map_err(|_| BadSignature)
}

#[cfg(feature = "rsa")]
#[inline(never)]
fn verify_rsa(
    key: &rsa::PublicKey,
    hash: HashAlg,
    padding: RsaPadding,
    prehash: &[u8],
    sig: &[u8],
) -> Result<(), BadSignature> {
    let result = match (padding, hash) {
        (RsaPadding::Pkcs1v15, HashAlg::Sha256) => {
            key.verify(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), prehash, sig)
        }
        (RsaPadding::Pkcs1v15, HashAlg::Sha384) => {
            key.verify(rsa::Pkcs1v15Sign::new::<sha2::Sha384>(), prehash, sig)
        }
        (RsaPadding::Pkcs1v15, HashAlg::Sha512) => {
            key.verify(rsa::Pkcs1v15Sign::new::<sha2::Sha512>(), prehash, sig)
        }
        (RsaPadding::Pss, HashAlg::Sha256) => {
            key.verify(rsa::Pss::<sha2::Sha256>::new(), prehash, sig)
        }
        (RsaPadding::Pss, HashAlg::Sha384) => {
            key.verify(rsa::Pss::<sha2::Sha384>::new(), prehash, sig)
        }
        (RsaPadding::Pss, HashAlg::Sha512) => {
            key.verify(rsa::Pss::<sha2::Sha512>::new(), prehash, sig)
        }
    };
    result.map_err(|_| BadSignature)
}

/// Verifies an ECDSA check given by curve and SPKI with the core's own code (see
/// [`crate::backend::verify_in_software`]); false also for a key that is not of `curve`.
pub(crate) fn verify_ecdsa_prehash(
    curve: crate::platform::Curve,
    spki: &[u8],
    hash: HashAlg,
    prehash: &[u8],
    sig: &[u8],
) -> bool {
    use crate::platform::Curve;
    let Ok(key) = PublicKey::from_spki_der(spki) else {
        return false;
    };
    let matches = match (&key, curve) {
        (PublicKey::P256(_), Curve::P256) | (PublicKey::P384(_), Curve::P384) => true,
        #[cfg(feature = "p521")]
        (PublicKey::P521(_), Curve::P521) => true,
        _ => false,
    };
    matches
        && key
            .verify_prehash(hash, RsaPadding::Pkcs1v15, prehash, sig)
            .is_ok()
}

impl From<crate::platform::Hash> for HashAlg {
    fn from(h: crate::platform::Hash) -> Self {
        match h {
            crate::platform::Hash::Sha256 => Self::Sha256,
            crate::platform::Hash::Sha384 => Self::Sha384,
            crate::platform::Hash::Sha512 => Self::Sha512,
        }
    }
}

/// The DER of a P-256 SubjectPublicKeyInfo up to its 65-byte uncompressed point: SEQUENCE,
/// AlgorithmIdentifier { id-ecPublicKey, secp256r1 }, BIT STRING header with 0 unused bits.
const SPKI_P256_PREFIX: &[u8] =
    b"\x30\x59\x30\x13\x06\x07\x2a\x86\x48\xce\x3d\x02\x01\x06\x08\x2a\x86\x48\xce\x3d\x03\x01\x07\x03\x42\x00";

/// The same for P-384 (secp384r1) and its 97-byte point.
const SPKI_P384_PREFIX: &[u8] =
    b"\x30\x76\x30\x10\x06\x07\x2a\x86\x48\xce\x3d\x02\x01\x06\x05\x2b\x81\x04\x00\x22\x03\x62\x00";

/// The same for P-521 (secp521r1) and its 133-byte point.
#[cfg(feature = "p521")]
const SPKI_P521_PREFIX: &[u8] =
    b"\x30\x81\x9b\x30\x10\x06\x07\x2a\x86\x48\xce\x3d\x02\x01\x06\x05\x2b\x81\x04\x00\x23\x03\x81\x86\x00";

/// The parts of a DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7).
pub(crate) struct SpkiParts<'a> {
    /// The algorithm's OID (content octets).
    pub(crate) algorithm: &'a [u8],
    /// The algorithm's parameters (a whole DER element), if any.
    pub(crate) parameters: Option<&'a [u8]>,
    /// The `subjectPublicKey` BIT STRING.
    pub(crate) key: crate::asn1::Tlv<'a>,
}

/// Splits a DER SubjectPublicKeyInfo filling all of `der`; `None` when it is not one.
pub(crate) fn spki_parts(der: &[u8]) -> Option<SpkiParts<'_>> {
    use crate::asn1;
    let spki = asn1::read_all(der).filter(|t| t.tag == asn1::SEQUENCE)?;
    let (alg, rest) = asn1::read(spki.value)?;
    let (algorithm, parameters) = asn1::algorithm_identifier(alg)?;
    let key = asn1::read_all(rest)?;
    asn1::bit_string(key)?;
    Some(SpkiParts {
        algorithm,
        parameters,
        key,
    })
}

/// An SPKI in canonical DER, so keys from PEM and DER compare by bytes: the input itself when
/// it is DER (the reader accepts nothing else), else `None`.
pub(crate) fn canonical_spki(der: &[u8]) -> Option<Vec<u8>> {
    spki_parts(der).map(|_| der.to_vec())
}

/// Which kind of key a signature algorithm needs: an algorithm identifier names one, and a
/// signature is checked only under a key of that kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyFamily {
    Ecdsa,
    Ed25519,
    Rsa,
}

/// A signature algorithm named by an X.509 / CMS AlgorithmIdentifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SigAlg {
    pub(crate) family: KeyFamily,
    pub(crate) hash: HashAlg,
    pub(crate) padding: RsaPadding,
}

impl SigAlg {
    /// Maps a signature algorithm OID and its parameters to key family, hash and padding.
    /// Parameters must be as the algorithm's RFC says: absent for ECDSA (RFC 5758 §3.2) and
    /// Ed25519 (RFC 8410 §3), NULL or absent for RSA PKCS #1 v1.5 (RFC 4055 §5), RSASSA-PSS
    /// parameters for PSS.
    pub(crate) fn from_oid(oid: &[u8], params: Option<&[u8]>) -> Option<Self> {
        let of = |family, hash| {
            let params_ok = match family {
                KeyFamily::Rsa => params.is_none_or(|p| p == [0x05, 0x00]),
                KeyFamily::Ecdsa | KeyFamily::Ed25519 => params.is_none(),
            };
            params_ok.then_some(Self {
                family,
                hash,
                padding: RsaPadding::Pkcs1v15,
            })
        };
        match oid {
            b"\x2a\x86\x48\xce\x3d\x04\x03\x02" => of(KeyFamily::Ecdsa, HashAlg::Sha256),
            b"\x2a\x86\x48\xce\x3d\x04\x03\x03" => of(KeyFamily::Ecdsa, HashAlg::Sha384),
            b"\x2a\x86\x48\xce\x3d\x04\x03\x04" => of(KeyFamily::Ecdsa, HashAlg::Sha512),
            b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0b" => of(KeyFamily::Rsa, HashAlg::Sha256),
            b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0c" => of(KeyFamily::Rsa, HashAlg::Sha384),
            b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0d" => of(KeyFamily::Rsa, HashAlg::Sha512),
            // Ed25519 hashes internally; the hash field is unused.
            b"\x2b\x65\x70" => of(KeyFamily::Ed25519, HashAlg::Sha512),
            b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0a" => {
                let hash = pss_hash(params?)?;
                Some(Self {
                    family: KeyFamily::Rsa,
                    hash,
                    padding: RsaPadding::Pss,
                })
            }
            _ => None,
        }
    }
}

/// RSASSA-PSS-params (RFC 4055 §3.1): reads the hash algorithm; the MGF1 hash must match it.
fn pss_hash(params: &[u8]) -> Option<HashAlg> {
    use crate::asn1;
    let seq = asn1::read_all(params)?;
    let fields = asn1::children(seq.value)?;
    let hash_field = fields.iter().find(|f| f.tag == 0xa0)?;
    let alg = asn1::read_all(hash_field.value)?;
    let (oid, _) = asn1::expect(alg.value, asn1::OID)?;
    match oid.value {
        b"\x60\x86\x48\x01\x65\x03\x04\x02\x01" => Some(HashAlg::Sha256),
        b"\x60\x86\x48\x01\x65\x03\x04\x02\x02" => Some(HashAlg::Sha384),
        b"\x60\x86\x48\x01\x65\x03\x04\x02\x03" => Some(HashAlg::Sha512),
        _ => None,
    }
}

/// RFC 5480 id-ecPublicKey `1.2.840.10045.2.1`.
const OID_EC_PUBLIC_KEY: &[u8] = b"\x2a\x86\x48\xce\x3d\x02\x01";
/// RFC 5480 secp256r1 `1.2.840.10045.3.1.7`.
const OID_P256: &[u8] = b"\x2a\x86\x48\xce\x3d\x03\x01\x07";
/// RFC 5480 secp384r1 `1.3.132.0.34`.
const OID_P384: &[u8] = b"\x2b\x81\x04\x00\x22";
/// RFC 5480 secp521r1 `1.3.132.0.35`.
const OID_P521: &[u8] = b"\x2b\x81\x04\x00\x23";
/// RFC 8410 id-Ed25519 `1.3.101.112`.
const OID_ED25519: &[u8] = b"\x2b\x65\x70";
/// RFC 8017 rsaEncryption `1.2.840.113549.1.1.1`.
const OID_RSA_ENCRYPTION: &[u8] = b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01";
/// RFC 8017 id-RSASSA-PSS `1.2.840.113549.1.1.10`.
const OID_RSA_PSS: &[u8] = b"\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0a";

#[cfg(test)]
mod tests {
    use p256::ecdsa::signature::Signer;
    use p256::pkcs8::EncodePublicKey;

    use super::*;

    #[test]
    fn pieces_verify_as_their_concatenation_with_or_without_a_backend() {
        #[derive(Debug)]
        struct Software;
        impl EcdsaBackend for Software {
            fn verify(&self, check: &EcdsaCheck<'_>) -> Option<bool> {
                Some(crate::backend::verify_in_software(check))
            }
        }
        let sk = p256::ecdsa::SigningKey::from_slice(&[2u8; 32]).unwrap();
        let spki = sk.verifying_key().to_public_key_der().unwrap();
        let key = PublicKey::from_spki_der(spki.as_bytes()).unwrap();
        let sig: p256::ecdsa::DerSignature = sk.sign(b"one two three");
        let backend = Software;
        for crypto in [Crypto::BUILTIN, Crypto::with(Some(&backend))] {
            let verify = |pieces: &[&[u8]]| {
                key.verify_pieces(
                    crypto,
                    HashAlg::Sha256,
                    RsaPadding::Pkcs1v15,
                    pieces,
                    sig.as_bytes(),
                )
            };
            assert_eq!(verify(&[b"one ", b"", b"two three"]), Ok(()));
            assert_eq!(verify(&[b"one two three"]), Ok(()));
            assert_eq!(verify(&[b"one ", b"two"]), Err(BadSignature));
        }
    }

    #[test]
    fn ecdsa_keys_verify_their_own_signatures_only() {
        let sk = p256::ecdsa::SigningKey::from_slice(&[1u8; 32]).unwrap();
        let spki = sk.verifying_key().to_public_key_der().unwrap();
        let key = PublicKey::from_spki_der(spki.as_bytes()).unwrap();
        let sig: p256::ecdsa::DerSignature = sk.sign(b"msg");
        assert_eq!(key.default_hash(), HashAlg::Sha256);
        assert_eq!(
            key.verify(
                Crypto::BUILTIN,
                HashAlg::Sha256,
                RsaPadding::Pkcs1v15,
                b"msg",
                sig.as_bytes()
            ),
            Ok(())
        );
        assert_eq!(
            key.verify(
                Crypto::BUILTIN,
                HashAlg::Sha256,
                RsaPadding::Pkcs1v15,
                b"msh",
                sig.as_bytes()
            ),
            Err(BadSignature)
        );
        let prehash = HashAlg::Sha256.digest(b"msg");
        assert_eq!(
            key.verify_prehash(
                HashAlg::Sha256,
                RsaPadding::Pkcs1v15,
                &prehash,
                sig.as_bytes()
            ),
            Ok(())
        );
        assert_eq!(
            key.verify(
                Crypto::BUILTIN,
                HashAlg::Sha256,
                RsaPadding::Pkcs1v15,
                b"msg",
                b"\x30\x00"
            ),
            Err(BadSignature)
        );

        let sk384 = p384::ecdsa::SigningKey::from_slice(&[2u8; 48]).unwrap();
        let spki384 = sk384.verifying_key().to_public_key_der().unwrap();
        let key384 = PublicKey::from_spki_der(spki384.as_bytes()).unwrap();
        let sig384: p384::ecdsa::DerSignature = sk384.sign(b"msg");
        assert_eq!(key384.default_hash(), HashAlg::Sha384);
        assert_eq!(
            key384.verify(
                Crypto::BUILTIN,
                HashAlg::Sha384,
                RsaPadding::Pkcs1v15,
                b"msg",
                sig384.as_bytes()
            ),
            Ok(())
        );
        assert_eq!(
            key384.verify(
                Crypto::BUILTIN,
                HashAlg::Sha384,
                RsaPadding::Pkcs1v15,
                b"msg",
                sig.as_bytes()
            ),
            Err(BadSignature)
        );
    }

    /// Accepts a check exactly when its SPKI and point both decode to the expected key.
    #[derive(Debug)]
    struct KeyIs(PublicKey);

    impl EcdsaBackend for KeyIs {
        fn verify(&self, check: &EcdsaCheck<'_>) -> Option<bool> {
            let from_spki = PublicKey::from_spki_der(check.spki).ok()?;
            let point_ok = match (&self.0, &from_spki) {
                (PublicKey::P256(want), PublicKey::P256(got)) => {
                    want == got && want.to_sec1_point(false).as_bytes() == check.point
                }
                (PublicKey::P384(want), PublicKey::P384(got)) => {
                    want == got && want.to_sec1_point(false).as_bytes() == check.point
                }
                _ => false,
            };
            Some(point_ok && canonical_spki(check.spki).as_deref() == Some(check.spki))
        }
    }

    /// One key written as an uncompressed and as a compressed point is one identity; another
    /// key, or the same bytes read as another algorithm, is another.
    #[test]
    fn a_key_is_identified_by_value_not_by_encoding() {
        let key = p256::ecdsa::SigningKey::from_slice(&[1u8; 32]).unwrap();
        let uncompressed = key.verifying_key().to_public_key_der().unwrap();
        let der = uncompressed.as_bytes();
        let point = key.verifying_key().to_sec1_point(true);
        let mut compressed = alloc::vec![0x30, 0x39];
        compressed.extend_from_slice(&der[2..23]);
        compressed.extend_from_slice(&[0x03, 0x22, 0x00]);
        compressed.extend_from_slice(point.as_bytes());
        assert_ne!(der, compressed.as_slice());
        let a = PublicKey::from_spki_der(der).unwrap();
        let b = PublicKey::from_spki_der(&compressed).unwrap();
        assert_eq!(a.identity(), b.identity());
        let other = p256::ecdsa::SigningKey::from_slice(&[2u8; 32]).unwrap();
        let c = PublicKey::from_spki_der(
            other
                .verifying_key()
                .to_public_key_der()
                .unwrap()
                .as_bytes(),
        )
        .unwrap();
        assert_ne!(a.identity(), c.identity());
        #[cfg(feature = "ed25519")]
        {
            let raw = [7u8; 32];
            if let Ok(ed) = PublicKey::from_ed25519_raw(&raw) {
                assert_ne!(ed.identity(), a.identity());
                assert_eq!(
                    ed.identity(),
                    PublicKey::from_ed25519_raw(&raw).unwrap().identity()
                );
            }
        }
    }

    #[test]
    fn a_backend_gets_the_key_as_canonical_spki_and_point() {
        let p256_key = p256::ecdsa::SigningKey::from_slice(&[1u8; 32]).unwrap();
        let p384_key = p384::ecdsa::SigningKey::from_slice(&[2u8; 48]).unwrap();
        let sig256: p256::ecdsa::DerSignature = p256_key.sign(b"msg");
        let sig384: p384::ecdsa::DerSignature = p384_key.sign(b"msg");
        for (spki, sig, hash) in [
            (
                p256_key.verifying_key().to_public_key_der().unwrap(),
                sig256.as_bytes().to_vec(),
                HashAlg::Sha256,
            ),
            (
                p384_key.verifying_key().to_public_key_der().unwrap(),
                sig384.as_bytes().to_vec(),
                HashAlg::Sha384,
            ),
        ] {
            let key = PublicKey::from_spki_der(spki.as_bytes()).unwrap();
            let backend = KeyIs(key.clone());
            let crypto = Crypto::with(Some(&backend));
            assert_eq!(
                key.verify(crypto, hash, RsaPadding::Pkcs1v15, b"any", &sig),
                Ok(()),
                "the backend's yes is final, and it saw the right key"
            );
        }
    }

    #[test]
    fn ed25519_needs_the_message() {
        let sk = ed25519_dalek::SigningKey::from_bytes(&[3u8; 32]);
        let mut spki = alloc::vec![
            0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
        ];
        spki.extend_from_slice(sk.verifying_key().as_bytes());
        let key = PublicKey::from_spki_der(&spki).unwrap();
        assert!(key.needs_message());
        let sig = sk.sign(b"msg").to_bytes();
        assert_eq!(
            key.verify(
                Crypto::BUILTIN,
                HashAlg::Sha256,
                RsaPadding::Pkcs1v15,
                b"msg",
                &sig
            ),
            Ok(())
        );
        assert_eq!(
            key.verify(
                Crypto::BUILTIN,
                HashAlg::Sha256,
                RsaPadding::Pkcs1v15,
                b"msX",
                &sig
            ),
            Err(BadSignature)
        );
        assert_eq!(
            key.verify_prehash(HashAlg::Sha256, RsaPadding::Pkcs1v15, &[0; 32], &sig),
            Err(BadSignature)
        );
    }

    #[test]
    fn rejects_bad_and_unsupported_keys() {
        assert_eq!(
            PublicKey::from_spki_der(b"").unwrap_err(),
            Error::KeyInvalid
        );
        assert_eq!(
            PublicKey::from_spki_der(&[0x30, 0x00]).unwrap_err(),
            Error::KeyInvalid
        );
        // secp256k1 (1.3.132.0.10) is an EC curve Sigstore does not use.
        let k1 = [
            0x30, 0x56, 0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06,
            0x05, 0x2b, 0x81, 0x04, 0x00, 0x0a, 0x03, 0x42, 0x00, 0x04,
        ];
        let mut k1 = k1.to_vec();
        k1.extend_from_slice(&[1u8; 64]);
        assert_eq!(
            PublicKey::from_spki_der(&k1).unwrap_err(),
            Error::KeyUnsupported
        );
        // A P-256 point that is not on the curve.
        let sk = p256::ecdsa::SigningKey::from_slice(&[1u8; 32]).unwrap();
        let mut spki = sk
            .verifying_key()
            .to_public_key_der()
            .unwrap()
            .as_bytes()
            .to_vec();
        let last = spki.len() - 1;
        spki[last] ^= 1;
        assert_eq!(
            PublicKey::from_spki_der(&spki).unwrap_err(),
            Error::KeyInvalid
        );
    }

    #[test]
    fn oid_constants_encode_their_documented_oids() {
        for (der, text) in [
            (OID_EC_PUBLIC_KEY, "1.2.840.10045.2.1"),
            (OID_P256, "1.2.840.10045.3.1.7"),
            (OID_P384, "1.3.132.0.34"),
            (OID_P521, "1.3.132.0.35"),
            (OID_ED25519, "1.3.101.112"),
            (OID_RSA_ENCRYPTION, "1.2.840.113549.1.1.1"),
            (OID_RSA_PSS, "1.2.840.113549.1.1.10"),
        ] {
            assert_eq!(crate::asn1::oid::to_text(der).as_deref(), Some(text));
        }
    }

    #[test]
    fn signature_algorithms_map_to_hash_and_padding() {
        let oid = |s| crate::asn1::oid::from_text(s).unwrap();
        assert_eq!(
            SigAlg::from_oid(&oid("1.2.840.10045.4.3.3"), None).map(|a| a.hash),
            Some(HashAlg::Sha384)
        );
        assert_eq!(
            SigAlg::from_oid(&oid("1.2.840.113549.1.1.11"), None).map(|a| a.padding),
            Some(RsaPadding::Pkcs1v15)
        );
        assert_eq!(
            SigAlg::from_oid(&oid("1.2.840.113549.1.1.10"), None),
            None,
            "PSS needs parameters"
        );
        assert_eq!(
            SigAlg::from_oid(&oid("1.2.840.113549.1.1.5"), None),
            None,
            "SHA-1 is refused"
        );
        let null: &[u8] = &[0x05, 0x00];
        let family = |text, params| SigAlg::from_oid(&oid(text), params).map(|a| a.family);
        assert_eq!(family("1.2.840.10045.4.3.2", None), Some(KeyFamily::Ecdsa));
        assert_eq!(
            family("1.2.840.10045.4.3.2", Some(null)),
            None,
            "ECDSA parameters are absent"
        );
        assert_eq!(family("1.2.840.113549.1.1.12", None), Some(KeyFamily::Rsa));
        assert_eq!(
            family("1.2.840.113549.1.1.12", Some(null)),
            Some(KeyFamily::Rsa)
        );
        assert_eq!(
            family("1.2.840.113549.1.1.12", Some(&[0x04, 0x00])),
            None,
            "RSA parameters are NULL or absent"
        );
        assert_eq!(family("1.3.101.112", None), Some(KeyFamily::Ed25519));
        assert_eq!(family("1.3.101.112", Some(null)), None);
    }
}
