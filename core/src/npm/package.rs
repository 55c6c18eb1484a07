//! One version of an npm package as the registry describes it: the version document
//! (`https://registry.npmjs.org/NAME/VERSION`), or the full packument with the version chosen.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::text_or;
use crate::Error;
use crate::json::borrowed::Json;
use crate::limits;
use crate::limits::Limit;
use crate::time::UnixTime;

/// A package version: its name, version, integrity and the registry's signatures over them.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PackageVersion {
    /// The package name, scoped names with their `@scope/`.
    pub name: String,
    /// The version.
    pub version: String,
    /// `dist.integrity` as written (`sha512-<base64>`), the text the registry signs.
    pub integrity: String,
    /// The tarball's SHA-512 that `integrity` names.
    pub sha512: [u8; 64],
    /// `dist.signatures`: key id and DER ECDSA signature, in document order.
    pub signatures: Vec<(String, Vec<u8>)>,
    /// Whether `dist.attestations` says the registry holds attestations for this version.
    pub has_attestations: bool,
    /// The publish time, `time[VERSION]` of a full packument (unsigned: npm compares key
    /// expiry with it).
    pub publish_time: Option<UnixTime>,
}

impl PackageVersion {
    /// Reads a version document, or a full packument (`versions`, `time`) for `version`.
    /// Errors: `LIMIT_EXCEEDED`, `NPM_PACKAGE_INVALID` naming the field (no such version, an
    /// integrity that is not `sha512-` and base64 of 64 bytes, a signature that is not base64).
    pub fn from_json(input: &[u8], version: Option<&str>) -> Result<Self, Error> {
        limits::check(
            input.len(),
            limits::MAX_NPM_DOCUMENT_BYTES,
            Limit::NpmDocumentBytes,
        )?;
        let invalid = |field| Error::NpmPackageInvalid { field };
        let doc = crate::json::document(input, invalid("packument"))?;
        let (manifest, publish_time) = match doc.get("versions") {
            Some(versions) => {
                let v = version.ok_or(invalid("version"))?;
                let manifest = versions.get(v).ok_or(invalid("versions"))?;
                let time = doc
                    .get("time")
                    .and_then(|t| t.get(v))
                    .and_then(Json::as_str)
                    .and_then(UnixTime::from_rfc3339);
                (manifest, time)
            }
            None => (&doc, None),
        };
        let name = text_or(invalid, manifest.get("name"), "name")?;
        let found = text_or(invalid, manifest.get("version"), "version")?;
        if version.is_some_and(|v| v != found) {
            return Err(invalid("version"));
        }
        let dist = manifest.get("dist").ok_or(invalid("dist"))?;
        let integrity = text_or(invalid, dist.get("integrity"), "dist.integrity")?;
        let sha512 = sha512_of_integrity(integrity).ok_or(invalid("dist.integrity"))?;
        let mut signatures = Vec::new();
        if let Some(list) = dist.get("signatures") {
            let list = list.as_array().ok_or(invalid("dist.signatures"))?;
            limits::check(list.len(), limits::MAX_NPM_ENTRIES, Limit::NpmEntries)?;
            for s in list {
                let keyid = text_or(invalid, s.get("keyid"), "dist.signatures.keyid")?;
                let sig = text_or(invalid, s.get("sig"), "dist.signatures.sig")?;
                let der =
                    crate::encoding::base64_decode(sig).ok_or(invalid("dist.signatures.sig"))?;
                signatures.push((keyid.into(), der));
            }
        }
        Ok(Self {
            name: name.into(),
            version: found.into(),
            integrity: integrity.into(),
            sha512,
            signatures,
            has_attestations: dist.get("attestations").is_some(),
            publish_time,
        })
    }

    /// What the registry signs: `NAME@VERSION:INTEGRITY`.
    pub fn signed_message(&self) -> String {
        format!("{}@{}:{}", self.name, self.version, self.integrity)
    }

    /// The package URL npm's attestations name as their subject: `pkg:npm/NAME@VERSION`, a
    /// scope's `@` written `%40` (the `/` after the scope stays), as npm-package-arg's
    /// `toPurl` writes it.
    pub fn purl(&self) -> String {
        let name = match self.name.strip_prefix('@') {
            Some(scoped) => format!("%40{scoped}"),
            None => self.name.clone(),
        };
        format!("pkg:npm/{name}@{}", self.version)
    }
}

/// The SHA-512 an SRI string names: `sha512-` and standard base64 of 64 bytes (npm writes one
/// hash; options after `?` are not used by the registry and are refused).
fn sha512_of_integrity(integrity: &str) -> Option<[u8; 64]> {
    let b64 = integrity.strip_prefix("sha512-")?;
    crate::encoding::base64_decode(b64)?.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const INTEGRITY: &str = "sha512-e+qfbn/zf1+rCza/BhIA//Awmf0v1pa5HQS8Xk8iXrn9bgytytVLqYD0P7NSqZ6IELTgq+tcDvLPkQjNHyWLNg==";

    #[test]
    fn reads_a_version_document_and_a_packument() {
        let doc = format!(
            r#"{{"name":"@scope/pkg","version":"1.0.0","dist":{{"integrity":"{INTEGRITY}","signatures":[{{"keyid":"SHA256:x","sig":"MEQC"}}],"attestations":{{"url":"u"}}}}}}"#
        );
        let p = PackageVersion::from_json(doc.as_bytes(), None).unwrap();
        assert_eq!(p.purl(), "pkg:npm/%40scope/pkg@1.0.0");
        assert_eq!(p.signed_message(), format!("@scope/pkg@1.0.0:{INTEGRITY}"));
        assert_eq!(p.signatures.len(), 1);
        assert!(p.has_attestations);
        assert_eq!(p.publish_time, None);
        let packument = format!(
            r#"{{"name":"pkg","versions":{{"1.0.0":{{"name":"pkg","version":"1.0.0","dist":{{"integrity":"{INTEGRITY}"}}}}}},"time":{{"1.0.0":"2023-02-09T12:00:00.000Z"}}}}"#
        );
        let p = PackageVersion::from_json(packument.as_bytes(), Some("1.0.0")).unwrap();
        assert_eq!(p.purl(), "pkg:npm/pkg@1.0.0");
        assert_eq!(
            p.publish_time,
            UnixTime::from_rfc3339("2023-02-09T12:00:00Z")
        );
        assert_eq!(
            PackageVersion::from_json(packument.as_bytes(), Some("2.0.0")),
            Err(Error::NpmPackageInvalid { field: "versions" })
        );
        assert_eq!(
            PackageVersion::from_json(packument.as_bytes(), None),
            Err(Error::NpmPackageInvalid { field: "version" })
        );
        let sha1 = r#"{"name":"p","version":"1","dist":{"integrity":"sha1-AAAA"}}"#;
        assert_eq!(
            PackageVersion::from_json(sha1.as_bytes(), None),
            Err(Error::NpmPackageInvalid {
                field: "dist.integrity"
            })
        );
    }
}
