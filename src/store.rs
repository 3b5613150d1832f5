//! Runs the reducer for one player: applies an action, carries out its commands at once (so a
//! click moves `currentTime` in the same task), and asks the view to render.

use crate::audio;
use crate::state::{Action, Command, PlayerState};
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
    render: RefCell<Option<Callback<()>>>,
    /// The promise of the last `play()`, returned to callers of the element's `play()`.
    last_play: RefCell<Option<js_sys::Promise>>,
}

impl Store {
    pub fn new(state: PlayerState, audio: HtmlAudioElement, host: HtmlElement) -> Rc<Self> {
        Rc::new(Store {
            state: RefCell::new(state),
            audio,
            host,
            render: RefCell::new(None),
            last_play: RefCell::new(None),
        })
    }

    pub fn snapshot(&self) -> PlayerState {
        self.state.borrow().clone()
    }

    /// The view registers how to re-render itself.
    pub fn on_change(&self, render: Callback<()>) {
        *self.render.borrow_mut() = Some(render);
    }

    pub fn dispatch(self: &Rc<Self>, action: Action) {
        let commands = self.state.borrow_mut().update(action);
        for command in &commands {
            self.run(command);
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
            Command::ChapterChanged(index) => self.announce_chapter(*index),
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
