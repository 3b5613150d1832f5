//! Podlove Simple Chapters: `<psc:chapters>` with one `<psc:chapter start=".." title=".."/>` per
//! chapter, standalone or inside an RSS item or feed.
//!
//! The reader uses the small tag scanner in `crate::xml` rather than an XML parser: PSC needs
//! only element names and attributes, the scanner tolerates the sloppy markup found in feeds, and
//! it keeps the crate free of dependencies. It reads the first chapters element only, since a
//! whole feed holds one per item.

use crate::entities;
use crate::formats::{Format, ParseError};
use crate::model::{Chapter, Chapters};
use crate::timestamp::{format_hms_millis, parse_clock, parse_seconds, MAX_MS};
use crate::xml::{attr_value, quote, split_name, Item, Scanner, Tag, Unterminated};

/// The PSC namespace, as feeds declare it (sometimes with a trailing slash).
pub const NAMESPACE: &str = "http://podlove.org/simple-chapters";

fn error(message: impl Into<String>) -> ParseError {
    ParseError::new(Format::Psc, message)
}

fn unterminated(e: Unterminated) -> ParseError {
    error(e.to_string())
}

/// Reads the chapters of the first PSC chapters element in `text`.
pub fn read(text: &str) -> Result<Chapters, ParseError> {
    let mut scanner = Scanner::new(text);
    let mut namespaces: Vec<(&str, &str)> = Vec::new();
    loop {
        let Some(item) = scanner.next_item().map_err(unterminated)? else {
            return Err(error("no psc:chapters element"));
        };
        if let Item::Start(tag) = item {
            // Bindings are collected without scoping: feeds declare them once, on the root.
            namespaces.extend(tag.attrs.iter().filter_map(|&(name, uri)| {
                let prefix = match name.strip_prefix("xmlns") {
                    Some("") => "",
                    Some(rest) => rest.strip_prefix(':')?,
                    None => return None,
                };
                Some((prefix, uri.trim()))
            }));
            let (prefix, local) = split_name(tag.name);
            if local == "chapters" && is_psc(prefix, &namespaces) {
                if tag.self_closing {
                    return Ok(Chapters::default());
                }
                break;
            }
        }
    }

    let mut list = Vec::new();
    loop {
        match scanner.next_item().map_err(unterminated)? {
            None => return Err(error("unterminated psc:chapters element")),
            Some(Item::End(name)) if split_name(name).1 == "chapters" => break,
            Some(Item::Start(tag)) if split_name(tag.name).1 == "chapter" => {
                list.push(chapter(&tag, list.len() + 1)?);
            }
            Some(_) => {}
        }
    }
    Ok(Chapters::new(list))
}

/// Writes a standalone PSC document. Hidden chapters are written too: PSC has no way to keep a
/// chapter out of the table of contents, and they are still seek points.
pub fn write(chapters: &Chapters) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<psc:chapters version=\"1.2\" xmlns:psc=\"{NAMESPACE}\">\n"
    );
    for c in chapters {
        out.push_str("  <psc:chapter start=\"");
        out.push_str(&format_hms_millis(c.start_ms));
        out.push_str("\" title=\"");
        out.push_str(&attr_escape(&c.title));
        out.push('"');
        for (name, value) in [("href", &c.url), ("image", &c.image)] {
            if let Some(value) = value {
                out.push(' ');
                out.push_str(name);
                out.push_str("=\"");
                out.push_str(&attr_escape(value));
                out.push('"');
            }
        }
        out.push_str("/>\n");
    }
    out.push_str("</psc:chapters>\n");
    out
}

/// Whether a `chapters` element with this prefix is PSC: bound to the PSC namespace, or unbound
/// (a snippet cut out of a feed) unless it is Podcasting 2.0's `<podcast:chapters url=".."/>`,
/// which sits next to PSC in many feeds.
fn is_psc(prefix: &str, namespaces: &[(&str, &str)]) -> bool {
    match namespaces.iter().rev().find(|(p, _)| *p == prefix) {
        Some((_, uri)) => uri.trim_end_matches('/') == NAMESPACE,
        None => prefix != "podcast",
    }
}

/// One chapter element; `n` counts chapters from 1 for error messages.
fn chapter(tag: &Tag, n: usize) -> Result<Chapter, ParseError> {
    let get = |name: &str| {
        tag.attrs
            .iter()
            .find(|(key, _)| *key == name)
            .map(|&(_, raw)| attr_value(raw))
    };
    let start = get("start").ok_or_else(|| error(format!("chapter {n} has no start")))?;
    let start_ms = parse_npt(start.trim())
        .ok_or_else(|| error(format!("chapter {n}: bad start {}", quote(&start))))?;
    let title = get("title").ok_or_else(|| error(format!("chapter {n} has no title")))?;
    let optional = |name: &str| get(name).filter(|v| !v.trim().is_empty());
    Ok(Chapter {
        start_ms,
        title,
        url: optional("href"),
        image: optional("image"),
        ..Chapter::default()
    })
}

/// Normal play time as PSC specifies it: `HH:MM:SS`, `MM:SS` or plain seconds, each with an
/// optional fraction (`1:02:03.5`, `62:03`, `3723.250`); further fraction digits are ignored.
fn parse_npt(s: &str) -> Option<u64> {
    if let Some((hours, rest)) = s.split_once(':').filter(|(_, rest)| rest.contains(':')) {
        // Any number of hour digits, so that everything up to `MAX_MS` (`1000:00:00`) reads.
        if hours.is_empty() || !hours.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let hours: u64 = hours.parse().ok()?;
        let rest = parse_clock(&format!("0:{rest}"))?;
        return hours
            .checked_mul(3_600_000)?
            .checked_add(rest)
            .filter(|&ms| ms <= MAX_MS);
    }
    if s.contains(':') {
        return parse_clock(s);
    }
    parse_seconds(s)
}

/// Escapes an attribute value so that [`attr_value`] gives back exactly `s`: whitespace the reader
/// would normalize or trim is written as character references.
fn attr_escape(s: &str) -> String {
    let inner = s.trim_matches(' ');
    if inner.is_empty() {
        return "&#32;".repeat(s.len());
    }
    let leading = s.len() - s.trim_start_matches(' ').len();
    let trailing = s.len() - s.trim_end_matches(' ').len();
    let escaped = entities::escape(inner)
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;");
    format!(
        "{}{escaped}{}",
        "&#32;".repeat(leading),
        "&#32;".repeat(trailing)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{starts, titles};

    fn err(text: &str) -> String {
        match read(text) {
            Ok(c) => panic!("expected an error, got {c:?}"),
            Err(e) => {
                assert_eq!(e.format, Format::Psc);
                e.message
            }
        }
    }

    /// Shaped like the feed Podlove Publisher generates: PSC next to Podcasting 2.0 chapters,
    /// HTML show notes in CDATA, two items.
    const FEED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet href="/feed.xsl" type="text/xsl"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:psc="http://podlove.org/simple-chapters"
     xmlns:podcast="https://podcastindex.org/namespace/1.0">
  <channel>
    <title>Example Cast</title>
    <!-- <psc:chapters><psc:chapter start="0" title="commented out"/></psc:chapters> -->
    <item>
      <title>EC042 Chapters &amp; More</title>
      <podcast:chapters url="https://example.org/ec042.json" type="application/json+chapters"/>
      <content:encoded><![CDATA[<p>Show notes with <psc:chapters> in them & a > b</p>]]></content:encoded>
      <psc:chapters version="1.2">
        <psc:chapter start="00:00:00.000" title="Intro" />
        <psc:chapter start="00:01:23.456" title="News &amp; &quot;Views&quot;"
                     href="https://example.org/news?a=1&amp;b=2" image="https://example.org/news.jpg"/>
        <psc:chapter title='Interview with O&apos;Brien' start='00:25:10'/>
        <!-- <psc:chapter start="00:30:00" title="dropped in editing"/> -->
        <psc:chapter start="1:02:03.5" title="Outro &#8212; &#x1F44B;" href=""/>
      </psc:chapters>
    </item>
    <item>
      <title>EC041</title>
      <psc:chapters version="1.2"><psc:chapter start="0" title="Other episode"/></psc:chapters>
    </item>
  </channel>
</rss>
"#;

    #[test]
    fn reads_the_first_item_of_a_feed() {
        let c = read(FEED).unwrap();
        assert_eq!(starts(&c), [0, 83_456, 1_510_000, 3_723_500]);
        assert_eq!(
            titles(&c),
            [
                "Intro",
                "News & \"Views\"",
                "Interview with O'Brien",
                "Outro — 👋"
            ]
        );
        let news = c.get(1).unwrap();
        assert_eq!(
            news.url.as_deref(),
            Some("https://example.org/news?a=1&b=2")
        );
        assert_eq!(news.image.as_deref(), Some("https://example.org/news.jpg"));
        // An empty href is no link.
        assert_eq!(c.get(3).unwrap().url, None);
        assert!(c.iter().all(|c| c.end_ms.is_none() && !c.hidden));
    }

    #[test]
    fn reads_an_item_snippet_without_declarations() {
        let item =
            "<item>\n<podcast:chapters url=\"x.json\" type=\"application/json+chapters\" />\n\
            <psc:chapters version=\"1.2\">\n<psc:chapter start=\"0\" title=\"A\"/>\n\
            <psc:chapter start=\"90\" title=\"B\"></psc:chapter>\n</psc:chapters>\n</item>";
        let c = read(item).unwrap();
        assert_eq!(titles(&c), ["A", "B"]);
        assert_eq!(starts(&c), [0, 90_000]);
    }

    #[test]
    fn any_prefix_or_the_default_namespace() {
        for doc in [
            "<chapters xmlns=\"http://podlove.org/simple-chapters\"><chapter start=\"5\" title=\"A\"/></chapters>",
            "<sc:chapters xmlns:sc='http://podlove.org/simple-chapters/'><sc:chapter start='5' title='A'/></sc:chapters>",
            "<chapters><chapter start=\"5\" title=\"A\"/></chapters>",
            "\u{feff}<?xml version='1.0'?><!DOCTYPE chapters [<!ENTITY x \"<y>\">]>\r\n<chapters\r\n  version=\"1.2\"\r\n>\r\n  <chapter\r\n    title = \"A\"\r\n    start\t=\t\"00:05\"\r\n  />\r\n</chapters>\r\n",
        ] {
            let c = read(doc).unwrap_or_else(|e| panic!("{doc}: {e}"));
            assert_eq!(c, Chapters::new(vec![Chapter::new(5_000, "A")]), "{doc}");
        }
        // Bound to another namespace, a `chapters` element is not PSC.
        assert_eq!(
            err("<chapters xmlns=\"urn:other\"><chapter start=\"5\" title=\"A\"/></chapters>"),
            "no psc:chapters element"
        );
    }

    #[test]
    fn start_times() {
        let doc = |start: &str| {
            format!("<psc:chapters><psc:chapter start=\"{start}\" title=\"t\"/></psc:chapters>")
        };
        for (start, ms) in [
            ("00:00:00", 0),
            ("01:02:03.456", 3_723_456),
            ("1:02:03.5", 3_723_500),
            ("62:03", 3_723_000),
            ("02:03.25", 123_250),
            ("3723", 3_723_000),
            ("3723.5", 3_723_500),
            ("3723.", 3_723_000),
            ("0.0019", 1),
            (" 12 ", 12_000),
            ("3600000", 3_600_000_000),
            ("1000:00:00.000", 3_600_000_000),
            ("0001:00:00", 3_600_000),
        ] {
            assert_eq!(starts(&read(&doc(start)).unwrap()), [ms], "{start}");
        }
        for bad in [
            "",
            "1:xx",
            "-5",
            "+5",
            ".5",
            "1e3",
            "1:2:3",
            "3600001",
            "99999999999999999999999",
            "1,5",
            "1000:00:00.001",
            "1:60:00",
            ":01:00",
            "1:02:03:04",
        ] {
            assert_eq!(
                err(&doc(bad)),
                format!("chapter 1: bad start {bad:?}"),
                "{bad}"
            );
        }
    }

    #[test]
    fn out_of_order_chapters_are_sorted() {
        let c = read(
            "<psc:chapters><psc:chapter start=\"00:10:00\" title=\"C\"/><psc:chapter start=\"0\" title=\"A\"/>\
             <psc:chapter start=\"00:05:00\" title=\"B\"/><psc:chapter start=\"300\" title=\"B again\"/></psc:chapters>",
        )
        .unwrap();
        assert_eq!(titles(&c), ["A", "B", "C"]);
    }

    #[test]
    fn errors() {
        assert_eq!(err(""), "no psc:chapters element");
        assert_eq!(
            err("<rss><item><title>x</title></item></rss>"),
            "no psc:chapters element"
        );
        assert_eq!(
            err("<podcast:chapters url=\"c.json\"/>"),
            "no psc:chapters element"
        );
        assert_eq!(
            err("<psc:chapters><psc:chapter start=\"0\" title=\"A\"/><psc:chapter title=\"B\"/></psc:chapters>"),
            "chapter 2 has no start"
        );
        assert_eq!(
            err("<psc:chapters>\n<psc:chapter start=\"0\" title=\"A\"/>\n<psc:chapter start=\"1\" title=\"B\"/>\n<psc:chapter start=\"1:xx\" title=\"C\"/></psc:chapters>"),
            "chapter 3: bad start \"1:xx\""
        );
        assert_eq!(
            err("<psc:chapters><psc:chapter start=\"0\" href=\"x\"/></psc:chapters>"),
            "chapter 1 has no title"
        );
        assert_eq!(
            err("<psc:chapters>\n  <psc:chapter start=\"0\" title=\"A\"/>\n  <psc:chapter start=\"1\" title=\"B"),
            "line 3: unterminated markup \"<psc:chapter start=\\\"1\\\" title=\\\"B\""
        );
        assert_eq!(
            err("<psc:chapters><psc:chapter start=\"0\" title=\"A\"/"),
            "line 1: unterminated markup \"<psc:chapter start=\\\"0\\\" title=\\\"A\\\"/\""
        );
        assert_eq!(
            err("<psc:chapters><psc:chapter start=\"0\" title=\"A\"/>"),
            "unterminated psc:chapters element"
        );
        assert_eq!(
            err("<rss>\n<!-- never closed"),
            "line 2: unterminated markup \"<!-- never closed\""
        );
        assert_eq!(
            err("<![CDATA[ x"),
            "line 1: unterminated markup \"<![CDATA[ x\""
        );
        assert_eq!(
            err("<?xml version"),
            "line 1: unterminated markup \"<?xml version\""
        );
        assert_eq!(
            err("<psc:chapters></psc:chapters"),
            "line 1: unterminated markup \"</psc:chapters\""
        );
    }

    #[test]
    fn empty_chapters_element() {
        assert_eq!(
            read("<psc:chapters version=\"1.2\"/>"),
            Ok(Chapters::default())
        );
        assert_eq!(
            read("<psc:chapters></psc:chapters>"),
            Ok(Chapters::default())
        );
    }

    #[test]
    fn lenient_markup() {
        // Unquoted values, a valueless attribute, stray characters, `<` in text, odd entities.
        let c = read(
            "a < b <psc:chapters flag><psc:chapter / start=5 title=\"x &bogus; &ééééééééé; AT&T\n  y\" href=''/>\
             <psc:chapter start=6 title=\"z\" / ></psc:chapters>",
        )
        .unwrap();
        assert_eq!(titles(&c), ["x &bogus; &ééééééééé; AT&T   y", "z"]);
        assert_eq!(c.get(0).unwrap().url, None);
    }

    #[test]
    fn writes_psc() {
        let mut b = Chapter::new(83_456, "B & \"quoted\" <tag>");
        b.url = Some("https://example.org/?a=1&b=2".into());
        b.image = Some("https://example.org/b.jpg".into());
        b.hidden = true;
        let c = Chapters::new(vec![Chapter::new(0, "A"), b]);
        assert_eq!(
            write(&c),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <psc:chapters version=\"1.2\" xmlns:psc=\"http://podlove.org/simple-chapters\">\n  \
             <psc:chapter start=\"00:00:00.000\" title=\"A\"/>\n  \
             <psc:chapter start=\"00:01:23.456\" title=\"B &amp; &quot;quoted&quot; &lt;tag&gt;\" \
             href=\"https://example.org/?a=1&amp;b=2\" image=\"https://example.org/b.jpg\"/>\n\
             </psc:chapters>\n"
        );
        assert_eq!(
            write(&Chapters::default()),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<psc:chapters version=\"1.2\" xmlns:psc=\"http://podlove.org/simple-chapters\">\n</psc:chapters>\n"
        );
    }

    #[test]
    fn round_trip() {
        let mut linked = Chapter::new(83_456, "News & \"Views\" <b>'s");
        linked.url = Some("https://example.org/?a=1&b=2".into());
        linked.image = Some("https://example.org/x.jpg".into());
        let mut image_only = Chapter::new(200_000, "Picture");
        image_only.image = Some("https://example.org/p.png".into());
        let original = Chapters::new(vec![
            Chapter::new(0, "Intro"),
            linked,
            image_only,
            Chapter::new(300_000, "  spaced\tout\nlines\r\n "),
            Chapter::new(400_000, ""),
            Chapter::new(500_000, "   "),
            Chapter::new(3_600_000_000, "Ünïcödé &amp; 😀 &ééééééééé;"),
        ]);
        assert_eq!(read(&write(&original)).unwrap(), original);

        // Hidden is the one thing PSC cannot carry; ends are not part of PSC either.
        let mut hidden = Chapter::new(0, "Hidden");
        hidden.hidden = true;
        hidden.end_ms = Some(5_000);
        assert_eq!(
            read(&write(&Chapters::new(vec![hidden]))).unwrap(),
            Chapters::new(vec![Chapter::new(0, "Hidden")])
        );
    }

    /// Whatever `read` accepts must survive being written and read again unchanged.
    fn check(text: &str) {
        if let Ok(c) = read(text) {
            let again = read(&write(&c)).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(again, c, "{text:?}");
        }
    }

    #[test]
    fn never_panics() {
        let docs = [
            FEED.to_string(),
            FEED.replace('\n', "\r\n"),
            "<!DOCTYPE x [<!ENTITY a 'b'>]><chapters xmlns='http://podlove.org/simple-chapters'><chapter start=1.5 title='é&#233;&eacute;&ééé;' image=\"i\" flag/></chapters>".to_string(),
        ];
        for doc in &docs {
            for len in 0..=doc.len() {
                check(&String::from_utf8_lossy(&doc.as_bytes()[..len]));
            }
        }
        let tokens: [&[u8]; 14] = [
            b"<",
            b">",
            b"/>",
            b"\"",
            b"'",
            b"=",
            b"&",
            b";",
            b"<!--",
            b"-->",
            b"]]>",
            b":",
            "é".as_bytes(),
            b"\xff",
        ];
        let docs: Vec<&str> = docs.iter().map(|d| d.as_ref()).collect();
        crate::test_support::text_mutations(&docs, &tokens, 5000, check);
    }
}
