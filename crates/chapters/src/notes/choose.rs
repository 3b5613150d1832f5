//! Stage 4, *choose*: the runs judged to be chapter lists become lists of chapters, the longest
//! is the episode's, and every line with a time that gave no chapter gets its reason.

use super::line::Entry;
use super::report::{SkipReason, Skipped};
use super::runs::Run;
use crate::model::{Chapter, Chapters};

/// A chapter list with, for each chapter, the index of the text line it was read from.
pub(super) type Sourced = (Chapters, Vec<usize>);

/// The chapter lists among `runs` (whose verdicts are `verdicts`), in document order, and for
/// each of `line_count` lines the reason its entry was set aside, where it was.
pub(super) fn lists(
    runs: Vec<Run>,
    verdicts: &[Option<SkipReason>],
    line_count: usize,
) -> (Vec<Sourced>, Vec<Option<SkipReason>>) {
    let mut reasons: Vec<Option<SkipReason>> = vec![None; line_count];
    let mut set_aside = |lines: &[usize], reason: SkipReason| {
        for &i in lines {
            if let Some(slot) = reasons.get_mut(i) {
                slot.get_or_insert(reason);
            }
        }
    };
    let mut lists = Vec::new();
    for (run, verdict) in runs.into_iter().zip(verdicts) {
        set_aside(&run.out_of_order, SkipReason::OutOfOrder);
        let lines: Vec<usize> = run.entries.iter().map(|(_, i)| *i).collect();
        if let Some(reason) = verdict {
            set_aside(&lines, *reason);
            continue;
        }
        match chapters(run.entries) {
            Some((chapters, sources)) => {
                // Sources are in line order, as the run's entries are.
                let merged: Vec<usize> = lines
                    .into_iter()
                    .filter(|i| sources.binary_search(i).is_err())
                    .collect();
                set_aside(&merged, SkipReason::SameTime);
                // Unless this list is the one chosen, its lines are in another list.
                set_aside(&sources, SkipReason::OtherList);
                lists.push((chapters, sources));
            }
            None => set_aside(&lines, SkipReason::Alone),
        }
    }
    (lists, reasons)
}

/// The chapters of a run and the line of each, when it has two distinct starts at least: two
/// entries at the same time are one chapter.
fn chapters(entries: Vec<(Entry, usize)>) -> Option<Sourced> {
    // Where each time was read, for the sources; the entries themselves become the chapters.
    let read_at: Vec<(u64, usize)> = entries.iter().map(|(e, i)| (e.ms, *i)).collect();
    let chapters = Chapters::new(
        entries
            .into_iter()
            .map(|(e, _)| Chapter {
                start_ms: e.ms,
                end_ms: e.end_ms,
                title: e.title,
                url: e.url,
                ..Chapter::default()
            })
            .collect(),
    );
    if chapters.len() < 2 {
        return None;
    }
    // The run's times never decrease, and merging equal starts kept the first entry at each
    // time: one walk pairs each chapter with the line of that first entry.
    let mut at = read_at.iter().peekable();
    let sources = chapters
        .iter()
        .map(|c| {
            while at.next_if(|(ms, _)| *ms < c.start_ms).is_some() {}
            at.next_if(|(ms, _)| *ms == c.start_ms)
                .map_or(0, |(_, i)| *i)
        })
        .collect();
    Some((chapters, sources))
}

/// The first of the longest lists.
pub(super) fn longest(lists: Vec<Sourced>) -> Option<Sourced> {
    lists.into_iter().reduce(|best, list| {
        if list.0.len() > best.0.len() {
            list
        } else {
            best
        }
    })
}

/// Line `i` of the notes as text, trimmed: what a podcaster is shown of it.
pub(super) fn line_text(lines: &[String], i: usize) -> String {
    lines.get(i).map_or("", |l| l.trim()).to_string()
}

/// Every timed line not among `taken` (in line order), with the reason recorded for it, else why
/// it gave none.
pub(super) fn skipped(
    timed: &[bool],
    reasons: &[Option<SkipReason>],
    taken: &[usize],
    lines: &[String],
) -> Vec<Skipped> {
    (0..timed.len())
        .filter(|&i| timed[i] && taken.binary_search(&i).is_err())
        .map(|i| Skipped {
            line: i + 1,
            text: line_text(lines, i),
            reason: reasons
                .get(i)
                .copied()
                .flatten()
                .unwrap_or(SkipReason::InText),
        })
        .collect()
}
