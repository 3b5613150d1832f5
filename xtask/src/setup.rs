//! `cargo xtask setup`: everything the demo and the tests need on a fresh Debian 12 machine that
//! has only the Rust toolchain, installed from package registries (crates.io, Debian, npm) and never
//! as a prebuilt binary from elsewhere. Each step checks first and prints one line, so running it
//! again is quick and says what is there.

use std::fs;
use std::path::Path;
use std::time::SystemTime;

use crate::cmd::{self, command, probe, run, Context, Error, Result};

/// The trunk release the project builds with, installed from crates.io.
pub const TRUNK_VERSION: &str = "0.21.14";

/// The target the widget compiles to.
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Debian packages: the browser and its driver for the tests, espeak-ng and ffmpeg for the demo
/// audio, brotli to measure what the widget costs over the wire, and mutagen (the Python ID3
/// tagger) which, with ffmpeg, writes the ID3 chapters the reader is tested against.
const APT_PACKAGES: [&str; 6] = [
    "chromium",
    "chromium-driver",
    "espeak-ng",
    "ffmpeg",
    "brotli",
    "python3-mutagen",
];

pub fn setup() -> Result {
    rust_target()?;
    trunk()?;
    cargo_fetch()?;
    wasm_bindgen()?;
    apt()?;
    npm()?;
    Ok(())
}

fn rust_target() -> Result {
    let installed = probe("rustup", &["target", "list", "--installed"])
        .ok_or("`rustup target list --installed` failed: the project needs a rustup toolchain")?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        println!("setup: rust target {WASM_TARGET}: installed");
        return Ok(());
    }
    println!("setup: rust target {WASM_TARGET}: adding");
    run(command("rustup").args(["target", "add", WASM_TARGET]))
}

fn trunk() -> Result {
    let want = format!("trunk {TRUNK_VERSION}");
    match probe("trunk", &["--version"]) {
        Some(v) if v == want => {
            println!("setup: {want}: installed");
            Ok(())
        }
        found => {
            println!(
                "setup: {want}: installing with cargo (found: {})",
                found.as_deref().unwrap_or("none")
            );
            run(command("cargo").args(["install", "--locked", &format!("trunk@{TRUNK_VERSION}")]))
        }
    }
}

/// Brings Cargo.lock up to date with the manifests and downloads every crate for every target, so
/// the wasm-bindgen version read next is the one the build will use, and trunk can build offline.
fn cargo_fetch() -> Result {
    if !cmd::root().join("Cargo.lock").is_file() {
        println!("setup: Cargo.lock: generating");
        run(command("cargo").arg("generate-lockfile"))?;
    }
    println!("setup: crates: cargo fetch");
    run(command("cargo").arg("fetch"))
}

/// `wasm-bindgen` (used by trunk) and `wasm-bindgen-test-runner` (used by the component tests)
/// must be exactly the version of the `wasm-bindgen` crate in Cargo.lock: the generated glue and
/// the runtime must agree. Built from crates.io, without `--locked` as its maintainers advise.
fn wasm_bindgen() -> Result {
    let lock_path = cmd::root().join("Cargo.lock");
    let lock =
        fs::read_to_string(&lock_path).context(|| format!("reading {}", lock_path.display()))?;
    let versions = locked_versions(&lock, "wasm-bindgen");
    let Some(version) = versions.first() else {
        println!("setup: wasm-bindgen-cli: no wasm-bindgen crate in Cargo.lock, skipped");
        return Ok(());
    };
    if versions.len() > 1 {
        println!("setup: warning: Cargo.lock has several wasm-bindgen versions {versions:?}, using {version}");
    }
    let cli = probe("wasm-bindgen", &["--version"]);
    let runner = probe("wasm-bindgen-test-runner", &["--version"]);
    let matches = |found: &Option<String>, name: &str| {
        found.as_deref().and_then(|v| v.split_whitespace().nth(1)) == Some(version.as_str())
            && found.as_deref().and_then(|v| v.split_whitespace().next()) == Some(name)
    };
    if matches(&cli, "wasm-bindgen") && matches(&runner, "wasm-bindgen-test-runner") {
        println!("setup: wasm-bindgen-cli {version}: installed");
        return Ok(());
    }
    println!(
        "setup: wasm-bindgen-cli {version}: installing with cargo (found: {})",
        cli.as_deref().unwrap_or("none")
    );
    run(command("cargo").args(["install", &format!("wasm-bindgen-cli@{version}")]))
}

/// The versions of package `name` in a Cargo.lock, in file order.
fn locked_versions(lock: &str, name: &str) -> Vec<String> {
    let wanted = format!("name = \"{name}\"");
    let mut versions = Vec::new();
    let mut lines = lock.lines().map(str::trim);
    while let Some(line) = lines.next() {
        if line != wanted {
            continue;
        }
        let version = lines
            .next()
            .and_then(|l| l.strip_prefix("version = \""))
            .and_then(|l| l.strip_suffix('"'));
        if let Some(v) = version {
            versions.push(v.to_string());
        }
    }
    versions
}

fn apt() -> Result {
    let mut missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| !dpkg_installed(p))
        .collect();
    // Node may come from elsewhere (NodeSource ships npm inside its nodejs), so look for the
    // programs rather than Debian's package names.
    if probe("node", &["--version"]).is_none() || probe("npm", &["--version"]).is_none() {
        missing.extend(["nodejs", "npm"]);
    }
    if missing.is_empty() {
        println!(
            "setup: apt packages {}, node, npm: installed",
            APT_PACKAGES.join(" ")
        );
        return Ok(());
    }
    println!("setup: apt packages: installing {}", missing.join(" "));
    run(command("apt-get").arg("update"))?;
    run(command("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .args(["install", "-y", "--no-install-recommends"])
        .args(&missing))
    .map_err(|e| Error {
        message: format!("{} (apt-get needs root)", e.message),
        code: e.code,
    })
}

fn dpkg_installed(package: &str) -> bool {
    probe("dpkg", &["-s", package]).is_some_and(|s| {
        s.lines()
            .any(|l| l.trim() == "Status: install ok installed")
    })
}

/// The npm dev dependencies (binaryen's wasm-opt, playwright-core, http-server), reinstalled when
/// package-lock.json changed since the last install.
fn npm() -> Result {
    let root = cmd::root();
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules").join(".package-lock.json");
    let stale = match (mtime(&lock), mtime(&installed)) {
        (_, None) => true,
        (Some(lock), Some(installed)) => lock > installed,
        (None, Some(_)) => false,
    };
    if !stale {
        println!("setup: npm dev dependencies: installed");
        return Ok(());
    }
    let verb = if lock.is_file() { "ci" } else { "install" };
    println!("setup: npm dev dependencies: npm {verb}");
    run(command("npm").args([verb, "--no-audit", "--no-fund"]))
}

fn mtime(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::locked_versions;

    #[test]
    fn reads_the_locked_version() {
        let lock =
            "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.100\"\nsource = \"x\"\n\n\
                    [[package]]\nname = \"wasm-bindgen-shared\"\nversion = \"0.2.100\"\n";
        assert_eq!(locked_versions(lock, "wasm-bindgen"), ["0.2.100"]);
        assert!(locked_versions(lock, "yew").is_empty());
    }
}
