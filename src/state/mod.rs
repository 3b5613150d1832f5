//! Player state as a plain reducer: `PlayerState::update(Action) -> Vec<Command>`.
//!
//! The state owns everything the player knows — the episode, its notes and chapter source, the
//! playlist, the position to resume — so every click, key, attribute change and answer from the
//! network goes through [`PlayerState::update`] and is a native unit test. The view renders state;
//! adapters carry out [`Command`]s and answer with [`Action`]s.

mod action;
mod episode;
mod transcript;
mod update;

pub use action::{Action, Command, Failure, Settings, Share};
pub use transcript::TranscriptState;

#[cfg(test)]
mod tests;

use crate::episode::Episode;
use crate::i18n::Lang;
use crate::message::Message;
use chapters::notes::display::Segment;
use chapters::Chapters;
use std::rc::Rc;

/// Playback speeds offered, slowest to fastest.
pub const RATES: [f64; 9] = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0];
pub const SKIP_BACK_MS: u64 = 15_000;
pub const SKIP_FORWARD_MS: u64 = 30_000;
/// "Previous chapter" restarts the current chapter once this far into it, as podcast apps do.
pub const RESTART_GRACE_MS: u64 = 3_000;
/// Progress is saved at most this often while playing (and always on pause).
pub const SAVE_EVERY_MS: u64 = 5_000;
/// Positions this close to either end are not worth saving or resuming.
pub const RESUME_MARGIN_MS: u64 = 5_000;
/// Storage keys for saved positions: this, then the episode's absolute audio URL.
pub const POSITION_KEY_PREFIX: &str = "chapter-player:position:";
/// Storage keys for a show's speed and volume: this, then the show's name (or, without one, the
/// folder its audio is in).
pub const SETTINGS_KEY_PREFIX: &str = "chapter-player:settings:";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// Nothing requested yet (`preload="metadata"` still has to answer).
    Idle,
    /// Fetching enough to know the duration.
    Metadata,
    /// Playback waits for data.
    Buffering,
    Ready,
}

/// A deep link kept until the playlist it names an episode of has loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingStart {
    pub ms: u64,
    pub stop_at_ms: Option<u64>,
    pub episode: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlayerState {
    pub episode: Rc<Episode>,
    /// The episode's notes, ready to show with clickable times. Built once the notes panel asks
    /// ([`Action::ShowNotes`], a task after its first render), so the first render does not
    /// wait for them.
    pub notes: Rc<Vec<Vec<Segment>>>,
    /// The notes panel has asked for [`Self::notes`].
    pub notes_shown: bool,
    /// Counts episode and chapter-source changes: an answer to a request made for an earlier
    /// one carries an older number and is dropped.
    pub generation: u32,
    pub transcript: TranscriptState,
    /// As [`Self::generation`], for transcript requests.
    pub transcript_generation: u32,
    /// Counts seeks the listener asked for, so a view that follows playback (the transcript)
    /// knows to catch up after one.
    pub seeks: u32,
    /// Save the position and offer to resume (off with `no-resume`).
    pub resume: bool,
    /// The episodes of a playlist (`feed="URL"`, `mount({ playlist })`); empty for one episode.
    pub playlist: Rc<Vec<Episode>>,
    /// Which of [`Self::playlist`] is loaded.
    pub episode_index: Option<usize>,
    /// Why the playlist could not be loaded.
    pub playlist_error: Option<Message>,
    pub chapters: Rc<Chapters>,
    /// Why chapters could not be loaded: shown instead of the list, or above the chapters the
    /// player fell back to.
    pub chapters_error: Option<Message>,
    pub position_ms: u64,
    pub duration_ms: Option<u64>,
    /// The audio reported the duration: a hint from the page no longer applies.
    pub duration_from_media: bool,
    /// A seek to the end (End, the seek bar's end) made while only the page's hint was known: the
    /// audio's own end, once it reports it.
    pub end_pending: bool,
    /// The feed is being fetched: a deep link waits for its episodes.
    pub awaiting_playlist: bool,
    /// The feed last asked for: answers for another one (the `feed` attribute changed while it
    /// loaded) are dropped.
    pub feed_url: Option<String>,
    /// A deep link that arrived before the feed's episodes.
    pub pending_start: Option<PendingStart>,
    pub buffered_ms: u64,
    pub paused: bool,
    pub loading: Loading,
    /// Why the audio cannot play.
    pub error: Option<Message>,
    /// Whether loading the audio again could help (a network error), so Retry is offered.
    pub retry: bool,
    pub volume: f64,
    pub muted: bool,
    pub rate: f64,
    pub shortcuts_open: bool,
    /// The chapter playing now; kept (rather than derived on demand) to notice when it changes.
    pub current: Option<usize>,
    /// Where playback stops by itself (a `#t=10,20` link).
    pub stop_at_ms: Option<u64>,
    /// A deep link placed this episode: a saved position does not override it.
    pub start_fixed: bool,
    /// A short message for the listener: "Resume at 12:34".
    pub notice: Option<Message>,
    /// The language the player speaks (from `lang` on the element or the page).
    pub lang: Lang,
    /// The last link the listener asked to share, and whether it reached the clipboard.
    pub share: Option<Share>,
    /// The position last saved for resuming, so saving is throttled to every [`SAVE_EVERY_MS`].
    pub saved_ms: Option<u64>,
}

impl Default for PlayerState {
    fn default() -> Self {
        PlayerState {
            episode: Rc::new(Episode::default()),
            notes: Rc::new(Vec::new()),
            notes_shown: false,
            generation: 0,
            transcript: TranscriptState::None,
            transcript_generation: 0,
            seeks: 0,
            resume: true,
            playlist: Rc::new(Vec::new()),
            episode_index: None,
            playlist_error: None,
            chapters: Rc::new(Chapters::default()),
            chapters_error: None,
            position_ms: 0,
            duration_ms: None,
            duration_from_media: false,
            end_pending: false,
            awaiting_playlist: false,
            feed_url: None,
            pending_start: None,
            buffered_ms: 0,
            paused: true,
            loading: Loading::Idle,
            error: None,
            retry: false,
            volume: 1.0,
            muted: false,
            rate: 1.0,
            shortcuts_open: false,
            current: None,
            stop_at_ms: None,
            start_fixed: false,
            notice: None,
            lang: Lang::En,
            share: None,
            saved_ms: None,
        }
    }
}

/// What the player is doing, as `data-state` names it for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activity {
    Error,
    Buffering,
    Playing,
    Paused,
}

impl Activity {
    pub fn name(self) -> &'static str {
        match self {
            Activity::Error => "error",
            Activity::Buffering => "buffering",
            Activity::Playing => "playing",
            Activity::Paused => "paused",
        }
    }
}

impl PlayerState {
    /// There are notes to show: text in them, and once their segments are built, a line of them.
    pub fn has_notes(&self) -> bool {
        if self.notes_shown {
            !self.notes.is_empty()
        } else {
            !self.episode.notes.trim().is_empty()
        }
    }

    /// "Previous chapter" would do something: there is an earlier chapter, or the current one
    /// can be restarted.
    pub fn has_previous(&self) -> bool {
        self.current.is_some_and(|i| i > 0)
            || self
                .current
                .and_then(|i| self.chapters.get(i))
                .is_some_and(|c| self.position_ms > c.start_ms)
    }

    pub fn has_next(&self) -> bool {
        self.chapters.next_after(self.position_ms).is_some()
    }

    pub fn activity(&self) -> Activity {
        match (&self.error, self.loading, self.paused) {
            (Some(_), _, _) => Activity::Error,
            (None, Loading::Buffering, false) => Activity::Buffering,
            (None, _, false) => Activity::Playing,
            (None, _, true) => Activity::Paused,
        }
    }

    pub fn current_title(&self) -> Option<&str> {
        self.current
            .and_then(|i| self.chapters.get(i))
            .map(|c| c.title.as_str())
    }

    /// Where this episode's position is stored, when resuming is on and there is audio.
    pub fn resume_key(&self) -> Option<String> {
        (self.resume && !self.episode.src.is_empty())
            .then(|| format!("{POSITION_KEY_PREFIX}{}", self.episode.src))
    }

    /// Where this show's speed and volume are stored, under the same rule as positions.
    pub fn settings_key(&self) -> Option<String> {
        let episode = &self.episode;
        let show = if episode.show.is_empty() {
            episode.src.rsplit_once('/').map(|(folder, _)| folder)?
        } else {
            episode.show.as_str()
        };
        (self.resume && !show.is_empty()).then(|| format!("{SETTINGS_KEY_PREFIX}{show}"))
    }

    pub fn settings(&self) -> Settings {
        Settings {
            rate: self.rate,
            volume: self.volume,
            muted: self.muted,
        }
    }

    /// The one rule for saving and resuming: not at either end of the episode.
    pub fn worth_keeping(&self, ms: u64) -> bool {
        ms > RESUME_MARGIN_MS
            && ms <= chapters::timestamp::MAX_MS
            && self
                .duration_ms
                .is_none_or(|d| ms.saturating_add(RESUME_MARGIN_MS) < d)
    }
}

/// How far `position_ms` is through chapter `index`, 0.0 – 1.0; `None` when its length is unknown.
pub fn progress_in(
    chapters: &Chapters,
    index: usize,
    position_ms: u64,
    duration_ms: Option<u64>,
) -> Option<f64> {
    let start = chapters.get(index)?.start_ms;
    let length = chapters.duration_of(index, duration_ms)?;
    (length > 0).then(|| (position_ms.saturating_sub(start) as f64 / length as f64).min(1.0))
}
