//! ID3v2 chapters: the `CHAP` frames of the ID3v2 Chapter Frame Addendum that podcast tools write
//! into the tag at the start of an MP3. [`id3_write`](super::id3_write) writes them.
//!
//! The widget fetches only the leading bytes of an episode, so [`tag_len`] tells it how many it
//! needs, and [`read`] reports a short tag as truncated instead of quietly returning whatever
//! chapters happened to fit.
//!
//! Every size in a tag comes from the file, so nothing here indexes, slices or adds without a
//! check: a hostile tag must end in an `Err` or fewer chapters, never in a panic.

use crate::formats::{Format, ParseError};
use crate::model::{Chapter, Chapters, Picture};
use crate::timestamp::MAX_MS;
use std::borrow::Cow;

/// The tag header, and the footer a v2.4 tag may repeat it in.
const HEADER_LEN: usize = 10;
/// ID, size and two flag bytes, in both v2.3 and v2.4.
const FRAME_HEADER_LEN: usize = 10;

const TAG_UNSYNC: u8 = 0x80;
const TAG_EXTENDED: u8 = 0x40;
const TAG_FOOTER: u8 = 0x10;

/// How many bytes the caller must fetch to hold the whole tag: header, body and, for a v2.4 tag
/// that has one, the footer.
///
/// `None` when `header` (at least its first 10 bytes) does not start with an ID3v2 header as the
/// specification defines one (`ID3`, version bytes below `0xFF`, a syncsafe size), so a widget
/// never issues a second request on the strength of random bytes. The version is not checked:
/// fetching an unsupported tag in full lets [`read`] say why it is unsupported.
pub fn tag_len(header: &[u8]) -> Option<usize> {
    let h = parse_header(header).ok()?;
    let footer = if h.major == 4 && h.flags & TAG_FOOTER != 0 {
        HEADER_LEN
    } else {
        0
    };
    HEADER_LEN.checked_add(h.size)?.checked_add(footer)
}

/// Reads every `CHAP` frame of an ID3v2.3 or ID3v2.4 tag at the start of `bytes`.
///
/// All `CHAP` frames become chapters, ordered by start time; `CTOC` tables of contents are not
/// consulted, so a missing or incomplete table never hides a chapter. A chapter without a usable
/// `TIT2` title is called "Chapter N", N counting from 1 in time order, because the player needs
/// something to show. `WXXX` gives the chapter's URL, and an `APIC` its picture: embedded, or its
/// image's URL when the MIME type is `-->` (a picture given as a link).
///
/// A valid tag without chapters gives an empty list. Damage inside a chapter (an overrunning or
/// unreadable sub-frame) costs only that sub-frame; damage to the tag's own structure is an error.
pub fn read(bytes: &[u8]) -> Result<Chapters, ParseError> {
    let mut list = Vec::new();
    each_frame(bytes, |major, frame, unsync_every_frame| {
        if &frame.id == b"CHAP" {
            if let Some(content) = frame_content(major, &frame, unsync_every_frame) {
                list.push(read_chap(&content, major)?);
            }
        }
        Ok(())
    })?;
    Ok(finish(list))
}

/// Calls `f` with each frame of the ID3v2.3 or v2.4 tag at the start of `bytes` (with the
/// version, and whether a v2.4 tag unsynchronised every frame), after checking the header,
/// undoing v2.3's whole-tag unsynchronisation and skipping an extended header; the version.
fn each_frame(
    bytes: &[u8],
    mut f: impl FnMut(u8, RawFrame<'_>, bool) -> Result<(), ParseError>,
) -> Result<u8, ParseError> {
    let header = parse_header(bytes).map_err(|problem| err(problem.message(bytes)))?;
    if header.major != 3 && header.major != 4 {
        return Err(err(format!(
            "unsupported ID3v2.{} tag: only ID3v2.3 and ID3v2.4 carry chapters",
            header.major
        )));
    }
    let end = HEADER_LEN.saturating_add(header.size);
    let Some(body) = bytes.get(HEADER_LEN..end) else {
        return Err(err(format!(
            "ID3 tag is truncated: header says {end} bytes, only {} present",
            bytes.len()
        )));
    };
    let tag_unsync = header.flags & TAG_UNSYNC != 0;
    // v2.3 unsynchronises the whole body, frame headers included, so it must be undone before a
    // single frame size can be trusted; v2.4 does it frame by frame (see `frame_content`).
    let body = if header.major == 3 && tag_unsync {
        resync(body)
    } else {
        Cow::Borrowed(body)
    };
    let frame_area: &[u8] = if header.flags & TAG_EXTENDED != 0 {
        skip_extended_header(&body, header.major)?
    } else {
        &body
    };
    for frame in frames(frame_area, header.major) {
        let frame = frame.map_err(|o| {
            err(format!(
                "frame \"{}\" overruns the tag: {} bytes declared, only {} left",
                String::from_utf8_lossy(&o.id),
                o.declared,
                o.left
            ))
        })?;
        f(header.major, frame, header.major == 4 && tag_unsync)?;
    }
    Ok(header.major)
}

/// A frame of an existing tag, kept as stored for [`id3_write`](super::id3_write) to copy.
pub(super) struct StoredFrame {
    pub id: [u8; 4],
    pub flags: [u8; 2],
    pub data: Vec<u8>,
}

/// An existing tag's version, its length in the file (header, body, footer) and its frames, with
/// v2.3's whole-tag unsynchronisation undone and a v2.4 tag's moved onto each frame's flags, so
/// every frame can be copied on its own.
pub(super) struct StoredTag {
    pub major: u8,
    pub len: usize,
    pub frames: Vec<StoredFrame>,
}

/// The tag at the start of `bytes`, if there is one.
pub(super) fn stored_tag(bytes: &[u8]) -> Result<Option<StoredTag>, ParseError> {
    if !bytes.starts_with(b"ID3") {
        return Ok(None);
    }
    let mut frames = Vec::new();
    let major = each_frame(bytes, |_, frame, unsync_every_frame| {
        let unsync = if unsync_every_frame { 0x02 } else { 0 };
        frames.push(StoredFrame {
            id: frame.id,
            flags: [frame.status_flags, frame.format_flags | unsync],
            data: frame.data.to_vec(),
        });
        Ok(())
    })?;
    Ok(Some(StoredTag {
        major,
        len: tag_len(bytes).unwrap_or(usize::MAX),
        frames,
    }))
}

fn err(message: impl Into<String>) -> ParseError {
    ParseError::new(Format::Id3, message)
}

struct Header {
    major: u8,
    flags: u8,
    size: usize,
}

enum HeaderProblem {
    NotId3,
    Short,
    NotSyncsafe,
}

impl HeaderProblem {
    fn message(&self, bytes: &[u8]) -> String {
        match self {
            HeaderProblem::NotId3 => "no ID3v2 tag at the start of the data".to_string(),
            HeaderProblem::Short => format!(
                "ID3 tag is truncated: header needs {HEADER_LEN} bytes, only {} present",
                bytes.len()
            ),
            HeaderProblem::NotSyncsafe => {
                "ID3 header is corrupt: its size is not syncsafe".to_string()
            }
        }
    }
}

fn parse_header(bytes: &[u8]) -> Result<Header, HeaderProblem> {
    if !bytes.starts_with(b"ID3") {
        return Err(HeaderProblem::NotId3);
    }
    let Some(([_, _, _, major, revision, flags, s0, s1, s2, s3], _)) =
        bytes.split_first_chunk::<HEADER_LEN>()
    else {
        return Err(HeaderProblem::Short);
    };
    // The specification's own detection pattern: anything else is not an ID3v2 header.
    if *major == 0xFF || *revision == 0xFF {
        return Err(HeaderProblem::NotId3);
    }
    let size = syncsafe([*s0, *s1, *s2, *s3]).ok_or(HeaderProblem::NotSyncsafe)?;
    Ok(Header {
        major: *major,
        flags: *flags,
        size,
    })
}

/// Skips the extended header, whose size field counts itself in v2.4 but not in v2.3.
fn skip_extended_header(body: &[u8], major: u8) -> Result<&[u8], ParseError> {
    let Some((raw, _)) = body.split_first_chunk::<4>() else {
        return Err(err("extended header overruns the tag"));
    };
    let len = if major == 3 {
        to_usize(u32::from_be_bytes(*raw)).checked_add(4)
    } else {
        // Six bytes is the smallest v2.4 extended header: size, flag count, one flag byte.
        syncsafe(*raw).filter(|&n| n >= 6)
    };
    let Some(len) = len else {
        return Err(err("extended header has an invalid size"));
    };
    body.get(len..).ok_or_else(|| {
        err(format!(
            "extended header overruns the tag: {len} bytes declared, only {} present",
            body.len()
        ))
    })
}

/// A 28-bit integer stored 7 bits per byte so it can never look like an MPEG sync; `None` when a
/// byte has its top bit set, i.e. the writer did not actually use the syncsafe form.
fn syncsafe(bytes: [u8; 4]) -> Option<usize> {
    bytes.iter().try_fold(0usize, |acc, &b| {
        (b < 0x80).then_some((acc << 7) | usize::from(b))
    })
}

fn to_usize(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// Undoes unsynchronisation: the writer inserted a `0x00` after every `0xFF` that could be
/// mistaken for an MPEG sync, so every `0x00` that follows a `0xFF` goes.
fn resync(data: &[u8]) -> Cow<'_, [u8]> {
    if !data.windows(2).any(|w| w == [0xFF, 0x00]) {
        return Cow::Borrowed(data);
    }
    let mut out = Vec::with_capacity(data.len());
    let mut prev = 0u8;
    for &b in data {
        if !(prev == 0xFF && b == 0x00) {
            out.push(b);
        }
        prev = b;
    }
    Cow::Owned(out)
}

/// One frame as stored: its data still carries any flag-dependent prefix and unsynchronisation.
struct RawFrame<'a> {
    id: [u8; 4],
    status_flags: u8,
    format_flags: u8,
    data: &'a [u8],
}

/// A frame whose declared size runs past its container.
struct Overrun {
    id: [u8; 4],
    declared: usize,
    left: usize,
}

/// The frames of a tag body or of a `CHAP`'s sub-frame area, up to padding or the end. After an
/// overrun nothing further can be located, so the iterator ends there.
fn frames(data: &[u8], major: u8) -> impl Iterator<Item = Result<RawFrame<'_>, Overrun>> + '_ {
    let mut rest = data;
    std::iter::from_fn(move || {
        let ([i0, i1, i2, i3, s0, s1, s2, s3, status_flags, format_flags], after) =
            rest.split_first_chunk::<FRAME_HEADER_LEN>()?;
        let id = [*i0, *i1, *i2, *i3];
        // A zero byte is padding; any other non-ID is junk some writers leave instead of padding.
        // Either way there is no frame here, nor any way to find one further on.
        if !is_frame_id(&id) {
            rest = &[];
            return None;
        }
        let raw = [*s0, *s1, *s2, *s3];
        let declared = if major == 4 {
            v24_frame_size(after, raw)
        } else {
            to_usize(u32::from_be_bytes(raw))
        };
        match after.split_at_checked(declared) {
            Some((data, next)) => {
                rest = next;
                Some(Ok(RawFrame {
                    id,
                    status_flags: *status_flags,
                    format_flags: *format_flags,
                    data,
                }))
            }
            None => {
                let left = after.len();
                rest = &[];
                Some(Err(Overrun { id, declared, left }))
            }
        }
    })
}

/// Frame IDs are four characters from `A`–`Z` and `0`–`9`.
fn is_frame_id(id: &[u8]) -> bool {
    id.len() == 4
        && id
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// v2.4 frame sizes are syncsafe, but iTunes (among others) writes plain big-endian ones. The two
/// readings agree below 128 bytes; above, trust whichever lands on the next frame or padding,
/// preferring the specification's when both or neither do.
fn v24_frame_size(after_header: &[u8], raw: [u8; 4]) -> usize {
    let plain = to_usize(u32::from_be_bytes(raw));
    let Some(safe) = syncsafe(raw) else {
        return plain;
    };
    if safe == plain || lands_on_frame(after_header, safe) || !lands_on_frame(after_header, plain) {
        safe
    } else {
        plain
    }
}

/// Whether a frame of `size` bytes would end exactly at the end, at padding, or at a frame ID.
fn lands_on_frame(after_header: &[u8], size: usize) -> bool {
    match after_header.get(size..) {
        None => false,
        Some([]) | Some([0, ..]) => true,
        Some(next) => next.get(..4).is_some_and(is_frame_id),
    }
}

/// The frame's content, with flag-dependent prefixes skipped and unsynchronisation undone;
/// `None` for compressed or encrypted frames, which a chapter reader has no business unpacking.
fn frame_content<'a>(major: u8, frame: &RawFrame<'a>, unsync: bool) -> Option<Cow<'a, [u8]>> {
    let flags = frame.format_flags;
    let mut data = frame.data;
    if major == 3 {
        if flags & 0xC0 != 0 {
            return None;
        }
        // Grouping identity: one byte.
        if flags & 0x20 != 0 {
            data = data.get(1..)?;
        }
        return Some(Cow::Borrowed(data));
    }
    if flags & 0x0C != 0 {
        return None;
    }
    // Grouping identity (one byte), then the data length indicator (four), in that order.
    if flags & 0x40 != 0 {
        data = data.get(1..)?;
    }
    if flags & 0x01 != 0 {
        data = data.get(4..)?;
    }
    if unsync || flags & 0x02 != 0 {
        Some(resync(data))
    } else {
        Some(Cow::Borrowed(data))
    }
}

/// One `CHAP` frame. Its title stays empty when it has none, for [`finish`] to fill in.
fn read_chap(content: &[u8], major: u8) -> Result<Chapter, ParseError> {
    let Some((element, rest)) = split_terminated(Encoding::Latin1, content, true) else {
        return Err(err("CHAP frame has no NUL-terminated element ID"));
    };
    let Some((times, subframes)) = rest.split_first_chunk::<16>() else {
        return Err(err(format!(
            "CHAP frame {} is truncated: its times need 16 bytes, only {} present",
            quoted(element),
            rest.len()
        )));
    };
    let [a0, a1, a2, a3, b0, b1, b2, b3, ..] = *times;
    let start = u32::from_be_bytes([a0, a1, a2, a3]);
    let end = u32::from_be_bytes([b0, b1, b2, b3]);
    let mut chapter = Chapter::new(u64::from(start), String::new());
    // 0xFFFFFFFF is how writers say "no end"; an end before the start means nothing either.
    chapter.end_ms = (end != u32::MAX && end > start).then_some(u64::from(end));

    // Sub-frames carry their own flags; the tag-level v2.4 flag already applied to the CHAP as a
    // whole, and undoing unsynchronisation twice would corrupt genuine `FF 00` bytes.
    for sub in frames(subframes, major).map_while(Result::ok) {
        let Some(data) = frame_content(major, &sub, false) else {
            continue;
        };
        match &sub.id {
            b"TIT2" if chapter.title.is_empty() => {
                chapter.title = text_frame(&data).unwrap_or_default();
            }
            b"WXXX" if chapter.url.is_none() => chapter.url = wxxx_url(&data),
            b"APIC" => match apic(&data) {
                Some(Apic::Link(link)) if chapter.image.is_none() => chapter.image = Some(link),
                Some(Apic::Embedded(p)) if chapter.picture.is_none() => chapter.picture = Some(p),
                _ => {}
            },
            _ => {}
        }
    }
    Ok(chapter)
}

/// An element ID for an error message: quoted, escaped and short, so the message stays one line.
fn quoted(element: &[u8]) -> String {
    crate::quote::quote(&latin1(element), 64)
}

/// Numbers untitled chapters by their place in the final list, so sorting and de-duplication
/// happen here exactly as [`Chapters::new`] would do them. A CHAP time is any 32-bit number of
/// milliseconds (up to 1,193 hours): a start past [`MAX_MS`] is no position in an episode and
/// goes; an end past it is held to it.
fn finish(mut list: Vec<Chapter>) -> Chapters {
    list.retain(|c| c.start_ms <= MAX_MS);
    for c in &mut list {
        c.end_ms = c.end_ms.map(|end| end.min(MAX_MS));
    }
    list.sort_by_key(|c| c.start_ms);
    list.dedup_by_key(|c| c.start_ms);
    for (n, c) in (1usize..).zip(list.iter_mut()) {
        if c.title.is_empty() {
            c.title = format!("Chapter {n}");
        }
    }
    Chapters::new(list)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Latin1,
    /// Byte order from the BOM, little-endian without one (what BOM-less writers mean).
    Utf16,
    Utf16Be,
    Utf8,
}

impl Encoding {
    fn from_byte(b: u8) -> Option<Encoding> {
        match b {
            0 => Some(Encoding::Latin1),
            1 => Some(Encoding::Utf16),
            2 => Some(Encoding::Utf16Be),
            3 => Some(Encoding::Utf8),
            _ => None,
        }
    }

    fn is_wide(self) -> bool {
        matches!(self, Encoding::Utf16 | Encoding::Utf16Be)
    }

    fn decode(self, bytes: &[u8]) -> String {
        let text = match self {
            Encoding::Latin1 => latin1(bytes),
            Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            Encoding::Utf16 | Encoding::Utf16Be => {
                let (big_endian, units) = match bytes {
                    [0xFE, 0xFF, rest @ ..] => (true, rest),
                    [0xFF, 0xFE, rest @ ..] => (false, rest),
                    _ => (self == Encoding::Utf16Be, bytes),
                };
                let units = units
                    .chunks_exact(2)
                    .filter_map(|c| <[u8; 2]>::try_from(c).ok());
                let units = units.map(|pair| {
                    if big_endian {
                        u16::from_be_bytes(pair)
                    } else {
                        u16::from_le_bytes(pair)
                    }
                });
                char::decode_utf16(units)
                    .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect()
            }
        };
        text.trim_matches(|c: char| c.is_whitespace() || c == '\0' || c == '\u{feff}')
            .to_string()
    }
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Splits off the first string of a field: up to a NUL (two aligned NULs for UTF-16), and the
/// bytes after that terminator. An unterminated string runs to the end, unless `required`.
fn split_terminated(enc: Encoding, bytes: &[u8], required: bool) -> Option<(&[u8], &[u8])> {
    let (at, term) = if enc.is_wide() {
        let pair = bytes.chunks_exact(2).position(|c| c == [0, 0]);
        (pair.and_then(|p| p.checked_mul(2)), 2)
    } else {
        (bytes.iter().position(|&b| b == 0), 1)
    };
    match at {
        Some(at) => {
            let (text, rest) = bytes.split_at_checked(at)?;
            Some((text, rest.get(term..)?))
        }
        None if required => None,
        None => Some((bytes, &[])),
    }
}

/// A text frame's first string; `None` for an unknown encoding or a blank title.
fn text_frame(data: &[u8]) -> Option<String> {
    let (&enc, text) = data.split_first()?;
    let enc = Encoding::from_byte(enc)?;
    let (first, _) = split_terminated(enc, text, false)?;
    Some(enc.decode(first)).filter(|t| !t.is_empty())
}

/// `WXXX`: encoding, description in that encoding, then the URL, always Latin-1.
fn wxxx_url(data: &[u8]) -> Option<String> {
    let (&enc, rest) = data.split_first()?;
    let enc = Encoding::from_byte(enc)?;
    let (_description, url) = split_terminated(enc, rest, true)?;
    latin1_field(url)
}

enum Apic {
    Link(String),
    Embedded(Picture),
}

/// `APIC`: encoding, MIME type, picture type, description, then the picture's bytes, or a link
/// to it when the MIME type is `-->`. An embedded picture counts only when its bytes are an image
/// a browser shows (PNG, JPEG, GIF, WebP), whatever MIME type the writer claimed.
fn apic(data: &[u8]) -> Option<Apic> {
    let (&enc, rest) = data.split_first()?;
    let enc = Encoding::from_byte(enc)?;
    let (mime, rest) = split_terminated(Encoding::Latin1, rest, true)?;
    let (_picture_type, rest) = rest.split_first()?;
    let (_description, bytes) = split_terminated(enc, rest, true)?;
    if mime == b"-->" {
        return latin1_field(bytes).map(Apic::Link);
    }
    let mime = Picture::sniff(bytes)?;
    Some(Apic::Embedded(Picture {
        mime: mime.to_string(),
        data: bytes.to_vec(),
    }))
}

fn latin1_field(bytes: &[u8]) -> Option<String> {
    let (text, _) = split_terminated(Encoding::Latin1, bytes, false)?;
    Some(Encoding::Latin1.decode(text)).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::titles;

    // ---- A test-only tag builder, byte by byte. ----

    fn syncsafe_bytes(n: usize) -> [u8; 4] {
        assert!(n < 1 << 28);
        [
            (n >> 21) as u8 & 0x7F,
            (n >> 14) as u8 & 0x7F,
            (n >> 7) as u8 & 0x7F,
            n as u8 & 0x7F,
        ]
    }

    /// Unsynchronisation as a writer applies it: a zero after every `FF` that precedes a byte of
    /// `E0` or more, a zero, or the end.
    fn unsync(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        for (i, &b) in data.iter().enumerate() {
            out.push(b);
            if b == 0xFF && data.get(i + 1).is_none_or(|&n| n >= 0xE0 || n == 0) {
                out.push(0);
            }
        }
        out
    }

    fn encode(enc: u8, s: &str) -> Vec<u8> {
        match enc {
            0 => s
                .chars()
                .map(|c| u8::try_from(u32::from(c)).expect("Latin-1 text"))
                .collect(),
            1 => [0xFF, 0xFE]
                .into_iter()
                .chain(s.encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
            2 => s.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            3 => s.as_bytes().to_vec(),
            _ => panic!("no such encoding"),
        }
    }

    fn terminator(enc: u8) -> &'static [u8] {
        if enc == 1 || enc == 2 {
            &[0, 0]
        } else {
            &[0]
        }
    }

    /// A frame with a syncsafe (v2.4) or plain (v2.3) size. In v2.4 the format flags are honoured
    /// the way a writer would: `0x01` prefixes a data length indicator, `0x02` unsynchronises.
    fn frame_flags(major: u8, id: &[u8; 4], format: u8, data: &[u8]) -> Vec<u8> {
        let mut payload = Vec::new();
        if major == 4 && format & 0x01 != 0 {
            payload.extend(syncsafe_bytes(data.len()));
        }
        if major == 4 && format & 0x02 != 0 {
            payload.extend(unsync(data));
        } else {
            payload.extend(data);
        }
        let size = if major == 4 {
            syncsafe_bytes(payload.len())
        } else {
            (payload.len() as u32).to_be_bytes()
        };
        let mut f = id.to_vec();
        f.extend(size);
        f.extend([0, format]);
        f.extend(payload);
        f
    }

    fn frame(major: u8, id: &[u8; 4], data: &[u8]) -> Vec<u8> {
        frame_flags(major, id, 0, data)
    }

    /// A v2.4 frame with a plain big-endian size, as iTunes writes them.
    fn frame_plain_size(id: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut f = id.to_vec();
        f.extend((data.len() as u32).to_be_bytes());
        f.extend([0, 0]);
        f.extend(data);
        f
    }

    fn tit2(major: u8, enc: u8, title: &str) -> Vec<u8> {
        let mut data = vec![enc];
        data.extend(encode(enc, title));
        data.extend(terminator(enc));
        frame(major, b"TIT2", &data)
    }

    fn wxxx(major: u8, enc: u8, description: &str, url: &str) -> Vec<u8> {
        let mut data = vec![enc];
        data.extend(encode(enc, description));
        data.extend(terminator(enc));
        data.extend(url.as_bytes());
        frame(major, b"WXXX", &data)
    }

    fn apic(major: u8, mime: &str, description: &str, picture: &[u8]) -> Vec<u8> {
        let mut data = vec![3];
        data.extend(mime.as_bytes());
        data.push(0);
        data.push(0x03); // front cover
        data.extend(description.as_bytes());
        data.push(0);
        data.extend(picture);
        frame(major, b"APIC", &data)
    }

    fn chap_data(id: &str, start: u32, end: u32, subframes: &[Vec<u8>]) -> Vec<u8> {
        let mut data = id.as_bytes().to_vec();
        data.push(0);
        data.extend(start.to_be_bytes());
        data.extend(end.to_be_bytes());
        data.extend([0xFF; 8]); // byte offsets: unused
        data.extend(subframes.concat());
        data
    }

    fn chap(major: u8, id: &str, start: u32, end: u32, subframes: &[Vec<u8>]) -> Vec<u8> {
        frame(major, b"CHAP", &chap_data(id, start, end, subframes))
    }

    fn ctoc(major: u8, id: &str, children: &[&str], subframes: &[Vec<u8>]) -> Vec<u8> {
        let mut data = id.as_bytes().to_vec();
        data.push(0);
        data.push(0x03); // top level, ordered
        data.push(children.len() as u8);
        for child in children {
            data.extend(child.as_bytes());
            data.push(0);
        }
        data.extend(subframes.concat());
        frame(major, b"CTOC", &data)
    }

    struct Tag {
        major: u8,
        frames: Vec<Vec<u8>>,
        padding: usize,
        extended: bool,
        /// v2.3: unsynchronise the whole body. v2.4: only set the flag; the frames given must
        /// already be unsynchronised, since the flag then means every frame is.
        unsync: bool,
        footer: bool,
    }

    impl Tag {
        fn new(major: u8, frames: Vec<Vec<u8>>) -> Tag {
            Tag {
                major,
                frames,
                padding: 0,
                extended: false,
                unsync: false,
                footer: false,
            }
        }

        fn build(&self) -> Vec<u8> {
            let mut body = Vec::new();
            if self.extended {
                if self.major == 3 {
                    body.extend([0, 0, 0, 6, 0, 0, 0, 0, 0, 0]);
                } else {
                    body.extend([0, 0, 0, 6, 1, 0]);
                }
            }
            body.extend(self.frames.concat());
            body.extend(vec![0; self.padding]);
            if self.unsync && self.major == 3 {
                body = unsync(&body);
            }
            let mut flags = 0;
            if self.unsync {
                flags |= TAG_UNSYNC;
            }
            if self.extended {
                flags |= TAG_EXTENDED;
            }
            if self.footer {
                flags |= TAG_FOOTER;
            }
            let mut tag = b"ID3".to_vec();
            tag.extend([self.major, 0, flags]);
            tag.extend(syncsafe_bytes(body.len()));
            tag.extend(&body);
            if self.footer {
                tag.extend(b"3DI");
                tag.extend([self.major, 0, flags]);
                tag.extend(syncsafe_bytes(body.len()));
            }
            tag
        }
    }

    fn read_ok(bytes: &[u8]) -> Chapters {
        match read(bytes) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        }
    }

    fn read_err(bytes: &[u8]) -> String {
        match read(bytes) {
            Ok(c) => panic!("expected an error, got {c:?}"),
            Err(e) => {
                assert_eq!(e.format, Format::Id3);
                e.message
            }
        }
    }

    const NON_LATIN: &str = "Łukasz 日本語";

    /// A v2.4 tag exercising most of the reader at once.
    fn rich_v24() -> Vec<u8> {
        let mut tag = Tag::new(
            4,
            vec![
                tit2(4, 3, "Episode title"),
                ctoc(4, "toc", &["c1", "c0", "c2"], &[tit2(4, 0, "Contents")]),
                chap(
                    4,
                    "c1",
                    60_000,
                    120_000,
                    &[
                        tit2(4, 1, NON_LATIN),
                        wxxx(4, 1, "Lien", "https://example.com/1"),
                    ],
                ),
                chap(
                    4,
                    "c0",
                    0,
                    60_000,
                    &[
                        tit2(4, 3, "Intro"),
                        apic(4, "-->", "", b"https://example.com/0.jpg"),
                    ],
                ),
                frame_flags(
                    4,
                    b"CHAP",
                    0x03,
                    &chap_data("c2", 120_000, u32::MAX, &[tit2(4, 2, "ÿàÿ end")]),
                ),
            ],
        );
        tag.extended = true;
        tag.padding = 64;
        tag.build()
    }

    // ---- Titles, links and times. ----

    #[test]
    fn titles_in_every_encoding() {
        for major in [3, 4] {
            for enc in 0..=3 {
                let title = if enc == 0 { "Café ÿ" } else { NON_LATIN };
                let tag = Tag::new(
                    major,
                    vec![chap(major, "c", 0, 1_000, &[tit2(major, enc, title)])],
                );
                let c = read_ok(&tag.build());
                assert_eq!(titles(&c), [title], "v2.{major} encoding {enc}");
            }
        }
    }

    #[test]
    fn first_of_several_strings_and_no_trailing_nuls() {
        let mut data = vec![3];
        data.extend(b"First\0Second\0\0\0");
        let tag = Tag::new(4, vec![chap(4, "c", 0, 0, &[frame(4, b"TIT2", &data)])]);
        assert_eq!(titles(&read_ok(&tag.build())), ["First"]);

        let mut data = vec![1];
        data.extend(encode(1, "Eins"));
        data.extend([0, 0]);
        data.extend(encode(1, "Zwei"));
        let tag = Tag::new(3, vec![chap(3, "c", 0, 0, &[frame(3, b"TIT2", &data)])]);
        assert_eq!(titles(&read_ok(&tag.build())), ["Eins"]);
    }

    #[test]
    fn url_from_wxxx_image_from_linked_apic_and_embedded_picture() {
        for major in [3, 4] {
            for enc in 0..=3 {
                let tag = Tag::new(
                    major,
                    vec![chap(
                        major,
                        "c",
                        0,
                        5_000,
                        &[
                            tit2(major, 0, "T"),
                            apic(major, "image/jpeg", "cover", &[0xFF, 0xD8, 0xFF, 0xE0]),
                            apic(major, "-->", "link", b"https://example.com/img.png"),
                            wxxx(
                                major,
                                enc,
                                "Beschreibung ö",
                                "https://example.com/page?a=1&b=2",
                            ),
                        ],
                    )],
                );
                let c = read_ok(&tag.build());
                let ch = c.get(0).expect("one chapter");
                assert_eq!(ch.url.as_deref(), Some("https://example.com/page?a=1&b=2"));
                assert_eq!(ch.image.as_deref(), Some("https://example.com/img.png"));
                let picture = ch.picture.as_ref().expect("the embedded picture");
                assert_eq!(
                    (picture.mime.as_str(), picture.data.as_slice()),
                    ("image/jpeg", &[0xFF, 0xD8, 0xFF, 0xE0][..])
                );
                assert!(!ch.hidden);
            }
        }
    }

    #[test]
    fn end_times() {
        let tag = Tag::new(
            3,
            vec![
                chap(3, "a", 0, 10_000, &[]),
                chap(3, "b", 10_000, u32::MAX, &[]),
                chap(3, "c", 20_000, 15_000, &[]),
                chap(3, "d", 30_000, 30_000, &[]),
            ],
        );
        let c = read_ok(&tag.build());
        let ends: Vec<_> = c.iter().map(|c| c.end_ms).collect();
        assert_eq!(ends, [Some(10_000), None, None, None]);
    }

    #[test]
    fn ordered_by_start_and_untitled_numbered_in_time_order() {
        let tag = Tag::new(
            3,
            vec![
                chap(3, "z", 300_000, 0, &[]),
                chap(3, "y", 200_000, 0, &[tit2(3, 0, "Middle")]),
                chap(3, "x", 0, 0, &[]),
                chap(3, "w", 100_000, 0, &[tit2(3, 0, "  ")]),
            ],
        );
        let c = read_ok(&tag.build());
        let starts: Vec<_> = c.iter().map(|c| c.start_ms).collect();
        assert_eq!(starts, [0, 100_000, 200_000, 300_000]);
        assert_eq!(
            titles(&c),
            ["Chapter 1", "Chapter 2", "Middle", "Chapter 4"]
        );
    }

    #[test]
    fn rich_v24_tag() {
        let c = read_ok(&rich_v24());
        assert_eq!(titles(&c), ["Intro", NON_LATIN, "ÿàÿ end"]);
        assert_eq!(
            c.get(0).and_then(|c| c.image.as_deref()),
            Some("https://example.com/0.jpg")
        );
        assert_eq!(
            c.get(1).and_then(|c| c.url.as_deref()),
            Some("https://example.com/1")
        );
        assert_eq!(c.get(1).and_then(|c| c.end_ms), Some(120_000));
        assert_eq!(c.get(2).and_then(|c| c.end_ms), None);
    }

    #[test]
    fn no_chapters_is_an_empty_list() {
        let mut tag = Tag::new(3, vec![tit2(3, 0, "Just a song")]);
        tag.padding = 100;
        assert!(read_ok(&tag.build()).is_empty());
        assert!(read_ok(&Tag::new(4, vec![]).build()).is_empty());
    }

    // ---- Tag structure. ----

    /// Content with bytes that unsynchronisation must touch: `FF 00` in the start time
    /// (0x0000FF00) and `FF E0` in a Latin-1 title.
    fn sync_heavy(major: u8) -> Vec<Vec<u8>> {
        vec![
            chap(major, "a", 0xFF00, 0xCCFF_FF00, &[tit2(major, 0, "ÿàÿ")]),
            chap(major, "b", 0, 0xFF00, &[tit2(major, 1, "ÿ日")]),
        ]
    }

    fn check_sync_heavy(c: &Chapters) {
        assert_eq!(titles(c), ["ÿ日", "ÿàÿ"]);
        assert_eq!(c.get(1).map(|c| c.start_ms), Some(0xFF00));
        assert_eq!(c.get(1).and_then(|c| c.end_ms), Some(0xCCFF_FF00));
    }

    #[test]
    fn times_past_the_model_maximum_are_dropped_or_held() {
        for major in [3, 4] {
            let tag = Tag::new(
                major,
                vec![
                    chap(
                        major,
                        "a",
                        0,
                        0xFFFF_FFFE,
                        &[tit2(major, 0, "Kept, end held")],
                    ),
                    chap(
                        major,
                        "b",
                        0xFFFF_FFFE,
                        u32::MAX,
                        &[tit2(major, 0, "Past the end")],
                    ),
                    chap(
                        major,
                        "c",
                        3_600_000_000,
                        u32::MAX,
                        &[tit2(major, 0, "At the maximum")],
                    ),
                ],
            );
            let c = read_ok(&tag.build());
            assert_eq!(
                titles(&c),
                ["Kept, end held", "At the maximum"],
                "v2.{major}"
            );
            assert_eq!(c.get(0).and_then(|c| c.end_ms), Some(MAX_MS));
        }
    }

    #[test]
    fn v23_whole_tag_unsynchronisation() {
        let mut tag = Tag::new(3, sync_heavy(3));
        tag.unsync = true;
        tag.extended = true;
        tag.padding = 10;
        let bytes = tag.build();
        assert!(
            bytes.windows(2).any(|w| w == [0xFF, 0x00]),
            "builder must have unsynchronised"
        );
        check_sync_heavy(&read_ok(&bytes));
    }

    #[test]
    fn v24_per_frame_unsynchronisation_and_data_length_indicator() {
        let frames = sync_heavy(4)
            .into_iter()
            .enumerate()
            .map(|(i, f)| {
                // Rebuild each CHAP with the unsync flag, the second with a data length indicator
                // and a grouping byte in front.
                let data = f.get(FRAME_HEADER_LEN..).expect("frame").to_vec();
                if i == 0 {
                    frame_flags(4, b"CHAP", 0x02, &data)
                } else {
                    let mut grouped = vec![0x7E];
                    grouped.extend(syncsafe_bytes(data.len()));
                    grouped.extend(unsync(&data));
                    let mut f = b"CHAP".to_vec();
                    f.extend(syncsafe_bytes(grouped.len()));
                    f.extend([0, 0x40 | 0x02 | 0x01]);
                    f.extend(grouped);
                    f
                }
            })
            .collect();
        check_sync_heavy(&read_ok(&Tag::new(4, frames).build()));
    }

    #[test]
    fn v24_tag_level_unsynchronisation_covers_every_frame() {
        let frames = sync_heavy(4)
            .into_iter()
            .map(|f| {
                let data = f.get(FRAME_HEADER_LEN..).expect("frame").to_vec();
                let stored = unsync(&data);
                let mut f = b"CHAP".to_vec();
                f.extend(syncsafe_bytes(stored.len()));
                f.extend([0, 0]);
                f.extend(stored);
                f
            })
            .collect();
        let mut tag = Tag::new(4, frames);
        tag.unsync = true;
        check_sync_heavy(&read_ok(&tag.build()));
    }

    #[test]
    fn v24_plain_big_endian_frame_sizes_are_tolerated() {
        // Sizes near 200 have a byte with its top bit set; near 300 they read as valid but wrong
        // syncsafe numbers.
        for title_len in [180, 280] {
            let long = "x".repeat(title_len);
            let first = frame_plain_size(
                b"CHAP",
                &chap_data(
                    "a",
                    0,
                    0,
                    &[frame_plain_size(
                        b"TIT2",
                        &[&[0][..], long.as_bytes()].concat(),
                    )],
                ),
            );
            let second = frame_plain_size(
                b"CHAP",
                &chap_data("b", 5_000, 0, &[frame_plain_size(b"TIT2", b"\0Second")]),
            );
            let mut tag = Tag::new(4, vec![first, second]);
            tag.padding = 20;
            let c = read_ok(&tag.build());
            assert_eq!(c.len(), 2, "title of {title_len}");
            assert_eq!(c.get(0).map(|c| c.title.len()), Some(title_len));
            assert_eq!(c.get(1).map(|c| c.title.as_str()), Some("Second"));
        }
    }

    #[test]
    fn compressed_and_encrypted_frames_are_skipped() {
        let data = chap_data("a", 1_000, 0, &[tit2(3, 0, "Hidden")]);
        let mut compressed = frame(3, b"CHAP", &data);
        if let Some(flag) = compressed.get_mut(9) {
            *flag = 0x80;
        }
        let tag = Tag::new(
            3,
            vec![compressed, chap(3, "b", 0, 0, &[tit2(3, 0, "Shown")])],
        );
        assert_eq!(titles(&read_ok(&tag.build())), ["Shown"]);

        let tag = Tag::new(4, vec![frame_flags(4, b"CHAP", 0x04, &data)]);
        assert!(read_ok(&tag.build()).is_empty());
    }

    #[test]
    fn bad_subframe_is_skipped_not_fatal() {
        let mut bad_tit2 = tit2(3, 0, "Lost");
        if let Some(size) = bad_tit2.get_mut(7) {
            *size = 200;
        }
        let tag = Tag::new(
            3,
            vec![
                chap(3, "a", 0, 0, &[bad_tit2]),
                chap(3, "b", 1_000, 0, &[tit2(3, 0, "Kept")]),
            ],
        );
        assert_eq!(titles(&read_ok(&tag.build())), ["Chapter 1", "Kept"]);
    }

    // ---- Errors. ----

    #[test]
    fn truncated_tag() {
        let tag = rich_v24();
        let cut = tag.get(..tag.len() - 5).expect("shorter");
        assert_eq!(
            read_err(cut),
            format!(
                "ID3 tag is truncated: header says {} bytes, only {} present",
                tag.len(),
                tag.len() - 5
            )
        );
        assert!(read_err(b"ID3\x04\x00").contains("truncated"));
    }

    #[test]
    fn not_id3_and_unsupported_versions() {
        assert_eq!(read_err(b""), "no ID3v2 tag at the start of the data");
        assert_eq!(
            read_err(b"\xFF\xFB\x90\x00 mp3 frame"),
            "no ID3v2 tag at the start of the data"
        );
        assert_eq!(
            read_err(b"WEBVTT\n"),
            "no ID3v2 tag at the start of the data"
        );
        let mut v22 = Tag::new(3, vec![]).build();
        if let Some(major) = v22.get_mut(3) {
            *major = 2;
        }
        let message = read_err(&v22);
        assert!(message.contains("ID3v2.2"), "{message}");
        assert!(read_err(b"ID3\x04\x00\x00\x00\x00\x80\x00").contains("syncsafe"));
    }

    #[test]
    fn structural_damage_is_an_error() {
        // A top-level frame running past the tag.
        let mut tag = Tag::new(3, vec![chap(3, "a", 0, 0, &[])]).build();
        if let Some(size) = tag.get_mut(16) {
            *size = 0x7F;
        }
        let message = read_err(&tag);
        assert!(message.contains("\"CHAP\" overruns the tag"), "{message}");

        // A CHAP too short for its times names its element.
        let short = frame(4, b"CHAP", b"chp7\0\0\0\0\0\0");
        assert_eq!(
            read_err(&Tag::new(4, vec![short]).build()),
            "CHAP frame \"chp7\" is truncated: its times need 16 bytes, only 5 present"
        );
        assert!(
            read_err(&Tag::new(4, vec![frame(4, b"CHAP", b"no nul")]).build())
                .contains("element ID")
        );
    }

    // ---- tag_len. ----

    #[test]
    fn tag_len_for_each_version() {
        let t4 = rich_v24();
        assert_eq!(tag_len(&t4), Some(t4.len()));
        let t3 = Tag::new(3, sync_heavy(3)).build();
        assert_eq!(tag_len(t3.get(..10).expect("header")), Some(t3.len()));

        let mut with_footer = Tag::new(4, sync_heavy(4));
        with_footer.footer = true;
        let bytes = with_footer.build();
        assert_eq!(tag_len(&bytes), Some(bytes.len()));
        assert!(read_ok(&bytes).len() == 2);

        assert_eq!(tag_len(b"ID3\x04\x00\x00\x00\x00\x02\x01"), Some(10 + 257));
        assert_eq!(tag_len(b"ID3\x04\x00"), None);
        assert_eq!(tag_len(b"RIFF....WAVE"), None);
        assert_eq!(tag_len(b"ID3\x04\x00\x00\x00\x00\x80\x00"), None);
    }

    // ---- Never panic. ----

    #[test]
    fn every_prefix_and_random_mutations_never_panic() {
        let mut v3 = Tag::new(3, sync_heavy(3));
        v3.unsync = true;
        v3.extended = true;
        v3.padding = 8;
        let samples = [rich_v24(), v3.build()];
        for tag in &samples {
            for end in 0..=tag.len() {
                let prefix = tag.get(..end).expect("prefix");
                let _ = read(prefix);
                let _ = tag_len(prefix);
            }
        }

        let mut rng = crate::test_support::Rng(0x9E37_79B9_7F4A_7C15);
        for round in 0..6000 {
            let mut bytes = samples.get(round % samples.len()).expect("sample").clone();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(bytes.len());
                if let Some(b) = bytes.get_mut(at) {
                    // Favour bytes that steer a parser: zeros, 0xFF, top bits, small sizes.
                    *b = match rng.below(4) {
                        0 => 0,
                        1 => 0xFF,
                        2 => *b ^ (1 << rng.below(8)),
                        _ => rng.next() as u8,
                    };
                }
            }
            if rng.below(8) == 0 {
                bytes.truncate(rng.below(bytes.len() + 1));
            }
            let _ = read(&bytes);
            let _ = tag_len(&bytes);
        }

        // Random bodies behind a well-formed header, so the frame parser itself is exercised.
        for _ in 0..2000 {
            let len = rng.below(200);
            let major = 3 + rng.below(2) as u8;
            let flags = [0, TAG_UNSYNC, TAG_EXTENDED, TAG_UNSYNC | TAG_EXTENDED][rng.below(4)];
            let mut bytes = b"ID3".to_vec();
            bytes.extend([major, 0, flags]);
            bytes.extend(syncsafe_bytes(len));
            bytes.extend((0..len).map(|_| match rng.below(6) {
                0 => b"CHAP"[rng.below(4)],
                1 => b"TIT2WXXXAPIC"[rng.below(12)],
                2 => 0,
                _ => rng.next() as u8,
            }));
            let _ = read(&bytes);
        }
    }
}
