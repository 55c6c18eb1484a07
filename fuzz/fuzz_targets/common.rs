//! Shared set-up of the targets: the compiled-in production root, parsed once.

use std::sync::OnceLock;

pub fn production() -> &'static sigverify::TrustedRoot {
    static ROOT: OnceLock<sigverify::TrustedRoot> = OnceLock::new();
    ROOT.get_or_init(|| sigverify::TrustedRoot::production().expect("compiled-in root parses"))
}
