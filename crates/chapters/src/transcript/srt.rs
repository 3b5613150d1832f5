//! SRT (SubRip) transcripts: numbered blocks, `00:00:01,000 --> 00:00:02,000`, text lines.
//! `Name:` at the start of a cue is a speaker only when it looks like a name.

use super::time;
use super::vtt::voiced_lines;
use super::Transcript;

pub fn read(text: &str) -> Result<Transcript, String> {
    let mut cues = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    let mut timed_blocks = 0;
    while i < lines.len() {
        while lines.get(i).is_some_and(|l| l.trim().is_empty()) {
            i += 1;
        }
        let start = i;
        while lines.get(i).is_some_and(|l| !l.trim().is_empty()) {
            i += 1;
        }
        let block = &lines[start..i];
        // The cue number is optional in practice; the timing line is what counts.
        let Some(timing_at) = block.iter().take(2).position(|l| l.contains("-->")) else {
            continue;
        };
        let Some((start_ms, end_ms)) = time::timing(block[timing_at]) else {
            continue;
        };
        timed_blocks += 1;
        cues.extend(voiced_lines(&block[timing_at + 1..], start_ms, end_ms));
    }
    if timed_blocks == 0 && !text.trim().is_empty() {
        return Err("no cue with a timing line (`00:00:01,000 --> 00:00:02,000`)".into());
    }
    Ok(Transcript { cues, timed: true })
}
