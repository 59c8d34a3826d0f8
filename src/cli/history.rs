//! History as sentences and as a table.

use chrono::Local;

use super::{list::terminal_width, table};
use crate::i18n::{Lang, Msg};
use crate::store::Event;

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
