//! The readers a page downloads only when it uses them: chapter files (JSON, WebVTT, PSC, ID3),
//! podcast feeds and transcripts. Most pages take their chapters from the show notes and need
//! none of them, so the release build (`--cfg split`, among xtask's release flags) moves each into its own wasm file,
//! fetched the first time it is needed and sharing the main module's memory.
//!
//! Each reader is `async` at its call site: with `split`, awaiting it first loads its part. The
//! `preload_*` functions start that load early, as soon as a page is known to need the part, so
//! it arrives while the file it will read is still downloading rather than after. A part that
//! cannot be downloaded is [`Reason::Unloaded`]: the player says so where the file's content
//! would be, as for any other failed load. Without `split` (tests, `cargo check`) the readers
//! are called directly and the preloads do nothing.

use crate::episode::Episode;
use crate::message::Reason;
use crate::playlist;
use chapters::transcript::Transcript;
use chapters::{formats::id3, Chapters, Format};

#[cfg(split)]
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// A reader in the part `$part`, and the function that starts loading that part.
#[cfg(split)]
macro_rules! split_reader {
    ($part:ident, $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        $(#[$doc])*
        #[wasm_split($part, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$out, Reason> $body
    };
    ($part:ident, $preload:ident, $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        $(#[$doc])*
        #[wasm_split($part, fallible, preload($preload))]
        pub fn $name($($arg: $ty),*) -> Result<$out, Reason> $body
    };
}

/// The same reader, called directly; its part's preload has nothing to do.
#[cfg(not(split))]
macro_rules! split_reader {
    ($part:ident, $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        $(#[$doc])*
        pub async fn $name($($arg: $ty),*) -> Result<$out, Reason> $body
    };
    ($part:ident, $preload:ident, $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        $(#[$doc])*
        pub async fn $name($($arg: $ty),*) -> Result<$out, Reason> $body

        pub async fn $preload() -> Result<(), Reason> {
            Ok(())
        }
    };
}

#[cfg(split)]
impl From<SplitLoaderError> for Reason {
    fn from(_: SplitLoaderError) -> Reason {
        Reason::Unloaded
    }
}

split_reader!(
    chapter_files,
    preload_chapter_files,
    /// A chapters file, in whatever format it turns out to be.
    fn read_chapters_file(bytes: Vec<u8>) -> Chapters {
        Format::detect(&bytes)
            .read(&bytes)
            .map_err(|e| Reason::Invalid(e.to_string()))
    }
);

split_reader!(
    chapter_files,
    /// The chapters of an MP3's ID3 tag (the tag's bytes, from its first).
    fn read_id3(tag: Vec<u8>) -> Chapters {
        id3::read(&tag).map_err(|e| Reason::Invalid(e.to_string()))
    }
);

split_reader!(
    feed,
    preload_feed,
    /// A podcast feed's playable episodes, their links resolved against the feed's `base` URL.
    fn read_feed(xml: String, base: String) -> Vec<Episode> {
        let feed = chapters::feed::read(&xml).map_err(|e| Reason::Invalid(e.to_string()))?;
        Ok(playlist::from_feed(feed, &base))
    }
);

split_reader!(
    transcripts,
    preload_transcripts,
    /// A transcript file, read by its declared or served type, else by its content.
    fn read_transcript(bytes: Vec<u8>, mime: Option<String>) -> Transcript {
        chapters::transcript::read(&bytes, mime.as_deref())
            .map_err(|e| Reason::Invalid(e.to_string()))
    }
);
