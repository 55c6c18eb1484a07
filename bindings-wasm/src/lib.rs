//! WebAssembly binding of sigverify, the native half of the `sigverify` npm package.
//!
//! This crate only translates: JavaScript values become core types, [`sigverify::Verifier`]
//! runs once, and the outcome becomes a plain JavaScript object. Every decision stays in the
//! core. A core error crosses as a plain `{ code, name, message }` object that the package's
//! `index.js` rethrows as a `VerificationError`; a malformed argument (a policy object of the
//! wrong shape, a digest that is not `sha256:<64 hex>`) is thrown as a JavaScript `TypeError`.
//!
//! The public JavaScript API is `index.js` / `index.d.ts`; the classes here are its internals.

use serde::Serialize;
use sigverify::Artifact;
use sigverify::Bundle;
use sigverify::Condition;
use sigverify::Config;
use sigverify::Digest;
use sigverify::Policy;
use sigverify::SkippedItem;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verified;
use sigverify::backend::EcdsaBackend;
use sigverify::backend::EcdsaCheck;
use sigverify::backend::Hash;
use wasm_bindgen::JsValue;

pub mod attestation;
mod deferred;
pub mod files;
pub mod firmware;
pub mod hasher;
mod js_object;
pub mod npm;
pub mod release;
pub mod tuf;
pub mod witness;
use wasm_bindgen::prelude::wasm_bindgen;

/// A core error as it crosses to JavaScript; `index.js` turns it into a `VerificationError`.
#[derive(Serialize)]
struct CoreError {
    /// Marks the object as a core error, so `index.js` never mistakes another value for one.
    sigverify: bool,
    code: u16,
    name: &'static str,
    message: String,
}

/// Converts a core error into the plain object described on [`CoreError`].
fn core_error(e: &sigverify::Error) -> JsValue {
    let value = CoreError {
        sigverify: true,
        code: e.code(),
        name: e.name(),
        message: e.to_string(),
    };
    serde_wasm_bindgen::to_value(&value).unwrap_or_else(|_| JsValue::from_str(e.name()))
}

/// A JavaScript `TypeError` for an argument that has the wrong shape.
fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

/// Serialises `value` as plain JavaScript data: `None` becomes `null`, bytes a `Uint8Array`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    value
        .serialize(&serializer)
        .map_err(|e| type_error(&e.to_string()))
}

/// An unsigned integer for JavaScript: a number while `Number` holds it exactly, a `bigint`
/// above `Number.MAX_SAFE_INTEGER` (a TUF version or a tree size is any `u64`, and a number
/// would round it to another value).
pub(crate) struct Uint(pub(crate) u64);

/// The largest integer a JavaScript `Number` holds exactly (2^53 - 1).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

impl Serialize for Uint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 <= MAX_SAFE_INTEGER {
            s.serialize_u64(self.0)
        } else {
            // serde-wasm-bindgen writes a u128 as a BigInt.
            s.serialize_u128(u128::from(self.0))
        }
    }
}

/// The every-error table of the core, as `[code, name]` pairs in table order.
///
/// `index.js` exposes it as `ERROR_CODES`; the tests check `index.d.ts` against it, so no code
/// or name is ever typed by hand on the JavaScript side.
#[wasm_bindgen(js_name = errorTable)]
pub fn error_table() -> Result<JsValue, JsValue> {
    to_js(&sigverify::Error::ALL)
}

#[wasm_bindgen(module = "/src/host_ecdsa.js")]
extern "C" {
    #[wasm_bindgen(js_name = hostEcdsaAvailable)]
    fn host_ecdsa_available() -> bool;
    #[wasm_bindgen(js_name = hostEcdsaVerify)]
    fn host_ecdsa_verify(hash: u8, spki: &[u8], message: &[u8], signature: &[u8]) -> i32;
}

/// The runtime's own ECDSA (Node's OpenSSL, through `src/host_ecdsa.js`): several times faster
/// than the core's pure-Rust arithmetic compiled to WebAssembly.
#[derive(Debug)]
struct HostEcdsa;

impl EcdsaBackend for HostEcdsa {
    fn verify(&self, check: &EcdsaCheck<'_>) -> Option<bool> {
        let hash = match check.hash {
            Hash::Sha256 => 0,
            Hash::Sha384 => 1,
            Hash::Sha512 => 2,
            _ => return None,
        };
        match host_ecdsa_verify(hash, check.spki, check.message, check.signature) {
            1 => Some(true),
            0 => Some(false),
            _ => None,
        }
    }
}

static HOST_ECDSA: HostEcdsa = HostEcdsa;

/// A verifier over one trusted root (the native side of the JavaScript `Verifier`).
#[wasm_bindgen]
pub struct NativeVerifier {
    /// With node:crypto as its backend, or else with the recorder of [`deferred`], which
    /// answers "cannot check" (the core decides) outside a deferred run.
    inner: sigverify::Verifier,
    platform_crypto: bool,
}

/// The ECDSA backend of a verifier, and whether it is the runtime's own: with
/// `platform_crypto`, node:crypto where the runtime has it; otherwise the recorder of
/// [`deferred`], which outside a deferred run leaves every check to the core.
pub(crate) fn ecdsa_backend(platform_crypto: bool) -> (&'static dyn EcdsaBackend, bool) {
    if platform_crypto && host_ecdsa_available() {
        (&HOST_ECDSA, true)
    } else {
        (&deferred::RECORDER, false)
    }
}

/// A verifier over `root`; with `platform_crypto`, ECDSA checks go to the runtime's own
/// implementation where it has a synchronous one.
fn verifier(
    root: Result<TrustedRoot, sigverify::Error>,
    platform_crypto: bool,
) -> Result<NativeVerifier, JsValue> {
    let root = root.map_err(|e| core_error(&e))?;
    let (backend, platform_crypto) = ecdsa_backend(platform_crypto);
    Ok(NativeVerifier {
        inner: sigverify::Verifier::new(root, Config::default()).with_ecdsa_backend(backend),
        platform_crypto,
    })
}

#[wasm_bindgen]
impl NativeVerifier {
    /// A verifier over the compiled-in Sigstore public-good production root.
    pub fn production(platform_crypto: bool) -> Result<NativeVerifier, JsValue> {
        verifier(TrustedRoot::production(), platform_crypto)
    }

    /// A verifier over the compiled-in Sigstore public-good staging root.
    pub fn staging(platform_crypto: bool) -> Result<NativeVerifier, JsValue> {
        verifier(TrustedRoot::staging(), platform_crypto)
    }

    /// A verifier over a `trusted_root.json` document, given as UTF-8 bytes.
    #[wasm_bindgen(js_name = fromTrustedRoot)]
    pub fn from_trusted_root(
        json: &[u8],
        platform_crypto: bool,
    ) -> Result<NativeVerifier, JsValue> {
        let (backend, _) = ecdsa_backend(platform_crypto);
        verifier(
            TrustedRoot::from_json_with_backend(json, backend),
            platform_crypto,
        )
    }

    /// Sets the requirements (see `VerifierOptions.config` in `index.d.ts`): `"public-good"`,
    /// `"github-private"`, or `{ tlogEntries, signedTimestamps, observerTimestamps,
    /// certificateTimestamps }`, each missing count taking the public-good value.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&mut self, config: JsValue) -> Result<(), JsValue> {
        let config = if let Some(name) = config.as_string() {
            match name.as_str() {
                "public-good" => Config::default(),
                "github-private" => Config::github_private(),
                other => {
                    return Err(type_error(&format!(
                        "config: unknown profile `{other}` (public-good, github-private)"
                    )));
                }
            }
        } else {
            const KEYS: [&str; 4] = [
                "tlogEntries",
                "signedTimestamps",
                "observerTimestamps",
                "certificateTimestamps",
            ];
            let counts = js_object::JsObject::new(config, "config", &KEYS)?;
            let count = |name: &str| -> Result<Option<usize>, JsValue> {
                counts
                    .count(name)?
                    .map(|n| usize::try_from(n).map_err(|_| type_error("config: count too large")))
                    .transpose()
            };
            let spec = ConfigSpec {
                tlog_entries: count("tlogEntries")?,
                signed_timestamps: count("signedTimestamps")?,
                observer_timestamps: count("observerTimestamps")?,
                certificate_timestamps: count("certificateTimestamps")?,
            };
            let base = Config::default();
            Config {
                tlog_entries: spec.tlog_entries.unwrap_or(base.tlog_entries),
                signed_timestamps: spec.signed_timestamps.unwrap_or(base.signed_timestamps),
                // 0 is the core's to refuse or allow (a managed key without a log).
                observer_timestamps: spec.observer_timestamps.unwrap_or(base.observer_timestamps),
                certificate_timestamps: spec
                    .certificate_timestamps
                    .unwrap_or(base.certificate_timestamps),
            }
        };
        self.inner = self.inner.clone().with_config(config);
        Ok(())
    }

    /// The requirements this verifier applies, as `{ tlogEntries, ... }`.
    #[wasm_bindgen(getter)]
    pub fn config(&self) -> Result<JsValue, JsValue> {
        let c = self.inner.config();
        to_js(&ConfigSpec {
            tlog_entries: Some(c.tlog_entries),
            signed_timestamps: Some(c.signed_timestamps),
            observer_timestamps: Some(c.observer_timestamps),
            certificate_timestamps: Some(c.certificate_timestamps),
        })
    }

    /// Whether ECDSA checks go to the runtime's own implementation.
    #[wasm_bindgen(getter, js_name = platformCrypto)]
    pub fn platform_crypto(&self) -> bool {
        self.platform_crypto
    }

    /// Whether the `deferred` mode of the verify methods is available (no platform crypto).
    #[wasm_bindgen(getter, js_name = deferredAvailable)]
    pub fn deferred_available(&self) -> bool {
        !self.platform_crypto
    }

    /// Verifies `bundle` (JSON bytes), with the tlog proof files `proofs` attached, over the
    /// artifact's bytes for `policy` at `now` (Unix seconds); returns the plain result object,
    /// or with `deferred` a deferred run's `{ result, checks }` (see [`deferred`]: not a
    /// verdict until every check is confirmed).
    #[wasm_bindgen(js_name = verifyBytes)]
    pub fn verify_bytes(
        &self,
        bundle: &[u8],
        proofs: Vec<String>,
        artifact: &[u8],
        policy: JsValue,
        now: f64,
        deferred: bool,
    ) -> Result<JsValue, JsValue> {
        self.run(
            bundle,
            &proofs,
            Some(Artifact::Bytes(artifact)),
            policy,
            now,
            deferred,
        )
    }

    /// Verifies `bundle` (JSON bytes) over an artifact known by its `sha256:<hex>` digest.
    #[wasm_bindgen(js_name = verifyDigest)]
    pub fn verify_digest(
        &self,
        bundle: &[u8],
        proofs: Vec<String>,
        digest: &str,
        policy: JsValue,
        now: f64,
        deferred: bool,
    ) -> Result<JsValue, JsValue> {
        let digest = Digest::parse_prefixed(digest).ok_or_else(|| {
            type_error(
                "artifact digest must be \"sha256:\", \"sha384:\" or \"sha512:\" and the digest in hex",
            )
        })?;
        self.run(
            bundle,
            &proofs,
            Some(Artifact::Digest(digest)),
            policy,
            now,
            deferred,
        )
    }

    /// Verifies a DSSE `bundle` (JSON bytes) without the artifact: every check but the in-toto
    /// subjects, which the caller matches; the result's `statement` holds the payload.
    #[wasm_bindgen(js_name = verifyDsse)]
    pub fn verify_dsse(
        &self,
        bundle: &[u8],
        proofs: Vec<String>,
        policy: JsValue,
        now: f64,
        deferred: bool,
    ) -> Result<JsValue, JsValue> {
        self.run(bundle, &proofs, None, policy, now, deferred)
    }
}

impl NativeVerifier {
    /// The one place that calls the core: `verify`, or `verify_dsse` when there is no artifact;
    /// with `deferred`, as a deferred run.
    fn run(
        &self,
        bundle: &[u8],
        proofs: &[String],
        artifact: Option<Artifact<'_>>,
        policy: JsValue,
        now: f64,
        deferred: bool,
    ) -> Result<JsValue, JsValue> {
        let policy = policy_from_js(policy)?;
        let mut bundle = Bundle::from_json(bundle).map_err(|e| core_error(&e))?;
        witness::attach(&mut bundle, proofs)?;
        // `index.js` passes a finite, non-negative whole number of seconds; the cast saturates.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let now = UnixTime(now as u64);
        deferred::outcome(deferred, self.platform_crypto, &mut || {
            deferred::js(
                match artifact {
                    Some(artifact) => self.inner.verify(&bundle, artifact, &policy, now),
                    None => self.inner.verify_dsse(&bundle, &policy, now),
                }
                .map(Outcome::from),
            )
        })
    }
}

/// The JavaScript thresholds object (`VerifierOptions.config`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ConfigSpec {
    tlog_entries: Option<usize>,
    signed_timestamps: Option<usize>,
    observer_timestamps: Option<usize>,
    certificate_timestamps: Option<usize>,
}

/// The JavaScript policy object: `{ key }` alone, or any of the certificate conditions (all
/// of which must hold when several are given).
struct PolicySpec {
    identity: Option<String>,
    issuer: Option<String>,
    identity_regex: Option<String>,
    issuer_regex: Option<String>,
    extension: Option<ExtensionSpec>,
    all_of: Option<Vec<PolicySpec>>,
    any_of: Option<Vec<PolicySpec>>,
    key: Option<KeySpec>,
    key_validity: Option<KeyValiditySpec>,
    github: Option<GitHubSpec>,
}

/// `{ notBefore?, notAfter? }`: a managed key's validity window in Unix seconds, both ends
/// included (npm's `expires`, a product key's rotation dates).
struct KeyValiditySpec {
    not_before: Option<u64>,
    not_after: Option<u64>,
}

impl PolicySpec {
    /// Whether any certificate condition is given (which `key` and `github` replace).
    fn has_conditions(&self) -> bool {
        self.identity.is_some()
            || self.issuer.is_some()
            || self.identity_regex.is_some()
            || self.issuer_regex.is_some()
            || self.extension.is_some()
            || self.all_of.is_some()
            || self.any_of.is_some()
    }
}

/// `{ github: { owner | repo, ... } }`: a policy with the semantics of `gh attestation verify`.
struct GitHubSpec {
    owner: Option<String>,
    repo: Option<String>,
    signer_workflow: Option<String>,
    signer_repo: Option<String>,
    source_ref: Option<String>,
    source_digest: Option<String>,
    signer_digest: Option<String>,
    issuer: Option<String>,
    host: Option<String>,
    deny_self_hosted_runners: bool,
}

/// `{ oid, value }`: a Fulcio certificate extension and its exact value.
struct ExtensionSpec {
    oid: String,
    value: String,
}

/// A managed key: a PEM `PUBLIC KEY` string or DER SubjectPublicKeyInfo bytes.
enum KeySpec {
    Pem(String),
    Der(Vec<u8>),
}

const POLICY_KEYS: [&str; 10] = [
    "identity",
    "issuer",
    "identityRegex",
    "issuerRegex",
    "extension",
    "allOf",
    "anyOf",
    "key",
    "keyValidity",
    "github",
];

const GITHUB_KEYS: [&str; 10] = [
    "owner",
    "repo",
    "signerWorkflow",
    "signerRepo",
    "sourceRef",
    "sourceDigest",
    "signerDigest",
    "issuer",
    "host",
    "denySelfHostedRunners",
];

impl PolicySpec {
    /// Reads a policy object (or a nested condition at `path`). Every key must be known: a
    /// policy whose misspelt `isuer` went unnoticed would check no issuer at all.
    fn read(value: JsValue, path: &str) -> Result<Self, JsValue> {
        let o = js_object::JsObject::new(value, path, &POLICY_KEYS)?;
        let list = |name: &str| -> Result<Option<Vec<PolicySpec>>, JsValue> {
            o.array(name)?
                .map(|items| {
                    items
                        .into_iter()
                        .map(|(item, path)| PolicySpec::read(item, &path))
                        .collect()
                })
                .transpose()
        };
        Ok(Self {
            identity: o.string("identity")?,
            issuer: o.string("issuer")?,
            identity_regex: o.string("identityRegex")?,
            issuer_regex: o.string("issuerRegex")?,
            extension: o
                .object("extension", &["oid", "value"])?
                .map(|e| -> Result<_, JsValue> {
                    Ok(ExtensionSpec {
                        oid: e.required_string("oid")?,
                        value: e.required_string("value")?,
                    })
                })
                .transpose()?,
            all_of: list("allOf")?,
            any_of: list("anyOf")?,
            key: o.string_or_bytes("key")?.map(|k| match k {
                js_object::StringOrBytes::String(pem) => KeySpec::Pem(pem),
                js_object::StringOrBytes::Bytes(der) => KeySpec::Der(der),
            }),
            key_validity: o
                .object("keyValidity", &["notBefore", "notAfter"])?
                .map(|v| -> Result<_, JsValue> {
                    Ok(KeyValiditySpec {
                        not_before: v.count("notBefore")?,
                        not_after: v.count("notAfter")?,
                    })
                })
                .transpose()?,
            github: o
                .object("github", &GITHUB_KEYS)?
                .map(|g| -> Result<_, JsValue> {
                    Ok(GitHubSpec {
                        owner: g.string("owner")?,
                        repo: g.string("repo")?,
                        signer_workflow: g.string("signerWorkflow")?,
                        signer_repo: g.string("signerRepo")?,
                        source_ref: g.string("sourceRef")?,
                        source_digest: g.string("sourceDigest")?,
                        signer_digest: g.string("signerDigest")?,
                        issuer: g.string("issuer")?,
                        host: g.string("host")?,
                        deny_self_hosted_runners: g
                            .boolean("denySelfHostedRunners")?
                            .unwrap_or(false),
                    })
                })
                .transpose()?,
        })
    }
}

/// Translates the JavaScript policy object into a core [`Policy`].
fn policy_from_js(value: JsValue) -> Result<Policy, JsValue> {
    let spec = PolicySpec::read(value, "policy")?;
    let combined = spec.key.is_some() || spec.has_conditions() || spec.key_validity.is_some();
    if let Some(g) = spec.github {
        if combined {
            return Err(type_error(
                "policy: `github` cannot be combined with other conditions",
            ));
        }
        return sigverify::GitHubPolicy {
            host: g.host,
            owner: g.owner,
            repo: g.repo,
            signer_workflow: g.signer_workflow,
            signer_repo: g.signer_repo,
            source_ref: g.source_ref,
            source_digest: g.source_digest,
            signer_digest: g.signer_digest,
            issuer: g.issuer,
            deny_self_hosted_runners: g.deny_self_hosted_runners,
        }
        .build()
        .map_err(|e| core_error(&e));
    }
    let conditions = spec.has_conditions();
    match spec.key {
        Some(key) => {
            if conditions {
                return Err(type_error(
                    "policy: `key` cannot be combined with conditions",
                ));
            }
            let policy = match key {
                KeySpec::Pem(pem) => Policy::public_key_pem(&pem),
                KeySpec::Der(der) => Policy::public_key_der(&der),
            };
            match spec.key_validity {
                Some(v) => policy.and_then(|p| {
                    p.with_key_validity(v.not_before.map(UnixTime), v.not_after.map(UnixTime))
                }),
                None => policy,
            }
            .map_err(|e| core_error(&e))
        }
        // A window without a key is the core's POLICY_KEY_VALIDITY_INVALID.
        None if spec.key_validity.is_some() => {
            Err(core_error(&sigverify::Error::PolicyKeyValidityInvalid))
        }
        None => Policy::certificate(condition(spec)?).map_err(|e| core_error(&e)),
    }
}

/// Translates one (possibly nested) condition object.
fn condition(spec: PolicySpec) -> Result<Condition, JsValue> {
    if spec.key.is_some() || spec.github.is_some() || spec.key_validity.is_some() {
        return Err(type_error(
            "policy: `key`, `keyValidity` and `github` are only allowed at the top level",
        ));
    }
    let nested = |specs: Vec<PolicySpec>| -> Result<Vec<Condition>, JsValue> {
        specs.into_iter().map(condition).collect()
    };
    let mut all = Vec::new();
    all.extend(spec.identity.map(Condition::Identity));
    all.extend(spec.issuer.map(Condition::Issuer));
    // Patterns are anchored at both ends (see sigverify::Pattern); a bad one is the core's error.
    for (pattern, make) in [
        (
            spec.identity_regex,
            Condition::identity_matching as fn(&str) -> _,
        ),
        (spec.issuer_regex, Condition::issuer_matching),
    ] {
        if let Some(p) = pattern {
            all.push(make(&p).map_err(|e| core_error(&e))?);
        }
    }
    all.extend(spec.extension.map(|e| Condition::Extension {
        oid: e.oid,
        value: e.value,
    }));
    if let Some(specs) = spec.all_of {
        all.push(Condition::AllOf(nested(specs)?));
    }
    if let Some(specs) = spec.any_of {
        all.push(Condition::AnyOf(nested(specs)?));
    }
    match all.len() {
        0 => Err(type_error(
            "policy: give `identity` (or `identityRegex`) and `issuer` (or `issuerRegex`), `key`, `extension`, `allOf` or `anyOf`",
        )),
        1 => all.pop().ok_or_else(|| type_error("policy: empty")),
        _ => Ok(Condition::AllOf(all)),
    }
}

/// The plain result object (see `VerificationResult` in `index.d.ts`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Outcome {
    identity: Option<String>,
    issuer: Option<String>,
    signing_times: Vec<u64>,
    log_entries: Vec<LogEntryOut>,
    statement: Option<StatementOut>,
    skipped: Vec<SkippedOut>,
    /// The Fulcio extensions that hold text, OID to value.
    extensions: TextMap,
}

/// An item of the bundle left out because it did not verify (the thresholds were met without).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SkippedOut {
    /// `tlogEntry`, `timestamp` or `sct`.
    item: &'static str,
    /// Its position in the bundle (or in the certificate's SCT list).
    index: usize,
    /// Why: the core error's stable code and name.
    code: u16,
    name: &'static str,
}

/// One verified transparency-log entry.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogEntryOut {
    log_index: u64,
    log_id: String,
    log_url: String,
    integrated_time: Option<u64>,
    /// The checkpoint that proved the entry, when it had an inclusion proof.
    checkpoint: Option<witness::CheckpointOut>,
}

/// A verified DSSE payload; the payload crosses as a `Uint8Array`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StatementOut {
    payload_type: String,
    #[serde(serialize_with = "as_bytes")]
    payload: Vec<u8>,
}

pub(crate) fn as_bytes<S: serde::Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bytes(v)
}

/// Text keys to text values, a plain JavaScript object with its keys in order, as a map
/// would give them (and the last value of a repeated key); kept as a sorted vector, whose code
/// is a fraction of a `BTreeMap`'s in the module.
pub(crate) struct TextMap(Vec<(String, String)>);

impl FromIterator<(String, String)> for TextMap {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        let mut sorted: Vec<(String, String)> = Vec::new();
        for (key, value) in pairs {
            match sorted.binary_search_by(|(k, _)| k.cmp(&key)) {
                Ok(at) => {
                    if let Some(entry) = sorted.get_mut(at) {
                        entry.1 = value;
                    }
                }
                Err(at) => sorted.insert(at, (key, value)),
            }
        }
        Self(sorted)
    }
}

impl Serialize for TextMap {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl From<Verified> for Outcome {
    fn from(v: Verified) -> Self {
        Self {
            extensions: v.extensions.into_iter().collect(),
            identity: v.identity,
            issuer: v.issuer,
            signing_times: v.signing_times.iter().map(|t| t.seconds()).collect(),
            log_entries: v
                .log_entries
                .into_iter()
                .map(|e| LogEntryOut {
                    log_index: e.log_index,
                    log_id: e.log_id.iter().map(|b| format!("{b:02x}")).collect(),
                    log_url: e.log_url,
                    integrated_time: e.integrated_time.map(UnixTime::seconds),
                    checkpoint: e.checkpoint.map(witness::CheckpointOut::from),
                })
                .collect(),
            statement: v.statement.map(|s| StatementOut {
                payload_type: s.payload_type,
                payload: s.payload,
            }),
            skipped: v
                .skipped
                .iter()
                .map(|s| {
                    let (item, index) = match s.item {
                        SkippedItem::TlogEntry(i) => ("tlogEntry", i),
                        SkippedItem::Timestamp(i) => ("timestamp", i),
                        SkippedItem::Sct(i) => ("sct", i),
                        _ => ("item", 0),
                    };
                    SkippedOut {
                        item,
                        index,
                        code: s.reason.code(),
                        name: s.reason.name(),
                    }
                })
                .collect(),
        }
    }
}
