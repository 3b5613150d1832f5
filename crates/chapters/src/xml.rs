//! A small, lenient XML tag scanner shared by the PSC and RSS feed readers.
//!
//! Not an XML parser: it yields start tags, end tags, text and CDATA in document order and leaves
//! structure to the caller. Feeds in the wild are often not well-formed, and a scanner that
//! tolerates that keeps the crate free of dependencies. Comments, processing instructions and
//! declarations are skipped; markup left open at the end of the text is an error.

use crate::entities;
use std::fmt;

/// A start tag: its name as written, raw attribute values, and whether it closed itself.
pub struct Tag<'a> {
    pub name: &'a str,
    pub attrs: Vec<(&'a str, &'a str)>,
    pub self_closing: bool,
}

impl Tag<'_> {
    /// The decoded value of an attribute, its name matched ASCII-case-insensitively.
    pub fn attr(&self, name: &str) -> Option<String> {
        self.attrs
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|&(_, raw)| attr_value(raw))
    }
}

pub enum Item<'a> {
    Start(Tag<'a>),
    /// An end tag's name.
    End(&'a str),
    /// Text as written, references not yet decoded. A `<` that starts no markup is text too.
    Text(&'a str),
    /// The inside of a CDATA section.
    CData(&'a str),
}

/// Markup that never ends: a comment, CDATA section, tag or declaration cut off by the end of the
/// text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unterminated<'a> {
    /// Line of the markup's `<`, from 1.
    pub line: usize,
    /// The text from that `<` on.
    pub markup: &'a str,
}

impl fmt::Display for Unterminated<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}: unterminated markup {}",
            self.line,
            quote(self.markup)
        )
    }
}

/// Walks the items of a document.
pub struct Scanner<'a> {
    text: &'a str,
    rest: &'a str,
    item_start: usize,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Characters that end a tag or attribute name.
fn ends_name(c: char) -> bool {
    is_space(c) || matches!(c, '=' | '>' | '/' | '"' | '\'' | '<')
}

impl<'a> Scanner<'a> {
    pub fn new(text: &'a str) -> Self {
        Scanner {
            text,
            rest: text,
            item_start: 0,
        }
    }

    /// Byte offset just past the last item returned.
    pub fn position(&self) -> usize {
        self.offset(self.rest)
    }

    /// Byte offset where the last item returned starts, so callers can cut out raw markup.
    pub fn item_start(&self) -> usize {
        self.item_start
    }

    pub fn next_item(&mut self) -> Result<Option<Item<'a>>, Unterminated<'a>> {
        loop {
            self.item_start = self.position();
            let Some(lt) = self.rest.find('<') else {
                let text = std::mem::take(&mut self.rest);
                return Ok((!text.is_empty()).then_some(Item::Text(text)));
            };
            if lt > 0 {
                let (text, rest) = self.rest.split_at_checked(lt).unwrap_or((self.rest, ""));
                self.rest = rest;
                return Ok(Some(Item::Text(text)));
            }
            let after = self.rest.get(1..).unwrap_or_default();
            let skip_to = |rest: &'a str, opening: &str, closing: &str| {
                rest.strip_prefix(opening)
                    .and_then(|r| r.split_once(closing))
            };
            if after.starts_with("!--") {
                self.rest = skip_to(after, "!--", "-->")
                    .ok_or_else(|| self.unterminated())?
                    .1;
            } else if after.starts_with("![CDATA[") {
                let (inner, tail) =
                    skip_to(after, "![CDATA[", "]]>").ok_or_else(|| self.unterminated())?;
                self.rest = tail;
                return Ok(Some(Item::CData(inner)));
            } else if after.starts_with('?') {
                self.rest = skip_to(after, "?", "?>")
                    .ok_or_else(|| self.unterminated())?
                    .1;
            } else if let Some(decl) = after.strip_prefix('!') {
                self.rest = skip_declaration(decl).ok_or_else(|| self.unterminated())?;
            } else if let Some(end) = after.strip_prefix('/') {
                let (name, tail) = end.split_once('>').ok_or_else(|| self.unterminated())?;
                self.rest = tail;
                return Ok(Some(Item::End(name.trim_end_matches(is_space))));
            } else if after.starts_with(|c: char| !ends_name(c)) {
                let (tag, tail) = start_tag(after).ok_or_else(|| self.unterminated())?;
                self.rest = tail;
                return Ok(Some(Item::Start(tag)));
            } else {
                let lt = self.rest.get(..1).unwrap_or_default();
                self.rest = after;
                return Ok(Some(Item::Text(lt)));
            }
        }
    }

    /// Byte offset of `rest` (a tail of the text) in the text.
    fn offset(&self, rest: &str) -> usize {
        self.text.len().saturating_sub(rest.len())
    }

    /// The error for the markup at `item_start`.
    fn unterminated(&self) -> Unterminated<'a> {
        let open = self.item_start;
        let before = self.text.get(..open).unwrap_or_default();
        Unterminated {
            line: before.matches('\n').count() + 1,
            markup: self.text.get(open..).unwrap_or_default(),
        }
    }
}

/// Parses `name attr="v" attr='v' attr=v attr>` after the `<`; `None` at the end of the text.
fn start_tag(after_lt: &str) -> Option<(Tag<'_>, &str)> {
    let name_end = after_lt.find(ends_name).unwrap_or(after_lt.len());
    let (name, mut rest) = after_lt.split_at_checked(name_end)?;
    let mut attrs = Vec::new();
    loop {
        rest = rest.trim_start_matches(is_space);
        for (close, self_closing) in [("/>", true), (">", false)] {
            if let Some(tail) = rest.strip_prefix(close) {
                let tag = Tag {
                    name,
                    attrs,
                    self_closing,
                };
                return Some((tag, tail));
            }
        }
        let mut chars = rest.chars();
        let first = chars.next()?;
        if ends_name(first) {
            // Stray `/`, `=`, quote or `<`: not an attribute; step over it.
            rest = chars.as_str();
            continue;
        }
        let attr_end = rest.find(ends_name).unwrap_or(rest.len());
        let (attr, tail) = rest.split_at_checked(attr_end)?;
        rest = tail;
        let Some(value_part) = rest.trim_start_matches(is_space).strip_prefix('=') else {
            attrs.push((attr, ""));
            continue;
        };
        let value_part = value_part.trim_start_matches(is_space);
        let (value, tail) = match value_part.chars().next() {
            Some(q @ ('"' | '\'')) => value_part.get(1..)?.split_once(q)?,
            _ => {
                let end = value_part
                    .find(|c: char| is_space(c) || c == '>')
                    .unwrap_or(value_part.len());
                value_part.split_at_checked(end)?
            }
        };
        attrs.push((attr, value));
        rest = tail;
    }
}

/// Skips `<!DOCTYPE ...>` (after the `!`), including an internal subset in brackets.
fn skip_declaration(decl: &str) -> Option<&str> {
    let mut depth = 0usize;
    for (at, c) in decl.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '>' if depth == 0 => return decl.get(at + 1..),
            _ => {}
        }
    }
    None
}

/// `psc:chapter` → (`psc`, `chapter`); `chapter` → (``, `chapter`).
pub fn split_name(name: &str) -> (&str, &str) {
    name.split_once(':').unwrap_or(("", name))
}

/// An attribute value as text: XML turns literal tabs and line breaks into spaces, the
/// surrounding spaces are layout, and references are decoded.
pub fn attr_value(raw: &str) -> String {
    entities::decode(raw.replace(['\t', '\n', '\r'], " ").trim_matches(' '))
}

/// Text for an error message: quoted, and cut short so a huge value cannot flood the message.
pub fn quote(s: &str) -> String {
    crate::quote::quote(s, 40)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items as short strings: `<name a=v/>`, `</name>`, `"text"`, `[cdata]`.
    fn items(text: &str) -> Result<Vec<String>, String> {
        let mut scanner = Scanner::new(text);
        let mut out = Vec::new();
        while let Some(item) = scanner.next_item().map_err(|e| e.to_string())? {
            out.push(match item {
                Item::Start(t) => {
                    let attrs: String = t.attrs.iter().map(|(k, v)| format!(" {k}={v}")).collect();
                    let close = if t.self_closing { "/" } else { "" };
                    format!("<{}{attrs}{close}>", t.name)
                }
                Item::End(n) => format!("</{n}>"),
                Item::Text(t) => format!("{t:?}"),
                Item::CData(c) => format!("[{c}]"),
            });
        }
        Ok(out)
    }

    #[test]
    fn yields_tags_text_and_cdata_in_order() {
        assert_eq!(
            items("<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'b'>]><a x='1' y=2 z>t &amp; a < b<!-- c --><![CDATA[<b>]]><c/></a >").unwrap(),
            ["<a x=1 y=2 z=>", "\"t &amp; a \"", "\"<\"", "\" b\"", "[<b>]", "<c/>", "</a>"]
        );
    }

    #[test]
    fn spans_cut_out_raw_markup() {
        let text = "ab<!-- x --><tag k=\"v\">";
        let mut s = Scanner::new(text);
        assert!(matches!(s.next_item(), Ok(Some(Item::Text("ab")))));
        assert!(matches!(s.next_item(), Ok(Some(Item::Start(_)))));
        assert_eq!(&text[s.item_start()..s.position()], "<tag k=\"v\">");
    }

    #[test]
    fn unterminated_markup_names_its_line() {
        assert_eq!(
            items("<a>\n<![CDATA[ x").unwrap_err(),
            "line 2: unterminated markup \"<![CDATA[ x\""
        );
    }

    #[test]
    fn attributes_are_decoded_and_found_in_any_case() {
        let mut s = Scanner::new("<e URL=' a?b=1&amp;c=2\n' t=\"&ééééééééé;\"/>");
        let Ok(Some(Item::Start(tag))) = s.next_item() else {
            panic!("no start tag");
        };
        assert_eq!(tag.attr("url").as_deref(), Some("a?b=1&c=2"));
        assert_eq!(tag.attr("t").as_deref(), Some("&ééééééééé;"));
        assert_eq!(tag.attr("missing"), None);
    }
}
