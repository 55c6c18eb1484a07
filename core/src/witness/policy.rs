//! The `c2sp.org/tlog-policy` text format: `log`, `witness`, `group` and `quorum` lines.

use alloc::vec::Vec;

use super::vkey;
use crate::Error;
use crate::crypto::PublicKey;
use crate::limits;
use crate::limits::Limit;

/// A log the policy accepts: its checkpoint key and the origin its checkpoints carry.
#[derive(Clone, Debug)]
pub(crate) struct PolicyLog {
    pub(crate) origin: alloc::string::String,
    pub(crate) identity: Vec<u8>,
}

/// A witness: its policy name, the key name and key id of its cosignature lines, its key.
/// A witness of a trusted root's configuration has no key name (`None`): a line is its own
/// when the line's key id is the one the line's name gives with this key.
#[derive(Clone, Debug)]
pub(crate) struct Witness {
    pub(crate) name: Vec<u8>,
    pub(crate) key_name: Option<alloc::string::String>,
    pub(crate) key_id: [u8; 4],
    pub(crate) key: PublicKey,
}

impl Witness {
    /// Whether a signature line with this key name and key id is this witness's.
    pub(crate) fn signed_line(&self, name: &str, key_id: [u8; 4]) -> bool {
        match &self.key_name {
            Some(own) => own == name && self.key_id == key_id,
            None => self.key.ed25519_raw().is_some_and(|raw| {
                vkey::key_id(name, vkey::TYPE_COSIGNATURE_ED25519, &raw) == key_id
            }),
        }
    }
}

/// A member of a group: an earlier witness or group, by position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Member {
    Witness(usize),
    Group(usize),
}

/// A group: witnessed when at least `threshold` of its members are.
#[derive(Clone, Debug)]
pub(crate) struct Group {
    pub(crate) name: Vec<u8>,
    pub(crate) threshold: usize,
    pub(crate) members: Vec<Member>,
}

/// The parsed policy; `quorum` is `None` for `quorum none`.
#[derive(Clone, Debug)]
pub(crate) struct Parsed {
    pub(crate) logs: Vec<PolicyLog>,
    pub(crate) witnesses: Vec<Witness>,
    pub(crate) groups: Vec<Group>,
    pub(crate) quorum: Option<Member>,
}

const NONE: &[u8] = b"none";

/// Parses a policy file. `WitnessPolicyInvalid { line }` names the first line that breaks
/// the format (line 0 when no `quorum` line is present), `WitnessPolicyDuplicateKey` a key
/// listed twice, `WitnessKeyUnsupported` a key type this build does not verify.
pub(crate) fn parse(text: &[u8]) -> Result<Parsed, Error> {
    limits::check(
        text.len(),
        limits::MAX_WITNESS_POLICY_BYTES,
        Limit::WitnessPolicyBytes,
    )?;
    let mut policy = Parsed {
        logs: Vec::new(),
        witnesses: Vec::new(),
        groups: Vec::new(),
        quorum: None,
    };
    let mut quorum_seen = false;
    let lines = text.strip_suffix(b"\n").unwrap_or(text);
    for (i, line) in lines.split(|b| *b == b'\n').enumerate() {
        let number = i.saturating_add(1);
        let invalid = Error::WitnessPolicyInvalid { line: number };
        if line.iter().any(|&b| b != b'\t' && (b < 0x20 || b == 0x7f)) {
            return Err(invalid);
        }
        let mut items = line
            .split(|b| *b == b' ' || *b == b'\t')
            .filter(|t| !t.is_empty());
        let Some(keyword) = items.next() else {
            continue;
        };
        if keyword.first() == Some(&b'#') {
            continue;
        }
        let rest: Vec<&[u8]> = items.collect();
        match keyword {
            b"log" => add_log(&mut policy, &rest, number)?,
            b"witness" => add_witness(&mut policy, &rest, number)?,
            b"group" => add_group(&mut policy, &rest, number)?,
            b"quorum" => {
                let [name] = rest.as_slice() else {
                    return Err(invalid);
                };
                if quorum_seen {
                    return Err(invalid);
                }
                quorum_seen = true;
                policy.quorum = if *name == NONE {
                    None
                } else {
                    Some(lookup(&policy, name).ok_or(invalid)?)
                };
            }
            _ => return Err(invalid),
        }
    }
    if !quorum_seen {
        return Err(Error::WitnessPolicyInvalid { line: 0 });
    }
    Ok(policy)
}

fn add_log(policy: &mut Parsed, items: &[&[u8]], line: usize) -> Result<(), Error> {
    let (&[key] | &[key, _]) = items else {
        return Err(Error::WitnessPolicyInvalid { line });
    };
    let key = vkey::parse(key).ok_or(Error::WitnessPolicyInvalid { line })?;
    let public = match key.kind {
        vkey::TYPE_ED25519 => PublicKey::from_ed25519_raw(&key.key),
        vkey::TYPE_ECDSA => PublicKey::from_spki_der(&key.key),
        _ => return Err(Error::WitnessKeyUnsupported { line }),
    }
    .map_err(|e| match e {
        Error::KeyAlgorithmNotBuilt | Error::KeyUnsupported => {
            Error::WitnessKeyUnsupported { line }
        }
        _ => Error::WitnessPolicyInvalid { line },
    })?;
    let identity = public.identity();
    if policy.logs.iter().any(|l| l.identity == identity) {
        return Err(Error::WitnessPolicyDuplicateKey { line });
    }
    limits::check(
        policy.logs.len().saturating_add(1),
        limits::MAX_WITNESS_POLICY_ENTRIES,
        Limit::WitnessPolicyEntries,
    )?;
    policy.logs.push(PolicyLog {
        origin: key.name.into(),
        identity,
    });
    Ok(())
}

fn add_witness(policy: &mut Parsed, items: &[&[u8]], line: usize) -> Result<(), Error> {
    let (&[name, key] | &[name, key, _]) = items else {
        return Err(Error::WitnessPolicyInvalid { line });
    };
    define(policy, name, line)?;
    let key = vkey::parse(key).ok_or(Error::WitnessPolicyInvalid { line })?;
    match key.kind {
        vkey::TYPE_COSIGNATURE_ED25519 => {}
        // ML-DSA-44 subtree cosignatures are not built (conformance/README.md says why): a
        // policy relying on such a witness is refused rather than read as one it cannot meet.
        vkey::TYPE_COSIGNATURE_ML_DSA_44 => return Err(Error::WitnessKeyUnsupported { line }),
        _ => return Err(Error::WitnessKeyUnsupported { line }),
    }
    let public = PublicKey::from_ed25519_raw(&key.key).map_err(|e| match e {
        Error::KeyAlgorithmNotBuilt => Error::WitnessKeyUnsupported { line },
        _ => Error::WitnessPolicyInvalid { line },
    })?;
    // Two witnesses are the same when their keys are, whatever their names (tlog-policy).
    let identity = public.identity();
    if policy
        .witnesses
        .iter()
        .any(|w| w.key.identity() == identity)
    {
        return Err(Error::WitnessPolicyDuplicateKey { line });
    }
    limits::check(
        policy.witnesses.len().saturating_add(1),
        limits::MAX_WITNESS_POLICY_ENTRIES,
        Limit::WitnessPolicyEntries,
    )?;
    policy.witnesses.push(Witness {
        name: name.to_vec(),
        key_name: Some(key.name.into()),
        key_id: key.key_id,
        key: public,
    });
    Ok(())
}

fn add_group(policy: &mut Parsed, items: &[&[u8]], line: usize) -> Result<(), Error> {
    let invalid = Error::WitnessPolicyInvalid { line };
    let [name, threshold, members @ ..] = items else {
        return Err(invalid);
    };
    if members.is_empty() {
        return Err(invalid);
    }
    define(policy, name, line)?;
    let mut resolved: Vec<Member> = Vec::with_capacity(members.len());
    for m in members {
        let member = lookup(policy, m).ok_or(Error::WitnessPolicyInvalid { line })?;
        if resolved.contains(&member) {
            return Err(Error::WitnessPolicyInvalid { line });
        }
        resolved.push(member);
    }
    let n = resolved.len();
    let threshold = match *threshold {
        b"all" => n,
        b"any" => 1,
        digits => decimal(digits)
            .filter(|k| (1..=n).contains(k))
            .ok_or(invalid)?,
    };
    limits::check(
        policy.groups.len().saturating_add(1),
        limits::MAX_WITNESS_POLICY_ENTRIES,
        Limit::WitnessPolicyEntries,
    )?;
    policy.groups.push(Group {
        name: name.to_vec(),
        threshold,
        members: resolved,
    });
    Ok(())
}

/// Refuses `none` and a name already defined (witnesses and groups share one namespace).
fn define(policy: &Parsed, name: &[u8], line: usize) -> Result<(), Error> {
    if name == NONE || lookup(policy, name).is_some() {
        return Err(Error::WitnessPolicyInvalid { line });
    }
    Ok(())
}

fn lookup(policy: &Parsed, name: &[u8]) -> Option<Member> {
    if let Some(i) = policy.witnesses.iter().position(|w| w.name == name) {
        return Some(Member::Witness(i));
    }
    policy
        .groups
        .iter()
        .position(|g| g.name == name)
        .map(Member::Group)
}

/// A decimal without sign or leading zeros.
fn decimal(digits: &[u8]) -> Option<usize> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) || digits.first() == Some(&b'0')
    {
        return None;
    }
    core::str::from_utf8(digits).ok()?.parse().ok()
}
