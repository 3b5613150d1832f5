//! Español.

use super::{Text, Units};

pub(super) const UNITS: Units = Units {
    hour: ("{0} hora", "{0} horas"),
    minute: ("{0} minuto", "{0} minutos"),
    second: ("{0} segundo", "{0} segundos"),
    join: " ",
    zero_is_singular: false,
};

pub(super) fn text(text: Text) -> &'static str {
    match text {
        Text::Player => "Reproductor de pódcast",
        Text::PlayerNamed => "Reproductor de pódcast: {0}",
        Text::Play => "Reproducir",
        Text::Pause => "Pausa",
        Text::PreviousChapter => "Capítulo anterior",
        Text::NextChapter => "Capítulo siguiente",
        Text::Back => "Retroceder {0}",
        Text::Forward => "Avanzar {0}",
        Text::PlaybackSpeed => "Velocidad de reproducción",
        Text::Mute => "Silenciar",
        Text::Unmute => "Activar sonido",
        Text::Volume => "Volumen",
        Text::ShareMoment => "Copiar un enlace a este momento",
        Text::KeyboardShortcuts => "Atajos de teclado",
        Text::Close => "Cerrar",
        Text::Retry => "Reintentar",
        Text::Seek => "Posición",
        Text::PositionOf => "{0} de {1}",
        Text::InChapter => ", capítulo: {0}",
        Text::Remaining => "Restante",
        Text::Chapters => "Capítulos",
        Text::ChapterCountOne => "{0} capítulo",
        Text::ChapterCountMany => "{0} capítulos",
        Text::StartsAt => ", en {0}",
        Text::Lasts => ", dura {0}",
        Text::CopyLinkTo => "Copiar un enlace a {0}",
        Text::LinkFor => "Enlace de {0}",
        Text::SeekToTime => "Ir a {0}",
        Text::ShowNotes => "Notas del episodio",
        Text::Transcript => "Transcripción",
        Text::SearchTranscript => "Buscar en la transcripción",
        Text::MatchOf => "{0} de {1}",
        Text::NoMatches => "Sin resultados",
        Text::FollowPlayback => "Seguir la reproducción",
        Text::BackToNow => "Volver al momento actual",
        Text::TranscriptFile => "Abrir la transcripción ({0})",
        Text::TranscriptUnavailable => "No se pudo cargar la transcripción aquí.",
        Text::TimingsMayNotMatch => "Es posible que los tiempos de la transcripción no coincidan con este audio.",
        Text::ShareQuote => "Compartir cita",
        Text::Episodes => "Episodios",
        Text::EpisodeCountOne => "{0} episodio",
        Text::EpisodeCountMany => "{0} episodios",
        Text::EpisodeNumber => "Episodio {0}",
        Text::LinkCopied => "Enlace copiado:",
        Text::CopyThisLink => "Copia este enlace:",
        Text::Dismiss => "Descartar",
        Text::PlayOrPause => "Reproducir o pausar",
        Text::VolumeUp => "Subir volumen",
        Text::VolumeDown => "Bajar volumen",
        Text::MuteOrUnmute => "Silenciar o activar sonido",
        Text::JumpToPercent => "Ir al 0 % – 90 % del episodio",
        Text::GoToStart => "Ir al principio",
        Text::GoToEnd => "Ir al final",
        Text::Slower => "Más lento",
        Text::Faster => "Más rápido",
        Text::ShowOrHideShortcuts => "Mostrar u ocultar estos atajos",
        Text::ResumeAt => "Continuar en {0}",
        Text::StartingAt => "Empieza en {0}",
        Text::NoSource => "Este reproductor no tiene audio: falta su atributo src.",
        Text::AudioStopped => "Se detuvo la carga del audio {0}.",
        Text::AudioNetwork => "La descarga del audio {0} se interrumpió: un error de red.",
        Text::AudioDecode => {
            "El audio {0} está dañado o en un formato que este navegador no puede reproducir."
        }
        Text::AudioUnavailable => {
            "No se pudo cargar el audio {0}: no se encontró, o este navegador no puede reproducirlo."
        }
        Text::AudioNotFound => "No se encontró el audio {0} (HTTP {1}).",
        Text::AudioRefused => "El servidor rechazó el audio {0} (HTTP {1}).",
        Text::AudioUnplayable => {
            "El audio {0} está en un formato que este navegador no puede reproducir."
        }
        Text::AudioServer => {
            "El servidor no pudo enviar el audio {0} (HTTP {1}). Inténtalo más tarde."
        }
        Text::AudioUnreachable => {
            "No se pudo acceder al audio {0}: la red o el servidor no respondió."
        }
        Text::ChaptersFailed => "No se pudieron cargar los capítulos de {0}: {1}.",
        Text::FellBackToNotes => "Se muestran en su lugar los capítulos de las notas del episodio.",
        Text::FeedFailed => "No se pudo cargar el feed {0}: {1}.",
        Text::ReasonRequest => "la solicitud falló (red o CORS)",
        Text::ReasonHttp => "HTTP {0}",
        Text::ReasonUnreadable => "no se pudo leer la respuesta",
        Text::ReasonNotUtf8 => "no es texto UTF-8",
        Text::ReasonNoEpisodes => "el feed no tiene episodios con audio",
        Text::ReasonInvalid => "el archivo no tiene una forma que el reproductor sepa leer",
        Text::ReasonUnloaded => "no se pudo descargar el lector del reproductor para ese archivo",
        Text::PartUnloaded => "No se pudo descargar esta parte del reproductor.",
    }
}
