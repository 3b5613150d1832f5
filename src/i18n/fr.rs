//! Français.

use super::{Text, Units};

pub(super) const UNITS: Units = Units {
    hour: ("{0} heure", "{0} heures"),
    minute: ("{0} minute", "{0} minutes"),
    second: ("{0} seconde", "{0} secondes"),
    join: " ",
    zero_is_singular: true,
};

pub(super) fn text(text: Text) -> &'static str {
    match text {
        Text::Player => "Lecteur de podcast",
        Text::PlayerNamed => "Lecteur de podcast\u{a0}: {0}",
        Text::Play => "Lire",
        Text::Pause => "Pause",
        Text::PreviousChapter => "Chapitre précédent",
        Text::NextChapter => "Chapitre suivant",
        Text::Back => "Reculer de {0}",
        Text::Forward => "Avancer de {0}",
        Text::PlaybackSpeed => "Vitesse de lecture",
        Text::Mute => "Couper le son",
        Text::Unmute => "Rétablir le son",
        Text::Volume => "Volume",
        Text::ShareMoment => "Copier un lien vers ce moment",
        Text::KeyboardShortcuts => "Raccourcis clavier",
        Text::Close => "Fermer",
        Text::Retry => "Réessayer",
        Text::Seek => "Position",
        Text::PositionOf => "{0} sur {1}",
        Text::InChapter => ", chapitre\u{a0}: {0}",
        Text::Remaining => "Restant",
        Text::Chapters => "Chapitres",
        Text::ChapterCountOne => "{0} chapitre",
        Text::ChapterCountMany => "{0} chapitres",
        Text::StartsAt => ", à {0}",
        Text::Lasts => ", durée {0}",
        Text::CopyLinkTo => "Copier un lien vers {0}",
        Text::LinkFor => "Lien pour {0}",
        Text::SeekToTime => "Aller à {0}",
        Text::ShowNotes => "Notes de l’épisode",
        Text::Transcript => "Transcription",
        Text::SearchTranscript => "Rechercher dans la transcription",
        Text::MatchOf => "{0} sur {1}",
        Text::NoMatches => "Aucun résultat",
        Text::FollowPlayback => "Suivre la lecture",
        Text::BackToNow => "Revenir au moment présent",
        Text::TranscriptFile => "Ouvrir la transcription ({0})",
        Text::TranscriptUnavailable => "La transcription n’a pas pu être chargée ici.",
        Text::TimingsMayNotMatch => "Les minutages de la transcription ne correspondent peut-être pas à cet audio.",
        Text::ShareQuote => "Partager la citation",
        Text::Episodes => "Épisodes",
        Text::EpisodeCountOne => "{0} épisode",
        Text::EpisodeCountMany => "{0} épisodes",
        Text::EpisodeNumber => "Épisode {0}",
        Text::LinkCopied => "Lien copié\u{a0}:",
        Text::CopyThisLink => "Copiez ce lien\u{a0}:",
        Text::Dismiss => "Masquer",
        Text::PlayOrPause => "Lire ou mettre en pause",
        Text::VolumeUp => "Augmenter le volume",
        Text::VolumeDown => "Baisser le volume",
        Text::MuteOrUnmute => "Couper ou rétablir le son",
        Text::JumpToPercent => "Aller à 0 % – 90 % de l’épisode",
        Text::GoToStart => "Aller au début",
        Text::GoToEnd => "Aller à la fin",
        Text::Slower => "Plus lent",
        Text::Faster => "Plus rapide",
        Text::ShowOrHideShortcuts => "Afficher ou masquer ces raccourcis",
        Text::ResumeAt => "Reprise à {0}",
        Text::StartingAt => "Début à {0}",
        Text::NoSource => "Ce lecteur n’a pas d’audio\u{a0}: son attribut src manque.",
        Text::AudioStopped => "Le chargement de l’audio {0} a été interrompu.",
        Text::AudioNetwork => "Le téléchargement de l’audio {0} s’est interrompu\u{a0}: erreur réseau.",
        Text::AudioDecode => {
            "L’audio {0} est endommagé ou dans un format que ce navigateur ne sait pas lire."
        }
        Text::AudioUnavailable => {
            "L’audio {0} n’a pas pu être chargé\u{a0}: il est introuvable, ou ce navigateur ne sait pas le lire."
        }
        Text::AudioNotFound => "L’audio {0} est introuvable (HTTP {1}).",
        Text::AudioRefused => "Le serveur a refusé l’audio {0} (HTTP {1}).",
        Text::AudioUnplayable => "L’audio {0} est dans un format que ce navigateur ne sait pas lire.",
        Text::AudioServer => {
            "Le serveur n’a pas pu envoyer l’audio {0} (HTTP {1}). Réessayez plus tard."
        }
        Text::AudioUnreachable => {
            "L’audio {0} est injoignable\u{a0}: le réseau ou le serveur n’a pas répondu."
        }
        Text::ChaptersFailed => "Les chapitres de {0} n’ont pas pu être chargés\u{a0}: {1}.",
        Text::FellBackToNotes => "Les chapitres des notes de l’épisode sont affichés à la place.",
        Text::FeedFailed => "Le flux {0} n’a pas pu être chargé\u{a0}: {1}.",
        Text::ReasonRequest => "la requête a échoué (réseau ou CORS)",
        Text::ReasonHttp => "HTTP {0}",
        Text::ReasonUnreadable => "la réponse n’a pas pu être lue",
        Text::ReasonNotUtf8 => "ce n’est pas du texte UTF-8",
        Text::ReasonNoEpisodes => "le flux n’a aucun épisode avec de l’audio",
        Text::ReasonInvalid => "le fichier n’est pas sous une forme que le lecteur sait lire",
        Text::ReasonUnloaded => "le lecteur du player pour ce fichier n’a pas pu être téléchargé",
        Text::PartUnloaded => "Cette partie du player n’a pas pu être téléchargée.",
    }
}
