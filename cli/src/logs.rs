//! The transparency-log files of `verify-bundle` and `verify-attestation`: a witness policy
//! that every checkpoint must meet (`--witness-policy`), tlog proofs given to the bundle before
//! it is verified (`--tlog-proof`), and the checkpoint state (`--log-state`), checked against
//! the verified checkpoints and then saved, so that a log that shows this machine a tree that
//! does not extend the one it showed before is caught, with both signed checkpoints as
//! evidence.

use std::fs;
use std::io::Write as _;
use std::path::Path;
use std::path::PathBuf;

use serde_json::Value;
use serde_json::json;
use sigverify::Bundle;
use sigverify::Error;
use sigverify::LogEntry;
use sigverify::TlogProof;
use sigverify::Verifier;
use sigverify::WitnessPolicy;
use sigverify::log_state::ConsistencyProof;
use sigverify::log_state::LogState;
use sigverify::log_state::Observation;
use sigverify::log_state::Observed;

use crate::Failure;
use crate::Outcome;
use crate::args::LogArgs;

/// What the log files did for the bundle that verified.
#[derive(Debug, Default)]
pub(crate) struct Report {
    /// Each `--tlog-proof`, in the order given.
    pub(crate) attached: Vec<Attachment>,
    /// The checkpoint state, under `--log-state`.
    pub(crate) state: Option<StateReport>,
}

/// One `--tlog-proof` and the bundle entry it went to.
#[derive(Debug)]
pub(crate) struct Attachment {
    file: PathBuf,
    /// The tree size of the proof's checkpoint.
    tree_size: u64,
    /// The tlog entry (its position in the bundle) the proof proves.
    entry: usize,
    /// Whether it replaced that entry's proof (or gave it one); if not, the entry kept the
    /// bundle's own proof, of a tree at least as large.
    replaced: bool,
}

/// The checkpoint state after a verification.
#[derive(Debug)]
pub(crate) struct StateReport {
    file: PathBuf,
    /// Each verified checkpoint, against the state as it was.
    observed: Vec<Observed>,
    /// Whether the file was written (created, or a larger tree remembered).
    written: bool,
}

/// A failure about one of the log files or the checkpoint state, with what to show beside
/// the error line.
#[derive(Debug)]
pub(crate) struct LogFailure {
    /// The core's error, shown by its name and code as every other.
    pub(crate) error: Error,
    /// The flag and file the error is about (`--tlog-proof p.txt`), when it is about one.
    pub(crate) file: Option<String>,
    /// The two signed checkpoints of a split view, or of trees no proof connects.
    evidence: Option<Evidence>,
    /// The way out, for a state file that cannot be read as one.
    hint: Option<String>,
}

/// Two signed checkpoints of one log that do not agree: what a user can report.
#[derive(Debug)]
struct Evidence {
    origin: String,
    /// Where the remembered one was kept.
    remembered_from: String,
    remembered: String,
    presented: String,
}

/// A `--tlog-proof`, parsed before any bundle is read.
pub(crate) struct ProofFile {
    path: PathBuf,
    proof: TlogProof,
}

/// The verifier under `--witness-policy`, when it is given.
pub(crate) fn with_witness_policy(verifier: Verifier, a: &LogArgs) -> Result<Verifier, Failure> {
    let Some(path) = &a.witness_policy else {
        return Ok(verifier);
    };
    let text = crate::read(path, "witness policy")?;
    let policy = WitnessPolicy::parse(&text).map_err(|e| about(e, "--witness-policy", path))?;
    Ok(verifier.with_witness_policy(policy))
}

/// Reads every `--tlog-proof`: a malformed one fails the command before any bundle is tried.
pub(crate) fn read_tlog_proofs(a: &LogArgs) -> Result<Vec<ProofFile>, Failure> {
    a.tlog_proofs
        .iter()
        .map(|path| {
            let bad = |e| about(e, "--tlog-proof", path);
            let text = String::from_utf8(crate::read(path, "tlog proof")?)
                .map_err(|_| bad(Error::TlogProofInvalid))?;
            let proof = TlogProof::parse(&text).map_err(bad)?;
            Ok(ProofFile {
                path: path.clone(),
                proof,
            })
        })
        .collect()
}

/// Parses one bundle and gives it each tlog proof, in the order given; each must prove one
/// of its entries (`TLOG_PROOF_UNMATCHED` names the file).
pub(crate) fn attach(
    json: &[u8],
    proofs: &[ProofFile],
) -> Result<(Bundle, Vec<Attachment>), Failure> {
    let mut bundle = Bundle::from_json(json)?;
    let mut attached = Vec::with_capacity(proofs.len());
    for p in proofs {
        let how = p
            .proof
            .attach(&mut bundle)
            .map_err(|e| about(e, "--tlog-proof", &p.path))?;
        let (replaced, entry) = match how {
            sigverify::tlog::Attached::Replaced { entry } => (true, entry),
            sigverify::tlog::Attached::KeptOwn { entry } => (false, entry),
        };
        attached.push(Attachment {
            file: p.path.clone(),
            tree_size: p.proof.tree_size,
            entry,
            replaced,
        });
    }
    Ok((bundle, attached))
}

/// Under `--log-state`, after the bundle verified: every verified checkpoint must be the
/// remembered tree of its log, or a consistency proof must connect the two; then the state is
/// saved (created when missing). On a refusal the file is left as it was.
pub(crate) fn remember(a: &LogArgs, mut outcome: Outcome) -> Result<Outcome, Failure> {
    let Some(path) = &a.log_state else {
        return Ok(outcome);
    };
    let proofs = read_consistency_proofs(a)?;
    let (mut state, existed) = load_state(path)?;
    let before = state.clone();
    let entries = &outcome.verified.log_entries;
    let observed = state
        .observe(entries, &proofs)
        .map_err(|e| refused(e, path, &before, entries))?;
    let written = !existed || state != before;
    if written {
        save_state(path, &state)?;
    }
    outcome.logs.state = Some(StateReport {
        file: path.clone(),
        observed,
        written,
    });
    Ok(outcome)
}

fn read_consistency_proofs(a: &LogArgs) -> Result<Vec<ConsistencyProof>, Failure> {
    a.consistency_proofs
        .iter()
        .map(|path| {
            let json = crate::read(path, "consistency proof")?;
            ConsistencyProof::from_json(&json).map_err(|e| about(e, "--consistency-proof", path))
        })
        .collect()
}

/// The state in the file, and whether there was one: a missing file is an empty state.
fn load_state(path: &Path) -> Result<(LogState, bool), Failure> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((LogState::new(), false)),
        Err(e) => {
            return Err(Failure::Io(format!(
                "cannot read log state {}: {e}",
                path.display()
            )));
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| damaged(Error::LogStateInvalid, path))?;
    let state = LogState::parse(&text).map_err(|e| damaged(e, path))?;
    Ok((state, true))
}

/// Writes the state whole or not at all: to a file beside it, then renamed over it, so that a
/// crash or a full disk never leaves half a state (which would refuse every later run).
fn save_state(path: &Path, state: &LogState) -> Result<(), Failure> {
    let io =
        |e: std::io::Error| Failure::Io(format!("cannot write log state {}: {e}", path.display()));
    let name = path
        .file_name()
        .ok_or_else(|| Failure::Io(format!("log state {} names no file", path.display())))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = path.with_file_name(temp_name);
    let written =
        write_synced(&temp, state.to_text().as_bytes()).and_then(|()| fs::rename(&temp, path));
    if written.is_err() {
        // Nothing to do if it cannot be removed either: the error below names the state.
        let _ = fs::remove_file(&temp);
    }
    written.map_err(io)
}

/// Writes a new file and flushes it to the disk, so that the rename publishes whole data.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = fs::File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// An error about a file a log flag names.
fn about(error: Error, flag: &str, path: &Path) -> Failure {
    Failure::Log(Box::new(LogFailure {
        error,
        file: Some(format!("{flag} {}", path.display())),
        evidence: None,
        hint: None,
    }))
}

/// A state file that is not one, with the way out.
fn damaged(error: Error, path: &Path) -> Failure {
    let hint = format!(
        "sigverify: the log state {} is damaged or not a sigverify log state; it can only \
         refuse, so deleting it is safe, but it forgets the checkpoints it remembered",
        path.display()
    );
    Failure::Log(Box::new(LogFailure {
        error,
        file: Some(format!("--log-state {}", path.display())),
        evidence: None,
        hint: Some(hint),
    }))
}

/// A refusal of the state: for a pair of checkpoints that do not agree, both of them.
fn refused(error: Error, path: &Path, state: &LogState, entries: &[LogEntry]) -> Failure {
    let pair = match &error {
        Error::LogSplitView { origin, size } => Some((origin.as_str(), *size, *size)),
        Error::LogConsistencyProofMissing {
            origin,
            remembered,
            presented,
        }
        | Error::LogConsistencyProofInvalid {
            origin,
            remembered,
            presented,
        } => Some((origin.as_str(), *remembered, *presented)),
        _ => None,
    };
    let evidence = pair.and_then(|(origin, remembered, presented)| {
        evidence(path, state, entries, origin, (remembered, presented))
    });
    let hint = evidence.as_ref().map(|_| {
        format!(
            "sigverify: the log state {} was left as it was",
            path.display()
        )
    });
    Failure::Log(Box::new(LogFailure {
        error,
        file: None,
        evidence,
        hint,
    }))
}

/// The remembered checkpoint of `origin` (of size `remembered`) and the presented one (of size
/// `presented`). The remembered one is the state's, unless an earlier entry of the same bundle
/// replaced it during the check: then it is that entry's.
fn evidence(
    path: &Path,
    state: &LogState,
    entries: &[LogEntry],
    origin: &str,
    (remembered, presented): (u64, u64),
) -> Option<Evidence> {
    let shown = || {
        entries
            .iter()
            .filter_map(|e| e.checkpoint.as_ref())
            .filter(|c| c.origin == origin)
    };
    let (remembered_from, old) = match state.checkpoint(origin).filter(|r| r.size == remembered) {
        Some(r) => (
            format!("log state {}", path.display()),
            (r.note.as_str(), r.root_hash.as_slice()),
        ),
        None => {
            let first = shown().find(|c| c.size == remembered)?;
            (
                "an earlier entry of this bundle".to_owned(),
                (first.note.as_str(), first.root_hash.as_slice()),
            )
        }
    };
    // Of one size, the presented tree is the one whose root differs from the remembered.
    let now =
        shown().find(|c| c.size == presented && (c.size != remembered || c.root_hash != old.1))?;
    Some(Evidence {
        origin: origin.to_owned(),
        remembered_from,
        remembered: old.0.to_owned(),
        presented: now.note.clone(),
    })
}

/// The lines to print on stderr after the error line: the evidence, then the way out.
pub(crate) fn failure_notes(f: &LogFailure) -> String {
    let mut out = String::new();
    if let Some(e) = &f.evidence {
        out.push_str(&format!(
            "evidence: remembered checkpoint of {} ({}):\n{}",
            e.origin,
            e.remembered_from,
            ending_in_newline(&e.remembered)
        ));
        out.push_str(&format!(
            "evidence: presented checkpoint of {} (this bundle):\n{}",
            e.origin,
            ending_in_newline(&e.presented)
        ));
    }
    if let Some(hint) = &f.hint {
        out.push_str(hint);
        out.push('\n');
    }
    out
}

fn ending_in_newline(note: &str) -> String {
    if note.ends_with('\n') {
        note.to_owned()
    } else {
        format!("{note}\n")
    }
}

/// The evidence of a refusal, for `--format json`.
pub(crate) fn evidence_json(f: &LogFailure) -> Option<Value> {
    f.evidence.as_ref().map(|e| {
        json!({
            "origin": e.origin,
            "remembered": e.remembered,
            "rememberedFrom": e.remembered_from,
            "presented": e.presented,
        })
    })
}

/// The lines under a tlog entry's own: its checkpoint and each verified cosignature.
pub(crate) fn checkpoint_text(e: &LogEntry) -> String {
    let Some(c) = &e.checkpoint else {
        return String::new();
    };
    let mut out = format!(
        "            checkpoint {}, tree size {}\n",
        c.origin, c.size
    );
    for s in &c.cosignatures {
        out.push_str(&format!(
            "            cosigned by {} at {}\n",
            s.witness, s.time
        ));
    }
    out
}

/// A tlog entry's checkpoint for `--format json`, or null.
pub(crate) fn checkpoint_json(e: &LogEntry) -> Value {
    let Some(c) = &e.checkpoint else {
        return Value::Null;
    };
    json!({
        "origin": c.origin,
        "size": c.size,
        "rootHash": sigverify::encoding::hex_encode(&c.root_hash),
        "cosignatures": c.cosignatures.iter().map(|s| json!({
            "witness": s.witness,
            "time": s.time.seconds(),
        })).collect::<Vec<_>>(),
    })
}

/// The lines of the tlog proofs and the checkpoint state, after the summary.
pub(crate) fn report_text(r: &Report) -> String {
    let mut out = String::new();
    for a in &r.attached {
        let file = a.file.display();
        out.push_str(&if a.replaced {
            format!(
                "  tlog proof: {file}: replaced the proof of tlog entry {} (tree size {})\n",
                a.entry, a.tree_size
            )
        } else {
            format!(
                "  tlog proof: {file}: tlog entry {} kept the bundle's own proof (a tree at least as large as {})\n",
                a.entry, a.tree_size
            )
        });
    }
    let Some(s) = &r.state else {
        return out;
    };
    for o in &s.observed {
        let what = match o.observation {
            Observation::First => "first seen".to_owned(),
            Observation::Same => "same as remembered".to_owned(),
            Observation::Extended { from } => format!("extended from {from}"),
            Observation::Older { remembered } => format!("older than remembered {remembered}"),
        };
        out.push_str(&format!(
            "  log state: {} tree size {}: {what}\n",
            o.origin, o.size
        ));
    }
    if s.observed.is_empty() {
        out.push_str("  log state: no checkpoint to check (no tlog entry had one)\n");
    }
    let file = s.file.display();
    out.push_str(&if s.written {
        format!("  log state: saved to {file}\n")
    } else {
        format!("  log state: {file} unchanged\n")
    });
    out
}

/// `tlogProofs` and `logState` for `--format json`.
pub(crate) fn report_json(r: &Report) -> (Value, Value) {
    let proofs = r
        .attached
        .iter()
        .map(|a| {
            json!({
                "file": a.file.display().to_string(),
                "entry": a.entry,
                "treeSize": a.tree_size,
                "replaced": a.replaced,
            })
        })
        .collect::<Vec<_>>();
    let state = r.state.as_ref().map(|s| {
        json!({
            "file": s.file.display().to_string(),
            "written": s.written,
            "observations": s.observed.iter().map(observation_json).collect::<Vec<_>>(),
        })
    });
    (Value::Array(proofs), state.unwrap_or(Value::Null))
}

fn observation_json(o: &Observed) -> Value {
    let (name, remembered) = match o.observation {
        Observation::First => ("first", None),
        Observation::Same => ("same", Some(o.size)),
        Observation::Extended { from } => ("extended", Some(from)),
        Observation::Older { remembered } => ("older", Some(remembered)),
    };
    json!({
        "origin": o.origin,
        "size": o.size,
        "observation": name,
        "rememberedSize": remembered,
    })
}
