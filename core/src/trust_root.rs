//! Trusted root parsing (`TrustedRoot` and the `ClientTrustConfig` wrapper): the logs, CT logs,
//! certificate authorities and timestamp authorities a verifier trusts, each with a closed
//! validity interval.

use alloc::string::String;
use alloc::vec::Vec;

use crate::Error;
use crate::crypto::Crypto;
use crate::crypto::PublicKey;
use crate::encoding::base64_decode_proto;
use crate::json::fields::Fields;
use crate::json::fields::Shape;
use crate::limits;
use crate::limits::Limit;
use crate::time::UnixTime;
use crate::time::Validity;
use crate::time::parse_rfc3339;
use crate::x509::Authority;
use crate::x509::Certificate;

// The compiled-in roots without the files' insignificant whitespace (`json::minify`).
#[cfg(feature = "default-roots")]
const PRODUCTION_RAW: &[u8] = include_bytes!("roots/production.json");
#[cfg(feature = "default-roots")]
const PRODUCTION_LEN: usize = crate::json::minify::minified_len(PRODUCTION_RAW);
#[cfg(feature = "default-roots")]
pub(crate) const PRODUCTION_JSON: &[u8] =
    &crate::json::minify::minified::<PRODUCTION_LEN>(PRODUCTION_RAW);
#[cfg(feature = "default-roots")]
const STAGING_RAW: &[u8] = include_bytes!("roots/staging.json");
#[cfg(feature = "default-roots")]
const STAGING_LEN: usize = crate::json::minify::minified_len(STAGING_RAW);
#[cfg(feature = "default-roots")]
pub(crate) const STAGING_JSON: &[u8] = &crate::json::minify::minified::<STAGING_LEN>(STAGING_RAW);

/// How the signatures linking a CA chain are treated while parsing.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Links<'a> {
    /// Each link's signature is verified, ECDSA by the backend first: a root from outside the
    /// program.
    Verify(Crypto<'a>),
    /// A compiled-in root: its bytes are as trusted as the code, and every link's signature
    /// is verified by this crate's tests (`compiled_in_chain_links_hold`), not at every start.
    /// This saves two P-384 checks per root (57 M instructions on a Cortex-M4, measured by
    /// embedded/figures.sh). Structure (issuers are CAs) is still checked.
    #[cfg_attr(not(feature = "default-roots"), allow(dead_code))]
    Compiled,
}

/// A parsed trusted root: which logs and authorities this verifier trusts, and when.
#[derive(Clone, Debug)]
pub struct TrustedRoot {
    pub(crate) tlogs: Vec<Log>,
    pub(crate) ctlogs: Vec<Log>,
    pub(crate) cas: Vec<Authority>,
    pub(crate) tsas: Vec<Authority>,
}

/// A transparency log or CT log: its key, id and validity.
#[derive(Clone, Debug)]
pub(crate) struct Log {
    pub(crate) base_url: String,
    pub(crate) key: PublicKey,
    pub(crate) log_id: Vec<u8>,
    pub(crate) checkpoint_key_id: Option<Vec<u8>>,
    pub(crate) validity: Validity,
    /// The witness policy of the log's `witnessConfig`, if the root has one (tlogs only).
    pub(crate) witness: Option<crate::witness::WitnessPolicy>,
}

impl Log {
    /// What makes two entries of the trusted root one log when independent logs are counted:
    /// the key by value. Two log ids (or two spellings of one key) do not make two logs.
    pub(crate) fn identity(&self) -> Vec<u8> {
        self.key.identity()
    }
}

impl TrustedRoot {
    /// Parses a `TrustedRoot` or a `ClientTrustConfig` (whose `trustedRoot` is used).
    pub fn from_json(input: &[u8]) -> Result<Self, Error> {
        Self::parse(input, Links::Verify(Crypto::BUILTIN))
    }

    /// [`Self::from_json`], with the ECDSA checks of the certificate authorities' chains (two
    /// P-384 signatures in Sigstore's production root, most of the cost of parsing it) handed
    /// to `backend` first, as a [`crate::Verifier`] with a backend does. The same roots parse.
    pub fn from_json_with_backend(
        input: &[u8],
        backend: &dyn crate::backend::EcdsaBackend,
    ) -> Result<Self, Error> {
        Self::parse(input, Links::Verify(Crypto::with(Some(backend))))
    }

    pub(crate) fn parse(input: &[u8], links: Links<'_>) -> Result<Self, Error> {
        limits::check(
            input.len(),
            limits::MAX_TRUST_ROOT_BYTES,
            Limit::TrustRootBytes,
        )?;
        let invalid = Error::TrustRootJsonInvalid {
            path: "trustedRoot",
        };
        let tree = crate::json::document(input, invalid.clone())?;
        // A `ClientTrustConfig` nests the root in `trustedRoot`; a `TrustedRoot` is the root.
        let doc = Fields::of(&tree).map_err(|Shape| invalid.clone())?;
        let ((media_type, root), inner) = RawRoot::typed(doc)
            .and_then(|outer| Ok((outer, doc.read_opt("trustedRoot", RawRoot::typed)?)))
            .map_err(|Shape| invalid.clone())?;
        let raw = match media_type {
            "application/vnd.dev.sigstore.trustedroot+json;version=0.1"
            | "application/vnd.dev.sigstore.trustedroot.v0.2+json" => root,
            "application/vnd.dev.sigstore.clienttrustconfig.v0.1+json" => {
                let (inner_type, inner_root) = inner.ok_or(invalid)?;
                match inner_type {
                    "application/vnd.dev.sigstore.trustedroot+json;version=0.1"
                    | "application/vnd.dev.sigstore.trustedroot.v0.2+json" => inner_root,
                    _ => return Err(Error::TrustRootMediaTypeUnknown),
                }
            }
            _ => return Err(Error::TrustRootMediaTypeUnknown),
        };
        Self::from_raw(raw, links)
    }

    /// Whether one of this root's certificate authorities holds the certificate that issued
    /// the bundle's signing certificate (by name): how a file of several roots, such as `gh
    /// attestation trusted-root`'s JSON Lines (public-good, then GitHub's), is narrowed to the
    /// one a bundle belongs to, as gh picks a verifier by the leaf's issuer. False for a
    /// managed-key bundle and for a leaf that does not parse.
    pub fn issued(&self, bundle: &crate::Bundle) -> bool {
        let crate::bundle::Material::Certificates(chain) = &bundle.material else {
            return false;
        };
        let Some(leaf) = chain
            .first()
            .and_then(|der| Certificate::from_der(der).ok())
        else {
            return false;
        };
        self.cas
            .iter()
            .flat_map(|ca| ca.chain.iter())
            .any(|c| c.subject == leaf.issuer)
    }

    /// One trusted root document, or JSON Lines of them as `gh attestation trusted-root`
    /// writes them (Sigstore public-good, then GitHub's), in file order; blank lines are
    /// ignored. A document that is neither gives the error of parsing it as one root, or, for
    /// JSON Lines, the error of the first line that does not parse. Never empty on success.
    pub fn from_json_lines(input: &[u8]) -> Result<Vec<Self>, Error> {
        Self::lines(input, Links::Verify(Crypto::BUILTIN))
    }

    /// [`Self::from_json_lines`], with the ECDSA checks of each root's certificate chains
    /// handed to `backend` first, as [`Self::from_json_with_backend`]. The same roots parse.
    pub fn from_json_lines_with_backend(
        input: &[u8],
        backend: &dyn crate::backend::EcdsaBackend,
    ) -> Result<Vec<Self>, Error> {
        Self::lines(input, Links::Verify(Crypto::with(Some(backend))))
    }

    fn lines(input: &[u8], links: Links<'_>) -> Result<Vec<Self>, Error> {
        let whole = match Self::parse(input, links) {
            Ok(root) => return Ok(alloc::vec![root]),
            Err(e) => e,
        };
        let lines: Vec<&[u8]> = input
            .split(|b| *b == b'\n')
            .filter(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
            .collect();
        if lines.len() < 2 {
            return Err(whole);
        }
        lines.into_iter().map(|l| Self::parse(l, links)).collect()
    }

    /// The root of `roots` that issued the bundle's signing certificate ([`Self::issued`]),
    /// else the last one, whose verification then says why not (in `gh attestation
    /// trusted-root`'s order the last is GitHub's): how gh picks a verifier by the leaf's
    /// issuer. `None` only when `roots` is empty. `roots` is a slice or any iterator of
    /// references, so a binding that holds its roots apart need not copy them.
    pub fn choose<'r>(
        roots: impl IntoIterator<Item = &'r Self>,
        bundle: &crate::Bundle,
    ) -> Option<&'r Self> {
        let mut last = None;
        for root in roots {
            if root.issued(bundle) {
                return Some(root);
            }
            last = Some(root);
        }
        last
    }

    /// A compiled-in trusted root by name: `"production"` (Sigstore public-good) or `"staging"`.
    #[cfg(feature = "default-roots")]
    pub fn named(name: &str) -> Result<Self, Error> {
        match name {
            "production" => Self::production(),
            "staging" => Self::staging(),
            _ => Err(Error::TrustRootNameUnknown),
        }
    }

    /// The Sigstore public-good production root compiled into this build (see `roots/SOURCE.md`).
    #[cfg(feature = "default-roots")]
    pub fn production() -> Result<Self, Error> {
        Self::parse(PRODUCTION_JSON, Links::Compiled)
    }

    /// The Sigstore public-good staging root compiled into this build (see `roots/SOURCE.md`).
    #[cfg(feature = "default-roots")]
    pub fn staging() -> Result<Self, Error> {
        Self::parse(STAGING_JSON, Links::Compiled)
    }

    fn from_raw(raw: RawRoot<'_>, links: Links<'_>) -> Result<Self, Error> {
        for n in [
            raw.tlogs.len(),
            raw.ctlogs.len(),
            raw.certificate_authorities.len(),
        ] {
            limits::check(n, limits::MAX_TRUST_ROOT_ENTRIES, Limit::TrustRootEntries)?;
        }
        limits::check(
            raw.timestamp_authorities.len(),
            limits::MAX_TRUST_ROOT_ENTRIES,
            Limit::TrustRootEntries,
        )?;
        Ok(Self {
            tlogs: logs(raw.tlogs, "tlogs")?,
            ctlogs: logs(raw.ctlogs, "ctlogs")?,
            cas: raw
                .certificate_authorities
                .into_iter()
                .map(|a| authority(a, "certificateAuthorities", links))
                .collect::<Result<_, _>>()?,
            tsas: raw
                .timestamp_authorities
                .into_iter()
                .map(|a| authority(a, "timestampAuthorities", links))
                .collect::<Result<_, _>>()?,
        })
    }
}

/// The logs of one list. A log whose key needs an algorithm this build leaves out (see the
/// crate's features), or that the root wants witnessed in a build without `witness`, is left
/// out as if the root did not list it: an entry it logged then
/// finds no log, and nothing it signed can verify.
fn logs(raw: Vec<RawLog<'_>>, path: &'static str) -> Result<Vec<Log>, Error> {
    let mut out = Vec::with_capacity(raw.len());
    for l in raw {
        match log(l, path) {
            Ok(l) => out.push(l),
            Err(Error::KeyAlgorithmNotBuilt) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

fn log(raw: RawLog<'_>, path: &'static str) -> Result<Log, Error> {
    let key_der = b64(raw.public_key.raw_bytes, path)?;
    let key = match raw.public_key.key_details {
        // A bare PKCS#1 RSAPublicKey rather than an SPKI (older staging CT logs).
        d if d.starts_with("PKCS1_RSA_") => PublicKey::from_pkcs1_rsa_der(&key_der),
        _ => PublicKey::from_spki_der(&key_der),
    }
    .map_err(|e| match e {
        Error::KeyAlgorithmNotBuilt => e,
        _ => Error::TrustRootKeyInvalid { path },
    })?;
    let log_id = b64(raw.log_id, path)?;
    let checkpoint_key_id = raw.checkpoint_key_id.map(|k| b64(k, path)).transpose()?;
    #[cfg(feature = "witness")]
    let witness = raw
        .witness_config
        .map(crate::witness::root_config::policy)
        .transpose()?;
    // A log the root wants witnessed cannot be judged by this build: left out, as a log whose
    // key needs a left-out algorithm is (see `logs`).
    #[cfg(not(feature = "witness"))]
    let witness = match raw.witness_config {
        true => return Err(Error::KeyAlgorithmNotBuilt),
        false => None,
    };
    // `PublicKey.valid_for` is optional in the protobuf specs: a key without it has no
    // bounds (as sigstore-go and sigstore-python read it). A present `validFor` still needs
    // its `start`.
    let validity = match raw.public_key.valid_for {
        None => Validity {
            start: UnixTime(0),
            end: None,
        },
        some => validity(some, path)?,
    };
    Ok(Log {
        base_url: raw.base_url.into(),
        key,
        log_id,
        checkpoint_key_id,
        validity,
        witness,
    })
}

fn authority(
    raw: RawAuthority<'_>,
    path: &'static str,
    links: Links<'_>,
) -> Result<Authority, Error> {
    let certs = raw.certificates;
    if certs.is_empty() {
        return Err(Error::TrustRootCertificateInvalid { path });
    }
    limits::check(
        certs.len(),
        limits::MAX_CHAIN_CERTIFICATES,
        Limit::ChainCertificates,
    )?;
    let chain = certs
        .iter()
        .map(|c| {
            let der = b64(c, path)?;
            Certificate::from_der(&der).map_err(|_| Error::TrustRootCertificateInvalid { path })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let links_hold = match links {
        Links::Verify(crypto) => crate::x509::chain_links_hold(&chain, crypto),
        Links::Compiled => crate::x509::chain_issuers_are_cas(&chain),
    };
    if !links_hold {
        return Err(Error::TrustRootCertificateInvalid { path });
    }
    Ok(Authority {
        chain,
        validity: validity(raw.valid_for, path)?,
        uri: raw.uri.into(),
    })
}

fn validity(raw: Option<RawValidity<'_>>, path: &'static str) -> Result<Validity, Error> {
    let raw = raw.ok_or(Error::TrustRootValidityStartMissing { path })?;
    let start = raw
        .start
        .ok_or(Error::TrustRootValidityStartMissing { path })?;
    let start = parse_rfc3339(start).ok_or(Error::TrustRootTimeInvalid { path })?;
    let end = raw
        .end
        .map(|e| parse_rfc3339(e).ok_or(Error::TrustRootTimeInvalid { path }))
        .transpose()?;
    Ok(Validity { start, end })
}

fn b64(s: &str, path: &'static str) -> Result<Vec<u8>, Error> {
    base64_decode_proto(s).ok_or(Error::TrustRootBase64Invalid { path })
}

// --- protobuf-JSON shapes, read whole before any check (as in bundle.rs) ---------------------

struct RawRoot<'v> {
    tlogs: Vec<RawLog<'v>>,
    certificate_authorities: Vec<RawAuthority<'v>>,
    ctlogs: Vec<RawLog<'v>>,
    timestamp_authorities: Vec<RawAuthority<'v>>,
}

impl<'v> RawRoot<'v> {
    /// The root's lists, which a `ClientTrustConfig` and its `trustedRoot` both may hold.
    fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        Ok(Self {
            tlogs: f.read_list("tlogs", RawLog::read)?,
            certificate_authorities: f.read_list("certificateAuthorities", RawAuthority::read)?,
            ctlogs: f.read_list("ctlogs", RawLog::read)?,
            timestamp_authorities: Self::tsas(f)?,
        })
    }

    /// A document's media type with the root it holds.
    fn typed(f: Fields<'v, '_>) -> Result<(&'v str, Self), Shape> {
        Ok((f.str("mediaType")?, Self::read(f)?))
    }

    /// Without the `tsa` feature the list is read as JSON and not kept: a build that cannot
    /// check RFC 3161 timestamps holds no TSA certificates.
    fn tsas(f: Fields<'v, '_>) -> Result<Vec<RawAuthority<'v>>, Shape> {
        #[cfg(feature = "tsa")]
        return f.read_list("timestampAuthorities", RawAuthority::read);
        #[cfg(not(feature = "tsa"))]
        return f.get("timestampAuthorities").map(|_| Vec::new());
    }
}

struct RawLog<'v> {
    base_url: &'v str,
    public_key: RawPublicKey<'v>,
    log_id: &'v str,
    checkpoint_key_id: Option<&'v str>,
    #[cfg(feature = "witness")]
    witness_config: Option<crate::witness::root_config::RawWitnessConfig<'v>>,
    /// Without the `witness` feature, only whether the log has a witness configuration.
    #[cfg(not(feature = "witness"))]
    witness_config: bool,
}

impl<'v> RawLog<'v> {
    fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        Ok(Self {
            base_url: f.str_or_empty("baseUrl")?,
            public_key: RawPublicKey::read(f.message("publicKey")?)?,
            log_id: f.message("logId")?.str("keyId")?,
            checkpoint_key_id: f.read_opt("checkpointKeyId", |k| k.str("keyId"))?,
            #[cfg(feature = "witness")]
            witness_config: f.read_opt(
                "witnessConfig",
                crate::witness::root_config::RawWitnessConfig::read,
            )?,
            #[cfg(not(feature = "witness"))]
            witness_config: f.opt_message("witnessConfig")?.is_some(),
        })
    }
}

struct RawPublicKey<'v> {
    raw_bytes: &'v str,
    key_details: &'v str,
    valid_for: Option<RawValidity<'v>>,
}

impl<'v> RawPublicKey<'v> {
    fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        Ok(Self {
            raw_bytes: f.str("rawBytes")?,
            key_details: f.str_or_empty("keyDetails")?,
            valid_for: f.read_opt("validFor", RawValidity::read)?,
        })
    }
}

struct RawValidity<'v> {
    start: Option<&'v str>,
    end: Option<&'v str>,
}

impl<'v> RawValidity<'v> {
    fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        Ok(Self {
            start: f.opt_str("start")?,
            end: f.opt_str("end")?,
        })
    }
}

struct RawAuthority<'v> {
    certificates: Vec<&'v str>,
    valid_for: Option<RawValidity<'v>>,
    uri: &'v str,
}

impl<'v> RawAuthority<'v> {
    fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        Ok(Self {
            certificates: f
                .message("certChain")?
                .read_list("certificates", |c| c.str("rawBytes"))?,
            valid_for: f.read_opt("validFor", RawValidity::read)?,
            uri: f.str_or_empty("uri")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::string::String;

    use super::*;

    /// An Ed25519 SPKI (RFC 8410 test key).
    const KEY: &str = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=";

    fn root_with_tlog(valid_for: &str, key: &str, details: &str) -> String {
        format!(
            r#"{{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1","tlogs":[{{"baseUrl":"https://log.example","hashAlgorithm":"SHA2_256","publicKey":{{"rawBytes":"{key}","keyDetails":"{details}"{valid_for}}},"logId":{{"keyId":"AAAA"}}}}]}}"#
        )
    }

    #[test]
    #[cfg(feature = "default-roots")]
    fn compiled_in_chain_links_hold() {
        // What `Links::Compiled` leaves to this test: every CA and TSA chain link of the
        // compiled-in roots verifies, with the same code as for a root read at run time.
        for json in [PRODUCTION_JSON, STAGING_JSON] {
            let checked = TrustedRoot::parse(json, Links::Verify(Crypto::BUILTIN)).unwrap();
            let compiled = TrustedRoot::parse(json, Links::Compiled).unwrap();
            assert!(!checked.cas.is_empty());
            assert_eq!(checked.cas.len(), compiled.cas.len());
            assert_eq!(checked.tsas.len(), compiled.tsas.len());
            let mut links = 0;
            for a in checked.cas.iter().chain(&checked.tsas) {
                assert!(crate::x509::chain_links_hold(&a.chain, Crypto::BUILTIN));
                links += a.chain.len() - 1;
            }
            assert!(links > 0, "some chain has a link");
        }
    }

    /// Answers every ECDSA check with the core's code and counts them, or refuses them all.
    #[derive(Debug)]
    struct Counting {
        checks: core::sync::atomic::AtomicUsize,
        lie: bool,
    }

    impl crate::backend::EcdsaBackend for Counting {
        fn verify(&self, check: &crate::backend::EcdsaCheck<'_>) -> Option<bool> {
            self.checks
                .fetch_add(1, core::sync::atomic::Ordering::Relaxed);
            Some(!self.lie && crate::backend::verify_in_software(check))
        }
    }

    #[test]
    #[cfg(feature = "default-roots")]
    fn a_backend_checks_the_chain_links_of_a_root_read_at_run_time() {
        let honest = Counting {
            checks: 0.into(),
            lie: false,
        };
        let backed = TrustedRoot::from_json_with_backend(PRODUCTION_JSON, &honest).unwrap();
        let plain = TrustedRoot::from_json(PRODUCTION_JSON).unwrap();
        assert_eq!(backed.cas.len(), plain.cas.len());
        assert_eq!(backed.tlogs.len(), plain.tlogs.len());
        assert!(honest.checks.into_inner() > 0);
        let liar = Counting {
            checks: 0.into(),
            lie: true,
        };
        assert!(matches!(
            TrustedRoot::from_json_with_backend(PRODUCTION_JSON, &liar),
            Err(Error::TrustRootCertificateInvalid { .. })
        ));
    }

    #[test]
    fn parses_validity_with_inclusive_end() {
        let json = root_with_tlog(
            r#","validFor":{"start":"2021-01-12T11:53:27Z","end":"2022-12-31T23:59:59.999Z"}"#,
            KEY,
            "PKIX_ED25519",
        );
        let root = TrustedRoot::from_json(json.as_bytes()).unwrap();
        let v = root.tlogs[0].validity;
        assert_eq!(v.start, UnixTime(1_610_452_407));
        assert!(v.contains(UnixTime(1_672_531_199)));
        assert!(!v.contains(UnixTime(1_672_531_200)));
        assert_eq!(root.tlogs[0].log_id, [0, 0, 0]);
    }

    #[test]
    fn a_key_without_valid_for_has_no_bounds() {
        let json = root_with_tlog("", KEY, "PKIX_ED25519");
        let root = TrustedRoot::from_json(json.as_bytes()).unwrap();
        let v = root.tlogs[0].validity;
        assert!(v.contains(UnixTime(0)));
        assert!(v.contains(UnixTime(u64::MAX)));
    }

    #[test]
    fn rejects_bad_roots() {
        let no_start = root_with_tlog(
            r#","validFor":{"end":"2022-12-31T23:59:59Z"}"#,
            KEY,
            "PKIX_ED25519",
        );
        assert_eq!(
            TrustedRoot::from_json(no_start.as_bytes()).unwrap_err(),
            Error::TrustRootValidityStartMissing { path: "tlogs" }
        );
        let bad_time = root_with_tlog(r#","validFor":{"start":"yesterday"}"#, KEY, "PKIX_ED25519");
        assert_eq!(
            TrustedRoot::from_json(bad_time.as_bytes()).unwrap_err(),
            Error::TrustRootTimeInvalid { path: "tlogs" }
        );
        let bad_key = root_with_tlog(
            r#","validFor":{"start":"2021-01-12T11:53:27Z"}"#,
            "AAAA",
            "PKIX_ED25519",
        );
        assert_eq!(
            TrustedRoot::from_json(bad_key.as_bytes()).unwrap_err(),
            Error::TrustRootKeyInvalid { path: "tlogs" }
        );
        let bad_b64 = root_with_tlog(
            r#","validFor":{"start":"2021-01-12T11:53:27Z"}"#,
            "A!",
            "PKIX_ED25519",
        );
        assert_eq!(
            TrustedRoot::from_json(bad_b64.as_bytes()).unwrap_err(),
            Error::TrustRootBase64Invalid { path: "tlogs" }
        );
        let unknown = r#"{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=9"}"#;
        assert_eq!(
            TrustedRoot::from_json(unknown.as_bytes()).unwrap_err(),
            Error::TrustRootMediaTypeUnknown
        );
        assert_eq!(
            TrustedRoot::from_json(b"{}").unwrap_err(),
            Error::TrustRootJsonInvalid {
                path: "trustedRoot"
            }
        );
        let empty_ca = r#"{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1","certificateAuthorities":[{"certChain":{"certificates":[]},"validFor":{"start":"2021-01-12T11:53:27Z"}}]}"#;
        assert_eq!(
            TrustedRoot::from_json(empty_ca.as_bytes()).unwrap_err(),
            Error::TrustRootCertificateInvalid {
                path: "certificateAuthorities"
            }
        );
    }

    #[test]
    fn accepts_the_client_trust_config_wrapper() {
        let inner = root_with_tlog(
            r#","validFor":{"start":"2021-01-12T11:53:27Z"}"#,
            KEY,
            "PKIX_ED25519",
        );
        let wrapped = format!(
            r#"{{"mediaType":"application/vnd.dev.sigstore.clienttrustconfig.v0.1+json","trustedRoot":{inner},"signingConfig":{{}}}}"#
        );
        assert_eq!(
            TrustedRoot::from_json(wrapped.as_bytes())
                .unwrap()
                .tlogs
                .len(),
            1
        );
        let missing = r#"{"mediaType":"application/vnd.dev.sigstore.clienttrustconfig.v0.1+json"}"#;
        assert_eq!(
            TrustedRoot::from_json(missing.as_bytes()).unwrap_err(),
            Error::TrustRootJsonInvalid {
                path: "trustedRoot"
            }
        );
    }

    #[test]
    fn compiled_in_roots_parse_and_their_ca_chains_hold() {
        let prod = TrustedRoot::named("production").unwrap();
        assert_eq!(prod.tlogs.len(), 2);
        assert_eq!(prod.ctlogs.len(), 2);
        assert_eq!(prod.cas.len(), 2);
        assert_eq!(prod.tsas.len(), 1);
        let staging = TrustedRoot::named("staging").unwrap();
        assert!(!staging.tlogs.is_empty());
        assert_eq!(
            TrustedRoot::named("nope").unwrap_err(),
            Error::TrustRootNameUnknown
        );
    }
}

#[cfg(test)]
mod limit_tests {
    use alloc::format;
    use alloc::vec;

    use super::*;

    fn root_with_logs(n: usize) -> String {
        let log = r#"{"baseUrl":"https://l","publicKey":{"rawBytes":"MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=","keyDetails":"PKIX_ED25519","validFor":{"start":"2021-01-12T11:53:27Z"}},"logId":{"keyId":"AAAA"}}"#;
        format!(
            r#"{{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1","tlogs":[{}]}}"#,
            vec![log; n].join(",")
        )
    }

    #[test]
    fn trust_root_limits_hold_at_and_fail_past_their_value() {
        let at = root_with_logs(limits::MAX_TRUST_ROOT_ENTRIES);
        assert_eq!(
            TrustedRoot::from_json(at.as_bytes()).unwrap().tlogs.len(),
            limits::MAX_TRUST_ROOT_ENTRIES
        );
        let over = root_with_logs(limits::MAX_TRUST_ROOT_ENTRIES + 1);
        assert_eq!(
            TrustedRoot::from_json(over.as_bytes()).unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::TrustRootEntries
            }
        );
        let huge = vec![b' '; limits::MAX_TRUST_ROOT_BYTES + 1];
        assert_eq!(
            TrustedRoot::from_json(&huge).unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::TrustRootBytes
            }
        );
        let chain = [r#"{"rawBytes":"AAAA"}"#; limits::MAX_CHAIN_CERTIFICATES + 1].join(",");
        let long_ca = format!(
            r#"{{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1","certificateAuthorities":[{{"certChain":{{"certificates":[{chain}]}},"validFor":{{"start":"2021-01-12T11:53:27Z"}}}}]}}"#
        );
        assert_eq!(
            TrustedRoot::from_json(long_ca.as_bytes()).unwrap_err(),
            Error::LimitExceeded {
                limit: Limit::ChainCertificates
            }
        );
    }
}
