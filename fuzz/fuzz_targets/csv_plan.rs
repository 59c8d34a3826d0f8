//! A CSV plan laid out like the appendix: any bytes either read as a plan or give a sentence;
//! never a panic. A plan that reads passes the store's key rules or is refused by them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// The unit registry, read once (reading it for every input would be most of the time spent).
fn registry() -> Option<&'static steerdeck::domain::UnitRegistry> {
    static REGISTRY: OnceLock<Option<steerdeck::domain::UnitRegistry>> = OnceLock::new();
    REGISTRY
        .get_or_init(|| steerdeck::domain::UnitRegistry::embedded().ok())
        .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Some(registry) = registry() else {
        return;
    };
    if let Ok(plan) = steerdeck::plan::read_csv(text, "fuzz.csv", "fuzz", registry) {
        let _ = steerdeck::store::keys::check_plan(&plan);
        let _ = steerdeck::plan::timeframe_warnings(&plan, "fuzz.csv");
    }
});
