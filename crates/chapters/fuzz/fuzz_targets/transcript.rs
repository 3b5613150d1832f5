//! Transcripts in every format: no file may make a reader, the paragraph grouping or a writer
//! panic, and whatever is read can be written and read again in the same format.

#![no_main]

use chapters::transcript::{self, Kind};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for kind in [Kind::Vtt, Kind::Srt, Kind::Json, Kind::Html, Kind::Text] {
        if let Ok(t) = kind.read(data) {
            let _ = t.paragraphs();
            let _ = t.cue_at(60_000);
            for to in [Kind::Vtt, Kind::Srt, Kind::Json] {
                let written = transcript::write(&t, to);
                to.read(written.as_bytes()).expect("a written transcript reads back");
            }
        }
    }
    let _ = transcript::read(data, Some("text/plain"));
});
