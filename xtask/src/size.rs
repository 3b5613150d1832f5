//! The size budget: the brotli total of what a page downloads for one player before its chapters
//! are on screen (the loader and the main module), from the release build, then each part loaded
//! later only by pages that use it (src/parts.rs), and everything together. Bytes are
//! deterministic, so this is a test, not a benchmark: a change that makes the player heavier
//! fails here and has to say why it earns its bytes.

use crate::cmd::{self, command, Error, Result};
use std::fs;

/// What every page downloads for the player: the loader (with the wasm-bindgen glue bundled in by
/// trunk's post-build hook) and the main module.
const FILES: [&str; 2] = ["chapter-player.js", "chapter-player-widget_bg.wasm"];

/// The budget in bytes, brotli -q 11: the size of the player today plus a little room, so it
/// grows only when a change says why it earns its bytes (the goal is 100 KiB). 172 KiB, then
/// 177 KiB for the show-notes rules that read tables, skip transcripts and programmes, clean
/// Markdown from titles and name each chapter's line (+4.9 KiB), and the try-it page's
/// `explainNotes` (+0.5 KiB); then 167 KiB once `std` was rebuilt to abort on panics (−10.4 KiB);
/// then 166 KiB: five more languages (+6.5 KiB) and the notes' lookalike rules (+1.3 KiB), paid
/// for by reading `mount()`'s chapters field by field instead of through serde (−7.8 KiB); then
/// 160 KiB: the glue bundled into the loader and minified (−2.9 KiB), and `Debug` formatting left
/// out of the wasm (−2.6 KiB); then 164 KiB for the show-notes finder's stages (+5.7 KiB: escaped
/// and doubly escaped HTML, split and wrapped entries, tables' length columns, one time out of
/// order kept, kick-off times and episode lists told apart, and every skipped line with its
/// reason for the try-it page); then 166 KiB for the player in the hand (+2.4 KiB: taps snap
/// and drags land under the pointer, a chosen chapter plays, `chapterchange` only for another
/// chapter, the list brings the current row into view after rows settle, an empty playlist says
/// so, End reaches the audio's own end, a feed player's links name the episode); then 167 KiB:
/// listeners read a file's failure in plain words while developers get the reader's own words
/// in the console and an `error` event, and feed players follow deep links (+0.7 KiB); then
/// 168 KiB, for room: the seek tooltip on one line that stays over the bar (+0.03 KiB) left
/// the player a few bytes over 167 KiB; then 172 KiB for chapter art (+4.1 KiB): the header's
/// artwork and the lock screen follow each chapter's image (hidden chapters and end times
/// included) with the next one loaded ahead and a broken one replaced by the episode's, chapter
/// thumbnails (a broken one hidden) and the chapter's link in the header, ID3 pictures shown through `blob:` URLs
/// that are freed when replaced, and chapter files' images resolved against the file; then
/// 198 KiB for transcripts (+26.7 KiB): the five readers, search, the panel (following, search,
/// quotes, links when no file can be fetched), their labels in six languages and their
/// `performance` entries (until the split below, a page without a transcript paid for them
/// too). Then 192 KiB: `std` built with `optimize_for_size` (-5.5 KiB) and without
/// track-caller locations (-0.7 KiB); then 193 KiB, for room, after one ID3 tag walk shared by
/// reader and writer (+0.3 KiB) and the notes' own transcript looked for only after the first
/// render (+0.1 KiB) left the player at 192.0 KiB (192.3 KiB with the lazy search index).
/// Then the split (issue 22): from here the budget counts the first download only, the loader
/// and the main module, and the parts are listed beside it. The chapter-file, feed and
/// transcript readers as parts (-15.9 KiB), the transcript panel and the notes' transcript
/// reader (-12.1 KiB), each language but English (-2.9 KiB, the loader's parts list and
/// preloads included): 161.4 KiB (161.3 with one reader for mount()'s arrays), budget 162 KiB.
pub const BUDGET: usize = 162 * 1024;

/// brotli -q 11, as a CDN would serve it.
fn brotli_len(path: &std::path::Path) -> Result<usize> {
    let out = command("brotli")
        .args(["-c", "-q", "11"])
        .arg(path)
        .output()
        .map_err(|e| Error::new(format!("running brotli on {}: {e}", path.display())))?;
    if !out.status.success() {
        return Err(Error::new(format!("brotli failed on {}", path.display())));
    }
    Ok(out.stdout.len())
}

fn kib(bytes: usize) -> String {
    let tenths = (bytes * 10 + 512) / 1024;
    format!("{}.{} KiB", tenths / 10, tenths % 10)
}

/// The parts a page with a feed, a chapters file and a transcript, in German, loads.
const RICH_PAGE: [&str; 4] = ["feed", "chapter_files", "transcripts", "lang_de"];

/// `first` plus the brotli size of every file the parts `needed` load (each once: a chunk two
/// of them share is downloaded once).
fn first_plus(dir: &std::path::Path, first: usize, needed: &[&str]) -> Result<usize> {
    let mut total = first;
    for name in crate::split::parts(dir)? {
        if needed.iter().any(|part| crate::split::loads(part, &name)) {
            total += brotli_len(&dir.join(&name))?;
        }
    }
    Ok(total)
}

/// Every part's file has its preload line in the README and in the demo page, so a page author
/// copying them gets every file a part needs, under the names this build gives them.
fn preload_lines_listed(parts: &[String]) -> Result {
    for (doc, prefix) in [
        ("README.md", "https://example.com/chapter-player/"),
        ("index.html", ""),
    ] {
        let path = cmd::root().join(doc);
        let text = fs::read_to_string(&path)
            .map_err(|e| Error::new(format!("reading {}: {e}", path.display())))?;
        let missing: Vec<&str> = parts
            .iter()
            .filter(|name| {
                !text.contains(&format!("<link rel=\"preload\" href=\"{prefix}{name}\""))
            })
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            return Err(Error::new(format!(
                "{doc} has no preload line for {}: a page would not know to ask for it",
                missing.join(", ")
            )));
        }
    }
    Ok(())
}

/// One file's row of the table; its brotli size.
fn row(dir: &std::path::Path, name: &str) -> Result<usize> {
    let path = dir.join(name);
    let raw = fs::metadata(&path)
        .map_err(|e| Error::new(format!("{}: {e} (build first)", path.display())))?
        .len() as usize;
    let compressed = brotli_len(&path)?;
    println!("| `{name}` | {} | {} |", kib(raw), kib(compressed));
    Ok(compressed)
}

pub fn check() -> Result {
    let dist = cmd::root().join("dist");
    let mut total = 0;
    println!("| File | Raw | brotli -q 11 |\n| --- | ---: | ---: |");
    for name in FILES {
        total += row(&dist, name)?;
    }
    println!(
        "| **first download** | | **{}** (budget {}) |",
        kib(total),
        kib(BUDGET)
    );
    let mut all = total;
    for name in crate::split::parts(&dist)? {
        all += row(&dist, &name)?;
    }
    println!("| **everything** | | **{}** |", kib(all));
    let rich = first_plus(&dist, total, &RICH_PAGE)?;
    println!(
        "| **a page with a feed, a chapters file, a transcript, in German** | | **{}** |",
        kib(rich)
    );
    preload_lines_listed(&crate::split::parts(&dist)?)?;
    if total > BUDGET {
        return Err(Error::new(format!(
            "the player's first download is {} brotli, over its budget of {}",
            kib(total),
            kib(BUDGET)
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn kib_rounds_to_a_tenth() {
        assert_eq!(super::kib(1024), "1.0 KiB");
        assert_eq!(super::kib(173_670), "169.6 KiB");
        assert_eq!(super::kib(0), "0.0 KiB");
    }
}
