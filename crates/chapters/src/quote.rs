//! Input quoted in an error message: escaped as `{:?}` escapes it, and cut short so a huge value
//! cannot flood the message. Written out rather than `{:?}`, so the wasm build can leave `Debug`
//! formatting out (`-Zfmt-debug=none`, 2.6 KiB) without emptying its messages. One difference,
//! on purpose: combining marks print as they are, where `{:?}` would spell them `\u{…}`.

/// `text`'s first `max` characters in double quotes, with `…` when there were more.
pub fn quote(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max.saturating_mul(4)) + 2);
    out.push('"');
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            // \t, \n, \r, and \u{…} for the other control characters.
            c if c.is_control() => out.extend(c.escape_default()),
            // Invisible and direction characters: they would hide or reorder the message's text.
            '\u{ad}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}'
            | '\u{feff}' => out.extend(c.escape_unicode()),
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
            "two\nlines\ttab\rreturn",
            "nul\0bell\u{7}del\u{7f}",
            "it's",
            "",
            "Łukasz 日本",
            "soft\u{ad}hyphen zero\u{200b}width \u{200e}mark",
            "over\u{202e}ride line\u{2028}sep isolate\u{2066}x\u{2069} bom\u{feff}",
        ] {
            assert_eq!(quote(text, 60), format!("{text:?}"), "{text}");
        }
    }

    #[test]
    fn combining_marks_print_as_they_are() {
        assert_eq!(quote("e\u{301}", 60), "\"e\u{301}\"");
    }

    #[test]
    fn cuts_long_input_short() {
        assert_eq!(quote("abcdef", 3), "\"abc…\"");
        assert_eq!(quote("abc", 3), "\"abc\"");
    }
}
