//! The `?` overlay: every shortcut, from the same table the keyboard uses.

use crate::keymap;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShortcutsOverlayProps {
    pub on_close: Callback<()>,
}

#[function_component]
pub fn ShortcutsOverlay(props: &ShortcutsOverlayProps) -> Html {
    let close = use_node_ref();
    {
        // Focus moves into the dialog so Escape and Tab work from the keyboard at once.
        let close = close.clone();
        use_effect_with((), move |_| {
            if let Some(button) = close.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    html! {
        <div class="overlay" part="shortcuts" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts">
            <div class="overlay-card">
                <div class="overlay-head">
                    <span>{ "Keyboard shortcuts" }</span>
                    <button type="button" class="btn small" ref={close} aria-label="Close"
                        onclick={props.on_close.reform(|_| ())}>{ "✕" }</button>
                </div>
                <table>
                    { for keymap::rows().into_iter().map(|(keys, what)| html! {
                        <tr><th scope="row"><kbd>{ keys }</kbd></th><td>{ what }</td></tr>
                    }) }
                </table>
            </div>
        </div>
    }
}
