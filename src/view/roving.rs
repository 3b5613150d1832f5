//! One Tab stop per list (the WAI-ARIA "roving tabindex"): the list's active row is tabbable,
//! ↑/↓, Home and End move between rows, and ←/→ move between the actions of a row (a chapter's
//! copy-link and link buttons), so a 30-chapter list is one stop, not ninety.

use wasm_bindgen::JsCast;
use web_sys::{Element, FocusEvent, HtmlElement, KeyboardEvent};
use yew::{hook, use_state_eq, Callback, NodeRef};

/// The handlers a list puts on its `<ol>` (`list`), and the row it last had the focus in.
pub struct Roving {
    pub focused: Option<usize>,
    pub onfocusin: Callback<FocusEvent>,
    pub onkeydown: Callback<KeyboardEvent>,
}

#[hook]
pub fn use_roving(list: NodeRef) -> Roving {
    let focused = use_state_eq(|| None::<usize>);
    let onfocusin = {
        let focused = focused.clone();
        Callback::from(move |e: FocusEvent| focused.set(row_index(e.target())))
    };
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if let Some(ol) = list.cast::<Element>() {
            if move_focus(&e, &ol) {
                e.prevent_default();
                e.stop_propagation();
            }
        }
    });
    Roving {
        focused: *focused,
        onfocusin,
        onkeydown,
    }
}

/// Keys a list moves focus with: the player's own shortcuts leave them to it.
pub const KEYS: [&str; 6] = [
    "ArrowUp",
    "ArrowDown",
    "ArrowLeft",
    "ArrowRight",
    "Home",
    "End",
];

/// Marks the element a list's keys are handled in.
pub const ATTRIBUTE: &str = "data-roving";

/// Moves focus for a key pressed in `list`, whose rows are `li` elements holding focusable
/// `button`s and `a`s (the first of each is the row's main control). Returns whether it did.
fn move_focus(e: &KeyboardEvent, list: &Element) -> bool {
    let key = e.key();
    let Some(from) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    let Some(row) = from.closest("li").ok().flatten() else {
        return false;
    };
    let target = match key.as_str() {
        "ArrowLeft" | "ArrowRight" => {
            let actions = focusables(&row, "button, a");
            let at = actions.iter().position(|a| a == &from).unwrap_or(0);
            let to = if key == "ArrowRight" {
                at + 1
            } else {
                at.saturating_sub(1)
            };
            actions.get(to).cloned()
        }
        _ => {
            let rows = focusables(list, "li:not(.hidden) > :first-child");
            let at = rows
                .iter()
                .position(|r| r.parent_element().as_ref() == Some(&row));
            let to = match (key.as_str(), at) {
                ("Home", _) => Some(0),
                ("End", _) => rows.len().checked_sub(1),
                ("ArrowDown", Some(i)) => Some((i + 1).min(rows.len().saturating_sub(1))),
                ("ArrowUp", Some(i)) => Some(i.saturating_sub(1)),
                _ => None,
            };
            to.and_then(|i| rows.get(i).cloned())
        }
    };
    let Some(target) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return false;
    };
    let _ = target.focus();
    true
}

fn focusables(within: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = within.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// The index a row's element carries in `data-index`, for the row focus entered.
fn row_index(target: Option<web_sys::EventTarget>) -> Option<usize> {
    let row = target?.dyn_into::<Element>().ok()?.closest("li").ok()??;
    row.get_attribute("data-index")?.parse().ok()
}
