//! Podcast RSS feeds: the show's title, author and image, and for each episode what the player
//! needs — audio, duration, show notes, and where its chapters come from.
//!
//! Built on the lenient tag scanner in `crate::xml`, since feeds in the wild are often not
//! well-formed. Namespaces are matched by the prefixes feeds conventionally write (`itunes:`,
//! `podcast:`, `psc:`, `content:`) rather than resolved, and names ASCII-case-insensitively
//! (`itunes:Duration` occurs). Only direct children of `<channel>`, of its `<image>` and of
//! `<item>` are read; everything else is skipped.

use crate::formats::psc;
use crate::model::{ChapterSource, Chapters};
use crate::timestamp::parse_duration;
use crate::xml::{self, Item, Scanner, Tag};
use std::fmt;

/// Why a feed could not be read: one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedError(pub String);

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid feed: {}", self.0)
    }
}

impl std::error::Error for FeedError {}

/// A podcast: the channel of an RSS feed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Feed {
    pub title: String,
    pub author: Option<String>,
    /// `itunes:image`, else the URL of the RSS `<image>`.
    pub image: Option<String>,
    /// In document order: newest first, as feeds list them.
    pub episodes: Vec<Episode>,
}

/// One `<item>`. URLs are as written: relative ones are the caller's to resolve.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Episode {
    /// `Episode N`, counting items from 1, when the item has none.
    pub title: String,
    pub guid: Option<String>,
    /// `pubDate` as written: RFC 822 in theory, anything in practice, so it is not interpreted.
    pub published: Option<String>,
    pub duration_ms: Option<u64>,
    /// From the enclosure. `None` still lists the episode: the player shows it disabled.
    pub audio_url: Option<String>,
    pub audio_type: Option<String>,
    pub image: Option<String>,
    /// Show notes, usually HTML: `content:encoded`, else `description`, else `itunes:summary`.
    pub description: String,
    /// From `podcast:chapters`: a chapter file to fetch.
    pub chapters_url: Option<String>,
    pub chapters_type: Option<String>,
    /// An inline `<psc:chapters>` element; `None` also when it is malformed, so one broken
    /// element costs its episode's chapters rather than the whole feed.
    pub psc_chapters: Option<Chapters>,
    /// Every `podcast:transcript`, in the feed's order.
    pub transcripts: Vec<TranscriptLink>,
}

/// A `<podcast:transcript url type language rel>` tag.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TranscriptLink {
    pub url: String,
    pub mime: Option<String>,
    pub language: Option<String>,
    /// `rel="captions"`: timed, whatever its type.
    pub captions: bool,
}

impl Episode {
    /// The source the player uses: a published chapter file is the podcaster's most deliberate
    /// statement, inline chapters the next, timestamps in the notes the last resort.
    pub fn chapter_source(&self) -> ChapterSource {
        if let Some(url) = &self.chapters_url {
            return ChapterSource::Url(url.clone());
        }
        match &self.psc_chapters {
            // An empty element is a placeholder; the notes may still list chapters.
            Some(c) if !c.is_empty() => ChapterSource::Inline(c.clone()),
            _ => ChapterSource::Notes,
        }
    }
}

/// Reads an RSS feed (2.0, or 1.0 with items after the channel).
pub fn read(xml: &str) -> Result<Feed, FeedError> {
    Reader::new(xml).run()
}

/// Elements nested deeper are not tracked: feeds nest a handful of levels, and the bound keeps
/// the work per end tag constant on hostile input.
const MAX_DEPTH: usize = 64;

fn is(name: &str, expected: &str) -> bool {
    name.eq_ignore_ascii_case(expected)
}

/// A non-empty attribute value.
fn attr(tag: &Tag, name: &str) -> Option<String> {
    tag.attr(name).filter(|v| !v.is_empty())
}

/// Keeps the first non-empty value: feeds repeat elements, and the first is the canonical one.
fn set_once(slot: &mut Option<String>, value: String) {
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value);
    }
}

/// Children of an item read as text.
#[derive(Clone, Copy)]
enum Text {
    Title,
    Guid,
    Published,
    Duration,
    Encoded,
    Description,
    Summary,
}

const ITEM_TEXTS: [(&str, Text); 7] = [
    ("title", Text::Title),
    ("guid", Text::Guid),
    ("pubDate", Text::Published),
    ("itunes:duration", Text::Duration),
    ("content:encoded", Text::Encoded),
    ("description", Text::Description),
    ("itunes:summary", Text::Summary),
];

/// An item being read: the texts that are chosen between or parsed once the item ends.
#[derive(Default)]
struct Draft {
    episode: Episode,
    title: Option<String>,
    duration: Option<String>,
    encoded: Option<String>,
    description: Option<String>,
    summary: Option<String>,
}

impl Draft {
    fn slot(&mut self, text: Text) -> &mut Option<String> {
        match text {
            Text::Title => &mut self.title,
            Text::Guid => &mut self.episode.guid,
            Text::Published => &mut self.episode.published,
            Text::Duration => &mut self.duration,
            Text::Encoded => &mut self.encoded,
            Text::Description => &mut self.description,
            Text::Summary => &mut self.summary,
        }
    }

    /// Reads the children that carry attributes; the first usable one of each kind wins.
    fn attributes(&mut self, tag: &Tag) {
        let e = &mut self.episode;
        if is(tag.name, "enclosure") && e.audio_url.is_none() {
            e.audio_url = attr(tag, "url");
            e.audio_type = e.audio_url.as_ref().and(attr(tag, "type"));
        } else if is(tag.name, "itunes:image") && e.image.is_none() {
            e.image = attr(tag, "href");
        } else if is(tag.name, "podcast:chapters") && e.chapters_url.is_none() {
            e.chapters_url = attr(tag, "url");
            e.chapters_type = e.chapters_url.as_ref().and(attr(tag, "type"));
        } else if is(tag.name, "podcast:transcript") {
            if let Some(url) = attr(tag, "url") {
                e.transcripts.push(TranscriptLink {
                    url,
                    mime: attr(tag, "type"),
                    language: attr(tag, "language"),
                    captions: attr(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("captions")),
                });
            }
        }
    }

    /// The episode, `n` counting items from 1.
    fn finish(self, n: usize) -> Episode {
        let mut e = self.episode;
        e.title = self.title.unwrap_or_else(|| format!("Episode {n}"));
        e.duration_ms = self.duration.as_deref().and_then(parse_duration);
        e.description = (self.encoded.or(self.description).or(self.summary)).unwrap_or_default();
        e
    }
}

/// Element content as text: references decoded once, CDATA unwrapped, comments dropped, and
/// markup written raw (HTML notes not escaped at all) kept as written.
fn text_content(raw: &str) -> String {
    let mut scanner = Scanner::new(raw);
    let mut out = String::with_capacity(raw.len());
    loop {
        let item = scanner.next_item();
        let markup = raw.get(scanner.item_start()..scanner.position());
        match item {
            Ok(None) => return out,
            Ok(Some(Item::Text(t))) => out.push_str(&crate::entities::decode(t)),
            Ok(Some(Item::CData(c))) => out.push_str(c),
            Ok(Some(_)) => out.push_str(markup.unwrap_or_default()),
            Err(_) => {
                out.push_str(raw.get(scanner.item_start()..).unwrap_or_default());
                return out;
            }
        }
    }
}

/// Where the element being started sits, as far as the reader cares.
enum Context {
    Channel,
    Image,
    Item,
    Other,
}

struct Reader<'a> {
    text: &'a str,
    scanner: Scanner<'a>,
    /// Names of the open elements, outermost first.
    open: Vec<&'a str>,
    /// A tag that also ended a text element left open, still to be handled.
    pending: Option<Item<'a>>,
    /// The item being read, and its place in `open`.
    item: Option<(usize, Draft)>,
    root: Option<&'a str>,
    seen_channel: bool,
    feed: Feed,
    /// The RSS `<image>` URL, the fallback for `itunes:image`.
    image_url: Option<String>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader {
            text,
            scanner: Scanner::new(text),
            open: Vec::new(),
            pending: None,
            item: None,
            root: None,
            seen_channel: false,
            feed: Feed::default(),
            image_url: None,
        }
    }

    fn run(mut self) -> Result<Feed, FeedError> {
        while let Some(item) = self.next()? {
            match item {
                Item::Start(tag) => self.start(&tag)?,
                Item::End(name) => self.end(name),
                Item::Text(_) | Item::CData(_) => {}
            }
        }
        self.finish_item();
        if !self.seen_channel {
            let atom = self.root.is_some_and(|r| is(xml::split_name(r).1, "feed"));
            let why = if atom {
                "an Atom feed; only RSS is supported"
            } else {
                "no <channel> element"
            };
            return Err(FeedError(why.into()));
        }
        let mut feed = self.feed;
        feed.image = feed.image.or(self.image_url);
        Ok(feed)
    }

    fn next(&mut self) -> Result<Option<Item<'a>>, FeedError> {
        if let Some(item) = self.pending.take() {
            return Ok(Some(item));
        }
        self.scanner
            .next_item()
            .map_err(|e| FeedError(e.to_string()))
    }

    fn start(&mut self, tag: &Tag<'a>) -> Result<(), FeedError> {
        self.root.get_or_insert(tag.name);
        if is(tag.name, "item") && self.seen_channel {
            self.open_item(tag);
            return Ok(());
        }
        self.seen_channel |= is(tag.name, "channel");
        let read_to_end = match self.context() {
            Context::Item => self.item_child(tag)?,
            Context::Channel => self.channel_child(tag)?,
            Context::Image => self.image_child(tag)?,
            Context::Other => false,
        };
        if !read_to_end && !tag.self_closing && self.open.len() < MAX_DEPTH {
            self.open.push(tag.name);
        }
        Ok(())
    }

    fn end(&mut self, name: &str) {
        // An end tag nothing opened is stray; one that skips open elements closes them too.
        let Some(at) = self.open.iter().rposition(|open| is(open, name)) else {
            return;
        };
        self.open.truncate(at);
        if self
            .item
            .as_ref()
            .is_some_and(|(item_at, _)| *item_at >= at)
        {
            self.finish_item();
        }
    }

    fn context(&self) -> Context {
        let depth = self.open.len();
        if let Some((at, _)) = &self.item {
            return if at + 1 == depth {
                Context::Item
            } else {
                Context::Other
            };
        }
        let from_top = |n: usize| {
            let i = depth.checked_sub(n + 1)?;
            self.open.get(i).copied()
        };
        let top = from_top(0).unwrap_or_default();
        if is(top, "channel") {
            Context::Channel
        } else if is(top, "image") && from_top(1).is_some_and(|p| is(p, "channel")) {
            Context::Image
        } else {
            Context::Other
        }
    }

    /// Items never nest, so an item starting inside another means the other was left open.
    fn open_item(&mut self, tag: &Tag<'a>) {
        if let Some(at) = self.item.as_ref().map(|(at, _)| *at) {
            self.open.truncate(at);
            self.finish_item();
        }
        if self.open.len() >= MAX_DEPTH {
            return;
        }
        self.item = Some((self.open.len(), Draft::default()));
        if tag.self_closing {
            self.finish_item();
        } else {
            self.open.push(tag.name);
        }
    }

    fn finish_item(&mut self) {
        if let Some((_, draft)) = self.item.take() {
            let n = self.feed.episodes.len() + 1;
            self.feed.episodes.push(draft.finish(n));
        }
    }

    /// Reads a child of the item; `true` when it was read up to its end tag.
    fn item_child(&mut self, tag: &Tag<'a>) -> Result<bool, FeedError> {
        if let Some(&(_, text)) = ITEM_TEXTS.iter().find(|(name, _)| is(tag.name, name)) {
            let value = self.text_of(tag)?;
            if let Some((_, draft)) = &mut self.item {
                set_once(draft.slot(text), value);
            }
            return Ok(true);
        }
        if is(tag.name, "psc:chapters") {
            let chapters = self.psc_chapters(tag)?;
            if let Some((_, draft)) = &mut self.item {
                let slot = &mut draft.episode.psc_chapters;
                *slot = slot.take().or(chapters);
            }
            return Ok(true);
        }
        if let Some((_, draft)) = &mut self.item {
            draft.attributes(tag);
        }
        Ok(false)
    }

    fn channel_child(&mut self, tag: &Tag<'a>) -> Result<bool, FeedError> {
        if is(tag.name, "title") {
            let title = self.text_of(tag)?;
            if self.feed.title.is_empty() {
                self.feed.title = title;
            }
            return Ok(true);
        }
        if is(tag.name, "itunes:author") {
            let author = self.text_of(tag)?;
            set_once(&mut self.feed.author, author);
            return Ok(true);
        }
        if is(tag.name, "itunes:image") && self.feed.image.is_none() {
            self.feed.image = attr(tag, "href");
        }
        Ok(false)
    }

    fn image_child(&mut self, tag: &Tag<'a>) -> Result<bool, FeedError> {
        if !is(tag.name, "url") {
            return Ok(false);
        }
        let url = self.text_of(tag)?;
        set_once(&mut self.image_url, url);
        Ok(true)
    }

    /// The trimmed text of the element whose start tag was just read.
    fn text_of(&mut self, tag: &Tag<'a>) -> Result<String, FeedError> {
        if tag.self_closing {
            return Ok(String::new());
        }
        let (inner, _) = self.capture(tag.name)?;
        Ok(text_content(inner).trim().to_string())
    }

    /// Hands the whole element, start to end tag, to the PSC reader.
    fn psc_chapters(&mut self, tag: &Tag<'a>) -> Result<Option<Chapters>, FeedError> {
        let from = self.scanner.item_start();
        let to = if tag.self_closing {
            self.scanner.position()
        } else {
            self.capture(tag.name)?.1
        };
        Ok(psc::read(self.slice(from, to)).ok())
    }

    /// Reads on to the end tag of the element `name` just started: its raw content, and the
    /// offset past its end tag. The end tag of an enclosing element, or the start of the next
    /// item, ends it too and is kept for the main loop, so an unclosed `<description>` cannot
    /// swallow the rest of the feed.
    fn capture(&mut self, name: &str) -> Result<(&'a str, usize), FeedError> {
        let from = self.scanner.position();
        let mut depth = 0usize;
        loop {
            let item = self
                .scanner
                .next_item()
                .map_err(|e| FeedError(e.to_string()))?;
            let at = self.scanner.item_start();
            match item {
                None => return Ok((self.slice(from, self.text.len()), self.text.len())),
                Some(Item::Start(t)) if !t.self_closing && is(t.name, name) => depth += 1,
                Some(Item::End(n)) if is(n, name) && depth > 0 => depth -= 1,
                Some(Item::End(n)) if is(n, name) => {
                    return Ok((self.slice(from, at), self.scanner.position()));
                }
                Some(item) if self.ends_capture(&item) => {
                    self.pending = Some(item);
                    return Ok((self.slice(from, at), at));
                }
                Some(_) => {}
            }
        }
    }

    fn ends_capture(&self, item: &Item) -> bool {
        match item {
            Item::End(n) => self.open.iter().any(|open| is(open, n)),
            Item::Start(t) => is(t.name, "item") && self.item.is_some(),
            _ => false,
        }
    }

    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::titles;

    #[test]
    fn a_huge_duration_is_no_duration() {
        // Twenty digits once overflowed the seconds-to-milliseconds sum.
        assert_eq!(parse_duration("99999999999999999999"), None);
        assert_eq!(parse_duration("18446744073709551.999"), None);
        assert_eq!(parse_duration("6260.5"), Some(6_260_500));
    }
    use crate::model::Chapter;

    const CORE_PY: &str = include_str!("../tests/fixtures/feeds/core-py.xml");
    const PODCAST_CHAPTERS: &str = include_str!("../tests/fixtures/feeds/podcast-chapters.xml");
    const PSC: &str = include_str!("../tests/fixtures/feeds/psc.xml");
    const SEED: &str = include_str!("../tests/fixtures/seed.txt");

    fn feed(xml: &str) -> Feed {
        read(xml).unwrap_or_else(|e| panic!("{e}"))
    }

    fn err(xml: &str) -> String {
        match read(xml) {
            Ok(f) => panic!("expected an error, got {f:?}"),
            Err(e) => e.to_string(),
        }
    }

    /// A feed around `items`.
    fn rss(items: &str) -> String {
        format!("<rss version=\"2.0\"><channel><title>T</title>{items}</channel></rss>")
    }

    fn one(item: &str) -> Episode {
        let mut f = feed(&rss(item));
        assert_eq!(f.episodes.len(), 1, "{item}");
        f.episodes.remove(0)
    }

    /// Each episode's notes as the seed page shows them: after the duration of the previous
    /// episode and the title, or for the first after the show's own line.
    fn seed_notes() -> Vec<String> {
        SEED.split("--------")
            .enumerate()
            .map(|(i, chunk)| {
                let lines: Vec<&str> = chunk.trim_start_matches('\n').split('\n').collect();
                let skip = if i == 0 { 1 } else { 2 };
                lines[skip..].join("\n").trim().to_string()
            })
            .collect()
    }

    #[test]
    fn core_py_feed() {
        let f = feed(CORE_PY);
        assert_eq!(f.title, "core.py");
        assert_eq!(
            f.author.as_deref(),
            Some("Pablo Galindo Salgado & Łukasz Langa")
        );
        assert_eq!(f.image.as_deref(), Some("artwork.svg"));
        let titles: Vec<&str> = f.episodes.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Episode 20",
                "Episode 19: Async hacks, unicorns and velociraptors",
                "Episode 18: Reference Counting",
                "Episode 17: Argparse, JIT, and balloons with Savannah Ostrowski",
                "Episode 16: Memory Allocation",
            ]
        );
        let durations: Vec<Option<&str>> = ["1:44:20", "2:07:21", "1:39:07", "1:45:06", ""]
            .map(|d| (!d.is_empty()).then_some(d))
            .to_vec();
        for ((e, duration), notes) in f.episodes.iter().zip(durations).zip(seed_notes()) {
            assert_eq!(
                e.duration_ms,
                duration.and_then(crate::timestamp::parse_clock),
                "{}",
                e.title
            );
            let n = &e.title[8..10];
            assert_eq!(
                e.audio_url.as_deref(),
                Some(format!("media/episode-{n}.mp3").as_str())
            );
            assert_eq!(e.audio_type.as_deref(), Some("audio/mpeg"));
            assert_eq!(
                e.guid.as_deref(),
                Some(format!("core-py-episode-{n}").as_str())
            );
            assert_eq!(e.description, notes, "{}", e.title);
            assert_eq!(
                (&e.chapters_url, &e.psc_chapters, &e.image),
                (&None, &None, &None)
            );
        }
        assert_eq!(
            f.episodes[0].published.as_deref(),
            Some("Tue, 06 May 2025 17:00:00 +0000")
        );
    }

    #[test]
    fn core_py_chapters_come_from_the_notes() {
        let counts: Vec<usize> = feed(CORE_PY)
            .episodes
            .iter()
            .map(|e| match e.chapter_source() {
                ChapterSource::Notes => crate::notes::extract(&e.description).len(),
                other => panic!("{}: {other:?}", e.title),
            })
            .collect();
        assert_eq!(counts, [23, 34, 31, 28, 36]);
        let last_episode = &feed(CORE_PY).episodes[4];
        assert_eq!(last_episode.chapter_source(), ChapterSource::Notes);
        let last = crate::notes::extract(&last_episode.description);
        assert_eq!(last.get(35), Some(&Chapter::new(6_042_000, "OUTRO")));
    }

    #[test]
    fn podcast_chapters_url_comes_first() {
        let f = feed(PODCAST_CHAPTERS);
        assert_eq!(f.title, "Open Mic & Friends");
        assert_eq!(f.author.as_deref(), Some("Open Mic Collective"));
        assert_eq!(
            f.image.as_deref(),
            Some("https://example.org/openmic/cover-3000.jpg")
        );
        // The live item and the channel-level chapters are not episodes'.
        assert_eq!(f.episodes.len(), 2);
        let [a, b] = [&f.episodes[0], &f.episodes[1]];
        assert_eq!(a.title, "OM-101: Chapters, Transcripts & Value");
        assert_eq!(b.title, "OM-100: Feeds <3 chapters");
        assert_eq!(
            a.audio_url.as_deref(),
            Some("https://example.org/openmic/om101.mp3?source=feed&v=2")
        );
        assert_eq!(
            a.image.as_deref(),
            Some("https://example.org/openmic/om101.jpg")
        );
        assert_eq!(
            (a.duration_ms, b.duration_ms),
            (Some(2_701_000), Some(2_461_000))
        );
        assert_eq!(
            a.chapter_source(),
            ChapterSource::Url("chapters-1.json".into())
        );
        assert_eq!(
            a.chapters_type.as_deref(),
            Some("application/json+chapters")
        );
        assert_eq!(
            b.chapter_source(),
            ChapterSource::Url("chapters-2.json".into())
        );

        // Escaped HTML is decoded once: what is left is HTML, its own `&amp;` still in it.
        assert!(a
            .description
            .starts_with("<p>Why chapter files beat timestamps in the notes &amp; what"));
        // Markup in CDATA, even `<item>`, is notes.
        assert!(b
            .description
            .contains("a literal <item><title>not an item</title></item> stay"));

        // Without the URL: the inline chapters, then the notes.
        let mut b = b.clone();
        b.chapters_url = None;
        let ChapterSource::Inline(inline) = b.chapter_source() else {
            panic!("not inline");
        };
        assert_eq!(
            titles(&inline),
            ["Welcome", "How feeds work", "Podcasting 2.0 tags"]
        );
        b.psc_chapters = None;
        assert_eq!(b.chapter_source(), ChapterSource::Notes, "not notes");
        let notes = crate::notes::extract(&b.description);
        assert_eq!(
            titles(&notes),
            [
                "Welcome",
                "How feeds work",
                "Podcasting 2.0 tags",
                "Goodbye"
            ]
        );
        let mut a = a.clone();
        a.chapters_url = None;
        assert_eq!(a.chapter_source(), ChapterSource::Notes, "not notes");
        let notes = crate::notes::extract(&a.description);
        assert_eq!(
            titles(&notes),
            ["Hello", "JSON chapters", "Transcripts", "Value for value"]
        );
    }

    #[test]
    fn psc_chapters_come_before_notes() {
        let f = feed(PSC);
        assert_eq!(f.title, "Bauhausfunk");
        assert_eq!(f.author.as_deref(), Some("Grete & Walter"));
        assert_eq!(
            f.image.as_deref(),
            Some("https://example.org/bauhaus/cover-1400.jpg")
        );
        let durations: Vec<_> = f.episodes.iter().map(|e| e.duration_ms).collect();
        assert_eq!(
            durations,
            [Some(3_734_000), Some(3_145_000), Some(2_910_000)]
        );

        let ChapterSource::Inline(c) = f.episodes[0].chapter_source() else {
            panic!("not inline");
        };
        assert_eq!(
            titles(&c),
            [
                "Begrüßung",
                "Herbert Bayer & die Universal",
                "Kleinschreibung im Alltag",
                "Ausklang"
            ]
        );
        assert_eq!(c.get(1).map(|c| c.start_ms), Some(200_500));
        assert_eq!(
            c.get(1).and_then(|c| c.url.as_deref()),
            Some("https://example.org/bayer")
        );
        let ChapterSource::Inline(c) = f.episodes[1].chapter_source() else {
            panic!("not inline");
        };
        assert_eq!(titles(&c), ["Intro", "Marcel Breuer"]);

        // No PSC: the notes, from content:encoded rather than the summary.
        let third = &f.episodes[2];
        assert!(third.description.starts_with("<p>Aus dem Archiv"));
        assert_eq!(third.chapter_source(), ChapterSource::Notes, "not notes");
        let c = crate::notes::extract(&third.description);
        assert_eq!(titles(&c), ["Anfang", "Die Werkstätten", "Ende"]);
        assert_eq!(third.psc_chapters, None);
    }

    #[test]
    fn description_falls_back_to_description_then_summary() {
        let e = one("<item><itunes:summary>S</itunes:summary><description>D</description></item>");
        assert_eq!(e.description, "D");
        let e = one(
            "<item><content:encoded></content:encoded><itunes:summary>S</itunes:summary></item>",
        );
        assert_eq!(e.description, "S");
        assert_eq!(one("<item></item>").description, "");
    }

    #[test]
    fn text_is_decoded_once() {
        let e = one(
            "<item><title>Q&amp;amp;A &#8212; <![CDATA[&amp; <b>]]></title>\
             <description>&lt;p&gt;a &amp;lt; b<!-- c --></description></item>",
        );
        assert_eq!(e.title, "Q&amp;A — &amp; <b>");
        assert_eq!(e.description, "<p>a &lt; b");
        // Unescaped HTML is invalid RSS, but common: kept as written.
        let e = one("<item><description><p>x &amp; <br>y</p></description></item>");
        assert_eq!(e.description, "<p>x & <br>y</p>");
    }

    #[test]
    fn missing_title_enclosure_and_chapters() {
        let f = feed(&rss(
            "<item><title>  </title><enclosure length=\"1\"/></item>\
             <item><title>B</title></item><item/>",
        ));
        let t: Vec<&str> = f.episodes.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(t, ["Episode 1", "B", "Episode 3"]);
        assert!(f
            .episodes
            .iter()
            .all(|e| e.audio_url.is_none() && e.audio_type.is_none()));
        assert_eq!(f.episodes[1].chapter_source(), ChapterSource::Notes);
        // An empty or broken inline element gives way to the notes.
        let notes = "<description>0:00 A\n1:00 B</description>";
        for psc in [
            "<psc:chapters/>",
            "<psc:chapters></psc:chapters>",
            "<psc:chapters><psc:chapter start=\"x\" title=\"A\"/></psc:chapters>",
        ] {
            let e = one(&format!("<item>{psc}{notes}</item>"));
            assert_eq!(e.chapter_source(), ChapterSource::Notes, "{psc}: not notes");
            let c = crate::notes::extract(&e.description);
            assert_eq!(titles(&c), ["A", "B"], "{psc}");
        }
    }

    #[test]
    fn names_in_any_case_and_first_of_each_wins() {
        let e = one(
            "<Item><TITLE>A</TITLE><title>B</title><itunes:Duration>90</itunes:Duration>\
             <Enclosure URL=\"a.mp3\" Type=\"audio/mpeg\"/><enclosure url=\"b.mp3\"/>\
             <ITUNES:IMAGE href=\"a.jpg\"></ITUNES:IMAGE><Podcast:Chapters url=\"c.json\"/></Item>",
        );
        assert_eq!(e.title, "A");
        assert_eq!(e.duration_ms, Some(90_000));
        assert_eq!(e.audio_url.as_deref(), Some("a.mp3"));
        assert_eq!(e.audio_type.as_deref(), Some("audio/mpeg"));
        assert_eq!(e.image.as_deref(), Some("a.jpg"));
        assert_eq!(e.chapters_url.as_deref(), Some("c.json"));
        assert_eq!(e.chapters_type, None);
    }

    #[test]
    fn durations() {
        for (d, ms) in [
            ("1:02:03", Some(3_723_000)),
            (" 62:03 ", Some(3_723_000)),
            ("5:07", Some(307_000)),
            ("3723", Some(3_723_000)),
            ("3723.5", Some(3_723_500)),
            ("0", Some(0)),
            ("", None),
            ("1h", None),
            ("-5", None),
            ("1:2:3", None),
            ("99999999999999999999", None),
            ("3600001", None),
        ] {
            assert_eq!(parse_duration(d), ms, "{d:?}");
        }
    }

    #[test]
    fn channel_children_only() {
        let f = feed(
            "<rss><channel><image><title>Logo</title><url>small.png</url></image>\
             <podcast:liveItem><title>Live</title></podcast:liveItem><title>Show</title>\
             <itunes:owner><itunes:author>Nobody</itunes:author></itunes:owner>\
             <item><title>E</title><itunes:image href=\"e.jpg\"/></item></channel></rss>",
        );
        assert_eq!(f.title, "Show");
        assert_eq!(f.author, None);
        assert_eq!(f.image.as_deref(), Some("small.png"));
        assert_eq!(f.episodes.len(), 1);
        assert_eq!(f.episodes[0].image.as_deref(), Some("e.jpg"));
    }

    #[test]
    fn items_in_cdata_are_notes() {
        let f = feed(&rss(
            "<item><title>A</title><description><![CDATA[<item><title>B</title></item>]]></description></item>",
        ));
        assert_eq!(f.episodes.len(), 1);
        assert_eq!(f.episodes[0].description, "<item><title>B</title></item>");
    }

    #[test]
    fn unclosed_elements() {
        // An item left open ends at the next; a description left open ends with its item.
        let f = feed(&rss(
            "<item><title>A</title><description>notes <item><title>B</title>\
             <description>x</item><item><title>C</title></item>",
        ));
        let t: Vec<&str> = f.episodes.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(t, ["A", "B", "C"]);
        assert_eq!(f.episodes[1].description, "x");
        // A feed cut off between tags keeps what it has.
        let f = feed("<rss><channel><title>T</title><item><title>A</title>");
        assert_eq!(f.episodes.len(), 1);
        // RSS 1.0: items after the channel.
        let f = feed(
            "<rdf:RDF><channel><title>T</title></channel><item><title>A</title></item></rdf:RDF>",
        );
        assert_eq!(f.episodes.len(), 1);
    }

    #[test]
    fn malformed_feeds_are_errors() {
        assert_eq!(err(""), "invalid feed: no <channel> element");
        assert_eq!(err("hello"), "invalid feed: no <channel> element");
        assert_eq!(
            err("{\"version\": \"1.2\"}"),
            "invalid feed: no <channel> element"
        );
        assert_eq!(
            err("<rss version=\"2.0\"></rss>"),
            "invalid feed: no <channel> element"
        );
        assert_eq!(
            err("<item><title>A</title></item>"),
            "invalid feed: no <channel> element"
        );
        assert_eq!(
            err("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry/></feed>"),
            "invalid feed: an Atom feed; only RSS is supported"
        );
        assert_eq!(
            err("<rss><channel>\n<item><description><![CDATA[<p>cut"),
            "invalid feed: line 2: unterminated markup \"<![CDATA[<p>cut\""
        );
        assert_eq!(
            err("<rss><channel><item><enclosure url=\"a.mp3"),
            "invalid feed: line 1: unterminated markup \"<enclosure url=\\\"a.mp3\""
        );
    }

    #[test]
    fn deep_nesting_stays_fast() {
        let n = 20_000;
        let xml = format!(
            "<rss><channel>{}{}<item><title>A</title></item></channel></rss>",
            "<a>".repeat(n),
            "</b>".repeat(n)
        );
        // Deeper than tracked: the item is not seen, but the feed reads in linear time.
        assert!(read(&xml).is_ok());
    }

    fn exercise(xml: &str, all_sources: bool) {
        if let Ok(f) = read(xml) {
            let episodes = if all_sources {
                &f.episodes[..]
            } else {
                // The last episode is the one a prefix cuts into.
                &f.episodes[f.episodes.len().saturating_sub(1)..]
            };
            for e in episodes {
                let _ = e.chapter_source();
            }
        }
    }

    #[test]
    fn never_panics() {
        let bytes = CORE_PY.as_bytes();
        for len in 0..=bytes.len() {
            exercise(&String::from_utf8_lossy(&bytes[..len]), false);
        }
        let docs = [CORE_PY, PODCAST_CHAPTERS, PSC];
        let tokens: [&[u8]; 16] = [
            b"<",
            b">",
            b"/>",
            b"\"",
            b"&",
            b";",
            b"<!--",
            b"-->",
            b"<![CDATA[",
            b"]]>",
            b"<item>",
            b"</item>",
            b"</channel>",
            b"<psc:chapters>",
            "é".as_bytes(),
            b"\xff",
        ];
        let docs: Vec<&str> = docs.iter().map(|d| d.as_ref()).collect();
        crate::test_support::text_mutations(&docs, &tokens, 3000, |text| exercise(text, true));
    }
}
