//! Files a vector hands the verifier beside its bundle: a witness policy, a
//! `c2sp.org/tlog-proof`, a checkpoint state and a consistency proof. Every runner applies them
//! in one order: attach the tlog proof, verify under the witness policy, then observe the
//! verified checkpoints against the state with the consistency proof. The expected outcome is
//! that of the whole sequence.

use std::fs;
use std::path::Path;
use std::path::PathBuf;

use sigverify::Bundle;
use sigverify::Error;
use sigverify::TlogProof;
use sigverify::Verified;
use sigverify::Verifier;
use sigverify::WitnessPolicy;
use sigverify::log_state::ConsistencyProof;
use sigverify::log_state::LogState;

/// The files, by the manifest `config` key each becomes, and the file name in a vector folder.
pub const FILES: [(&str, &str); 4] = [
    ("witness_policy", "witness-policy"),
    ("tlog_proof", "tlog-proof"),
    ("log_state", "log-state"),
    ("consistency_proof", "consistency-proof.json"),
];

/// The beside files of one vector folder (absent ones are `None`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Beside {
    /// `witness-policy`.
    pub witness_policy: Option<PathBuf>,
    /// `tlog-proof`.
    pub tlog_proof: Option<PathBuf>,
    /// `log-state`.
    pub log_state: Option<PathBuf>,
    /// `consistency-proof.json`.
    pub consistency_proof: Option<PathBuf>,
}

impl Beside {
    /// The files present in `dir`.
    pub fn of(dir: &Path) -> Self {
        let at = |name: &str| Some(dir.join(name)).filter(|p| p.is_file());
        Self {
            witness_policy: at("witness-policy"),
            tlog_proof: at("tlog-proof"),
            log_state: at("log-state"),
            consistency_proof: at("consistency-proof.json"),
        }
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The manifest `config` pairs (`witness_policy=/abs/path`), in [`FILES`] order.
    pub fn config_pairs(&self) -> Vec<String> {
        let paths = [
            &self.witness_policy,
            &self.tlog_proof,
            &self.log_state,
            &self.consistency_proof,
        ];
        FILES
            .iter()
            .zip(paths)
            .filter_map(|((key, _), p)| {
                let p = p.as_ref()?;
                let abs = fs::canonicalize(p).unwrap_or_else(|_| p.clone());
                Some(format!("{key}={}", abs.display()))
            })
            .collect()
    }

    /// Adds the witness policy to `verifier`.
    pub fn apply_policy(&self, verifier: Verifier) -> Result<Verifier, Error> {
        Ok(match &self.witness_policy {
            Some(p) => verifier.with_witness_policy(WitnessPolicy::parse(&read(p))?),
            None => verifier,
        })
    }

    /// Attaches the tlog proof to `bundle`.
    pub fn attach(&self, bundle: &mut Bundle) -> Result<(), Error> {
        if let Some(p) = &self.tlog_proof {
            let text = String::from_utf8(read(p)).map_err(|_| Error::TlogProofInvalid)?;
            TlogProof::parse(&text)?.attach(bundle)?;
        }
        Ok(())
    }

    /// Observes a successful verification against the state, when there is one.
    pub fn observe(&self, verified: Verified) -> Result<Verified, Error> {
        let Some(state) = &self.log_state else {
            return Ok(verified);
        };
        let text = String::from_utf8(read(state)).map_err(|_| Error::LogStateInvalid)?;
        let mut state = LogState::parse(&text)?;
        let proofs = match &self.consistency_proof {
            Some(p) => vec![ConsistencyProof::from_json(&read(p))?],
            None => Vec::new(),
        };
        state.observe(&verified.log_entries, &proofs)?;
        Ok(verified)
    }
}

/// A beside file's bytes; a vector whose file cannot be read fails its case.
fn read(p: &Path) -> Vec<u8> {
    fs::read(p).unwrap_or_default()
}
