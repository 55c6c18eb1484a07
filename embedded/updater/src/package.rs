//! The update package as it sits in the staging slot: a header, then tagged sections.
//!
//! ```text
//! "SVUPDATE" | u32 LE section count | sections...
//! section: 4-byte tag | u32 LE length | bytes | zero padding to a multiple of 4
//! ```
//!
//! Tags: `SIGN` (u32 LE: which of the device's trusted signers must have signed), `IMG ` (the
//! firmware image), `BNDL` (its Sigstore bundle), and for a trusted-root update `TROT` (each
//! newer TUF root, in order), `TTIM`, `TSNP`, `TTGT` (timestamp, snapshot, targets) and
//! `TRST` (the `trusted_root.json` target). The package is untrusted input: every length is
//! checked against the slot before it is used.

/// Sections one package may hold.
const MAX_SECTIONS: u32 = 32;

/// Why a package could not be read.
pub enum PackageError {
    /// The slot does not start with the magic bytes.
    NoPackage,
    /// A length runs past the slot, or too many sections.
    Truncated,
    /// A required section is missing, or appears twice.
    Section(&'static str),
}

impl core::fmt::Display for PackageError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Self::NoPackage => f.write_str("unreadable (no SVUPDATE header)"),
            Self::Truncated => f.write_str("unreadable (a section runs past the slot)"),
            Self::Section(tag) => write!(f, "unreadable (section {tag} missing or repeated)"),
        }
    }
}

/// The sections of one package, borrowed from the slot.
#[derive(Default)]
pub struct Package<'a> {
    /// The whole package, header to last section (what an install copies).
    pub bytes: &'a [u8],
    /// How many sections it has (none: nothing is staged).
    pub sections: u32,
    pub signer: Option<u32>,
    pub image: Option<&'a [u8]>,
    pub bundle: Option<&'a [u8]>,
    pub tuf_roots: heapless_roots::Roots<'a>,
    pub tuf_timestamp: Option<&'a [u8]>,
    pub tuf_snapshot: Option<&'a [u8]>,
    pub tuf_targets: Option<&'a [u8]>,
    pub trusted_root: Option<&'a [u8]>,
}

/// A fixed list of TUF root sections (no allocation while reading the package).
pub mod heapless_roots {
    /// Root rotations one package may carry.
    pub const MAX: usize = 8;

    /// Up to [`MAX`] borrowed root files, in package order.
    #[derive(Default)]
    pub struct Roots<'a> {
        items: [&'a [u8]; MAX],
        len: usize,
    }

    impl<'a> Roots<'a> {
        /// Appends one root; false when full.
        pub fn push(&mut self, root: &'a [u8]) -> bool {
            match self.items.get_mut(self.len) {
                Some(slot) => {
                    *slot = root;
                    self.len += 1;
                    true
                }
                None => false,
            }
        }

        /// The roots, in order.
        pub fn as_slice(&self) -> &[&'a [u8]] {
            self.items.get(..self.len).unwrap_or(&[])
        }
    }
}

fn u32_at(slot: &[u8], at: usize) -> Result<u32, PackageError> {
    let bytes = slot.get(at..at + 4).ok_or(PackageError::Truncated)?;
    let mut word = [0u8; 4];
    word.copy_from_slice(bytes);
    Ok(u32::from_le_bytes(word))
}

fn once<'a>(
    field: &mut Option<&'a [u8]>,
    value: &'a [u8],
    name: &'static str,
) -> Result<(), PackageError> {
    if field.replace(value).is_some() {
        return Err(PackageError::Section(name));
    }
    Ok(())
}

impl<'a> Package<'a> {
    /// Whether the package carries any part of a TUF root update.
    #[cfg_attr(feature = "root-update", allow(dead_code))]
    pub fn carries_root_update(&self) -> bool {
        !self.tuf_roots.as_slice().is_empty()
            || self.tuf_timestamp.is_some()
            || self.tuf_snapshot.is_some()
            || self.tuf_targets.is_some()
            || self.trusted_root.is_some()
    }

    /// Reads the package at the start of `slot`.
    pub fn parse(slot: &'a [u8]) -> Result<Self, PackageError> {
        if slot.get(..8) != Some(b"SVUPDATE".as_slice()) {
            return Err(PackageError::NoPackage);
        }
        let count = u32_at(slot, 8)?;
        if count > MAX_SECTIONS {
            return Err(PackageError::Truncated);
        }
        let mut pkg = Package {
            sections: count,
            ..Package::default()
        };
        let mut at = 12usize;
        for _ in 0..count {
            let tag = slot.get(at..at + 4).ok_or(PackageError::Truncated)?;
            let len = u32_at(slot, at + 4)? as usize;
            let start = at + 8;
            let end = start.checked_add(len).ok_or(PackageError::Truncated)?;
            let body = slot.get(start..end).ok_or(PackageError::Truncated)?;
            at = end.next_multiple_of(4);
            match tag {
                b"SIGN" => {
                    if pkg.signer.replace(u32_at(body, 0)?).is_some() || len != 4 {
                        return Err(PackageError::Section("SIGN"));
                    }
                }
                b"IMG " => once(&mut pkg.image, body, "IMG ")?,
                b"BNDL" => once(&mut pkg.bundle, body, "BNDL")?,
                b"TROT" => {
                    if !pkg.tuf_roots.push(body) {
                        return Err(PackageError::Section("TROT"));
                    }
                }
                b"TTIM" => once(&mut pkg.tuf_timestamp, body, "TTIM")?,
                b"TSNP" => once(&mut pkg.tuf_snapshot, body, "TSNP")?,
                b"TTGT" => once(&mut pkg.tuf_targets, body, "TTGT")?,
                b"TRST" => once(&mut pkg.trusted_root, body, "TRST")?,
                _ => return Err(PackageError::Section("unknown tag")),
            }
        }
        pkg.bytes = slot.get(..at).ok_or(PackageError::Truncated)?;
        Ok(pkg)
    }
}
