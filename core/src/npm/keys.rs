//! The npm registry's public keys, as `npm audit signatures` gets them: the TUF target
//! `registry.npmjs.org/keys.json` (`{"keys": [{"keyId", "keyUsage", "publicKey": {"rawBytes",
//! "validFor": {"start", "end"}}}]}`), or the registry's own `/-/npm/v1/keys`
//! (`{"keys": [{"keyid", "key", "expires"}]}`).

use alloc::string::String;
use alloc::vec::Vec;

use super::text_or;
use crate::Error;
use crate::json::borrowed::Json;
use crate::limits;
use crate::limits::Limit;
use crate::time::UnixTime;

/// One registry key.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RegistryKey {
    /// `SHA256:` and the unpadded base64 of the key's SSH fingerprint, as signatures name it.
    pub keyid: String,
    /// DER SubjectPublicKeyInfo.
    pub spki: Vec<u8>,
    /// `expires` (or `validFor.end`): npm accepts a signature made strictly before it.
    pub expires: Option<UnixTime>,
    /// The TUF form's `keyUsage` (`npm:signatures`, `npm:attestations`), empty in the
    /// registry's own form. npm reads neither usage nor `validFor.start`; nor does this.
    pub usage: String,
}

/// The registry's keys, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegistryKeys {
    keys: Vec<RegistryKey>,
}

impl RegistryKeys {
    /// Reads either form of `keys.json`. Errors: `LIMIT_EXCEEDED`, `NPM_KEYS_INVALID` naming
    /// the field that is missing or malformed (a key that is not base64, an `expires` that is
    /// not an RFC 3339 time).
    pub fn from_json(input: &[u8]) -> Result<Self, Error> {
        limits::check(
            input.len(),
            limits::MAX_NPM_DOCUMENT_BYTES,
            Limit::NpmDocumentBytes,
        )?;
        let invalid = |field| Error::NpmKeysInvalid { field };
        let doc = crate::json::document(input, invalid("keys.json"))?;
        let list = doc
            .get("keys")
            .and_then(Json::as_array)
            .ok_or(invalid("keys"))?;
        limits::check(list.len(), limits::MAX_NPM_ENTRIES, Limit::NpmEntries)?;
        let mut keys = Vec::new();
        for k in list {
            let tuf = k.get("publicKey");
            let (keyid, raw, expires) = match tuf {
                Some(pk) => (
                    text_or(invalid, k.get("keyId"), "keys.keyId")?,
                    text_or(invalid, pk.get("rawBytes"), "keys.publicKey.rawBytes")?,
                    pk.get("validFor").and_then(|v| v.get("end")),
                ),
                None => (
                    text_or(invalid, k.get("keyid"), "keys.keyid")?,
                    text_or(invalid, k.get("key"), "keys.key")?,
                    k.get("expires"),
                ),
            };
            let expires = match expires {
                None | Some(Json::Null) => None,
                Some(v) => Some(
                    v.as_str()
                        .and_then(UnixTime::from_rfc3339)
                        .ok_or(invalid("keys.expires"))?,
                ),
            };
            let spki = crate::encoding::base64_decode(raw).ok_or(invalid("keys.key"))?;
            keys.push(RegistryKey {
                keyid: keyid.into(),
                spki,
                expires,
                usage: k
                    .get("keyUsage")
                    .and_then(Json::as_str)
                    .unwrap_or_default()
                    .into(),
            });
        }
        Ok(Self { keys })
    }

    /// The first key with this id, as npm selects it (by exact string).
    pub fn get(&self, keyid: &str) -> Option<&RegistryKey> {
        self.keys.iter().find(|k| k.keyid == keyid)
    }

    /// Every key, in document order.
    pub fn keys(&self) -> &[RegistryKey] {
        &self.keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE1Olb3zMAFFxXKHiIkQO5cJ3Yhl5i6UPp+IhuteBJbuHcA5UogKo0EWtlWwW6KSaKoTNEYL7JlCQiVnkhBktUgg==";

    #[test]
    fn reads_both_forms_with_their_expiry() {
        let registry = alloc::format!(
            r#"{{"keys":[{{"expires":"2025-01-29T00:00:00.000Z","keyid":"SHA256:a","keytype":"ecdsa-sha2-nistp256","scheme":"ecdsa-sha2-nistp256","key":"{OLD}"}},{{"expires":null,"keyid":"SHA256:b","key":"{OLD}"}}]}}"#
        );
        let keys = RegistryKeys::from_json(registry.as_bytes()).unwrap();
        assert_eq!(keys.keys().len(), 2);
        assert_eq!(
            keys.get("SHA256:a").unwrap().expires,
            UnixTime::from_rfc3339("2025-01-29T00:00:00Z")
        );
        assert_eq!(keys.get("SHA256:b").unwrap().expires, None);
        assert_eq!(keys.get("SHA256:a").unwrap().spki.len(), 91);
        let tuf = alloc::format!(
            r#"{{"keys":[{{"keyId":"SHA256:a","keyUsage":"npm:signatures","publicKey":{{"rawBytes":"{OLD}","keyDetails":"PKIX_ECDSA_P256_SHA_256","validFor":{{"start":"1999-01-01T00:00:00.000Z","end":"2025-01-29T00:00:00.000Z"}}}}}}]}}"#
        );
        let keys = RegistryKeys::from_json(tuf.as_bytes()).unwrap();
        assert_eq!(keys.keys()[0].usage, "npm:signatures");
        assert!(keys.keys()[0].expires.is_some());
        for (bad, field) in [
            (r#"{"keys":{}}"#, "keys"),
            (r#"{"keys":[{"keyid":"a"}]}"#, "keys.key"),
            (r#"{"keys":[{"keyid":"a","key":"!!"}]}"#, "keys.key"),
            (
                r#"{"keys":[{"keyid":"a","key":"AAAA","expires":"soon"}]}"#,
                "keys.expires",
            ),
        ] {
            assert_eq!(
                RegistryKeys::from_json(bad.as_bytes()),
                Err(Error::NpmKeysInvalid { field }),
                "{bad}"
            );
        }
    }
}
