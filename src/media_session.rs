//! The Media Session adapter: lock screen, headset and keyboard media keys. Only the player that
//! is playing owns it; chapters are tracks (`previoustrack` / `nexttrack`) and the current chapter
//! is named in the metadata, with `chapterInfo` where the browser supports it.
//!
//! The owner is told of every state change ([`sync`]) and sends the browser only what changed.
//! What it sends is computed by [`metadata_for`] and [`position_for`], plain functions of the
//! state. Called through `Reflect` rather than web-sys bindings, which mark the API unstable.

use crate::js::set;
use crate::port::Dispatch;
use crate::state::{Action, PlayerState, SKIP_BACK_MS, SKIP_FORWARD_MS};
use js_sys::{Array, Function, Object, Reflect};
use std::cell::RefCell;
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

/// What the lock screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    /// The current chapter, else the episode.
    pub title: String,
    /// The show.
    pub artist: String,
    /// The episode.
    pub album: String,
    /// The current chapter's image, else the episode's artwork.
    pub artwork: Option<String>,
    /// `(title, start in seconds, image)` of every listed chapter.
    pub chapters: Vec<(String, f64, Option<String>)>,
}

/// The lock screen's progress bar, in seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Position {
    pub duration: f64,
    pub position: f64,
    pub rate: f64,
}

pub fn metadata_for(state: &PlayerState) -> Metadata {
    let episode = &state.episode;
    Metadata {
        title: state
            .current_title()
            .unwrap_or(episode.title.as_str())
            .to_string(),
        artist: episode.show.clone(),
        album: episode.title.clone(),
        artwork: state
            .chapters
            .showing_at(state.position_ms)
            .and_then(|c| c.image.clone())
            .or_else(|| episode.artwork.clone()),
        chapters: state
            .chapters
            .iter()
            .filter(|c| !c.hidden)
            .map(|c| (c.title.clone(), c.start_ms as f64 / 1000.0, c.image.clone()))
            .collect(),
    }
}

/// `None` until the duration is known: the API rejects a position without one.
pub fn position_for(state: &PlayerState) -> Option<Position> {
    let duration = state.duration_ms.filter(|d| *d > 0)?;
    Some(Position {
        duration: duration as f64 / 1000.0,
        position: state.position_ms.min(duration) as f64 / 1000.0,
        rate: state.rate,
    })
}

/// The browser action a Media Session handler reports, with its details' offsets and times.
fn action_for(name: &str, seek_offset: Option<f64>, seek_time: Option<f64>) -> Option<Action> {
    let offset_ms = |default: u64| {
        seek_offset
            .and_then(chapters::timestamp::seconds_to_ms)
            .unwrap_or(default) as i64
    };
    Some(match name {
        "play" => Action::Play,
        "pause" => Action::Pause,
        "seekbackward" => Action::SeekBy(-offset_ms(SKIP_BACK_MS)),
        "seekforward" => Action::SeekBy(offset_ms(SKIP_FORWARD_MS)),
        "seekto" => Action::SeekTo(seek_time.and_then(chapters::timestamp::seconds_to_ms)?),
        "previoustrack" => Action::PreviousChapter,
        "nexttrack" => Action::NextChapter,
        _ => return None,
    })
}

/// What the metadata is computed from, compared by identity: rebuilding it (every chapter's
/// title) on each playback tick would cost in proportion to the chapter list.
#[derive(PartialEq)]
struct MetadataInputs {
    episode: *const crate::episode::Episode,
    chapters: *const chapters::Chapters,
    current: Option<usize>,
    /// The chapter image on screen, which hidden chapters and end times change within a chapter.
    image: Option<String>,
}

impl MetadataInputs {
    fn of(state: &PlayerState) -> Self {
        MetadataInputs {
            episode: std::rc::Rc::as_ptr(&state.episode),
            chapters: std::rc::Rc::as_ptr(&state.chapters),
            current: state.current,
            image: state
                .chapters
                .showing_at(state.position_ms)
                .and_then(|c| c.image.clone()),
        }
    }
}

struct Owner {
    dispatch: Dispatch,
    /// Kept alive for as long as the browser may call them.
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
    metadata_from: Option<MetadataInputs>,
    position: Option<Position>,
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

fn owns(dispatch: &Dispatch) -> bool {
    OWNER.with(|o| {
        o.borrow()
            .as_ref()
            .is_some_and(|o| o.dispatch.same_player(dispatch))
    })
}

/// Makes the player behind `dispatch` the session's owner; [`sync`] then fills it in.
pub fn claim(dispatch: &Dispatch) {
    let Some(session) = session() else { return };
    if owns(dispatch) {
        return;
    }
    let handlers = ACTIONS
        .iter()
        .map(|name| {
            let dispatch = dispatch.clone();
            let handler = Closure::<dyn FnMut(JsValue)>::new(move |details: JsValue| {
                let number = |key: &str| {
                    Reflect::get(&details, &key.into())
                        .ok()
                        .and_then(|v| v.as_f64())
                };
                if let Some(action) = action_for(name, number("seekOffset"), number("seekTime")) {
                    dispatch.send(action);
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
            dispatch: dispatch.clone(),
            _handlers: handlers,
            metadata_from: None,
            position: None,
        })
    });
}

/// Gives the session up when the owning player goes away.
pub fn release(dispatch: &Dispatch) {
    if !owns(dispatch) {
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

/// After every change of the player behind `dispatch`: if it owns the session, sends what changed.
pub fn sync(dispatch: &Dispatch, state: &PlayerState) {
    let Some(session) = session().filter(|_| owns(dispatch)) else {
        return;
    };
    let inputs = MetadataInputs::of(state);
    let position = position_for(state);
    let (metadata_changed, position_changed) = OWNER.with(|o| {
        let mut o = o.borrow_mut();
        let Some(owner) = o.as_mut() else {
            return (false, false);
        };
        let m = owner.metadata_from.as_ref() != Some(&inputs);
        let p = owner.position != position;
        owner.metadata_from = Some(inputs);
        owner.position = position;
        (m, p)
    });
    if metadata_changed {
        send_metadata(&session, &metadata_for(state));
    }
    if let Some(p) = position.filter(|_| position_changed) {
        let init = Object::new();
        set(&init, "duration", &p.duration.into());
        set(&init, "playbackRate", &p.rate.into());
        set(&init, "position", &p.position.into());
        call(&session, "setPositionState", &Array::of1(&init));
    }
}

/// A `MediaImage` list: the one image, or none.
fn artwork(src: Option<&str>) -> Array {
    let list = Array::new();
    if let Some(src) = src {
        let image = Object::new();
        set(&image, "src", &src.into());
        list.push(&image);
    }
    list
}

fn send_metadata(session: &JsValue, m: &Metadata) {
    let init = Object::new();
    set(&init, "title", &m.title.as_str().into());
    set(&init, "artist", &m.artist.as_str().into());
    set(&init, "album", &m.album.as_str().into());
    set(&init, "artwork", &artwork(m.artwork.as_deref()));
    let chapter_info: Array = m
        .chapters
        .iter()
        .map(|(title, start, image)| {
            let info = Object::new();
            set(&info, "title", &title.as_str().into());
            set(&info, "startTime", &(*start).into());
            set(&info, "artwork", &artwork(image.as_deref()));
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
        let _ = Reflect::set(session, &"metadata".into(), &metadata);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::episode::Episode;
    use chapters::{Chapter, ChapterSource, Chapters};
    use std::rc::Rc;

    fn state() -> PlayerState {
        let mut hidden = Chapter::new(30_000, "Ad");
        hidden.hidden = true;
        hidden.image = Some("https://a/ad.png".into());
        hidden.end_ms = Some(45_000);
        let chapters = Chapters::new(vec![
            Chapter::new(0, "Intro"),
            hidden,
            Chapter::new(60_000, "Main"),
        ]);
        let mut s = PlayerState::default();
        s.update(Action::Load(Rc::new(Episode {
            src: "https://a/e.mp3".into(),
            title: "Episode 7".into(),
            show: "The Show".into(),
            artwork: Some("https://a/art.jpg".into()),
            chapters: ChapterSource::Inline(chapters),
            ..Episode::default()
        })));
        s
    }

    #[test]
    fn metadata_names_the_chapter_show_and_episode() {
        let mut s = state();
        s.update(Action::TimeUpdate(61_000));
        let m = metadata_for(&s);
        assert_eq!(
            (m.title.as_str(), m.artist.as_str(), m.album.as_str()),
            ("Main", "The Show", "Episode 7")
        );
        assert_eq!(m.artwork.as_deref(), Some("https://a/art.jpg"));
        assert_eq!(
            m.chapters,
            [
                ("Intro".to_string(), 0.0, None),
                ("Main".to_string(), 60.0, None)
            ]
        );
        // A hidden chapter's image is the lock screen's while it plays, until its end.
        s.update(Action::TimeUpdate(31_000));
        let m = metadata_for(&s);
        assert_eq!(
            (m.title.as_str(), m.artwork.as_deref()),
            ("Intro", Some("https://a/ad.png"))
        );
        s.update(Action::TimeUpdate(46_000));
        assert_eq!(
            metadata_for(&s).artwork.as_deref(),
            Some("https://a/art.jpg")
        );
        // No chapter yet: the episode's title.
        let mut bare = PlayerState::default();
        bare.update(Action::Load(Rc::new(Episode {
            title: "Only".into(),
            src: "x".into(),
            notes: Rc::from("no times"),
            ..Episode::default()
        })));
        assert_eq!(metadata_for(&bare).title, "Only");
    }

    #[test]
    fn position_follows_seeks_and_speed_within_the_duration() {
        let mut s = state();
        assert_eq!(position_for(&s), None);
        s.update(Action::DurationKnown(120_000));
        s.update(Action::SeekTo(90_500));
        s.update(Action::SetRate(1.5));
        assert_eq!(
            position_for(&s),
            Some(Position {
                duration: 120.0,
                position: 90.5,
                rate: 1.5
            })
        );
        s.position_ms = 500_000;
        assert_eq!(position_for(&s).map(|p| p.position), Some(120.0));
    }

    #[test]
    fn handlers_map_to_player_actions() {
        assert_eq!(
            action_for("seekbackward", None, None),
            Some(Action::SeekBy(-15_000))
        );
        assert_eq!(
            action_for("seekforward", Some(10.0), None),
            Some(Action::SeekBy(10_000))
        );
        assert_eq!(
            action_for("seekto", None, Some(42.25)),
            Some(Action::SeekTo(42_250))
        );
        assert_eq!(action_for("seekto", None, None), None);
        assert_eq!(action_for("seekto", None, Some(f64::INFINITY)), None);
        assert_eq!(
            action_for("previoustrack", None, None),
            Some(Action::PreviousChapter)
        );
        assert_eq!(
            action_for("nexttrack", None, None),
            Some(Action::NextChapter)
        );
        assert_eq!(action_for("skipad", None, None), None);
    }
}
