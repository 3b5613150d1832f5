//! The page adapter: what one player tells or asks of the page around it — the `chapterchange`
//! event, links on the clipboard — and the rule that one player plays at a time.

use crate::deep_link;
use crate::js;
use crate::port::Dispatch;
use crate::state::{Action, Share};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// The attribute that takes a player out of the one-player-plays rule, both ways.
pub const MIX_ATTRIBUTE: &str = "no-pause-others";

thread_local! {
    /// Every mounted player on the page, to pause the others when one starts.
    static PLAYERS: RefCell<Vec<(Dispatch, HtmlElement)>> = const { RefCell::new(Vec::new()) };
}

pub struct Page {
    host: HtmlElement,
    dispatch: Dispatch,
}

impl Page {
    /// Registers the player whose element is `host`, until [`Page::release`].
    pub fn new(host: HtmlElement, dispatch: Dispatch) -> Page {
        PLAYERS.with(|p| p.borrow_mut().push((dispatch.clone(), host.clone())));
        Page { host, dispatch }
    }

    pub fn release(&self) {
        PLAYERS.with(|p| {
            p.borrow_mut()
                .retain(|(d, _)| !d.same_player(&self.dispatch))
        });
    }

    /// This player started: every other player pauses, unless either opted out.
    pub fn playback_started(&self) {
        if self.host.has_attribute(MIX_ATTRIBUTE) {
            return;
        }
        let others: Vec<Dispatch> = PLAYERS.with(|p| {
            p.borrow()
                .iter()
                .filter(|(d, host)| {
                    !d.same_player(&self.dispatch) && !host.has_attribute(MIX_ATTRIBUTE)
                })
                .map(|(d, _)| d.clone())
                .collect()
        });
        for other in others {
            other.send(Action::Pause);
        }
    }

    pub fn chapter_changed(&self, index: usize, start_ms: u64, title: &str) {
        let detail = js::object(&[
            ("index", (index as u32).into()),
            ("start", (start_ms as f64 / 1000.0).into()),
            ("title", title.into()),
        ]);
        let init = CustomEventInit::new();
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict("chapterchange", &init) {
            let _ = self.host.dispatch_event(event.unchecked_ref());
        }
    }

    /// What a file's reader said about it, for developers: on the console, and as an `error`
    /// event on the element whose `detail` is `{ url, message }`.
    pub fn report_failure(&self, url: &str, detail: &str) {
        web_sys::console::warn_1(&format!("chapter-player: {url}: {detail}").into());
        let init = CustomEventInit::new();
        init.set_detail(&js::object(&[("url", url.into()), ("message", detail.into())]).into());
        if let Ok(event) = CustomEvent::new_with_event_init_dict("error", &init) {
            let _ = self.host.dispatch_event(event.unchecked_ref());
        }
    }

    /// Puts a link to `ms` in this player on the clipboard; where the Clipboard API is missing or
    /// refuses, the link is shown for copying by hand instead.
    pub fn copy_link(
        &self,
        ms: u64,
        end_ms: Option<u64>,
        quote: Option<&str>,
        episode: Option<&str>,
    ) {
        let Some(location) = web_sys::window().map(|w| w.location()) else {
            return;
        };
        let page = location.href().unwrap_or_default();
        let page = page.split('#').next().unwrap_or_default();
        let name = player_name(&self.host);
        let url = format!(
            "{page}#{}",
            deep_link::fragment_for(ms, end_ms, name.as_deref(), episode)
        );
        // A quote goes first, in quotation marks, the link that plays it after.
        let copied = quote.map_or_else(|| url.clone(), |q| format!("\u{201c}{q}\u{201d} {url}"));
        let clipboard = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
            .filter(|c| c.is_object());
        let write = clipboard.and_then(|c| {
            let f: js_sys::Function = js_sys::Reflect::get(&c, &"writeText".into())
                .ok()?
                .dyn_into()
                .ok()?;
            f.call1(&c, &copied.as_str().into())
                .ok()?
                .dyn_into::<js_sys::Promise>()
                .ok()
        });
        let Some(write) = write else {
            self.dispatch
                .send(Action::Shared(Share { url, copied: false }));
            return;
        };
        let dispatch = self.dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let copied = wasm_bindgen_futures::JsFuture::from(write).await.is_ok();
            dispatch.send(Action::Shared(Share { url, copied }));
        });
    }
}

/// The page's `<chapter-player>` elements, in document order.
fn players_on_page(host: &HtmlElement) -> Vec<web_sys::Element> {
    let Some(list) = host
        .owner_document()
        .and_then(|d| d.query_selector_all("chapter-player").ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect()
}

/// How a link names this player: its `id`, else its position among the page's
/// `<chapter-player>` elements, counting from 1 (`player=2`). `None` for a player that has
/// neither: links to it open the page's first player.
pub fn player_name(host: &HtmlElement) -> Option<String> {
    let id = host.id();
    if !id.is_empty() {
        return Some(id);
    }
    let position = players_on_page(host)
        .iter()
        .position(|p| p == host.unchecked_ref::<web_sys::Element>())?;
    Some((position + 1).to_string())
}

/// Whether a link naming `player` (or naming none) means the player whose element is `host`:
/// by its `id`, or by its position on the page (`player=2`) when no player has that id.
pub fn is_meant(host: &HtmlElement, player: Option<&str>) -> bool {
    match player {
        Some(name) if name == host.id() => true,
        Some(name) => {
            let players = players_on_page(host);
            let host: &web_sys::Element = host.unchecked_ref();
            !players.iter().any(|p| p.id() == name)
                && players
                    .iter()
                    .position(|p| p == host)
                    .is_some_and(|i| (i + 1).to_string() == name)
        }
        None => players_on_page(host)
            .first()
            .is_some_and(|first| first == host.unchecked_ref::<web_sys::Element>()),
    }
}
