//! What an update leaves for the next one: the last trusted root and the versions that guard
//! against rollback, serialized as a small canonical JSON document the caller stores.

use alloc::string::String;
use alloc::vec::Vec;

use super::value::Value;
use crate::Error;
use crate::limits;
use crate::limits::Limit;

const FORMAT: &str = "sigverify-tuf-state/1";

/// The persisted state of the last successful update: the TUF root metadata it ended on (the
/// trust anchor of the next update) and the timestamp, snapshot and targets versions it
/// trusted (no later update may go below them). Store [`State::to_bytes`]; give it back to
/// [`crate::tuf::update`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub(crate) root: Vec<u8>,
    pub(crate) root_version: u64,
    pub(crate) timestamp: u64,
    pub(crate) snapshot: u64,
    pub(crate) targets: u64,
}

impl State {
    /// The trusted TUF root metadata, byte for byte as it was published.
    pub fn root(&self) -> &[u8] {
        &self.root
    }

    /// The version of the trusted TUF root.
    pub fn root_version(&self) -> u64 {
        self.root_version
    }

    /// The timestamp version last trusted.
    pub fn timestamp_version(&self) -> u64 {
        self.timestamp
    }

    /// The snapshot version last trusted.
    pub fn snapshot_version(&self) -> u64 {
        self.snapshot
    }

    /// The targets version last trusted.
    pub fn targets_version(&self) -> u64 {
        self.targets
    }

    /// The state as bytes to persist: a canonical JSON object
    /// `{"format":"sigverify-tuf-state/1","root":"<base64>","snapshot":N,"targets":N,"timestamp":N}`.
    pub fn to_bytes(&self) -> Vec<u8> {
        let int = |n: u64| Value::Integer(alloc::format!("{n}"));
        let doc = Value::Object(alloc::vec![
            (String::from("format"), Value::String(String::from(FORMAT))),
            (
                String::from("root"),
                Value::String(crate::encoding::base64_encode(&self.root)),
            ),
            (String::from("snapshot"), int(self.snapshot)),
            (String::from("targets"), int(self.targets)),
            (String::from("timestamp"), int(self.timestamp)),
        ]);
        let mut out = Vec::new();
        doc.write_canonical(&mut out);
        out
    }

    /// Reads bytes written by [`State::to_bytes`]. The root inside is checked again by the
    /// update that uses it.
    pub fn from_bytes(input: &[u8]) -> Result<Self, Error> {
        limits::check(
            input.len(),
            limits::MAX_TUF_STATE_BYTES,
            Limit::TufStateBytes,
        )?;
        let doc = Value::parse(input, 2).map_err(|_| Error::TufStateInvalid)?;
        let Value::Object(members) = &doc else {
            return Err(Error::TufStateInvalid);
        };
        if members.len() != 5 || super::metadata::string(doc.get("format")) != Some(FORMAT) {
            return Err(Error::TufStateInvalid);
        }
        let root = super::metadata::string(doc.get("root"))
            .and_then(crate::encoding::base64_decode)
            .ok_or(Error::TufStateInvalid)?;
        let version = |key| match doc.get(key) {
            Some(Value::Integer(digits)) => {
                digits.parse::<u64>().map_err(|_| Error::TufStateInvalid)
            }
            _ => Err(Error::TufStateInvalid),
        };
        let root_version = super::metadata::parse(
            super::metadata::Role::Root,
            &root,
            super::metadata::read_root,
        )
        .map_err(|_| Error::TufStateInvalid)?
        .version;
        Ok(Self {
            root,
            root_version,
            timestamp: version("timestamp")?,
            snapshot: version("snapshot")?,
            targets: version("targets")?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_and_refuses_other_documents() {
        let s = State {
            root: crate::tuf::STAGING_ROOT.to_vec(),
            root_version: 14,
            timestamp: 7,
            snapshot: 3,
            targets: 2,
        };
        let bytes = s.to_bytes();
        assert_eq!(
            core::str::from_utf8(&bytes).unwrap(),
            alloc::format!(
                r#"{{"format":"sigverify-tuf-state/1","root":"{}","snapshot":3,"targets":2,"timestamp":7}}"#,
                crate::encoding::base64_encode(crate::tuf::STAGING_ROOT)
            )
        );
        assert_eq!(State::from_bytes(&bytes), Ok(s));
        for bad in [
            &b"{}"[..],
            br#"{"format":"other/1","root":"","snapshot":1,"targets":1,"timestamp":1}"#,
            br#"{"format":"sigverify-tuf-state/1","root":"!","snapshot":1,"targets":1,"timestamp":1}"#,
            br#"{"format":"sigverify-tuf-state/1","root":"","snapshot":1,"targets":1,"timestamp":1}"#,
            br#"{"format":"sigverify-tuf-state/1","root":"","snapshot":-1,"targets":1,"timestamp":1}"#,
            br#"{"format":"sigverify-tuf-state/1","root":"","snapshot":1,"targets":1,"timestamp":1,"x":1}"#,
            b"not json",
        ] {
            assert_eq!(State::from_bytes(bad), Err(Error::TufStateInvalid));
        }
    }

    #[test]
    fn state_size_is_bounded() {
        let big = alloc::vec![b' '; limits::MAX_TUF_STATE_BYTES + 1];
        assert_eq!(
            State::from_bytes(&big),
            Err(Error::LimitExceeded {
                limit: Limit::TufStateBytes
            })
        );
    }
}
