//! `chapters tag` and `chapters feed` as a podcaster runs them, checked by other tools: what
//! `tag` writes is read back by ffprobe and mutagen, decodes in ffmpeg, and keeps every other
//! frame and the audio bytes; what `feed` writes, `chapters parse` reads back.

mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    tools::scratch("cli-write", name)
}

fn chapters(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chapters"))
        .args(args)
        .output()
        .expect("run chapters")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Thirty seconds of silence with the tag a podcaster's tool would have written: title, artist,
/// a cover, a custom text frame, and two chapters that `tag` must replace.
fn tagged_episode(path: &Path) {
    std::fs::copy(tools::silence(&scratch("silence.mp3")), path).expect("a copy of the silence");
    let cover = image("cover.png", "blue");
    tools::python(
        r#"
import sys
from mutagen.id3 import ID3, TIT2, TPE1, APIC, TXXX, CHAP, CTOC, CTOCFlags
tags = ID3()
tags.add(TIT2(encoding=1, text=["Episode 1 — Ünïcödé"]))
tags.add(TPE1(encoding=0, text=["Host"]))
tags.add(APIC(encoding=0, mime="image/png", type=3, desc="cover", data=open(sys.argv[2], "rb").read()))
tags.add(TXXX(encoding=0, desc="tool", text=["test"]))
for i in range(2):
    tags.add(CHAP(element_id="old%d" % i, start_time=i * 1000, end_time=(i + 1) * 1000,
                  sub_frames=[TIT2(encoding=0, text=["Old %d" % i])]))
tags.add(CTOC(element_id="oldtoc", flags=CTOCFlags.TOP_LEVEL, child_element_ids=["old0", "old1"]))
tags.save(sys.argv[1], v2_version=3)
"#,
        &[path, &cover],
    );
}

/// A real 16×16 picture (PNG or JPEG, by its extension) in one colour, made by ffmpeg.
fn image(name: &str, colour: &str) -> PathBuf {
    let path = scratch(name);
    if !path.is_file() {
        tools::run(
            Command::new("ffmpeg")
                .args(["-loglevel", "error", "-y", "-f", "lavfi", "-i"])
                .arg(format!("color=c={colour}:s=16x16"))
                .args(["-frames:v", "1"])
                .arg(&path),
        );
    }
    path
}

/// Every frame mutagen sees, as text: the chapters with their sub-frames, the table of contents,
/// and every other frame whole.
const DUMP: &str = r#"
import sys, json, hashlib
from mutagen.id3 import ID3
tags = ID3(sys.argv[1])
out = {"version": list(tags.version), "chapters": [], "toc": [], "other": {}}
for key, frame in sorted(tags.items()):
    if frame.FrameID == "CHAP":
        sub = {}
        for s in frame.sub_frames.values():
            if s.FrameID == "TIT2": sub["title"] = str(s)
            if s.FrameID == "WXXX": sub["url"] = s.url
            if s.FrameID == "APIC": sub["picture"] = [s.mime, hashlib.sha1(s.data).hexdigest()]
        out["chapters"].append([frame.start_time, frame.end_time, sub])
    elif frame.FrameID == "CTOC":
        out["toc"].append(len(frame.child_element_ids))
    else:
        out["other"][key] = repr(frame)
out["chapters"].sort(key=lambda c: c[0])
print(json.dumps(out, sort_keys=True))
"#;

fn dump(path: &Path) -> serde_json::Value {
    serde_json::from_str(&tools::python(DUMP, &[path])).expect("mutagen's dump")
}

fn sha1(data: &[u8]) -> String {
    let out = tools::python(
        "import sys, hashlib; print(hashlib.sha1(open(sys.argv[1], 'rb').read()).hexdigest())",
        &[&write_temp("sha-input", data)],
    );
    out.trim().to_string()
}

fn write_temp(name: &str, data: &[u8]) -> PathBuf {
    let path = scratch(name);
    std::fs::write(&path, data).expect("a scratch file");
    path
}

/// The bytes after the ID3v2 tag: the audio, exactly.
fn audio(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).expect("the file");
    let len = chapters::formats::id3::tag_len(&bytes).unwrap_or(0);
    bytes[len..].to_vec()
}

fn ffprobe(args: &[&str], path: &Path) -> serde_json::Value {
    let out = tools::run(
        Command::new("ffprobe")
            .args(["-v", "error", "-of", "json"])
            .args(args)
            .arg(path),
    );
    serde_json::from_slice(&out.stdout).expect("ffprobe's JSON")
}

#[test]
fn tag_writes_chapters_that_ffprobe_and_mutagen_read_keeping_every_other_frame_and_the_audio() {
    let episode = scratch("episode.mp3");
    tagged_episode(&episode);
    std::fs::create_dir_all(scratch("art")).expect("art dir");
    let one = std::fs::read(image("art/1.png", "red")).expect("art 1");
    let two = std::fs::read(image("art/2.jpg", "green")).expect("art 2");
    let json = write_temp(
        "chapters.json",
        r#"{"version":"1.2.0","chapters":[
            {"startTime":0,"title":"Intro","img":"art/1.png"},
            {"startTime":7,"title":"Café – 日本語","url":"https://example.org/c?a=1&b=2"},
            {"startTime":14,"title":"Sponsor","toc":false,"img":"art/2.jpg"},
            {"startTime":21,"title":"End","endTime":28}]}"#
            .as_bytes(),
    );
    let out = scratch("episode-chapters.mp3");
    let _ = std::fs::remove_file(&out);
    let o = chapters(&["tag", path(&episode), path(&json), "--out", path(&out)]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let said = text(&o.stdout);
    assert!(
        said.contains("wrote 4 chapters") && said.contains("ID3v2.3"),
        "{said}"
    );
    assert!(said.contains("replaced the 2 chapters it had"), "{said}");

    // ffprobe's chapters: the times and titles written.
    let probed = ffprobe(&["-show_chapters"], &out);
    let got: Vec<(String, String, String)> = probed["chapters"]
        .as_array()
        .expect("chapters")
        .iter()
        .map(|c| {
            (
                c["start_time"].as_str().unwrap_or_default().to_string(),
                c["end_time"].as_str().unwrap_or_default().to_string(),
                c["tags"]["title"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let want = [
        ("0.000000", "7.000000", "Intro"),
        ("7.000000", "14.000000", "Café – 日本語"),
        ("14.000000", "21.000000", "Sponsor"),
        ("21.000000", "28.000000", "End"),
    ];
    assert_eq!(
        got,
        want.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    );

    // mutagen: sub-frames, the table of contents without the hidden chapter, the other frames.
    let before = dump(&episode);
    let after = dump(&out);
    assert_eq!(after["version"], serde_json::json!([2, 3, 0]));
    assert_eq!(after["other"], before["other"], "every other frame kept");
    assert_eq!(after["toc"], serde_json::json!([3]));
    let written = &after["chapters"];
    assert_eq!(
        written[0][2]["picture"],
        serde_json::json!(["image/png", sha1(&one)])
    );
    assert_eq!(written[1][2]["url"], "https://example.org/c?a=1&b=2");
    assert_eq!(written[1][2]["title"], "Café – 日本語");
    assert_eq!(
        written[2][2]["picture"],
        serde_json::json!(["image/jpeg", sha1(&two)])
    );

    // The audio, byte for byte; it decodes without an error, to the same length.
    assert!(
        audio(&out) == audio(&episode),
        "the audio bytes are unchanged"
    );
    let decoded = tools::run(
        Command::new("ffmpeg")
            .args(["-v", "error", "-i"])
            .arg(&out)
            .args(["-f", "null", "-"]),
    );
    assert_eq!(text(&decoded.stderr), "");
    let length =
        |p: &Path| ffprobe(&["-show_entries", "format=duration"], p)["format"]["duration"].clone();
    assert_eq!(length(&out), length(&episode));

    // Written again from the MP3 itself: the same chapters, now replacing our own.
    let again = scratch("again.mp3");
    let o = chapters(&[
        "tag",
        path(&out),
        path(&out),
        "--out",
        path(&again),
        "--id3v2.4",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("replaced the 4 chapters"));
    let redone = dump(&again);
    assert_eq!(redone["version"], serde_json::json!([2, 4, 0]));
    assert_eq!(redone["chapters"], after["chapters"]);
}

#[test]
fn tag_refuses_bad_input_in_one_line_and_writes_nothing() {
    let episode = scratch("refused.mp3");
    tagged_episode(&episode);
    let before = std::fs::read(&episode).expect("episode");
    let cases: [(&str, &[u8]); 3] = [
        (
            "broken.json",
            b"{\"chapters\": [ {\"startTime\": \"soon\"} ]}",
        ),
        ("empty.txt", b"no times here\n"),
        ("late.txt", b"(10:00) Late\n(20:00) Later\n"),
    ];
    for (name, content) in cases {
        let source = write_temp(name, content);
        let o = chapters(&["tag", path(&episode), path(&source)]);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        assert_eq!(
            err.trim_end()
                .lines()
                .filter(|l| !l.contains("dropped"))
                .count(),
            1,
            "{name}: {err}"
        );
        assert_eq!(
            std::fs::read(&episode).expect("episode"),
            before,
            "{name}: file untouched"
        );
    }
    let not_audio = write_temp("not-audio.mp3", b"hello, not an mp3");
    let notes = write_temp("notes.txt", b"(00:00) A\n(00:10) B\n");
    let o = chapters(&["tag", path(&not_audio), path(&notes)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("no MPEG audio"),
        "{}",
        text(&o.stderr)
    );
    assert_eq!(
        std::fs::read(&not_audio).expect("file"),
        b"hello, not an mp3"
    );
    let leftovers = std::fs::read_dir(scratch("").parent().expect("dir").join("cli-write"))
        .expect("scratch dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .count();
    assert_eq!(leftovers, 0, "no partial files left behind");
}

#[test]
fn feed_writes_each_episodes_chapters_and_the_tags_to_add() {
    let feed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/feeds/core-py.xml"
    );
    let dir = scratch("feed-out");
    let _ = std::fs::remove_dir_all(&dir);
    let o = chapters(&[
        "feed",
        feed,
        "--out",
        path(&dir),
        "--tags",
        "https://example.org/chapters/",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let table = text(&o.stdout);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the out dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "{table}");
    assert!(table.starts_with("episode"), "{table}");
    assert_eq!(table.matches("show notes").count(), 5, "{table}");
    assert_eq!(
        table
            .matches("<podcast:chapters url=\"https://example.org/chapters/episode-")
            .count(),
        5,
        "{table}"
    );
    for file in &files {
        let written = std::fs::read_to_string(file).expect("a chapters file");
        let back = chapters(&["parse", path(file)]);
        assert!(back.status.success());
        assert_eq!(
            text(&back.stdout),
            written,
            "{} reads back the same",
            file.display()
        );
        let count = written.matches("\"startTime\"").count();
        assert!(count >= 5, "{}: {count} chapters", file.display());
        let name = file
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert!(
            table
                .lines()
                .any(|l| l.contains(&name) && l.contains(&format!("  {count}  "))),
            "{table}"
        );
    }
}

#[test]
fn feed_refuses_what_is_not_a_feed() {
    let dir = scratch("not-a-feed-out");
    let _ = std::fs::remove_dir_all(&dir);
    let bad = write_temp("not-a-feed.xml", b"<html><body>hello</body></html>");
    let o = chapters(&["feed", path(&bad), "--out", path(&dir)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stderr).lines().count(), 1, "{}", text(&o.stderr));
    assert!(!dir.exists(), "nothing written");
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}
