//! The Media Session: lock screen, headset and keyboard media keys. Only the player that is
//! playing owns it; chapters are tracks (`previoustrack` / `nexttrack`) and the current chapter
//! is named in the metadata, with `chapterInfo` where the browser supports it.
//!
//! Called through `Reflect` rather than web-sys bindings, which mark the API unstable.

use crate::state::{Action, PlayerState, SKIP_BACK_MS, SKIP_FORWARD_MS};
use crate::store::Store;
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const ACTIONS: [&str; 7] = [
    "play",
    "pause",
    "seekbackward",
    "seekforward",
    "seekto",
    "previoustrack",
    "nexttrack",
];

struct Owner {
    store: Weak<Store>,
    /// Kept alive for as long as the browser may call them.
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

thread_local! {
    static OWNER: RefCell<Option<Owner>> = const { RefCell::new(None) };
}

fn session() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &"mediaSession".into())
        .ok()
        .filter(|s| s.is_object())
}

fn call(target: &JsValue, method: &str, args: &Array) {
    if let Some(f) = Reflect::get(target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = f.apply(target, args);
    }
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

pub fn owns(store: &Rc<Store>) -> bool {
    OWNER.with(|o| {
        o.borrow()
            .as_ref()
            .is_some_and(|o| std::ptr::eq(o.store.as_ptr(), Rc::as_ptr(store)))
    })
}

fn action_for(name: &str, details: &JsValue) -> Option<Action> {
    let seconds = |key: &str| {
        Reflect::get(details, &key.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    let offset_ms = |default: u64| {
        seconds("seekOffset")
            .and_then(chapters::timestamp::seconds_to_ms)
            .unwrap_or(default) as i64
    };
    Some(match name {
        "play" => Action::Play,
        "pause" => Action::Pause,
        "seekbackward" => Action::SeekBy(-offset_ms(SKIP_BACK_MS)),
        "seekforward" => Action::SeekBy(offset_ms(SKIP_FORWARD_MS)),
        "seekto" => {
            Action::SeekTo(seconds("seekTime").and_then(chapters::timestamp::seconds_to_ms)?)
        }
        "previoustrack" => Action::PreviousChapter,
        "nexttrack" => Action::NextChapter,
        _ => return None,
    })
}

/// Makes `store` the session's owner: its handlers, metadata and position.
pub fn claim(store: &Rc<Store>) {
    let Some(session) = session() else { return };
    if owns(store) {
        return;
    }
    let handlers: Vec<Closure<dyn FnMut(JsValue)>> = ACTIONS
        .iter()
        .map(|name| {
            let weak = Rc::downgrade(store);
            let handler = Closure::<dyn FnMut(JsValue)>::new(move |details: JsValue| {
                if let (Some(store), Some(action)) = (weak.upgrade(), action_for(name, &details)) {
                    store.dispatch(action);
                }
            });
            call(
                &session,
                "setActionHandler",
                &Array::of2(&(*name).into(), handler.as_ref()),
            );
            handler
        })
        .collect();
    OWNER.with(|o| {
        *o.borrow_mut() = Some(Owner {
            store: Rc::downgrade(store),
            _handlers: handlers,
        })
    });
    update_metadata(store);
}

/// Gives the session up when the owning player goes away.
pub fn release(store: &Rc<Store>) {
    if !owns(store) {
        return;
    }
    if let Some(session) = session() {
        for name in ACTIONS {
            call(
                &session,
                "setActionHandler",
                &Array::of2(&name.into(), &JsValue::NULL),
            );
        }
        let _ = Reflect::set(&session, &"metadata".into(), &JsValue::NULL);
    }
    OWNER.with(|o| *o.borrow_mut() = None);
}

/// Title, show, artwork and the current chapter, for the owner only.
pub fn update_metadata(store: &Rc<Store>) {
    let Some(session) = session().filter(|_| owns(store)) else {
        return;
    };
    let state = store.snapshot();
    let episode = store.episode();
    let chapter = state.current.and_then(|i| state.chapters.get(i));
    let init = Object::new();
    set(
        &init,
        "title",
        &chapter
            .map_or(episode.title.as_str(), |c| c.title.as_str())
            .into(),
    );
    set(&init, "artist", &episode.show.as_str().into());
    set(&init, "album", &episode.title.as_str().into());
    let artwork = Array::new();
    if let Some(src) = &episode.artwork {
        let image = Object::new();
        set(&image, "src", &src.as_str().into());
        artwork.push(&image);
    }
    set(&init, "artwork", &artwork);
    let chapter_info: Array = state
        .chapters
        .iter()
        .filter(|c| !c.hidden)
        .map(|c| {
            let info = Object::new();
            set(&info, "title", &c.title.as_str().into());
            set(&info, "startTime", &(c.start_ms as f64 / 1000.0).into());
            set(&info, "artwork", &Array::new());
            JsValue::from(info)
        })
        .collect();
    set(&init, "chapterInfo", &chapter_info);
    let constructor = web_sys::window()
        .and_then(|w| Reflect::get(&w, &"MediaMetadata".into()).ok())
        .and_then(|c| c.dyn_into::<Function>().ok());
    if let Some(metadata) =
        constructor.and_then(|c| Reflect::construct(&c, &Array::of1(&init)).ok())
    {
        let _ = Reflect::set(&session, &"metadata".into(), &metadata);
    }
}

/// Keeps the lock screen's progress bar right, for the owner only.
pub fn update_position(store: &Rc<Store>, state: &PlayerState) {
    let Some(session) = session().filter(|_| owns(store)) else {
        return;
    };
    let Some(duration) = state.duration_ms.filter(|d| *d > 0) else {
        return;
    };
    let position = Object::new();
    set(&position, "duration", &(duration as f64 / 1000.0).into());
    set(&position, "playbackRate", &state.rate.into());
    set(
        &position,
        "position",
        &(state.position_ms.min(duration) as f64 / 1000.0).into(),
    );
    call(&session, "setPositionState", &Array::of1(&position));
}
