//! What the CLI prints: a short summary on success, one line naming the failed check on failure.

use std::fmt::Write;

use sigverify::Error;
use sigverify::SkippedItem;
use sigverify::Verified;

use crate::args::VerifyArgs;

pub(crate) fn success(v: &Verified) -> String {
    let mut out = String::from("verified\n");
    if let (Some(identity), Some(issuer)) = (&v.identity, &v.issuer) {
        let _ = writeln!(out, "  identity: {identity}\n  issuer:   {issuer}");
    } else {
        out.push_str("  signer:   managed key\n");
    }
    for t in &v.signing_times {
        let _ = writeln!(out, "  signed:   {t}");
    }
    for e in &v.log_entries {
        let _ = writeln!(out, "  tlog:     {} index {}", e.log_url, e.log_index);
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
                (exact, _) => write!(
                    line,
                    "; expected issuer `{}`, found `{found}`",
                    exact.as_deref().unwrap_or("")
                ),
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
