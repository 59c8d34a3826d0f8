//! `steerdeck list`: tasks filtered, searched, as a table, JSON or CSV.

use std::io::Write;

use super::args::ListFormat;
use super::{CliError, out_err, table};
use crate::export::{TaskRow, to_csv};
use crate::i18n::{Msg, format as vf};
use crate::query::{Filter, Query, TaskIndex};
use crate::session::Session;

pub(super) fn list(
    session: &Session,
    plan: &str,
    filter: &Filter,
    search: &str,
    format: ListFormat,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let data = session.store.load(plan)?;
    for p in &filter.pillars {
        if data.plan.pillar(p).is_none() {
            let keys: Vec<&str> = data.plan.pillars.iter().map(|p| p.key.as_str()).collect();
            return Err(CliError::Usage(format!(
                "unknown pillar '{p}' (this plan has: {})",
                keys.join(", ")
            )));
        }
    }
    let mut index = TaskIndex::new(data.tasks(), &session.registry);
    let selected = index.select(
        filter,
        &Query::new(search),
        &session.registry,
        session.as_of,
    );
    let tasks: Vec<&crate::domain::Task> =
        selected.iter().map(|(i, _)| &index.tasks()[*i]).collect();
    match format {
        ListFormat::Json => {
            let rows: Vec<TaskRow> = tasks
                .iter()
                .map(|t| TaskRow::new(t, session.as_of))
                .collect();
            write_json(out, &rows)
        }
        ListFormat::Csv => {
            let rows: Vec<TaskRow> = tasks
                .iter()
                .map(|t| TaskRow::new(t, session.as_of))
                .collect();
            let bytes = to_csv(&rows).map_err(|e| CliError::Io {
                path: "<stdout>".into(),
                message: e.to_string(),
            })?;
            out.write_all(&bytes).map_err(out_err)
        }
        ListFormat::Table => {
            let lang = session.lang;
            if tasks.is_empty() {
                return writeln!(out, "{}.", lang.t(Msg::NothingFound)).map_err(out_err);
            }
            let headers = [
                lang.t(Msg::Id),
                lang.t(Msg::Deadline),
                lang.t(Msg::Status),
                "%",
                lang.t(Msg::Lead),
                lang.t(Msg::Title),
            ];
            let rows: Vec<Vec<String>> = tasks
                .iter()
                .map(|t| {
                    let lead: Vec<&str> = t
                        .def
                        .lead
                        .iter()
                        .map(|l| session.registry.short(l))
                        .collect();
                    let mut status = lang.status(t.state.status).to_string();
                    if t.is_overdue(session.as_of) {
                        status = format!("{status} !");
                    }
                    vec![
                        t.def.id.clone(),
                        t.deadline()
                            .map_or_else(|| table::truncate(&t.def.timeframe, 18), vf::date),
                        status,
                        t.state.progress.to_string(),
                        lead.join(", "),
                        t.def.title.clone(),
                    ]
                })
                .collect();
            let width = terminal_width();
            out.write_all(table::render(&headers, &rows, width, 5).as_bytes())
                .map_err(out_err)
        }
    }
}

pub(super) fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}

pub(super) fn write_json<T: serde::Serialize>(
    out: &mut dyn Write,
    value: &T,
) -> Result<(), CliError> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(|e| out_err(e.into()))?;
    writeln!(out).map_err(out_err)
}
