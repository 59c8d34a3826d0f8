//! The scriptable command line: every command works without the TUI, on the same store.

pub mod args;
mod backup;
mod changes;
mod docs;
mod export;
mod help_vi;
mod history;
mod import;
pub mod lang;
mod list;
mod meeting;
mod papers;
pub mod parse;
mod plans;
pub mod screen;
mod set;
mod show;
mod summary;
pub mod table;
mod targets;

use std::io::Write;

pub use args::Cli;
use args::Command;
pub use export::{write_file_atomic, write_file_new};
pub use history::history_table;

use crate::domain::text::printable;
use crate::i18n::Lang;
use crate::plan::PlanFileError;
use crate::session::{Session, SessionError};
use crate::store::StoreError;

/// Why a command failed; the message is what the user reads.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    PlanFile(#[from] PlanFileError),
    #[error(transparent)]
    Search(#[from] crate::query::SearchUnavailable),
    /// The settings file cannot be used.
    #[error(transparent)]
    Settings(crate::file_error::FileError),
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

/// The language errors are said in: the interface language, or Vietnamese when even the
/// settings file cannot say which.
pub fn spoken(cli: &Cli) -> Lang {
    language(cli).unwrap_or_default()
}

impl CliError {
    /// The sentence in the interface language.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            CliError::Session(e) => e.in_lang(lang),
            CliError::Store(e) => crate::i18n::errors::store(lang, e),
            CliError::PlanFile(e) => e.in_lang(lang),
            CliError::Settings(e) => e.in_lang(lang),
            CliError::ReadOnly if lang == Lang::Vi => {
                "phiên chỉ xem (--read-only): không có gì thay đổi".into()
            }
            other => other.to_string(),
        }
    }
}

/// The interface language: `--lang`/`STEERDECK_LANG`, else the settings file, else Vietnamese.
fn language(cli: &Cli) -> Result<Lang, CliError> {
    if let Some(l) = cli.lang {
        return Ok(l);
    }
    let config = crate::config::Config::load(crate::config::config_path().as_deref())
        .map_err(CliError::Settings)?;
    Ok(config.lang.unwrap_or_default())
}

/// Runs `steerdeck serve` until it is told to stop; errors are printed here, and the exit
/// status tells a session that started it what happened (see `server::EXIT_IN_USE`).
#[cfg(target_os = "linux")]
pub fn serve(cli: &Cli, opts: crate::server::ServeOptions) -> std::process::ExitCode {
    // Why it could not run, in the interface language: a session that started this server
    // passed its own (`--lang`) and relays this line.
    let lang = spoken(cli);
    let result = crate::session::db_dir(cli.db.as_deref())
        .map_err(|e| (1, e.in_lang(lang)))
        .and_then(|dir| {
            crate::server::serve(&dir, opts).map_err(|e| {
                let said = match &e {
                    crate::server::ServerError::Store(s) => crate::i18n::errors::store(lang, s),
                    other => other.to_string(),
                };
                (e.exit_code(), said)
            })
        });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err((code, message)) => {
            let label = match lang {
                Lang::Vi => "lỗi",
                Lang::En => "error",
            };
            eprintln!("steerdeck: {label}: {}", printable(&message, true));
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
    // Commands that must not open (or create) the store first.
    match command {
        Command::Serve { .. } => return Err(serve_elsewhere()),
        Command::Restore { file } => return backup::restore_from(cli, file, out),
        Command::Doctor => return backup::doctor(cli, out),
        Command::Completions { shell } => return docs::completions(*shell, out),
        Command::Man => return docs::man(out),
        _ => {}
    }
    let dir = crate::session::db_dir(cli.db.as_deref())?;
    let mut session = Session::open(&dir, cli.user.as_deref(), cli.as_of, language(cli)?)?;
    session.zone = cli.zone.unwrap_or_default();
    let plan = session.plan_name(cli.plan.as_deref())?;
    let is_edit = matches!(command, Command::Set(_) | Command::Import { .. })
        || matches!(command, Command::Plans { activate: Some(_) })
        || matches!(
            command,
            Command::Targets {
                command: Some(
                    args::TargetsCommand::Set { .. } | args::TargetsCommand::Withdraw { .. }
                )
            }
        )
        || matches!(command, Command::Meeting { command } if !matches!(
            command,
            args::MeetingCommand::List | args::MeetingCommand::Show { .. }
        ));
    if cli.read_only && is_edit {
        return Err(CliError::ReadOnly);
    }
    match command {
        Command::List(args) => list::run(&session, &plan, args, out),
        Command::Show { id } => show::show(&session, &plan, id, out),
        Command::Set(args) => set::run(&session, &plan, args, out),
        Command::History { id, format } => {
            history::run(&session, &plan, id.as_deref(), *format, out)
        }
        Command::Import {
            file,
            format,
            verbose,
        } => import::run(
            &session,
            cli.plan.as_deref(),
            file,
            import::Print {
                json: *format == args::ImportFormat::Json,
                ids: *verbose,
            },
            out,
        ),
        Command::Serve { .. } => Err(serve_elsewhere()),
        Command::Export {
            kind,
            format,
            out: path,
            force,
            semicolon,
            meeting,
            unit,
            since,
        } => export::run(
            &session,
            &plan,
            &export::Request {
                kind: *kind,
                format: *format,
                out: path.as_deref(),
                force: *force,
                semicolon: *semicolon,
                meeting: meeting.as_deref(),
                unit: unit.as_deref(),
                since: *since,
            },
            out,
        ),
        Command::Targets { command } => targets::run(&session, &plan, command.as_ref(), out),
        Command::Meeting { command } => meeting::run(&session, &plan, command, out),
        Command::Changes { since, format } => changes::run(&session, &plan, since, *format, out),
        Command::Summary { format } => summary::run(&session, &plan, *format, out),
        Command::Plans { activate } => plans::run(&session, activate.as_deref(), out),
        Command::Backup { out: path } => backup::backup(&session, path, out),
        Command::Restore { .. } | Command::Doctor | Command::Completions { .. } | Command::Man => {
            Ok(()) // handled above
        }
    }
}
