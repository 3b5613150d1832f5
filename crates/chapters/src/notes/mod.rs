//! Chapters from show notes as podcasters write them: plain text, HTML or Markdown.
//!
//! The rule, instead of a pile of special cases: **a chapter list is a run of increasing
//! timestamps in a consistent position, each with a title.** Finding it is a pipeline of stages,
//! each a module with its own tests:
//!
//! 1. *normalize* ([`normalize`]): the notes become lines of text — HTML (escaped or not) read,
//!    a dump's literal line breaks restored, table cells kept on their row's line, seek links
//!    replaced by their text, an entry written over two lines joined.
//! 2. *candidates* ([`entries`], then [`runs`]): each line is read as the entries it can be
//!    ([`line`]: a time starting it after bullets or numbering with a title after, or ending it
//!    with a title before and something setting it apart; a line of several times is a list that
//!    lost its line breaks). Entries join a run while their times keep increasing, their titles
//!    stay on the same side, and no more than [`MAX_GAP_LINES`] lines of other text come between
//!    (an entry's untimed sub-items, and the sections under timed headings, are not such text).
//!    **One time out of order** between neighbours that continue the run is set aside, not a
//!    break: a typo does not cut a list in two.
//! 3. *judge* ([`lookalikes`]): runs that only look like lists are set aside — transcripts,
//!    timetables, kick-off times, a day's programme — and so are all runs of a stretch whose times
//!    went down twice (a list of lengths).
//! 4. *choose* ([`choose`]): the longest list left wins; every line with a time that gave no
//!    chapter is reported with its reason ([`report`]).
//!
//! Where rules meet: in a run-together line, the spacing around its times (where the line breaks
//! were) decides the titles' side before the text at its ends does, being the more direct
//! evidence; a lookalike is dropped before lengths are compared, so a chapter list followed by a
//! longer transcript wins; the programme rules need several signs together (no hours field,
//! five-minute marks, a morning start, hours-long spans) because a podcaster may round times too.
//!
//! Times of day (`5:30pm`), scores and ratios (`2:1`), verses (`John 3:16`), subtitle cues and a
//! lone time in a sentence never form such a run.

mod choose;
pub mod display;
mod entries;
mod line;
mod lookalikes;
mod markup;
mod normalize;
pub mod report;
mod runs;
mod stamp;

use crate::model::{Chapter, Chapters};
use choose::Sourced;
pub use report::{SkipReason, Skipped};

/// Lines of other text (a sub-heading, a note) a list may contain between two of its entries.
pub const MAX_GAP_LINES: usize = 2;

/// The chapters of `notes`: the longest chapter list in them (the first, when two are as long).
pub fn extract(notes: &str) -> Chapters {
    choose::longest(find(notes).lists)
        .map(|(chapters, _)| chapters)
        .unwrap_or_default()
}

/// Every chapter list in `notes`, in document order: a page with several episodes has several.
pub fn extract_lists(notes: &str) -> Vec<Chapters> {
    find(notes).lists.into_iter().map(|(c, _)| c).collect()
}

/// What [`explain`] tells a podcaster: the chapters, each with the line of the notes (as text) it
/// came from, and the lines with a time that gave no chapter, with the reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explanation {
    pub chapters: Vec<(Chapter, String)>,
    pub skipped: Vec<Skipped>,
}

/// The chapters of `notes`, as [`extract`] finds them, with their lines and what was skipped:
/// what `chapters parse --explain` and the try-it page show.
pub fn explain(notes: &str) -> Explanation {
    let found = find(notes);
    let (chapters, sources) = choose::longest(found.lists).unwrap_or_default();
    let skipped = choose::skipped(&found.timed, &found.reasons, &sources, &found.lines);
    Explanation {
        chapters: chapters
            .iter()
            .cloned()
            .zip(sources.iter().map(|&i| choose::line_text(&found.lines, i)))
            .collect(),
        skipped,
    }
}

/// What the stages found: the lists, the lines, which lines hold a time, and why a line's entry
/// was set aside where one was.
struct Found {
    lists: Vec<Sourced>,
    lines: Vec<String>,
    timed: Vec<bool>,
    reasons: Vec<Option<SkipReason>>,
}

/// The pipeline, one stage after the other.
fn find(notes: &str) -> Found {
    let lines = normalize::lines(notes);
    let read = entries::read(&lines);
    let runs = runs::group(&lines, read.entries);
    let verdicts = lookalikes::verdicts(&runs);
    let (lists, reasons) = choose::lists(runs, &verdicts, lines.len());
    Found {
        lists,
        lines,
        timed: read.timed,
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(notes: &str) -> Vec<(u64, String)> {
        extract(notes)
            .iter()
            .map(|c| (c.start_ms / 1000, c.title.clone()))
            .collect()
    }

    #[test]
    fn one_time_out_of_order_is_set_aside_and_said() {
        let notes = "00:00 Intro\n03:15 News\n12:40 Interview\n8:05 Interview part 2\n\
                     25:30 Mailbag\n44:20 Outro";
        let starts: Vec<u64> = extract(notes).iter().map(|c| c.start_ms / 1000).collect();
        assert_eq!(starts, [0, 195, 760, 1530, 2660]);
        let skipped = explain(notes).skipped;
        assert_eq!(
            skipped,
            [Skipped {
                line: 4,
                text: "8:05 Interview part 2".into(),
                reason: SkipReason::OutOfOrder
            }]
        );
        // A time too late, the line after it continuing from the one before it.
        let starts: Vec<u64> = extract("0:00 A\n3:15 B\n52:40 C\n18:05 D\n25:30 E")
            .iter()
            .map(|c| c.start_ms / 1000)
            .collect();
        assert_eq!(starts, [0, 195, 1085, 1530]);
        // A second list starting over is no typo, and two descents are a list of lengths.
        assert_eq!(
            extract_lists("00:00 A\n05:00 B\n00:00 C\n07:00 D\n09:00 E").len(),
            2
        );
        let tracks = "- A – 2:41\n- B – 2:51\n- C – 2:31\n- D – 2:55\n- E – 3:01\n- F – 2:20";
        assert!(extract(tracks).is_empty());
    }

    #[test]
    fn times_in_link_text_row_numbers_and_episode_lists() {
        let linked =
            "- [12:03 Welcome, Ana](https://e.org/a)\n- [15:40 The interview](https://e.org/b)";
        let got: Vec<(u64, String, Option<String>)> = extract(linked)
            .iter()
            .map(|c| (c.start_ms / 1000, c.title.clone(), c.url.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (723, "Welcome, Ana".into(), Some("https://e.org/a".into())),
                (940, "The interview".into(), Some("https://e.org/b".into()))
            ]
        );
        assert_eq!(
            titles("01 / 00:00 / Intro\n02 / 04:30 / News\n03 / 12:30 / Interview"),
            [
                (0, "Intro".into()),
                (270, "News".into()),
                (750, "Interview".into())
            ]
        );
        let episodes =
            "42:10 12.03.24 Episode 5\n38:05 05.03.24 Episode 4\n51:00 27.02.24 Episode 3";
        assert!(extract(episodes).is_empty());
    }

    #[test]
    fn kick_off_times_are_not_chapters_but_a_promos_seconds_are() {
        let fixtures = "12:30 Fulham v Wolves\n15:00 Arsenal v Spurs\n17:30 Leeds vs Everton";
        assert!(extract(fixtures).is_empty());
        assert_eq!(
            explain(fixtures).skipped.first().map(|s| s.reason),
            Some(SkipReason::TimeOfDay)
        );
        let promo =
            "0:00 Cold open\n0:05 The hook\n0:12 Who we are\n0:20 This week\n0:31 Subscribe";
        assert_eq!(extract(promo).len(), 5);
    }

    #[test]
    fn every_timed_line_not_taken_has_a_reason() {
        let notes = "We start at 5:00 sharp.\n00:00 Intro\n04:00 Talk\n04:00 Also talk\n\n\n\n\
                     Other\ntext\nhere\n10:00 Lonely";
        let skipped: Vec<(usize, SkipReason)> = explain(notes)
            .skipped
            .iter()
            .map(|s| (s.line, s.reason))
            .collect();
        assert_eq!(
            skipped,
            [
                (1, SkipReason::InText),
                (4, SkipReason::SameTime),
                (11, SkipReason::Alone)
            ]
        );
    }

    #[test]
    fn two_entries_at_one_time_are_not_a_list() {
        assert!(extract_lists("00:00 Intro\n00:00 Also intro\n").is_empty());
    }

    #[test]
    fn titles_in_other_scripts_that_start_with_h_are_kept() {
        let c = extract(
            "Bölümler:\n00:00 Giriş\n12:00 Hırsızlık üzerine\n25:30 Hukuk ve adalet\n41:00 Kapanış",
        );
        let got: Vec<(u64, &str)> = c.iter().map(|c| (c.start_ms, c.title.as_str())).collect();
        assert_eq!(
            got,
            [
                (0, "Giriş"),
                (720_000, "Hırsızlık üzerine"),
                (1_530_000, "Hukuk ve adalet"),
                (2_460_000, "Kapanış")
            ]
        );
    }

    #[test]
    fn a_bare_zero_and_a_stray_bracket_keep_their_entries() {
        let c = extract(
            "Chapters\n0: Intro\n5:00 Second\n9:00 Third\n\n\
             - Opening ([0:00](https://youtu.be/x?t=0))\n\
             - Title ([22:45](https://youtu.be/x?t=1365s)]\n\
             - End ([30:00](https://youtu.be/x?t=1800))\n\
             - Credits ([31:10](https://youtu.be/x?t=1870))",
        );
        let got: Vec<(u64, &str)> = c.iter().map(|c| (c.start_ms, c.title.as_str())).collect();
        // The longer list wins; the other is read the same way (see the line tests).
        assert_eq!(
            got,
            [
                (0, "Opening"),
                (1_365_000, "Title"),
                (1_800_000, "End"),
                (1_870_000, "Credits")
            ]
        );
        let short: Vec<u64> = extract("0: Intro\n5:00 Second\n9:00 Third")
            .iter()
            .map(|c| c.start_ms)
            .collect();
        assert_eq!(short, [0, 300_000, 540_000]);
    }

    #[test]
    fn a_chapter_list_followed_by_a_transcript_is_the_chapters() {
        let notes = "## Chapters\n[00:00:00] Introduction\n[00:04:10] The state of Rust\n\
                     [00:12:30] Async traits\n[00:25:00] Wrap-up\n\n## Transcript\n\
                     [00:00:05] **Ana:** Hello and welcome to the show, today we talk about many things.\n\
                     [00:00:12] **Ben:** Thanks for having me, it is great to be here again.\n\
                     [00:00:20] **Ana:** Let us start with the news of the week.\n\
                     [00:00:31] **Ben:** Sure, the first item is the new release.\n\
                     [00:00:45] **Ana:** Right, and there is a lot in it.\n[00:01:02] **Ben:** Indeed.\n";
        let c = extract(notes);
        let titles: Vec<&str> = c.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Introduction",
                "The state of Rust",
                "Async traits",
                "Wrap-up"
            ]
        );
        // Labelled chapter titles that do not alternate like speakers stay a list.
        let topics =
            extract("0:00 News: the week\n5:00 News: releases\n9:00 Tech: async\n14:00 Tech: wasm");
        assert_eq!(topics.len(), 4);
    }

    #[test]
    fn a_days_programme_is_not_a_chapter_list() {
        for notes in [
            "Saturday programme\n10:00 Welcome\n11:00 – 12.00 Workshops\n12.15 Auction\n14.30 Concert",
            "Programm:\n- 9.30 Begrüßung\n- 10:00 Vortrag\n- 11:15 Diskussion\n- 12.30 Mittagessen",
        ] {
            assert!(extract(notes).is_empty(), "{notes}");
        }
        // Dotted numbers that are not times of day, next to a chapter list, leave it alone.
        let c = extract(
            "Version 1.2.3 notes\n0:00 Intro\n3:10 What is new in 2.0\n8:45 Outro\n24.99 EUR",
        );
        assert_eq!(c.len(), 3);
    }

    #[test]
    fn a_table_of_row_start_title_and_length() {
        for notes in [
            "# Start Title Length\n1 00:00 Welcome 05:13\n2 05:13 Intro to the guest 00:45\n\
             3 05:58 The main story 12:02\n4 18:00 Questions 04:30",
            "| # | Start | Title | Length |\n|---|---|---|---|\n| 1 | 00:00 | Welcome | 05:13 |\n\
             | 2 | 05:13 | Intro to the guest | 00:45 |\n| 3 | 05:58 | The main story | 12:02 |\n\
             | 4 | 18:00 | Questions | 04:30 |",
        ] {
            let c = extract(notes);
            let got: Vec<(u64, &str)> = c.iter().map(|c| (c.start_ms, c.title.as_str())).collect();
            assert_eq!(
                got,
                [
                    (0, "Welcome"),
                    (313_000, "Intro to the guest"),
                    (358_000, "The main story"),
                    (1_080_000, "Questions")
                ],
                "{notes}"
            );
        }
        // Two times that do not chain are a title mentioning a time, as before.
        let c = extract("0:00 Intro\n2:00 Replay of 1:30 from last week\n5:00 End");
        assert_eq!(c.len(), 3);
        assert_eq!(
            c.get(1).map(|c| c.title.as_str()),
            Some("Replay of 1:30 from last week")
        );
    }

    #[test]
    fn run_together_title_first_lists_pair_each_title_with_its_own_time() {
        for notes in [
            "Topics: Welcome (00:00) Why Rust (2:10) Tooling (9:45) Q&A (31:02) Links: https://example.org",
            "In this episode: Welcome (00:00) Why Rust (2:10) Tooling (9:45) Q&A (31:02) Thanks to our sponsor.",
        ] {
            let c = extract(notes);
            let got: Vec<(u64, &str)> = c.iter().map(|c| (c.start_ms, c.title.as_str())).collect();
            assert_eq!(
                got,
                [(0, "Welcome"), (130_000, "Why Rust"), (585_000, "Tooling"), (1_862_000, "Q&A")],
                "{notes}"
            );
        }
    }

    #[test]
    fn a_time_range_is_its_entrys_time() {
        for notes in [
            "Intro (00:00–10:08)\nSetup (10:08–18:26)\nBuild (18:26–30:00)",
            "[00:00 - 05:00] Welcome\n[05:00 - 12:30] Building\n[12:30 - 20:00] Wrap-up",
        ] {
            let c = extract(notes);
            let got: Vec<(u64, Option<u64>)> = c.iter().map(|c| (c.start_ms, c.end_ms)).collect();
            assert_eq!(got.len(), 3, "{notes}");
            assert_eq!(got[1].1.map(|end| end > got[1].0), Some(true), "{notes}");
        }
    }

    #[test]
    fn each_chapter_knows_its_line() {
        let explained = explain("<p>Show notes</p><p>00:00 Intro<br>  04:17 Sports news</p>");
        let got: Vec<(&str, &str)> = explained
            .chapters
            .iter()
            .map(|(c, line)| (c.title.as_str(), line.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Intro", "00:00 Intro"),
                ("Sports news", "04:17 Sports news")
            ]
        );
        assert_eq!(explain("no times here"), Explanation::default());
    }

    #[test]
    fn letterlike_symbols_are_titles() {
        assert_eq!(
            titles("Talk\n(00:00:00) ℊ\n(00:01:00) Next\n(00:02:00) ℕ\n").len(),
            3
        );
    }

    #[test]
    fn one_per_line_with_heading() {
        let notes = "Great episode.\n## Timestamps\n(00:00:00) INTRO\n(00:04:17) PART 0: SPORTS NEWS\n(01:37:20) OUTRO\n--------\n1:39:07\n";
        assert_eq!(
            titles(notes),
            [
                (0, "INTRO".into()),
                (257, "PART 0: SPORTS NEWS".into()),
                (5840, "OUTRO".into())
            ]
        );
    }

    #[test]
    fn lost_line_breaks() {
        assert_eq!(
            titles("Timestamps: 00:00 Intro  01:23 Setup  05:00 Q&A"),
            [
                (0, "Intro".into()),
                (83, "Setup".into()),
                (300, "Q&A".into())
            ]
        );
    }

    #[test]
    fn html_list() {
        let html = "<p>Links &amp; more</p><ul><li><b>00:00</b> &ndash; Intro</li><li><b>12:30</b> &ndash; Caf&eacute; talk</li></ul>";
        assert_eq!(
            titles(html),
            [(0, "Intro".into()), (750, "Café talk".into())]
        );
    }

    #[test]
    fn a_time_mentioned_in_a_title_is_not_split() {
        assert_eq!(
            titles("00:00 Intro\n05:00 Why 12:30 matters, and 14:00\n20:00 End"),
            [
                (0, "Intro".into()),
                (300, "Why 12:30 matters, and 14:00".into()),
                (1200, "End".into())
            ]
        );
    }

    #[test]
    fn prose_yields_nothing() {
        for notes in [
            "We met at 5:30pm and left at 7:15pm.",
            "Arsenal won 2:1. The ratio was 1:1 and John 3:16 was read.",
            "At 12:34 he says the thing. Later, at 45:10 she answers.",
            "Doors open 6:30 PM\nTalks 7:00 PM\nDrinks 9:00 PM",
            "Read John 3:16\nRomans 8:28\nPsalm 23:4",
        ] {
            assert!(extract(notes).is_empty(), "{notes}");
        }
    }

    #[test]
    fn seek_links_read_as_their_text() {
        let notes = "* **[00:00](#t=00:00)** Hi\n* [05:00 – Next](https://y.t/w?v=a&t=300s)";
        assert_eq!(titles(notes), [(0, "Hi".into()), (300, "Next".into())]);
    }

    #[test]
    fn sub_items_under_an_entry_are_not_a_gap() {
        let notes = "* 00:00 A\n* 15:01 B\n  * [x](https://x.io)\n  * y\n  * z\n* 18:17 C";
        assert_eq!(extract(notes).len(), 3);
        let notes = "* 00:00 A\n* 15:01 B\nLinks:\n* x\n* y\n* 18:17 C";
        assert_eq!(extract(notes).len(), 2);
    }

    #[test]
    fn timed_headings_hold_sections_of_any_length() {
        let notes = "## 0:00 — A\ntext\n```\ncode\n```\nmore\n## 0:57 — B\n## 2:21 — C";
        assert_eq!(extract(notes).len(), 3);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for notes in [
            "(é 1:00) x (1:00",
            "[@1:00",
            "ab 1:00)",
            "Ü. (0:00) ü (0:01) ü (0:02) <https://ü",
            "10:00 - 10:30am 10:30 - 11:00",
            "<a href=www.é>0:00 x</a>",
            "[0:00](#t=0)[",
        ] {
            let _ = extract_lists(notes);
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "([0-9:. ()\\[\\]@<>*#\n-]|ab|am|https://|&t=|é|⌨️|\\PC){0,80}") {
            let _ = extract_lists(&s);
        }
    }

    #[test]
    fn subtitle_cues_and_times_running_on_in_prose_are_not_lists() {
        let srt =
            "9\n00:04:17,008 --> 00:04:18,430\nשלום\n\n10\n00:04:18,773 --> 00:04:20,080\nעולם\n";
        assert!(extract(srt).is_empty());
        let prose = "Στις 06:00, ο Α. Στις 10:30 η Β, στις 13:00, ο Γ και στις 16:00, η Δ.";
        assert!(extract(prose).is_empty());
        let laps = "Hamilton (1:12.812), Rosberg (1:12.874), Vettel (1:12.990), Massa (1:13.769)";
        assert!(extract(laps).is_empty());
    }

    #[test]
    fn where_lost_line_breaks_were_decides_the_side() {
        let notes = "Mach das Quiz: example.de/quiz.Kapitel(00:00) Intro(04:13) Die EU(12:02) Volt";
        assert_eq!(
            titles(notes),
            [
                (0, "Intro".into()),
                (253, "Die EU".into()),
                (722, "Volt".into())
            ]
        );
    }

    #[test]
    fn emphasis_opened_before_the_time_closes_after_the_title() {
        let notes = "## **[00:00] Benvenuti**\ntesto\n## **[03:50] Adoption AI**\n";
        assert_eq!(
            titles(notes),
            [(0, "Benvenuti".into()), (230, "Adoption AI".into())]
        );
    }

    #[test]
    fn a_table_with_the_time_in_its_own_cell() {
        let notes = "| # | Time | Topic | Notes |\n|---|---|---|---|\n\
                     | 1 | 0:00–0:45 | **Welcome** | who we are |\n| 2 | 0:45–2:00 | Scope | the plan |\n";
        assert_eq!(titles(notes), [(0, "Welcome".into()), (45, "Scope".into())]);
    }

    #[test]
    fn a_slash_before_a_word_is_part_of_the_title() {
        let notes = "12:00 - /cache-setup demo\n17:00 - /cache-add-model\n";
        assert_eq!(
            titles(notes),
            [
                (720, "/cache-setup demo".into()),
                (1020, "/cache-add-model".into())
            ]
        );
    }

    #[test]
    fn lists_of_lengths_timetables_and_day_programmes_are_not_chapters() {
        let tracks = "- A – 2:41\n- B – 2:31\n- C – 2:39\n- D – 2:40\n- E – 2:57\n- F – 2:20\n";
        assert!(extract(tracks).is_empty(), "{:?}", titles(tracks));
        let departures =
            "6:58 453 | Podlesí\n7:02 415 | Šumbark\n7:05 413 | Konečná\n7:07 403 | Střed\n";
        assert!(extract(departures).is_empty());
        let conference =
            "08:00 : Registration\n09:00 – 10:00 : Opening\n11:00 : Break\n12:00 : Lunch\n";
        assert!(extract(conference).is_empty());
        let evening = "04:00 Sessão\n06:00 Jornal\n12:00 Globo\n18:25 Novela\n22:30 Cinema\n\
                       00:10 Jornal da Globo\n01:00 Volta Por Cima\n";
        assert!(extract(evening).is_empty(), "{:?}", titles(evening));
    }

    #[test]
    fn a_chapter_list_wins_over_a_longer_transcript_of_paragraphs() {
        let mut notes = String::from("0:00 Intro\n2:00 Tools\n5:00 Outro\n\n");
        for (i, t) in ["0:00", "0:29", "1:10", "1:52"].iter().enumerate() {
            notes.push_str(&format!(
                "**{t}** · Part {i} of what was said. It goes on for a while. And then some more.\n"
            ));
        }
        assert_eq!(
            titles(&notes),
            [
                (0, "Intro".into()),
                (120, "Tools".into()),
                (300, "Outro".into())
            ]
        );
    }

    #[test]
    fn several_lists_and_the_longest_wins() {
        let notes = "00:00 A\n01:00 B\n\nEpisode 2\n00:00 C\n02:00 D\n03:00 E\n";
        assert_eq!(extract_lists(notes).len(), 2);
        assert_eq!(extract(notes).len(), 3);
    }
}
