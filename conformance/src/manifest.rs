//! The resolved manifest every binding's runner reads: one tab-separated line per case and
//! artifact mode, with absolute paths, so runners in C, Python and JavaScript need no logic of
//! their own to find files or defaults.
//!
//! Columns (`#` starts a comment line; the first comment line names the columns):
//!
//! | column | meaning |
//! | --- | --- |
//! | `id` | `<suite>/<case>` |
//! | `mode` | `artifact` (pass the bytes) or `digest` (pass only the SHA-256) |
//! | `bundle` | path of `bundle.sigstore.json` |
//! | `artifact` | path of the artifact |
//! | `digest` | lowercase hex SHA-256 of the artifact |
//! | `policy` | `identity` or `key` |
//! | `identity`, `issuer` | for `identity`; `-` otherwise |
//! | `key` | path of the PEM public key for `key`; `-` otherwise |
//! | `root` | path of the trusted root, or `production` / `staging` for a compiled-in root |
//! | `now` | Unix seconds to verify at, or `-` for the current time |
//! | `expected` | `ok` or the expected error name |

use std::fmt::Write as _;
use std::path::Path;

use crate::Case;
use crate::Expectations;
use crate::Mode;

/// The header line of the manifest.
pub const HEADER: &str =
    "# id\tmode\tbundle\tartifact\tdigest\tpolicy\tidentity\tissuer\tkey\troot\tnow\texpected";

/// Renders the manifest of the upstream cases found in `dir`.
pub fn render_upstream(dir: &Path) -> Result<String, String> {
    let cases = crate::load_upstream(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let expect = Expectations::upstream()?;
    let mut out = String::from(HEADER);
    out.push('\n');
    for case in &cases {
        let digest = crate::hash_file(&case.artifact)
            .map_err(|e| format!("{}: {e}", case.artifact.display()))?;
        for mode in [Mode::Artifact, Mode::Digest] {
            line(
                &mut out,
                case,
                mode,
                &digest.to_hex(),
                &expect.expected(case, mode),
            );
        }
    }
    Ok(out)
}

fn line(out: &mut String, case: &Case, mode: Mode, digest: &str, expected: &str) {
    let path = |p: &Path| {
        std::fs::canonicalize(p)
            .unwrap_or_else(|_| p.to_path_buf())
            .display()
            .to_string()
    };
    let (policy, identity, issuer, key) = match &case.key {
        Some(k) => ("key", "-".to_owned(), "-".to_owned(), path(k)),
        None => (
            "identity",
            case.identity.clone(),
            case.issuer.clone(),
            "-".to_owned(),
        ),
    };
    let root = case
        .trusted_root
        .as_deref()
        .map_or_else(|| "production".to_owned(), path);
    let _ = writeln!(
        out,
        "upstream/{}\t{}\t{}\t{}\t{digest}\t{policy}\t{identity}\t{issuer}\t{key}\t{root}\t-\t{expected}",
        case.name,
        mode.name(),
        path(&case.bundle),
        path(&case.artifact),
    );
}
