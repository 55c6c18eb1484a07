//! DSSE envelopes (`github.com/secure-systems-lab/dsse`): the pre-authentication encoding the
//! signature covers, and the in-toto statement whose subjects must name the artifact.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use serde::Deserialize;

use crate::Error;
use crate::digest::Sha256Digest;
use crate::encoding::hex_decode;
use crate::limits;
use crate::limits::Limit;

/// The in-toto payload type Sigstore attestations use.
pub(crate) const IN_TOTO: &str = "application/vnd.in-toto+json";

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

/// Checks that the envelope carries an in-toto statement with a subject whose SHA-256 digest
/// is the artifact's.
pub(crate) fn check_subject(
    payload_type: &str,
    payload: &[u8],
    artifact: &Sha256Digest,
) -> Result<(), Error> {
    if payload_type != IN_TOTO {
        return Err(Error::DssePayloadTypeUnsupported);
    }
    crate::json::check_depth(payload, limits::MAX_JSON_DEPTH)?;
    let statement: Statement =
        serde_json::from_slice(payload).map_err(|_| Error::DsseStatementInvalid)?;
    limits::check(
        statement.subject.len(),
        limits::MAX_SUBJECTS,
        Limit::Subjects,
    )?;
    let found = statement
        .subject
        .iter()
        .any(|s| s.digest.sha256.as_deref().and_then(hex_decode::<32>) == Some(artifact.0));
    if found {
        Ok(())
    } else {
        Err(Error::DsseSubjectMismatch)
    }
}

#[derive(Deserialize)]
struct Statement {
    #[serde(default)]
    subject: Vec<Subject>,
}

#[derive(Deserialize)]
struct Subject {
    #[serde(default)]
    digest: SubjectDigest,
}

#[derive(Default, Deserialize)]
struct SubjectDigest {
    sha256: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pae_matches_the_dsse_spec_example() {
        assert_eq!(
            pae("http://example.com/HelloWorld", b"hello world"),
            b"DSSEv1 29 http://example.com/HelloWorld 11 hello world".to_vec()
        );
    }

    #[test]
    fn subjects_are_limited() {
        let d = Sha256Digest::of(b"a");
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
            check_subject(IN_TOTO, stmt(limits::MAX_SUBJECTS).as_bytes(), &d),
            Err(Error::DsseSubjectMismatch)
        );
        assert_eq!(
            check_subject(IN_TOTO, stmt(limits::MAX_SUBJECTS + 1).as_bytes(), &d),
            Err(Error::LimitExceeded {
                limit: Limit::Subjects
            })
        );
    }

    #[test]
    fn subject_must_name_the_artifact() {
        let d = Sha256Digest::of(b"a");
        let stmt = format!(
            r#"{{"_type":"https://in-toto.io/Statement/v1","subject":[{{"name":"x","digest":{{"sha256":"{}"}}}}]}}"#,
            d.to_hex()
        );
        assert_eq!(check_subject(IN_TOTO, stmt.as_bytes(), &d), Ok(()));
        assert_eq!(
            check_subject(IN_TOTO, stmt.as_bytes(), &Sha256Digest::of(b"b")),
            Err(Error::DsseSubjectMismatch)
        );
        assert_eq!(
            check_subject("text/plain", stmt.as_bytes(), &d),
            Err(Error::DssePayloadTypeUnsupported)
        );
        assert_eq!(
            check_subject(IN_TOTO, b"{", &d),
            Err(Error::DsseStatementInvalid)
        );
        assert_eq!(
            check_subject(IN_TOTO, br#"{"subject":{}}"#, &d),
            Err(Error::DsseStatementInvalid)
        );
    }
}
