//! `cargo run -p sigverify-conformance --bin generate [DIR [TUF_DIR]]`: regenerates the
//! project's own vectors into DIR (default `conformance/vectors`) and its TUF vectors into
//! TUF_DIR (default `conformance/tuf-vectors`) and its npm vectors into NPM_DIR (default
//! `conformance/npm-vectors`), and its firmware vectors into `conformance/firmware-vectors`, byte
//! for byte: `generate [DIR [TUF_DIR [NPM_DIR]]]`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(sigverify_conformance::own_dir);
    let tuf_dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(sigverify_conformance::tuf_dir);
    match sigverify_conformance::generate(&dir) {
        Ok((vectors, files)) => println!(
            "generate: {vectors} vectors, {files} files in {}",
            dir.display()
        ),
        Err(e) => {
            eprintln!("generate: {e}");
            return ExitCode::FAILURE;
        }
    }
    let npm_dir = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(sigverify_conformance::npm_vectors::npm_dir);
    match sigverify_conformance::npm_vectors::generate_npm(&npm_dir) {
        Ok((vectors, files)) => println!(
            "generate: {vectors} npm vectors, {files} files in {}",
            npm_dir.display()
        ),
        Err(e) => {
            eprintln!("generate: {e}");
            return ExitCode::FAILURE;
        }
    }
    let firmware_dir = sigverify_conformance::firmware_vectors::firmware_dir();
    match sigverify_conformance::firmware_vectors::generate_firmware(&firmware_dir) {
        Ok((images, files)) => println!(
            "generate: {images} firmware images, {files} files in {}",
            firmware_dir.display()
        ),
        Err(e) => {
            eprintln!("generate: {e}");
            return ExitCode::FAILURE;
        }
    }
    match sigverify_conformance::generate_tuf(&tuf_dir) {
        Ok((vectors, files)) => {
            println!(
                "generate: {vectors} TUF vectors, {files} files in {}",
                tuf_dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: {e}");
            ExitCode::FAILURE
        }
    }
}
