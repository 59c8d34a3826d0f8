//! A TOML plan: read or refused with a sentence, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(plan) = steerdeck::plan::parse_toml(text, "fuzz.toml") {
        let _ = steerdeck::store::keys::check_plan(&plan);
    }
});
