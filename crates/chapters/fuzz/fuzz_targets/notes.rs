//! Show notes: any text, including text that is not UTF-8 as fetched, must give chapter lists
//! (usually none), an explanation that agrees with them, and display segments whose links are web
//! links, and never a panic. Every stage of the finder runs on every input.

#![no_main]

use chapters::notes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lists = notes::extract_lists(&text);
    let best = notes::extract(&text);
    // `extract` is the longest of `extract_lists` (the first of the longest).
    let longest = lists.iter().map(|l| l.len()).max().unwrap_or(0);
    assert_eq!(best.len(), longest);
    // What the try-it page shows: the same chapters, and skipped lines numbered from 1.
    let explained = notes::explain(&text);
    assert_eq!(explained.chapters.len(), best.len());
    assert!(explained.skipped.iter().all(|s| s.line >= 1));
    // What the player shows of the notes: every time and link found in the text it came from.
    for line in notes::display::lines(&text) {
        for segment in line {
            if let notes::display::Segment::Link { url, .. } = segment {
                assert!(url.starts_with("http://") || url.starts_with("https://"));
            }
        }
    }
});
