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
