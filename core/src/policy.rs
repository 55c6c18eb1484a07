//! Who must have signed: an exact certificate identity and OIDC issuer, or a managed key.

use alloc::string::String;
use alloc::vec::Vec;

use crate::Error;
use crate::crypto::PublicKey;
use crate::crypto::canonical_spki;
use crate::x509::Certificate;

/// The signer a bundle must come from.
#[derive(Clone, Debug)]
pub struct Policy {
    pub(crate) kind: PolicyKind,
}

#[derive(Clone, Debug)]
pub(crate) enum PolicyKind {
    Identity { identity: String, issuer: String },
    Key { key: PublicKey, spki: Vec<u8> },
}

impl Policy {
    /// A Fulcio certificate whose SAN (URI or email) equals `identity` exactly and whose OIDC
    /// issuer extension (v2, else v1) equals `issuer` exactly.
    pub fn identity(identity: impl Into<String>, issuer: impl Into<String>) -> Self {
        Self {
            kind: PolicyKind::Identity {
                identity: identity.into(),
                issuer: issuer.into(),
            },
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
            Error::KeyUnsupported => Error::KeyUnsupported,
            _ => Error::PolicyKeyInvalid,
        })?;
        let spki = canonical_spki(der).ok_or(Error::PolicyKeyInvalid)?;
        Ok(Self {
            kind: PolicyKind::Key { key, spki },
        })
    }
}

/// Checks the leaf's identity and issuer against an identity policy; returns both.
pub(crate) fn check_identity(
    leaf: &Certificate,
    identity: &str,
    issuer: &str,
) -> Result<(String, String), Error> {
    let found_identity = leaf.san.clone().unwrap_or_default();
    if found_identity != identity {
        return Err(Error::PolicyIdentityMismatch {
            found: found_identity,
        });
    }
    let found_issuer = leaf.fulcio_issuer.clone()?.unwrap_or_default();
    if found_issuer != issuer {
        return Err(Error::PolicyIssuerMismatch {
            found: found_issuer,
        });
    }
    Ok((found_identity, found_issuer))
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
    fn identity_and_issuer_must_match_exactly() {
        let root = crate::trust_root::TrustedRoot::production().unwrap();
        let mut cert = root.cas[1].chain[0].clone();
        cert.san = Some("https://github.com/o/r/.github/workflows/w.yml@refs/heads/main".into());
        cert.fulcio_issuer = Ok(Some("https://token.actions.githubusercontent.com".into()));
        let id = "https://github.com/o/r/.github/workflows/w.yml@refs/heads/main";
        let iss = "https://token.actions.githubusercontent.com";
        assert_eq!(check_identity(&cert, id, iss), Ok((id.into(), iss.into())));
        assert_eq!(
            check_identity(&cert, "https://github.com/o/r/.github/workflows/w.yml", iss),
            Err(Error::PolicyIdentityMismatch { found: id.into() })
        );
        assert_eq!(
            check_identity(&cert, id, "https://accounts.google.com"),
            Err(Error::PolicyIssuerMismatch { found: iss.into() })
        );
        cert.san = None;
        assert_eq!(
            check_identity(&cert, id, iss),
            Err(Error::PolicyIdentityMismatch {
                found: String::new()
            })
        );
    }
}
