//! Chapters from show notes as podcasters write them: plain text, HTML or Markdown.
//!
//! The rule, instead of a pile of special cases: **a chapter list is a run of increasing
//! timestamps in a consistent position, each with a title.**
//!
//! 1. HTML becomes lines of text ([`markup`]); each line is scanned for timestamps ([`line`]).
//! 2. A line is an entry when its timestamp starts it (after bullets or numbering) with a title
//!    after, or ends it with a title before and something setting it apart (brackets, emphasis, a
//!    separator). A timestamp inside a sentence is prose, not an entry. A line holding several
//!    timestamps is a list whose line breaks were lost, split between them.
//! 3. Entries join a run while their times keep increasing, their titles stay on the same side,
//!    and no more than [`MAX_GAP_LINES`] lines of other text come between. A run of at least two
//!    entries is a chapter list.
//!
//! Times of day (`5:30pm`), scores and ratios (`2:1`), verses (`John 3:16`) and a lone time in a
//! sentence never form such a run.

mod line;
mod markup;

use crate::model::{Chapter, Chapters};
use line::Entry;

/// Lines of other text (a sub-heading, a note) a list may contain between two of its entries.
pub const MAX_GAP_LINES: usize = 2;

/// The chapters of `notes`: the longest chapter list in them (the first, when two are as long).
pub fn extract(notes: &str) -> Chapters {
    extract_lists(notes)
        .into_iter()
        .reduce(|best, list| if list.len() > best.len() { list } else { best })
        .unwrap_or_default()
}

/// Every chapter list in `notes`, in document order: a page with several episodes has several.
pub fn extract_lists(notes: &str) -> Vec<Chapters> {
    let text = markup::to_text(notes);
    let lines: Vec<&str> = text.lines().collect();
    let stamps: Vec<Vec<line::Stamp>> = lines.iter().map(|l| line::stamps(l)).collect();

    let single = |i: usize| -> Option<Entry> {
        let first = stamps[i].first()?;
        line::single_entry(lines[i], first)
    };
    let mut lists = Vec::new();
    let mut run: Vec<Entry> = Vec::new();
    let mut gap = 0;
    for (i, l) in lines.iter().enumerate() {
        let entries = match stamps[i].len() {
            0 => Vec::new(),
            1 => single(i).into_iter().collect(),
            n => {
                // Two stamps in a line of a one-per-line list are a title that mentions a time;
                // on their own, or three and more, they are a list that lost its line breaks.
                let in_list = n == 2
                    && [i.checked_sub(1), Some(i + 1)]
                        .into_iter()
                        .flatten()
                        .any(|j| {
                            stamps.get(j).is_some_and(|s| s.len() == 1) && single(j).is_some()
                        });
                let inline = (!in_list)
                    .then(|| line::inline_entries(l, &stamps[i]))
                    .flatten();
                inline.unwrap_or_else(|| single(i).into_iter().collect())
            }
        };
        if entries.is_empty() {
            if !l.trim().is_empty() {
                gap += 1;
            }
            continue;
        }
        for entry in entries {
            let continues = run.last().is_some_and(|last: &Entry| {
                last.side == entry.side && entry.ms >= last.ms && gap <= MAX_GAP_LINES
            });
            if !continues {
                close_run(&mut run, &mut lists);
            }
            run.push(entry);
            gap = 0;
        }
    }
    close_run(&mut run, &mut lists);
    lists
}

fn close_run(run: &mut Vec<Entry>, lists: &mut Vec<Chapters>) {
    let entries = std::mem::take(run);
    if entries.len() < 2 {
        return;
    }
    let chapters = entries
        .into_iter()
        .map(|e| Chapter {
            start_ms: e.ms,
            end_ms: e.end_ms,
            title: e.title,
            url: e.url,
            ..Chapter::default()
        })
        .collect::<Vec<_>>();
    lists.push(Chapters::new(chapters));
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
    fn several_lists_and_the_longest_wins() {
        let notes = "00:00 A\n01:00 B\n\nEpisode 2\n00:00 C\n02:00 D\n03:00 E\n";
        assert_eq!(extract_lists(notes).len(), 2);
        assert_eq!(extract(notes).len(), 3);
    }
}
