//! `cargo xtask package`: the npm package, from the release build. It holds the loader (the
//! package's entry, with its types, and the wasm-bindgen glue bundled in) and the wasm, which the
//! loader finds relative to itself — so the same files work from a bundler, an import map or a
//! CDN path. `npm pack` makes the tarball in target/npm/, which a browser test installs into a
//! fresh folder and uses.

use crate::cmd::{self, command, run, Error, Result};
use std::fs;
use std::path::PathBuf;

/// The files published, from dist/, beside the parts the wasm was split into (`*.wasm`).
const FILES: [&str; 3] = [
    "chapter-player.js",
    "chapter-player.d.ts",
    "chapter-player-widget_bg.wasm",
];

/// A string field of the widget crate's `[package]` in the root Cargo.toml (`version`,
/// `repository`), if it is there.
fn package_field(name: &str) -> Result<Option<String>> {
    let path = cmd::root().join("Cargo.toml");
    let manifest = fs::read_to_string(&path)
        .map_err(|e| Error::new(format!("reading {}: {e}", path.display())))?;
    let package = manifest
        .split("[package]")
        .nth(1)
        .ok_or("Cargo.toml has no [package]")?;
    let prefix = format!("{name} = \"");
    // The section ends where the next one starts.
    Ok(package
        .lines()
        .take_while(|l| !l.starts_with('['))
        .find_map(|l| l.trim().strip_prefix(prefix.as_str()))
        .and_then(|v| v.strip_suffix('"'))
        .map(str::to_string))
}

/// `package.json`. Its `repository` is the crate's: the project names its public home in
/// Cargo.toml, and the package follows (until then it has none rather than a made-up one).
fn manifest(version: &str, repository: Option<&str>) -> String {
    let files = FILES
        .iter()
        .filter(|f| !f.ends_with(".wasm"))
        .chain(&["*.wasm"])
        .map(|f| format!("\"{f}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let repository = repository
        .map(|url| format!("\n  \"repository\": {{ \"type\": \"git\", \"url\": \"{url}\" }},"))
        .unwrap_or_default();
    format!(
        r#"{{
  "name": "chapter-player",
  "version": "{version}",
  "description": "A podcast player web component that turns the timestamps in show notes into chapters",
  "license": "MIT OR Apache-2.0",{repository}
  "type": "module",
  "exports": {{
    ".": {{
      "types": "./chapter-player.d.ts",
      "default": "./chapter-player.js"
    }},
    "./*.wasm": "./*.wasm"
  }},
  "types": "./chapter-player.d.ts",
  "files": [{files}, "README.md"],
  "sideEffects": ["./chapter-player.js"],
  "keywords": ["podcast", "audio", "player", "chapters", "web-component", "custom-element", "wasm"]
}}
"#
    )
}

const README: &str = "# chapter-player

A podcast player web component that turns the timestamps in show notes into chapters.

```js
import \"chapter-player\"; // defines <chapter-player>; or: import { mount } from \"chapter-player\";
```

```html
<chapter-player src=\"episode.mp3\" episode-title=\"Episode 18\" show=\"My show\">
  (00:00) Intro
  (04:17) Sports news
</chapter-player>
```

The loader fetches `chapter-player-widget_bg.wasm` from next to itself, and the parts a page
needs only for chapter files, feeds or transcripts (`split_*.wasm`, `chunk_*.wasm`) when it
uses them, so keep the `.wasm` files beside the loader (a bundler that copies assets, an import
map, or a CDN path all do). Types are in `chapter-player.d.ts`.
";

/// Assembles the package from dist/ (which must hold a release build) and packs it; the path of
/// the tarball.
pub fn pack() -> Result<PathBuf> {
    let root = cmd::root();
    let version = package_field("version")?
        .ok_or_else(|| Error::new("Cargo.toml's [package] has no version"))?;
    let repository = package_field("repository")?;
    let npm_dir = root.join("target").join("npm");
    let dir = npm_dir.join("chapter-player");
    if dir.exists() {
        fs::remove_dir_all(&dir).map_err(|e| Error::new(format!("{}: {e}", dir.display())))?;
    }
    fs::create_dir_all(&dir).map_err(|e| Error::new(format!("{}: {e}", dir.display())))?;
    let parts = crate::split::parts(&root.join("dist"))?;
    for file in FILES
        .iter()
        .copied()
        .chain(parts.iter().map(String::as_str))
    {
        let from = root.join("dist").join(file);
        fs::copy(&from, dir.join(file))
            .map_err(|e| Error::new(format!("{}: {e} (build first)", from.display())))?;
    }
    let write = |name: &str, text: &str| {
        fs::write(dir.join(name), text).map_err(|e| Error::new(format!("{name}: {e}")))
    };
    write("package.json", &manifest(&version, repository.as_deref()))?;
    write("README.md", README)?;
    run(command("npm")
        .current_dir(&dir)
        .args(["pack", "--silent", "--pack-destination"])
        .arg(&npm_dir))?;
    let tarball = npm_dir.join(format!("chapter-player-{version}.tgz"));
    println!("package: {}", tarball.display());
    Ok(tarball)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_manifest_is_json_naming_the_entry_and_its_types() {
        let m = super::manifest("1.2.3", None);
        assert!(m.contains("\"version\": \"1.2.3\""));
        assert!(!m.contains("repository"));
        assert!(m.contains("\"types\": \"./chapter-player.d.ts\""));
        assert!(m.contains("\"default\": \"./chapter-player.js\""));
        assert!(m.contains("\"chapter-player.d.ts\", \"*.wasm\", \"README.md\"]"));
    }

    #[test]
    fn the_repository_is_the_crates_when_it_names_one() {
        let m = super::manifest("1.2.3", Some("https://example.org/chapter-player.git"));
        assert!(m.contains(
            "\"repository\": { \"type\": \"git\", \"url\": \"https://example.org/chapter-player.git\" },"
        ));
    }
}
