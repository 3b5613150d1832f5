//! The `?` overlay: every shortcut, from the same table the keyboard uses.

use crate::i18n::{Lang, Text};
use crate::keymap;
use crate::state::Action;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent, ShadowRoot};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShortcutsOverlayProps {
    /// The language the player speaks.
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// The element focused inside the player's shadow root, to give focus back to on close.
fn focused_in(node: &HtmlElement) -> Option<HtmlElement> {
    node.get_root_node()
        .dyn_into::<ShadowRoot>()
        .ok()?
        .active_element()?
        .dyn_into::<HtmlElement>()
        .ok()
}

#[function_component]
pub fn ShortcutsOverlay(props: &ShortcutsOverlayProps) -> Html {
    let lang = props.lang;
    let close = use_node_ref();
    {
        // Focus moves into the dialog so Escape and Tab work at once, and returns to where it
        // was when the dialog closes, so the player's keys keep working.
        let close = close.clone();
        use_effect_with((), move |_| {
            let button = close.cast::<HtmlElement>();
            let previous = button.as_ref().and_then(focused_in);
            if let Some(button) = &button {
                let _ = button.focus();
            }
            move || {
                if let Some(previous) = previous.filter(|p| p.is_connected()) {
                    let _ = previous.focus();
                }
            }
        });
    }
    // The dialog is modal: its one control keeps the focus.
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Tab" {
            e.prevent_default();
        }
    });
    html! {
        <div class="overlay" part="shortcuts" role="dialog" aria-modal="true" aria-label={lang.text(Text::KeyboardShortcuts)} {onkeydown}>
            <div class="overlay-card">
                <div class="overlay-head">
                    <span>{ lang.text(Text::KeyboardShortcuts) }</span>
                    <button type="button" class="btn small" ref={close} aria-label={lang.text(Text::Close)}
                        onclick={props.dispatch.reform(|_| Action::CloseShortcuts)}>{ "✕" }</button>
                </div>
                <table>
                    { for keymap::rows(lang).into_iter().map(|(keys, what)| html! {
                        <tr><th scope="row"><kbd>{ keys }</kbd></th><td>{ what }</td></tr>
                    }) }
                </table>
            </div>
        </div>
    }
}
