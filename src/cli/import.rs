//! `steerdeck import FILE`: a plan in, whole or not at all.

use std::io::Write;
use std::path::Path;

use super::{CliError, out_err};
use crate::domain::text::printable;
use crate::i18n::{Lang, format as vf};
use crate::plan::read_file;
use crate::session::Session;
use crate::store::{Command as StoreCommand, Outcome};

/// What `import` prints.
#[derive(Debug, Clone, Copy)]
pub(super) struct Print {
    /// The report as JSON (every id).
    pub json: bool,
    /// The ids after the counts.
    pub ids: bool,
}

pub(super) fn run(
    session: &Session,
    name: Option<&str>,
    file: &Path,
    print: Print,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let read = read_file(file, name, &session.registry)?;
    let lang = session.lang;
    let (warning, created, updated) = match lang {
        Lang::Vi => ("cảnh báo", "đã tạo", "đã cập nhật"),
        Lang::En => ("warning", "created", "updated"),
    };
    for w in &read.warnings {
        eprintln!(
            "steerdeck: {warning}: {}",
            printable(&w.in_lang(lang), false)
        );
    }
    let outcome = session.store.execute(
        &session.actor,
        StoreCommand::Import {
            plan: read.plan,
            states: read.states,
            activate: true,
        },
    )?;
    if let Outcome::Imported(r) = outcome {
        if print.json {
            return super::list::write_json(out, &r);
        }
        let verb = if r.created { created } else { updated };
        let [added, changed, removed, unchanged, restored] = [
            r.added.len(),
            r.changed.len(),
            r.removed.len(),
            r.unchanged,
            r.restored.len(),
        ]
        .map(|x| vf::count(lang, x));
        let (counts, restored) = match lang {
            Lang::Vi => (
                format!(
                    "kế hoạch '{}' {verb} và đang dùng: thêm {added}, sửa {changed}, bỏ {removed} (lưu trữ), giữ nguyên {unchanged}",
                    r.plan
                ),
                format!("; lấy lại tình trạng đã ghi của {restored} nhiệm vụ"),
            ),
            Lang::En => (
                format!(
                    "plan '{}' {verb} and active: {added} added, {changed} changed, {removed} removed (archived), {unchanged} unchanged",
                    r.plan
                ),
                format!("; recorded states restored for {restored} tasks"),
            ),
        };
        let line = if r.restored.is_empty() {
            counts
        } else {
            counts + &restored
        };
        writeln!(out, "{}", printable(&line, false)).map_err(out_err)?;
        if !print.ids {
            return Ok(());
        }
        let labels = match lang {
            Lang::Vi => ["thêm", "sửa", "bỏ"],
            Lang::En => ["added", "changed", "removed"],
        };
        for (label, ids) in labels.into_iter().zip([&r.added, &r.changed, &r.removed]) {
            if !ids.is_empty() {
                writeln!(out, "  {label}: {}", printable(&ids.join(", "), false))
                    .map_err(out_err)?;
            }
        }
    }
    Ok(())
}
