//! Parse throughput: the show-notes extractor on the seed page and on a generated ~1 MB
//! description, and the JSON and WebVTT readers on 500-chapter files made by their writers.
//!
//! `cargo bench -p chapters --bench parse`; add `-- --warm-up-time 1 --measurement-time 3` for a
//! quick run.

use chapters::formats::{json, vtt};
use chapters::notes;
use chapters::timestamp::{format_hms, format_hms_whole};
use chapters::{Chapter, Chapters};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const SEED: &str = include_str!("../tests/fixtures/seed.txt");

/// xorshift64*: the generated inputs are the same on every run and every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "a",
    "we",
    "talk",
    "about",
    "Python",
    "memory",
    "allocator",
    "garbage",
    "collection",
    "and",
    "why",
    "it",
    "is",
    "hard",
    "episode",
    "guest",
    "interview",
    "with",
    "reference",
    "counting",
    "free",
    "threading",
    "performance",
    "release",
    "news",
    "listener",
    "mail",
    "café",
    "naïve",
    "über",
    "日本語",
    "really",
    "actually",
    "bet",
    "PEP",
    "interpreter",
    "compiler",
];

/// Sentences of prose, now and then mentioning a time the way prose does (`at 12:34`, `5:30pm`).
fn prose(rng: &mut Rng, sentences: usize) -> String {
    let mut out = String::new();
    for _ in 0..sentences {
        let n = 6 + rng.below(14);
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            match rng.below(40) {
                0 => out.push_str(&format!("at {}:{:02}", rng.below(60), rng.below(60))),
                1 => out.push_str(&format!("{}:{:02}pm", 1 + rng.below(12), rng.below(60))),
                2 => out.push_str(&format!("John {}:{}", 1 + rng.below(20), 1 + rng.below(30))),
                _ => out.push_str(rng.pick(WORDS)),
            }
        }
        out.push_str(". ");
    }
    out
}

fn title(rng: &mut Rng) -> String {
    let n = 1 + rng.below(7);
    let mut t: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
    if rng.below(5) == 0 {
        t.insert(0, "PART 1:");
    }
    t.join(" ")
}

/// Increasing chapter starts for one episode of up to two hours.
fn starts(rng: &mut Rng, n: usize) -> Vec<u64> {
    let mut ms = 0;
    (0..n)
        .map(|_| {
            let at = ms;
            ms += 30_000 + rng.below(600_000) as u64;
            at
        })
        .collect()
}

/// A one-per-line list, in one of the common forms.
fn line_list(rng: &mut Rng) -> String {
    let n = 5 + rng.below(30);
    let form = rng.below(4);
    let mut out = String::from(rng.pick(&["Timestamps:\n", "## Chapters\n", "Show notes\n"]));
    for ms in starts(rng, n) {
        let t = title(rng);
        let line = match form {
            0 => format!("({}) {t}\n", format_hms_whole(ms)),
            1 => format!("- **{}** — {t}\n", format_hms(ms)),
            2 => format!("{t} ({})\n", format_hms_whole(ms)),
            _ => format!("{}. {} | {t}\n", rng.below(99), format_hms_whole(ms)),
        };
        out.push_str(&line);
    }
    out
}

/// A list whose line breaks were lost, as pasted from some podcast pages.
fn run_together_list(rng: &mut Rng) -> String {
    let n = 5 + rng.below(30);
    let mut out = String::from("## Timestamps");
    for ms in starts(rng, n) {
        out.push_str(&format!("({}) {}", format_hms_whole(ms), title(rng)));
    }
    out.push('\n');
    out
}

/// HTML paragraphs and a list with emphasised times, links and character references.
fn html(rng: &mut Rng) -> String {
    let mut out = format!("<p>{}</p>\n<ul>", prose(rng, 2).replace('é', "&eacute;"));
    let n = 3 + rng.below(20);
    for ms in starts(rng, n) {
        out.push_str(&format!(
            "<li><b>{}</b> &ndash; <a href=\"https://example.com/{}\">{}</a></li>",
            format_hms_whole(ms),
            rng.below(1000),
            title(rng)
        ));
    }
    out.push_str("</ul>\n");
    out
}

/// About `len` bytes of show notes: prose paragraphs, one-per-line lists, run-together lists
/// and HTML paragraphs, in a deterministic mix.
fn description(len: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = String::with_capacity(len + 4096);
    while out.len() < len {
        let block = match rng.below(8) {
            0..=3 => {
                let sentences = 2 + rng.below(8);
                prose(&mut rng, sentences)
            }
            4 | 5 => line_list(&mut rng),
            6 => run_together_list(&mut rng),
            _ => html(&mut rng),
        };
        out.push_str(&block);
        out.push('\n');
    }
    out
}

/// 500 chapters with every field in use now and then, as the writers see them in practice.
fn five_hundred_chapters() -> Chapters {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let list = (0..500u64)
        .map(|n| {
            let mut c = Chapter::new(n * 7_250 + rng.below(1000) as u64, title(&mut rng));
            if n % 3 == 0 {
                c.url = Some(format!("https://example.com/chapter/{n}"));
            }
            if n % 7 == 0 {
                c.image = Some(format!("https://example.com/img/{n}.jpg"));
            }
            if n % 5 == 0 {
                c.end_ms = Some(c.start_ms + 5_000);
            }
            c.hidden = n % 11 == 0;
            c
        })
        .collect();
    Chapters::new(list)
}

fn notes_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("notes");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("extract_lists/seed", |b| {
        b.iter(|| notes::extract_lists(black_box(SEED)))
    });

    let big = description(1 << 20);
    assert!(
        !notes::extract_lists(&big).is_empty(),
        "the generated description holds chapter lists"
    );
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.sample_size(10);
    group.bench_function("extract/1MB", |b| {
        b.iter(|| notes::extract(black_box(&big)))
    });
    group.finish();
}

fn format_benches(c: &mut Criterion) {
    let chapters = five_hundred_chapters();
    let json_text = json::write(&chapters);
    let vtt_text = vtt::write(&chapters);
    assert_eq!(json::read(&json_text).map(|c| c.len()), Ok(500));
    assert_eq!(vtt::read(&vtt_text).map(|c| c.len()), Ok(500));

    let mut group = c.benchmark_group("formats");
    group.throughput(Throughput::Bytes(json_text.len() as u64));
    group.bench_function("json::read/500", |b| {
        b.iter(|| json::read(black_box(&json_text)))
    });
    group.throughput(Throughput::Bytes(vtt_text.len() as u64));
    group.bench_function("vtt::read/500", |b| {
        b.iter(|| vtt::read(black_box(&vtt_text)))
    });
    group.finish();
}

criterion_group!(benches, notes_benches, format_benches);
criterion_main!(benches);
