//! The chapter model every input format produces and every output format and the player consume.

/// One chapter of an episode.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Chapter {
    /// Start, in milliseconds from the start of the episode.
    pub start_ms: u64,
    /// Plain text, never markup: the view renders it as text.
    pub title: String,
    /// A web page that belongs to the chapter (Podcasting 2.0 `url`, PSC `href`, ID3 `WXXX`).
    pub url: Option<String>,
    /// An image for the chapter (Podcasting 2.0 `img`, PSC `image`, an ID3 `APIC` link).
    pub image: Option<String>,
    /// A picture carried in the file itself (an ID3 `APIC`), for the player to show from memory
    /// and the ID3 writer to embed.
    pub picture: Option<Picture>,
    /// An explicit end, when the source gives one; otherwise the chapter ends where the next begins.
    pub end_ms: Option<u64>,
    /// Hidden from the table of contents (Podcasting 2.0 `toc: false`) but still a seek point.
    pub hidden: bool,
}

/// An embedded image: its bytes and MIME type, as an ID3 `APIC` frame holds them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Picture {
    pub mime: String,
    pub data: Vec<u8>,
}

impl Picture {
    /// The MIME type of PNG, JPEG, GIF and WebP data, from its first bytes: the formats every
    /// browser and podcast app shows.
    pub fn sniff(data: &[u8]) -> Option<&'static str> {
        match data {
            [0x89, b'P', b'N', b'G', ..] => Some("image/png"),
            [0xFF, 0xD8, 0xFF, ..] => Some("image/jpeg"),
            [b'G', b'I', b'F', b'8', ..] => Some("image/gif"),
            [b'R', b'I', b'F', b'F', _, _, _, _, b'W', b'E', b'B', b'P', ..] => Some("image/webp"),
            _ => None,
        }
    }
}

impl Chapter {
    /// A chapter with only a start and a title.
    pub fn new(start_ms: u64, title: impl Into<String>) -> Self {
        Chapter {
            start_ms,
            title: title.into(),
            ..Chapter::default()
        }
    }
}

/// A chapter dropped by [`Chapters::validate`], and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedChapter {
    pub chapter: Chapter,
    pub reason: DropReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropReason {
    /// It starts at or after the end of the episode.
    PastEnd,
}

/// Chapters of one episode: always sorted by start, never two with the same start.
/// Where an episode's chapters come from, most deliberate first: the player, the feed reader and
/// the CLI agree on this one order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChapterSource {
    /// Given as data (`mount()`'s `chapters`, a feed's inline Podlove Simple Chapters).
    Inline(Chapters),
    /// A chapter file to fetch and read (`chapters="URL"`, `podcast:chapters`).
    Url(String),
    /// Extracted from the episode's show notes, whatever they are at the time.
    Notes,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Chapters {
    list: Vec<Chapter>,
}

impl Chapters {
    /// Sorts by start and keeps the first chapter of any that share a start, so every lookup below
    /// can rely on strictly increasing starts.
    pub fn new(mut list: Vec<Chapter>) -> Self {
        list.sort_by_key(|c| c.start_ms);
        list.dedup_by_key(|c| c.start_ms);
        // Hidden chapters only make sense beside listed ones: when every one is hidden, the
        // listener would have no chapters at all, so all are listed.
        if list.iter().all(|c| c.hidden) {
            for c in &mut list {
                c.hidden = false;
            }
        }
        for c in &mut list {
            if c.end_ms.is_some_and(|end| end <= c.start_ms) {
                c.end_ms = None;
            }
        }
        Chapters { list }
    }

    pub fn as_slice(&self) -> &[Chapter] {
        &self.list
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Chapter> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Chapter> {
        self.list.get(index)
    }

    /// The listed chapter playing at `t_ms`: the last listed one that has started (a hidden
    /// chapter changes the art and link inside it, not the chapter). `None` before the first.
    pub fn index_at(&self, t_ms: u64) -> Option<usize> {
        let started = self.list.partition_point(|c| c.start_ms <= t_ms);
        self.list[..started].iter().rposition(|c| !c.hidden)
    }

    /// The first listed chapter that starts after `t_ms`.
    pub fn next_after(&self, t_ms: u64) -> Option<usize> {
        let i = self.list.partition_point(|c| c.start_ms <= t_ms);
        self.list[i..]
            .iter()
            .position(|c| !c.hidden)
            .map(|offset| i + offset)
    }

    /// Where "previous chapter" goes from `t_ms`: the start of the current chapter when more than
    /// `grace_ms` into it (as CD players and podcast apps do), otherwise the listed chapter before
    /// it.
    pub fn previous_from(&self, t_ms: u64, grace_ms: u64) -> Option<usize> {
        let current = self.index_at(t_ms)?;
        let into = t_ms - self.list[current].start_ms;
        let before = self.list[..current].iter().rposition(|c| !c.hidden);
        match before {
            Some(before) if into <= grace_ms => Some(before),
            _ => Some(current),
        }
    }

    /// The chapter whose image and link belong on screen at `t_ms`: the last one that has started,
    /// hidden ones included, until its own end if it gives one. `None` means the episode's own.
    pub fn showing_at(&self, t_ms: u64) -> Option<&Chapter> {
        let started = self.list.partition_point(|c| c.start_ms <= t_ms);
        let c = self.list.get(started.checked_sub(1)?)?;
        c.end_ms.is_none_or(|end| t_ms < end).then_some(c)
    }

    /// Where chapter `index` ends: its own end if given, else the next start, else the episode end.
    pub fn end_of(&self, index: usize, episode_ms: Option<u64>) -> Option<u64> {
        let c = self.list.get(index)?;
        c.end_ms
            .or_else(|| self.list.get(index + 1).map(|n| n.start_ms))
            .or(episode_ms)
    }

    /// Length of chapter `index`, when its end is known.
    pub fn duration_of(&self, index: usize, episode_ms: Option<u64>) -> Option<u64> {
        let start = self.list.get(index)?.start_ms;
        self.end_of(index, episode_ms)
            .map(|end| end.saturating_sub(start))
    }

    /// Drops chapters that start at or past the end of the episode and clips explicit ends to it,
    /// returning what was dropped so the caller can report it rather than hide it.
    pub fn validate(&mut self, episode_ms: u64) -> Vec<DroppedChapter> {
        let keep = self.list.partition_point(|c| c.start_ms < episode_ms);
        let dropped = self
            .list
            .split_off(keep)
            .into_iter()
            .map(|chapter| DroppedChapter {
                chapter,
                reason: DropReason::PastEnd,
            })
            .collect();
        for c in &mut self.list {
            if c.end_ms.is_some_and(|end| end > episode_ms) {
                c.end_ms = Some(episode_ms);
            }
        }
        dropped
    }
}

impl From<Vec<Chapter>> for Chapters {
    fn from(list: Vec<Chapter>) -> Self {
        Chapters::new(list)
    }
}

impl<'a> IntoIterator for &'a Chapters {
    type Item = &'a Chapter;
    type IntoIter = std::slice::Iter<'a, Chapter>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Chapters {
        Chapters::new(vec![
            Chapter::new(60_000, "B"),
            Chapter::new(0, "A"),
            Chapter::new(60_000, "B again"),
            Chapter::new(300_000, "C"),
        ])
    }

    #[test]
    fn sorted_and_deduplicated() {
        let c = sample();
        let titles: Vec<_> = c.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["A", "B", "C"]);
    }

    #[test]
    fn lookups() {
        let c = sample();
        assert_eq!(c.index_at(0), Some(0));
        assert_eq!(c.index_at(59_999), Some(0));
        assert_eq!(c.index_at(60_000), Some(1));
        assert_eq!(c.index_at(10_000_000), Some(2));
        assert_eq!(c.next_after(0), Some(1));
        assert_eq!(c.next_after(300_000), None);
        assert_eq!(c.previous_from(61_000, 3_000), Some(0));
        assert_eq!(c.previous_from(70_000, 3_000), Some(1));
        assert_eq!(c.previous_from(1_000, 3_000), Some(0));
        assert_eq!(c.duration_of(0, None), Some(60_000));
        assert_eq!(c.duration_of(2, Some(400_000)), Some(100_000));
        assert_eq!(c.duration_of(2, None), None);
        assert_eq!(
            Chapters::new(vec![Chapter::new(5_000, "late")]).index_at(0),
            None
        );
    }

    fn hidden(start_ms: u64, title: &str) -> Chapter {
        Chapter {
            hidden: true,
            ..Chapter::new(start_ms, title)
        }
    }

    #[test]
    fn hidden_chapters_are_passed_over_by_navigation_but_show_their_art() {
        let mut art = hidden(90_000, "Sponsor art");
        art.image = Some("sponsor.png".into());
        art.end_ms = Some(120_000);
        let c = Chapters::new(vec![
            Chapter::new(0, "A"),
            Chapter::new(60_000, "B"),
            art,
            hidden(200_000, "Hidden at C"),
            Chapter::new(300_000, "C"),
        ]);
        // B stays the chapter while its hidden neighbours play.
        assert_eq!(c.index_at(95_000), Some(1));
        assert_eq!(c.index_at(250_000), Some(1));
        assert_eq!(c.next_after(60_000), Some(4));
        assert_eq!(c.previous_from(301_000, 3_000), Some(1));
        assert_eq!(c.previous_from(62_000, 3_000), Some(0));
        // The art follows every chapter, and stops at an explicit end.
        assert_eq!(
            c.showing_at(95_000).map(|c| c.title.as_str()),
            Some("Sponsor art")
        );
        assert_eq!(c.showing_at(130_000), None);
        assert_eq!(c.showing_at(59_000).map(|c| c.title.as_str()), Some("A"));
    }

    #[test]
    fn when_every_chapter_is_hidden_all_are_listed() {
        let c = Chapters::new(vec![hidden(0, "A"), hidden(60_000, "B")]);
        assert!(c.iter().all(|c| !c.hidden));
        assert_eq!(c.index_at(61_000), Some(1));
    }

    #[test]
    fn pictures_are_told_by_their_first_bytes() {
        assert_eq!(Picture::sniff(b"\x89PNG\r\n"), Some("image/png"));
        assert_eq!(
            Picture::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some("image/jpeg")
        );
        assert_eq!(Picture::sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(Picture::sniff(b"<html>"), None);
    }

    #[test]
    fn validate_reports_chapters_past_the_end() {
        let mut c = sample();
        let dropped = c.validate(300_000);
        assert_eq!(c.len(), 2);
        assert_eq!(dropped.len(), 1);
        assert_eq!(dropped[0].chapter.title, "C");
        assert_eq!(dropped[0].reason, DropReason::PastEnd);
    }

    #[test]
    fn nonsensical_end_is_forgotten() {
        let mut ch = Chapter::new(10_000, "x");
        ch.end_ms = Some(5_000);
        assert_eq!(Chapters::new(vec![ch]).get(0).and_then(|c| c.end_ms), None);
    }
}
