//! What the CLI's test files share: running the built binary and reading its output.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use std::process::Command;
use std::process::Output;

/// Runs the built `sigverify` with `args`.
#[allow(
    clippy::unwrap_used,
    reason = "test helper: a CLI that cannot start fails the test"
)]
pub(crate) fn sigverify<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sigverify"))
        .args(args)
        .output()
        .unwrap()
}

/// Output bytes as text.
pub(crate) fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}
