//! English, the fallback.

use super::{Text, Units};

pub(super) const UNITS: Units = Units {
    hour: ("{0} hour", "{0} hours"),
    minute: ("{0} minute", "{0} minutes"),
    second: ("{0} second", "{0} seconds"),
    join: " ",
    zero_is_singular: false,
};

pub(super) fn text(text: Text) -> &'static str {
    match text {
        Text::Player => "Podcast player",
        Text::PlayerNamed => "Podcast player: {0}",
        Text::Play => "Play",
        Text::Pause => "Pause",
        Text::PreviousChapter => "Previous chapter",
        Text::NextChapter => "Next chapter",
        Text::Back => "Back {0}",
        Text::Forward => "Forward {0}",
        Text::PlaybackSpeed => "Playback speed",
        Text::Mute => "Mute",
        Text::Unmute => "Unmute",
        Text::Volume => "Volume",
        Text::ShareMoment => "Copy a link to this moment",
        Text::KeyboardShortcuts => "Keyboard shortcuts",
        Text::Close => "Close",
        Text::Retry => "Retry",
        Text::Seek => "Seek",
        Text::PositionOf => "{0} of {1}",
        Text::InChapter => ", chapter: {0}",
        Text::Remaining => "Remaining",
        Text::Chapters => "Chapters",
        Text::ChapterCountOne => "{0} chapter",
        Text::ChapterCountMany => "{0} chapters",
        Text::StartsAt => ", at {0}",
        Text::Lasts => ", {0} long",
        Text::CopyLinkTo => "Copy a link to {0}",
        Text::LinkFor => "Link for {0}",
        Text::SeekToTime => "Seek to {0}",
        Text::ShowNotes => "Show notes",
        Text::Episodes => "Episodes",
        Text::EpisodeCountOne => "{0} episode",
        Text::EpisodeCountMany => "{0} episodes",
        Text::EpisodeNumber => "Episode {0}",
        Text::LinkCopied => "Link copied:",
        Text::CopyThisLink => "Copy this link:",
        Text::Dismiss => "Dismiss",
        Text::PlayOrPause => "Play or pause",
        Text::VolumeUp => "Volume up",
        Text::VolumeDown => "Volume down",
        Text::MuteOrUnmute => "Mute or unmute",
        Text::JumpToPercent => "Jump to 0 % – 90 % of the episode",
        Text::GoToStart => "Go to the start",
        Text::GoToEnd => "Go to the end",
        Text::Slower => "Slower",
        Text::Faster => "Faster",
        Text::ShowOrHideShortcuts => "Show or hide these shortcuts",
        Text::ResumeAt => "Resume at {0}",
        Text::StartingAt => "Starting at {0}",
        Text::NoSource => "This player has no audio: its src attribute is missing.",
        Text::AudioStopped => "Loading the audio {0} was stopped.",
        Text::AudioNetwork => "The download of the audio {0} broke off: a network error.",
        Text::AudioDecode => "The audio {0} is damaged or in a format this browser cannot play.",
        Text::AudioUnavailable => {
            "The audio {0} could not be loaded: it was not found, or this browser cannot play it."
        }
        Text::AudioNotFound => "The audio {0} was not found (HTTP {1}).",
        Text::AudioRefused => "The server refused the audio {0} (HTTP {1}).",
        Text::AudioUnplayable => "The audio {0} is in a format this browser cannot play.",
        Text::AudioServer => "The server could not send the audio {0} (HTTP {1}). Try again later.",
        Text::AudioUnreachable => {
            "The audio {0} could not be reached: the network or the server did not answer."
        }
        Text::ChaptersFailed => "Chapters could not be loaded from {0}: {1}.",
        Text::FellBackToNotes => "Showing the chapters from the show notes instead.",
        Text::FeedFailed => "The feed {0} could not be loaded: {1}.",
        Text::ReasonRequest => "the request failed (network or CORS)",
        Text::ReasonHttp => "HTTP {0}",
        Text::ReasonUnreadable => "the response could not be read",
        Text::ReasonNotUtf8 => "it is not UTF-8 text",
        Text::ReasonNoEpisodes => "the feed has no episodes with audio",
        Text::ReasonInvalid => "the file is not in a form the player reads",
    }
}
