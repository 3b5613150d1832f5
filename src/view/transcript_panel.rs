//! The transcript panel: a "Transcript" disclosure beside "Show notes" with the text
//! ([`super::transcript_text`]), a search, and playback following that never fights the reader.
//!
//! Following scrolls only when the current cue leaves the middle of the panel. The listener's
//! own hand in the panel — a wheel, a touch, a key, a focus — pauses it and offers "Back to now";
//! it resumes on that button, a seek or a cue chosen, never on a timer. The whole text is one
//! Tab stop (arrows move between cues, Enter or Space seeks), beside the search and the follow
//! controls. No live region reads cues out; the search says its count once typing settles.

use super::lazy::lazy_view;
use super::selection::{selected_quote, selected_text};
use super::transcript_text::{Turn, CUE_ATTRIBUTE};
use super::Shared;
use crate::i18n::{Lang, Text};
use crate::state::Action;
use chapters::transcript::search::{Index, Match};
use chapters::transcript::Transcript;
use chapters::Chapters;
use gloo::timers::callback::Timeout;
use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// Timings that run this far past the audio's end are for another cut of the episode.
const MISMATCH_MS: u64 = 30_000;
/// How long typing must pause before the matches are highlighted.
const HIGHLIGHT_MS: u32 = 150;
/// How long typing must pause before the match count is said.
const SETTLE_MS: u32 = 600;
/// How many frames a scroll to a cue is checked again while paragraphs are laid out.
const SETTLE_TRIES: u32 = 6;

#[derive(Properties, PartialEq, Clone)]
pub struct TranscriptPanelProps {
    pub lang: Lang,
    pub transcript: Shared<Transcript>,
    pub chapters: Shared<Chapters>,
    pub current: Option<usize>,
    /// Changes with every seek the listener makes: following catches up.
    pub seeks: u32,
    pub duration_ms: Option<u64>,
    pub dispatch: Callback<Action>,
}

lazy_view!(
    transcripts,
    load_transcript_panel,
    /// The panel, from the transcripts part with the readers: a page whose episode has no
    /// transcript never downloads it.
    TranscriptPanel => Panel(TranscriptPanelProps)
);

#[function_component]
fn Panel(props: &TranscriptPanelProps) -> Html {
    let lang = props.lang;
    let t = props.transcript.clone();
    let body = use_node_ref();
    // The text is built a task after the player's first render, so chapters come first.
    let built = use_state_eq(|| false);
    {
        let built = built.clone();
        use_effect_with((), move |_| {
            let pending = Timeout::new(0, move || built.set(true));
            move || drop(pending)
        });
    }
    // The first render of the text, timed from here to its effect (the DOM built).
    {
        let start = (*built).then(crate::timing::now);
        use_effect_with(*built, move |_| {
            if let Some(start) = start {
                crate::timing::measure("chapter-player: transcript render", start);
            }
        });
    }
    let mismatch = t.timed
        && props
            .duration_ms
            .is_some_and(|d| t.end_ms() > d + MISMATCH_MS);
    let follow_on = use_state_eq(|| true);
    let paused = use_state_eq(|| false);
    let following = t.timed && !mismatch && *follow_on && !*paused;

    let layout = use_memo((t.clone(), props.chapters.clone()), |(t, chapters)| {
        layout(t, chapters)
    });
    // The folded text search needs, built on the first search rather than with the panel.
    let index = use_memo(t.clone(), |_| OnceCell::<Index>::new());
    let query = use_state_eq(String::new);
    let matches = use_memo(((*query).clone(), t.clone()), {
        let index = index.clone();
        move |(q, t)| {
            if q.trim().is_empty() {
                Vec::new()
            } else {
                index.get_or_init(|| Index::new(t)).find(q)
            }
        }
    });
    let active = use_state_eq(|| None::<usize>);
    // Whether the count is said: once typing settles, and on each move between matches.
    let say_count = use_state_eq(|| false);
    let settle = use_mut_ref(|| None::<Timeout>);
    // When the matches of a new query started to be highlighted, for its `performance` entry.
    let searched_at = use_mut_ref(|| None::<f64>);
    {
        let searched_at = searched_at.clone();
        use_effect_with((*query).clone(), move |_| {
            if let Some(start) = searched_at.borrow_mut().take() {
                crate::timing::measure("chapter-player: transcript search", start);
            }
        });
    }
    let tab_cue = use_state_eq(|| None::<usize>);
    let quote = use_state_eq(|| None::<(u64, u64, String)>);

    // A seek catches following up (not on the first render).
    {
        let paused = paused.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(props.seeks, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                paused.set(false);
            }
        });
    }
    // The scroll being settled: paragraphs laid out on the way move the target, so it is
    // looked at again for a few frames; the listener's hand cancels it.
    let scrolling = use_mut_ref(|| None::<Timeout>);
    // Follow: bring the current cue back to the middle once it leaves it.
    {
        let (body, scrolling) = (body.clone(), scrolling.clone());
        use_effect_with(
            (props.current, following, *built),
            move |&(current, following, built)| {
                if let (Some(i), true, true) = (current, following, built) {
                    center_if_outside(body, i, false, scrolling, SETTLE_TRIES);
                }
            },
        );
    }
    // The match Enter moved to is brought into view.
    {
        let (body, scrolling) = (body.clone(), scrolling.clone());
        let matches = matches.clone();
        use_effect_with(*active, move |active| {
            if let Some(m) = active.and_then(|a| matches.get(a)) {
                center_if_outside(body, m.cue, true, scrolling, SETTLE_TRIES);
            }
        });
    }

    let pause = {
        let (paused, scrolling) = (paused.clone(), scrolling.clone());
        Callback::from(move |_: Event| {
            scrolling.borrow_mut().take();
            paused.set(true);
        })
    };
    let cue_of = |target: Option<web_sys::EventTarget>| -> Option<(usize, Element)> {
        let el = target?.dyn_into::<Element>().ok()?;
        let cue = el.closest(&format!("[{CUE_ATTRIBUTE}]")).ok()??;
        Some((cue.get_attribute(CUE_ATTRIBUTE)?.parse().ok()?, cue))
    };
    let choose = {
        let (dispatch, paused, t) = (props.dispatch.clone(), paused.clone(), t.clone());
        move |i: usize| {
            if let Some(c) = t.cues.get(i).filter(|_| t.timed) {
                paused.set(false);
                dispatch.emit(Action::SeekTo(c.start_ms));
            }
        }
    };
    let onclick = {
        let (choose, body) = (choose.clone(), body.clone());
        Callback::from(move |e: MouseEvent| {
            // Ending a selection (for a quote) is not a choice of cue.
            if selected_text(&body).is_some() {
                return;
            }
            if let Some((i, _)) = cue_of(e.target()) {
                choose(i);
            }
        })
    };
    let onkeydown = {
        let (choose, paused, body) = (choose.clone(), paused.clone(), body.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some((i, _)) = cue_of(e.target()) else {
                return;
            };
            paused.set(true);
            let key = e.key();
            let to = match key.as_str() {
                "Enter" | " " => {
                    choose(i);
                    None
                }
                "ArrowDown" | "ArrowRight" => Some(i + 1),
                "ArrowUp" | "ArrowLeft" => Some(i.saturating_sub(1)),
                "Home" => Some(0),
                "End" => Some(usize::MAX),
                _ => return,
            };
            e.prevent_default();
            e.stop_propagation();
            if let Some(to) = to {
                focus_cue(&body, to);
            }
        })
    };
    let onfocusin = {
        let (tab_cue, paused) = (tab_cue.clone(), paused.clone());
        Callback::from(move |e: FocusEvent| {
            if let Some((i, _)) = cue_of(e.target()) {
                tab_cue.set(Some(i));
                paused.set(true);
            }
        })
    };
    let on_select = {
        let (quote, body, t) = (quote.clone(), body.clone(), t.clone());
        Callback::from(move |_: Event| quote.set(selected_quote(&body, &t)))
    };
    let share_quote = {
        let (quote, dispatch) = (quote.clone(), props.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((start_ms, end_ms, text)) = (*quote).clone() {
                dispatch.emit(Action::ShareQuote {
                    start_ms,
                    end_ms,
                    text,
                });
            }
        })
    };

    // Typing stays instant however long the transcript: the matches are highlighted once the
    // typing pauses (HIGHLIGHT_MS), and their count said a little later (SETTLE_MS).
    let oninput = {
        let (query, active, say_count, settle, searched_at) = (
            query.clone(),
            active.clone(),
            say_count.clone(),
            settle.clone(),
            searched_at.clone(),
        );
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let q = input.value();
            active.set(None);
            say_count.set(false);
            let (query, say_count, later, searched_at) = (
                query.clone(),
                say_count.clone(),
                settle.clone(),
                searched_at.clone(),
            );
            *settle.borrow_mut() = Some(Timeout::new(HIGHLIGHT_MS, move || {
                *searched_at.borrow_mut() = Some(crate::timing::now());
                query.set(q);
                *later.borrow_mut() = Some(Timeout::new(SETTLE_MS - HIGHLIGHT_MS, move || {
                    say_count.set(true)
                }));
            }));
        })
    };
    let onsearchkey = {
        let (active, matches, say_count, paused, query, settle) = (
            active.clone(),
            matches.clone(),
            say_count.clone(),
            paused.clone(),
            query.clone(),
            settle.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" {
                return;
            }
            // Enter before the highlighting caught up with the typing: search now, first match.
            let typed = e.target_dyn_into::<HtmlInputElement>().map(|i| i.value());
            if let Some(typed) = typed.filter(|t| *t != *query) {
                e.prevent_default();
                settle.borrow_mut().take();
                query.set(typed);
                paused.set(true);
                active.set(Some(0));
                say_count.set(true);
                return;
            }
            if matches.is_empty() {
                return;
            }
            e.prevent_default();
            let n = matches.len();
            let next = match *active {
                None if e.shift_key() => n - 1,
                None => 0,
                Some(a) if e.shift_key() => (a + n - 1) % n,
                Some(a) => (a + 1) % n,
            };
            paused.set(true);
            active.set(Some(next));
            say_count.set(true);
        })
    };

    let current_match = (*active).and_then(|a| matches.get(a)).map(|m| m.cue);
    let count = match (*say_count, query.trim().is_empty(), matches.len()) {
        (false, _, _) | (_, true, _) => String::new(),
        (true, false, 0) => lang.text(Text::NoMatches).to_string(),
        (true, false, n) => {
            let at = (*active).map_or(1, |a| a + 1);
            lang.fill(Text::MatchOf, &[&at.to_string(), &n.to_string()])
        }
    };
    let tab_stop = (*tab_cue).or(current_match).or(props.current).or(Some(0));
    // Matches come in cue order: each paragraph takes its own slice of them, and the active
    // match only when it is in that slice, so moving between matches re-renders two paragraphs.
    let turns_html = layout.iter().map(|(speaker, range, heading)| {
        let inside = |i: Option<usize>| i.filter(|i| range.contains(i));
        let first = matches.partition_point(|m| m.cue < range.start);
        let end = matches.partition_point(|m| m.cue < range.end);
        let in_range: Vec<(usize, Match)> = (first..end)
            .zip(matches[first..end].iter().cloned())
            .collect();
        let active_match = (*active).filter(|a| (first..end).contains(a));
        html! {
            <Turn transcript={t.clone()} speaker={speaker.clone()} cues={range.clone()}
                heading={heading.clone()} current={inside(props.current)} matches={in_range}
                {active_match} tab_stop={inside(tab_stop)} />
        }
    });
    let toggle_follow = {
        let (follow_on, paused) = (follow_on.clone(), paused.clone());
        Callback::from(move |_: MouseEvent| {
            follow_on.set(!*follow_on);
            paused.set(false);
        })
    };
    let back_to_now = {
        let (paused, body, current) = (paused.clone(), body.clone(), props.current);
        let scrolling = scrolling.clone();
        Callback::from(move |_: MouseEvent| {
            paused.set(false);
            if let Some(i) = current {
                center_if_outside(body.clone(), i, false, scrolling.clone(), SETTLE_TRIES);
            }
        })
    };

    html! {
        <details class="transcript" part="transcript">
            <summary part="transcript-toggle">{ lang.text(Text::Transcript) }</summary>
            <div class="transcript-tools" part="transcript-tools">
                <input type="search" part="transcript-search" aria-label={lang.text(Text::SearchTranscript)}
                    placeholder={lang.text(Text::SearchTranscript)} {oninput} onkeydown={onsearchkey} />
                <span class="transcript-count" part="transcript-count" role="status">{ count }</span>
                if t.timed && !mismatch {
                    <button type="button" class="transcript-follow" part="transcript-follow"
                        aria-pressed={if *follow_on { "true" } else { "false" }} onclick={toggle_follow}>
                        { lang.text(Text::FollowPlayback) }
                    </button>
                    if *follow_on && *paused {
                        <button type="button" class="transcript-now" part="transcript-back" onclick={back_to_now}>
                            { lang.text(Text::BackToNow) }
                        </button>
                    }
                }
                if quote.is_some() && t.timed {
                    <button type="button" class="transcript-quote" part="transcript-quote" onclick={share_quote}>
                        { lang.text(Text::ShareQuote) }
                    </button>
                }
            </div>
            if mismatch {
                <p class="transcript-warning" part="transcript-warning">{ lang.text(Text::TimingsMayNotMatch) }</p>
            }
            <div class="transcript-body" part="transcript-body" ref={body} data-roving=""
                {onclick} {onkeydown} {onfocusin}
                onwheel={pause.reform(Event::from)} ontouchmove={pause.reform(Event::from)}
                onpointerup={on_select.reform(Event::from)} onkeyup={on_select.reform(Event::from)}>
                if *built {
                    { for turns_html }
                }
            </div>
        </details>
    }
}

/// Each paragraph as its [`Turn`] needs it: speaker, cues, and the title of the chapter that
/// starts in it (the last listed one that starts after the previous paragraph and by this one's
/// last cue), shown as a heading before it.
fn layout(
    t: &Transcript,
    chapters: &Chapters,
) -> Vec<(Option<AttrValue>, Range<usize>, Option<AttrValue>)> {
    let listed: Vec<&chapters::Chapter> = chapters.iter().filter(|c| !c.hidden).collect();
    let mut next = 0;
    t.paragraphs()
        .into_iter()
        .map(|p| {
            let last = t
                .cues
                .get(p.cues.end.saturating_sub(1))
                .map_or(0, |c| c.start_ms);
            let mut heading = None;
            while t.timed && listed.get(next).is_some_and(|c| c.start_ms <= last) {
                heading = Some(AttrValue::from(listed[next].title.clone()));
                next += 1;
            }
            (p.speaker.map(AttrValue::from), p.cues, heading)
        })
        .collect()
}

/// Scrolls the panel so cue `i` is in its middle, when it has left the middle third (or, for a
/// search match, the panel), and looks again after a frame, `tries` times.
fn center_if_outside(
    body: NodeRef,
    i: usize,
    anywhere: bool,
    settle: Rc<RefCell<Option<Timeout>>>,
    tries: u32,
) {
    if let Some(tries) = tries.checked_sub(1) {
        let (body, next) = (body.clone(), settle.clone());
        *settle.borrow_mut() = Some(Timeout::new(32, move || {
            center_if_outside(body, i, anywhere, next, tries)
        }));
    }
    let Some(panel) = body.cast::<HtmlElement>() else {
        return;
    };
    let Ok(Some(cue)) = panel.query_selector(&format!("[{CUE_ATTRIBUTE}=\"{i}\"]")) else {
        return;
    };
    let (c, p) = (
        cue.get_bounding_client_rect(),
        panel.get_bounding_client_rect(),
    );
    if p.height() <= 0.0 {
        return;
    }
    let (low, high) = if anywhere {
        (p.top(), p.bottom())
    } else {
        (p.top() + p.height() / 3.0, p.bottom() - p.height() / 3.0)
    };
    if c.top() >= low && c.bottom() <= high {
        return;
    }
    let offset = c.top() - p.top() + f64::from(panel.scroll_top());

    panel.set_scroll_top((offset - p.height() / 2.0 + c.height() / 2.0) as i32);
}

fn focus_cue(body: &NodeRef, i: usize) {
    let Some(panel) = body.cast::<Element>() else {
        return;
    };
    let cue = if i == usize::MAX {
        panel
            .query_selector_all(&format!("[{CUE_ATTRIBUTE}]"))
            .ok()
            .and_then(|all| all.item(all.length().checked_sub(1)?))
    } else {
        panel
            .query_selector(&format!("[{CUE_ATTRIBUTE}=\"{i}\"]"))
            .ok()
            .flatten()
            .map(Into::into)
    };
    if let Some(cue) = cue.and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
        let _ = cue.focus();
    }
}
