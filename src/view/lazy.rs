//! Views whose code is in a part of the wasm loaded on first use (see `crate::split`): the
//! transcript panel. The main module keeps a small component in its place ([`lazy_view!`]),
//! which asks the part for the view's render function the first time it is shown and renders
//! nothing until then (a frame, when the part is already loaded). The function is kept once
//! loaded, so the view shows at once the next time. A part that cannot be downloaded leaves a
//! line saying so in the view's place.
//!
//! The shortcuts overlay and the share dialog were measured as parts too: they took 1.8 KiB off
//! the first download but added 5.3 KiB in all, and a round trip before they open, so they stay.

use crate::i18n::{Lang, Text};
use crate::message::Reason;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::thread::LocalKey;
use yew::prelude::*;

/// A view's body, rendered from its props.
pub type Render<P> = fn(&P) -> Html;

/// Loads a part and answers with the view's render function.
pub type Load<P> = fn() -> Pin<Box<dyn Future<Output = Result<Render<P>, Reason>>>>;

/// Where a view's render function is kept once its part is loaded.
pub type Loaded<P> = LocalKey<Cell<Option<Render<P>>>>;

/// Where a lazily loaded view stands.
pub enum Lazy<P: 'static> {
    Loading,
    Ready(Render<P>),
    /// Its part could not be downloaded.
    Failed,
}

// By hand: a derive would ask `P` itself to be `Copy`.
impl<P> Clone for Lazy<P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P> Copy for Lazy<P> {}

/// The view's render function, once `load` has brought its part; kept in `loaded` for the
/// views mounted after.
#[hook]
pub fn use_lazy<P: 'static>(loaded: &'static Loaded<P>, load: Load<P>) -> Lazy<P> {
    let state = use_state(|| loaded.with(Cell::get).map_or(Lazy::Loading, Lazy::Ready));
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if matches!(*state, Lazy::Loading) {
                wasm_bindgen_futures::spawn_local(async move {
                    match load().await {
                        Ok(render) => {
                            loaded.with(|l| l.set(Some(render)));
                            state.set(Lazy::Ready(render));
                        }
                        Err(_) => state.set(Lazy::Failed),
                    }
                });
            }
        });
    }
    *state
}

/// What shows in a view's place when its part could not be downloaded.
pub fn unloaded(lang: Lang) -> Html {
    html! { <p class="error" part="error" role="alert">{ lang.text(Text::PartUnloaded) }</p> }
}

/// `lazy_view!(part, load_fn, /// docs  Name => Body(Props))`: the component `Name`, which
/// renders the component `Body` (same props, which must be `Clone` and have a `lang`) from part
/// `part`, fetched through `load_fn`. The loader's name comes from the caller: each must be
/// unique, as the split exports them by name.
macro_rules! lazy_view {
    ($part:ident, $load:ident, $(#[$doc:meta])* $name:ident => $body:ident($props:ty)) => {
        thread_local! {
            static LOADED: std::cell::Cell<Option<$crate::view::lazy::Render<$props>>> =
                const { std::cell::Cell::new(None) };
        }

        $crate::split::split_fn!(
            $part,
            fn $load() -> $crate::view::lazy::Render<$props> {
                Ok(|props| html! { <$body ..props.clone() /> })
            }
        );

        $(#[$doc])*
        #[function_component]
        pub fn $name(props: &$props) -> Html {
            use $crate::view::lazy::{unloaded, use_lazy, Lazy};
            match use_lazy(&LOADED, || Box::pin($load())) {
                Lazy::Ready(render) => render(props),
                Lazy::Loading => html! {},
                Lazy::Failed => unloaded(props.lang),
            }
        }
    };
}

pub(crate) use lazy_view;
