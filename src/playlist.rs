//! Playlists from podcast RSS feeds (`feed="URL"`). Relative URLs in a feed are resolved against
//! the feed's own URL, as feed readers do.

use crate::episode::{Episode, TranscriptSource};
use crate::url::resolve;
use chapters::feed::{Feed, TranscriptLink};
use chapters::ChapterSource;
use std::rc::Rc;

/// The feed's playable episodes (those with an enclosure), in the feed's order.
pub fn from_feed(feed: Feed, base: &str) -> Vec<Episode> {
    let show_art = feed.image.map(|i| resolve(&i, base));
    let show = feed.title;
    feed.episodes
        .into_iter()
        .filter_map(|e| {
            let src = resolve(e.audio_url.as_deref()?, base);
            let chapters = match e.chapter_source() {
                ChapterSource::Url(url) => ChapterSource::Url(resolve(&url, base)),
                other => other,
            };
            let transcript = if e.transcripts.is_empty() {
                TranscriptSource::None
            } else {
                TranscriptSource::Links(
                    e.transcripts
                        .into_iter()
                        .map(|l| TranscriptLink {
                            url: resolve(&l.url, base),
                            ..l
                        })
                        .collect(),
                )
            };
            Some(Episode {
                src,
                show: show.clone(),
                published: e.published,
                duration_ms: e.duration_ms,
                artwork: e
                    .image
                    .map(|i| resolve(&i, base))
                    .or_else(|| show_art.clone()),
                notes: Rc::from(e.description),
                chapters,
                transcript,
                title: e.title,
            })
        })
        .collect()
}
