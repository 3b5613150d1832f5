//! The episode side of the reducer: loading an episode, its chapters from the source it names
//! (with fallbacks), its notes, resuming, and playlists.
//!
//! Chapter sources, most deliberate first: given inline, a chapter file, the show notes, the
//! audio file's ID3 tag. A chapter file that fails falls back to the notes, then to ID3, and the
//! player says so.

use super::{Action, Command, Failure, Loading, PendingStart, PlayerState};
use crate::episode::Episode;
use crate::message::{AudioProblem, Message, Reason};
use chapters::{ChapterSource, Chapters};
use std::rc::Rc;

impl PlayerState {
    /// Handles the actions [`PlayerState::update`] routes here; others are not episode actions.
    pub(super) fn update_episode(&mut self, action: Action, out: &mut Vec<Command>) {
        match action {
            Action::Load(episode) => self.load(episode, false, out),
            Action::Describe {
                title,
                show,
                artwork,
            } => {
                let episode = Rc::make_mut(&mut self.episode);
                episode.title = title;
                episode.show = show;
                episode.artwork = artwork;
            }
            Action::SetChapterSource(source) if self.episode.chapters != source => {
                Rc::make_mut(&mut self.episode).chapters = source;
                self.generation = self.generation.wrapping_add(1);
                self.load_chapters(out);
            }
            Action::ShowNotes if !self.notes_shown => {
                self.notes_shown = true;
                self.notes = self.episode.notes_display();
                self.notes_transcript(out);
            }
            Action::NotesChanged(notes) if *self.episode.notes != *notes => {
                Rc::make_mut(&mut self.episode).notes = notes;
                if self.notes_shown {
                    self.notes = self.episode.notes_display();
                }
                if self.episode.chapters == ChapterSource::Notes {
                    self.generation = self.generation.wrapping_add(1);
                    self.load_chapters(out);
                }
                if self.episode.transcript == crate::episode::TranscriptSource::None {
                    self.load_transcript(out);
                }
            }
            Action::DurationHint(ms) => {
                Rc::make_mut(&mut self.episode).duration_ms = ms;
                if !self.duration_from_media {
                    self.duration_ms = ms;
                }
            }
            Action::SetResume(on) => {
                self.resume = on;
                if !on {
                    self.notice = None;
                }
            }
            Action::ChaptersLoaded {
                generation,
                chapters,
            } if generation == self.generation => self.set_chapters(chapters, out),
            Action::ChaptersFailed { generation, reason } if generation == self.generation => {
                self.chapters_failed(reason, out);
            }
            Action::PositionRestored(ms) => self.restore(ms, out),
            Action::LoadFeed(url) => {
                self.awaiting_playlist = true;
                self.feed_url = Some(url.clone());
                out.push(Command::FetchFeed(url));
            }
            Action::PlaylistLoaded { feed, entries } if feed.is_none() || feed == self.feed_url => {
                self.playlist = entries;
                self.playlist_error = None;
                self.awaiting_playlist = false;
                let pending = self.pending_start.take();
                // The episode a link named, else the newest.
                let named = pending
                    .as_ref()
                    .and_then(|p| p.episode.as_deref())
                    .and_then(|key| self.playlist_index(key));
                self.select(named.unwrap_or(0), false, out);
                if let Some(p) = pending {
                    self.start_at(p.ms, p.stop_at_ms, p.episode, out);
                }
            }
            Action::PlaylistFailed { url, reason } if self.feed_url.as_ref() == Some(&url) => {
                self.awaiting_playlist = false;
                self.pending_start = None;
                report(&url, &reason, out);
                self.playlist_error = Some(Message::Feed { url, reason });
            }
            Action::SelectEpisode { index, play } => self.select(index, play, out),
            Action::AudioProbed { generation, status }
                if generation == self.generation && self.error.is_some() =>
            {
                self.explain_failure(status);
            }
            // Nothing changed, answers for an earlier generation, and actions `update` handles.
            _ => {}
        }
    }

    /// Everything that belonged to the previous episode goes; the listener's volume, speed and
    /// settings, and the playlist, stay.
    fn load(&mut self, episode: Rc<Episode>, play: bool, out: &mut Vec<Command>) {
        let previous = std::mem::take(self);
        *self = PlayerState {
            notes: if previous.notes_shown {
                episode.notes_display()
            } else {
                Rc::default()
            },
            notes_shown: previous.notes_shown,
            duration_ms: episode.duration_ms,
            generation: previous.generation.wrapping_add(1),
            resume: previous.resume,
            feed_url: previous.feed_url,
            playlist: previous.playlist,
            episode_index: previous.episode_index,
            playlist_error: previous.playlist_error,
            volume: previous.volume,
            muted: previous.muted,
            rate: previous.rate,
            lang: previous.lang,
            episode,
            ..PlayerState::default()
        };
        if self.episode.src.is_empty() && self.playlist.is_empty() {
            self.error = Some(Message::Audio {
                src: String::new(),
                problem: AudioProblem::NoSource,
            });
        }
        out.push(Command::SetSource(self.episode.src.clone()));
        self.load_chapters(out);
        self.transcript_generation = previous.transcript_generation;
        self.load_transcript(out);
        if let Some(key) = self.resume_key() {
            out.push(Command::LoadPosition(key));
        }
        if let Some(key) = self.settings_key() {
            out.push(Command::LoadSettings(key));
        }
        if play && self.error.is_none() {
            self.paused = false;
            out.push(Command::Play);
        }
    }

    /// Chapters from the episode's source: at once when they need no request.
    fn load_chapters(&mut self, out: &mut Vec<Command>) {
        self.chapters_error = None;
        let generation = self.generation;
        match self.episode.chapters_at_hand() {
            Some(found) => {
                let none = found.is_empty();
                self.set_chapters(Rc::new(found), out);
                if none {
                    self.read_id3(out);
                }
            }
            None => {
                self.set_chapters(Rc::new(Chapters::default()), out);
                if let ChapterSource::Url(url) = &self.episode.chapters {
                    out.push(Command::FetchChapters {
                        url: url.clone(),
                        generation,
                    });
                }
            }
        }
    }

    fn read_id3(&self, out: &mut Vec<Command>) {
        if !self.episode.src.is_empty() {
            out.push(Command::ReadId3 {
                src: self.episode.src.clone(),
                generation: self.generation,
            });
        }
    }

    /// A chapter file failed: the notes' chapters, else the audio's, and the reason stays shown.
    fn chapters_failed(&mut self, reason: Reason, out: &mut Vec<Command>) {
        let ChapterSource::Url(url) = &self.episode.chapters else {
            return;
        };
        let from_notes = chapters::notes::extract(&self.episode.notes);
        report(url, &reason, out);
        self.chapters_error = Some(Message::Chapters {
            url: url.clone(),
            reason,
            fell_back: !from_notes.is_empty(),
        });
        if from_notes.is_empty() {
            self.read_id3(out);
        } else {
            self.set_chapters(Rc::new(from_notes), out);
        }
    }

    /// New chapters for the same episode (a chapters file arrived, the notes were edited): the
    /// chapter under the playhead is announced only when it is another chapter, not the same one
    /// read again.
    fn set_chapters(&mut self, chapters: Rc<Chapters>, out: &mut Vec<Command>) {
        let identity = |c: &Chapters, i: Option<usize>| {
            i.and_then(|i| c.get(i))
                .map(|c| (c.start_ms, c.title.clone()))
        };
        let before = identity(&self.chapters, self.current);
        self.chapters = chapters;
        let now = self.chapters.index_at(self.position_ms);
        if before.is_some() && identity(&self.chapters, now) == before {
            self.current = now;
        } else {
            self.current = None;
            self.track_chapter(out);
        }
    }

    /// A saved position applies when nothing placed the player since the episode loaded.
    fn restore(&mut self, ms: u64, out: &mut Vec<Command>) {
        if !self.resume || self.start_fixed || self.position_ms != 0 || !self.worth_keeping(ms) {
            return;
        }
        self.seek(ms, out);
        self.saved_ms = Some(ms);
        self.notice = Some(Message::ResumeAt(ms));
    }

    /// The audio failed: say why, naming the file, and offer Retry only where loading it again
    /// can help. A missing file and an unplayable one look alike to the media element, so the
    /// server is asked which it is.
    pub(super) fn failed(&mut self, failure: Failure, out: &mut Vec<Command>) {
        let (problem, retry) = match failure {
            Failure::Aborted => (AudioProblem::Stopped, true),
            Failure::Network => (AudioProblem::Network, true),
            Failure::Decode => (AudioProblem::Decode, false),
            Failure::Unavailable => {
                out.push(Command::ProbeAudio {
                    src: self.episode.src.clone(),
                    generation: self.generation,
                });
                (AudioProblem::Unavailable, false)
            }
        };
        self.audio_problem(problem, retry);
        self.paused = true;
        self.loading = Loading::Idle;
    }

    fn explain_failure(&mut self, status: Option<u16>) {
        let (problem, retry) = match status {
            Some(code @ (404 | 410)) => (AudioProblem::NotFound(code), false),
            Some(code @ (401 | 403)) => (AudioProblem::Refused(code), false),
            Some(200..=299) => (AudioProblem::Unplayable, false),
            Some(code) => (
                AudioProblem::Server(code),
                code == 408 || code == 429 || code >= 500,
            ),
            None => (AudioProblem::Unreachable, true),
        };
        self.audio_problem(problem, retry);
    }

    fn audio_problem(&mut self, problem: AudioProblem, retry: bool) {
        self.error = Some(Message::Audio {
            src: self.episode.src.clone(),
            problem,
        });
        self.retry = retry;
    }

    /// The index of the playlist episode a link names.
    fn playlist_index(&self, key: &str) -> Option<usize> {
        self.playlist.iter().position(|e| e.link_key() == Some(key))
    }

    /// A deep link: start at `ms` (stopping at `stop_at_ms`) in the episode it names. A feed
    /// player keeps the link until its episodes have arrived; a link naming another episode of
    /// the playlist selects it first; one naming an episode the playlist does not have is not
    /// applied to another.
    pub(super) fn start_at(
        &mut self,
        ms: u64,
        stop_at_ms: Option<u64>,
        episode: Option<String>,
        out: &mut Vec<Command>,
    ) {
        if self.awaiting_playlist {
            self.pending_start = Some(PendingStart {
                ms,
                stop_at_ms,
                episode,
            });
            return;
        }
        if let Some(key) = episode.as_deref().filter(|_| !self.playlist.is_empty()) {
            match self.playlist_index(key) {
                Some(i) if Some(i) != self.episode_index => self.select(i, false, out),
                Some(_) => {}
                None => return,
            }
        }
        self.seek(ms, out);
        self.stop_at_ms = stop_at_ms.filter(|stop| *stop > ms);
        self.saved_ms = Some(ms);
        self.start_fixed = true;
        self.notice = Some(Message::StartingAt(ms));
    }

    /// Loads playlist entry `index`. The show's name the page gave stands over the feed's; the
    /// artwork carries over when the entry has none.
    fn select(&mut self, index: usize, play: bool, out: &mut Vec<Command>) {
        let Some(entry) = self.playlist.get(index) else {
            return;
        };
        let mut episode = entry.clone();
        if !self.episode.show.is_empty() {
            episode.show.clone_from(&self.episode.show);
        }
        if episode.artwork.is_none() {
            episode.artwork.clone_from(&self.episode.artwork);
        }
        self.episode_index = Some(index);
        self.load(Rc::new(episode), play, out);
    }
}

/// The reader's own words about a file that failed, for developers.
fn report(url: &str, reason: &Reason, out: &mut Vec<Command>) {
    if let Some(detail) = reason.detail() {
        out.push(Command::ReportFailure {
            url: url.to_string(),
            detail: detail.to_string(),
        });
    }
}
