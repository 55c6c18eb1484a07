//! The four top-level TUF roles read from their JSON, with the rules of the TUF specification
//! (and of python-tuf, where the specification leaves a detail open): required fields and
//! their types, `_type`, `spec_version` 1.x, `expires` as `YYYY-MM-DDTHH:MM:SSZ`, versions
//! and thresholds of at least 1, unique key ids per role, the four top-level roles in a root.

use crate::sorted_map::SortedMap;
use alloc::string::String;
use alloc::vec::Vec;

use super::value::JsonError;
use super::value::Value;
use crate::Error;
use crate::UnixTime;
use crate::limits;
use crate::limits::Limit;

/// A top-level role. Its name is also the `_type` its metadata declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Root,
    Timestamp,
    Snapshot,
    Targets,
}

impl Role {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Root => "root",
            Self::Timestamp => "timestamp",
            Self::Snapshot => "snapshot",
            Self::Targets => "targets",
        }
    }

    /// Largest metadata file accepted for this role (python-tuf's `UpdaterConfig` defaults).
    fn max_bytes(self) -> (usize, Limit) {
        match self {
            Self::Root => (limits::MAX_TUF_ROOT_BYTES, Limit::TufRootBytes),
            Self::Timestamp => (limits::MAX_TUF_TIMESTAMP_BYTES, Limit::TufTimestampBytes),
            Self::Snapshot => (limits::MAX_TUF_SNAPSHOT_BYTES, Limit::TufSnapshotBytes),
            Self::Targets => (limits::MAX_TUF_TARGETS_BYTES, Limit::TufTargetsBytes),
        }
    }
}

/// A signed metadata file: the canonical bytes of `signed`, its signatures, and `signed` read.
#[derive(Clone, Debug)]
pub(crate) struct Signed<T> {
    pub(crate) canonical: Vec<u8>,
    pub(crate) signatures: Vec<Signature>,
    pub(crate) version: u64,
    pub(crate) expires: UnixTime,
    pub(crate) body: T,
}

/// One entry of `signatures`: the key id it names and the decoded signature bytes.
#[derive(Clone, Debug)]
pub(crate) struct Signature {
    pub(crate) keyid: String,
    pub(crate) sig: Vec<u8>,
}

/// A key of a root's `keys`, as written. Whether it can check signatures is decided by
/// `signatures.rs`; a key of an unknown type is kept and simply never verifies.
#[derive(Clone, Debug)]
pub(crate) struct Key {
    pub(crate) keytype: String,
    pub(crate) scheme: String,
    /// `keyval.public`, when it is a string.
    pub(crate) public: Option<String>,
}

/// A role's key ids and threshold, as a root delegates it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RoleKeys {
    pub(crate) keyids: Vec<String>,
    pub(crate) threshold: u64,
}

#[derive(Clone, Debug)]
pub(crate) struct Root {
    pub(crate) keys: SortedMap<String, Key>,
    pub(crate) root: RoleKeys,
    pub(crate) timestamp: RoleKeys,
    pub(crate) snapshot: RoleKeys,
    pub(crate) targets: RoleKeys,
}

impl Root {
    pub(crate) fn role(&self, role: Role) -> &RoleKeys {
        match role {
            Role::Root => &self.root,
            Role::Timestamp => &self.timestamp,
            Role::Snapshot => &self.snapshot,
            Role::Targets => &self.targets,
        }
    }
}

/// What a timestamp or snapshot says about another metadata file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct MetaFile {
    pub(crate) version: u64,
    pub(crate) length: Option<u64>,
    pub(crate) hashes: Vec<(String, Vec<u8>)>,
}

#[derive(Clone, Debug)]
pub(crate) struct Timestamp {
    pub(crate) snapshot: MetaFile,
}

#[derive(Clone, Debug)]
pub(crate) struct Snapshot {
    pub(crate) meta: SortedMap<String, MetaFile>,
}

/// A target file as the targets role describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TargetFile {
    pub(crate) length: u64,
    pub(crate) hashes: Vec<(String, Vec<u8>)>,
}

#[derive(Clone, Debug)]
pub(crate) struct Targets {
    pub(crate) targets: SortedMap<String, TargetFile>,
}

/// The error for a malformed `field` of `role`'s metadata.
fn invalid(role: Role, field: &'static str) -> Error {
    Error::TufMetadataInvalid {
        role: role.name(),
        field,
    }
}

/// Reads the envelope of `role`'s metadata: size, JSON, `signatures`, the common fields of
/// `signed` and its canonical bytes. `read` gets `signed` for the role's own fields.
pub(crate) fn parse<T>(
    role: Role,
    input: &[u8],
    read: impl FnOnce(&Value) -> Result<T, Error>,
) -> Result<Signed<T>, Error> {
    let (max, limit) = role.max_bytes();
    limits::check(input.len(), max, limit)?;
    let doc = Value::parse(input, limits::MAX_JSON_DEPTH).map_err(|e| match e {
        JsonError::Syntax => invalid(role, "json"),
        JsonError::DuplicateKey => Error::TufJsonDuplicateKey { role: role.name() },
        JsonError::NotCanonical => Error::TufJsonNotCanonical { role: role.name() },
        JsonError::TooDeep => Error::LimitExceeded {
            limit: Limit::JsonDepth,
        },
    })?;
    let signed = doc.get("signed").ok_or(invalid(role, "signed"))?;
    if !matches!(signed, Value::Object(_)) {
        return Err(invalid(role, "signed"));
    }
    let signatures = read_signatures(role, doc.get("signatures"))?;
    let found = string(signed.get("_type")).ok_or(invalid(role, "_type"))?;
    if found != role.name() {
        return Err(Error::TufTypeMismatch {
            role: role.name(),
            found: String::from(found),
        });
    }
    let spec = string(signed.get("spec_version")).ok_or(invalid(role, "spec_version"))?;
    if !spec_version_supported(spec) {
        return Err(Error::TufSpecVersionUnsupported {
            role: role.name(),
            found: String::from(spec),
        });
    }
    let version = positive(signed.get("version")).ok_or(invalid(role, "version"))?;
    let expires = string(signed.get("expires"))
        .and_then(parse_expires)
        .ok_or(invalid(role, "expires"))?;
    let body = read(signed)?;
    let mut canonical = Vec::with_capacity(input.len());
    signed.write_canonical(&mut canonical);
    Ok(Signed {
        canonical,
        signatures,
        version,
        expires,
        body,
    })
}

fn read_signatures(role: Role, v: Option<&Value>) -> Result<Vec<Signature>, Error> {
    let Some(Value::Array(items)) = v else {
        return Err(invalid(role, "signatures"));
    };
    limits::check(
        items.len(),
        limits::MAX_TUF_SIGNATURES,
        Limit::TufSignatures,
    )?;
    let mut out: Vec<Signature> = Vec::with_capacity(items.len());
    for item in items {
        let keyid = string(item.get("keyid")).ok_or(invalid(role, "signatures.keyid"))?;
        let sig = string(item.get("sig"))
            .and_then(crate::encoding::hex_decode_vec)
            .ok_or(invalid(role, "signatures.sig"))?;
        if out.iter().any(|s| s.keyid == keyid) {
            return Err(Error::TufSignatureKeyIdRepeated { role: role.name() });
        }
        out.push(Signature {
            keyid: String::from(keyid),
            sig,
        });
    }
    Ok(out)
}

/// `1.x` or `1.x.y`, all parts decimal: python-tuf's rule (the client speaks major version 1).
fn spec_version_supported(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && parts.first() == Some(&"1")
}

/// Exactly `YYYY-MM-DDTHH:MM:SSZ`, the only form the specification allows.
fn parse_expires(s: &str) -> Option<UnixTime> {
    let b = s.as_bytes();
    let shape_ok = b.len() == 20
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'Z',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    crate::time::parse_rfc3339(s)
}

pub(crate) fn string(v: Option<&Value>) -> Option<&str> {
    match v {
        Some(Value::String(s)) => Some(s),
        _ => None,
    }
}

fn integer(v: Option<&Value>) -> Option<u64> {
    match v {
        Some(Value::Integer(digits)) => digits.parse().ok(),
        _ => None,
    }
}

fn positive(v: Option<&Value>) -> Option<u64> {
    integer(v).filter(|n| *n >= 1)
}

fn object(v: Option<&Value>) -> Option<&[(String, Value)]> {
    match v {
        Some(Value::Object(members)) => Some(members),
        _ => None,
    }
}

pub(crate) fn read_root(signed: &Value) -> Result<Root, Error> {
    let bad = |field| invalid(Role::Root, field);
    let members = object(signed.get("keys")).ok_or(bad("keys"))?;
    limits::check(members.len(), limits::MAX_TUF_KEYS, Limit::TufKeys)?;
    let mut keys = SortedMap::new();
    for (keyid, k) in members {
        let keytype = string(k.get("keytype")).ok_or(bad("keys.keytype"))?;
        let scheme = string(k.get("scheme")).ok_or(bad("keys.scheme"))?;
        let keyval = k.get("keyval");
        if object(keyval).is_none() {
            return Err(bad("keys.keyval"));
        }
        let public = string(keyval.and_then(|kv| kv.get("public"))).map(String::from);
        keys.insert(
            keyid.clone(),
            Key {
                keytype: String::from(keytype),
                scheme: String::from(scheme),
                public,
            },
        );
    }
    if let Some(cs) = signed.get("consistent_snapshot") {
        if !matches!(cs, Value::Bool(_)) {
            return Err(bad("consistent_snapshot"));
        }
    }
    let roles = object(signed.get("roles")).ok_or(bad("roles"))?;
    let names: Vec<&str> = roles.iter().map(|(k, _)| k.as_str()).collect();
    // Sorted by key bytes: exactly the four top-level roles.
    if names != ["root", "snapshot", "targets", "timestamp"] {
        return Err(bad("roles"));
    }
    let role = |name: &'static str| read_role_keys(signed.get("roles").and_then(|r| r.get(name)));
    Ok(Root {
        keys,
        root: role("root")?,
        timestamp: role("timestamp")?,
        snapshot: role("snapshot")?,
        targets: role("targets")?,
    })
}

fn read_role_keys(v: Option<&Value>) -> Result<RoleKeys, Error> {
    let bad = |field| invalid(Role::Root, field);
    let threshold = positive(v.and_then(|r| r.get("threshold"))).ok_or(bad("roles.threshold"))?;
    let Some(Value::Array(items)) = v.and_then(|r| r.get("keyids")) else {
        return Err(bad("roles.keyids"));
    };
    limits::check(items.len(), limits::MAX_TUF_KEYS, Limit::TufKeys)?;
    let mut keyids: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let id = string(Some(item)).ok_or(bad("roles.keyids"))?;
        if keyids.iter().any(|k| k == id) {
            return Err(bad("roles.keyids"));
        }
        keyids.push(String::from(id));
    }
    Ok(RoleKeys { keyids, threshold })
}

pub(crate) fn read_timestamp(signed: &Value) -> Result<Timestamp, Error> {
    let meta = signed
        .get("meta")
        .filter(|m| matches!(m, Value::Object(_)))
        .ok_or(invalid(Role::Timestamp, "meta"))?;
    let snapshot = meta
        .get("snapshot.json")
        .ok_or(invalid(Role::Timestamp, "meta.snapshot.json"))?;
    Ok(Timestamp {
        snapshot: read_meta_file(Role::Timestamp, snapshot)?,
    })
}

pub(crate) fn read_snapshot(signed: &Value) -> Result<Snapshot, Error> {
    let members = object(signed.get("meta")).ok_or(invalid(Role::Snapshot, "meta"))?;
    limits::check(
        members.len(),
        limits::MAX_TUF_TARGETS,
        Limit::TufTargetEntries,
    )?;
    let mut meta = SortedMap::new();
    for (name, v) in members {
        meta.insert(name.clone(), read_meta_file(Role::Snapshot, v)?);
    }
    Ok(Snapshot { meta })
}

pub(crate) fn read_targets(signed: &Value) -> Result<Targets, Error> {
    let bad = |field| invalid(Role::Targets, field);
    let members = object(signed.get("targets")).ok_or(bad("targets"))?;
    limits::check(
        members.len(),
        limits::MAX_TUF_TARGETS,
        Limit::TufTargetEntries,
    )?;
    if let Some(d) = signed.get("delegations") {
        if !matches!(d, Value::Object(_)) {
            return Err(bad("delegations"));
        }
    }
    let mut targets = SortedMap::new();
    for (name, v) in members {
        let length = integer(v.get("length")).ok_or(bad("targets.length"))?;
        let hashes = read_hashes(v.get("hashes"))
            .filter(|h| !h.is_empty())
            .ok_or(bad("targets.hashes"))?;
        if let Some(custom) = v.get("custom") {
            if !matches!(custom, Value::Object(_)) {
                return Err(bad("targets.custom"));
            }
        }
        targets.insert(name.clone(), TargetFile { length, hashes });
    }
    Ok(Targets { targets })
}

fn read_meta_file(role: Role, v: &Value) -> Result<MetaFile, Error> {
    let version = positive(v.get("version")).ok_or(invalid(role, "meta.version"))?;
    let length = match v.get("length") {
        None => None,
        some => Some(positive(some).ok_or(invalid(role, "meta.length"))?),
    };
    let hashes = match v.get("hashes") {
        None => Vec::new(),
        some => read_hashes(some)
            .filter(|h| !h.is_empty())
            .ok_or(invalid(role, "meta.hashes"))?,
    };
    Ok(MetaFile {
        version,
        length,
        hashes,
    })
}

/// `{"sha256": "<hex>", ...}`; `None` when not an object of hex strings.
fn read_hashes(v: Option<&Value>) -> Option<Vec<(String, Vec<u8>)>> {
    object(v)?
        .iter()
        .map(|(alg, h)| {
            let bytes = crate::encoding::hex_decode_vec(string(Some(h))?)?;
            Some((alg.clone(), bytes))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expires_takes_only_the_specified_form() {
        assert_eq!(
            parse_expires("2026-11-20T13:58:18Z"),
            Some(UnixTime(1_795_183_098))
        );
        for bad in [
            "2021-12-18T13:28:12.99008-06:00",
            "2022-05-11T19:09:02.663975009Z",
            "2026-11-20T13:58:18+00:00",
            "2026-11-20 13:58:18Z",
            "2026-13-20T13:58:18Z",
            "2026-11-20T13:58:18z",
        ] {
            assert_eq!(parse_expires(bad), None, "{bad}");
        }
    }

    /// The snapshot and targets size limits (2 MB and 5 MB) have no vector file of their size
    /// in `conformance/tuf-vectors`: they are checked here, before any parsing.
    #[test]
    fn snapshot_and_targets_sizes_are_bounded_at_the_limit() {
        for (role, max, limit) in [
            (
                Role::Snapshot,
                limits::MAX_TUF_SNAPSHOT_BYTES,
                Limit::TufSnapshotBytes,
            ),
            (
                Role::Targets,
                limits::MAX_TUF_TARGETS_BYTES,
                Limit::TufTargetsBytes,
            ),
        ] {
            let past = alloc::vec![b' '; max + 1];
            let err = parse(role, &past, |_| Ok(())).err();
            assert_eq!(err, Some(Error::LimitExceeded { limit }), "{role:?}");
            // At the limit, the size passes and the (blank) document is what fails.
            let at = alloc::vec![b' '; max];
            let err = parse(role, &at, |_| Ok(())).err();
            assert_eq!(err, Some(invalid(role, "json")), "{role:?}");
        }
    }

    #[test]
    fn spec_version_is_major_one_with_two_or_three_parts() {
        for ok in ["1.0", "1.0.31", "1.2"] {
            assert!(spec_version_supported(ok), "{ok}");
        }
        for bad in ["2.0", "1", "1.0.0.0", "1.x", "1..0", "v1.0", ""] {
            assert!(!spec_version_supported(bad), "{bad}");
        }
    }
}
