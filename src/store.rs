//! One player's store: its state, the port its commands go to, and who is told of changes.
//!
//! Commands are carried out as soon as the reducer returns them, in the same task, so a click
//! sets `currentTime` before the handler returns. Actions sent while the store is busy — an
//! adapter answering at once — are queued and reduced in order; subscribers hear once, after.

use crate::port::{Dispatch, Port};
use crate::state::{Action, PlayerState};
use std::cell::{Cell, OnceCell, Ref, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

type Subscriber = Rc<dyn Fn(&PlayerState)>;

pub struct Store {
    state: RefCell<PlayerState>,
    /// Attached once, after the adapters were given this store's [`Dispatch`].
    port: OnceCell<Box<dyn Port>>,
    queue: RefCell<VecDeque<Action>>,
    busy: Cell<bool>,
    subscribers: RefCell<Vec<(u32, Subscriber)>>,
    next_id: Cell<u32>,
    /// What [`Dispatch`]es hold weakly: dropping the store silences late answers.
    sink: Rc<dyn Fn(Action)>,
}

impl Store {
    pub fn new(state: PlayerState) -> Rc<Self> {
        Rc::new_cyclic(|me: &Weak<Store>| {
            let me = me.clone();
            let sink: Rc<dyn Fn(Action)> = Rc::new(move |action| {
                if let Some(store) = me.upgrade() {
                    store.dispatch(action);
                }
            });
            Store {
                state: RefCell::new(state),
                port: OnceCell::new(),
                queue: RefCell::new(VecDeque::new()),
                busy: Cell::new(false),
                subscribers: RefCell::new(Vec::new()),
                next_id: Cell::new(0),
                sink,
            }
        })
    }

    /// Where commands go from now on; a second port is refused.
    pub fn connect(&self, port: Box<dyn Port>) {
        let _ = self.port.set(port);
    }

    pub fn state(&self) -> Ref<'_, PlayerState> {
        self.state.borrow()
    }

    /// How adapters and the view send actions to this store.
    pub fn dispatcher(&self) -> Dispatch {
        Dispatch::new(&self.sink)
    }

    pub fn dispatch(&self, action: Action) {
        self.queue.borrow_mut().push_back(action);
        if self.busy.replace(true) {
            return;
        }
        let dispatch = self.dispatcher();
        loop {
            let Some(action) = self.queue.borrow_mut().pop_front() else {
                break;
            };
            let commands = self.state.borrow_mut().update(action);
            if let Some(port) = self.port.get() {
                for command in commands {
                    port.run(command, &dispatch);
                }
            }
        }
        self.busy.set(false);
        let subscribers: Vec<Subscriber> = self
            .subscribers
            .borrow()
            .iter()
            .map(|(_, s)| s.clone())
            .collect();
        let state = self.state.borrow();
        for subscriber in subscribers {
            subscriber(&state);
        }
    }

    /// Calls `subscriber` after every dispatch, for as long as the returned guard lives.
    pub fn subscribe(self: &Rc<Self>, subscriber: impl Fn(&PlayerState) + 'static) -> Subscription {
        let id = self.next_id.get();
        self.next_id.set(id.wrapping_add(1));
        self.subscribers
            .borrow_mut()
            .push((id, Rc::new(subscriber)));
        Subscription {
            store: Rc::downgrade(self),
            id,
        }
    }
}

/// Unsubscribes when dropped.
pub struct Subscription {
    store: Weak<Store>,
    id: u32,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(store) = self.store.upgrade() {
            store
                .subscribers
                .borrow_mut()
                .retain(|(id, _)| *id != self.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::episode::Episode;
    use crate::message::Message;
    use crate::state::Command;
    use chapters::{Chapter, ChapterSource, Chapters};

    /// Records every command; answers a few at once, as the storage adapter does.
    #[derive(Default)]
    struct RecordingPort {
        commands: Rc<RefCell<Vec<Command>>>,
        saved: Option<u64>,
    }

    impl Port for RecordingPort {
        fn run(&self, command: Command, dispatch: &Dispatch) {
            if let (Command::LoadPosition(_), Some(ms)) = (&command, self.saved) {
                dispatch.send(Action::PositionRestored(ms));
            }
            self.commands.borrow_mut().push(command);
        }
    }

    fn store(saved: Option<u64>) -> (Rc<Store>, Rc<RefCell<Vec<Command>>>) {
        let commands = Rc::new(RefCell::new(Vec::new()));
        let port = RecordingPort {
            commands: commands.clone(),
            saved,
        };
        let store = Store::new(PlayerState::default());
        store.connect(Box::new(port));
        (store, commands)
    }

    fn episode(src: &str, chapters: ChapterSource) -> Rc<Episode> {
        Rc::new(Episode {
            src: src.into(),
            duration_ms: Some(600_000),
            notes: Rc::from("0:00 Notes intro\n5:00 Notes end"),
            chapters,
            ..Episode::default()
        })
    }

    fn take(commands: &Rc<RefCell<Vec<Command>>>) -> Vec<Command> {
        commands.borrow_mut().drain(..).collect()
    }

    fn changed(index: usize, start_ms: u64, title: &str) -> Command {
        Command::ChapterChanged {
            index,
            start_ms,
            title: title.into(),
        }
    }

    #[test]
    fn loading_restores_the_saved_position_in_the_same_dispatch() {
        let (store, commands) = store(Some(400_000));
        let seen = Rc::new(Cell::new(0));
        let _subscription = {
            let seen = seen.clone();
            store.subscribe(move |_| seen.set(seen.get() + 1))
        };
        store.dispatch(Action::Load(episode(
            "https://a/1.mp3",
            ChapterSource::Notes,
        )));
        assert_eq!(
            take(&commands),
            [
                Command::SetSource("https://a/1.mp3".into()),
                changed(0, 0, "Notes intro"),
                Command::LoadPosition("chapter-player:position:https://a/1.mp3".into()),
                Command::LoadSettings("chapter-player:settings:https://a".into()),
                Command::Seek(400_000),
                changed(1, 300_000, "Notes end"),
            ]
        );
        assert_eq!(store.state().notice, Some(Message::ResumeAt(400_000)));
        // The answer was queued, not reduced inside the first update: one notification.
        assert_eq!(seen.get(), 1);
    }

    #[test]
    fn a_deep_link_after_loading_wins_over_the_saved_position() {
        let (store, commands) = store(Some(400_000));
        store.dispatch(Action::Load(episode(
            "https://a/1.mp3",
            ChapterSource::Notes,
        )));
        store.dispatch(Action::StartAt {
            ms: 30_000,
            stop_at_ms: None,
            episode: None,
        });
        assert_eq!(store.state().position_ms, 30_000);
        assert_eq!(store.state().notice, Some(Message::StartingAt(30_000)));
        assert_eq!(
            take(&commands)[6..],
            [Command::Seek(30_000), changed(0, 0, "Notes intro")]
        );
    }

    #[test]
    fn source_precedence_and_switching_episodes() {
        let (store, commands) = store(None);
        let inline = Chapters::new(vec![Chapter::new(0, "Given")]);
        store.dispatch(Action::Load(episode(
            "https://a/1.mp3",
            ChapterSource::Inline(inline),
        )));
        assert_eq!(
            take(&commands),
            [
                Command::SetSource("https://a/1.mp3".into()),
                changed(0, 0, "Given"),
                Command::LoadPosition("chapter-player:position:https://a/1.mp3".into()),
                Command::LoadSettings("chapter-player:settings:https://a".into()),
            ]
        );
        // A chapters attribute set later: the file replaces the inline chapters.
        store.dispatch(Action::SetChapterSource(ChapterSource::Url(
            "https://a/c.vtt".into(),
        )));
        assert_eq!(
            take(&commands),
            [Command::FetchChapters {
                url: "https://a/c.vtt".into(),
                generation: 2
            }]
        );
        // A new src while the file is in flight: its answer is for the old episode.
        store.dispatch(Action::Load(episode(
            "https://a/2.mp3",
            ChapterSource::Notes,
        )));
        take(&commands);
        store.dispatch(Action::ChaptersLoaded {
            generation: 2,
            chapters: Rc::new(Chapters::new(vec![Chapter::new(0, "Stale")])),
        });
        assert_eq!(take(&commands), []);
        assert_eq!(store.state().current_title(), Some("Notes intro"));
        assert_eq!(store.state().episode.src, "https://a/2.mp3");
    }

    #[test]
    fn attribute_changes_touch_only_what_they_name() {
        let (store, commands) = store(None);
        store.dispatch(Action::Load(episode(
            "https://a/1.mp3",
            ChapterSource::Notes,
        )));
        store.dispatch(Action::TimeUpdate(320_000));
        take(&commands);
        store.dispatch(Action::Describe {
            title: "Renamed".into(),
            show: "Show".into(),
            artwork: Some("https://a/art.jpg".into()),
        });
        store.dispatch(Action::DurationHint(Some(700_000)));
        store.dispatch(Action::SetResume(false));
        assert_eq!(take(&commands), []);
        let s = store.state();
        assert_eq!(
            (s.episode.title.as_str(), s.position_ms, s.duration_ms),
            ("Renamed", 320_000, Some(700_000))
        );
        assert_eq!(s.resume_key(), None);
    }

    #[test]
    fn removing_the_store_silences_late_answers() {
        let (store, commands) = store(None);
        let dispatch = store.dispatcher();
        drop(store);
        dispatch.send(Action::Play);
        assert_eq!(take(&commands), []);
    }

    #[test]
    fn a_dropped_subscription_is_not_called() {
        let (store, _) = store(None);
        let seen = Rc::new(Cell::new(0));
        let subscription = {
            let seen = seen.clone();
            store.subscribe(move |_| seen.set(seen.get() + 1))
        };
        store.dispatch(Action::Play);
        drop(subscription);
        store.dispatch(Action::Pause);
        assert_eq!(seen.get(), 1);
    }
}
