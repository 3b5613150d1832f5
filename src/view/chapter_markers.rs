//! Chapter starts drawn on the seek bar as ticks: two SVG paths (ticks passed, ticks ahead) in a
//! viewBox measured in seconds, whatever the number of chapters. Geometry is in attributes — no
//! `style` attribute (strict CSP) — and there is no hit area: a press anywhere on the bar is the
//! slider's. A component of its own, so a playback tick, which changes only the position, skips it.

use super::Shared;
use chapters::Chapters;
use std::fmt::Write;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChapterMarkersProps {
    pub chapters: Shared<Chapters>,
    pub duration_ms: u64,
    /// Ticks up to the current chapter are drawn as passed.
    pub current: Option<usize>,
}

/// `ms` as seconds with three decimals, without float formatting.
fn seconds(ms: u64) -> String {
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

/// Path data for vertical ticks at these starts (seconds along x, 0–10 along y).
fn ticks(starts: impl Iterator<Item = u64>) -> String {
    let mut d = String::new();
    for ms in starts {
        let _ = write!(d, "M{}-1V11", seconds(ms));
    }
    d
}

#[function_component]
pub fn ChapterMarkers(props: &ChapterMarkersProps) -> Html {
    let duration = props.duration_ms;
    if duration == 0 {
        return html! {};
    }
    let shown = || {
        props
            .chapters
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.start_ms > 0 && !c.hidden && c.start_ms < duration)
    };
    let passed = |i: usize| props.current.is_some_and(|now| i <= now);
    let behind = ticks(shown().filter(|(i, _)| passed(*i)).map(|(_, c)| c.start_ms));
    let ahead = ticks(
        shown()
            .filter(|(i, _)| !passed(*i))
            .map(|(_, c)| c.start_ms),
    );
    html! {
        <svg class="markers" aria-hidden="true" focusable="false"
            viewBox={format!("0 0 {} 10", seconds(duration))} preserveAspectRatio="none">
            <path class="passed" part="chapter-marker chapter-marker-passed" d={behind} />
            <path part="chapter-marker" d={ahead} />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn ticks_are_path_data_in_seconds() {
        assert_eq!(
            super::ticks([1_500, 60_000].into_iter()),
            "M1.500-1V11M60.000-1V11"
        );
        assert_eq!(super::ticks(std::iter::empty()), "");
    }
}
