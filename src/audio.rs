//! The bridge to the `<audio>` element: its events become [`Action`]s, [`Command`]s become calls
//! on it. Nothing else touches the media element.

use crate::state::{Action, Command};
use gloo::events::EventListener;
use web_sys::HtmlAudioElement;

/// Media events the page can listen to on the player element itself, as on a media element.
pub const REDISPATCHED: [&str; 5] = ["play", "pause", "timeupdate", "ended", "error"];

/// Carries out a command that concerns the media element; others are the glue's.
pub fn apply(audio: &HtmlAudioElement, command: &Command) {
    match command {
        Command::Pause => {
            let _ = audio.pause();
        }
        Command::Seek(ms) => audio.set_current_time(*ms as f64 / 1000.0),
        Command::SetVolume(v) => audio.set_volume(*v),
        Command::SetMuted(m) => audio.set_muted(*m),
        Command::SetRate(r) => audio.set_playback_rate(*r),
        Command::Reload(ms) => {
            audio.load();
            audio.set_current_time(*ms as f64 / 1000.0);
        }
        // The store handles these: `play()`'s promise, page events, the clipboard, storage.
        Command::Play
        | Command::ChapterChanged(_)
        | Command::CopyLink(_)
        | Command::SaveProgress(_)
        | Command::ClearProgress
        | Command::LoadEpisode { .. } => {}
    }
}

fn ms(seconds: f64) -> Option<u64> {
    chapters::timestamp::seconds_to_ms(seconds)
}

/// The action an audio event reports, read from the element's state at that moment.
pub fn action_for(audio: &HtmlAudioElement, event: &str) -> Option<Action> {
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
        "error" => Action::Failed(error_message(audio)),
        _ => return None,
    })
}

/// Every event [`action_for`] understands.
pub const EVENTS: [&str; 14] = [
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

/// Listens to the element for as long as the returned listeners live.
pub fn listen(
    audio: &HtmlAudioElement,
    on_event: impl Fn(&str, Option<Action>) + 'static,
) -> Vec<EventListener> {
    let on_event = std::rc::Rc::new(on_event);
    let mut events: Vec<&'static str> = EVENTS.to_vec();
    events.push("play");
    events
        .into_iter()
        .map(|name| {
            let a = audio.clone();
            let f = on_event.clone();
            EventListener::new(audio, name, move |_| f(name, action_for(&a, name)))
        })
        .collect()
}

/// What a listener should read when the audio fails, from the element's `MediaError`.
fn error_message(audio: &HtmlAudioElement) -> String {
    let Some(err) = audio.error() else {
        return "The audio could not be loaded.".into();
    };
    let reason = match err.code() {
        1 => "loading was stopped",
        2 => "a network error interrupted the download",
        3 => "the file is damaged or in a format this browser cannot play",
        _ => "the file was not found or its format is not supported",
    };
    format!("The audio could not be played: {reason}.")
}
