//! A playlist's episodes: title, date and length; the loaded one marked; a click plays another.

use super::{clock, roving, Shared};
use crate::episode::Episode;
use crate::i18n::{Lang, Text};
use crate::state::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EpisodeListProps {
    /// The language the player speaks.
    pub lang: Lang,
    pub episodes: Shared<Vec<Episode>>,
    pub current: Option<usize>,
    pub error: Option<String>,
    pub dispatch: Callback<Action>,
}

/// `Mon, 21 Apr 2025 08:00:00 +0000` → `21 Apr 2025`: the date, as RSS writes it, without the
/// weekday and time of day.
fn short_date(published: &str) -> String {
    let without_day = published
        .split_once(", ")
        .map_or(published, |(_, rest)| rest);
    without_day
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

#[function_component]
pub fn EpisodeList(props: &EpisodeListProps) -> Html {
    let lang = props.lang;
    let list = use_node_ref();
    // One Tab stop: the episode last focused, else the loaded one.
    let roving::Roving {
        focused,
        onfocusin,
        onkeydown,
    } = roving::use_roving(list.clone());
    let tab_stop = focused.or(props.current).unwrap_or(0);
    if let Some(error) = &props.error {
        return html! {
            <div class="episodes" part="episode-list" role="group" aria-label={lang.text(Text::Episodes)}>
                <p class="chapters-error" role="alert">{ error }</p>
            </div>
        };
    }
    let items = props.episodes.iter().enumerate().map(|(i, e)| {
        let is_current = props.current == Some(i);
        html! {
            <li key={i} data-index={i.to_string()}>
                <button type="button" class={classes!("episode", is_current.then_some("current"))}
                    tabindex={if i == tab_stop { "0" } else { "-1" }}
                    part={if is_current { "episode episode-current" } else { "episode" }}
                    aria-current={is_current.then_some("true")}
                    onclick={props.dispatch.reform(move |_| Action::SelectEpisode { index: i, play: true })}>
                    <span class="episode-title" dir="auto">
                        if e.title.is_empty() { { lang.fill(Text::EpisodeNumber, &[&(i + 1).to_string()]) } } else { { &e.title } }
                    </span>
                    <span class="episode-meta">
                        { e.published.as_deref().map(short_date).unwrap_or_default() }
                        if e.published.is_some() && e.duration_ms.is_some() { { " · " } }
                        { e.duration_ms.map(|d| clock(Some(d))).unwrap_or_default() }
                    </span>
                </button>
            </li>
        }
    });
    html! {
        <div class="episodes" part="episode-list" role="group" aria-label={lang.text(Text::Episodes)}>
            <div class="chapters-head" aria-hidden="true">
                <span>{ lang.text(Text::Episodes) }</span>
                <span class="count">{ props.episodes.len() }</span>
            </div>
            <ol ref={list} data-roving="" aria-label={lang.count(props.episodes.len(), Text::EpisodeCountOne, Text::EpisodeCountMany)}
                {onfocusin} {onkeydown}>{ for items }</ol>
        </div>
    }
}
