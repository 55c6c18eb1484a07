//! `cargo run -p sigverify-conformance --bin generate [DIR]`: regenerates the project's own
//! vectors into DIR (default `conformance/vectors`), byte for byte.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(sigverify_conformance::own_dir);
    match sigverify_conformance::generate(&dir) {
        Ok((vectors, files)) => {
            println!(
                "generate: {vectors} vectors, {files} files in {}",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::FAILURE
        }
    }
}
