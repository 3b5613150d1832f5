//! Other tools the tests check the formats against: ffmpeg, ffprobe and mutagen (the Python ID3
//! tagger), which `cargo xtask setup` installs (Debian's `ffmpeg` and `python3-mutagen`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch file under the target directory, in `dir`.
pub fn scratch(dir: &str, name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory under target/");
    dir.join(name)
}

/// Runs `cmd`, which must succeed; its output.
pub fn run(cmd: &mut Command) -> Output {
    let shown = format!("{cmd:?}");
    let out = cmd.output().unwrap_or_else(|e| {
        panic!("{shown}: {e} (run `cargo xtask setup`: it installs ffmpeg and python3-mutagen)")
    });
    assert!(
        out.status.success(),
        "{shown} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Thirty seconds of silence as MP3 at `path` (made once), with no tag.
pub fn silence(path: &Path) -> PathBuf {
    if !path.is_file() {
        run(Command::new("ffmpeg")
            .args([
                "-loglevel",
                "error",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "anullsrc=r=22050:cl=mono",
            ])
            .args([
                "-t",
                "30",
                "-c:a",
                "libmp3lame",
                "-b:a",
                "32k",
                "-write_xing",
                "0",
            ])
            .args(["-id3v2_version", "0"])
            .arg(path));
    }
    path.to_path_buf()
}

/// Debian's interpreter, which Debian's python3-mutagen belongs to (a `python3` earlier on the
/// PATH may not have it), running `script` with `args`.
pub fn python(script: &str, args: &[&Path]) -> String {
    let out = run(Command::new("/usr/bin/python3")
        .arg("-c")
        .arg(script)
        .args(args));
    String::from_utf8_lossy(&out.stdout).into_owned()
}
