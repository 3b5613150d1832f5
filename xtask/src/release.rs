//! The release wasm build: how trunk runs it, and the check that it resolves offline from what
//! setup fetched.
//!
//! trunk is kept from the network: it must use the tools `setup` installed, never download its own
//! (offline mode turns a would-be download into an error), and skip its update check. `setup`
//! has fetched every crate, so the cargo build it runs works offline too.
//!
//! The wasm is built with the standard library rebuilt to abort at once on a panic, with no
//! message or location (a panic aborts the module either way): 10.4 KiB less brotli, measured.
//! `-Zfmt-debug=none` leaves `Debug` formatting out (2.6 KiB): nothing the player shows or
//! throws is formatted with `{:?}` (error messages quote input with `chapters`' own `quote`).
//! `-Zlocation-detail=none` drops the source locations kept for `#[track_caller]` (0.7 KiB), and
//! `std`'s `optimize_for_size` feature picks its smaller algorithms (5.5 KiB; reading a 3-hour
//! transcript takes 114 ms instead of 81, within its 300 ms budget).
//! These are flags the stable toolchain keeps behind `RUSTC_BOOTSTRAP` and the `rust-src`
//! component, which setup installs; they apply to the wasm target only.

use std::fs;
use std::process::{Command, Stdio};

use crate::cmd::{self, command, run, Context, Result};
use crate::setup;

/// The rebuilt standard library and the wasm's compiler flags, for trunk and for the check.
fn release_env(cmd: &mut Command) -> &mut Command {
    cmd.env("RUSTC_BOOTSTRAP", "1")
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none \
             --cfg split -Clink-arg=--emit-relocs",
        )
}

/// trunk, offline, with the release build's environment.
pub fn trunk() -> Command {
    let mut cmd = command("trunk");
    release_env(&mut cmd)
        .env("TRUNK_OFFLINE", "true")
        .env("TRUNK_SKIP_VERSION_CHECK", "true");
    cmd
}

/// Setup's crate downloads into an empty `CARGO_HOME` (its `bin/` the real one), then the
/// release build's resolution there, offline: cargo's unit graph of the wasm build, `std`
/// included, which needs every crate the build resolves and compiles nothing. A machine that
/// has built online before has the crates in its own cache whatever setup fetches; this check
/// sees only what setup fetched.
pub fn resolves_offline_from_setup() -> Result {
    let home = cmd::root().join("target").join("fresh-cargo-home");
    if home.exists() {
        fs::remove_dir_all(&home).context(|| format!("removing {}", home.display()))?;
    }
    fs::create_dir_all(&home).context(|| format!("creating {}", home.display()))?;
    let bin = cmd::cargo_home().join("bin");
    std::os::unix::fs::symlink(&bin, home.join("bin"))
        .context(|| format!("linking {} into {}", bin.display(), home.display()))?;
    setup::fetch_crates(&home)?;
    let mut graph = command("cargo");
    release_env(&mut graph)
        .env("CARGO_HOME", &home)
        .args([
            "build",
            "--release",
            "--offline",
            "--locked",
            "-p",
            "chapter-player-widget",
            "--target",
            "wasm32-unknown-unknown",
            "--unit-graph",
            "-Zunstable-options",
        ])
        .stdout(Stdio::null());
    let resolved = run(&mut graph);
    fs::remove_dir_all(&home).context(|| format!("removing {}", home.display()))?;
    resolved
}
