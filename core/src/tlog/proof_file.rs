//! `c2sp.org/tlog-proof@v1` files: an entry's index, its inclusion proof and the (cosigned)
//! checkpoint it leads to, handed to a verifier beside a bundle whose own proof is missing or
//! older. Nothing in the file is trusted: it replaces a bundle's proof only when it proves
//! that bundle's entry, and the pipeline then verifies it like any other proof.

use alloc::string::String;
use alloc::vec::Vec;

use crate::Error;
use crate::bundle::Bundle;
use crate::bundle::InclusionProof;
use crate::encoding::base64_decode;
use crate::limits;
use crate::tlog::merkle;

const HEADER: &str = "c2sp.org/tlog-proof@v1";

/// A parsed tlog proof.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlogProof {
    /// The entry's index in the checkpointed tree.
    pub index: u64,
    /// The audit path, leaf's sibling first.
    pub hashes: Vec<Vec<u8>>,
    /// The checkpoint's tree size.
    pub tree_size: u64,
    /// The checkpoint's root hash.
    pub root_hash: Vec<u8>,
    /// The checkpoint as a signed note, verbatim.
    pub checkpoint: String,
}

/// What [`TlogProof::attach`] did to the bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attached {
    /// The proof now proves entry `entry`, which had none or one of a smaller tree.
    Replaced {
        /// The entry's position in the bundle.
        entry: usize,
    },
    /// Entry `entry` already had a proof of a tree at least as large, which it keeps.
    KeptOwn {
        /// The entry's position in the bundle.
        entry: usize,
    },
}

impl TlogProof {
    /// Parses the text format: the header line, an optional `extra` line (not trusted, not
    /// kept), `index <n>`, zero or more base64 SHA-256 hashes, a blank line, the checkpoint.
    /// `TlogProofInvalid` on any deviation.
    pub fn parse(text: &str) -> Result<Self, Error> {
        limits::check(
            text.len(),
            limits::MAX_CHECKPOINT_BYTES.saturating_mul(2),
            limits::Limit::CheckpointBytes,
        )?;
        let (head, note) = text.split_once("\n\n").ok_or(Error::TlogProofInvalid)?;
        let mut lines = head.split('\n');
        if lines.next() != Some(HEADER) {
            return Err(Error::TlogProofInvalid);
        }
        let mut line = lines.next().ok_or(Error::TlogProofInvalid)?;
        if let Some(extra) = line.strip_prefix("extra ") {
            base64_decode(extra)
                .filter(|_| !extra.contains(['\n', '\r']))
                .ok_or(Error::TlogProofInvalid)?;
            line = lines.next().ok_or(Error::TlogProofInvalid)?;
        }
        let index = line
            .strip_prefix("index ")
            .and_then(decimal)
            .ok_or(Error::TlogProofInvalid)?;
        let mut hashes = Vec::new();
        for h in lines {
            limits::check(
                hashes.len().saturating_add(1),
                limits::MAX_PROOF_HASHES,
                limits::Limit::ProofHashes,
            )?;
            let hash = base64_decode(h)
                .filter(|d| d.len() == 32 && !h.contains('\r'))
                .ok_or(Error::TlogProofInvalid)?;
            hashes.push(hash);
        }
        let parsed = crate::note::parse(note, 0).map_err(|e| match e {
            Error::TlogCheckpointInvalid { .. } => Error::TlogProofInvalid,
            other => other,
        })?;
        Ok(Self {
            index,
            hashes,
            tree_size: parsed.size,
            root_hash: parsed.root_hash,
            checkpoint: note.into(),
        })
    }

    /// Gives the proof to the bundle entry it proves: the first whose body, at this index and
    /// path, hashes to the checkpoint's root. An entry with a proof of a tree at least as large
    /// keeps its own. `TlogProofUnmatched` when no entry is proven. The checkpoint's signatures
    /// are checked later, by the verification, as for a bundle's own proof.
    pub fn attach(&self, bundle: &mut Bundle) -> Result<Attached, Error> {
        let leaf_root = |body: &[u8]| {
            merkle::root_from_inclusion_proof(
                self.index,
                self.tree_size,
                merkle::leaf_hash(body),
                &self.hashes,
            )
        };
        let (i, entry) = bundle
            .tlog_entries
            .iter_mut()
            .enumerate()
            .find(|(_, e)| {
                leaf_root(&e.body).as_ref().map(<[u8; 32]>::as_slice)
                    == Some(self.root_hash.as_slice())
            })
            .ok_or(Error::TlogProofUnmatched)?;
        if entry
            .inclusion_proof
            .as_ref()
            .is_some_and(|own| own.tree_size >= self.tree_size)
        {
            return Ok(Attached::KeptOwn { entry: i });
        }
        entry.inclusion_proof = Some(InclusionProof {
            log_index: self.index,
            root_hash: self.root_hash.clone(),
            tree_size: self.tree_size,
            hashes: self.hashes.clone(),
            checkpoint: self.checkpoint.clone(),
        });
        Ok(Attached::Replaced { entry: i })
    }
}

fn decimal(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) || (s.len() > 1 && s.starts_with('0'))
    {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use alloc::format;

    use super::*;

    const NOTE: &str = "example.com/log\n3\nFnnj13Uu1jdksPc4HZLapKX329dVlD5+MGNsiqBq1XM=\n\n\u{2014} example.com/log AAAAAQID\n";
    const HASH: &str = "gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=";

    #[test]
    fn parses_with_and_without_extra() {
        let p = TlogProof::parse(&format!("{HEADER}\nindex 2\n{HASH}\n{HASH}\n\n{NOTE}")).unwrap();
        assert_eq!(p.index, 2);
        assert_eq!(p.hashes.len(), 2);
        assert_eq!(p.tree_size, 3);
        assert_eq!(p.checkpoint, NOTE);
        let e = TlogProof::parse(&format!("{HEADER}\nextra AQID\nindex 0\n\n{NOTE}")).unwrap();
        assert_eq!((e.index, e.hashes.len()), (0, 0));
    }

    #[test]
    fn rejects_malformed_proofs() {
        let cases = [
            format!("c2sp.org/tlog-proof@v2\nindex 2\n{HASH}\n\n{NOTE}"),
            format!("{HEADER}\nindex 02\n{HASH}\n\n{NOTE}"),
            format!("{HEADER}\nindex -2\n{HASH}\n\n{NOTE}"),
            format!("{HEADER}\nindex  2\n{HASH}\n\n{NOTE}"),
            format!("{HEADER}\nextra !!\nindex 2\n{HASH}\n\n{NOTE}"),
            format!("{HEADER}\nindex 2\nextra AQID\n\n{NOTE}"),
            format!("{HEADER}\nindex 2\nAQID\n\n{NOTE}"),
            format!("{HEADER}\n{HASH}\n\n{NOTE}"),
            format!("{HEADER}\nindex 2\n{HASH}\n{NOTE}"),
            format!("{HEADER}\nindex 2\n{HASH}\n\nnot a checkpoint\n"),
        ];
        for c in &cases {
            assert_eq!(TlogProof::parse(c), Err(Error::TlogProofInvalid), "{c:?}");
        }
    }
}
