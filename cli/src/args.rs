//! Command-line parsing with clap: `verify-bundle` (the sigstore-conformance protocol, plus
//! policy and threshold flags), `verify-attestation`, `verify-pypi`, `trusted-root update`
//! (TUF), and the shell completions and manual page generated from the same definitions.
//!
//! The help is the hand-written `USAGE` (examples and prose that a generated flag list has no
//! room for); the generated per-flag texts feed the completions and the manual page. Rules
//! that clap states exactly (required flags, pairs that exclude each other) are declared on the
//! arguments; the rest, where a switch given `=false` must count as absent or where the message
//! must name the whole policy, is checked in `verify_args` and `tuf_args`.

use std::io::Write;
use std::path::PathBuf;

use clap::ArgAction;
use clap::Args;
use clap::CommandFactory;
use clap::FromArgMatches;
use clap::Parser;
use clap::Subcommand;
use clap::ValueEnum;
use clap::builder::PossibleValue;
use clap::builder::PossibleValuesParser;
use clap::builder::TypedValueParser;
use clap::error::ErrorKind;
use clap_complete::Shell;
use sigverify::UnixTime;

pub(crate) const USAGE: &str = "\
usage:
  sigverify verify-bundle [--staging] --bundle FILE --certificate-identity ID
                          --certificate-oidc-issuer URL [--trusted-root FILE] [--now UNIX] FILE_OR_DIGEST
  sigverify verify-bundle [--staging] --bundle FILE --key KEY.pem [--trusted-root FILE]
                          [--now UNIX] FILE_OR_DIGEST
  sigverify verify-attestation --bundle FILE [ARTIFACT | --digest ALG:HEX]
                          [--predicate-type TYPE] <policy flags as for verify-bundle>
                          [--firmware-vendor UUID --firmware-class UUID [--hardware-revision N]
                          [--installed-security-version N]]
  sigverify verify-pypi --provenance FILE (--repository URL | --gcp-service-account EMAIL |
                          --circleci-project-id ID --circleci-pipeline-definition-id ID)
                          [--trusted-root FILE | --staging | --tuf DIR] [--now UNIX] DISTRIBUTION
  sigverify verify-release --repo OWNER/REPO --tag TAG --bundle FILE --trusted-root FILE
                          [--tag-digest HEX] [--trust-domain NAME] [--now UNIX] [ASSET...]
  sigverify verify-npm --keys keys.json --packument FILE [--package-version V]
                          [--attestations FILE] [<identity or GitHub flags>] [TARBALL]
  sigverify trusted-root update --metadata DIR [--staging | --anchor ROOT.json]
                          [--state FILE] [--now UNIX] --out trusted_root.json
  sigverify completions bash|zsh|fish|elvish|powershell
  sigverify man                     the manual page (roff), e.g. sigverify man > sigverify.1
  sigverify --help | --version

Identity: --certificate-identity ID or --certificate-identity-regexp RE, and
--certificate-oidc-issuer URL or --certificate-oidc-issuer-regexp RE. A pattern must match the
whole value (write .* to search); matching takes linear time. A pattern that does not parse
on its own, such as 'v1)|(x', is a usage error.
Thresholds (default: the public-good profile, one tlog entry, one SCT, one signing time):
  --tlog-threshold N       distinct transparency logs that must verify the bundle
  --timestamp-threshold N  distinct timestamp authorities whose timestamps must verify
  --sct-threshold N        distinct CT logs whose SCTs the certificate must carry
  --time-threshold N       proven signing times of either kind (integrated times, RFC 3161
                           timestamps); 0 only with --key and --tlog-threshold 0 (a key
                           signing offline: its window is then checked at --now)
Managed keys: --key KEY.pem [--key-not-before TIME] [--key-not-after TIME] (RFC 3339 or Unix
seconds, both included): every proven signing time must lie in the window
(POLICY_KEY_NOT_VALID_AT_SIGNING_TIME), as npm compares a registry key's expires with the
log's integrated time.
  --instance github-private
                           GitHub's Sigstore instance for private repositories: no tlog entry,
                           no SCT, one RFC 3161 timestamp (give its trusted root with
                           --trusted-root)
GitHub policies, as `gh attestation verify` reads them (instead of the identity flags):
  --owner OWNER | --repo OWNER/REPO    who built it (from the certificate's source extensions)
  --signer-workflow OWNER/REPO/.github/workflows/FILE[@REF] | --signer-repo OWNER/REPO
  --source-ref refs/tags/v1.2.3  --source-digest SHA  --signer-digest SHA
  --cert-oidc-issuer URL  --hostname TENANT.ghe.com  --deny-self-hosted-runners
Transparency logs (verify-bundle, verify-attestation):
  --witness-policy FILE    witness policy (c2sp.org/tlog-policy): every checkpoint that
                           proves a tlog entry must come from a log it lists (when it lists
                           any) and carry cosignatures that meet its quorum (WITNESS_*)
  --tlog-proof FILE        tlog proof (c2sp.org/tlog-proof@v1), e.g. a later, cosigned proof
                           of the bundle's entry: it replaces the proof of the entry it proves
                           when its tree is larger (repeatable; TLOG_PROOF_*)
  --log-state FILE         the last checkpoint seen of each log, kept between runs (created
                           when missing): after verifying, each checkpoint must be the
                           remembered tree, or a --consistency-proof must connect the two
                           (LOG_SPLIT_VIEW, LOG_CONSISTENCY_PROOF_*); the larger is remembered
  --consistency-proof FILE Rekor's consistency proof ({\"rootHash\", \"hashes\"}, hex) from
                           the smaller tree to the larger (repeatable; only with --log-state)
On LOG_SPLIT_VIEW or LOG_CONSISTENCY_PROOF_*, both signed checkpoints (the remembered and the
presented) go to stderr as evidence, and the state is left as it was. The state can only
refuse: deleting it is safe, and forgets the checkpoints it remembered.

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
  sigverify verify-pypi --provenance pkg-1.0-py3-none-any.whl.provenance \\
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

npm packages (verify-npm), as `npm audit signatures` checks them, from the files it fetches:
the registry's keys (keys.json: the TUF target registry.npmjs.org/keys.json, which npm reads
first, or /-/npm/v1/keys),
the version document or packument (registry.npmjs.org/NAME/VERSION), the attestations document
(registry.npmjs.org/-/npm/v1/attestations/NAME@VERSION) and the tarball. Every registry
signature over NAME@VERSION:INTEGRITY must verify by its key, made before the key expired
(NPM_SIGNATURE_*); every attestation must verify: the publish attestation by the registry key
its key id names, logged before that key expired; the provenance keyless, for the identity or
GitHub flags when given (npm names none: any identity, reported); the first subject must be
pkg:npm/NAME@VERSION with the tarball's SHA-512 (NPM_SUBJECT_*); the tarball must match the
integrity (NPM_INTEGRITY_MISMATCH). npm's 2023 bundles carry the Fulcio root in their chain:
verify-npm ignores the chain beyond the leaf, as npm does (verify-bundle refuses them).
  sigverify verify-npm --keys keys.json --packument sigstore-1.0.0.json \\
      --attestations attestations.json --repo sigstore/sigstore-js sigstore-1.0.0.tgz

GitHub releases (verify-release), as `gh release verify` and `gh release verify-asset` check
them: the attestation GitHub itself signs for an immutable release, through its own Sigstore
instance (one RFC 3161 timestamp, no public-good log, no SCT), by the certificate identity
https://dotcom.releases.github.com without an OIDC issuer extension (accepted only here), with
predicate type https://in-toto.io/attestation/release/v0.1 naming --repo and --tag; each ASSET
must be a subject by SHA-256 (RELEASE_ASSET_NOT_ATTESTED; an ASSET of the form sha256:HEX that
is no file names one by its digest). --trusted-root takes GitHub's root,
e.g. `gh attestation trusted-root > roots.jsonl` (the root that issued the certificate is used).
  sigverify verify-release --repo octo/app --tag v1.2.3 --bundle release.jsonl \\
      --trusted-root roots.jsonl app-linux-amd64.tar.gz

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
Switches (--staging, --deny-self-hosted-runners) take a value only after =, as gh reads them:
--staging=true is --staging, --staging=false is no --staging (also 1, t, T, TRUE, True and
0, f, F, FALSE, False); any other value is a usage error. -- ends the options: what follows
is FILE_OR_DIGEST (or ARTIFACT, DISTRIBUTION) even when it starts with -. A value that starts
with - goes after =, as in --certificate-identity-regexp=-x.
Exit status: 0 verified, 1 not verified (reason on stderr), 2 usage error.
";

/// The usage line of each command, shown under a usage error.
const VERIFY_BUNDLE_USAGE: &str = "\
sigverify verify-bundle [--staging] --bundle FILE --certificate-identity ID
       --certificate-oidc-issuer URL [--trusted-root FILE] [--now UNIX] FILE_OR_DIGEST
       sigverify verify-bundle [--staging] --bundle FILE --key KEY.pem [--trusted-root FILE]
       [--now UNIX] FILE_OR_DIGEST";
const VERIFY_ATTESTATION_USAGE: &str = "\
sigverify verify-attestation --bundle FILE [ARTIFACT | --digest ALG:HEX]
       [--predicate-type TYPE] <policy flags as for verify-bundle>";
const VERIFY_NPM_USAGE: &str = "\
sigverify verify-npm --keys keys.json --packument FILE [--package-version V] [--attestations FILE]
       [provenance policy: identity flags or GitHub flags] [--trusted-root FILE | --staging | --tuf DIR]
       [--now UNIX] [--format json] [TARBALL]";
const VERIFY_RELEASE_USAGE: &str = "\
sigverify verify-release --repo OWNER/REPO --tag TAG --bundle FILE --trusted-root FILE
       [--tag-digest HEX] [--trust-domain NAME] [--now UNIX] [--format json] [ASSET...]";
const VERIFY_PYPI_USAGE: &str = "\
sigverify verify-pypi --provenance FILE (--repository URL | --gcp-service-account EMAIL |
       --circleci-project-id ID --circleci-pipeline-definition-id ID)
       [--trusted-root FILE | --staging | --tuf DIR] [--now UNIX] DISTRIBUTION";
const TRUSTED_ROOT_USAGE: &str = "\
sigverify trusted-root update --metadata DIR [--staging | --anchor ROOT.json]
       [--state FILE] [--now UNIX] --out trusted_root.json";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Command {
    Help,
    Verify(Box<VerifyArgs>),
    /// `verify-attestation`: the same arguments, `attestation` set.
    Attest(Box<VerifyArgs>),
    TrustedRootUpdate(TufArgs),
    /// `verify-pypi`: a distribution and its PyPI provenance.
    Pypi(Box<VerifyArgs>),
    /// `verify-release`: a GitHub release's attestation and assets.
    Release(Box<ReleaseArgs>),
    /// `verify-npm`: an npm package version with the registry's files.
    Npm(Box<NpmArgs>),
    /// `completions SHELL`: the completion script for that shell.
    Completions(Shell),
    /// `man`: the manual page, as roff.
    Man,
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
    /// `--tlog-threshold`, `--timestamp-threshold`, `--sct-threshold`, `--time-threshold`.
    pub(crate) tlog_threshold: Option<usize>,
    pub(crate) timestamp_threshold: Option<usize>,
    pub(crate) sct_threshold: Option<usize>,
    pub(crate) time_threshold: Option<usize>,
    /// `--key-not-before`, `--key-not-after`: the managed key's validity window.
    pub(crate) key_not_before: Option<UnixTime>,
    pub(crate) key_not_after: Option<UnixTime>,
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
    /// `--firmware-vendor`, `--firmware-class` and the device's revision and counter
    /// (verify-attestation): the statement must be a firmware statement for this device.
    pub(crate) firmware: Option<FirmwareDevice>,
    /// `verify-pypi`: the publisher the provenance (`bundle`) must name; `input` is the
    /// distribution file.
    pub(crate) pypi: Option<sigverify::pypi::Expected>,
    /// `--witness-policy`, `--tlog-proof`, `--log-state`, `--consistency-proof`.
    pub(crate) logs: LogArgs,
}

/// The device a firmware statement must be for (`verify-attestation --firmware-vendor ...`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FirmwareDevice {
    /// The device's vendor and class UUIDs, and hardware revision.
    pub(crate) policy: sigverify::FirmwarePolicy,
    /// `--installed-security-version N`: the image must be newer; `None`: not judged.
    pub(crate) installed: Option<u32>,
}

/// The transparency-log files of `verify-bundle` and `verify-attestation`.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct LogArgs {
    /// `--witness-policy`: every checkpoint must meet it.
    pub(crate) witness_policy: Option<PathBuf>,
    /// `--tlog-proof`, in the order given: each given to the bundle before verification.
    pub(crate) tlog_proofs: Vec<PathBuf>,
    /// `--log-state`: checked and updated after a verification.
    pub(crate) log_state: Option<PathBuf>,
    /// `--consistency-proof`, for the state (only with `log_state`).
    pub(crate) consistency_proofs: Vec<PathBuf>,
}

/// The command line as clap reads it.
#[derive(Parser, Debug)]
#[command(
    name = "sigverify",
    version,
    about = "Verify Sigstore bundles offline",
    long_about = "Verifies Sigstore bundles, DSSE attestations and PyPI provenances offline, \
                  against a compiled-in or given trusted root, and updates a trusted root over \
                  TUF from files at hand. Speaks the sigstore-conformance CLI protocol.",
    override_help = USAGE,
    override_usage = "sigverify <COMMAND> ...",
    args_override_self = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Sub>,
}

#[derive(Subcommand, Debug)]
enum Sub {
    /// Verify a bundle against an artifact or its digest (the sigstore-conformance protocol).
    #[command(override_help = USAGE, override_usage = VERIFY_BUNDLE_USAGE, args_override_self = true)]
    VerifyBundle(BundleCmd),
    /// Verify a DSSE bundle and print its statement.
    #[command(override_help = USAGE, override_usage = VERIFY_ATTESTATION_USAGE, args_override_self = true)]
    VerifyAttestation(AttestationCmd),
    /// Verify a GitHub release's attestation and its assets, as `gh release verify` does.
    #[command(override_help = USAGE, override_usage = VERIFY_RELEASE_USAGE, args_override_self = true)]
    VerifyRelease(ReleaseCmd),
    /// Verify an npm package as `npm audit signatures` does: registry signatures, publish
    /// attestation, provenance.
    #[command(override_help = USAGE, override_usage = VERIFY_NPM_USAGE, args_override_self = true)]
    VerifyNpm(NpmCmd),
    /// Verify a PyPI distribution against its provenance, for the expected Trusted Publisher.
    #[command(override_help = USAGE, override_usage = VERIFY_PYPI_USAGE, args_override_self = true)]
    VerifyPypi(PypiCmd),
    /// Trusted roots over TUF.
    #[command(
        override_help = USAGE,
        override_usage = TRUSTED_ROOT_USAGE,
        subcommand_required = true,
        arg_required_else_help = false
    )]
    TrustedRoot {
        #[command(subcommand)]
        command: TrustedRootSub,
    },
    /// Print a shell completion script.
    #[command(override_help = USAGE, override_usage = "sigverify completions bash|zsh|fish|elvish|powershell")]
    Completions {
        /// The shell the script is for.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff), e.g. `sigverify man > sigverify.1`.
    #[command(override_help = USAGE, override_usage = "sigverify man")]
    Man,
}

#[derive(Subcommand, Debug)]
enum TrustedRootSub {
    /// Verify a TUF repository's metadata from the anchor and write its trusted_root.json.
    #[command(override_help = USAGE, override_usage = TRUSTED_ROOT_USAGE, args_override_self = true)]
    Update(TufCmd),
}

/// `verify-bundle`: the policy flags and the artifact.
#[derive(Args, Debug)]
struct BundleCmd {
    #[command(flatten)]
    policy: PolicyFlags,
    /// The artifact's file, or its digest (sha256:HEX, sha384:HEX, sha512:HEX) when no such
    /// file exists.
    #[arg(value_name = "FILE_OR_DIGEST")]
    input: String,
}

/// `verify-attestation`: the policy flags, and the artifact or its digest, or neither.
#[derive(Args, Debug)]
struct AttestationCmd {
    #[command(flatten)]
    policy: PolicyFlags,
    /// In-toto predicate type the statement must have.
    #[arg(long, value_name = "TYPE")]
    predicate_type: Option<String>,
    /// The statement must be a firmware statement for a device of this vendor (UUID).
    #[arg(long, value_name = "UUID", requires = "firmware_class")]
    firmware_vendor: Option<String>,
    /// The firmware statement's device class (UUID).
    #[arg(long, value_name = "UUID", requires = "firmware_vendor")]
    firmware_class: Option<String>,
    /// The device's hardware revision, against the statement's minHardwareRevision (default 0).
    #[arg(long, value_name = "N", requires = "firmware_vendor")]
    hardware_revision: Option<u32>,
    /// The device's anti-rollback counter: the image's securityVersion must be greater.
    #[arg(long, value_name = "N", requires = "firmware_vendor")]
    installed_security_version: Option<u32>,
    /// The artifact's digest, which a subject must name (instead of ARTIFACT).
    #[arg(long, value_name = "ALG:HEX", value_parser = prefixed_digest)]
    digest: Option<String>,
    /// The artifact, which a subject must name; without it or --digest the subjects are not
    /// checked.
    #[arg(value_name = "ARTIFACT", conflicts_with = "digest")]
    input: Option<String>,
}

/// The flags `verify-bundle` and `verify-attestation` share.
#[derive(Args, Debug)]
struct PolicyFlags {
    /// The bundle, or a file of several (JSON Lines, attestations document, PEP 740).
    #[arg(long, value_name = "FILE")]
    bundle: PathBuf,
    #[command(flatten)]
    id: IdentityFlags,
    /// Public key (PEM or DER) of a managed-key signature, instead of the identity flags.
    #[arg(long, value_name = "KEY.pem")]
    key: Option<PathBuf>,
    #[command(flatten)]
    root: RootFlags,
    /// Distinct transparency logs that must verify the bundle.
    #[arg(long, value_name = "N")]
    tlog_threshold: Option<usize>,
    /// Distinct timestamp authorities whose timestamps must verify.
    #[arg(long, value_name = "N")]
    timestamp_threshold: Option<usize>,
    /// Distinct CT logs whose SCTs the certificate must carry.
    #[arg(long, value_name = "N")]
    sct_threshold: Option<usize>,
    /// Proven signing times of either kind (integrated times, signed timestamps); 0 only with
    /// --key and --tlog-threshold 0.
    #[arg(long, value_name = "N")]
    time_threshold: Option<usize>,
    /// The managed key is valid from this time (RFC 3339 or Unix seconds, included).
    #[arg(long, value_name = "TIME", value_parser = time_value)]
    key_not_before: Option<u64>,
    /// The managed key is valid until this time (RFC 3339 or Unix seconds, included).
    #[arg(long, value_name = "TIME", value_parser = time_value)]
    key_not_after: Option<u64>,
    /// GitHub's Sigstore instance for private repositories: no tlog entry, no SCT, one RFC 3161
    /// timestamp.
    #[arg(long, value_name = "NAME", value_parser = ["github-private"])]
    instance: Option<String>,
    #[command(flatten)]
    github: GitHubFlags,
    #[command(flatten)]
    logs: LogFlags,
    #[command(flatten)]
    output: OutputFlags,
}

/// Witness policy, tlog proofs and the checkpoint state (`verify-bundle`,
/// `verify-attestation`).
#[derive(Args, Debug)]
struct LogFlags {
    /// Witness policy (c2sp.org/tlog-policy) that every checkpoint must meet.
    #[arg(long, value_name = "FILE")]
    witness_policy: Option<PathBuf>,
    /// Tlog proof (c2sp.org/tlog-proof@v1) given to the bundle entry it proves, when its tree
    /// is larger than the bundle's own (repeatable).
    #[arg(long, value_name = "FILE", action = ArgAction::Append)]
    tlog_proof: Vec<PathBuf>,
    /// Checkpoint state: each verified checkpoint must extend the one remembered of its log;
    /// created when missing, updated after a verification.
    #[arg(long, value_name = "FILE")]
    log_state: Option<PathBuf>,
    /// Consistency proof (Rekor's JSON) between a remembered and a presented checkpoint
    /// (repeatable; only with --log-state).
    #[arg(long, value_name = "FILE", action = ArgAction::Append, requires = "log_state")]
    consistency_proof: Vec<PathBuf>,
}

impl From<LogFlags> for LogArgs {
    fn from(f: LogFlags) -> Self {
        Self {
            witness_policy: f.witness_policy,
            tlog_proofs: f.tlog_proof,
            log_state: f.log_state,
            consistency_proofs: f.consistency_proof,
        }
    }
}

/// The identity and issuer of the signing certificate, each exactly or as a pattern
/// (`verify-bundle`, `verify-attestation`, and the provenance of `verify-npm`).
#[derive(Args, Debug)]
struct IdentityFlags {
    /// Certificate identity (SAN) the bundle must be signed by, exactly.
    #[arg(long = "certificate-identity", value_name = "ID")]
    identity: Option<String>,
    /// Pattern the whole certificate identity must match.
    #[arg(
        long = "certificate-identity-regexp",
        value_name = "RE",
        conflicts_with = "identity"
    )]
    identity_regexp: Option<String>,
    /// OIDC issuer of the certificate, exactly.
    #[arg(long = "certificate-oidc-issuer", value_name = "URL")]
    issuer: Option<String>,
    /// Pattern the whole OIDC issuer must match.
    #[arg(
        long = "certificate-oidc-issuer-regexp",
        value_name = "RE",
        conflicts_with = "issuer"
    )]
    issuer_regexp: Option<String>,
}

impl IdentityFlags {
    /// Whether an identity and whether an issuer (either form) is given.
    fn given(&self) -> (bool, bool) {
        (
            self.identity.is_some() || self.identity_regexp.is_some(),
            self.issuer.is_some() || self.issuer_regexp.is_some(),
        )
    }
}

/// The GitHub policy flags, in `gh attestation verify`'s spelling.
#[derive(Args, Debug)]
struct GitHubFlags {
    /// Owner of the repository that built it.
    #[arg(long, value_name = "OWNER")]
    owner: Option<String>,
    /// Repository that built it.
    #[arg(long, value_name = "OWNER/REPO")]
    repo: Option<String>,
    /// Workflow that signed it.
    #[arg(long, value_name = "OWNER/REPO/.github/workflows/FILE[@REF]")]
    signer_workflow: Option<String>,
    /// Repository whose workflow signed it.
    #[arg(long, value_name = "OWNER/REPO")]
    signer_repo: Option<String>,
    /// Git ref the build ran on.
    #[arg(long, value_name = "REF")]
    source_ref: Option<String>,
    /// Commit the build ran on.
    #[arg(long, value_name = "SHA")]
    source_digest: Option<String>,
    /// Commit of the signing workflow.
    #[arg(long, value_name = "SHA")]
    signer_digest: Option<String>,
    /// OIDC issuer (default: GitHub Actions' issuer, or the tenant's with --hostname).
    #[arg(long, value_name = "URL")]
    cert_oidc_issuer: Option<String>,
    /// GitHub Enterprise Cloud tenant with data residency.
    #[arg(long, value_name = "TENANT.ghe.com")]
    hostname: Option<String>,
    /// Require a GitHub-hosted runner.
    #[arg(
        long,
        value_name = "BOOL",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "true",
        default_value = "false",
        action = ArgAction::Set,
        value_parser = switch_value(),
        hide_default_value = true,
        hide_possible_values = true
    )]
    deny_self_hosted_runners: bool,
}

/// The trusted root: given, from TUF, staging or (by default) production.
#[derive(Args, Debug)]
struct RootFlags {
    /// The trusted root to verify against (default: the compiled-in production root).
    #[arg(long, value_name = "FILE", conflicts_with = "tuf")]
    trusted_root: Option<PathBuf>,
    /// Use Sigstore's staging instance (its trusted root or TUF anchor).
    #[arg(
        long,
        value_name = "BOOL",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "true",
        default_value = "false",
        action = ArgAction::Set,
        value_parser = switch_value(),
        hide_default_value = true,
        hide_possible_values = true
    )]
    staging: bool,
    /// The trusted root that this TUF repository's metadata yields (from the compiled-in
    /// anchor).
    #[arg(long, value_name = "DIR")]
    tuf: Option<PathBuf>,
    /// Verification time, Unix seconds (default: the system clock).
    #[arg(long, value_name = "UNIX", value_parser = unix)]
    now: Option<u64>,
}

/// `--format`.
#[derive(Args, Debug)]
struct OutputFlags {
    /// text, or one JSON document (sigverify-result/1) on stdout, verified or not.
    #[arg(long, value_name = "FORMAT", value_enum)]
    format: Option<Format>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

/// `verify-release`, in `gh release verify`'s spelling.
#[derive(Args, Debug)]
struct ReleaseCmd {
    /// The repository whose release it is.
    #[arg(long, value_name = "OWNER/REPO")]
    repo: String,
    /// The release's tag.
    #[arg(long, value_name = "TAG")]
    tag: String,
    /// The release attestation: a bundle, gh's JSON Lines, or the attestations API's document.
    #[arg(long, value_name = "FILE")]
    bundle: PathBuf,
    /// GitHub's trusted root: `gh attestation trusted-root` output (JSON Lines) or one root.
    #[arg(long, value_name = "FILE")]
    trusted_root: PathBuf,
    /// The tag's git ref digest (40 or 64 hex digits), which a subject must carry.
    #[arg(long, value_name = "HEX")]
    tag_digest: Option<String>,
    /// The trust domain (default: dotcom, github.com's).
    #[arg(long, value_name = "NAME")]
    trust_domain: Option<String>,
    /// Verification time, Unix seconds (default: the system clock).
    #[arg(long, value_name = "UNIX", value_parser = unix)]
    now: Option<u64>,
    #[command(flatten)]
    output: OutputFlags,
    /// Downloaded assets, each of which the release must attest by SHA-256 (or sha256:HEX).
    #[arg(value_name = "ASSET")]
    assets: Vec<PathBuf>,
}

/// `verify-npm`: the files `npm audit signatures` fetches, brought by the user.
#[derive(Args, Debug)]
struct NpmCmd {
    /// The registry's keys: the TUF target registry.npmjs.org/keys.json or /-/npm/v1/keys.
    #[arg(long, value_name = "FILE")]
    keys: PathBuf,
    /// The version document (registry.npmjs.org/NAME/VERSION) or the full packument.
    #[arg(long, value_name = "FILE")]
    packument: PathBuf,
    /// The version, when --packument is the full packument.
    #[arg(long, value_name = "VERSION")]
    package_version: Option<String>,
    /// The attestations document (registry.npmjs.org/-/npm/v1/attestations/NAME@VERSION).
    #[arg(long, value_name = "FILE")]
    attestations: Option<PathBuf>,
    #[command(flatten)]
    id: IdentityFlags,
    #[command(flatten)]
    github: GitHubFlags,
    #[command(flatten)]
    root: RootFlags,
    #[command(flatten)]
    output: OutputFlags,
    /// The package tarball (.tgz), hashed with SHA-512 against the version's integrity.
    #[arg(value_name = "TARBALL")]
    tarball: Option<PathBuf>,
}

/// The arguments of `verify-npm`.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct NpmArgs {
    pub(crate) keys: PathBuf,
    pub(crate) packument: PathBuf,
    pub(crate) package_version: Option<String>,
    pub(crate) attestations: Option<PathBuf>,
    pub(crate) tarball: Option<PathBuf>,
    /// The provenance policy: the identity flags or the GitHub flags, or neither (npm's).
    pub(crate) identity: Option<String>,
    pub(crate) identity_regexp: Option<String>,
    pub(crate) issuer: Option<String>,
    pub(crate) issuer_regexp: Option<String>,
    pub(crate) github: Option<sigverify::GitHubPolicy>,
    /// `--trusted-root`, `--staging`, `--tuf`, `--now`, `--format json`, as a `VerifyArgs`.
    pub(crate) root: VerifyArgs,
}

/// The arguments of `verify-release`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct ReleaseArgs {
    pub(crate) repo: String,
    pub(crate) tag: String,
    pub(crate) bundle: PathBuf,
    pub(crate) trusted_root: PathBuf,
    pub(crate) tag_digest: Option<String>,
    pub(crate) trust_domain: Option<String>,
    pub(crate) now: Option<UnixTime>,
    pub(crate) json: bool,
    pub(crate) assets: Vec<PathBuf>,
}

/// `verify-pypi`, in `pypi-attestations verify pypi`'s spelling.
#[derive(Args, Debug)]
#[command(group(
    clap::ArgGroup::new("publisher")
        .required(true)
        .multiple(true)
        .args(["repository", "gcp_service_account", "circleci_project_id"])
))]
struct PypiCmd {
    /// The provenance PyPI serves for the distribution.
    #[arg(long, value_name = "FILE")]
    provenance: PathBuf,
    /// The Trusted Publisher's repository, https://github.com/OWNER/REPO or
    /// https://gitlab.com/NAMESPACE/PROJECT.
    #[arg(long, value_name = "URL", value_parser = repository_url)]
    repository: Option<String>,
    /// The Trusted Publisher's Google Cloud service account.
    #[arg(long, value_name = "EMAIL")]
    gcp_service_account: Option<String>,
    /// The Trusted Publisher's CircleCI project.
    #[arg(long, value_name = "ID", requires = "circleci_pipeline_definition_id")]
    circleci_project_id: Option<String>,
    /// The Trusted Publisher's CircleCI pipeline definition.
    #[arg(long, value_name = "ID", requires = "circleci_project_id")]
    circleci_pipeline_definition_id: Option<String>,
    #[command(flatten)]
    root: RootFlags,
    #[command(flatten)]
    output: OutputFlags,
    /// The sdist or wheel file.
    #[arg(value_name = "DISTRIBUTION")]
    input: String,
}

/// `trusted-root update`.
#[derive(Args, Debug)]
struct TufCmd {
    /// The TUF repository's files.
    #[arg(long, value_name = "DIR")]
    metadata: PathBuf,
    /// Where the verified trusted_root.json goes.
    #[arg(long, value_name = "trusted_root.json")]
    out: PathBuf,
    /// Your own TUF root to start from, instead of the compiled-in one.
    #[arg(long, value_name = "ROOT.json")]
    anchor: Option<PathBuf>,
    /// Rollback floors, read when the file exists and rewritten after an update.
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,
    /// Start from the compiled-in staging TUF root.
    #[arg(
        long,
        value_name = "BOOL",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "true",
        default_value = "false",
        action = ArgAction::Set,
        value_parser = switch_value(),
        hide_default_value = true,
        hide_possible_values = true
    )]
    staging: bool,
    /// Verification time, Unix seconds (default: the system clock).
    #[arg(long, value_name = "UNIX", value_parser = unix)]
    now: Option<u64>,
}

/// The values a switch takes after `=`, as Go's `strconv.ParseBool` (so gh and cosign) reads
/// them; `true` and `false` are the ones shown.
const TRUE: [&str; 6] = ["true", "1", "t", "T", "TRUE", "True"];
const FALSE: [&str; 6] = ["false", "0", "f", "F", "FALSE", "False"];

/// A switch's value: `--flag` alone is `true`, `--flag=V` is V read as gh reads it, and
/// anything else is a usage error listing `true` and `false`.
fn switch_value() -> impl TypedValueParser<Value = bool> {
    let shown = ["true", "false"];
    let values = TRUE
        .into_iter()
        .chain(FALSE)
        .map(|v| PossibleValue::new(v).hide(!shown.contains(&v)));
    PossibleValuesParser::new(values).map(|v| TRUE.contains(&v.as_str()))
}

fn unix(v: &str) -> Result<u64, String> {
    v.parse()
        .map_err(|_| String::from("takes Unix seconds (a whole number)"))
}

/// A time as RFC 3339 (`2025-01-29T00:00:00.000Z`, as npm's keys.json writes `expires`) or
/// Unix seconds.
fn time_value(v: &str) -> Result<u64, String> {
    v.parse()
        .ok()
        .or_else(|| UnixTime::from_rfc3339(v).map(UnixTime::seconds))
        .ok_or_else(|| String::from("takes an RFC 3339 time or Unix seconds"))
}

fn prefixed_digest(v: &str) -> Result<String, String> {
    match sigverify::Digest::parse_prefixed(v) {
        Some(_) => Ok(v.to_owned()),
        None => Err("takes sha256:HEX, sha384:HEX or sha512:HEX".into()),
    }
}

fn repository_url(v: &str) -> Result<String, String> {
    match sigverify::pypi::Expected::default().with_repository(v) {
        Ok(_) => Ok(v.to_owned()),
        Err(_) => Err(
            "takes https://github.com/OWNER/REPO or https://gitlab.com/NAMESPACE/PROJECT".into(),
        ),
    }
}

/// The clap command: for parsing, completions and the manual page.
pub(crate) fn command() -> clap::Command {
    Cli::command()
}

/// Reads the arguments (without the program name). An `Err` is printed as it is and exits with
/// its own code: 0 for `--help` and `--version`, 2 for a usage error.
pub(crate) fn parse(argv: &[String]) -> Result<Command, clap::Error> {
    let program = String::from("sigverify");
    let matches = command().try_get_matches_from(std::iter::once(&program).chain(argv.iter()))?;
    let cli = Cli::from_arg_matches(&matches)?;
    Ok(match cli.command {
        None => Command::Help,
        Some(Sub::VerifyBundle(c)) => {
            let a = verify_args(c.policy, c.input, false)?;
            Command::Verify(a)
        }
        Some(Sub::VerifyAttestation(c)) => {
            let mut a = verify_args(c.policy, c.input.or(c.digest).unwrap_or_default(), true)?;
            a.predicate_type = c.predicate_type;
            if let (Some(vendor), Some(class)) = (&c.firmware_vendor, &c.firmware_class) {
                let policy = sigverify::FirmwarePolicy::new(vendor, class).map_err(|_| {
                    usage_error(
                        &["verify-attestation"],
                        ErrorKind::ValueValidation,
                        "--firmware-vendor and --firmware-class must be UUIDs (8-4-4-4-12 hex digits)",
                    )
                })?;
                a.firmware = Some(FirmwareDevice {
                    policy: policy.with_hardware_revision(c.hardware_revision.unwrap_or(0)),
                    installed: c.installed_security_version,
                });
            }
            Command::Attest(a)
        }
        Some(Sub::VerifyPypi(c)) => Command::Pypi(pypi_args(c)?),
        Some(Sub::VerifyNpm(c)) => Command::Npm(npm_args(c)?),
        Some(Sub::VerifyRelease(c)) => Command::Release(Box::new(ReleaseArgs {
            repo: c.repo,
            tag: c.tag,
            bundle: c.bundle,
            trusted_root: c.trusted_root,
            tag_digest: c.tag_digest,
            trust_domain: c.trust_domain,
            now: c.now.map(UnixTime),
            json: c.output.format == Some(Format::Json),
            assets: c.assets,
        })),
        Some(Sub::TrustedRoot {
            command: TrustedRootSub::Update(c),
        }) => Command::TrustedRootUpdate(tuf_args(c)?),
        Some(Sub::Completions { shell }) => Command::Completions(shell),
        Some(Sub::Man) => Command::Man,
    })
}

/// A usage error found after clap's own checks, shown with the command's usage as clap's are.
fn usage_error(path: &[&str], kind: ErrorKind, msg: &str) -> clap::Error {
    let mut cmd = command();
    cmd.build();
    for name in path {
        match cmd.find_subcommand(name) {
            Some(sub) => cmd = sub.clone(),
            None => break,
        }
    }
    cmd.error(kind, msg)
}

/// `verify-bundle` and `verify-attestation`: which policy the flags give. Either the identity
/// and the issuer (each exactly or as a pattern), or `--key`, or the GitHub policy flags;
/// a switch given `=false` counts as not given.
fn verify_args(
    p: PolicyFlags,
    input: String,
    attestation: bool,
) -> Result<Box<VerifyArgs>, clap::Error> {
    let path: &[&str] = if attestation {
        &["verify-attestation"]
    } else {
        &["verify-bundle"]
    };
    let github = github_policy(p.github);
    let (identity, issuer) = p.id.given();
    let conflict = |msg: &str| usage_error(path, ErrorKind::ArgumentConflict, msg);
    match (&p.key, identity, issuer) {
        _ if github.is_some() => {
            if p.key.is_some() || identity || issuer {
                return Err(conflict(
                    "the GitHub policy flags replace --key and the identity flags",
                ));
            }
        }
        (Some(_), false, false) | (None, true, true) => {}
        (Some(_), _, _) => {
            return Err(conflict(
                "--key cannot be combined with --certificate-identity/--certificate-oidc-issuer",
            ));
        }
        _ => {
            return Err(usage_error(
                path,
                ErrorKind::MissingRequiredArgument,
                "give --certificate-identity and --certificate-oidc-issuer (or their -regexp forms), or --key",
            ));
        }
    }
    Ok(Box::new(VerifyArgs {
        bundle: p.bundle,
        identity: p.id.identity,
        issuer: p.id.issuer,
        key: p.key,
        trusted_root: p.root.trusted_root,
        staging: p.root.staging,
        now: p.root.now.map(UnixTime),
        input,
        identity_regexp: p.id.identity_regexp,
        issuer_regexp: p.id.issuer_regexp,
        tlog_threshold: p.tlog_threshold,
        timestamp_threshold: p.timestamp_threshold,
        sct_threshold: p.sct_threshold,
        time_threshold: p.time_threshold,
        key_not_before: p.key_not_before.map(UnixTime),
        key_not_after: p.key_not_after.map(UnixTime),
        github_private: p.instance.is_some(),
        github,
        tuf: p.root.tuf,
        json: p.output.format == Some(Format::Json),
        attestation,
        predicate_type: None,
        firmware: None,
        pypi: None,
        logs: p.logs.into(),
    }))
}

/// The GitHub policy, when any of its flags is given (`--deny-self-hosted-runners=false` is
/// the default, so not one).
fn github_policy(g: GitHubFlags) -> Option<sigverify::GitHubPolicy> {
    let policy = sigverify::GitHubPolicy {
        host: g.hostname,
        owner: g.owner,
        repo: g.repo,
        signer_workflow: g.signer_workflow,
        signer_repo: g.signer_repo,
        source_ref: g.source_ref,
        source_digest: g.source_digest,
        signer_digest: g.signer_digest,
        issuer: g.cert_oidc_issuer,
        deny_self_hosted_runners: g.deny_self_hosted_runners,
    };
    (policy != sigverify::GitHubPolicy::default()).then_some(policy)
}

/// `verify-npm`: the provenance policy is the identity pair, the GitHub flags, or neither (npm
/// names no identity); the GitHub flags replace the identity flags.
fn npm_args(c: NpmCmd) -> Result<Box<NpmArgs>, clap::Error> {
    let github = github_policy(c.github);
    let (identity, issuer) = c.id.given();
    let path: &[&str] = &["verify-npm"];
    if github.is_some() && (identity || issuer) {
        return Err(usage_error(
            path,
            ErrorKind::ArgumentConflict,
            "the GitHub policy flags replace the identity flags",
        ));
    }
    if identity != issuer {
        return Err(usage_error(
            path,
            ErrorKind::MissingRequiredArgument,
            "give both --certificate-identity and --certificate-oidc-issuer (or their -regexp forms), or neither",
        ));
    }
    Ok(Box::new(NpmArgs {
        keys: c.keys,
        packument: c.packument,
        package_version: c.package_version,
        attestations: c.attestations,
        tarball: c.tarball,
        identity: c.id.identity,
        identity_regexp: c.id.identity_regexp,
        issuer: c.id.issuer,
        issuer_regexp: c.id.issuer_regexp,
        github,
        root: VerifyArgs {
            trusted_root: c.root.trusted_root,
            staging: c.root.staging,
            now: c.root.now.map(UnixTime),
            tuf: c.root.tuf,
            json: c.output.format == Some(Format::Json),
            ..VerifyArgs::default()
        },
    }))
}

/// `verify-pypi`: the publisher the provenance must name (clap checked that one is given, the
/// CircleCI pair complete and the repository URL well-formed).
fn pypi_args(c: PypiCmd) -> Result<Box<VerifyArgs>, clap::Error> {
    let mut expected = sigverify::pypi::Expected::default();
    if let Some(url) = &c.repository {
        expected = expected.with_repository(url).map_err(|_| {
            usage_error(
                &["verify-pypi"],
                ErrorKind::InvalidValue,
                "--repository takes https://github.com/OWNER/REPO or https://gitlab.com/NAMESPACE/PROJECT",
            )
        })?;
    }
    if let Some(email) = &c.gcp_service_account {
        expected = expected.with_gcp_service_account(email);
    }
    if let (Some(project), Some(pipeline)) =
        (&c.circleci_project_id, &c.circleci_pipeline_definition_id)
    {
        expected = expected.with_circleci(project, pipeline);
    }
    Ok(Box::new(VerifyArgs {
        bundle: c.provenance,
        trusted_root: c.root.trusted_root,
        staging: c.root.staging,
        now: c.root.now.map(UnixTime),
        tuf: c.root.tuf,
        input: c.input,
        json: c.output.format == Some(Format::Json),
        attestation: true,
        pypi: Some(expected),
        ..VerifyArgs::default()
    }))
}

/// `trusted-root update`: the staging anchor or your own, not both (`--staging=false` is
/// neither).
fn tuf_args(c: TufCmd) -> Result<TufArgs, clap::Error> {
    if c.staging && c.anchor.is_some() {
        return Err(usage_error(
            &["trusted-root", "update"],
            ErrorKind::ArgumentConflict,
            "give --staging or --anchor, not both",
        ));
    }
    Ok(TufArgs {
        metadata: c.metadata,
        staging: c.staging,
        anchor: c.anchor,
        state: c.state,
        now: c.now.map(UnixTime),
        out: c.out,
    })
}

/// `completions SHELL`: the completion script, generated from the same definitions as the
/// parser, so it cannot miss a flag.
pub(crate) fn completions(shell: Shell, out: &mut dyn Write) -> std::io::Result<()> {
    // Generated whole first: clap_complete panics on a failed write (a closed pipe).
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command(), "sigverify", &mut script);
    out.write_all(&script)
}

/// `man`: sigverify(1), one page: the name and description, the usage lines of the help as
/// the synopsis, the commands, each command's options as clap_mangen renders them (under a
/// heading naming the command), then the help text verbatim (its examples keep their lines).
pub(crate) fn man(out: &mut dyn Write) -> std::io::Result<()> {
    let mut root = command().disable_help_subcommand(true);
    root.build();
    let page = clap_mangen::Man::new(root.clone());
    page.render_title(out)?;
    page.render_name_section(out)?;
    writeln!(out, ".SH SYNOPSIS\n.nf")?;
    let synopsis = USAGE.lines().skip(1).take_while(|l| !l.is_empty());
    for line in synopsis {
        writeln!(
            out,
            "{}",
            roff_line(line.strip_prefix("  ").unwrap_or(line))
        )?;
    }
    writeln!(out, ".fi")?;
    page.render_description_section(out)?;
    let mut commands: Vec<(String, clap::Command)> = Vec::new();
    for sub in root.get_subcommands() {
        if sub.has_subcommands() {
            for leaf in sub.get_subcommands() {
                let name = format!("{} {}", sub.get_name(), leaf.get_name());
                commands.push((name, leaf.clone()));
            }
        } else {
            commands.push((sub.get_name().to_owned(), sub.clone()));
        }
    }
    writeln!(out, ".SH COMMANDS")?;
    for (name, cmd) in &commands {
        let about = cmd.get_about().map(ToString::to_string).unwrap_or_default();
        writeln!(out, ".TP\n\\fBsigverify {name}\\fR\n{}", roff_line(&about))?;
    }
    for (name, cmd) in commands {
        if cmd.get_arguments().all(|a| a.get_id() == "help") {
            continue;
        }
        let mut options = Vec::new();
        clap_mangen::Man::new(cmd).render_options_section(&mut options)?;
        let options = String::from_utf8_lossy(&options);
        // Each command's options get a heading of their own instead of `.SH OPTIONS`.
        let body = options
            .split_once(".SH OPTIONS\n")
            .map_or(options.as_ref(), |(_, rest)| rest);
        writeln!(out, ".SH \"{} OPTIONS\"", name.to_uppercase())?;
        out.write_all(body.as_bytes())?;
    }
    writeln!(out, ".SH DETAILS\n.nf")?;
    for line in USAGE.lines() {
        writeln!(out, "{}", roff_line(line))?;
    }
    writeln!(out, ".fi\n.SH VERSION\nv{}", env!("CARGO_PKG_VERSION"))
}

/// One line of text for roff: backslashes escaped, `-` a minus sign (so that a flag copied
/// from the page is typed as written), and a leading `.` or `'` kept from being read as a
/// request.
fn roff_line(line: &str) -> String {
    let escaped = line.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
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
        let help = parse(&argv("verify-attestation --help")).unwrap_err();
        assert_eq!(help.kind(), ErrorKind::DisplayHelp);
        assert_eq!(help.exit_code(), 0);
        assert_eq!(help.to_string(), USAGE);
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
    fn parses_the_log_flags() {
        let a = verify(
            "verify-bundle --bundle b --key k --witness-policy w --tlog-proof p1 --tlog-proof=p2 --log-state s --consistency-proof c1 --consistency-proof c2 a",
        );
        assert_eq!(
            a.logs,
            LogArgs {
                witness_policy: Some(PathBuf::from("w")),
                tlog_proofs: vec![PathBuf::from("p1"), PathBuf::from("p2")],
                log_state: Some(PathBuf::from("s")),
                consistency_proofs: vec![PathBuf::from("c1"), PathBuf::from("c2")],
            }
        );
        let c = parse(&argv(
            "verify-attestation --bundle b --key k --witness-policy w --log-state s",
        ))
        .unwrap();
        let Command::Attest(a) = c else {
            panic!("{c:?}")
        };
        assert_eq!(a.logs.witness_policy, Some(PathBuf::from("w")));
        assert_eq!(a.logs.log_state, Some(PathBuf::from("s")));
        assert_eq!(
            verify("verify-bundle --bundle b --key k a").logs,
            LogArgs::default()
        );
        let (code, msg) = usage_error("verify-bundle --bundle b --key k --consistency-proof c a");
        assert_eq!(code, 2);
        assert!(msg.contains("--log-state <FILE>"), "{msg}");
        // Not a flag of the commands that verify several bundles their own way.
        for bad in [
            "verify-pypi --provenance p --repository https://github.com/o/r --log-state s d.whl",
            "verify-npm --keys k --packument p --witness-policy w",
        ] {
            assert!(parse(&argv(bad)).is_err(), "{bad}");
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
        assert_eq!(parse(&[]).unwrap(), Command::Help);
        let version = parse(&argv("--version")).unwrap_err();
        assert_eq!(version.kind(), ErrorKind::DisplayVersion);
        assert_eq!(version.to_string(), "sigverify 0.1.0\n");
    }

    /// The exit status and message of a usage error.
    fn usage_error(s: &str) -> (i32, String) {
        let e = parse(&argv(s)).unwrap_err();
        (e.exit_code(), e.to_string())
    }

    fn verify(s: &str) -> Box<VerifyArgs> {
        match parse(&argv(s)) {
            Ok(Command::Verify(a)) => a,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn switches_take_true_or_false_as_gh_does() {
        assert!(verify("verify-bundle --bundle b --key k --staging a").staging);
        for on in ["true", "1", "t", "T", "TRUE", "True"] {
            let a = verify(&format!(
                "verify-bundle --bundle b --key k --staging={on} a"
            ));
            assert!(a.staging, "{on}");
        }
        for off in ["false", "0", "f", "F", "FALSE", "False"] {
            let a = verify(&format!(
                "verify-bundle --bundle b --key k --staging={off} a"
            ));
            assert!(!a.staging, "{off}");
        }
        let (code, _) = usage_error("verify-bundle --bundle b --key k --staging= a");
        assert_eq!(code, 2);
        for bad in ["bogus", "yes", "tRuE", "2"] {
            let (code, msg) = usage_error(&format!(
                "verify-bundle --bundle b --key k --staging={bad} a"
            ));
            assert_eq!(code, 2, "{bad}");
            assert!(
                msg.contains(&format!("invalid value '{bad}' for '--staging")),
                "{msg}"
            );
            assert!(msg.contains("[possible values: true, false]"), "{msg}");
        }
        // A switch takes its value after `=` only: `false` here is FILE_OR_DIGEST.
        let a = verify("verify-bundle --bundle b --key k --staging false");
        assert!(a.staging);
        assert_eq!(a.input, "false");
        let c = parse(&argv(
            "trusted-root update --metadata d --out r.json --staging=false --anchor a.json",
        ))
        .unwrap();
        let Command::TrustedRootUpdate(t) = c else {
            panic!("{c:?}")
        };
        assert!(!t.staging);
        assert_eq!(t.anchor, Some(PathBuf::from("a.json")));
        let Ok(Command::Pypi(p)) = parse(&argv(
            "verify-pypi --provenance p --repository https://github.com/o/r --staging=1 d.whl",
        )) else {
            panic!("verify-pypi --staging=1")
        };
        assert!(p.staging);
    }

    #[test]
    fn deny_self_hosted_runners_false_leaves_the_check_off() {
        let a = verify("verify-bundle --bundle b --repo o/r --deny-self-hosted-runners=false a");
        let g = a.github.unwrap();
        assert!(!g.deny_self_hosted_runners);
        assert_eq!(g.repo.as_deref(), Some("o/r"));
        let a = verify("verify-bundle --bundle b --repo o/r --deny-self-hosted-runners=true a");
        assert!(a.github.unwrap().deny_self_hosted_runners);
        // Off is the default, not a GitHub policy flag: it does not displace --key.
        let a = verify("verify-bundle --bundle b --key k --deny-self-hosted-runners=false a");
        assert_eq!(a.github, None);
        assert_eq!(a.key, Some(PathBuf::from("k")));
        let (code, msg) =
            usage_error("verify-bundle --bundle b --key k --deny-self-hosted-runners a");
        assert_eq!(code, 2);
        assert!(
            msg.contains("the GitHub policy flags replace --key"),
            "{msg}"
        );
        let (code, _) =
            usage_error("verify-bundle --bundle b --repo o/r --deny-self-hosted-runners=no a");
        assert_eq!(code, 2);
    }

    #[test]
    fn double_dash_ends_the_options() {
        // A flag given twice keeps its last value, as the old parser and pflag do.
        let a = verify("verify-bundle --bundle a --bundle b --key k --staging --staging=false x");
        assert_eq!((a.bundle, a.staging), (PathBuf::from("b"), false));
        let a = verify("verify-bundle --bundle b --key k -- --weird");
        assert_eq!(a.input, "--weird");
        assert_eq!(a.key, Some(PathBuf::from("k")));
        let a = verify(
            "verify-bundle --bundle=-b --certificate-identity-regexp=-x --certificate-oidc-issuer i -- -",
        );
        assert_eq!(a.bundle, PathBuf::from("-b"));
        assert_eq!(a.identity_regexp.as_deref(), Some("-x"));
        assert_eq!(a.input, "-");
        let (code, msg) = usage_error("verify-bundle --bundle b --key k -- a --staging");
        assert_eq!(code, 2);
        assert!(msg.contains("unexpected argument '--staging'"), "{msg}");
        let (code, msg) = usage_error("verify-bundle --bundle b --key k --weird");
        assert_eq!(code, 2);
        assert!(msg.contains("'-- --weird'"), "{msg}");
    }

    #[test]
    fn misspelt_flags_and_commands_get_a_suggestion() {
        let (code, msg) = usage_error("verify-bundle --bundle b --key k --stagin a");
        assert_eq!(code, 2);
        assert!(
            msg.contains("a similar argument exists: '--staging'"),
            "{msg}"
        );
        let (code, msg) = usage_error(
            "verify-bundle --bundle b --certificate-identiy id --certificate-oidc-issuer i a",
        );
        assert_eq!(code, 2);
        assert!(msg.contains("'--certificate-identity'"), "{msg}");
        let (code, msg) = usage_error("verify-bundel --bundle b --key k a");
        assert_eq!(code, 2);
        assert!(msg.contains("'verify-bundle'"), "{msg}");
    }

    #[test]
    fn validation_messages_name_the_rule() {
        for (bad, says) in [
            (
                "verify-bundle --bundle b --certificate-identity id a",
                "give --certificate-identity and --certificate-oidc-issuer",
            ),
            (
                "verify-bundle --bundle b --key k --certificate-oidc-issuer i a",
                "--key cannot be combined",
            ),
            (
                "verify-bundle --bundle b --owner o --certificate-identity id --certificate-oidc-issuer i a",
                "the GitHub policy flags replace",
            ),
            (
                "verify-bundle --bundle b --key k --tuf d --trusted-root r a",
                "cannot be used with",
            ),
            (
                "trusted-root update --metadata d --out r --staging --anchor a",
                "give --staging or --anchor, not both",
            ),
            (
                "verify-pypi --provenance p d.whl",
                "--repository <URL>|--gcp-service-account <EMAIL>|--circleci-project-id <ID>",
            ),
            (
                "verify-pypi --provenance p --circleci-pipeline-definition-id y d.whl",
                "--circleci-project-id <ID>",
            ),
            (
                "verify-pypi --provenance p --repository http://github.com/o/r d.whl",
                "https://github.com/OWNER/REPO",
            ),
            (
                "verify-bundle --bundle b --key k --now soon a",
                "takes Unix seconds",
            ),
            (
                "verify-bundle --bundle b --key k --tlog-threshold many a",
                "'--tlog-threshold <N>'",
            ),
            (
                "verify-bundle --bundle b --key k --instance github-public a",
                "[possible values: github-private]",
            ),
            (
                "verify-bundle --bundle b --key k --format yaml a",
                "[possible values: text, json]",
            ),
            (
                "verify-attestation --bundle b --key k --digest sha256:00",
                "sha256:HEX, sha384:HEX or sha512:HEX",
            ),
        ] {
            let (code, msg) = usage_error(bad);
            assert_eq!(code, 2, "{bad}");
            assert!(msg.contains(says), "{bad}: {msg}");
        }
    }

    #[test]
    fn completions_and_the_manual_page_come_from_the_parser() {
        assert_eq!(
            parse(&argv("completions bash")).unwrap(),
            Command::Completions(Shell::Bash)
        );
        assert!(parse(&argv("completions tcsh")).is_err());
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ] {
            let mut script = Vec::new();
            completions(shell, &mut script).unwrap();
            let script = String::from_utf8(script).unwrap();
            for word in [
                "verify-bundle",
                "trusted-root",
                "certificate-oidc-issuer",
                "staging",
            ] {
                assert!(script.contains(word), "{shell:?} lacks {word}");
            }
        }
        assert_eq!(parse(&argv("man")).unwrap(), Command::Man);
        let mut page = Vec::new();
        man(&mut page).unwrap();
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains(".TH sigverify 1"), "{page}");
        for heading in [
            "VERIFY-BUNDLE OPTIONS",
            "VERIFY-ATTESTATION OPTIONS",
            "VERIFY-PYPI OPTIONS",
            "TRUSTED-ROOT UPDATE OPTIONS",
            "DETAILS",
        ] {
            assert!(
                page.contains(&format!(".SH \"{heading}\""))
                    || page.contains(&format!(".SH {heading}\n")),
                "{heading}"
            );
        }
        assert!(
            page.contains("\\fB\\-\\-deny\\-self\\-hosted\\-runners\\fR[=\\fI<BOOL>\\fR]"),
            "{page}"
        );
        // The help's examples keep their backslashes and lines.
        assert!(
            page.contains("app.tar.gz.sigstore.json \\-\\-repo octo/app \\e\n"),
            "{page}"
        );
    }
}
