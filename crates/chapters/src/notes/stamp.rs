//! The timestamps in a line of show notes, with whatever wraps them: the scanner every later
//! stage reads lines with. Times of day (`5:30pm`, `18:00 Uhr`) are not timestamps.

use super::line::is_wordlike;
use super::markup;
use crate::timestamp::{scan_clock, ClockTime};

/// A timestamp in a line, with whatever wraps it: `(00:12:49)`, `**1:02:03**`, `[12:34](url)`,
/// or a range `00:00–05:30`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub ms: u64,
    /// The end of a written range (`00:00 - 05:30 Intro`).
    pub end_ms: Option<u64>,
    /// Byte span of the stamp including its wrapper.
    pub start: usize,
    pub end: usize,
    /// Set off by brackets, emphasis or a link, rather than bare digits in running text.
    pub wrapped: bool,
}

/// Words after a time that make it a time of day, not a position in an episode.
const CLOCK_SUFFIXES: &[&str] = &[
    "am", "pm", "a.m.", "p.m.", "uhr", "utc", "gmt", "cet", "cest", "bst", "est", "edt", "cst",
    "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "o'clock", "hrs", "hours", "h",
];

/// Every timestamp in `line`, in order.
pub fn stamps(line: &str) -> Vec<Stamp> {
    let b = line.as_bytes();
    let mut out: Vec<Stamp> = Vec::new();
    // Where the last time of day (`10:45am`) ended, for `10:30am - 11:00`.
    let mut day_end = None;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && !can_precede(b[i - 1])) {
            i += 1;
            continue;
        }
        let Some(t) = scan_clock(b, i).or_else(|| bare_zero(line, i)) else {
            // Skip the rest of this run of digits so `123:45` is not read as `23:45`.
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        };
        i = t.end;
        // `00:04:17,008`: a subtitle cue's time or a decimal comma, never a chapter's.
        if b.get(t.end) == Some(&b',') && b.get(t.end + 1).is_some_and(u8::is_ascii_digit) {
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b',') {
                i += 1;
            }
            continue;
        }
        if let Some(len) = clock_of_day_len(&line[t.end..]) {
            // `10:30 - 10:45am`: a time joined to a time of day is one too.
            if out.last().is_some_and(|p| {
                p.end_ms.is_none() && line.get(p.end..t.start).is_some_and(is_range_joint)
            }) {
                out.pop();
            }
            day_end = Some(t.end + len);
            continue;
        }
        if b.get(t.end).is_some_and(|c| c.is_ascii_alphanumeric())
            || day_end.is_some_and(|d| line.get(d..t.start).is_some_and(is_range_joint))
        {
            continue;
        }
        let stamp = wrap(line, t.ms, t.start, t.end);
        // A wrapper can only be grown over text that is not another stamp's.
        if out.last().is_some_and(|p| stamp.start < p.end) {
            continue;
        }
        // `00:00 - 05:30`: a range is one stamp that starts at its first time.
        if let Some(prev) = out.last_mut() {
            if prev.end_ms.is_none()
                && line.get(prev.end..stamp.start).is_some_and(is_range_joint)
                && stamp.ms > prev.ms
            {
                prev.end_ms = Some(stamp.ms);
                let joined = wrap_range(line, prev.start, stamp.end);
                prev.start = joined.0;
                prev.end = joined.1;
                prev.wrapped |= stamp.wrapped || joined.2;
                i = prev.end;
                continue;
            }
        }
        i = stamp.end;
        out.push(stamp);
    }
    out
}

/// `0: Intro`: the first chapter's zero written without its minutes, at the start of a line —
/// the one time whose missing digits cannot be anything but zeros.
fn bare_zero(line: &str, i: usize) -> Option<ClockTime> {
    let b = line.as_bytes();
    let bare = b.get(i) == Some(&b'0')
        && b.get(i + 1) == Some(&b':')
        && b.get(i + 2).is_some_and(|c| matches!(c, b' ' | b'\t'))
        && !line[..i].chars().any(is_wordlike);
    bare.then_some(ClockTime {
        ms: 0,
        start: i,
        end: i + 2,
        has_hours: false,
    })
}

fn can_precede(c: u8) -> bool {
    !(c.is_ascii_alphanumeric()
        || matches!(c, b':' | b'.' | b',' | b'/' | b'$' | b'#' | b'+' | b'='))
}

/// The length of the time-of-day word (`pm`, ` Uhr`) at the start of `after`, if there is one.
/// The word must end there: `h` is an hour unit in `18:00 h`, but the first letter of
/// `Hırsızlık` or `Hướng` — letters of any script continue a word.
fn clock_of_day_len(after: &str) -> Option<usize> {
    let trimmed = after.trim_start();
    let raw: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '.' || *c == '\'')
        .take(8)
        .collect();
    if trimmed[raw.len()..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii() && is_wordlike(c))
    {
        return None;
    }
    let word = raw.to_ascii_lowercase();
    let word = word.trim_end_matches('.');
    CLOCK_SUFFIXES
        .iter()
        .any(|s| s.trim_end_matches('.') == word)
        .then_some(after.len() - trimmed.len() + raw.len())
}

fn is_range_joint(between: &str) -> bool {
    let t = between.trim();
    matches!(t, "-" | "–" | "—" | "~" | "to" | "-->" | "->" | "bis")
}

/// Extends the digits at `start..end` over a wrapper around them.
fn wrap(line: &str, ms: u64, start: usize, end: usize) -> Stamp {
    let (start, end, wrapped) = wrap_range(line, start, end);
    Stamp {
        ms,
        end_ms: None,
        start,
        end,
        wrapped,
    }
}

/// Grows `start..end` over matching pairs around it — brackets, emphasis, code — and a Markdown
/// link label `[12:34](url)`, as long as they enclose nothing else.
fn wrap_range(line: &str, mut start: usize, mut end: usize) -> (usize, usize, bool) {
    let b = line.as_bytes();
    let mut wrapped = false;
    if let Some(open) = bracket_prefix(line, start) {
        let close = if b.get(open) == Some(&b'(') {
            b')'
        } else {
            b']'
        };
        if b.get(end) == Some(&close) {
            (start, end, wrapped) = (open, end + 1, true);
        }
    }
    while let Some(&open) = start.checked_sub(1).and_then(|s| b.get(s)) {
        let close = b.get(end);
        let expected = match open {
            b'(' => b')',
            b'[' => b']',
            b'{' => b'}',
            b'*' | b'_' | b'`' => open,
            _ => break,
        };
        if close == Some(&expected) {
            if open == b'[' {
                if let Some((_, _, link_end)) = markup::markdown_link_at(line, start - 1) {
                    start -= 1;
                    end = link_end;
                    wrapped = true;
                    continue;
                }
            }
            start -= 1;
            end += 1;
            wrapped = true;
        } else {
            break;
        }
    }
    // A bracket before and a bracket after that do not match (`Title (22:45]`, a link label's
    // stray close) still set the time apart from the title.
    let before = start.checked_sub(1).and_then(|s| b.get(s));
    if matches!(before, Some(b'(' | b'[')) && matches!(b.get(end), Some(b')' | b']')) {
        (start, end, wrapped) = (start - 1, end + 1, true);
    }
    (start, end, wrapped)
}

/// Where the bracket opens when one wraps a time together with a short prefix: `[@11:24]`,
/// `(ab 1:34)`, `(at 5:00)` — `@` or one lowercase word of at most four letters.
fn bracket_prefix(line: &str, start: usize) -> Option<usize> {
    let before = line.get(..start)?;
    if let Some(open) = before
        .strip_suffix("[@")
        .or_else(|| before.strip_suffix("(@"))
    {
        return Some(open.len());
    }
    let rest = before.strip_suffix(' ')?;
    let open = rest.rfind(|c: char| !c.is_ascii_lowercase())?;
    let word = rest.get(open + 1..)?;
    let short = (1..=4).contains(&word.chars().count());
    (short && matches!(rest.as_bytes().get(open), Some(b'(' | b'['))).then_some(open)
}
