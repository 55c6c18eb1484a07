//! Writes vectors in the upstream folder format (plus `expect`, `README`, `now` and optional
//! `policy.json`) and the JSON manifest that lists them all.

use std::fs;
use std::path::Path;

use serde_json::Value;
use serde_json::json;

use super::pki::Res;
use super::sigstore::Built;
use super::sigstore::PolicySpec;

/// One finished vector.
#[derive(Clone, Debug)]
pub struct Vector {
    /// Folder name (unique, `[a-z0-9-]`).
    pub name: String,
    /// One line: what was changed from the happy path.
    pub readme: String,
    /// The files.
    pub built: Built,
    /// Expected outcome with the artifact bytes: `ok` or an error name.
    pub expect: String,
    /// Expected outcome with only the digest.
    pub expect_digest: String,
    /// Thresholds other than the default `Config`, as `key=value` pairs separated by spaces
    /// (`tlog_entries=2`); empty for the default.
    pub config: String,
    /// For a vector that verifies: the items it must skip, as [`crate::skipped_lines`] names
    /// them (`timestamp 0 TIMESTAMP_IMPRINT_MISMATCH`).
    pub skipped: Vec<String>,
}

/// Every file of one vector, by name, in a fixed order.
pub fn files(v: &Vector) -> Vec<(String, Vec<u8>)> {
    let b = &v.built;
    let mut out = vec![
        ("README".to_owned(), format!("{}\n", v.readme).into_bytes()),
        ("artifact".to_owned(), b.artifact.clone()),
        (
            "bundle.sigstore.json".to_owned(),
            b.bundle.clone().into_bytes(),
        ),
        ("expect".to_owned(), format!("{}\n", v.expect).into_bytes()),
        ("now".to_owned(), format!("{}\n", b.now).into_bytes()),
    ];
    match b.root_name.as_deref() {
        None => out.push(("trusted_root.json".to_owned(), b.root.clone().into_bytes())),
        Some("production") => {}
        Some(name) => out.push((
            "trusted_root.name".to_owned(),
            format!("{name}\n").into_bytes(),
        )),
    }
    if v.expect_digest != v.expect {
        out.push((
            "expect.digest".to_owned(),
            format!("{}\n", v.expect_digest).into_bytes(),
        ));
    }
    if !v.config.is_empty() {
        out.push(("config".to_owned(), format!("{}\n", v.config).into_bytes()));
    }
    if !v.skipped.is_empty() {
        out.push((
            "skipped".to_owned(),
            format!("{}\n", v.skipped.join("\n")).into_bytes(),
        ));
    }
    match &b.policy {
        PolicySpec::Identity(identity, issuer) => {
            out.push(("identity".to_owned(), format!("{identity}\n").into_bytes()));
            out.push(("issuer".to_owned(), format!("{issuer}\n").into_bytes()));
        }
        PolicySpec::Key(pem) => out.push(("key.pub".to_owned(), pem.clone().into_bytes())),
        PolicySpec::Json(policy) => out.push((
            "policy.json".to_owned(),
            super::json::pretty(policy).into_bytes(),
        )),
        PolicySpec::Release(spec) => {
            out.push(("release".to_owned(), format!("{spec}\n").into_bytes()))
        }
    }
    for (name, text) in &b.beside {
        out.push((name.clone(), text.clone().into_bytes()));
    }
    out.sort();
    out
}

/// The manifest entry of one vector (paths relative to the manifest's folder).
fn entry(v: &Vector) -> Value {
    let n = &v.name;
    let policy = match &v.built.policy {
        PolicySpec::Identity(identity, issuer) => json!({"identity": identity, "issuer": issuer}),
        PolicySpec::Key(_) => json!({"key": format!("{n}/key.pub")}),
        PolicySpec::Json(_) => json!({"file": format!("{n}/policy.json")}),
        PolicySpec::Release(spec) => json!({"release": spec}),
    };
    json!({
        "id": format!("own/{n}"),
        "description": v.readme,
        "bundle": format!("{n}/bundle.sigstore.json"),
        "artifact": format!("{n}/artifact"),
        "digest": artifact_digest(v),
        "trusted_root": match &v.built.root_name {
            Some(name) => name.clone(),
            None => format!("{n}/trusted_root.json"),
        },
        "policy": policy,
        "config": if v.config.is_empty() { "default" } else { v.config.as_str() },
        "now": v.built.now,
        "expected": {"artifact": v.expect, "digest": v.expect_digest},
        "skipped": v.skipped
    })
}

/// The `ALG:HEX` digest of the vector's artifact in the algorithm its bundle needs (SHA-256
/// when the bundle does not parse).
fn artifact_digest(v: &Vector) -> String {
    let alg = sigverify::Bundle::from_json(v.built.bundle.as_bytes())
        .map_or(sigverify::HashAlgorithm::Sha256, |b| b.artifact_hash());
    sigverify::Digest::of(alg, &v.built.artifact).to_prefixed_hex()
}

/// `manifest.json`: every own vector, and the upstream cases with their expected outcomes.
pub fn manifest(vectors: &[Vector]) -> Res<String> {
    let mut upstream = Vec::new();
    for line in crate::UPSTREAM_EXPECT.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            [name, expected] => upstream.push(json!({
                "id": format!("upstream/{name}"),
                "expected": {"artifact": expected, "digest": expected}
            })),
            [name, expected, mode] => upstream.push(json!({
                "id": format!("upstream/{name}"),
                "mode": mode,
                "expected": {(*mode).to_owned(): expected}
            })),
            _ => return Err(format!("malformed overlay line: {line}")),
        }
    }
    let doc = json!({
        "about": "sigverify conformance vectors: regenerate with `cargo run -p sigverify-conformance --bin generate`. \
                  Own vectors live beside this file; upstream cases are read from sigstore-conformance at test time \
                  (missing expected outcomes there mean `ok`; a missing trusted root means `production`).",
        "vectors": vectors.iter().map(entry).collect::<Vec<_>>(),
        "upstream": upstream
    });
    Ok(super::json::pretty(&doc))
}

/// Every file of the suite: (relative path, bytes), sorted.
pub fn all_files(vectors: &[Vector]) -> Res<Vec<(String, Vec<u8>)>> {
    let mut out = Vec::new();
    for v in vectors {
        for (name, bytes) in files(v) {
            out.push((format!("{}/{name}", v.name), bytes));
        }
    }
    out.push(("manifest.json".to_owned(), manifest(vectors)?.into_bytes()));
    out.sort();
    Ok(out)
}

/// Writes the suite into `dir`, replacing a previous generation there.
pub fn write_all(dir: &Path, vectors: &[Vector]) -> Res<usize> {
    let err = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    if dir.join("manifest.json").is_file() {
        fs::remove_dir_all(dir).map_err(|e| err(dir, e))?;
    }
    let files = all_files(vectors)?;
    for (rel, bytes) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| err(parent, e))?;
        }
        fs::write(&path, bytes).map_err(|e| err(&path, e))?;
    }
    Ok(files.len())
}
