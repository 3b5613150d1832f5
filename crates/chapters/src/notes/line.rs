//! One line of show notes: the chapter entries it can be read as, from where its timestamps sit.

use super::markup;
use super::stamp::Stamp;

/// Which side of its timestamp a title is written on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// `00:12 Title`
    TimeFirst,
    /// `Title (00:12)`
    TimeLast,
}

/// A chapter entry read from a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub ms: u64,
    pub end_ms: Option<u64>,
    pub title: String,
    pub url: Option<String>,
    pub side: Side,
}

/// Characters that separate a timestamp from its title.
const SEPARATORS: &[char] = &[
    '-', '–', '—', '―', ':', '|', '.', '•', '·', '~', '>', '»', '→', '=', ',', ';', '@', '/',
];

/// The entry a line holds when its stamp is the only one that counts, or `None`.
pub fn single_entry(line: &str, stamp: &Stamp) -> Option<Entry> {
    let before = &line[..stamp.start];
    let after = &line[stamp.end..];
    if is_lead_in(before) {
        return entry(after, stamp, Side::TimeFirst);
    }
    if is_empty_tail(after) {
        // `Title 12:34` with nothing setting the time apart is how prose mentions a time
        // (`John 3:16`, `see 12:34`); titled lists write `Title (12:34)` or `Title - 12:34`.
        let gap = before.trim_end();
        let separated = gap.len() < before.len() && gap.ends_with(SEPARATORS);
        if stamp.wrapped || separated {
            return entry(before, stamp, Side::TimeLast);
        }
    }
    // `**Welcome (0:00):** In this part we…`: a title with its time in brackets, then a colon, heads
    // the paragraph that describes it. The description is not part of the title.
    if stamp.wrapped && is_heading_colon(after) && !before.trim().is_empty() {
        // The emphasis opened before the title closes after the time: its opener is not text.
        return entry(
            before.trim_start().trim_start_matches('*'),
            stamp,
            Side::TimeLast,
        );
    }
    None
}

/// Whether `after` (what follows a bracketed time) starts with a colon, inside or after closing
/// emphasis (`):**`, `)**:`), with text after it.
fn is_heading_colon(after: &str) -> bool {
    let t = after.trim_start_matches(['*', '_']);
    t.strip_prefix(':').is_some_and(|rest| {
        rest.trim_start_matches(['*', '_'])
            .trim_start()
            .chars()
            .next()
            .is_some()
    })
}

/// Entries of a line holding several timestamps (a list whose line breaks were lost), when every
/// timestamp gets a title on the same side. When titles fit on both sides, each reading leaves
/// out one end of the line — the text before the first time, or after the last — and the one
/// leaving out more wins: prose around a list is longer than the title at the list's end.
pub fn inline_entries(line: &str, stamps: &[Stamp]) -> Option<Vec<Entry>> {
    if stamps.windows(2).any(|w| w[1].ms < w[0].ms) || in_prose(line, stamps) {
        return None;
    }
    let before = line.get(..stamps.first()?.start)?;
    let after = line.get(stamps.last()?.end..)?;
    match (time_first(line, stamps), time_last(line, stamps)) {
        (Some(first), Some(last)) => Some(
            match glued_side(line, stamps).or_else(|| dangling_side(before, after)) {
                Some(Side::TimeLast) => last,
                Some(Side::TimeFirst) => first,
                None => {
                    let len = |s: &str| s.trim().chars().count();
                    if len(after) > len(before) {
                        last
                    } else {
                        first
                    }
                }
            },
        ),
        (first, last) => first.or(last),
    }
}

/// Times running on inside sentences, not a list: a sentence goes on after a time with a comma
/// (`Στις 06:00, ο …`), and lap or split times carry fractions of a second (`Hamilton (1:12.812)`),
/// which episode timestamps only do in chapter files, one to a line.
fn in_prose(line: &str, stamps: &[Stamp]) -> bool {
    stamps
        .iter()
        .any(|s| s.ms % 1000 != 0 || line.as_bytes().get(s.end) == Some(&b','))
}

/// Which side a run-together list's titles are on, from where its line breaks were lost: a time
/// written against the text before it and spaced from the text after (`Intro(04:13) Topic`)
/// began a line, so titles follow their times; the mirror image (`Intro (0:00)Topic`) ended one.
/// `None` unless every time between the ends says the same.
fn glued_side(line: &str, stamps: &[Stamp]) -> Option<Side> {
    let b = line.as_bytes();
    let spaced = |i: Option<usize>| i.and_then(|i| b.get(i)).is_none_or(u8::is_ascii_whitespace);
    let inner = stamps.get(1..stamps.len().saturating_sub(1))?;
    let left = inner
        .iter()
        .all(|s| !spaced(s.start.checked_sub(1)) && spaced(Some(s.end)));
    let right = inner
        .iter()
        .all(|s| spaced(s.start.checked_sub(1)) && !spaced(Some(s.end)));
    match (inner.is_empty(), left, right) {
        (false, true, false) => Some(Side::TimeFirst),
        (false, false, true) => Some(Side::TimeLast),
        _ => None,
    }
}

/// Which side a run-together list's titles are on, from the text left over at its ends: prose or
/// links after the last time (`… Q&A (31:02) Links: https://…`, `… Thanks to our sponsor.`) and a
/// short `Label: Title` before the first mean titles come before their times; a bare `Label:`
/// right before the first time means they follow, and so does a Markdown heading (`## Outline`)
/// that names the list, which says more than how the text after the list happens to end. `None`
/// when the ends do not say.
fn dangling_side(before: &str, after: &str) -> Option<Side> {
    let heading = before
        .trim_end()
        .rsplit_once("# ")
        // A heading's name is short: its length first, before anything counts words in prose.
        .is_some_and(|(_, name)| {
            name.len() <= 40
                && (1..=3).contains(&name.split_whitespace().count())
                && !name.contains(['.', '!', '?'])
        });
    if heading {
        return Some(Side::TimeFirst);
    }
    let a = after.trim();
    let prose_after = a.contains("://") || a.ends_with(['.', '!', '?']) || a.contains(": ");
    let b = before.trim();
    let label_then_title = b.split_once(':').is_some_and(|(label, title)| {
        let words = |t: &str| t.split_whitespace().count();
        (1..=3).contains(&words(label))
            && (1..=8).contains(&words(title))
            && !title.contains(['.', '!', '?', ':'])
    });
    if prose_after || label_then_title {
        Some(Side::TimeLast)
    } else if b.ends_with(':') || is_lead_in(before) {
        Some(Side::TimeFirst)
    } else {
        None
    }
}

/// `00:00 Intro 05:00 Topic`: each title runs from its time to the next.
fn time_first(line: &str, stamps: &[Stamp]) -> Option<Vec<Entry>> {
    // Two times in a sentence (`from 10:00 to 12:30`) are prose: a list of two must start the line.
    let few = stamps.len() < 3;
    if few && !is_lead_in(line.get(..stamps.first()?.start)?) {
        return None;
    }
    stamps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let to = stamps.get(i + 1).map_or(line.len(), |n| n.start);
            entry(line.get(s.end..to)?, s, Side::TimeFirst)
        })
        .collect()
}

/// `Intro (00:00) Topic (05:00)`: each title runs from the previous time to its own; text after
/// the last time is left out, but a list of two must end the line and wrap its times.
fn time_last(line: &str, stamps: &[Stamp]) -> Option<Vec<Entry>> {
    let trailing = line.get(stamps.last()?.end..)?;
    if stamps.len() < 3 && (!is_empty_tail(trailing) || !stamps.iter().all(|s| s.wrapped)) {
        return None;
    }
    stamps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let text = match i.checked_sub(1) {
                Some(p) => line.get(stamps[p].end..s.start)?,
                None => after_lead_prose(line.get(..s.start)?),
            };
            entry(text, s, Side::TimeLast)
        })
        .collect()
}

/// The first title of a flattened `Title (0:00) …` list: the text after the last sentence end,
/// label colon (`Chapters:`) or wide gap before it, since prose may lead into the list.
fn after_lead_prose(text: &str) -> &str {
    let t = text.trim_end();
    [". ", "? ", "! ", ": ", "  "]
        .iter()
        .filter_map(|b| t.rfind(b).map(|i| i + b.len()))
        .max()
        .and_then(|i| t.get(i..))
        .unwrap_or(t)
}

/// Whether the text after a time leaves it at the end of its line: nothing but separators, a
/// closing `.`, `,`, `;`, or closing brackets — a stray one too (`- Title ([22:45](url)]`).
fn is_empty_tail(after: &str) -> bool {
    clean_time_last(after)
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ')' | ']' | '}'))
}

fn entry(raw_title: &str, stamp: &Stamp, side: Side) -> Option<Entry> {
    let cleaned = match side {
        Side::TimeFirst => clean_time_first(raw_title),
        Side::TimeLast => clean_time_last(raw_title),
    };
    let (title, url) = markup::strip_links(cleaned);
    let title = strip_inline_markup(unwrap_emphasis(strip_stray_close(title.trim())));
    if title.is_empty() || (!title.chars().any(is_wordlike) && title.chars().count() < 2) {
        return None;
    }
    Some(Entry {
        ms: stamp.ms,
        end_ms: stamp.end_ms,
        title,
        url,
        side,
    })
}

/// Whether the text before a stamp is only list decoration: bullets of any kind (`-`, `•`, `⌨️`),
/// a heading mark, numbering (`1.`, `2)`, a row's `04 /` or `04 |`) — anything without letters or
/// digits but the numbering.
fn is_lead_in(before: &str) -> bool {
    let rest = before.trim_start_matches(|c: char| !is_wordlike(c));
    let unnumbered = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = if unnumbered.len() < rest.len() {
        unnumbered
            .strip_prefix(['.', ')'])
            .or_else(|| unnumbered.trim_start().strip_prefix(['/', '|']))
            .unwrap_or(rest)
    } else {
        rest
    };
    !rest.chars().any(is_wordlike)
}

/// A letter or digit in any script, told from symbols, punctuation and emoji by block rather than
/// by Unicode's property tables, which would be most of the parser's weight in the wasm bundle.
pub(super) fn is_wordlike(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(c,
        '\u{80}'..='\u{bf}'           // Latin-1 punctuation and signs: « » · ¡ ¿
        | '\u{d7}' | '\u{f7}'         // × ÷
        | '\u{2000}'..='\u{20ff}'     // general punctuation, currency: – — • € (not ℕ ℊ Ⅻ after it)
        | '\u{2190}'..='\u{2bff}'     // arrows, maths, shapes, dingbats: → ▶ ✅
        | '\u{2e00}'..='\u{2e7f}'     // supplemental punctuation
        | '\u{3000}'..='\u{303f}'     // CJK punctuation: 「」、。
        | '\u{fe00}'..='\u{fe0f}'     // variation selectors (emoji presentation)
        | '\u{ff01}'..='\u{ff0f}'     // fullwidth punctuation
        | '\u{1f000}'..='\u{1faff}'   // emoji and pictographs
        | '\u{e0000}'..='\u{e007f}'   // emoji tag sequences
    )
}

/// A title written after its time: separators before it and list glue after it go.
fn clean_time_first(raw: &str) -> &str {
    let mut t = raw;
    // A slash separates only when set apart: `/cache-setup` after a time is a command's name.
    while let Some(c) = t.chars().next() {
        let rest = &t[c.len_utf8()..];
        let separates = c.is_whitespace()
            || (SEPARATORS.contains(&c)
                && (c != '/' || rest.starts_with(|n: char| n.is_whitespace() || n == '/')));
        if !separates {
            break;
        }
        t = rest;
    }
    let t = t.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ',' | ';' | '•' | '·')
    });
    strip_truncated_stamp(t)
}

/// A title written before its time: bullets before it and separators after it go.
fn clean_time_last(raw: &str) -> &str {
    let t = raw.trim_start();
    let t = if is_lead_in(t.split_whitespace().next().unwrap_or_default()) {
        t.split_once(char::is_whitespace).map_or("", |(_, r)| r)
    } else {
        t
    };
    t.trim_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c) && c != '.')
}

/// Drops a timestamp cut off at the end of truncated notes: `OUTRO (1:50:` → `OUTRO`.
fn strip_truncated_stamp(t: &str) -> &str {
    // Bytes, not chars: both brackets are ASCII, and titles read from run-together lines are long.
    if let Some(open) = t.bytes().rposition(|b| matches!(b, b'(' | b'[')) {
        let tail = &t[open + 1..];
        if tail
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '…'))
        {
            return t[..open].trim_end();
        }
    }
    t
}

/// `## **[12:30] Title**`: the emphasis opened before the time closes after the title, so the
/// title ends in a mark it has no opening for.
fn strip_stray_close(t: &str) -> &str {
    for mark in ["**", "__"] {
        if let Some(inner) = t.strip_suffix(mark) {
            if !inner.contains(mark) {
                return inner.trim_end();
            }
        }
    }
    t
}

/// `**Title**` → `Title`, when the emphasis wraps the whole title and nothing else uses it.
fn unwrap_emphasis(t: &str) -> String {
    for mark in ["**", "__", "*", "_", "`"] {
        if let Some(inner) = t.strip_prefix(mark).and_then(|r| r.strip_suffix(mark)) {
            if !inner.is_empty() && !inner.contains(mark) {
                return inner.trim().to_string();
            }
        }
    }
    t.to_string()
}

/// Markdown inside a title is markup, not text: a heading's `#` marks, and `**bold**`, `*em*`
/// and `` `code` `` around words, which go while their text stays. Where this meets titles
/// written in plain text, the text wins: marks go only in pairs around text that starts and ends
/// with a non-space and has a letter or digit (`Savannah at ***** Maps`, `2 * 3` stay), and
/// underscores are left alone inside a title, where `__annotations__` is Python, not bold.
fn strip_inline_markup(title: String) -> String {
    // Most titles have no marks at all: they go through untouched (a byte scan: the marks are
    // ASCII, and this runs on every title read).
    if !title.bytes().any(|b| matches!(b, b'*' | b'`' | b'#')) {
        return title;
    }
    let t = title.trim_start_matches('#');
    let t = if t.len() < title.len() && t.starts_with(' ') {
        t.trim_start()
    } else {
        &title
    };
    let mut out = t.to_string();
    for mark in ["**", "*", "`"] {
        if out.contains(mark) {
            out = strip_pairs(&out, mark);
        }
    }
    out.trim().to_string()
}

/// `text` without each pair of `mark`s around a word or phrase.
fn strip_pairs(text: &str, mark: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(mark) {
        let after = &rest[open + mark.len()..];
        let Some(close) = after.find(mark) else {
            break;
        };
        let inner = &after[..close];
        let phrase = !inner.starts_with(char::is_whitespace)
            && !inner.ends_with(char::is_whitespace)
            && inner.chars().any(is_wordlike);
        if phrase {
            out.push_str(&rest[..open]);
            out.push_str(inner);
            rest = &after[close + mark.len()..];
        } else {
            out.push_str(&rest[..open + mark.len()]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::super::stamp::stamps;
    use super::*;

    #[test]
    fn a_bare_zero_starts_a_line_and_a_stray_bracket_ends_one() {
        assert_eq!(one("0: Intro"), Some((0, "Intro".into(), Side::TimeFirst)));
        assert_eq!(one("- 0: Intro").map(|e| e.0), Some(0));
        // Anywhere else `0:` is not a time: a score, a count.
        assert!(stamps("Score 0: 2").is_empty());
        assert!(stamps("0:x").is_empty());
        assert_eq!(
            one("- Title ([22:45](https://youtu.be/x?t=1365s)]").map(|e| (e.0, e.1)),
            Some((1_365_000, "Title".into()))
        );
    }

    #[test]
    fn a_titled_time_heading_a_description() {
        for line in [
            "**Welcome (0:00):** In this part we say hello.",
            "Welcome (0:00): In this part we say hello.",
            "**Welcome (0:00)**: In this part we say hello.",
        ] {
            assert_eq!(
                one(line),
                Some((0, "Welcome".into(), Side::TimeLast)),
                "{line}"
            );
        }
        // A colon with nothing after it, or an unbracketed time, is not this form.
        assert_eq!(one("See it at 12:34: later"), None);
    }

    #[test]
    fn markdown_in_titles_is_markup() {
        for (raw, title) in [
            (
                "The news: **Rust 2024 edition**",
                "The news: Rust 2024 edition",
            ),
            (
                "Using `sys.getrefcount()` *safely*",
                "Using sys.getrefcount() safely",
            ),
            ("## Closing thoughts", "Closing thoughts"),
            ("Savannah at ***** Maps", "Savannah at ***** Maps"),
            (
                "Xuanteng Huang's __annotations__ race fix",
                "Xuanteng Huang's __annotations__ race fix",
            ),
            ("2 * 3 * 4 = 24", "2 * 3 * 4 = 24"),
            ("C# and F# #1", "C# and F# #1"),
            ("a ** b", "a ** b"),
            ("**unclosed", "**unclosed"),
        ] {
            assert_eq!(strip_inline_markup(raw.to_string()), title, "{raw}");
        }
        assert_eq!(
            one("12:34 The news: **Rust 2024 edition**")
                .map(|e| e.1)
                .as_deref(),
            Some("The news: Rust 2024 edition")
        );
    }

    #[test]
    fn overlapping_wrappers_do_not_panic() {
        // Found by fuzzing: `_` runs let one stamp's wrapper reach past the next stamp's start.
        let line = "Li@nks &re 00:01__________________________100:00:00.000________100:00:00.000___+_______ --> 100:___";
        let s = stamps(line);
        assert!(s.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn wordlike_covers_scripts_not_symbols() {
        for c in [
            'a', 'Z', '7', 'é', 'Ł', 'ж', '日', 'ア', 'ß', 'ع', 'ℊ', 'ℕ', 'Ⅻ',
        ] {
            assert!(is_wordlike(c), "{c}");
        }
        for c in [
            '-', '–', '—', '•', '·', '▶', '⌨', '\u{fe0f}', '🎙', '«', '「', '→', '|',
        ] {
            assert!(!is_wordlike(c), "{c}");
        }
    }

    fn one(line: &str) -> Option<(u64, String, Side)> {
        let s = stamps(line);
        let e = single_entry(line, s.first()?)?;
        Some((e.ms, e.title, e.side))
    }

    #[test]
    fn wrappers_are_part_of_the_stamp() {
        let s = stamps("**(00:12:49)** x [1:02](https://y.t/?t=62) `3:04`");
        let spans: Vec<_> = s
            .iter()
            .map(|s| (s.ms, s.start, s.end, s.wrapped))
            .collect();
        assert_eq!(spans[0], (769_000, 0, 14, true));
        assert_eq!(spans[1].0, 62_000);
        assert!(spans[1].3);
        assert_eq!(spans[2].0, 184_000);
    }

    #[test]
    fn times_of_day_are_not_stamps() {
        for l in [
            "5:30pm",
            "5:30 PM",
            "at 18:00 Uhr",
            "10:15 a.m.",
            "9:00 ET",
            "18:00 h",
        ] {
            assert!(stamps(l).is_empty(), "{l}");
        }
    }

    #[test]
    fn a_title_starting_with_h_and_a_letter_of_any_script_is_a_title() {
        for (line, ms, title) in [
            ("12:00 Hırsızlık üzerine", 720_000, "Hırsızlık üzerine"),
            ("07:30 Hướng dẫn cài đặt", 450_000, "Hướng dẫn cài đặt"),
            ("1:05:00 Hœnir", 3_900_000, "Hœnir"),
            ("2:00 Hжук", 120_000, "Hжук"),
        ] {
            assert_eq!(stamps(line).first().map(|s| s.ms), Some(ms), "{line}");
            assert_eq!(one(line).map(|e| e.1).as_deref(), Some(title), "{line}");
        }
    }

    #[test]
    fn ranges_become_one_stamp() {
        let s = stamps("00:00 - 05:30 Intro");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].end_ms, Some(330_000));
        assert_eq!(
            one("[00:00–05:30] Intro").map(|e| e.1).as_deref(),
            Some("Intro")
        );
    }

    #[test]
    fn time_first_and_time_last() {
        assert_eq!(
            one("(00:12:49) Make the process run code for you"),
            Some((
                769_000,
                "Make the process run code for you".into(),
                Side::TimeFirst
            ))
        );
        assert_eq!(
            one("- **00:01** — Intro").map(|e| e.1).as_deref(),
            Some("Intro")
        );
        assert_eq!(
            one("12. 3:04 | Topic").map(|e| e.1).as_deref(),
            Some("Topic")
        );
        assert_eq!(
            one("Intro (00:00)"),
            Some((0, "Intro".into(), Side::TimeLast))
        );
        assert_eq!(
            one("Title - *00:01:01*").map(|e| e.1).as_deref(),
            Some("Title")
        );
        assert_eq!(
            one("* Wrap-up – 1:02:03").map(|e| e.1).as_deref(),
            Some("Wrap-up")
        );
    }

    #[test]
    fn prose_is_not_an_entry() {
        for l in [
            "John 3:16",
            "at 12:34 he says",
            "see 12:34",
            "Recorded 1:23:45 ago today",
            "5:30",
        ] {
            assert_eq!(one(l), None, "{l}");
        }
    }

    #[test]
    fn inline_lists_split_between_stamps() {
        let line = "## Timestamps(00:00:00) INTRO(00:02:16) concurrent.futures.Executor.map(buffersize=)(01:41:59) OUTRO(1:50:";
        let s = stamps(line);
        let e = inline_entries(line, &s).unwrap_or_default();
        let titles: Vec<_> = e.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "INTRO",
                "concurrent.futures.Executor.map(buffersize=)",
                "OUTRO"
            ]
        );
        let e = inline_entries(
            "Intro (00:00) Topic one (05:00) Topic two (10:00)",
            &stamps("Intro (00:00) Topic one (05:00) Topic two (10:00)"),
        )
        .unwrap_or_default();
        assert_eq!(
            e.iter().map(|e| e.title.as_str()).collect::<Vec<_>>(),
            ["Intro", "Topic one", "Topic two"]
        );
    }

    #[test]
    fn any_decoration_without_letters_leads_in() {
        assert_eq!(
            one("   ⌨️ (1:11:29) Navbar").map(|e| e.1).as_deref(),
            Some("Navbar")
        );
        assert_eq!(one("★ 2) 0:30 Hi").map(|e| e.1).as_deref(), Some("Hi"));
        assert_eq!(one("Nr 1 0:30 Hi"), None);
    }

    #[test]
    fn a_short_prefix_inside_brackets_is_part_of_the_wrapper() {
        assert_eq!(
            one("- [@11:24] - [Noria](https://n.org)")
                .map(|e| e.1)
                .as_deref(),
            Some("Noria")
        );
        assert_eq!(
            one("Frankfurt - Bremen 5:2 (ab 1:34)"),
            Some((94_000, "Frankfurt - Bremen 5:2".into(), Side::TimeLast))
        );
        assert_eq!(one("Mehr davon (später 1:34)"), None);
        assert_eq!(one("Mehr davon (Ab 1:34)"), None);
    }

    #[test]
    fn a_closing_stop_after_a_time_last_stamp_ends_the_line() {
        assert_eq!(
            one("- [Title](https://t.io) - *01:03:21*.")
                .map(|e| e.1)
                .as_deref(),
            Some("Title")
        );
        assert_eq!(one("Title (1:00), more"), None);
    }

    #[test]
    fn a_time_joined_to_a_time_of_day_is_one_too() {
        for l in [
            "10:30 - 10:45am. Intro",
            "10:30am - 10:45 Intro",
            "1:00 to 2:00 pm",
        ] {
            assert!(stamps(l).is_empty(), "{l}");
        }
        assert_eq!(stamps("Doors 9:00am. 00:30 Intro").len(), 1);
    }

    #[test]
    fn inline_lists_leave_out_the_longer_end() {
        let line = "About this show. Chapters: Intro (00:00) Health (0:27) End (3:35) Links: the show's site, its feed, every host's socials";
        let e = inline_entries(line, &stamps(line)).unwrap_or_default();
        assert_eq!(
            e.iter()
                .map(|e| (e.title.as_str(), e.side))
                .collect::<Vec<_>>(),
            [
                ("Intro", Side::TimeLast),
                ("Health", Side::TimeLast),
                ("End", Side::TimeLast)
            ]
        );
        let line =
            "Long prose about the episode ## Timestamps(00:00) INTRO(02:16) Topic(41:59) OUTRO";
        let e = inline_entries(line, &stamps(line)).unwrap_or_default();
        assert_eq!(
            e.iter()
                .map(|e| (e.title.as_str(), e.side))
                .collect::<Vec<_>>(),
            [
                ("INTRO", Side::TimeFirst),
                ("Topic", Side::TimeFirst),
                ("OUTRO", Side::TimeFirst)
            ]
        );
    }

    #[test]
    fn link_in_title_becomes_chapter_url() {
        let line = "00:12:00 Talking about [Tokio](https://tokio.rs)";
        let e = single_entry(line, &stamps(line)[0]);
        assert_eq!(
            e.as_ref().map(|e| e.title.as_str()),
            Some("Talking about Tokio")
        );
        assert_eq!(e.and_then(|e| e.url).as_deref(), Some("https://tokio.rs"));
    }
}
