//! `chapters tag EPISODE.mp3 CHAPTERS`: writes chapters from any input `parse` reads into the
//! MP3's ID3 tag, where podcast apps look for them.

use crate::args::{Arg, Words};
use crate::io;
use chapters::formats::id3_write;
use chapters::timestamp::format_hms;
use chapters::{Chapters, Format, Picture};
use std::path::PathBuf;

pub struct Args {
    episode: String,
    chapters: String,
    out: Option<String>,
    version: Option<u8>,
}

pub fn parse_args(rest: &[String]) -> Result<Args, String> {
    let mut files = Vec::new();
    let mut out = None;
    let mut version = None;
    let mut words = Words::new(rest);
    while let Some(arg) = words.next_arg() {
        match arg {
            Arg::Flag("--out", inline) => out = Some(words.value("--out", inline)?.to_string()),
            Arg::Flag("--id3v2.4", None) => version = Some(4),
            Arg::Flag("--id3v2.3", None) => version = Some(3),
            Arg::Flag(f, _) => return Err(format!("unknown option '{f}'")),
            Arg::Word(f) => files.push(f.to_string()),
        }
    }
    let [episode, chapters] = <[String; 2]>::try_from(files)
        .map_err(|_| "tag needs two files: EPISODE.mp3 CHAPTERS".to_string())?;
    Ok(Args {
        episode,
        chapters,
        out,
        version,
    })
}

pub fn run(args: Args) -> Result<(), String> {
    let mp3 = io::read(&args.episode)?;
    let source = io::read(&args.chapters)?;
    let mut chapters = Format::detect(&source)
        .read(&source)
        .map_err(|e| format!("{}: {e}", args.chapters))?;
    if chapters.is_empty() {
        return Err(format!(
            "{}: no chapters found, nothing to write",
            args.chapters
        ));
    }
    chapters = with_pictures(chapters, &args.chapters)?;

    let out = PathBuf::from(args.out.as_deref().unwrap_or(&args.episode));
    if io::is_url(&out.to_string_lossy()) {
        return Err("tag writes a file: give --out OUT.mp3 for an episode read from a URL".into());
    }
    let tagged = id3_write::write(&mp3, &chapters, args.version)
        .map_err(|e| format!("{}: {e}", args.episode))?;
    for dropped in &tagged.dropped {
        eprintln!(
            "chapters: dropped \"{}\" at {}: starts after the episode ends ({})",
            dropped.chapter.title,
            format_hms(dropped.chapter.start_ms),
            format_hms(tagged.duration_ms.unwrap_or_default())
        );
    }
    if tagged.duration_ms.is_none() {
        return Err(format!(
            "{}: no MPEG audio found after the tag; nothing written",
            args.episode
        ));
    }
    let n = chapters.len() - tagged.dropped.len();
    if n == 0 {
        return Err(format!(
            "{}: every chapter starts after the audio ends; nothing written",
            args.chapters
        ));
    }
    io::write_whole(&out, &tagged.bytes)?;

    let mut said = format!(
        "wrote {n} chapter{} to {} (ID3v2.{}",
        if n == 1 { "" } else { "s" },
        out.display(),
        tagged.version
    );
    if tagged.kept > 0 {
        said.push_str(&format!(", {} other frames kept", tagged.kept));
    }
    said.push(')');
    if tagged.replaced > 0 {
        said.push_str(&format!(
            "; replaced the {} chapters it had",
            tagged.replaced
        ));
    }
    println!("{said}");
    Ok(())
}

/// Each chapter's image, fetched or read (relative to the chapters file) to be embedded, since
/// podcast apps show embedded pictures, not links. A missing or non-image file stops the command
/// before anything is written.
fn with_pictures(chapters: Chapters, base: &str) -> Result<Chapters, String> {
    let mut list = chapters.as_slice().to_vec();
    for c in &mut list {
        let Some(image) = c.image.clone().filter(|_| c.picture.is_none()) else {
            continue;
        };
        let bytes = io::read(&io::resolve(base, &image))
            .map_err(|e| format!("the image of chapter \"{}\": {e}", c.title))?;
        let mime = Picture::sniff(&bytes).ok_or_else(|| {
            format!(
                "the image of chapter \"{}\" ({image}) is not a PNG, JPEG, GIF or WebP picture",
                c.title
            )
        })?;
        c.picture = Some(Picture {
            mime: mime.to_string(),
            data: bytes,
        });
    }
    Ok(Chapters::new(list))
}
