//! Rekor entry bodies (hashedrekord, dsse, intoto; v1 and v2 schemas) matched field by field
//! against the bundle. Rekor v1 canonicalizes bodies, but the comparison is on decoded values
//! so that equivalent encodings of the same key or certificate compare equal.

use alloc::vec::Vec;

use crate::json::borrowed::Json as Value;

use crate::Error;
use crate::bundle::Content;
use crate::crypto::canonical_spki;
use crate::digest::Digest;
use crate::digest::HashAlgorithm;
use crate::digest::Sha256Digest;
use crate::encoding::base64_decode;
use crate::encoding::hex_decode;
use crate::encoding::hex_decode_vec;
use crate::encoding::pem_decode;

/// What the entry must describe: the bundle's content and signer, and the artifact.
pub(crate) struct Expected<'a> {
    pub(crate) content: &'a Content,
    /// DER of the signing certificate, or `None` for a managed key.
    pub(crate) certificate: Option<&'a [u8]>,
    /// Canonical SPKI DER of the signing key.
    pub(crate) spki: &'a [u8],
    /// The artifact's digest in the algorithm the bundle declares; `None` for DSSE bundles
    /// (their entries describe the envelope, not the artifact).
    pub(crate) artifact: Option<Digest>,
    /// The hash of the signing key's algorithm, which Rekor v2 applies to a DSSE envelope's PAE.
    pub(crate) pae_hash: HashAlgorithm,
}

/// The entry kinds this verifier understands. Rekor v2's `dsse` 0.0.2 is not among them: the
/// Rekor v2 specification (sigstore/architecture-docs, `rekor-v2-spec.md` as changed on
/// 2026-05-19, "remove dsse entry type") logs DSSE envelopes as `hashedrekord` 0.0.2 over the
/// PAE, and sigstore-go, sigstore-python and sigstore-java reject `dsse` 0.0.2 entries.
pub(crate) const SUPPORTED: &[(&str, &str)] = &[
    ("hashedrekord", "0.0.1"),
    ("dsse", "0.0.1"),
    ("intoto", "0.0.2"),
    ("hashedrekord", "0.0.2"),
];

/// Checks that `body` is a `kind`/`version` entry about exactly what `expected` describes.
#[inline(never)] // a step of verify_entry: its JSON tree stays out of the caller's frame
pub(crate) fn check(
    entry: usize,
    kind: &str,
    version: &str,
    body: &[u8],
    expected: &Expected<'_>,
) -> Result<(), Error> {
    let invalid = Error::TlogBodyInvalid { entry };
    let doc = crate::json::document(body, invalid.clone())?;
    if str_at(&doc, &["kind"]) != Some(kind) || str_at(&doc, &["apiVersion"]) != Some(version) {
        return Err(Error::TlogBodyMismatch {
            entry,
            field: "kindVersion",
        });
    }
    let spec = doc.get("spec").ok_or(invalid)?;
    let m = Matcher { entry, expected };
    match (kind, version) {
        ("hashedrekord", "0.0.1") => m.hashedrekord_v001(spec),
        ("dsse", "0.0.1") => m.dsse_v001(spec),
        ("intoto", "0.0.2") => m.intoto_v002(spec),
        ("hashedrekord", "0.0.2") => m.hashedrekord_v002(spec.get("hashedRekordV002")),
        _ => Err(Error::TlogKindUnsupported { entry }),
    }
}

struct Matcher<'a> {
    entry: usize,
    expected: &'a Expected<'a>,
}

impl Matcher<'_> {
    fn hashedrekord_v001(&self, spec: &Value<'_>) -> Result<(), Error> {
        let Content::MessageSignature { signature, .. } = self.expected.content else {
            return Err(self.mismatch("kind"));
        };
        let sig = self.b64(spec, &["signature", "content"])?;
        if sig != *signature {
            return Err(self.mismatch("signature"));
        }
        let pem = self.b64(spec, &["signature", "publicKey", "content"])?;
        self.check_pem_verifier(&pem)?;
        let artifact = self.expected.artifact.ok_or(self.mismatch("kind"))?;
        if str_at(spec, &["data", "hash", "algorithm"]) != Some(artifact.algorithm().name()) {
            return Err(self.mismatch("data.hash.algorithm"));
        }
        let digest = str_at(spec, &["data", "hash", "value"]).and_then(hex_decode_vec);
        if digest.as_deref() != Some(artifact.as_bytes()) {
            return Err(self.mismatch("data.hash.value"));
        }
        Ok(())
    }

    fn dsse_v001(&self, spec: &Value<'_>) -> Result<(), Error> {
        let envelope = self.envelope()?;
        if str_at(spec, &["payloadHash", "algorithm"]) != Some("sha256")
            || str_at(spec, &["payloadHash", "value"]).and_then(hex_decode::<32>)
                != Some(Sha256Digest::of(&envelope.payload).0)
        {
            return Err(self.mismatch("payloadHash"));
        }
        let [sig] = self.array(spec, "signatures")? else {
            return Err(self.mismatch("signatures"));
        };
        if self.b64(sig, &["signature"])? != envelope.signature {
            return Err(self.mismatch("signatures.signature"));
        }
        self.check_pem_verifier(&self.b64(sig, &["verifier"])?)
    }

    fn intoto_v002(&self, spec: &Value<'_>) -> Result<(), Error> {
        let envelope = self.envelope()?;
        let content = spec.get("content").ok_or(self.invalid())?;
        if str_at(content, &["envelope", "payloadType"]) != Some(envelope.payload_type.as_str()) {
            return Err(self.mismatch("payloadType"));
        }
        if str_at(content, &["payloadHash", "algorithm"]) != Some("sha256")
            || str_at(content, &["payloadHash", "value"]).and_then(hex_decode::<32>)
                != Some(Sha256Digest::of(&envelope.payload).0)
        {
            return Err(self.mismatch("payloadHash"));
        }
        let env = content.get("envelope").ok_or(self.invalid())?;
        let [sig] = self.array(env, "signatures")? else {
            return Err(self.mismatch("signatures"));
        };
        // intoto v0.0.2 stores the signature base64-encoded twice.
        let once = self.b64(sig, &["sig"])?;
        let twice = core::str::from_utf8(&once).ok().and_then(base64_decode);
        if twice.as_deref() != Some(envelope.signature.as_slice()) {
            return Err(self.mismatch("signatures.sig"));
        }
        self.check_pem_verifier(&self.b64(sig, &["publicKey"])?)
    }

    fn hashedrekord_v002(&self, spec: Option<&Value<'_>>) -> Result<(), Error> {
        let spec = spec.ok_or(self.invalid())?;
        // A DSSE bundle may be logged as a hashedrekord over the envelope's PAE.
        let (signature, digest) = match self.expected.content {
            Content::MessageSignature { signature, .. } => (
                signature,
                self.expected.artifact.ok_or(self.mismatch("data.digest"))?,
            ),
            Content::Dsse(env) => (
                &env.signature,
                Digest::of(
                    self.expected.pae_hash,
                    &crate::dsse::pae(&env.payload_type, &env.payload),
                ),
            ),
        };
        if self.b64(spec, &["signature", "content"])? != *signature {
            return Err(self.mismatch("signature.content"));
        }
        let verifier = spec.get("signature").and_then(|s| s.get("verifier"));
        self.check_v2_verifier(verifier.ok_or(self.invalid())?)?;
        if str_at(spec, &["data", "algorithm"]) != Some(digest.algorithm().proto_name()) {
            return Err(self.mismatch("data.algorithm"));
        }
        if self.b64(spec, &["data", "digest"])? != digest.as_bytes() {
            return Err(self.mismatch("data.digest"));
        }
        Ok(())
    }

    /// A v1 verifier: base64 of a PEM certificate or PEM public key.
    fn check_pem_verifier(&self, pem: &[u8]) -> Result<(), Error> {
        let text = core::str::from_utf8(pem).map_err(|_| self.invalid())?;
        let matches = match self.expected.certificate {
            Some(cert) => pem_decode(text, "CERTIFICATE").is_some_and(|der| der == cert),
            None => pem_decode(text, "PUBLIC KEY")
                .and_then(|der| canonical_spki(&der))
                .is_some_and(|spki| spki == self.expected.spki),
        };
        if matches {
            Ok(())
        } else {
            Err(self.mismatch("verifier"))
        }
    }

    /// A v2 verifier: `{x509Certificate: {rawBytes}}` or `{publicKey: {rawBytes}}`.
    fn check_v2_verifier(&self, verifier: &Value<'_>) -> Result<(), Error> {
        let matches = match self.expected.certificate {
            Some(cert) => {
                self.b64(verifier, &["x509Certificate", "rawBytes"])
                    .ok()
                    .as_deref()
                    == Some(cert)
            }
            None => self
                .b64(verifier, &["publicKey", "rawBytes"])
                .ok()
                .and_then(|der| canonical_spki(&der))
                .is_some_and(|spki| spki == self.expected.spki),
        };
        if matches {
            Ok(())
        } else {
            Err(self.mismatch("verifier"))
        }
    }

    fn envelope(&self) -> Result<&crate::bundle::Envelope, Error> {
        match self.expected.content {
            Content::Dsse(env) => Ok(env),
            Content::MessageSignature { .. } => Err(self.mismatch("kind")),
        }
    }

    fn array<'v, 'a>(&self, v: &'v Value<'a>, key: &str) -> Result<&'v [Value<'a>], Error> {
        v.get(key).and_then(Value::as_array).ok_or(self.invalid())
    }

    fn b64(&self, v: &Value<'_>, path: &[&str]) -> Result<Vec<u8>, Error> {
        str_at(v, path)
            .and_then(base64_decode)
            .ok_or(self.invalid())
    }

    fn invalid(&self) -> Error {
        Error::TlogBodyInvalid { entry: self.entry }
    }

    fn mismatch(&self, field: &'static str) -> Error {
        Error::TlogBodyMismatch {
            entry: self.entry,
            field,
        }
    }
}

fn str_at<'v>(v: &'v Value<'_>, path: &[&str]) -> Option<&'v str> {
    path.iter().try_fold(v, |v, k| v.get(k))?.as_str()
}
