//! Command-line parsing: `verify-bundle` (the sigstore-conformance protocol, plus policy and
//! threshold flags) and `trusted-root update` (TUF).

use std::path::PathBuf;

use sigverify::UnixTime;

pub(crate) const USAGE: &str = "\
usage:
  sigverify verify-bundle [--staging] --bundle FILE --certificate-identity ID
                          --certificate-oidc-issuer URL [--trusted-root FILE] [--now UNIX] FILE_OR_DIGEST
  sigverify verify-bundle [--staging] --bundle FILE --key KEY.pem [--trusted-root FILE]
                          [--now UNIX] FILE_OR_DIGEST
  sigverify verify-attestation --bundle FILE [ARTIFACT | --digest ALG:HEX]
                          [--predicate-type TYPE] <policy flags as for verify-bundle>
  sigverify verify-pypi --provenance FILE (--repository URL | --gcp-service-account EMAIL |
                          --circleci-project-id ID --circleci-pipeline-definition-id ID)
                          [--trusted-root FILE | --staging | --tuf DIR] [--now UNIX] DISTRIBUTION
  sigverify trusted-root update --metadata DIR [--staging | --anchor ROOT.json]
                          [--state FILE] [--now UNIX] --out trusted_root.json
  sigverify --help | --version

Identity: --certificate-identity ID or --certificate-identity-regexp RE, and
--certificate-oidc-issuer URL or --certificate-oidc-issuer-regexp RE. A pattern must match the
whole value (write .* to search); matching takes linear time. A pattern that does not parse
on its own, such as 'v1)|(x', is a usage error.
Thresholds (default: the public-good profile, one tlog entry, one SCT, one signing time):
  --tlog-threshold N       distinct transparency logs that must verify the bundle
  --timestamp-threshold N  distinct timestamp authorities whose timestamps must verify
  --sct-threshold N        distinct CT logs whose SCTs the certificate must carry
  --instance github-private
                           GitHub's Sigstore instance for private repositories: no tlog entry,
                           no SCT, one RFC 3161 timestamp (give its trusted root with
                           --trusted-root)
GitHub policies, as `gh attestation verify` reads them (instead of the identity flags):
  --owner OWNER | --repo OWNER/REPO    who built it (from the certificate's source extensions)
  --signer-workflow OWNER/REPO/.github/workflows/FILE[@REF] | --signer-repo OWNER/REPO
  --source-ref refs/tags/v1.2.3  --source-digest SHA  --signer-digest SHA
  --cert-oidc-issuer URL  --hostname TENANT.ghe.com  --deny-self-hosted-runners

Examples:
  # A GitHub release asset, built and signed by its repository's release workflow:
  sigverify verify-bundle --bundle app.tar.gz.sigstore.json --repo octo/app \\
      --signer-workflow octo/app/.github/workflows/release.yml --source-ref refs/tags/v1.2.3 app.tar.gz
  # An npm tarball and its provenance bundle (the tarball is named by SHA-512):
  sigverify verify-bundle --bundle provenance.sigstore.json --certificate-oidc-issuer \\
      https://token.actions.githubusercontent.com --certificate-identity-regexp \\
      'https://github\\.com/octo/lib/\\.github/workflows/publish\\.yml@refs/tags/v.*' lib-1.0.0.tgz
  # A wheel from PyPI and its provenance (https://pypi.org/integrity/PROJECT/VERSION/FILE/provenance),
  # for its Trusted Publisher, as `pypi-attestations verify pypi` checks it:
  sigverify verify-pypi --provenance pkg-1.0-py3-none-any.whl.provenance \
      --repository https://github.com/octo/pkg pkg-1.0-py3-none-any.whl
  # A wheel and a bundle signed by a person (email identity from GitHub's OIDC login):
  sigverify verify-bundle --bundle pkg.whl.sigstore.json --certificate-identity dev@example.com \\
      --certificate-oidc-issuer https://github.com/login/oauth pkg-1.0-py3-none-any.whl
  # A firmware image signed with a managed key, logged on your own instance:
  sigverify verify-bundle --bundle fw.bin.sigstore.json --key release.pub \\
      --trusted-root trusted_root.json fw.bin

Attestations (DSSE bundles): verify-attestation prints the verified statement: its subjects,
predicate type and predicate (other payload types as text). With ARTIFACT or --digest it checks
that a subject names it; without, every check runs except that one, and the output says so.
--predicate-type TYPE requires that in-toto predicate type (DSSE_PREDICATE_TYPE_MISMATCH).
  sigverify verify-attestation --bundle att.sigstore.json --repo octo/app \\
      --predicate-type https://slsa.dev/provenance/v1 app.tar.gz
--bundle also takes files of several bundles: gh attestation download's JSON Lines, npm's
attestations document, PyPI's PEP 740 attestation objects; the file verifies when one of its
bundles does. A PEP 740 attestation of a distribution file must also name it as PyPI does.

PyPI provenances (verify-pypi): every attestation must verify for the Trusted Publisher the
provenance names (GitHub, GitLab, Google Cloud, CircleCI), which must be the one given, and
name DISTRIBUTION by its file name and SHA-256 (PYPI_* errors name what differed).

--format json (verify-bundle, verify-attestation, verify-pypi): one JSON document on stdout, verified or not
(schema sigverify-result/1, cli/RESULT.md).

Trusted roots over TUF (no network: bring the files, e.g. a copy of Sigstore's TUF repository):
  sigverify trusted-root update --metadata DIR --state tuf-state.json --out trusted_root.json
checks DIR's TUF metadata (N.root.json, timestamp.json, snapshot.json, targets.json, in DIR,
DIR/metadata or DIR/metadata/root_history; target files in DIR/targets or DIR, by name or as
<hash>.<name>) from the compiled-in anchor (production TUF root v15; --staging: staging v14;
--anchor: your own), always walking the roots from the anchor, and writes the verified
trusted_root.json byte for byte as published. --state FILE is read when it exists and
rewritten after a successful update; it holds rollback floors only (versions, never keys),
so no state file can add trust. A damaged one, or one written from another anchor, is refused
by name; deleting it is the way out (its rollback floors are lost).
  sigverify verify-bundle --tuf DIR ...   verifies against the trusted root that DIR's TUF
                                          metadata yields (from the compiled-in anchor)

FILE_OR_DIGEST is a digest when it is sha256:, sha384: or sha512: followed by the digest in hex
and no such file exists. A file is read once, hashed with the algorithm the bundle needs.
The trusted root defaults to the compiled-in Sigstore public-good production root
(--staging: the staging root). --now sets the verification time (default: the system clock).
Exit status: 0 verified, 1 not verified (reason on stderr), 2 usage error.
";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Command {
    Help,
    Version,
    Verify(Box<VerifyArgs>),
    /// `verify-attestation`: the same arguments, `attestation` set.
    Attest(Box<VerifyArgs>),
    TrustedRootUpdate(TufArgs),
    /// `verify-pypi`: a distribution and its PyPI provenance.
    Pypi(Box<VerifyArgs>),
}

/// The arguments of `trusted-root update`.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct TufArgs {
    pub(crate) metadata: PathBuf,
    pub(crate) staging: bool,
    pub(crate) anchor: Option<PathBuf>,
    pub(crate) state: Option<PathBuf>,
    pub(crate) now: Option<UnixTime>,
    pub(crate) out: PathBuf,
}

/// The arguments of `verify-bundle`.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct VerifyArgs {
    pub(crate) bundle: PathBuf,
    pub(crate) identity: Option<String>,
    pub(crate) issuer: Option<String>,
    pub(crate) key: Option<PathBuf>,
    pub(crate) trusted_root: Option<PathBuf>,
    pub(crate) staging: bool,
    pub(crate) now: Option<UnixTime>,
    pub(crate) input: String,
    /// `--certificate-identity-regexp`.
    pub(crate) identity_regexp: Option<String>,
    /// `--certificate-oidc-issuer-regexp`.
    pub(crate) issuer_regexp: Option<String>,
    /// `--tlog-threshold`, `--timestamp-threshold`, `--sct-threshold`.
    pub(crate) tlog_threshold: Option<usize>,
    pub(crate) timestamp_threshold: Option<usize>,
    pub(crate) sct_threshold: Option<usize>,
    /// `--instance github-private`.
    pub(crate) github_private: bool,
    /// The GitHub policy flags, when any is given.
    pub(crate) github: Option<sigverify::GitHubPolicy>,
    /// `--tuf DIR`: the trusted root comes from this TUF repository.
    pub(crate) tuf: Option<PathBuf>,
    /// `--format json`: one JSON document on stdout, success or failure.
    pub(crate) json: bool,
    /// `verify-attestation`: a DSSE bundle whose statement is printed; `input` may be empty
    /// (subjects not checked).
    pub(crate) attestation: bool,
    /// `--predicate-type T` (verify-attestation).
    pub(crate) predicate_type: Option<String>,
    /// `verify-pypi`: the publisher the provenance (`bundle`) must name; `input` is the
    /// distribution file.
    pub(crate) pypi: Option<sigverify::pypi::Expected>,
}

pub(crate) fn parse(argv: &[String]) -> Result<Command, String> {
    let mut it = argv.iter();
    match it.next().map(String::as_str) {
        None | Some("--help" | "-h" | "help") => Ok(Command::Help),
        Some("--version" | "-V") => Ok(Command::Version),
        Some("verify-bundle" | "verify-attestation" | "verify-pypi")
            if it.as_slice().iter().any(|a| a == "--help" || a == "-h") =>
        {
            Ok(Command::Help)
        }
        Some("verify-bundle") => parse_verify(it.as_slice(), false).map(Command::Verify),
        Some("verify-attestation") => parse_verify(it.as_slice(), true).map(Command::Attest),
        Some("verify-pypi") => parse_pypi(it.as_slice()).map(Command::Pypi),
        Some("trusted-root") => match it.next().map(String::as_str) {
            Some("update") => parse_tuf(it.as_slice()).map(Command::TrustedRootUpdate),
            Some(other) => Err(format!("unknown trusted-root command `{other}`")),
            None => Err("trusted-root needs a command (update)".into()),
        },
        Some(other) => Err(format!("unknown command `{other}`")),
    }
}

/// The arguments of `verify-bundle` (the conformance protocol and its extensions) or, with
/// `attestation`, of `verify-attestation` (`--digest`, `--predicate-type`, optional input).
fn parse_verify(argv: &[String], attestation: bool) -> Result<Box<VerifyArgs>, String> {
    let mut it = Flags::new(argv);
    let mut a = VerifyArgs {
        attestation,
        ..VerifyArgs::default()
    };
    let mut bundle = None;
    let mut input = None;
    while let Some(arg) = it.next_arg() {
        let mut value = || it.value();
        match arg.as_str() {
            "--bundle" => bundle = Some(PathBuf::from(value()?)),
            "--certificate-identity" => a.identity = Some(value()?),
            "--certificate-oidc-issuer" => a.issuer = Some(value()?),
            "--key" => a.key = Some(PathBuf::from(value()?)),
            "--trusted-root" => a.trusted_root = Some(PathBuf::from(value()?)),
            "--staging" => a.staging = true,
            "--now" => a.now = Some(unix(&value()?)?),
            "--tuf" => a.tuf = Some(PathBuf::from(value()?)),
            "--certificate-identity-regexp" => a.identity_regexp = Some(value()?),
            "--certificate-oidc-issuer-regexp" => a.issuer_regexp = Some(value()?),
            "--tlog-threshold" => a.tlog_threshold = Some(count(&arg, &value()?)?),
            "--timestamp-threshold" => a.timestamp_threshold = Some(count(&arg, &value()?)?),
            "--sct-threshold" => a.sct_threshold = Some(count(&arg, &value()?)?),
            "--owner" => github(&mut a).owner = Some(value()?),
            "--repo" => github(&mut a).repo = Some(value()?),
            "--signer-workflow" => github(&mut a).signer_workflow = Some(value()?),
            "--signer-repo" => github(&mut a).signer_repo = Some(value()?),
            "--source-ref" => github(&mut a).source_ref = Some(value()?),
            "--source-digest" => github(&mut a).source_digest = Some(value()?),
            "--signer-digest" => github(&mut a).signer_digest = Some(value()?),
            "--cert-oidc-issuer" => github(&mut a).issuer = Some(value()?),
            "--hostname" => github(&mut a).host = Some(value()?),
            "--deny-self-hosted-runners" => github(&mut a).deny_self_hosted_runners = true,
            "--instance" => match value()?.as_str() {
                "github-private" => a.github_private = true,
                other => {
                    return Err(format!(
                        "unknown instance `{other}` (known: github-private)"
                    ));
                }
            },
            "--format" => a.json = json_format(&value()?)?,
            "--predicate-type" if attestation => a.predicate_type = Some(value()?),
            "--digest" if attestation && input.is_none() => {
                let digest = value()?;
                if sigverify::Digest::parse_prefixed(&digest).is_none() {
                    return Err(format!(
                        "--digest takes sha256:HEX, sha384:HEX or sha512:HEX, not `{digest}`"
                    ));
                }
                input = Some(digest);
            }
            "--digest" if attestation => {
                return Err("give ARTIFACT or --digest, not both".into());
            }
            f if f.starts_with("--") => return Err(format!("unknown option `{f}`")),
            _ if input.is_none() => input = Some(arg.clone()),
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    a.bundle = bundle.ok_or("--bundle is required")?;
    if a.tuf.is_some() && a.trusted_root.is_some() {
        return Err("give --tuf or --trusted-root, not both".into());
    }
    a.input = match input {
        Some(input) => input,
        None if attestation => String::new(),
        None => return Err("FILE_OR_DIGEST is required".into()),
    };
    if a.identity.is_some() && a.identity_regexp.is_some() {
        return Err(
            "give --certificate-identity or --certificate-identity-regexp, not both".into(),
        );
    }
    if a.issuer.is_some() && a.issuer_regexp.is_some() {
        return Err(
            "give --certificate-oidc-issuer or --certificate-oidc-issuer-regexp, not both".into(),
        );
    }
    let identity = a.identity.is_some() || a.identity_regexp.is_some();
    let issuer = a.issuer.is_some() || a.issuer_regexp.is_some();
    if a.github.is_some() {
        return if a.key.is_none() && !identity && !issuer {
            Ok(Box::new(a))
        } else {
            Err("the GitHub policy flags replace --key and the identity flags".into())
        };
    }
    match (&a.key, identity, issuer) {
        (Some(_), false, false) | (None, true, true) => Ok(Box::new(a)),
        (Some(_), _, _) => Err(
            "--key cannot be combined with --certificate-identity/--certificate-oidc-issuer".into(),
        ),
        _ => Err("give --certificate-identity and --certificate-oidc-issuer (or their -regexp forms), or --key".into()),
    }
}

/// The arguments of `verify-pypi`, in `pypi-attestations verify pypi`'s spelling: the
/// provenance, the publisher it must name, the trusted root and output flags, the distribution.
fn parse_pypi(argv: &[String]) -> Result<Box<VerifyArgs>, String> {
    let mut a = VerifyArgs {
        attestation: true,
        ..VerifyArgs::default()
    };
    let mut expected = sigverify::pypi::Expected::default();
    let (mut provenance, mut input) = (None, None);
    let (mut project, mut pipeline) = (None, None);
    let mut publisher = false;
    let mut it = Flags::new(argv);
    while let Some(arg) = it.next_arg() {
        let mut value = || it.value();
        match arg.as_str() {
            "--provenance" => provenance = Some(PathBuf::from(value()?)),
            "--repository" => {
                let url = value()?;
                expected = expected.with_repository(&url).map_err(|_| {
                    format!("--repository takes https://github.com/OWNER/REPO or https://gitlab.com/NAMESPACE/PROJECT, not `{url}`")
                })?;
                publisher = true;
            }
            "--gcp-service-account" => {
                expected = expected.with_gcp_service_account(&value()?);
                publisher = true;
            }
            "--circleci-project-id" => project = Some(value()?),
            "--circleci-pipeline-definition-id" => pipeline = Some(value()?),
            "--trusted-root" => a.trusted_root = Some(PathBuf::from(value()?)),
            "--staging" => a.staging = true,
            "--now" => a.now = Some(unix(&value()?)?),
            "--tuf" => a.tuf = Some(PathBuf::from(value()?)),
            "--format" => a.json = json_format(&value()?)?,
            f if f.starts_with("--") => {
                return Err(format!("unknown option `{f}` for verify-pypi"));
            }
            _ if input.is_none() => input = Some(arg.clone()),
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    match (project, pipeline) {
        (Some(p), Some(d)) => {
            expected = expected.with_circleci(&p, &d);
            publisher = true;
        }
        (None, None) => {}
        _ => {
            return Err(
                "give --circleci-project-id and --circleci-pipeline-definition-id together".into(),
            );
        }
    }
    if !publisher {
        return Err("give the expected publisher: --repository URL, --gcp-service-account EMAIL, or --circleci-project-id ID --circleci-pipeline-definition-id ID".into());
    }
    if a.tuf.is_some() && a.trusted_root.is_some() {
        return Err("give --tuf or --trusted-root, not both".into());
    }
    a.bundle = provenance.ok_or("--provenance is required")?;
    a.input = input.ok_or("DISTRIBUTION (the sdist or wheel file) is required")?;
    a.pypi = Some(expected);
    Ok(Box::new(a))
}

fn parse_tuf(argv: &[String]) -> Result<TufArgs, String> {
    let mut a = TufArgs::default();
    let (mut metadata, mut out) = (None, None);
    let mut it = Flags::new(argv);
    while let Some(arg) = it.next_arg() {
        let mut value = || it.value();
        match arg.as_str() {
            "--metadata" => metadata = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--anchor" => a.anchor = Some(PathBuf::from(value()?)),
            "--state" => a.state = Some(PathBuf::from(value()?)),
            "--staging" => a.staging = true,
            "--now" => a.now = Some(unix(&value()?)?),
            f => return Err(format!("unknown option `{f}` for trusted-root update")),
        }
    }
    if a.staging && a.anchor.is_some() {
        return Err("give --staging or --anchor, not both".into());
    }
    a.metadata = metadata.ok_or("--metadata is required")?;
    a.out = out.ok_or("--out is required")?;
    Ok(a)
}

/// Walks an argument list: `--flag value`, `--flag=value`, and positional arguments.
struct Flags<'a> {
    it: std::slice::Iter<'a, String>,
    flag: String,
    inline: Option<String>,
}

impl<'a> Flags<'a> {
    fn new(argv: &'a [String]) -> Self {
        Self {
            it: argv.iter(),
            flag: String::new(),
            inline: None,
        }
    }

    /// The next flag (without any `=value`) or positional argument.
    fn next_arg(&mut self) -> Option<String> {
        let arg = self.it.next()?;
        (self.flag, self.inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        Some(self.flag.clone())
    }

    /// The current flag's value: after `=`, or the next argument.
    fn value(&mut self) -> Result<String, String> {
        self.inline
            .take()
            .or_else(|| self.it.next().cloned())
            .ok_or(format!("{} needs a value", self.flag))
    }
}

/// `--format`: whether the output is JSON.
fn json_format(v: &str) -> Result<bool, String> {
    match v {
        "json" => Ok(true),
        "text" => Ok(false),
        other => Err(format!("unknown format `{other}` (known: text, json)")),
    }
}

fn unix(v: &str) -> Result<UnixTime, String> {
    v.parse()
        .map(UnixTime)
        .map_err(|_| format!("--now takes Unix seconds, not `{v}`"))
}

/// The GitHub policy being built from the command line.
fn github(a: &mut VerifyArgs) -> &mut sigverify::GitHubPolicy {
    a.github
        .get_or_insert_with(sigverify::GitHubPolicy::default)
}

/// A threshold: a count of independent witnesses.
fn count(flag: &str, v: &str) -> Result<usize, String> {
    v.parse()
        .map_err(|_| format!("{flag} takes a count, not `{v}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_trusted_root_update() {
        let c = parse(&argv(
            "trusted-root update --metadata repo --state s.json --now 7 --out=r.json --staging",
        ))
        .unwrap();
        assert_eq!(
            c,
            Command::TrustedRootUpdate(TufArgs {
                metadata: PathBuf::from("repo"),
                staging: true,
                anchor: None,
                state: Some(PathBuf::from("s.json")),
                now: Some(UnixTime(7)),
                out: PathBuf::from("r.json"),
            })
        );
        let c = parse(&argv("verify-bundle --bundle b --key k --tuf repo a")).unwrap();
        let Command::Verify(a) = c else {
            panic!("{c:?}")
        };
        assert_eq!(a.tuf, Some(PathBuf::from("repo")));
    }

    fn argv(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn parses_the_conformance_protocol() {
        let c = parse(&argv("verify-bundle --bundle b.json --certificate-identity id --certificate-oidc-issuer iss --staging a.txt")).unwrap();
        let Command::Verify(a) = c else {
            panic!("{c:?}")
        };
        assert_eq!(a.bundle, PathBuf::from("b.json"));
        assert_eq!(a.identity.as_deref(), Some("id"));
        assert_eq!(a.issuer.as_deref(), Some("iss"));
        assert!(a.staging);
        assert_eq!(a.input, "a.txt");
        let c = parse(&argv(
            "verify-bundle --bundle=b --key k.pem --trusted-root r.json --now 5 sha256:00",
        ))
        .unwrap();
        let Command::Verify(a) = c else {
            panic!("{c:?}")
        };
        assert_eq!(a.key, Some(PathBuf::from("k.pem")));
        assert_eq!(a.now, Some(UnixTime(5)));
    }

    #[test]
    fn parses_patterns_thresholds_and_instances() {
        let c = parse(&argv("verify-bundle --bundle b --certificate-identity-regexp https://github\\.com/o/r/.* --certificate-oidc-issuer-regexp=https://.* --tlog-threshold 0 --sct-threshold=0 --timestamp-threshold 1 --instance github-private a")).unwrap();
        let Command::Verify(a) = c else {
            panic!("{c:?}")
        };
        assert_eq!(
            a.identity_regexp.as_deref(),
            Some("https://github\\.com/o/r/.*")
        );
        assert_eq!(a.issuer_regexp.as_deref(), Some("https://.*"));
        assert_eq!(
            (a.tlog_threshold, a.sct_threshold, a.timestamp_threshold),
            (Some(0), Some(0), Some(1))
        );
        assert!(a.github_private);
        let c = parse(&argv("verify-bundle --bundle b --repo octo/app --signer-workflow octo/app/.github/workflows/r.yml --source-ref refs/tags/v1 --deny-self-hosted-runners a")).unwrap();
        let Command::Verify(a) = c else {
            panic!("{c:?}")
        };
        let g = a.github.unwrap();
        assert_eq!(g.repo.as_deref(), Some("octo/app"));
        assert_eq!(g.source_ref.as_deref(), Some("refs/tags/v1"));
        assert!(g.deny_self_hosted_runners);
        assert!(parse(&argv("verify-bundle --bundle b --owner octo --key k a")).is_err());
    }

    #[test]
    fn parses_verify_attestation_and_the_output_format() {
        let c = parse(&argv(
            "verify-attestation --bundle b --key k --predicate-type https://slsa.dev/provenance/v1 --format json",
        ))
        .unwrap();
        let Command::Attest(a) = c else {
            panic!("{c:?}")
        };
        assert!(a.attestation && a.json);
        assert_eq!(a.input, "");
        assert_eq!(
            a.predicate_type.as_deref(),
            Some("https://slsa.dev/provenance/v1")
        );
        let sha512 = format!("sha512:{}", "ab".repeat(64));
        let sha256 = format!("sha256:{}", "ab".repeat(32));
        let c = parse(&argv(&format!(
            "verify-attestation --bundle b --key k --digest {sha512}"
        )))
        .unwrap();
        let Command::Attest(a) = c else {
            panic!("{c:?}")
        };
        assert_eq!(a.input, sha512);
        let c = parse(&argv("verify-bundle --bundle b --key k --format=json a")).unwrap();
        let Command::Verify(a) = c else {
            panic!("{c:?}")
        };
        assert!(a.json && !a.attestation);
        assert_eq!(parse(&argv("verify-attestation --help")), Ok(Command::Help));
        for bad in [
            "verify-attestation --bundle b --key k --digest md5:00".to_owned(),
            "verify-attestation --bundle b --key k --digest sha256:00".to_owned(),
            format!("verify-attestation --bundle b --key k --digest {sha256} a.txt"),
            format!("verify-attestation --bundle b --key k a.txt --digest {sha256}"),
            "verify-attestation --bundle b --key k --format yaml".to_owned(),
            "verify-attestation --key k a.txt".to_owned(),
            "verify-bundle --bundle b --key k --predicate-type t a.txt".to_owned(),
            format!("verify-bundle --bundle b --key k --digest {sha256}"),
        ] {
            assert!(parse(&argv(&bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn parses_verify_pypi() {
        let c = parse(&argv(
            "verify-pypi --provenance p.json --repository https://github.com/o/r --now 9 d-1.0.tar.gz",
        ))
        .unwrap();
        let Command::Pypi(a) = c else { panic!("{c:?}") };
        assert_eq!(a.bundle, PathBuf::from("p.json"));
        assert_eq!(a.input, "d-1.0.tar.gz");
        let expected = a.pypi.unwrap();
        assert_eq!(
            expected.repository.as_deref(),
            Some("https://github.com/o/r")
        );
        let c = parse(&argv(
            "verify-pypi --provenance p --circleci-project-id x --circleci-pipeline-definition-id y --gcp-service-account a@b --format json d.whl",
        ))
        .unwrap();
        let Command::Pypi(a) = c else { panic!("{c:?}") };
        assert!(a.json);
        let expected = a.pypi.unwrap();
        assert_eq!(expected.circleci, Some(("x".into(), "y".into())));
        assert_eq!(expected.gcp_service_account.as_deref(), Some("a@b"));
        for bad in [
            "verify-pypi --provenance p d.tar.gz",
            "verify-pypi --repository https://github.com/o/r d.tar.gz",
            "verify-pypi --provenance p --repository https://github.com/o/r",
            "verify-pypi --provenance p --repository http://github.com/o/r d.tar.gz",
            "verify-pypi --provenance p --repository https://github.com/o/r --key k d.tar.gz",
            "verify-pypi --provenance p --circleci-project-id x d.tar.gz",
            "verify-pypi --provenance p --repository https://github.com/o/r d.tar.gz extra",
        ] {
            assert!(parse(&argv(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn rejects_incomplete_or_contradictory_arguments() {
        for bad in [
            "verify-bundle a.txt",
            "verify-bundle --bundle b",
            "verify-bundle --bundle b --certificate-identity id a.txt",
            "verify-bundle --bundle b --key k --certificate-identity id --certificate-oidc-issuer i a.txt",
            "verify-bundle --bundle b --key k a.txt extra",
            "verify-bundle --bundle b --key k --bogus a.txt",
            "verify-bundle --bundle b --key k --now soon a.txt",
            "verify-bundle --bundle",
            "frobnicate",
        ] {
            assert!(parse(&argv(bad)).is_err(), "{bad}");
        }
        for bad in [
            "verify-bundle --bundle b --certificate-identity id --certificate-identity-regexp .* --certificate-oidc-issuer i a",
            "verify-bundle --bundle b --certificate-identity-regexp .* a",
            "verify-bundle --bundle b --key k --tlog-threshold many a",
            "verify-bundle --bundle b --key k --instance github-public a",
        ] {
            assert!(parse(&argv(bad)).is_err(), "{bad}");
        }
        for bad in [
            "trusted-root",
            "trusted-root refresh",
            "trusted-root update --out r.json",
            "trusted-root update --metadata d",
            "trusted-root update --metadata d --out r.json --staging --anchor a.json",
            "trusted-root update --metadata d --out r.json --now later",
            "trusted-root update --metadata d --out r.json --frob",
            "verify-bundle --bundle b --key k --tuf d --trusted-root r a",
        ] {
            assert!(parse(&argv(bad)).is_err(), "{bad}");
        }
        assert_eq!(parse(&[]), Ok(Command::Help));
        assert_eq!(parse(&argv("--version")), Ok(Command::Version));
    }
}
