//! Writes an ID3v2.3 tag with `CHAP` and `CTOC` frames, so the tests have an MP3 whose only
//! chapters are the ones inside the file — as podcast tools (Auphonic, Forecast) write them.

use chapters::Chapters;

fn frame(id: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = id.to_vec();
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(data);
    out
}

/// `TIT2` in UTF-16 with a byte-order mark: ID3v2.3 has no UTF-8.
fn title(text: &str) -> Vec<u8> {
    let mut data = vec![1, 0xff, 0xfe];
    for unit in text.encode_utf16() {
        data.extend_from_slice(&unit.to_le_bytes());
    }
    frame(b"TIT2", &data)
}

fn syncsafe(n: usize) -> [u8; 4] {
    [
        (n >> 21) as u8 & 0x7f,
        (n >> 14) as u8 & 0x7f,
        (n >> 7) as u8 & 0x7f,
        n as u8 & 0x7f,
    ]
}

/// The whole tag: a table of contents, then one `CHAP` per chapter with its title.
pub fn chapters_tag(chapters: &Chapters, duration_ms: u64) -> Vec<u8> {
    let ids: Vec<String> = (0..chapters.len()).map(|i| format!("chp{i}")).collect();
    let mut toc = b"toc\0".to_vec();
    toc.push(0b11); // top level, ordered
    toc.push(ids.len().min(255) as u8);
    for id in ids.iter().take(255) {
        toc.extend_from_slice(id.as_bytes());
        toc.push(0);
    }
    let mut frames = frame(b"CTOC", &toc);
    for (i, c) in chapters.iter().enumerate() {
        let end = chapters.end_of(i, Some(duration_ms)).unwrap_or(duration_ms);
        let mut data = ids[i].as_bytes().to_vec();
        data.push(0);
        data.extend_from_slice(&(c.start_ms as u32).to_be_bytes());
        data.extend_from_slice(&(end as u32).to_be_bytes());
        data.extend_from_slice(&[0xff; 8]); // byte offsets unused
        data.extend_from_slice(&title(&c.title));
        frames.extend_from_slice(&frame(b"CHAP", &data));
    }
    let mut tag = b"ID3\x03\x00\x00".to_vec();
    tag.extend_from_slice(&syncsafe(frames.len()));
    tag.extend_from_slice(&frames);
    tag
}

#[cfg(test)]
mod tests {
    use super::*;
    use chapters::Chapter;

    #[test]
    fn the_core_reads_back_what_is_written() {
        let chapters = Chapters::new(vec![
            Chapter::new(0, "INTRO"),
            Chapter::new(257_000, "Łukasz: PART 0"),
        ]);
        let tag = chapters_tag(&chapters, 600_000);
        assert_eq!(chapters::formats::id3::tag_len(&tag), Some(tag.len()));
        let read = chapters::formats::id3::read(&tag).expect("reads");
        let titles: Vec<_> = read
            .iter()
            .map(|c| (c.start_ms, c.title.as_str()))
            .collect();
        assert_eq!(titles, [(0, "INTRO"), (257_000, "Łukasz: PART 0")]);
    }
}
