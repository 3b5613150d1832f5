//! Where the listener left off, per episode, in `localStorage`. Storage can be missing, full or
//! forbidden (private modes, sandboxed frames): resuming is a convenience, so every failure is
//! ignored rather than reported.

use crate::state::Action;
use web_sys::Storage;

const PREFIX: &str = "chapter-player:position:";

/// Positions this close to either end are not worth resuming.
pub const MARGIN_MS: u64 = 5_000;

/// The storage key for an episode: its absolute audio URL, so the same file resumes on any page.
pub fn key_for(src: &str) -> String {
    let absolute = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|base| web_sys::Url::new_with_base(src, &base).ok())
        .map_or_else(|| src.to_string(), |u| u.href());
    format!("{PREFIX}{absolute}")
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<u64> {
    storage()?.get_item(key).ok().flatten()?.parse().ok()
}

pub fn save(key: &str, ms: u64) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, &ms.to_string());
    }
}

pub fn clear(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// The start a returning listener gets: their saved position, when it is not at either end.
pub fn resume_action(key: &str, duration_ms: Option<u64>) -> Option<Action> {
    let saved = load(key)?;
    let worth_it = saved > MARGIN_MS && duration_ms.is_none_or(|d| saved + MARGIN_MS < d);
    worth_it.then(|| Action::StartAt {
        ms: saved,
        stop_at_ms: None,
        notice: format!("Resume at {}", chapters::timestamp::format_compact(saved)),
    })
}
