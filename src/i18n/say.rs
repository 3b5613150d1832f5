//! Messages in words: a [`Message`] holds the facts, the language makes the sentence.

use super::{Lang, Text};
use crate::message::{AudioProblem, Message, Reason};
use chapters::timestamp::format_compact;

impl Lang {
    pub fn say(self, message: &Message) -> String {
        match message {
            Message::ResumeAt(ms) => self.fill(Text::ResumeAt, &[&format_compact(*ms)]),
            Message::StartingAt(ms) => self.fill(Text::StartingAt, &[&format_compact(*ms)]),
            Message::Audio { src, problem } => self.audio(src, *problem),
            Message::Chapters {
                url,
                reason,
                fell_back,
            } => {
                let mut text = self.fill(Text::ChaptersFailed, &[url, &self.reason(reason)]);
                if *fell_back {
                    text.push(' ');
                    text.push_str(self.text(Text::FellBackToNotes));
                }
                text
            }
            Message::Feed { url, reason } => {
                self.fill(Text::FeedFailed, &[url, &self.reason(reason)])
            }
        }
    }

    fn audio(self, src: &str, problem: AudioProblem) -> String {
        let (text, status) = match problem {
            AudioProblem::NoSource => (Text::NoSource, None),
            AudioProblem::Stopped => (Text::AudioStopped, None),
            AudioProblem::Network => (Text::AudioNetwork, None),
            AudioProblem::Decode => (Text::AudioDecode, None),
            AudioProblem::Unavailable => (Text::AudioUnavailable, None),
            AudioProblem::NotFound(code) => (Text::AudioNotFound, Some(code)),
            AudioProblem::Refused(code) => (Text::AudioRefused, Some(code)),
            AudioProblem::Unplayable => (Text::AudioUnplayable, None),
            AudioProblem::Server(code) => (Text::AudioServer, Some(code)),
            AudioProblem::Unreachable => (Text::AudioUnreachable, None),
        };
        let status = status.map(|c| c.to_string()).unwrap_or_default();
        self.fill(text, &[src, &status])
    }

    fn reason(self, reason: &Reason) -> String {
        match reason {
            Reason::Request => self.text(Text::ReasonRequest).into(),
            Reason::Http(code) => self.fill(Text::ReasonHttp, &[&code.to_string()]),
            Reason::Unreadable => self.text(Text::ReasonUnreadable).into(),
            Reason::NotUtf8 => self.text(Text::ReasonNotUtf8).into(),
            Reason::NoEpisodes => self.text(Text::ReasonNoEpisodes).into(),
            Reason::Unloaded => self.text(Text::ReasonUnloaded).into(),
            // The reader's own words name a line or a field: for developers (see
            // `Command::ReportFailure`), not for listeners.
            Reason::Invalid(_) => self.text(Text::ReasonInvalid).into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_what_failed_in_each_language() {
        let missing = Message::Audio {
            src: "https://x.test/a.mp3".into(),
            problem: AudioProblem::NotFound(404),
        };
        assert_eq!(
            Lang::En.say(&missing),
            "The audio https://x.test/a.mp3 was not found (HTTP 404)."
        );
        assert_eq!(
            Lang::De.say(&missing),
            "Das Audio https://x.test/a.mp3 wurde nicht gefunden (HTTP 404)."
        );
        let chapters = Message::Chapters {
            url: "c.json".into(),
            reason: Reason::Http(500),
            fell_back: true,
        };
        assert_eq!(
            Lang::En.say(&chapters),
            "Chapters could not be loaded from c.json: HTTP 500. Showing the chapters from the show notes instead."
        );
        assert_eq!(Lang::Ja.say(&Message::ResumeAt(90_000)), "1:30から再開");
    }
}
