use super::{fill, Lang, Text};

const LANGS: [Lang; 6] = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Pt, Lang::Ja];

/// The placeholders a template uses, in order of their numbers.
fn placeholders(template: &str) -> Vec<char> {
    let mut found: Vec<char> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| {
            let mut chars = rest.chars();
            let digit = chars.next()?;
            (chars.next() == Some('}')).then_some(digit)
        })
        .collect();
    found.sort_unstable();
    found
}

#[test]
fn every_language_has_every_string_with_the_same_placeholders() {
    for lang in LANGS {
        for &text in Text::ALL {
            let english = Lang::En.text(text);
            let translated = lang.text(text);
            assert!(!translated.trim().is_empty(), "{lang:?} {text:?} is empty");
            assert_eq!(
                placeholders(translated),
                placeholders(english),
                "{lang:?} {text:?}: {translated:?} must use the placeholders of {english:?}"
            );
            assert!(
                !translated.contains('{') || !fill(translated, &["a", "b"]).contains('{'),
                "{lang:?} {text:?} has a stray brace"
            );
        }
    }
}

#[test]
fn translations_are_translated() {
    // Labels a listener reads: a table copied from English by mistake would pass the test above.
    for lang in [Lang::De, Lang::Fr, Lang::Es, Lang::Pt, Lang::Ja] {
        for text in [
            Text::Play,
            Text::NextChapter,
            Text::Chapters,
            Text::ShowNotes,
            Text::Transcript,
            Text::SearchTranscript,
            Text::MatchOf,
            Text::NoMatches,
            Text::FollowPlayback,
            Text::BackToNow,
            Text::TranscriptFile,
            Text::TranscriptUnavailable,
            Text::TimingsMayNotMatch,
            Text::ShareQuote,
        ] {
            assert_ne!(lang.text(text), Lang::En.text(text), "{lang:?} {text:?}");
        }
    }
}

#[test]
fn tags_choose_languages() {
    assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
    assert_eq!(Lang::from_tag("pt_BR"), Some(Lang::Pt));
    assert_eq!(Lang::from_tag(" JA "), Some(Lang::Ja));
    assert_eq!(Lang::from_tag("it"), None);
    assert_eq!(Lang::from_tag(""), None);
    for lang in LANGS {
        assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
    }
}

#[test]
fn spoken_durations() {
    assert_eq!(Lang::En.spoken(3_723_000), "1 hour 2 minutes 3 seconds");
    assert_eq!(Lang::En.spoken(60_000), "1 minute");
    assert_eq!(Lang::En.spoken(0), "0 seconds");
    assert_eq!(Lang::De.spoken(257_000), "4 Minuten 17 Sekunden");
    assert_eq!(Lang::De.spoken(3_601_000), "1 Stunde 1 Sekunde");
    assert_eq!(Lang::Fr.spoken(0), "0 seconde");
    assert_eq!(Lang::Fr.spoken(7_320_000), "2 heures 2 minutes");
    assert_eq!(Lang::Es.spoken(61_000), "1 minuto 1 segundo");
    assert_eq!(Lang::Pt.spoken(7_200_000), "2 horas");
    assert_eq!(Lang::Ja.spoken(3_723_000), "1時間2分3秒");
}

#[test]
fn counts_and_fills() {
    assert_eq!(
        Lang::En.count(1, Text::ChapterCountOne, Text::ChapterCountMany),
        "1 chapter"
    );
    assert_eq!(
        Lang::De.count(3, Text::EpisodeCountOne, Text::EpisodeCountMany),
        "3 Folgen"
    );
    assert_eq!(
        Lang::Fr.count(0, Text::ChapterCountOne, Text::ChapterCountMany),
        "0 chapitre"
    );
    assert_eq!(
        Lang::Ja.fill(Text::PositionOf, &["1分", "10分"]),
        "10分中1分"
    );
    assert_eq!(fill("{0} {x} {", &["a"]), "a {x} {");
}
