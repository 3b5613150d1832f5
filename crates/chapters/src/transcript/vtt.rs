//! WebVTT transcripts: cues with voice spans (`<v Full Name>`, `<v.loud Ana>`, `</v>`), other
//! markup dropped, entities decoded; `NOTE`, `STYLE` and `REGION` blocks skipped. Lenient about
//! timestamps (see [`super::time`]) and a missing blank line after the header.

use super::speaker;
use super::time;
use super::{Cue, Transcript};
use crate::entities;

pub fn read(text: &str) -> Result<Transcript, String> {
    let after = text
        .trim_start()
        .strip_prefix("WEBVTT")
        .ok_or("missing WEBVTT header")?;
    // The header block (up to its first blank line, or to a timing line when the blank line
    // was forgotten) is not a cue.
    let lines: Vec<&str> = after.lines().collect();
    let body = lines
        .iter()
        .position(|l| l.trim().is_empty() || l.contains("-->"))
        .unwrap_or(lines.len());
    let cues = time::cue_blocks(&lines[body..])
        .flat_map(|((start_ms, end_ms), text)| voiced_lines(text, start_ms, end_ms))
        .collect();
    Ok(Transcript { cues, timed: true })
}

/// A cue's text lines as cues of their own voice: a voice span starts a new speaker, a line
/// without one continues the last (or, failing that, may start with `Name:`).
pub fn voiced_lines(lines: &[&str], start_ms: u64, end_ms: u64) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    for line in lines {
        let (voice, text) = match voice_span(line) {
            Some((voice, rest)) => (Some(voice), plain(rest)),
            None => {
                let text = plain(line);
                match speaker::leading(&text) {
                    Some((name, rest)) if out.is_empty() => (Some(name), rest.to_string()),
                    _ => (None, text),
                }
            }
        };
        if text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if voice.is_none() || voice == last.speaker => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => out.push(Cue {
                start_ms,
                end_ms,
                speaker: voice,
                text,
            }),
        }
    }
    out
}

/// `<v Name>` or `<v.class Name>` at the line's start: the name and the rest of the line.
fn voice_span(line: &str) -> Option<(String, &str)> {
    let rest = line.trim_start().strip_prefix("<v")?;
    if !rest.starts_with([' ', '.', '\t']) {
        return None;
    }
    let close = rest.find('>')?;
    let inside = &rest[..close];
    // Classes (`.loud.first`) come before the first space; the name is everything after it.
    let name = inside.split_once([' ', '\t']).map_or("", |(_, n)| n);
    let name = speaker::clean(&entities::decode(name))?;
    Some((name, &rest[close + 1..]))
}

/// Cue text without its markup (`<i>`, `<c.x>`, `</v>`, inline timestamps), entities decoded.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = &rest[open..];
                break;
            }
        }
    }
    out.push_str(rest);
    let decoded = entities::decode(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}
