//! Test support shared by the parsers' tests: reading results back, and deterministic mutations
//! of valid documents — bytes changed, removed, inserted, and syntax tokens spliced in — the edits
//! that reach a parser's corners, in every test run.

use crate::model::Chapters;

pub fn titles(c: &Chapters) -> Vec<&str> {
    c.iter().map(|c| c.title.as_str()).collect()
}

pub fn starts(c: &Chapters) -> Vec<u64> {
    c.iter().map(|c| c.start_ms).collect()
}

/// xorshift64*: deterministic pseudo-random numbers without a dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Calls `check` with `rounds` mutated copies of `docs`, as text (invalid UTF-8 made lossy).
pub fn text_mutations(docs: &[&str], tokens: &[&[u8]], rounds: usize, mut check: impl FnMut(&str)) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..rounds {
        let mut bytes = docs[rng.below(docs.len())].as_bytes().to_vec();
        for _ in 0..=rng.below(8) {
            let at = rng.below(bytes.len() + 1);
            match rng.below(4) {
                0 if at < bytes.len() => bytes[at] = rng.next() as u8,
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                2 => bytes.insert(at, rng.next() as u8),
                _ => {
                    let token = tokens[rng.below(tokens.len())];
                    bytes.splice(at..at, token.iter().copied());
                }
            }
        }
        check(&String::from_utf8_lossy(&bytes));
    }
}
