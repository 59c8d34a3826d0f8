//! The scriptable command line: every command works without the TUI, on the same store.

pub mod args;
pub mod screen;
mod show;
pub mod table;

use std::io::Write;
use std::path::Path;

use chrono::Local;

pub use args::Cli;
use args::{Command, ExportFormat, HistoryFormat, ListFormat};

use crate::domain::text::printable;
use crate::export::{TaskRow, to_csv};
use crate::i18n::{Lang, Msg, format as vf};
use crate::plan::{PlanDocument, PlanFileError, read_file};
use crate::query::{Due, Filter, Query, TaskIndex, parse_quarter};
use crate::session::{Session, SessionError};
use crate::store::{Command as StoreCommand, Event, Outcome, StoreError, Update};

/// Why a command failed; the message is what the user reads.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    PlanFile(#[from] PlanFileError),
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    #[error("{0}")]
    Usage(String),
    #[error("read-only session (--read-only): nothing was changed")]
    ReadOnly,
    /// The reader of our output went away (`steerdeck list | head`): not an error to report.
    #[error("output closed")]
    OutputClosed,
}

/// An error writing the output.
#[allow(clippy::needless_pass_by_value)] // used as `map_err(out_err)`
fn out_err(e: std::io::Error) -> CliError {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        CliError::OutputClosed
    } else {
        CliError::Io {
            path: "<stdout>".into(),
            message: e.to_string(),
        }
    }
}

/// The interface language: `--lang`/`STEERDECK_LANG`, else the settings file, else Vietnamese.
fn language(cli: &Cli) -> Result<Lang, CliError> {
    if let Some(l) = cli.lang {
        return Ok(l);
    }
    let config = crate::config::Config::load(crate::config::config_path().as_deref())
        .map_err(|e| CliError::Usage(e.to_string()))?;
    Ok(config.lang.unwrap_or_default())
}

/// Runs `steerdeck serve` until it is told to stop; errors are printed here, and the exit
/// status tells a session that started it what happened (see `server::EXIT_IN_USE`).
#[cfg(target_os = "linux")]
pub fn serve(cli: &Cli, idle_exit: Option<u64>) -> std::process::ExitCode {
    let opts = crate::server::ServeOptions {
        idle_exit: idle_exit.map(std::time::Duration::from_secs),
    };
    let result = crate::session::db_dir(cli.db.as_deref())
        .map_err(|e| (1, e.to_string()))
        .and_then(|dir| {
            crate::server::serve(&dir, opts).map_err(|e| (e.exit_code(), e.to_string()))
        });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err((code, message)) => {
            eprintln!("steerdeck: error: {}", printable(&message, true));
            std::process::ExitCode::from(code)
        }
    }
}

/// `serve` is not a command on a session: the binary runs it with [`serve`].
fn serve_elsewhere() -> CliError {
    CliError::Usage("`serve` runs from the steerdeck program itself (`steerdeck serve`)".into())
}

/// Runs a command (not the TUI) and writes its output to `out`.
pub fn run(cli: &Cli, command: &Command, out: &mut dyn Write) -> Result<(), CliError> {
    if matches!(command, Command::Serve { .. }) {
        return Err(serve_elsewhere());
    }
    let dir = crate::session::db_dir(cli.db.as_deref())?;
    let session = Session::open(&dir, cli.user.as_deref(), cli.as_of, language(cli)?)?;
    let plan = session.plan_name(cli.plan.as_deref())?;
    let is_edit = matches!(command, Command::Set { .. } | Command::Import { .. })
        || matches!(command, Command::Plans { activate: Some(_) });
    if cli.read_only && is_edit {
        return Err(CliError::ReadOnly);
    }
    match command {
        Command::List {
            pillar,
            status,
            lead,
            overdue,
            due_by,
            quarter,
            funding,
            search,
            format,
        } => {
            let mut filter = Filter {
                pillars: pillar.clone(),
                statuses: status.clone(),
                lead: lead.clone(),
                funding: funding.clone(),
                ..Filter::default()
            };
            if *overdue {
                filter.due.push(Due::Overdue);
            }
            if let Some(d) = due_by {
                filter.due.push(Due::By(*d));
            }
            if let Some(q) = quarter {
                let (y, q) = parse_quarter(q).ok_or_else(|| {
                    CliError::Usage(format!(
                        "'{q}' is not a quarter; write it as 2025-Q2 or \"Quý II/2025\""
                    ))
                })?;
                filter.due.push(Due::Quarter(y, q));
            }
            list(
                &session,
                &plan,
                &filter,
                search.as_deref().unwrap_or(""),
                *format,
                out,
            )
        }
        Command::Show { id } => show::show(&session, &plan, id, out),
        Command::Set {
            id,
            status,
            progress,
            note,
            done_on,
        } => {
            let update = Update {
                plan: plan.clone(),
                task: id.clone(),
                status: *status,
                progress: *progress,
                note: note.clone(),
                done_on: Some(done_on.unwrap_or(session.as_of)),
                ..Update::default()
            };
            let outcome = session
                .store
                .execute(&session.actor, StoreCommand::Update(update))?;
            if let Outcome::Updated { events } = outcome {
                let lang = session.lang;
                for e in &events {
                    writeln!(out, "{}", printable(&describe(lang, e), false)).map_err(out_err)?;
                }
                writeln!(out, "{}.", lang.t(Msg::Saved)).map_err(out_err)?;
            }
            Ok(())
        }
        Command::History { id, format } => {
            let events = session.store.history(&plan, id.as_deref())?;
            if let Some(id) = id {
                let data = session.store.load(&plan)?;
                let known = data.plan.task(id).is_some()
                    || data.archived.iter().any(|a| a.id.eq_ignore_ascii_case(id));
                if !known {
                    return Err(StoreError::NoSuchTask {
                        plan,
                        task: id.clone(),
                    }
                    .into());
                }
            }
            match format {
                HistoryFormat::Json => write_json(out, &events),
                HistoryFormat::Table => out
                    .write_all(history_table(session.lang, &events).as_bytes())
                    .map_err(out_err),
            }
        }
        Command::Import { file } => import(&session, cli.plan.as_deref(), file, out),
        Command::Serve { .. } => Err(serve_elsewhere()),
        Command::Export { format, out: path } => {
            export(&session, &plan, *format, path.as_deref(), out)
        }
        Command::Plans { activate } => {
            if let Some(name) = activate {
                session.store.execute(
                    &session.actor,
                    StoreCommand::SetActive { plan: name.clone() },
                )?;
            }
            let lang = session.lang;
            for p in session.store.plans()? {
                let mark = if p.active {
                    format!("  ({})", lang.t(Msg::Active))
                } else {
                    String::new()
                };
                let line = format!(
                    "{}  {} {}  {}{mark}",
                    p.name,
                    vf::count(lang, p.tasks),
                    lang.t(Msg::Tasks),
                    p.title
                );
                writeln!(out, "{}", printable(&line, false)).map_err(out_err)?;
            }
            Ok(())
        }
    }
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

fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    ratatui::crossterm::terminal::size()
        .ok()
        .map(|(w, _)| usize::from(w))
}

fn write_json<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> Result<(), CliError> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(|e| out_err(e.into()))?;
    writeln!(out).map_err(out_err)
}

/// One event as a sentence: "IV.5 status: not-started → done (lan, 14:02 28/11/2026)".
pub fn describe(lang: Lang, e: &Event) -> String {
    let when = e.at.with_timezone(&Local).format("%H:%M %d/%m/%Y");
    let what = e.task.as_deref().unwrap_or("");
    let from = e.from.as_ref().map(|f| {
        if f.is_empty() {
            "—".to_string()
        } else {
            f.clone()
        }
    });
    let change = match (&from, &e.to) {
        (Some(f), Some(t)) => format!("{f} → {t}"),
        (None, Some(t)) => t.clone(),
        (Some(f), None) => format!("{f} →"),
        (None, None) => String::new(),
    };
    let note = e
        .note
        .as_deref()
        .map(|n| format!(" — {n}"))
        .unwrap_or_default();
    let _ = lang;
    format!("{what} {}: {change}{note} ({}, {when})", e.field, e.who)
        .trim_start()
        .to_string()
}

/// The history as a table.
pub fn history_table(lang: Lang, events: &[Event]) -> String {
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
                e.at.with_timezone(&Local)
                    .format("%d/%m/%Y %H:%M")
                    .to_string(),
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

fn import(
    session: &Session,
    name: Option<&str>,
    file: &Path,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let read = read_file(file, name, &session.registry)?;
    for w in &read.warnings {
        eprintln!("steerdeck: warning: {}", printable(w, false));
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
        let verb = if r.created { "created" } else { "updated" };
        let line = format!(
            "plan '{}' {verb} and active: {} added, {} changed, {} removed (archived), {} unchanged{}",
            r.plan,
            r.added.len(),
            r.changed.len(),
            r.removed.len(),
            r.unchanged,
            if r.restored.is_empty() {
                String::new()
            } else {
                format!("; recorded states restored for {} tasks", r.restored.len())
            }
        );
        writeln!(out, "{}", printable(&line, false)).map_err(out_err)?;
        for (label, ids) in [
            ("added", &r.added),
            ("changed", &r.changed),
            ("removed", &r.removed),
        ] {
            if !ids.is_empty() {
                writeln!(out, "  {label}: {}", printable(&ids.join(", "), false))
                    .map_err(out_err)?;
            }
        }
    }
    Ok(())
}

fn export(
    session: &Session,
    plan: &str,
    format: ExportFormat,
    path: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let data = session.store.load(plan)?;
    let bytes = match format {
        ExportFormat::Json => {
            let doc = PlanDocument::new(data.plan.clone(), data.states.clone());
            let mut v = serde_json::to_vec_pretty(&doc).map_err(|e| CliError::Io {
                path: "export".into(),
                message: e.to_string(),
            })?;
            v.push(b'\n');
            v
        }
        ExportFormat::Csv => {
            let rows: Vec<TaskRow> = data
                .tasks()
                .iter()
                .map(|t| TaskRow::new(t, session.as_of))
                .collect();
            to_csv(&rows).map_err(|e| CliError::Io {
                path: "export".into(),
                message: e.to_string(),
            })?
        }
    };
    match path {
        None => out.write_all(&bytes).map_err(out_err),
        Some(p) => write_file_atomic(p, &bytes),
    }
}

/// Writes a file whole or not at all: a temporary file beside it, then a rename.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let err = |e: std::io::Error| CliError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| CliError::Io {
        path: path.display().to_string(),
        message: "not a file name".into(),
    })?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o640);
    }
    let result = (|| {
        let mut f = opts.open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}
