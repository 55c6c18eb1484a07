//! DSSE envelopes (`github.com/secure-systems-lab/dsse`): the pre-authentication encoding the
//! signature covers, and the in-toto statement whose subjects must name the artifact.

use alloc::format;
use alloc::vec::Vec;

use crate::Error;
use crate::artifact::Artifact;
use crate::digest::Digest;
use crate::digest::HashAlgorithm;
use crate::json::borrowed::Json;

pub(crate) use crate::intoto::PAYLOAD_TYPE as IN_TOTO;

/// DSSE v1 PAE: `"DSSEv1" SP len(type) SP type SP len(payload) SP payload`.
pub(crate) fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "DSSEv1 {} {} {} ",
        payload_type.len(),
        payload_type,
        payload.len()
    )
    .into_bytes();
    out.extend_from_slice(payload);
    out
}

/// Checks that the envelope carries an in-toto statement with a subject that names the
/// artifact. A subject may list digests in several algorithms (npm names its tarballs by
/// SHA-512 alone); it matches when any digest in an algorithm this verifier supports equals the
/// artifact's in that algorithm. Given the bytes, the artifact is hashed with each algorithm the
/// subjects use, once; given a digest, only subjects listing that algorithm can match.
pub(crate) fn check_subject(
    payload_type: &str,
    payload: &[u8],
    artifact: Artifact<'_>,
) -> Result<(), Error> {
    let tree = statement(payload_type, payload)?;
    let mut hashed: Vec<Digest> = Vec::new();
    for (alg, hex) in supported(&tree)? {
        let want = match artifact {
            Artifact::Digest(d) if d.algorithm() == alg => d,
            Artifact::Digest(_) => continue,
            Artifact::Bytes(bytes) => match hashed.iter().find(|d| d.algorithm() == alg) {
                Some(d) => *d,
                None => {
                    let d = Digest::of(alg, bytes);
                    hashed.push(d);
                    d
                }
            },
        };
        if hex_matches(hex, want.as_bytes()) {
            return Ok(());
        }
    }
    Err(Error::DsseSubjectMismatch)
}

/// The algorithm a caller holding only a stream should hash the artifact with to check this
/// statement: SHA-256 when a subject lists it (the fastest on common hardware), else SHA-512,
/// else SHA-384; SHA-256 when the payload names none (the check then fails on its own).
pub(crate) fn subject_hash(payload_type: &str, payload: &[u8]) -> HashAlgorithm {
    let Ok(tree) = statement(payload_type, payload) else {
        return HashAlgorithm::Sha256;
    };
    let Ok(listed) = supported(&tree) else {
        return HashAlgorithm::Sha256;
    };
    let listed = |alg: HashAlgorithm| listed.iter().any(|(a, _)| *a == alg);
    [
        HashAlgorithm::Sha256,
        HashAlgorithm::Sha512,
        HashAlgorithm::Sha384,
    ]
    .into_iter()
    .find(|a| listed(*a))
    .unwrap_or(HashAlgorithm::Sha256)
}

/// The payload as an in-toto statement's tree (see [`crate::intoto::statement_tree`]).
fn statement<'p>(payload_type: &str, payload: &'p [u8]) -> Result<Json<'p>, Error> {
    if payload_type != IN_TOTO {
        return Err(Error::DssePayloadTypeUnsupported);
    }
    crate::intoto::statement_tree(payload)
}

/// Each subject's digests in the algorithms this verifier can check; other algorithms (sha1,
/// gitCommit, ...) are ignored, as in sigstore-go. A supported algorithm whose value is
/// neither a string nor `null` makes the statement invalid.
fn supported<'t>(tree: &'t Json<'_>) -> Result<Vec<(HashAlgorithm, &'t str)>, Error> {
    const ALGORITHMS: [(&str, HashAlgorithm); 3] = [
        ("sha256", HashAlgorithm::Sha256),
        ("sha384", HashAlgorithm::Sha384),
        ("sha512", HashAlgorithm::Sha512),
    ];
    let mut out = Vec::new();
    for subject in crate::intoto::subjects(tree)? {
        // One pass, each supported algorithm keeping its last value.
        let mut last: [Option<&Json<'_>>; 3] = [None; 3];
        for (name, value) in crate::intoto::digest_members(subject) {
            let slot = ALGORITHMS.iter().position(|(n, _)| n == name);
            if let Some(found) = slot.and_then(|i| last.get_mut(i)) {
                *found = Some(value);
            }
        }
        for ((_, alg), value) in ALGORITHMS.iter().zip(last) {
            match value {
                None | Some(Json::Null) => {}
                Some(Json::Str(hex)) => out.push((*alg, hex.as_ref())),
                Some(_) => return Err(Error::DsseStatementInvalid),
            }
        }
    }
    Ok(out)
}

/// Whether `hex` (either case) spells exactly `bytes`.
fn hex_matches(hex: &str, bytes: &[u8]) -> bool {
    crate::encoding::hex_decode_vec(hex).as_deref() == Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::Sha256Digest;
    use crate::limits;
    use crate::limits::Limit;

    fn d(s: &Sha256Digest) -> Artifact<'static> {
        Artifact::Digest(Digest::from(*s))
    }

    #[test]
    fn pae_matches_the_dsse_spec_example() {
        assert_eq!(
            pae("http://example.com/HelloWorld", b"hello world"),
            b"DSSEv1 29 http://example.com/HelloWorld 11 hello world".to_vec()
        );
    }

    #[test]
    fn subjects_are_limited() {
        let dg = Sha256Digest::of(b"a");
        let subject = format!(
            r#"{{"name":"x","digest":{{"sha256":"{}"}}}}"#,
            Sha256Digest::of(b"b").to_hex()
        );
        let stmt = |n: usize| {
            format!(
                r#"{{"subject":[{}]}}"#,
                alloc::vec![subject.as_str(); n].join(",")
            )
        };
        assert_eq!(
            check_subject(IN_TOTO, stmt(limits::MAX_SUBJECTS).as_bytes(), d(&dg)),
            Err(Error::DsseSubjectMismatch)
        );
        assert_eq!(
            check_subject(IN_TOTO, stmt(limits::MAX_SUBJECTS + 1).as_bytes(), d(&dg)),
            Err(Error::LimitExceeded {
                limit: Limit::Subjects
            })
        );
    }

    #[test]
    fn a_repeated_algorithm_reads_as_its_last_value() {
        let (a, b) = (
            Sha256Digest::of(b"a").to_hex(),
            Sha256Digest::of(b"b").to_hex(),
        );
        let digest = |members: &str| format!(r#"{{"subject":[{{"digest":{{{members}}}}}]}}"#);
        let check = |members: &str| {
            check_subject(IN_TOTO, digest(members).as_bytes(), Artifact::Bytes(b"a"))
        };
        assert_eq!(check(&format!(r#""sha256":"{b}","sha256":"{a}""#)), Ok(()));
        assert_eq!(
            check(&format!(r#""sha256":"{a}","sha256":"{b}""#)),
            Err(Error::DsseSubjectMismatch)
        );
        assert_eq!(
            check(&format!(r#""sha256":"{a}","sha256":5"#)),
            Err(Error::DsseStatementInvalid)
        );
        assert_eq!(check(&format!(r#""sha256":5,"sha256":"{a}""#)), Ok(()));
        assert_eq!(
            check(&format!(r#""sha256":"{a}","sha256":null"#)),
            Err(Error::DsseSubjectMismatch)
        );
        // Many algorithm names are one pass, not a comparison of each with every other.
        let many: alloc::string::String = (0..100_000).map(|i| format!(r#""x{i}":0,"#)).collect();
        assert_eq!(check(&format!(r#"{many}"sha256":"{a}""#)), Ok(()));
    }

    #[test]
    fn subject_must_name_the_artifact() {
        let a = Sha256Digest::of(b"a");
        let stmt = format!(
            r#"{{"_type":"https://in-toto.io/Statement/v1","subject":[{{"name":"x","digest":{{"sha256":"{}"}}}}]}}"#,
            a.to_hex()
        );
        assert_eq!(check_subject(IN_TOTO, stmt.as_bytes(), d(&a)), Ok(()));
        assert_eq!(
            check_subject(IN_TOTO, stmt.as_bytes(), Artifact::Bytes(b"a")),
            Ok(())
        );
        assert_eq!(
            check_subject(IN_TOTO, stmt.as_bytes(), d(&Sha256Digest::of(b"b"))),
            Err(Error::DsseSubjectMismatch)
        );
        assert_eq!(
            check_subject("text/plain", stmt.as_bytes(), d(&a)),
            Err(Error::DssePayloadTypeUnsupported)
        );
        assert_eq!(
            check_subject(IN_TOTO, b"{", d(&a)),
            Err(Error::DsseStatementInvalid)
        );
        assert_eq!(
            check_subject(IN_TOTO, br#"{"subject":{}}"#, d(&a)),
            Err(Error::DsseStatementInvalid)
        );
        // A statement is an object: the same subjects as an array (field order) do not match.
        let hex = a.to_hex();
        let array = std::format!(r#"[[{{"digest":{{"sha256":"{hex}"}}}}]]"#);
        assert_eq!(
            check_subject(IN_TOTO, array.as_bytes(), d(&a)),
            Err(Error::DsseStatementInvalid)
        );
    }

    #[test]
    fn a_subject_matches_in_any_supported_algorithm() {
        let art = b"package.tgz bytes";
        let sha512 = Digest::of(HashAlgorithm::Sha512, art);
        let hex = crate::encoding::hex_encode(sha512.as_bytes()).to_uppercase();
        // npm's shape: the tarball named by SHA-512 alone, next to an algorithm we ignore.
        let stmt = format!(
            r#"{{"subject":[{{"name":"pkg","digest":{{"sha1":"00","sha512":"{hex}"}}}}]}}"#
        );
        let stmt = stmt.as_bytes();
        assert_eq!(check_subject(IN_TOTO, stmt, Artifact::Bytes(art)), Ok(()));
        assert_eq!(
            check_subject(IN_TOTO, stmt, Artifact::Digest(sha512)),
            Ok(())
        );
        assert_eq!(
            check_subject(IN_TOTO, stmt, d(&Sha256Digest::of(art))),
            Err(Error::DsseSubjectMismatch),
            "a SHA-256 digest cannot match a subject named by SHA-512 alone"
        );
        assert_eq!(
            check_subject(IN_TOTO, stmt, Artifact::Bytes(b"other")),
            Err(Error::DsseSubjectMismatch)
        );
        assert_eq!(subject_hash(IN_TOTO, stmt), HashAlgorithm::Sha512);
        let both = format!(
            r#"{{"subject":[{{"digest":{{"sha384":"{}"}}}},{{"digest":{{"sha512":"{hex}","sha256":"{}"}}}}]}}"#,
            crate::encoding::hex_encode(Digest::of(HashAlgorithm::Sha384, art).as_bytes()),
            Sha256Digest::of(art).to_hex()
        );
        assert_eq!(
            subject_hash(IN_TOTO, both.as_bytes()),
            HashAlgorithm::Sha256
        );
        let sha384 = Digest::of(HashAlgorithm::Sha384, art);
        assert_eq!(
            check_subject(IN_TOTO, both.as_bytes(), Artifact::Digest(sha384)),
            Ok(())
        );
        assert_eq!(subject_hash("text/plain", b"x"), HashAlgorithm::Sha256);
    }
}
