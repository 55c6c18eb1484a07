//! The firmware statement: what an updater needs to know about a signed image besides who
//! signed it. Which devices it is for, and whether it is newer than what they run.
//!
//! A firmware image is signed as the subject of an in-toto statement (a DSSE envelope in the
//! bundle) whose predicate type is [`FIRMWARE_PREDICATE_TYPE`]:
//!
//! ```json
//! { "_type": "https://in-toto.io/Statement/v1",
//!   "subject": [{ "name": "app.bin", "digest": { "sha256": "…" } }],
//!   "predicateType": "https://github.com/sigverify/sigverify/firmware/v1",
//!   "predicate": {
//!     "securityVersion": 3,
//!     "vendor": "3f5e4a4c-6f1b-5b8e-9d1c-0a7e2b6c8d10",
//!     "class": "0d8c1b2a-3e4f-5a6b-8c7d-9e0f1a2b3c4d",
//!     "minHardwareRevision": 2,
//!     "version": "1.4.0" } }
//! ```
//!
//! The identifiers follow SUIT (RFC 9124): `vendor` and `class` are UUIDs (canonical text, any
//! case), usually UUIDv5 of the vendor's domain and of the vendor and model. `securityVersion`
//! is a monotonic integer (0 to 2^32 - 1) as MCUboot's security counter and SUIT's sequence
//! number are: an image installs only when it is greater than the device's counter, so the
//! same image again, or any older one, is refused. `minHardwareRevision` (optional) is the
//! lowest hardware or bootloader revision the image runs on; `version` (optional) is the
//! human-readable release name, reported and never judged. Other predicate members are
//! ignored, so later versions can add to it.
//!
//! The verifier has already matched the image's digest against the statement's subjects; this
//! module judges the predicate. Applicability (vendor, class, hardware) is checked before the
//! version, so a device names the more fundamental mismatch.

use alloc::string::String;

use crate::Error;
use crate::Statement;
use crate::Verified;
use crate::json::borrowed::Json;

/// The in-toto predicate type of a firmware statement.
pub const FIRMWARE_PREDICATE_TYPE: &str = "https://github.com/sigverify/sigverify/firmware/v1";

/// The predicate of a verified firmware statement.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FirmwareStatement {
    /// `securityVersion`: the monotonic version an anti-rollback counter is compared with.
    pub security_version: u32,
    /// `vendor`: the vendor's UUID, lowercased.
    pub vendor: String,
    /// `class`: the device class's UUID, lowercased.
    pub class: String,
    /// `minHardwareRevision`: the lowest device revision the image runs on, when stated.
    pub min_hardware_revision: Option<u32>,
    /// `version`: the release's name for people, when stated (never judged).
    pub version: Option<String>,
}

impl FirmwareStatement {
    /// Reads the firmware statement of a verified bundle: `DSSE_ENVELOPE_MISSING` for a
    /// message signature, `DSSE_PREDICATE_TYPE_MISMATCH` for another predicate type, and
    /// `FIRMWARE_STATEMENT_INVALID` naming the predicate member that is missing or malformed.
    pub fn from_verified(verified: &Verified) -> Result<Self, Error> {
        Self::from_statement(verified.attestation()?)
    }

    /// Reads the firmware statement from a verified DSSE payload (see [`Self::from_verified`]).
    pub fn from_statement(statement: &Statement) -> Result<Self, Error> {
        // The statement's shape as the verifier reads it, with the predicate kept, in one pass
        // (not `Statement::in_toto`, whose subject map would cost a firmware several KB of
        // flash for nothing here).
        if statement.payload_type != crate::intoto::PAYLOAD_TYPE {
            return Err(Error::DssePayloadTypeUnsupported);
        }
        let tree = crate::intoto::statement_tree_with_predicate(&statement.payload)?;
        let found = tree
            .get("predicateType")
            .and_then(Json::as_str)
            .unwrap_or("");
        if found != FIRMWARE_PREDICATE_TYPE {
            return Err(Error::DssePredicateTypeMismatch {
                found: found.into(),
            });
        }
        let predicate = tree
            .get("predicate")
            .filter(|p| p.as_object().is_some())
            .ok_or(Error::FirmwareStatementInvalid { field: "predicate" })?;
        let invalid = |field| Error::FirmwareStatementInvalid { field };
        let uuid_of = |field| {
            predicate
                .get(field)
                .and_then(Json::as_str)
                .and_then(uuid)
                .ok_or(invalid(field))
        };
        let min_hardware_revision = match predicate.get("minHardwareRevision") {
            None => None,
            Some(v) => Some(counter(v).ok_or(invalid("minHardwareRevision"))?),
        };
        let version = match predicate.get("version") {
            None => None,
            Some(v) => Some(
                v.as_str()
                    .filter(|s| s.len() <= MAX_VERSION_BYTES)
                    .map(String::from)
                    .ok_or(invalid("version"))?,
            ),
        };
        Ok(Self {
            security_version: predicate
                .get("securityVersion")
                .and_then(counter)
                .ok_or(invalid("securityVersion"))?,
            vendor: uuid_of("vendor")?,
            class: uuid_of("class")?,
            min_hardware_revision,
            version,
        })
    }
}

/// The longest `version` name accepted: a release name, not a document.
const MAX_VERSION_BYTES: usize = 256;

/// What a device is, and what it runs: the judge of a [`FirmwareStatement`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FirmwarePolicy {
    vendor: String,
    class: String,
    hardware_revision: u32,
}

impl FirmwarePolicy {
    /// A device of this vendor and class (UUIDs, canonical text in any case; anything else is
    /// `FIRMWARE_POLICY_INVALID`), at hardware revision 0 until
    /// [`Self::with_hardware_revision`] says otherwise.
    pub fn new(vendor: &str, class: &str) -> Result<Self, Error> {
        match (uuid(vendor), uuid(class)) {
            (Some(vendor), Some(class)) => Ok(Self {
                vendor,
                class,
                hardware_revision: 0,
            }),
            _ => Err(Error::FirmwarePolicyInvalid),
        }
    }

    /// The device's hardware (or bootloader) revision, compared with an image's
    /// `minHardwareRevision`.
    pub fn with_hardware_revision(mut self, revision: u32) -> Self {
        self.hardware_revision = revision;
        self
    }

    /// Whether the image is for this device and newer than the `installed` security version
    /// (the device's anti-rollback counter): `FIRMWARE_VENDOR_MISMATCH`,
    /// `FIRMWARE_CLASS_MISMATCH`, `FIRMWARE_HARDWARE_UNSUPPORTED`, then
    /// `FIRMWARE_VERSION_NOT_NEWER` (an equal version too: a re-install is refused).
    pub fn check(&self, statement: &FirmwareStatement, installed: u32) -> Result<(), Error> {
        self.check_applies(statement)?;
        if statement.security_version <= installed {
            return Err(Error::FirmwareVersionNotNewer {
                found: statement.security_version,
                installed,
            });
        }
        Ok(())
    }

    /// Whether the image is for this device (vendor, class, hardware), whatever its version:
    /// what a device checks before it writes anything.
    pub fn check_applies(&self, statement: &FirmwareStatement) -> Result<(), Error> {
        if statement.vendor != self.vendor {
            return Err(Error::FirmwareVendorMismatch {
                found: statement.vendor.clone(),
            });
        }
        if statement.class != self.class {
            return Err(Error::FirmwareClassMismatch {
                found: statement.class.clone(),
            });
        }
        match statement.min_hardware_revision {
            Some(required) if required > self.hardware_revision => {
                Err(Error::FirmwareHardwareUnsupported {
                    required,
                    device: self.hardware_revision,
                })
            }
            _ => Ok(()),
        }
    }
}

/// A JSON integer from 0 to 2^32 - 1, written as digits alone.
fn counter(value: &Json<'_>) -> Option<u32> {
    match value {
        Json::Number(text) if text.bytes().all(|b| b.is_ascii_digit()) => text.parse().ok(),
        _ => None,
    }
}

/// A UUID in canonical text form (8-4-4-4-12 hex digits), lowercased.
fn uuid(text: &str) -> Option<String> {
    let canonical = text.len() == 36
        && text.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        });
    canonical.then(|| text.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use alloc::format;
    use alloc::vec::Vec;

    use super::*;

    const VENDOR: &str = "3f5e4a4c-6f1b-5b8e-9d1c-0a7e2b6c8d10";
    const CLASS: &str = "0d8c1b2a-3e4f-5a6b-8c7d-9e0f1a2b3c4d";

    fn statement(predicate: &str) -> Statement {
        statement_of_type(FIRMWARE_PREDICATE_TYPE, predicate)
    }

    fn statement_of_type(predicate_type: &str, predicate: &str) -> Statement {
        Statement {
            payload_type: crate::intoto::PAYLOAD_TYPE.into(),
            payload: format!(
                r#"{{"_type":"https://in-toto.io/Statement/v1","subject":[{{"name":"a","digest":{{"sha256":"00"}}}}],"predicateType":"{predicate_type}","predicate":{predicate}}}"#
            )
            .into_bytes(),
        }
    }

    fn read(predicate: &str) -> Result<FirmwareStatement, Error> {
        FirmwareStatement::from_statement(&statement(predicate))
    }

    fn good(version: u32) -> FirmwareStatement {
        read(&format!(
            r#"{{"securityVersion":{version},"vendor":"{VENDOR}","class":"{}","version":"1.0","extra":[1]}}"#,
            CLASS.to_ascii_uppercase()
        ))
        .unwrap()
    }

    #[test]
    fn a_statement_reads_its_predicate() {
        let s = good(7);
        assert_eq!(s.security_version, 7);
        assert_eq!((s.vendor.as_str(), s.class.as_str()), (VENDOR, CLASS));
        assert_eq!(s.min_hardware_revision, None);
        assert_eq!(s.version.as_deref(), Some("1.0"));
        let s = read(&format!(
            r#"{{"securityVersion":4294967295,"vendor":"{VENDOR}","class":"{CLASS}","minHardwareRevision":0}}"#
        ))
        .unwrap();
        assert_eq!(s.security_version, u32::MAX);
        assert_eq!(s.min_hardware_revision, Some(0));
        assert_eq!(s.version, None);
    }

    #[test]
    fn each_malformed_member_is_named() {
        let base = format!(r#""vendor":"{VENDOR}","class":"{CLASS}""#);
        let cases: Vec<(String, &str)> = alloc::vec![
            ("[]".into(), "predicate"),
            ("1".into(), "predicate"),
            (format!("{{{base}}}"), "securityVersion"),
            (
                format!(r#"{{{base},"securityVersion":-1}}"#),
                "securityVersion"
            ),
            (
                format!(r#"{{{base},"securityVersion":1.0}}"#),
                "securityVersion"
            ),
            (
                format!(r#"{{{base},"securityVersion":1e2}}"#),
                "securityVersion"
            ),
            (
                format!(r#"{{{base},"securityVersion":"1"}}"#),
                "securityVersion"
            ),
            (
                format!(r#"{{{base},"securityVersion":4294967296}}"#),
                "securityVersion"
            ),
            (
                format!(r#"{{"securityVersion":1,"class":"{CLASS}"}}"#),
                "vendor"
            ),
            (
                format!(r#"{{"securityVersion":1,"vendor":"acme","class":"{CLASS}"}}"#),
                "vendor"
            ),
            (
                format!(
                    r#"{{"securityVersion":1,"vendor":"{VENDOR}","class":"{}"}}"#,
                    &CLASS.replace('-', "_")
                ),
                "class"
            ),
            (
                format!(r#"{{{base},"securityVersion":1,"minHardwareRevision":"2"}}"#),
                "minHardwareRevision"
            ),
            (
                format!(r#"{{{base},"securityVersion":1,"version":3}}"#),
                "version"
            ),
        ];
        for (predicate, field) in cases {
            assert_eq!(
                read(&predicate),
                Err(Error::FirmwareStatementInvalid { field }),
                "{predicate}"
            );
        }
        let missing = Statement {
            payload_type: crate::intoto::PAYLOAD_TYPE.into(),
            payload: format!(
                r#"{{"_type":"https://in-toto.io/Statement/v1","predicateType":"{FIRMWARE_PREDICATE_TYPE}"}}"#
            )
            .into_bytes(),
        };
        assert_eq!(
            FirmwareStatement::from_statement(&missing),
            Err(Error::FirmwareStatementInvalid { field: "predicate" })
        );
    }

    #[test]
    fn the_statement_is_read_as_strictly_as_the_verifier_reads_it() {
        let bad_subject = Statement {
            payload_type: crate::intoto::PAYLOAD_TYPE.into(),
            payload: format!(
                r#"{{"subject":5,"predicateType":"{FIRMWARE_PREDICATE_TYPE}","predicate":{{"securityVersion":1,"vendor":"{VENDOR}","class":"{CLASS}"}}}}"#
            )
            .into_bytes(),
        };
        assert_eq!(
            FirmwareStatement::from_statement(&bad_subject),
            Err(Error::DsseStatementInvalid)
        );
        let text = Statement {
            payload_type: "text/plain".into(),
            payload: b"{}".to_vec(),
        };
        assert_eq!(
            FirmwareStatement::from_statement(&text),
            Err(Error::DssePayloadTypeUnsupported)
        );
    }

    #[test]
    fn another_predicate_type_is_not_a_firmware_statement() {
        assert_eq!(
            FirmwareStatement::from_statement(&statement_of_type(
                "https://slsa.dev/provenance/v1",
                "{}"
            )),
            Err(Error::DssePredicateTypeMismatch {
                found: "https://slsa.dev/provenance/v1".into()
            })
        );
    }

    #[test]
    fn only_a_newer_image_for_this_device_installs() {
        let device = FirmwarePolicy::new(&VENDOR.to_ascii_uppercase(), CLASS).unwrap();
        assert_eq!(device.check(&good(3), 2), Ok(()));
        assert_eq!(
            device.check(&good(3), 3),
            Err(Error::FirmwareVersionNotNewer {
                found: 3,
                installed: 3
            })
        );
        assert_eq!(
            device.check(&good(2), 3),
            Err(Error::FirmwareVersionNotNewer {
                found: 2,
                installed: 3
            })
        );
        let other = "00000000-0000-5000-8000-000000000000";
        let elsewhere = FirmwarePolicy::new(other, CLASS).unwrap();
        assert_eq!(
            elsewhere.check(&good(9), 0),
            Err(Error::FirmwareVendorMismatch {
                found: VENDOR.into()
            })
        );
        let other_class = FirmwarePolicy::new(VENDOR, other).unwrap();
        // Applicability is judged first: an older image for another class names the class.
        assert_eq!(
            other_class.check(&good(1), 5),
            Err(Error::FirmwareClassMismatch {
                found: CLASS.into()
            })
        );
    }

    #[test]
    fn the_hardware_revision_bounds_an_image() {
        let needs_2 = read(&format!(
            r#"{{"securityVersion":1,"vendor":"{VENDOR}","class":"{CLASS}","minHardwareRevision":2}}"#
        ))
        .unwrap();
        let device = FirmwarePolicy::new(VENDOR, CLASS).unwrap();
        assert_eq!(
            device.check(&needs_2, 0),
            Err(Error::FirmwareHardwareUnsupported {
                required: 2,
                device: 0
            })
        );
        assert_eq!(
            device.clone().with_hardware_revision(2).check(&needs_2, 0),
            Ok(())
        );
        assert_eq!(
            device.with_hardware_revision(3).check_applies(&needs_2),
            Ok(())
        );
    }

    #[test]
    fn a_device_is_named_by_uuids() {
        for (vendor, class) in [
            ("", CLASS),
            (VENDOR, ""),
            ("3f5e4a4c6f1b5b8e9d1c0a7e2b6c8d10", CLASS),
            ("{3f5e4a4c-6f1b-5b8e-9d1c-0a7e2b6c8d10}", CLASS),
            ("3f5e4a4c-6f1b-5b8e-9d1c-0a7e2b6c8d1g", CLASS),
        ] {
            assert_eq!(
                FirmwarePolicy::new(vendor, class),
                Err(Error::FirmwarePolicyInvalid),
                "{vendor}"
            );
        }
    }
}
