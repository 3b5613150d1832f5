//! `<chapter-player>`: a podcast player that turns the timestamps in show notes into chapters.
//!
//! Data flows one way: the `chapters` crate parses notes and chapter files into a model;
//! `state` is a pure reducer that owns the episode and the player; `store` runs it and hands
//! its commands to a `port`, behind which the adapters (`audio`, `fetch`, `storage`,
//! `page`, `media_session`) do the effects and answer with actions; `view` renders state
//! with Yew; and `element` is the glue to custom elements and the JavaScript API.
//!
//! Module graph, with no cycle: `message` ← `i18n` ← `state` ← adapters ← `effects` ← `element`;
//! `store` ← `view`. The view says messages in the listener's language through `i18n`.

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

mod audio;
mod config;
mod deep_link;
mod effects;
pub mod element;
mod episode;
mod fetch;
mod i18n;
mod js;
mod keymap;
mod language;
mod media_session;
mod message;
mod page;
mod parts;
mod playlist;
mod port;
mod split;
mod state;
mod storage;
mod store;
mod timing;
mod url;
mod view;
