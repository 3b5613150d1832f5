//! The audio adapter: owns the `<audio>` element. Its events become [`Action`]s; audio
//! [`Command`]s become calls on it. Nothing else touches the media element.

use crate::port::Dispatch;
use crate::state::{Action, Command, Failure};
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{Document, HtmlAudioElement, Node};

/// Media events the page can listen to on the player element itself, as on a media element.
pub const REDISPATCHED: [&str; 5] = ["play", "pause", "timeupdate", "ended", "error"];

/// Every event [`action_for`] understands.
const EVENTS: [&str; 14] = [
    "loadstart",
    "loadedmetadata",
    "durationchange",
    "timeupdate",
    "seeked",
    "progress",
    "waiting",
    "canplay",
    "playing",
    "pause",
    "ended",
    "volumechange",
    "ratechange",
    "error",
];

pub struct Audio {
    element: HtmlAudioElement,
    /// The promise of the last `play()`, returned to callers of the element's `play()`.
    last_play: RefCell<Option<js_sys::Promise>>,
    listeners: RefCell<Vec<EventListener>>,
}

impl Audio {
    /// Creates the element inside `parent`; `on_media_event` hears the events in
    /// [`REDISPATCHED`], for the page.
    pub fn new(
        document: &Document,
        parent: &Node,
        dispatch: Dispatch,
        on_media_event: impl Fn(&str) + 'static,
    ) -> Result<Rc<Audio>, JsValue> {
        let element: HtmlAudioElement =
            wasm_bindgen::JsCast::unchecked_into(document.create_element("audio")?);
        element.set_preload("metadata");
        parent.append_child(&element)?;
        let on_media_event = Rc::new(on_media_event);
        let listeners = EVENTS
            .iter()
            .chain(&["play"])
            .map(|&name| {
                let (audio, dispatch, on_media_event) =
                    (element.clone(), dispatch.clone(), on_media_event.clone());
                EventListener::new(&element, name, move |_| {
                    if let Some(action) = action_for(&audio, name) {
                        dispatch.send(action);
                    }
                    if REDISPATCHED.contains(&name) {
                        on_media_event(name);
                    }
                })
            })
            .collect();
        Ok(Rc::new(Audio {
            element,
            last_play: RefCell::new(None),
            listeners: RefCell::new(listeners),
        }))
    }

    pub fn paused(&self) -> bool {
        self.element.paused()
    }

    pub fn last_play(&self) -> Option<js_sys::Promise> {
        self.last_play.borrow().clone()
    }

    /// Carries out an audio command.
    pub fn apply(&self, command: Command, dispatch: &Dispatch) {
        let audio = &self.element;
        match command {
            Command::SetSource(src) if src.is_empty() => {
                let _ = audio.remove_attribute("src");
                audio.load();
            }
            Command::SetSource(src) => audio.set_src(&src),
            Command::Play => self.play(dispatch),
            Command::Pause => {
                let _ = audio.pause();
            }
            Command::Seek(ms) => audio.set_current_time(ms as f64 / 1000.0),
            Command::SetVolume(v) => audio.set_volume(v),
            Command::SetMuted(m) => audio.set_muted(m),
            Command::SetRate(r) => {
                // Loading a new source resets the speed to the default one: make it the listener's.
                audio.set_default_playback_rate(r);
                audio.set_playback_rate(r);
            }
            Command::Reload(ms) => {
                audio.load();
                audio.set_current_time(ms as f64 / 1000.0);
            }
            _ => {}
        }
    }

    fn play(&self, dispatch: &Dispatch) {
        let Ok(promise) = self.element.play() else {
            dispatch.send(Action::Paused);
            return;
        };
        *self.last_play.borrow_mut() = Some(promise.clone());
        // A refused play (autoplay policy, no source) leaves the player paused, not "playing".
        let (audio, dispatch) = (self.element.clone(), dispatch.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() && audio.paused() {
                dispatch.send(Action::Paused);
            }
        });
    }

    /// Stops listening, stops the download and removes the element.
    pub fn release(&self) {
        self.listeners.borrow_mut().clear();
        let audio = &self.element;
        let _ = audio.pause();
        let _ = audio.remove_attribute("src");
        audio.load();
        audio.remove();
    }
}

fn ms(seconds: f64) -> Option<u64> {
    chapters::timestamp::seconds_to_ms(seconds)
}

/// The action an audio event reports, read from the element's state at that moment.
fn action_for(audio: &HtmlAudioElement, event: &str) -> Option<Action> {
    Some(match event {
        "loadstart" => Action::LoadStarted,
        "loadedmetadata" | "durationchange" => Action::DurationKnown(ms(audio.duration())?),
        "timeupdate" | "seeked" => Action::TimeUpdate(ms(audio.current_time())?),
        "progress" => {
            let ranges = audio.buffered();
            let last = ranges.length().checked_sub(1)?;
            Action::Buffered(ms(ranges.end(last).ok()?)?)
        }
        "waiting" => Action::Waiting,
        "canplay" => Action::CanPlay,
        "playing" => Action::Playing,
        "pause" => Action::Paused,
        "ended" => Action::Ended,
        "volumechange" => Action::VolumeChanged {
            volume: audio.volume(),
            muted: audio.muted(),
        },
        "ratechange" => Action::RateChanged(audio.playback_rate()),
        "error" => Action::Failed(match audio.error().map(|e| e.code()) {
            Some(1) => Failure::Aborted,
            Some(2) => Failure::Network,
            Some(3) => Failure::Decode,
            _ => Failure::Unavailable,
        }),
        _ => return None,
    })
}
