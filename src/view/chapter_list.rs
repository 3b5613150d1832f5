//! The chapter list. Titles are text nodes, never markup. Its props leave out the position, so
//! a playback tick does not re-render it; a chapter change re-renders it, and only the two rows
//! whose `current` flips do real work.

use super::chapter_row::ChapterRow;
use super::Shared;
use crate::state::Action;
use chapters::Chapters;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChapterListProps {
    pub chapters: Shared<Chapters>,
    pub current: Option<usize>,
    pub duration_ms: Option<u64>,
    pub error: Option<String>,
    pub dispatch: Callback<Action>,
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

    let error = props
        .error
        .as_ref()
        .map(|e| html! { <p class="chapters-error" role="alert">{ e }</p> });
    if props.chapters.is_empty() {
        return match error {
            Some(error) => html! {
                <section class="chapters" part="chapter-list" aria-label="Chapters">{ error }</section>
            },
            None => html! {},
        };
    }
    let visible = props.chapters.iter().filter(|c| !c.hidden).count();
    let rows = props.chapters.iter().enumerate().map(|(i, c)| {
        html! {
            <ChapterRow key={c.start_ms} chapters={props.chapters.clone()} index={i}
                current={props.current == Some(i)} duration_ms={props.duration_ms}
                dispatch={props.dispatch.clone()} />
        }
    });
    html! {
        <section class="chapters" part="chapter-list" aria-label="Chapters">
            { error.unwrap_or_default() }
            <div class="chapters-head">
                <span>{ "Chapters" }</span>
                <span class="count">{ visible }</span>
            </div>
            <ol ref={list}>{ for rows }</ol>
        </section>
    }
}
