//! `chapters transcript FILE --to vtt|srt|json|html|text`: converts a transcript between the
//! formats podcasts publish.

use crate::args::{Arg, Words};
use crate::io;
use chapters::transcript::{self, Kind};
use std::io::Write;

pub struct Args {
    file: String,
    from: From,
    to: Kind,
}

/// Where the transcript is read from: a transcript file (of a kind, or detected), or the
/// transcript written into show notes.
enum From {
    Detect,
    Kind(Kind),
    Notes,
}

fn kind(flag: &str, name: &str) -> Result<Kind, String> {
    Kind::from_name(name).ok_or_else(|| {
        format!("unknown {flag} format '{name}' (expected vtt, srt, json, html or text)")
    })
}

pub fn parse_args(rest: &[String]) -> Result<Args, String> {
    let mut file = None;
    let mut from = From::Detect;
    let mut to = None;
    let mut words = Words::new(rest);
    while let Some(arg) = words.next_arg() {
        match arg {
            Arg::Flag("--to", inline) => to = Some(kind("--to", words.value("--to", inline)?)?),
            Arg::Flag("--from", inline) => {
                from = match words.value("--from", inline)? {
                    "auto" => From::Detect,
                    "notes" => From::Notes,
                    v => From::Kind(kind("--from", v)?),
                };
            }
            Arg::Flag(f, _) => return Err(format!("unknown option '{f}'")),
            Arg::Word(f) => {
                if file.replace(f.to_string()).is_some() {
                    return Err("more than one transcript given".into());
                }
            }
        }
    }
    Ok(Args {
        file: file.ok_or("transcript needs a file (or - for standard input)")?,
        from,
        to: to.ok_or("transcript needs --to vtt|srt|json|html|text")?,
    })
}

pub fn run(args: Args) -> Result<(), String> {
    let bytes = if args.file == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        io::read(&args.file)?
    };
    let t = match args.from {
        From::Notes => {
            transcript::from_notes(&String::from_utf8_lossy(&bytes)).ok_or_else(|| {
                format!(
                    "{}: the notes hold no transcript (timed lines of speakers)",
                    args.file
                )
            })?
        }
        From::Kind(kind) => kind
            .read(&bytes)
            .map_err(|e| format!("{}: {e}", args.file))?,
        From::Detect => Kind::detect(&bytes, None)
            .read(&bytes)
            .map_err(|e| format!("{}: {e}", args.file))?,
    };
    if !t.timed && matches!(args.to, Kind::Vtt | Kind::Srt) {
        eprintln!(
            "chapters: {} has no times; every cue is written at 0:00",
            args.file
        );
    }
    std::io::stdout()
        .write_all(transcript::write(&t, args.to).as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))
}
