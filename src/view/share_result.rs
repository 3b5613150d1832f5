//! What happened to a shared link: copied, or shown to copy by hand where the clipboard refused.

use crate::state::{Action, Share};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ShareResultProps {
    pub share: Share,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn ShareResult(props: &ShareResultProps) -> Html {
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            input.select();
        }
    });
    html! {
        <div class="share-result" part="share-result" role="status">
            if props.share.copied {
                <span>{ "Link copied: " }</span>
                <span class="share-url">{ &props.share.url }</span>
            } else {
                <label class="share-manual">
                    <span>{ "Copy this link:" }</span>
                    <input type="text" readonly=true value={props.share.url.clone()} onfocus={select_all} />
                </label>
            }
            <button type="button" class="btn small" aria-label="Dismiss" onclick={props.dispatch.reform(|_| Action::DismissShare)}>{ "✕" }</button>
        </div>
    }
}
