//! Character references (`&amp;`, `&#8212;`, `&#x2014;`) as HTML show notes and XML chapter files
//! write them.

/// Decodes character references; unknown or malformed ones are left as written.
pub fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match decode_one(rest) {
            Some((ch, len)) => {
                out.push(ch);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes the reference at the start of `s` (which starts with `&`): the character and the
/// number of bytes it used.
fn decode_one(s: &str) -> Option<(char, usize)> {
    terminated(s).or_else(|| decimal_without_semicolon(s))
}

/// A reference that ends with its semicolon: `&amp;`, `&#8212;`, `&#x2014;`.
fn terminated(s: &str) -> Option<(char, usize)> {
    // Searching bytes, not a sliced `str`: a cut at byte 12 could fall inside a character.
    let semi = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..semi];
    let ch = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        match char::from_u32(code)? {
            '\0' => '\u{fffd}',
            c => c,
        }
    } else {
        named(body)?
    };
    Some((ch, semi + 1))
}

/// `&#8211 ` as pages write it, the semicolon left out: browsers read a decimal reference up to
/// its last digit, and so does this.
fn decimal_without_semicolon(s: &str) -> Option<(char, usize)> {
    let digits = s.get(2..)?.bytes().take_while(u8::is_ascii_digit).count();
    if !s.starts_with("&#") || !(2..=7).contains(&digits) {
        return None;
    }
    let code: u32 = s[2..2 + digits].parse().ok()?;
    match char::from_u32(code)? {
        '\0' => None,
        c => Some((c, 2 + digits)),
    }
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        // WebVTT's direction marks.
        "lrm" => '\u{200e}',
        "rlm" => '\u{200f}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "iacute" => 'í',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        _ => return None,
    })
}

/// Escapes text for XML and HTML attribute values and content.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decimal_reference_without_its_semicolon_is_read_to_its_last_digit() {
        assert_eq!(decode("00:00 &#8211 Intro"), "00:00 – Intro");
        assert_eq!(decode("A&#8211B; c"), "A–B; c");
        assert_eq!(decode("&#1 &#"), "&#1 &#");
    }

    #[test]
    fn decodes_named_and_numeric() {
        assert_eq!(
            decode("Q&amp;A &#8212; &#x2014; &ndash; &quot;x&quot;"),
            "Q&A — — – \"x\""
        );
        assert_eq!(
            decode("AT&T & co &bogus; &#xZZ;"),
            "AT&T & co &bogus; &#xZZ;"
        );
        assert_eq!(decode("&#0;&#1114112;"), "\u{fffd}&#1114112;");
    }

    #[test]
    fn long_non_ascii_after_ampersand_does_not_panic() {
        assert_eq!(decode("&ééééééé;"), "&ééééééé;");
        assert_eq!(decode("a&日本語の文字列です"), "a&日本語の文字列です");
    }

    #[test]
    fn escape_round_trips() {
        let s = "<b> & \"quoted\" 'x'";
        assert_eq!(decode(&escape(s)), s);
    }
}
