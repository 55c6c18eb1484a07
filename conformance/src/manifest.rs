//! The resolved manifest every binding's runner reads: one tab-separated line per case and
//! artifact mode, with absolute paths, so runners in C, Python and JavaScript need no logic of
//! their own to find files or defaults.
//!
//! Columns (`#` starts a comment line; the first comment line names the columns):
//!
//! | column | meaning |
//! | --- | --- |
//! | `id` | `<suite>/<case>` |
//! | `mode` | `artifact` (pass the bytes) or `digest` (pass only the digest) |
//! | `bundle` | path of `bundle.sigstore.json` |
//! | `artifact` | path of the artifact |
//! | `digest` | `ALG:HEX` digest of the artifact in the algorithm its bundle needs (`sha256:`, `sha384:` or `sha512:`; see `Bundle::artifact_hash`) |
//! | `policy` | `identity`, `key`, `identity-regexp`, `github` or `release` |
//! | `identity`, `issuer` | for `identity`; for `identity-regexp`, patterns matching the whole value; for `github`, `identity` holds `field=value` pairs of `GitHubPolicy` separated by `;` and `issuer` is `-`; for `release` (verified as `verify-release` verifies a GitHub release, the artifact as an asset named by its SHA-256 in both modes), `identity` holds `repo=OWNER/REPO;tag=TAG` and optionally `;tag_digest=HEX;trust_domain=NAME`, and `issuer` is `-`; `-` otherwise |
//! | `key` | path of the PEM public key for `key`; `-` otherwise |
//! | `root` | path of the trusted root, or `production` / `staging` for a compiled-in root |
//! | `now` | Unix seconds to verify at, or `-` for the current time |
//! | `expected` | `ok` or the expected error name |
//! | `config` | `-`, or `key=value` pairs separated by `;`: thresholds other than the public-good profile (`tlog_entries`, `signed_timestamps`, `observer_timestamps`, `certificate_timestamps`) and a managed key's validity window (`key_not_before`, `key_not_after`, Unix seconds); and files handed beside the bundle (`witness_policy`, `tlog_proof`, `log_state`, `consistency_proof`: absolute paths; see `beside.rs` for the order runners apply them in) |
//!
//! Own vectors (`own/<name>`, from `conformance/vectors/`) always carry their own trusted root
//! and a fixed `now`. Those whose policy needs `policy.json` (Fulcio extension matchers,
//! any-of/all-of) cannot be expressed in these columns and are listed only in
//! `conformance/vectors/manifest.json`.

use std::fmt::Write as _;
use std::path::Path;

use crate::Case;
use crate::Expectations;
use crate::Mode;

/// The header line of the manifest.
pub const HEADER: &str = "# id\tmode\tbundle\tartifact\tdigest\tpolicy\tidentity\tissuer\tkey\troot\tnow\texpected\tconfig";

/// Renders the manifest of the upstream cases found in `dir`.
pub fn render_upstream(dir: &Path) -> Result<String, String> {
    let cases = crate::load_upstream(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let expect = Expectations::upstream()?;
    let mut out = String::from(HEADER);
    out.push('\n');
    for case in &cases {
        let digest = crate::prefixed_digest(&case.bundle, &case.artifact)
            .map_err(|e| format!("{}: {e}", case.artifact.display()))?;
        for mode in [Mode::Artifact, Mode::Digest] {
            line(&mut out, case, mode, &digest, &expect.expected(case, mode));
        }
    }
    Ok(out)
}

/// Renders the manifest lines of the own vectors in `dir` (no header).
pub fn render_own(dir: &Path) -> Result<String, String> {
    render_folders(dir, "own")
}

/// Renders the policy rows (`policy/<name>`, no header): regular-expression and GitHub
/// policies on the examples in `examples`, as `conformance/policy-cases.tsv` lists them.
pub fn render_policy(examples: &Path, cases_file: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(cases_file)
        .map_err(|e| format!("{}: {e}", cases_file.display()))?;
    let cases = crate::load_own(examples)?;
    let mut out = String::new();
    for row in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let [name, base, policy, identity, issuer, expected] =
            row.split('\t').collect::<Vec<_>>()[..]
        else {
            return Err(format!("{}: malformed row: {row}", cases_file.display()));
        };
        if !matches!(policy, "identity-regexp" | "github") {
            return Err(format!("{name}: unknown policy kind {policy}"));
        }
        let case = cases
            .iter()
            .find(|c| c.name == base)
            .ok_or(format!("{name}: no example {base}"))?;
        let bundle = case.dir.join("bundle.sigstore.json");
        let artifact = case.dir.join("artifact");
        let digest = crate::prefixed_digest(&bundle, &artifact)
            .map_err(|e| format!("{}: {e}", artifact.display()))?;
        for mode in [Mode::Artifact, Mode::Digest] {
            let _ = writeln!(
                out,
                "policy/{name}\t{}\t{}\t{}\t{digest}\t{policy}\t{identity}\t{issuer}\t-\t{}\t{}\t{expected}\t-",
                mode.name(),
                path(&bundle),
                path(&artifact),
                case.root.column(),
                case.now,
            );
        }
    }
    Ok(out)
}

/// The policy cases file: `conformance/policy-cases.tsv`.
pub fn policy_cases_file() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("policy-cases.tsv")
}

/// Renders the manifest lines of the real-bundle examples in `dir` (no header).
pub fn render_examples(dir: &Path) -> Result<String, String> {
    render_folders(dir, "example")
}

fn render_folders(dir: &Path, suite: &str) -> Result<String, String> {
    let cases = crate::load_own(dir)?;
    let mut out = String::new();
    for case in &cases {
        let mut pairs: Vec<String> = case
            .config
            .iter()
            .flat_map(|c| c.split_whitespace())
            .map(str::to_owned)
            .collect();
        pairs.extend(crate::beside::Beside::of(&case.dir).config_pairs());
        let config = pairs.join(";");
        let config = if config.is_empty() {
            "-".to_owned()
        } else {
            config
        };
        let (policy, identity, issuer, key) = match &case.policy {
            crate::OwnPolicy::Identity(identity, issuer) => {
                ("identity", identity.clone(), issuer.clone(), "-".to_owned())
            }
            crate::OwnPolicy::Key(k) => ("key", "-".to_owned(), "-".to_owned(), path(k)),
            crate::OwnPolicy::Json(_) => continue,
            crate::OwnPolicy::Release(spec) => (
                "release",
                spec.trim().to_owned(),
                "-".to_owned(),
                "-".to_owned(),
            ),
        };
        let root = case.root.column();
        // Runners know only the two compiled-in names; other names live in manifest.json.
        if matches!(&case.root, crate::OwnRoot::Named(n) if n != "production" && n != "staging") {
            continue;
        }
        let artifact = case.dir.join("artifact");
        let digest = crate::prefixed_digest(&case.dir.join("bundle.sigstore.json"), &artifact)
            .map_err(|e| format!("{}: {e}", artifact.display()))?;
        for mode in [Mode::Artifact, Mode::Digest] {
            let _ = writeln!(
                out,
                "{suite}/{}\t{}\t{}\t{}\t{}\t{policy}\t{identity}\t{issuer}\t{key}\t{}\t{}\t{}\t{config}",
                case.name,
                mode.name(),
                path(&case.dir.join("bundle.sigstore.json")),
                path(&artifact),
                digest,
                root,
                case.now,
                case.expected(mode),
            );
        }
    }
    Ok(out)
}

fn line(out: &mut String, case: &Case, mode: Mode, digest: &str, expected: &str) {
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
        "upstream/{}\t{}\t{}\t{}\t{digest}\t{policy}\t{identity}\t{issuer}\t{key}\t{root}\t-\t{expected}\t-",
        case.name,
        mode.name(),
        path(&case.bundle),
        path(&case.artifact),
    );
}

/// A path as the manifest writes it: absolute, so runners need no base directory.
fn path(p: &Path) -> String {
    std::fs::canonicalize(p)
        .unwrap_or_else(|_| p.to_path_buf())
        .display()
        .to_string()
}
