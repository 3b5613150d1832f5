//! Show notes made safe to display: each line as text, web links and timestamps, so the player
//! renders text nodes, `http(s)` links and seek buttons — never the notes' own markup.

use super::{markup, stamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    /// A link to a web page; only `http(s)` URLs become links.
    Link {
        text: String,
        url: String,
    },
    /// A time in the episode, shown as written.
    Time {
        ms: u64,
        text: String,
    },
}

/// The notes as non-empty lines of segments.
pub fn lines(notes: &str) -> Vec<Vec<Segment>> {
    markup::to_text(notes)
        .lines()
        .map(markup::drop_seek_links)
        .filter(|l| !l.trim().is_empty())
        .map(|l| segments(l.trim()))
        .collect()
}

fn segments(line: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for stamp in stamp::stamps(line) {
        let (Some(before), Some(span)) =
            (line.get(at..stamp.start), line.get(stamp.start..stamp.end))
        else {
            continue;
        };
        push_text(before, &mut out);
        out.push(Segment::Time {
            ms: stamp.ms,
            text: span
                .trim_matches(|c| matches!(c, '*' | '_' | '`'))
                .to_string(),
        });
        at = stamp.end;
    }
    push_text(line.get(at..).unwrap_or_default(), &mut out);
    out
}

/// Text with its Markdown links (`[text](url)`) and bare web addresses made links.
fn push_text(text: &str, out: &mut Vec<Segment>) {
    let mut rest = text;
    while !rest.is_empty() {
        let next_link = rest
            .find('[')
            .and_then(|i| markup::markdown_link_at(rest, i).map(|l| (i, l)));
        let next_bare = rest.find("https://").or_else(|| rest.find("http://"));
        match (next_link, next_bare) {
            (Some((i, (label, url, end))), bare) if bare.is_none_or(|b| i < b) => {
                push_plain(&rest[..i], out);
                match markup::web_url(url) {
                    Some(url) => out.push(Segment::Link {
                        text: label.to_string(),
                        url,
                    }),
                    None => push_plain(label, out),
                }
                rest = &rest[end..];
            }
            (_, Some(b)) => {
                push_plain(&rest[..b], out);
                let len = rest[b..]
                    .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | ')'))
                    .unwrap_or(rest.len() - b);
                let url = rest[b..b + len].trim_end_matches(['.', ',', ';', ':', '!', '?']);
                out.push(Segment::Link {
                    text: url.to_string(),
                    url: url.to_string(),
                });
                rest = &rest[b + url.len()..];
            }
            _ => {
                push_plain(rest, out);
                rest = "";
            }
        }
    }
}

fn push_plain(text: &str, out: &mut Vec<Segment>) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Segment::Text(t)) => t.push_str(text),
        _ => out.push(Segment::Text(text.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Segment {
        Segment::Text(s.into())
    }

    #[test]
    fn times_links_and_text() {
        let notes = "<p>Intro &amp; <a href=\"https://tokio.rs\">Tokio</a></p><p>(00:12:49) Make the process run code, see https://peps.python.org/pep-0768/.</p>";
        assert_eq!(
            lines(notes),
            vec![
                vec![
                    text("Intro & "),
                    Segment::Link {
                        text: "Tokio".into(),
                        url: "https://tokio.rs".into()
                    }
                ],
                vec![
                    Segment::Time {
                        ms: 769_000,
                        text: "(00:12:49)".into()
                    },
                    text(" Make the process run code, see "),
                    Segment::Link {
                        text: "https://peps.python.org/pep-0768/".into(),
                        url: "https://peps.python.org/pep-0768/".into()
                    },
                    text("."),
                ],
            ]
        );
    }

    #[test]
    fn unsafe_links_and_markup_stay_text() {
        let notes = "[click](javascript:void) <img src=x onerror=alert(1)> at 5:30pm";
        assert_eq!(
            lines(notes),
            vec![vec![text("click <img src=x onerror=alert(1)> at 5:30pm")]]
        );
    }

    #[test]
    fn seek_links_are_times() {
        let segs = lines("[12:34](https://youtu.be/x?t=754) Topic");
        assert_eq!(
            segs[0][0],
            Segment::Time {
                ms: 754_000,
                text: "12:34".into()
            }
        );
    }
}
