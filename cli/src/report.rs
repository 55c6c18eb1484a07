//! What the CLI prints: a short summary on success, one line naming the failed check on failure.

use std::fmt::Write;

use sigverify::Error;
use sigverify::UnixTime;
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
        let _ = writeln!(out, "  signed:   {}", rfc3339(*t));
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
    out
}

/// `sigverify: NAME (code N): <what failed>[; expected X, found Y]`
pub(crate) fn failure(e: &Error, a: &VerifyArgs) -> String {
    let mut line = format!("sigverify: {} (code {}): {e}", e.name(), e.code());
    match e {
        Error::PolicyIdentityMismatch { found } => {
            let _ = write!(
                line,
                "; expected identity `{}`, found `{found}`",
                a.identity.as_deref().unwrap_or("")
            );
        }
        Error::PolicyIssuerMismatch { found } => {
            let _ = write!(
                line,
                "; expected issuer `{}`, found `{found}`",
                a.issuer.as_deref().unwrap_or("")
            );
        }
        _ => {}
    }
    line
}

/// Formats Unix seconds as `YYYY-MM-DDTHH:MM:SSZ`.
pub(crate) fn rfc3339(t: UnixTime) -> String {
    let secs = t.seconds();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil-from-days (Howard Hinnant), for days since 1970-01-01.
    let z = i64::try_from(days).unwrap_or(0) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_times() {
        assert_eq!(rfc3339(UnixTime(0)), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(UnixTime(1_709_164_800)), "2024-02-29T00:00:00Z");
        assert_eq!(rfc3339(UnixTime(1_672_531_199)), "2022-12-31T23:59:59Z");
    }

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
