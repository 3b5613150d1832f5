//! What the finder says beside the chapters: each line with a time that it did not take, and why,
//! so a podcaster sees a typo or a lookalike instead of chapters silently missing.

/// Why a line with a time gave no chapter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// Its time is earlier than the line before it, or later than the line after it, in a list
    /// whose other times increase: most likely a typo. The list is kept without it.
    OutOfOrder,
    /// The chapter before it starts at the same time.
    SameTime,
    /// Part of a transcript: timed lines of speakers or sentences.
    Transcript,
    /// A time of day: a programme, a timetable, a list of kick-off times.
    TimeOfDay,
    /// Part of a list of lengths or durations, whose times go up and down.
    Lengths,
    /// In another chapter list of the notes; a longer one was taken.
    OtherList,
    /// No other line near it has a time in the same form.
    Alone,
    /// The time is inside text, not at the start or end of a line as chapter times are.
    InText,
}

impl SkipReason {
    /// The reason in a few words, for `chapters parse --explain` and the try-it page.
    pub fn describe(self) -> &'static str {
        match self {
            SkipReason::OutOfOrder => "out of order with the lines around it",
            SkipReason::SameTime => "the same time as the chapter before",
            SkipReason::Transcript => "part of a transcript",
            SkipReason::TimeOfDay => "looks like a time of day (a programme or timetable)",
            SkipReason::Lengths => "part of a list of lengths, whose times go up and down",
            SkipReason::OtherList => "in another, shorter list",
            SkipReason::Alone => "no other chapter line near it",
            SkipReason::InText => "a time inside the text, not a chapter line",
        }
    }
}

/// A line with a time that gave no chapter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The line's number (from 1) in the notes as text (HTML read into lines).
    pub line: usize,
    /// The line, trimmed.
    pub text: String,
    pub reason: SkipReason,
}
