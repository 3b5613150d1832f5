//! The player's language: the element's, as HTML defines it, and its words loaded before the
//! player speaks it (see `i18n`).

use crate::i18n::{self, Lang};
use crate::port::Dispatch;
use crate::state::Action;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot};

/// The language of the element's content, as HTML defines it: its own `lang`, else the nearest
/// ancestor's (across shadow roots), which includes the document's. A language the player does
/// not speak, or none, gives English.
fn of(host: &HtmlElement) -> Lang {
    let mut node: Option<web_sys::Element> = Some(host.clone().into());
    while let Some(element) = node {
        if let Some(found) = element.closest("[lang]").ok().flatten() {
            let tag = found.get_attribute("lang").unwrap_or_default();
            return Lang::from_tag(&tag).unwrap_or_default();
        }
        node = element
            .get_root_node()
            .dyn_into::<ShadowRoot>()
            .ok()
            .map(|root| root.host());
    }
    Lang::default()
}

/// Loads the words of the element's language (see [`of`]) if they are not here yet: the
/// loader awaits this before mounting, so a player speaks its language from its first frame.
/// If they cannot be downloaded, the player speaks English, and the console says why.
#[wasm_bindgen(js_name = prepareLanguage)]
pub async fn prepare_language(host: HtmlElement) {
    load(of(&host)).await;
}

async fn load(lang: Lang) -> bool {
    let loaded = i18n::load(lang).await.is_ok();
    if !loaded {
        web_sys::console::warn_1(
            &format!(
                "chapter-player: the player's words in \"{}\" could not be downloaded; it speaks English",
                lang.tag()
            )
            .into(),
        );
    }
    loaded
}

/// Has the player speak the element's language: at once when its words are here, else once
/// they have been loaded (until then it speaks the language it spoke).
pub fn follow(host: &HtmlElement, dispatch: &Dispatch) {
    let lang = of(host);
    if i18n::ready(lang) {
        dispatch.send(Action::SetLang(lang));
        return;
    }
    let (host, dispatch) = (host.clone(), dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        // The language may have changed again while this one loaded.
        if load(lang).await && of(&host) == lang {
            dispatch.send(Action::SetLang(lang));
        }
    });
}
