//! Podlove Simple Chapters: no input may make the reader panic, and whatever it accepts must
//! be written in a form it accepts again.

#![no_main]

use chapters::formats::psc;
use chapters::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The bytes as they are through `Format::read`, which insists on UTF-8 and drops a BOM…
    let _ = Format::Psc.read(data);
    // …and as text (borrowed when valid UTF-8, lossy otherwise) straight into the reader.
    let text = String::from_utf8_lossy(data);
    let Ok(read) = psc::read(&text) else {
        return;
    };
    let written = psc::write(&read);
    let again = psc::read(&written);
    assert!(
        again.is_ok(),
        "rewrite of {text:?} rejected: {again:?}\n{written}"
    );
    // PSC carries everything its reader produces (ends and hidden are not part of it).
    assert_eq!(again.ok(), Some(read), "{written}");
});
