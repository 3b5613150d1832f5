//! `chapters feed FEED --out DIR`: every episode's chapters as a Podcasting 2.0 JSON file, from
//! the best source the episode has, and a table of what was found where.

use crate::args::{Arg, Words};
use crate::io;
use chapters::feed::{self, Episode};
use chapters::{ChapterSource, Chapters, Format};
use std::collections::HashSet;
use std::path::PathBuf;

pub struct Args {
    feed: String,
    out: PathBuf,
    tags: Option<String>,
}

pub fn parse_args(rest: &[String]) -> Result<Args, String> {
    let mut feed = None;
    let mut out = None;
    let mut tags = None;
    let mut words = Words::new(rest);
    while let Some(arg) = words.next_arg() {
        match arg {
            Arg::Flag("--out", inline) => out = Some(PathBuf::from(words.value("--out", inline)?)),
            Arg::Flag("--tags", inline) => tags = Some(words.value("--tags", inline)?.to_string()),
            Arg::Flag(f, _) => return Err(format!("unknown option '{f}'")),
            Arg::Word(f) => {
                if feed.replace(f.to_string()).is_some() {
                    return Err("more than one feed given".into());
                }
            }
        }
    }
    Ok(Args {
        feed: feed.ok_or("feed needs a feed: a file or a URL")?,
        out: out.ok_or("feed needs --out DIR, where the chapter files go")?,
        tags,
    })
}

/// One episode's outcome, a row of the table.
struct Row {
    title: String,
    file: Option<String>,
    chapters: usize,
    source: String,
    skipped: usize,
}

pub fn run(args: Args) -> Result<(), String> {
    let xml = io::read(&args.feed)?;
    let feed =
        feed::read(&String::from_utf8_lossy(&xml)).map_err(|e| format!("{}: {e}", args.feed))?;
    if feed.episodes.is_empty() {
        return Err(format!("{}: the feed has no episodes", args.feed));
    }
    std::fs::create_dir_all(&args.out)
        .map_err(|e| format!("cannot create {}: {e}", args.out.display()))?;

    let mut names = HashSet::new();
    let mut rows = Vec::new();
    for (n, episode) in feed.episodes.iter().enumerate() {
        let (mut chapters, source, skipped) = chapters_of(episode, &args.feed);
        if let Some(duration) = episode.duration_ms {
            chapters.validate(duration);
        }
        let file = (!chapters.is_empty())
            .then(|| unique(&mut names, &slug(&episode.title), n + 1))
            .map(|name| format!("{name}.json"));
        if let Some(file) = &file {
            let json = Format::Json.write(&chapters).unwrap_or_default();
            io::write_whole(&args.out.join(file), json.as_bytes())?;
        }
        rows.push(Row {
            title: episode.title.clone(),
            file,
            chapters: chapters.len(),
            source,
            skipped,
        });
    }
    print!("{}", table(&rows));
    if let Some(base) = &args.tags {
        println!("\nAdd to each <item>:");
        for row in &rows {
            if let Some(file) = &row.file {
                let url = format!("{}/{file}", base.trim_end_matches('/'));
                println!(
                    "  {}\n    <podcast:chapters url=\"{}\" type=\"application/json+chapters\"/>",
                    row.title,
                    xml_attr(&url)
                );
            }
        }
    }
    Ok(())
}

/// The episode's chapters, where they came from, and how many lines with times the notes had
/// that gave no chapter. A chapters file that cannot be fetched or read gives way to the next
/// source, and the table says why.
fn chapters_of(episode: &Episode, feed: &str) -> (Chapters, String, usize) {
    let mut note = String::new();
    match episode.chapter_source() {
        ChapterSource::Url(url) => match io::read(&io::resolve(feed, &url))
            .and_then(|b| Format::detect(&b).read(&b).map_err(|e| e.to_string()))
        {
            Ok(c) => return (c, "chapters file".into(), 0),
            Err(e) => note = format!(" (chapters file failed: {e})"),
        },
        ChapterSource::Inline(c) => return (c, "psc:chapters".into(), 0),
        ChapterSource::Notes => {}
    }
    if let Some(c) = episode.psc_chapters.clone().filter(|c| !c.is_empty()) {
        return (c, format!("psc:chapters{note}"), 0);
    }
    let explained = chapters::notes::explain(&episode.description);
    let chapters = Chapters::new(explained.chapters.into_iter().map(|(c, _)| c).collect());
    let source = if chapters.is_empty() {
        "none"
    } else {
        "show notes"
    };
    (chapters, format!("{source}{note}"), explained.skipped.len())
}

/// A file name from a title: lower-case ASCII letters and digits joined by dashes.
fn slug(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// `name`, or `episode-N` for a title without letters, made unique among the files written.
fn unique(names: &mut HashSet<String>, name: &str, n: usize) -> String {
    let base = if name.is_empty() {
        format!("episode-{n}")
    } else {
        name.to_string()
    };
    let mut candidate = base.clone();
    let mut k = 2;
    while !names.insert(candidate.clone()) {
        candidate = format!("{base}-{k}");
        k += 1;
    }
    candidate
}

fn xml_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

fn table(rows: &[Row]) -> String {
    let header = ["episode", "chapters", "source", "lines skipped", "file"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.title.clone(),
                r.chapters.to_string(),
                r.source.clone(),
                r.skipped.to_string(),
                r.file.clone().unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    let width = |i: usize| {
        cells
            .iter()
            .map(|c| c[i].chars().count())
            .chain([header[i].len()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..5).map(width).collect();
    let line = |cols: [&str; 5]| {
        let mut s = String::new();
        for (i, col) in cols.iter().enumerate() {
            let pad = widths[i].saturating_sub(col.chars().count());
            if i == 1 || i == 3 {
                s.push_str(&" ".repeat(pad));
                s.push_str(col);
            } else {
                s.push_str(col);
                if i < 4 {
                    s.push_str(&" ".repeat(pad));
                }
            }
            if i < 4 {
                s.push_str("  ");
            }
        }
        s.trim_end().to_string() + "\n"
    };
    let mut out = line(header);
    for c in &cells {
        out.push_str(&line([&c[0], &c[1], &c[2], &c[3], &c[4]]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_titles_are_unique() {
        let mut names = HashSet::new();
        assert_eq!(
            unique(&mut names, &slug("Episode 18: Reference Counting"), 1),
            "episode-18-reference-counting"
        );
        assert_eq!(
            unique(&mut names, &slug("Episode 18 — Reference counting!"), 2),
            "episode-18-reference-counting-2"
        );
        assert_eq!(unique(&mut names, &slug("日本語"), 3), "episode-3");
    }
}
