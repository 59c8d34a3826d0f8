//! History as sentences and as a table.

use std::io::Write;

use super::args::HistoryFormat;
use super::{CliError, list::terminal_width, list::write_json, out_err, table};
use crate::domain::time::Zone;
use crate::i18n::{Lang, Msg};
use crate::session::Session;
use crate::store::{Event, StoreError};

/// `steerdeck history [ID]`: the history of one task (archived ones too), or of the plan.
pub(super) fn run(
    session: &Session,
    plan: &str,
    id: Option<&str>,
    format: HistoryFormat,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let events = session.store.history(plan, id)?;
    if let Some(id) = id {
        let data = session.store.load(plan)?;
        let known = data.plan.task(id).is_some()
            || data.archived.iter().any(|a| a.id.eq_ignore_ascii_case(id));
        if !known {
            return Err(StoreError::NoSuchTask {
                plan: plan.to_string(),
                task: id.to_string(),
            }
            .into());
        }
    }
    match format {
        HistoryFormat::Json => write_json(out, &events),
        HistoryFormat::Table => out
            .write_all(history_table(session.lang, session.zone, &events).as_bytes())
            .map_err(out_err),
    }
}

/// The history as a table.
pub fn history_table(lang: Lang, zone: Zone, events: &[Event]) -> String {
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
                zone.date_and_time(e.at),
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
