//! Speaker names: placeholders made readable (`SPEAKER_1` → "Speaker 1", and pyannote's
//! zero-based `SPEAKER_00` → "Speaker 1"), and `Name:` at the start of a line told from ordinary
//! text (`Note: …`, `https://…`, `12:30`).

/// A speaker's name as shown: trimmed, without a trailing colon, placeholders spelled out.
pub fn clean(name: &str) -> Option<String> {
    let name = name.trim().trim_end_matches(':').trim();
    if name.is_empty() {
        return None;
    }
    Some(placeholder(name).unwrap_or_else(|| name.split_whitespace().collect::<Vec<_>>().join(" ")))
}

/// `SPEAKER_1`, `speaker 2`, `SPEAKER_00`, `spk_0`: machine labels, numbered from 1 for people.
fn placeholder(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let digits = ["speaker", "spk"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))?
        .trim_start_matches(['_', ' ', '-']);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 4 {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    // Zero-padded or zero itself: a zero-based label from a diarisation tool.
    let zero_based = digits.starts_with('0');
    Some(format!("Speaker {}", if zero_based { n + 1 } else { n }))
}

/// Words that end in a colon at a line's start without naming anyone.
const NOT_NAMES: [&str; 14] = [
    "note",
    "notes",
    "warning",
    "update",
    "edit",
    "source",
    "sources",
    "transcript",
    "summary",
    "links",
    "http",
    "https",
    "chapters",
    "timestamps",
];

/// `Name: text` at the start of `line`, when the part before the colon looks like a name: one to
/// four words, each capitalised (or a particle such as "van" or "de"), or a placeholder label.
pub fn leading(line: &str) -> Option<(String, &str)> {
    let (name, rest) = line.split_once(':')?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 32 || rest.starts_with("//") {
        return None;
    }
    if placeholder(name).is_some() {
        return Some((clean(name)?, rest.trim_start()));
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let particle = |w: &str| {
        [
            "van", "von", "de", "der", "da", "del", "di", "la", "le", "bin", "al",
        ]
        .contains(&w)
    };
    let looks_like_name = (1..=4).contains(&words.len())
        && !NOT_NAMES.contains(&name.to_ascii_lowercase().as_str())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| super::search::lower(c) != c)
                && !w.chars().any(|c| c.is_ascii_digit())
                || particle(w)
        });
    looks_like_name.then(|| (clean(name).unwrap_or_default(), rest.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_spelled_out() {
        assert_eq!(clean("SPEAKER_1").as_deref(), Some("Speaker 1"));
        assert_eq!(clean("SPEAKER_00").as_deref(), Some("Speaker 1"));
        assert_eq!(clean("SPEAKER_01").as_deref(), Some("Speaker 2"));
        assert_eq!(clean("speaker 3").as_deref(), Some("Speaker 3"));
        assert_eq!(clean("  Ana   Ruiz: ").as_deref(), Some("Ana Ruiz"));
        assert_eq!(clean(" : "), None);
        assert_eq!(clean("Speakerphone").as_deref(), Some("Speakerphone"));
    }

    #[test]
    fn names_at_a_lines_start() {
        assert_eq!(
            leading("Kevin: Welcome back."),
            Some(("Kevin".into(), "Welcome back."))
        );
        assert_eq!(
            leading("Ludwig van Beethoven: Da da da"),
            Some(("Ludwig van Beethoven".into(), "Da da da"))
        );
        assert_eq!(
            leading("SPEAKER_02: yes"),
            Some(("Speaker 3".into(), "yes"))
        );
        assert_eq!(leading("JOHN: hi"), Some(("JOHN".into(), "hi")));
        assert_eq!(leading("Note: this is not a name"), None);
        assert_eq!(leading("https://example.com"), None);
        assert_eq!(leading("so what I said was: no"), None);
        assert_eq!(leading("Item 12: twelve"), None);
        assert_eq!(leading("no colon here"), None);
    }
}
