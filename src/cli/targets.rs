//! `steerdeck targets`: the plan's quantitative targets, their recorded values and whether
//! each is met; `targets set` records a value, `targets withdraw` takes one back.

use std::fmt::Write as _;
use std::io::Write;

use super::args::TargetsCommand;
use super::{CliError, list, out_err, table};
use crate::domain::target::{self, Reading};
use crate::domain::text::printable;
use crate::i18n::meeting::{self as words, W};
use crate::i18n::{Msg, format as vf};
use crate::session::Session;
use crate::store::{DeskChange, PlanData};

/// Runs `targets` (the list) or one of its subcommands.
pub(super) fn run(
    session: &Session,
    plan: &str,
    command: Option<&TargetsCommand>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let lang = session.lang;
    match command {
        None => list_targets(session, plan, out),
        Some(TargetsCommand::Show { id }) => show(session, plan, id, out),
        Some(TargetsCommand::Set {
            id,
            value,
            measured_on,
            note,
        }) => {
            let Some(v) = target::parse_percent(value) else {
                return Err(CliError::Usage(words::bad_percent(lang, value)));
            };
            let data = session.store.load(plan)?;
            let seen = data
                .plan
                .targets
                .iter()
                .find(|k| k.id.eq_ignore_ascii_case(id.trim()))
                .map(|k| data.desk.readings.get(&k.id).map_or(0, Vec::len));
            let change = DeskChange::RecordTarget {
                target: id.clone(),
                value: v,
                as_of: measured_on.unwrap_or(session.as_of),
                note: note.clone(),
                seen,
            };
            execute(session, plan, change, out)
        }
        Some(TargetsCommand::Withdraw { id, number }) => {
            let change = DeskChange::WithdrawReading {
                target: id.clone(),
                index: usize::from(*number) - 1,
            };
            execute(session, plan, change, out)
        }
    }
}

fn execute(
    session: &Session,
    plan: &str,
    change: DeskChange,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    super::meeting::execute(session, plan, change, out)?;
    writeln!(out, "{}.", session.lang.t(Msg::Saved)).map_err(out_err)
}

fn list_targets(session: &Session, plan: &str, out: &mut dyn Write) -> Result<(), CliError> {
    let data = session.store.load(plan)?;
    let lang = session.lang;
    let rows: Vec<Vec<String>> = data
        .plan
        .targets
        .iter()
        .map(|k| {
            let readings = readings(&data, &k.id);
            vec![
                k.id.clone(),
                vf::percent_exact(lang, k.target),
                crate::i18n::meeting::percent_or_dash(lang, k.baseline),
                crate::i18n::meeting::reading(lang, target::latest(readings)),
                words::standing(lang, target::standing(k, readings, data.plan.year)).to_string(),
                k.title.clone(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return writeln!(out, "—").map_err(out_err);
    }
    let headers = [
        lang.t(Msg::Id),
        lang.t(Msg::TargetHeader),
        lang.t(Msg::LastYear),
        words::word(lang, W::Latest),
        words::word(lang, W::Standing),
        lang.t(Msg::What),
    ];
    out.write_all(table::render(&headers, &rows, list::terminal_width(), 5).as_bytes())
        .map_err(out_err)
}

fn readings<'a>(data: &'a PlanData, id: &str) -> &'a [Reading] {
    data.desk.readings.get(id).map_or(&[], Vec::as_slice)
}

fn show(session: &Session, plan: &str, id: &str, out: &mut dyn Write) -> Result<(), CliError> {
    let data = session.store.load(plan)?;
    let lang = session.lang;
    let Some(k) = data
        .plan
        .targets
        .iter()
        .find(|k| k.id.eq_ignore_ascii_case(id.trim()))
    else {
        return Err(
            crate::store::StoreError::Desk(crate::store::DeskProblem::NoSuchTarget {
                target: id.trim().to_string(),
            })
            .into(),
        );
    };
    let rs = readings(&data, &k.id);
    let mut text = format!("{} {}\n", k.id, k.title);
    let _ = writeln!(
        text,
        "{}: {} · {}: {} · {}: {}",
        lang.t(Msg::TargetHeader),
        vf::percent_exact(lang, k.target),
        lang.t(Msg::LastYear),
        crate::i18n::meeting::percent_or_dash(lang, k.baseline),
        words::word(lang, W::Standing),
        words::standing(lang, target::standing(k, rs, data.plan.year))
    );
    out.write_all(printable(&text, true).as_bytes())
        .map_err(out_err)?;
    let rows: Vec<Vec<String>> = rs
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let mut value = vf::percent_exact(lang, r.value);
            if let Some(w) = &r.withdrawn {
                value = format!("{value} ({} {})", words::word(lang, W::WithdrawnBy), w.who);
            }
            vec![
                (n + 1).to_string(),
                value,
                vf::date(r.as_of),
                format!("{}, {}", r.who, session.zone.time_and_date(r.at)),
                r.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return writeln!(out, "{}", words::standing(lang, target::Standing::NoData))
            .map_err(out_err);
    }
    let headers = [
        "#",
        words::word(lang, W::Value),
        words::word(lang, W::MeasuredOn),
        lang.t(Msg::Who),
        words::word(lang, W::Source),
    ];
    out.write_all(table::render(&headers, &rows, list::terminal_width(), 4).as_bytes())
        .map_err(out_err)
}
