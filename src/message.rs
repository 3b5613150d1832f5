//! What the player tells the listener, kept as facts (which file, which status) rather than
//! sentences, so the view can say it in the listener's language.

/// Why the audio cannot play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AudioProblem {
    /// There is no `src` at all.
    NoSource,
    Stopped,
    Network,
    Decode,
    /// Not found or not playable; the server is being asked which.
    Unavailable,
    NotFound(u16),
    Refused(u16),
    /// The server sent it, so the browser cannot play its format.
    Unplayable,
    /// A server error or rate limit.
    Server(u16),
    /// No answer from the network or the server.
    Unreachable,
}

/// Why a chapters file or a feed could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The request failed outright (network or CORS).
    Request,
    Http(u16),
    Unreadable,
    NotUtf8,
    NoEpisodes,
    /// The format's reader refused it; its own words, which name a line or a field.
    Invalid(String),
    /// The player's own code for reading this kind of file could not be downloaded (only a
    /// build split into parts has any to download).
    #[cfg_attr(not(split), allow(dead_code))]
    Unloaded,
}

impl Reason {
    /// What a developer needs beyond the listener's sentence: the reader's own words.
    pub fn detail(&self) -> Option<&str> {
        match self {
            Reason::Invalid(detail) => Some(detail),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    ResumeAt(u64),
    StartingAt(u64),
    Audio {
        src: String,
        problem: AudioProblem,
    },
    Chapters {
        url: String,
        reason: Reason,
        /// The notes' chapters are shown instead.
        fell_back: bool,
    },
    Feed {
        url: String,
        reason: Reason,
    },
}
