//! trunk's post-build hook (`cargo xtask split`, see Trunk.toml): the wasm cargo built is split
//! into the main module and the parts a page loads only when it uses them (the `#[wasm_split]`
//! readers of src/parts.rs), then each goes through wasm-bindgen or wasm-opt, and the loader is
//! bundled with the glue.
//!
//! trunk runs wasm-bindgen itself, but on the whole module: splitting has to happen between cargo
//! and wasm-bindgen, which trunk offers no stage for. So the hook starts again from cargo's
//! output and replaces what trunk wrote to its staging directory. The split needs the linker's
//! relocations (`--emit-relocs`, set by `release::trunk`); trunk's own wasm-opt is off
//! (`data-wasm-opt="0"` in index.html) since its output would be replaced.
//!
//! Each part is `split_<part>.wasm`; code that several parts share is a chunk, which the
//! splitter numbers (`chunk_<n>.wasm`) in an order that changes with unrelated code. They are
//! renamed for the parts that load them (`chunk-<part>-<part>.wasm`), so a page's preload lines
//! stay true from one build to the next. The loader fetches them all from next to itself.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

use crate::cmd::{self, command, run, Context, Error, Result};

/// The crate's wasm as cargo names it, and the stem wasm-bindgen's files get (as trunk names
/// them from the crate).
const CRATE_WASM: &str = "chapter_player_widget.wasm";
const OUT_NAME: &str = "chapter-player-widget";

pub fn split() -> Result {
    let staging =
        PathBuf::from(env::var_os("TRUNK_STAGING_DIR").ok_or(
            "`cargo xtask split` is trunk's post-build hook: TRUNK_STAGING_DIR is not set",
        )?);
    let release = env::var("TRUNK_PROFILE").as_deref() == Ok("release");
    let target = env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| cmd::root().join("target"));
    let input = target
        .join("wasm32-unknown-unknown")
        .join(if release { "release" } else { "debug" })
        .join(CRATE_WASM);
    let work = target.join("wasm-split");
    let parts = split_module(&input, &work)?;
    bindgen(&work.join("main.wasm"), &staging)?;
    fs::copy(
        work.join("__wasm_split.js"),
        staging.join("__wasm_split.js"),
    )
    .context(|| format!("copying __wasm_split.js into {}", staging.display()))?;
    let main = staging.join(format!("{OUT_NAME}_bg.wasm"));
    for part in &parts {
        let name = part.file_name().ok_or("a split part without a file name")?;
        let to = staging.join(name);
        if release {
            optimize(part, &to)?;
        } else {
            fs::copy(part, &to).context(|| format!("copying {}", to.display()))?;
        }
    }
    if release {
        optimize(&main, &main)?;
    }
    run(command("node").arg("xtask/bundle-loader.mjs"))
}

/// Splits `input` into `work`: `main.wasm`, the parts (returned) and `__wasm_split.js`, the
/// loader the glue imports to fetch them.
fn split_module(input: &Path, work: &Path) -> Result<Vec<PathBuf>> {
    let wasm = fs::read(input).context(|| format!("reading {}", input.display()))?;
    if work.exists() {
        fs::remove_dir_all(work).context(|| format!("removing {}", work.display()))?;
    }
    let main = work.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&wasm);
    options.output_dir = work;
    options.main_out_path = &main;
    options.link_name = "./__wasm_split.js";
    let main_module = format!("./{OUT_NAME}.js");
    options.main_module = &main_module;
    let split = wasm_split_cli_support::transform(options).map_err(|e| {
        Error::new(format!(
            "splitting {}: {e:#} (the release build links with --emit-relocs; build through \
             `cargo xtask`, whose trunk sets it)",
            input.display()
        ))
    })?;
    let link = work.join("__wasm_split.js");
    let js = fs::read_to_string(&link).context(|| format!("reading {}", link.display()))?;
    let (js, renames) = stable_chunk_names(&js)?;
    fs::write(&link, js).context(|| format!("writing {}", link.display()))?;
    let mut parts = Vec::new();
    for path in split.split_modules {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let renamed = match renames.iter().find(|(old, _)| old == name) {
            Some((_, new)) => {
                let to = work.join(new);
                fs::rename(&path, &to).context(|| format!("renaming {}", path.display()))?;
                to
            }
            None => path,
        };
        parts.push(renamed);
    }
    parts.sort();
    Ok(parts)
}

/// The splitter's loader with each chunk named for the parts that share it, and the renames.
/// The loader announces each chunk with a comment listing those parts (`/* feed, transcripts */`)
/// just before the line that fetches it.
fn stable_chunk_names(js: &str) -> Result<(String, Vec<(String, String)>)> {
    let mut out = String::with_capacity(js.len());
    let mut renames = Vec::new();
    let mut sharing: Option<String> = None;
    for line in js.split_inclusive('\n') {
        let trimmed = line.trim();
        if let Some(names) = trimmed
            .strip_prefix("/* ")
            .and_then(|l| l.strip_suffix(" */"))
        {
            sharing = Some(names.split(", ").collect::<Vec<_>>().join("-"));
        }
        let Some(start) = line.find("\"./chunk_") else {
            out.push_str(line);
            continue;
        };
        let old_end = line[start + 1..]
            .find('"')
            .ok_or("the splitter's loader: an unterminated chunk file name")?;
        let old = &line[start + 3..start + 1 + old_end];
        let parts = sharing.take().ok_or_else(|| {
            Error::new(format!(
                "the splitter's loader: no list of parts before {old}"
            ))
        })?;
        let new = format!("chunk-{parts}.wasm");
        out.push_str(&line.replacen(old, &new, 1));
        renames.push((old.to_string(), new));
    }
    Ok((out, renames))
}

/// wasm-bindgen on the main module, as trunk runs it, keeping the exports the parts link to.
fn bindgen(main: &Path, staging: &Path) -> Result {
    run(command("wasm-bindgen")
        .arg(main)
        .arg("--out-dir")
        .arg(staging)
        .args(["--out-name", OUT_NAME, "--target", "web", "--no-typescript"])
        .arg("--keep-lld-exports"))
}

/// wasm-opt for size, as trunk's `data-wasm-opt="z"` ran it.
fn optimize(from: &Path, to: &Path) -> Result {
    let output = format!("--output={}", to.display());
    run(command("wasm-opt").arg("-Oz").arg(from).arg(output))
}

/// The parts' file names in `dir` (a build's output), sorted: what a page may load after the
/// main module.
pub fn parts(dir: &Path) -> Result<Vec<String>> {
    let entries =
        fs::read_dir(dir).context(|| format!("listing {} (build first)", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| is_part(n))
        .collect();
    names.sort();
    Ok(names)
}

/// Whether the part `part` loads the file `name`: its own split, or a chunk it shares.
pub fn loads(part: &str, name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".wasm") else {
        return false;
    };
    match (stem.strip_prefix("split_"), stem.strip_prefix("chunk-")) {
        (Some(own), _) => own == part,
        (_, Some(sharing)) => sharing.split('-').any(|p| p == part),
        _ => false,
    }
}

fn is_part(name: &str) -> bool {
    (name.starts_with("split_") || name.starts_with("chunk-")) && name.ends_with(".wasm")
}

#[cfg(test)]
mod tests {
    #[test]
    fn parts_are_the_splitters_wasm_files() {
        assert!(super::is_part("split_feed.wasm"));
        assert!(super::is_part("chunk-feed-transcripts.wasm"));
        assert!(!super::is_part("chapter-player-widget_bg.wasm"));
        assert!(!super::is_part("split_feed.js"));
    }

    #[test]
    fn a_part_loads_its_split_and_the_chunks_it_shares() {
        assert!(super::loads("feed", "split_feed.wasm"));
        assert!(super::loads("feed", "chunk-chapter_files-feed.wasm"));
        assert!(!super::loads(
            "feed",
            "chunk-chapter_files-transcripts.wasm"
        ));
        assert!(!super::loads("lang_de", "split_lang_de_x.wasm"));
        assert!(!super::loads("feed", "chapter-player-widget_bg.wasm"));
    }

    #[test]
    fn chunks_are_named_for_the_parts_that_share_them() {
        let js = "const a = 1;\n/* feed, transcripts */\nconst __chunk_5 = makeLoad(() => {\n    \
                  const src = fetch(new URL(\"./chunk_5.wasm\", import.meta.url));\n\
                  export const l = makeLoad(() => fetch(new URL(\"./split_feed.wasm\", import.meta.url)));\n";
        let (out, renames) = super::stable_chunk_names(js).unwrap();
        assert_eq!(
            renames,
            [(
                "chunk_5.wasm".to_string(),
                "chunk-feed-transcripts.wasm".to_string()
            )]
        );
        assert!(out.contains("new URL(\"./chunk-feed-transcripts.wasm\", import.meta.url)"));
        assert!(out.contains("\"./split_feed.wasm\""));
        assert!(super::stable_chunk_names("fetch(new URL(\"./chunk_1.wasm\"))").is_err());
    }
}
