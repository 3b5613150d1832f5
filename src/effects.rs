//! The port in the browser: routes each command to the adapter that carries it out.

use crate::audio::Audio;
use crate::page::Page;
use crate::port::{Dispatch, Port};
use crate::state::{Action, Command};
use crate::{fetch, media_session, parts, storage};
use std::rc::Rc;

pub struct WebPort {
    pub audio: Rc<Audio>,
    pub page: Rc<Page>,
}

impl Port for WebPort {
    fn run(&self, command: Command, dispatch: &Dispatch) {
        match command {
            Command::ChapterChanged {
                index,
                start_ms,
                title,
            } => self.page.chapter_changed(index, start_ms, &title),
            Command::CopyLink {
                ms,
                episode,
                end_ms,
                quote,
            } => self
                .page
                .copy_link(ms, end_ms, quote.as_deref(), episode.as_deref()),
            Command::ReportFailure { url, detail } => self.page.report_failure(&url, &detail),
            Command::PlaybackStarted => {
                self.page.playback_started();
                media_session::claim(dispatch);
            }
            Command::LoadPosition(key) => {
                if let Some(ms) = storage::load_position(&key) {
                    dispatch.send(Action::PositionRestored(ms));
                }
            }
            Command::SaveProgress { key, ms } => storage::save(&key, ms),
            Command::ClearProgress(key) => storage::clear(&key),
            Command::LoadSettings(key) => {
                if let Some(settings) = storage::load_settings(&key) {
                    dispatch.send(Action::SettingsRestored(settings));
                }
            }
            Command::SaveSettings { key, settings } => storage::save_settings(&key, settings),
            Command::FetchChapters { url, generation } => {
                fetch::chapters(url, generation, dispatch.clone());
            }
            Command::ReadId3 { src, generation } => fetch::id3(src, generation, dispatch.clone()),
            Command::FetchTranscript {
                links,
                lang,
                generation,
            } => fetch::transcript(links, lang, generation, dispatch.clone()),
            Command::ReadNotesTranscript { lines, generation } => {
                let dispatch = dispatch.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match parts::read_notes_transcript(lines).await {
                        Ok(Some(transcript)) => dispatch.send(Action::TranscriptLoaded {
                            generation,
                            transcript: Rc::new(transcript),
                        }),
                        Ok(None) => {}
                        Err(_) => dispatch.send(Action::TranscriptFailed { generation }),
                    }
                });
            }
            Command::FetchFeed(url) => fetch::feed(url, dispatch.clone()),
            Command::ProbeAudio { src, generation } => {
                fetch::probe(src, generation, dispatch.clone());
            }
            audio => self.audio.apply(audio, dispatch),
        }
    }
}
