//! The listener's text selection inside the transcript, as a quote: its text and the stretch
//! of the episode it covers, from the first selected cue's start to the last one's end.

use super::transcript_text::CUE_ATTRIBUTE;
use chapters::transcript::Transcript;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::NodeRef;

/// The selection as the panel sees it: Chromium gives a shadow root its own; elsewhere the
/// document's reaches into it.
fn selection(body: &NodeRef) -> Option<web_sys::Selection> {
    let root = body.cast::<Element>()?.get_root_node();
    js_sys::Reflect::get(&root, &"getSelection".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&root).ok())
        .and_then(|s| s.dyn_into::<web_sys::Selection>().ok())
        .or_else(|| web_sys::window()?.get_selection().ok()?)
}

/// The text the listener has selected, if any.
pub fn selected_text(body: &NodeRef) -> Option<String> {
    let selection = selection(body)?;
    let text = selection.to_string().as_string()?;
    (!selection.is_collapsed() && !text.trim().is_empty()).then_some(text)
}

/// A selection inside the panel as a quote: its text, from the first selected cue's start to
/// the last one's end.
pub fn selected_quote(body: &NodeRef, t: &Transcript) -> Option<(u64, u64, String)> {
    let text = selected_text(body)?;
    let selection = selection(body)?;
    let cue_at = |node: Option<web_sys::Node>| -> Option<usize> {
        let node = node?;
        let el = match node.dyn_ref::<Element>() {
            Some(e) => e.clone(),
            None => node.parent_element()?,
        };
        el.closest(&format!("[{CUE_ATTRIBUTE}]"))
            .ok()??
            .get_attribute(CUE_ATTRIBUTE)?
            .parse()
            .ok()
    };
    let (a, b) = (
        cue_at(selection.anchor_node())?,
        cue_at(selection.focus_node())?,
    );
    let (first, last) = (a.min(b), a.max(b));
    let start = t.cues.get(first)?.start_ms;
    let end = t.cues.get(last)?.end_ms.max(start);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    Some((start, end, text))
}
