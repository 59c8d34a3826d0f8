//! The settings file (`config.toml`): read or refused with a sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = steerdeck::config::Config::parse(text, "config.toml");
});
