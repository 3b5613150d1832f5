//! The project's automation, in Rust so it needs nothing but the toolchain: `cargo xtask demo`
//! and `cargo xtask test` work on a fresh Debian 12 machine with only rustup, installing the rest
//! from package registries on the way (see [`setup`]). `.ci/run` is `cargo xtask test`.

mod cmd;
mod fuzz;
mod media;
mod package;
mod readme;
mod release;
mod serve;
mod setup;
mod size;
mod split;

use std::fs;
use std::process::ExitCode;

use cmd::{command, header, run, Error, Result, Steps};
use release::trunk;
use serve::Servers;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup            install what the demo and tests need (rust target, trunk, wasm-bindgen-cli,
                   Debian packages, npm dev dependencies); skips what is already there
  media [--force]  generate the demo/test audio into www/media/ (skipped when up to date)
  demo [--port N]  setup, media, then serve the demo at http://127.0.0.1:8080/ (or port N, or
                   $DEMO_PORT)
  test             setup, an offline resolution of the release build from what setup fetched
                   into an empty CARGO_HOME, then fmt, clippy, unit tests, the TypeScript types, 20 s of fuzzing per
                   target, wasm component tests, media, the README's command lines, trunk build,
                   the size budget and the browser tests; stops at the first failure
  fuzz [SECONDS]   run every fuzz target of crates/chapters for SECONDS each (default 600)
  bench            cargo bench of the parser, then the browser benchmark
  size             release build, then the brotli size of what a page downloads, against the
                   budget (also a step of `test`)
  package          release build, then the npm package, packed into target/npm/ (also a step
                   of `test`, whose browser tests install and use it)
  split            trunk's post-build hook: split the wasm into its parts, then wasm-bindgen,
                   wasm-opt and the loader's bundle (run by trunk, not by hand)
  help             this text";

fn main() -> ExitCode {
    cmd::set_path();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["setup"] => setup::setup(),
        ["media"] => media::media(false),
        ["media", "--force"] => media::media(true),
        ["demo"] => demo(None),
        ["demo", "--port", port] => match port.parse() {
            Ok(port) => demo(Some(port)),
            Err(_) => return usage_error(&format!("not a port number: {port:?}")),
        },
        ["test"] => test(),
        ["fuzz"] => fuzz::fuzz(fuzz::DEFAULT_SECONDS),
        ["fuzz", seconds] => match seconds.parse() {
            Ok(seconds) => fuzz::fuzz(seconds),
            Err(_) => return usage_error(&format!("not a number of seconds: {seconds:?}")),
        },
        ["bench"] => bench(),
        ["size"] => size(),
        ["split"] => split::split(),
        ["package"] => package_command(),
        ["help" | "-h" | "--help"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        [] => return usage_error("no command given"),
        _ => return usage_error(&format!("unknown command: {}", args.join(" "))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {}", e.message);
            ExitCode::from(u8::try_from(e.code).ok().filter(|&c| c != 0).unwrap_or(1))
        }
    }
}

fn usage_error(what: &str) -> ExitCode {
    eprintln!("xtask: {what}\n\n{USAGE}");
    ExitCode::from(2)
}

/// The demo server's port: `--port`, else `DEMO_PORT`, else 8080.
const DEMO_PORT: u16 = 8080;

fn demo(port: Option<u16>) -> Result {
    let port = match port {
        Some(port) => port,
        None => match std::env::var("DEMO_PORT") {
            Ok(value) => value
                .trim()
                .parse()
                .map_err(|_| Error::new(format!("DEMO_PORT is not a port number: {value:?}")))?,
            Err(_) => DEMO_PORT,
        },
    };
    // trunk panics with a backtrace when the port is taken; say it plainly, before the setup.
    serve::port_free(port).map_err(|e| {
        Error::new(format!(
            "port {port} on 127.0.0.1 is taken ({e}): stop what uses it, or serve the demo on \
             another port with `cargo xtask demo --port {}` (or DEMO_PORT={})",
            port.wrapping_add(1),
            port.wrapping_add(1)
        ))
    })?;
    header("setup");
    setup::setup()?;
    header("media");
    media::media(false)?;
    println!("\n    demo: http://127.0.0.1:{port}/\n");
    run(trunk()
        .args(["serve", "--release", "--address", "127.0.0.1", "--port"])
        .arg(port.to_string()))
}

fn test() -> Result {
    let mut steps = Steps::new();
    let outcome = test_steps(&mut steps);
    steps.summary(&outcome);
    outcome
}

fn test_steps(steps: &mut Steps) -> Result {
    steps.step("setup", setup::setup)?;
    steps.step(
        "the release build resolves offline from what setup fetched (empty CARGO_HOME)",
        release::resolves_offline_from_setup,
    )?;
    steps.run(command("cargo").args(["fmt", "--all", "--", "--check"]))?;
    steps.run(command("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    steps.run(command("cargo").args([
        "clippy",
        "-p",
        "chapter-player-widget",
        "--target",
        "wasm32-unknown-unknown",
        "--",
        "-D",
        "warnings",
    ]))?;
    // The split build's code (`--cfg split`: the `#[wasm_split]` functions and the languages'
    // parts) is linted too, in a target directory of its own so neither build invalidates the
    // other's cache.
    steps.run(
        command("cargo")
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
                "--cfg split",
            )
            .args([
                "clippy",
                "-p",
                "chapter-player-widget",
                "--target",
                "wasm32-unknown-unknown",
                "--target-dir",
                "target/clippy-split",
                "--",
                "-D",
                "warnings",
            ]),
    )?;
    steps.run(command("cargo").args(["test", "--workspace"]))?;
    // The loader's TypeScript types against a file that uses every member (and must-fail lines).
    steps.run(command("tsc").args(["-p", "tests/types"]))?;
    fuzz::fuzz_steps(steps, fuzz::SMOKE_SECONDS)?;
    // The component tests run in headless Chromium through chromedriver; the runner reads the
    // browser's options from webdriver.json (by default in the directory it runs in, the
    // repository root; named here so that does not matter).
    let webdriver = cmd::root().join("webdriver.json");
    if !webdriver.is_file() {
        return Err(Error::new(
            "webdriver.json is missing from the repository root",
        ));
    }
    steps.run(
        command("cargo")
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", &webdriver)
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .args([
                "test",
                "-p",
                "chapter-player-widget",
                "--target",
                "wasm32-unknown-unknown",
            ]),
    )?;
    // The README's examples read the demo audio.
    steps.step("media", || media::media(false))?;
    readme::run_all(steps)?;
    browser(steps, &["--test", "--test-concurrency=1", "tests/browser/"])
}

/// The build the browser loads, the media it plays, the two servers, and then `node node_args`.
/// The media comes before the build: index.html has trunk copy `www/media` into dist/.
fn browser(steps: &mut Steps, node_args: &[&str]) -> Result {
    steps.step("media", || media::media(false))?;
    steps.run(trunk().args(["build", "--release"]))?;
    steps.step("size budget", size::check)?;
    steps.step("npm package", || package::pack().map(|_| ()))?;
    let mut node = command("node");
    node.envs(Servers::env()).args(node_args);
    let title = cmd::display(&node);
    steps.step(&title, || {
        let artifacts = cmd::root().join("tests/artifacts");
        fs::create_dir_all(&artifacts)
            .map_err(|e| Error::new(format!("creating {}: {e}", artifacts.display())))?;
        let _servers = Servers::start()?;
        run(&mut node)
    })
}

/// Setup, the demo audio (index.html copies it), the release build, then `name`'s own step.
fn after_release_build(name: &str, last: impl FnOnce() -> Result) -> Result {
    let mut steps = Steps::new();
    let outcome = (|| {
        steps.step("setup", setup::setup)?;
        steps.step("media", || media::media(false))?;
        steps.run(trunk().args(["build", "--release"]))?;
        steps.step(name, last)
    })();
    steps.summary(&outcome);
    outcome
}

fn package_command() -> Result {
    after_release_build("npm package", || package::pack().map(|_| ()))
}

fn size() -> Result {
    after_release_build("size budget", size::check)
}

fn bench() -> Result {
    let mut steps = Steps::new();
    let outcome = (|| {
        steps.step("setup", setup::setup)?;
        steps.run(command("cargo").args(["bench", "-p", "chapters", "--bench", "parse"]))?;
        browser(&mut steps, &["tests/browser/bench.mjs"])
    })();
    steps.summary(&outcome);
    outcome
}
