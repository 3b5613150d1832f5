//! The transcript's text: paragraphs by speaker turn, the chapters' titles as headings where they
//! start, and every cue a control that seeks to it. All of it is in the shadow DOM, so the
//! browser's find in page and screen readers reach every word; long transcripts stay fast with
//! `content-visibility` on the paragraphs, not by leaving text out.
//!
//! A paragraph re-renders only when the current cue, a search match or the Tab stop moves in or
//! out of it, so following playback touches two paragraphs, not the whole text.

use super::Shared;
use chapters::transcript::search::Match;
use chapters::transcript::Transcript;
use std::ops::Range;
use yew::prelude::*;

/// The attribute that carries a cue's index, for the panel's delegated clicks and keys.
pub const CUE_ATTRIBUTE: &str = "data-cue";

#[derive(Properties, PartialEq)]
pub struct TurnProps {
    pub transcript: Shared<Transcript>,
    pub speaker: Option<AttrValue>,
    pub cues: Range<usize>,
    /// The chapter that starts at this paragraph, shown as a heading before it.
    pub heading: Option<AttrValue>,
    /// The cue being spoken, when it is in this paragraph.
    pub current: Option<usize>,
    /// The search's matches in this paragraph, with their place among all matches.
    pub matches: Vec<(usize, Match)>,
    /// The match Enter last moved to, by its place among all matches.
    pub active_match: Option<usize>,
    /// The cue that is the panel's one Tab stop, when it is in this paragraph.
    pub tab_stop: Option<usize>,
}

#[function_component]
pub fn Turn(props: &TurnProps) -> Html {
    let cue = |i: usize| {
        let Some(c) = props.transcript.cues.get(i) else {
            return html! {};
        };
        let current = props.current == Some(i);
        let marks: Vec<&(usize, Match)> =
            props.matches.iter().filter(|(_, m)| m.cue == i).collect();
        let text = if marks.is_empty() {
            html! { { c.text.clone() } }
        } else {
            let mut pieces = Vec::new();
            let mut at = 0;
            for (n, m) in marks {
                let (start, end) = (
                    m.range.start.min(c.text.len()),
                    m.range.end.min(c.text.len()),
                );
                if start < at || !c.text.is_char_boundary(start) || !c.text.is_char_boundary(end) {
                    continue;
                }
                pieces.push(html! { { c.text[at..start].to_string() } });
                let active = props.active_match == Some(*n);
                pieces.push(html! {
                    <mark class={classes!(active.then_some("active"))} part={if active { "transcript-match transcript-match-active" } else { "transcript-match" }}>
                        { c.text[start..end].to_string() }
                    </mark>
                });
                at = end;
            }
            pieces.push(html! { { c.text[at..].to_string() } });
            html! { <>{ for pieces }</> }
        };
        html! {
            <>
                <span class={classes!("cue", current.then_some("current"))}
                    part={if current { "transcript-cue transcript-cue-current" } else { "transcript-cue" }}
                    role="button" data-cue={i.to_string()}
                    tabindex={if props.tab_stop == Some(i) { "0" } else { "-1" }}
                    aria-current={current.then_some("true")}>{ text }</span>
                { " " }
            </>
        }
    };
    html! {
        <>
            if let Some(heading) = &props.heading {
                <h2 class="transcript-chapter" part="transcript-chapter">{ heading.clone() }</h2>
            }
            <p class="turn" part="transcript-turn">
                if let Some(speaker) = &props.speaker {
                    <span class="speaker" part="transcript-speaker">{ speaker.clone() }</span>
                }
                { for props.cues.clone().map(cue) }
            </p>
        </>
    }
}
