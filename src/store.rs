//! Runs the reducer for one player: applies an action, carries out its commands at once (so a
//! click moves `currentTime` in the same task), and asks the view to render.

use crate::audio;
use crate::deep_link;
use crate::fetch;
use crate::media_session;
use crate::playlist::Entry;
use crate::resume;
use crate::state::{Action, Command, PlayerState, Share};
use crate::view::app::Episode;
use chapters::notes::display::Segment;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, HtmlAudioElement, HtmlElement};
use yew::Callback;

pub struct Store {
    state: RefCell<PlayerState>,
    pub audio: HtmlAudioElement,
    /// The element the page holds: where `chapterchange` and media events are dispatched.
    pub host: HtmlElement,
    /// What the current episode is: it changes with the playlist.
    episode: RefCell<Rc<Episode>>,
    /// Whether positions are saved and resumed (`no-resume` turns it off).
    resume: bool,
    /// The `localStorage` key for resuming the current episode, when resuming is on.
    resume_key: RefCell<Option<String>>,
    /// The current episode's show notes, ready to display with clickable times.
    notes: RefCell<Rc<Vec<Vec<Segment>>>>,
    /// The playlist's entries, when there is one.
    playlist: RefCell<Rc<Vec<Entry>>>,
    render: RefCell<Option<Callback<()>>>,
    /// The promise of the last `play()`, returned to callers of the element's `play()`.
    last_play: RefCell<Option<js_sys::Promise>>,
}

impl Store {
    pub fn new(
        state: PlayerState,
        audio: HtmlAudioElement,
        host: HtmlElement,
        episode: Episode,
        resume: bool,
        notes: &str,
    ) -> Rc<Self> {
        let resume_key = (resume && !audio.src().is_empty()).then(|| resume::key_for(&audio.src()));
        Rc::new(Store {
            state: RefCell::new(state),
            audio,
            host,
            episode: RefCell::new(Rc::new(episode)),
            resume,
            resume_key: RefCell::new(resume_key),
            notes: RefCell::new(Rc::new(chapters::notes::display::lines(notes))),
            playlist: RefCell::new(Rc::new(Vec::new())),
            render: RefCell::new(None),
            last_play: RefCell::new(None),
        })
    }

    pub fn snapshot(&self) -> PlayerState {
        self.state.borrow().clone()
    }

    pub fn episode(&self) -> Rc<Episode> {
        self.episode.borrow().clone()
    }

    pub fn notes(&self) -> Rc<Vec<Vec<Segment>>> {
        self.notes.borrow().clone()
    }

    pub fn resume_key(&self) -> Option<String> {
        self.resume_key.borrow().clone()
    }

    /// Takes a loaded playlist and selects its first episode (without playing).
    pub fn set_playlist(self: &Rc<Self>, entries: Vec<Entry>) {
        let summaries = entries.iter().map(Entry::summary).collect();
        *self.playlist.borrow_mut() = Rc::new(entries);
        self.dispatch(Action::PlaylistLoaded(Rc::new(summaries)));
        self.dispatch(Action::SelectEpisode {
            index: 0,
            play: false,
        });
    }

    /// Points the audio, metadata, notes and chapters at playlist entry `index`.
    fn load_episode(self: &Rc<Self>, index: usize, play: bool) {
        let playlist = self.playlist.borrow().clone();
        let Some(entry) = playlist.get(index) else {
            return;
        };
        let previous = self.episode();
        *self.episode.borrow_mut() = Rc::new(Episode {
            title: entry.title.clone(),
            show: previous.show.clone(),
            artwork: entry.artwork.clone().or_else(|| previous.artwork.clone()),
        });
        *self.notes.borrow_mut() = Rc::new(chapters::notes::display::lines(&entry.notes));
        *self.resume_key.borrow_mut() = self.resume.then(|| resume::key_for(&entry.src));
        self.audio.set_src(&entry.src);
        fetch::load_chapters(self, entry.chapters.clone(), &entry.src);
        let key = self.resume_key();
        if let Some(start) = key.and_then(|k| resume::resume_action(&k, entry.duration_ms)) {
            self.dispatch(start);
        }
        if play {
            self.play();
        }
    }

    /// The view registers how to re-render itself.
    pub fn on_change(&self, render: Callback<()>) {
        *self.render.borrow_mut() = Some(render);
    }

    pub fn dispatch(self: &Rc<Self>, action: Action) {
        let playing = action == Action::Playing;
        let commands = self.state.borrow_mut().update(action);
        for command in &commands {
            self.run(command);
        }
        if playing {
            media_session::claim(self);
        }
        if media_session::owns(self) {
            media_session::update_position(self, &self.state.borrow());
        }
        let render = self.render.borrow().clone();
        if let Some(render) = render {
            render.emit(());
        }
    }

    pub fn last_play(&self) -> Option<js_sys::Promise> {
        self.last_play.borrow().clone()
    }

    fn run(self: &Rc<Self>, command: &Command) {
        match command {
            Command::Play => self.play(),
            Command::ChapterChanged(index) => {
                self.announce_chapter(*index);
                media_session::update_metadata(self);
            }
            Command::CopyLink(ms) => self.copy_link(*ms),
            Command::SaveProgress(ms) => {
                if let Some(key) = self.resume_key() {
                    resume::save(&key, *ms);
                }
            }
            Command::ClearProgress => {
                if let Some(key) = self.resume_key() {
                    resume::clear(&key);
                }
            }
            Command::LoadEpisode { index, play } => self.load_episode(*index, *play),
            other => audio::apply(&self.audio, other),
        }
    }

    fn play(self: &Rc<Self>) {
        let Ok(promise) = self.audio.play() else {
            self.dispatch(Action::Paused);
            return;
        };
        *self.last_play.borrow_mut() = Some(promise.clone());
        // A refused play (autoplay policy, no source) leaves the player paused, not "playing".
        let store = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
                if let Some(store) = store.upgrade() {
                    if store.audio.paused() {
                        store.dispatch(Action::Paused);
                    }
                }
            }
        });
    }

    /// Puts a link to `ms` in this player on the clipboard; where the Clipboard API is missing or
    /// refuses, the link is shown for copying by hand instead.
    fn copy_link(self: &Rc<Self>, ms: u64) {
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let page = location.href().unwrap_or_default();
        let page = page.split('#').next().unwrap_or_default();
        let id = self.host.id();
        let url = format!("{page}#{}", deep_link::fragment_for(ms, Some(id.as_str())));
        let clipboard = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
            .filter(|c| c.is_object());
        let write = clipboard.and_then(|c| {
            let f: js_sys::Function = js_sys::Reflect::get(&c, &"writeText".into())
                .ok()?
                .dyn_into()
                .ok()?;
            f.call1(&c, &url.as_str().into())
                .ok()?
                .dyn_into::<js_sys::Promise>()
                .ok()
        });
        let Some(write) = write else {
            self.dispatch(Action::Shared(Share { url, copied: false }));
            return;
        };
        let store = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(write).await.is_ok();
            if let Some(store) = store.upgrade() {
                store.dispatch(Action::Shared(Share { url, copied }));
            }
        });
    }

    fn announce_chapter(&self, index: usize) {
        let Some(chapter) = self.state.borrow().chapters.get(index).cloned() else {
            return;
        };
        let detail = js_sys::Object::new();
        let set = |k: &str, v: wasm_bindgen::JsValue| {
            let _ = js_sys::Reflect::set(&detail, &k.into(), &v);
        };
        set("index", (index as u32).into());
        set("start", (chapter.start_ms as f64 / 1000.0).into());
        set("title", chapter.title.as_str().into());
        let init = CustomEventInit::new();
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict("chapterchange", &init) {
            let _ = self.host.dispatch_event(event.unchecked_ref());
        }
    }
}
