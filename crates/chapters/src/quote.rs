//! Input quoted in an error message: escaped as a string literal is, and cut short so a huge value
//! cannot flood the message. Written out rather than `{:?}`, so the wasm build can leave `Debug`
//! formatting out (`-Zfmt-debug=none`, 2.6 KiB) without emptying its messages.

/// `text`'s first `max` characters in double quotes, with `…` when there were more.
pub fn quote(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max * 4) + 2);
    out.push('"');
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn quotes_as_a_string_literal_would() {
        for text in [
            "00:01 Intro",
            "say \"hi\"",
            "back\\slash",
            "two\nlines\ttab",
            "it's",
            "",
            "Łukasz 日本",
        ] {
            assert_eq!(quote(text, 60), format!("{text:?}"), "{text}");
        }
    }

    #[test]
    fn cuts_long_input_short() {
        assert_eq!(quote("abcdef", 3), "\"abc…\"");
        assert_eq!(quote("abc", 3), "\"abc\"");
    }
}
