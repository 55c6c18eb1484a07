//! What an update leaves for the next one: rollback floors, never trust.
//!
//! Trust comes only from the anchor the caller gives (compiled-in or its own): every update
//! walks the roots from the anchor again, as python-tuf does in bootstrap mode. The state keeps
//! only what can restrict the next update:
//!
//! - the version of the last trusted root (a floor: the chain from the anchor must reach it)
//!   and the SHA-256 of its canonical `signed` (when the chain passes that version, the root
//!   there must be this one, else the state was not written from this anchor:
//!   [`crate::Error::TufStateNotFromAnchor`]);
//! - the timestamp's version and the SHA-256 of its canonical `signed` (an equal version must
//!   be the same timestamp, 5.4.3), the snapshot version it listed, and every snapshot entry's
//!   version (5.5.5: each stays listed, never lower);
//! - the identities of the timestamp and snapshot keys the last root named, so that the next
//!   update drops these floors only when a key was rotated out (5.3.11).
//!
//! Whoever can write the state can at most remove floors (which deleting the file also does)
//! or raise them (a denial of service, refused with an error that names the way out: delete
//! the state). Neither adds a key.
//!
//! Serialized as a small canonical JSON document, `sigverify-tuf-state/2`. A state of the
//! first format (`/1`, which held a whole root and trusted it) is still read, for its floors
//! only: its root is parsed for its version, digest and key identities, never trusted.

use crate::sorted_map::SortedMap;
use alloc::string::String;
use alloc::vec::Vec;

use super::metadata;
use super::metadata::Role;
use super::signatures::role_identities;
use super::value::Value;
use crate::Error;
use crate::limits;
use crate::limits::Limit;

const FORMAT: &str = "sigverify-tuf-state/2";
const FORMAT_1: &str = "sigverify-tuf-state/1";

/// The rollback floors the last successful update left: store [`State::to_bytes`] and give it
/// back to [`crate::tuf::update`].
///
/// It never adds trust: every update walks the roots from the anchor. It holds the last root's
/// version and digest (the chain must reach that version and hold that root there, else
/// [`Error::TufStateNotFromAnchor`]), the timestamp's version and digest, the snapshot
/// version, every snapshot entry's version, and the identities of the timestamp and snapshot
/// keys (floors are dropped only when one of those keys is rotated out). Whoever can write it
/// can remove floors (as deleting it does) or raise them (refused by name), never add a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub(crate) root_version: u64,
    pub(crate) root_sha256: [u8; 32],
    pub(crate) timestamp: u64,
    /// `None` in a state of the first format, which did not record it.
    pub(crate) timestamp_sha256: Option<[u8; 32]>,
    pub(crate) timestamp_keys: Vec<[u8; 32]>,
    /// The snapshot version the trusted timestamp listed.
    pub(crate) snapshot: u64,
    pub(crate) snapshot_keys: Vec<[u8; 32]>,
    /// Every entry of the trusted snapshot (`targets.json` and delegated roles) and its version.
    pub(crate) meta: SortedMap<String, u64>,
}

impl State {
    /// The version of the last trusted TUF root: a later update must reach at least this one.
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

    /// The top-level targets version last trusted (0 when none was).
    pub fn targets_version(&self) -> u64 {
        self.meta.get("targets.json").copied().unwrap_or(0)
    }

    /// The version last trusted for each metadata file the snapshot listed, by file name
    /// (`targets.json`, and delegated roles such as `registry.npmjs.org.json`).
    pub fn meta_versions(&self) -> impl Iterator<Item = (&str, u64)> {
        self.meta.iter().map(|(k, v)| (k.as_str(), *v))
    }

    /// The state as bytes to persist: the canonical JSON object
    /// `{"format":"sigverify-tuf-state/2","root":{"sha256":H,"version":N},"snapshot":{"keys":[H..],"meta":{NAME:N..},"version":N},"timestamp":{"keys":[H..],"sha256":H,"version":N}}`
    /// (`H` lowercase hex SHA-256; the timestamp's `sha256` is absent when unknown).
    pub fn to_bytes(&self) -> Vec<u8> {
        let int = |n: u64| Value::Integer(alloc::format!("{n}"));
        let hex = |h: &[u8; 32]| Value::String(crate::encoding::hex_encode(h));
        let keys = |ks: &[[u8; 32]]| Value::Array(ks.iter().map(hex).collect());
        let mut timestamp = alloc::vec![(String::from("keys"), keys(&self.timestamp_keys))];
        if let Some(h) = &self.timestamp_sha256 {
            timestamp.push((String::from("sha256"), hex(h)));
        }
        timestamp.push((String::from("version"), int(self.timestamp)));
        let meta = self
            .meta
            .iter()
            .map(|(k, v)| (k.clone(), int(*v)))
            .collect();
        let doc = Value::Object(alloc::vec![
            (String::from("format"), Value::String(String::from(FORMAT))),
            (
                String::from("root"),
                Value::Object(alloc::vec![
                    (String::from("sha256"), hex(&self.root_sha256)),
                    (String::from("version"), int(self.root_version)),
                ]),
            ),
            (
                String::from("snapshot"),
                Value::Object(alloc::vec![
                    (String::from("keys"), keys(&self.snapshot_keys)),
                    (String::from("meta"), Value::Object(meta)),
                    (String::from("version"), int(self.snapshot)),
                ]),
            ),
            (String::from("timestamp"), Value::Object(timestamp)),
        ]);
        let mut out = Vec::new();
        doc.write_canonical(&mut out);
        out
    }

    /// Reads bytes written by [`State::to_bytes`] (or by a verifier of the first format).
    /// Anything else, a damaged or edited file, is [`Error::TufStateInvalid`]: deleting the
    /// state starts again from the anchor, without the floors it held.
    pub fn from_bytes(input: &[u8]) -> Result<Self, Error> {
        limits::check(
            input.len(),
            limits::MAX_TUF_STATE_BYTES,
            Limit::TufStateBytes,
        )?;
        let doc = Value::parse(input, 4).map_err(|_| Error::TufStateInvalid)?;
        match metadata::string(doc.get("format")) {
            Some(FORMAT) => read_v2(&doc).ok_or(Error::TufStateInvalid),
            Some(FORMAT_1) => read_v1(&doc).ok_or(Error::TufStateInvalid),
            _ => Err(Error::TufStateInvalid),
        }
    }
}

fn members(v: Option<&Value>) -> Option<&[(String, Value)]> {
    match v {
        Some(Value::Object(m)) => Some(m),
        _ => None,
    }
}

/// Exactly the keys `names` (sorted), no others.
fn has_exactly(v: Option<&Value>, names: &[&str]) -> bool {
    members(v).is_some_and(|m| m.iter().map(|(k, _)| k.as_str()).eq(names.iter().copied()))
}

fn version(v: Option<&Value>) -> Option<u64> {
    match v {
        Some(Value::Integer(digits)) => digits.parse().ok(),
        _ => None,
    }
}

fn digest(v: Option<&Value>) -> Option<[u8; 32]> {
    crate::encoding::hex_decode(metadata::string(v)?)
}

/// A sorted list of distinct hex SHA-256 key identities.
fn identities(v: Option<&Value>) -> Option<Vec<[u8; 32]>> {
    let Some(Value::Array(items)) = v else {
        return None;
    };
    if items.len() > limits::MAX_TUF_KEYS {
        return None;
    }
    let out: Vec<[u8; 32]> = items
        .iter()
        .map(|i| digest(Some(i)))
        .collect::<Option<_>>()?;
    out.windows(2)
        .all(|w| matches!(w, [a, b] if a < b))
        .then_some(out)
}

fn read_v2(doc: &Value) -> Option<State> {
    if !has_exactly(Some(doc), &["format", "root", "snapshot", "timestamp"]) {
        return None;
    }
    let root = doc.get("root");
    let snapshot = doc.get("snapshot");
    let timestamp = doc.get("timestamp");
    let with_hash = has_exactly(timestamp, &["keys", "sha256", "version"]);
    if !has_exactly(root, &["sha256", "version"])
        || !has_exactly(snapshot, &["keys", "meta", "version"])
        || !(with_hash || has_exactly(timestamp, &["keys", "version"]))
    {
        return None;
    }
    let entries = members(snapshot.and_then(|s| s.get("meta")))?;
    if entries.len() > limits::MAX_TUF_TARGETS {
        return None;
    }
    let mut meta = SortedMap::new();
    for (name, v) in entries {
        meta.insert(name.clone(), version(Some(v)).filter(|n| *n >= 1)?);
    }
    Some(State {
        root_version: version(root.and_then(|r| r.get("version"))).filter(|n| *n >= 1)?,
        root_sha256: digest(root.and_then(|r| r.get("sha256")))?,
        timestamp: version(timestamp.and_then(|t| t.get("version")))?,
        timestamp_sha256: match with_hash {
            true => Some(digest(timestamp.and_then(|t| t.get("sha256")))?),
            false => None,
        },
        timestamp_keys: identities(timestamp.and_then(|t| t.get("keys")))?,
        snapshot: version(snapshot.and_then(|s| s.get("version")))?,
        snapshot_keys: identities(snapshot.and_then(|s| s.get("keys")))?,
        meta,
    })
}

/// The first format: the root (base64, trusted as is by the verifiers that wrote it) and
/// three versions. Only floors are taken from it; its root is read, never trusted.
fn read_v1(doc: &Value) -> Option<State> {
    if !has_exactly(
        Some(doc),
        &["format", "root", "snapshot", "targets", "timestamp"],
    ) {
        return None;
    }
    let root = metadata::string(doc.get("root")).and_then(crate::encoding::base64_decode)?;
    let root = metadata::parse(Role::Root, &root, metadata::read_root).ok()?;
    let targets = version(doc.get("targets"))?;
    let mut meta = SortedMap::new();
    if targets > 0 {
        meta.insert(String::from("targets.json"), targets);
    }
    Some(State {
        root_version: root.version,
        root_sha256: crate::digest::sha256(&[&root.canonical]),
        timestamp: version(doc.get("timestamp"))?,
        timestamp_sha256: None,
        timestamp_keys: role_identities(&root.body, &root.body.timestamp),
        snapshot: version(doc.get("snapshot"))?,
        snapshot_keys: role_identities(&root.body, &root.body.snapshot),
        meta,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> State {
        let mut meta = SortedMap::new();
        meta.insert(String::from("registry.npmjs.org.json"), 4);
        meta.insert(String::from("targets.json"), 2);
        State {
            root_version: 14,
            root_sha256: [1; 32],
            timestamp: 7,
            timestamp_sha256: Some([2; 32]),
            timestamp_keys: alloc::vec![[3; 32]],
            snapshot: 3,
            snapshot_keys: alloc::vec![[4; 32], [5; 32]],
            meta,
        }
    }

    #[test]
    fn state_round_trips_in_its_documented_form() {
        let s = sample();
        let bytes = s.to_bytes();
        assert_eq!(
            core::str::from_utf8(&bytes).unwrap(),
            alloc::format!(
                r#"{{"format":"sigverify-tuf-state/2","root":{{"sha256":"{}","version":14}},"snapshot":{{"keys":["{}","{}"],"meta":{{"registry.npmjs.org.json":4,"targets.json":2}},"version":3}},"timestamp":{{"keys":["{}"],"sha256":"{}","version":7}}}}"#,
                "01".repeat(32),
                "04".repeat(32),
                "05".repeat(32),
                "03".repeat(32),
                "02".repeat(32),
            )
        );
        assert_eq!(State::from_bytes(&bytes), Ok(s.clone()));
        assert_eq!(s.targets_version(), 2);
        let unknown = State {
            timestamp_sha256: None,
            ..s
        };
        assert_eq!(State::from_bytes(&unknown.to_bytes()), Ok(unknown));
    }

    /// Every way a state can be damaged or edited out of shape is the one error, which names
    /// the way out.
    #[test]
    fn damaged_states_are_refused() {
        let good = String::from(core::str::from_utf8(&sample().to_bytes()).unwrap());
        let swap = |from: &str, to: &str| {
            assert!(good.contains(from), "{from}");
            good.replacen(from, to, 1)
        };
        for bad in [
            String::from("{}"),
            String::from("not json"),
            swap("state/2", "state/3"),
            swap(r#""version":14"#, r#""version":0"#),
            swap(r#""version":14"#, r#""version":-1"#),
            swap(r#""version":14"#, r#""version":"14""#),
            swap(r#""targets.json":2"#, r#""targets.json":0"#),
            swap(&"01".repeat(32), &"01".repeat(31)),
            swap(&"01".repeat(32), &"0g".repeat(32)),
            // Keys out of order or repeated.
            swap(
                &alloc::format!(r#""{}","{}""#, "04".repeat(32), "05".repeat(32)),
                &alloc::format!(r#""{}","{}""#, "05".repeat(32), "04".repeat(32)),
            ),
            swap(
                &alloc::format!(r#""{}","{}""#, "04".repeat(32), "05".repeat(32)),
                &alloc::format!(r#""{}","{}""#, "04".repeat(32), "04".repeat(32)),
            ),
            swap(r#""format""#, r#""x":1,"format""#),
            swap(r#""version":3}"#, r#""version":3,"x":1}"#),
            good.replace('}', ""),
        ] {
            assert_eq!(
                State::from_bytes(bad.as_bytes()),
                Err(Error::TufStateInvalid),
                "{bad}"
            );
        }
    }

    /// A state of the first format gives its floors; its root is only read.
    #[cfg(feature = "default-roots")]
    #[test]
    fn first_format_gives_floors_only() {
        let v1 = alloc::format!(
            r#"{{"format":"sigverify-tuf-state/1","root":"{}","snapshot":3,"targets":2,"timestamp":7}}"#,
            crate::encoding::base64_encode(crate::tuf::STAGING_ROOT)
        );
        let s = State::from_bytes(v1.as_bytes()).unwrap();
        assert_eq!(
            (s.root_version, s.timestamp, s.snapshot, s.targets_version()),
            (14, 7, 3, 2)
        );
        assert_eq!(s.timestamp_sha256, None);
        assert_eq!((s.timestamp_keys.len(), s.snapshot_keys.len()), (1, 1));
        for bad in [
            r#"{"format":"sigverify-tuf-state/1","root":"","snapshot":1,"targets":1,"timestamp":1}"#,
            r#"{"format":"sigverify-tuf-state/1","root":"!","snapshot":1,"targets":1,"timestamp":1}"#,
        ] {
            assert_eq!(
                State::from_bytes(bad.as_bytes()),
                Err(Error::TufStateInvalid)
            );
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
