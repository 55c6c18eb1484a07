//! `cargo run -p sigverify-conformance --bin manifest [OUT]`: writes the resolved manifest
//! (see `sigverify_conformance::manifest`) to OUT, or to stdout: the upstream cases (when
//! `../shared/vectors/sigstore-conformance` is there) and the project's own vectors.
//!
//! `cargo run -p sigverify-conformance --bin manifest -- --tuf [OUT]`: writes the TUF manifest
//! (see `sigverify_conformance::tuf_manifest`) instead: the generated TUF vectors, and
//! Sigstore's real repositories when `../shared/vectors/sigstore-tuf` is there.
//!
//! `cargo run -p sigverify-conformance --bin manifest -- --npm [OUT]`: writes the npm manifest
//! (see `sigverify_conformance::npm_vectors`) of the generated npm vectors.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let kind = match args.first().map(String::as_str) {
        Some(k @ ("--tuf" | "--npm")) => {
            let k = k.to_owned();
            args.remove(0);
            k
        }
        _ => String::new(),
    };
    let text = match kind.as_str() {
        "--tuf" => tuf_manifest(),
        "--npm" => sigverify_conformance::npm_vectors::render_npm(
            &sigverify_conformance::npm_vectors::npm_dir(),
        ),
        _ => manifest(),
    };
    let text = match text {
        Ok(text) => text,
        Err(e) => {
            eprintln!("manifest: {e}");
            return ExitCode::FAILURE;
        }
    };
    match args.first() {
        Some(out) => match std::fs::write(out, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("manifest: cannot write {out}: {e}");
                ExitCode::FAILURE
            }
        },
        None => {
            use std::io::Write as _;
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
    }
}

fn manifest() -> Result<String, String> {
    let upstream = match sigverify_conformance::upstream_dir() {
        Some(dir) => sigverify_conformance::manifest::render_upstream(&dir)?,
        None => {
            eprintln!(
                "manifest: ../shared/vectors/sigstore-conformance not found: no upstream cases"
            );
            format!("{}\n", sigverify_conformance::manifest::HEADER)
        }
    };
    let own = sigverify_conformance::manifest::render_own(&sigverify_conformance::own_dir())?;
    let examples =
        sigverify_conformance::manifest::render_examples(&sigverify_conformance::examples_dir())?;
    let policy = sigverify_conformance::manifest::render_policy(
        &sigverify_conformance::examples_dir(),
        &sigverify_conformance::manifest::policy_cases_file(),
    )?;
    Ok(upstream + &own + &examples + &policy)
}

fn tuf_manifest() -> Result<String, String> {
    let real = sigverify_conformance::tuf_manifest::tuf_real_dir();
    if real.is_none() {
        eprintln!("manifest: ../shared/vectors/sigstore-tuf not found: no tuf-real rows");
    }
    sigverify_conformance::tuf_manifest::render_tuf(
        &sigverify_conformance::tuf_dir(),
        real.as_deref(),
    )
}
