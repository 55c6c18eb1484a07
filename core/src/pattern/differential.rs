//! The engine against regex-syntax + regex-automata's PikeVM, configured exactly as this module
//! used them before it had its own engine: on thousands of generated patterns, both accept the
//! same ones and agree on every value.

use alloc::string::String;
use alloc::vec::Vec;

use super::Pattern;
use super::oracle;
use crate::Error;
use crate::limits;

/// Compares one pattern on the given values (see [`oracle::compare`]).
fn compare(source: &str, values: &[&str]) -> Result<Option<usize>, String> {
    let bounds = oracle::Bounds {
        nesting: limits::MAX_PATTERN_NESTING,
        nfa_bytes: limits::MAX_PATTERN_NFA_BYTES,
    };
    match Pattern::new(source) {
        Ok(p) => oracle::compare(
            source,
            oracle::Ours::Compiled(&|v| p.matches(v)),
            values,
            &bounds,
        ),
        Err(Error::LimitExceeded { .. }) => {
            oracle::compare(source, oracle::Ours::OverLimit, values, &bounds)
        }
        Err(e) => oracle::compare(
            source,
            oracle::Ours::Refused(alloc::format!("{e:?}")),
            values,
            &bounds,
        ),
    }
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// Pattern pieces: atoms, classes, escapes, assertions, flags, operators, and stray
/// metacharacters so that many patterns are malformed.
const ATOMS: &[&str] = &[
    "a",
    "b",
    "A",
    "B",
    "-",
    "_",
    "1",
    " ",
    "é",
    ".",
    r"\.",
    r"\-",
    r"\n",
    r"\r",
    r"\t",
    r"\x41",
    r"\x61",
    r"\xE9",
    r"\xC3",
    r"\x{e9}",
    r"\u00E9",
    r"\u{41}",
    r"\d",
    r"\w",
    r"\s",
    r"\D",
    r"\W",
    r"\S",
    r"\b",
    r"\B",
    r"\<",
    r"\>",
    r"\b{start}",
    r"\b{end}",
    r"\b{start-half}",
    r"\b{end-half}",
    "^",
    "$",
    r"\A",
    r"\z",
    "[ab]",
    "[^a]",
    "[a-c]",
    "[A-b]",
    "[]a]",
    "[-a]",
    "[a-]",
    "[^]]",
    "[[:alpha:]]",
    "[[:^lower:]]",
    "[[:word:]-]",
    "[a-z&&[^b]]",
    r"[\w--b]",
    "[a~~b-c]",
    "[&&a]",
    "[a&&]",
    "[--a]",
    "[a-b-c]",
    r"[\x00-\x7F]",
    r"[\xC3\xA9]",
    r"[\n\r]",
    "[é]",
    "[z-a]",
    r"[\d-z]",
    "[[a]b]",
    "[^[^a]]",
    "[ a]",
    "[#]",
    "[a#\n]",
    r"\p{L}",
    r"\1",
    r"\e",
    r"\%",
    r"\ ",
    r"\#",
    r"\é",
    "]",
    "}",
    "#",
    "\n",
    "\r",
    "(?i)",
    "(?-i)",
    "(?m)",
    "(?s)",
    "(?R)",
    "(?x)",
    "(?U)",
    "(?-u)",
    "(?u)",
    "(?i-s)",
    "(?ii)",
    "(?-)",
    "(?)",
    "(?z)",
];
const OPENERS: &[&str] = &[
    "(", "(?:", "(?i:", "(?x:", "(?-i:", "(?P<n>", "(?<m>", "(?P<n>", "(?=", "(?<", "(?sm:",
];
const POSTFIX: &[&str] = &[
    "*",
    "+",
    "?",
    "*?",
    "+?",
    "??",
    "{2}",
    "{1,2}",
    "{0,}",
    "{,2}",
    "{2,1}",
    "{ 1 }",
    "{1",
    "{a}",
    "{0}",
    "{1,2}?",
    "**",
    "{99999999999}",
];
const VALUES: &[&str] = &[
    "a", "b", "A", "B", "-", "_", "1", " ", "é", "\n", "\r", ".", "#", "]", "}",
];

fn pattern(rng: &mut Rng, depth: u32) -> String {
    let mut out = String::new();
    for _ in 0..1 + rng.below(4) {
        match rng.below(10) {
            0..=4 => out.push_str(rng.pick(ATOMS)),
            5 if depth < 3 => {
                out.push_str(rng.pick(OPENERS));
                out.push_str(&pattern(rng, depth + 1));
                // Now and then leave the group open, or close one that is not.
                if rng.below(12) != 0 {
                    out.push(')');
                }
            }
            6 => out.push('|'),
            7 => out.push_str(rng.pick(POSTFIX)),
            8 if rng.below(4) == 0 => out.push_str(rng.pick(&[")", "(", "[", "\\", "{", "|"])),
            _ => {
                out.push_str(rng.pick(ATOMS));
                out.push_str(rng.pick(POSTFIX));
            }
        }
    }
    out
}

fn value(rng: &mut Rng) -> String {
    let mut out = String::new();
    for _ in 0..rng.below(6) {
        out.push_str(rng.pick(VALUES));
    }
    out
}

/// A value made of the pattern's own characters (minus most metacharacters), so that values
/// which match are common.
fn value_like(rng: &mut Rng, source: &str) -> String {
    let chars: Vec<char> = source
        .chars()
        .filter(|c| !"()[]{}*+?|\\^$".contains(*c))
        .collect();
    let mut out = String::new();
    if chars.is_empty() {
        return out;
    }
    for _ in 0..rng.below(8) {
        if rng.below(5) == 0 {
            out.push_str(rng.pick(VALUES));
        } else {
            out.push(chars[rng.below(chars.len())]);
        }
    }
    out
}

#[test]
fn the_engine_agrees_with_regex_automata_on_generated_patterns() {
    let mut rng = Rng(0x5EED_0F51_6700_u64);
    let (mut accepted, mut total, mut matched) = (0, 0, 0);
    let mut failures = Vec::new();
    for _ in 0..20_000 {
        let source = pattern(&mut rng, 0);
        let mut values: Vec<String> = (0..8).map(|_| value(&mut rng)).collect();
        values.extend((0..8).map(|_| value_like(&mut rng, &source)));
        let refs: Vec<&str> = values.iter().map(String::as_str).collect();
        total += 1;
        match compare(&source, &refs) {
            Ok(Some(m)) => {
                accepted += 1;
                matched += m;
            }
            Ok(None) => {}
            Err(e) => failures.push(e),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} disagree:\n{}",
        failures.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    std::eprintln!("{accepted} of {total} patterns accepted by both; {matched} values matched");
    // Accepted and refused patterns, matching and failing values, are all well represented.
    assert!(
        accepted > total / 4 && accepted < total * 9 / 10,
        "{accepted} of {total}"
    );
    assert!(matched > accepted, "{matched} matches");
}

#[test]
fn the_engine_agrees_with_regex_automata_on_chosen_corners() {
    let corners = [
        "a|ab",
        "(a|ab)(c|bcd)",
        "(?i)[^a]",
        "(?i)[a--A]",
        "(?i)[[:^lower:]]",
        "[^\\x00-\\xFF]",
        "(?x) a b # c\n d",
        "(?x)[a b]",
        "(?x)[a - c]",
        "(?x)a{ 1 , 2 }",
        "a{ 2 }",
        "(?x)\\x 4 1",
        "(?x)[a-#x\n]",
        "(?x)[a -#x\n b]",
        "(?m)^a$\\n^b$",
        "(?mR)^a$\\r\\n^b$",
        "(?R).",
        "(?s).",
        "\\b{5}",
        "\\b{ 5}",
        "(?x)\\b{ start }",
        "()*",
        "(?:)*",
        "(a*)*b",
        "(a|)+",
        "x{0}",
        "x{0,0}",
        "(?i)é",
        "(?i)\\xE9",
        "\\xE9",
        "[\\xE9]",
        "\\x{E9}",
        "[\\x{E9}]",
        "\\u{10FFFF}",
        "\\u{110000}",
        "\\uD800",
        "(?P<a>x)(?P<a>y)",
        "(?P<a.b[1]>x)",
        "(?<é>x)",
        "(?P<1>x)",
        "[[:alpha:][:digit:]]",
        "[[:foo:]]",
        "[[:alpha:]",
        "[a&&&&b]",
        "[a--b--c]",
        "[a~~~b]",
        "\\ ",
        "\\\n",
        "a**",
        "a{2}{3}",
        "(?i)*",
        "x(?i)*",
        "(?i)(?-i:a)A",
        "a(?i)b|c",
    ];
    let values = [
        "",
        "a",
        "ab",
        "abc",
        "b",
        "A",
        "é",
        "x",
        "\n",
        "a\nb",
        "a\r\nb",
        "\r",
        "ba",
        "aab",
        "xy",
        "aA",
        "AA",
        "-",
        "#",
        " ",
        "5",
        "\u{10FFFF}",
    ];
    for source in corners {
        if let Err(e) = compare(source, &values) {
            panic!("{e}");
        }
    }
}
