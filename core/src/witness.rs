//! Witness cosignatures (`c2sp.org/tlog-cosignature`) judged by a witness policy
//! (`c2sp.org/tlog-policy`): a checkpoint that proves a tlog entry must carry verified
//! cosignatures from a quorum of the policy's witnesses, so that a log cannot show this
//! verifier a tree nobody else saw.

//!
//! Built with the `witness` feature (on by default). Without it no policy can be made, and a
//! trusted-root log that carries a witness configuration is left out of the root.

use alloc::string::String;
use alloc::vec::Vec;
#[cfg(feature = "witness")]
use core::fmt::Write;

use crate::Error;
use crate::crypto::Crypto;
#[cfg(feature = "witness")]
use crate::crypto::HashAlg;
#[cfg(feature = "witness")]
use crate::crypto::RsaPadding;
use crate::note::Checkpoint;
use crate::time::UnixTime;

#[cfg(feature = "witness")]
mod policy;
#[cfg(feature = "witness")]
pub(crate) mod root_config;
#[cfg(feature = "witness")]
pub(crate) mod vkey;

#[cfg(feature = "witness")]
use policy::Member;

/// A witness cosignature that verified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cosignature {
    /// The witness's name in the policy.
    pub witness: String,
    /// When the witness cosigned the checkpoint (its own clock).
    pub time: UnixTime,
}

/// A witness policy in the `c2sp.org/tlog-policy` format: the logs it accepts (none listed:
/// the trusted root decides alone), its witnesses, their groups and the quorum.
#[derive(Clone, Debug)]
pub struct WitnessPolicy(Inner);

#[cfg(feature = "witness")]
type Inner = policy::Parsed;
/// Without the feature no policy exists: the type keeps the verifier's signatures the same.
#[cfg(not(feature = "witness"))]
type Inner = core::convert::Infallible;

#[cfg(not(feature = "witness"))]
impl WitnessPolicy {
    pub(crate) fn judge(
        &self,
        _: usize,
        _: &Checkpoint<'_>,
        _: &[u8],
        _: UnixTime,
        _: Crypto<'_>,
    ) -> Result<Vec<Cosignature>, Error> {
        match self.0 {}
    }
}

#[cfg(feature = "witness")]
impl WitnessPolicy {
    /// Parses a policy file (`log <vkey> [<url>]`, `witness <name> <vkey> [<url>]`,
    /// `group <name> all|any|<k> <name>...`, `quorum <name>|none`; comments and blank lines).
    /// Witness keys must be Ed25519 cosignature keys (vkey type 0x04); log keys Ed25519 (0x01)
    /// or ECDSA (0x02). See [`Error::WitnessPolicyInvalid`] for what is refused.
    pub fn parse(text: &[u8]) -> Result<Self, Error> {
        policy::parse(text).map(Self)
    }

    /// Whether the policy asks anything of a checkpoint: a quorum other than `none`, or a
    /// list of logs.
    pub fn is_required(&self) -> bool {
        self.0.quorum.is_some() || !self.0.logs.is_empty()
    }

    /// How many witnesses the policy names.
    pub fn witness_count(&self) -> usize {
        self.0.witnesses.len()
    }

    /// Judges a checkpoint the log's own signature already verified: the log is one the policy
    /// lists (when it lists any), every line of a policy witness verifies and is not dated after
    /// `now`, and the verified witnesses meet the quorum. Lines of keys the policy does not
    /// know are ignored, as `c2sp.org/signed-note` requires.
    pub(crate) fn judge(
        &self,
        entry: usize,
        checkpoint: &Checkpoint<'_>,
        log_identity: &[u8],
        now: UnixTime,
        crypto: Crypto<'_>,
    ) -> Result<Vec<Cosignature>, Error> {
        let p = &self.0;
        if !p.logs.is_empty()
            && !p
                .logs
                .iter()
                .any(|l| l.identity == log_identity && l.origin == checkpoint.origin)
        {
            return Err(Error::WitnessLogUnlisted { entry });
        }
        let mut cosigned = alloc::vec![false; p.witnesses.len()];
        let mut found = Vec::new();
        for line in &checkpoint.signatures {
            for (i, w) in p.witnesses.iter().enumerate() {
                if !w.signed_line(line.name, line.key_hint) {
                    continue;
                }
                let witness = String::from_utf8_lossy(&w.name).into_owned();
                let time = verify_line(w, checkpoint.signed, &line.signature, crypto).ok_or_else(
                    || Error::WitnessCosignatureInvalid {
                        entry,
                        witness: witness.clone(),
                    },
                )?;
                if time > now {
                    return Err(Error::WitnessCosignatureInFuture { entry, witness });
                }
                if let Some(slot) = cosigned.get_mut(i) {
                    if !*slot {
                        *slot = true;
                        found.push(Cosignature { witness, time });
                    }
                }
            }
        }
        if let Some(quorum) = p.quorum {
            let met = groups_met(p, &cosigned);
            if !is_met(quorum, &cosigned, &met) {
                return Err(shortfall(p, quorum, &cosigned, &met, entry));
            }
        }
        Ok(found)
    }
}

#[cfg(feature = "witness")]
/// Verifies one Ed25519 `cosignature/v1` line: 8 bytes of big-endian time, then the 64-byte
/// signature over `cosignature/v1\ntime <t>\n` and the checkpoint body. `None` when it does
/// not verify or the time is past 2^63 - 1.
fn verify_line(
    w: &policy::Witness,
    body: &str,
    signature: &[u8],
    crypto: Crypto<'_>,
) -> Option<UnixTime> {
    if signature.len() != 72 {
        return None;
    }
    let (time, sig) = signature.split_at_checked(8)?;
    let time = u64::from_be_bytes(time.try_into().ok()?);
    if time > i64::MAX.unsigned_abs() {
        return None;
    }
    let mut message = String::with_capacity(body.len().saturating_add(40));
    write!(message, "cosignature/v1\ntime {time}\n").ok()?;
    message.push_str(body);
    w.key
        .verify(
            crypto,
            HashAlg::Sha512,
            RsaPadding::Pkcs1v15,
            message.as_bytes(),
            sig,
        )
        .ok()?;
    Some(UnixTime(time))
}

#[cfg(feature = "witness")]
/// Which groups are witnessed, in definition order (a group names only earlier ones).
fn groups_met(p: &policy::Parsed, cosigned: &[bool]) -> Vec<bool> {
    let mut met: Vec<bool> = Vec::with_capacity(p.groups.len());
    for g in &p.groups {
        let count = count_met(&g.members, cosigned, &met);
        met.push(count >= g.threshold);
    }
    met
}

#[cfg(feature = "witness")]
fn count_met(members: &[Member], cosigned: &[bool], met: &[bool]) -> usize {
    members
        .iter()
        .filter(|m| is_met(**m, cosigned, met))
        .count()
}

#[cfg(feature = "witness")]
fn is_met(m: Member, cosigned: &[bool], met: &[bool]) -> bool {
    match m {
        Member::Witness(i) => cosigned.get(i).copied().unwrap_or(false),
        Member::Group(i) => met.get(i).copied().unwrap_or(false),
    }
}

#[cfg(feature = "witness")]
/// Names the innermost group that fell short: from the quorum down through the first member
/// group that is itself not witnessed.
fn shortfall(
    p: &policy::Parsed,
    quorum: Member,
    cosigned: &[bool],
    met: &[bool],
    entry: usize,
) -> Error {
    let mut at = quorum;
    // Each step goes to an earlier group, so the walk ends within the number of groups.
    for _ in 0..=p.groups.len() {
        let Member::Group(g) = at else { break };
        let Some(group) = p.groups.get(g) else { break };
        match group
            .members
            .iter()
            .find(|m| matches!(m, Member::Group(_)) && !is_met(**m, cosigned, met))
        {
            Some(inner) => at = *inner,
            None => break,
        }
    }
    let (name, cosigned_count, needed) = match at {
        Member::Witness(i) => (p.witnesses.get(i).map(|w| w.name.as_slice()), 0, 1),
        Member::Group(g) => match p.groups.get(g) {
            Some(group) => (
                Some(group.name.as_slice()),
                count_met(&group.members, cosigned, met),
                group.threshold,
            ),
            None => (None, 0, 1),
        },
    };
    Error::WitnessQuorumNotMet {
        entry,
        group: String::from_utf8_lossy(name.unwrap_or_default()).into_owned(),
        cosigned: cosigned_count,
        needed,
    }
}

#[cfg(test)]
mod tests;
