//! Playlists: episodes from a podcast RSS feed (`feed="URL"`) or from `mount({ playlist })`.
//! Relative URLs in a feed are resolved against the feed's own URL, as feed readers do.

use crate::config::ChapterSource;
use crate::state::EpisodeSummary;
use chapters::feed::{self, Feed};

/// One playable episode of a playlist.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub title: String,
    pub src: String,
    pub published: Option<String>,
    pub duration_ms: Option<u64>,
    pub artwork: Option<String>,
    pub chapters: ChapterSource,
    pub notes: String,
}

impl Entry {
    pub fn summary(&self) -> EpisodeSummary {
        EpisodeSummary {
            title: self.title.clone(),
            published: self.published.clone(),
            duration_ms: self.duration_ms,
        }
    }
}

/// `url` made absolute against `base` (the feed's URL); unchanged when it cannot be.
pub fn resolve(url: &str, base: &str) -> String {
    web_sys::Url::new_with_base(url, base).map_or_else(|_| url.to_string(), |u| u.href())
}

/// The feed's playable episodes (those with an enclosure), in the feed's order.
pub fn from_feed(feed: Feed, base: &str) -> Vec<Entry> {
    let show_art = feed.image.map(|i| resolve(&i, base));
    feed.episodes
        .into_iter()
        .filter_map(|e| {
            let src = resolve(e.audio_url.as_deref()?, base);
            let chapters = match e.chapter_source() {
                feed::ChapterSource::Url(url) => ChapterSource::Url(resolve(&url, base)),
                feed::ChapterSource::Inline(c) | feed::ChapterSource::Notes(c) => {
                    ChapterSource::Inline(c)
                }
            };
            Some(Entry {
                title: e.title,
                src,
                published: e.published,
                duration_ms: e.duration_ms,
                artwork: e
                    .image
                    .map(|i| resolve(&i, base))
                    .or_else(|| show_art.clone()),
                chapters,
                notes: e.description,
            })
        })
        .collect()
}
