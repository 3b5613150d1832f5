//! The reducer: playback, seeking, chapters, volume and speed. Loading episodes, chapter sources
//! and resuming are in [`super::episode`].

use super::{
    Action, Command, Loading, PlayerState, Settings, RATES, RESTART_GRACE_MS, SAVE_EVERY_MS,
};

impl PlayerState {
    pub fn update(&mut self, action: Action) -> Vec<Command> {
        let mut out = Vec::new();
        match action {
            Action::TogglePlay if self.paused => return self.update(Action::Play),
            Action::TogglePlay => return self.update(Action::Pause),
            Action::Play => self.play(&mut out),
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
            Action::GoToChapter(i) => self.choose_chapter(i, &mut out),
            Action::VolumeBy(delta) => {
                let v = ((self.volume + delta) * 100.0).round() / 100.0;
                return self.update(Action::SetVolume(v));
            }
            Action::SetVolume(v) => {
                self.volume = if v.is_nan() { 1.0 } else { v.clamp(0.0, 1.0) };
                out.push(Command::SetVolume(self.volume));
                if self.muted && self.volume > 0.0 {
                    self.muted = false;
                    out.push(Command::SetMuted(false));
                }
                self.save_settings(&mut out);
            }
            Action::ToggleMute => {
                self.muted = !self.muted;
                out.push(Command::SetMuted(self.muted));
                self.save_settings(&mut out);
            }
            Action::RateStep(step) => {
                let i = RATES.iter().position(|r| *r >= self.rate).unwrap_or(2);
                let j = (i as isize + isize::from(step)).clamp(0, RATES.len() as isize - 1);
                return self.update(Action::SetRate(RATES[j as usize]));
            }
            Action::SetRate(r) => {
                let r = if r.is_nan() { 1.0 } else { r };
                self.rate = r.clamp(RATES[0], RATES[RATES.len() - 1]);
                out.push(Command::SetRate(self.rate));
                self.save_settings(&mut out);
            }
            Action::SettingsRestored(Settings {
                rate,
                volume,
                muted,
            }) => {
                self.rate = rate.clamp(RATES[0], RATES[RATES.len() - 1]);
                self.volume = volume.clamp(0.0, 1.0);
                self.muted = muted;
                out.extend([
                    Command::SetRate(self.rate),
                    Command::SetVolume(self.volume),
                    Command::SetMuted(self.muted),
                ]);
            }
            Action::ToggleShortcuts => self.shortcuts_open = !self.shortcuts_open,
            Action::CloseShortcuts => self.shortcuts_open = false,
            Action::Retry => {
                self.error = None;
                self.retry = false;
                self.loading = Loading::Metadata;
                out.push(Command::Reload(self.position_ms));
            }
            Action::TimeUpdate(ms) => self.time_update(ms, &mut out),
            Action::DurationKnown(ms) => {
                self.duration_ms = Some(ms);
                self.duration_from_media = true;
                if std::mem::take(&mut self.end_pending) {
                    self.seek(ms, &mut out);
                }
            }
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
                out.push(Command::PlaybackStarted);
            }
            Action::Paused => {
                self.paused = true;
                self.save_position(&mut out);
            }
            Action::Ended => self.ended(&mut out),
            Action::VolumeChanged { volume, muted } => {
                self.volume = volume;
                self.muted = muted;
            }
            Action::RateChanged(r) => self.rate = r,
            Action::Failed(failure) => self.failed(failure, &mut out),
            Action::StartAt {
                ms,
                stop_at_ms,
                episode,
            } => self.start_at(ms, stop_at_ms, episode, &mut out),
            Action::ShareAt(ms) => out.push(self.copy_link(ms)),
            Action::ShareQuote {
                start_ms,
                end_ms,
                text,
            } => {
                if let Command::CopyLink { ms, episode, .. } = self.copy_link(start_ms) {
                    out.push(Command::CopyLink {
                        ms,
                        episode,
                        end_ms: Some(end_ms),
                        quote: Some(text),
                    });
                }
            }
            Action::ShareNow => out.push(self.copy_link(self.position_ms)),
            Action::Shared(share) => self.share = Some(share),
            Action::DismissShare => self.share = None,
            Action::Leaving => self.save_position(&mut out),
            Action::SetLang(lang) => self.lang = lang,
            episode @ (Action::Load(_)
            | Action::Describe { .. }
            | Action::SetChapterSource(_)
            | Action::NotesChanged(_)
            | Action::ShowNotes
            | Action::DurationHint(_)
            | Action::SetResume(_)
            | Action::ChaptersLoaded { .. }
            | Action::ChaptersFailed { .. }
            | Action::PositionRestored(_)
            | Action::LoadFeed(_)
            | Action::PlaylistLoaded { .. }
            | Action::PlaylistFailed { .. }
            | Action::SelectEpisode { .. }
            | Action::AudioProbed { .. }) => self.update_episode(episode, &mut out),
            transcript @ (Action::SetTranscriptSource(_)
            | Action::TranscriptLoaded { .. }
            | Action::TranscriptFailed { .. }) => self.update_transcript(transcript, &mut out),
        }
        out
    }

    fn play(&mut self, out: &mut Vec<Command>) {
        if self.error.is_some() {
            return;
        }
        if self.duration_ms.is_some_and(|d| self.position_ms >= d) {
            self.seek(0, out);
        }
        self.paused = false;
        self.notice = None;
        out.push(Command::Play);
    }

    fn time_update(&mut self, ms: u64, out: &mut Vec<Command>) {
        self.position_ms = ms;
        self.track_chapter(out);
        if self.stop_at_ms.is_some_and(|stop| ms >= stop) {
            self.stop_at_ms = None;
            self.paused = true;
            out.push(Command::Pause);
        }
        let due = self
            .saved_ms
            .is_none_or(|saved| ms.abs_diff(saved) >= SAVE_EVERY_MS);
        if !self.paused && due {
            self.save_position(out);
        }
    }

    fn ended(&mut self, out: &mut Vec<Command>) {
        self.paused = true;
        self.saved_ms = None;
        if let Some(key) = self.resume_key() {
            out.push(Command::ClearProgress(key));
        }
        if let Some(d) = self.duration_ms {
            self.position_ms = d;
            self.track_chapter(out);
        }
        // A playlist goes on to the next episode.
        if let Some(next) = self
            .episode_index
            .map(|i| i + 1)
            .filter(|n| *n < self.playlist.len())
        {
            out.extend(self.update(Action::SelectEpisode {
                index: next,
                play: true,
            }));
        }
    }

    /// Remembers the listener's speed and volume for the show.
    fn save_settings(&self, out: &mut Vec<Command>) {
        if let Some(key) = self.settings_key() {
            out.push(Command::SaveSettings {
                key,
                settings: self.settings(),
            });
        }
    }

    /// Saves the position when resuming is on and it is worth keeping ([`Self::worth_keeping`]).
    fn save_position(&mut self, out: &mut Vec<Command>) {
        let ms = self.position_ms;
        if let Some(key) = self.resume_key().filter(|_| self.worth_keeping(ms)) {
            self.saved_ms = Some(ms);
            out.push(Command::SaveProgress { key, ms });
        }
    }

    /// A link to `ms` in the episode playing, naming it when the player has a playlist.
    fn copy_link(&self, ms: u64) -> Command {
        let episode = (!self.playlist.is_empty())
            .then(|| self.episode.link_key().map(str::to_string))
            .flatten();
        Command::CopyLink {
            ms,
            episode,
            end_ms: None,
            quote: None,
        }
    }

    pub(super) fn seek(&mut self, ms: u64, out: &mut Vec<Command>) {
        // The page's duration hint may be short of the audio's own end: a seek to it goes on to
        // the real end when the audio reports it.
        self.end_pending = !self.duration_from_media && self.duration_ms.is_some_and(|d| ms >= d);
        let ms = self.duration_ms.map_or(ms, |d| ms.min(d));
        self.position_ms = ms;
        self.seeks = self.seeks.wrapping_add(1);
        out.push(Command::Seek(ms));
        self.track_chapter(out);
    }

    fn go_to_chapter(&mut self, index: usize, out: &mut Vec<Command>) {
        if let Some(c) = self.chapters.get(index) {
            self.seek(c.start_ms, out);
        }
    }

    /// Choosing a chapter (a click, a tap, Enter or Space on its row) plays from its start, as
    /// podcast apps do; previous and next only move the position.
    fn choose_chapter(&mut self, index: usize, out: &mut Vec<Command>) {
        if index < self.chapters.len() {
            self.go_to_chapter(index, out);
            if self.paused {
                self.play(out);
            }
        }
    }

    pub(super) fn track_chapter(&mut self, out: &mut Vec<Command>) {
        let now = self.chapters.index_at(self.position_ms);
        if now != self.current {
            self.current = now;
            if let Some((index, c)) = now.and_then(|i| Some((i, self.chapters.get(i)?))) {
                out.push(Command::ChapterChanged {
                    index,
                    start_ms: c.start_ms,
                    title: c.title.clone(),
                });
            }
        }
    }
}
