//! Chapters for podcast episodes: extracted from the show notes podcasters already write, or read
//! from the chapter formats they already publish, into one model.
//!
//! This crate has no web or I/O dependency: the widget hands it text or bytes it fetched, the
//! `chapters` binary hands it files. No input may make it panic — in the browser a panic would take
//! down every player on the page — so every parser is fuzzed.

pub mod entities;
pub mod feed;
pub mod formats;
pub mod model;
pub mod notes;
mod quote;
#[cfg(test)]
mod test_support;
pub mod timestamp;
pub mod transcript;
mod xml;

pub use formats::{Format, ParseError};
pub use model::{Chapter, ChapterSource, Chapters, DropReason, DroppedChapter, Picture};
