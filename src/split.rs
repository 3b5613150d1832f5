//! Functions whose code the release build moves out of the main wasm module into a part loaded
//! on first use (`--cfg split`, among xtask's release flags; xtask/src/split.rs splits the
//! module). [`split_fn!`] declares one: with `split` it is a `#[wasm_split]` function, which
//! loads its part before running; otherwise (tests, `cargo check`) an ordinary `async fn`. Either
//! way its caller awaits it, and a part that cannot be downloaded is [`Reason::Unloaded`].
//!
//! Only code reachable from nothing but such functions leaves the main module, so a part's entry
//! points must be the only way in: the readers of `parts`, the lazily rendered views of
//! `view::lazy`, and the languages' words in `i18n`.

#[cfg(split)]
use crate::message::Reason;

/// `split_fn!(part, [preload_name,] /// docs  fn name(args) -> Output { body })`: `name` returns
/// `Result<Output, Reason>` once part `part` is loaded; `preload_name`, when given, starts the
/// load without calling anything.
#[cfg(split)]
macro_rules! split_fn {
    ($part:ident, $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        $(#[$doc])*
        #[::wasm_split_helpers::wasm_split($part, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$out, $crate::message::Reason> $body
    };
    ($part:ident, $preload:ident, $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        $(#[$doc])*
        #[::wasm_split_helpers::wasm_split($part, fallible, preload($preload))]
        pub fn $name($($arg: $ty),*) -> Result<$out, $crate::message::Reason> $body
    };
}

/// The same function, called directly; its part's preload has nothing to do.
#[cfg(not(split))]
macro_rules! split_fn {
    ($part:ident, $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        $(#[$doc])*
        pub async fn $name($($arg: $ty),*) -> Result<$out, $crate::message::Reason> $body
    };
    ($part:ident, $preload:ident, $(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block) => {
        $(#[$doc])*
        pub async fn $name($($arg: $ty),*) -> Result<$out, $crate::message::Reason> $body

        pub async fn $preload() -> Result<(), $crate::message::Reason> {
            Ok(())
        }
    };
}

pub(crate) use split_fn;

#[cfg(split)]
impl From<wasm_split_helpers::SplitLoaderError> for Reason {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Reason {
        Reason::Unloaded
    }
}
