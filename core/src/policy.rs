//! Who must have signed: conditions on the Fulcio certificate (identity, OIDC issuer, Fulcio
//! extensions, combined with all-of / any-of), or a managed key.

use alloc::string::String;
use alloc::vec::Vec;

use crate::Error;
use crate::crypto::PublicKey;
use crate::crypto::canonical_spki;
use crate::pattern::Pattern;
use crate::time::UnixTime;
use crate::time::Validity;
use crate::x509::Certificate;

/// The signer a bundle must come from.
#[derive(Clone, Debug)]
pub struct Policy {
    pub(crate) kind: PolicyKind,
}

#[derive(Clone, Debug)]
pub(crate) enum PolicyKind {
    Certificate(Condition),
    Key {
        key: PublicKey,
        spki: Vec<u8>,
        validity: Validity,
    },
}

/// A condition on the signing certificate. Values compare exactly (no prefixes, no case
/// folding): a policy names one signer.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Condition {
    /// The SAN (URI or email) equals this identity.
    Identity(String),
    /// The OIDC issuer (Fulcio extension v2 `1.3.6.1.4.1.57264.1.8`, else v1 `.1.1`) equals this.
    Issuer(String),
    /// The identity (SAN) matches this pattern as a whole ([`Pattern`]).
    IdentityMatches(Pattern),
    /// The OIDC issuer matches this pattern as a whole ([`Pattern`]).
    IssuerMatches(Pattern),
    /// The Fulcio extension with this OID (dotted, under `1.3.6.1.4.1.57264.1.`) equals this
    /// value. Arcs 1-6 hold raw UTF-8 (the deprecated v1 extensions); later arcs hold a DER
    /// UTF8String.
    Extension {
        /// Dotted OID, e.g. `1.3.6.1.4.1.57264.1.5` (GitHub workflow repository).
        oid: String,
        /// The exact value.
        value: String,
    },
    /// The Fulcio extension with this OID matches the pattern as a whole (read as for
    /// [`Condition::Extension`]).
    ExtensionMatches {
        /// Dotted OID.
        oid: String,
        /// The pattern the value must match.
        pattern: Pattern,
    },
    /// The Fulcio extension `oid` equals `prefix` followed by the value of one of the
    /// `suffix_from` extensions the certificate carries: how PyPI's Trusted Publishers tie the
    /// build config URI (`…/.github/workflows/release.yml@`) to the commit or ref the same
    /// certificate names, which the publisher cannot know in advance.
    ExtensionJoined {
        /// Dotted OID of the extension compared.
        oid: String,
        /// What its value must start with.
        prefix: String,
        /// Dotted OIDs whose values may follow the prefix (absent ones are skipped).
        suffix_from: Vec<String>,
    },
    /// The certificate carries no OIDC issuer extension (neither `1.3.6.1.4.1.57264.1.1` nor
    /// `.1.8`), as GitHub's release attestations are signed (`https://dotcom.releases.github.com`,
    /// no OIDC login behind it). Only a policy that requires this accepts a certificate
    /// without an issuer; any other is `CERT_ISSUER_MISSING` for it, and a certificate that
    /// does carry an issuer fails this condition with `POLICY_ISSUER_MISMATCH`.
    NoIssuer,
    /// Every condition holds.
    AllOf(Vec<Condition>),
    /// At least one condition holds.
    AnyOf(Vec<Condition>),
}

/// Fulcio extension OIDs (the Fulcio OID registry, `docs/oid-info.md`) for the named
/// conditions bindings expose.
pub mod fulcio_oid {
    /// GitHub workflow trigger (v1, raw), e.g. `push`.
    pub const GITHUB_WORKFLOW_TRIGGER: &str = "1.3.6.1.4.1.57264.1.2";
    /// GitHub workflow commit SHA (v1, raw).
    pub const GITHUB_WORKFLOW_SHA: &str = "1.3.6.1.4.1.57264.1.3";
    /// GitHub workflow name (v1, raw).
    pub const GITHUB_WORKFLOW_NAME: &str = "1.3.6.1.4.1.57264.1.4";
    /// GitHub workflow repository (v1, raw), e.g. `octo/app`.
    pub const GITHUB_WORKFLOW_REPOSITORY: &str = "1.3.6.1.4.1.57264.1.5";
    /// GitHub workflow ref (v1, raw), e.g. `refs/tags/v1`.
    pub const GITHUB_WORKFLOW_REF: &str = "1.3.6.1.4.1.57264.1.6";
    /// OIDC issuer (v2, DER UTF8String).
    pub const ISSUER_V2: &str = "1.3.6.1.4.1.57264.1.8";
    /// Build signer URI (v2).
    pub const BUILD_SIGNER_URI: &str = "1.3.6.1.4.1.57264.1.9";
    /// Build signer digest (v2): the commit of the signing workflow.
    pub const BUILD_SIGNER_DIGEST: &str = "1.3.6.1.4.1.57264.1.10";
    /// Runner environment (v2): `github-hosted` or `self-hosted`.
    pub const RUNNER_ENVIRONMENT: &str = "1.3.6.1.4.1.57264.1.11";
    /// Source repository URI (v2).
    pub const SOURCE_REPOSITORY_URI: &str = "1.3.6.1.4.1.57264.1.12";
    /// Source repository digest (v2).
    pub const SOURCE_REPOSITORY_DIGEST: &str = "1.3.6.1.4.1.57264.1.13";
    /// Source repository ref (v2).
    pub const SOURCE_REPOSITORY_REF: &str = "1.3.6.1.4.1.57264.1.14";
    /// Source repository owner URI (v2), e.g. `https://github.com/octo`.
    pub const SOURCE_REPOSITORY_OWNER_URI: &str = "1.3.6.1.4.1.57264.1.16";
    /// Build config URI (v2): the workflow file at the commit or ref it ran from.
    pub const BUILD_CONFIG_URI: &str = "1.3.6.1.4.1.57264.1.18";
    /// Build trigger (v2).
    pub const BUILD_TRIGGER: &str = "1.3.6.1.4.1.57264.1.20";
}

impl Condition {
    /// The SAN equals `identity`.
    pub fn identity(identity: impl Into<String>) -> Self {
        Self::Identity(identity.into())
    }

    /// The OIDC issuer equals `issuer`.
    pub fn issuer(issuer: impl Into<String>) -> Self {
        Self::Issuer(issuer.into())
    }

    /// The identity matches `pattern` (anchored at both ends; see [`Pattern`]). A pattern that
    /// does not compile is `PolicyPatternInvalid` or `LimitExceeded`.
    pub fn identity_matching(pattern: &str) -> Result<Self, Error> {
        Pattern::new(pattern).map(Self::IdentityMatches)
    }

    /// The OIDC issuer matches `pattern` (anchored at both ends; see [`Pattern`]).
    pub fn issuer_matching(pattern: &str) -> Result<Self, Error> {
        Pattern::new(pattern).map(Self::IssuerMatches)
    }

    /// The Fulcio extension `oid` matches `pattern` as a whole.
    pub fn extension_matching(oid: impl Into<String>, pattern: &str) -> Result<Self, Error> {
        Ok(Self::ExtensionMatches {
            oid: oid.into(),
            pattern: Pattern::new(pattern)?,
        })
    }

    /// The Fulcio extension `oid` equals `value`.
    pub fn extension(oid: impl Into<String>, value: impl Into<String>) -> Self {
        Self::Extension {
            oid: oid.into(),
            value: value.into(),
        }
    }

    fn validate(&self) -> Result<(), Error> {
        match self {
            Self::Identity(v) | Self::Issuer(v) if v.is_empty() => Err(Error::PolicyValueEmpty),
            Self::Identity(_) | Self::Issuer(_) => Ok(()),
            Self::IdentityMatches(_) | Self::IssuerMatches(_) | Self::NoIssuer => Ok(()),
            Self::Extension { oid, .. } if crate::asn1::oid::from_text(oid).is_none() => {
                Err(Error::PolicyConditionInvalid)
            }
            Self::Extension { value, .. } if value.is_empty() => Err(Error::PolicyValueEmpty),
            Self::Extension { .. } => Ok(()),
            Self::ExtensionMatches { oid, .. } if crate::asn1::oid::from_text(oid).is_none() => {
                Err(Error::PolicyConditionInvalid)
            }
            Self::ExtensionMatches { .. } => Ok(()),
            Self::ExtensionJoined {
                oid, suffix_from, ..
            } => {
                if suffix_from.is_empty() {
                    return Err(Error::PolicyAnyOfEmpty);
                }
                let parses = |o: &String| crate::asn1::oid::from_text(o).is_some();
                if parses(oid) && suffix_from.iter().all(parses) {
                    Ok(())
                } else {
                    Err(Error::PolicyConditionInvalid)
                }
            }
            Self::AllOf(all) if all.is_empty() => Err(Error::PolicyAllOfEmpty),
            Self::AnyOf(any) if any.is_empty() => Err(Error::PolicyAnyOfEmpty),
            Self::AllOf(list) | Self::AnyOf(list) => list.iter().try_for_each(Self::validate),
        }
    }

    fn check(&self, leaf: &Certificate) -> Result<(), Error> {
        match self {
            Self::Identity(want) => {
                let found = leaf.san.clone().ok_or(Error::CertIdentityMissing)?;
                if found == *want {
                    Ok(())
                } else {
                    Err(Error::PolicyIdentityMismatch { found })
                }
            }
            Self::Issuer(want) => {
                let found = leaf
                    .fulcio_issuer
                    .clone()?
                    .ok_or(Error::CertIssuerMissing)?;
                if found == *want {
                    Ok(())
                } else {
                    Err(Error::PolicyIssuerMismatch { found })
                }
            }
            Self::IdentityMatches(pattern) => {
                let found = leaf.san.clone().ok_or(Error::CertIdentityMissing)?;
                if pattern.matches(&found) {
                    Ok(())
                } else {
                    Err(Error::PolicyIdentityMismatch { found })
                }
            }
            Self::IssuerMatches(pattern) => {
                let found = leaf
                    .fulcio_issuer
                    .clone()?
                    .ok_or(Error::CertIssuerMissing)?;
                if pattern.matches(&found) {
                    Ok(())
                } else {
                    Err(Error::PolicyIssuerMismatch { found })
                }
            }
            Self::Extension { oid, value } => {
                let found = extension_value(leaf, oid)?;
                if found.as_deref() == Some(value.as_str()) {
                    Ok(())
                } else {
                    Err(Error::PolicyExtensionMismatch {
                        oid: oid.clone(),
                        found: found.unwrap_or_default(),
                    })
                }
            }
            Self::ExtensionMatches { oid, pattern } => {
                let found = extension_value(leaf, oid)?;
                if found.as_deref().is_some_and(|f| pattern.matches(f)) {
                    Ok(())
                } else {
                    Err(Error::PolicyExtensionMismatch {
                        oid: oid.clone(),
                        found: found.unwrap_or_default(),
                    })
                }
            }
            Self::ExtensionJoined {
                oid,
                prefix,
                suffix_from,
            } => {
                let found = extension_value(leaf, oid)?.unwrap_or_default();
                for suffix_oid in suffix_from {
                    let Some(suffix) = extension_value(leaf, suffix_oid)? else {
                        continue;
                    };
                    if found.strip_prefix(prefix.as_str()) == Some(suffix.as_str()) {
                        return Ok(());
                    }
                }
                Err(Error::PolicyExtensionMismatch {
                    oid: oid.clone(),
                    found,
                })
            }
            Self::NoIssuer => match leaf.fulcio_issuer.clone()? {
                None => Ok(()),
                Some(found) => Err(Error::PolicyIssuerMismatch { found }),
            },
            Self::AllOf(all) => all.iter().try_for_each(|c| c.check(leaf)),
            Self::AnyOf(any) => {
                let mut first = None;
                for c in any {
                    match c.check(leaf) {
                        Ok(()) => return Ok(()),
                        Err(e) => first = first.or(Some(e)),
                    }
                }
                Err(first.unwrap_or(Error::PolicyAnyOfEmpty))
            }
        }
    }
}

impl Policy {
    /// A Fulcio certificate whose identity (SAN) equals `identity` exactly and whose OIDC
    /// issuer extension equals `issuer` exactly. Either being empty is `PolicyValueEmpty`.
    pub fn identity(identity: impl Into<String>, issuer: impl Into<String>) -> Result<Self, Error> {
        Self::certificate(Condition::AllOf(alloc::vec![
            Condition::identity(identity),
            Condition::issuer(issuer)
        ]))
    }

    /// A Fulcio certificate meeting `condition`. A condition that would hold for any signer or
    /// none is refused here, not at verification: an empty all-of (`PolicyAllOfEmpty`) or
    /// any-of (`PolicyAnyOfEmpty`), an empty value (`PolicyValueEmpty`), an OID that does not
    /// parse (`PolicyConditionInvalid`).
    pub fn certificate(condition: Condition) -> Result<Self, Error> {
        condition.validate()?;
        Ok(Self {
            kind: PolicyKind::Certificate(condition),
        })
    }

    /// A certificate policy from a condition built here, known to be valid.
    pub(crate) fn from_condition(condition: Condition) -> Self {
        Self {
            kind: PolicyKind::Certificate(condition),
        }
    }

    /// A managed key, from a PEM `PUBLIC KEY` block.
    pub fn public_key_pem(pem: &str) -> Result<Self, Error> {
        let der = crate::encoding::pem_decode(pem, "PUBLIC KEY").ok_or(Error::PolicyKeyInvalid)?;
        Self::public_key_der(&der)
    }

    /// A managed key, from DER SubjectPublicKeyInfo.
    pub fn public_key_der(der: &[u8]) -> Result<Self, Error> {
        let key = PublicKey::from_spki_der(der).map_err(|e| match e {
            Error::KeyUnsupported | Error::KeyAlgorithmNotBuilt => e,
            _ => Error::PolicyKeyInvalid,
        })?;
        let spki = canonical_spki(der).ok_or(Error::PolicyKeyInvalid)?;
        Ok(Self {
            kind: PolicyKind::Key {
                key,
                spki,
                validity: Validity {
                    start: UnixTime(0),
                    end: None,
                },
            },
        })
    }

    /// Limits a managed key to a validity window (both ends included; `None` leaves that side
    /// open): npm's `expires` for a registry key, a key's `validFor` in a trusted root, a
    /// product key's rotation dates. Every verified signing time must fall inside it
    /// (`POLICY_KEY_NOT_VALID_AT_SIGNING_TIME`), or the verification time when the
    /// configuration proves no signing time (`POLICY_KEY_NOT_VALID_NOW`), as sigstore-go
    /// checks a key's validity since GHSA-wqqc-jjcq-vfxm. A window on a certificate policy
    /// (the certificate has its own), or one that ends before it starts, is
    /// `POLICY_KEY_VALIDITY_INVALID`.
    pub fn with_key_validity(
        mut self,
        not_before: Option<UnixTime>,
        not_after: Option<UnixTime>,
    ) -> Result<Self, Error> {
        let PolicyKind::Key { validity, .. } = &mut self.kind else {
            return Err(Error::PolicyKeyValidityInvalid);
        };
        let start = not_before.unwrap_or(UnixTime(0));
        if not_after.is_some_and(|end| end < start) {
            return Err(Error::PolicyKeyValidityInvalid);
        }
        *validity = Validity {
            start,
            end: not_after,
        };
        Ok(self)
    }

    /// The managed key's validity window, or `None` for a certificate policy.
    pub fn key_validity(&self) -> Option<Validity> {
        match &self.kind {
            PolicyKind::Key { validity, .. } => Some(*validity),
            PolicyKind::Certificate(_) => None,
        }
    }

    /// Whether this policy names a managed key (rather than conditions on a certificate).
    pub fn is_key(&self) -> bool {
        matches!(self.kind, PolicyKind::Key { .. })
    }
}

/// Checks a managed key's window against the proven signing times, or against `now` when the
/// configuration proves none (a time threshold of 0).
pub(crate) fn check_key_validity(
    validity: &Validity,
    signing_times: &[UnixTime],
    now: UnixTime,
) -> Result<(), Error> {
    if signing_times.is_empty() {
        return if validity.contains(now) {
            Ok(())
        } else {
            Err(Error::PolicyKeyNotValidNow)
        };
    }
    match signing_times.iter().find(|t| !validity.contains(**t)) {
        Some(t) => Err(Error::PolicyKeyNotValidAtSigningTime { time: *t }),
        None => Ok(()),
    }
}

impl Condition {
    /// Whether every way this condition can hold needs a certificate without an issuer.
    fn requires_no_issuer(&self) -> bool {
        match self {
            Self::NoIssuer => true,
            Self::AllOf(all) => all.iter().any(Self::requires_no_issuer),
            Self::AnyOf(any) => !any.is_empty() && any.iter().all(Self::requires_no_issuer),
            _ => false,
        }
    }
}

/// Checks the leaf against the condition; returns the identity and issuer it carries (no
/// issuer only where the condition requires none: [`Condition::NoIssuer`]).
#[inline(never)] // a step of Verifier::run: its locals stay out of run's frame
pub(crate) fn check_certificate(
    leaf: &Certificate,
    condition: &Condition,
) -> Result<(String, Option<String>), Error> {
    condition.check(leaf)?;
    let issuer = leaf.fulcio_issuer.clone()?;
    if issuer.is_none() && !condition.requires_no_issuer() {
        return Err(Error::CertIssuerMissing);
    }
    let identity = leaf.san.clone().ok_or(Error::CertIdentityMissing)?;
    Ok((identity, issuer))
}

/// Every Fulcio extension of the leaf that holds text, as (dotted OID, value), in certificate
/// order; values that do not decode are left out.
pub(crate) fn fulcio_extensions(leaf: &Certificate) -> Vec<(String, String)> {
    leaf.extensions()
        .filter_map(|(id, _)| {
            let oid = crate::asn1::oid::to_text(id)?;
            if !oid.starts_with("1.3.6.1.4.1.57264.1.") {
                return None;
            }
            let value = extension_value(leaf, &oid).ok()??;
            Some((oid, value))
        })
        .collect()
}

/// The value of a Fulcio extension: raw UTF-8 for arcs 1-6, a DER UTF8String after.
fn extension_value(leaf: &Certificate, oid: &str) -> Result<Option<String>, Error> {
    let Some(id) = crate::asn1::oid::from_text(oid) else {
        return Err(Error::PolicyConditionInvalid);
    };
    let Some(raw) = leaf.extension(&id) else {
        return Ok(None);
    };
    let legacy = oid
        .strip_prefix("1.3.6.1.4.1.57264.1.")
        .and_then(|arc| arc.parse::<u32>().ok())
        .is_some_and(|arc| arc <= 6);
    let value = if legacy {
        core::str::from_utf8(raw).ok().map(String::from)
    } else {
        crate::asn1::utf8_string(raw).map(String::from)
    };
    value.map(Some).ok_or(Error::PolicyExtensionMismatch {
        oid: String::from(oid),
        found: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn managed_keys_must_decode() {
        assert_eq!(
            Policy::public_key_pem("no pem here").unwrap_err(),
            Error::PolicyKeyInvalid
        );
        let garbage =
            "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQ==\n-----END PUBLIC KEY-----\n";
        assert_eq!(
            Policy::public_key_pem(garbage).unwrap_err(),
            Error::PolicyKeyInvalid
        );
        let ed25519 = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";
        let PolicyKind::Key { spki, .. } = Policy::public_key_pem(ed25519).unwrap().kind else {
            panic!("not a key policy")
        };
        assert_eq!(spki.len(), 44);
    }

    #[test]
    fn key_windows_belong_to_keys_and_are_not_empty() {
        let ed25519 = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";
        let key = Policy::public_key_pem(ed25519).unwrap();
        let cert = Policy::identity("a@b.c", "https://issuer.test").unwrap();
        assert_eq!(
            cert.with_key_validity(None, Some(UnixTime(5))).unwrap_err(),
            Error::PolicyKeyValidityInvalid
        );
        assert_eq!(
            key.clone()
                .with_key_validity(Some(UnixTime(6)), Some(UnixTime(5)))
                .unwrap_err(),
            Error::PolicyKeyValidityInvalid
        );
        // One second is a window: both ends are inside.
        let one = key
            .with_key_validity(Some(UnixTime(5)), Some(UnixTime(5)))
            .unwrap();
        let w = one.key_validity().unwrap();
        assert!(w.contains(UnixTime(5)) && !w.contains(UnixTime(4)) && !w.contains(UnixTime(6)));
        assert_eq!(check_key_validity(&w, &[UnixTime(5)], UnixTime(99)), Ok(()));
        assert_eq!(
            check_key_validity(&w, &[UnixTime(5), UnixTime(6)], UnixTime(5)),
            Err(Error::PolicyKeyNotValidAtSigningTime { time: UnixTime(6) })
        );
        assert_eq!(check_key_validity(&w, &[], UnixTime(5)), Ok(()));
        assert_eq!(
            check_key_validity(&w, &[], UnixTime(6)),
            Err(Error::PolicyKeyNotValidNow)
        );
    }

    #[test]
    fn no_issuer_only_where_the_policy_requires_it() {
        let root = crate::trust_root::TrustedRoot::production().unwrap();
        let mut cert = root.cas[1].chain[0].clone();
        let id = "https://dotcom.releases.github.com";
        cert.san = Some(id.into());
        cert.fulcio_issuer = Ok(None);
        let release = Condition::AllOf(alloc::vec![Condition::identity(id), Condition::NoIssuer]);
        assert_eq!(check_certificate(&cert, &release), Ok((id.into(), None)));
        // Any other policy: the certificate's missing issuer is the error.
        let any_issuer = Condition::AllOf(alloc::vec![
            Condition::identity(id),
            Condition::issuer_matching(".*").unwrap()
        ]);
        assert_eq!(
            check_certificate(&cert, &any_issuer),
            Err(Error::CertIssuerMissing)
        );
        assert_eq!(
            check_certificate(&cert, &Condition::identity(id)),
            Err(Error::CertIssuerMissing)
        );
        // An alternative without NoIssuer would let a certificate without issuer through it.
        let either = Condition::AnyOf(alloc::vec![Condition::NoIssuer, Condition::identity(id)]);
        assert_eq!(
            check_certificate(&cert, &either),
            Err(Error::CertIssuerMissing)
        );
        // A certificate with an issuer fails NoIssuer, naming it.
        cert.fulcio_issuer = Ok(Some("https://accounts.example".into()));
        assert_eq!(
            check_certificate(&cert, &release),
            Err(Error::PolicyIssuerMismatch {
                found: "https://accounts.example".into()
            })
        );
    }

    #[test]
    fn identity_and_issuer_must_match_exactly() {
        let root = crate::trust_root::TrustedRoot::production().unwrap();
        let mut cert = root.cas[1].chain[0].clone();
        cert.san = Some("https://github.com/o/r/.github/workflows/w.yml@refs/heads/main".into());
        cert.fulcio_issuer = Ok(Some("https://token.actions.githubusercontent.com".into()));
        let id = "https://github.com/o/r/.github/workflows/w.yml@refs/heads/main";
        let iss = "https://token.actions.githubusercontent.com";
        let check = |cond: Condition| check_certificate(&cert, &cond);
        let both = |i: &str, s: &str| {
            Condition::AllOf(alloc::vec![Condition::identity(i), Condition::issuer(s)])
        };
        assert_eq!(check(both(id, iss)), Ok((id.into(), Some(iss.into()))));
        assert_eq!(
            check(both("https://github.com/o/r/.github/workflows/w.yml", iss)),
            Err(Error::PolicyIdentityMismatch { found: id.into() })
        );
        assert_eq!(
            check(both(id, "https://accounts.google.com")),
            Err(Error::PolicyIssuerMismatch { found: iss.into() })
        );
        assert_eq!(
            check(Condition::AnyOf(alloc::vec![
                Condition::identity("x"),
                Condition::issuer(iss)
            ])),
            Ok((id.into(), Some(iss.into())))
        );
        assert_eq!(
            check(Condition::AnyOf(alloc::vec![
                Condition::identity("x"),
                Condition::issuer("y")
            ])),
            Err(Error::PolicyIdentityMismatch { found: id.into() })
        );
        assert_eq!(
            check(Condition::AnyOf(alloc::vec![])),
            Err(Error::PolicyAnyOfEmpty)
        );
        cert.san = None;
        assert_eq!(
            check_certificate(&cert, &both(id, iss)),
            Err(Error::CertIdentityMissing)
        );
        cert.san = Some(id.into());
        cert.fulcio_issuer = Ok(None);
        assert_eq!(
            check_certificate(&cert, &Condition::identity(id)),
            Err(Error::CertIssuerMissing)
        );
    }

    #[test]
    fn identity_and_issuer_patterns_match_whole_values() {
        let root = crate::trust_root::TrustedRoot::production().unwrap();
        let mut cert = root.cas[1].chain[0].clone();
        let id = "https://github.com/o/r/.github/workflows/w.yml@refs/tags/v1.2.0";
        let iss = "https://token.actions.githubusercontent.com";
        cert.san = Some(id.into());
        cert.fulcio_issuer = Ok(Some(iss.into()));
        let check = |c: Condition| check_certificate(&cert, &c).map(|_| ());
        let any_release = r"https://github\.com/o/r/\.github/workflows/w\.yml@refs/tags/v[0-9.]+";
        let both = |i: &str, s: &str| {
            Condition::AllOf(alloc::vec![
                Condition::identity_matching(i).unwrap(),
                Condition::issuer_matching(s).unwrap()
            ])
        };
        assert_eq!(
            check(both(any_release, r"https://token\.actions\..*")),
            Ok(())
        );
        assert_eq!(
            check(both(r"https://github\.com/o/r/.*@refs/heads/.*", iss)),
            Err(Error::PolicyIdentityMismatch { found: id.into() })
        );
        // Anchored: a pattern naming a part of the value does not match it.
        assert_eq!(
            check(both("o/r", iss)),
            Err(Error::PolicyIdentityMismatch { found: id.into() })
        );
        assert_eq!(
            check(both(any_release, "https://accounts\\.google\\.com")),
            Err(Error::PolicyIssuerMismatch { found: iss.into() })
        );
        assert_eq!(
            Condition::identity_matching("(").unwrap_err(),
            Error::PolicyPatternInvalid
        );
    }

    #[test]
    fn policies_that_hold_for_anyone_or_no_one_are_refused_when_built() {
        let err = |c: Condition| Policy::certificate(c).map(|_| ()).unwrap_err();
        assert_eq!(
            err(Condition::AllOf(alloc::vec![])),
            Error::PolicyAllOfEmpty
        );
        assert_eq!(
            err(Condition::AnyOf(alloc::vec![])),
            Error::PolicyAnyOfEmpty
        );
        assert_eq!(
            err(Condition::AllOf(alloc::vec![
                Condition::identity("x"),
                Condition::AnyOf(alloc::vec![])
            ])),
            Error::PolicyAnyOfEmpty
        );
        assert_eq!(err(Condition::identity("")), Error::PolicyValueEmpty);
        assert_eq!(err(Condition::issuer("")), Error::PolicyValueEmpty);
        assert_eq!(
            err(Condition::extension(fulcio_oid::SOURCE_REPOSITORY_REF, "")),
            Error::PolicyValueEmpty
        );
        assert_eq!(
            err(Condition::extension("not an oid", "x")),
            Error::PolicyConditionInvalid
        );
        assert_eq!(
            Policy::identity("", "https://issuer")
                .map(|_| ())
                .unwrap_err(),
            Error::PolicyValueEmpty
        );
        assert!(Policy::identity("a@b.c", "https://issuer").is_ok());
    }
}

#[cfg(test)]
mod extension_tests {
    use super::*;
    use crate::testing;

    #[test]
    fn fulcio_extensions_compare_by_their_encoding() {
        let key = testing::key(20);
        let repo = testing::extension(
            &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xbf, 0x30, 0x01, 0x05],
            false,
            b"octo/app",
        );
        let source_ref = testing::extension(
            &[0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xbf, 0x30, 0x01, 0x0e],
            false,
            &crate::asn1::encode(0x0c, b"refs/tags/v1"),
        );
        let der = testing::cert(
            "",
            &key,
            "ca",
            &key,
            3,
            (0, 2_000_000_000),
            testing::Role::CodeSigning,
            &[repo, source_ref],
        );
        let cert = Certificate::from_der(&der).unwrap();
        let check = |c: Condition| c.check(&cert);
        assert_eq!(
            check(Condition::extension(
                fulcio_oid::GITHUB_WORKFLOW_REPOSITORY,
                "octo/app"
            )),
            Ok(())
        );
        assert_eq!(
            check(Condition::extension(
                fulcio_oid::SOURCE_REPOSITORY_REF,
                "refs/tags/v1"
            )),
            Ok(())
        );
        assert_eq!(
            check(Condition::extension(
                fulcio_oid::GITHUB_WORKFLOW_REPOSITORY,
                "octo/other"
            )),
            Err(Error::PolicyExtensionMismatch {
                oid: fulcio_oid::GITHUB_WORKFLOW_REPOSITORY.into(),
                found: "octo/app".into()
            })
        );
        assert_eq!(
            check(Condition::extension(fulcio_oid::GITHUB_WORKFLOW_SHA, "abc")),
            Err(Error::PolicyExtensionMismatch {
                oid: fulcio_oid::GITHUB_WORKFLOW_SHA.into(),
                found: String::new()
            })
        );
        assert_eq!(
            check(Condition::extension("not an oid", "x")),
            Err(Error::PolicyConditionInvalid)
        );
    }

    #[test]
    fn joined_extensions_are_validated_when_built() {
        let joined = |oid: &str, suffix_from: &[&str]| {
            Policy::certificate(Condition::ExtensionJoined {
                oid: oid.into(),
                prefix: "https://github.com/o/r/.github/workflows/w.yml@".into(),
                suffix_from: suffix_from.iter().map(|s| String::from(*s)).collect(),
            })
            .map(|_| ())
        };
        let (config, digest) = (
            fulcio_oid::BUILD_CONFIG_URI,
            fulcio_oid::SOURCE_REPOSITORY_DIGEST,
        );
        assert_eq!(joined(config, &[digest]), Ok(()));
        assert_eq!(joined(config, &[]), Err(Error::PolicyAnyOfEmpty));
        assert_eq!(joined("1.x", &[digest]), Err(Error::PolicyConditionInvalid));
        assert_eq!(
            joined(config, &["nope"]),
            Err(Error::PolicyConditionInvalid)
        );
    }
}
