//! Keyboard shortcuts as data: one table maps keys to actions, renders the `?` overlay, gives
//! controls their `aria-keyshortcuts`, and is the README's table (a test keeps them equal).

use crate::i18n::{Lang, Text};
use crate::state::Action;

/// What a binding does, as the overlay says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Does {
    Say(Text),
    /// Seek back or forward this many milliseconds.
    Back(u64),
    Forward(u64),
}

impl Does {
    pub fn describe(self, lang: Lang) -> String {
        match self {
            Does::Say(text) => lang.text(text).to_string(),
            Does::Back(ms) => lang.fill(Text::Back, &[&lang.spoken(ms)]),
            Does::Forward(ms) => lang.fill(Text::Forward, &[&lang.spoken(ms)]),
        }
    }
}

/// A key press, as much of a `KeyboardEvent` as the mapping needs.
#[derive(Debug, Clone, Copy)]
pub struct KeyPress<'a> {
    /// `KeyboardEvent.key`.
    pub key: &'a str,
    pub alt: bool,
    /// Ctrl or Meta: browser and system shortcuts, never ours.
    pub command: bool,
}

pub struct Binding {
    /// `KeyboardEvent.key` values that trigger it.
    pub keys: &'static [&'static str],
    /// Whether Alt must be held (and, when false, must not be).
    pub alt: bool,
    /// How the overlay and README name the keys.
    pub label: &'static str,
    /// The `aria-keyshortcuts` value for the control that does the same.
    pub aria: &'static str,
    pub description: Does,
    pub action: fn(&str) -> Action,
}

const DIGITS: &[&str] = &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[" ", "k", "K"],
        alt: false,
        label: "Space, K",
        aria: "Space K",
        description: Does::Say(Text::PlayOrPause),
        action: |_| Action::TogglePlay,
    },
    Binding {
        keys: &["j", "J"],
        alt: false,
        label: "J",
        aria: "J",
        description: Does::Back(10_000),
        action: |_| Action::SeekBy(-10_000),
    },
    Binding {
        keys: &["l", "L"],
        alt: false,
        label: "L",
        aria: "L",
        description: Does::Forward(10_000),
        action: |_| Action::SeekBy(10_000),
    },
    Binding {
        keys: &["ArrowLeft"],
        alt: false,
        label: "←",
        aria: "ArrowLeft",
        description: Does::Back(5_000),
        action: |_| Action::SeekBy(-5_000),
    },
    Binding {
        keys: &["ArrowRight"],
        alt: false,
        label: "→",
        aria: "ArrowRight",
        description: Does::Forward(5_000),
        action: |_| Action::SeekBy(5_000),
    },
    Binding {
        keys: &["PageUp"],
        alt: false,
        label: "Page Up",
        aria: "PageUp",
        description: Does::Forward(60_000),
        action: |_| Action::SeekBy(60_000),
    },
    Binding {
        keys: &["PageDown"],
        alt: false,
        label: "Page Down",
        aria: "PageDown",
        description: Does::Back(60_000),
        action: |_| Action::SeekBy(-60_000),
    },
    Binding {
        keys: &["ArrowUp"],
        alt: false,
        label: "↑",
        aria: "ArrowUp",
        description: Does::Say(Text::VolumeUp),
        action: |_| Action::VolumeBy(0.1),
    },
    Binding {
        keys: &["ArrowDown"],
        alt: false,
        label: "↓",
        aria: "ArrowDown",
        description: Does::Say(Text::VolumeDown),
        action: |_| Action::VolumeBy(-0.1),
    },
    Binding {
        keys: &["m", "M"],
        alt: false,
        label: "M",
        aria: "M",
        description: Does::Say(Text::MuteOrUnmute),
        action: |_| Action::ToggleMute,
    },
    Binding {
        keys: &["ArrowLeft"],
        alt: true,
        label: "Alt+←, P",
        aria: "Alt+ArrowLeft P",
        description: Does::Say(Text::PreviousChapter),
        action: |_| Action::PreviousChapter,
    },
    Binding {
        keys: &["p", "P"],
        alt: false,
        label: "P",
        aria: "P",
        description: Does::Say(Text::PreviousChapter),
        action: |_| Action::PreviousChapter,
    },
    Binding {
        keys: &["ArrowRight"],
        alt: true,
        label: "Alt+→, N",
        aria: "Alt+ArrowRight N",
        description: Does::Say(Text::NextChapter),
        action: |_| Action::NextChapter,
    },
    Binding {
        keys: &["n", "N"],
        alt: false,
        label: "N",
        aria: "N",
        description: Does::Say(Text::NextChapter),
        action: |_| Action::NextChapter,
    },
    Binding {
        keys: DIGITS,
        alt: false,
        label: "0 – 9",
        aria: "0 1 2 3 4 5 6 7 8 9",
        description: Does::Say(Text::JumpToPercent),
        action: |key| Action::SeekToFraction(f64::from(key.parse::<u8>().unwrap_or(0)) / 10.0),
    },
    Binding {
        keys: &["Home"],
        alt: false,
        label: "Home",
        aria: "Home",
        description: Does::Say(Text::GoToStart),
        action: |_| Action::SeekTo(0),
    },
    Binding {
        keys: &["End"],
        alt: false,
        label: "End",
        aria: "End",
        description: Does::Say(Text::GoToEnd),
        action: |_| Action::SeekToEnd,
    },
    Binding {
        keys: &["<", ","],
        alt: false,
        label: "<",
        aria: "Shift+Comma",
        description: Does::Say(Text::Slower),
        action: |_| Action::RateStep(-1),
    },
    Binding {
        keys: &[">", "."],
        alt: false,
        label: ">",
        aria: "Shift+Period",
        description: Does::Say(Text::Faster),
        action: |_| Action::RateStep(1),
    },
    Binding {
        keys: &["?"],
        alt: false,
        label: "?",
        aria: "Shift+Slash",
        description: Does::Say(Text::ShowOrHideShortcuts),
        action: |_| Action::ToggleShortcuts,
    },
];

/// The action for a key press inside the player, if it is one of ours.
pub fn action_for(press: KeyPress<'_>) -> Option<Action> {
    if press.command {
        return None;
    }
    BINDINGS
        .iter()
        .find(|b| b.alt == press.alt && b.keys.contains(&press.key))
        .map(|b| (b.action)(press.key))
}

/// The `aria-keyshortcuts` for the control that does `text`.
pub fn aria_for(text: Text) -> &'static str {
    BINDINGS
        .iter()
        .find(|b| b.description == Does::Say(text))
        .map_or("", |b| b.aria)
}

/// Rows of the overlay and the README table: one per action, keys joined.
pub fn rows(lang: Lang) -> Vec<(&'static str, String)> {
    let mut seen: Vec<Does> = Vec::new();
    let mut rows = Vec::new();
    for b in BINDINGS {
        // "P" repeats "Alt+←, P": the table shows each action once.
        if !seen.contains(&b.description) {
            seen.push(b.description);
            rows.push((b.label, b.description.describe(lang)));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's shortcut table, generated from [`BINDINGS`].
    fn markdown_table() -> String {
        let mut out = String::from("| Keys | Action |\n| --- | --- |\n");
        for (keys, description) in rows(Lang::En) {
            out.push_str(&format!("| {keys} | {description} |\n"));
        }
        out
    }

    fn key(k: &str) -> Option<Action> {
        action_for(KeyPress {
            key: k,
            alt: false,
            command: false,
        })
    }

    #[test]
    fn every_required_shortcut() {
        assert_eq!(key(" "), Some(Action::TogglePlay));
        assert_eq!(key("K"), Some(Action::TogglePlay));
        assert_eq!(key("j"), Some(Action::SeekBy(-10_000)));
        assert_eq!(key("l"), Some(Action::SeekBy(10_000)));
        assert_eq!(key("ArrowLeft"), Some(Action::SeekBy(-5_000)));
        assert_eq!(key("ArrowRight"), Some(Action::SeekBy(5_000)));
        assert_eq!(key("PageUp"), Some(Action::SeekBy(60_000)));
        assert_eq!(key("PageDown"), Some(Action::SeekBy(-60_000)));
        assert_eq!(key("ArrowUp"), Some(Action::VolumeBy(0.1)));
        assert_eq!(key("ArrowDown"), Some(Action::VolumeBy(-0.1)));
        assert_eq!(key("m"), Some(Action::ToggleMute));
        assert_eq!(key("p"), Some(Action::PreviousChapter));
        assert_eq!(key("n"), Some(Action::NextChapter));
        assert_eq!(key("7"), Some(Action::SeekToFraction(0.7)));
        assert_eq!(key("Home"), Some(Action::SeekTo(0)));
        assert_eq!(key("End"), Some(Action::SeekToEnd));
        assert_eq!(key("<"), Some(Action::RateStep(-1)));
        assert_eq!(key(">"), Some(Action::RateStep(1)));
        assert_eq!(key("?"), Some(Action::ToggleShortcuts));
        let alt = |k| {
            action_for(KeyPress {
                key: k,
                alt: true,
                command: false,
            })
        };
        assert_eq!(alt("ArrowLeft"), Some(Action::PreviousChapter));
        assert_eq!(alt("ArrowRight"), Some(Action::NextChapter));
    }

    #[test]
    fn browser_shortcuts_are_left_alone() {
        assert_eq!(
            action_for(KeyPress {
                key: "l",
                alt: false,
                command: true
            }),
            None
        );
        assert_eq!(key("x"), None);
    }

    #[test]
    fn readme_lists_the_same_shortcuts() {
        let readme = include_str!("../README.md");
        assert!(
            readme.contains(&markdown_table()),
            "README's shortcut table differs; expected:\n{}",
            markdown_table()
        );
    }
}
