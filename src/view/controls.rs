//! Transport and secondary controls: chapter and skip buttons around play, speed, volume, help.

use super::icons;
use crate::i18n::{Lang, Text};
use crate::keymap::{aria_for, Does};
use crate::state::{Action, Loading, RATES, SKIP_BACK_MS, SKIP_FORWARD_MS};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// The language the player speaks.
    pub lang: Lang,
    pub paused: bool,
    pub loading: Loading,
    pub rate: f64,
    pub volume: f64,
    pub muted: bool,
    pub has_previous: bool,
    pub has_next: bool,
    pub failed: bool,
    pub dispatch: Callback<Action>,
}

/// Labels for [`RATES`], written out: formatting floats costs bundle bytes for nine strings.
const RATE_LABELS: [&str; RATES.len()] = [
    "0.5×", "0.75×", "1×", "1.25×", "1.5×", "1.75×", "2×", "2.5×", "3×",
];

#[function_component]
pub fn Controls(props: &ControlsProps) -> Html {
    let d = &props.dispatch;
    let buffering = props.loading == Loading::Buffering && !props.paused;
    let on_rate = d.reform(|e: Event| {
        let index = e
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map_or(2, |s| s.selected_index().max(0) as usize);
        Action::SetRate(RATES.get(index).copied().unwrap_or(1.0))
    });
    let on_volume = d.reform(|e: InputEvent| {
        let v = e
            .target_dyn_into::<HtmlInputElement>()
            .map(|i| i.value_as_number())
            .unwrap_or(100.0);
        Action::SetVolume(if v.is_finite() { v / 100.0 } else { 1.0 })
    });
    let volume_pct = if props.muted {
        0
    } else {
        (props.volume * 100.0).round() as i32
    };
    let lang = props.lang;
    let skip_back = Does::Back(SKIP_BACK_MS).describe(lang);
    let skip_forward = Does::Forward(SKIP_FORWARD_MS).describe(lang);

    html! {
        <div class="controls">
            <div class="transport">
                <button type="button" class="btn" part="previous-chapter" aria-label={lang.text(Text::PreviousChapter)}
                    aria-keyshortcuts={aria_for(Text::PreviousChapter)} aria-disabled={(!props.has_previous).then_some("true")}
                    onclick={d.reform(|_| Action::PreviousChapter)}>{ icons::previous() }</button>
                <button type="button" class="btn skip" part="skip-back" aria-label={skip_back}
                    onclick={d.reform(|_| Action::SeekBy(-(SKIP_BACK_MS as i64)))}>
                    { icons::back() }<span class="skip-n" aria-hidden="true">{ SKIP_BACK_MS / 1000 }</span>
                </button>
                <button type="button" class={classes!("btn", "play", buffering.then_some("busy"))} part="play"
                    aria-label={lang.text(if props.paused { Text::Play } else { Text::Pause })}
                    aria-keyshortcuts={aria_for(Text::PlayOrPause)} aria-disabled={props.failed.then_some("true")}
                    onclick={d.reform(|_| Action::TogglePlay)}>
                    if props.paused { { icons::play() } } else { { icons::pause() } }
                </button>
                <button type="button" class="btn skip" part="skip-forward" aria-label={skip_forward}
                    onclick={d.reform(|_| Action::SeekBy(SKIP_FORWARD_MS as i64))}>
                    { icons::forward() }<span class="skip-n" aria-hidden="true">{ SKIP_FORWARD_MS / 1000 }</span>
                </button>
                <button type="button" class="btn" part="next-chapter" aria-label={lang.text(Text::NextChapter)}
                    aria-keyshortcuts={aria_for(Text::NextChapter)} aria-disabled={(!props.has_next).then_some("true")}
                    onclick={d.reform(|_| Action::NextChapter)}>{ icons::next() }</button>
            </div>
            <div class="secondary">
                <label class="speed" part="speed">
                    <span class="visually-hidden">{ lang.text(Text::PlaybackSpeed) }</span>
                    <select aria-label={lang.text(Text::PlaybackSpeed)} aria-keyshortcuts="Shift+Comma Shift+Period" onchange={on_rate}>
                        { for RATES.iter().zip(RATE_LABELS).map(|(r, label)| html! {
                            <option value={label.trim_end_matches('×')} selected={(*r - props.rate).abs() < 0.001}>{ label }</option>
                        }) }
                    </select>
                </label>
                <div class="volume">
                    <button type="button" class="btn small" part="mute"
                        aria-label={lang.text(if props.muted { Text::Unmute } else { Text::Mute })}
                        aria-keyshortcuts={aria_for(Text::MuteOrUnmute)}
                        onclick={d.reform(|_| Action::ToggleMute)}>
                        if props.muted || props.volume == 0.0 { { icons::muted() } } else { { icons::volume() } }
                    </button>
                    <input type="range" part="volume" min="0" max="100" step="5" aria-label={lang.text(Text::Volume)}
                        aria-keyshortcuts="ArrowUp ArrowDown"
                        aria-valuetext={format!("{volume_pct}%")}
                        value={volume_pct.to_string()} oninput={on_volume} />
                </div>
                <button type="button" class="btn small" part="share" aria-label={lang.text(Text::ShareMoment)}
                    onclick={d.reform(|_| Action::ShareNow)}>{ icons::share() }</button>
                <button type="button" class="btn small" part="shortcuts-button" aria-label={lang.text(Text::KeyboardShortcuts)}
                    aria-keyshortcuts={aria_for(Text::ShowOrHideShortcuts)}
                    onclick={d.reform(|_| Action::ToggleShortcuts)}>{ icons::keyboard() }</button>
            </div>
        </div>
    }
}
