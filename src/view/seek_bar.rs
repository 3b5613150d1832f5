//! The seek bar: one WAI-ARIA slider. A press anywhere on it (chapter ticks included) starts a
//! drag captured by the bar, and the release seeks to the exact time under the pointer; the
//! tooltip names the chapter and time under the pointer (or at the playhead, on keyboard focus).
//! Geometry goes through custom properties set with the CSSOM, never a `style` attribute.

use super::chapter_markers::ChapterMarkers;
use super::{clock, percent, use_style_property, Shared};
use crate::i18n::{Lang, Text};
use crate::state::Action;
use chapters::Chapters;
use web_sys::{Element, PointerEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SeekBarProps {
    /// The language the player speaks.
    pub lang: Lang,
    pub position_ms: u64,
    pub duration_ms: Option<u64>,
    pub buffered_ms: u64,
    pub chapters: Shared<Chapters>,
    pub current: Option<usize>,
    pub dispatch: Callback<Action>,
}

/// A press this close to a chapter tick lands exactly on the chapter's start.
const SNAP_PX: f64 = 4.0;

/// The time under a pointer at `x` px along a bar `width` px wide, snapped to a chapter start
/// within [`SNAP_PX`]: what the tooltip names is where a press lands.
fn time_at(x: f64, width: f64, duration: u64, chapters: &Chapters) -> u64 {
    if width <= 0.0 {
        return 0;
    }
    let t = ((x / width).clamp(0.0, 1.0) * duration as f64).round() as u64;
    let px = |ms: u64| ms.abs_diff(t) as f64 / duration as f64 * width;
    chapters
        .iter()
        .filter(|c| !c.hidden && c.start_ms > 0 && c.start_ms < duration)
        .map(|c| c.start_ms)
        .min_by_key(|start| start.abs_diff(t))
        .filter(|start| px(*start) <= SNAP_PX)
        .unwrap_or(t)
}

#[function_component]
pub fn SeekBar(props: &SeekBarProps) -> Html {
    let lang = props.lang;
    let track = use_node_ref();
    // Where the pointer hovers, and where a drag would land: shown before it is committed.
    let hover_ms = use_state_eq(|| None::<u64>);
    let drag_ms = use_state_eq(|| None::<u64>);
    let focused = use_state_eq(|| false);
    let duration = props.duration_ms.unwrap_or(0);

    let pointer_time = {
        let (track, chapters) = (track.clone(), props.chapters.clone());
        move |e: &PointerEvent| {
            let rect = track.cast::<Element>()?.get_bounding_client_rect();
            let x = f64::from(e.client_x()) - rect.left();
            Some(time_at(x, rect.width(), duration, &chapters))
        }
    };
    let onpointerdown = {
        let (drag_ms, track, pointer_time) = (drag_ms.clone(), track.clone(), pointer_time.clone());
        Callback::from(move |e: PointerEvent| {
            if duration == 0 || e.button() != 0 {
                return;
            }
            if let Some(t) = track.cast::<Element>() {
                let _ = t.set_pointer_capture(e.pointer_id());
            }
            drag_ms.set(pointer_time(&e));
        })
    };
    let onpointermove = {
        let (drag_ms, hover_ms, pointer_time) =
            (drag_ms.clone(), hover_ms.clone(), pointer_time.clone());
        Callback::from(move |e: PointerEvent| {
            if duration == 0 {
                return;
            }
            let t = pointer_time(&e);
            if drag_ms.is_some() {
                drag_ms.set(t);
            }
            hover_ms.set(t);
        })
    };
    let onpointerup = {
        let (drag_ms, dispatch) = (drag_ms.clone(), props.dispatch.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some(t) = *drag_ms {
                dispatch.emit(Action::SeekTo(pointer_time(&e).unwrap_or(t)));
            }
            drag_ms.set(None);
        })
    };
    let onpointerleave = {
        let hover_ms = hover_ms.clone();
        Callback::from(move |_| hover_ms.set(None))
    };
    let onpointercancel = {
        let drag_ms = drag_ms.clone();
        Callback::from(move |_| drag_ms.set(None))
    };
    let onfocus = {
        let focused = focused.clone();
        Callback::from(move |_| focused.set(true))
    };
    let onblur = {
        let focused = focused.clone();
        Callback::from(move |_| focused.set(false))
    };

    let shown_ms = drag_ms.unwrap_or(props.position_ms);
    let chapter_title = |ms: u64| {
        props
            .chapters
            .index_at(ms)
            .and_then(|i| props.chapters.get(i))
            .map(|c| c.title.clone())
    };
    let value_text = {
        let mut t = lang.fill(
            Text::PositionOf,
            &[&lang.spoken(shown_ms), &lang.spoken(duration)],
        );
        if let Some(title) = chapter_title(shown_ms) {
            t.push_str(&lang.fill(Text::InChapter, &[&title]));
        }
        t
    };
    let tooltip_ms = (*hover_ms)
        .or(*drag_ms)
        .or(focused.then_some(props.position_ms))
        .filter(|_| duration > 0);
    use_style_property(track.clone(), "--played", percent(shown_ms, duration));
    use_style_property(
        track.clone(),
        "--buffered",
        percent(props.buffered_ms, duration),
    );
    use_style_property(
        track.clone(),
        "--tip",
        percent(tooltip_ms.unwrap_or(0), duration),
    );

    html! {
        <div class={classes!("seek", (duration >= 3_600_000).then_some("hours"))}>
            <span class="time elapsed" part="time time-elapsed">{ clock(Some(shown_ms)) }</span>
            <div
                class={classes!("track", drag_ms.is_some().then_some("dragging"), (duration == 0).then_some("unknown"))}
                part="seek-bar"
                ref={track}
                role="slider"
                tabindex="0"
                aria-label={lang.text(Text::Seek)}
                aria-valuemin="0"
                aria-valuemax={(duration / 1000).to_string()}
                aria-valuenow={(shown_ms / 1000).to_string()}
                aria-valuetext={value_text}
                aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End 0 1 2 3 4 5 6 7 8 9"
                {onpointerdown} {onpointermove} {onpointerup} {onpointerleave} {onpointercancel} {onfocus} {onblur}
            >
                <div class="rail">
                    <div class="buffered" />
                    <div class="played" />
                </div>
                <ChapterMarkers chapters={props.chapters.clone()} duration_ms={duration} current={props.current} />
                <div class="thumb" />
                if let Some(t) = tooltip_ms {
                    <div class="tooltip" part="tooltip" aria-hidden="true">
                        if let Some(title) = chapter_title(t) {
                            <span class="tooltip-title">{ title }</span>
                        }
                        <span class="tooltip-time">{ clock(Some(t)) }</span>
                    </div>
                }
            </div>
            <span class="time remaining" part="time time-remaining" aria-label={lang.text(Text::Remaining)}>
                { props.duration_ms.map_or_else(|| "--:--".to_string(), |d| format!("-{}", clock(Some(d.saturating_sub(shown_ms))))) }
            </span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::time_at;
    use chapters::{Chapter, Chapters};

    #[test]
    fn the_time_under_the_pointer_snaps_to_a_near_tick() {
        let chapters = Chapters::new(vec![Chapter::new(0, "A"), Chapter::new(60_000, "B")]);
        // 1,000 px for 100 s: 100 ms a pixel.
        assert_eq!(time_at(250.0, 1000.0, 100_000, &chapters), 25_000);
        assert_eq!(time_at(597.0, 1000.0, 100_000, &chapters), 60_000);
        assert_eq!(time_at(604.0, 1000.0, 100_000, &chapters), 60_000);
        assert_eq!(time_at(605.0, 1000.0, 100_000, &chapters), 60_500);
        assert_eq!(time_at(-20.0, 1000.0, 100_000, &chapters), 0);
        assert_eq!(time_at(1500.0, 1000.0, 100_000, &chapters), 100_000);
        assert_eq!(time_at(10.0, 0.0, 100_000, &chapters), 0);
    }
}
