//! The episode's show notes, collapsible, with every timestamp a button that seeks and every link
//! a safe `http(s)` link. Built from text segments: the notes' own markup is never rendered.
//!
//! The panel starts closed, so it asks for the notes' segments ([`Action::ShowNotes`]) in a task
//! after its first render: the chapters reach the screen without waiting for them, and the body is
//! in the page (for find in page to open it) a moment later.

use super::Shared;
use crate::i18n::{Lang, Text};
use crate::state::Action;
use chapters::notes::display::Segment;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotesPanelProps {
    /// The language the player speaks.
    pub lang: Lang,
    pub notes: Shared<Vec<Vec<Segment>>>,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn NotesPanel(props: &NotesPanelProps) -> Html {
    let lang = props.lang;
    {
        let dispatch = props.dispatch.clone();
        use_effect_with((), move |_| {
            let pending = Timeout::new(0, move || dispatch.emit(Action::ShowNotes));
            move || drop(pending)
        });
    }
    let segment = |s: &Segment| match s {
        Segment::Text(t) => html! { { t.clone() } },
        Segment::Link { text, url } => html! {
            <a href={url.clone()} target="_blank" rel="noopener noreferrer" part="notes-link">{ text.clone() }</a>
        },
        Segment::Time { ms, text } => {
            let at = *ms;
            // Heard as "Seek to 4 minutes 17 seconds", not as the digits and brackets written.
            html! {
                <button type="button" class="timestamp" part="timestamp"
                    data-start={chapters::timestamp::format_seconds(at)}
                    onclick={props.dispatch.reform(move |_| Action::SeekTo(at))}>
                    <span aria-hidden="true">{ text.clone() }</span>
                    <span class="visually-hidden">{ lang.fill(Text::SeekToTime, &[&lang.spoken(at)]) }</span>
                </button>
            }
        }
    };
    html! {
        <details class="notes" part="notes">
            <summary part="notes-toggle">{ lang.text(Text::ShowNotes) }</summary>
            <div class="notes-body">
                { for props.notes.iter().map(|line| html! { <p>{ for line.iter().map(segment) }</p> }) }
            </div>
        </details>
    }
}
