//! What can happen to a player ([`Action`]) and what the adapters are asked to do about it
//! ([`Command`]), with the small values they carry.

use crate::episode::Episode;
use crate::i18n::Lang;
use crate::message::Reason;
use chapters::Chapters;
use std::rc::Rc;

/// What a listener sets once and expects again next time: kept per show.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    pub rate: f64,
    pub volume: f64,
    pub muted: bool,
}

/// Why the audio element failed (its `MediaError` code).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Loading was stopped (1).
    Aborted,
    /// The download broke off (2).
    Network,
    /// The file cannot be decoded (3).
    Decode,
    /// Not found, refused, or not a format the browser plays (4): the server is asked which.
    Unavailable,
}

/// A link to a moment, once the listener asked for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    pub url: String,
    /// `false` when the clipboard refused: the link is shown to copy by hand.
    pub copied: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    TogglePlay,
    Play,
    Pause,
    SeekTo(u64),
    SeekBy(i64),
    /// 0.0 – 1.0 of the episode (the `0`–`9` keys).
    SeekToFraction(f64),
    SeekToEnd,
    NextChapter,
    PreviousChapter,
    GoToChapter(usize),
    VolumeBy(f64),
    SetVolume(f64),
    ToggleMute,
    /// One step along [`RATES`](super::RATES): +1 faster, -1 slower.
    RateStep(i8),
    SetRate(f64),
    ToggleShortcuts,
    CloseShortcuts,
    /// The notes panel has had its first render: build the notes' display segments now, and
    /// again whenever the notes change.
    ShowNotes,
    Retry,
    // What the page sets: attributes, properties, `mount()`.
    /// Play this episode from its start (a new `src`, a playlist entry).
    Load(Rc<Episode>),
    /// New title, show or artwork for the same audio.
    Describe {
        title: String,
        show: String,
        artwork: Option<String>,
    },
    SetChapterSource(chapters::ChapterSource),
    SetTranscriptSource(crate::episode::TranscriptSource),
    NotesChanged(Rc<str>),
    DurationHint(Option<u64>),
    SetResume(bool),
    // What the network and storage answer.
    ChaptersLoaded {
        generation: u32,
        chapters: Rc<Chapters>,
    },
    ChaptersFailed {
        generation: u32,
        reason: Reason,
    },
    TranscriptLoaded {
        generation: u32,
        transcript: Rc<chapters::transcript::Transcript>,
    },
    /// None of the episode's transcript files could be fetched and read (or, for the notes'
    /// transcript, the code that reads it could not be downloaded).
    TranscriptFailed {
        generation: u32,
    },
    /// The position saved for this episode, read from storage.
    PositionRestored(u64),
    /// The speed and volume saved for this show.
    SettingsRestored(Settings),
    /// Make the player a playlist of this podcast feed's episodes.
    LoadFeed(String),
    PlaylistLoaded {
        /// The feed they were read from (`None` for `mount()`'s list): an answer for a feed
        /// the player has since left is dropped.
        feed: Option<String>,
        entries: Rc<Vec<Episode>>,
    },
    PlaylistFailed {
        url: String,
        reason: Reason,
    },
    /// Load episode `index` of the playlist, and play it if asked.
    SelectEpisode {
        index: usize,
        play: bool,
    },
    // What the audio element reports.
    TimeUpdate(u64),
    DurationKnown(u64),
    Buffered(u64),
    LoadStarted,
    Waiting,
    CanPlay,
    Playing,
    Paused,
    Ended,
    VolumeChanged {
        volume: f64,
        muted: bool,
    },
    RateChanged(f64),
    /// The audio element's `error`.
    Failed(Failure),
    /// The server's answer for the audio after a [`Failure::Unavailable`]: its HTTP status, or
    /// `None` when there was no answer.
    AudioProbed {
        generation: u32,
        status: Option<u16>,
    },
    /// Start somewhere other than 0: a deep link.
    StartAt {
        ms: u64,
        stop_at_ms: Option<u64>,
        /// The playlist episode the link names ([`Episode::link_key`](crate::episode::Episode)).
        episode: Option<String>,
    },
    /// The language of the element or the page.
    SetLang(Lang),
    /// Copy a link to this moment.
    ShareAt(u64),
    /// Copy a quote from the transcript with a link that plays its stretch and stops.
    ShareQuote {
        start_ms: u64,
        end_ms: u64,
        text: String,
    },
    /// Copy a link to where playback is now.
    ShareNow,
    /// The clipboard's answer to [`Command::CopyLink`].
    Shared(Share),
    DismissShare,
    /// The page is going away or the player is removed: keep the position if it is worth it.
    Leaving,
}

/// What the adapters must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    // The audio element.
    /// Point the audio at this URL (empty: no source) from its start.
    SetSource(String),
    Play,
    Pause,
    Seek(u64),
    SetVolume(f64),
    SetMuted(bool),
    SetRate(f64),
    /// Load the source again (after an error) and return to this position.
    Reload(u64),
    // The page.
    /// Tell the page: the `chapterchange` event.
    ChapterChanged {
        index: usize,
        start_ms: u64,
        title: String,
    },
    /// Tell developers (the console, an `error` event on the element) what a file's reader
    /// said about it, which the listener is spared.
    ReportFailure {
        url: String,
        detail: String,
    },
    /// Put a link to this moment on the clipboard (to the stretch up to `end_ms`, after the
    /// `quote` it is for, when given).
    CopyLink {
        ms: u64,
        /// The playlist episode playing, which the link names too.
        episode: Option<String>,
        end_ms: Option<u64>,
        quote: Option<String>,
    },
    /// This player started playing: the others pause, and it owns the Media Session.
    PlaybackStarted,
    // Storage, by key (see [`POSITION_KEY_PREFIX`](super::POSITION_KEY_PREFIX)).
    LoadPosition(String),
    SaveProgress {
        key: String,
        ms: u64,
    },
    ClearProgress(String),
    LoadSettings(String),
    SaveSettings {
        key: String,
        settings: Settings,
    },
    // The network; answers carry the generation they were asked for.
    FetchChapters {
        url: String,
        generation: u32,
    },
    /// Fetch the first of these transcript files that can be fetched and read, in the
    /// listener's order: the player's language (`lang`), then the browser's.
    FetchTranscript {
        links: Vec<chapters::feed::TranscriptLink>,
        lang: &'static str,
        generation: u32,
    },
    /// Read the lines the notes set aside (each its time and text) into a transcript, if they
    /// make one, and answer with it.
    ReadNotesTranscript {
        lines: Vec<(u64, String)>,
        generation: u32,
    },
    /// Read chapters from the ID3 tag at the start of the audio file.
    ReadId3 {
        src: String,
        generation: u32,
    },
    FetchFeed(String),
    /// Ask the server for the audio's first byte, to learn why it could not be loaded.
    ProbeAudio {
        src: String,
        generation: u32,
    },
}
