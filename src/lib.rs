//! `<chapter-player>`: a podcast player that turns the timestamps in show notes into chapters.
//!
//! Data flows one way: the `chapters` crate parses notes and chapter files into a model;
//! [`state`] is a pure reducer over player actions; [`store`] runs it and carries out its
//! commands on the `<audio>` element through [`audio`]; [`view`] renders state with Yew; and
//! [`element`] is the glue to custom elements and the JavaScript API.

pub mod audio;
pub mod config;
pub mod deep_link;
pub mod element;
pub mod fetch;
pub mod keymap;
pub mod media_session;
pub mod playlist;
pub mod resume;
pub mod state;
pub mod store;
pub mod view;
