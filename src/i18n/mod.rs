//! The listener's language: every word the player shows or has a screen reader say, one table
//! per language.
//!
//! A table is a `match` over [`Text`] with no catch-all, so a language missing a string does
//! not compile; the tests check that every translation keeps its template's placeholders.
//! Adding a language is a new file here, a [`Lang`] variant, its tags in [`Lang::from_tag`],
//! and its [`Units`].
//!
//! Messages for developers (errors thrown by `mount()`, console warnings) stay in English, as the
//! platform's own are.
//!
//! English is in the main module; each other language is a part of the wasm of its own (see
//! `crate::split`), loaded with [`load`] before a player speaks it. Until then, and if it cannot
//! be downloaded, the player speaks English.

mod de;
mod en;
mod es;
mod fr;
mod ja;
mod pt;
mod say;

/// A language the player speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    De,
    Fr,
    Es,
    Pt,
    Ja,
}

/// A language's words: its strings and its units.
#[derive(Clone, Copy)]
struct Table {
    text: fn(Text) -> &'static str,
    units: &'static Units,
}

const ENGLISH: Table = Table {
    text: en::text,
    units: &en::UNITS,
};

/// Every language, in one module (tests, `cargo check`).
#[cfg(not(split))]
fn table(lang: Lang) -> Table {
    let (text, units): (fn(Text) -> &'static str, _) = match lang {
        Lang::En => return ENGLISH,
        Lang::De => (de::text, &de::UNITS),
        Lang::Fr => (fr::text, &fr::UNITS),
        Lang::Es => (es::text, &es::UNITS),
        Lang::Pt => (pt::text, &pt::UNITS),
        Lang::Ja => (ja::text, &ja::UNITS),
    };
    Table { text, units }
}

/// Whether `lang`'s words are here (English always is).
#[cfg(not(split))]
pub fn ready(_: Lang) -> bool {
    true
}

/// Brings `lang`'s words, if they are not here yet.
#[cfg(not(split))]
pub async fn load(_: Lang) -> Result<(), crate::message::Reason> {
    Ok(())
}

/// The split build's languages: English, and those loaded so far.
#[cfg(split)]
mod parts {
    use super::{de, es, fr, ja, pt, Lang, Table, ENGLISH};
    use crate::message::Reason;
    use crate::split::split_fn;
    use std::cell::Cell;

    thread_local! {
        static LOADED: [Cell<Option<Table>>; 6] = Default::default();
    }

    /// Each language's words as a split function of its own part.
    macro_rules! language_part {
        ($($part:ident: $load:ident => $module:ident,)*) => {
            $(
                split_fn!($part, fn $load() -> Table {
                    Ok(Table {
                        text: $module::text,
                        units: &$module::UNITS,
                    })
                });
            )*
        };
    }

    language_part! {
        lang_de: load_de => de,
        lang_fr: load_fr => fr,
        lang_es: load_es => es,
        lang_pt: load_pt => pt,
        lang_ja: load_ja => ja,
    }

    pub fn table(lang: Lang) -> Table {
        if lang == Lang::En {
            return ENGLISH;
        }
        LOADED.with(|l| l[lang as usize].get()).unwrap_or(ENGLISH)
    }

    pub fn ready(lang: Lang) -> bool {
        lang == Lang::En || LOADED.with(|l| l[lang as usize].get().is_some())
    }

    pub async fn load(lang: Lang) -> Result<(), Reason> {
        if ready(lang) {
            return Ok(());
        }
        let table = match lang {
            Lang::En => return Ok(()),
            Lang::De => load_de().await?,
            Lang::Fr => load_fr().await?,
            Lang::Es => load_es().await?,
            Lang::Pt => load_pt().await?,
            Lang::Ja => load_ja().await?,
        };
        LOADED.with(|l| l[lang as usize].set(Some(table)));
        Ok(())
    }
}

#[cfg(split)]
use parts::table;
#[cfg(split)]
pub use parts::{load, ready};

/// Words for spoken durations: singular and plural templates for hours, minutes and seconds,
/// and what joins them ("1 hour 2 minutes", but "1時間2分").
pub struct Units {
    pub hour: (&'static str, &'static str),
    pub minute: (&'static str, &'static str),
    pub second: (&'static str, &'static str),
    pub join: &'static str,
    /// Whether 0 takes the singular, as in French ("0 seconde").
    pub zero_is_singular: bool,
}

impl Units {
    /// Whether `n` of something takes the singular in this language.
    fn singular(&self, n: u64) -> bool {
        n == 1 || (n == 0 && self.zero_is_singular)
    }
}

/// Declares [`Text`] and, for the tests, the list of all its variants.
macro_rules! texts {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Every string the player shows or speaks. `{0}` and `{1}` are filled in by
        /// [`Lang::fill`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text {
            $($(#[$doc])* $name,)*
        }

        impl Text {
            #[cfg(test)]
            pub const ALL: &[Text] = &[$(Text::$name,)*];
        }
    };
}

texts! {
    Player,
    /// `{0}`: the episode's title.
    PlayerNamed,
    Play,
    Pause,
    PreviousChapter,
    NextChapter,
    /// `{0}`: a spoken duration ("15 seconds").
    Back,
    Forward,
    PlaybackSpeed,
    Mute,
    Unmute,
    Volume,
    ShareMoment,
    KeyboardShortcuts,
    Close,
    Retry,
    Seek,
    /// `{0}` of `{1}`: the position and the duration, spoken.
    PositionOf,
    /// Follows [`Text::PositionOf`]; `{0}`: the chapter's title.
    InChapter,
    Remaining,
    Chapters,
    /// `{0}`: how many; singular and plural.
    ChapterCountOne,
    ChapterCountMany,
    /// Follows a chapter's title for screen readers; `{0}`: its start, spoken.
    StartsAt,
    /// `{0}`: its length, spoken.
    Lasts,
    /// `{0}`: a chapter's title.
    CopyLinkTo,
    LinkFor,
    /// `{0}`: a time in the notes, spoken.
    SeekToTime,
    ShowNotes,
    Transcript,
    SearchTranscript,
    MatchOf,
    NoMatches,
    FollowPlayback,
    BackToNow,
    TranscriptFile,
    TranscriptUnavailable,
    TimingsMayNotMatch,
    ShareQuote,
    Episodes,
    EpisodeCountOne,
    EpisodeCountMany,
    /// `{0}`: its number in the playlist.
    EpisodeNumber,
    LinkCopied,
    CopyThisLink,
    Dismiss,
    /// The shortcuts overlay.
    PlayOrPause,
    VolumeUp,
    VolumeDown,
    MuteOrUnmute,
    JumpToPercent,
    GoToStart,
    GoToEnd,
    Slower,
    Faster,
    ShowOrHideShortcuts,
    /// Notices; `{0}`: a clock time.
    ResumeAt,
    StartingAt,
    /// Why the audio cannot play; `{0}`: its URL, `{1}`: an HTTP status.
    NoSource,
    AudioStopped,
    AudioNetwork,
    AudioDecode,
    AudioUnavailable,
    AudioNotFound,
    AudioRefused,
    AudioUnplayable,
    AudioServer,
    AudioUnreachable,
    /// Why a file could not be loaded; `{0}`: its URL, `{1}`: a reason below.
    ChaptersFailed,
    FellBackToNotes,
    FeedFailed,
    ReasonRequest,
    /// `{0}`: the HTTP status.
    ReasonHttp,
    ReasonUnreadable,
    ReasonNotUtf8,
    ReasonUnloaded,
    PartUnloaded,
    ReasonNoEpisodes,
    /// `{0}`: what the format's reader said, in English (`invalid feed: line 1: …`): it names
    /// the line or field at fault, which the listener can pass on.
    ReasonInvalid,
}

impl Lang {
    /// The language for a BCP 47 tag (`de`, `de-AT`, `pt-BR`, `ja-JP`); `None` for one the player
    /// does not speak, so the caller can look further or fall back to English.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Some(match primary.as_str() {
            "en" => Lang::En,
            "de" => Lang::De,
            "fr" => Lang::Fr,
            "es" => Lang::Es,
            "pt" => Lang::Pt,
            "ja" => Lang::Ja,
            _ => return None,
        })
    }

    /// The tag the player's own markup carries, so assistive technology pronounces it right
    /// even when the page's language is one the player does not speak.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Pt => "pt",
            Lang::Ja => "ja",
        }
    }

    /// `text` in this language, or in English while this language's words are not here.
    pub fn text(self, text: Text) -> &'static str {
        (table(self).text)(text)
    }

    fn units(self) -> &'static Units {
        table(self).units
    }

    /// `text` with `{0}`, `{1}` replaced by `args`.
    pub fn fill(self, text: Text, args: &[&str]) -> String {
        fill(self.text(text), args)
    }

    /// `one` or `many` for `n`, with `n` filled in.
    pub fn count(self, n: usize, one: Text, many: Text) -> String {
        let singular = self.units().singular(n as u64);
        self.fill(if singular { one } else { many }, &[&n.to_string()])
    }

    /// A duration as it is said: "1 hour 2 minutes 3 seconds", "1 Stunde 2 Minuten 3 Sekunden",
    /// "1時間2分3秒". Screen readers read clock digits as numbers and colons.
    pub fn spoken(self, ms: u64) -> String {
        let units = self.units();
        let s = ms / 1000;
        let amount = |n: u64, (one, many): (&str, &str)| {
            fill(
                if units.singular(n) { one } else { many },
                &[&n.to_string()],
            )
        };
        let parts: Vec<String> = [(s / 3600, units.hour), (s / 60 % 60, units.minute)]
            .into_iter()
            .chain(std::iter::once((s % 60, units.second)))
            .filter(|(n, _)| *n > 0)
            .map(|(n, words)| amount(n, words))
            .collect();
        if parts.is_empty() {
            amount(0, units.second)
        } else {
            parts.join(units.join)
        }
    }
}

fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let index = after
            .as_bytes()
            .first()
            .map(|b| usize::from(b.wrapping_sub(b'0')));
        match (index.and_then(|i| args.get(i)), after.as_bytes().get(1)) {
            (Some(arg), Some(b'}')) => {
                out.push_str(arg);
                rest = &after[2..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
