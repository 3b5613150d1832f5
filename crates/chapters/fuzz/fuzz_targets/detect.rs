//! Whatever the content, `Format::detect` picks a format and that format's reader copes with it,
//! as the widget's `chapters="URL"` attribute and `--from auto` rely on.

#![no_main]

use chapters::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let format = Format::detect(data);
    let Ok(chapters) = format.read(data) else {
        return;
    };
    if let Some(written) = format.write(&chapters) {
        let again = format.read(written.as_bytes());
        assert!(
            again.is_ok(),
            "{format} rewrite rejected: {again:?}\n{written}"
        );
    }
});
