//! The `steerdeck` binary: parse the command line, run a command or the TUI, report errors as
//! sentences with a non-zero exit code.

use std::process::ExitCode;

use clap::Parser;
use steerdeck::cli::{Cli, CliError, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    #[cfg(target_os = "linux")]
    if let Some(steerdeck::cli::args::Command::Serve { idle_exit }) = &cli.command {
        return steerdeck::cli::serve(&cli, *idle_exit);
    }
    let result: Result<(), String> = match &cli.command {
        Some(command) => {
            // Buffered: a long listing is written in a few large writes, not one per line.
            let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
            match run(&cli, command, &mut out) {
                Ok(()) => match std::io::Write::flush(&mut out) {
                    Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                        Err(format!("cannot write to <stdout>: {e}"))
                    }
                    _ => Ok(()),
                },
                Err(CliError::OutputClosed) => Ok(()),
                Err(e) => Err(e.to_string()),
            }
        }
        None => steerdeck::cli::screen::open(&cli).map_err(|e| e.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let msg = steerdeck::domain::text::printable(&e, true);
            eprintln!("steerdeck: error: {msg}");
            ExitCode::FAILURE
        }
    }
}
