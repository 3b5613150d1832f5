//! Writes chapters back as show-note lines, `(HH:MM:SS) Title`, the form the extractor reads best.

use crate::model::Chapters;
use crate::timestamp::format_hms;

pub fn write(chapters: &Chapters) -> String {
    let mut out = String::new();
    for c in chapters {
        out.push('(');
        out.push_str(&format_hms(c.start_ms));
        out.push_str(") ");
        // A newline inside a title would split it into two lines on the way back in.
        out.push_str(&c.title.replace(['\n', '\r'], " "));
        out.push('\n');
    }
    out
}
