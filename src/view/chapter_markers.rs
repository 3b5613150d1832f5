//! Chapter starts drawn on the seek bar as ticks. An SVG whose geometry is in attributes: no
//! `style` attribute (strict CSP), and no hit area — a press anywhere on the bar is the slider's.
//! A component of its own so a playback tick, which changes only the position, skips it.

use super::{percent, Shared};
use chapters::Chapters;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChapterMarkersProps {
    pub chapters: Shared<Chapters>,
    pub duration_ms: u64,
    /// Ticks up to the current chapter are drawn as passed.
    pub current: Option<usize>,
}

#[function_component]
pub fn ChapterMarkers(props: &ChapterMarkersProps) -> Html {
    let duration = props.duration_ms;
    if duration == 0 {
        return html! {};
    }
    let ticks = props
        .chapters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.start_ms > 0 && !c.hidden && c.start_ms < duration)
        .map(|(i, c)| {
            let x = percent(c.start_ms, duration);
            let passed = props.current.is_some_and(|now| i <= now);
            html! {
                <line key={c.start_ms} class={classes!(passed.then_some("passed"))} part="chapter-marker"
                    data-index={i.to_string()} x1={x.clone()} x2={x} y1="0" y2="100%" />
            }
        });
    html! {
        <svg class="markers" aria-hidden="true" focusable="false">{ for ticks }</svg>
    }
}
