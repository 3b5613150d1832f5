//! A transcript written into the show notes: timed lines of speakers and sentences that the
//! chapter finder set aside (as a transcript, or as another list beside the chapters). Shown as
//! the transcript rather than lost.

use super::{normalize, speaker, text, Cue, Transcript};
use crate::notes::{self, SkipReason};

/// The fewest set-aside lines that make a transcript.
pub const MIN_NOTES_LINES: usize = 3;

/// The notes' transcript, when they hold one: at least three timed lines set aside, at least two
/// of them with a speaker (`Name:`, or `**name:**` in any case), and sentences, not titles.
pub fn from_notes(notes: &str) -> Option<Transcript> {
    from_lines(set_aside(notes))
}

/// The first, cheap half of [`from_notes`]: the timed lines the chapter finder set aside, each
/// as its time and the rest of the line. Fewer than three make no transcript, so a player can
/// skip the second half (and the code it needs) for most notes.
pub fn set_aside(notes: &str) -> Vec<(u64, String)> {
    notes::explain(notes)
        .skipped
        .iter()
        .filter(|s| matches!(s.reason, SkipReason::Transcript | SkipReason::OtherList))
        .filter_map(|s| match text::leading_time(&s.text) {
            (Some(start_ms), rest) => Some((start_ms, rest.to_string())),
            (None, _) => None,
        })
        .collect()
}

/// The second half of [`from_notes`]: the transcript that lines [`set_aside`] make, if any.
pub fn from_lines(lines: Vec<(u64, String)>) -> Option<Transcript> {
    if lines.len() < MIN_NOTES_LINES {
        return None;
    }
    let mut cues: Vec<Cue> = Vec::new();
    for (start_ms, rest) in &lines {
        let (start_ms, rest) = (*start_ms, rest.as_str());
        let (speaker, said) = match bold_speaker(rest) {
            Some((name, said)) => (speaker::clean(name), said),
            None => match speaker::leading(rest) {
                Some((name, said)) => (Some(name), said),
                None => (None, rest),
            },
        };
        cues.push(Cue {
            start_ms,
            end_ms: start_ms,
            speaker,
            text: said.replace("**", "").replace("__", ""),
        });
    }
    let speakers = cues.iter().filter(|c| c.speaker.is_some()).count();
    let words: usize = cues.iter().map(|c| c.text.split_whitespace().count()).sum();
    if cues.len() < 3 || speakers < 2 || words < cues.len() * 6 {
        return None;
    }
    for i in 1..cues.len() {
        cues[i - 1].end_ms = cues[i].start_ms.max(cues[i - 1].start_ms);
    }
    Some(normalize::normalize(Transcript { cues, timed: true }))
}

/// `**swyx:** text` or `__Ana__: text`: a bold name is a speaker whatever its case (handles
/// such as "swyx" are names here).
fn bold_speaker(line: &str) -> Option<(&str, &str)> {
    ["**", "__"].iter().find_map(|mark| {
        let inner = line.strip_prefix(mark)?;
        let end = inner.find(mark)?;
        let name = inner[..end].trim().trim_end_matches(':').trim();
        let after = inner[end + mark.len()..].trim_start();
        let said = after.strip_prefix(':').unwrap_or(after).trim_start();
        let named = inner[..end].trim_end().ends_with(':') || after.starts_with(':');
        (named && !name.is_empty() && name.chars().count() <= 32).then_some((name, said))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transcript_in_the_notes_after_the_chapters() {
        let notes = "Chapters\n[00:00:00] Intro\n[00:05:00] The interview\n[00:40:00] Outro\n\nTranscript\n\n[00:00:00] **swyx:** Thanks for watching, this is a long first sentence of ours.\n\n[00:00:05] **AI Charlie:** Welcome back, friends, it has been a week since the fair.\n\n[00:00:28] Thank you all for your support, and stay tuned for news about the next event.\n\n[00:01:48] **swyx:** Welcome to the space, this is a long time coming, and I am excited.\n";
        let t = from_notes(notes).expect("a transcript");
        assert!(t.timed);
        let who: Vec<_> = t
            .cues
            .iter()
            .map(|c| (c.start_ms, c.speaker.as_deref()))
            .collect();
        assert_eq!(
            who,
            [
                (0, Some("swyx")),
                (5_000, Some("AI Charlie")),
                (28_000, None),
                (108_000, Some("swyx"))
            ]
        );
        assert!(t.cues[0].text.starts_with("Thanks for watching"));
    }

    #[test]
    fn chapter_lists_are_no_transcript() {
        assert_eq!(
            from_notes("(00:00) Intro\n(04:17) News\n(06:53) Reference counting\n"),
            None
        );
        let two_lists =
            "Part one\n00:00 Intro\n05:00 News\n\nPart two\n00:00 Intro\n02:00 Outro\n03:00 End\n";
        assert_eq!(from_notes(two_lists), None);
    }
}
