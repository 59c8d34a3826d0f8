//! The `steerdeck` binary: parse the command line, run a command or the TUI, report errors as
//! sentences with a non-zero exit code.

use std::process::ExitCode;

use steerdeck::cli::{CliError, run};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language is known before clap parses, so that its help and refusals are said in it.
    let lang = steerdeck::cli::lang::process_lang(&args);
    let mut cli = match steerdeck::cli::parse::parse(lang, args) {
        Ok(cli) => cli,
        Err(e) => return steerdeck::cli::parse::report(&e, lang),
    };
    // The clock and the host's zone are read here and nowhere else: everything below takes the
    // review date and the zone as given.
    let now = chrono::Local::now();
    cli.as_of.get_or_insert(now.date_naive());
    cli.zone
        .get_or_insert(steerdeck::domain::time::Zone::from_offset(*now.offset()));
    #[cfg(target_os = "linux")]
    if let Some(steerdeck::cli::args::Command::Serve {
        idle_exit,
        idle_conn,
        max_conns,
        no_seed,
    }) = &cli.command
    {
        let secs = |s: &Option<u64>| s.map(std::time::Duration::from_secs);
        let opts = steerdeck::server::ServeOptions {
            idle_exit: secs(idle_exit),
            conn_idle: secs(idle_conn),
            max_clients: *max_conns,
            seed: !*no_seed,
        };
        return steerdeck::cli::serve(&cli, opts);
    }
    let result: Result<(), String> = match &cli.command {
        Some(command) => {
            // Buffered: a long listing is written in a few large writes, not one per line.
            let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
            match run(&cli, command, &mut out) {
                Ok(()) => match std::io::Write::flush(&mut out) {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                        Err(format!("<stdout>: {e}"))
                    }
                    _ => Ok(()),
                },
                Err(CliError::OutputClosed) => Ok(()),
                Err(e) => Err(e.in_lang(steerdeck::cli::spoken(&cli))),
            }
        }
        None => {
            steerdeck::cli::screen::open(&cli).map_err(|e| e.in_lang(steerdeck::cli::spoken(&cli)))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let msg = steerdeck::domain::text::printable(&e, true);
            let label = match steerdeck::cli::spoken(&cli) {
                steerdeck::i18n::Lang::Vi => "lỗi",
                steerdeck::i18n::Lang::En => "error",
            };
            eprintln!("steerdeck: {label}: {msg}");
            ExitCode::FAILURE
        }
    }
}
