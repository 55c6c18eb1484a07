//! The distribution file an attestation must name: its file name, read as an sdist or wheel
//! name the way Python's `packaging` reads it (PEP 503 names, PEP 440 versions, PEP 425 tag
//! sets), and its SHA-256.

use crate::sorted_map::SortedSet;
use alloc::string::String;
use alloc::vec::Vec;

use crate::Error;
use crate::Statement;
use crate::encoding;

/// A distribution file: its name (`sampleproject-1.0.0.tar.gz`,
/// `sampleproject-1.0.0-py3-none-any.whl`) and the SHA-256 of its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Distribution {
    file_name: String,
    sha256: [u8; 32],
    parsed: DistName,
}

impl Distribution {
    /// A distribution file by name and SHA-256. A name that is not an sdist (`.tar.gz`, `.zip`)
    /// or wheel name with a PEP 440 version is `PYPI_DISTRIBUTION_NAME_INVALID`.
    pub fn new(file_name: &str, sha256: [u8; 32]) -> Result<Self, Error> {
        Ok(Self {
            file_name: String::from(file_name),
            sha256,
            parsed: DistName::parse(file_name)?,
        })
    }

    /// The file name, as given.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// Checks that a verified statement attests this distribution, as `pypi-attestations`
    /// does: an in-toto v1 statement with exactly one subject, whose name parses to the same
    /// sdist or wheel (name, version, build tag, tag set) and whose `sha256` digest is the
    /// file's, with a predicate type PyPI knows. Returns that predicate type.
    pub fn check_statement(&self, statement: &Statement) -> Result<String, Error> {
        let in_toto = statement.in_toto()?;
        if in_toto.statement_type != "https://in-toto.io/Statement/v1" {
            return Err(Error::DsseStatementInvalid);
        }
        let [subject] = in_toto.subjects.as_slice() else {
            return Err(Error::PypiSubjectCount {
                found: in_toto.subjects.len(),
            });
        };
        if DistName::parse(&subject.name)? != self.parsed {
            return Err(Error::PypiDistributionNameMismatch {
                found: subject.name.clone(),
            });
        }
        let hex = encoding::hex_encode(&self.sha256);
        let named = subject
            .digests
            .iter()
            .any(|(alg, digest)| alg == "sha256" && *digest == hex);
        if !named {
            return Err(Error::PypiDistributionDigestMismatch);
        }
        let predicate_type = in_toto.predicate_type;
        if predicate_type != super::PUBLISH_V1 && predicate_type != super::SLSA_PROVENANCE_V1 {
            return Err(Error::PypiPredicateTypeUnknown {
                found: predicate_type,
            });
        }
        Ok(predicate_type)
    }
}

/// What two file names must share to name the same distribution. An sdist's archive format is
/// not part of it (`packaging` returns name and version alone).
#[derive(Clone, Debug, PartialEq, Eq)]
enum DistName {
    Sdist {
        name: String,
        version: Version,
    },
    Wheel {
        name: String,
        version: Version,
        build: Option<(u64, String)>,
        tags: [SortedSet<String>; 3],
    },
}

impl DistName {
    fn parse(file_name: &str) -> Result<Self, Error> {
        let invalid = || Error::PypiDistributionNameInvalid {
            name: String::from(file_name),
        };
        // A valid project name is ASCII letters, digits, `.`, `_` and `-` (PEP 508, as PyPI
        // enforces on upload), and tags are ASCII (PEP 425). `packaging` would also take
        // Unicode letters in a wheel's name and lowercase them as Python does; refusing them
        // keeps both names' comparison to ASCII case folding (conformance/README.md).
        if !file_name.is_ascii() {
            return Err(invalid());
        }
        if let Some(stem) = file_name.strip_suffix(".whl") {
            let dashes = stem.matches('-').count();
            if dashes != 4 && dashes != 5 {
                return Err(invalid());
            }
            let parts: Vec<&str> = stem.splitn(dashes - 1, '-').collect();
            let (name, version, rest) = match parts.as_slice() {
                [name, version, rest @ ..] => (*name, *version, rest),
                _ => return Err(invalid()),
            };
            let name_ok = !name.is_empty()
                && !name.contains("__")
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
            if !name_ok {
                return Err(invalid());
            }
            let (build, tag_text) = match rest {
                [tags] => (None, *tags),
                [build, tags] => (Some(build_tag(build).ok_or_else(invalid)?), *tags),
                _ => return Err(invalid()),
            };
            Ok(Self::Wheel {
                name: canonical_name(name),
                version: Version::parse(version).ok_or_else(invalid)?,
                build,
                tags: tag_set(tag_text).ok_or_else(invalid)?,
            })
        } else {
            let stem = file_name
                .strip_suffix(".tar.gz")
                .or_else(|| file_name.strip_suffix(".zip"))
                .ok_or_else(invalid)?;
            let (name, version) = stem.rsplit_once('-').ok_or_else(invalid)?;
            if name.is_empty() {
                return Err(invalid());
            }
            Ok(Self::Sdist {
                name: canonical_name(name),
                version: Version::parse(version).ok_or_else(invalid)?,
            })
        }
    }
}

/// PEP 503: lowercase, runs of `-`, `_` and `.` as one `-` (the name is ASCII by now).
fn canonical_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// A wheel build tag: leading digits, then anything.
fn build_tag(text: &str) -> Option<(u64, String)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let (number, rest) = text.split_at_checked(digits)?;
    Some((number.parse().ok()?, String::from(rest)))
}

/// A compressed tag set `py2.py3-none-any`: three components, each a `.`-separated set of
/// non-empty lowercase parts; interpreters are identifiers.
fn tag_set(text: &str) -> Option<[SortedSet<String>; 3]> {
    let mut components = text.split('-');
    let mut next = || -> Option<SortedSet<String>> {
        let parts: SortedSet<String> = components
            .next()?
            .split('.')
            .map(str::to_ascii_lowercase)
            .collect();
        (!parts.contains("")).then_some(parts)
    };
    let sets = [next()?, next()?, next()?];
    let identifiers = sets[0].iter().all(|i| {
        let mut chars = i.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    });
    (components.next().is_none() && identifiers).then_some(sets)
}

/// A PEP 440 version, reduced to what equality compares: epoch, release without trailing
/// zeros, pre-release (`a`, `b`, `rc`), post, dev and local segments.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Version {
    epoch: u64,
    release: Vec<u64>,
    pre: Option<(&'static str, u64)>,
    post: Option<u64>,
    dev: Option<u64>,
    local: Vec<Local>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Local {
    Number(u64),
    Text(String),
}

impl Version {
    /// Parses PEP 440's grammar in `packaging`'s permissive spelling: case-insensitive, an
    /// optional `v`, surrounding whitespace, `-`, `_` or `.` separators, alternate pre-release
    /// names (`alpha`, `beta`, `c`, `pre`, `preview`), implicit numbers.
    fn parse(text: &str) -> Option<Self> {
        let lower = text.trim().to_ascii_lowercase();
        let mut s = Cursor(lower.strip_prefix('v').unwrap_or(&lower));
        let mut epoch = 0;
        let mut first = s.number()?;
        if s.eat("!") {
            epoch = first;
            first = s.number()?;
        }
        let mut release = alloc::vec![first];
        while s.followed_by_digit('.') {
            s.eat(".");
            release.push(s.number()?);
        }
        while release.len() > 1 && release.last() == Some(&0) {
            release.pop();
        }
        let pre = s.labelled(&[
            ("alpha", "a"),
            ("a", "a"),
            ("beta", "b"),
            ("b", "b"),
            ("preview", "rc"),
            ("pre", "rc"),
            ("c", "rc"),
            ("rc", "rc"),
        ]);
        let post = if s.followed_by_digit('-') {
            s.eat("-");
            Some(s.number()?)
        } else {
            s.labelled(&[("post", ""), ("rev", ""), ("r", "")])
                .map(|(_, n)| n)
        };
        let dev = s.labelled(&[("dev", "")]).map(|(_, n)| n);
        let mut local = Vec::new();
        if s.eat("+") {
            for segment in s.0.split(['-', '_', '.']) {
                if segment.is_empty() || !segment.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    return None;
                }
                local.push(match segment.parse() {
                    Ok(n) if segment.bytes().all(|b| b.is_ascii_digit()) => Local::Number(n),
                    _ => Local::Text(String::from(segment)),
                });
            }
            s.0 = "";
        }
        s.0.is_empty().then_some(Self {
            epoch,
            release,
            pre,
            post,
            dev,
            local,
        })
    }
}

struct Cursor<'a>(&'a str);

impl Cursor<'_> {
    /// Whether `sep` comes next, then a digit.
    fn followed_by_digit(&self, sep: char) -> bool {
        self.0
            .strip_prefix(sep)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    }

    fn eat(&mut self, prefix: &str) -> bool {
        match self.0.strip_prefix(prefix) {
            Some(rest) => {
                self.0 = rest;
                true
            }
            None => false,
        }
    }

    fn number(&mut self) -> Option<u64> {
        let digits = self.0.bytes().take_while(u8::is_ascii_digit).count();
        let (number, rest) = self.0.split_at_checked(digits)?;
        self.0 = rest;
        number.parse().ok()
    }

    /// `[-_.]? label [-_.]? number?`, for the first label (in order) that follows; the
    /// number is 0 when absent. Nothing is consumed when no label follows.
    fn labelled(&mut self, labels: &[(&str, &'static str)]) -> Option<(&'static str, u64)> {
        let start = self.0;
        let after_sep = start.strip_prefix(['-', '_', '.']).unwrap_or(start);
        for (label, normal) in labels {
            let Some(rest) = after_sep.strip_prefix(label) else {
                continue;
            };
            self.0 = rest;
            let before_number = self.0;
            let _ = self.eat("-") || self.eat("_") || self.eat(".");
            if self.0.starts_with(|c: char| c.is_ascii_digit()) {
                return Some((normal, self.number()?));
            }
            self.0 = before_number;
            return Some((normal, 0));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        DistName::parse(a).unwrap() == DistName::parse(b).unwrap()
    }

    #[test]
    fn names_compare_as_packaging_parses_them() {
        assert!(same("Foo.Bar-1.0.tar.gz", "foo_bar-1.0.0.tar.gz"));
        assert!(same("foo-1.0.tar.gz", "foo-1.0.zip"));
        assert!(same(
            "foo-1.0-py3-none-any.whl",
            "Foo-1.0.0-PY3-none-ANY.whl"
        ));
        assert!(same(
            "foo-1.0-py2.py3-none-any.whl",
            "foo-1.0-py3.py2-none-any.whl"
        ));
        assert!(same(
            "foo-1.0-7a-py3-none-any.whl",
            "foo-1.0-7a-py3-none-any.whl"
        ));
        assert!(!same(
            "foo-1.0-7a-py3-none-any.whl",
            "foo-1.0-py3-none-any.whl"
        ));
        assert!(!same("foo-1.0.tar.gz", "foo-1.0-py3-none-any.whl"));
        assert!(!same("foo-1.0.tar.gz", "foo-1.1.tar.gz"));
        assert!(!same("foo-1.0.tar.gz", "fooo-1.0.tar.gz"));
        assert!(!same(
            "foo-1.0-py3-none-any.whl",
            "foo-1.0-py2-none-any.whl"
        ));
    }

    #[test]
    fn versions_follow_pep_440_normalisation() {
        let v = |s: &str| Version::parse(s).unwrap();
        assert_eq!(v("1.0"), v("1"));
        assert_eq!(v("v1.0.0"), v(" 1 "));
        assert_eq!(v("0!1.0"), v("1.0"));
        assert_ne!(v("1!1.0"), v("1.0"));
        assert_eq!(v("1.0alpha1"), v("1.0a1"));
        assert_eq!(v("1.0-beta.2"), v("1.0b2"));
        assert_eq!(v("1.0c1"), v("1.0rc1"));
        assert_eq!(v("1.0.pre"), v("1.0rc0"));
        assert_eq!(v("1.0-1"), v("1.0.post1"));
        assert_eq!(v("1.0rev"), v("1.0post0"));
        assert_eq!(v("1.0.dev"), v("1.0dev0"));
        assert_eq!(v("1.0+Ubuntu-1"), v("1.0+ubuntu.1"));
        assert_eq!(v("0.0.4a2"), v("0.0.4a2"));
        assert_ne!(v("1.0a1"), v("1.0b1"));
        assert_ne!(v("1.0+1"), v("1.0"));
        assert_ne!(v("1.0.post1"), v("1.0"));
        for bad in [
            "", "x", "1.", "1..0", "1.0+", "1.0+a..b", "1.0foo", "1-0-0", "!1", "1.0+é",
        ] {
            assert_eq!(Version::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn malformed_file_names_are_refused_by_name() {
        for bad in [
            "foo.tar.bz2",
            "foo.tar.gz",
            "-1.0.tar.gz",
            "foo-x.tar.gz",
            "foo-1.0-none-any.whl",
            "foo-1.0-1-2-py3-none-any.whl",
            "foo__bar-1.0-py3-none-any.whl",
            "f/o-1.0-py3-none-any.whl",
            "foo-1.0-x1-py3-none-any.whl",
            "foo-1.0-py3..py2-none-any.whl",
            "foo-1.0-3py-none-any.whl",
            // Unicode letters: `packaging` takes them, a valid project name does not.
            "caf\u{e9}-1.0-py3-none-any.whl",
            "caf\u{e9}-1.0.tar.gz",
            "foo-1.0-py3-none-any\u{f6}.whl",
            "",
        ] {
            assert_eq!(
                Distribution::new(bad, [0; 32]).err(),
                Some(Error::PypiDistributionNameInvalid { name: bad.into() }),
                "{bad}"
            );
        }
    }
}
