//! The transcript side of the reducer: the episode's transcript given as data, or fetched from
//! the first of its files that can be (in the listener's language first, timed before untimed),
//! or, when none can, the files themselves as links; without either, the transcript its show
//! notes hold, if they hold one.

use super::{Action, Command, PlayerState};
use crate::episode::TranscriptSource;
use chapters::feed::TranscriptLink;
use chapters::transcript::Transcript;
use std::rc::Rc;

/// Where the episode's transcript stands.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum TranscriptState {
    /// The episode has none.
    #[default]
    None,
    Loading,
    Ready(Rc<Transcript>),
    /// No file could be fetched or read here (CORS, CSP, 404, broken): the listener gets links.
    Unavailable(Vec<TranscriptLink>),
    /// The notes hold a transcript, but the player's code for it could not be downloaded.
    Unloaded,
}

impl PlayerState {
    pub(super) fn update_transcript(&mut self, action: Action, out: &mut Vec<Command>) {
        match action {
            Action::SetTranscriptSource(source) if self.episode.transcript != source => {
                Rc::make_mut(&mut self.episode).transcript = source;
                self.load_transcript(out);
            }
            Action::TranscriptLoaded {
                generation,
                transcript,
            } if generation == self.transcript_generation => {
                self.transcript = TranscriptState::Ready(transcript);
            }
            Action::TranscriptFailed { generation } if generation == self.transcript_generation => {
                self.transcript = match &self.episode.transcript {
                    TranscriptSource::Links(links) => TranscriptState::Unavailable(links.clone()),
                    _ => TranscriptState::Unloaded,
                };
            }
            _ => {}
        }
    }

    /// Without a transcript of its own, the episode's transcript is the one its notes hold, if
    /// they hold one. The lines the chapter finder set aside are found here; only when there are
    /// enough to make one are they read into a transcript, by the transcripts part.
    pub(super) fn notes_transcript(&mut self, out: &mut Vec<Command>) {
        if self.episode.transcript == TranscriptSource::None {
            self.transcript_generation = self.transcript_generation.wrapping_add(1);
            self.transcript = TranscriptState::None;
            let lines = chapters::transcript::set_aside(&self.episode.notes);
            if lines.len() >= chapters::transcript::MIN_NOTES_LINES {
                out.push(Command::ReadNotesTranscript {
                    lines,
                    generation: self.transcript_generation,
                });
            }
        }
    }

    /// The episode's transcript, fetched when it is a file; earlier answers are dropped.
    pub(super) fn load_transcript(&mut self, out: &mut Vec<Command>) {
        self.transcript_generation = self.transcript_generation.wrapping_add(1);
        self.transcript = match &self.episode.transcript {
            // The last source, the notes' own transcript, is looked for once the notes panel
            // has rendered ([`Self::notes_transcript`]): nothing more runs before the chapters.
            TranscriptSource::None if self.notes_shown => {
                self.notes_transcript(out);
                return;
            }
            TranscriptSource::None => TranscriptState::None,
            TranscriptSource::Inline(t) => TranscriptState::Ready(t.clone()),
            TranscriptSource::Links(links) => {
                out.push(Command::FetchTranscript {
                    links: links.clone(),
                    lang: self.lang.tag(),
                    generation: self.transcript_generation,
                });
                TranscriptState::Loading
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::episode::Episode;
    use chapters::transcript::Cue;

    fn link(url: &str) -> TranscriptLink {
        TranscriptLink {
            url: url.into(),
            ..TranscriptLink::default()
        }
    }

    fn load(transcript: TranscriptSource) -> (PlayerState, Vec<Command>) {
        let mut s = PlayerState::default();
        let out = s.update(Action::Load(Rc::new(Episode {
            src: "https://pod.example/ep.mp3".into(),
            transcript,
            ..Episode::default()
        })));
        (s, out)
    }

    fn fetch_generation(out: &[Command]) -> Option<u32> {
        out.iter().find_map(|c| match c {
            Command::FetchTranscript { generation, .. } => Some(*generation),
            _ => None,
        })
    }

    #[test]
    fn files_are_fetched_and_a_late_answer_for_another_source_is_dropped() {
        let (mut s, out) = load(TranscriptSource::Links(vec![link("a.vtt")]));
        assert_eq!(s.transcript, TranscriptState::Loading);
        let first = fetch_generation(&out).expect("a fetch");
        let out = s.update(Action::SetTranscriptSource(TranscriptSource::Links(vec![
            link("b.srt"),
        ])));
        let second = fetch_generation(&out).expect("a second fetch");
        let t = Rc::new(Transcript::default());
        s.update(Action::TranscriptLoaded {
            generation: first,
            transcript: t.clone(),
        });
        assert_eq!(
            s.transcript,
            TranscriptState::Loading,
            "the answer for a.vtt is stale"
        );
        s.update(Action::TranscriptLoaded {
            generation: second,
            transcript: t.clone(),
        });
        assert_eq!(s.transcript, TranscriptState::Ready(t));
    }

    #[test]
    fn when_no_file_can_be_read_the_files_are_offered_as_links() {
        let (mut s, out) = load(TranscriptSource::Links(vec![link("a.vtt"), link("b.txt")]));
        let generation = fetch_generation(&out).expect("a fetch");
        s.update(Action::TranscriptFailed { generation });
        assert_eq!(
            s.transcript,
            TranscriptState::Unavailable(vec![link("a.vtt"), link("b.txt")])
        );
    }

    #[test]
    fn a_transcript_given_as_data_is_ready_at_once_and_none_is_none() {
        let t = Rc::new(Transcript {
            cues: vec![Cue {
                text: "Hi".into(),
                ..Cue::default()
            }],
            timed: true,
        });
        let (s, out) = load(TranscriptSource::Inline(t.clone()));
        assert_eq!(s.transcript, TranscriptState::Ready(t));
        assert_eq!(fetch_generation(&out), None);
        assert_eq!(
            load(TranscriptSource::None).0.transcript,
            TranscriptState::None
        );
    }

    #[test]
    fn without_a_source_the_transcript_in_the_notes_is_shown() {
        let notes = "[00:00:00] Intro\n[00:05:00] Interview\n[00:20:00] News\n[00:40:00] Outro\n\nTranscript\n\n[00:00:00] **swyx:** Thanks for watching, this is a long first sentence.\n\n[00:00:05] **Charlie:** Welcome back, friends, it has been a week since the fair.\n\n[00:00:28] **swyx:** Thank you all for your support and stay tuned for the news.\n";
        let mut s = PlayerState::default();
        s.update(Action::Load(Rc::new(Episode {
            src: "https://pod.example/ep.mp3".into(),
            notes: Rc::from(notes),
            ..Episode::default()
        })));
        // Not before the chapters are on screen: once the notes panel has rendered.
        assert_eq!(s.transcript, TranscriptState::None);
        let out = s.update(Action::ShowNotes);
        let Some(Command::ReadNotesTranscript { lines, generation }) = out
            .into_iter()
            .find(|c| matches!(c, Command::ReadNotesTranscript { .. }))
        else {
            panic!("the notes' transcript lines are not read");
        };
        let t = Rc::new(chapters::transcript::from_lines(lines).expect("a transcript"));
        assert_eq!(t.cues.len(), 3);
        assert_eq!(t.cues[1].speaker.as_deref(), Some("Charlie"));
        s.update(Action::TranscriptLoaded {
            generation,
            transcript: t.clone(),
        });
        assert_eq!(s.transcript, TranscriptState::Ready(t));
    }

    #[test]
    fn notes_without_enough_set_aside_lines_read_nothing() {
        let mut s = PlayerState::default();
        s.update(Action::Load(Rc::new(Episode {
            src: "https://pod.example/ep.mp3".into(),
            notes: Rc::from("(00:00) Intro\n(04:17) News\n(06:53) Reference counting\n"),
            ..Episode::default()
        })));
        let out = s.update(Action::ShowNotes);
        assert!(!out
            .iter()
            .any(|c| matches!(c, Command::ReadNotesTranscript { .. })));
        assert_eq!(s.transcript, TranscriptState::None);
    }
}
