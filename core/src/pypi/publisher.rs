//! PyPI's Trusted Publishers: the identity a provenance records for its attestations, the
//! certificate policy each kind stands for (as `pypi-attestations` builds it), and the check
//! that it is the publisher the caller expects.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::Condition;
use crate::Error;
use crate::Policy;
use crate::json::borrowed::Json;
use crate::json::parse;
use crate::limits;
use crate::policy::fulcio_oid;

const GITHUB_ISSUER: &str = "https://token.actions.githubusercontent.com";
const GITLAB_ISSUER: &str = "https://gitlab.com";
const GOOGLE_ISSUER: &str = "https://accounts.google.com";
const CIRCLECI_ISSUER: &str = "https://oidc.circleci.com";

/// A Trusted Publisher, as a provenance's `publisher` object names it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Publisher {
    /// `kind: "GitHub"`: a workflow of a GitHub repository.
    GitHub {
        /// `owner/repo`.
        repository: String,
        /// The workflow's file name, e.g. `release.yml`.
        workflow: String,
        /// The deployment environment, if any (not in the certificate; shown only).
        environment: Option<String>,
    },
    /// `kind: "GitLab"`: a pipeline of a GitLab project.
    GitLab {
        /// `namespace/project` (with subgroups).
        repository: String,
        /// The CI configuration's path, e.g. `.gitlab-ci.yml`.
        workflow_filepath: String,
        /// The environment, if any (shown only).
        environment: Option<String>,
    },
    /// `kind: "Google"`: a Google Cloud service account.
    Google {
        /// The service account's email.
        email: String,
    },
    /// `kind: "CircleCI"`: a CircleCI pipeline definition.
    CircleCi {
        /// The project's id (a UUID).
        project_id: String,
        /// The pipeline definition's id (a UUID).
        pipeline_definition_id: String,
        /// The source repository the pipeline ran from, if recorded.
        vcs_origin: Option<String>,
        /// The git ref, if recorded.
        vcs_ref: Option<String>,
    },
}

/// The publisher a caller expects, in `pypi-attestations verify pypi`'s terms: a repository
/// URL for GitHub and GitLab publishers, a service account for Google, a project and pipeline
/// definition for CircleCI. A publisher of a kind the caller gave nothing for is refused.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Expected {
    /// `https://github.com/owner/repo` or `https://gitlab.com/namespace/project`.
    pub repository: Option<String>,
    /// A Google Cloud service account's email.
    pub gcp_service_account: Option<String>,
    /// A CircleCI project id and pipeline definition id.
    pub circleci: Option<(String, String)>,
}

impl Expected {
    /// The publisher given field by field, as the bindings take it: each `Some` is one
    /// publisher kind the caller accepts (see the `with_*` methods for each).
    pub fn from_fields(
        repository: Option<&str>,
        gcp_service_account: Option<&str>,
        circleci: Option<(&str, &str)>,
    ) -> Result<Self, Error> {
        let mut expected = Self::default();
        if let Some(url) = repository {
            expected = expected.with_repository(url)?;
        }
        if let Some(email) = gcp_service_account {
            expected = expected.with_gcp_service_account(email);
        }
        if let Some((project, pipeline)) = circleci {
            expected = expected.with_circleci(project, pipeline);
        }
        Ok(expected)
    }

    /// Whether no publisher is expected (every provenance would then be refused).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Expects a GitHub or GitLab repository by URL (`https://github.com/owner/repo`). Another
    /// scheme or host, or no path, is `POLICY_CONDITION_INVALID`.
    pub fn with_repository(mut self, url: &str) -> Result<Self, Error> {
        let ok = url
            .strip_prefix("https://")
            .and_then(|rest| rest.split_once('/'))
            .is_some_and(|(host, path)| {
                matches!(host, "github.com" | "gitlab.com") && !path.is_empty()
            });
        if !ok {
            return Err(Error::PolicyConditionInvalid);
        }
        self.repository = Some(String::from(url));
        Ok(self)
    }

    /// Expects a Google Cloud service account.
    pub fn with_gcp_service_account(mut self, email: &str) -> Self {
        self.gcp_service_account = Some(String::from(email));
        self
    }

    /// Expects a CircleCI project and pipeline definition.
    pub fn with_circleci(mut self, project_id: &str, pipeline_definition_id: &str) -> Self {
        self.circleci = Some((
            String::from(project_id),
            String::from(pipeline_definition_id),
        ));
        self
    }
}

impl Publisher {
    /// Reads the `publisher` object of a provenance's group, given as written.
    pub(crate) fn from_raw(raw: Option<&[u8]>) -> Result<Self, Error> {
        let invalid = Error::PypiProvenanceInvalid { field: "publisher" };
        let value = raw
            .and_then(|raw| parse::parse(raw, limits::MAX_JSON_DEPTH).ok())
            .ok_or(invalid.clone())?;
        Self::from_value(&value)
    }

    fn from_value(map: &Json<'_>) -> Result<Self, Error> {
        let invalid = Error::PypiProvenanceInvalid { field: "publisher" };
        if map.as_object().is_none() {
            return Err(invalid);
        }
        let required = |field: &str| -> Result<String, Error> {
            map.get(field)
                .and_then(Json::as_str)
                .filter(|s| !s.is_empty())
                .map(String::from)
                .ok_or(invalid.clone())
        };
        let optional = |field: &str| optional(map, field).ok_or(invalid.clone());
        match map.get("kind").and_then(Json::as_str) {
            Some("GitHub") => Ok(Self::GitHub {
                repository: required("repository")?,
                workflow: required("workflow")?,
                environment: optional("environment")?,
            }),
            Some("GitLab") => Ok(Self::GitLab {
                repository: required("repository")?,
                workflow_filepath: required("workflow_filepath")?,
                environment: optional("environment")?,
            }),
            Some("Google") => Ok(Self::Google {
                email: required("email")?,
            }),
            Some("CircleCI") => Ok(Self::CircleCi {
                project_id: required("project_id")?,
                pipeline_definition_id: required("pipeline_definition_id")?,
                vcs_origin: optional("vcs_origin")?,
                vcs_ref: optional("vcs_ref")?,
            }),
            Some(kind) => Err(Error::PypiPublisherUnknown {
                kind: String::from(kind),
            }),
            None => Err(invalid),
        }
    }

    /// The kind as PyPI spells it: `GitHub`, `GitLab`, `Google`, `CircleCI`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::GitHub { .. } => "GitHub",
            Self::GitLab { .. } => "GitLab",
            Self::Google { .. } => "Google",
            Self::CircleCi { .. } => "CircleCI",
        }
    }

    /// One line for people: `GitHub trailofbits/pypi-attestations (release.yml)`.
    pub fn describe(&self) -> String {
        match self {
            Self::GitHub {
                repository,
                workflow,
                ..
            } => format!("GitHub {repository} ({workflow})"),
            Self::GitLab {
                repository,
                workflow_filepath,
                ..
            } => format!("GitLab {repository} ({workflow_filepath})"),
            Self::Google { email } => format!("Google {email}"),
            Self::CircleCi {
                project_id,
                pipeline_definition_id,
                ..
            } => format!(
                "CircleCI project {project_id} pipeline definition {pipeline_definition_id}"
            ),
        }
    }

    /// Checks that this is the publisher `expected` names (`PYPI_PUBLISHER_MISMATCH`
    /// otherwise, also when `expected` gives nothing for this kind).
    pub fn check_expected(&self, expected: &Expected) -> Result<(), Error> {
        let matches = match self {
            Self::GitHub { repository, .. } => same_repository(expected, "github.com", repository),
            Self::GitLab { repository, .. } => same_repository(expected, "gitlab.com", repository),
            Self::Google { email } => expected.gcp_service_account.as_deref() == Some(email),
            Self::CircleCi {
                project_id,
                pipeline_definition_id,
                ..
            } => expected
                .circleci
                .as_ref()
                .is_some_and(|(p, d)| p == project_id && d == pipeline_definition_id),
        };
        if matches {
            Ok(())
        } else {
            Err(Error::PypiPublisherMismatch {
                found: self.describe(),
            })
        }
    }

    /// The certificate policy of this publisher, as `pypi-attestations` builds it:
    ///
    /// - GitHub: the v2 issuer extension is GitHub Actions', the source repository URI is the
    ///   repository's, and the build config URI is
    ///   `https://github.com/{repository}/.github/workflows/{workflow}@` followed by the source
    ///   repository digest or ref the certificate carries;
    /// - GitLab: likewise with `https://gitlab.com/{repository}//{workflow_filepath}@`;
    /// - Google: the identity is the service account, the issuer Google's;
    /// - CircleCI: the v2 issuer is CircleCI's, the build signer URI names the project and
    ///   pipeline definition, and the source repository URI and ref equal `vcs_origin` and
    ///   `vcs_ref` where the publisher records them.
    pub fn policy(&self) -> Result<Policy, Error> {
        let ext = |oid: &str, value: String| Condition::extension(oid, value);
        let condition = match self {
            Self::GitHub {
                repository,
                workflow,
                ..
            } => source_and_build_config(
                GITHUB_ISSUER,
                format!("https://github.com/{repository}"),
                format!("https://github.com/{repository}/.github/workflows/{workflow}@"),
            ),
            Self::GitLab {
                repository,
                workflow_filepath,
                ..
            } => source_and_build_config(
                GITLAB_ISSUER,
                format!("https://gitlab.com/{repository}"),
                format!("https://gitlab.com/{repository}//{workflow_filepath}@"),
            ),
            Self::Google { email } => return Policy::identity(email.clone(), GOOGLE_ISSUER),
            Self::CircleCi {
                project_id,
                pipeline_definition_id,
                vcs_origin,
                vcs_ref,
            } => {
                let mut all = alloc::vec![ext(fulcio_oid::ISSUER_V2, CIRCLECI_ISSUER.into())];
                if let Some(origin) = vcs_origin {
                    all.push(ext(fulcio_oid::SOURCE_REPOSITORY_URI, origin.clone()));
                }
                if let Some(git_ref) = vcs_ref {
                    all.push(ext(fulcio_oid::SOURCE_REPOSITORY_REF, git_ref.clone()));
                }
                all.push(ext(
                    fulcio_oid::BUILD_SIGNER_URI,
                    format!(
                        "https://circleci.com/api/v2/projects/{project_id}/pipeline-definitions/{pipeline_definition_id}"
                    ),
                ));
                Condition::AllOf(all)
            }
        };
        Policy::certificate(condition)
    }
}

fn source_and_build_config(issuer: &str, source: String, build_config: String) -> Condition {
    Condition::AllOf(alloc::vec![
        Condition::extension(fulcio_oid::ISSUER_V2, issuer),
        Condition::extension(fulcio_oid::SOURCE_REPOSITORY_URI, source),
        Condition::ExtensionJoined {
            oid: String::from(fulcio_oid::BUILD_CONFIG_URI),
            prefix: build_config,
            suffix_from: Vec::from([
                String::from(fulcio_oid::SOURCE_REPOSITORY_DIGEST),
                String::from(fulcio_oid::SOURCE_REPOSITORY_REF),
            ]),
        },
    ])
}

/// Whether the expected repository URL names `host`/`repository` (its path without the
/// leading `/`, query and fragment, compared exactly as `pypi-attestations` compares it).
fn same_repository(expected: &Expected, host: &str, repository: &str) -> bool {
    let Some(url) = expected.repository.as_deref() else {
        return false;
    };
    let Some((url_host, path)) = url
        .strip_prefix("https://")
        .and_then(|rest| rest.split_once('/'))
    else {
        return false;
    };
    let path = path.split(['?', '#']).next().unwrap_or_default();
    url_host == host && path.trim_start_matches('/') == repository
}

/// An optional string field: absent or `null` is `None`; another type is malformed.
fn optional(map: &Json<'_>, field: &str) -> Option<Option<String>> {
    match map.get(field) {
        None | Some(Json::Null) => Some(None),
        Some(Json::Str(s)) => Some(Some(String::from(s.as_ref()))),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn github() -> Publisher {
        Publisher::GitHub {
            repository: "o/r".into(),
            workflow: "release.yml".into(),
            environment: None,
        }
    }

    #[test]
    fn publishers_are_read_by_kind() {
        let read = |text: &str| Publisher::from_raw(Some(text.as_bytes()));
        assert_eq!(
            read(
                r#"{"kind":"GitHub","repository":"o/r","workflow":"release.yml","environment":null,"claims":{}}"#
            ),
            Ok(github())
        );
        assert_eq!(
            read(r#"{"kind":"Google","email":"a@b.iam.gserviceaccount.com"}"#)
                .unwrap()
                .kind(),
            "Google"
        );
        assert_eq!(
            read(r#"{"kind":"ActiveState","organization":"o"}"#),
            Err(Error::PypiPublisherUnknown {
                kind: "ActiveState".into()
            })
        );
        let invalid = Err(Error::PypiProvenanceInvalid { field: "publisher" });
        for bad in [
            r#"{"repository":"o/r"}"#,
            r#"{"kind":"GitHub","repository":"o/r"}"#,
            r#"{"kind":"GitHub","repository":"","workflow":"w"}"#,
            r#"{"kind":"GitLab","repository":"o/r","workflow_filepath":"x","environment":7}"#,
            r#"[]"#,
        ] {
            assert_eq!(read(bad), invalid, "{bad}");
        }
        assert_eq!(Publisher::from_raw(None), invalid);
        assert_eq!(Publisher::from_raw(Some(b"not json")), invalid);
    }

    #[test]
    fn the_expected_publisher_is_checked_by_kind() {
        let expected = |url: &str| Expected::default().with_repository(url).unwrap();
        assert_eq!(
            github().check_expected(&expected("https://github.com/o/r")),
            Ok(())
        );
        assert_eq!(
            github().check_expected(&expected("https://github.com/o/r?x#y")),
            Ok(())
        );
        let mismatch = Err(Error::PypiPublisherMismatch {
            found: "GitHub o/r (release.yml)".into(),
        });
        assert_eq!(
            github().check_expected(&expected("https://github.com/o/r2")),
            mismatch
        );
        assert_eq!(
            github().check_expected(&expected("https://gitlab.com/o/r")),
            mismatch
        );
        assert_eq!(
            github().check_expected(&expected("https://github.com/o/r/")),
            mismatch
        );
        assert_eq!(github().check_expected(&Expected::default()), mismatch);
        for bad in [
            "http://github.com/o/r",
            "https://example.com/o/r",
            "https://github.com/",
            "github.com/o/r",
        ] {
            assert_eq!(
                Expected::default().with_repository(bad),
                Err(Error::PolicyConditionInvalid),
                "{bad}"
            );
        }
        let google = Publisher::Google {
            email: "a@b".into(),
        };
        let by_account = Expected::default().with_gcp_service_account("a@b");
        assert_eq!(google.check_expected(&by_account), Ok(()));
        assert!(
            google
                .check_expected(&Expected::default().with_gcp_service_account("c@d"))
                .is_err()
        );
        let circle = Publisher::CircleCi {
            project_id: "p".into(),
            pipeline_definition_id: "d".into(),
            vcs_origin: None,
            vcs_ref: None,
        };
        assert_eq!(
            circle.check_expected(&Expected::default().with_circleci("p", "d")),
            Ok(())
        );
        assert!(
            circle
                .check_expected(&Expected::default().with_circleci("p", "x"))
                .is_err()
        );
        assert!(circle.check_expected(&by_account).is_err());
        assert!(circle.policy().is_ok());
    }
}
