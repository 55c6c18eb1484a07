//! GitHub release attestations, with the semantics of `gh release verify` and `gh release
//! verify-asset`: an immutable release is attested by GitHub itself, through its own Sigstore
//! instance (no public-good log, no SCT, one RFC 3161 timestamp), with a certificate whose
//! identity is `https://<trust domain>.releases.github.com` and which carries no OIDC issuer
//! extension. The statement's predicate type is `https://in-toto.io/attestation/release/v0.1`,
//! its predicate names the repository and the tag, and its subjects are the tag (by the git
//! ref's digest) and every asset (by file name and SHA-256).
//!
//! gh scopes an attestation to a repository by the API URL it fetched it from, and selects it
//! by `predicate.tag`; offline there is no URL, so this module also requires
//! `predicate.repository` to name the repository (case-insensitively, as GitHub names
//! repositories). Assets match a subject by SHA-256 alone, as gh matches them (a renamed
//! download is still the attested file).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::Error;
use crate::Statement;
use crate::Verified;
use crate::intoto::Subject;
use crate::json::borrowed::Json;
use crate::limits;
use crate::policy::Condition;
use crate::policy::Policy;
use crate::verifier::Config;

/// The in-toto predicate type of GitHub's release attestations.
pub const RELEASE_PREDICATE_TYPE: &str = "https://in-toto.io/attestation/release/v0.1";

/// github.com's trust domain: its release identity is `https://dotcom.releases.github.com`.
pub const DOTCOM: &str = "dotcom";

/// What `gh release verify --repo OWNER/REPO TAG` is asked to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReleasePolicy {
    repo: String,
    tag: String,
    trust_domain: String,
    tag_digest: Option<String>,
}

/// A verified release attestation: who attested, and what the release holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedRelease {
    /// The bundle's verification (identity, signing time from the timestamp, statement).
    pub verified: Verified,
    /// `predicate.repository`, as written.
    pub repository: String,
    /// `predicate.tag`.
    pub tag: String,
    /// The statement's subjects: the tag (by its git ref digest) and the assets.
    pub subjects: Vec<Subject>,
}

impl ReleasePolicy {
    /// The release `tag` of `repo` (`OWNER/REPO`) on github.com. A repository that is not
    /// `OWNER/REPO`, or an empty tag, is `RELEASE_POLICY_INVALID`.
    pub fn new(repo: &str, tag: &str) -> Result<Self, Error> {
        let valid = |s: &str| !s.is_empty() && !s.contains(['/', ' ']);
        match repo.split_once('/') {
            Some((o, r)) if valid(o) && valid(r) && !tag.is_empty() => Ok(Self {
                repo: repo.into(),
                tag: tag.into(),
                trust_domain: DOTCOM.into(),
                tag_digest: None,
            }),
            _ => Err(Error::ReleasePolicyInvalid),
        }
    }

    /// Another trust domain than github.com's (`dotcom`), e.g. a GHE.com tenant's, as gh reads
    /// it from the API's `/meta`. Only letters, digits and `-`: `RELEASE_POLICY_INVALID`.
    pub fn with_trust_domain(mut self, domain: &str) -> Result<Self, Error> {
        if domain.is_empty()
            || !domain
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return Err(Error::ReleasePolicyInvalid);
        }
        self.trust_domain = domain.into();
        Ok(self)
    }

    /// Also require the tag's git ref digest (what `git rev-parse TAG` or the API's
    /// `git/ref/tags/TAG` gives: 40 hex digits for SHA-1, 64 for SHA-256), as gh requires it
    /// of a subject when it is online. Not hex of either length: `RELEASE_POLICY_INVALID`.
    pub fn with_tag_digest(mut self, hex: &str) -> Result<Self, Error> {
        if !matches!(hex.len(), 40 | 64) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(Error::ReleasePolicyInvalid);
        }
        self.tag_digest = Some(hex.to_ascii_lowercase());
        Ok(self)
    }

    /// The certificate identity GitHub's release attestations carry.
    pub fn identity(&self) -> String {
        format!("https://{}.releases.github.com", self.trust_domain)
    }

    /// The signer policy: that identity, and no OIDC issuer extension (the one policy under
    /// which a certificate without an issuer verifies).
    pub fn policy(&self) -> Policy {
        Policy::from_condition(Condition::AllOf(alloc::vec![
            Condition::Identity(self.identity()),
            Condition::NoIssuer,
        ]))
    }

    /// The thresholds of GitHub's instance: one signed timestamp, no tlog entry, no SCT
    /// ([`Config::github_private`]), as gh configures sigstore-go for releases.
    pub fn config() -> Config {
        Config::github_private()
    }

    /// Checks a verified statement against the release: predicate type, repository, tag and
    /// (when given) the tag's digest. Errors: `DSSE_PREDICATE_TYPE_MISMATCH`,
    /// `RELEASE_PREDICATE_INVALID` (no string `repository` or `tag`),
    /// `RELEASE_REPOSITORY_MISMATCH`, `RELEASE_TAG_MISMATCH`, `RELEASE_TAG_DIGEST_MISMATCH`.
    pub fn check(&self, verified: Verified) -> Result<VerifiedRelease, Error> {
        let statement: &Statement = verified.attestation()?;
        statement.check_predicate_type(RELEASE_PREDICATE_TYPE)?;
        let subjects = statement.in_toto()?.subjects;
        let (repository, tag) = predicate_fields(&statement.payload)?;
        if !repository.eq_ignore_ascii_case(&self.repo) {
            return Err(Error::ReleaseRepositoryMismatch { found: repository });
        }
        if tag != self.tag {
            return Err(Error::ReleaseTagMismatch { found: tag });
        }
        if let Some(want) = &self.tag_digest {
            let alg = if want.len() == 40 { "sha1" } else { "sha256" };
            let named = subjects.iter().any(|s| {
                s.digests
                    .iter()
                    .any(|(a, hex)| a == alg && hex.eq_ignore_ascii_case(want))
            });
            if !named {
                return Err(Error::ReleaseTagDigestMismatch);
            }
        }
        Ok(VerifiedRelease {
            verified,
            repository,
            tag,
            subjects,
        })
    }
}

impl VerifiedRelease {
    /// The subject attesting an asset with this SHA-256 (its name is the asset's file name on
    /// the release), or `RELEASE_ASSET_NOT_ATTESTED`.
    pub fn asset(&self, sha256: &[u8; 32]) -> Result<&Subject, Error> {
        let hex = crate::encoding::hex_encode(sha256);
        self.subjects
            .iter()
            .find(|s| {
                s.digests
                    .iter()
                    .any(|(a, h)| a == "sha256" && h.eq_ignore_ascii_case(&hex))
            })
            .ok_or(Error::ReleaseAssetNotAttested { sha256: hex })
    }
}

/// `predicate.repository` and `predicate.tag`, each a string.
fn predicate_fields(payload: &[u8]) -> Result<(String, String), Error> {
    let tree =
        crate::json::parse::parse_object_keeping(payload, limits::MAX_JSON_DEPTH, &["predicate"])
            .map_err(|_| Error::DsseStatementInvalid)?;
    let field = |name: &'static str| {
        tree.get("predicate")
            .and_then(|p| p.get(name))
            .and_then(Json::as_str)
            .map(String::from)
            .ok_or(Error::ReleasePredicateInvalid { field: name })
    };
    Ok((field("repository")?, field("tag")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_name_a_repository_and_a_tag() {
        assert!(ReleasePolicy::new("octo/app", "v1").is_ok());
        for (repo, tag) in [
            ("octo", "v1"),
            ("octo/app/x", "v1"),
            ("/app", "v1"),
            ("o/a", ""),
        ] {
            assert_eq!(
                ReleasePolicy::new(repo, tag).unwrap_err(),
                Error::ReleasePolicyInvalid,
                "{repo} {tag}"
            );
        }
        let p = ReleasePolicy::new("octo/app", "v1").unwrap();
        assert_eq!(p.identity(), "https://dotcom.releases.github.com");
        let tenant = p.clone().with_trust_domain("acme").unwrap();
        assert_eq!(tenant.identity(), "https://acme.releases.github.com");
        assert!(p.clone().with_trust_domain("a.b").is_err());
        assert!(p.clone().with_tag_digest("abc").is_err());
        assert!(p.with_tag_digest(&"A".repeat(40)).is_ok());
    }

    #[test]
    fn predicate_fields_must_be_strings() {
        let ok = br#"{"predicate":{"repository":"o/r","tag":"v1"}}"#;
        assert_eq!(predicate_fields(ok), Ok(("o/r".into(), "v1".into())));
        let bad = br#"{"predicate":{"repository":"o/r","tag":1}}"#;
        assert_eq!(
            predicate_fields(bad),
            Err(Error::ReleasePredicateInvalid { field: "tag" })
        );
        assert_eq!(
            predicate_fields(br#"{"subject":[]}"#),
            Err(Error::ReleasePredicateInvalid {
                field: "repository"
            })
        );
    }
}
