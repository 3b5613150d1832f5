//! Podcast feeds: any bytes must give a feed or an error, never a panic; every episode's chapter
//! source must be computable.

#![no_main]

use chapters::feed;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(feed) = feed::read(&text) {
        for episode in &feed.episodes {
            let _ = episode.chapter_source();
        }
    }
});
