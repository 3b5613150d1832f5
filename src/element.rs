//! Element glue: the only module that knows about custom elements, attributes, shadow roots and
//! the JavaScript API. `www/chapter-player.js` defines the element, forwards attribute and notes
//! changes, and calls in here.

use crate::audio::Audio;
use crate::config::{Config, PlaylistSource};
use crate::deep_link;
use crate::effects::WebPort;
use crate::episode::{Episode, TranscriptSource};
use crate::i18n::Lang;
use crate::js;
use crate::language;
use crate::media_session;
use crate::page::{self, Page};
use crate::port::Dispatch;
use crate::state::{Action, PlayerState};
use crate::store::{Store, Subscription};
use crate::url::absolute;
use crate::view::app::{App, AppProps};
use chapters::feed::TranscriptLink;
use chapters::ChapterSource;
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Event, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

/// `www/chapter-player.css`, minified by `build.rs`.
const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/chapter-player.min.css"));

thread_local! {
    /// One constructed stylesheet shared by every player's shadow root.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// One mounted player, as JavaScript holds it.
#[wasm_bindgen]
pub struct Player {
    store: Rc<Store>,
    audio: Rc<Audio>,
    page: Rc<Page>,
    host: HtmlElement,
    app: Option<AppHandle<App>>,
    listeners: Vec<EventListener>,
    /// The Media Session's, and the one that frees chapter pictures' `blob:` URLs.
    subscriptions: Vec<Subscription>,
}

#[derive(Serialize)]
struct ChapterOut<'a> {
    start: f64,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[wasm_bindgen]
impl Player {
    pub fn play(&self) -> js_sys::Promise {
        if let Some(reason) = self.store.state().error.clone() {
            return js_sys::Promise::reject(&js_sys::Error::new(&Lang::En.say(&reason)));
        }
        self.store.dispatch(Action::Play);
        self.audio
            .last_play()
            .unwrap_or_else(|| js_sys::Promise::resolve(&JsValue::UNDEFINED))
    }

    pub fn pause(&self) {
        self.store.dispatch(Action::Pause);
    }

    #[wasm_bindgen(getter, js_name = currentTime)]
    pub fn current_time(&self) -> f64 {
        self.store.state().position_ms as f64 / 1000.0
    }

    #[wasm_bindgen(setter, js_name = currentTime)]
    pub fn set_current_time(&self, seconds: f64) {
        if let Some(ms) = chapters::timestamp::seconds_to_ms(seconds) {
            self.store.dispatch(Action::SeekTo(ms));
        }
    }

    /// Seconds, `NaN` until known — as on a media element.
    #[wasm_bindgen(getter)]
    pub fn duration(&self) -> f64 {
        self.store
            .state()
            .duration_ms
            .map_or(f64::NAN, |d| d as f64 / 1000.0)
    }

    #[wasm_bindgen(getter)]
    pub fn paused(&self) -> bool {
        self.audio.paused()
    }

    /// `[{ start, title, url }]`, start in seconds.
    #[wasm_bindgen(getter)]
    pub fn chapters(&self) -> JsValue {
        let s = self.store.state();
        let list: Vec<ChapterOut> = s
            .chapters
            .iter()
            .map(|c| ChapterOut {
                start: c.start_ms as f64 / 1000.0,
                title: &c.title,
                url: c.url.as_deref(),
            })
            .collect();
        serde_wasm_bindgen::to_value(&list).unwrap_or(JsValue::NULL)
    }

    /// The index of the chapter playing, or -1.
    #[wasm_bindgen(getter, js_name = currentChapter)]
    pub fn current_chapter(&self) -> i32 {
        self.store.state().current.map_or(-1, |i| i as i32)
    }

    #[wasm_bindgen(js_name = nextChapter)]
    pub fn next_chapter(&self) {
        self.store.dispatch(Action::NextChapter);
    }

    #[wasm_bindgen(js_name = previousChapter)]
    pub fn previous_chapter(&self) {
        self.store.dispatch(Action::PreviousChapter);
    }

    /// An observed attribute changed: the player follows, as `<audio>` does.
    #[wasm_bindgen(js_name = attributeChanged)]
    pub fn attribute_changed(&self, name: &str) {
        let host = &self.host;
        let action = match name {
            "src" => {
                let episode = episode_from_attributes(host);
                if episode.src == self.store.state().episode.src {
                    return;
                }
                Action::Load(Rc::new(episode))
            }
            "episode-title" | "show" | "artwork" => Action::Describe {
                title: attribute(host, "episode-title").unwrap_or_default(),
                show: attribute(host, "show").unwrap_or_default(),
                artwork: attribute(host, "artwork"),
            },
            "chapters" => Action::SetChapterSource(chapter_source(host)),
            "transcript" => Action::SetTranscriptSource(transcript_source(host)),
            "duration" => Action::DurationHint(duration(host)),
            "no-resume" => Action::SetResume(!host.has_attribute("no-resume")),
            "lang" => {
                language::follow(host, &self.store.dispatcher());
                return;
            }
            "feed" => match attribute(host, "feed") {
                Some(url) => Action::LoadFeed(url),
                None => return,
            },
            _ => return,
        };
        self.store.dispatch(action);
    }

    /// The element's content (the show notes) changed.
    #[wasm_bindgen(js_name = notesChanged)]
    pub fn notes_changed(&self) {
        self.store
            .dispatch(Action::NotesChanged(Rc::from(read_notes(&self.host))));
    }

    /// Releases the listeners, the view and the audio download; the element can be mounted again.
    pub fn destroy(&mut self) {
        self.store.dispatch(Action::Leaving);
        media_session::release(&self.store.dispatcher());
        self.subscriptions.clear();
        crate::fetch::revoke_picture_urls(&self.store.state().chapters, None);
        self.page.release();
        self.listeners.clear();
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.audio.release();
    }
}

fn attribute(host: &HtmlElement, name: &str) -> Option<String> {
    host.get_attribute(name).filter(|v| !v.trim().is_empty())
}

fn duration(host: &HtmlElement) -> Option<u64> {
    attribute(host, "duration").and_then(|d| chapters::timestamp::parse_duration(&d))
}

fn chapter_source(host: &HtmlElement) -> ChapterSource {
    attribute(host, "chapters").map_or(ChapterSource::Notes, ChapterSource::Url)
}

fn transcript_source(host: &HtmlElement) -> TranscriptSource {
    attribute(host, "transcript").map_or(TranscriptSource::None, |url| {
        TranscriptSource::Links(vec![TranscriptLink {
            url: absolute(url.trim()),
            ..TranscriptLink::default()
        }])
    })
}

/// The element's content as notes. HTML notes keep their links; plain text keeps its line breaks
/// and stays text: escaped, so a literal `<b>` in it is not taken for markup (the notes reader
/// decodes it back).
fn read_notes(host: &HtmlElement) -> String {
    if host.children().length() > 0 {
        host.inner_html()
    } else {
        chapters::entities::escape(&host.text_content().unwrap_or_default())
    }
}

fn episode_from_attributes(host: &HtmlElement) -> Episode {
    Episode {
        src: attribute(host, "src")
            .map(|s| absolute(s.trim()))
            .unwrap_or_default(),
        title: attribute(host, "episode-title").unwrap_or_default(),
        show: attribute(host, "show").unwrap_or_default(),
        artwork: attribute(host, "artwork"),
        published: None,
        duration_ms: duration(host),
        notes: Rc::from(read_notes(host)),
        chapters: chapter_source(host),
        transcript: transcript_source(host),
    }
}

/// What the notes give, for the try-it page: `[{ start, title, line }]`, each chapter with the
/// line of the notes it was read from (start in seconds), and on the array `skipped`:
/// `[{ line, text, reason }]`, each line with a time that gave no chapter, and why.
#[wasm_bindgen(js_name = explainNotes)]
pub fn explain_notes(notes: &str) -> js_sys::Array {
    let explained = chapters::notes::explain(notes);
    let found: js_sys::Array = explained
        .chapters
        .into_iter()
        .map(|(chapter, line)| {
            JsValue::from(js::object(&[
                ("start", (chapter.start_ms as f64 / 1000.0).into()),
                ("title", chapter.title.as_str().into()),
                ("line", line.as_str().into()),
            ]))
        })
        .collect();
    let skipped: js_sys::Array = explained
        .skipped
        .into_iter()
        .map(|s| {
            JsValue::from(js::object(&[
                ("line", (s.line as f64).into()),
                ("text", s.text.as_str().into()),
                ("reason", s.reason.describe().into()),
            ]))
        })
        .collect();
    js::set(&found, "skipped", &skipped);
    found
}

/// Mounts a player configured by the element's attributes and content.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(host: HtmlElement) -> Result<Player, JsValue> {
    let config = Config {
        episode: episode_from_attributes(&host),
        theme: None,
        resume: !host.has_attribute("no-resume"),
        playlist: attribute(&host, "feed").map(PlaylistSource::Feed),
    };
    mount(host, config)
}

/// Mounts a player configured from JavaScript: `mount(element, { src, title, notes, … })`.
#[wasm_bindgen(js_name = mountWithConfig)]
pub fn mount_with_config(host: HtmlElement, config: JsValue) -> Result<Player, JsValue> {
    let config = Config::from_js(&config).map_err(|e| JsValue::from(js_sys::Error::new(&e)))?;
    mount(host, config)
}

fn shadow_root(host: &HtmlElement) -> Result<ShadowRoot, JsValue> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    root.set_inner_html("");
    let sheet = SHEET.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                let sheet = CssStyleSheet::new().unwrap_or_else(|_| JsValue::NULL.unchecked_into());
                let _ = sheet.replace_sync(STYLES);
                sheet
            })
            .clone()
    });
    // A constructed sheet passes a strict Content-Security-Policy, where a <style> would not.
    js_sys::Reflect::set(
        &root,
        &"adoptedStyleSheets".into(),
        &js_sys::Array::of1(&sheet),
    )?;
    Ok(root)
}

fn mount(host: HtmlElement, config: Config) -> Result<Player, JsValue> {
    let document = host
        .owner_document()
        .ok_or("the element is not in a document")?;
    let root = shadow_root(&host)?;
    if let Some(theme) = &config.theme {
        host.set_attribute("theme", theme)?;
    }

    let store = Store::new(PlayerState {
        resume: config.resume,
        ..PlayerState::default()
    });
    let dispatch = store.dispatcher();
    language::follow(&host, &dispatch);
    let audio = {
        let host = host.clone();
        Audio::new(&document, &root, dispatch.clone(), move |name| {
            if let Ok(event) = Event::new(name) {
                let _ = host.dispatch_event(&event);
            }
        })?
    };
    let page = Rc::new(Page::new(host.clone(), dispatch.clone()));
    store.connect(Box::new(WebPort {
        audio: audio.clone(),
        page: page.clone(),
    }));
    let media_session = {
        let dispatch = dispatch.clone();
        store.subscribe(move |state| media_session::sync(&dispatch, state))
    };
    // Chapter pictures from an ID3 tag live in `blob:` URLs until their chapters are replaced.
    let pictures = {
        let shown = RefCell::new(store.state().chapters.clone());
        store.subscribe(move |state| {
            let mut shown = shown.borrow_mut();
            if !Rc::ptr_eq(&shown, &state.chapters) {
                crate::fetch::revoke_picture_urls(&shown, Some(&state.chapters));
                *shown = state.chapters.clone();
            }
        })
    };

    // A playlist without a first episode of its own waits for the feed's.
    let waits_for_playlist = config.playlist.is_some() && config.episode.src.is_empty();
    if waits_for_playlist {
        store.dispatch(Action::Describe {
            title: config.episode.title.clone(),
            show: config.episode.show.clone(),
            artwork: config.episode.artwork.clone(),
        });
    } else {
        store.dispatch(Action::Load(Rc::new(config.episode)));
        follow_deep_link(&host, &dispatch);
    }
    match config.playlist {
        Some(PlaylistSource::Feed(url)) => store.dispatch(Action::LoadFeed(url)),
        Some(PlaylistSource::Entries(entries)) => {
            store.dispatch(Action::PlaylistLoaded {
                feed: None,
                entries: Rc::new(entries),
            });
        }
        None => {}
    }
    // A link into a playlist names its episode: it applies once the episodes are there (the
    // state keeps it while a feed is fetched).
    if waits_for_playlist {
        follow_deep_link(&host, &dispatch);
    }

    let view_root = document.create_element("div")?;
    view_root.set_class_name("root");
    root.append_child(&view_root)?;
    let app = yew::Renderer::<App>::with_root_and_props(
        view_root,
        AppProps {
            store: store.clone(),
        },
    )
    .render();

    let mut listeners = Vec::new();
    if let Some(window) = web_sys::window() {
        // A page closed mid-episode still resumes: pagehide is the last reliable moment.
        let leaving = dispatch.clone();
        listeners.push(EventListener::new(&window, "pagehide", move |_| {
            leaving.send(Action::Leaving);
        }));
        let (host, dispatch) = (host.clone(), dispatch.clone());
        listeners.push(EventListener::new(&window, "hashchange", move |_| {
            follow_deep_link(&host, &dispatch);
        }));
    }

    Ok(Player {
        store,
        audio,
        page,
        host,
        app: Some(app),
        listeners,
        subscriptions: vec![media_session, pictures],
    })
}

/// A deep link in the page's URL naming this player (or naming none, for the page's first
/// player).
fn deep_link_start(host: &HtmlElement) -> Option<Action> {
    let location = web_sys::window()?.location();
    let fragment = location.hash().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    let link = deep_link::parse(
        fragment.trim_start_matches('#'),
        query.trim_start_matches('?'),
    )?;
    page::is_meant(host, link.player.as_deref()).then_some(Action::StartAt {
        ms: link.start_ms,
        stop_at_ms: link.end_ms,
        episode: link.episode,
    })
}

/// Applies a deep link meant for this player and brings the player into view, as a link to an
/// anchor would: on load, and when a same-page link changes the fragment.
fn follow_deep_link(host: &HtmlElement, dispatch: &Dispatch) {
    let Some(start) = deep_link_start(host) else {
        return;
    };
    dispatch.send(start);
    // After the player has rendered, so its final size is what is scrolled to.
    let host = host.clone();
    Timeout::new(0, move || host.scroll_into_view()).forget();
}
