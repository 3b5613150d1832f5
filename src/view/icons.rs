//! Inline SVG icons: no icon font or image request, and they take the text colour.

use yew::{html, Html};

fn svg(path: &'static str) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d={path} fill="currentColor" />
        </svg>
    }
}

pub fn play() -> Html {
    svg("M8 5.14v13.72a1 1 0 0 0 1.52.85l11.03-6.86a1 1 0 0 0 0-1.7L9.52 4.29A1 1 0 0 0 8 5.14z")
}

pub fn pause() -> Html {
    svg("M7 5h3.5a.5.5 0 0 1 .5.5v13a.5.5 0 0 1-.5.5H7a.5.5 0 0 1-.5-.5v-13A.5.5 0 0 1 7 5zm6.5 0H17a.5.5 0 0 1 .5.5v13a.5.5 0 0 1-.5.5h-3.5a.5.5 0 0 1-.5-.5v-13a.5.5 0 0 1 .5-.5z")
}

pub fn previous() -> Html {
    svg("M6 5h2v14H6zm3.5 7 8.5 6V6z")
}

pub fn next() -> Html {
    svg("M16 5h2v14h-2zM6 18l8.5-6L6 6z")
}

pub fn back() -> Html {
    svg("M12 5V2L7 6l5 4V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z")
}

pub fn forward() -> Html {
    svg("M12 5V2l5 4-5 4V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z")
}

pub fn volume() -> Html {
    svg("M4 9v6h4l5 5V4L8 9H4zm12.5 3A4.5 4.5 0 0 0 14 8v8a4.47 4.47 0 0 0 2.5-4zM14 3.23v2.06a7 7 0 0 1 0 13.42v2.06a9 9 0 0 0 0-17.54z")
}

pub fn muted() -> Html {
    svg("M16.5 12A4.5 4.5 0 0 0 14 8v2.18l2.45 2.45c.03-.2.05-.41.05-.63zM19 12c0 .94-.2 1.82-.54 2.64l1.51 1.51A8.8 8.8 0 0 0 21 12a9 9 0 0 0-7-8.77v2.06A7 7 0 0 1 19 12zM4.27 3 3 4.27 7.73 9H3v6h4l5 5v-6.73l4.25 4.25A7 7 0 0 1 14 18.7v2.06a9 9 0 0 0 3.69-1.81L19.73 21 21 19.73l-9-9L4.27 3zM12 4 9.91 6.09 12 8.18V4z")
}

pub fn keyboard() -> Html {
    svg("M20 5H4a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2zm-9 3h2v2h-2V8zm0 3h2v2h-2v-2zM8 8h2v2H8V8zm0 3h2v2H8v-2zm-1 2H5v-2h2v2zm0-3H5V8h2v2zm9 7H8v-2h8v2zm0-4h-2v-2h2v2zm0-3h-2V8h2v2zm3 3h-2v-2h2v2zm0-3h-2V8h2v2z")
}

pub fn link() -> Html {
    svg("M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0zM13 16.2l-1.8 1.8a3.5 3.5 0 0 1-5-5L8 11.2a1 1 0 0 0-1.4-1.4L4.8 11.6a5.5 5.5 0 0 0 7.8 7.8l1.8-1.8a1 1 0 0 0-1.4-1.4zm6.2-11.4a5.5 5.5 0 0 0-7.8 0L9.6 6.6A1 1 0 1 0 11 8l1.8-1.8a3.5 3.5 0 0 1 5 5L16 13a1 1 0 0 0 1.4 1.4l1.8-1.8a5.5 5.5 0 0 0 0-7.8z")
}

pub fn share() -> Html {
    svg("M18 16.1c-.8 0-1.5.3-2 .8l-7.1-4.2c.1-.2.1-.5.1-.7s0-.5-.1-.7L16 7.2c.5.5 1.2.8 2 .8a3 3 0 1 0-3-3c0 .2 0 .5.1.7L8 9.8A3 3 0 1 0 8 14.2l7.1 4.2c-.1.2-.1.4-.1.6a2.9 2.9 0 1 0 3-2.9z")
}
