//! Element glue: the only module that knows about custom elements, attributes, shadow roots and
//! the JavaScript API. `www/chapter-player.js` defines the element and calls in here.

use crate::audio;
use crate::config::{ChapterSource, Config, PlaylistSource};
use crate::deep_link;
use crate::fetch;
use crate::media_session;
use crate::resume;
use crate::state::{Action, PlayerState};
use crate::store::Store;
use crate::view::app::{App, AppProps, Episode};
use chapters::Chapters;
use gloo::events::EventListener;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, Event, HtmlAudioElement, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};
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
    app: Option<AppHandle<App>>,
    listeners: Vec<EventListener>,
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
        if let Some(reason) = self.store.snapshot().error {
            return js_sys::Promise::reject(&js_sys::Error::new(&reason));
        }
        self.store.dispatch(Action::Play);
        self.store
            .last_play()
            .unwrap_or_else(|| js_sys::Promise::resolve(&JsValue::UNDEFINED))
    }

    pub fn pause(&self) {
        self.store.dispatch(Action::Pause);
    }

    #[wasm_bindgen(getter, js_name = currentTime)]
    pub fn current_time(&self) -> f64 {
        self.store.snapshot().position_ms as f64 / 1000.0
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
            .snapshot()
            .duration_ms
            .map_or(f64::NAN, |d| d as f64 / 1000.0)
    }

    #[wasm_bindgen(getter)]
    pub fn paused(&self) -> bool {
        self.store.audio.paused()
    }

    /// `[{ start, title, url }]`, start in seconds.
    #[wasm_bindgen(getter)]
    pub fn chapters(&self) -> JsValue {
        let s = self.store.snapshot();
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
        self.store.snapshot().current.map_or(-1, |i| i as i32)
    }

    #[wasm_bindgen(js_name = nextChapter)]
    pub fn next_chapter(&self) {
        self.store.dispatch(Action::NextChapter);
    }

    #[wasm_bindgen(js_name = previousChapter)]
    pub fn previous_chapter(&self) {
        self.store.dispatch(Action::PreviousChapter);
    }

    /// Releases the listeners, the view and the audio download; the element can be mounted again.
    pub fn destroy(&mut self) {
        self.save_progress();
        media_session::release(&self.store);
        self.listeners.clear();
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        let audio = &self.store.audio;
        let _ = audio.pause();
        audio.remove_attribute("src").ok();
        audio.load();
        audio.remove();
    }
}

impl Player {
    /// Saves where a paused or playing listener is, when the page goes away mid-episode.
    fn save_progress(&self) {
        let s = self.store.snapshot();
        if let Some(key) = self.store.resume_key() {
            if s.position_ms > 0 && s.duration_ms.is_none_or(|d| s.position_ms < d) {
                resume::save(&key, s.position_ms);
            }
        }
    }
}

/// Mounts a player configured by the element's attributes and content.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(host: HtmlElement) -> Result<Player, JsValue> {
    let attr = |name: &str| host.get_attribute(name).filter(|v| !v.trim().is_empty());
    // HTML notes keep their links; plain text keeps its line breaks and stays text: escaped, so
    // a literal `<b>` in it is not taken for markup (the notes reader decodes it back).
    let notes = if host.children().length() > 0 {
        host.inner_html()
    } else {
        chapters::entities::escape(&host.text_content().unwrap_or_default())
    };
    let chapters = match attr("chapters") {
        Some(url) => ChapterSource::Url(url),
        None => ChapterSource::Notes(notes.clone()),
    };
    let config = Config {
        src: attr("src").unwrap_or_default(),
        title: attr("episode-title").unwrap_or_default(),
        show: attr("show").unwrap_or_default(),
        artwork: attr("artwork"),
        chapters,
        theme: None,
        duration_ms: attr("duration").and_then(|d| chapters::timestamp::parse_duration(&d)),
        resume: !host.has_attribute("no-resume"),
        notes,
        playlist: attr("feed").map(PlaylistSource::Feed),
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

    let audio: HtmlAudioElement = document.create_element("audio")?.unchecked_into();
    audio.set_preload("metadata");
    root.append_child(&audio)?;
    let view_root = document.create_element("div")?;
    view_root.set_class_name("root");
    root.append_child(&view_root)?;

    // Chapters the page gives are there for the first render; fetched ones follow. Notes are
    // read once, here: what they gave is what a later fallback (ID3) starts from.
    let source = match config.chapters {
        ChapterSource::Notes(notes) => ChapterSource::Inline(chapters::notes::extract(&notes)),
        other => other,
    };
    let initial = match &source {
        ChapterSource::Inline(c) => c.clone(),
        _ => Chapters::default(),
    };
    let mut state = PlayerState::new(Rc::new(initial.clone()), config.duration_ms);
    let src = config.src.trim().to_string();
    if !src.is_empty() {
        audio.set_src(&src);
    } else if config.playlist.is_none() {
        state.error = Some("This player has no audio: its src attribute is missing.".into());
    }
    let episode = Episode {
        title: config.title,
        show: config.show,
        artwork: config.artwork,
    };
    let store = Store::new(
        state,
        audio.clone(),
        host.clone(),
        episode,
        config.resume,
        &config.notes,
    );

    if let Some(start) = start_for(&host, &store) {
        store.dispatch(start);
    }
    let mut listeners = {
        let (store, host) = (Rc::downgrade(&store), host.clone());
        audio::listen(&audio, move |name, action| {
            if let (Some(action), Some(store)) = (action, store.upgrade()) {
                store.dispatch(action);
            }
            if audio::REDISPATCHED.contains(&name) {
                if let Ok(event) = Event::new(name) {
                    let _ = host.dispatch_event(&event);
                }
            }
        })
    };

    let app = yew::Renderer::<App>::with_root_and_props(
        view_root,
        AppProps {
            store: store.clone(),
        },
    )
    .render();

    if let Some(window) = web_sys::window() {
        // A page closed mid-episode still resumes: pagehide is the last reliable moment.
        let store = Rc::downgrade(&store);
        listeners.push(EventListener::new(&window, "pagehide", move |_| {
            if let Some(store) = store.upgrade() {
                let s = store.snapshot();
                if let Some(key) = store.resume_key().filter(|_| !s.paused) {
                    resume::save(&key, s.position_ms);
                }
            }
        }));
    }

    if initial.is_empty() && !src.is_empty() {
        fetch::load_chapters(&store, source, &src);
    }
    match config.playlist {
        Some(PlaylistSource::Feed(url)) => fetch::load_feed(&store, url),
        Some(PlaylistSource::Entries(entries)) => store.set_playlist(entries),
        None => {}
    }

    Ok(Player {
        store,
        app: Some(app),
        listeners,
    })
}

/// Where this player starts: a deep link naming it (or naming no player, for the page's first
/// player), else the saved position of a listener who left mid-episode.
fn start_for(host: &HtmlElement, store: &Store) -> Option<Action> {
    let location = web_sys::window()?.location();
    let fragment = location.hash().unwrap_or_default();
    let query = location.search().unwrap_or_default();
    let link = deep_link::parse(
        fragment.trim_start_matches('#'),
        query.trim_start_matches('?'),
    );
    let first_on_page = || {
        host.owner_document()
            .and_then(|d| d.query_selector("chapter-player").ok().flatten())
            .is_some_and(|first| first == **host)
    };
    if let Some(link) = link.filter(|l| match &l.player {
        Some(id) => *id == host.id(),
        None => first_on_page(),
    }) {
        return Some(Action::StartAt {
            ms: link.start_ms,
            stop_at_ms: link.end_ms,
            notice: format!(
                "Starting at {}",
                chapters::timestamp::format_compact(link.start_ms)
            ),
        });
    }
    resume::resume_action(&store.resume_key()?, store.snapshot().duration_ms)
}
