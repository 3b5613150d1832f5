//! What happened to a shared link: copied, or shown to copy by hand where the clipboard refused —
//! then the field has the focus with the link selected, ready for Ctrl+C.

use crate::i18n::{Lang, Text};
use crate::state::{Action, Share};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareResultProps {
    /// The language the player speaks.
    pub lang: Lang,
    pub share: Share,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn ShareResult(props: &ShareResultProps) -> Html {
    let lang = props.lang;
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with(props.share.clone(), move |share| {
            if let Some(input) = field.cast::<HtmlInputElement>().filter(|_| !share.copied) {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            input.select();
        }
    });
    // The dismiss button goes away with the message: the focus goes back to the share control.
    let dismiss = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            let share = e
                .target_dyn_into::<Element>()
                .and_then(|b| b.closest(".player").ok().flatten())
                .and_then(|p| p.query_selector("[part~=share]").ok().flatten())
                .and_then(|b| b.dyn_into::<HtmlElement>().ok());
            dispatch.emit(Action::DismissShare);
            if let Some(share) = share {
                let _ = share.focus();
            }
        })
    };
    html! {
        <div class="share-result" part="share-result" role="status">
            if props.share.copied {
                <span>{ lang.text(Text::LinkCopied) }{ " " }</span>
                <span class="share-url">{ &props.share.url }</span>
            } else {
                <label class="share-manual">
                    <span>{ lang.text(Text::CopyThisLink) }</span>
                    <input ref={field} type="text" readonly=true value={props.share.url.clone()} onfocus={select_all} />
                </label>
            }
            <button type="button" class="btn small" aria-label={lang.text(Text::Dismiss)} onclick={dismiss}>{ "✕" }</button>
        </div>
    }
}
