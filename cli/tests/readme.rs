//! The README's everyday jobs run as written: each `sh` block of "Everyday jobs" succeeds with the built `sigverify` first on `PATH`, and prints the `text` block that
//! follows it, where there is one.

use std::path::Path;
use std::process::Command;

/// The fenced blocks of the README section, as (language, body).
fn blocks(readme: &str, section: &str) -> Vec<(String, String)> {
    let start = readme.find(section).unwrap_or(readme.len());
    let rest = readme.get(start..).unwrap_or_default();
    let end = rest
        .get(section.len()..)
        .and_then(|r| {
            [r.find("\n## "), r.find("\n### ")]
                .into_iter()
                .flatten()
                .min()
        })
        .map_or(rest.len(), |i| i + section.len());
    let mut out = Vec::new();
    let mut lines = rest.get(..end).unwrap_or_default().lines();
    while let Some(line) = lines.next() {
        if let Some(lang) = line.strip_prefix("```") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            out.push((lang.to_owned(), body.join("\n") + "\n"));
        }
    }
    out
}

#[test]
fn the_everyday_jobs_run_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap_or_default();
    let found = blocks(&readme, "### Everyday jobs");
    let commands: Vec<usize> = (0..found.len()).filter(|i| found[*i].0 == "sh").collect();
    assert_eq!(commands.len(), 5, "{found:?}");
    let bin = Path::new(env!("CARGO_BIN_EXE_sigverify"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for i in commands {
        let script = &found[i].1;
        let out = Command::new("bash")
            .args(["-euo", "pipefail", "-c", script])
            .current_dir(&root)
            .env("PATH", &path)
            .output();
        let Ok(out) = out else {
            panic!("cannot run bash for {script}");
        };
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{script}{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        if let Some((lang, text)) = found.get(i + 1) {
            if lang == "text" {
                assert_eq!(stdout, *text, "{script}");
            }
        }
    }
}
