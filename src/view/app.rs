//! The whole player: header, seek bar, controls, chapter list, and the keyboard. It re-renders on
//! every change of the store; its children are skipped unless their own props changed.

use super::artwork::Artwork;
use super::chapter_list::ChapterList;
use super::chapter_row::Playhead;
use super::controls::Controls;
use super::episode_list::EpisodeList;
use super::notes_panel::NotesPanel;
use super::seek_bar::SeekBar;
use super::share_result::ShareResult;
use super::shortcuts_overlay::ShortcutsOverlay;
use super::transcript_links::TranscriptLinks;
use super::transcript_panel::TranscriptPanel;
use super::{icons, roving, safe_link, Shared};
use crate::i18n::Text;
use crate::keymap::{self, KeyPress};
use crate::state::{Action, TranscriptState};
use crate::store::Store;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties)]
pub struct AppProps {
    pub store: Rc<Store>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store)
    }
}

/// Keys a focused control handles itself: buttons activate on Space and Enter, a search field
/// takes what is typed, the volume input moves with arrows, the speed menu opens and moves with arrows, and the lists move between
/// their rows with arrows, Home and End.
fn control_owns_key(target: Option<Element>, key: &str) -> bool {
    let Some(el) = target else { return false };
    let in_list = el
        .closest(&format!("[{}]", roving::ATTRIBUTE))
        .ok()
        .flatten()
        .is_some();
    if in_list && roving::KEYS.contains(&key) {
        return true;
    }
    match el.tag_name().as_str() {
        "BUTTON" | "A" => matches!(key, " " | "Enter"),
        // A text field (the transcript's search) takes every key typed into it.
        "INPUT" if el.get_attribute("type").as_deref() == Some("search") => key != "Escape",
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
    let _subscription = {
        let store = props.store.clone();
        use_memo((), move |_| {
            store.subscribe(move |_| rerender.force_update())
        })
    };
    // One callback for the player's life: children holding it do not re-render for it.
    let dispatch = {
        let sender = props.store.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action| sender.send(action))
        }))
        .clone()
    };
    let s = props.store.state().clone();

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

    let episode = s.episode.clone();
    // Landmarks need distinct names: the title, else the audio's file name.
    let named = if episode.title.is_empty() {
        episode.src.rsplit('/').next().unwrap_or_default()
    } else {
        episode.title.as_str()
    };
    let lang = s.lang;
    let label = if named.is_empty() {
        lang.text(Text::Player).to_string()
    } else {
        lang.fill(Text::PlayerNamed, &[named])
    };
    let say = |m: &Option<crate::message::Message>| m.as_ref().map(|m| lang.say(m));
    let chapters = Shared(s.chapters.clone());
    // The chapter whose art and link are on screen (hidden chapters included), and the image
    // of the one after it, to load ahead.
    let showing = s.chapters.showing_at(s.position_ms);
    let next_image = s
        .chapters
        .iter()
        .find(|c| c.start_ms > s.position_ms)
        .and_then(|c| c.image.clone());
    let playhead = Playhead {
        position_ms: s.position_ms,
        duration_ms: s.duration_ms,
    };

    html! {
        <div class="player" part="player" role="region" aria-label={label} lang={lang.tag()}
            data-state={s.activity().name()} {onkeydown}>
            <div class="head">
                <Artwork chapter={showing.and_then(|c| c.image.clone()).map(AttrValue::from)}
                    episode={episode.artwork.clone().map(AttrValue::from)}
                    next={next_image.map(AttrValue::from)} />
                <div class="meta">
                    if !episode.show.is_empty() {
                        <div class="show" part="show" dir="auto">{ &episode.show }</div>
                    }
                    if !episode.title.is_empty() {
                        <div class="title" part="title" dir="auto">{ &episode.title }</div>
                    }
                    <div class="now-line">
                        <div class="now" part="current-chapter" aria-live="polite" dir="auto">
                            { s.current_title().unwrap_or_default() }
                        </div>
                        if let Some((title, url)) = showing.and_then(|c| c.url.as_ref().filter(|u| safe_link(u)).map(|u| (&c.title, u))) {
                            <a class="now-link" part="chapter-url" href={url.clone()} target="_blank" rel="noopener noreferrer"
                                aria-label={lang.fill(Text::LinkFor, &[title])}>{ icons::link() }</a>
                        }
                    </div>
                    if let Some(notice) = say(&s.notice) {
                        <div class="notice" part="notice" role="status">{ notice }</div>
                    }
                </div>
            </div>
            <SeekBar
                {lang}
                position_ms={s.position_ms}
                duration_ms={s.duration_ms}
                buffered_ms={s.buffered_ms}
                chapters={chapters.clone()}
                current={s.current}
                dispatch={dispatch.clone()}
            />
            <Controls
                {lang}
                paused={s.paused}
                loading={s.loading}
                rate={s.rate}
                volume={s.volume}
                muted={s.muted}
                has_previous={s.has_previous()}
                has_next={s.has_next()}
                failed={s.error.is_some()}
                dispatch={dispatch.clone()}
            />
            if let Some(share) = s.share.clone() {
                <ShareResult {lang} {share} dispatch={dispatch.clone()} />
            }
            if let Some(reason) = say(&s.error) {
                <div class="error" part="error" role="alert">
                    <span>{ reason }</span>
                    if s.retry {
                        <button type="button" part="retry" class="retry" onclick={dispatch.reform(|_| Action::Retry)}>
                            { lang.text(Text::Retry) }
                        </button>
                    }
                </div>
            }
            <ContextProvider<Playhead> context={playhead}>
                <ChapterList
                {lang}
                    {chapters}
                    current={s.current}
                    duration_ms={s.duration_ms}
                    error={say(&s.chapters_error)}
                    dispatch={dispatch.clone()}
                />
            </ContextProvider<Playhead>>
            if !s.playlist.is_empty() || s.playlist_error.is_some() {
                <EpisodeList
                {lang}
                    episodes={Shared(s.playlist.clone())}
                    current={s.episode_index}
                    error={say(&s.playlist_error)}
                    dispatch={dispatch.clone()}
                />
            }
            if s.has_notes() {
                <NotesPanel {lang} notes={Shared(s.notes.clone())} dispatch={dispatch.clone()} />
            }
            { match &s.transcript {
                TranscriptState::Ready(t) => html! {
                    <TranscriptPanel {lang} transcript={Shared(t.clone())} chapters={Shared(s.chapters.clone())}
                        current={t.cue_at(s.position_ms)} seeks={s.seeks} duration_ms={s.duration_ms}
                        dispatch={dispatch.clone()} />
                },
                TranscriptState::Unavailable(links) => html! {
                    <TranscriptLinks {lang} links={Shared(Rc::new(links.clone()))} />
                },
                TranscriptState::Unloaded => super::lazy::unloaded(lang),
                TranscriptState::None | TranscriptState::Loading => html! {},
            } }
            if s.shortcuts_open {
                <ShortcutsOverlay {lang} dispatch={dispatch.clone()} />
            }
        </div>
    }
}
