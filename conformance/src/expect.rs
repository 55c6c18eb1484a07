//! The project-owned overlay on the upstream suite: for every upstream case, the outcome we
//! expect (`ok` or an error name), so a `_fail` case that fails for the wrong reason is caught.

use std::collections::BTreeMap;
use std::collections::BTreeSet;

use crate::Case;
use crate::Mode;

/// The overlay file, one line per case: `name<TAB>expected[<TAB>mode]`, `#` comments.
pub const UPSTREAM_EXPECT: &str = include_str!("../upstream-expect.tsv");

/// Expected outcomes, by case name and optional mode.
#[derive(Debug, Default)]
pub struct Expectations {
    by_case: BTreeMap<(String, Option<&'static str>), String>,
}

/// How one run compared with its expectation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The outcome is the expected one.
    Pass,
    /// The outcome differs.
    Mismatch {
        /// What the overlay expects.
        expected: String,
    },
}

impl Expectations {
    /// Parses the overlay text.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut by_case = BTreeMap::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let (name, expected, mode) = match fields.as_slice() {
                [name, expected] => (*name, *expected, None),
                [name, expected, "artifact"] => (*name, *expected, Some("artifact")),
                [name, expected, "digest"] => (*name, *expected, Some("digest")),
                _ => {
                    return Err(format!(
                        "upstream-expect.tsv:{}: malformed line `{line}`",
                        n + 1
                    ));
                }
            };
            if by_case
                .insert((name.to_owned(), mode), expected.to_owned())
                .is_some()
            {
                return Err(format!(
                    "upstream-expect.tsv:{}: duplicate entry for {name}",
                    n + 1
                ));
            }
        }
        Ok(Self { by_case })
    }

    /// The committed overlay (`conformance/upstream-expect.tsv`).
    pub fn upstream() -> Result<Self, String> {
        Self::parse(UPSTREAM_EXPECT)
    }

    /// What the overlay expects of `case` in `mode`. A `_fail` case with no entry expects the
    /// placeholder `<missing>`, which never matches: every failure needs a named error.
    pub fn expected(&self, case: &Case, mode: Mode) -> String {
        let key = |m| (case.name.clone(), m);
        self.by_case
            .get(&key(Some(mode.name())))
            .or_else(|| self.by_case.get(&key(None)))
            .cloned()
            .unwrap_or_else(|| {
                if case.must_fail {
                    "<missing>".into()
                } else {
                    "ok".into()
                }
            })
    }

    /// Compares one outcome (`ok` or an error name) with the expectation.
    pub fn check(&self, case: &Case, mode: Mode, outcome: &str) -> Verdict {
        let expected = self.expected(case, mode);
        if expected == outcome {
            Verdict::Pass
        } else {
            Verdict::Mismatch { expected }
        }
    }

    /// Entries that name no case in `cases`, or that contradict upstream (`ok` for `_fail`).
    pub fn problems(&self, cases: &[Case]) -> Vec<String> {
        let names: BTreeSet<&str> = cases.iter().map(|c| c.name.as_str()).collect();
        let mut out = Vec::new();
        for ((name, _), expected) in &self.by_case {
            if !names.contains(name.as_str()) {
                out.push(format!("stale overlay entry: {name}"));
            } else if name.ends_with("_fail") && expected == "ok" {
                out.push(format!(
                    "overlay expects {name} to verify, upstream says it must fail"
                ));
            } else if !name.ends_with("_fail") && expected != "ok" {
                out.push(format!(
                    "overlay expects {name} to fail, upstream says it must verify"
                ));
            }
        }
        out
    }
}
