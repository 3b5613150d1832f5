//! Yew components: one per file, props in and callbacks out. No parsing, storage or fetching here.

pub mod app;
mod artwork;
mod chapter_list;
mod chapter_markers;
mod chapter_row;
mod controls;
mod episode_list;
mod icons;
mod lazy;
mod notes_panel;
mod roving;
mod seek_bar;
mod selection;
mod share_result;
mod shortcuts_overlay;
mod transcript_links;
mod transcript_panel;
mod transcript_text;

use chapters::timestamp::format_compact;
use std::rc::Rc;
use yew::{hook, use_effect_with, NodeRef};

/// Shared data compared by identity: the state replaces it rather than editing it, so props
/// holding it compare in constant time however long the chapter list or the notes are.
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Sets custom property `name` on the element behind `node` whenever `value` changes. Through
/// the CSSOM, not a `style` attribute, which a strict Content-Security-Policy would refuse.
#[hook]
fn use_style_property(node: NodeRef, name: &'static str, value: String) {
    use_effect_with(value, move |value| {
        if let Some(el) = node.cast::<web_sys::HtmlElement>() {
            let _ = el.style().set_property(name, value);
        }
    });
}

/// `ms` as a CSS percentage of `duration`, e.g. `12.345%`. Integer arithmetic: formatting floats
/// would pull float-to-text code into the bundle for three decimals.
fn percent(ms: u64, duration: u64) -> String {
    let thousandths = if duration == 0 {
        0
    } else {
        (u128::from(ms.min(duration)) * 100_000 / u128::from(duration)) as u64
    };
    format!("{}.{:03}%", thousandths / 1000, thousandths % 1000)
}

/// Links a listener may follow from the player: web pages, never `javascript:` or `data:`.
fn safe_link(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// `1:02:03`, or `--:--` while the duration is unknown.
fn clock(ms: Option<u64>) -> String {
    ms.map_or_else(|| "--:--".to_string(), format_compact)
}

#[cfg(test)]
mod tests {
    #[test]
    fn percentages_without_floats() {
        assert_eq!(super::percent(1, 3), "33.333%");
        assert_eq!(super::percent(5, 0), "0.000%");
        assert_eq!(super::percent(9, 3), "100.000%");
    }
}
