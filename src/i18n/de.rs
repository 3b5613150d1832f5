//! Deutsch.

use super::{Text, Units};

pub(super) const UNITS: Units = Units {
    hour: ("{0} Stunde", "{0} Stunden"),
    minute: ("{0} Minute", "{0} Minuten"),
    second: ("{0} Sekunde", "{0} Sekunden"),
    join: " ",
    zero_is_singular: false,
};

pub(super) fn text(text: Text) -> &'static str {
    match text {
        Text::Player => "Podcast-Player",
        Text::PlayerNamed => "Podcast-Player: {0}",
        Text::Play => "Abspielen",
        Text::Pause => "Pause",
        Text::PreviousChapter => "Vorheriges Kapitel",
        Text::NextChapter => "Nächstes Kapitel",
        Text::Back => "{0} zurück",
        Text::Forward => "{0} vor",
        Text::PlaybackSpeed => "Wiedergabegeschwindigkeit",
        Text::Mute => "Stummschalten",
        Text::Unmute => "Ton einschalten",
        Text::Volume => "Lautstärke",
        Text::ShareMoment => "Link zu dieser Stelle kopieren",
        Text::KeyboardShortcuts => "Tastenkürzel",
        Text::Close => "Schließen",
        Text::Retry => "Erneut versuchen",
        Text::Seek => "Position",
        Text::PositionOf => "{0} von {1}",
        Text::InChapter => ", Kapitel: {0}",
        Text::Remaining => "Verbleibend",
        Text::Chapters => "Kapitel",
        Text::ChapterCountOne => "{0} Kapitel",
        Text::ChapterCountMany => "{0} Kapitel",
        Text::StartsAt => ", bei {0}",
        Text::Lasts => ", {0} lang",
        Text::CopyLinkTo => "Link zu {0} kopieren",
        Text::LinkFor => "Link zu {0}",
        Text::SeekToTime => "Springe zu {0}",
        Text::ShowNotes => "Shownotes",
        Text::Transcript => "Transkript",
        Text::SearchTranscript => "Transkript durchsuchen",
        Text::MatchOf => "{0} von {1}",
        Text::NoMatches => "Keine Treffer",
        Text::FollowPlayback => "Wiedergabe folgen",
        Text::BackToNow => "Zurück zur Stelle",
        Text::TranscriptFile => "Transkript öffnen ({0})",
        Text::TranscriptUnavailable => "Das Transkript konnte hier nicht geladen werden.",
        Text::TimingsMayNotMatch => "Die Zeiten des Transkripts passen vielleicht nicht zu diesem Audio.",
        Text::ShareQuote => "Zitat teilen",
        Text::Episodes => "Folgen",
        Text::EpisodeCountOne => "{0} Folge",
        Text::EpisodeCountMany => "{0} Folgen",
        Text::EpisodeNumber => "Folge {0}",
        Text::LinkCopied => "Link kopiert:",
        Text::CopyThisLink => "Diesen Link kopieren:",
        Text::Dismiss => "Ausblenden",
        Text::PlayOrPause => "Abspielen oder pausieren",
        Text::VolumeUp => "Lauter",
        Text::VolumeDown => "Leiser",
        Text::MuteOrUnmute => "Stummschalten oder Ton einschalten",
        Text::JumpToPercent => "Zu 0 % – 90 % der Folge springen",
        Text::GoToStart => "Zum Anfang",
        Text::GoToEnd => "Zum Ende",
        Text::Slower => "Langsamer",
        Text::Faster => "Schneller",
        Text::ShowOrHideShortcuts => "Diese Tastenkürzel ein- oder ausblenden",
        Text::ResumeAt => "Weiter bei {0}",
        Text::StartingAt => "Start bei {0}",
        Text::NoSource => "Dieser Player hat kein Audio: das Attribut src fehlt.",
        Text::AudioStopped => "Das Laden des Audios {0} wurde abgebrochen.",
        Text::AudioNetwork => "Der Download des Audios {0} brach ab: ein Netzwerkfehler.",
        Text::AudioDecode => {
            "Das Audio {0} ist beschädigt oder in einem Format, das dieser Browser nicht abspielen kann."
        }
        Text::AudioUnavailable => {
            "Das Audio {0} konnte nicht geladen werden: es wurde nicht gefunden, oder dieser Browser kann es nicht abspielen."
        }
        Text::AudioNotFound => "Das Audio {0} wurde nicht gefunden (HTTP {1}).",
        Text::AudioRefused => "Der Server verweigert das Audio {0} (HTTP {1}).",
        Text::AudioUnplayable => {
            "Das Audio {0} ist in einem Format, das dieser Browser nicht abspielen kann."
        }
        Text::AudioServer => {
            "Der Server konnte das Audio {0} nicht senden (HTTP {1}). Bitte später erneut versuchen."
        }
        Text::AudioUnreachable => {
            "Das Audio {0} war nicht erreichbar: das Netzwerk oder der Server hat nicht geantwortet."
        }
        Text::ChaptersFailed => "Die Kapitel von {0} konnten nicht geladen werden: {1}.",
        Text::FellBackToNotes => "Stattdessen werden die Kapitel aus den Shownotes gezeigt.",
        Text::FeedFailed => "Der Feed {0} konnte nicht geladen werden: {1}.",
        Text::ReasonRequest => "die Anfrage schlug fehl (Netzwerk oder CORS)",
        Text::ReasonHttp => "HTTP {0}",
        Text::ReasonUnreadable => "die Antwort war nicht lesbar",
        Text::ReasonNotUtf8 => "es ist kein UTF-8-Text",
        Text::ReasonNoEpisodes => "der Feed hat keine Folgen mit Audio",
        Text::ReasonInvalid => "die Datei hat keine Form, die der Player lesen kann",
        Text::ReasonUnloaded => "der Leser des Players dafür konnte nicht geladen werden",
        Text::PartUnloaded => "Dieser Teil des Players konnte nicht geladen werden.",
    }
}
