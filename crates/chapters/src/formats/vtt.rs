//! WebVTT chapters (`chapters.vtt`, `<track kind="chapters">`): read leniently, since files come
//! from many tools and hands; written strictly, since browsers are the main consumer.
//!
//! Ends: WebVTT cues always have an end, the model only keeps an end when it says something. The
//! reader therefore drops a cue's end when it equals the next cue's start (the implicit end), and
//! the last cue's end when it is exactly [`UNKNOWN_END_MS`] after its start (what [`write`] invents
//! when it does not know the episode length). Any other end is kept. So `read(write(c)) == c` for
//! titles without surrounding whitespace, except that an explicit end equal to the next start (or a
//! last chapter exactly 1 s long) comes back as `None`, which means the same to the player.

use crate::entities;
use crate::formats::{Format, ParseError};
use crate::model::{Chapter, Chapters};
use crate::timestamp::{format_hms_millis, parse_clock, MAX_MS};

/// Length given to a last chapter whose end is unknown: WebVTT needs an end, but only the caller of
/// [`write_with_duration`] knows how long the episode is.
pub const UNKNOWN_END_MS: u64 = 1000;

fn error(message: impl Into<String>) -> ParseError {
    ParseError::new(Format::Vtt, message)
}

struct Cue {
    start: u64,
    end: u64,
    title: String,
}

/// Reads a WebVTT file; every cue becomes a chapter whose title is the cue text as plain text.
pub fn read(text: &str) -> Result<Chapters, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let after = text
        .strip_prefix("WEBVTT")
        .ok_or_else(|| error("missing WEBVTT header"))?;
    if !matches!(after.chars().next(), None | Some(' ' | '\t' | '\n' | '\r')) {
        return Err(error("missing WEBVTT header"));
    }
    let lines = split_lines(text);

    // The header block runs to the first blank line; a timing line in it means the blank line
    // after the header was forgotten, and starts the first cue (as in the WebVTT parser).
    let mut i = 1;
    while lines
        .get(i)
        .is_some_and(|l| !is_blank(l) && !l.contains("-->"))
    {
        i += 1;
    }

    let mut cues = Vec::new();
    loop {
        while lines.get(i).is_some_and(|l| is_blank(l)) {
            i += 1;
        }
        let Some(first) = lines.get(i) else { break };
        let timing_at = if first.contains("-->") {
            i
        } else if is_skipped_block(first) {
            while lines.get(i).is_some_and(|l| !is_blank(l)) {
                i += 1;
            }
            continue;
        } else {
            i + 1
        };
        let Some(timing) = lines.get(timing_at).filter(|l| !is_blank(l)) else {
            return Err(error(format!(
                "line {}: cue {} has no timing line",
                i + 1,
                quote(first)
            )));
        };
        let (start, end) = parse_timing(timing).ok_or_else(|| {
            error(format!(
                "line {}: bad cue timing {}",
                timing_at + 1,
                quote(timing)
            ))
        })?;
        // The payload ends at a blank line, or at a timing line when the blank line is missing.
        i = timing_at + 1;
        let from = i;
        while lines
            .get(i)
            .is_some_and(|l| !is_blank(l) && !l.contains("-->"))
        {
            i += 1;
        }
        let payload = lines.get(from..i).unwrap_or_default();
        cues.push(Cue {
            start,
            end,
            title: cue_title(payload),
        });
    }

    // Sort and deduplicate as `Chapters::new` will, so "the next cue" below is the next chapter.
    cues.sort_by_key(|c| c.start);
    cues.dedup_by_key(|c| c.start);
    let starts: Vec<u64> = cues.iter().map(|c| c.start).collect();
    let chapters = cues
        .into_iter()
        .enumerate()
        .map(|(n, cue)| {
            let implicit = match starts.get(n + 1) {
                Some(&next) => cue.end == next,
                None => cue.end == cue.start.saturating_add(UNKNOWN_END_MS),
            };
            Chapter {
                start_ms: cue.start,
                title: cue.title,
                end_ms: (!implicit).then_some(cue.end),
                ..Chapter::default()
            }
        })
        .collect();
    Ok(Chapters::new(chapters))
}

/// Writes WebVTT without knowing the episode length: see [`write_with_duration`].
pub fn write(chapters: &Chapters) -> String {
    write_with_duration(chapters, None)
}

/// Writes WebVTT. A cue ends at the chapter's own end, else at the next chapter's start, else at
/// the end of the episode when `episode_ms` is given, else [`UNKNOWN_END_MS`] after its start.
/// Hidden chapters are written too: WebVTT has no way to keep a cue out of the table of contents.
pub fn write_with_duration(chapters: &Chapters, episode_ms: Option<u64>) -> String {
    let mut out = String::from("WEBVTT\n\n");
    let list = chapters.as_slice();
    for (n, c) in list.iter().enumerate() {
        let end = c
            .end_ms
            .filter(|&end| end > c.start_ms)
            .or_else(|| list.get(n + 1).map(|next| next.start_ms))
            .or_else(|| episode_ms.filter(|&end| end > c.start_ms))
            .unwrap_or_else(|| c.start_ms.saturating_add(UNKNOWN_END_MS));
        out.push_str(&(n + 1).to_string());
        out.push('\n');
        out.push_str(&format_hms_millis(c.start_ms));
        out.push_str(" --> ");
        out.push_str(&format_hms_millis(end));
        out.push('\n');
        out.push_str(&cue_text(&c.title));
        out.push_str("\n\n");
    }
    out
}

/// Splits at `\r\n`, `\r` or `\n`, the three line endings WebVTT allows.
fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['\r', '\n']) {
        let Some((line, tail)) = rest.split_at_checked(at) else {
            break;
        };
        lines.push(line);
        rest = tail
            .strip_prefix("\r\n")
            .or_else(|| tail.strip_prefix('\r'))
            .or_else(|| tail.strip_prefix('\n'))
            .unwrap_or_default();
    }
    lines.push(rest);
    lines
}

/// Whitespace-only lines count as blank: editors leave trailing spaces, and a cue cannot use them.
fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// `NOTE`, `STYLE` and `REGION` blocks carry nothing a chapter list needs.
fn is_skipped_block(first_line: &str) -> bool {
    ["NOTE", "STYLE", "REGION"].iter().any(|keyword| {
        first_line
            .strip_prefix(keyword)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
    })
}

/// `start --> end [settings]`. Only the start is held to [`MAX_MS`]: an end written a little past
/// it (the writer's [`UNKNOWN_END_MS`]) must still read back.
fn parse_timing(line: &str) -> Option<(u64, u64)> {
    let (start, rest) = line.split_once("-->")?;
    let end = rest.split_whitespace().next()?;
    let start = parse_time(start.trim()).filter(|&start| start <= MAX_MS)?;
    Some((start, parse_time(end)?))
}

/// `HH:MM:SS.mmm` or `MM:SS.mmm`, also without the fraction or with SRT's decimal comma. Hours
/// may have any number of digits, so that everything up to [`MAX_MS`] (`1000:00:00.000`) reads.
fn parse_time(s: &str) -> Option<u64> {
    let s = s.replacen(',', ".", 1);
    match s.split_once(':') {
        Some((hours, rest)) if rest.contains(':') => {
            if hours.is_empty() || !hours.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let hours: u64 = hours.parse().ok()?;
            let rest = parse_clock(&format!("0:{rest}"))?;
            hours.checked_mul(3_600_000)?.checked_add(rest)
        }
        _ => parse_clock(&s),
    }
}

/// The cue text as a plain title: lines joined with spaces, markup dropped, references decoded.
fn cue_title(payload: &[&str]) -> String {
    let joined = payload
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    entities::decode(strip_tags(&joined).trim())
}

/// Drops `<b>`, `</i>`, `<c.loud>`, `<v Speaker>`, `<00:01.000>`; a `<` never closed is kept as
/// text, since a sloppy title like `a < b` is likelier than a tag cut off at the end of a cue.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((before, after)) = rest.split_once('<') {
        out.push_str(before);
        match after.split_once('>') {
            Some((_, tail)) => rest = tail,
            None => {
                out.push('<');
                rest = after;
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A title as one cue text line: no line breaks (a blank line would end the cue), no `-->` (it
/// would start a new cue), and `&`/`<` escaped so the title is not read as markup.
fn cue_text(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut previous = None;
    for c in title.chars() {
        match c {
            '\n' if previous == Some('\r') => {}
            '\r' | '\n' => out.push(' '),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            // Escaping only the `>` of `-->` removes the arrow and still decodes to the title.
            '>' if out.ends_with("--") => out.push_str("&gt;"),
            c => out.push(c),
        }
        previous = Some(c);
    }
    out
}

/// A line for an error message: quoted, and cut short so a huge line cannot flood the message.
fn quote(line: &str) -> String {
    crate::quote::quote(line, 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{starts, titles};

    fn ends(c: &Chapters) -> Vec<Option<u64>> {
        c.iter().map(|c| c.end_ms).collect()
    }

    fn err(text: &str) -> String {
        match read(text) {
            Ok(c) => panic!("expected an error, got {c:?}"),
            Err(e) => {
                assert_eq!(e.format, Format::Vtt);
                e.message
            }
        }
    }

    /// As Auphonic and similar tools export it: numbered cues, every end filled in.
    const AUPHONIC: &str = "WEBVTT\n\n\
        1\n00:00:00.000 --> 00:01:23.456\nIntro\n\n\
        2\n00:01:23.456 --> 00:25:10.000\nInterview with Jane Doe\n\n\
        3\n00:25:10.000 --> 01:02:03.500\nListener Mail & Feedback\n";

    #[test]
    fn reads_a_tool_export() {
        let c = read(AUPHONIC).unwrap();
        assert_eq!(starts(&c), [0, 83_456, 1_510_000]);
        assert_eq!(
            titles(&c),
            [
                "Intro",
                "Interview with Jane Doe",
                "Listener Mail & Feedback"
            ]
        );
        // Adjacent ends are implicit; the last one is the episode end and is kept.
        assert_eq!(ends(&c), [None, None, Some(3_723_500)]);
    }

    /// A header with metadata, as youtube-dl style exports write, plus a NOTE, STYLE and REGION.
    #[test]
    fn skips_header_note_style_and_region_blocks() {
        let text = "WEBVTT - chapters of episode 12\nKind: chapters\nLanguage: en\n\n\
            STYLE\n::cue { color: red }\n\n\
            REGION\nid:left width:40%\n\n\
            NOTE generated by a tool\nspanning two lines\n\n\
            NOTE\n\n\
            Chapter 1\n00:00.000 --> 05:30.000\nOpening\n\n\
            NOTE between cues\n\n\
            Chapter 2\n05:30.000 --> 10:00.000 align:start line:0\nMain topic\n";
        let c = read(text).unwrap();
        assert_eq!(titles(&c), ["Opening", "Main topic"]);
        assert_eq!(starts(&c), [0, 330_000]);
        assert_eq!(ends(&c), [None, Some(600_000)]);
    }

    #[test]
    fn accepts_every_line_ending_and_a_bom() {
        let lf =
            "WEBVTT\n\n1\n00:00:00.000 --> 00:00:10.000\nA\n\n00:00:10.000 --> 00:00:20.000\nB\n";
        let expected = read(lf).unwrap();
        assert_eq!(titles(&expected), ["A", "B"]);
        for text in [
            lf.replace('\n', "\r\n"),
            lf.replace('\n', "\r"),
            format!("\u{feff}{}", lf.replace('\n', "\r\n")),
            // Mixed, as files edited on several systems end up.
            "WEBVTT\r\n\r1\n00:00:00.000 --> 00:00:10.000\r\nA\r\r\n00:00:10.000 --> 00:00:20.000\nB"
                .to_string(),
        ] {
            assert_eq!(read(&text).unwrap(), expected, "{text:?}");
        }
    }

    #[test]
    fn header_variants() {
        for ok in [
            "WEBVTT",
            "WEBVTT\n",
            "WEBVTT \n",
            "WEBVTT\tx",
            "\u{feff}WEBVTT\r\n",
        ] {
            assert_eq!(read(ok), Ok(Chapters::default()), "{ok:?}");
        }
        for bad in [
            "",
            "WEBVT",
            "WEBVTTX\n",
            "webvtt\n",
            " WEBVTT\n",
            "1\n00:00.000 --> 00:01.000\nA",
        ] {
            assert_eq!(err(bad), "missing WEBVTT header", "{bad:?}");
        }
    }

    #[test]
    fn lenient_times() {
        let text = "WEBVTT\n\n\
            00:00 --> 00:10\nno fraction\n\n\
            00:00:10,500 --> 00:00:20,000\nSRT comma\n\n\
            100:00:00.000 --> 100:00:01.000\nlong hours\n\n\
            01:00.5 --> 01:01\nshort fraction\n";
        let c = read(text).unwrap();
        assert_eq!(starts(&c), [0, 10_500, 60_500, 360_000_000]);
        assert_eq!(
            titles(&c),
            ["no fraction", "SRT comma", "short fraction", "long hours"]
        );
        // The longest start the crate accepts is 1000 hours; ends may go past it.
        let c = read("WEBVTT\n\n1000:00:00.000 --> 1000:00:01.000\nx\n").unwrap();
        assert_eq!(starts(&c), [MAX_MS]);
        assert_eq!(
            err("WEBVTT\n\n1000:00:00.001 --> 1000:00:01.000\nx\n"),
            "line 3: bad cue timing \"1000:00:00.001 --> 1000:00:01.000\""
        );
        for bad in [
            "0:00:60.000",
            "0:60:00.000",
            "00:00:0.000",
            "0:0:00.000",
            "1:2:3:4.000",
            ":00:00.000",
        ] {
            assert!(
                read(&format!("WEBVTT\n\n{bad} --> 99:00:00.000\n")).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn markup_and_entities_become_plain_text() {
        let text = "WEBVTT\n\n\
            00:00.000 --> 00:10.000\n<v Jane Doe>Hello</v> <b>bold</b> <i>and</i> <c.loud.yellow>classy</c>\n\n\
            00:10.000 --> 00:20.000\nQ&amp;A: 1 &lt; 2 &gt; 0&nbsp;ok &lrm;x&rlm; &#8212; <00:00:15.000>karaoke\n\n\
            00:20.000 --> 00:30.000\nAT&T & a < b &bogus; &ééééééééé; &\n\n\
            00:30.000 --> 00:40.000\n  first line  \n<ruby>second<rt>line</rt></ruby>\n";
        let c = read(text).unwrap();
        assert_eq!(
            titles(&c),
            [
                "Hello bold and classy",
                "Q&A: 1 < 2 > 0\u{a0}ok \u{200e}x\u{200f} — karaoke",
                "AT&T & a < b &bogus; &ééééééééé; &",
                "first line secondline",
            ]
        );
    }

    #[test]
    fn json_payload_is_kept_as_text() {
        let text =
            "WEBVTT\n\n1\n00:00.000 --> 00:10.000\n{\"title\":\"Intro\",\n\"img\":\"a.jpg\"}\n";
        assert_eq!(
            titles(&read(text).unwrap()),
            ["{\"title\":\"Intro\", \"img\":\"a.jpg\"}"]
        );
    }

    #[test]
    fn out_of_order_cues_are_sorted_and_ends_judged_in_order() {
        let text = "WEBVTT\n\n\
            00:20.000 --> 00:30.000\nC\n\n\
            00:00.000 --> 00:10.000\nA\n\n\
            00:10.000 --> 00:15.000\nB\n\n\
            00:10.000 --> 00:20.000\nB again\n";
        let c = read(text).unwrap();
        assert_eq!(titles(&c), ["A", "B", "C"]);
        // A ends where B starts (implicit); B ends before C starts (explicit gap); C is last.
        assert_eq!(ends(&c), [None, Some(15_000), Some(30_000)]);
    }

    #[test]
    fn missing_blank_lines_and_empty_cues() {
        // No blank line after the header, none between cues, and a cue without text.
        let text = "WEBVTT\n00:00.000 --> 00:10.000\nA\n00:10.000 --> 00:20.000\n\n\n\n3\n00:20.000 --> 00:30.000\nC";
        let c = read(text).unwrap();
        assert_eq!(titles(&c), ["A", "", "C"]);
    }

    #[test]
    fn errors_name_the_line() {
        assert_eq!(
            err("WEBVTT\n\n1\n00:00.000 --> 00:10.000\nA\n\n2\n00:xx.000 --> 00:20.000\nB\n"),
            "line 8: bad cue timing \"00:xx.000 --> 00:20.000\""
        );
        assert_eq!(
            err("WEBVTT\r\n\r\nintro\r\n0:00 - 1:00\r\nA\r\n"),
            "line 4: bad cue timing \"0:00 - 1:00\""
        );
        assert_eq!(
            err("WEBVTT\n\n00:00.000 -->\nA\n"),
            "line 3: bad cue timing \"00:00.000 -->\""
        );
        assert_eq!(
            err("WEBVTT\n\n00:00.000 --> 00:01.000\nA\n\nlonely identifier\n"),
            "line 6: cue \"lonely identifier\" has no timing line"
        );
        let long = format!("WEBVTT\n\n{} --> 00:01.000\n", "9".repeat(100));
        assert_eq!(
            err(&long),
            format!("line 3: bad cue timing \"{}…\"", "9".repeat(60))
        );
    }

    #[test]
    fn writes_numbered_cues_with_ends() {
        let mut b = Chapter::new(60_000, "B & <b>");
        b.end_ms = Some(90_000);
        b.hidden = true;
        let c = Chapters::new(vec![
            Chapter::new(0, "A"),
            b,
            Chapter::new(120_500, "C --> D"),
        ]);
        assert_eq!(
            write(&c),
            "WEBVTT\n\n\
             1\n00:00:00.000 --> 00:01:00.000\nA\n\n\
             2\n00:01:00.000 --> 00:01:30.000\nB &amp; &lt;b>\n\n\
             3\n00:02:00.500 --> 00:02:01.500\nC --&gt; D\n\n"
        );
        assert!(write_with_duration(&c, Some(3_600_000))
            .ends_with("3\n00:02:00.500 --> 01:00:00.000\nC --&gt; D\n\n"));
        // A duration before the last start is nonsense and ignored.
        assert!(write_with_duration(&c, Some(100_000)).contains("00:02:00.500 --> 00:02:01.500"));
        assert_eq!(write(&Chapters::default()), "WEBVTT\n\n");
    }

    #[test]
    fn titles_cannot_break_the_file() {
        let c = Chapters::new(vec![
            Chapter::new(0, "two\nlines\r\nand\rmore\n\nblank"),
            Chapter::new(1_000, "--->-->>"),
            Chapter::new(2_000, "NOTE this"),
        ]);
        let back = read(&write(&c)).unwrap();
        assert_eq!(
            titles(&back),
            ["two lines and more  blank", "--->-->>", "NOTE this"]
        );
    }

    #[test]
    fn round_trip() {
        let mut gap = Chapter::new(600_000, "Gap after & <this>");
        gap.end_ms = Some(700_000);
        let mut hidden = Chapter::new(800_000, "Hidden -- but --> written");
        hidden.hidden = true;
        let original = Chapters::new(vec![
            Chapter::new(0, "Intro"),
            Chapter::new(83_456, "Ünïcödé &amp; 😀"),
            gap,
            hidden,
            Chapter::new(3_723_500, "Last"),
        ]);
        let back = read(&write(&original)).unwrap();
        // Hidden is the one thing VTT cannot carry.
        let mut expected = original.as_slice().to_vec();
        expected[3].hidden = false;
        assert_eq!(back, Chapters::new(expected));

        // An explicit last end survives; an end equal to the next start comes back implicit.
        let mut last = Chapter::new(10_000, "Last");
        last.end_ms = Some(20_000);
        let mut adjacent = Chapter::new(0, "First");
        adjacent.end_ms = Some(10_000);
        let back = read(&write(&Chapters::new(vec![adjacent, last]))).unwrap();
        assert_eq!(ends(&back), [None, Some(20_000)]);
        // With the episode duration, the last cue's end is real and is kept.
        let back = read(&write_with_duration(&original, Some(4_000_000))).unwrap();
        assert_eq!(back.get(4).and_then(|c| c.end_ms), Some(4_000_000));
        // The latest starts still read back, though the invented end lies past 1000 hours.
        let late = Chapters::new(vec![
            Chapter::new(MAX_MS - 1, "late"),
            Chapter::new(MAX_MS, "latest"),
        ]);
        assert_eq!(read(&write(&late)).unwrap(), late);
    }

    /// Whatever `read` accepts, its output must be writable and readable again.
    fn check(text: &str) {
        if let Ok(c) = read(text) {
            let again = read(&write(&c)).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(starts(&again), starts(&c), "{text:?}");
        }
    }

    #[test]
    fn never_panics() {
        let docs = [
            AUPHONIC.to_string(),
            AUPHONIC.replace('\n', "\r\n"),
            "\u{feff}WEBVTT Kind: chapters\n\nNOTE x\n\nSTYLE\n::cue{}\n\nid é\n00:00:01,5 --> 99:00 line:0\n<v A&amp;B>Tëxt &lrm;&#x2014;</v>\n&nbsp;<b\n\n00:02.000 --> 00:01.000\n"
                .to_string(),
        ];
        for doc in &docs {
            for len in 0..=doc.len() {
                check(&String::from_utf8_lossy(&doc.as_bytes()[..len]));
            }
        }
        let tokens: [&[u8]; 12] = [
            b"-->",
            b"\n",
            b"\r",
            b"\r\n",
            b"&",
            b";",
            b"<",
            b">",
            b":",
            b"NOTE",
            "é".as_bytes(),
            b"\xff",
        ];
        let docs: Vec<&str> = docs.iter().map(|d| d.as_ref()).collect();
        crate::test_support::text_mutations(&docs, &tokens, 5000, check);
    }
}
