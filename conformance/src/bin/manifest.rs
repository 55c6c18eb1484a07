//! `cargo run -p sigverify-conformance --bin manifest [OUT]`: writes the resolved manifest
//! (see `sigverify_conformance::manifest`) to OUT, or to stdout: the upstream cases (when
//! `../shared/vectors/sigstore-conformance` is there) and the project's own vectors.

use std::process::ExitCode;

fn main() -> ExitCode {
    let upstream = match sigverify_conformance::upstream_dir() {
        Some(dir) => sigverify_conformance::manifest::render_upstream(&dir),
        None => {
            eprintln!(
                "manifest: ../shared/vectors/sigstore-conformance not found: no upstream cases"
            );
            Ok(format!("{}\n", sigverify_conformance::manifest::HEADER))
        }
    };
    let own = sigverify_conformance::manifest::render_own(&sigverify_conformance::own_dir())
        .and_then(|own| {
            sigverify_conformance::manifest::render_examples(&sigverify_conformance::examples_dir())
                .map(|examples| own + &examples)
        });
    let text = match (upstream, own) {
        (Ok(upstream), Ok(own)) => upstream + &own,
        (Err(e), _) | (_, Err(e)) => {
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
