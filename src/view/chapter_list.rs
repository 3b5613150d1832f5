//! The chapter list: start, title, length and progress through the current one. Titles are text
//! nodes, never markup.

use super::{clock, icons, spoken};
use chapters::Chapters;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChapterListProps {
    pub chapters: Rc<Chapters>,
    pub current: Option<usize>,
    pub duration_ms: Option<u64>,
    /// 0.0 – 1.0 through the current chapter.
    pub progress: Option<f64>,
    pub error: Option<String>,
    pub on_select: Callback<usize>,
    /// Copy a link to a chapter's start.
    pub on_share: Callback<u64>,
}

fn safe_link(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

#[function_component]
pub fn ChapterList(props: &ChapterListProps) -> Html {
    let list = use_node_ref();
    // Keep the current chapter in view inside the list, without scrolling the host page.
    {
        let list = list.clone();
        use_effect_with(props.current, move |current| {
            if let (Some(i), Some(ol)) = (*current, list.cast::<web_sys::HtmlElement>()) {
                if let Some(item) = ol
                    .children()
                    .item(i as u32)
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let (top, bottom) =
                        (item.offset_top(), item.offset_top() + item.offset_height());
                    let (view_top, view_bottom) =
                        (ol.scroll_top(), ol.scroll_top() + ol.client_height());
                    if top < view_top || bottom > view_bottom {
                        ol.set_scroll_top(top - ol.client_height() / 3);
                    }
                }
            }
        });
    }

    if let Some(error) = &props.error {
        return html! {
            <section class="chapters" part="chapter-list" aria-label="Chapters">
                <p class="chapters-error" role="alert">{ error }</p>
            </section>
        };
    }
    if props.chapters.is_empty() {
        return html! {};
    }
    let visible = props.chapters.iter().filter(|c| !c.hidden).count();
    let items = props.chapters.iter().enumerate().map(|(i, c)| {
        let is_current = props.current == Some(i);
        let length = props.chapters.duration_of(i, props.duration_ms);
        let label = format!(
            "{}, at {}{}",
            c.title,
            spoken(c.start_ms),
            length.map(|l| format!(", {} long", spoken(l))).unwrap_or_default()
        );
        let select = props.on_select.reform(move |_| i);
        html! {
            <li key={c.start_ms} class={classes!(c.hidden.then_some("hidden"))}>
                <button type="button" class={classes!("chapter", is_current.then_some("current"))}
                    part={if is_current { "chapter chapter-current" } else { "chapter" }}
                    aria-current={is_current.then_some("true")} aria-label={label}
                    data-start={chapters::timestamp::format_seconds(c.start_ms)}
                    onclick={select}>
                    <span class="chapter-start">{ clock(Some(c.start_ms)) }</span>
                    <span class="chapter-title">{ &c.title }</span>
                    <span class="chapter-length">{ length.map(|l| clock(Some(l))).unwrap_or_default() }</span>
                    if is_current {
                        <span class="chapter-progress" aria-hidden="true"
                            style={format!("width:{}%", (props.progress.unwrap_or(0.0) * 100.0) as u32)} />
                    }
                </button>
                <button type="button" class="chapter-share" part="chapter-share"
                    aria-label={format!("Copy a link to {}", c.title)}
                    onclick={props.on_share.reform({ let at = c.start_ms; move |_| at })}>{ icons::share() }</button>
                if let Some(url) = c.url.as_ref().filter(|u| safe_link(u)) {
                    <a class="chapter-link" part="chapter-link" href={url.clone()} target="_blank"
                        rel="noopener noreferrer" aria-label={format!("Link for {}", c.title)}>{ icons::link() }</a>
                }
            </li>
        }
    });
    html! {
        <section class="chapters" part="chapter-list" aria-label="Chapters">
            <div class="chapters-head">
                <span>{ "Chapters" }</span>
                <span class="count">{ visible }</span>
            </div>
            <ol ref={list}>{ for items }</ol>
        </section>
    }
}
