//! A trusted root's witness configuration, as the open protobuf-specs proposal for trusted
//! root v0.2 (sigstore/protobuf-specs#783) writes it on a transparency log:
//! `witnessConfig: {witnessGroups: [{witnesses: [{publicKey, operator}], serviceConfig}],
//! serviceConfig}`, each `serviceConfig` a `{selector: ALL|ANY|EXACT, count}` quorum. Read as an
//! experimental input and turned into the policy a `c2sp.org/tlog-policy` file would give:
//! one group per witness group, and a quorum group over them.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use super::WitnessPolicy;
use super::policy::Group;
use super::policy::Member;
use super::policy::Parsed;
use super::policy::Witness;
use crate::Error;
use crate::crypto::PublicKey;
use crate::encoding::base64_decode_proto;
use crate::json::fields::Fields;
use crate::json::fields::Shape;
use crate::limits;

/// The `witnessConfig` message of one log, read whole before any check.
pub(crate) struct RawWitnessConfig<'v> {
    groups: Vec<RawGroup<'v>>,
    quorum: RawQuorum<'v>,
}

struct RawGroup<'v> {
    witnesses: Vec<RawWitness<'v>>,
    quorum: RawQuorum<'v>,
}

struct RawWitness<'v> {
    raw_bytes: &'v str,
    operator: &'v str,
}

/// A `ServiceConfiguration`: the selector by name or number, and `count` for `EXACT`.
struct RawQuorum<'v> {
    selector: Option<&'v str>,
    selector_number: Option<u64>,
    count: Option<u64>,
}

impl<'v> RawWitnessConfig<'v> {
    pub(crate) fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        Ok(Self {
            groups: f.read_list("witnessGroups", |g| {
                Ok(RawGroup {
                    witnesses: g.read_list("witnesses", |w| {
                        Ok(RawWitness {
                            raw_bytes: w.message("publicKey")?.str("rawBytes")?,
                            operator: w.str_or_empty("operator")?,
                        })
                    })?,
                    quorum: RawQuorum::read(g.message("serviceConfig")?)?,
                })
            })?,
            quorum: RawQuorum::read(f.message("serviceConfig")?)?,
        })
    }
}

impl<'v> RawQuorum<'v> {
    fn read(f: Fields<'v, '_>) -> Result<Self, Shape> {
        let (selector, selector_number) = match f.get("selector")? {
            Some(crate::json::borrowed::Json::Str(s)) => (Some(&**s), None),
            Some(_) => (None, f.u64("selector")?),
            None => (None, None),
        };
        Ok(Self {
            selector,
            selector_number,
            count: f.u64("count")?,
        })
    }

    /// The threshold over `n` members: `ALL` (1) is n, `ANY` (2) is 1, `EXACT` (3) is `count`,
    /// which must be within 1..=n. `None` otherwise (an unset selector included).
    fn threshold(&self, n: usize) -> Option<usize> {
        let selector = match (self.selector, self.selector_number) {
            (Some("ALL"), _) | (None, Some(1)) => 1,
            (Some("ANY"), _) | (None, Some(2)) => 2,
            (Some("EXACT"), _) | (None, Some(3)) => 3,
            _ => return None,
        };
        match selector {
            1 => Some(n),
            2 => Some(1),
            _ => usize::try_from(self.count?)
                .ok()
                .filter(|k| (1..=n).contains(k)),
        }
    }
}

/// The policy a log's `witnessConfig` gives. Its witnesses carry no key name, so a
/// cosignature line is theirs when its key id is the one the line's own name gives with their
/// key (`c2sp.org/tlog-cosignature`). `TRUST_ROOT_WITNESS_CONFIG_INVALID` for an empty group, a
/// quorum that cannot be met or is unset, or a witness key that is not Ed25519; a key listed
/// twice is `WITNESS_POLICY_DUPLICATE_KEY` (line 0).
pub(crate) fn policy(raw: RawWitnessConfig<'_>) -> Result<WitnessPolicy, Error> {
    let invalid = Error::TrustRootWitnessConfigInvalid;
    let mut parsed = Parsed {
        logs: Vec::new(),
        witnesses: Vec::new(),
        groups: Vec::new(),
        quorum: None,
    };
    limits::check(
        raw.groups.len(),
        limits::MAX_WITNESS_POLICY_ENTRIES,
        limits::Limit::WitnessPolicyEntries,
    )?;
    for (g, group) in raw.groups.iter().enumerate() {
        let mut members = Vec::with_capacity(group.witnesses.len());
        for (i, w) in group.witnesses.iter().enumerate() {
            let der = base64_decode_proto(w.raw_bytes).ok_or(invalid.clone())?;
            let key = PublicKey::from_spki_der(&der).map_err(|_| invalid.clone())?;
            if key.family() != crate::crypto::KeyFamily::Ed25519 {
                return Err(invalid);
            }
            let identity = key.identity();
            if parsed
                .witnesses
                .iter()
                .any(|o| o.key.identity() == identity)
            {
                return Err(Error::WitnessPolicyDuplicateKey { line: 0 });
            }
            limits::check(
                parsed.witnesses.len().saturating_add(1),
                limits::MAX_WITNESS_POLICY_ENTRIES,
                limits::Limit::WitnessPolicyEntries,
            )?;
            members.push(Member::Witness(parsed.witnesses.len()));
            let name: String = if w.operator.is_empty() {
                format!("group {g} witness {i}")
            } else {
                format!("{} (group {g} witness {i})", w.operator)
            };
            parsed.witnesses.push(Witness {
                name: name.into_bytes(),
                key_name: None,
                key_id: [0; 4],
                key,
            });
        }
        let threshold = group
            .quorum
            .threshold(members.len())
            .ok_or(invalid.clone())?;
        parsed.groups.push(Group {
            name: format!("witness group {g}").into_bytes(),
            threshold,
            members,
        });
    }
    let members: Vec<Member> = (0..parsed.groups.len()).map(Member::Group).collect();
    let threshold = raw.quorum.threshold(members.len()).ok_or(invalid)?;
    parsed.groups.push(Group {
        name: b"witness groups".to_vec(),
        threshold,
        members,
    });
    parsed.quorum = Some(Member::Group(parsed.groups.len().saturating_sub(1)));
    Ok(WitnessPolicy(parsed))
}
