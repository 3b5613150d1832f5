//! Plain-text transcripts: paragraphs separated by blank lines or speaker turns (`Name:` at a
//! line's start). A line that starts with a time (`00:12:49`, `[1:02:03]`, `(12:49)`) is timed;
//! when most paragraphs are, the transcript is — as transcripts pasted into show notes are.

use super::speaker;
use super::{Cue, Transcript};
use crate::timestamp::scan_clock;

pub fn read(text: &str) -> Transcript {
    let mut cues: Vec<Cue> = Vec::new();
    let mut fresh = true;
    let mut timed_lines = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            fresh = true;
            continue;
        }
        let (time, line) = leading_time(line);
        timed_lines += usize::from(time.is_some());
        let (speaker, rest) = match speaker::leading(line) {
            Some((name, rest)) => (Some(name), rest),
            None => (None, line),
        };
        let continues = !fresh && time.is_none() && speaker.is_none();
        match cues.last_mut() {
            Some(last) if continues => {
                last.text.push(' ');
                last.text.push_str(rest);
            }
            _ => {
                let start_ms = time.or(cues.last().map(|c| c.start_ms)).unwrap_or(0);
                cues.push(Cue {
                    start_ms,
                    end_ms: start_ms,
                    speaker,
                    text: rest.to_string(),
                });
            }
        }
        fresh = false;
    }
    cues.retain(|c| !c.text.trim().is_empty());
    let timed = timed_lines >= 2 && timed_lines * 2 >= cues.len();
    if timed {
        // Each cue lasts until the next one starts.
        for i in 1..cues.len() {
            let next = cues[i].start_ms;
            cues[i - 1].end_ms = next.max(cues[i - 1].start_ms);
        }
    } else {
        for c in &mut cues {
            c.start_ms = 0;
            c.end_ms = 0;
        }
    }
    Transcript { cues, timed }
}

/// A time at the line's start, bare or in brackets, and the rest of the line.
pub(super) fn leading_time(line: &str) -> (Option<u64>, &str) {
    let inner = line.trim_start_matches(['[', '(']);
    let Some(t) = scan_clock(inner.as_bytes(), 0) else {
        return (None, line);
    };
    let rest = inner[t.end..].trim_start_matches([']', ')']).trim_start();
    let rest = rest.trim_start_matches(['-', '–', '—', ':']).trim_start();
    (Some(t.ms), rest)
}
