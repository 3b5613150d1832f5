//! Português.

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
        Text::Player => "Player de podcast",
        Text::PlayerNamed => "Player de podcast: {0}",
        Text::Play => "Reproduzir",
        Text::Pause => "Pausar",
        Text::PreviousChapter => "Capítulo anterior",
        Text::NextChapter => "Próximo capítulo",
        Text::Back => "Voltar {0}",
        Text::Forward => "Avançar {0}",
        Text::PlaybackSpeed => "Velocidade de reprodução",
        Text::Mute => "Silenciar",
        Text::Unmute => "Ativar som",
        Text::Volume => "Volume",
        Text::ShareMoment => "Copiar um link para este momento",
        Text::KeyboardShortcuts => "Atalhos de teclado",
        Text::Close => "Fechar",
        Text::Retry => "Tentar novamente",
        Text::Seek => "Posição",
        Text::PositionOf => "{0} de {1}",
        Text::InChapter => ", capítulo: {0}",
        Text::Remaining => "Restante",
        Text::Chapters => "Capítulos",
        Text::ChapterCountOne => "{0} capítulo",
        Text::ChapterCountMany => "{0} capítulos",
        Text::StartsAt => ", em {0}",
        Text::Lasts => ", duração {0}",
        Text::CopyLinkTo => "Copiar um link para {0}",
        Text::LinkFor => "Link de {0}",
        Text::SeekToTime => "Ir para {0}",
        Text::ShowNotes => "Notas do episódio",
        Text::Transcript => "Transcrição",
        Text::SearchTranscript => "Pesquisar na transcrição",
        Text::MatchOf => "{0} de {1}",
        Text::NoMatches => "Nenhum resultado",
        Text::FollowPlayback => "Acompanhar a reprodução",
        Text::BackToNow => "Voltar ao momento atual",
        Text::TranscriptFile => "Abrir a transcrição ({0})",
        Text::TranscriptUnavailable => "Não foi possível carregar a transcrição aqui.",
        Text::TimingsMayNotMatch => "Os tempos da transcrição podem não corresponder a este áudio.",
        Text::ShareQuote => "Partilhar citação",
        Text::Episodes => "Episódios",
        Text::EpisodeCountOne => "{0} episódio",
        Text::EpisodeCountMany => "{0} episódios",
        Text::EpisodeNumber => "Episódio {0}",
        Text::LinkCopied => "Link copiado:",
        Text::CopyThisLink => "Copie este link:",
        Text::Dismiss => "Dispensar",
        Text::PlayOrPause => "Reproduzir ou pausar",
        Text::VolumeUp => "Aumentar volume",
        Text::VolumeDown => "Diminuir volume",
        Text::MuteOrUnmute => "Silenciar ou ativar som",
        Text::JumpToPercent => "Ir para 0 % – 90 % do episódio",
        Text::GoToStart => "Ir para o início",
        Text::GoToEnd => "Ir para o fim",
        Text::Slower => "Mais devagar",
        Text::Faster => "Mais rápido",
        Text::ShowOrHideShortcuts => "Mostrar ou ocultar estes atalhos",
        Text::ResumeAt => "Continuar em {0}",
        Text::StartingAt => "Começa em {0}",
        Text::NoSource => "Este player não tem áudio: falta o atributo src.",
        Text::AudioStopped => "O carregamento do áudio {0} foi interrompido.",
        Text::AudioNetwork => "O download do áudio {0} foi interrompido: um erro de rede.",
        Text::AudioDecode => {
            "O áudio {0} está danificado ou num formato que este navegador não reproduz."
        }
        Text::AudioUnavailable => {
            "Não foi possível carregar o áudio {0}: não foi encontrado, ou este navegador não o reproduz."
        }
        Text::AudioNotFound => "O áudio {0} não foi encontrado (HTTP {1}).",
        Text::AudioRefused => "O servidor recusou o áudio {0} (HTTP {1}).",
        Text::AudioUnplayable => "O áudio {0} está num formato que este navegador não reproduz.",
        Text::AudioServer => {
            "O servidor não conseguiu enviar o áudio {0} (HTTP {1}). Tente novamente mais tarde."
        }
        Text::AudioUnreachable => {
            "Não foi possível acessar o áudio {0}: a rede ou o servidor não respondeu."
        }
        Text::ChaptersFailed => "Não foi possível carregar os capítulos de {0}: {1}.",
        Text::FellBackToNotes => "Em vez disso, são mostrados os capítulos das notas do episódio.",
        Text::FeedFailed => "Não foi possível carregar o feed {0}: {1}.",
        Text::ReasonRequest => "a requisição falhou (rede ou CORS)",
        Text::ReasonHttp => "HTTP {0}",
        Text::ReasonUnreadable => "não foi possível ler a resposta",
        Text::ReasonNotUtf8 => "não é texto UTF-8",
        Text::ReasonNoEpisodes => "o feed não tem episódios com áudio",
        Text::ReasonInvalid => "o arquivo não tem uma forma que o player saiba ler",
        Text::ReasonUnloaded => "não foi possível baixar o leitor do player para esse arquivo",
        Text::PartUnloaded => "Não foi possível baixar esta parte do player.",
    }
}
