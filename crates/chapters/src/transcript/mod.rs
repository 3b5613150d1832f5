//! Transcripts, as podcasts publish them with `<podcast:transcript>`: WebVTT, SRT, Podcasting 2.0
//! JSON, HTML and plain text, read into one model of timed, attributed cues and written back out.
//!
//! Readers are lenient (real files have broken timestamps, byte-order marks, CRLF, word-level
//! segments and placeholder speakers); like every reader in this crate they never panic.
//! [`Transcript::paragraphs`] groups short cues into paragraphs by speaker turn, for reading.

mod html;
mod json;
mod normalize;
mod notes;
pub mod search;
mod speaker;
mod srt;
mod text;
mod time;
mod vtt;
mod write;

use std::fmt;

pub use notes::{from_lines, from_notes, set_aside, MIN_NOTES_LINES};
pub use write::write;

/// One stretch of speech: when, who, what. Untimed transcripts give every cue a start of 0 and
/// are marked as such on the [`Transcript`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cue {
    pub start_ms: u64,
    pub end_ms: u64,
    pub speaker: Option<String>,
    /// Plain text, never markup.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Transcript {
    /// In time order (for timed transcripts); never empty text.
    pub cues: Vec<Cue>,
    /// Whether the cues carry times a player can follow and seek to.
    pub timed: bool,
}

/// A speaker's turn, or a stretch of one speaker long enough to need a break: what the panel
/// shows as one paragraph. `cues` indexes [`Transcript::cues`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub speaker: Option<String>,
    pub cues: std::ops::Range<usize>,
}

/// The transcript formats, by what they are called in `<podcast:transcript type="…">`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Vtt,
    Srt,
    Json,
    Html,
    Text,
}

/// Why a transcript could not be read: one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptError {
    pub kind: Kind,
    pub message: String,
}

impl fmt::Display for TranscriptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid {} transcript: {}",
            self.kind.name(),
            self.message
        )
    }
}

impl std::error::Error for TranscriptError {}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Vtt => "vtt",
            Kind::Srt => "srt",
            Kind::Json => "json",
            Kind::Html => "html",
            Kind::Text => "text",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        [Kind::Vtt, Kind::Srt, Kind::Json, Kind::Html, Kind::Text]
            .into_iter()
            .find(|k| k.name() == name)
    }

    /// The kind a MIME type names, parameters and case ignored: `text/vtt`, `application/x-subrip`,
    /// `application/srt`, `application/json`, `text/html`, `text/plain`.
    pub fn from_mime(mime: &str) -> Option<Kind> {
        let essence = mime
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "text/vtt" => Some(Kind::Vtt),
            "application/x-subrip" | "application/srt" | "text/srt" | "application/x-srt" => {
                Some(Kind::Srt)
            }
            "application/json" | "application/json+transcript" => Some(Kind::Json),
            "text/html" => Some(Kind::Html),
            "text/plain" => Some(Kind::Text),
            _ => None,
        }
    }

    /// The kind the content shows, when it shows one: a `WEBVTT` header, a JSON object, an SRT
    /// cue number with a `-->` line, HTML tags.
    pub fn sniff(bytes: &[u8]) -> Option<Kind> {
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with("WEBVTT") {
            return Some(Kind::Vtt);
        }
        let array_of_objects = t
            .strip_prefix('[')
            .is_some_and(|r| r.trim_start().starts_with(['{', ']']));
        if t.starts_with('{') || array_of_objects {
            return Some(Kind::Json);
        }
        let mut lines = t.lines().map(str::trim);
        if lines
            .next()
            .is_some_and(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()))
            && lines.next().is_some_and(|l| l.contains("-->"))
        {
            return Some(Kind::Srt);
        }
        if t.lines().take(3).any(|l| l.contains("-->")) {
            return Some(Kind::Srt);
        }
        let lower = t.to_ascii_lowercase();
        if [
            "<!doctype html",
            "<html",
            "<p>",
            "<p ",
            "<cite",
            "<time",
            "<body",
            "<div",
        ]
        .iter()
        .any(|tag| lower.contains(tag))
        {
            return Some(Kind::Html);
        }
        None
    }

    /// The content's own kind when it shows one, else the MIME type's, else plain text: servers
    /// send transcripts as `text/plain` or `application/octet-stream` often enough.
    pub fn detect(bytes: &[u8], mime: Option<&str>) -> Kind {
        Kind::sniff(bytes)
            .or_else(|| mime.and_then(Kind::from_mime))
            .unwrap_or(Kind::Text)
    }

    pub fn read(self, bytes: &[u8]) -> Result<Transcript, TranscriptError> {
        let text = String::from_utf8_lossy(bytes);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let read = match self {
            Kind::Vtt => vtt::read(text),
            Kind::Srt => srt::read(text),
            Kind::Json => json::read(text),
            Kind::Html => html::read(text),
            Kind::Text => Ok(text::read(text)),
        };
        read.map(normalize::normalize)
            .map_err(|message| TranscriptError {
                kind: self,
                message,
            })
    }
}

/// Reads a transcript in whatever format it turns out to be; `mime` is the server's word for it.
pub fn read(bytes: &[u8], mime: Option<&str>) -> Result<Transcript, TranscriptError> {
    Kind::detect(bytes, mime).read(bytes)
}

impl Transcript {
    /// The cue being spoken at `t_ms`: the last that has started. `None` before the first or
    /// when the transcript is untimed.
    pub fn cue_at(&self, t_ms: u64) -> Option<usize> {
        if !self.timed {
            return None;
        }
        self.cues
            .partition_point(|c| c.start_ms <= t_ms)
            .checked_sub(1)
    }

    /// When the last cue ends.
    pub fn end_ms(&self) -> u64 {
        self.cues.iter().map(|c| c.end_ms).max().unwrap_or(0)
    }

    /// Cues grouped by speaker turn; a turn longer than about a paragraph is broken after a
    /// sentence, and (for timed transcripts) a silence of over 8 s starts a new paragraph.
    pub fn paragraphs(&self) -> Vec<Paragraph> {
        const LONG: usize = 700;
        const SILENCE_MS: u64 = 8_000;
        let mut out: Vec<Paragraph> = Vec::new();
        let mut length = 0;
        for (i, cue) in self.cues.iter().enumerate() {
            let continues = out.last().is_some_and(|p| {
                let previous = &self.cues[i - 1];
                let same_speaker = cue.speaker.is_none() || cue.speaker == p.speaker;
                let sentence_ended = previous.text.ends_with(['.', '!', '?', '…', '"', '”']);
                let silence = self.timed && cue.start_ms > previous.end_ms + SILENCE_MS;
                same_speaker && !silence && !(length > LONG && sentence_ended)
            });
            match out.last_mut() {
                Some(p) if continues => {
                    p.cues.end = i + 1;
                    length += cue.text.len();
                }
                _ => {
                    out.push(Paragraph {
                        speaker: cue.speaker.clone(),
                        cues: i..i + 1,
                    });
                    length = cue.text.len();
                }
            }
        }
        out
    }
}

/// The order to try an episode's transcript files in: the listener's languages first (the
/// player's, then the browser's; `en` matches `en-US`), then timed before untimed (`rel="captions"`
/// and the timed formats), then the feed's order.
pub fn preference<'a>(
    links: &'a [crate::feed::TranscriptLink],
    languages: &[&str],
) -> Vec<&'a crate::feed::TranscriptLink> {
    let primary = |tag: &str| {
        tag.split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    };
    let language_rank = |l: &crate::feed::TranscriptLink| {
        let lang = l.language.as_deref().map(primary);
        languages
            .iter()
            .position(|want| lang.as_deref() == Some(primary(want).as_str()))
            .unwrap_or(languages.len())
    };
    let untimed = |l: &crate::feed::TranscriptLink| {
        !l.captions
            && !matches!(
                l.mime.as_deref().and_then(Kind::from_mime),
                Some(Kind::Vtt | Kind::Srt | Kind::Json)
            )
    };
    let mut ranked: Vec<_> = links.iter().collect();
    ranked.sort_by_key(|l| (language_rank(l), untimed(l)));
    ranked
}

#[cfg(test)]
mod tests;
