//! Writing chapters into an MP3's ID3v2 tag: `CHAP` frames with their title (`TIT2`), link
//! (`WXXX`) and picture (`APIC`), and a `CTOC` table of contents listing the chapters a listener
//! sees — what Apple Podcasts, Overcast, Pocket Casts and the other apps read.
//!
//! Every other frame of an existing tag is kept as stored, and the bytes after the tag (the
//! audio, an ID3v1 or APE tag) are copied unchanged; only `CHAP` and `CTOC` frames are replaced.

use super::id3::{stored_tag, StoredFrame};
use super::mpeg;
use crate::formats::{Format, ParseError};
use crate::model::{Chapters, DroppedChapter};

/// Room left after the frames, so a later edit of the tag need not move the audio.
const PADDING: usize = 1024;

/// The rewritten file, and what changed.
#[derive(Debug)]
pub struct Tagged {
    pub bytes: Vec<u8>,
    /// The ID3v2 minor version written: 3 or 4.
    pub version: u8,
    /// How many `CHAP` frames the file had before.
    pub replaced: usize,
    /// The frames kept from the existing tag.
    pub kept: usize,
    /// The audio's length, when its frames could be counted: the last chapter's end.
    pub duration_ms: Option<u64>,
    /// Chapters that start after the audio ends, left out.
    pub dropped: Vec<DroppedChapter>,
}

/// Writes `chapters` into `mp3`'s tag, leaving out any that start after the audio ends. `version`
/// is 3 or 4; `None` keeps an existing v2.4 tag
/// at v2.4 (its frames may use UTF-8, which v2.3 lacks) and writes v2.3, the version every app
/// reads, otherwise.
pub fn write(mp3: &[u8], chapters: &Chapters, version: Option<u8>) -> Result<Tagged, ParseError> {
    let existing = stored_tag(mp3)?;
    let (old_major, old_len, old_frames) = match existing {
        Some(tag) => (Some(tag.major), tag.len, tag.frames),
        None => (None, 0, Vec::new()),
    };
    let audio = mp3
        .get(old_len..)
        .ok_or_else(|| err("the ID3 tag runs past the end of the file"))?;
    let version = version.unwrap_or(if old_major == Some(4) { 4 } else { 3 });
    if old_major == Some(4) && version == 3 {
        return Err(err(
            "the file's tag is ID3v2.4 and its frames cannot all be written as ID3v2.3",
        ));
    }
    let duration_ms = mpeg::duration_ms(audio);
    let mut chapters = chapters.clone();
    let dropped = duration_ms.map_or_else(Vec::new, |d| chapters.validate(d));

    let mut body = Vec::new();
    let mut replaced = 0;
    let mut kept = 0;
    for frame in &old_frames {
        match &frame.id {
            b"CHAP" => replaced += 1,
            b"CTOC" => {}
            _ => {
                push_frame(
                    &mut body,
                    version,
                    &frame.id,
                    converted(frame, version)?,
                    &frame.data,
                )?;
                kept += 1;
            }
        }
    }
    let ids: Vec<String> = (0..chapters.len()).map(|i| format!("chp{i}")).collect();
    for (i, c) in chapters.iter().enumerate() {
        let end = chapters.end_of(i, duration_ms).unwrap_or(c.start_ms);
        let mut data = ids[i].as_bytes().to_vec();
        data.push(0);
        data.extend(ms32(c.start_ms).to_be_bytes());
        data.extend(ms32(end.max(c.start_ms)).to_be_bytes());
        data.extend([0xFF; 8]); // byte offsets: not used
        push_frame(
            &mut data,
            version,
            b"TIT2",
            [0, 0],
            &text(version, &c.title),
        )?;
        if let Some(url) = &c.url {
            let mut wxxx = vec![0, 0]; // Latin-1, an empty description
            wxxx.extend(latin1(url));
            push_frame(&mut data, version, b"WXXX", [0, 0], &wxxx)?;
        }
        if let Some(apic) = picture(c) {
            push_frame(&mut data, version, b"APIC", [0, 0], &apic)?;
        }
        push_frame(&mut body, version, b"CHAP", [0, 0], &data)?;
    }
    if !chapters.is_empty() {
        let listed: Vec<&String> = chapters
            .iter()
            .zip(&ids)
            .filter(|(c, _)| !c.hidden)
            .map(|(_, id)| id)
            .collect();
        let mut toc = b"toc\0".to_vec();
        toc.push(0x03); // top level, ordered
        toc.push(u8::try_from(listed.len()).map_err(|_| err("more than 255 listed chapters"))?);
        for id in listed {
            toc.extend(id.as_bytes());
            toc.push(0);
        }
        push_frame(&mut body, version, b"CTOC", [0, 0], &toc)?;
    }
    body.resize(body.len() + PADDING, 0);

    let size = syncsafe(body.len())?;
    let mut bytes = Vec::with_capacity(10 + body.len() + audio.len());
    bytes.extend(b"ID3");
    bytes.extend([version, 0, 0]);
    bytes.extend(size);
    bytes.extend(body);
    bytes.extend(audio);
    Ok(Tagged {
        bytes,
        version,
        replaced,
        kept,
        duration_ms,
        dropped,
    })
}

fn err(message: impl Into<String>) -> ParseError {
    ParseError::new(Format::Id3, message)
}

/// A kept frame's flags in the version written. The same version keeps them as they are; from
/// v2.3 to v2.4 only a frame without flags is copied, since compressed, encrypted or grouped
/// frames lay out their data differently in the two.
fn converted(frame: &StoredFrame, version: u8) -> Result<[u8; 2], ParseError> {
    if version == 3 || frame.flags == [0, 0] {
        return Ok(frame.flags);
    }
    if frame.flags[1] == 0 {
        // Only status flags (tag or file alter preservation, read only): the same meanings, one
        // bit to the right in v2.4.
        return Ok([frame.flags[0] >> 1, 0]);
    }
    Err(err(format!(
        "frame \"{}\" is compressed, encrypted or grouped and cannot be moved to ID3v2.4",
        String::from_utf8_lossy(&frame.id)
    )))
}

fn push_frame(
    out: &mut Vec<u8>,
    version: u8,
    id: &[u8; 4],
    flags: [u8; 2],
    data: &[u8],
) -> Result<(), ParseError> {
    out.extend(id);
    if version == 4 {
        out.extend(syncsafe(data.len())?);
    } else {
        let len = u32::try_from(data.len()).map_err(|_| err("a frame over 4 GiB"))?;
        out.extend(len.to_be_bytes());
    }
    out.extend(flags);
    out.extend(data);
    Ok(())
}

fn syncsafe(n: usize) -> Result<[u8; 4], ParseError> {
    if n >= 1 << 28 {
        return Err(err(
            "the tag would be over 256 MiB, the most ID3v2 can hold",
        ));
    }
    Ok([
        (n >> 21) as u8 & 0x7F,
        (n >> 14) as u8 & 0x7F,
        (n >> 7) as u8 & 0x7F,
        n as u8 & 0x7F,
    ])
}

/// CHAP times are 32-bit milliseconds: a time past 49 days is held there.
fn ms32(ms: u64) -> u32 {
    u32::try_from(ms).unwrap_or(u32::MAX - 1)
}

/// A text frame's data: Latin-1 when the text fits it, otherwise UTF-16 with a BOM in v2.3 and
/// UTF-8 in v2.4.
fn text(version: u8, s: &str) -> Vec<u8> {
    if s.chars().all(|c| u32::from(c) <= 0xFF) {
        let mut out = vec![0];
        out.extend(latin1(s));
        return out;
    }
    if version == 4 {
        let mut out = vec![3];
        out.extend(s.as_bytes());
        return out;
    }
    let mut out = vec![1, 0xFF, 0xFE];
    for unit in s.encode_utf16() {
        out.extend(unit.to_le_bytes());
    }
    out
}

/// URLs are Latin-1 in ID3; anything outside it is percent-encoded as UTF-8, as a browser would.
fn latin1(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match u8::try_from(u32::from(c)) {
            Ok(b) => out.push(b),
            Err(_) => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.extend(format!("%{b:02X}").bytes());
                }
            }
        }
    }
    out
}

/// An `APIC` frame's data: the embedded picture, or else a link to the chapter's image (MIME
/// type `-->`). Picture type 0, "other", as chapter images are neither cover nor artist.
fn picture(c: &crate::model::Chapter) -> Option<Vec<u8>> {
    let (mime, payload): (&[u8], Vec<u8>) = match (&c.picture, &c.image) {
        (Some(p), _) => (p.mime.as_bytes(), p.data.clone()),
        (None, Some(url)) => (b"-->", latin1(url)),
        (None, None) => return None,
    };
    let mut out = vec![0];
    out.extend(mime);
    out.extend([0, 0, 0]); // MIME terminator, picture type, empty description
    out.extend(payload);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::id3;
    use crate::model::{Chapter, Picture};

    fn audio() -> Vec<u8> {
        let mut frame = vec![0u8; 417];
        frame[..4].copy_from_slice(&[0xFF, 0xFB, 0x90, 0x00]);
        frame.repeat(200) // 5.224 s
    }

    fn sample() -> Chapters {
        let mut two = Chapter::new(2_000, "Zwei – Ü");
        two.url = Some("https://example.com/zwei?x=ü€".into());
        two.picture = Some(Picture {
            mime: "image/png".into(),
            data: b"\x89PNG\r\n\x1a\nrest".to_vec(),
        });
        let mut hidden = Chapter::new(3_000, "Sponsor");
        hidden.hidden = true;
        hidden.image = Some("https://example.com/ad.png".into());
        Chapters::new(vec![
            Chapter::new(0, "Intro"),
            two,
            hidden,
            Chapter::new(4_000, "日本語"),
        ])
    }

    #[test]
    fn writes_chapters_the_reader_reads_back_in_both_versions() {
        for version in [3, 4] {
            let tagged = write(&audio(), &sample(), Some(version)).expect("written");
            assert_eq!(tagged.version, version);
            assert_eq!(tagged.duration_ms, Some(5_224));
            let back = id3::read(&tagged.bytes).expect("read back");
            let titles: Vec<_> = back.iter().map(|c| c.title.as_str()).collect();
            assert_eq!(titles, ["Intro", "Zwei – Ü", "Sponsor", "日本語"]);
            assert_eq!(back.get(3).and_then(|c| c.end_ms), Some(5_224));
            let two = back.get(1).expect("two");
            assert_eq!(
                two.url.as_deref(),
                Some("https://example.com/zwei?x=ü%E2%82%AC")
            );
            assert_eq!(two.picture, sample().get(1).and_then(|c| c.picture.clone()));
            assert_eq!(
                back.get(2).and_then(|c| c.image.as_deref()),
                Some("https://example.com/ad.png")
            );
            // The audio follows the tag unchanged.
            assert!(tagged.bytes.ends_with(&audio()));
        }
    }

    #[test]
    fn hidden_chapters_are_left_out_of_the_table_of_contents() {
        let tagged = write(&audio(), &sample(), None).expect("written");
        let toc = tagged
            .bytes
            .windows(4)
            .position(|w| w == b"CTOC")
            .expect("a CTOC");
        let data = &tagged.bytes[toc + 10..];
        assert_eq!(&data[..6], b"toc\0\x03\x03");
        assert_eq!(&data[6..21], b"chp0\0chp1\0chp3\0");
    }

    #[test]
    fn replaces_chapters_and_keeps_every_other_frame() {
        let first = write(&audio(), &sample(), Some(3)).expect("first");
        // Another frame the podcaster's tool wrote, after ours.
        let mut bytes = first.bytes.clone();
        let tag_end = id3::tag_len(&bytes).expect("a tag");
        let mut extra = b"TPE1\0\0\0\x04\0\0\0abc".to_vec();
        extra.resize(PADDING, 0);
        bytes.splice(tag_end - PADDING..tag_end, extra);
        let again =
            write(&bytes, &Chapters::new(vec![Chapter::new(0, "Only")]), None).expect("rewritten");
        assert_eq!((again.replaced, again.kept, again.version), (4, 1, 3));
        assert!(again
            .bytes
            .windows(11)
            .any(|w| w == b"TPE1\0\0\0\x04\0\0\0"));
        assert_eq!(id3::read(&again.bytes).expect("read").len(), 1);
        assert!(again.bytes.ends_with(&audio()));
    }

    #[test]
    fn a_v24_tag_stays_v24_and_v23_frames_move_to_v24_on_request() {
        let v4 = write(&audio(), &sample(), Some(4)).expect("v2.4");
        assert_eq!(write(&v4.bytes, &sample(), None).expect("kept").version, 4);
        assert!(write(&v4.bytes, &sample(), Some(3)).is_err());
        let v3 = write(&audio(), &sample(), Some(3)).expect("v2.3");
        let moved = write(&v3.bytes, &sample(), Some(4)).expect("moved");
        assert_eq!(id3::read(&moved.bytes).expect("read").len(), 4);
    }

    #[test]
    fn bad_files_are_refused() {
        let mut short = write(&audio(), &sample(), None).expect("written").bytes;
        short.truncate(40);
        assert!(write(&short, &sample(), None).is_err());
        assert!(write(b"ID3\x02\0\0\0\0\0\x10", &sample(), None).is_err());
    }
}
