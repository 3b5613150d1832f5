//! The chapter list. Titles are text nodes, never markup. Its props leave out the position, so
//! a playback tick does not re-render it; a chapter change re-renders it, and only the two rows
//! whose `current` flips do real work.
//!
//! A long list is built in steps: the first render holds the rows around the current chapter
//! (more than the list's box shows), and each following frame adds [`STEP`] rows on either side
//! until every row is in the page. Space for the rows not built yet is kept by padding, so the
//! scroll height is right from the first frame.

use super::chapter_row::ChapterRow;
use super::{roving, use_style_property, Shared};
use crate::i18n::{Lang, Text};
use crate::state::Action;
use chapters::Chapters;
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// While the listener is scrolling the list (a scroll of theirs this recent), it is not scrolled
/// to the current chapter; any later change of chapter — a seek, next, a link — brings it back.
const BROWSING_MS: f64 = 1_200.0;

/// Rows out of the list's view have an estimated height until they are laid out (see the CSS's
/// `content-visibility`), so a scroll to a far row lands near it; the list checks again after a
/// frame this many times, each time closer; a row already in view is looked at again too, since
/// rows above it laid out late can push it out.
const SETTLE_TRIES: u32 = 8;

/// Rows built in the first render, and added on each side per step after it.
const FIRST: usize = 60;
const STEP: usize = 150;

#[derive(Properties, PartialEq)]
pub struct ChapterListProps {
    /// The language the player speaks.
    pub lang: Lang,
    pub chapters: Shared<Chapters>,
    pub current: Option<usize>,
    pub duration_ms: Option<u64>,
    pub error: Option<String>,
    pub dispatch: Callback<Action>,
}

/// The rows to build first: [`FIRST`] of them, starting a little before `current`.
fn first_window(len: usize, current: Option<usize>) -> (usize, usize) {
    let lo = current.unwrap_or(0).saturating_sub(FIRST / 3).min(len);
    let lo = lo.min(len.saturating_sub(FIRST));
    (lo, (lo + FIRST).min(len))
}

fn grow((lo, hi): (usize, usize), len: usize) -> (usize, usize) {
    (lo.saturating_sub(STEP), (hi + STEP).min(len))
}

#[function_component]
pub fn ChapterList(props: &ChapterListProps) -> Html {
    let lang = props.lang;
    let list = use_node_ref();
    let len = props.chapters.len();
    let window = {
        let current = props.current;
        use_state_eq(move || first_window(len, current))
    };
    // A new chapter list starts its window again.
    {
        let (window, current) = (window.clone(), props.current);
        use_effect_with(props.chapters.clone(), move |chapters| {
            window.set(first_window(chapters.len(), current));
        });
    }
    // Until every row is built, one more step a frame.
    {
        let window = window.clone();
        use_effect_with((*window, len), move |&(w, len)| {
            let pending =
                (w != (0, len)).then(|| Timeout::new(0, move || window.set(grow(w, len))));
            move || drop(pending)
        });
    }
    let (lo, hi) = (window.0.min(len), window.1.min(len));
    use_style_property(list.clone(), "--rows-before", lo.to_string());
    use_style_property(list.clone(), "--rows-after", (len - hi.max(lo)).to_string());

    // When the listener last had a hand on the list — a wheel, a finger, a press on it or its
    // scroll bar. Scroll events alone cannot tell: the list's own scrolling, and the browser's
    // scroll anchoring as rows are laid out, send them too.
    let browsed_at = use_mut_ref(|| f64::NEG_INFINITY);
    let browsing = {
        let browsed_at = browsed_at.clone();
        Callback::from(move |_: Event| *browsed_at.borrow_mut() = js_sys::Date::now())
    };
    // Whether the list has left its top, by anyone: until it has, the first row is in view.
    let ever_scrolled = use_memo((), |_| Rc::new(Cell::new(false)));
    let onscroll = {
        let ever_scrolled = (*ever_scrolled).clone();
        Callback::from(move |_: Event| ever_scrolled.set(true))
    };
    // Keep the current chapter in view inside the list, without scrolling the host page — unless
    // the listener is browsing the list. The first row of a list still at its top needs no
    // measuring: reading the layout here would force the first layout before the player has
    // even been painted.
    {
        let list = list.clone();
        let ever_scrolled = (*ever_scrolled).clone();
        use_effect_with((props.current, lo, hi), move |(current, _, _)| {
            let settle = Rc::new(RefCell::new(None::<Timeout>));
            let browsing = js_sys::Date::now() - *browsed_at.borrow() < BROWSING_MS
                || (*current == Some(0) && !ever_scrolled.get());
            if let Some((i, ol)) = current
                .filter(|_| !browsing)
                .zip(list.cast::<web_sys::HtmlElement>())
            {
                scroll_to_row(ol, i, ever_scrolled, settle.clone(), SETTLE_TRIES);
            }
            move || drop(settle.take())
        });
    }

    // One Tab stop: the row last focused, else the current chapter, else the first.
    let roving::Roving {
        focused,
        onfocusin,
        onkeydown,
    } = roving::use_roving(list.clone());
    let tab_stop = focused.filter(|i| *i < len).or(props.current).unwrap_or(0);

    let error = props
        .error
        .as_ref()
        .map(|e| html! { <p class="chapters-error" role="alert">{ e }</p> });
    if props.chapters.is_empty() {
        return match error {
            Some(error) => html! {
                <div class="chapters" part="chapter-list" role="group" aria-label={lang.text(Text::Chapters)}>{ error }</div>
            },
            None => html! {},
        };
    }
    let visible = props.chapters.iter().filter(|c| !c.hidden).count();
    let rows = props
        .chapters
        .iter()
        .enumerate()
        .take(hi)
        .skip(lo)
        .map(|(i, c)| {
            html! {
                <ChapterRow key={c.start_ms} {lang} chapters={props.chapters.clone()} index={i}
                    current={props.current == Some(i)} tabbable={i == tab_stop}
                    duration_ms={props.duration_ms} dispatch={props.dispatch.clone()} />
            }
        });
    html! {
        <div class="chapters" part="chapter-list" role="group" aria-label={lang.text(Text::Chapters)}>
            { error.unwrap_or_default() }
            <div class="chapters-head" aria-hidden="true">
                <span>{ lang.text(Text::Chapters) }</span>
                <span class="count">{ visible }</span>
            </div>
            <ol ref={list} data-roving="" aria-label={lang.count(visible, Text::ChapterCountOne, Text::ChapterCountMany)}
                {onscroll} {onfocusin} {onkeydown}
                onwheel={browsing.reform(Event::from)} ontouchmove={browsing.reform(Event::from)}
                onpointerdown={browsing.reform(Event::from)}>{ for rows }</ol>
        </div>
    }
}

/// Scrolls the list, never the page, so row `i` is in its view (a third of the way down), then
/// checks again after a frame while rows laid out on the way change where it is.
fn scroll_to_row(
    ol: web_sys::HtmlElement,
    i: usize,
    ever_scrolled: Rc<Cell<bool>>,
    settle: Rc<RefCell<Option<Timeout>>>,
    tries: u32,
) {
    let Some(item) = ol
        .query_selector(&format!("[data-index=\"{i}\"]"))
        .ok()
        .flatten()
    else {
        return;
    };
    // Where the row is in the list's scrolled content, from the boxes as laid out now.
    let (row, list) = (
        item.get_bounding_client_rect(),
        ol.get_bounding_client_rect(),
    );
    let top = row.top() - list.top() + f64::from(ol.scroll_top());
    let bottom = top + row.height();
    let (view_top, view_bottom) = (
        f64::from(ol.scroll_top()),
        f64::from(ol.scroll_top() + ol.client_height()),
    );
    // In view now, it can still be pushed out as rows above it are laid out: look again either way.
    if top < view_top || bottom > view_bottom {
        ever_scrolled.set(true);
        ol.set_scroll_top((top - f64::from(ol.client_height()) / 3.0) as i32);
    }
    if let Some(tries) = tries.checked_sub(1) {
        let next = settle.clone();
        *settle.borrow_mut() = Some(Timeout::new(32, move || {
            scroll_to_row(ol, i, ever_scrolled, next, tries)
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::{first_window, grow};

    #[test]
    fn long_lists_are_built_from_the_current_chapter_outwards() {
        assert_eq!(first_window(10, None), (0, 10));
        assert_eq!(first_window(1000, None), (0, 60));
        assert_eq!(first_window(1000, Some(700)), (680, 740));
        assert_eq!(first_window(1000, Some(995)), (940, 1000));
        assert_eq!(grow((680, 740), 1000), (530, 890));
        assert_eq!(grow((530, 890), 1000), (380, 1000));
        assert_eq!(grow((0, 1000), 1000), (0, 1000));
    }
}
