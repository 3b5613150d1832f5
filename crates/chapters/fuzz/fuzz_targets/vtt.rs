//! WebVTT chapters: no input may make the reader panic, and whatever it accepts must be
//! written in a form it accepts again.

#![no_main]

use chapters::formats::vtt;
use chapters::{Chapters, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The bytes as they are through `Format::read`, which insists on UTF-8 and drops a BOM…
    let _ = Format::Vtt.read(data);
    // …and as text (borrowed when valid UTF-8, lossy otherwise) straight into the reader.
    let text = String::from_utf8_lossy(data);
    let Ok(read) = vtt::read(&text) else {
        return;
    };
    let written = vtt::write(&read);
    let again = vtt::read(&written);
    assert!(
        again.is_ok(),
        "rewrite of {text:?} rejected: {again:?}\n{written}"
    );
    // Titles with surrounding whitespace and implicit ends may change, as `formats::vtt`
    // documents; the starts may not.
    assert_eq!(
        again.ok().as_ref().map(starts),
        Some(starts(&read)),
        "{written}"
    );
});

fn starts(c: &Chapters) -> Vec<u64> {
    c.iter().map(|c| c.start_ms).collect()
}
