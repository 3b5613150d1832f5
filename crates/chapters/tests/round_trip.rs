//! Property tests: every writable format reads back what it wrote (as far as the format carries
//! it), the writers' output is detected as their own format, and no reader panics on any input.
//!
//! 256 cases per property by default; `PROPTEST_CASES=10000 cargo test --test round_trip` for a
//! longer run.

use chapters::formats::{id3, json, notes_out, psc, vtt};
use chapters::notes;
use chapters::{Chapter, Chapters, Format};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::string::string_regex;
use std::borrow::Cow;
use std::ops::RangeInclusive;

/// Starts up to 100 hours, in milliseconds.
const MAX_START_MS: u64 = 100 * 3600 * 1000;
/// Explicit chapter lengths up to 10 hours.
const MAX_LENGTH_MS: u64 = 10 * 3600 * 1000;

/// How a generated chapter ends; the special cases are the ones the VTT reader treats as implicit.
#[derive(Debug, Clone)]
enum End {
    None,
    /// Exactly where the next chapter starts (or, for the last one, where there is none: no end).
    AtNextStart,
    /// Exactly [`vtt::UNKNOWN_END_MS`] after its own start.
    OneSecond,
    After(u64),
}

fn end() -> impl Strategy<Value = End> {
    prop_oneof![
        3 => Just(End::None),
        1 => Just(End::AtNextStart),
        1 => Just(End::OneSecond),
        3 => (1..=MAX_LENGTH_MS).prop_map(End::After),
    ]
}

/// A chapter before its end is resolved against the next chapter's start.
type RawChapter = (u64, String, Option<String>, Option<String>, End, bool);

/// Every character but the controls (C0, DEL, C1).
const NOT_CONTROL: &[RangeInclusive<char>] = &['\u{20}'..='\u{7e}', '\u{a0}'..=char::MAX];

/// Unicode titles as a chapter editor would accept them: not empty, no surrounding whitespace, no
/// control characters (so no line breaks). Built that way rather than filtered, so that long runs
/// do not hit proptest's limit on rejected values.
fn title() -> impl Strategy<Value = String> {
    let any_char = || proptest::char::ranges(Cow::Borrowed(NOT_CONTROL));
    let edge = || any_char().prop_map(|c| if c.is_whitespace() { '_' } else { c });
    let rest = option::of((vec(any_char(), 0..38), edge()));
    (edge(), rest).prop_map(|(first, rest)| {
        let (middle, last) = rest.unzip();
        std::iter::once(first)
            .chain(middle.into_iter().flatten())
            .chain(last)
            .collect()
    })
}

/// `https://example.com/` and an alphanumeric path.
fn link() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9]{0,24}".prop_map(|path| format!("https://example.com/{path}"))
}

fn raw_chapter(title: impl Strategy<Value = String>) -> impl Strategy<Value = RawChapter> {
    (
        0..=MAX_START_MS,
        title,
        option::of(link()),
        option::of(link()),
        end(),
        any::<bool>(),
    )
}

/// Sorts and de-duplicates as [`Chapters::new`] does, so that `End::AtNextStart` can be resolved.
fn build(mut raw: Vec<RawChapter>) -> Chapters {
    raw.sort_by_key(|c| c.0);
    raw.dedup_by_key(|c| c.0);
    let starts: Vec<u64> = raw.iter().map(|c| c.0).collect();
    let list = raw
        .into_iter()
        .enumerate()
        .map(|(n, (start_ms, title, url, image, end, hidden))| Chapter {
            start_ms,
            title,
            url,
            image,
            end_ms: match end {
                End::None => None,
                End::AtNextStart => starts.get(n + 1).copied(),
                End::OneSecond => Some(start_ms + vtt::UNKNOWN_END_MS),
                End::After(length) => Some(start_ms + length),
            },
            hidden,
            picture: None,
        })
        .collect();
    Chapters::new(list)
}

fn chapters() -> impl Strategy<Value = Chapters> {
    vec(raw_chapter(title()), 0..=40).prop_map(build)
}

/// Titles the show-notes extractor must read back verbatim from `(HH:MM:SS) Title` lines: words
/// of letters (Latin, Greek, Cyrillic, Arabic, CJK, kana, Hangul) and digits, some followed by
/// punctuation, separated by single spaces. Nothing that is markup (`<`, `&`, `*`, `[`), nothing
/// that starts with a separator, no list glue (`,`, `;`, `-`) at the end, and no `digit:digit`
/// that would be a second timestamp.
///
/// Letters are taken from scripts rather than `\p{L}`: the extractor tells words from decoration
/// by Unicode block, so a one-letter title from e.g. Letterlike Symbols (`ℊ`) counts as decoration.
fn notes_title() -> impl Strategy<Value = String> {
    const LETTER: &str = "a-zA-Z0-9À-ÖØ-öø-ſΑ-ωА-яء-ي一-龥ぁ-んァ-ン가-힣";
    let pattern = format!("[{LETTER}][{LETTER}'’]{{0,9}}");
    let word = || string_regex(&pattern).expect("a valid regex");
    let inner = (word(), "[.,!?:;'\"/+%#@()-]?").prop_map(|(w, p)| w + &p);
    let last = (word(), "[.!?'\"%]?").prop_map(|(w, p)| w + &p);
    (vec(inner, 0..6), last).prop_map(|(mut words, last)| {
        words.push(last);
        words.join(" ")
    })
}

fn notes_chapters() -> impl Strategy<Value = Chapters> {
    vec(raw_chapter(notes_title()), 2..=40)
        .prop_map(build)
        .prop_filter("at least two distinct starts", |c| c.len() >= 2)
}

fn starts_and_titles(c: &Chapters) -> Vec<(u64, String)> {
    c.iter().map(|c| (c.start_ms, c.title.clone())).collect()
}

/// What PSC carries: start, title, link and image.
fn psc_view(c: &Chapters) -> Chapters {
    c.iter()
        .map(|c| Chapter {
            start_ms: c.start_ms,
            title: c.title.clone(),
            url: c.url.clone(),
            image: c.image.clone(),
            ..Chapter::default()
        })
        .collect::<Vec<_>>()
        .into()
}

/// What WebVTT carries: start, title, and the end unless it is implicit (see `formats::vtt`): equal
/// to the next start, or for the last chapter exactly [`vtt::UNKNOWN_END_MS`] after its start.
fn vtt_view(c: &Chapters) -> Chapters {
    let list = c.as_slice();
    list.iter()
        .enumerate()
        .map(|(n, c)| {
            let implicit = match list.get(n + 1) {
                Some(next) => c.end_ms == Some(next.start_ms),
                None => c.end_ms == Some(c.start_ms + vtt::UNKNOWN_END_MS),
            };
            Chapter {
                start_ms: c.start_ms,
                title: c.title.clone(),
                end_ms: c.end_ms.filter(|_| !implicit),
                ..Chapter::default()
            }
        })
        .collect::<Vec<_>>()
        .into()
}

/// A document cut at `cut` (a char boundary at or before it) with `insert` spliced in there.
fn mutate(doc: &str, cut: usize, insert: &str, keep_tail: bool) -> String {
    let mut at = cut.min(doc.len());
    while !doc.is_char_boundary(at) {
        at -= 1;
    }
    let tail = if keep_tail { &doc[at..] } else { "" };
    format!("{}{insert}{tail}", &doc[..at])
}

/// Reads `bytes` with every reader; none may panic.
fn read_everything(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for format in Format::ALL {
        let _ = format.read(bytes);
    }
    let _ = Format::detect(bytes).read(bytes);
    let _ = json::read(&text);
    let _ = vtt::read(&text);
    let _ = psc::read(&text);
    let _ = id3::read(bytes);
    let _ = id3::tag_len(bytes);
    let _ = notes::extract(&text);
    let _ = notes::extract_lists(&text);
}

proptest! {
    #[test]
    fn json_round_trips_everything(c in chapters()) {
        let text = json::write(&c);
        prop_assert_eq!(json::read(&text), Ok(c.clone()));
        prop_assert_eq!(Format::Json.read(text.as_bytes()), Ok(c));
    }

    #[test]
    fn psc_round_trips_start_title_url_and_image(c in chapters()) {
        let text = psc::write(&c);
        prop_assert_eq!(psc::read(&text), Ok(psc_view(&c)));
        prop_assert_eq!(Format::Psc.read(text.as_bytes()), Ok(psc_view(&c)));
    }

    #[test]
    fn vtt_round_trips_start_title_and_explicit_ends(c in chapters()) {
        let text = vtt::write(&c);
        prop_assert_eq!(vtt::read(&text), Ok(vtt_view(&c)));
        prop_assert_eq!(Format::Vtt.read(text.as_bytes()), Ok(vtt_view(&c)));
    }

    #[test]
    fn notes_round_trip_start_and_title(c in notes_chapters()) {
        let text = notes_out::write(&c);
        prop_assert_eq!(starts_and_titles(&notes::extract(&text)), starts_and_titles(&c));
        let lists = notes::extract_lists(&text);
        prop_assert_eq!(lists.len(), 1, "{:?}", text);
    }

    #[test]
    fn writers_output_is_detected_as_their_format(c in chapters()) {
        for format in [Format::Json, Format::Vtt, Format::Psc] {
            let text = format.write(&c).unwrap_or_default();
            prop_assert_eq!(Format::detect(text.as_bytes()), format, "{:?}", text);
        }
    }

    #[test]
    fn no_reader_panics_on_arbitrary_bytes(bytes in any::<Vec<u8>>()) {
        read_everything(&bytes);
    }

    #[test]
    fn no_reader_panics_on_arbitrary_text(text in ".*") {
        read_everything(text.as_bytes());
    }

    /// Arbitrary bytes rarely get past a header; damaged real documents reach deeper.
    #[test]
    fn no_reader_panics_on_damaged_documents(
        c in vec(raw_chapter(title()), 0..=8).prop_map(build),
        cut in any::<usize>(),
        insert in ".{0,12}",
        keep_tail in any::<bool>(),
    ) {
        for format in [Format::Json, Format::Vtt, Format::Psc, Format::Notes] {
            let doc = format.write(&c).unwrap_or_default();
            let damaged = mutate(&doc, cut % (doc.len() + 1), &insert, keep_tail);
            read_everything(damaged.as_bytes());
            // What a reader accepts, its writer must write in a form the reader accepts again.
            if let Ok(read) = format.read(damaged.as_bytes()) {
                let again = format.write(&read).unwrap_or_default();
                prop_assert!(
                    format.read(again.as_bytes()).is_ok(),
                    "{} accepted {:?} but not its own rewrite {:?}", format, damaged, again
                );
            }
        }
    }
}
