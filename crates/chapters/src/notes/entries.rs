//! Stage 2, *candidates*: each line read as the chapter entries it can be — `00:00 Intro`,
//! `Intro (00:00)`, a run-together list split at its times, a table row whose time and title sit in
//! cells of their own (either order) or whose trailing time is a length — from the line's shape:
//! where the time sits, what wraps it, what comes before and after. The grouping of entries into
//! runs comes after ([`super::runs`]), the judging of runs after that ([`super::lookalikes`]).

use super::line::{self, Entry};
use super::stamp::{self, Stamp};
use super::MAX_GAP_LINES;

/// The lines as entries: for each line, the entries read from it (most have none or one), and
/// whether it holds a timestamp at all (a timed line that gives no entry is reported as skipped).
pub(super) struct Read {
    pub entries: Vec<Vec<Entry>>,
    pub timed: Vec<bool>,
}

pub(super) fn read(lines: &[String]) -> Read {
    let stamps: Vec<Vec<Stamp>> = lines.iter().map(|l| stamp::stamps(l)).collect();
    let single = |i: usize| -> Option<Entry> {
        let first = stamps[i].first()?;
        line::single_entry(&lines[i], first)
    };
    let rows = table_rows(lines, &stamps);
    let headers = table_headers(lines);
    let entries = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if rows[i] {
                return table_entry(l, &stamps[i]).into_iter().collect();
            }
            match cell_entry(l, headers[i].as_deref()) {
                Cell::Entry(entry) => return vec![entry],
                Cell::Length => return Vec::new(),
                Cell::None => {}
            }
            match stamps[i].len() {
                0 => Vec::new(),
                1 => single(i).into_iter().collect(),
                n => {
                    // Two stamps in a line of a one-per-line list are a title that mentions a
                    // time; on their own, or three and more, they are a list that lost its line
                    // breaks.
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
            }
        })
        .collect();
    let timed = stamps.iter().map(|s| !s.is_empty()).collect();
    Read { entries, timed }
}

/// Which lines are rows of a table of chapters: `3 05:13 Intro to the guest 00:45`, a row number, a
/// start, a title and a length. The trailing time is a length, not a second start, when each row's
/// start plus its length is the next row's start (within a second); so a table needs two rows
/// that chain.
fn table_rows(lines: &[String], stamps: &[Vec<Stamp>]) -> Vec<bool> {
    let row = |i: usize| -> Option<(u64, u64)> {
        let [start, length] = stamps[i].as_slice() else {
            return None;
        };
        let tail = lines[i][length.end..].trim_matches(|c: char| c.is_whitespace() || c == '|');
        tail.is_empty().then_some((start.ms, length.ms))
    };
    let mut rows = vec![false; lines.len()];
    let mut previous: Option<(usize, u64, u64)> = None;
    for i in 0..lines.len() {
        let Some((start, length)) = row(i) else {
            // Header and rule lines of a table may come between rows.
            if previous.is_some_and(|(p, _, _)| i - p > MAX_GAP_LINES) {
                previous = None;
            }
            continue;
        };
        if let Some((p, p_start, p_length)) = previous {
            if p_start.saturating_add(p_length).abs_diff(start) <= 1_000 {
                rows[p] = true;
                rows[i] = true;
            }
        }
        previous = Some((i, start, length));
    }
    rows
}

/// A table row's entry: its start and the title between the start and the length.
fn table_entry(line: &str, stamps: &[Stamp]) -> Option<Entry> {
    let [start, length] = stamps else {
        return None;
    };
    let row = &line[start.start..length.start];
    let first = stamp::stamps(row).into_iter().next()?;
    line::single_entry(row, &first)
}

/// What a table row's cells give.
enum Cell {
    /// Not a row with a time in a cell of its own.
    None,
    /// The time's column is headed as a length (`Duration`): an episode table, not chapters.
    Length,
    Entry(Entry),
}

/// Words heading a column of lengths rather than starts.
const LENGTH_HEADERS: &[&str] = &[
    "duration",
    "length",
    "runtime",
    "running time",
    "dauer",
    "länge",
    "laufzeit",
    "durée",
    "duración",
    "duração",
    "durata",
    "duur",
    "長さ",
    "再生時間",
];

/// For each line that is a row of a Markdown table, the cells of the table's header row (the row
/// above its `|---|` rule).
fn table_headers(lines: &[String]) -> Vec<Option<Vec<String>>> {
    let is_rule = |l: &str| {
        let t = l.trim();
        t.starts_with('|') && t.contains('-') && t.chars().all(|c| "|-: ".contains(c))
    };
    let mut header: Option<Vec<String>> = None;
    let mut out = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        if !l.trim_start().starts_with('|') {
            header = None;
        } else if lines.get(i + 1).is_some_and(|next| is_rule(next)) {
            header = Some(cells(l).map(str::to_ascii_lowercase).collect());
        }
        out.push(header.clone());
    }
    out
}

/// The cells of a table row, trimmed.
fn cells(line: &str) -> impl Iterator<Item = &str> {
    let row = line.trim();
    row.strip_prefix('|')
        .unwrap_or(row)
        .split('|')
        .map(str::trim)
}

/// The entry of a table row whose time has a cell of its own and its title the next cell —
/// `| 1 | 0:00–0:45 | **Welcome** | what is said |` — or, in a table of title then time, the cell
/// before: `| Welcome | 0:00 |`. Columns around them (a row number, notes, a size like `40M`) are
/// not part of the chapter: a title has a word in it.
fn cell_entry(line: &str, header: Option<&[String]>) -> Cell {
    if !line.trim_start().starts_with('|') {
        return Cell::None;
    }
    let cells: Vec<&str> = cells(line).collect();
    let Some(at) = cells.iter().position(|cell| {
        let found = stamp::stamps(cell);
        matches!(found.as_slice(), [s] if s.start == 0 && s.end == cell.len())
    }) else {
        return Cell::None;
    };
    let heading = header
        .and_then(|h| h.get(at))
        .map(|h| h.trim_matches(['*', '_', ' ']));
    if heading.is_some_and(|h| LENGTH_HEADERS.contains(&h)) {
        return Cell::Length;
    }
    let titled = |cell: &&&str| {
        cell.chars()
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| w[0].is_alphabetic() && w[1].is_alphabetic())
    };
    let Some(title) = cells
        .get(at + 1)
        .filter(titled)
        .or_else(|| at.checked_sub(1).and_then(|b| cells.get(b)).filter(titled))
    else {
        return Cell::None;
    };
    let joined = [cells[at], title].join(" ");
    let entry = stamp::stamps(&joined)
        .into_iter()
        .next()
        .and_then(|first| line::single_entry(&joined, &first));
    entry.map_or(Cell::None, Cell::Entry)
}

#[cfg(test)]
mod tests {
    use super::read;

    fn titles(lines: &[&str]) -> Vec<Vec<(u64, String)>> {
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        read(&lines)
            .entries
            .into_iter()
            .map(|es| es.into_iter().map(|e| (e.ms / 1000, e.title)).collect())
            .collect()
    }

    #[test]
    fn a_tables_title_may_come_before_its_time() {
        assert_eq!(
            titles(&["| Welcome | 0:00 |", " | 12:03 | Interview"]),
            [vec![(0, "Welcome".into())], vec![(723, "Interview".into())]]
        );
    }

    #[test]
    fn a_column_headed_as_a_length_holds_no_starts() {
        let got = titles(&[
            "| Title | Duration | Size |",
            "|---|:---:|:---:|",
            "| Why agents | 21:37 | 40M |",
            "| Trust | 59:38 | 110M |",
        ]);
        assert!(got.iter().all(Vec::is_empty), "{got:?}");
    }
}
