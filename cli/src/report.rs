//! What the CLI prints: a short summary on success, one line naming the failed check on
//! failure; with `--format json`, one JSON document either way (schema in `cli/RESULT.md`).

use std::fmt::Write;
use std::process::ExitCode;

use serde_json::Value;
use serde_json::json;
use sigverify::Error;
use sigverify::SkippedItem;
use sigverify::Statement;
use sigverify::Verified;
use sigverify::pypi;

use crate::Failure;
use crate::Outcome;
use crate::args::VerifyArgs;
use crate::logs;

/// The version of the JSON result document (`"format"`).
pub(crate) const RESULT_FORMAT: &str = "sigverify-result/1";

/// Prints the outcome of `verify-bundle` or `verify-attestation` and gives the exit status:
/// 0 verified, 1 not verified.
pub(crate) fn print(a: &VerifyArgs, outcome: &Result<Outcome, Failure>) -> ExitCode {
    if a.json {
        let doc = match outcome {
            Ok(o) => verified_json(a, o),
            Err(f) => failure_json(f),
        };
        // A `Value` always serializes.
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        if let Err(Failure::Log(l)) = outcome {
            // The evidence also goes to stderr, as in text: it is what a user reports.
            eprint!("{}", logs::failure_notes(l));
        }
        return if outcome.is_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        };
    }
    match outcome {
        Ok(o) => {
            print!("{}", success(&o.verified, true));
            print!("{}", logs::report_text(&o.logs));
            if let Some(place) = &o.place {
                println!("  bundle:   {place} in {}", a.bundle.display());
            }
            if a.attestation {
                print!("{}", attestation(a, &o.verified));
            }
            ExitCode::SUCCESS
        }
        Err(Failure::Verify(e)) => {
            eprintln!("{}", failure(e, a));
            ExitCode::from(1)
        }
        Err(Failure::Log(l)) => {
            eprintln!("{}", log_line(l));
            eprint!("{}", logs::failure_notes(l));
            ExitCode::from(1)
        }
        Err(f) => {
            eprintln!("{}", failure_line(f));
            ExitCode::from(1)
        }
    }
}

/// Prints the outcome of `verify-pypi`: each verified attestation with its publisher and
/// predicate type (text), or the `sigverify-result/1` document of the first with a `pypi`
/// member listing them all (JSON).
pub(crate) fn print_pypi(
    a: &VerifyArgs,
    outcome: &Result<Vec<pypi::VerifiedAttestation>, Failure>,
) -> ExitCode {
    let all = match outcome {
        Ok(all) => all,
        Err(f) if a.json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&failure_json(f)).unwrap_or_default()
            );
            return ExitCode::from(1);
        }
        Err(Failure::Verify(e)) => {
            eprintln!("{}", failure(e, a));
            return ExitCode::from(1);
        }
        Err(f) => {
            eprintln!("{}", failure_line(f));
            return ExitCode::from(1);
        }
    };
    let count = all.len();
    if a.json {
        let list: Vec<Value> = all
            .iter()
            .map(|one| {
                json!({
                    "place": one.place,
                    "publisher": one.publisher.as_ref().map(|p| json!({
                        "kind": p.kind(),
                        "description": p.describe(),
                    })),
                    "predicateType": one.predicate_type,
                    "identity": one.verified.identity,
                    "issuer": one.verified.issuer,
                })
            })
            .collect();
        let mut doc = match all.first() {
            Some(first) => verified_json(
                a,
                &Outcome {
                    verified: first.verified.clone(),
                    place: Some(format!("{} of {count}", first.place)),
                    logs: logs::Report::default(),
                },
            ),
            None => json!({}),
        };
        if let Some(obj) = doc.as_object_mut() {
            obj.insert(
                "pypi".into(),
                json!({ "distribution": a.input, "attestations": list }),
            );
        }
        println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
        return ExitCode::SUCCESS;
    }
    println!("verified: {} ({count} of {count} attestations)", a.input);
    for one in all {
        println!("  attestation: {}", one.place);
        if let Some(p) = &one.publisher {
            println!("  publisher: {}", p.describe());
        }
        println!("  predicate type: {}", one.predicate_type);
        let text = success(&one.verified, false);
        print!("{}", text.strip_prefix("verified\n").unwrap_or(&text));
    }
    ExitCode::SUCCESS
}

/// A job's outcome as one JSON document on stdout, or as text (the summary on stdout, the
/// failure on stderr); exit status 0 verified, 1 not.
pub(crate) fn print_job<T>(
    as_json: bool,
    outcome: &Result<T, Failure>,
    to_json: impl Fn(&T) -> Value,
    to_text: impl Fn(&T) -> String,
) -> ExitCode {
    match (outcome, as_json) {
        (Ok(o), true) => {
            println!(
                "{}",
                serde_json::to_string_pretty(&to_json(o)).unwrap_or_default()
            );
            ExitCode::SUCCESS
        }
        (Ok(o), false) => {
            print!("{}", to_text(o));
            ExitCode::SUCCESS
        }
        (Err(f), true) => {
            let doc = failure_json(f);
            println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
            ExitCode::from(1)
        }
        (Err(f), false) => {
            eprintln!("{}", failure_line(f));
            ExitCode::from(1)
        }
    }
}

/// The failure of a command, on one line per failed bundle.
pub(crate) fn failure_line(f: &Failure) -> String {
    match f {
        Failure::Verify(e) => format!("sigverify: {} (code {}): {e}", e.name(), e.code()),
        Failure::Log(l) => log_line(l),
        Failure::Io(msg) => format!("sigverify: error: {msg}"),
        Failure::NoBundle(tried) => {
            let mut out = format!("sigverify: none of the {} bundles verified", tried.len());
            for (place, f) in tried {
                let line = failure_line(f);
                let _ = write!(
                    out,
                    "\n  {place}: {}",
                    line.strip_prefix("sigverify: ").unwrap_or(&line)
                );
            }
            out
        }
    }
}

/// A log file's failure as core errors are shown, then the file it is about:
/// `sigverify: NAME (code N): <what failed>; in --tlog-proof p.txt`.
fn log_line(l: &logs::LogFailure) -> String {
    let e = &l.error;
    let mut line = format!("sigverify: {} (code {}): {e}", e.name(), e.code());
    if let Some(file) = &l.file {
        let _ = write!(line, "; in {file}");
    }
    line
}

/// The statement of a verified attestation, for people: in-toto type, subjects (and whether
/// they were checked), predicate type and predicate; other payloads as text when they are.
fn attestation(a: &VerifyArgs, v: &Verified) -> String {
    let mut out = String::new();
    let Some(s) = &v.statement else {
        return out;
    };
    if a.input.is_empty() {
        out.push_str("  subjects: NOT checked (no artifact or --digest given)\n");
    }
    match s.in_toto() {
        Ok(t) => {
            let _ = writeln!(out, "  statement: {}", t.statement_type);
            for subject in &t.subjects {
                let digests: Vec<String> = subject
                    .digests
                    .iter()
                    .map(|(alg, hex)| format!("{alg}:{hex}"))
                    .collect();
                let _ = writeln!(out, "  subject:  {} {}", subject.name, digests.join(" "));
            }
            let _ = writeln!(out, "  predicate type: {}", t.predicate_type);
            if let Ok(f) = sigverify::FirmwareStatement::from_statement(s) {
                let _ = writeln!(out, "  firmware: {}", firmware_line(&f));
            }
            if let Some(p) = predicate(s) {
                let text = serde_json::to_string_pretty(&p).unwrap_or_default();
                let _ = writeln!(out, "  predicate:\n{}", indent(&text, "    "));
            }
        }
        Err(_) => match std::str::from_utf8(&s.payload) {
            Ok(text) => {
                let _ = writeln!(out, "  payload text:\n{}", indent(text, "    "));
            }
            Err(_) => out.push_str("  payload is binary (not shown)\n"),
        },
    }
    out
}

/// A firmware statement in one line: security version, device, and what it says beyond.
fn firmware_line(f: &sigverify::FirmwareStatement) -> String {
    let mut line = format!(
        "security version {}, vendor {}, class {}",
        f.security_version, f.vendor, f.class
    );
    if let Some(r) = f.min_hardware_revision {
        let _ = write!(line, ", hardware revision {r} or later");
    }
    if let Some(v) = &f.version {
        let _ = write!(line, ", release {v}");
    }
    line
}

/// A firmware statement as JSON (`null` when the statement is not one).
fn firmware_json(s: &Statement) -> Value {
    match sigverify::FirmwareStatement::from_statement(s) {
        Ok(f) => json!({
            "securityVersion": f.security_version,
            "vendor": f.vendor,
            "class": f.class,
            "minHardwareRevision": f.min_hardware_revision,
            "version": f.version,
        }),
        Err(_) => Value::Null,
    }
}

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|l| format!("{by}{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The statement's `predicate`, when its payload is an in-toto statement.
fn predicate(s: &Statement) -> Option<Value> {
    s.in_toto().ok()?;
    let doc: Value = serde_json::from_slice(&s.payload).ok()?;
    doc.get("predicate").cloned()
}

fn verified_json(a: &VerifyArgs, o: &Outcome) -> Value {
    let v = &o.verified;
    let (tlog_proofs, log_state) = logs::report_json(&o.logs);
    let statement = v.statement.as_ref().map(|s| {
        let in_toto = s.in_toto().ok().map(|t| {
            json!({
                "type": t.statement_type,
                "predicateType": t.predicate_type,
                "subjects": t.subjects.iter().map(|sub| json!({
                    "name": sub.name,
                    "digest": sub.digests.iter().map(|(alg, hex)| (alg.clone(), Value::from(hex.as_str()))).collect::<serde_json::Map<String, Value>>(),
                })).collect::<Vec<_>>(),
                "predicate": predicate(s).unwrap_or(Value::Null),
            })
        });
        json!({
            "payloadType": s.payload_type,
            "payloadSha256": sigverify::Sha256Digest::of(&s.payload).to_hex(),
            "payloadText": std::str::from_utf8(&s.payload).ok().filter(|_| in_toto.is_none()),
            "inToto": in_toto,
            "firmware": firmware_json(s),
            "subjectsChecked": !a.input.is_empty(),
        })
    });
    json!({
        "format": RESULT_FORMAT,
        "verified": true,
        "identity": v.identity,
        "issuer": v.issuer,
        "signingTimes": v.signing_times.iter().map(|t| t.seconds()).collect::<Vec<_>>(),
        "logEntries": v.log_entries.iter().map(|e| json!({
            "logIndex": e.log_index,
            "logId": sigverify::encoding::hex_encode(&e.log_id),
            "logUrl": e.log_url,
            "integratedTime": e.integrated_time.map(|t| t.seconds()),
            "checkpoint": logs::checkpoint_json(e),
        })).collect::<Vec<_>>(),
        "extensions": v.extensions.iter().map(|(oid, value)| (oid.clone(), Value::from(value.as_str()))).collect::<serde_json::Map<String, Value>>(),
        "statement": statement,
        "skipped": v.skipped.iter().map(|s| {
            let (item, index) = skipped_item(s.item);
            json!({
                "item": item,
                "index": index,
                "code": s.reason.code(),
                "name": s.reason.name(),
                "message": s.reason.to_string(),
            })
        }).collect::<Vec<_>>(),
        "bundle": o.place,
        "tlogProofs": tlog_proofs,
        "logState": log_state,
        "error": Value::Null,
    })
}

fn failure_json(f: &Failure) -> Value {
    let mut doc = json!({ "format": RESULT_FORMAT, "verified": false, "error": error_json(f) });
    if let (Failure::Log(l), Some(obj)) = (f, doc.as_object_mut()) {
        if let Some(evidence) = logs::evidence_json(l) {
            obj.insert("evidence".into(), evidence);
        }
    }
    if let (Failure::NoBundle(tried), Some(obj)) = (f, doc.as_object_mut()) {
        let list: Vec<Value> = tried
            .iter()
            .map(|(place, f)| json!({ "place": place, "error": error_json(f) }))
            .collect();
        obj.insert("bundles".into(), Value::Array(list));
    }
    doc
}

/// `{code, name, message}`; for a file of several bundles, the first bundle's error.
fn error_json(f: &Failure) -> Value {
    match f {
        Failure::Verify(e) => {
            json!({ "code": e.code(), "name": e.name(), "message": e.to_string() })
        }
        Failure::Log(l) => {
            let e = &l.error;
            let mut error = json!({ "code": e.code(), "name": e.name(), "message": e.to_string() });
            if let (Some(file), Some(obj)) = (&l.file, error.as_object_mut()) {
                obj.insert("file".into(), Value::from(file.as_str()));
            }
            error
        }
        Failure::Io(msg) => json!({ "code": Value::Null, "name": "IO_ERROR", "message": msg }),
        Failure::NoBundle(tried) => match tried.first() {
            Some((_, first)) => error_json(first),
            None => json!({ "code": Value::Null, "name": "NO_BUNDLE", "message": "no bundle" }),
        },
    }
}

fn skipped_item(item: SkippedItem) -> (&'static str, Option<usize>) {
    match item {
        SkippedItem::TlogEntry(i) => ("tlogEntry", Some(i)),
        SkippedItem::Timestamp(i) => ("timestamp", Some(i)),
        SkippedItem::Sct(i) => ("sct", Some(i)),
        _ => ("other", None),
    }
}

/// The summary of a verified bundle; `checkpoints`: with each tlog entry's checkpoint and
/// cosignatures under it (not for verify-pypi, whose output lists attestations).
fn success(v: &Verified, checkpoints: bool) -> String {
    let mut out = String::from("verified\n");
    match (&v.identity, &v.issuer) {
        (Some(identity), Some(issuer)) => {
            let _ = writeln!(out, "  identity: {identity}\n  issuer:   {issuer}");
        }
        (Some(identity), None) => {
            let _ = writeln!(
                out,
                "  identity: {identity}\n  issuer:   none (the certificate has no OIDC issuer extension; the policy allowed that)"
            );
        }
        _ => out.push_str("  signer:   managed key\n"),
    }
    for t in &v.signing_times {
        let _ = writeln!(out, "  signed:   {t}");
    }
    if v.signing_times.is_empty() {
        out.push_str(
            "  signed:   no signing time proven (time threshold 0): the key was checked at the verification time\n",
        );
    }
    for e in &v.log_entries {
        let _ = writeln!(out, "  tlog:     {} index {}", e.log_url, e.log_index);
        if checkpoints {
            out.push_str(&logs::checkpoint_text(e));
        }
    }
    if let Some(s) = &v.statement {
        let _ = writeln!(
            out,
            "  payload:  {} ({} bytes)",
            s.payload_type,
            s.payload.len()
        );
    }
    for s in &v.skipped {
        let item = match s.item {
            SkippedItem::TlogEntry(i) => format!("tlog entry {i}"),
            SkippedItem::Timestamp(i) => format!("timestamp {i}"),
            SkippedItem::Sct(i) => format!("SCT {i}"),
            _ => "an item".to_owned(),
        };
        let _ = writeln!(
            out,
            "  skipped:  {item}: {} (code {}): {}",
            s.reason.name(),
            s.reason.code(),
            s.reason
        );
    }
    out
}

/// `sigverify: NAME (code N): <what failed>[; expected X, found Y]`
pub(crate) fn failure(e: &Error, a: &VerifyArgs) -> String {
    let mut line = format!("sigverify: {} (code {}): {e}", e.name(), e.code());
    match e {
        Error::PolicyIdentityMismatch { found } => {
            let _ = match (&a.identity, &a.identity_regexp) {
                (None, Some(re)) => {
                    write!(line, "; expected identity matching `{re}`, found `{found}`")
                }
                (Some(exact), _) => {
                    write!(line, "; expected identity `{exact}`, found `{found}`")
                }
                (None, None) => Ok(()),
            };
        }
        Error::PolicyIssuerMismatch { found } => {
            let _ = match (&a.issuer, &a.issuer_regexp) {
                (None, Some(re)) => {
                    write!(line, "; expected issuer matching `{re}`, found `{found}`")
                }
                (Some(exact), _) => {
                    write!(line, "; expected issuer `{exact}`, found `{found}`")
                }
                (None, None) => Ok(()),
            };
        }
        _ => {}
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failure_line_names_the_check_and_what_differed() {
        let a = VerifyArgs {
            identity: Some("want".into()),
            ..VerifyArgs::default()
        };
        let e = Error::PolicyIdentityMismatch {
            found: "got".into(),
        };
        assert_eq!(
            failure(&e, &a),
            "sigverify: POLICY_IDENTITY_MISMATCH (code 1000): certificate identity differs from the expected identity (found: got); expected identity `want`, found `got`"
        );
    }
}
