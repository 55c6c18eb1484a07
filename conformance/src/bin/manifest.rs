//! `cargo run -p sigverify-conformance --bin manifest [OUT]`: writes the resolved manifest
//! (see `sigverify_conformance::manifest`) to OUT, or to stdout.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = sigverify_conformance::upstream_dir() else {
        eprintln!("manifest: ../shared/vectors/sigstore-conformance not found: no upstream cases");
        println!("{}", sigverify_conformance::manifest::HEADER);
        return ExitCode::SUCCESS;
    };
    let text = match sigverify_conformance::manifest::render_upstream(&dir) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("manifest: {e}");
            return ExitCode::FAILURE;
        }
    };
    match std::env::args().nth(1) {
        Some(out) => match std::fs::write(&out, text) {
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
