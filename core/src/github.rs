//! GitHub-shaped policies, with the semantics of `gh attestation verify`: who built an artifact
//! is read from the Fulcio extensions GitHub Actions certificates carry (source repository
//! owner and URI, ref and digest, build signer digest, runner environment, OIDC issuer), never
//! from substrings of the SAN; the SAN names the signing workflow.
//!
//! Where gh matches loosely this builder is stricter, and says so: a signer workflow must be the
//! whole workflow path (gh accepts any SAN that starts with it, dots matching any character),
//! and every name is matched literally. Owner, repository, refs, digests and the issuer compare
//! without regard to case, as gh compares them; the workflow path keeps its case, as in gh.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::Error;
use crate::policy::Condition;
use crate::policy::Policy;
use crate::policy::fulcio_oid;

/// The OIDC issuer of GitHub Actions on github.com.
pub const GITHUB_ACTIONS_ISSUER: &str = "https://token.actions.githubusercontent.com";

/// What `gh attestation verify` is asked to check. Give `owner` or `repo` (which names its
/// owner); everything else narrows the policy further.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GitHubPolicy {
    /// The GitHub host: `github.com` (the default when `None`) or a data-residency tenant
    /// `NAME.ghe.com`, whose Actions issuer is `https://token.actions.NAME.ghe.com`.
    pub host: Option<String>,
    /// The organisation or user whose repository built the artifact (`--owner`).
    pub owner: Option<String>,
    /// The repository that built the artifact, `OWNER/REPO` (`--repo`).
    pub repo: Option<String>,
    /// The workflow that signed, `OWNER/REPO/.github/workflows/FILE` with an optional
    /// `@REF` (`--signer-workflow`); a host may lead it.
    pub signer_workflow: Option<String>,
    /// The repository whose workflow signed, `OWNER/REPO` (`--signer-repo`), for reusable
    /// workflows that live elsewhere.
    pub signer_repo: Option<String>,
    /// The git ref the artifact was built from, in full: `refs/tags/v1.2.3` (`--source-ref`).
    pub source_ref: Option<String>,
    /// The commit the artifact was built from (`--source-digest`).
    pub source_digest: Option<String>,
    /// The commit of the signing workflow (`--signer-digest`).
    pub signer_digest: Option<String>,
    /// The OIDC issuer, when not the host's GitHub Actions issuer (`--cert-oidc-issuer`).
    pub issuer: Option<String>,
    /// Only runners hosted by GitHub (`--deny-self-hosted-runners`).
    pub deny_self_hosted_runners: bool,
}

impl GitHubPolicy {
    /// The policy: Fulcio extension conditions and a SAN pattern, all of which must hold.
    /// Errors: neither or both of `owner` and `repo`, more than one of the signer options, a
    /// repository that is not `OWNER/REPO`, a host that is not github.com or a `.ghe.com`
    /// tenant (`PolicyConditionInvalid`); empty values (`PolicyValueEmpty`).
    pub fn build(&self) -> Result<Policy, Error> {
        let host = match self.host.as_deref() {
            None => "github.com",
            Some(h) => h,
        };
        let host = host.trim_end_matches('/').to_ascii_lowercase();
        let tenant = match host.strip_suffix(".ghe.com") {
            _ if host == "github.com" => None,
            Some(name) if !name.is_empty() && !name.contains(['.', '/']) => Some(name),
            _ => return Err(Error::PolicyConditionInvalid),
        };
        let owner = match (&self.owner, &self.repo) {
            (Some(owner), None) => nonempty(owner)?,
            (None, Some(repo)) => split_repo(repo)?.0,
            _ => return Err(Error::PolicyConditionInvalid),
        };
        let site = format!("https://{host}");
        let mut all = Vec::new();
        all.push(ci_extension(
            fulcio_oid::SOURCE_REPOSITORY_OWNER_URI,
            &format!("{site}/{owner}"),
        )?);
        if let Some(repo) = &self.repo {
            let (o, r) = split_repo(repo)?;
            all.push(ci_extension(
                fulcio_oid::SOURCE_REPOSITORY_URI,
                &format!("{site}/{o}/{r}"),
            )?);
        }
        let issuer = match (&self.issuer, tenant) {
            (Some(issuer), _) => String::from(nonempty(issuer)?),
            (None, Some(name)) => format!("https://token.actions.{name}.ghe.com"),
            (None, None) => String::from(GITHUB_ACTIONS_ISSUER),
        };
        all.push(Condition::issuer_matching(&format!(
            "(?i){}",
            escape(&issuer)
        ))?);
        all.push(self.signer(&site, owner)?);
        for (oid, value) in [
            (fulcio_oid::SOURCE_REPOSITORY_REF, &self.source_ref),
            (fulcio_oid::SOURCE_REPOSITORY_DIGEST, &self.source_digest),
            (fulcio_oid::BUILD_SIGNER_DIGEST, &self.signer_digest),
        ] {
            if let Some(v) = value {
                all.push(ci_extension(oid, nonempty(v)?)?);
            }
        }
        if self.deny_self_hosted_runners {
            all.push(Condition::extension(
                fulcio_oid::RUNNER_ENVIRONMENT,
                "github-hosted",
            ));
        }
        Policy::certificate(Condition::AllOf(all))
    }

    /// The SAN condition: the signing workflow, or any workflow of the signer repository, or
    /// by default any workflow of the source repository (or owner).
    fn signer(&self, site: &str, owner: &str) -> Result<Condition, Error> {
        match (&self.signer_workflow, &self.signer_repo) {
            (Some(_), Some(_)) => Err(Error::PolicyConditionInvalid),
            (Some(workflow), None) => {
                let workflow = nonempty(workflow)?;
                // A leading host (its first segment has a dot) is kept, as gh keeps it.
                let first = workflow.split('/').next().unwrap_or_default();
                let url = if first.contains('.') {
                    format!("https://{workflow}")
                } else {
                    format!("{site}/{workflow}")
                };
                let pattern = if workflow.contains('@') {
                    escape(&url)
                } else {
                    format!("{}@(refs/.+|[0-9a-fA-F]+)", escape(&url))
                };
                Condition::identity_matching(&pattern)
            }
            (None, Some(repo)) => {
                let (o, r) = split_repo(repo)?;
                Condition::identity_matching(&format!(
                    "(?i){}/.+",
                    escape(&format!("{site}/{o}/{r}"))
                ))
            }
            (None, None) => {
                let prefix = match &self.repo {
                    Some(repo) => {
                        let (o, r) = split_repo(repo)?;
                        format!("{site}/{o}/{r}")
                    }
                    None => format!("{site}/{owner}"),
                };
                Condition::identity_matching(&format!("(?i){}/.+", escape(&prefix)))
            }
        }
    }
}

/// The Fulcio extension `oid` equals `value` whatever the case (gh's `EqualFold`).
fn ci_extension(oid: &str, value: &str) -> Result<Condition, Error> {
    Condition::extension_matching(oid, &format!("(?i){}", escape(value)))
}

fn nonempty(v: &str) -> Result<&str, Error> {
    if v.is_empty() {
        Err(Error::PolicyValueEmpty)
    } else {
        Ok(v)
    }
}

/// `OWNER/REPO`, both non-empty.
fn split_repo(repo: &str) -> Result<(&str, &str), Error> {
    match repo.split_once('/') {
        Some((o, r)) if !o.is_empty() && !r.is_empty() && !r.contains('/') => Ok((o, r)),
        _ => Err(Error::PolicyConditionInvalid),
    }
}

/// `text` as a pattern matching exactly it: every character with a meaning in the pattern
/// syntax is escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len().saturating_mul(2));
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '.'
                | '+'
                | '*'
                | '?'
                | '('
                | ')'
                | '|'
                | '['
                | ']'
                | '{'
                | '}'
                | '^'
                | '$'
                | '#'
                | '&'
                | '-'
                | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::PolicyKind;
    use crate::testing;
    use crate::x509::Certificate;

    const WORKFLOW: &str =
        "https://github.com/Octo/App/.github/workflows/release.yml@refs/tags/v1.2.3";

    /// A GitHub Actions leaf of Octo/App, built from `refs/tags/v1.2.3` on a hosted runner.
    fn leaf(runner: &str) -> Certificate {
        let ext = |arc: u8, value: &str| {
            testing::extension(
                &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xbf, 0x30, 0x01, arc],
                false,
                &crate::asn1::encode(0x0c, value.as_bytes()),
            )
        };
        let key = testing::key(30);
        let der = testing::cert(
            "",
            &key,
            "ca",
            &key,
            5,
            (0, 2_000_000_000),
            testing::Role::CodeSigning,
            &[
                ext(10, "1111111111111111111111111111111111111111"),
                ext(11, runner),
                ext(12, "https://github.com/Octo/App"),
                ext(13, "2222222222222222222222222222222222222222"),
                ext(14, "refs/tags/v1.2.3"),
                ext(16, "https://github.com/Octo"),
            ],
        );
        let mut cert = Certificate::from_der(&der).unwrap();
        cert.san = Some(WORKFLOW.into());
        cert.fulcio_issuer = Ok(Some(GITHUB_ACTIONS_ISSUER.into()));
        cert
    }

    fn check(p: &GitHubPolicy, cert: &Certificate) -> Result<(), Error> {
        let PolicyKind::Certificate(c) = p.build()?.kind else {
            panic!("not a certificate policy")
        };
        crate::policy::check_certificate(cert, &c).map(|_| ())
    }

    fn repo(r: &str) -> GitHubPolicy {
        GitHubPolicy {
            repo: Some(r.into()),
            ..GitHubPolicy::default()
        }
    }

    #[test]
    fn owner_and_repo_are_read_from_the_extensions_without_regard_to_case() {
        let cert = leaf("github-hosted");
        let owner = GitHubPolicy {
            owner: Some("octo".into()),
            ..GitHubPolicy::default()
        };
        assert_eq!(check(&owner, &cert), Ok(()));
        assert_eq!(check(&repo("octo/app"), &cert), Ok(()));
        assert_eq!(
            check(&repo("octo/other"), &cert),
            Err(Error::PolicyExtensionMismatch {
                oid: fulcio_oid::SOURCE_REPOSITORY_URI.into(),
                found: "https://github.com/Octo/App".into()
            })
        );
        // `Octo/Ap` is a prefix of the repository URI, not the repository.
        assert!(check(&repo("Octo/Ap"), &cert).is_err());
        let other_owner = GitHubPolicy {
            owner: Some("oct".into()),
            ..GitHubPolicy::default()
        };
        assert!(check(&other_owner, &cert).is_err());
    }

    #[test]
    fn the_signer_is_the_whole_workflow_or_any_workflow_of_a_repository() {
        let cert = leaf("github-hosted");
        let with = |workflow: &str| GitHubPolicy {
            signer_workflow: Some(workflow.into()),
            ..repo("Octo/App")
        };
        assert_eq!(
            check(&with("Octo/App/.github/workflows/release.yml"), &cert),
            Ok(())
        );
        assert_eq!(
            check(
                &with("github.com/Octo/App/.github/workflows/release.yml"),
                &cert
            ),
            Ok(())
        );
        assert_eq!(
            check(
                &with("Octo/App/.github/workflows/release.yml@refs/tags/v1.2.3"),
                &cert
            ),
            Ok(())
        );
        // gh would accept these: a prefix of the file name, and a dot matching any character.
        assert!(check(&with("Octo/App/.github/workflows/release"), &cert).is_err());
        assert!(check(&with("Octo/App/.github/workflows/release.ym"), &cert).is_err());
        assert!(check(&with("Octo/App/.github/workflows/releaseXyml"), &cert).is_err());
        assert!(
            check(
                &with("Octo/App/.github/workflows/release.yml@refs/heads/main"),
                &cert
            )
            .is_err()
        );
        let signer_repo = |r: &str| GitHubPolicy {
            signer_repo: Some(r.into()),
            ..repo("Octo/App")
        };
        assert_eq!(check(&signer_repo("octo/app"), &cert), Ok(()));
        assert!(check(&signer_repo("octo/ap"), &cert).is_err());
        let both = GitHubPolicy {
            signer_repo: Some("octo/app".into()),
            ..with("Octo/App/.github/workflows/release.yml")
        };
        assert_eq!(both.build().map(|_| ()), Err(Error::PolicyConditionInvalid));
    }

    #[test]
    fn refs_digests_runners_and_issuers() {
        let cert = leaf("self-hosted");
        let p = GitHubPolicy {
            source_ref: Some("refs/tags/v1.2.3".into()),
            source_digest: Some("2222222222222222222222222222222222222222".into()),
            signer_digest: Some("1111111111111111111111111111111111111111".into()),
            ..repo("Octo/App")
        };
        assert_eq!(check(&p, &cert), Ok(()));
        let short_ref = GitHubPolicy {
            source_ref: Some("v1.2.3".into()),
            ..repo("Octo/App")
        };
        assert!(
            check(&short_ref, &cert).is_err(),
            "refs are given in full, as in gh"
        );
        let hosted_only = GitHubPolicy {
            deny_self_hosted_runners: true,
            ..repo("Octo/App")
        };
        assert!(check(&hosted_only, &cert).is_err());
        assert_eq!(check(&hosted_only, &leaf("github-hosted")), Ok(()));
        let tenant = GitHubPolicy {
            host: Some("acme.ghe.com".into()),
            ..repo("Octo/App")
        };
        // The tenant's repositories and issuer differ from github.com's.
        assert!(check(&tenant, &cert).is_err());
        let custom_issuer = GitHubPolicy {
            issuer: Some("https://token.actions.githubusercontent.com/enterprise".into()),
            ..repo("Octo/App")
        };
        assert!(check(&custom_issuer, &cert).is_err());
    }

    #[test]
    fn malformed_policies_are_refused_when_built() {
        for p in [
            GitHubPolicy::default(),
            GitHubPolicy {
                owner: Some("octo".into()),
                ..repo("octo/app")
            },
            repo("octo"),
            repo("octo/app/extra"),
            GitHubPolicy {
                host: Some("github.example.com".into()),
                ..repo("octo/app")
            },
        ] {
            assert_eq!(
                p.build().map(|_| ()),
                Err(Error::PolicyConditionInvalid),
                "{p:?}"
            );
        }
        let empty = GitHubPolicy {
            owner: Some(String::new()),
            ..GitHubPolicy::default()
        };
        assert_eq!(empty.build().map(|_| ()), Err(Error::PolicyValueEmpty));
        assert_eq!(escape("a.b*c"), "a\\.b\\*c");
    }
}
