//! The last checkpoint seen of each log, kept by a caller between verifications, so that a log
//! that shows this verifier a tree that does not extend the one it showed before (a split
//! view) is caught without any network.
//!
//! The state only ever refuses: a checkpoint is remembered after its verification, and a later
//! one must be the same tree, or come with an RFC 9162 consistency proof that one of the two
//! trees is a prefix of the other. A tampered state can make verifications fail, never pass.

use alloc::string::String;
use alloc::vec::Vec;

use crate::Error;
use crate::encoding::hex_decode_vec;
use crate::json::borrowed::Json;
use crate::limits;
use crate::limits::Limit;
use crate::tlog::LogEntry;
use crate::tlog::SignedCheckpoint;
use crate::tlog::consistency;

const HEADER: &str = "sigverify-log-state/v1\n";

/// A remembered checkpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Remembered {
    /// The checkpoint's origin line, which names the log.
    pub origin: String,
    /// Its tree size.
    pub size: u64,
    /// Its root hash.
    pub root_hash: Vec<u8>,
    /// The signed note as the log signed it: the evidence, should a later checkpoint conflict.
    pub note: String,
}

/// The remembered checkpoints, one per log origin.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LogState {
    logs: Vec<Remembered>,
}

/// A consistency proof between two trees of one log: the hashes of RFC 9162 §2.1.4 and the
/// root hash of the larger tree, which says which pair of checkpoints it is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsistencyProof {
    /// The root hash of the larger tree.
    pub root_hash: Vec<u8>,
    /// The proof's hashes, in RFC 9162 order.
    pub hashes: Vec<Vec<u8>>,
}

/// What [`LogState::observe`] found for one checkpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Observation {
    /// No checkpoint of this log was remembered; this one now is.
    First,
    /// The remembered checkpoint's tree: nothing changes.
    Same,
    /// A larger tree, proven to extend the remembered one, which it replaces.
    Extended {
        /// The remembered tree size it replaced.
        from: u64,
    },
    /// A smaller tree, proven to be a prefix of the remembered one, which stays.
    Older {
        /// The remembered tree size.
        remembered: u64,
    },
}

/// One checkpoint's observation, by log origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observed {
    /// The log's origin line.
    pub origin: String,
    /// The checkpoint's tree size.
    pub size: u64,
    /// What happened.
    pub observation: Observation,
}

impl ConsistencyProof {
    /// Reads Rekor's consistency-proof JSON (`GET /api/v1/log/proof`):
    /// `{"rootHash": "<hex>", "hashes": ["<hex>", ...]}`, SHA-256 hashes in hex.
    /// `LOG_CONSISTENCY_PROOF_MALFORMED` otherwise.
    pub fn from_json(input: &[u8]) -> Result<Self, Error> {
        limits::check(
            input.len(),
            limits::MAX_CHECKPOINT_BYTES,
            Limit::CheckpointBytes,
        )?;
        let bad = Error::LogConsistencyProofMalformed;
        let doc = crate::json::document(input, bad.clone())?;
        let hash = |v: &Json<'_>| {
            v.as_str()
                .and_then(hex_decode_vec)
                .filter(|h| h.len() == 32)
        };
        let root_hash = doc.get("rootHash").and_then(hash).ok_or(bad.clone())?;
        let list = doc
            .get("hashes")
            .and_then(Json::as_array)
            .ok_or(bad.clone())?;
        limits::check(list.len(), limits::MAX_PROOF_HASHES, Limit::ProofHashes)?;
        let hashes = list
            .iter()
            .map(|h| hash(h).ok_or(bad.clone()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { root_hash, hashes })
    }
}

impl LogState {
    /// An empty state.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads a state written by [`Self::to_text`]: a header line, then each signed checkpoint
    /// after a blank line. `LOG_STATE_INVALID` on any other text or a log named twice. The
    /// checkpoints' signatures are not checked again: they were when they were remembered,
    /// and the state cannot make a verification pass.
    pub fn parse(text: &str) -> Result<Self, Error> {
        limits::check(
            text.len(),
            limits::MAX_LOG_STATE_BYTES,
            Limit::LogStateBytes,
        )?;
        let mut rest = text.strip_prefix(HEADER).ok_or(Error::LogStateInvalid)?;
        let mut state = Self::new();
        while !rest.is_empty() {
            let note_start = rest.strip_prefix('\n').ok_or(Error::LogStateInvalid)?;
            let body_end = note_start
                .find("\n\n")
                .ok_or(Error::LogStateInvalid)?
                .saturating_add(2);
            let sigs = note_start.get(body_end..).ok_or(Error::LogStateInvalid)?;
            let sig_end = sigs
                .find("\n\n")
                .map_or(sigs.len(), |i| i.saturating_add(1));
            let note_len = body_end.saturating_add(sig_end);
            let note = note_start.get(..note_len).ok_or(Error::LogStateInvalid)?;
            rest = note_start.get(note_len..).ok_or(Error::LogStateInvalid)?;
            let parsed = crate::note::parse(note, 0).map_err(|_| Error::LogStateInvalid)?;
            if state.checkpoint(parsed.origin).is_some() {
                return Err(Error::LogStateInvalid);
            }
            limits::check(
                state.logs.len().saturating_add(1),
                limits::MAX_LOG_STATE_LOGS,
                Limit::LogStateLogs,
            )?;
            state.logs.push(Remembered {
                origin: parsed.origin.into(),
                size: parsed.size,
                root_hash: parsed.root_hash,
                note: note.into(),
            });
        }
        Ok(state)
    }

    /// The state as text, for [`Self::parse`].
    pub fn to_text(&self) -> String {
        let mut out = String::from(HEADER);
        for log in &self.logs {
            out.push('\n');
            out.push_str(&log.note);
        }
        out
    }

    /// The remembered checkpoint of the log with this origin.
    pub fn checkpoint(&self, origin: &str) -> Option<&Remembered> {
        self.logs.iter().find(|l| l.origin == origin)
    }

    /// Every remembered checkpoint, in the order first seen.
    pub fn logs(&self) -> &[Remembered] {
        &self.logs
    }

    /// Checks the checkpoint of every verified entry against the state, then remembers each
    /// larger tree: all or nothing, so a refused bundle leaves the state as it was.
    ///
    /// Errors: `LOG_SPLIT_VIEW` (same size, other root), `LOG_CONSISTENCY_PROOF_MISSING`
    /// (another size and no proof whose root is the larger tree's), and
    /// `LOG_CONSISTENCY_PROOF_INVALID` (the proof does not connect them). In each case
    /// [`Self::checkpoint`] still holds the remembered checkpoint, the evidence beside the
    /// presented one.
    pub fn observe(
        &mut self,
        entries: &[LogEntry],
        proofs: &[ConsistencyProof],
    ) -> Result<Vec<Observed>, Error> {
        let mut next = self.clone();
        let mut seen = Vec::new();
        for cp in entries.iter().filter_map(|e| e.checkpoint.as_ref()) {
            let observation = next.observe_one(cp, proofs)?;
            seen.push(Observed {
                origin: cp.origin.clone(),
                size: cp.size,
                observation,
            });
        }
        *self = next;
        Ok(seen)
    }

    fn observe_one(
        &mut self,
        cp: &SignedCheckpoint,
        proofs: &[ConsistencyProof],
    ) -> Result<Observation, Error> {
        let Some(at) = self.logs.iter().position(|l| l.origin == cp.origin) else {
            limits::check(
                self.logs.len().saturating_add(1),
                limits::MAX_LOG_STATE_LOGS,
                Limit::LogStateLogs,
            )?;
            self.logs.push(remember(cp));
            return Ok(Observation::First);
        };
        let Some(old) = self.logs.get(at) else {
            return Err(Error::LogStateInvalid);
        };
        let (remembered, presented) = (old.size, cp.size);
        if remembered == presented {
            return if old.root_hash == cp.root_hash {
                Ok(Observation::Same)
            } else {
                Err(Error::LogSplitView {
                    origin: cp.origin.clone(),
                    size: presented,
                })
            };
        }
        let (small, large) = if remembered < presented {
            ((old.size, &old.root_hash), (cp.size, &cp.root_hash))
        } else {
            ((cp.size, &cp.root_hash), (old.size, &old.root_hash))
        };
        let origin = || cp.origin.clone();
        let proof = proofs
            .iter()
            .find(|p| &p.root_hash == large.1)
            .ok_or_else(|| Error::LogConsistencyProofMissing {
                origin: origin(),
                remembered,
                presented,
            })?;
        if !consistency::verify(small.0, small.1, large.0, large.1, &proof.hashes) {
            return Err(Error::LogConsistencyProofInvalid {
                origin: origin(),
                remembered,
                presented,
            });
        }
        if presented > remembered {
            if let Some(slot) = self.logs.get_mut(at) {
                *slot = remember(cp);
            }
            Ok(Observation::Extended { from: remembered })
        } else {
            Ok(Observation::Older { remembered })
        }
    }
}

fn remember(cp: &SignedCheckpoint) -> Remembered {
    Remembered {
        origin: cp.origin.clone(),
        size: cp.size,
        root_hash: cp.root_hash.clone(),
        note: cp.note.clone(),
    }
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::vec;

    use super::*;
    use crate::encoding::base64_encode;
    use crate::encoding::hex_encode;
    use crate::testing::merkle;

    fn leaves(n: usize) -> Vec<[u8; 32]> {
        (0..n).map(|i| merkle::leaf(&i.to_be_bytes())).collect()
    }

    /// A verified entry whose checkpoint is the tree of `leaves` under `origin`.
    fn entry(origin: &str, leaves: &[[u8; 32]]) -> LogEntry {
        let root = merkle::mth(leaves);
        let note = format!(
            "{origin}\n{}\n{}\n\n\u{2014} {origin} AAAAAQID\n",
            leaves.len(),
            base64_encode(&root)
        );
        LogEntry {
            log_index: 0,
            log_id: vec![1],
            log_url: "https://log.example".into(),
            integrated_time: None,
            checkpoint: Some(SignedCheckpoint {
                origin: origin.into(),
                size: u64::try_from(leaves.len()).unwrap(),
                root_hash: root.to_vec(),
                note,
                cosignatures: Vec::new(),
            }),
        }
    }

    fn proof(m: usize, all: &[[u8; 32]]) -> ConsistencyProof {
        ConsistencyProof {
            root_hash: merkle::mth(all).to_vec(),
            hashes: merkle::consistency_proof(m, all)
                .iter()
                .map(|h| h.to_vec())
                .collect(),
        }
    }

    #[test]
    fn first_same_extended_older() {
        let all = leaves(20);
        let mut state = LogState::new();
        let seen = state
            .observe(&[entry("log.example", &all[..7])], &[])
            .unwrap();
        assert_eq!(seen[0].observation, Observation::First);
        let seen = state
            .observe(&[entry("log.example", &all[..7])], &[])
            .unwrap();
        assert_eq!(seen[0].observation, Observation::Same);
        let seen = state
            .observe(&[entry("log.example", &all[..13])], &[proof(7, &all[..13])])
            .unwrap();
        assert_eq!(seen[0].observation, Observation::Extended { from: 7 });
        assert_eq!(state.checkpoint("log.example").unwrap().size, 13);
        // An older tree, proven to be a prefix of the remembered one, is accepted; the state
        // keeps the larger tree.
        let seen = state
            .observe(&[entry("log.example", &all[..5])], &[proof(5, &all[..13])])
            .unwrap();
        assert_eq!(seen[0].observation, Observation::Older { remembered: 13 });
        assert_eq!(state.checkpoint("log.example").unwrap().size, 13);
        // Another log is remembered beside it.
        state
            .observe(&[entry("other.example", &all[..2])], &[])
            .unwrap();
        assert_eq!(state.logs().len(), 2);
        assert_eq!(LogState::parse(&state.to_text()), Ok(state.clone()));
    }

    #[test]
    fn split_views_and_missing_or_bad_proofs_are_refused_and_change_nothing() {
        let all = leaves(20);
        let mut forked = all.clone();
        forked[2] = merkle::leaf(b"rewritten");
        let mut state = LogState::new();
        state
            .observe(&[entry("log.example", &all[..8])], &[])
            .unwrap();
        let before = state.clone();
        let origin = String::from("log.example");
        assert_eq!(
            state.observe(&[entry("log.example", &forked[..8])], &[]),
            Err(Error::LogSplitView {
                origin: origin.clone(),
                size: 8
            })
        );
        assert_eq!(
            state.observe(&[entry("log.example", &all[..12])], &[]),
            Err(Error::LogConsistencyProofMissing {
                origin: origin.clone(),
                remembered: 8,
                presented: 12
            })
        );
        // The fork grown larger: its own proof does not start from the remembered tree.
        assert_eq!(
            state.observe(
                &[entry("log.example", &forked[..12])],
                &[proof(8, &forked[..12])]
            ),
            Err(Error::LogConsistencyProofInvalid {
                origin: origin.clone(),
                remembered: 8,
                presented: 12
            })
        );
        // A tree that shrinks, with no proof back to the remembered one.
        assert_eq!(
            state.observe(&[entry("log.example", &all[..3])], &[]),
            Err(Error::LogConsistencyProofMissing {
                origin: origin.clone(),
                remembered: 8,
                presented: 3
            })
        );
        // A good extension of another log in the same call does not land either.
        assert!(
            state
                .observe(
                    &[
                        entry("other.example", &all[..2]),
                        entry("log.example", &forked[..8])
                    ],
                    &[]
                )
                .is_err()
        );
        assert_eq!(state, before);
    }

    #[test]
    fn state_text_rules() {
        let all = leaves(4);
        let mut state = LogState::new();
        state
            .observe(
                &[entry("a.example", &all[..2]), entry("b.example", &all)],
                &[],
            )
            .unwrap();
        let text = state.to_text();
        assert!(text.starts_with("sigverify-log-state/v1\n\na.example\n2\n"));
        assert_eq!(
            LogState::parse("sigverify-log-state/v1\n"),
            Ok(LogState::new())
        );
        let bad = [
            String::new(),
            text.replacen("v1", "v2", 1),
            text.replacen("\n\na.example", "\na.example", 1),
            text.replacen("\n\nb.example", "\nb.example", 1),
            text.replace("b.example", "a.example"),
            format!("{text}\n"),
            text.replacen("\n2\n", "\nx\n", 1),
        ];
        for b in &bad {
            assert_eq!(LogState::parse(b), Err(Error::LogStateInvalid), "{b:?}");
        }
    }

    #[test]
    fn consistency_proof_json() {
        let h = hex_encode(&[0xab; 32]);
        let p = ConsistencyProof::from_json(
            format!(r#"{{"rootHash":"{h}","hashes":["{h}","{h}"]}}"#).as_bytes(),
        )
        .unwrap();
        assert_eq!((p.root_hash.len(), p.hashes.len()), (32, 2));
        let empty =
            ConsistencyProof::from_json(format!(r#"{{"rootHash":"{h}","hashes":[]}}"#).as_bytes())
                .unwrap();
        assert!(empty.hashes.is_empty());
        for bad in [
            format!(r#"{{"hashes":["{h}"]}}"#),
            format!(r#"{{"rootHash":"{h}"}}"#),
            format!(r#"{{"rootHash":"{h}","hashes":["{}"]}}"#, &h[2..]),
            format!(r#"{{"rootHash":"{h}","hashes":[1]}}"#),
            "[]".into(),
        ] {
            assert_eq!(
                ConsistencyProof::from_json(bad.as_bytes()),
                Err(Error::LogConsistencyProofMalformed),
                "{bad}"
            );
        }
    }
}
