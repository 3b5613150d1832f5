//! The README's command-line examples, run exactly as written from the repository root, so the
//! page people copy from cannot drift from what works. The `cargo xtask` lines are left out:
//! they are the commands that run this one (`test`), serve until stopped (`demo`), or take an
//! hour (`fuzz`, `bench`).

use crate::cmd::{self, command, Error, Result, Steps};
use std::fs;

/// The lines of the README's `sh` blocks that start with `cargo run`, as written.
fn commands(readme: &str) -> Vec<&str> {
    let mut in_sh = false;
    let mut out = Vec::new();
    for line in readme.lines() {
        match line.trim() {
            "```sh" => in_sh = true,
            "```" => in_sh = false,
            l if in_sh && l.starts_with("cargo run ") => out.push(l),
            _ => {}
        }
    }
    out
}

pub fn run_all(steps: &mut Steps) -> Result {
    let path = cmd::root().join("README.md");
    let readme = fs::read_to_string(&path)
        .map_err(|e| Error::new(format!("reading {}: {e}", path.display())))?;
    let lines = commands(&readme);
    if lines.is_empty() {
        return Err(Error::new(
            "the README has no `cargo run` examples to check",
        ));
    }
    for line in lines {
        // Through the shell, as someone pasting it would: its `# …` comment is a comment.
        steps.run(command("sh").args(["-c", line]))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::commands;

    #[test]
    fn takes_cargo_run_lines_from_sh_blocks_only() {
        let readme =
            "text `cargo run -p x`\n```sh\ncargo xtask test\ncargo run -p a -- b  # c\n```\n\
                      ```js\ncargo run -p no\n```\n```sh\n  cargo run -p d\n```\n";
        assert_eq!(
            commands(readme),
            ["cargo run -p a -- b  # c", "cargo run -p d"]
        );
    }
}
