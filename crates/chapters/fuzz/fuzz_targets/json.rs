//! Podcasting 2.0 JSON chapters: no input may make the reader panic, and whatever it accepts
//! must be written in a form it accepts again.

#![no_main]

use chapters::formats::json;
use chapters::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The bytes as they are through `Format::read`, which insists on UTF-8 and drops a BOM…
    let _ = Format::Json.read(data);
    // …and as text (borrowed when valid UTF-8, lossy otherwise) straight into the reader.
    let text = String::from_utf8_lossy(data);
    let Ok(read) = json::read(&text) else {
        return;
    };
    let written = json::write(&read);
    let again = json::read(&written);
    assert!(
        again.is_ok(),
        "rewrite of {text:?} rejected: {again:?}\n{written}"
    );
    // JSON carries every field of the model, so the rewrite reads back exactly.
    assert_eq!(again.ok(), Some(read), "{written}");
});
