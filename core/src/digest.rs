//! SHA-2 digests and the incremental hashers callers use to stream large artifacts.

use alloc::vec::Vec;

use sha2::Digest as _;

/// A hash function of the SHA-2 family, as bundles, log entries and in-toto subjects name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HashAlgorithm {
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl HashAlgorithm {
    /// Every algorithm, in the order [`Digest::parse_prefixed`] and the bindings list them.
    pub const ALL: [Self; 3] = [Self::Sha256, Self::Sha384, Self::Sha512];

    /// The lowercase name used by in-toto subjects, Rekor v1 bodies and `ALG:HEX` digests
    /// (`sha256`, `sha384`, `sha512`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Sha256 => "sha256",
            Self::Sha384 => "sha384",
            Self::Sha512 => "sha512",
        }
    }

    /// The protobuf `HashAlgorithm` name (`SHA2_256`, ...), used by bundles and Rekor v2.
    pub fn proto_name(self) -> &'static str {
        match self {
            Self::Sha256 => "SHA2_256",
            Self::Sha384 => "SHA2_384",
            Self::Sha512 => "SHA2_512",
        }
    }

    /// Parses a lowercase name (`sha384`).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Parses a protobuf name (`SHA2_384`).
    pub fn from_proto_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.proto_name() == name)
    }

    /// The digest length in bytes.
    pub fn output_len(self) -> usize {
        match self {
            Self::Sha256 => 32,
            Self::Sha384 => 48,
            Self::Sha512 => 64,
        }
    }

    /// Hashes `msg` into a byte vector.
    pub(crate) fn digest(self, msg: &[u8]) -> Vec<u8> {
        Digest::of(self, msg).as_bytes().to_vec()
    }
}

/// A digest of an artifact in one of the supported algorithms (what digest-mode verification
/// takes, e.g. from a [`Hasher`] over a stream).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Digest {
    /// A SHA-256 digest.
    Sha256([u8; 32]),
    /// A SHA-384 digest.
    Sha384([u8; 48]),
    /// A SHA-512 digest.
    Sha512([u8; 64]),
}

impl Digest {
    /// Hashes `data` with `alg` in one call.
    pub fn of(alg: HashAlgorithm, data: &[u8]) -> Self {
        let mut h = Hasher::new(alg);
        h.update(data);
        h.finalize()
    }

    /// A digest from its algorithm and bytes; `None` when the length is not the algorithm's.
    pub fn from_bytes(alg: HashAlgorithm, bytes: &[u8]) -> Option<Self> {
        Some(match alg {
            HashAlgorithm::Sha256 => Self::Sha256(bytes.try_into().ok()?),
            HashAlgorithm::Sha384 => Self::Sha384(bytes.try_into().ok()?),
            HashAlgorithm::Sha512 => Self::Sha512(bytes.try_into().ok()?),
        })
    }

    /// Parses `ALG:HEX` (`sha256:`, `sha384:` or `sha512:` and the digest in hex of either
    /// case), the form the CLI and the bindings accept.
    pub fn parse_prefixed(s: &str) -> Option<Self> {
        let (name, hex) = s.split_once(':')?;
        match HashAlgorithm::from_name(name)? {
            HashAlgorithm::Sha256 => crate::encoding::hex_decode::<32>(hex).map(Self::Sha256),
            HashAlgorithm::Sha384 => crate::encoding::hex_decode::<48>(hex).map(Self::Sha384),
            HashAlgorithm::Sha512 => crate::encoding::hex_decode::<64>(hex).map(Self::Sha512),
        }
    }

    /// The algorithm.
    pub fn algorithm(&self) -> HashAlgorithm {
        match self {
            Self::Sha256(_) => HashAlgorithm::Sha256,
            Self::Sha384(_) => HashAlgorithm::Sha384,
            Self::Sha512(_) => HashAlgorithm::Sha512,
        }
    }

    /// The digest bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Sha256(d) => d,
            Self::Sha384(d) => d,
            Self::Sha512(d) => d,
        }
    }

    /// `ALG:HEX` in lowercase.
    pub fn to_prefixed_hex(&self) -> alloc::string::String {
        alloc::format!(
            "{}:{}",
            self.algorithm().name(),
            crate::encoding::hex_encode(self.as_bytes())
        )
    }
}

impl From<Sha256Digest> for Digest {
    fn from(d: Sha256Digest) -> Self {
        Self::Sha256(d.0)
    }
}

/// Incremental hashing with any [`HashAlgorithm`].
#[derive(Clone, Debug)]
pub struct Hasher(HasherState);

#[derive(Clone, Debug)]
enum HasherState {
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl Hasher {
    /// A hasher over the empty input.
    pub fn new(alg: HashAlgorithm) -> Self {
        Self(match alg {
            HashAlgorithm::Sha256 => HasherState::Sha256(sha2::Sha256::new()),
            HashAlgorithm::Sha384 => HasherState::Sha384(sha2::Sha384::new()),
            HashAlgorithm::Sha512 => HasherState::Sha512(sha2::Sha512::new()),
        })
    }

    /// Feeds the next chunk.
    pub fn update(&mut self, chunk: &[u8]) {
        match &mut self.0 {
            HasherState::Sha256(h) => h.update(chunk),
            HasherState::Sha384(h) => h.update(chunk),
            HasherState::Sha512(h) => h.update(chunk),
        }
    }

    /// The digest of everything fed so far.
    pub fn finalize(self) -> Digest {
        match self.0 {
            HasherState::Sha256(h) => Digest::Sha256(h.finalize().into()),
            HasherState::Sha384(h) => Digest::Sha384(h.finalize().into()),
            HasherState::Sha512(h) => Digest::Sha512(h.finalize().into()),
        }
    }
}

#[cfg(feature = "std")]
impl Digest {
    /// Hashes everything `reader` yields with `alg`, reading it once, 64 KiB at a time, so a
    /// large artifact is never held in memory whole (the bundle names the one hash it needs:
    /// [`crate::Bundle::artifact_hash`]).
    pub fn of_reader(mut reader: impl std::io::Read, alg: HashAlgorithm) -> std::io::Result<Self> {
        let mut hasher = Hasher::new(alg);
        let mut buf = alloc::vec![0u8; 64 * 1024];
        loop {
            let n = reader.read(&mut buf)?;
            if n == 0 {
                return Ok(hasher.finalize());
            }
            hasher.update(buf.get(..n).unwrap_or_default());
        }
    }
}

/// A SHA-256 digest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sha256Digest(pub [u8; 32]);

impl Sha256Digest {
    /// Hashes `data` in one call.
    pub fn of(data: &[u8]) -> Self {
        Self(sha2::Sha256::digest(data).into())
    }

    /// Parses `sha256:<64 hex digits>` (either case), the form the CLI and bindings accept.
    pub fn parse_prefixed(s: &str) -> Option<Self> {
        let hex = s.strip_prefix("sha256:")?;
        crate::encoding::hex_decode::<32>(hex).map(Self)
    }

    /// The digest as lowercase hex.
    pub fn to_hex(&self) -> alloc::string::String {
        crate::encoding::hex_encode(&self.0)
    }
}

/// Incremental SHA-256 over an artifact too large to hold in memory.
///
/// ```
/// let mut h = sigverify::Sha256Hasher::new();
/// h.update(b"hello ");
/// h.update(b"world");
/// assert_eq!(h.finalize(), sigverify::Sha256Digest::of(b"hello world"));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Sha256Hasher(sha2::Sha256);

impl Sha256Hasher {
    /// A hasher over the empty input.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds the next chunk.
    pub fn update(&mut self, chunk: &[u8]) {
        self.0.update(chunk);
    }

    /// The digest of everything fed so far.
    pub fn finalize(self) -> Sha256Digest {
        Sha256Digest(self.0.finalize().into())
    }
}

#[cfg(feature = "std")]
impl Sha256Digest {
    /// Hashes everything `reader` yields with SHA-256 ([`Digest::of_reader`]).
    pub fn of_reader(reader: impl std::io::Read) -> std::io::Result<Self> {
        match Digest::of_reader(reader, HashAlgorithm::Sha256)? {
            Digest::Sha256(d) => Ok(Self(d)),
            _ => Err(std::io::Error::other("SHA-256 hasher gave another digest")),
        }
    }
}

/// SHA-256 of the concatenation of `parts`.
pub(crate) fn sha256(parts: &[&[u8]]) -> [u8; 32] {
    let mut h = sha2::Sha256::new();
    for p in parts {
        h.update(p);
    }
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_prefixed_digest() {
        let hex = "a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf";
        let d = Sha256Digest::parse_prefixed(&alloc::format!("sha256:{hex}")).unwrap();
        assert_eq!(d.to_hex(), hex);
        assert_eq!(Sha256Digest::parse_prefixed(hex), None);
        assert_eq!(Sha256Digest::parse_prefixed("sha256:abcd"), None);
    }

    #[cfg(feature = "std")]
    #[test]
    fn reader_digest_equals_one_shot_digest() {
        let data = alloc::vec![7u8; 200_000];
        assert_eq!(
            Sha256Digest::of_reader(&data[..]).unwrap(),
            Sha256Digest::of(&data)
        );
        assert_eq!(
            Sha256Digest::of_reader(&[][..]).unwrap(),
            Sha256Digest::of(b"")
        );
    }

    #[test]
    fn parses_every_prefixed_algorithm() {
        for alg in HashAlgorithm::ALL {
            let d = Digest::of(alg, b"abc");
            assert_eq!(d.as_bytes().len(), alg.output_len());
            assert_eq!(Digest::parse_prefixed(&d.to_prefixed_hex()), Some(d));
            assert_eq!(Digest::from_bytes(alg, d.as_bytes()), Some(d));
            assert_eq!(HashAlgorithm::from_proto_name(alg.proto_name()), Some(alg));
        }
        let short = alloc::format!("sha384:{}", Sha256Digest::of(b"abc").to_hex());
        assert_eq!(Digest::parse_prefixed(&short), None);
        assert_eq!(Digest::parse_prefixed("md5:00"), None);
        assert_eq!(
            Digest::of(HashAlgorithm::Sha512, b"abc").to_prefixed_hex(),
            "sha512:ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
    }

    #[cfg(feature = "std")]
    #[test]
    fn a_streamed_digest_equals_the_one_shot_digest_in_every_algorithm() {
        let data = alloc::vec![3u8; 150_000];
        for alg in HashAlgorithm::ALL {
            assert_eq!(
                Digest::of_reader(&data[..], alg).unwrap(),
                Digest::of(alg, &data)
            );
        }
    }

    #[test]
    fn known_answer() {
        assert_eq!(
            Sha256Digest::of(b"abc").to_hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(sha256(&[b"a", b"bc"]), Sha256Digest::of(b"abc").0);
    }
}
