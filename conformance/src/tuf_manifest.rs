//! The TUF manifest every binding's runner reads: one tab-separated line per update stage, with
//! absolute paths, so runners need no logic of their own to find files.
//!
//! Columns (`#` starts a comment line; the first comment line names the columns):
//!
//! | column | meaning |
//! | --- | --- |
//! | `id` | `tuf-own/<name>` (generated, `conformance/tuf-vectors/`) or `tuf-real/<name>` (Sigstore's repositories) |
//! | `stage` | 1, 2, ...: the rows of one id are consecutive and in order |
//! | `anchor` | path of the trusted TUF root to start from, or `production` / `staging` for `sigverify::tuf::PRODUCTION_ROOT` / `STAGING_ROOT` |
//! | `roots` | comma-separated paths of the roots after the anchor, in order, or `-` (every stage walks from the anchor: stage 2 lists stage 1's roots and its own) |
//! | `timestamp`, `snapshot`, `targets` | paths of the metadata files |
//! | `target_files` | comma-separated `name=path` of the target files handed to the client, or `-` |
//! | `now` | Unix seconds to verify at |
//! | `expected` | `ok` or the expected error name |
//!
//! Every stage of an id starts from the same anchor; stage 2 also gets the state stage 1's
//! verified update left (rollback floors only, never trust), so every stage before the last
//! expects `ok`.

use std::fs;
use std::path::Path;
use std::path::PathBuf;

/// The header line of the TUF manifest.
pub const TUF_HEADER: &str =
    "# id\tstage\tanchor\troots\ttimestamp\tsnapshot\ttargets\ttarget_files\tnow\texpected";

/// 2026-08-22T00:00:00Z: every file of the real repositories' snapshot is current.
pub const REAL_NOW: u64 = 1_787_356_800;

/// 2026-08-28T19:25:56Z: the real production timestamp's expiry.
pub const REAL_TIMESTAMP_EXPIRES: u64 = 1_787_945_156;

/// The target files the real rows hand to the client.
pub const REAL_TARGET_FILES: [&str; 2] = ["trusted_root.json", "signing_config.v0.2.json"];

/// Where Sigstore's real TUF repositories live: `$SIGVERIFY_TUF_VECTORS`, else
/// `../shared/vectors/sigstore-tuf` beside the workspace (when it is there).
pub fn tuf_real_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SIGVERIFY_TUF_VECTORS") {
        return Some(PathBuf::from(dir));
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors/sigstore-tuf");
    dir.is_dir().then_some(dir)
}

/// One row of the TUF manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TufRow {
    /// `tuf-own/<name>` or `tuf-real/<name>`.
    pub id: String,
    /// 1, 2, ...
    pub stage: u32,
    /// A path, or `production` / `staging`.
    pub anchor: String,
    /// The roots after the trusted one, in order.
    pub roots: Vec<PathBuf>,
    /// `timestamp.json`.
    pub timestamp: PathBuf,
    /// The snapshot metadata.
    pub snapshot: PathBuf,
    /// The targets metadata.
    pub targets: PathBuf,
    /// Target files by name.
    pub target_files: Vec<(String, PathBuf)>,
    /// Unix seconds to verify at.
    pub now: u64,
    /// `ok` or an error name.
    pub expected: String,
}

impl TufRow {
    fn line(&self) -> String {
        let path = |p: &Path| {
            fs::canonicalize(p)
                .unwrap_or_else(|_| p.to_path_buf())
                .display()
                .to_string()
        };
        let list = |items: Vec<String>| {
            if items.is_empty() {
                "-".to_owned()
            } else {
                items.join(",")
            }
        };
        let anchor = match self.anchor.as_str() {
            "production" | "staging" => self.anchor.clone(),
            other => path(Path::new(other)),
        };
        format!(
            "{}\t{}\t{anchor}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            self.id,
            self.stage,
            list(self.roots.iter().map(|p| path(p)).collect()),
            path(&self.timestamp),
            path(&self.snapshot),
            path(&self.targets),
            list(
                self.target_files
                    .iter()
                    .map(|(n, p)| format!("{n}={}", path(p)))
                    .collect()
            ),
            self.now,
            self.expected,
        )
    }
}

/// Renders the whole TUF manifest: the header, the generated vectors in `own`, and the real
/// repositories in `real` when given.
pub fn render_tuf(own: &Path, real: Option<&Path>) -> Result<String, String> {
    let mut out = format!("{TUF_HEADER}\n");
    for row in own_rows(own)? {
        out.push_str(&row.line());
    }
    if let Some(real) = real {
        for row in real_rows(real)? {
            out.push_str(&row.line());
        }
    }
    Ok(out)
}

fn read_trimmed(path: &Path) -> Result<String, String> {
    fs::read_to_string(path)
        .map(|s| s.trim().to_owned())
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The entries of `dir`, sorted by name.
fn entries(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let read = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in read {
        out.push(entry.map_err(|e| format!("{}: {e}", dir.display()))?.path());
    }
    out.sort();
    Ok(out)
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The rows of the generated vectors in `dir` (folders with an `expect` file), by name.
pub fn own_rows(dir: &Path) -> Result<Vec<TufRow>, String> {
    let mut rows = Vec::new();
    for vector in entries(dir)? {
        if !vector.join("expect").is_file() {
            continue;
        }
        let name = file_name(&vector);
        let expect = read_trimmed(&vector.join("expect"))?;
        let now: u64 = read_trimmed(&vector.join("now"))?
            .parse()
            .map_err(|e| format!("{}/now: {e}", vector.display()))?;
        let mut stages: Vec<(u32, PathBuf)> = Vec::new();
        for p in entries(&vector)? {
            if let Ok(n) = file_name(&p).parse::<u32>() {
                stages.push((n, p));
            }
        }
        stages.sort();
        let last = stages.len();
        if last == 0 {
            return Err(format!("{}: no stage folder", vector.display()));
        }
        // Every update starts from the anchor, so a stage gets the roots of every stage up to
        // and including its own.
        let mut chain: Vec<PathBuf> = Vec::new();
        for (i, (n, stage)) in stages.iter().enumerate() {
            let meta = stage.join("metadata");
            let mut roots: Vec<(u64, PathBuf)> = Vec::new();
            for p in entries(&meta)? {
                let fname = file_name(&p);
                if let Some(v) = fname.strip_suffix(".root.json") {
                    let v = v
                        .parse()
                        .map_err(|_| format!("{}: not N.root.json", p.display()))?;
                    roots.push((v, p));
                }
            }
            roots.sort();
            let targets_dir = stage.join("targets");
            let target_files = if targets_dir.is_dir() {
                entries(&targets_dir)?
                    .into_iter()
                    .filter(|p| p.is_file())
                    .map(|p| (file_name(&p), p))
                    .collect()
            } else {
                Vec::new()
            };
            rows.push(TufRow {
                id: format!("tuf-own/{name}"),
                stage: *n,
                // A stage may run from an anchor of its own (`<stage>/anchor.json`).
                anchor: if stage.join("anchor.json").is_file() {
                    stage.join("anchor.json")
                } else {
                    vector.join("anchor.json")
                }
                .display()
                .to_string(),
                roots: {
                    chain.extend(roots.into_iter().map(|(_, p)| p));
                    chain.clone()
                },
                timestamp: meta.join("timestamp.json"),
                snapshot: meta.join("snapshot.json"),
                targets: meta.join("targets.json"),
                target_files,
                now,
                expected: if i + 1 == last {
                    expect.clone()
                } else {
                    "ok".to_owned()
                },
            });
        }
    }
    Ok(rows)
}

/// The version of a root metadata document, read without trusting it.
fn root_version(bytes: &[u8]) -> Option<u64> {
    let doc: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    doc.pointer("/signed/version")?.as_u64()
}

/// The rows of Sigstore's real repositories in `dir` (`production/` and `staging/`, each with
/// `metadata/root_history/N.root.json`, `metadata/{timestamp,snapshot,targets}.json` and
/// `targets/`).
pub fn real_rows(dir: &Path) -> Result<Vec<TufRow>, String> {
    const INVALID: &str = "TUF_METADATA_INVALID";
    // (name, repository, anchor: a root_history version or 0 for the compiled-in one, now,
    // expected)
    let cases: [(&str, &str, u64, u64, &str); 9] = [
        (
            "production-from-compiled-in-anchor",
            "production",
            0,
            REAL_NOW,
            "ok",
        ),
        ("production-from-root-v5", "production", 5, REAL_NOW, "ok"),
        (
            "production-from-root-v1",
            "production",
            1,
            REAL_NOW,
            INVALID,
        ),
        (
            "production-from-root-v2",
            "production",
            2,
            REAL_NOW,
            INVALID,
        ),
        (
            "production-from-root-v3",
            "production",
            3,
            REAL_NOW,
            INVALID,
        ),
        (
            "production-from-root-v4",
            "production",
            4,
            REAL_NOW,
            "TUF_THRESHOLD_NOT_MET",
        ),
        ("staging-from-root-v1", "staging", 1, REAL_NOW, "ok"),
        (
            "staging-from-compiled-in-anchor",
            "staging",
            0,
            REAL_NOW,
            "ok",
        ),
        (
            "production-timestamp-expired",
            "production",
            0,
            REAL_TIMESTAMP_EXPIRES,
            "TUF_METADATA_EXPIRED",
        ),
    ];
    let mut rows = Vec::new();
    for (name, repo, anchor_version, now, expected) in cases {
        let repo_dir = dir.join(repo);
        let meta = repo_dir.join("metadata");
        let history = meta.join("root_history");
        let (anchor, start) = if anchor_version == 0 {
            let bytes = if repo == "production" {
                sigverify::tuf::PRODUCTION_ROOT
            } else {
                sigverify::tuf::STAGING_ROOT
            };
            let v = root_version(bytes).ok_or("a compiled-in TUF root has no version")?;
            (repo.to_owned(), v)
        } else {
            let path = history.join(format!("{anchor_version}.root.json"));
            if !path.is_file() {
                return Err(format!("{}: missing", path.display()));
            }
            (path.display().to_string(), anchor_version)
        };
        let mut roots = Vec::new();
        let mut next = start + 1;
        while history.join(format!("{next}.root.json")).is_file() {
            roots.push(history.join(format!("{next}.root.json")));
            next += 1;
        }
        let mut target_files = Vec::new();
        for t in REAL_TARGET_FILES {
            let path = repo_dir.join("targets").join(t);
            if !path.is_file() {
                return Err(format!("{}: missing", path.display()));
            }
            target_files.push((t.to_owned(), path));
        }
        rows.push(TufRow {
            id: format!("tuf-real/{name}"),
            stage: 1,
            anchor,
            roots,
            timestamp: meta.join("timestamp.json"),
            snapshot: meta.join("snapshot.json"),
            targets: meta.join("targets.json"),
            target_files,
            now,
            expected: expected.to_owned(),
        });
    }
    Ok(rows)
}

/// Reads a rendered TUF manifest back into rows (comment and empty lines skipped).
pub fn parse_tuf(text: &str) -> Result<Vec<TufRow>, String> {
    let mut rows = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [
            id,
            stage,
            anchor,
            roots,
            timestamp,
            snapshot,
            targets,
            target_files,
            now,
            expected,
        ] = fields.as_slice()
        else {
            return Err(format!("not 10 columns: {line}"));
        };
        let list = |s: &str| -> Vec<String> {
            if s == "-" {
                Vec::new()
            } else {
                s.split(',').map(str::to_owned).collect()
            }
        };
        let mut files = Vec::new();
        for item in list(target_files) {
            let (name, path) = item
                .split_once('=')
                .ok_or_else(|| format!("target file without name=: {item}"))?;
            files.push((name.to_owned(), PathBuf::from(path)));
        }
        rows.push(TufRow {
            id: (*id).to_owned(),
            stage: stage.parse().map_err(|e| format!("stage {stage}: {e}"))?,
            anchor: (*anchor).to_owned(),
            roots: list(roots).into_iter().map(PathBuf::from).collect(),
            timestamp: PathBuf::from(timestamp),
            snapshot: PathBuf::from(snapshot),
            targets: PathBuf::from(targets),
            target_files: files,
            now: now.parse().map_err(|e| format!("now {now}: {e}"))?,
            expected: (*expected).to_owned(),
        });
    }
    Ok(rows)
}
