//! The scriptable command line: every command works without the TUI, on the same store.

pub mod args;
mod history;
mod list;
pub mod screen;
mod show;
pub mod table;
mod transfer;

use std::io::Write;

use crate::i18n::history::describe;
pub use args::Cli;
use args::{Command, HistoryFormat};
pub use history::history_table;
use list::{list, write_json};
pub use transfer::write_file_atomic;
use transfer::{export, import};

use crate::domain::text::printable;
use crate::i18n::{Lang, Msg, format as vf};
use crate::plan::PlanFileError;
use crate::query::{Due, Filter, parse_quarter};
use crate::session::{Session, SessionError};
use crate::store::{Command as StoreCommand, Outcome, StoreError, Update};

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
        Command::Targets => targets(&session, &plan, out),
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

/// `steerdeck targets`: each target with its value and the previous year's figure.
fn targets(session: &Session, plan: &str, out: &mut dyn Write) -> Result<(), CliError> {
    let data = session.store.load(plan)?;
    let lang = session.lang;
    let (target, baseline, what) = match lang {
        Lang::Vi => ("Chỉ tiêu", "Năm trước", "Nội dung"),
        Lang::En => ("Target", "Last year", "What"),
    };
    let rows: Vec<Vec<String>> = data
        .plan
        .targets
        .iter()
        .map(|k| {
            vec![
                k.id.clone(),
                vf::percent_exact(lang, k.target),
                k.baseline
                    .map_or_else(|| "—".into(), |b| vf::percent_exact(lang, b)),
                k.title.clone(),
            ]
        })
        .collect();
    if rows.is_empty() {
        return writeln!(out, "—").map_err(out_err);
    }
    let headers = [lang.t(Msg::Id), target, baseline, what];
    out.write_all(table::render(&headers, &rows, list::terminal_width(), 3).as_bytes())
        .map_err(out_err)
}
