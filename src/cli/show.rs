//! `steerdeck show ID`: one task in full.

use std::io::Write;

use super::CliError;
use crate::export::sanitize::terminal as printable;
use crate::i18n::history::describe;
use crate::i18n::{Msg, format as vf};
use crate::session::Session;

pub(super) fn show(
    session: &Session,
    plan: &str,
    id: &str,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    // One task and its history from the store, not the whole plan.
    let record = session.store.task(plan, id)?;
    let task = record.task();
    let lang = session.lang;
    let units = |names: &[String]| -> String {
        names
            .iter()
            .map(|n| match session.registry.resolve(n) {
                Some(u) if u.name != *n => format!("{n} ({})", u.name),
                _ => n.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let pillar = record
        .pillar
        .as_ref()
        .map_or_else(|| task.def.pillar.clone(), |p| vf::pillar_label(lang, p));
    let deadline = task.deadline().map_or_else(
        || lang.t(Msg::NoDeadline).to_string(),
        |d| match vf::deadline_note(lang, &task, session.as_of) {
            Some(note) => format!("{} ({note})", vf::date(d)),
            None => vf::date(d),
        },
    );
    let mut lines = vec![
        format!("{} — {}", task.def.id, task.def.title),
        format!("{}: {}", lang.t(Msg::Pillar), pillar.trim()),
        format!("{}: {}", lang.t(Msg::Timeframe), task.def.timeframe),
        format!("{}: {deadline}", lang.t(Msg::Deadline)),
        format!("{}: {}", lang.t(Msg::Lead), units(&task.def.lead)),
        format!("{}: {}", lang.t(Msg::Support), units(&task.def.support)),
        format!(
            "{}: {}",
            lang.t(Msg::Funding),
            task.def.funding.as_deref().unwrap_or("—")
        ),
    ];
    if let Some(r) = &task.def.remark {
        lines.push(format!("{}: {r}", lang.t(Msg::Remark)));
    }
    lines.push(format!(
        "{}: {}",
        lang.t(Msg::Status),
        lang.status(task.state.status)
    ));
    lines.push(format!(
        "{}: {}%",
        lang.t(Msg::Progress),
        task.state.progress
    ));
    if let Some(c) = task.state.completed_on {
        lines.push(format!("{}: {}", lang.t(Msg::CompletedOn), vf::date(c)));
    }
    lines.push(format!(
        "{}: {} ({} {})",
        lang.t(Msg::Timeliness),
        lang.timeliness(task.timeliness(session.as_of)),
        lang.t(Msg::AsOf).to_lowercase(),
        vf::date(session.as_of)
    ));
    if !task.state.notes.is_empty() {
        lines.push(format!("{}:", lang.t(Msg::Notes)));
        for (i, n) in task.state.notes.iter().enumerate() {
            let when = session.zone.date_and_time(n.at);
            let mark = n.withdrawn.as_ref().map_or_else(String::new, |w| {
                format!(
                    " ({} {}, {})",
                    lang.t(if w.corrected {
                        Msg::CorrectedTag
                    } else {
                        Msg::WithdrawnTag
                    }),
                    w.who,
                    session.zone.date_and_time(w.at)
                )
            });
            lines.push(format!(
                "  {}. [{when}, {}]{mark} {}",
                i + 1,
                n.who,
                n.text.replace('\n', "\n    ")
            ));
        }
    }
    if !record.history.is_empty() {
        lines.push(format!("{}:", lang.t(Msg::History)));
        for e in &record.history {
            lines.push(format!("  {}", describe(lang, session.zone, e)));
        }
    }
    for l in lines {
        writeln!(out, "{}", printable(&l, true)).map_err(super::out_err)?;
    }
    Ok(())
}
