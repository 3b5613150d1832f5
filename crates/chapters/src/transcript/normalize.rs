//! What every reader's cues go through: whitespace collapsed, empty cues dropped, timed cues in
//! time order (a stable sort, so repeated identical times keep the file's order), and word-level
//! files (a segment a word) joined into sentences, so a three-hour episode is a few thousand
//! cues to lay out, not forty thousand.

use super::{Cue, Transcript};

/// Words in one joined cue at most, when no sentence ends sooner.
const MAX_WORDS: usize = 40;
/// A pause this long between words ends a joined cue.
const PAUSE_MS: u64 = 1_500;

pub fn normalize(mut t: Transcript) -> Transcript {
    for c in &mut t.cues {
        if c.text.contains(char::is_whitespace) {
            c.text = c.text.split_whitespace().collect::<Vec<_>>().join(" ");
        }
    }
    t.cues.retain(|c| !c.text.is_empty());
    if t.timed {
        t.cues.sort_by_key(|c| c.start_ms);
        if word_level(&t.cues) {
            t.cues = join_words(std::mem::take(&mut t.cues));
        }
    }
    t
}

/// Whether most cues hold a single word.
fn word_level(cues: &[Cue]) -> bool {
    let single = cues.iter().filter(|c| !c.text.contains(' ')).count();
    cues.len() >= 10 && single * 10 >= cues.len() * 7
}

fn join_words(words: Vec<Cue>) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    let mut count = 0;
    for w in words {
        let joins = out.last().is_some_and(|last| {
            let ended = last.text.ends_with(['.', '!', '?', '…']);
            last.speaker == w.speaker
                && !ended
                && count < MAX_WORDS
                && w.start_ms <= last.end_ms + PAUSE_MS
        });
        match out.last_mut() {
            Some(last) if joins => {
                // Punctuation given as a word of its own sticks to the word before it.
                if !w.text.starts_with([',', '.', '!', '?', ';', ':', '…', ')']) {
                    last.text.push(' ');
                }
                last.text.push_str(&w.text);
                last.end_ms = last.end_ms.max(w.end_ms);
                count += 1;
            }
            _ => {
                out.push(w);
                count = 1;
            }
        }
    }
    out
}
