//! ID3 chapters written by tools other than this project's: ffmpeg's mp3 muxer (CHAP and CTOC
//! from chapter metadata) and mutagen, the Python tagger, which is told exactly which frames,
//! versions, encodings and sub-frames to write. The tags are made here, at test time, so the
//! reader is checked against what those writers produce, not against our own idea of the spec.
//!
//! `cargo xtask setup` installs both (Debian's `ffmpeg` and `python3-mutagen`). Neither writes
//! unsynchronised tags (ffmpeg never does; mutagen only reads them): that part of the reader is
//! covered by its unit tests, built from the rule in the ID3v2.3/2.4 specifications.

mod tools;

use chapters::formats::id3;
use chapters::Chapters;
use std::path::{Path, PathBuf};
use std::process::Command;
use tools::run;

fn scratch(name: &str) -> PathBuf {
    tools::scratch("id3-writers", name)
}

fn silence() -> PathBuf {
    tools::silence(&scratch("silence.mp3"))
}

fn chapters_of(path: &Path) -> Chapters {
    let bytes = std::fs::read(path).expect("the tagged file");
    let len = id3::tag_len(&bytes[..10]).expect("an ID3v2 header");
    // What the widget does over HTTP: the header, then exactly the tag.
    id3::read(&bytes[..len]).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The text encoding byte of every `TIT2` frame in the file, so a test knows what the writer
/// really wrote rather than what it was asked for.
fn title_encodings(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).expect("the tagged file");
    bytes
        .windows(11)
        .filter(|w| &w[..4] == b"TIT2")
        .map(|w| w[10])
        .collect()
}

fn starts_and_titles(c: &Chapters) -> Vec<(u64, String)> {
    c.iter().map(|c| (c.start_ms, c.title.clone())).collect()
}

const TITLES: [&str; 4] = [
    "Intro",
    "Café au lait — Ünïcödé",
    "日本語のタイトル",
    "Ελληνικά και עברית",
];
/// What Latin-1 (encoding 0) can hold.
const LATIN1: [&str; 4] = ["Intro", "Café au lait", "Über Größe", "Ñandú & señor"];

#[test]
fn ffmpeg_v2_3_and_v2_4_chapters() {
    let meta = scratch("ffmetadata.txt");
    let mut text = String::from(";FFMETADATA1\ntitle=Episode\n");
    for (i, title) in TITLES.iter().enumerate() {
        let (start, end) = (i as u64 * 7_000, (i as u64 + 1) * 7_000);
        text.push_str(&format!(
            "[CHAPTER]\nTIMEBASE=1/1000\nSTART={start}\nEND={end}\ntitle={title}\n"
        ));
    }
    std::fs::write(&meta, text).expect("metadata file");
    for version in ["3", "4"] {
        let out = scratch(&format!("ffmpeg-v2.{version}.mp3"));
        run(Command::new("ffmpeg")
            .args(["-loglevel", "error", "-y", "-i"])
            .arg(silence())
            .arg("-i")
            .arg(&meta)
            .args([
                "-map",
                "0",
                "-map_metadata",
                "1",
                "-map_chapters",
                "1",
                "-c",
                "copy",
                "-id3v2_version",
                version,
            ])
            .arg(&out));
        let got = starts_and_titles(&chapters_of(&out));
        let want: Vec<(u64, String)> = TITLES
            .iter()
            .enumerate()
            .map(|(i, t)| (i as u64 * 7_000, t.to_string()))
            .collect();
        assert_eq!(got, want, "ffmpeg, ID3v2.{version}");
        // ffmpeg writes v2.3 text as UTF-16 with a BOM (or Latin-1 when it fits), v2.4 as UTF-8.
        let encodings = title_encodings(&out);
        let expected: &[u8] = if version == "3" { &[0, 1] } else { &[0, 3] };
        assert!(
            encodings.iter().all(|e| expected.contains(e)) && encodings.len() >= 4,
            "{encodings:?}"
        );
    }
}

/// A mutagen script writing CTOC and CHAP frames, each title in `encoding`, with a WXXX link and,
/// on the first chapter, an APIC picture of `picture_kib` KiB; then `padding` bytes of padding.
fn mutagen(
    out: &Path,
    titles: [&str; 4],
    version: u8,
    encoding: u8,
    picture_kib: usize,
    padding: usize,
) {
    let script = format!(
        r#"
import sys
from mutagen.id3 import ID3, CHAP, CTOC, CTOCFlags, TIT2, WXXX, APIC, Encoding
titles = {titles:?}
tags = ID3()
ids = []
for i, title in enumerate(titles):
    sub = [TIT2(encoding=Encoding({encoding}), text=[title]),
           WXXX(encoding=Encoding({encoding}), desc="link", url="https://example.org/c%d" % i)]
    if i == 0 and {picture_kib} > 0:
        sub.append(APIC(encoding=Encoding({encoding}), mime="image/jpeg", type=3, desc="art",
                        data=bytes(range(256)) * (4 * {picture_kib})))
    ids.append("chp%d" % i)
    tags.add(CHAP(element_id=ids[-1], start_time=i * 7000, end_time=(i + 1) * 7000,
                  start_offset=0xFFFFFFFF, end_offset=0xFFFFFFFF, sub_frames=sub))
tags.add(CTOC(element_id="toc", flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, child_element_ids=ids,
              sub_frames=[TIT2(encoding=Encoding({encoding}), text=["Contents"])]))
tags.save(sys.argv[1], v2_version={version}, padding=lambda info: {padding})
"#
    );
    std::fs::copy(silence(), out).expect("a copy of the silence");
    tools::python(&script, &[out]);
}

#[test]
fn mutagen_every_version_and_text_encoding_with_ctoc_wxxx_apic_and_padding() {
    // ID3v2.3 knows Latin-1 (0) and UTF-16 with a BOM (1); v2.4 adds UTF-16BE without one (2)
    // and UTF-8 (3).
    for (version, encoding) in [(3, 0), (3, 1), (4, 0), (4, 1), (4, 2), (4, 3)] {
        let out = scratch(&format!("mutagen-v2.{version}-enc{encoding}.mp3"));
        let titles = if encoding == 0 { LATIN1 } else { TITLES };
        mutagen(&out, titles, version, encoding, 2, 512);
        let c = chapters_of(&out);
        let want: Vec<(u64, String)> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| (i as u64 * 7_000, t.to_string()))
            .collect();
        assert_eq!(
            starts_and_titles(&c),
            want,
            "mutagen, ID3v2.{version}, encoding {encoding}"
        );
        assert_eq!(
            c.get(1).and_then(|c| c.url.as_deref()),
            Some("https://example.org/c1")
        );
    }
}

#[test]
fn a_tag_larger_than_the_first_read_with_a_picture_before_the_chapters() {
    let out = scratch("mutagen-big-picture.mp3");
    mutagen(&out, TITLES, 4, 3, 600, 4096);
    let bytes = std::fs::read(&out).expect("tagged file");
    let len = id3::tag_len(&bytes[..10]).expect("header");
    assert!(len > 600 * 1024, "the tag is {len} bytes");
    assert_eq!(
        starts_and_titles(&chapters_of(&out)),
        TITLES
            .iter()
            .enumerate()
            .map(|(i, t)| (i as u64 * 7_000, t.to_string()))
            .collect::<Vec<_>>()
    );
}
