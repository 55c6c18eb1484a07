//! What this device is and trusts, fixed when the firmware is built: its vendor and class (the
//! identifiers a firmware statement must name), its hardware revision, and the signers whose
//! releases it takes. A package names the slot it claims; the verifier then requires exactly
//! that signer, so a package can only pick among signers the device already trusts.
//!
//! Slots 3 and 4 are the product's: images signed by the product key as the subject of a
//! firmware statement (`sigverify::firmware`), installed only when newer than the device's
//! anti-rollback counter. Slot 3 takes them without a transparency log (the product signs
//! offline, the MCUboot model: its key's validity window is checked at the device's time);
//! slot 4 is the same key configured to require a log entry, so a key-only package is refused
//! there. The key and images are the virtual Sigstore's (`conformance/firmware-vectors/`).
//!
//! Slots 0 to 2 are measurement stand-ins: real public-good releases kept in
//! `conformance/examples/` (a GitHub Actions workflow on Rekor v1, a Google service account on
//! Rekor v2, npm's managed key). They carry no firmware statement, so they are verified and
//! handed over from the staging slot, never installed and never judged for rollback; a
//! product's updater would not have such slots.

/// The device's vendor (SUIT vendor identifier), as the firmware vectors name it.
pub const VENDOR: &str = "0a8a4f43-3bd2-5c55-8f1e-6e1a4c0c9b11";

/// The device's class (SUIT class identifier).
pub const CLASS: &str = "5b0f3b8e-91c4-5d7e-a2f6-3c9d8e7f6a51";

/// The device's hardware revision, compared with an image's `minHardwareRevision`.
pub const HARDWARE_REVISION: u32 = 2;

/// The product key's validity window (Unix seconds), as the product's key policy states it.
pub const PRODUCT_KEY_NOT_BEFORE: u64 = 1_746_187_200;
pub const PRODUCT_KEY_NOT_AFTER: u64 = 1_843_387_200;

/// One trusted signer.
pub enum Signer {
    /// A Fulcio certificate for this identity from this OIDC issuer (a stand-in slot).
    Identity {
        identity: &'static str,
        issuer: &'static str,
    },
    /// A managed key, PEM `SubjectPublicKeyInfo` (a stand-in slot: a log entry required).
    Key { pem: &'static str },
    /// The product key: images come with a firmware statement and install under
    /// anti-rollback; `without_log` says whether a package with no log entry and no timestamp
    /// is accepted (the key's window is then checked at the device's time).
    Product {
        pem: &'static str,
        without_log: bool,
    },
}

const PRODUCT_KEY: &str = include_str!("../../../conformance/firmware-vectors/product-key.pub");

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
    Signer::Product {
        pem: PRODUCT_KEY,
        without_log: true,
    },
    Signer::Product {
        pem: PRODUCT_KEY,
        without_log: false,
    },
];
