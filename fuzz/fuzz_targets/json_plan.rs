//! A steerdeck JSON export read back: read or refused with a sentence, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = steerdeck::plan::PlanDocument::from_json(text, "fuzz.json");
});
