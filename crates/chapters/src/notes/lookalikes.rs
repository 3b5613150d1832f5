//! Stage 3, *judge*: timed text that looks like a chapter list and is not — a transcript, a day's
//! programme, a timetable, kick-off times, a list of lengths or of episodes. Each run gets a
//! verdict before the longest is chosen, so a chapter list followed by a longer transcript still
//! wins. Most verdicts look at a run alone; two look at its neighbours: a stretch of runs whose
//! times went down twice is a list of lengths, and a run that starts over right after a day's
//! programme is the same day past midnight.

use super::line::Entry;
use super::report::SkipReason;
use super::runs::{Join, Run};

/// Each run's verdict, in order: `None` for a chapter list, else what it is.
pub(super) fn verdicts(runs: &[Run]) -> Vec<Option<SkipReason>> {
    let mut out: Vec<Option<SkipReason>> = Vec::with_capacity(runs.len());
    // The stretch of runs right after one another, and how often times went down in it.
    let mut stretch = 0;
    let mut descents = 0;
    let mut previous_day = false;
    for (k, run) in runs.iter().enumerate() {
        if run.join == Join::Apart {
            (stretch, descents) = (k, 0);
        }
        descents += usize::from(run.join == Join::WentDown) + run.out_of_order.len();
        let day = is_day_programme(&run.entries, previous_day && run.join == Join::WentDown);
        previous_day = day;
        let titles: Vec<&str> = run.entries.iter().map(|(e, _)| e.title.as_str()).collect();
        out.push(if day || run.programme_items >= 2 {
            Some(SkipReason::TimeOfDay)
        } else if descents >= 2 {
            Some(SkipReason::Lengths)
        } else {
            judge(&run.entries, &titles)
        });
        if descents >= 2 {
            for verdict in &mut out[stretch..k] {
                verdict.get_or_insert(SkipReason::Lengths);
            }
        }
    }
    out
}

/// What a run of entries (with their titles) is when it is no chapter list: a transcript, a
/// timetable or a list of kick-off times. (A day's programme is told by [`is_day_programme`],
/// whose answer also concerns the next run.)
fn judge(run: &[(Entry, usize)], titles: &[&str]) -> Option<SkipReason> {
    if is_transcript(titles) || is_prose(titles) {
        Some(SkipReason::Transcript)
    } else if too_close(run, titles) || is_fixture_list(run, titles) {
        Some(SkipReason::TimeOfDay)
    } else if is_episode_list(titles) {
        Some(SkipReason::Lengths)
    } else {
        None
    }
}

/// A list of episodes, each with its length and date (`42:10 12.03.24 Episode 5`): most titles
/// start with a date (`12.03.24`, `2024-03-12`, `12/03/2024`).
fn is_episode_list(titles: &[&str]) -> bool {
    let dated = |t: &&&str| {
        // Three runs of digits split by `.`, `-` or `/` at the start: d.m.yy, dd.mm.yyyy, yyyy-mm-dd.
        let b = t.as_bytes();
        let mut parts = [0usize; 3];
        let mut at = 0;
        for (k, part) in parts.iter_mut().enumerate() {
            let digits = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
            *part = digits;
            at += digits;
            if k < 2 {
                if !matches!(b.get(at), Some(b'.' | b'-' | b'/')) {
                    return false;
                }
                at += 1;
            }
        }
        let day_first = (1..=2).contains(&parts[0]) && (1..=2).contains(&parts[1]);
        let year_first =
            parts[0] == 4 && (1..=2).contains(&parts[1]) && (1..=2).contains(&parts[2]);
        (day_first && matches!(parts[2], 2 | 4)) || year_first
    };
    titles.len() >= 2 && titles.iter().filter(dated).count() * 2 > titles.len()
}

/// Kick-off times (`12:30 Fulham v Wolves`, `15:00 Arsenal v Spurs`): every title names two sides
/// (`v`, `vs`, `vs.`), and every time, read as minutes and seconds, is on a quarter-hour of the
/// clock. A podcast's chapters about matches start wherever the talk turned, not on such marks.
fn is_fixture_list(run: &[(Entry, usize)], titles: &[&str]) -> bool {
    const QUARTER_HOUR: u64 = 15_000;
    let versus = |t: &&str| {
        t.split_whitespace().any(|w| {
            ["v", "v.", "vs", "vs."]
                .iter()
                .any(|v| v.eq_ignore_ascii_case(w))
        })
    };
    run.len() >= 2 && titles.iter().all(versus) && run.iter().all(|(e, _)| e.ms % QUARTER_HOUR == 0)
}

/// A line of a day's programme: it starts with a time of day written with a dot (`12.15 Auction`,
/// `14.30 – 16.00`), or runs a time into one (`11:00 – 12.00 Workshops`). Episode timestamps are
/// never written with a dot, so this is evidence, not a guess from round numbers.
pub(super) fn is_programme_item(line: &str) -> bool {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '•'));
    // Both forms start with a time: prose lines go no further.
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let dotted_at = |t: &str| {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let hour: Option<u32> = t.get(..digits).and_then(|h| h.parse().ok());
        let b = t.as_bytes();
        (1..=2).contains(&digits)
            && hour.is_some_and(|h| h <= 23)
            && b.get(digits) == Some(&b'.')
            && b.get(digits + 1).is_some_and(|c| (b'0'..=b'5').contains(c))
            && b.get(digits + 2).is_some_and(u8::is_ascii_digit)
            && b.get(digits + 3)
                .is_none_or(|c| !c.is_ascii_digit() && *c != b'.')
    };
    if dotted_at(t) {
        return true;
    }
    // `11:00 – 12.00`: a clock time running into a dotted one.
    t.split_once(['–', '-', '—'])
        .is_some_and(|(from, to)| from.trim().contains(':') && dotted_at(to.trim_start()))
}

/// The speaker label of a transcript line (`Ana` in `Ana: Hello and welcome`): one to three
/// words before a colon, with text after it.
fn speaker(title: &str) -> Option<&str> {
    let (label, said) = title.split_once(':')?;
    let words = label.split_whitespace().count();
    let named = label
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_alphabetic));
    ((1..=3).contains(&words) && named && label.len() <= 30 && !said.trim().is_empty())
        .then_some(label.trim())
}

/// Whether a run of timed lines is a transcript rather than a chapter list: most lines start with
/// a speaker's name, a few names recur, and consecutive lines mostly change speaker. (`PART 1:`,
/// `PART 2:` name no one twice; `News: …`, `News: …`, `Tech: …` do not alternate.)
fn is_transcript(titles: &[&str]) -> bool {
    if titles.len() < 4 {
        return false;
    }
    // How often each name is said, in one pass; a dialogue has a handful of names, so past a few
    // dozen distinct ones this is no transcript.
    let mut said: Vec<(&str, usize)> = Vec::new();
    let mut labelled: Vec<&str> = Vec::new();
    for name in titles.iter().filter_map(|t| speaker(t)) {
        labelled.push(name);
        match said.iter().position(|(n, _)| *n == name) {
            Some(i) => said[i].1 += 1,
            None if said.len() < 32 => said.push((name, 1)),
            None => return false,
        }
    }
    let speakers = said.iter().filter(|(_, count)| *count >= 2).count();
    let recurring: usize = said
        .iter()
        .filter(|(_, count)| *count >= 2)
        .map(|(_, count)| count)
        .sum();
    let changes = labelled.windows(2).filter(|w| w[0] != w[1]).count();
    recurring * 2 >= titles.len()
        && speakers <= 4
        && changes * 3 >= labelled.len().saturating_sub(1) * 2
}

/// A day's programme in clock times (`09:00 – 10:00 : Opening`, a TV evening from `04:00` to
/// `22:30`), read as an episode's minutes and seconds: it starts in the morning rather than at
/// 0:00, has no hours field, every time is on a five-minute mark, and its items span hours or its
/// times spread over half a day. A run that starts over right after one (`after_day`) is the
/// same day past midnight (`00:10 Jornal da Globo`): it only needs the clock's marks.
fn is_day_programme(run: &[(Entry, usize)], after_day: bool) -> bool {
    // In the episode reading, a clock's hour is a minute and its five minutes are five seconds.
    const HOUR: u64 = 60_000;
    const FIVE_MINUTES: u64 = 5_000;
    let (Some((first, _)), Some((last, _))) = (run.first(), run.last()) else {
        return false;
    };
    let on_marks = run.iter().all(|(e, _)| {
        e.ms % FIVE_MINUTES == 0 && e.end_ms.is_none_or(|end| end % FIVE_MINUTES == 0)
    });
    let clock_like = run
        .iter()
        .all(|(e, _)| e.end_ms.unwrap_or(e.ms) < 24 * HOUR);
    let spans_hours = run
        .iter()
        .any(|(e, _)| e.end_ms.is_some_and(|end| end - e.ms >= HOUR));
    let half_a_day = last.ms - first.ms >= 12 * HOUR;
    let day_time = first.ms >= 4 * HOUR && (spans_hours || half_a_day);
    run.len() >= 2 && on_marks && clock_like && (after_day || run.len() >= 3 && day_time)
}

/// A transcript without speaker names: most "titles" are spoken paragraphs — several sentences,
/// or more words than any chapter title has.
fn is_prose(titles: &[&str]) -> bool {
    const MAX_TITLE_WORDS: usize = 30;
    // One pass over the bytes: words start after whitespace, and a `.`, `?` or `!` ends a sentence
    // of three words or more. Three such sentences take 18 bytes at the least.
    let paragraph = |t: &str| {
        if t.len() < 18 {
            return false;
        }
        let (mut words, mut in_sentence, mut sentences, mut in_word) = (0, 0, 0, false);
        for b in t.bytes() {
            if b.is_ascii_whitespace() {
                in_word = false;
                continue;
            }
            if !in_word {
                (words, in_sentence, in_word) = (words + 1, in_sentence + 1, true);
            }
            if matches!(b, b'.' | b'?' | b'!') {
                sentences += usize::from(in_sentence >= 3);
                in_sentence = 0;
            }
        }
        sentences >= 3 || words > MAX_TITLE_WORDS
    };
    titles.len() >= 3 && titles.iter().filter(|t| paragraph(t)).count() * 2 > titles.len()
}

/// Times a few "seconds" apart whose titles start with numbers or keep repeating are a timetable
/// (`6:58 453 | Havířov`: a clock time, a route, a stop), not a listener's chapters. Chapters a
/// few seconds apart with titles of their own (a promo's `0:05 Cold open`, a shot list) are
/// chapters.
fn too_close(run: &[(Entry, usize)], titles: &[&str]) -> bool {
    const MIN_STEP_MS: u64 = 10_000;
    let short = run
        .windows(2)
        .filter(|w| w[1].0.ms - w[0].0.ms < MIN_STEP_MS)
        .count();
    let numbered = titles
        .iter()
        .filter(|t| t.starts_with(|c: char| c.is_ascii_digit()))
        .count();
    // Whether a third of the titles repeat one before them, among the first few dozen (a
    // timetable shows its repetition early; no sort, whose code would weigh in the wasm).
    let repeating = || {
        let head = &titles[..titles.len().min(64)];
        let repeats = (1..head.len())
            .filter(|&i| head[..i].contains(&head[i]))
            .count();
        repeats * 3 > head.len()
    };
    run.len() >= 4 && short * 2 > run.len() - 1 && (numbered * 2 > titles.len() || repeating())
}
