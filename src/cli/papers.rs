//! The papers `export` drafts from the store — the conclusion notice, the progress report (or a
//! reminder to one unit) and the status workbook: the data gathered here, the paper built by the
//! pure builders of `export`.

use chrono::NaiveDate;

use super::CliError;
use super::args::ExportFormat;
use crate::domain::history::Event;
use crate::domain::{Desk, Task};
use crate::export::paper::Paper;
use crate::export::{docx, markdown, minutes, report, workbook};
use crate::i18n::papers::{Letterhead, Refusal, refusal};
use crate::query::filter::{Filter, Prepared};
use crate::session::Session;
use crate::store::PlanData;

/// Who issues the papers: the settings file's `[papers]` over the default.
fn letterhead(session: &Session) -> Result<Letterhead, CliError> {
    let config = crate::config::Config::load(crate::config::config_path().as_deref())
        .map_err(CliError::Settings)?;
    Ok(config.papers.unwrap_or_default().letterhead(session.lang))
}

fn bytes_of(session: &Session, paper: &Paper, format: ExportFormat) -> Result<Vec<u8>, CliError> {
    match format {
        ExportFormat::Docx => docx::render(paper)
            .map_err(|e| CliError::Usage(refusal(session.lang, &Refusal::Build(e)))),
        _ => Ok(markdown::render(paper).into_bytes()),
    }
}

fn load(session: &Session, plan: &str) -> Result<(PlanData, Vec<Task>), CliError> {
    let data = session.store.load(plan)?;
    let tasks = data.tasks();
    Ok((data, tasks))
}

/// `export minutes`: the notice of `meeting`, or of the latest meeting.
pub(super) fn minutes(
    session: &Session,
    plan: &str,
    meeting: Option<&str>,
    format: ExportFormat,
) -> Result<Vec<u8>, CliError> {
    let lang = session.lang;
    let (data, tasks) = load(session, plan)?;
    let m = match meeting {
        Some(id) => data.desk.meeting(id).ok_or_else(|| {
            CliError::Usage(refusal(lang, &Refusal::NoSuchMeeting(id.to_string())))
        })?,
        None => data
            .desk
            .latest()
            .ok_or_else(|| CliError::Usage(refusal(lang, &Refusal::NoMeeting)))?,
    };
    let lh = letterhead(session)?;
    let paper = minutes::notice(&minutes::NoticeInput {
        plan: &data.plan,
        tasks: &tasks,
        registry: &session.registry,
        desk: &data.desk,
        meeting: m,
        letterhead: &lh,
        issued: session.as_of,
        lang,
    });
    bytes_of(session, &paper, format)
}

/// What changed since `--since` or the last meeting, as `steerdeck changes` counts it, with the
/// day the list starts.
fn changes(
    session: &Session,
    plan: &str,
    desk: &Desk,
    since: Option<NaiveDate>,
) -> Result<(Option<NaiveDate>, Vec<Event>), CliError> {
    let Some(from) = desk.since(since, session.as_of) else {
        return Ok((None, Vec::new()));
    };
    let events = session.store.history_after(plan, from.after)?;
    Ok((Some(from.day), from.changes(events, session.zone)))
}

/// `export report`: the progress report, or with `unit` the reminder to one unit.
pub(super) fn report(
    session: &Session,
    plan: &str,
    unit: Option<&str>,
    since: Option<NaiveDate>,
    format: ExportFormat,
) -> Result<Vec<u8>, CliError> {
    let (data, tasks) = load(session, plan)?;
    let (since, events) = changes(session, plan, &data.desk, since)?;
    let lh = letterhead(session)?;
    let input = report::ReportInput {
        plan: &data.plan,
        tasks: &tasks,
        registry: &session.registry,
        desk: &data.desk,
        letterhead: &lh,
        as_of: session.as_of,
        since,
        changes: &events,
        zone: session.zone,
        lang: session.lang,
    };
    let paper = match unit {
        None => report::report(&input),
        Some(text) => {
            let lead = super::list::lead_unit(session, plan, text)?;
            let name = session
                .registry
                .resolve(&lead)
                .map_or_else(|| lead.clone(), |u| u.name.clone());
            let filter = Filter {
                lead: Some(lead),
                ..Filter::default()
            };
            let prepared = Prepared::new(&filter, &session.registry, session.as_of);
            let mine: Vec<&Task> = tasks.iter().filter(|t| prepared.matches(t)).collect();
            report::reminder(&input, &name, &mine)
        }
    };
    bytes_of(session, &paper, format)
}

/// `export workbook`: the status workbook.
pub(super) fn workbook(
    session: &Session,
    plan: &str,
    since: Option<NaiveDate>,
) -> Result<Vec<u8>, CliError> {
    let (data, tasks) = load(session, plan)?;
    let (since, events) = changes(session, plan, &data.desk, since)?;
    workbook::workbook(&workbook::WorkbookInput {
        plan: &data.plan,
        tasks: &tasks,
        registry: &session.registry,
        desk: &data.desk,
        as_of: session.as_of,
        since,
        changes: &events,
        zone: session.zone,
        lang: session.lang,
    })
    .map_err(|e| CliError::Usage(refusal(session.lang, &Refusal::Build(e))))
}
