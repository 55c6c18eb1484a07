//! What this device trusts, fixed when the firmware is built: the signers whose releases it
//! installs. A package names the slot it claims; the verifier then requires exactly that
//! signer, so a package can only pick among identities the device already trusts.
//!
//! The three signers are real public-good releases kept in `conformance/examples/` (with their
//! artifacts, which stand in for firmware images): a GitHub Actions release workflow (Rekor
//! v1), a Google service account (Rekor v2, DSSE), and a managed key (npm's publish key).

/// One trusted signer.
pub enum Signer {
    /// A Fulcio certificate for this identity from this OIDC issuer.
    Identity {
        identity: &'static str,
        issuer: &'static str,
    },
    /// A managed key, PEM `SubjectPublicKeyInfo`.
    Key { pem: &'static str },
}

/// The device's trusted signers, by slot.
pub const SIGNERS: &[Signer] = &[
    Signer::Identity {
        identity: "https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main",
        issuer: "https://token.actions.githubusercontent.com",
    },
    Signer::Identity {
        identity: "untrusted-sa@sigstore-conformance.iam.gserviceaccount.com",
        issuer: "https://accounts.google.com",
    },
    Signer::Key {
        pem: include_str!(
            "../../../conformance/examples/go-npm-sigstore-1.3.0-publish-key/key.pub"
        ),
    },
];

/// Where run.sh stages the update package: the upper half of the code SSRAM, outside the
/// firmware's own FLASH region (memory.x).
pub const PACKAGE_SLOT: usize = 0x0020_0000;

/// The staging slot's size.
pub const PACKAGE_SLOT_BYTES: usize = 0x0010_0000;
