//! One chapter in the list: start, title, length, and — for the current one — how far through it
//! playback is. Rows re-render only when their own inputs change; the progress bar alone follows
//! the playhead, through the [`Playhead`] context.

use super::artwork::safe_image;
use super::{clock, icons, percent, safe_link, use_style_property, Shared};
use crate::i18n::{Lang, Text};
use crate::state::{progress_in, Action};
use chapters::Chapters;
use yew::prelude::*;

/// Where playback is, for the one component per player that follows it inside the list.
#[derive(Clone, Copy, PartialEq)]
pub struct Playhead {
    pub position_ms: u64,
    pub duration_ms: Option<u64>,
}

#[derive(Properties, PartialEq)]
pub struct ChapterRowProps {
    /// The language the player speaks.
    pub lang: Lang,
    pub chapters: Shared<Chapters>,
    pub index: usize,
    pub current: bool,
    /// The list's one Tab stop.
    pub tabbable: bool,
    pub duration_ms: Option<u64>,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn ChapterRow(props: &ChapterRowProps) -> Html {
    let Some(c) = props.chapters.get(props.index) else {
        return html! {};
    };
    let i = props.index;
    let length = props.chapters.duration_of(i, props.duration_ms);
    // Screen readers hear "Title, at 4 minutes 34 seconds, 3 minutes long"; the clock times
    // they would read as digits are hidden from them, and nothing visible is left out of the name.
    let lang = props.lang;
    let mut spoken_times = lang.fill(Text::StartsAt, &[&lang.spoken(c.start_ms)]);
    if let Some(l) = length {
        spoken_times.push_str(&lang.fill(Text::Lasts, &[&lang.spoken(l)]));
    }
    let at = c.start_ms;
    let tabindex = if props.tabbable { "0" } else { "-1" };
    html! {
        <li class={classes!(c.hidden.then_some("hidden"))} data-index={i.to_string()}>
            <button type="button" class={classes!("chapter", props.current.then_some("current"))}
                part={if props.current { "chapter chapter-current" } else { "chapter" }}
                aria-current={props.current.then_some("true")} {tabindex}
                data-start={chapters::timestamp::format_seconds(c.start_ms)}
                onclick={props.dispatch.reform(move |_| Action::GoToChapter(i))}>
                <span class="chapter-start" aria-hidden="true">{ clock(Some(c.start_ms)) }</span>
                // The spoken times share the title's box: a grid item of their own would be
                // joined to the title with a space before their comma in the accessible name.
                <span class="chapter-name">
                    // Decorative: the title beside it names the row, once. A broken one is hidden.
                    if let Some(src) = c.image.as_ref().filter(|u| safe_image(u)) {
                        <img class="chapter-art" part="chapter-art" src={src.clone()} alt="" width="32" height="32" loading="lazy"
                            onerror={Callback::from(|e: Event| if let Some(img) = e.target_dyn_into::<web_sys::Element>() {
                                let _ = img.set_attribute("hidden", "");
                            })} />
                    }
                    <span class="chapter-title" dir="auto">{ &c.title }</span>
                    <span class="spoken">{ spoken_times }</span>
                </span>
                <span class="chapter-length" aria-hidden="true">{ length.map(|l| clock(Some(l))).unwrap_or_default() }</span>
                if props.current {
                    <ChapterProgress chapters={props.chapters.clone()} index={i} />
                }
            </button>
            <button type="button" class="chapter-share" part="chapter-share" tabindex="-1"
                aria-label={lang.fill(Text::CopyLinkTo, &[&c.title])}
                onclick={props.dispatch.reform(move |_| Action::ShareAt(at))}>{ icons::share() }</button>
            if let Some(url) = c.url.as_ref().filter(|u| safe_link(u)) {
                <a class="chapter-link" part="chapter-link" href={url.clone()} target="_blank" tabindex="-1"
                    rel="noopener noreferrer" aria-label={lang.fill(Text::LinkFor, &[&c.title])}>{ icons::link() }</a>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct ChapterProgressProps {
    chapters: Shared<Chapters>,
    index: usize,
}

#[function_component]
fn ChapterProgress(props: &ChapterProgressProps) -> Html {
    let node = use_node_ref();
    let playhead = use_context::<Playhead>();
    let fraction = playhead
        .and_then(|p| progress_in(&props.chapters, props.index, p.position_ms, p.duration_ms))
        .unwrap_or(0.0);
    let width = percent((fraction * 10_000.0) as u64, 10_000);
    use_style_property(node.clone(), "--progress", width);
    html! { <span class="chapter-progress" aria-hidden="true" ref={node} /> }
}
