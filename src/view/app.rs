//! The whole player: header, seek bar, controls, chapter list, and the keyboard.

use super::chapter_list::ChapterList;
use super::controls::Controls;
use super::episode_list::EpisodeList;
use super::notes_panel::NotesPanel;
use super::seek_bar::SeekBar;
use super::share_result::ShareResult;
use super::shortcuts_overlay::ShortcutsOverlay;
use crate::keymap::{self, KeyPress};
use crate::state::{Action, Loading};
use crate::store::Store;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

/// What the page says about the episode.
#[derive(Debug, Clone, PartialEq)]
pub struct Episode {
    pub title: String,
    pub show: String,
    pub artwork: Option<String>,
}

#[derive(Properties)]
pub struct AppProps {
    pub store: Rc<Store>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
    }
}

/// Keys a focused control handles itself: buttons activate on Space and Enter, the volume input
/// moves with arrows, the speed menu opens and moves with arrows.
fn control_owns_key(target: Option<Element>, key: &str) -> bool {
    let Some(el) = target else { return false };
    match el.tag_name().as_str() {
        "BUTTON" | "A" => matches!(key, " " | "Enter"),
        "INPUT" => matches!(
            key,
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End" | " "
        ),
        "SELECT" => matches!(
            key,
            "ArrowUp" | "ArrowDown" | " " | "Enter" | "Home" | "End"
        ),
        _ => false,
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let rerender = use_force_update();
    props
        .store
        .on_change(Callback::from(move |_| rerender.force_update()));
    let s = props.store.snapshot();
    let dispatch = {
        let store = props.store.clone();
        Callback::from(move |action: Action| store.dispatch(action))
    };

    let onkeydown = {
        let dispatch = dispatch.clone();
        let overlay_open = s.shortcuts_open;
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if overlay_open && key == "Escape" {
                e.prevent_default();
                dispatch.emit(Action::CloseShortcuts);
                return;
            }
            let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            if control_owns_key(target, &key) {
                return;
            }
            let press = KeyPress {
                key: &key,
                alt: e.alt_key(),
                command: e.ctrl_key() || e.meta_key(),
            };
            if let Some(action) = keymap::action_for(press) {
                e.prevent_default();
                e.stop_propagation();
                dispatch.emit(action);
            }
        })
    };

    let episode = props.store.episode();
    let notes = props.store.notes();
    let current_title = s
        .current
        .and_then(|i| s.chapters.get(i))
        .map(|c| c.title.clone());
    let has_previous = s.current.is_some_and(|i| i > 0)
        || s.current
            .and_then(|i| s.chapters.get(i))
            .is_some_and(|c| s.position_ms > c.start_ms);
    let has_next = s.chapters.next_after(s.position_ms).is_some();
    let state_name = match (&s.error, s.loading, s.paused) {
        (Some(_), _, _) => "error",
        (None, Loading::Buffering, false) => "buffering",
        (None, _, false) => "playing",
        (None, _, true) => "paused",
    };
    let label = if episode.title.is_empty() {
        "Podcast player".to_string()
    } else {
        format!("Podcast player: {}", episode.title)
    };

    html! {
        <div class="player" part="player" role="region" aria-label={label} data-state={state_name} {onkeydown}>
            <div class="head">
                if let Some(art) = episode.artwork.clone() {
                    <img class="art" part="artwork" src={art} alt="" width="72" height="72" loading="lazy" />
                }
                <div class="meta">
                    if !episode.show.is_empty() {
                        <div class="show" part="show">{ &episode.show }</div>
                    }
                    if !episode.title.is_empty() {
                        <div class="title" part="title">{ &episode.title }</div>
                    }
                    <div class="now" part="current-chapter" aria-live="polite">
                        { current_title.unwrap_or_default() }
                    </div>
                    if let Some(notice) = s.notice.clone() {
                        <div class="notice" part="notice" role="status">{ notice }</div>
                    }
                </div>
            </div>
            <SeekBar
                position_ms={s.position_ms}
                duration_ms={s.duration_ms}
                buffered_ms={s.buffered_ms}
                chapters={s.chapters.clone()}
                current={s.current}
                dispatch={dispatch.clone()}
            />
            <Controls
                paused={s.paused}
                loading={s.loading}
                rate={s.rate}
                volume={s.volume}
                muted={s.muted}
                {has_previous}
                {has_next}
                failed={s.error.is_some()}
                position_ms={s.position_ms}
                dispatch={dispatch.clone()}
            />
            if let Some(share) = s.share.clone() {
                <ShareResult {share} on_close={dispatch.reform(|_| Action::DismissShare)} />
            }
            if let Some(reason) = s.error.clone() {
                <div class="error" part="error" role="alert">
                    <span>{ reason }</span>
                    <button type="button" part="retry" class="retry" onclick={dispatch.reform(|_| Action::Retry)}>
                        { "Retry" }
                    </button>
                </div>
            }
            <ChapterList
                chapters={s.chapters.clone()}
                current={s.current}
                duration_ms={s.duration_ms}
                progress={s.chapter_progress()}
                error={s.chapters_error.clone()}
                on_select={dispatch.reform(Action::GoToChapter)}
                on_share={dispatch.reform(Action::ShareAt)}
            />
            if !s.episodes.is_empty() || s.playlist_error.is_some() {
                <EpisodeList
                    episodes={s.episodes.clone()}
                    current={s.episode_index}
                    error={s.playlist_error.clone()}
                    on_select={dispatch.reform(|index| Action::SelectEpisode { index, play: true })}
                />
            }
            if !notes.is_empty() {
                <NotesPanel {notes} on_seek={dispatch.reform(Action::SeekTo)} />
            }
            if s.shortcuts_open {
                <ShortcutsOverlay on_close={dispatch.reform(|_| Action::CloseShortcuts)} />
            }
        </div>
    }
}
