//! ID3v2 tags: every size in a tag comes from the file, so no tag may make the reader (or the
//! length probe the widget uses to decide how much to fetch), the writer that rewrites a tag, or
//! the MPEG frame counter behind it panic.

#![no_main]

use chapters::formats::{id3, id3_write};
use chapters::{Chapter, Chapters};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let len = id3::tag_len(data);
    let read = id3::read(data);
    // A tag the probe says is complete is not reported as truncated, and vice versa the reader
    // only succeeds on a tag the probe recognises.
    if read.is_ok() {
        assert!(
            len.is_some_and(|n| n <= data.len() + 10),
            "{len:?} for a readable tag"
        );
    }
    if let Some(n) = len {
        if n > data.len() + 10 {
            assert!(read.is_err());
        }
    }
    // Rewriting keeps what follows the tag and reads back the chapters written.
    let chapters = Chapters::new(vec![Chapter::new(0, "A"), Chapter::new(1, "B")]);
    if let Ok(tagged) = id3_write::write(data, &chapters, None) {
        let back = id3::read(&tagged.bytes).expect("the tag just written reads back");
        assert_eq!(back.len(), 2 - tagged.dropped.len());
    }
});
