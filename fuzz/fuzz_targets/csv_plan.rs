//! A CSV plan laid out like the appendix: any bytes either read as a plan or give a sentence;
//! never a panic. A plan that reads passes the store's key rules or is refused by them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(registry) = steerdeck::domain::UnitRegistry::embedded() else {
        return;
    };
    if let Ok(plan) = steerdeck::plan::read_csv(text, "fuzz.csv", "fuzz", &registry) {
        let _ = steerdeck::store::keys::check_plan(&plan);
        let _ = steerdeck::plan::timeframe_warnings(&plan, "fuzz.csv");
    }
});
