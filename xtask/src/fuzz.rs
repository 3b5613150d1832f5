//! `cargo xtask fuzz [SECONDS]`: every cargo-fuzz target of the `chapters` crate, one after the
//! other, each for a time budget. The parsers run in the browser on input from anywhere, where a
//! panic takes down every player on the page, so no input may make them panic.
//!
//! cargo-fuzz needs nightly features (sanitizers, `-Z` flags); the machines have only stable
//! Rust, so the runs set `RUSTC_BOOTSTRAP=1`, which unlocks them on the stable compiler.

use crate::cmd::{self, command, display, probe, run, Error, Result, Steps};

/// Seconds per target when none are given.
pub const DEFAULT_SECONDS: u64 = 600;

/// Per target in `cargo xtask test`: enough to catch a new panic near the seeds before it lands.
pub const SMOKE_SECONDS: u64 = 20;

/// The crate whose `fuzz/` directory holds the targets.
const CRATE_DIR: &str = "crates/chapters";

pub fn fuzz(seconds: u64) -> Result {
    let mut steps = Steps::new();
    let outcome = fuzz_steps(&mut steps, seconds);
    steps.summary(&outcome);
    outcome
}

pub fn fuzz_steps(steps: &mut Steps, seconds: u64) -> Result {
    let dir = cmd::root().join(CRATE_DIR);
    if !dir.join("fuzz").join("Cargo.toml").is_file() {
        return Err(Error::new(format!("no fuzz crate in {CRATE_DIR}/fuzz")));
    }
    if probe("cargo", &["fuzz", "--version"]).is_none() {
        steps.run(command("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }

    let mut list = command("cargo");
    list.current_dir(&dir)
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["fuzz", "list"]);
    let shown = display(&list);
    let output = list.output().map_err(|e| cmd::spawn_error(&shown, &e))?;
    if !output.status.success() {
        eprint!("{}", String::from_utf8_lossy(&output.stderr));
        cmd::check(&shown, output.status)?;
    }
    let targets: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if targets.is_empty() {
        return Err(Error::new(format!("`{shown}` listed no fuzz targets")));
    }
    println!(
        "fuzz: {} targets, {seconds}s each: {}",
        targets.len(),
        targets.join(", ")
    );

    for target in &targets {
        // libFuzzer exits non-zero on a crash and saves the input under fuzz/artifacts/.
        run_target(steps, &dir, target, seconds)?;
    }
    Ok(())
}

fn run_target(steps: &mut Steps, dir: &std::path::Path, target: &str, seconds: u64) -> Result {
    // libFuzzer writes new inputs into the first directory, so the corpus comes before the
    // committed seeds; a directory named explicitly must exist.
    let corpus = format!("fuzz/corpus/{target}");
    std::fs::create_dir_all(dir.join(&corpus)).map_err(|e| Error::new(format!("{corpus}: {e}")))?;
    let seeds = format!("fuzz/seeds/{target}");
    let mut cmd = command("cargo");
    cmd.current_dir(dir)
        .env("RUSTC_BOOTSTRAP", "1")
        .args(["fuzz", "run", target, &corpus])
        .args(dir.join(&seeds).is_dir().then_some(seeds.as_str()))
        .arg("--")
        .arg(format!("-max_total_time={seconds}"));
    let title = display(&cmd);
    steps.step(&title, || run(&mut cmd))
}
