//! `sigverify`: verify Sigstore bundles offline.
//!
//! Speaks the sigstore-conformance CLI protocol (`verify-bundle`), so the upstream test suite can
//! drive it unchanged. Exit status 0 means verified; 1 means not verified (reason on stderr);
//! 2 means the command line was wrong.

#![forbid(unsafe_code)]

use std::fs;
use std::path::Path;
use std::process::ExitCode;
use std::time::SystemTime;

use sigverify::Artifact;
use sigverify::Bundle;
use sigverify::Condition;
use sigverify::Config;
use sigverify::Digest;
use sigverify::Error;
use sigverify::HashAlgorithm;
use sigverify::Policy;
use sigverify::TrustedRoot;
use sigverify::UnixTime;
use sigverify::Verified;
use sigverify::Verifier;
use sigverify::bundles::FileKind as BundleFile;
use sigverify::pypi;

mod args;
mod hash;
mod logs;
mod npm;
mod release;
mod report;
mod trusted_root;

use args::Command;
use args::VerifyArgs;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match args::parse(&argv) {
        Ok(Command::Help) => {
            print!("{}", args::USAGE);
            ExitCode::SUCCESS
        }
        Ok(Command::Completions(shell)) => {
            written(args::completions(shell, &mut std::io::stdout().lock()))
        }
        Ok(Command::Man) => written(args::man(&mut std::io::stdout().lock())),
        Ok(Command::Verify(a) | Command::Attest(a)) => match check_patterns(&a) {
            // A pattern that does not parse is a mistake in the command, found before any
            // file is read: a usage error, as a malformed flag is.
            Err(e) => {
                eprintln!("{}", report::failure_line(&Failure::Verify(e)));
                ExitCode::from(2)
            }
            Ok(()) => report::print(&a, &verify(&a)),
        },
        Ok(Command::Pypi(a)) => report::print_pypi(&a, &verify_pypi(&a)),
        Ok(Command::Release(a)) => release::print(&a, &release::run(&a)),
        Ok(Command::Npm(a)) => npm::print(&a, &npm::run(&a)),
        Ok(Command::TrustedRootUpdate(a)) => match trusted_root::run(&a) {
            Ok(text) => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Err(f) => {
                eprintln!("{}", report::failure_line(&f));
                if let Some(hint) = trusted_root::state_hint(&f, &a) {
                    eprintln!("{hint}");
                }
                ExitCode::from(1)
            }
        },
        // `--help` and `--version` (exit 0) and usage errors (exit 2), as clap prints them.
        Err(e) => {
            // Nothing more can be said when stderr (or stdout) is closed.
            let _ = e.print();
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
        }
    }
}

/// The exit status of `completions` or `man`: 1 when stdout could not take the text.
fn written(result: std::io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sigverify: cannot write to stdout: {e}");
            ExitCode::from(1)
        }
    }
}

/// Compiles the identity and issuer patterns, to refuse one that does not parse (or is over a
/// limit) as a usage error.
fn check_patterns(a: &VerifyArgs) -> Result<(), Error> {
    for re in [&a.identity_regexp, &a.issuer_regexp].into_iter().flatten() {
        sigverify::Pattern::new(re)?;
    }
    Ok(())
}

pub(crate) enum Failure {
    Verify(Error),
    Io(String),
    /// No bundle of a file of several verified: each one's place and failure.
    NoBundle(Vec<(String, Failure)>),
    /// A log file or the checkpoint state refused: the file it is about, the evidence.
    Log(Box<logs::LogFailure>),
}

/// A verified bundle, and where it was in a file of several (`line 2 of 3`).
pub(crate) struct Outcome {
    pub(crate) verified: Verified,
    pub(crate) place: Option<String>,
    /// The tlog proofs given to the bundle, and the checkpoint state.
    pub(crate) logs: logs::Report,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Self::Verify(e)
    }
}

pub(crate) fn read(path: &Path, what: &str) -> Result<Vec<u8>, Failure> {
    fs::read(path).map_err(|e| Failure::Io(format!("cannot read {what} {}: {e}", path.display())))
}

/// The trusted root the flags name: `--tuf`, `--trusted-root`, `--staging` or production.
pub(crate) fn trusted_root(a: &VerifyArgs, now: UnixTime) -> Result<TrustedRoot, Failure> {
    Ok(match (&a.trusted_root, a.staging) {
        _ if a.tuf.is_some() => {
            let dir = a.tuf.as_deref().unwrap_or(Path::new("."));
            trusted_root::update(dir, a.staging, None, None, now)?.trusted_root
        }
        (Some(path), _) => TrustedRoot::from_json(&read(path, "trusted root")?)?,
        (None, true) => TrustedRoot::staging()?,
        (None, false) => TrustedRoot::production()?,
    })
}

/// `verify-pypi`: every attestation of the provenance, for its publisher (which must be the
/// one expected), against the distribution file.
fn verify_pypi(a: &VerifyArgs) -> Result<Vec<pypi::VerifiedAttestation>, Failure> {
    let now = a.now.unwrap_or_else(system_now);
    let verifier = Verifier::new(trusted_root(a, now)?, Config::default());
    let provenance = pypi::Provenance::from_json(&read(&a.bundle, "provenance")?)?;
    let dist = distribution(Path::new(&a.input), &mut Vec::new())?;
    let expected = a.pypi.clone().unwrap_or_default();
    Ok(pypi::verify_provenance(
        &verifier,
        &provenance,
        &expected,
        &dist,
        now,
    )?)
}

/// The distribution file as PyPI names it: its file name and SHA-256.
fn distribution(path: &Path, digests: &mut Vec<Digest>) -> Result<pypi::Distribution, Failure> {
    let digest = cached_digest(path, HashAlgorithm::Sha256, digests)?;
    let sha256: [u8; 32] = digest
        .as_bytes()
        .try_into()
        .map_err(|_| Failure::Io("internal: SHA-256 digest length".into()))?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    Ok(pypi::Distribution::new(name, sha256)?)
}

/// The file's digest in `alg`, hashed once per algorithm.
pub(crate) fn cached_digest(
    path: &Path,
    alg: HashAlgorithm,
    digests: &mut Vec<Digest>,
) -> Result<Digest, Failure> {
    if let Some(d) = digests.iter().find(|d| d.algorithm() == alg) {
        return Ok(*d);
    }
    let d = hash_file(path, alg)?;
    digests.push(d);
    Ok(d)
}

fn verify(a: &VerifyArgs) -> Result<Outcome, Failure> {
    let now = a.now.unwrap_or_else(system_now);
    let root = trusted_root(a, now)?;
    let policy = match (&a.key, &a.github) {
        (_, Some(github)) => github.build()?,
        (Some(key), None) => {
            let pem = read(key, "key")?;
            match std::str::from_utf8(&pem) {
                Ok(text) if text.contains("-----BEGIN") => Policy::public_key_pem(text)?,
                _ => Policy::public_key_der(&pem)?,
            }
        }
        (None, None) => {
            let identity = match (&a.identity, &a.identity_regexp) {
                (Some(exact), _) => Condition::identity(exact.clone()),
                (None, Some(re)) => Condition::identity_matching(re)?,
                (None, None) => return Err(Failure::Io("internal: no identity".into())),
            };
            let issuer = match (&a.issuer, &a.issuer_regexp) {
                (Some(exact), _) => Condition::issuer(exact.clone()),
                (None, Some(re)) => Condition::issuer_matching(re)?,
                (None, None) => return Err(Failure::Io("internal: no issuer".into())),
            };
            Policy::certificate(Condition::AllOf(vec![identity, issuer]))?
        }
    };
    // A window on a certificate policy is the core's POLICY_KEY_VALIDITY_INVALID.
    let policy = if a.key_not_before.is_some() || a.key_not_after.is_some() {
        policy.with_key_validity(a.key_not_before, a.key_not_after)?
    } else {
        policy
    };
    let verifier = logs::with_witness_policy(Verifier::new(root, config(a)), &a.logs)?;
    let proofs = logs::read_tlog_proofs(&a.logs)?;
    let file = read(&a.bundle, "bundle")?;
    let (kind, found) = sigverify::bundles::split(&file)?;
    let count = found.len();
    let mut failures = Vec::new();
    // The artifact's digests, by algorithm: a file of several bundles reads it once per hash.
    let mut digests = Vec::new();
    for f in found {
        match logs::attach(&f.json, &proofs).and_then(|(bundle, attached)| {
            verify_one(&verifier, &bundle, &policy, a, now, &mut digests)
                .and_then(|v| attestation_checks(a, v))
                .and_then(|v| pypi_checks(a, kind, v, &mut digests))
                .map(|v| (v, attached))
        }) {
            Ok((verified, attached)) => {
                let outcome = Outcome {
                    verified,
                    place: (!matches!(kind, BundleFile::Bundle | BundleFile::PypiAttestation))
                        .then(|| format!("{} of {count}", f.place)),
                    logs: logs::Report {
                        attached,
                        state: None,
                    },
                };
                // The state sees only the bundle that verified, so a file of several
                // remembers one bundle's checkpoints, as it reports one bundle.
                return logs::remember(&a.logs, outcome);
            }
            Err(e) if count == 1 => return Err(e),
            Err(e) => failures.push((f.place, e)),
        }
    }
    Err(Failure::NoBundle(failures))
}

/// Verifies one bundle of the file against the artifact, its digest, or (verify-attestation
/// without either) everything but the subjects.
fn verify_one(
    verifier: &Verifier,
    bundle: &Bundle,
    policy: &Policy,
    a: &VerifyArgs,
    now: UnixTime,
    digests: &mut Vec<Digest>,
) -> Result<Verified, Failure> {
    if a.input.is_empty() {
        return verifier
            .verify_dsse(bundle, policy, now)
            .map_err(|e| match e {
                Error::ArtifactRequired => Failure::Verify(Error::DsseEnvelopeMissing),
                e => Failure::Verify(e),
            });
    }
    let path = Path::new(&a.input);
    if !path.exists() {
        if let Some(digest) = Digest::parse_prefixed(&a.input) {
            return Ok(verifier.verify(bundle, Artifact::Digest(digest), policy, now)?);
        }
    }
    // The bundle names the one hash it needs of the artifact; the file is read once.
    let digest = cached_digest(path, bundle.artifact_hash(), digests)?;
    match verifier.verify(bundle, Artifact::Digest(digest), policy, now) {
        // Ed25519 signs whole messages, and a P-384 or P-521 signature whose bundle declares
        // no digest may be over another hash: only then is the artifact read into memory.
        Err(Error::ArtifactDigestInsufficient) => {
            let bytes = read(path, "artifact")?;
            Ok(verifier.verify(bundle, Artifact::Bytes(&bytes), policy, now)?)
        }
        other => Ok(other?),
    }
}

/// `verify-attestation`: the bundle must carry a DSSE envelope, with the predicate type asked
/// for.
fn attestation_checks(a: &VerifyArgs, v: Verified) -> Result<Verified, Failure> {
    if !a.attestation {
        return Ok(v);
    }
    let statement = v.attestation()?;
    if let Some(want) = &a.predicate_type {
        statement.check_predicate_type(want)?;
    }
    if let Some(device) = &a.firmware {
        let firmware = sigverify::FirmwareStatement::from_statement(statement)?;
        match device.installed {
            Some(installed) => device.policy.check(&firmware, installed)?,
            None => device.policy.check_applies(&firmware)?,
        }
    }
    Ok(v)
}

/// PyPI's attestations name a distribution file: with the file at hand, the statement must
/// name it as `pypi-attestations` requires (one subject, same sdist or wheel, its SHA-256, a
/// predicate type PyPI knows). A digest alone has no file name; the subject digest was matched.
fn pypi_checks(
    a: &VerifyArgs,
    kind: BundleFile,
    v: Verified,
    digests: &mut Vec<Digest>,
) -> Result<Verified, Failure> {
    let path = Path::new(&a.input);
    let pypi_file = matches!(
        kind,
        BundleFile::PypiAttestation | BundleFile::PypiProvenance
    );
    if !pypi_file || a.input.is_empty() || !path.exists() {
        return Ok(v);
    }
    distribution(path, digests)?.check_statement(v.attestation()?)?;
    Ok(v)
}

/// Streams the file through `alg`, reading ahead on a second thread.
fn hash_file(path: &Path, alg: HashAlgorithm) -> Result<Digest, Failure> {
    let io =
        |e: std::io::Error| Failure::Io(format!("cannot read artifact {}: {e}", path.display()));
    fs::File::open(path)
        .and_then(|f| hash::digest_reader(f, alg))
        .map_err(io)
}

/// The thresholds: the public-good profile, or GitHub's private instance (a TSA timestamp, no
/// tlog entry, no SCT), with any threshold given on the command line on top.
fn config(a: &VerifyArgs) -> Config {
    let mut config = if a.github_private {
        Config::github_private()
    } else {
        Config::default()
    };
    if let Some(n) = a.tlog_threshold {
        config.tlog_entries = n;
    }
    if let Some(n) = a.timestamp_threshold {
        config.signed_timestamps = n;
    }
    if let Some(n) = a.sct_threshold {
        config.certificate_timestamps = n;
    }
    if let Some(n) = a.time_threshold {
        config.observer_timestamps = n;
    }
    config
}

pub(crate) fn system_now() -> UnixTime {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs());
    UnixTime(secs.unwrap_or(0))
}
