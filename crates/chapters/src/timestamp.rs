//! Clock times as written by people and by chapter formats: `1:02:03`, `75:30`, `00:01:02.5`.
//!
//! Times are kept as whole milliseconds (`u64`) everywhere in the crate: exact, ordered, and free of
//! floating-point surprises when a time is written back out.

/// A clock time found in text, with the byte span it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockTime {
    /// Milliseconds from the start of the episode.
    pub ms: u64,
    /// Byte offset of the first digit.
    pub start: usize,
    /// Byte offset just past the last digit (or fraction digit).
    pub end: usize,
    /// Whether an hour field was written (`1:02:03` rather than `62:03`).
    pub has_hours: bool,
}

/// The longest time accepted: 1000 hours. Anything larger is not a position in an episode.
pub const MAX_MS: u64 = 1000 * 3600 * 1000;

/// Parses a clock time that must fill all of `s`: `H:MM:SS`, `HH:MM:SS`, `MM:SS`, `M:SS`, minutes
/// above 59 when no hour is written, and an optional fraction of a second (`.5`, `.250`).
pub fn parse_clock(s: &str) -> Option<u64> {
    let t = scan_clock(s.as_bytes(), 0)?;
    (t.end == s.len()).then_some(t.ms)
}

/// Reads a clock time starting exactly at byte `at`; `None` when the bytes there are not one.
///
/// The caller decides about the bytes before `at`; this checks the bytes after: a time followed by
/// another digit or `:` (`1:50:` at a truncated tail, `1:2:3:4`) is rejected rather than read short.
pub fn scan_clock(b: &[u8], at: usize) -> Option<ClockTime> {
    let mut fields = [0u64; 3];
    let mut widths = [0usize; 3];
    let mut n = 0;
    let mut i = at;
    loop {
        let digits_start = i;
        let mut value: u64 = 0;
        while i < b.len() && b[i].is_ascii_digit() && i - digits_start < 4 {
            value = value * 10 + u64::from(b[i] - b'0');
            i += 1;
        }
        let width = i - digits_start;
        if width == 0 {
            return None;
        }
        fields[n] = value;
        widths[n] = width;
        n += 1;
        if n < 3 && i + 1 < b.len() && b[i] == b':' && b[i + 1].is_ascii_digit() {
            i += 1;
            continue;
        }
        break;
    }
    if n < 2 {
        return None;
    }
    // A trailing digit, or a colon that ends the text or leads to a digit (`1:50:` at a truncated
    // tail, `1:2:3:4`), means this is not a complete clock time. `00:00: Intro` is one.
    let colon_tail = b.get(i) == Some(&b':') && b.get(i + 1).is_none_or(|c| c.is_ascii_digit());
    if b.get(i).is_some_and(u8::is_ascii_digit) || colon_tail {
        return None;
    }
    let (h, m, s) = if n == 3 {
        (fields[0], fields[1], fields[2])
    } else {
        (0, fields[0], fields[1])
    };
    let (hw, mw, sw) = if n == 3 {
        (widths[0], widths[1], widths[2])
    } else {
        (0, widths[0], widths[1])
    };
    if sw != 2 || s > 59 || hw > 3 || mw > 3 {
        return None;
    }
    if n == 3 && (mw != 2 || m > 59) {
        return None;
    }
    let mut ms = ((h * 60 + m) * 60 + s) * 1000;
    // Fraction of a second: `.5`, `.25`, `.250`; further digits are read but ignored.
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i += 1;
        let mut scale = 100;
        while i < b.len() && b[i].is_ascii_digit() {
            ms += u64::from(b[i] - b'0') * scale;
            scale /= 10;
            i += 1;
        }
    }
    if ms > MAX_MS {
        return None;
    }
    Some(ClockTime {
        ms,
        start: at,
        end: i,
        has_hours: n == 3,
    })
}

/// Reads decimal seconds (`3723`, `3723.250`) as milliseconds, exactly: no float rounding, further
/// fraction digits ignored, nothing past [`MAX_MS`].
pub fn parse_seconds(s: &str) -> Option<u64> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) {
        return None;
    }
    let seconds: u64 = whole.parse().ok().filter(|s| *s <= MAX_MS / 1000)?;
    let fraction_ms: u64 = fraction
        .bytes()
        .zip([100, 10, 1])
        .map(|(d, scale)| u64::from(d - b'0') * scale)
        .sum();
    Some(seconds * 1000 + fraction_ms).filter(|ms| *ms <= MAX_MS)
}

/// A length or position as pages, feeds and links write it: a clock time (`1:44:20`, `104:20`)
/// or decimal seconds (`6260`, `83.5`).
pub fn parse_duration(s: &str) -> Option<u64> {
    let s = s.trim();
    if s.contains(':') {
        parse_clock(s)
    } else {
        parse_seconds(s)
    }
}

/// Formats milliseconds as `HH:MM:SS`, with `.mmm` only when there is a fraction.
pub fn format_hms(ms: u64) -> String {
    let base = format_hms_whole(ms);
    match ms % 1000 {
        0 => base,
        frac => format!("{base}.{frac:03}"),
    }
}

/// Formats milliseconds as `HH:MM:SS`, dropping any fraction.
pub fn format_hms_whole(ms: u64) -> String {
    let secs = ms / 1000;
    format!("{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

/// Formats milliseconds as `HH:MM:SS.mmm`, the form WebVTT and Podlove Simple Chapters use.
pub fn format_hms_millis(ms: u64) -> String {
    format!("{}.{:03}", format_hms_whole(ms), ms % 1000)
}

/// Formats milliseconds the way players show them: `1:02:03` past an hour, else `2:03`.
pub fn format_compact(ms: u64) -> String {
    let secs = ms / 1000;
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Seconds as a decimal number with at most three fraction digits, as JSON chapters write them.
pub fn format_seconds(ms: u64) -> String {
    let whole = ms / 1000;
    match ms % 1000 {
        0 => whole.to_string(),
        frac => {
            let s = format!("{whole}.{frac:03}");
            s.trim_end_matches('0').to_string()
        }
    }
}

/// Converts seconds (from JSON or JavaScript) to milliseconds, rejecting negative, infinite and
/// absurdly large values instead of saturating them into a wrong but plausible time.
pub fn seconds_to_ms(seconds: f64) -> Option<u64> {
    if !seconds.is_finite() || seconds < 0.0 {
        return None;
    }
    let ms = (seconds * 1000.0).round();
    (ms <= MAX_MS as f64).then_some(ms as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_common_form() {
        assert_eq!(parse_clock("00:00:00"), Some(0));
        assert_eq!(parse_clock("1:02:03"), Some(3_723_000));
        assert_eq!(parse_clock("01:02:03"), Some(3_723_000));
        assert_eq!(parse_clock("12:34"), Some(754_000));
        assert_eq!(parse_clock("2:05"), Some(125_000));
        assert_eq!(parse_clock("75:30"), Some(4_530_000));
        assert_eq!(parse_clock("26:00:00"), Some(93_600_000));
        assert_eq!(parse_clock("0:01.5"), Some(1_500));
        assert_eq!(parse_clock("00:00:01.250"), Some(1_250));
    }

    #[test]
    fn rejects_what_is_not_a_clock_time() {
        for s in [
            "2:1",
            "1:1",
            "16:9",
            "1:60",
            "1:75:00",
            "1:2:3",
            "12",
            ":12",
            "1:50:",
            "1:23:45:67",
        ] {
            assert_eq!(parse_clock(s), None, "{s}");
        }
    }

    #[test]
    fn formats_round_trip() {
        for ms in [0, 1_000, 62_500, 3_723_000, 93_600_001] {
            assert_eq!(parse_clock(&format_hms(ms)), Some(ms));
            assert_eq!(parse_clock(&format_hms_millis(ms)), Some(ms));
        }
        assert_eq!(format_compact(3_723_000), "1:02:03");
        assert_eq!(format_compact(125_000), "2:05");
        assert_eq!(format_seconds(62_500), "62.5");
        assert_eq!(format_seconds(62_000), "62");
    }

    #[test]
    fn durations_are_clocks_or_seconds() {
        assert_eq!(parse_duration("1:44:20"), Some(6_260_000));
        assert_eq!(parse_duration(" 90.5 "), Some(90_500));
        assert_eq!(parse_duration("soon"), None);
    }

    #[test]
    fn decimal_seconds_are_exact() {
        assert_eq!(parse_seconds("3723"), Some(3_723_000));
        assert_eq!(parse_seconds("3723.250"), Some(3_723_250));
        assert_eq!(parse_seconds("0.5"), Some(500));
        assert_eq!(parse_seconds("1.23456"), Some(1_234));
        for bad in [
            "",
            ".5",
            "-1",
            "1e3",
            "1.2.3",
            "99999999999999999999",
            "3600001",
        ] {
            assert_eq!(parse_seconds(bad), None, "{bad}");
        }
    }

    #[test]
    fn seconds_conversion_rejects_nonsense() {
        assert_eq!(seconds_to_ms(1.5), Some(1_500));
        assert_eq!(seconds_to_ms(-1.0), None);
        assert_eq!(seconds_to_ms(f64::NAN), None);
        assert_eq!(seconds_to_ms(1e300), None);
    }
}
