//! Stage 1, *normalize*: whatever the notes arrive as becomes lines of plain text that keep their
//! structure (list items, headings, table rows with their cells), for the stages after to read
//! by shape.
//!
//! Notes come out of feeds, databases and APIs in more wrappings than HTML: HTML escaped once or
//! twice (`&lt;p&gt;`, `&amp;lt;br /&amp;gt;`), CDATA sections, a JSON or SQL dump's literal `\n`
//! escapes. Each wrapping is taken off while it is there, so no `<br />` or `&#8211` reaches a
//! title. A time alone on its line with its title on the next, and a YAML mapping's `time:` and
//! `title:` lines, become one line.

use std::borrow::Cow;

use super::markup;
use super::stamp::stamps;
use crate::timestamp::{parse_clock, scan_clock};

/// How many layers of HTML escaping are taken off, at most.
const MAX_UNESCAPES: usize = 3;

/// The lines of `notes` as text: HTML read (escaped or not), line breaks restored, seek links
/// replaced by their text, split entries joined.
pub fn lines(notes: &str) -> Vec<String> {
    let unescaped = literal_escapes(notes);
    let source = if unescaped.contains("<![CDATA[") {
        Cow::Owned(unescaped.replace("<![CDATA[", "").replace("]]>", ""))
    } else {
        unescaped
    };
    let (mut escaped, mut html) = (has_escaped_tags(&source), markup::looks_like_html(&source));
    let mut text = markup::to_text(&source);
    for _ in 1..MAX_UNESCAPES {
        // Escaped HTML is HTML after one round, HTML escaped twice is escaped HTML, and HTML
        // that still shows tags once read held escaped ones.
        let again = escaped || has_escaped_tags(&text) || (html && markup::looks_like_html(&text));
        if !again {
            break;
        }
        (escaped, html) = (has_escaped_tags(&text), markup::looks_like_html(&text));
        text = markup::to_text(&text);
    }
    let lines: Vec<String> = text
        .lines()
        .map(|l| time_out_of_link(markup::drop_seek_links(l)))
        .collect();
    join_wrapped_titles(join_split_entries(lines))
}

/// A link whose text starts with the time (`- [12:03 Welcome, Ana](https://…)`) as the time
/// followed by the link (`- 12:03 [Welcome, Ana](https://…)`): the time is the entry's, the link
/// the title's.
fn time_out_of_link(line: String) -> String {
    // Only a link whose text starts with a digit is worth parsing: this runs on every line.
    let Some(open) = line.find('[').filter(|&open| {
        line.as_bytes()
            .get(open + 1)
            .is_some_and(u8::is_ascii_digit)
    }) else {
        return line;
    };
    let Some((text, url, end)) = markup::markdown_link_at(&line, open) else {
        return line;
    };
    let lead = stamps(text)
        .into_iter()
        .next()
        .filter(|s| s.start == 0 && text[s.end..].starts_with(char::is_whitespace));
    match lead {
        Some(stamp) if !text[stamp.end..].trim().is_empty() => [
            &line[..open],
            &text[..stamp.end],
            " [",
            text[stamp.end..].trim(),
            "](",
            url,
            ")",
            &line[end..],
        ]
        .concat(),
        _ => line,
    }
}

/// A title the author wrapped onto the next line — an entry line, then a line that goes on in
/// lower case with no time, then another entry — as one line. A new sentence or item starts with
/// a capital, a bullet or a number; wrapped text goes on mid-sentence, and shows it was wrapped:
/// it is indented under the entry, or the entry's line ends with a comma or dash or is as long as
/// hard-wrapped lines are. (An unindented lower-case line after a short entry is a section
/// heading in a list whose titles are lower case.)
fn join_wrapped_titles(lines: Vec<String>) -> Vec<String> {
    /// Shorter lines than this were not cut by a hard wrap.
    const WRAP_WIDTH: usize = 65;
    let starts_with_time = |l: &str| {
        let t = l
            .trim_start()
            .trim_start_matches(['-', '*', '•', '(', '[', ' ']);
        // A clock time read at the start, not the line's full scan: this runs on every line.
        scan_clock(t.as_bytes(), 0).is_some()
    };
    // Whether `l`, after the entry line `entry`, goes on its title: in lower case (the cheapest
    // test, and the rarest, so first), wrapped, and with no time of its own.
    let goes_on = |entry: &str, l: &str| {
        let t = l.trim_start();
        let indented = t.len() < l.len();
        let cut =
            || entry.trim_end().ends_with([',', '-', '–']) || entry.chars().count() >= WRAP_WIDTH;
        t.starts_with(is_lower_case) && (indented || cut()) && stamps(t).is_empty()
    };
    let wrapped: Vec<bool> = (0..lines.len())
        .map(|i| {
            lines.get(i + 1).is_some_and(|l| goes_on(&lines[i], l))
                && starts_with_time(&lines[i])
                && lines.get(i + 2).is_some_and(|l| starts_with_time(l))
        })
        .collect();
    merge_pairs(
        lines,
        |i, _| wrapped[i],
        |entry, rest| [entry.trim_end(), rest.trim()].join(" "),
    )
}

/// `lines` with each line `i` for which `pairs(i, lines)` holds merged with the line after it by
/// `merge`; the other lines moved through as they are.
fn merge_pairs(
    lines: Vec<String>,
    pairs: impl Fn(usize, &[String]) -> bool,
    merge: impl Fn(&str, &str) -> String,
) -> Vec<String> {
    let joined: Vec<bool> = (0..lines.len())
        .map(|i| i + 1 < lines.len() && pairs(i, &lines))
        .collect();
    if !joined.contains(&true) {
        return lines;
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut lines = lines.into_iter().enumerate();
    while let Some((i, line)) = lines.next() {
        match joined[i].then(|| lines.next()).flatten() {
            Some((_, next)) => out.push(merge(&line, &next)),
            None => out.push(line),
        }
    }
    out
}

/// A JSON or SQL dump's escapes (`\n`, `\r\n`, `\t`, `\"`) as the characters they stand for, when
/// the text has more of them than real line breaks: notes pasted from a dump, not a text that
/// mentions `\n` once.
fn literal_escapes(notes: &str) -> Cow<'_, str> {
    // Most notes have no backslash at all: one fast search says so.
    if !notes.contains('\\') {
        return Cow::Borrowed(notes);
    }
    let escaped = notes.matches("\\n").count();
    if escaped < 2 || escaped <= notes.matches('\n').count() {
        return Cow::Borrowed(notes);
    }
    Cow::Owned(
        notes
            .replace("\\r\\n", "\n")
            .replace("\\n", "\n")
            .replace("\\r", "\n")
            .replace("\\t", "\t")
            .replace("\\\"", "\"")
            .replace("\\/", "/"),
    )
}

/// Whether `text` holds escaped HTML tags (`&lt;p&gt;`, `&lt;/li&gt;`, `&lt;br /&gt;`), two at
/// least: notes whose HTML arrived as text, not prose that names a tag.
fn has_escaped_tags(text: &str) -> bool {
    // Most text has no `&` left once read: one fast search says so.
    if !text.contains('&') {
        return false;
    }
    text.match_indices("&lt;")
        .filter(|(i, _)| {
            let from = &text[*i..];
            let end = from.char_indices().nth(20).map_or(from.len(), |(e, _)| e);
            markup::looks_like_html(&crate::entities::decode(&from[..end]))
        })
        .nth(1)
        .is_some()
}

/// Lines joined where one entry was written over two: a time alone on its line (`00:12:30`,
/// `[12:30]`, `**12:30**`) with its title on the next line, and a YAML mapping's
/// `- time: 00:12:30` with the `title: Welcome` after it. A time alone followed by text is a list's
/// shape only when the pair repeats (a duration under a rule, then the next episode's title, is not).
fn join_split_entries(lines: Vec<String>) -> Vec<String> {
    // One look at each line: can it open such an entry? Most lines of notes cannot.
    let opens: Vec<Opens> = lines
        .iter()
        .map(|l| {
            if time_alone(l) {
                Opens::TimeAlone
            } else if yaml_value(l, TIME_KEYS).is_some() {
                Opens::YamlTime
            } else {
                Opens::Nothing
            }
        })
        .collect();
    if opens.iter().all(|o| *o == Opens::Nothing) {
        return lines;
    }
    let pair: Vec<bool> = (0..lines.len())
        .map(|i| opens[i] == Opens::TimeAlone && lines.get(i + 1).is_some_and(|n| is_title_line(n)))
        .collect();
    let repeated =
        |i: usize| pair[i] && (pair.get(i + 2) == Some(&true) || (i >= 2 && pair[i - 2]));
    merge_pairs(
        lines,
        |i, lines| {
            repeated(i)
                || (opens[i] == Opens::YamlTime && yaml_value(&lines[i + 1], TITLE_KEYS).is_some())
        },
        |first, second| match (yaml_value(first, TIME_KEYS), yaml_value(second, TITLE_KEYS)) {
            (Some(time), Some(title)) => [time, title].join(" "),
            _ => [first.trim(), second.trim()].join(" "),
        },
    )
}

/// What a line can open of an entry written over two lines.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Opens {
    Nothing,
    /// A time alone, its title on the next line.
    TimeAlone,
    /// A YAML mapping's time, its title on the next line.
    YamlTime,
}

/// A lower-case Latin letter (ASCII or Latin-1): told without Unicode's case tables, which would
/// weigh more in the wasm bundle than the rest of this stage.
fn is_lower_case(c: char) -> bool {
    c.is_ascii_lowercase() || (('\u{df}'..='\u{ff}').contains(&c) && c != '\u{f7}')
}

const TIME_KEYS: &[&str] = &[
    "time",
    "start",
    "starttime",
    "start_time",
    "timestamp",
    "at",
];
const TITLE_KEYS: &[&str] = &["title", "name", "topic", "chapter"];

/// The value of a YAML line `- key: value` or `key: value` whose key is one of `keys`.
fn yaml_value<'a>(line: &'a str, keys: &[&str]) -> Option<&'a str> {
    let line = line.trim_start();
    let item = line.strip_prefix("- ").unwrap_or(line).trim_start();
    // The key first, which is short, before anything scans the rest of a long line.
    let colon = item.bytes().take(16).position(|b| b == b':')?;
    let key = item[..colon].trim_end();
    if !keys.iter().any(|k| k.eq_ignore_ascii_case(key)) {
        return None;
    }
    let value = item[colon + 1..].trim().trim_matches(['"', '\'']);
    (!value.is_empty()).then_some(value)
}

/// Whether `line` is nothing but one time, maybe bracketed or emphasised.
fn time_alone(line: &str) -> bool {
    let line = line.trim();
    // `- **[1:02:03.500]**` at the longest; this runs on every line.
    if line.len() > 24 {
        return false;
    }
    let core = line
        .trim_start_matches(['-', '*', '•'])
        .trim_matches(|c: char| c.is_whitespace() || "()[]*_`".contains(c));
    // A clock time that fills the line.
    core.contains(':') && parse_clock(core).is_some()
}

/// Whether `line` can be the title of the time before it: text with a letter, no time of its own,
/// not too long for a title.
fn is_title_line(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && t.chars().count() <= 120
        && t.chars().any(char::is_alphabetic)
        && stamps(t).is_empty()
}

#[cfg(test)]
mod tests {
    use super::lines;

    fn non_empty(notes: &str) -> Vec<String> {
        lines(notes)
            .into_iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    }

    #[test]
    fn escaped_html_once_or_twice_is_read_as_html() {
        for notes in [
            "&lt;p&gt;(00:01:10) Welcome&lt;/p&gt;&lt;p&gt;(00:05:00) News&lt;br /&gt;(00:09:00) End&lt;/p&gt;",
            "&amp;lt;p&amp;gt;(00:01:10) Welcome&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;(00:05:00) News&amp;lt;br /&amp;gt;(00:09:00) End&amp;lt;/p&amp;gt;",
            "<p>(00:01:10) Welcome</p><p>(00:05:00) News&lt;br /&gt;(00:09:00) End</p>",
            "<![CDATA[<p>(00:01:10) Welcome</p><p>(00:05:00) News<br />(00:09:00) End</p>]]>",
        ] {
            assert_eq!(
                non_empty(notes),
                ["(00:01:10) Welcome", "(00:05:00) News", "(00:09:00) End"],
                "{notes}"
            );
        }
        // Prose that mentions a tag is not unescaped into one.
        assert_eq!(
            non_empty("Use a &lt;table&gt; here"),
            ["Use a <table> here"]
        );
    }

    #[test]
    fn a_dumps_literal_line_breaks_are_line_breaks() {
        assert_eq!(
            non_empty(r#"Chapters:\n00:00 Intro\r\n04:10 \"Quoted\" part\n09:00 End"#),
            [
                "Chapters:",
                "00:00 Intro",
                "04:10 \"Quoted\" part",
                "09:00 End"
            ]
        );
        assert_eq!(
            non_empty("Type \\n to break\n00:00 A"),
            ["Type \\n to break", "00:00 A"]
        );
    }

    #[test]
    fn a_time_in_a_links_text_comes_out_before_the_link() {
        assert_eq!(
            non_empty("- [12:03 Welcome, Ana](https://e.org/a) more\n[Docs](https://e.org)"),
            [
                "- 12:03 [Welcome, Ana](https://e.org/a) more",
                "[Docs](https://e.org)"
            ]
        );
    }

    #[test]
    fn a_title_wrapped_onto_the_next_line_is_joined() {
        assert_eq!(
            non_empty("00:00 Intro and a title that the\n  author wrapped\n05:00 Next\n  Sub point\n09:00 End"),
            ["00:00 Intro and a title that the author wrapped", "05:00 Next", "Sub point", "09:00 End"]
        );
        // A lower-case section heading under a short entry stays a line of its own.
        assert_eq!(
            non_empty("00:00 intro: data\nbaseline models\n07:52 reading the data"),
            [
                "00:00 intro: data",
                "baseline models",
                "07:52 reading the data"
            ]
        );
    }

    #[test]
    fn a_time_alone_joins_the_title_on_the_next_line() {
        assert_eq!(
            non_empty("[00:00]\nIntro\n**12:30**\nThe interview\n14:00\n15:00 Next"),
            [
                "[00:00] Intro",
                "**12:30** The interview",
                "14:00",
                "15:00 Next"
            ]
        );
        // Once is no list: an episode's length under a rule, then the next episode's title.
        assert_eq!(
            non_empty("(01:41:59) OUTRO\n--------\n1:44:20\nEpisode 19"),
            ["(01:41:59) OUTRO", "--------", "1:44:20", "Episode 19"]
        );
        assert_eq!(
            non_empty("- time: 00:12:30\n  title: Welcome\n- start: \"01:02:03\"\n  title: 'Q&A'"),
            ["00:12:30 Welcome", "01:02:03 Q&A"]
        );
    }
}
