//! `steerdeck list`: tasks filtered, searched, as a table, JSON or CSV.

use std::io::Write;

use super::args::{ListArgs, ListFormat};
use super::{CliError, out_err, table};
use crate::export::{TaskRow, to_csv};
use crate::i18n::{Msg, format as vf};
use crate::query::{Due, Filter, Query, TaskIndex, parse_quarter};
use crate::session::Session;

/// `steerdeck list`: the filter from the flags, then the rows.
pub(super) fn run(
    session: &Session,
    plan: &str,
    args: &ListArgs,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut filter = Filter {
        pillars: args.pillar.clone(),
        statuses: args.status.clone(),
        lead: args.lead.clone(),
        funding: args.funding.clone(),
        ..Filter::default()
    };
    if args.overdue {
        filter.due.push(Due::Overdue);
    }
    if let Some(d) = args.due_by {
        filter.due.push(Due::By(d));
    }
    if let Some(q) = &args.quarter {
        let (y, q) = parse_quarter(q).ok_or_else(|| {
            CliError::Usage(format!(
                "'{q}' is not a quarter; write it as 2025-Q2 or \"Quý II/2025\""
            ))
        })?;
        filter.due.push(Due::Quarter(y, q));
    }
    list(
        session,
        plan,
        &filter,
        args.search.as_deref().unwrap_or(""),
        args.format,
        out,
    )
}

fn list(
    session: &Session,
    plan: &str,
    filter: &Filter,
    search: &str,
    format: ListFormat,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let data = session.store.load(plan)?;
    let mut filter = filter.clone();
    for p in &mut filter.pillars {
        if let Some(found) = crate::query::find_pillar(&data.plan, p) {
            found.key.clone_into(p);
        } else {
            let keys: Vec<String> = data
                .plan
                .pillars
                .iter()
                .map(|p| {
                    if p.numeral.is_empty() {
                        p.key.clone()
                    } else {
                        format!("{} ({})", p.key, p.numeral)
                    }
                })
                .collect();
            return Err(CliError::Usage(format!(
                "unknown pillar '{p}' (this plan has: {})",
                keys.join(", ")
            )));
        }
    }
    let filter = &filter;
    let mut index = TaskIndex::new(data.tasks(), &session.registry);
    let selected = index.select(
        filter,
        &Query::new(search),
        &session.registry,
        session.as_of,
    )?;
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
    // DEL, C1, bidi and zero-width characters escaped too (see `export::sanitize`).
    let text = crate::export::sanitize::to_json_pretty(value).map_err(|e| out_err(e.into()))?;
    writeln!(out, "{text}").map_err(out_err)
}
