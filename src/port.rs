//! The boundary between the store and the effects: the store hands every [`Command`] to a
//! [`Port`]; effects answer with [`Action`]s through a [`Dispatch`]. Adapters depend on this
//! module and on the state, never on the store, so the module graph has no cycle.

use crate::state::{Action, Command};
use std::rc::{Rc, Weak};

/// Carries out commands: the web adapters in the browser, a recorder in native tests.
pub trait Port {
    fn run(&self, command: Command, dispatch: &Dispatch);
}

/// Sends actions back to the player that issued a command. Holds it weakly: an answer that
/// arrives after the player was removed goes nowhere.
#[derive(Clone)]
pub struct Dispatch(Weak<dyn Fn(Action)>);

impl Dispatch {
    pub fn new(sink: &Rc<dyn Fn(Action)>) -> Self {
        Dispatch(Rc::downgrade(sink))
    }

    pub fn send(&self, action: Action) {
        if let Some(sink) = self.0.upgrade() {
            sink(action);
        }
    }

    /// Whether both send to the same player.
    pub fn same_player(&self, other: &Dispatch) -> bool {
        Weak::ptr_eq(&self.0, &other.0)
    }
}
