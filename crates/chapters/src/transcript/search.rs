//! Finding text in a transcript as a listener types it: literal (no patterns, so `(` is just a
//! bracket), case- and accent-insensitive ("cafe" finds "Café", "strasse" finds "Straße" only
//! as far as one letter folds to one letter), and fast enough to run on every keystroke over a
//! three-hour transcript: each cue's folded text is built once.

use super::Transcript;

/// Each cue's text folded for matching, with the byte offset in the original text of every
/// folded character, so a match maps back to the span to highlight.
pub struct Index {
    cues: Vec<(String, Vec<usize>)>,
}

/// One match: the cue, and the byte range in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub cue: usize,
    pub range: std::ops::Range<usize>,
}

impl Index {
    pub fn new(t: &Transcript) -> Index {
        Index {
            cues: t
                .cues
                .iter()
                .map(|c| folded_with_offsets(&c.text))
                .collect(),
        }
    }

    /// Every match of `query` in cue order; nothing for a blank query.
    pub fn find(&self, query: &str) -> Vec<Match> {
        let needle: String = query.trim().chars().map(fold).collect();
        if needle.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (cue, (text, offsets)) in self.cues.iter().enumerate() {
            let mut from = 0;
            while let Some(at) = text[from..].find(&needle).map(|i| from + i) {
                let end = at + needle.len();
                let start_byte = offsets[text[..at].chars().count()];
                let end_char = text[..end].chars().count();
                let end_byte = offsets.get(end_char).copied().unwrap_or(usize::MAX);
                out.push(Match {
                    cue,
                    range: start_byte..end_byte,
                });
                from = end;
            }
        }
        // The end of the last character of a match is the start of the next one, or the text's end.
        for m in &mut out {
            if m.range.end == usize::MAX {
                m.range.end = self.cues[m.cue].1.last().copied().unwrap_or(0);
            }
        }
        out
    }
}

/// The folded text, and for each folded character (plus one past the end) its byte offset in
/// `text`.
fn folded_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.char_indices() {
        folded.push(fold(c));
        offsets.push(i);
    }
    offsets.push(text.len());
    (folded, offsets)
}

/// A letter in lower case, for the scripts the player's languages and their neighbours write
/// (Latin, Greek, Cyrillic); other characters as they are. Written out rather than
/// `char::to_lowercase`, whose Unicode tables would cost the player more than all its readers.
pub fn lower(c: char) -> char {
    let n = u32::from(c);
    let to = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            n + 32
        }
        0x400..=0x40F => n + 80,
        // Latin Extended-A and Cyrillic's extension: upper and lower case alternate.
        0x100..=0x137 | 0x14A..=0x177 | 0x460..=0x481 | 0x48A..=0x4BF if n % 2 == 0 => n + 1,
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        0x178 => 0xFF,
        _ => n,
    };
    char::from_u32(to).unwrap_or(c)
}

/// One character folded to one: lower case, and Latin letters without their accents.
pub fn fold(c: char) -> char {
    match lower(c) {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '’' | '‘' => '\'',
        '“' | '”' => '"',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::Cue;

    fn transcript(texts: &[&str]) -> Transcript {
        Transcript {
            cues: texts
                .iter()
                .map(|t| Cue {
                    text: t.to_string(),
                    ..Cue::default()
                })
                .collect(),
            timed: true,
        }
    }

    #[test]
    fn literal_case_and_accent_insensitive() {
        let t = transcript(&["Un Café à Paris (avec moi)", "CAFE au lait; café"]);
        let index = Index::new(&t);
        let found = index.find("cafe");
        assert_eq!(found.len(), 3);
        assert_eq!(&t.cues[0].text[found[0].range.clone()], "Café");
        assert_eq!(&t.cues[1].text[found[2].range.clone()], "café");
        let bracket = index.find("(");
        assert_eq!(
            bracket,
            [Match {
                cue: 0,
                range: 18..19
            }]
        );
        assert_eq!(&t.cues[0].text[index.find("moi)")[0].range.clone()], "moi)");
        assert!(index.find("  ").is_empty());
        assert!(index.find(".*").is_empty());
    }

    #[test]
    fn lower_case_agrees_with_unicode_where_it_is_written_out() {
        for c in ('\u{0}'..='\u{4FF}').filter(|c| !matches!(c, 'İ' | 'ϴ' | 'ẞ')) {
            let unicode = c.to_lowercase().next().unwrap_or(c);
            let ours = lower(c);
            assert!(
                ours == unicode || ours == c,
                "{c:?} ({:X}): {ours:?} vs {unicode:?}",
                c as u32
            );
        }
        assert_eq!(lower('Ä'), 'ä');
        assert_eq!(lower('Ł'), 'ł');
        assert_eq!(lower('Ж'), 'ж');
        assert_eq!(lower('Σ'), 'σ');
        assert_eq!(fold('É'), 'e');
    }
}
