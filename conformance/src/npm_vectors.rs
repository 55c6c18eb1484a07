//! The npm vectors (`conformance/npm-vectors/`, from [`crate::generator::npm`]): loading one,
//! running it through `sigverify::npm`, and the TSV manifest every binding's runner reads.
//!
//! Manifest columns (`#` starts a comment line; the first names the columns):
//!
//! | column | meaning |
//! | --- | --- |
//! | `id` | `npm/<name>` |
//! | `keys` | path of the registry's `keys.json` |
//! | `packument` | path of the version document or packument |
//! | `version` | the version to take from a full packument, or `-` |
//! | `attestations` | path of the attestations document, or `-` |
//! | `tarball` | path of the tarball |
//! | `root` | path of the Sigstore trusted root |
//! | `now` | Unix seconds |
//! | `identity`, `issuer` | the provenance's required identity and issuer (exact), or `-` (npm's: any) |
//! | `expected` | `ok` or the error name |

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::path::PathBuf;

use sigverify::Condition;
use sigverify::Config;
use sigverify::Error;
use sigverify::Policy;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verifier;
use sigverify::npm;

/// The header line of the npm manifest.
pub const NPM_HEADER: &str =
    "# id\tkeys\tpackument\tversion\tattestations\ttarball\troot\tnow\tidentity\tissuer\texpected";

/// Where the npm vectors are committed: `conformance/npm-vectors`.
pub fn npm_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("npm-vectors")
}

/// Regenerates every npm vector into `dir`: (vector count, file count).
pub fn generate_npm(dir: &Path) -> Result<(usize, usize), String> {
    let world = crate::generator::sigstore::World::new()?;
    let vectors = crate::generator::npm::all(&world)?;
    crate::generator::npm::write_all(dir, &vectors)
}

/// One npm vector as read back from its folder.
#[derive(Clone, Debug)]
pub struct NpmCase {
    /// Folder name.
    pub name: String,
    /// The folder.
    pub dir: PathBuf,
    /// `version=` of `options`.
    pub version: Option<String>,
    /// `identity=` and `issuer=` of `options`.
    pub identity: Option<(String, String)>,
    /// Unix seconds.
    pub now: u64,
    /// `ok` or the error name.
    pub expected: String,
}

impl NpmCase {
    /// `attestations.json`, when the case has one.
    pub fn attestations(&self) -> Option<PathBuf> {
        let p = self.dir.join("attestations.json");
        p.is_file().then_some(p)
    }
}

/// Every npm vector in `dir`, in name order.
pub fn load_npm(dir: &Path) -> Result<Vec<NpmCase>, String> {
    let mut names: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|d| {
            let read = |f: &str| {
                fs::read_to_string(d.join(f)).map_err(|e| format!("{}: {e}", d.join(f).display()))
            };
            let options = read("options").unwrap_or_default();
            let option = |key: &str| {
                options
                    .lines()
                    .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
                    .map(str::to_owned)
            };
            let identity = option("identity").zip(option("issuer"));
            Ok(NpmCase {
                name: d
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                version: option("version"),
                identity,
                now: read("now")?
                    .trim()
                    .parse()
                    .map_err(|e| format!("{}: now: {e}", d.display()))?,
                expected: read("expect")?.trim().to_owned(),
                dir: d,
            })
        })
        .collect()
}

/// Runs one npm vector through `sigverify::npm::verify_package`.
pub fn run_npm(case: &NpmCase) -> Result<npm::VerifiedPackage, Error> {
    let read = |f: &str| fs::read(case.dir.join(f)).unwrap_or_default();
    let root = TrustedRoot::from_json(&read("trusted_root.json"))?;
    let keys = npm::RegistryKeys::from_json(&read("keys.json"))?;
    let package = npm::PackageVersion::from_json(&read("packument.json"), case.version.as_deref())?;
    let attestations = case.attestations().map(|p| fs::read(p).unwrap_or_default());
    let policy = match &case.identity {
        Some((identity, issuer)) => Some(Policy::certificate(Condition::AllOf(vec![
            Condition::identity(identity.clone()),
            Condition::issuer(issuer.clone()),
        ]))?),
        None => None,
    };
    let tarball = sigverify::Digest::of(sigverify::HashAlgorithm::Sha512, &read("package.tgz"));
    let sha512: [u8; 64] = tarball.as_bytes().try_into().unwrap_or([0; 64]);
    let inputs = npm::Inputs {
        keys: &keys,
        package: &package,
        tarball_sha512: Some(&sha512),
        attestations: attestations.as_deref(),
        provenance_policy: policy.as_ref(),
    };
    npm::verify_package(
        &Verifier::new(root, Config::default()),
        inputs,
        UnixTime(case.now),
    )
}

/// Renders the npm manifest (with its header) of the vectors in `dir`.
pub fn render_npm(dir: &Path) -> Result<String, String> {
    let path = |p: &Path| {
        fs::canonicalize(p)
            .unwrap_or_else(|_| p.to_path_buf())
            .display()
            .to_string()
    };
    let mut out = format!("{NPM_HEADER}\n");
    for case in load_npm(dir)? {
        let (identity, issuer) = case
            .identity
            .clone()
            .unwrap_or_else(|| ("-".into(), "-".into()));
        let _ = writeln!(
            out,
            "npm/{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{identity}\t{issuer}\t{}",
            case.name,
            path(&case.dir.join("keys.json")),
            path(&case.dir.join("packument.json")),
            case.version.as_deref().unwrap_or("-"),
            case.attestations()
                .map_or_else(|| "-".to_owned(), |p| path(&p)),
            path(&case.dir.join("package.tgz")),
            path(&case.dir.join("trusted_root.json")),
            case.now,
            case.expected,
        );
    }
    Ok(out)
}
