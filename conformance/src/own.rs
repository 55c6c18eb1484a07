//! The project's own vectors (`conformance/vectors/`): loading a folder and running it
//! through the library at the vector's fixed verification time.

use std::fs;
use std::path::Path;
use std::path::PathBuf;

use serde_json::Value;
use sigverify::Artifact;
use sigverify::Bundle;
use sigverify::Condition;
use sigverify::Config;
use sigverify::Digest;
use sigverify::Error;
use sigverify::Policy;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verified;
use sigverify::Verifier;
use sigverify::release::ReleasePolicy;

use crate::Mode;

/// Where the generated vectors are committed: `conformance/vectors`.
pub fn own_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

/// Real bundles kept as examples, each with its `SOURCE`: `conformance/examples`. Same folder
/// format as the own vectors; not generated.
pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Regenerates every own vector into `dir`: (vector count, file count).
pub fn generate(dir: &Path) -> Result<(usize, usize), String> {
    let world = crate::generator::sigstore::World::new()?;
    let vectors = crate::generator::catalogue::all(&world)?;
    let files = crate::generator::write::write_all(dir, &vectors)?;
    Ok((vectors.len(), files))
}

/// Where the generated TUF vectors are committed: `conformance/tuf-vectors`.
pub fn tuf_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tuf-vectors")
}

/// Regenerates every TUF vector into `dir` (see [`crate::generator::tuf`]): (vector count,
/// file count).
pub fn generate_tuf(dir: &Path) -> Result<(usize, usize), String> {
    let world = crate::generator::sigstore::World::new()?;
    let vectors = crate::generator::tuf::all(&world)?;
    let files = crate::generator::tuf::write_all(dir, &vectors)?;
    Ok((vectors.len(), files))
}

/// What an own vector asks of the verifier.
#[derive(Clone, Debug)]
pub enum OwnPolicy {
    /// `identity` + `issuer` files.
    Identity(String, String),
    /// `key.pub`.
    Key(PathBuf),
    /// `policy.json`.
    Json(PathBuf),
    /// `release`: a GitHub release (`repo=OWNER/REPO;tag=TAG[;tag_digest=HEX][;trust_domain=D]`),
    /// verified as `verify-release` verifies it, the artifact as an asset.
    Release(String),
}

/// Which trusted root an own vector uses.
#[derive(Clone, Debug)]
pub enum OwnRoot {
    /// `trusted_root.json`.
    File(PathBuf),
    /// A compiled-in root by name: `trusted_root.name`, or `production` when the folder has
    /// neither file (the upstream convention).
    Named(String),
}

impl OwnRoot {
    /// The manifest's `root` column: a path, or the compiled-in root's name.
    pub fn column(&self) -> String {
        match self {
            Self::File(path) => fs::canonicalize(path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
            Self::Named(name) => name.clone(),
        }
    }
}

/// One own vector folder.
#[derive(Clone, Debug)]
pub struct OwnCase {
    /// Folder name.
    pub name: String,
    /// The folder.
    pub dir: PathBuf,
    /// The policy.
    pub policy: OwnPolicy,
    /// The trusted root.
    pub root: OwnRoot,
    /// The fixed verification time.
    pub now: u64,
    /// Expected outcome with the artifact bytes.
    pub expect: String,
    /// Expected outcome with the digest only.
    pub expect_digest: String,
    /// The items a verifying vector must skip (`skipped`, one per line).
    pub skipped: Vec<String>,
    /// Thresholds other than the default (`config`: `tlog_entries=2 ...`), or `None`.
    pub config: Option<String>,
}

impl OwnCase {
    /// The expected outcome in `mode`.
    pub fn expected(&self, mode: Mode) -> &str {
        match mode {
            Mode::Artifact => &self.expect,
            Mode::Digest => &self.expect_digest,
        }
    }
}

/// Loads every vector folder under `dir` (those with an `expect` file), sorted by name.
pub fn load_own(dir: &Path) -> Result<Vec<OwnCase>, String> {
    let mut cases = Vec::new();
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if !path.join("expect").is_file() {
            continue;
        }
        let read = |f: &str| {
            fs::read_to_string(path.join(f))
                .map(|s| s.trim().to_owned())
                .map_err(|e| format!("{}/{f}: {e}", path.display()))
        };
        let expect = read("expect")?;
        let expect_digest = if path.join("expect.digest").is_file() {
            read("expect.digest")?
        } else {
            expect.clone()
        };
        let skipped = if path.join("skipped").is_file() {
            read("skipped")?.lines().map(str::to_owned).collect()
        } else {
            Vec::new()
        };
        let config = if path.join("config").is_file() {
            Some(read("config")?)
        } else {
            None
        };
        let policy = if path.join("key.pub").is_file() {
            OwnPolicy::Key(path.join("key.pub"))
        } else if path.join("release").is_file() {
            OwnPolicy::Release(read("release")?)
        } else if path.join("policy.json").is_file() {
            OwnPolicy::Json(path.join("policy.json"))
        } else {
            OwnPolicy::Identity(read("identity")?, read("issuer")?)
        };
        let root = if path.join("trusted_root.json").is_file() {
            OwnRoot::File(path.join("trusted_root.json"))
        } else if path.join("trusted_root.name").is_file() {
            OwnRoot::Named(read("trusted_root.name")?)
        } else {
            OwnRoot::Named("production".into())
        };
        let now = read("now")?
            .parse()
            .map_err(|e| format!("{}/now: {e}", path.display()))?;
        cases.push(OwnCase {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            dir: path,
            policy,
            root,
            now,
            expect,
            expect_digest,
            skipped,
            config,
        });
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}

/// Parses a `policy.json` condition: `{"identity": s}`, `{"issuer": s}`,
/// `{"extension": {"oid": s, "value": s}}`, `{"allOf": [..]}` or `{"anyOf": [..]}`.
pub fn condition_from_json(v: &Value) -> Result<Condition, PolicyJsonError> {
    let malformed = |m: &str| PolicyJsonError::Malformed(m.to_owned());
    let obj = v
        .as_object()
        .ok_or_else(|| malformed("a condition must be an object"))?;
    let [(key, value)] = obj.iter().collect::<Vec<_>>()[..] else {
        return Err(malformed("a condition has exactly one member"));
    };
    let text = |v: &Value| {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| malformed("expected a string"))
    };
    Ok(match key.as_str() {
        "identity" => Condition::identity(text(value)?),
        "issuer" => Condition::issuer(text(value)?),
        "identityRegex" => {
            Condition::identity_matching(&text(value)?).map_err(PolicyJsonError::Core)?
        }
        "issuerRegex" => {
            Condition::issuer_matching(&text(value)?).map_err(PolicyJsonError::Core)?
        }
        "extension" => Condition::extension(
            text(value.get("oid").unwrap_or(&Value::Null))?,
            text(value.get("value").unwrap_or(&Value::Null))?,
        ),
        "allOf" | "anyOf" => {
            let items = value
                .as_array()
                .ok_or_else(|| malformed("allOf/anyOf take an array"))?
                .iter()
                .map(condition_from_json)
                .collect::<Result<Vec<_>, _>>()?;
            if key == "allOf" {
                Condition::AllOf(items)
            } else {
                Condition::AnyOf(items)
            }
        }
        other => return Err(malformed(&format!("unknown condition `{other}`"))),
    })
}

/// Why a `policy.json` gave no condition: it is malformed (a broken vector), or the core
/// refused a value in it (an outcome the vector expects, e.g. `POLICY_PATTERN_INVALID`).
#[derive(Debug)]
pub enum PolicyJsonError {
    /// Not the format of `policy.json`.
    Malformed(String),
    /// The core's error for a value.
    Core(Error),
}

/// Runs one own vector in one mode through the library, at the vector's fixed time.
pub fn run_own(case: &OwnCase, mode: Mode) -> Result<Verified, Error> {
    run_own_with(case, mode, None)
}

/// The `Config` of an own vector: the default, with the thresholds its `config` file sets
/// (`tlog_entries`, `signed_timestamps`, `observer_timestamps`, `certificate_timestamps`).
pub fn own_config(case: &OwnCase) -> Result<Config, String> {
    let mut config = Config::default();
    for pair in case.config.iter().flat_map(|c| c.split_whitespace()) {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| format!("{}: config `{pair}` is not key=value", case.name))?;
        let n: usize = value
            .parse()
            .map_err(|e| format!("{}: config `{pair}`: {e}", case.name))?;
        match key {
            "tlog_entries" => config.tlog_entries = n,
            "signed_timestamps" => config.signed_timestamps = n,
            "certificate_timestamps" => config.certificate_timestamps = n,
            "observer_timestamps" => config.observer_timestamps = n,
            // The managed key's window is the policy's (`own_key_validity`).
            "key_not_before" | "key_not_after" => {}
            _ => return Err(format!("{}: unknown config key `{key}`", case.name)),
        }
    }
    Ok(config)
}

/// The managed key's validity window an own vector's `config` sets (`key_not_before`,
/// `key_not_after`, Unix seconds), if any.
pub(crate) fn own_key_validity(case: &OwnCase) -> Option<(Option<UnixTime>, Option<UnixTime>)> {
    let mut window = None;
    for pair in case.config.iter().flat_map(|c| c.split_whitespace()) {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        let t = value.parse().ok().map(UnixTime);
        let w: &mut (Option<UnixTime>, Option<UnixTime>) = window.get_or_insert((None, None));
        match key {
            "key_not_before" => w.0 = t,
            "key_not_after" => w.1 = t,
            _ => {}
        }
    }
    window.filter(|w| w.0.is_some() || w.1.is_some())
}

/// The trusted root and the policy an own vector names.
pub fn own_root_and_policy(case: &OwnCase) -> Result<(TrustedRoot, Policy), Error> {
    let root = match &case.root {
        OwnRoot::File(path) => TrustedRoot::from_json(&fs::read(path).unwrap_or_default())?,
        OwnRoot::Named(name) => TrustedRoot::named(name)?,
    };
    let policy = match &case.policy {
        OwnPolicy::Identity(identity, issuer) => {
            Policy::identity(identity.clone(), issuer.clone())?
        }
        OwnPolicy::Key(path) => {
            Policy::public_key_pem(&fs::read_to_string(path).unwrap_or_default())?
        }
        OwnPolicy::Release(spec) => release_policy(spec)?.policy(),
        OwnPolicy::Json(path) => {
            let text = fs::read(path).unwrap_or_default();
            let parsed = serde_json::from_slice(&text)
                .map_err(|e| PolicyJsonError::Malformed(e.to_string()))
                .and_then(|v| condition_from_json(&v));
            // A malformed policy.json is a broken vector: an empty any-of never verifies.
            let condition = match parsed {
                Ok(c) => c,
                Err(PolicyJsonError::Core(e)) => return Err(e),
                Err(PolicyJsonError::Malformed(_)) => Condition::AnyOf(Vec::new()),
            };
            Policy::certificate(condition)?
        }
    };
    let policy = match own_key_validity(case) {
        Some((not_before, not_after)) => policy.with_key_validity(not_before, not_after)?,
        None => policy,
    };
    Ok((root, policy))
}

/// The release a `release` file names: `repo=OWNER/REPO;tag=TAG` with optional
/// `tag_digest=HEX` and `trust_domain=NAME` (a malformed file is `RELEASE_POLICY_INVALID`).
pub(crate) fn release_policy(spec: &str) -> Result<ReleasePolicy, Error> {
    let fields: Vec<(&str, &str)> = spec
        .trim()
        .split(';')
        .filter_map(|pair| pair.split_once('='))
        .collect();
    let get = |key: &str| fields.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let mut policy = ReleasePolicy::new(
        get("repo").unwrap_or_default(),
        get("tag").unwrap_or_default(),
    )?;
    if let Some(hex) = get("tag_digest") {
        policy = policy.with_tag_digest(hex)?;
    }
    if let Some(domain) = get("trust_domain") {
        policy = policy.with_trust_domain(domain)?;
    }
    Ok(policy)
}

/// [`run_own`], with `backend` (if any) installed as the verifier's ECDSA backend.
pub fn run_own_with(
    case: &OwnCase,
    mode: Mode,
    backend: Option<&'static dyn sigverify::backend::EcdsaBackend>,
) -> Result<Verified, Error> {
    let read = |f: &str| fs::read(case.dir.join(f)).unwrap_or_default();
    let (root, policy) = own_root_and_policy(case)?;
    let mut bundle = Bundle::from_json(&read("bundle.sigstore.json"))?;
    let beside = crate::beside::Beside::of(&case.dir);
    let now = UnixTime(case.now);
    // A malformed `config` file is a broken vector: no threshold at all would pass.
    let config = own_config(case).unwrap_or(Config {
        tlog_entries: usize::MAX,
        ..Config::default()
    });
    if let OwnPolicy::Release(spec) = &case.policy {
        let release = release_policy(spec)?;
        let mut verifier = Verifier::new(root, ReleasePolicy::config());
        if let Some(backend) = backend {
            verifier = verifier.with_ecdsa_backend(backend);
        }
        let checked = release.check(verifier.verify_dsse(&bundle, &policy, now)?)?;
        // Both modes name the asset by its SHA-256, as gh release verify-asset does.
        let sha256 = sigverify::Sha256Digest::of(&read("artifact"));
        let _ = mode;
        checked.asset(&sha256.0)?;
        return Ok(checked.verified);
    }
    // Beside files, a backend or other thresholds: a long-lived verifier. Attaching,
    // the witness policy and the state observation do nothing for a vector without them.
    if !beside.is_empty() || backend.is_some() || config != Config::default() {
        beside.attach(&mut bundle)?;
        let mut verifier = beside.apply_policy(Verifier::new(root, config))?;
        if let Some(backend) = backend {
            verifier = verifier.with_ecdsa_backend(backend);
        }
        let verified = match mode {
            Mode::Artifact => {
                verifier.verify(&bundle, Artifact::Bytes(&read("artifact")), &policy, now)
            }
            Mode::Digest => {
                let digest = crate::digest_file(&case.dir.join("artifact"), &bundle)
                    .unwrap_or(Digest::Sha256([0; 32]));
                verifier.verify(&bundle, Artifact::Digest(digest), &policy, now)
            }
        }?;
        return beside.observe(verified);
    }
    match mode {
        // The one-call API with the bytes ...
        Mode::Artifact => sigverify::verify(
            &bundle,
            Artifact::Bytes(&read("artifact")),
            root,
            &policy,
            now,
        ),
        // ... and a long-lived verifier with the digest the bundle needs, streamed and passed
        // as the `ALG:HEX` text the CLI and bindings accept.
        Mode::Digest => {
            let hashed = crate::digest_file(&case.dir.join("artifact"), &bundle)
                .map(|d| d.to_prefixed_hex())
                .unwrap_or_default();
            let digest = Digest::parse_prefixed(&hashed).unwrap_or(Digest::Sha256([0; 32]));
            Verifier::new(root, Config::default()).verify(
                &bundle,
                Artifact::Digest(digest),
                &policy,
                now,
            )
        }
    }
}
