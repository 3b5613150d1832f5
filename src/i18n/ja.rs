//! 日本語.

use super::{Text, Units};

pub(super) const UNITS: Units = Units {
    hour: ("{0}時間", "{0}時間"),
    minute: ("{0}分", "{0}分"),
    second: ("{0}秒", "{0}秒"),
    join: "",
    zero_is_singular: false,
};

pub(super) fn text(text: Text) -> &'static str {
    match text {
        Text::Player => "ポッドキャストプレーヤー",
        Text::PlayerNamed => "ポッドキャストプレーヤー：{0}",
        Text::Play => "再生",
        Text::Pause => "一時停止",
        Text::PreviousChapter => "前のチャプター",
        Text::NextChapter => "次のチャプター",
        Text::Back => "{0}戻る",
        Text::Forward => "{0}進む",
        Text::PlaybackSpeed => "再生速度",
        Text::Mute => "ミュート",
        Text::Unmute => "ミュート解除",
        Text::Volume => "音量",
        Text::ShareMoment => "この場面へのリンクをコピー",
        Text::KeyboardShortcuts => "キーボードショートカット",
        Text::Close => "閉じる",
        Text::Retry => "再試行",
        Text::Seek => "再生位置",
        Text::PositionOf => "{1}中{0}",
        Text::InChapter => "、チャプター：{0}",
        Text::Remaining => "残り時間",
        Text::Chapters => "チャプター",
        Text::ChapterCountOne => "{0}件のチャプター",
        Text::ChapterCountMany => "{0}件のチャプター",
        Text::StartsAt => "、{0}から",
        Text::Lasts => "、長さ{0}",
        Text::CopyLinkTo => "「{0}」へのリンクをコピー",
        Text::LinkFor => "「{0}」のリンク",
        Text::SeekToTime => "{0}へ移動",
        Text::ShowNotes => "ショーノート",
        Text::Transcript => "文字起こし",
        Text::SearchTranscript => "文字起こしを検索",
        Text::MatchOf => "{1}件中{0}件目",
        Text::NoMatches => "一致なし",
        Text::FollowPlayback => "再生に追従",
        Text::BackToNow => "現在位置に戻る",
        Text::TranscriptFile => "文字起こしを開く（{0}）",
        Text::TranscriptUnavailable => "ここでは文字起こしを読み込めませんでした。",
        Text::TimingsMayNotMatch => "文字起こしのタイミングがこの音声と合っていない可能性があります。",
        Text::ShareQuote => "引用を共有",
        Text::Episodes => "エピソード",
        Text::EpisodeCountOne => "{0}件のエピソード",
        Text::EpisodeCountMany => "{0}件のエピソード",
        Text::EpisodeNumber => "エピソード{0}",
        Text::LinkCopied => "リンクをコピーしました：",
        Text::CopyThisLink => "このリンクをコピーしてください：",
        Text::Dismiss => "閉じる",
        Text::PlayOrPause => "再生または一時停止",
        Text::VolumeUp => "音量を上げる",
        Text::VolumeDown => "音量を下げる",
        Text::MuteOrUnmute => "ミュートまたはミュート解除",
        Text::JumpToPercent => "エピソードの0 %～90 %へ移動",
        Text::GoToStart => "最初へ移動",
        Text::GoToEnd => "最後へ移動",
        Text::Slower => "遅く",
        Text::Faster => "速く",
        Text::ShowOrHideShortcuts => "このショートカット一覧の表示・非表示",
        Text::ResumeAt => "{0}から再開",
        Text::StartingAt => "{0}から再生",
        Text::NoSource => "このプレーヤーには音声がありません：src属性がありません。",
        Text::AudioStopped => "音声{0}の読み込みが中止されました。",
        Text::AudioNetwork => "音声{0}のダウンロードが途切れました：ネットワークエラーです。",
        Text::AudioDecode => {
            "音声{0}は破損しているか、このブラウザーで再生できない形式です。"
        }
        Text::AudioUnavailable => {
            "音声{0}を読み込めませんでした：見つからないか、このブラウザーで再生できません。"
        }
        Text::AudioNotFound => "音声{0}が見つかりません（HTTP {1}）。",
        Text::AudioRefused => "サーバーが音声{0}を拒否しました（HTTP {1}）。",
        Text::AudioUnplayable => "音声{0}はこのブラウザーで再生できない形式です。",
        Text::AudioServer => {
            "サーバーが音声{0}を送信できませんでした（HTTP {1}）。しばらくしてから再試行してください。"
        }
        Text::AudioUnreachable => {
            "音声{0}に接続できませんでした：ネットワークまたはサーバーが応答しません。"
        }
        Text::ChaptersFailed => "{0}からチャプターを読み込めませんでした：{1}。",
        Text::FellBackToNotes => "代わりにショーノートのチャプターを表示しています。",
        Text::FeedFailed => "フィード{0}を読み込めませんでした：{1}。",
        Text::ReasonRequest => "リクエストが失敗しました（ネットワークまたはCORS）",
        Text::ReasonHttp => "HTTP {0}",
        Text::ReasonUnreadable => "応答を読み取れませんでした",
        Text::ReasonNotUtf8 => "UTF-8のテキストではありません",
        Text::ReasonNoEpisodes => "フィードに音声付きのエピソードがありません",
        Text::ReasonInvalid => "プレーヤーが読める形式のファイルではありません",
        Text::ReasonUnloaded => "プレーヤーの読み込み用モジュールをダウンロードできませんでした",
        Text::PartUnloaded => "プレーヤーのこの部分をダウンロードできませんでした。",
    }
}
