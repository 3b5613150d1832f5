//! SRT (SubRip) transcripts: numbered blocks, `00:00:01,000 --> 00:00:02,000`, text lines.
//! `Name:` at the start of a cue is a speaker only when it looks like a name.

use super::time;
use super::vtt::voiced_lines;
use super::Transcript;

pub fn read(text: &str) -> Result<Transcript, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut cues = Vec::new();
    let mut timed_blocks = 0;
    // The cue number is optional in practice; the timing line is what counts.
    for ((start_ms, end_ms), text_lines) in time::cue_blocks(&lines) {
        timed_blocks += 1;
        cues.extend(voiced_lines(text_lines, start_ms, end_ms));
    }
    if timed_blocks == 0 && !text.trim().is_empty() {
        return Err("no cue with a timing line (`00:00:01,000 --> 00:00:02,000`)".into());
    }
    Ok(Transcript { cues, timed: true })
}
