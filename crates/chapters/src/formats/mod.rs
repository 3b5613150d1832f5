//! Chapter file formats: one module each, `read` into [`Chapters`] and, where the format is
//! writable, `write` back out.

pub mod id3;
pub mod id3_write;
pub mod json;
pub mod json_value;
pub mod mpeg;
pub mod notes_out;
pub mod psc;
pub mod vtt;

use crate::model::Chapters;
use std::fmt;

/// The inputs and outputs the crate understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Free-form show notes: plain text, HTML or Markdown.
    Notes,
    /// Podcasting 2.0 JSON chapters.
    Json,
    /// WebVTT chapters.
    Vtt,
    /// Podlove Simple Chapters (XML).
    Psc,
    /// ID3v2 `CHAP`/`CTOC` frames at the start of an MP3 (read only).
    Id3,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Notes,
        Format::Json,
        Format::Vtt,
        Format::Psc,
        Format::Id3,
    ];

    /// The name used on the command line and in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Notes => "notes",
            Format::Json => "json",
            Format::Vtt => "vtt",
            Format::Psc => "psc",
            Format::Id3 => "id3",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Guesses the format from the content itself, the way `--from auto` and the widget's
    /// `chapters="URL"` attribute need it (servers often send chapter files as `text/plain`).
    pub fn detect(bytes: &[u8]) -> Format {
        if bytes.starts_with(b"ID3") {
            return Format::Id3;
        }
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        let head = text.trim_start_matches('\u{feff}').trim_start();
        if head.starts_with("WEBVTT") {
            Format::Vtt
        } else if head
            .strip_prefix('{')
            .is_some_and(|rest| rest.trim_start().starts_with(['"', '}']))
        {
            // A JSON object's first key, not an MDX page's `{/* comment */}` or a template's `{{`.
            Format::Json
        } else if head.starts_with('<')
            && (head.contains("psc:chapter") || head.contains("<chapters"))
        {
            Format::Psc
        } else {
            Format::Notes
        }
    }

    /// Reads `bytes` as this format. Show notes never fail: text without a chapter list simply
    /// has no chapters.
    pub fn read(self, bytes: &[u8]) -> Result<Chapters, ParseError> {
        match self {
            Format::Id3 => id3::read(bytes),
            _ => {
                let text = std::str::from_utf8(bytes).map_err(|e| {
                    ParseError::new(
                        self,
                        format!("not UTF-8 text (invalid byte at {})", e.valid_up_to()),
                    )
                })?;
                let text = text.trim_start_matches('\u{feff}');
                match self {
                    Format::Notes => Ok(crate::notes::extract(text)),
                    Format::Json => json::read(text),
                    Format::Vtt => vtt::read(text),
                    Format::Psc => psc::read(text),
                    Format::Id3 => unreachable!("handled above"),
                }
            }
        }
    }

    /// Writes chapters in this format; `None` for formats that are read only (ID3).
    pub fn write(self, chapters: &Chapters) -> Option<String> {
        match self {
            Format::Notes => Some(notes_out::write(chapters)),
            Format::Json => Some(json::write(chapters)),
            Format::Vtt => Some(vtt::write(chapters)),
            Format::Psc => Some(psc::write(chapters)),
            Format::Id3 => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why an input could not be read: one line, naming the format and the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub format: Format,
    pub message: String,
}

impl ParseError {
    pub fn new(format: Format, message: impl Into<String>) -> Self {
        ParseError {
            format,
            message: message.into(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} chapters: {}", self.format, self.message)
    }
}

impl std::error::Error for ParseError {}

#[cfg(test)]
mod tests {
    use super::Format;

    #[test]
    fn a_brace_is_json_only_when_a_key_or_the_end_follows() {
        assert_eq!(Format::detect(b" {\n  \"chapters\": []}"), Format::Json);
        assert_eq!(Format::detect(b"{}"), Format::Json);
        assert_eq!(
            Format::detect(b"{/* TAB: SECTIONS */}\n[00:00:00] Intro"),
            Format::Notes
        );
        assert_eq!(
            Format::detect(b"{{ page.title }}\n00:00 Intro"),
            Format::Notes
        );
    }
}
