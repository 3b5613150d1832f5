//! `chapters`: the command-line front end of the chapters crate. It reads a file or stdin and
//! writes chapters; all parsing lives in the library.

use chapters::timestamp::{format_hms, parse_duration};
use chapters::Format;
use std::io::{Read, Write};
use std::process::ExitCode;

const HELP: &str = "\
chapters - podcast chapters from show notes and chapter files

USAGE:
    chapters parse [OPTIONS] [FILE]

Reads FILE (or standard input when FILE is absent or -) and prints its
chapters, by default as Podcasting 2.0 JSON:
    {\"version\":\"1.2.0\",\"chapters\":[{\"startTime\":0,\"title\":\"INTRO\"},...]}

OPTIONS:
    --from FORMAT     input format: auto (default), notes, json, vtt, psc, id3
                      auto detects by content: ID3 tag bytes, a WEBVTT header,
                      a JSON object, a psc:chapters XML element, else notes
    --to FORMAT       output format: json (default), vtt, psc, notes
    --duration TIME   the episode's duration (H:MM:SS, MM:SS or seconds);
                      chapters starting at or after it are dropped and each
                      is reported on stderr
    --explain         for show notes: print each chapter with the line of the
                      notes it was read from, then each line with a time that
                      gave no chapter and why, instead of a chapters file
    -h, --help        print this help
    -V, --version     print the version

FORMATS:
    notes   show notes as plain text, HTML or Markdown; the longest run of
            increasing timestamps, each with a title, is the chapter list
            (`(00:12:49) Title`, `00:00 Intro`, `Intro (1:02:03)`, ...)
    json    Podcasting 2.0 JSON chapters (startTime, title, img, url, toc, endTime)
    vtt     WebVTT chapters
    psc     Podlove Simple Chapters, standalone or inside an RSS item
    id3     ID3v2.3/2.4 CHAP and CTOC frames at the start of an MP3 (read only)

EXIT STATUS:
    0  chapters were written (an input without chapters gives an empty list)
    1  the input could not be read, is not valid in its format, or the
       command line is wrong (one line on stderr says which)
";

struct Args {
    file: Option<String>,
    from: Option<Format>,
    to: Format,
    duration_ms: Option<u64>,
    explain: bool,
}

fn parse_args(args: &[String]) -> Result<Option<Args>, String> {
    if args.iter().any(|a| a == "-h" || a == "--help") || args.is_empty() {
        return Ok(None);
    }
    let (command, rest) = args.split_first().ok_or("missing command")?;
    if command != "parse" {
        return Err(format!("unknown command '{command}' (expected 'parse')"));
    }
    let mut parsed = Args {
        file: None,
        from: None,
        to: Format::Json,
        duration_ms: None,
        explain: false,
    };
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
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
            "-" => parsed.file = None,
            f if f.starts_with('-') => return Err(format!("unknown option '{f}'")),
            f => {
                if parsed.file.replace(f.to_string()).is_some() {
                    return Err("more than one input file given".into());
                }
            }
        }
    }
    Ok(Some(parsed))
}

fn run(args: Args) -> Result<(), String> {
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

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if matches!(args.as_slice(), [a] if a == "-V" || a == "--version") {
        println!("chapters {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    match parse_args(&args) {
        Ok(None) => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Ok(Some(parsed)) => match run(parsed) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("chapters: {e}");
                ExitCode::from(1)
            }
        },
        Err(e) => {
            eprintln!("chapters: {e} (see 'chapters --help')");
            ExitCode::from(1)
        }
    }
}
