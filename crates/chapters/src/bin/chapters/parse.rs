//! `chapters parse [FILE]`: reads show notes or a chapter file and prints its chapters in any
//! format, or, with `--explain`, where in the notes each came from.

use crate::args::{Arg, Words};
use chapters::timestamp::{format_hms, parse_duration};
use chapters::Format;
use std::io::{Read, Write};

pub struct Args {
    file: Option<String>,
    from: Option<Format>,
    to: Format,
    duration_ms: Option<u64>,
    explain: bool,
}

pub fn parse_args(rest: &[String]) -> Result<Args, String> {
    let mut parsed = Args {
        file: None,
        from: None,
        to: Format::Json,
        duration_ms: None,
        explain: false,
    };
    let mut words = Words::new(rest);
    while let Some(arg) = words.next_arg() {
        let (flag, inline) = match arg {
            Arg::Word("-") => {
                parsed.file = None;
                continue;
            }
            Arg::Word(f) => {
                if parsed.file.replace(f.to_string()).is_some() {
                    return Err("more than one input file given".into());
                }
                continue;
            }
            Arg::Flag(flag, inline) => (flag, inline),
        };
        let mut value = |name: &str| words.value(name, inline).map(str::to_string);
        match flag {
            "--from" => {
                let v = value("--from")?;
                parsed.from = match v.as_str() {
                    "auto" => None,
                    name => Some(Format::from_name(name).ok_or_else(|| {
                        format!("unknown --from format '{v}' (expected auto, notes, json, vtt, psc or id3)")
                    })?),
                };
            }
            "--to" => {
                let v = value("--to")?;
                parsed.to = Format::from_name(&v)
                    .filter(|f| *f != Format::Id3)
                    .ok_or_else(|| {
                        format!("unknown --to format '{v}' (expected json, vtt, psc or notes)")
                    })?;
            }
            "--duration" => {
                let v = value("--duration")?;
                let ms = parse_duration(&v).ok_or_else(|| {
                    format!("bad --duration '{v}' (expected H:MM:SS, MM:SS or seconds)")
                })?;
                parsed.duration_ms = Some(ms);
            }
            "--explain" => parsed.explain = true,
            f => return Err(format!("unknown option '{f}'")),
        }
    }
    Ok(parsed)
}

pub fn run(args: Args) -> Result<(), String> {
    let bytes = match &args.file {
        Some(path) => std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?,
        None => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            buf
        }
    };
    let from = args.from.unwrap_or_else(|| Format::detect(&bytes));
    if args.explain {
        return explain(from, &bytes);
    }
    let mut chapters = from.read(&bytes).map_err(|e| e.to_string())?;
    if let Some(duration) = args.duration_ms {
        for dropped in chapters.validate(duration) {
            eprintln!(
                "chapters: dropped \"{}\" at {}: starts after the episode ends ({})",
                dropped.chapter.title,
                format_hms(dropped.chapter.start_ms),
                format_hms(duration)
            );
        }
    }
    let out = match args.to {
        Format::Vtt => chapters::formats::vtt::write_with_duration(&chapters, args.duration_ms),
        to => to.write(&chapters).unwrap_or_default(),
    };
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))
}

/// Each chapter found in show notes, with the line it came from: what a podcaster checks before
/// embedding the player.
fn explain(from: Format, bytes: &[u8]) -> Result<(), String> {
    if from != Format::Notes {
        return Err(format!(
            "--explain shows where chapters come from in show notes; this input is {}, whose chapters are its own entries",
            from.name()
        ));
    }
    let text = String::from_utf8_lossy(bytes);
    let explained = chapters::notes::explain(&text);
    let mut out = String::new();
    if explained.chapters.is_empty() {
        out.push_str("no chapter list found: no run of two or more increasing timestamps, each with a title\n");
    }
    for (chapter, line) in explained.chapters {
        out.push_str(&format!(
            "{}  {}\n    from: {line}\n",
            format_hms(chapter.start_ms),
            chapter.title
        ));
    }
    if !explained.skipped.is_empty() {
        let n = explained.skipped.len();
        let lines = if n == 1 { "line" } else { "lines" };
        out.push_str(&format!("\n{n} {lines} with times not used:\n"));
    }
    for skipped in explained.skipped {
        out.push_str(&format!(
            "  line {}: {}\n    {}\n",
            skipped.line,
            skipped.text,
            skipped.reason.describe()
        ));
    }
    std::io::stdout()
        .write_all(out.as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))
}
