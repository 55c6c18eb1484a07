//! Unix time in seconds, closed validity intervals, and the RFC 3339 subset protobuf-JSON uses.

/// A point in time: whole seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime(pub u64);

impl UnixTime {
    /// The time as seconds since the Unix epoch.
    pub fn seconds(self) -> u64 {
        self.0
    }

    /// Parses an RFC 3339 time as protobuf-JSON and npm's `keys.json` write it
    /// (`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; fractions dropped).
    pub fn from_rfc3339(s: &str) -> Option<Self> {
        parse_rfc3339(s)
    }

    /// The UTC calendar date and time: `(year, month, day, hour, minute, second)`.
    pub fn to_civil(self) -> (u64, u64, u64, u64, u64, u64) {
        let (days, rem) = (self.0 / 86_400, self.0 % 86_400);
        // The inverse of `days_from_civil` (Howard Hinnant), for days since 1970-01-01.
        let z = days.saturating_add(719_468);
        let era = z / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = (yoe + era * 400).saturating_add(u64::from(month <= 2));
        (year, month, day, rem / 3600, rem % 3600 / 60, rem % 60)
    }
}

/// RFC 3339 in UTC, `YYYY-MM-DDTHH:MM:SSZ`, as protobuf-JSON writes timestamps.
impl core::fmt::Display for UnixTime {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let (y, mo, d, h, mi, s) = self.to_civil();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

/// A closed interval `[start, end]`; `end: None` means open-ended. Sigstore trusted roots treat
/// the end as inclusive, so a time equal to `end` is inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Validity {
    /// First second inside the interval.
    pub start: UnixTime,
    /// Last second inside the interval, if bounded.
    pub end: Option<UnixTime>,
}

impl Validity {
    /// Whether `t` lies inside the interval, both ends included.
    pub fn contains(&self, t: UnixTime) -> bool {
        t >= self.start && self.end.is_none_or(|end| t <= end)
    }
}

/// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, the protobuf-JSON Timestamp form.
/// Fractions are dropped: an end of `23:59:59.999` still contains `23:59:59`.
pub(crate) fn parse_rfc3339(s: &str) -> Option<UnixTime> {
    let b = s.as_bytes();
    let year = digits(b, 0, 4)?;
    let month = digits(b, 5, 2)?;
    let day = digits(b, 8, 2)?;
    let hour = digits(b, 11, 2)?;
    let minute = digits(b, 14, 2)?;
    let second = digits(b, 17, 2)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || b.get(13) != Some(&b':') {
        return None;
    }
    if !matches!(b.get(10), Some(b'T' | b't')) || b.get(16) != Some(&b':') {
        return None;
    }
    let mut rest = b.get(19..)?;
    if let Some((b'.', tail)) = rest.split_first() {
        let n = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        rest = tail.get(n..)?;
    }
    let offset: i64 = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let h = i64::from(digits(rest, 1, 2)?);
            let m = i64::from(digits(rest, 4, 2)?);
            if h > 23 || m > 59 {
                return None;
            }
            let off = h * 3600 + m * 60;
            if *sign == b'+' { off } else { -off }
        }
        _ => return None,
    };
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day)?;
    let secs = days
        .checked_mul(86_400)?
        .checked_add(i64::from(hour * 3600 + minute * 60 + second.min(59)))?
        .checked_sub(offset)?;
    u64::try_from(secs).ok().map(UnixTime)
}

/// Seconds since the epoch for a UTC calendar date-time (used for X.509 and TSTInfo times).
pub(crate) fn from_civil(
    year: u32,
    month: u32,
    day: u32,
    h: u32,
    m: u32,
    s: u32,
) -> Option<UnixTime> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    let days = days_from_civil(year, month, day)?;
    let secs = days
        .checked_mul(86_400)?
        .checked_add(i64::from(h * 3600 + m * 60 + s))?;
    u64::try_from(secs).ok().map(UnixTime)
}

/// The decimal number in `b[at..at + n]`, digits only.
pub(crate) fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let field = b.get(at..at.checked_add(n)?)?;
    field.iter().try_fold(0u32, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

fn is_leap(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil algorithm).
fn days_from_civil(year: u32, month: u32, day: u32) -> Option<i64> {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era.checked_mul(146_097)?
        .checked_add(doe)?
        .checked_sub(719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_protobuf_json_timestamps() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(UnixTime(0)));
        assert_eq!(
            parse_rfc3339("2021-01-12T11:53:27Z"),
            Some(UnixTime(1_610_452_407))
        );
        assert_eq!(
            parse_rfc3339("2022-12-31T23:59:59.999Z"),
            Some(UnixTime(1_672_531_199))
        );
        assert_eq!(
            parse_rfc3339("2022-12-31T23:59:59.999+01:00"),
            Some(UnixTime(1_672_527_599))
        );
        assert_eq!(
            parse_rfc3339("2024-02-29T00:00:00Z"),
            Some(UnixTime(1_709_164_800))
        );
    }

    #[test]
    fn rejects_malformed_timestamps() {
        for bad in [
            "",
            "2021-01-12",
            "2021-01-12T11:53:27",
            "2021-13-12T11:53:27Z",
            "2023-02-29T00:00:00Z",
            "2021-01-12T11:53:27.Z",
            "2021-01-12 11:53:27Z",
            "1969-12-31T23:59:59Z",
            "2021-01-12T11:53:27Zjunk",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn formats_rfc3339_and_round_trips() {
        use alloc::string::ToString;
        assert_eq!(UnixTime(0).to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(UnixTime(1_709_164_800).to_string(), "2024-02-29T00:00:00Z");
        assert_eq!(UnixTime(1_672_531_199).to_string(), "2022-12-31T23:59:59Z");
        for t in [0, 59, 86_399, 951_782_400, 1_709_164_799, 4_102_444_800] {
            assert_eq!(parse_rfc3339(&UnixTime(t).to_string()), Some(UnixTime(t)));
        }
    }

    #[test]
    fn validity_end_is_inclusive() {
        let v = Validity {
            start: UnixTime(10),
            end: Some(UnixTime(20)),
        };
        assert!(!v.contains(UnixTime(9)));
        assert!(v.contains(UnixTime(10)));
        assert!(v.contains(UnixTime(20)));
        assert!(!v.contains(UnixTime(21)));
        assert!(
            Validity {
                start: UnixTime(10),
                end: None
            }
            .contains(UnixTime(u64::MAX))
        );
    }
}
