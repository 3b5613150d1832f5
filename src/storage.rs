//! `localStorage`, for saved positions. Storage can be missing, full or forbidden (private
//! modes, sandboxed frames): resuming is a convenience, so every failure is ignored rather than
//! reported. What is read back is bounded: a stored value is outside input.

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
    use super::parse_position;

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
