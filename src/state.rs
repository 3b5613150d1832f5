//! Player state as a plain reducer: `PlayerState::update(Action) -> Vec<Command>`.
//!
//! Everything a click, a key or the audio element can do goes through here, so every shortcut and
//! chapter rule is a native unit test; the view only renders state and the audio bridge only
//! carries out [`Command`]s.

use chapters::Chapters;
use std::rc::Rc;

/// Playback speeds offered, slowest to fastest.
pub const RATES: [f64; 9] = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0];
pub const SKIP_BACK_MS: u64 = 15_000;
pub const SKIP_FORWARD_MS: u64 = 30_000;
/// "Previous chapter" restarts the current chapter once this far into it, as podcast apps do.
pub const RESTART_GRACE_MS: u64 = 3_000;
pub const VOLUME_STEP: f64 = 0.1;

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

#[derive(Debug, Clone, PartialEq)]
pub struct PlayerState {
    pub chapters: Rc<Chapters>,
    /// Why chapters could not be loaded, shown instead of the list.
    pub chapters_error: Option<String>,
    pub position_ms: u64,
    pub duration_ms: Option<u64>,
    pub buffered_ms: u64,
    pub paused: bool,
    pub loading: Loading,
    /// Why the audio cannot play, shown with a retry button.
    pub error: Option<String>,
    pub volume: f64,
    pub muted: bool,
    pub rate: f64,
    pub shortcuts_open: bool,
    /// The chapter playing now; kept (rather than derived on demand) to notice when it changes.
    pub current: Option<usize>,
    /// Where playback stops by itself (a `#t=10,20` link).
    pub stop_at_ms: Option<u64>,
    /// A short message for the listener: "Resume at 12:34".
    pub notice: Option<String>,
    /// The last link the listener asked to share, and whether it reached the clipboard.
    pub share: Option<Share>,
    /// The position last saved for resuming, so saving is throttled to every [`SAVE_EVERY_MS`].
    pub saved_ms: Option<u64>,
    /// The episodes of a playlist (`feed="URL"`, `mount({ playlist })`); empty for one episode.
    pub episodes: Rc<Vec<EpisodeSummary>>,
    /// Which of [`Self::episodes`] is loaded.
    pub episode_index: Option<usize>,
    /// Why the playlist could not be loaded.
    pub playlist_error: Option<String>,
}

/// What the episode list shows of an episode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpisodeSummary {
    pub title: String,
    pub published: Option<String>,
    pub duration_ms: Option<u64>,
}

/// A link to a moment, once the listener asked for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    pub url: String,
    /// `false` when the clipboard refused: the link is shown to copy by hand.
    pub copied: bool,
}

/// Progress is saved at most this often while playing (and always on pause).
pub const SAVE_EVERY_MS: u64 = 5_000;

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
    /// One step along [`RATES`]: +1 faster, -1 slower.
    RateStep(i8),
    SetRate(f64),
    ToggleShortcuts,
    CloseShortcuts,
    Retry,
    ChaptersLoaded(Rc<Chapters>),
    ChaptersFailed(String),
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
    Failed(String),
    /// Start somewhere other than 0 when the page opens: a deep link or a saved position.
    StartAt {
        ms: u64,
        stop_at_ms: Option<u64>,
        notice: String,
    },
    /// Copy a link to this moment.
    ShareAt(u64),
    /// The glue's answer to [`Command::CopyLink`].
    Shared(Share),
    DismissShare,
    PlaylistLoaded(Rc<Vec<EpisodeSummary>>),
    PlaylistFailed(String),
    /// Load episode `index` of the playlist, and play it if asked.
    SelectEpisode {
        index: usize,
        play: bool,
    },
}

/// What the audio bridge and the element glue must do after an update.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Play,
    Pause,
    Seek(u64),
    SetVolume(f64),
    SetMuted(bool),
    SetRate(f64),
    /// Load the source again (after an error) and return to this position.
    Reload(u64),
    /// Tell the page: the `chapterchange` event.
    ChapterChanged(usize),
    /// Put a link to this moment on the clipboard.
    CopyLink(u64),
    /// Remember the position for resuming later.
    SaveProgress(u64),
    /// The episode was finished: forget its position.
    ClearProgress,
    /// Switch the audio, chapters and notes to playlist episode `index`.
    LoadEpisode {
        index: usize,
        play: bool,
    },
}

impl PlayerState {
    pub fn new(chapters: Rc<Chapters>, duration_hint_ms: Option<u64>) -> Self {
        let current = chapters.index_at(0);
        PlayerState {
            chapters,
            chapters_error: None,
            position_ms: 0,
            duration_ms: duration_hint_ms,
            buffered_ms: 0,
            paused: true,
            loading: Loading::Idle,
            error: None,
            volume: 1.0,
            muted: false,
            rate: 1.0,
            shortcuts_open: false,
            current,
            stop_at_ms: None,
            notice: None,
            share: None,
            saved_ms: None,
            episodes: Rc::new(Vec::new()),
            episode_index: None,
            playlist_error: None,
        }
    }

    pub fn update(&mut self, action: Action) -> Vec<Command> {
        let mut out = Vec::new();
        match action {
            Action::TogglePlay if self.paused => return self.update(Action::Play),
            Action::TogglePlay => return self.update(Action::Pause),
            Action::Play => {
                if self.error.is_none() {
                    if self.duration_ms.is_some_and(|d| self.position_ms >= d) {
                        self.seek(0, &mut out);
                    }
                    self.paused = false;
                    self.notice = None;
                    out.push(Command::Play);
                }
            }
            Action::Pause => {
                self.paused = true;
                out.push(Command::Pause);
            }
            Action::SeekTo(ms) => self.seek(ms, &mut out),
            Action::SeekBy(delta) => {
                let target = self.position_ms.saturating_add_signed(delta);
                self.seek(target, &mut out);
            }
            Action::SeekToFraction(f) => {
                if let Some(d) = self.duration_ms {
                    self.seek((d as f64 * f.clamp(0.0, 1.0)) as u64, &mut out);
                }
            }
            Action::SeekToEnd => {
                if let Some(d) = self.duration_ms {
                    self.seek(d, &mut out);
                }
            }
            Action::NextChapter => {
                if let Some(i) = self.chapters.next_after(self.position_ms) {
                    self.go_to_chapter(i, &mut out);
                }
            }
            Action::PreviousChapter => {
                if let Some(i) = self
                    .chapters
                    .previous_from(self.position_ms, RESTART_GRACE_MS)
                {
                    self.go_to_chapter(i, &mut out);
                }
            }
            Action::GoToChapter(i) => self.go_to_chapter(i, &mut out),
            Action::VolumeBy(delta) => {
                let v = ((self.volume + delta) * 100.0).round() / 100.0;
                return self.update(Action::SetVolume(v));
            }
            Action::SetVolume(v) => {
                self.volume = v.clamp(0.0, 1.0);
                out.push(Command::SetVolume(self.volume));
                if self.muted && self.volume > 0.0 {
                    self.muted = false;
                    out.push(Command::SetMuted(false));
                }
            }
            Action::ToggleMute => {
                self.muted = !self.muted;
                out.push(Command::SetMuted(self.muted));
            }
            Action::RateStep(step) => {
                let i = RATES.iter().position(|r| *r >= self.rate).unwrap_or(2);
                let j = (i as isize + isize::from(step)).clamp(0, RATES.len() as isize - 1);
                return self.update(Action::SetRate(RATES[j as usize]));
            }
            Action::SetRate(r) => {
                self.rate = r.clamp(RATES[0], RATES[RATES.len() - 1]);
                out.push(Command::SetRate(self.rate));
            }
            Action::ToggleShortcuts => self.shortcuts_open = !self.shortcuts_open,
            Action::CloseShortcuts => self.shortcuts_open = false,
            Action::Retry => {
                self.error = None;
                self.loading = Loading::Metadata;
                out.push(Command::Reload(self.position_ms));
            }
            Action::ChaptersLoaded(chapters) => {
                self.chapters = chapters;
                self.chapters_error = None;
                self.current = None;
                self.track_chapter(&mut out);
            }
            Action::ChaptersFailed(reason) => self.chapters_error = Some(reason),
            Action::TimeUpdate(ms) => {
                self.position_ms = ms;
                self.track_chapter(&mut out);
                if self.stop_at_ms.is_some_and(|stop| ms >= stop) {
                    self.stop_at_ms = None;
                    self.paused = true;
                    out.push(Command::Pause);
                }
                let due = self
                    .saved_ms
                    .is_none_or(|saved| ms.abs_diff(saved) >= SAVE_EVERY_MS);
                if !self.paused && due {
                    self.saved_ms = Some(ms);
                    out.push(Command::SaveProgress(ms));
                }
            }
            Action::DurationKnown(ms) => self.duration_ms = Some(ms),
            Action::Buffered(ms) => self.buffered_ms = ms,
            Action::LoadStarted => {
                if self.loading == Loading::Idle {
                    self.loading = Loading::Metadata;
                }
            }
            Action::Waiting => self.loading = Loading::Buffering,
            Action::CanPlay => self.loading = Loading::Ready,
            Action::Playing => {
                self.paused = false;
                self.loading = Loading::Ready;
            }
            Action::Paused => {
                self.paused = true;
                if self.position_ms > 0 && self.duration_ms.is_none_or(|d| self.position_ms < d) {
                    self.saved_ms = Some(self.position_ms);
                    out.push(Command::SaveProgress(self.position_ms));
                }
            }
            Action::Ended => {
                self.paused = true;
                self.saved_ms = None;
                out.push(Command::ClearProgress);
                if let Some(d) = self.duration_ms {
                    self.position_ms = d;
                    self.track_chapter(&mut out);
                }
                // A playlist goes on to the next episode.
                if let Some(next) = self
                    .episode_index
                    .map(|i| i + 1)
                    .filter(|n| *n < self.episodes.len())
                {
                    out.extend(self.update(Action::SelectEpisode {
                        index: next,
                        play: true,
                    }));
                }
            }
            Action::VolumeChanged { volume, muted } => {
                self.volume = volume;
                self.muted = muted;
            }
            Action::RateChanged(r) => self.rate = r,
            Action::Failed(reason) => {
                self.error = Some(reason);
                self.paused = true;
                self.loading = Loading::Idle;
            }
            Action::StartAt {
                ms,
                stop_at_ms,
                notice,
            } => {
                self.seek(ms, &mut out);
                self.stop_at_ms = stop_at_ms.filter(|stop| *stop > ms);
                self.saved_ms = Some(ms);
                self.notice = Some(notice);
            }
            Action::ShareAt(ms) => out.push(Command::CopyLink(ms)),
            Action::Shared(share) => self.share = Some(share),
            Action::DismissShare => self.share = None,
            Action::PlaylistLoaded(episodes) => {
                self.episodes = episodes;
                self.playlist_error = None;
            }
            Action::PlaylistFailed(reason) => self.playlist_error = Some(reason),
            Action::SelectEpisode { index, play } => {
                let Some(episode) = self.episodes.get(index) else {
                    return out;
                };
                // Everything that belonged to the previous episode goes.
                *self = PlayerState {
                    episodes: self.episodes.clone(),
                    episode_index: Some(index),
                    volume: self.volume,
                    muted: self.muted,
                    rate: self.rate,
                    paused: !play,
                    ..PlayerState::new(Rc::new(Chapters::default()), episode.duration_ms)
                };
                out.push(Command::LoadEpisode { index, play });
            }
        }
        out
    }

    fn seek(&mut self, ms: u64, out: &mut Vec<Command>) {
        let ms = self.duration_ms.map_or(ms, |d| ms.min(d));
        self.position_ms = ms;
        out.push(Command::Seek(ms));
        self.track_chapter(out);
    }

    fn go_to_chapter(&mut self, index: usize, out: &mut Vec<Command>) {
        if let Some(c) = self.chapters.get(index) {
            self.seek(c.start_ms, out);
        }
    }

    fn track_chapter(&mut self, out: &mut Vec<Command>) {
        let now = self.chapters.index_at(self.position_ms);
        if now != self.current {
            self.current = now;
            if let Some(i) = now {
                out.push(Command::ChapterChanged(i));
            }
        }
    }

    /// How far through the current chapter playback is, 0.0 – 1.0.
    pub fn chapter_progress(&self) -> Option<f64> {
        let i = self.current?;
        let start = self.chapters.get(i)?.start_ms;
        let length = self.chapters.duration_of(i, self.duration_ms)?;
        (length > 0)
            .then(|| (self.position_ms.saturating_sub(start) as f64 / length as f64).min(1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chapters::Chapter;

    fn player() -> PlayerState {
        let chapters = Chapters::new(vec![
            Chapter::new(0, "Intro"),
            Chapter::new(60_000, "Middle"),
            Chapter::new(120_000, "End"),
        ]);
        let mut p = PlayerState::new(Rc::new(chapters), None);
        p.update(Action::DurationKnown(180_000));
        p
    }

    #[test]
    fn chapter_navigation_seeks_and_announces() {
        let mut p = player();
        assert_eq!(
            p.update(Action::NextChapter),
            [Command::Seek(60_000), Command::ChapterChanged(1)]
        );
        p.update(Action::TimeUpdate(65_000));
        // More than the grace period into a chapter: back to its start.
        assert_eq!(p.update(Action::PreviousChapter), [Command::Seek(60_000)]);
        // Right at its start: to the chapter before.
        assert_eq!(
            p.update(Action::PreviousChapter),
            [Command::Seek(0), Command::ChapterChanged(0)]
        );
        assert_eq!(
            p.update(Action::GoToChapter(2)),
            [Command::Seek(120_000), Command::ChapterChanged(2)]
        );
        assert_eq!(p.update(Action::NextChapter), []);
        assert_eq!(p.update(Action::GoToChapter(9)), []);
    }

    #[test]
    fn seeks_are_clamped_to_the_episode() {
        let mut p = player();
        p.update(Action::SeekBy(-5_000));
        assert_eq!(p.position_ms, 0);
        p.update(Action::SeekBy(500_000));
        assert_eq!(p.position_ms, 180_000);
        p.update(Action::SeekToFraction(0.5));
        assert_eq!(p.position_ms, 90_000);
        assert_eq!(p.current, Some(1));
    }

    #[test]
    fn playback_reports_move_the_current_chapter() {
        let mut p = player();
        assert_eq!(p.update(Action::TimeUpdate(30_000)), []);
        assert_eq!(
            p.update(Action::TimeUpdate(61_000)),
            [Command::ChapterChanged(1)]
        );
        assert_eq!(p.chapter_progress(), Some(1.0 / 60.0));
    }

    #[test]
    fn play_pause_and_replay_after_the_end() {
        let mut p = player();
        assert_eq!(p.update(Action::TogglePlay), [Command::Play]);
        assert!(!p.paused);
        assert_eq!(p.update(Action::TogglePlay), [Command::Pause]);
        p.update(Action::TimeUpdate(150_000));
        assert_eq!(p.update(Action::Ended), [Command::ClearProgress]);
        assert_eq!(
            p.update(Action::Play),
            [Command::Seek(0), Command::ChapterChanged(0), Command::Play]
        );
    }

    #[test]
    fn volume_rate_and_mute() {
        let mut p = player();
        p.update(Action::VolumeBy(-0.25));
        assert_eq!(p.volume, 0.75);
        p.update(Action::VolumeBy(5.0));
        assert_eq!(p.volume, 1.0);
        assert_eq!(p.update(Action::ToggleMute), [Command::SetMuted(true)]);
        assert_eq!(
            p.update(Action::VolumeBy(-0.1)),
            [Command::SetVolume(0.9), Command::SetMuted(false)]
        );
        assert_eq!(p.update(Action::RateStep(1)), [Command::SetRate(1.25)]);
        p.update(Action::SetRate(3.0));
        assert_eq!(p.update(Action::RateStep(1)), [Command::SetRate(3.0)]);
        p.update(Action::SetRate(0.5));
        assert_eq!(p.update(Action::RateStep(-1)), [Command::SetRate(0.5)]);
    }

    #[test]
    fn a_deep_link_starts_there_and_stops_at_its_end() {
        let mut p = player();
        let start = Action::StartAt {
            ms: 10_000,
            stop_at_ms: Some(20_000),
            notice: "Starting at 0:10".into(),
        };
        assert_eq!(p.update(start), [Command::Seek(10_000)]);
        assert_eq!(p.notice.as_deref(), Some("Starting at 0:10"));
        p.update(Action::Play);
        assert_eq!(p.notice, None);
        p.update(Action::Playing);
        assert_eq!(p.update(Action::TimeUpdate(14_000)), []);
        // Stopping is a pause: the audio's `pause` event then saves the position.
        assert_eq!(p.update(Action::TimeUpdate(20_100)), [Command::Pause]);
        assert!(p.paused);
        assert_eq!(p.stop_at_ms, None);
    }

    #[test]
    fn progress_is_saved_while_playing_on_pause_and_cleared_at_the_end() {
        let mut p = player();
        p.update(Action::Playing);
        assert_eq!(
            p.update(Action::TimeUpdate(1_000)),
            [Command::SaveProgress(1_000)]
        );
        assert_eq!(p.update(Action::TimeUpdate(3_000)), []);
        assert_eq!(
            p.update(Action::TimeUpdate(6_500)),
            [Command::SaveProgress(6_500)]
        );
        assert_eq!(p.update(Action::Paused), [Command::SaveProgress(6_500)]);
        assert_eq!(
            p.update(Action::Ended),
            [Command::ClearProgress, Command::ChapterChanged(2)]
        );
    }

    #[test]
    fn sharing_asks_the_glue_and_shows_its_answer() {
        let mut p = player();
        assert_eq!(
            p.update(Action::ShareAt(83_000)),
            [Command::CopyLink(83_000)]
        );
        let share = Share {
            url: "https://x/#t=1:23".into(),
            copied: false,
        };
        p.update(Action::Shared(share.clone()));
        assert_eq!(p.share, Some(share));
        p.update(Action::DismissShare);
        assert_eq!(p.share, None);
    }

    #[test]
    fn a_playlist_selects_episodes_and_goes_on_to_the_next() {
        let mut p = player();
        let summary = |t: &str| EpisodeSummary {
            title: t.into(),
            published: None,
            duration_ms: Some(60_000),
        };
        p.update(Action::PlaylistLoaded(Rc::new(vec![
            summary("One"),
            summary("Two"),
        ])));
        p.update(Action::SetRate(1.5));
        assert_eq!(
            p.update(Action::SelectEpisode {
                index: 0,
                play: false
            }),
            [Command::LoadEpisode {
                index: 0,
                play: false
            }]
        );
        assert_eq!(
            (p.episode_index, p.rate, p.duration_ms, p.chapters.len()),
            (Some(0), 1.5, Some(60_000), 0)
        );
        p.update(Action::TimeUpdate(59_000));
        assert_eq!(
            p.update(Action::Ended),
            [
                Command::ClearProgress,
                Command::LoadEpisode {
                    index: 1,
                    play: true
                }
            ]
        );
        assert_eq!(
            (p.episode_index, p.position_ms, p.paused),
            (Some(1), 0, false)
        );
        assert_eq!(p.update(Action::Ended), [Command::ClearProgress]);
        assert_eq!(
            p.update(Action::SelectEpisode {
                index: 7,
                play: true
            }),
            []
        );
    }

    #[test]
    fn errors_block_play_until_retry() {
        let mut p = player();
        p.update(Action::TimeUpdate(42_000));
        p.update(Action::Failed("404".into()));
        assert_eq!(p.update(Action::Play), []);
        assert_eq!(p.update(Action::Retry), [Command::Reload(42_000)]);
        assert_eq!(p.error, None);
    }
}
