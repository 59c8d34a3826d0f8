//! A user's keymap file laid over the default keymap: accepted or refused with a sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut keymap = steerdeck::keymap::Keymap::empty();
    let _ = keymap.overlay("fuzz.toml", text);
});
