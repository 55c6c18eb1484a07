//! Puts the board's memory map where cortex-m-rt's link.x looks for it (`memory.x`:
//! mps2-an386; `memory-an505.x` with the `an505` feature).
use std::env;
use std::fs;
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let map = if env::var_os("CARGO_FEATURE_AN505").is_some() {
        "memory-an505.x"
    } else {
        "memory.x"
    };
    fs::copy(map, out.join("memory.x")).expect("the memory map is readable");
    println!("cargo:rustc-link-search={}", out.display());
    println!("cargo:rerun-if-changed=memory.x");
    println!("cargo:rerun-if-changed=memory-an505.x");
}
