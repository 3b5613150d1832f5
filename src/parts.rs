//! The readers a page downloads only when it uses them: chapter files (JSON, WebVTT, PSC, ID3),
//! podcast feeds and transcripts. Most pages take their chapters from the show notes and need
//! none of them, so each is in a part of the wasm of its own (see `split`), fetched the first
//! time it is needed and sharing the main module's memory.
//!
//! The `preload_*` functions start a part's load early, as soon as a page is known to need it,
//! so it arrives while the file it will read is still downloading rather than after. A part that
//! cannot be downloaded is `Reason::Unloaded`: the player says so where the file's content would
//! be, as for any other failed load.

use crate::episode::Episode;
use crate::message::Reason;
use crate::playlist;
use crate::split::split_fn;
use chapters::transcript::Transcript;
use chapters::{formats::id3, Chapters, Format};

split_fn!(
    chapter_files,
    preload_chapter_files,
    /// A chapters file, in whatever format it turns out to be.
    fn read_chapters_file(bytes: Vec<u8>) -> Chapters {
        Format::detect(&bytes)
            .read(&bytes)
            .map_err(|e| Reason::Invalid(e.to_string()))
    }
);

split_fn!(
    chapter_files,
    /// The chapters of an MP3's ID3 tag (the tag's bytes, from its first).
    fn read_id3(tag: Vec<u8>) -> Chapters {
        id3::read(&tag).map_err(|e| Reason::Invalid(e.to_string()))
    }
);

split_fn!(
    feed,
    preload_feed,
    /// A podcast feed's playable episodes, their links resolved against the feed's `base` URL.
    fn read_feed(xml: String, base: String) -> Vec<Episode> {
        let feed = chapters::feed::read(&xml).map_err(|e| Reason::Invalid(e.to_string()))?;
        Ok(playlist::from_feed(feed, &base))
    }
);

split_fn!(
    transcripts,
    preload_transcripts,
    /// A transcript file, read by its declared or served type, else by its content.
    fn read_transcript(bytes: Vec<u8>, mime: Option<String>) -> Transcript {
        chapters::transcript::read(&bytes, mime.as_deref())
            .map_err(|e| Reason::Invalid(e.to_string()))
    }
);

split_fn!(
    transcripts,
    /// The transcript the lines a show's notes set aside make, if they make one (see
    /// `chapters::transcript::set_aside`).
    fn read_notes_transcript(lines: Vec<(u64, String)>) -> Option<Transcript> {
        Ok(chapters::transcript::from_lines(lines))
    }
);
