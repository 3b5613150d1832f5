//! `chapters`: the command-line front end of the chapters crate. `parse` reads show notes or a
//! chapter file and writes chapters; `tag` writes them into an MP3; `feed` writes a feed's;
//! `transcript` converts transcripts. All parsing and writing of formats lives in the library.

mod args;
mod feed;
mod io;
mod parse;
mod tag;
mod transcript;

use std::process::ExitCode;

const HELP: &str = "\
chapters - podcast chapters from show notes and chapter files

USAGE:
    chapters parse [OPTIONS] [FILE]
    chapters tag EPISODE.mp3 CHAPTERS [--out OUT.mp3] [--id3v2.4]
    chapters feed FEED.xml|URL --out DIR [--tags BASE_URL]
    chapters transcript FILE [--from FORMAT|notes] --to vtt|srt|json|html|text

parse: reads FILE (or standard input when FILE is absent or -) and prints its
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

tag: writes the chapters of CHAPTERS (anything parse reads: show notes,
JSON, WebVTT, PSC, another MP3) into EPISODE.mp3's ID3 tag as CHAP frames
with titles, links and embedded pictures (each chapter's image is fetched
or read relative to CHAPTERS), and a CTOC listing all but toc:false ones.
Chapters already in the tag are replaced, and the command says so; every
other frame and the audio bytes are kept exactly. The file is rewritten
in place unless --out names another.
    --out OUT.mp3     write here instead of over EPISODE.mp3
    --id3v2.4         write ID3v2.4 (default: ID3v2.3, which every app
                      reads; a file whose tag is already v2.4 stays v2.4)

feed: for every episode of FEED (a file or an http(s) URL, fetched with
curl), writes its chapters as Podcasting 2.0 JSON into DIR, from its
podcast:chapters file, else its psc:chapters, else its show notes, and
prints a table: episode, chapters, source, lines skipped, file.
    --out DIR         where the files go (created if missing)
    --tags BASE_URL   also print the <podcast:chapters url=\"BASE_URL/FILE\"
                      type=\"application/json+chapters\"/> line for each item

transcript: converts a transcript (WebVTT with <v Speaker> voices, SRT,
Podcasting 2.0 JSON, HTML with <cite>/<time>/<p>, or plain text), read
leniently and detected by content unless --from names it, and prints it
in the --to format. Word-level JSON is joined into sentences; placeholder
speakers (SPEAKER_1) become \"Speaker 1\". --from notes takes the transcript
written into show notes (timed lines of speakers the chapter finder sets
aside).

FORMATS:
    notes   show notes as plain text, HTML or Markdown; the longest run of
            increasing timestamps, each with a title, is the chapter list
            (`(00:12:49) Title`, `00:00 Intro`, `Intro (1:02:03)`, ...)
    json    Podcasting 2.0 JSON chapters (startTime, title, img, url, toc, endTime)
    vtt     WebVTT chapters
    psc     Podlove Simple Chapters, standalone or inside an RSS item
    id3     ID3v2.3/2.4 CHAP and CTOC frames at the start of an MP3

EXIT STATUS:
    0  chapters were written (an input without chapters gives an empty list)
    1  the input could not be read, is not valid in its format, or the
       command line is wrong (one line on stderr says which); tag and feed
       write each file whole or not at all
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if matches!(args.as_slice(), [a] if a == "-V" || a == "--version") {
        println!("chapters {}", env!("CARGO_PKG_VERSION"));
        return ExitCode::SUCCESS;
    }
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return ExitCode::SUCCESS;
    }
    let (command, rest) = (args[0].as_str(), &args[1..]);
    let ran = match command {
        "parse" => parse::parse_args(rest).map(parse::run),
        "tag" => tag::parse_args(rest).map(tag::run),
        "feed" => feed::parse_args(rest).map(feed::run),
        "transcript" => transcript::parse_args(rest).map(transcript::run),
        _ => Err(format!(
            "unknown command '{command}' (expected parse, tag, feed or transcript)"
        )),
    };
    match ran {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) => {
            eprintln!("chapters: {e}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("chapters: {e} (see 'chapters --help')");
            ExitCode::from(1)
        }
    }
}
