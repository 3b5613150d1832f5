//! Turns HTML show notes into lines of text, and reads the Markdown links that both HTML (after
//! conversion) and Markdown notes carry, so the extractor sees one kind of input.

use crate::entities;

/// Block-level tags: each starts a new line, the way a browser would lay them out.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tr",
    "ul",
];

/// Tags that mark text as HTML when they appear, besides the block tags.
const INLINE_TAGS: &[&str] = &[
    "a", "b", "em", "i", "span", "strong", "u", "code", "small", "td", "th", "del", "s", "strike",
];

/// Tags whose content is not read: code and styling, and text the author struck out.
const DROPPED_TAGS: &[&str] = &["script", "style", "del", "s", "strike"];

/// Plain text of `input`: HTML tags become line breaks or nothing, `<a href>` becomes a Markdown
/// link, script and style contents and comments are dropped, character references are decoded.
/// Text that is not HTML only has its line endings normalised and references decoded.
pub fn to_text(input: &str) -> String {
    let input = if input.contains('\r') {
        input.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        input.to_string()
    };
    let text = if looks_like_html(&input) {
        html_to_text(&input)
    } else {
        input
    };
    let text = entities::decode(&text);
    // No-break spaces start with byte 0xC2 or 0xE2: text without either has none to replace.
    if text.bytes().any(|b| b == 0xC2 || b == 0xE2) {
        text.replace(['\u{a0}', '\u{2007}', '\u{202f}'], " ")
    } else {
        text
    }
}

/// Whether `s` holds HTML tags that [`to_text`] reads.
pub(super) fn looks_like_html(s: &str) -> bool {
    s.match_indices('<').any(|(i, _)| {
        let (name, _) = tag_name(&s[i + 1..]);
        BLOCK_TAGS.contains(&name.as_str()) || INLINE_TAGS.contains(&name.as_str())
    })
}

/// The lowercased tag name at the start of `s` (after `<`), and whether it is a closing tag.
fn tag_name(s: &str) -> (String, bool) {
    let (s, closing) = match s.strip_prefix('/') {
        Some(rest) => (rest, true),
        None => (s, false),
    };
    let name: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .take(12)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let after = s[name.len()..].chars().next();
    match after {
        None => (name, closing),
        Some(c) if c.is_whitespace() || c == '>' || c == '/' => (name, closing),
        Some(_) => (String::new(), closing),
    }
}

fn html_to_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    // Hrefs of the anchors currently open; `None` for anchors without a usable link.
    let mut anchors: Vec<Option<String>> = Vec::new();
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            out.push_str(rest);
            return out;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let (name, closing) = tag_name(tag);
        match name.as_str() {
            "" => {
                // Not a tag after all (`a < b`): keep the text.
                out.push('<');
                out.push_str(tag);
                out.push('>');
            }
            name if DROPPED_TAGS.contains(&name) && !closing => {
                match closing_tag_end(rest, name) {
                    Some(end) => rest = &rest[end..],
                    // Code never closed hides the rest; struck text never closed was not struck.
                    None if matches!(name, "script" | "style") => rest = "",
                    None => {}
                }
            }
            "a" if !closing => {
                let href = attribute(tag, "href").and_then(|h| web_url(&entities::decode(&h)));
                if href.is_some() {
                    out.push('[');
                }
                anchors.push(href);
            }
            "a" => {
                if let Some(Some(href)) = anchors.pop() {
                    out.push_str("](");
                    out.push_str(&href.replace(' ', "%20"));
                    out.push(')');
                }
            }
            // Table cells stay cells on their row's line: `| 12:03 | Welcome`.
            "td" | "th" if !closing => out.push_str(" | "),
            name if BLOCK_TAGS.contains(&name) => out.push('\n'),
            _ => {}
        }
    }
    out.push_str(rest);
    out
}

/// The byte just past the first `</name>` in `s` (any case, attributes or spaces allowed before
/// `>`), and not `</name…>` of a longer name (`</s>`, not `</span>`).
fn closing_tag_end(s: &str, name: &str) -> Option<usize> {
    let close = format!("</{name}");
    let mut from = 0;
    while let Some(i) = find_ignore_case(&s[from..], &close) {
        let after = from + i + close.len();
        match s.as_bytes().get(after) {
            Some(b) if b.is_ascii_alphanumeric() => from = after,
            _ => return s[after..].find('>').map(|g| after + g + 1),
        }
    }
    None
}

fn find_ignore_case(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    (0..h.len().saturating_sub(n.len()) + 1).find(|&i| {
        h.get(i..i + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

/// The value of attribute `name` inside a tag's text (`a href="…" class=x`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(pos) = find_ignore_case(&tag[from..], name) {
        let at = from + pos;
        from = at + name.len();
        let before_ok = at > 0 && bytes[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        let Some(value) = rest.strip_prefix('=') else {
            continue;
        };
        if !before_ok {
            continue;
        }
        let value = value.trim_start();
        let quoted = |q: char| {
            value
                .strip_prefix(q)
                .map(|v| v.split(q).next().unwrap_or_default().to_string())
        };
        return quoted('"').or_else(|| quoted('\'')).or_else(|| {
            Some(
                value
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or_default()
                    .to_string(),
            )
        });
    }
    None
}

/// A Markdown link `[text](url)` starting at byte `at` of `s`: its text, its URL, and the byte
/// just past it.
pub fn markdown_link_at(s: &str, at: usize) -> Option<(&str, &str, usize)> {
    let rest = s.get(at..)?.strip_prefix('[')?;
    let close = rest.find("](")?;
    let text = &rest[..close];
    if text.contains('[') || text.contains(']') {
        return None;
    }
    let after = &rest[close + 2..];
    let end = after.find(')')?;
    let url = &after[..end];
    if url.is_empty() || url.contains(char::is_whitespace) {
        return None;
    }
    Some((text, url, at + 1 + close + 2 + end + 1))
}

/// The web address `link` points to: `http(s)://…` as written, `www.…` (a scheme left out) as
/// `https://www.…`; `None` for anything else (`javascript:`, `mailto:`, `#t=12`).
pub fn web_url(link: &str) -> Option<String> {
    let lower = link.get(..8).unwrap_or(link).to_ascii_lowercase();
    // The scheme is written canonically (`HTTPS://` → `https://`): one form for every check after.
    if lower.starts_with("https://") {
        Some(format!("https://{}", link.get(8..)?))
    } else if lower.starts_with("http://") {
        Some(format!("http://{}", link.get(7..)?))
    } else if lower.starts_with("www.") {
        Some(format!("https://{link}"))
    } else {
        None
    }
}

/// An autolink `<https://…>` starting at byte `at` of `s` (mp4chaps writes a chapter's link that
/// way): its URL and the byte just past it.
fn autolink_at(s: &str, at: usize) -> Option<(&str, usize)> {
    let rest = s.get(at..)?.strip_prefix('<')?;
    let close = rest.find('>')?;
    let url = &rest[..close];
    let web = url.starts_with("https://") || url.starts_with("http://");
    (web && !url.contains(|c: char| c.is_whitespace() || c == '<'))
        .then_some((url, at + 1 + close + 1))
}

/// Whether `url` points into the episode itself at a moment (`#t=754`, `&t=754s`, `?start=754`):
/// such a seek link marks a time, it is not a chapter's link.
pub fn is_seek_link(url: &str) -> bool {
    let url = url.to_ascii_lowercase();
    ["#t=", "?t=", "&t=", "?start=", "&start="]
        .iter()
        .any(|p| url.contains(p))
}

/// `line` with every seek link `[12:34](…&t=754)` replaced by its text, so the time or entry it
/// labels reads like any other.
pub fn drop_seek_links(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let (mut copied, mut from) = (0, 0);
    while let Some(pos) = line.get(from..).and_then(|r| r.find('[')) {
        let at = from + pos;
        match markdown_link_at(line, at) {
            Some((text, url, end)) if is_seek_link(url) => {
                out.push_str(&line[copied..at]);
                out.push_str(text);
                (copied, from) = (end, end);
            }
            _ => from = at + 1,
        }
    }
    out.push_str(&line[copied..]);
    out
}

/// Replaces Markdown links in a title by their text and drops autolinks `<https://…>`, returning
/// the first web link's URL: the link a podcaster put in a chapter's title is the chapter's link.
pub fn strip_links(title: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(title.len());
    let mut url = None;
    let mut i = 0;
    // A byte scan: both openers are ASCII, and this runs on every title read.
    while let Some(next) = title
        .get(i..)
        .and_then(|r| r.bytes().position(|b| b == b'[' || b == b'<'))
    {
        let at = i + next;
        out.push_str(&title[i..at]);
        let link = match markdown_link_at(title, at) {
            Some((text, link, end)) => Some((text, link, end)),
            None => autolink_at(title, at).map(|(link, end)| ("", link, end)),
        };
        match link {
            Some((text, link, end)) => {
                if text.is_empty() {
                    // An autolink leaves no text: keep one space, not both around it.
                    out.truncate(out.trim_end().len());
                }
                out.push_str(text);
                url = url.or_else(|| web_url(link));
                i = end;
            }
            None => {
                // `[` and `<` are one byte, so `at + 1` is a char boundary.
                out.push_str(&title[at..at + 1]);
                i = at + 1;
            }
        }
    }
    out.push_str(title.get(i..).unwrap_or_default());
    (out, url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_lines_and_links() {
        let html = "<p>Intro&nbsp;text</p><ul><li><a href=\"https://x.io/a?b=1&amp;c=2\">00:00</a> Intro &amp; hello</li><li>05:00 Next</li></ul><script>alert(1)</script><!-- c -->";
        let text = to_text(html);
        let lines: Vec<_> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "Intro text",
                "[00:00](https://x.io/a?b=1&c=2) Intro & hello",
                "05:00 Next"
            ]
        );
    }

    #[test]
    fn table_cells_stay_on_their_rows_line_and_struck_text_is_dropped() {
        let html = "<table><tr><td>00:00</td><td>Intro</td></tr><tr><td>05:10</td><td>Talk</td></tr></table>";
        let lines: Vec<String> = to_text(html)
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines, ["| 00:00 | Intro", "| 05:10 | Talk"]);
        assert_eq!(
            to_text("<p>04:00 <del>Old</del>New <s>x</s><span>y</span> <strike>z</strike>w</p>"),
            "\n04:00 New y w\n"
        );
        assert_eq!(to_text("<p>a <del>never closed</p>"), "\na never closed\n");
    }

    #[test]
    fn plain_text_is_left_alone() {
        assert_eq!(to_text("a < b\r\n(00:00) x"), "a < b\n(00:00) x");
        assert_eq!(to_text("1 <3 cats <unknown>"), "1 <3 cats <unknown>");
    }

    #[test]
    fn unsafe_hrefs_are_dropped() {
        assert_eq!(to_text("<a href='javascript:alert(1)'>x</a>"), "x");
        assert_eq!(to_text("<a href=https://a.b/c>x</a>"), "[x](https://a.b/c)");
    }

    #[test]
    fn links_in_titles() {
        let (t, u) = strip_links("Talking about [Tokio](https://tokio.rs) and [x](y)");
        assert_eq!(t, "Talking about Tokio and x");
        assert_eq!(u.as_deref(), Some("https://tokio.rs"));
        assert_eq!(strip_links("[LIVE] Q&A").0, "[LIVE] Q&A");
    }

    #[test]
    fn links_without_scheme_are_web_links() {
        let (t, u) = strip_links("Syntax is on [YouTube](www.youtube.com/@syntaxfm).");
        assert_eq!(t, "Syntax is on YouTube.");
        assert_eq!(u.as_deref(), Some("https://www.youtube.com/@syntaxfm"));
        assert_eq!(web_url("mailto:a@b.c"), None);
        assert_eq!(to_text("<a href=www.a.b>x</a>"), "[x](https://www.a.b)");
    }

    #[test]
    fn autolinks_become_the_url() {
        let (t, u) = strip_links("Musik: Song (CC-BY 3.0) <https://a.b/song>");
        assert_eq!(t, "Musik: Song (CC-BY 3.0)");
        assert_eq!(u.as_deref(), Some("https://a.b/song"));
        assert_eq!(strip_links("see <https://a.b> now").0, "see now");
        assert_eq!(strip_links("a <b> c <d").0, "a <b> c <d");
    }

    #[test]
    fn web_urls_have_a_canonical_scheme() {
        // Found by fuzzing: a mixed-case scheme was passed on as written.
        assert_eq!(
            web_url("httPs://example.com/t").as_deref(),
            Some("https://example.com/t")
        );
        assert_eq!(web_url("HTTP://x.io").as_deref(), Some("http://x.io"));
        assert_eq!(web_url("www.x.io").as_deref(), Some("https://www.x.io"));
        assert_eq!(web_url("javascript:x"), None);
    }

    #[test]
    fn seek_links_give_their_text() {
        assert_eq!(
            drop_seek_links(
                "**[00:00](#t=00:00)** Hi [x](https://x.io) [1:02 Intro](https://y.t/w?v=a&T=62s)"
            ),
            "**00:00** Hi [x](https://x.io) 1:02 Intro"
        );
        assert!(is_seek_link("https://youtu.be/a?start=5"));
        assert!(!is_seek_link("https://x.io/?tab=1"));
    }
}
