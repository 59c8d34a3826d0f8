//! The timeframe reader ("Quý I- II/2025", "Trước 30/6/2025", ...) on any text: no panic, and a
//! deadline it reads lies in a sane year.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for year in [None, Some(2025), Some(i32::MAX), Some(i32::MIN)] {
        let _ = steerdeck::domain::read_timeframe(text, year);
    }
});
