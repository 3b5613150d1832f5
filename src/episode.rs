//! What is being played: the episode's audio, its metadata, its show notes and where its chapters
//! come from. Plain data owned by the player state; the element and the playlist readers build it.

use chapters::feed::TranscriptLink;
use chapters::notes::display::{self, Segment};
use chapters::transcript::Transcript;
use chapters::ChapterSource;
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq)]
pub struct Episode {
    /// The audio URL, absolute (resolved against the page), so it also names the episode in
    /// storage. Empty when the page gave none.
    pub src: String,
    pub title: String,
    pub show: String,
    pub artwork: Option<String>,
    /// As the feed wrote it; shown in a playlist.
    pub published: Option<String>,
    /// Known before the audio's metadata arrives, so chapter lengths show at once.
    pub duration_ms: Option<u64>,
    /// The show notes as given: HTML, or plain text escaped to HTML.
    pub notes: Rc<str>,
    pub chapters: ChapterSource,
    pub transcript: TranscriptSource,
}

/// Where an episode's transcript comes from: given as data, or files to try (the `transcript`
/// attribute's one, or every `<podcast:transcript>` of a feed item). URLs are absolute.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum TranscriptSource {
    #[default]
    None,
    Inline(Rc<Transcript>),
    Links(Vec<TranscriptLink>),
}

impl Default for Episode {
    fn default() -> Self {
        Episode {
            src: String::new(),
            title: String::new(),
            show: String::new(),
            artwork: None,
            published: None,
            duration_ms: None,
            notes: Rc::from(""),
            chapters: ChapterSource::Notes,
            transcript: TranscriptSource::None,
        }
    }
}

impl Episode {
    /// How a link names this episode among a feed's: its audio file's name without the
    /// extension (`episode-18`), which stays when newer episodes are published.
    pub fn link_key(&self) -> Option<&str> {
        let path = self.src.split(['?', '#']).next().unwrap_or_default();
        let file = path.rsplit('/').next().unwrap_or_default();
        let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
        (!stem.is_empty()).then_some(stem)
    }

    /// The notes as lines of text, links and clickable times, for the notes panel.
    pub fn notes_display(&self) -> Rc<Vec<Vec<Segment>>> {
        Rc::new(display::lines(&self.notes))
    }

    /// Chapters that need no request: given inline, or found in the notes. `None` for a file.
    pub fn chapters_at_hand(&self) -> Option<chapters::Chapters> {
        match &self.chapters {
            ChapterSource::Inline(c) => Some(c.clone()),
            ChapterSource::Notes => Some(chapters::notes::extract(&self.notes)),
            ChapterSource::Url(_) => None,
        }
    }
}
