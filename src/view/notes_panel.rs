//! The episode's show notes, collapsible, with every timestamp a button that seeks and every link
//! a safe `http(s)` link. Built from text segments: the notes' own markup is never rendered.

use chapters::notes::display::Segment;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotesPanelProps {
    pub notes: Rc<Vec<Vec<Segment>>>,
    pub on_seek: Callback<u64>,
}

#[function_component]
pub fn NotesPanel(props: &NotesPanelProps) -> Html {
    let segment = |s: &Segment| match s {
        Segment::Text(t) => html! { { t.clone() } },
        Segment::Link { text, url } => html! {
            <a href={url.clone()} target="_blank" rel="noopener noreferrer" part="notes-link">{ text.clone() }</a>
        },
        Segment::Time { ms, text } => {
            let at = *ms;
            html! {
                <button type="button" class="timestamp" part="timestamp"
                    data-start={chapters::timestamp::format_seconds(at)}
                    onclick={props.on_seek.reform(move |_| at)}>{ text.clone() }</button>
            }
        }
    };
    html! {
        <details class="notes" part="notes">
            <summary part="notes-toggle">{ "Show notes" }</summary>
            <div class="notes-body">
                { for props.notes.iter().map(|line| html! { <p>{ for line.iter().map(segment) }</p> }) }
            </div>
        </details>
    }
}
