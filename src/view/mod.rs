//! Yew components: one per file, props in and callbacks out. No parsing, storage or fetching here.

pub mod app;
mod chapter_list;
mod controls;
mod episode_list;
mod icons;
mod notes_panel;
mod seek_bar;
mod share_result;
mod shortcuts_overlay;

use chapters::timestamp::format_compact;

/// `1:02:03`, or `--:--` while the duration is unknown.
fn clock(ms: Option<u64>) -> String {
    ms.map_or_else(|| "--:--".to_string(), format_compact)
}

/// Spoken form for screen readers: "1 hour 2 minutes 3 seconds".
fn spoken(ms: u64) -> String {
    let s = ms / 1000;
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    let unit = |n: u64, word: &str| match n {
        0 => None,
        1 => Some(format!("1 {word}")),
        n => Some(format!("{n} {word}s")),
    };
    let parts: Vec<String> = [unit(h, "hour"), unit(m, "minute"), unit(sec, "second")]
        .into_iter()
        .flatten()
        .collect();
    if parts.is_empty() {
        "0 seconds".into()
    } else {
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn spoken_times() {
        assert_eq!(super::spoken(3_723_000), "1 hour 2 minutes 3 seconds");
        assert_eq!(super::spoken(60_000), "1 minute");
        assert_eq!(super::spoken(0), "0 seconds");
    }
}
