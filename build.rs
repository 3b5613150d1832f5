//! Minifies the player's stylesheet into the bundle: comments and layout whitespace are bytes
//! every page pays for.

use std::{env, fs, path::Path};

fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    without_comments.push_str(rest);
    let collapsed = without_comments
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = collapsed;
    for token in ["{", "}", ";", ","] {
        out = out
            .replace(&format!(" {token}"), token)
            .replace(&format!("{token} "), token);
    }
    out.replace(";}", "}")
}

fn main() {
    let source = "www/chapter-player.css";
    println!("cargo:rerun-if-changed={source}");
    let css = fs::read_to_string(source).expect("www/chapter-player.css is part of the crate");
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("chapter-player.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}
