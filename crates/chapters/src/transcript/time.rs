//! Cue timestamps as real transcript files write them, strict or not: `00:01:02.500` (WebVTT),
//! `00:01:02,500` (SRT), `1:02.5`, `3:44.100`, `0.860` (seconds alone), stray spaces.

use crate::timestamp::{parse_seconds, MAX_MS};

/// Milliseconds in `s`: one to three `:`-separated fields of at most six digits, the last with
/// an optional fraction after `.` or `,`.
pub fn parse(s: &str) -> Option<u64> {
    let s = s.trim();
    let (clock, last) = s.rsplit_once(':').unwrap_or(("", s));
    let last = last.trim();
    if last
        .split(['.', ','])
        .next()
        .is_some_and(|whole| whole.len() > 6)
    {
        return None;
    }
    let seconds_ms = parse_seconds(&last.replace(',', "."))?;
    let fields: Vec<&str> = clock
        .split(':')
        .map(str::trim)
        .filter(|_| !clock.is_empty())
        .collect();
    if fields.len() > 2
        || fields
            .iter()
            .any(|f| f.is_empty() || f.len() > 6 || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let minutes = fields.iter().try_fold(0u64, |acc, f| {
        Some(acc.checked_mul(60)? + f.parse::<u64>().ok()?)
    })?;
    minutes
        .checked_mul(60_000)?
        .checked_add(seconds_ms)
        .filter(|ms| *ms <= MAX_MS)
}

/// A timing line `START --> END [settings]`; an end that cannot be read is taken as the start.
pub fn timing(line: &str) -> Option<(u64, u64)> {
    let (start, rest) = line.split_once("-->")?;
    let start = parse(start)?;
    let end = rest
        .split_whitespace()
        .next()
        .and_then(parse)
        .unwrap_or(start);
    Some((start, end.max(start)))
}

/// The cue blocks of a WebVTT or SRT body (blocks are separated by blank lines): each block
/// whose first or second line is a readable timing line, as its times and its text lines. An
/// identifier or cue number may come first; `NOTE`, `STYLE` and `REGION` blocks and junk have
/// no timing line and are passed over.
pub fn cue_blocks<'a>(
    lines: &'a [&'a str],
) -> impl Iterator<Item = ((u64, u64), &'a [&'a str])> + 'a {
    let mut i = 0;
    std::iter::from_fn(move || loop {
        while lines.get(i).is_some_and(|l| l.trim().is_empty()) {
            i += 1;
        }
        if i >= lines.len() {
            return None;
        }
        let start = i;
        while lines.get(i).is_some_and(|l| !l.trim().is_empty()) {
            i += 1;
        }
        let block = &lines[start..i];
        let Some(at) = block.iter().take(2).position(|l| l.contains("-->")) else {
            continue;
        };
        if let Some(times) = timing(block[at]) {
            return Some((times, &block[at + 1..]));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_and_broken_times() {
        assert_eq!(parse("00:01:02.500"), Some(62_500));
        assert_eq!(parse("00:01:02,5"), Some(62_500));
        assert_eq!(parse("3:44.100"), Some(224_100));
        assert_eq!(parse("0.860"), Some(860));
        assert_eq!(parse(" 1:02:03 "), Some(3_723_000));
        assert_eq!(parse("1:2:3:4"), None);
        assert_eq!(parse("a:00"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("99999999999999:00"), None);
    }

    #[test]
    fn timing_lines() {
        assert_eq!(
            timing("00:00.000 --> 00:02.500 align:start"),
            Some((0, 2_500))
        );
        assert_eq!(timing("0.860 --> 3:44.100"), Some((860, 224_100)));
        assert_eq!(timing("00:00:05,000 -->"), Some((5_000, 5_000)));
        assert_eq!(timing("no times"), None);
    }
}
