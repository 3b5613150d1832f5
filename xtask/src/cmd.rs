//! Running other programs: the one place that knows the repository root, the `PATH` every child
//! gets, how a command is shown in a step header, and how a failure becomes an [`Error`] that
//! carries the child's exit code out of `main`.

use std::env;
use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// A failure with the message to print and the exit code to leave with (the failed child's own,
/// so `cargo xtask test` exits as the test runner did).
#[derive(Debug)]
pub struct Error {
    pub message: String,
    pub code: i32,
}

pub type Result<T = ()> = std::result::Result<T, Error>;

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            code: 1,
        }
    }
}

impl From<String> for Error {
    fn from(message: String) -> Self {
        Error::new(message)
    }
}

impl From<&str> for Error {
    fn from(message: &str) -> Self {
        Error::new(message)
    }
}

/// Adds context to I/O errors: `fs::read(&p).context(|| format!("reading {}", p.display()))`.
pub trait Context<T> {
    fn context<S: Into<String>>(self, what: impl FnOnce() -> S) -> Result<T>;
}

impl<T, E: fmt::Display> Context<T> for std::result::Result<T, E> {
    fn context<S: Into<String>>(self, what: impl FnOnce() -> S) -> Result<T> {
        self.map_err(|e| Error::new(format!("{}: {e}", what().into())))
    }
}

/// The workspace root. `cargo run` sets `CARGO_MANIFEST_DIR` for the program it runs; the
/// compile-time value is the fallback for running `target/debug/xtask` by hand.
pub fn root() -> &'static Path {
    static ROOT: OnceLock<PathBuf> = OnceLock::new();
    ROOT.get_or_init(|| {
        let manifest_dir = env::var_os("CARGO_MANIFEST_DIR")
            .map(PathBuf::from)
            .filter(|dir| dir.join("Cargo.toml").is_file())
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
        let root = manifest_dir.parent().unwrap_or(&manifest_dir).to_path_buf();
        root.canonicalize().unwrap_or(root)
    })
}

/// Puts `node_modules/.bin` first on this process's `PATH`, so every child inherits it: trunk must
/// find npm's binaryen `wasm-opt` (a known, recent version) and never an older one from Debian.
/// Cargo's own bin directory comes next when it is missing, so tools that `cargo install` just
/// built are found in the same run.
///
/// Called once at the start of `main`, before any thread exists.
pub fn set_path() {
    // The project's own Node.js, when setup had to install one (see setup::node), comes first.
    let mut dirs = vec![
        crate::setup::node_venv().join("bin"),
        root().join("node_modules").join(".bin"),
    ];
    let cargo_bin = cargo_home().join("bin");
    let current: Vec<PathBuf> = env::var_os("PATH")
        .map(|p| env::split_paths(&p).collect())
        .unwrap_or_default();
    if !current.contains(&cargo_bin) {
        dirs.push(cargo_bin);
    }
    for dir in current {
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    if let Ok(path) = env::join_paths(dirs) {
        env::set_var("PATH", path);
    }
}

/// Cargo's home: `CARGO_HOME`, else `~/.cargo`.
pub fn cargo_home() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// A command that runs in the repository root.
pub fn command(program: impl AsRef<OsStr>) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(root());
    cmd
}

/// How a command reads in a header: `KEY=value program args`, quoted where needed.
pub fn display(cmd: &Command) -> String {
    let mut parts = Vec::new();
    for (key, value) in cmd.get_envs() {
        if let Some(value) = value {
            parts.push(format!(
                "{}={}",
                key.to_string_lossy(),
                quote(&value.to_string_lossy())
            ));
        }
    }
    parts.push(quote(&cmd.get_program().to_string_lossy()));
    parts.extend(cmd.get_args().map(|a| quote(&a.to_string_lossy())));
    parts.join(" ")
}

fn quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:@,+%".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Runs `cmd` with inherited stdio; a non-zero exit is an error carrying the child's exit code.
pub fn run(cmd: &mut Command) -> Result {
    let shown = display(cmd);
    let status = cmd.status().map_err(|e| spawn_error(&shown, &e))?;
    check(&shown, status)
}

/// Turns a finished child's status into a result.
pub fn check(shown: &str, status: ExitStatus) -> Result {
    if status.success() {
        return Ok(());
    }
    Err(Error {
        message: format!("`{shown}` failed ({status})"),
        code: status.code().filter(|&c| c != 0).unwrap_or(1),
    })
}

/// The message for a program that could not be started, with the likely fix.
pub fn spawn_error(shown: &str, e: &std::io::Error) -> Error {
    let hint = if e.kind() == std::io::ErrorKind::NotFound {
        " (not installed? `cargo xtask setup` installs the tools)"
    } else {
        ""
    };
    Error::new(format!("could not start `{shown}`: {e}{hint}"))
}

/// The trimmed stdout of `program args` when it runs and succeeds; `None` when it is missing or
/// fails. For presence and version checks, so stderr is discarded.
pub fn probe(program: &str, args: &[&str]) -> Option<String> {
    let output = command(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Prints the header of a step.
pub fn header(title: &str) {
    println!("==> {title}");
}

/// The steps of one `cargo xtask` run with their times, for the summary at the end: CI has a time
/// budget, and the summary says where it went.
pub struct Steps {
    started: Instant,
    done: Vec<(String, Duration)>,
}

impl Steps {
    pub fn new() -> Self {
        Steps {
            started: Instant::now(),
            done: Vec::new(),
        }
    }

    /// Prints the header, runs `f`, records how long it took.
    pub fn step(&mut self, title: &str, f: impl FnOnce() -> Result) -> Result {
        header(title);
        let start = Instant::now();
        let result = f();
        self.done.push((title.to_string(), start.elapsed()));
        result
    }

    /// Runs `cmd` as a step titled by the command itself.
    pub fn run(&mut self, cmd: &mut Command) -> Result {
        let title = display(cmd);
        self.step(&title, || run(cmd))
    }

    /// Prints each step's time and the total, after success or failure alike.
    pub fn summary(&self, outcome: &Result) {
        println!();
        for (title, took) in &self.done {
            println!("{:>9}  {title}", format_duration(*took));
        }
        let verdict = match outcome {
            Ok(()) => "ok",
            Err(_) => "FAILED",
        };
        println!(
            "{:>9}  total ({verdict})",
            format_duration(self.started.elapsed())
        );
    }
}

pub fn format_duration(d: Duration) -> String {
    let secs = d.as_secs();
    if secs >= 60 {
        format!("{}m{:02}s", secs / 60, secs % 60)
    } else {
        format!("{:.1}s", d.as_secs_f64())
    }
}

/// A size for humans: `12.5 MiB`.
pub fn format_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["B", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}
