//! Sets of bytes: what one step of a pattern may consume, and the named classes (`\d`, `\w`,
//! `\s`, `[[:alpha:]]`, `.`) as regex-syntax defines them with Unicode off: ASCII only, over
//! bytes.

/// A set of bytes, one bit per value. 32 bytes whatever the class, so a program's size is a
/// count of instructions and matching a byte is one bit test.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(super) struct ByteSet([u64; 4]);

impl ByteSet {
    /// No byte at all: what `[a&&b]` denotes (a class that matches nothing is valid syntax).
    pub(super) const EMPTY: Self = Self([0; 4]);
    /// Every byte: `(?s).`.
    pub(super) const ALL: Self = Self([u64::MAX; 4]);

    /// The bytes `lo..=hi` (nothing when `lo > hi`).
    pub(super) fn range(lo: u8, hi: u8) -> Self {
        let mut set = Self::EMPTY;
        for b in lo..=hi {
            set.insert(b);
        }
        set
    }

    /// The single byte `b`.
    pub(super) fn byte(b: u8) -> Self {
        Self::range(b, b)
    }

    pub(super) fn insert(&mut self, b: u8) {
        if let Some(word) = self.0.get_mut(usize::from(b >> 6)) {
            *word |= 1u64 << (b & 63);
        }
    }

    pub(super) fn contains(&self, b: u8) -> bool {
        self.0
            .get(usize::from(b >> 6))
            .is_some_and(|word| word & (1u64 << (b & 63)) != 0)
    }

    fn zip(self, other: Self, f: impl Fn(u64, u64) -> u64) -> Self {
        let [a0, a1, a2, a3] = self.0;
        let [b0, b1, b2, b3] = other.0;
        Self([f(a0, b0), f(a1, b1), f(a2, b2), f(a3, b3)])
    }

    pub(super) fn union(self, other: Self) -> Self {
        self.zip(other, |a, b| a | b)
    }

    pub(super) fn intersect(self, other: Self) -> Self {
        self.zip(other, |a, b| a & b)
    }

    pub(super) fn difference(self, other: Self) -> Self {
        self.zip(other, |a, b| a & !b)
    }

    pub(super) fn symmetric_difference(self, other: Self) -> Self {
        self.zip(other, |a, b| a ^ b)
    }

    pub(super) fn complement(self) -> Self {
        Self::ALL.difference(self)
    }

    /// Adds the other case of every ASCII letter in the set: regex-syntax's simple case folding
    /// of a byte class, which knows no letters beyond ASCII.
    pub(super) fn fold_ascii_case(self) -> Self {
        let mut out = self;
        for b in b'a'..=b'z' {
            let upper = b.to_ascii_uppercase();
            if self.contains(b) || self.contains(upper) {
                out.insert(b);
                out.insert(upper);
            }
        }
        out
    }
}

/// Whether `b` is a word byte for `\w` and `\b`: `[0-9A-Za-z_]`.
pub(super) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn ranges(list: &[(u8, u8)]) -> ByteSet {
    list.iter().fold(ByteSet::EMPTY, |set, &(lo, hi)| {
        set.union(ByteSet::range(lo, hi))
    })
}

/// The POSIX class `[[:name:]]`, as regex-syntax spells and bounds each one; `None` for a
/// name it does not know (the bracket then parses as an ordinary nested class).
pub(super) fn ascii_class(name: &str) -> Option<ByteSet> {
    let list: &[(u8, u8)] = match name {
        "alnum" => &[(b'0', b'9'), (b'A', b'Z'), (b'a', b'z')],
        "alpha" => &[(b'A', b'Z'), (b'a', b'z')],
        "ascii" => &[(0x00, 0x7F)],
        "blank" => &[(b'\t', b'\t'), (b' ', b' ')],
        "cntrl" => &[(0x00, 0x1F), (0x7F, 0x7F)],
        "digit" => &[(b'0', b'9')],
        "graph" => &[(b'!', b'~')],
        "lower" => &[(b'a', b'z')],
        "print" => &[(b' ', b'~')],
        "punct" => &[(b'!', b'/'), (b':', b'@'), (b'[', b'`'), (b'{', b'~')],
        "space" => &[(b'\t', b'\r'), (b' ', b' ')],
        "upper" => &[(b'A', b'Z')],
        "word" => &[(b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')],
        "xdigit" => &[(b'0', b'9'), (b'A', b'F'), (b'a', b'f')],
        _ => return None,
    };
    Some(ranges(list))
}

/// The Perl class of `\d \s \w \D \S \W` (ASCII; the upper-case forms are complements over
/// all bytes, as regex-syntax makes them when UTF-8 is not required).
pub(super) fn perl_class(letter: char) -> Option<ByteSet> {
    let (name, negated) = match letter {
        'd' => ("digit", false),
        's' => ("space", false),
        'w' => ("word", false),
        'D' => ("digit", true),
        'S' => ("space", true),
        'W' => ("word", true),
        _ => return None,
    };
    let set = ascii_class(name)?;
    Some(if negated { set.complement() } else { set })
}
