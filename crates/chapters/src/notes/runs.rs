//! Stage 2, *candidates*, second half: the entries grouped into runs. Entries join a run while
//! their times keep increasing, their titles stay on the same side, and no more than
//! [`MAX_GAP_LINES`] lines of other text come between (an entry's untimed sub-items, and the
//! sections under timed headings, are not such text). One time out of order between neighbours
//! that continue the run is set aside, not a break.
//!
//! Grouping only groups: each run carries the facts the judge needs about it and about how it
//! follows the run before (whether its times went down), and judging is the next stage's.

use super::line::Entry;
use super::lookalikes;
use super::MAX_GAP_LINES;

/// A group of entries that read as one list, and what the judge needs to know about it.
#[derive(Debug)]
pub(super) struct Run {
    /// Each entry with the index of its line.
    pub entries: Vec<(Entry, usize)>,
    /// The lines whose entry was set aside as one time out of order.
    pub out_of_order: Vec<usize>,
    /// Lines in or beside the run that are items of a day's programme (`12.15 Auction`); one that
    /// runs a time into one counts twice.
    pub programme_items: usize,
    /// How the run follows the one before it.
    pub join: Join,
}

/// How a run follows the run before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Join {
    /// The first run, or one after more than [`MAX_GAP_LINES`] lines of other text: a new stretch.
    Apart,
    /// Right after the run before, with a time lower than its last: a second list, a transcript
    /// after a list — or, when it happens again, a list of lengths.
    WentDown,
    /// Right after the run before, its titles on the other side.
    Beside,
}

/// The runs of the entries read from `lines` (`entries[i]` are line `i`'s), in document order.
/// Each line's entries move into their run; the lines after it are still there to look ahead to.
pub(super) fn group(lines: &[String], mut entries: Vec<Vec<Entry>>) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut run = Run {
        entries: Vec::new(),
        out_of_order: Vec::new(),
        programme_items: 0,
        join: Join::Apart,
    };
    // Programme items since the run's last entry: beside the next run too.
    let mut programme_since_entry = 0;
    let mut gap = 0;
    // The line of the run's last entry, and whether only its sub-items came after it.
    let mut last_line: &str = "";
    let mut only_sub_items = true;
    for (i, l) in lines.iter().enumerate() {
        let line_entries = std::mem::take(&mut entries[i]);
        if lookalikes::is_programme_item(l) {
            run.programme_items += if line_entries.is_empty() { 1 } else { 2 };
            programme_since_entry += 1;
        }
        if line_entries.is_empty() {
            if !l.trim().is_empty() {
                only_sub_items &= is_sub_item(l, last_line);
                if !only_sub_items {
                    gap += 1;
                }
            }
            continue;
        }
        let sections = is_heading(l) && is_heading(last_line);
        let single = line_entries.len() == 1;
        for entry in line_entries {
            let near = gap <= MAX_GAP_LINES || sections;
            if single && gap == 0 {
                match out_of_order(&run.entries, &entry, next_entry(lines, &entries, i)) {
                    Some(Outlier::This) => {
                        run.out_of_order.push(i);
                        continue;
                    }
                    Some(Outlier::Last) => {
                        if let Some((_, at)) = run.entries.pop() {
                            run.out_of_order.push(at);
                        }
                    }
                    None => {}
                }
            }
            let last = run.entries.last().map(|(e, _)| e);
            let continues =
                last.is_some_and(|last| last.side == entry.side && entry.ms >= last.ms && near);
            if !continues {
                let join = match last {
                    Some(last) if near && entry.ms < last.ms => Join::WentDown,
                    Some(_) if near => Join::Beside,
                    _ => Join::Apart,
                };
                let next = Run {
                    entries: Vec::new(),
                    out_of_order: Vec::new(),
                    programme_items: programme_since_entry,
                    join,
                };
                let closed = std::mem::replace(&mut run, next);
                if !closed.entries.is_empty() {
                    runs.push(closed);
                }
            }
            run.entries.push((entry, i));
            programme_since_entry = 0;
            gap = 0;
        }
        last_line = l;
        only_sub_items = true;
    }
    if !run.entries.is_empty() {
        runs.push(run);
    }
    runs
}

/// Which entry breaks an otherwise increasing run.
#[derive(Debug, PartialEq, Eq)]
enum Outlier {
    /// The new entry: earlier than the run's last, while the entry after it continues the run.
    This,
    /// The run's last entry: later than the new entry, which continues from the one before it.
    Last,
}

/// Whether `entry`, which does not continue `run` because its time went down, is one time out of
/// order rather than the start of something else: the run has two entries at least, the entry on
/// the next timed line (with only blank lines between) has the same side, and dropping one of the
/// two makes all three increase. A second list starting over from its beginning is not a typo:
/// the entry must be later than the run's first.
fn out_of_order(run: &[(Entry, usize)], entry: &Entry, next: Option<&Entry>) -> Option<Outlier> {
    let [.., (before, _), (last, _)] = run else {
        return None;
    };
    let next = next?;
    let same_side = last.side == entry.side && entry.side == next.side;
    if !same_side || entry.ms >= last.ms {
        return None;
    }
    if next.ms > last.ms && entry.ms > run[0].0.ms {
        Some(Outlier::This)
    } else if entry.ms > before.ms && next.ms > entry.ms {
        Some(Outlier::Last)
    } else {
        None
    }
}

/// The first entry of the next line that has one, when only blank lines come before it.
fn next_entry<'a>(lines: &[String], entries: &'a [Vec<Entry>], i: usize) -> Option<&'a Entry> {
    let j = (i + 1..lines.len()).find(|&j| !lines[j].trim().is_empty())?;
    entries[j].first()
}

/// Whether `line` is a Markdown heading. Timed headings open sections, so any amount of text may
/// come between two of them.
fn is_heading(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// Whether `line` is an untimed list item nested under the entry on `entry_line` (`* [Link](…)`
/// under `* 15:01 Title`): a sub-point of that entry, not text between two lists.
fn is_sub_item(line: &str, entry_line: &str) -> bool {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let item = line.trim_start();
    let bulleted = ["- ", "* ", "+ ", "• "].iter().any(|b| item.starts_with(b));
    bulleted && indent(line) >= indent(entry_line)
}
