//! `localStorage`, for saved positions. Storage can be missing, full or forbidden (private
//! modes, sandboxed frames): resuming is a convenience, so every failure is ignored rather than
//! reported. What is read back is bounded: a stored value is outside input.

use crate::state::Settings;
use web_sys::Storage;

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A saved position in milliseconds; `None` for anything but a whole number in the model's range.
pub fn load_position(key: &str) -> Option<u64> {
    parse_position(&storage()?.get_item(key).ok().flatten()?)
}

fn parse_position(text: &str) -> Option<u64> {
    text.trim()
        .parse::<u64>()
        .ok()
        .filter(|ms| *ms <= chapters::timestamp::MAX_MS)
}

/// A show's speed and volume, stored as whole hundredths (`"150 80 0"`): no float text to parse.
pub fn load_settings(key: &str) -> Option<Settings> {
    parse_settings(&storage()?.get_item(key).ok().flatten()?)
}

fn parse_settings(text: &str) -> Option<Settings> {
    let mut numbers = text.split(' ').map(|n| n.parse::<u16>().ok());
    let (rate, volume, muted) = (numbers.next()??, numbers.next()??, numbers.next()??);
    ((50..=300).contains(&rate) && volume <= 100 && muted <= 1 && numbers.next().is_none()).then(
        || Settings {
            rate: f64::from(rate) / 100.0,
            volume: f64::from(volume) / 100.0,
            muted: muted == 1,
        },
    )
}

pub fn save_settings(key: &str, s: Settings) {
    let hundredths = |x: f64| (x * 100.0).round() as u16;
    let text = format!(
        "{} {} {}",
        hundredths(s.rate),
        hundredths(s.volume),
        u8::from(s.muted)
    );
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, &text);
    }
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

#[cfg(test)]
mod tests {
    use super::{parse_position, parse_settings};
    use crate::state::Settings;

    #[test]
    fn stored_settings_are_bounded() {
        assert_eq!(
            parse_settings("150 80 1"),
            Some(Settings {
                rate: 1.5,
                volume: 0.8,
                muted: true
            })
        );
        for bad in [
            "",
            "150 80",
            "150 80 1 9",
            "1000 80 0",
            "150 101 0",
            "150 80 2",
            "1.5 80 0",
        ] {
            assert_eq!(parse_settings(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn stored_positions_are_bounded() {
        assert_eq!(parse_position("90000"), Some(90_000));
        assert_eq!(parse_position(" 90000\n"), Some(90_000));
        assert_eq!(parse_position("18446744073709551615"), None);
        assert_eq!(parse_position("3600000001"), None);
        assert_eq!(parse_position("-5"), None);
        assert_eq!(parse_position("1e9"), None);
    }
}
