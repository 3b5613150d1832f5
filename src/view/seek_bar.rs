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

/// A tap this close to a chapter tick lands exactly on the chapter's start — never more than a
/// third of the way to the next tick, so crowded ticks leave most of the bar to the exact time.
const SNAP_PX: f64 = 4.0;

/// A press that moves farther than this along the bar is a drag: its release lands exactly under
/// the pointer, with no snapping.
const DRAG_PX: f64 = 6.0;

/// The time under a pointer at `x` px along a bar `width` px wide; for a tap (`snap`), the start of
/// a chapter whose tick is within [`SNAP_PX`] and a third of the gap to its neighbours. What the
/// tooltip names is where the press lands.
fn time_at(x: f64, width: f64, duration: u64, chapters: &Chapters, snap: bool) -> u64 {
    if width <= 0.0 || duration == 0 {
        return 0;
    }
    let t = ((x / width).clamp(0.0, 1.0) * duration as f64).round() as u64;
    if !snap {
        return t;
    }
    let px = |ms: u64| ms as f64 / duration as f64 * width;
    let ticks: Vec<u64> = chapters
        .iter()
        .filter(|c| !c.hidden && c.start_ms > 0 && c.start_ms < duration)
        .map(|c| c.start_ms)
        .collect();
    let Some(k) = (0..ticks.len()).min_by_key(|&k| ticks[k].abs_diff(t)) else {
        return t;
    };
    let before = k.checked_sub(1).map_or(0, |j| ticks[j]);
    let after = ticks.get(k + 1).copied().unwrap_or(duration);
    let gap = px(ticks[k] - before).min(px(after - ticks[k]));
    let zone = SNAP_PX.min(gap / 3.0);
    if px(ticks[k].abs_diff(t)) <= zone {
        ticks[k]
    } else {
        t
    }
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

    // Where the press started (client x), and whether it has since moved into a drag.
    let press = use_mut_ref(|| None::<(f64, bool)>);
    let pointer_time = {
        let (track, chapters) = (track.clone(), props.chapters.clone());
        move |e: &PointerEvent, snap: bool| {
            let rect = track.cast::<Element>()?.get_bounding_client_rect();
            let x = f64::from(e.client_x()) - rect.left();
            Some(time_at(x, rect.width(), duration, &chapters, snap))
        }
    };
    // A tap snaps to a near tick; once the press has moved, it is a drag and does not.
    let tapping = {
        let press = press.clone();
        move || press.borrow().is_some_and(|(_, moved)| !moved)
    };
    let onpointerdown = {
        let (drag_ms, track, press, pointer_time) = (
            drag_ms.clone(),
            track.clone(),
            press.clone(),
            pointer_time.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            if duration == 0 || e.button() != 0 {
                return;
            }
            // A mouse press on the bar must not start a text selection or the browser's own
            // drag and drop, which would swallow the drag.
            if e.pointer_type() == "mouse" {
                e.prevent_default();
            }
            if let Some(t) = track.cast::<Element>() {
                let _ = t.set_pointer_capture(e.pointer_id());
            }
            *press.borrow_mut() = Some((f64::from(e.client_x()), false));
            drag_ms.set(pointer_time(&e, true));
        })
    };
    let onpointermove = {
        let (drag_ms, hover_ms, press, pointer_time, tapping) = (
            drag_ms.clone(),
            hover_ms.clone(),
            press.clone(),
            pointer_time.clone(),
            tapping.clone(),
        );
        Callback::from(move |e: PointerEvent| {
            if duration == 0 {
                return;
            }
            if let Some((x0, moved)) = press.borrow_mut().as_mut() {
                *moved |= (f64::from(e.client_x()) - *x0).abs() > DRAG_PX;
            }
            let t = pointer_time(&e, tapping() || press.borrow().is_none());
            if drag_ms.is_some() {
                drag_ms.set(t);
            }
            hover_ms.set(t);
        })
    };
    let onpointerup = {
        let (drag_ms, press, dispatch) = (drag_ms.clone(), press.clone(), props.dispatch.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some(t) = *drag_ms {
                dispatch.emit(Action::SeekTo(pointer_time(&e, tapping()).unwrap_or(t)));
            }
            *press.borrow_mut() = None;
            drag_ms.set(None);
        })
    };
    let onpointerleave = {
        let hover_ms = hover_ms.clone();
        Callback::from(move |_| hover_ms.set(None))
    };
    // A touch that turns into a vertical swipe is the page's scroll (`touch-action: pan-y`): the
    // browser cancels the pointer, and nothing seeks.
    let onpointercancel = {
        let (drag_ms, press) = (drag_ms.clone(), press.clone());
        Callback::from(move |_| {
            *press.borrow_mut() = None;
            drag_ms.set(None);
        })
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
    fn a_tap_snaps_to_a_near_tick_and_a_drag_never_does() {
        let chapters = Chapters::new(vec![Chapter::new(0, "A"), Chapter::new(60_000, "B")]);
        // 1,000 px for 100 s: 100 ms a pixel.
        assert_eq!(time_at(250.0, 1000.0, 100_000, &chapters, true), 25_000);
        assert_eq!(time_at(597.0, 1000.0, 100_000, &chapters, true), 60_000);
        assert_eq!(time_at(604.0, 1000.0, 100_000, &chapters, true), 60_000);
        assert_eq!(time_at(605.0, 1000.0, 100_000, &chapters, true), 60_500);
        assert_eq!(time_at(597.0, 1000.0, 100_000, &chapters, false), 59_700);
        assert_eq!(time_at(-20.0, 1000.0, 100_000, &chapters, true), 0);
        assert_eq!(time_at(1500.0, 1000.0, 100_000, &chapters, true), 100_000);
        assert_eq!(time_at(10.0, 0.0, 100_000, &chapters, true), 0);
    }

    #[test]
    fn the_snap_zone_is_at_most_a_third_of_the_gap_between_ticks() {
        // Ticks 6 px apart: the zone is 2 px, not 4.
        let chapters = Chapters::new(vec![
            Chapter::new(0, "A"),
            Chapter::new(30_000, "B"),
            Chapter::new(30_600, "C"),
            Chapter::new(31_200, "D"),
        ]);
        assert_eq!(time_at(308.0, 1000.0, 100_000, &chapters, true), 30_600);
        assert_eq!(time_at(303.0, 1000.0, 100_000, &chapters, true), 30_300);
    }
}
