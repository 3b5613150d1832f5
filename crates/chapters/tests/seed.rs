//! The document the project grew from: a podcast's episode page with five episodes' show notes,
//! some one timestamp per line, some run together on one line, with durations between episodes.

mod common;

use chapters::notes::{extract, extract_lists};
use common::{actual, parse_expected};

const SEED: &str = include_str!("fixtures/seed.txt");
const EXPECTED: &str = include_str!("fixtures/seed.expected");

#[test]
fn the_whole_page_holds_five_lists_of_exact_chapters() {
    let expected = parse_expected(EXPECTED);
    let lists = extract_lists(SEED);
    let counts: Vec<usize> = lists.iter().map(|l| l.len()).collect();
    assert_eq!(counts, [23, 34, 31, 28, 36]);
    for (got, want) in lists.iter().zip(&expected) {
        assert_eq!(&actual(got), want);
    }
}

#[test]
fn each_episode_on_its_own_gives_its_chapters() {
    let expected = parse_expected(EXPECTED);
    let episodes: Vec<&str> = SEED.split("--------").collect();
    assert_eq!(episodes.len(), 5);
    for (notes, want) in episodes.iter().zip(&expected) {
        assert_eq!(&actual(&extract(notes)), want);
    }
}

#[test]
fn durations_between_episodes_are_not_chapters() {
    let all: Vec<u64> = extract_lists(SEED)
        .iter()
        .flat_map(|l| l.iter().map(|c| c.start_ms).collect::<Vec<_>>())
        .collect();
    for duration in ["1:44:20", "2:07:21", "1:39:07", "1:45:06"] {
        let ms = chapters::timestamp::parse_clock(duration).unwrap_or_default();
        assert!(!all.contains(&ms), "{duration} became a chapter");
    }
}

#[test]
fn the_page_as_html_gives_the_same_chapters() {
    let html: String = SEED
        .lines()
        .map(|l| {
            format!(
                "<p>{}</p>\n",
                l.replace('&', "&amp;").replace('\'', "&#39;")
            )
        })
        .collect();
    let got: Vec<usize> = extract_lists(&html).iter().map(|l| l.len()).collect();
    assert_eq!(got, [23, 34, 31, 28, 36]);
    assert_eq!(
        actual(&extract_lists(&html)[0]),
        parse_expected(EXPECTED)[0]
    );
}
