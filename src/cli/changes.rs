//! `steerdeck changes --since DATE|last-meeting`: what moved — status, progress, notes, targets,
//! action items — grouped by what it is about, in words.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use super::args::HistoryFormat;
use super::{CliError, list, out_err};
use crate::domain::day::parse_day;
use crate::domain::meeting::Since;
use crate::domain::text::printable;
use crate::i18n::Lang;
use crate::i18n::meeting::{self as words, W};
use crate::i18n::{format as vf, history};
use crate::session::Session;
use crate::store::Event;

pub(super) fn run(
    session: &Session,
    plan: &str,
    since: &str,
    format: HistoryFormat,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let lang = session.lang;
    let data = session.store.load(plan)?;
    let from = if since.trim().eq_ignore_ascii_case("last-meeting") {
        data.desk
            .since_last(session.as_of)
            .ok_or_else(|| CliError::Usage(words::word(lang, W::NoClosedMeeting).into()))?
    } else {
        Since::day(parse_day(since).ok_or_else(|| CliError::Usage(bad_since(lang, since)))?)
    };
    let events = from.changes(session.store.history_after(plan, from.after)?, session.zone);
    if format == HistoryFormat::Json {
        return list::write_json(out, &events);
    }
    if let Some(m) = &from.meeting {
        let what = format!(
            "{} {m} ({})",
            words::word(lang, W::SinceClose),
            vf::date(from.day)
        );
        writeln!(out, "{}", printable(&what, false)).map_err(out_err)?;
    }
    if events.is_empty() {
        return writeln!(out, "{}", words::word(lang, W::NoChanges)).map_err(out_err);
    }
    // Grouped by task, in plan order (then action items and targets by id).
    let order = |id: &str| {
        data.plan
            .tasks
            .iter()
            .position(|t| t.id == id)
            .unwrap_or(usize::MAX)
    };
    let mut groups: BTreeMap<(usize, String), Vec<&Event>> = BTreeMap::new();
    for e in &events {
        let id = e.task.clone().unwrap_or_default();
        groups.entry((order(&id), id)).or_default().push(e);
    }
    let mut text = String::new();
    for ((_, id), evs) in groups {
        let title = data
            .plan
            .task(&id)
            .map(|t| t.title.clone())
            .or_else(|| {
                data.plan
                    .targets
                    .iter()
                    .find(|k| k.id == id)
                    .map(|k| k.title.clone())
            })
            .unwrap_or_default();
        let _ = writeln!(text, "{id} {title}");
        for e in evs {
            let line = history::describe(lang, session.zone, e);
            let line = line.strip_prefix(&format!("{id} ")).unwrap_or(&line);
            let _ = writeln!(text, "  - {line}");
        }
    }
    out.write_all(printable(&text, true).as_bytes())
        .map_err(out_err)
}

fn bad_since(lang: Lang, text: &str) -> String {
    let shown = printable(text, false);
    match lang {
        Lang::Vi => format!(
            "--since cần một ngày (dd/mm/yyyy hoặc yyyy-mm-dd) hoặc `last-meeting`, không phải '{shown}'"
        ),
        Lang::En => format!(
            "--since needs a date (dd/mm/yyyy or yyyy-mm-dd) or `last-meeting`, not '{shown}'"
        ),
    }
}
