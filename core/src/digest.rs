//! SHA-2 digests and the incremental hasher callers use to stream large artifacts.

use sha2::Digest;

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
    /// Hashes everything `reader` yields, 64 KiB at a time, so a large artifact is never held
    /// in memory whole.
    pub fn of_reader(mut reader: impl std::io::Read) -> std::io::Result<Self> {
        let mut hasher = Sha256Hasher::new();
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
    fn known_answer() {
        assert_eq!(
            Sha256Digest::of(b"abc").to_hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(sha256(&[b"a", b"bc"]), Sha256Digest::of(b"abc").0);
    }
}
