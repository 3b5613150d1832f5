//! Files and URLs for the commands: reading an input named on the command line, fetching a URL,
//! and writing a file whole or not at all.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether `name` is an http(s) URL rather than a path.
pub fn is_url(name: &str) -> bool {
    name.starts_with("https://") || name.starts_with("http://")
}

/// A file's bytes, or a URL's (fetched with curl, which every system these commands run on has,
/// and which brings TLS, proxies and redirects without a crate).
pub fn read(name: &str) -> Result<Vec<u8>, String> {
    if !is_url(name) {
        return std::fs::read(name).map_err(|e| format!("cannot read {name}: {e}"));
    }
    let out = Command::new("curl")
        .args([
            "--fail",
            "--silent",
            "--show-error",
            "--location",
            "--max-time",
            "60",
        ])
        .arg(name)
        .output()
        .map_err(|e| format!("cannot fetch {name}: running curl: {e}"))?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr);
        return Err(format!(
            "cannot fetch {name}: {}",
            why.trim().trim_start_matches("curl: ")
        ));
    }
    Ok(out.stdout)
}

/// `reference` as seen from `base` (a URL or a file's path), as a feed or chapter file means it.
pub fn resolve(base: &str, reference: &str) -> String {
    if is_url(reference) || reference.starts_with("data:") {
        return reference.to_string();
    }
    if is_url(base) {
        let origin_end = base.find("://").map_or(0, |i| i + 3);
        if let Some(rest) = reference.strip_prefix("//") {
            let scheme = &base[..origin_end];
            return format!("{scheme}{rest}");
        }
        if reference.starts_with('/') {
            let host_end = base[origin_end..]
                .find('/')
                .map_or(base.len(), |i| origin_end + i);
            return format!("{}{reference}", &base[..host_end]);
        }
        let path_end = base.split(['?', '#']).next().unwrap_or(base);
        let dir_end = path_end
            .rfind('/')
            .filter(|&i| i >= origin_end)
            .map_or(path_end.len(), |i| i + 1);
        let dir = &base[..dir_end];
        let sep = if dir.ends_with('/') { "" } else { "/" };
        return format!("{dir}{sep}{reference}");
    }
    let dir = Path::new(base).parent().unwrap_or(Path::new(""));
    dir.join(reference).to_string_lossy().into_owned()
}

/// Writes `bytes` to `path` whole or not at all: into a temporary file beside it, then renamed
/// over it, so an interrupted run never leaves half a file (or half an MP3) behind.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.partial", std::process::id()));
    let written = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        format!("cannot write {}: {e}", path.display())
    })
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn references_resolve_against_urls_and_paths() {
        let feed = "https://example.com/show/feed.xml?x=1";
        assert_eq!(
            resolve(feed, "ep1.json"),
            "https://example.com/show/ep1.json"
        );
        assert_eq!(
            resolve(feed, "/c/ep1.json"),
            "https://example.com/c/ep1.json"
        );
        assert_eq!(
            resolve(feed, "//cdn.example/a.png"),
            "https://cdn.example/a.png"
        );
        assert_eq!(resolve(feed, "https://other/a"), "https://other/a");
        assert_eq!(
            resolve("https://example.com", "a.json"),
            "https://example.com/a.json"
        );
        assert_eq!(resolve("notes/ep1.txt", "art/1.png"), "notes/art/1.png");
        assert_eq!(resolve("ep1.json", "1.png"), "1.png");
    }
}
