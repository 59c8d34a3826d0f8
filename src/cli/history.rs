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

/// The history as a table, long notes wrapped to the terminal's width.
pub fn history_table(lang: Lang, zone: Zone, events: &[Event]) -> String {
    history_table_within(lang, zone, events, terminal_width())
}

/// The history as a table whose lines fit `width` cells (notes wrap); unbounded with `None`.
fn history_table_within(lang: Lang, zone: Zone, events: &[Event], width: Option<usize>) -> String {
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
            let [field, from, to] = crate::i18n::history::parts(lang, e);
            vec![
                zone.date_and_time(e.at),
                e.who.clone(),
                e.task.clone().unwrap_or_default(),
                field,
                from,
                to,
                e.note
                    .as_deref()
                    .map(|n| crate::i18n::history::reason_text(lang, n))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    // Notes are long: they wrap to the width rather than run off it.
    table::render_wrapped(&headers, &rows, width, 6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Actor, Command, MemoryStore, PlanStore, Update, seed_if_empty};
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn long_notes_wrap_to_the_width() {
        let store = MemoryStore::new();
        let actor = Actor::new("thuky");
        seed_if_empty(&store, &actor, crate::plan::embedded().expect("plan")).expect("seed");
        let note = "Đã kết nối thử nghiệm với Cơ sở dữ liệu quốc gia về dân cư; Bộ Công an \
                    còn phải cấp chứng thư số cho môi trường thật, dự kiến trước 30/09/2025";
        store
            .execute(
                &actor,
                Command::Update(Update {
                    plan: "2025".into(),
                    task: "IV.5".into(),
                    progress: Some(60),
                    note: Some(note.into()),
                    ..Update::default()
                }),
            )
            .expect("edit");
        let events = store.history("2025", Some("IV.5")).expect("history");
        for lang in [Lang::Vi, Lang::En] {
            for width in [60, 80, 100] {
                let out = history_table_within(lang, Zone::default(), &events, Some(width));
                for line in out.lines() {
                    assert!(line.width() <= width, "{width}: {line:?}");
                }
                let words: Vec<&str> = out.split_whitespace().collect();
                for w in note.split_whitespace() {
                    assert!(words.contains(&w), "{width}: '{w}' lost in\n{out}");
                }
            }
        }
        let unbounded = history_table_within(Lang::Vi, Zone::default(), &events, None);
        assert!(unbounded.lines().any(|l| l.contains(note)), "{unbounded}");
    }
}
