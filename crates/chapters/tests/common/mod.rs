//! Reads `.expected` fixture files: `H:MM:SS[.mmm]<TAB>title[<TAB>url]` a line, `#` comments,
//! and `## list` lines that start another chapter list.

use chapters::timestamp::parse_clock;
use chapters::Chapters;

/// One expected chapter: start in milliseconds, title, link.
pub type Expected = (u64, String, Option<String>);

pub fn parse_expected(text: &str) -> Vec<Vec<Expected>> {
    let mut lists: Vec<Vec<Expected>> = vec![Vec::new()];
    for line in text.lines() {
        if line.starts_with("## list") {
            if !lists.last().is_some_and(Vec::is_empty) {
                lists.push(Vec::new());
            }
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let start = cols.next().unwrap_or_default();
        let ms =
            parse_clock(start).unwrap_or_else(|| panic!("bad start in expected line {line:?}"));
        let title = cols.next().unwrap_or_default().to_string();
        let url = cols.next().map(str::to_string);
        if let Some(list) = lists.last_mut() {
            list.push((ms, title, url));
        }
    }
    lists.retain(|l| !l.is_empty());
    lists
}

pub fn actual(chapters: &Chapters) -> Vec<Expected> {
    chapters
        .iter()
        .map(|c| (c.start_ms, c.title.clone(), c.url.clone()))
        .collect()
}
