//! `steerdeck export [plan|workbook|minutes|report]`: the plan out, or a paper drafted from the
//! store, written whole or not at all, and never over an existing file without `--force`.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::args::{ExportFormat, ExportKind};
use super::{CliError, out_err};
use crate::domain::meeting::is_meeting_pillar;
use crate::i18n::Lang;
use crate::i18n::papers::{Refusal, refusal, written};
use crate::plan::PlanDocument;
use crate::session::Session;

/// What `export` was asked for.
pub(super) struct Request<'a> {
    pub kind: ExportKind,
    pub format: Option<ExportFormat>,
    pub out: Option<&'a Path>,
    pub force: bool,
    pub semicolon: bool,
    pub meeting: Option<&'a str>,
    pub unit: Option<&'a str>,
    pub since: Option<NaiveDate>,
}

fn kind_name(k: ExportKind) -> &'static str {
    match k {
        ExportKind::Plan => "plan",
        ExportKind::Workbook => "workbook",
        ExportKind::Minutes => "minutes",
        ExportKind::Report => "report",
    }
}

fn format_name(f: ExportFormat) -> &'static str {
    match f {
        ExportFormat::Json => "json",
        ExportFormat::Csv => "csv",
        ExportFormat::Md => "md",
        ExportFormat::Docx => "docx",
        ExportFormat::Xlsx => "xlsx",
    }
}

/// The formats a kind is written in, its default first.
fn formats(k: ExportKind) -> &'static [ExportFormat] {
    match k {
        ExportKind::Plan => &[ExportFormat::Json, ExportFormat::Csv],
        ExportKind::Workbook => &[ExportFormat::Xlsx],
        ExportKind::Minutes => &[ExportFormat::Docx, ExportFormat::Md],
        ExportKind::Report => &[ExportFormat::Md, ExportFormat::Docx],
    }
}

fn from_extension(path: &Path) -> Option<ExportFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "json" => ExportFormat::Json,
        "csv" => ExportFormat::Csv,
        "md" | "markdown" => ExportFormat::Md,
        "docx" => ExportFormat::Docx,
        "xlsx" => ExportFormat::Xlsx,
        _ => return None,
    })
}

/// The format to write: `--format`, else `--out`'s extension when the kind has it, else the
/// kind's default. A format the kind does not have is refused.
pub(super) fn resolve_format(
    lang: Lang,
    kind: ExportKind,
    format: Option<ExportFormat>,
    out: Option<&Path>,
) -> Result<ExportFormat, CliError> {
    let ok = formats(kind);
    let chosen = format
        .or_else(|| out.and_then(from_extension))
        .unwrap_or(ok[0]);
    if !ok.contains(&chosen) {
        let names: Vec<&str> = ok.iter().map(|f| format_name(*f)).collect();
        return Err(CliError::Usage(refusal(
            lang,
            &Refusal::Format(kind_name(kind), format_name(chosen), names.join(", ")),
        )));
    }
    if out.is_none() && matches!(chosen, ExportFormat::Docx | ExportFormat::Xlsx) {
        return Err(CliError::Usage(refusal(
            lang,
            &Refusal::NeedsOut(format_name(chosen)),
        )));
    }
    Ok(chosen)
}

pub(super) fn run(
    session: &Session,
    plan: &str,
    req: &Request,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let lang = session.lang;
    let format = resolve_format(lang, req.kind, req.format, req.out)?;
    if let Some(p) = req.out.filter(|p| !req.force && p.exists()) {
        return Err(CliError::Usage(refusal(
            lang,
            &Refusal::Exists(p.display().to_string()),
        )));
    }
    let bytes = match req.kind {
        ExportKind::Plan => plan_bytes(session, plan, format, req.semicolon)?,
        ExportKind::Minutes => super::papers::minutes(session, plan, req.meeting, format)?,
        ExportKind::Report => super::papers::report(session, plan, req.unit, req.since, format)?,
        ExportKind::Workbook => super::papers::workbook(session, plan, req.since)?,
    };
    match req.out {
        None => out.write_all(&bytes).map_err(out_err),
        Some(p) => {
            write_file_new(p, &bytes, req.force)?;
            if req.kind != ExportKind::Plan {
                writeln!(out, "{}", written(lang, &p.display().to_string())).map_err(out_err)?;
            }
            Ok(())
        }
    }
}

/// The plan with its states, without the meetings' action items: those are the meetings' own
/// and travel with them, not as tasks of the plan a new version would import.
fn plan_bytes(
    session: &Session,
    plan: &str,
    format: ExportFormat,
    semicolon: bool,
) -> Result<Vec<u8>, CliError> {
    let mut data = session.store.load(plan)?;
    data.plan.tasks.retain(|t| !is_meeting_pillar(&t.pillar));
    data.plan.pillars.retain(|p| !is_meeting_pillar(&p.key));
    let actions: std::collections::HashSet<String> =
        data.desk.actions.iter().map(|a| a.def.id.clone()).collect();
    data.states.retain(|id, _| !actions.contains(id));
    let io = |e: &dyn std::fmt::Display| CliError::Io {
        path: "export".into(),
        message: e.to_string(),
    };
    Ok(if format == ExportFormat::Csv {
        crate::export::csv::plan_csv(
            &data.plan,
            &data.tasks(),
            session.as_of,
            session.lang,
            separator(semicolon),
        )
        .map_err(|e| io(&e))?
    } else {
        let doc = PlanDocument::new(data.plan.clone(), data.states.clone());
        let text = crate::export::sanitize::to_json_pretty(&doc).map_err(|e| io(&e))?;
        let mut v = text.into_bytes();
        v.push(b'\n');
        v
    })
}

/// The CSV separator the `--semicolon` flag asks for.
pub(super) fn separator(semicolon: bool) -> crate::export::csv::Separator {
    if semicolon {
        crate::export::csv::Separator::Semicolon
    } else {
        crate::export::csv::Separator::Comma
    }
}

/// Writes a file whole or not at all: a temporary file beside it, then a rename.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    write_file_new(path, bytes, true)
}

/// Writes a file whole or not at all, and — unless `replace` — only if nothing is there (see
/// [`crate::export::file::write_new`]).
pub fn write_file_new(path: &Path, bytes: &[u8], replace: bool) -> Result<(), CliError> {
    crate::export::file::write_new(path, bytes, replace).map_err(|e| CliError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_from_the_flag_the_extension_or_the_kind() {
        let f = |kind, format, out: Option<&str>| {
            resolve_format(Lang::En, kind, format, out.map(Path::new))
        };
        assert_eq!(
            f(ExportKind::Plan, None, None).ok(),
            Some(ExportFormat::Json)
        );
        assert_eq!(
            f(ExportKind::Plan, None, Some("k.CSV")).ok(),
            Some(ExportFormat::Csv)
        );
        assert_eq!(
            f(ExportKind::Minutes, None, Some("tb.md")).ok(),
            Some(ExportFormat::Md)
        );
        assert_eq!(
            f(ExportKind::Minutes, None, Some("tb")).ok(),
            Some(ExportFormat::Docx)
        );
        assert_eq!(
            f(ExportKind::Report, None, None).ok(),
            Some(ExportFormat::Md)
        );
        // An extension the kind does not write falls back to its default; a flag is obeyed.
        assert_eq!(
            f(ExportKind::Workbook, None, Some("b.txt")).ok(),
            Some(ExportFormat::Xlsx)
        );
        let e = f(ExportKind::Workbook, Some(ExportFormat::Csv), Some("b.csv")).expect_err("csv");
        assert_eq!(
            e.to_string(),
            "`export workbook` does not write csv; it writes xlsx"
        );
        let e = f(
            ExportKind::Workbook,
            Some(ExportFormat::Xlsx),
            Some("b.xlsx.csv"),
        )
        .map(|_| ());
        assert!(e.is_ok(), "the flag wins over the extension");
        assert!(
            f(ExportKind::Workbook, None, None).is_err(),
            "xlsx to a terminal"
        );
    }

    #[test]
    fn a_file_is_written_whole_and_never_over_another_without_replace() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("tb.md");
        write_file_new(&path, b"one", false).expect("a new file");
        assert!(write_file_new(&path, b"two", false).is_err());
        assert_eq!(std::fs::read(&path).expect("read"), b"one");
        write_file_new(&path, b"three", true).expect("replaced");
        assert_eq!(std::fs::read(&path).expect("read"), b"three");
        // No temporary file is left beside it, whatever happened.
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["tb.md"]);
        assert!(write_file_new(&dir.path().join("no/such/dir/x.md"), b"x", false).is_err());
    }
}
