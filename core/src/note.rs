//! Signed notes holding checkpoints (`c2sp.org/signed-note`, `c2sp.org/tlog-checkpoint`):
//! origin, tree size and root hash, then a blank line and one signature line per signer.

use alloc::vec::Vec;

use crate::encoding::base64_decode;
use crate::limits;

/// A parsed checkpoint; `signed` is the exact text the signatures cover.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Checkpoint<'a> {
    pub(crate) origin: &'a str,
    pub(crate) size: u64,
    pub(crate) root_hash: Vec<u8>,
    pub(crate) signed: &'a str,
    pub(crate) signatures: Vec<NoteSignature<'a>>,
}

/// One signature line: `— <name> base64(key hint || signature)`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct NoteSignature<'a> {
    pub(crate) name: &'a str,
    pub(crate) key_hint: [u8; 4],
    pub(crate) signature: Vec<u8>,
}

/// Parses a signed note holding a checkpoint: `TlogCheckpointInvalid` on any deviation from
/// the format (missing origin, size or root hash, no blank line, a malformed signature line),
/// `LimitExceeded` past [`limits::MAX_CHECKPOINT_SIGNATURES`] signature lines.
pub(crate) fn parse(text: &str, entry: usize) -> Result<Checkpoint<'_>, crate::Error> {
    let sig_lines = text
        .split_once("\n\n")
        .map_or(0, |(_, sigs)| sigs.lines().count());
    limits::check(
        sig_lines,
        limits::MAX_CHECKPOINT_SIGNATURES,
        limits::Limit::CheckpointSignatures,
    )?;
    parse_note(text).ok_or(crate::Error::TlogCheckpointInvalid { entry })
}

fn parse_note(text: &str) -> Option<Checkpoint<'_>> {
    let split = text.find("\n\n")?;
    let signed = text.get(..split.checked_add(1)?)?;
    let sig_block = text.get(split.checked_add(2)?..)?;
    let mut lines = signed.lines();
    let origin = lines.next().filter(|o| !o.is_empty())?;
    let size_line = lines.next()?;
    if size_line.is_empty()
        || !size_line.bytes().all(|b| b.is_ascii_digit())
        || (size_line.len() > 1 && size_line.starts_with('0'))
    {
        return None;
    }
    let size = size_line.parse().ok()?;
    let root_hash = base64_decode(lines.next()?)?;
    if root_hash.len() != 32 {
        return None;
    }
    if sig_block.is_empty() || !sig_block.ends_with('\n') {
        return None;
    }
    let mut signatures = Vec::new();
    for line in sig_block.lines() {
        let rest = line.strip_prefix("\u{2014} ")?;
        let (name, b64) = rest.rsplit_once(' ')?;
        if name.is_empty() || name.contains(' ') {
            return None;
        }
        let raw = base64_decode(b64)?;
        let (hint, signature) = raw.split_at_checked(4)?;
        if signature.is_empty() {
            return None;
        }
        signatures.push(NoteSignature {
            name,
            key_hint: hint.try_into().ok()?,
            signature: signature.to_vec(),
        });
    }
    if signatures.is_empty() {
        return None;
    }
    Some(Checkpoint {
        origin,
        size,
        root_hash,
        signed,
        signatures,
    })
}

#[cfg(test)]
mod tests {
    use alloc::string::String;

    use super::*;

    #[test]
    fn signature_lines_are_limited() {
        let body = "o\n1\nFnnj13Uu1jdksPc4HZLapKX329dVlD5+MGNsiqBq1XM=\n\n";
        let line = "\u{2014} w AAAAAQID\n";
        let at = String::from(body) + &line.repeat(limits::MAX_CHECKPOINT_SIGNATURES);
        assert_eq!(
            parse(&at, 0).map(|c| c.signatures.len()),
            Ok(limits::MAX_CHECKPOINT_SIGNATURES)
        );
        let over = at + line;
        assert_eq!(
            parse(&over, 0).unwrap_err(),
            crate::Error::LimitExceeded {
                limit: limits::Limit::CheckpointSignatures
            }
        );
    }

    const GOOD: &str = "rekor.example - 42\n7\nFnnj13Uu1jdksPc4HZLapKX329dVlD5+MGNsiqBq1XM=\nTimestamp: 1\n\n\u{2014} rekor.example AAAAAQID\n\u{2014} witness AQIDBAU=\n";

    #[test]
    fn parses_body_and_signatures() {
        let c = parse(GOOD, 0).unwrap();
        assert_eq!(c.origin, "rekor.example - 42");
        assert_eq!(c.size, 7);
        assert_eq!(c.root_hash.len(), 32);
        assert!(c.signed.ends_with("Timestamp: 1\n"));
        assert_eq!(c.signatures.len(), 2);
        assert_eq!(c.signatures[0].key_hint, [0, 0, 0, 1]);
        assert_eq!(c.signatures[0].signature, [2, 3]);
        assert_eq!(c.signatures[1].name, "witness");
    }

    #[test]
    fn rejects_malformed_notes() {
        let cases = [
            GOOD.replace("rekor.example - 42\n", "\n"),
            GOOD.replace("\n7\n", "\n\n"),
            GOOD.replace("\n7\n", "\n07\n"),
            GOOD.replace("\n7\n", "\n-7\n"),
            GOOD.replace("Fnnj13Uu1jdksPc4HZLapKX329dVlD5+MGNsiqBq1XM=", "AAAA"),
            GOOD.replace("\n\n", "\n"),
            GOOD.replace("\u{2014} witness", "- witness"),
            GOOD.replace("AQIDBAU=", "AQIDBA=="),
            GOOD.trim_end().into(),
            "o\n1\nFnnj13Uu1jdksPc4HZLapKX329dVlD5+MGNsiqBq1XM=\n\n".into(),
        ];
        for c in &cases {
            assert_eq!(
                parse(c, 3),
                Err(crate::Error::TlogCheckpointInvalid { entry: 3 }),
                "{c:?}"
            );
        }
    }
}
