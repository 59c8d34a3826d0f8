//! The history in words: one event as a sentence, in the interface language.

use super::Lang;
use crate::domain::Event;
use crate::domain::time::Zone;

/// One event as a sentence: "IV.5 status: not-started → done (lan, 14:02 28/11/2026)".
pub fn describe(lang: Lang, zone: Zone, e: &Event) -> String {
    let when = zone.time_and_date(e.at);
    let what = e.task.as_deref().unwrap_or("");
    let from = e.from.as_ref().map(|f| {
        if f.is_empty() {
            "—".to_string()
        } else {
            f.clone()
        }
    });
    let change = match (&from, &e.to) {
        (Some(f), Some(t)) => format!("{f} → {t}"),
        (None, Some(t)) => t.clone(),
        (Some(f), None) => format!("{f} →"),
        (None, None) => String::new(),
    };
    let note = e
        .note
        .as_deref()
        .map(|n| format!(" — {n}"))
        .unwrap_or_default();
    let _ = lang;
    format!("{what} {}: {change}{note} ({}, {when})", e.field, e.who)
        .trim_start()
        .to_string()
}
