//! The files of several bundles that users hold, split into the bundles they carry:
//!
//! - JSON Lines, one bundle per line, as `gh attestation download` writes them;
//! - an attestations document, `{"attestations": [{"predicateType": ..., "bundle": {...}},
//!   ...]}`, as npm's registry serves it for a package version (and GitHub's attestations API
//!   for an artifact digest, without `predicateType`);
//! - PyPI's PEP 740 attestation object, and its provenance object (attestations grouped by
//!   publisher), each attestation converted to the bundle it stands for ([`crate::pypi`]);
//! - a single bundle, which is a file of one.
//!
//! Splitting trusts nothing: each bundle is then parsed and verified on its own, and a caller
//! decides what one verified bundle among several means (the CLI: the file verifies when any
//! of its bundles does, and says which).

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::Error;
use crate::json::borrowed::Json;
use crate::json::last_member;
use crate::json::parse;
use crate::limits;
use crate::limits::Limit;

/// What kind of file the bundles came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FileKind {
    /// One bundle.
    Bundle,
    /// One bundle per line (`gh attestation download`).
    JsonLines,
    /// `{"attestations": [...]}` (npm's registry, GitHub's attestations API).
    AttestationsDocument,
    /// A PEP 740 attestation object (`*.publish.attestation`).
    PypiAttestation,
    /// A PEP 740 provenance object (PyPI's integrity API): `{"attestation_bundles": [...]}`.
    PypiProvenance,
}

/// One bundle of a file, with where it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FoundBundle {
    /// Where: `bundle`, `line 3`, or `attestations[1]`.
    pub place: String,
    /// The `predicateType` an attestations document lists next to the bundle (unverified: the
    /// signed statement says what it really is).
    pub predicate_type: Option<String>,
    /// The bundle's JSON, for [`crate::Bundle::from_json`].
    pub json: Vec<u8>,
}

/// Splits a file into its bundles, in file order. Errors: `LIMIT_EXCEEDED` (file size, bundle
/// count), `BUNDLE_JSON_INVALID` at `attestations` (an attestations document without a list of
/// `bundle` objects), the PEP 740 parsers' errors (`PYPI_*`) for PyPI's objects. A file that is none of the three kinds is returned as one bundle, for
/// [`crate::Bundle::from_json`] to say what is wrong with it.
pub fn split(file: &[u8]) -> Result<(FileKind, Vec<FoundBundle>), Error> {
    limits::check(
        file.len(),
        limits::MAX_BUNDLE_FILE_BYTES,
        Limit::BundleFileBytes,
    )?;
    let lines: Vec<&[u8]> = file
        .split(|b| *b == b'\n')
        .filter(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
        .collect();
    if lines.len() > 1 && lines.iter().all(|l| whole_object(l)) {
        return json_lines(&lines);
    }
    // Anything else is one bundle, whose own parser then names what is wrong with it.
    let doc = crate::json::check_depth(file, limits::MAX_JSON_DEPTH)
        .ok()
        .and_then(|()| parse::raw_members(file, limits::MAX_JSON_DEPTH).ok());
    let has = |key: &str| doc.as_ref().is_some_and(|d| last_member(d, key).is_some());
    match doc {
        Some(doc) if !has("mediaType") && has("attestations") => {
            attestations(last_member(&doc, "attestations").unwrap_or_default())
        }
        Some(_) if has("verification_material") && has("envelope") => {
            let attestation = crate::pypi::Attestation::from_json(file)?;
            Ok((
                FileKind::PypiAttestation,
                alloc::vec![FoundBundle {
                    place: String::from("attestation"),
                    predicate_type: None,
                    json: attestation.to_bundle_json(),
                }],
            ))
        }
        Some(_) if has("attestation_bundles") => {
            let provenance = crate::pypi::Provenance::from_json(file)?;
            let mut found = Vec::new();
            for (i, group) in provenance.bundles.iter().enumerate() {
                for (j, attestation) in group.attestations.iter().enumerate() {
                    found.push(FoundBundle {
                        place: format!("attestation_bundles[{i}].attestations[{j}]"),
                        predicate_type: None,
                        json: attestation.to_bundle_json(),
                    });
                }
            }
            if found.is_empty() {
                return Err(Error::PypiProvenanceEmpty);
            }
            Ok((FileKind::PypiProvenance, found))
        }
        _ => Ok((
            FileKind::Bundle,
            alloc::vec![FoundBundle {
                place: String::from("bundle"),
                predicate_type: None,
                json: file.to_vec(),
            }],
        )),
    }
}

/// Whether a line is one JSON object on its own (a pretty-printed bundle spans many lines, and
/// none of them is).
fn whole_object(line: &[u8]) -> bool {
    crate::json::check_depth(line, limits::MAX_JSON_DEPTH).is_ok()
        && parse::raw_members(line, limits::MAX_JSON_DEPTH).is_ok()
}

fn json_lines(lines: &[&[u8]]) -> Result<(FileKind, Vec<FoundBundle>), Error> {
    limits::check(
        lines.len(),
        limits::MAX_BUNDLES_IN_FILE,
        Limit::BundlesInFile,
    )?;
    let found = lines
        .iter()
        .enumerate()
        .map(|(i, line)| FoundBundle {
            place: format!("line {}", i + 1),
            predicate_type: None,
            json: line.to_vec(),
        })
        .collect();
    Ok((FileKind::JsonLines, found))
}

/// The entries of an attestations document, each entry's `bundle` handed on as the bytes it
/// was written with: a bundle with a repeated member is refused inside a document exactly as
/// it is alone.
fn attestations(list: &[u8]) -> Result<(FileKind, Vec<FoundBundle>), Error> {
    let malformed = Error::BundleJsonInvalid {
        path: "attestations",
    };
    let entries =
        parse::raw_elements(list, limits::MAX_JSON_DEPTH).map_err(|_| malformed.clone())?;
    if entries.is_empty() {
        return Err(malformed);
    }
    limits::check(
        entries.len(),
        limits::MAX_BUNDLES_IN_FILE,
        Limit::BundlesInFile,
    )?;
    let mut found = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let members =
            parse::raw_members(entry, limits::MAX_JSON_DEPTH).map_err(|_| malformed.clone())?;
        let bundle = last_member(&members, "bundle")
            .filter(|b| b.first() == Some(&b'{'))
            .ok_or(malformed.clone())?;
        let predicate_type = match last_member(&members, "predicateType") {
            None => None,
            Some(raw) => match parse::parse(raw, 0) {
                Ok(Json::Str(t)) => Some(Cow::into_owned(t)),
                _ => return Err(malformed),
            },
        };
        found.push(FoundBundle {
            place: format!("attestations[{i}]"),
            predicate_type,
            json: bundle.to_vec(),
        });
    }
    Ok((FileKind::AttestationsDocument, found))
}

#[cfg(test)]
mod tests {
    use alloc::borrow::ToOwned;

    use super::*;

    const B: &str = r#"{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","x":1}"#;

    #[test]
    fn one_bundle_pretty_or_not_is_a_file_of_one() {
        for text in [B.to_owned(), B.replace(',', ",\n  ")] {
            let (kind, found) = split(text.as_bytes()).unwrap();
            assert_eq!(kind, FileKind::Bundle);
            assert_eq!(found.len(), 1);
            assert_eq!(found[0].json, text.as_bytes());
        }
    }

    #[test]
    fn json_lines_give_one_bundle_per_line() {
        let text = format!("{B}\n\n{B}\r\n");
        let (kind, found) = split(text.as_bytes()).unwrap();
        assert_eq!(kind, FileKind::JsonLines);
        let places: Vec<&str> = found.iter().map(|f| f.place.as_str()).collect();
        assert_eq!(places, ["line 1", "line 2"]);
        // A line that is not JSON makes the file one (malformed) bundle.
        let bad = format!("{B}\nnot json\n");
        let (kind, found) = split(bad.as_bytes()).unwrap();
        assert_eq!((kind, found.len()), (FileKind::Bundle, 1));
        let at = format!("{B}\n").repeat(limits::MAX_BUNDLES_IN_FILE);
        assert_eq!(
            split(at.as_bytes()).unwrap().1.len(),
            limits::MAX_BUNDLES_IN_FILE
        );
        let many = format!("{B}\n").repeat(limits::MAX_BUNDLES_IN_FILE + 1);
        assert_eq!(
            split(many.as_bytes()).err(),
            Some(Error::LimitExceeded {
                limit: Limit::BundlesInFile
            })
        );
    }

    #[test]
    fn an_attestations_document_lists_its_bundles_and_predicate_types() {
        let doc = format!(
            r#"{{"attestations":[{{"predicateType":"https://slsa.dev/provenance/v1","bundle":{B}}},{{"bundle":{B}}}]}}"#
        );
        let (kind, found) = split(doc.as_bytes()).unwrap();
        assert_eq!(kind, FileKind::AttestationsDocument);
        assert_eq!(found[0].place, "attestations[0]");
        assert_eq!(
            found[0].predicate_type.as_deref(),
            Some("https://slsa.dev/provenance/v1")
        );
        assert_eq!(found[1].predicate_type, None);
        assert_eq!(
            found[1].json,
            B.as_bytes(),
            "the bundle's bytes, as written"
        );
        let malformed = Some(Error::BundleJsonInvalid {
            path: "attestations",
        });
        for bad in [
            r#"{"attestations":[]}"#,
            r#"{"attestations":{}}"#,
            r#"{"attestations":[{"predicateType":"x"}]}"#,
            r#"{"attestations":[{"bundle":[]}]}"#,
        ] {
            assert_eq!(split(bad.as_bytes()).err(), malformed, "{bad}");
        }
        let typed = format!(r#"{{"attestations":[{{"predicateType":7,"bundle":{B}}}]}}"#);
        assert_eq!(split(typed.as_bytes()).err(), malformed);
        // A bundle that repeats a member reaches the bundle parser with both: it refuses one
        // inside a document exactly as it refuses it alone.
        let twice = r#"{"mediaType":"m","messageSignature":{"a":1},"messageSignature":{"b":2}}"#;
        let doc = format!(r#"{{"attestations":[{{"bundle":{twice}}}]}}"#);
        assert_eq!(split(doc.as_bytes()).unwrap().1[0].json, twice.as_bytes());
    }

    #[test]
    fn size_and_depth_are_bounded() {
        // At the limit, the size passes (blank text is then one, malformed, bundle).
        let at = alloc::vec![b' '; limits::MAX_BUNDLE_FILE_BYTES];
        assert_eq!(split(&at).unwrap().0, FileKind::Bundle);
        let big = alloc::vec![b' '; limits::MAX_BUNDLE_FILE_BYTES + 1];
        assert_eq!(
            split(&big).err(),
            Some(Error::LimitExceeded {
                limit: Limit::BundleFileBytes
            })
        );
        // Too deep to be a document: one bundle, which its own parser refuses.
        let deep = "[".repeat(limits::MAX_JSON_DEPTH + 1);
        assert_eq!(split(deep.as_bytes()).unwrap().0, FileKind::Bundle);
    }

    #[test]
    fn pypi_objects_become_the_bundles_they_stand_for() {
        let attestation = r#"{"version":1,"verification_material":{"certificate":"AQID","transparency_entries":[{"logIndex":"1"}]},"envelope":{"statement":"e30=","signature":"BAU="}}"#;
        let (kind, found) = split(attestation.as_bytes()).unwrap();
        assert_eq!(kind, FileKind::PypiAttestation);
        assert_eq!(found[0].place, "attestation");
        let bundle = parse::parse(&found[0].json, 8).unwrap();
        assert_eq!(
            bundle
                .get("dsseEnvelope")
                .and_then(|e| e.get("payload"))
                .and_then(Json::as_str),
            Some("e30=")
        );
        let provenance = format!(
            r#"{{"version":1,"attestation_bundles":[{{"publisher":{{"kind":"Google","email":"a@b"}},"attestations":[{attestation},{attestation}]}}]}}"#
        );
        let (kind, found) = split(provenance.as_bytes()).unwrap();
        assert_eq!(kind, FileKind::PypiProvenance);
        let places: Vec<&str> = found.iter().map(|f| f.place.as_str()).collect();
        assert_eq!(
            places,
            [
                "attestation_bundles[0].attestations[0]",
                "attestation_bundles[0].attestations[1]"
            ]
        );
        let empty = r#"{"version":1,"attestation_bundles":[]}"#;
        assert_eq!(
            split(empty.as_bytes()).err(),
            Some(Error::PypiProvenanceEmpty)
        );
        let bad = attestation.replace("\"version\":1", "\"version\":2");
        assert_eq!(
            split(bad.as_bytes()).err(),
            Some(Error::PypiAttestationInvalid { field: "version" })
        );
    }
}
