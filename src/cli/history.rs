//! History as sentences and as a table.

use chrono::Local;

use super::{list::terminal_width, table};
use crate::i18n::{Lang, Msg};
use crate::store::Event;

/// One event as a sentence: "IV.5 status: not-started → done (lan, 14:02 28/11/2026)".
pub fn describe(lang: Lang, e: &Event) -> String {
    let when = e.at.with_timezone(&Local).format("%H:%M %d/%m/%Y");
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

/// The history as a table.
pub fn history_table(lang: Lang, events: &[Event]) -> String {
    let headers = [
        lang.t(Msg::When),
        lang.t(Msg::Who),
        lang.t(Msg::Id),
        lang.t(Msg::Field),
        lang.t(Msg::From),
        lang.t(Msg::To),
        lang.t(Msg::Note),
    ];
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            vec![
                e.at.with_timezone(&Local)
                    .format("%d/%m/%Y %H:%M")
                    .to_string(),
                e.who.clone(),
                e.task.clone().unwrap_or_default(),
                e.field.clone(),
                e.from.clone().unwrap_or_default(),
                e.to.clone().unwrap_or_default(),
                e.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    table::render(&headers, &rows, terminal_width(), 6)
}
