//! Reading a TUF repository from a folder (with the `std` feature), in any layout
//! [`super::layout`] knows: `DIR/metadata/root_history/`, `DIR/metadata/` (or `DIR`) and
//! `DIR/targets/` (or `DIR`).

use std::fs;
use std::io;
use std::path::Path;
use std::path::PathBuf;
use std::vec::Vec;

pub use super::layout::Files;
use super::layout::Folder;
use super::layout::LayoutError;
pub use super::layout::SIGNING_CONFIG_TARGET;

impl Files {
    /// Reads the repository in `dir` for an update from `anchor`: see [`Files::collect`].
    pub fn read_dir(dir: &Path, anchor: &[u8]) -> io::Result<Self> {
        let sub = |name: &str| {
            let p = dir.join(name);
            if p.is_dir() { p } else { dir.to_path_buf() }
        };
        let meta = sub("metadata");
        let targets = sub("targets");
        let folder = |f: Folder| -> PathBuf {
            match f {
                Folder::RootHistory => meta.join("root_history"),
                Folder::Metadata => meta.clone(),
                Folder::Targets => targets.clone(),
            }
        };
        Self::collect(anchor, |f, name| read(&folder(f).join(name))).map_err(|e| match e {
            LayoutError::Unreadable(e) => e,
            LayoutError::Missing(name) => io::Error::new(
                io::ErrorKind::NotFound,
                std::format!("{}: no {name}", dir.display()),
            ),
            LayoutError::AnchorWithoutVersion => io::Error::new(
                io::ErrorKind::InvalidData,
                "the trust anchor has no version",
            ),
        })
    }
}

/// A file's bytes, `None` when there is no such file.
fn read(path: &Path) -> io::Result<Option<Vec<u8>>> {
    if !path.is_file() {
        return Ok(None);
    }
    fs::read(path)
        .map(Some)
        .map_err(|e| io::Error::new(e.kind(), std::format!("{}: {e}", path.display())))
}
