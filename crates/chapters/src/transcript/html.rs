//! HTML transcripts as Podcasting 2.0 describes them: `<cite>Speaker:</cite>`, `<time>0:00</time>`
//! and `<p>text</p>`, in any order within a turn; other markup is dropped. Without `<time>`
//! elements the transcript is untimed, each `<p>` a cue.

use super::speaker;
use super::time;
use super::vtt::plain;
use super::{Cue, Transcript};

pub fn read(text: &str) -> Result<Transcript, String> {
    let mut cues: Vec<Cue> = Vec::new();
    let mut speaker_now: Option<String> = None;
    let mut time_now: Option<u64> = None;
    let mut timed = false;
    let lower = text.to_ascii_lowercase();
    let mut at = 0;
    while let Some(open) = lower[at..].find('<').map(|i| at + i) {
        let Some(name_end) = lower[open + 1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .map(|i| open + 1 + i)
        else {
            break;
        };
        let name = &lower[open + 1..name_end];
        let Some(tag_end) = lower[open..].find('>').map(|i| open + i + 1) else {
            break;
        };
        if !matches!(name, "cite" | "time" | "p") {
            at = tag_end;
            continue;
        }
        let close = format!("</{name}");
        let content_end = lower[tag_end..]
            .find(&close)
            .map_or(lower.len(), |i| tag_end + i);
        let content = plain(&text[tag_end..content_end]);
        match name {
            "cite" => speaker_now = speaker::clean(&content),
            "time" => {
                time_now = time::parse(&content);
                timed |= time_now.is_some();
            }
            _ if !content.is_empty() => {
                let start_ms = time_now.or(cues.last().map(|c| c.start_ms)).unwrap_or(0);
                cues.push(Cue {
                    start_ms,
                    end_ms: start_ms,
                    speaker: speaker_now.clone(),
                    text: content,
                });
                time_now = None;
            }
            _ => {}
        }
        at = content_end;
    }
    if cues.is_empty() {
        return Err("no <p> with text".into());
    }
    for i in 1..cues.len() {
        cues[i - 1].end_ms = cues[i].start_ms.max(cues[i - 1].start_ms);
    }
    if !timed {
        for c in &mut cues {
            (c.start_ms, c.end_ms) = (0, 0);
        }
    }
    Ok(Transcript { cues, timed })
}
