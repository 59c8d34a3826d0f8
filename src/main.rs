//! The `steerdeck` binary: parse the command line, run a command or the TUI, report errors as
//! sentences with a non-zero exit code.

use std::process::ExitCode;

use clap::Parser;
use steerdeck::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    #[cfg(target_os = "linux")]
    if let Some(steerdeck::cli::args::Command::Serve { idle_exit }) = &cli.command {
        return steerdeck::cli::serve(&cli, *idle_exit);
    }
    let result = match &cli.command {
        Some(command) => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            run(&cli, command, &mut out)
        }
        None => Err(steerdeck::cli::CliError::Usage(
            "the interactive screen is not built yet; try `steerdeck list`".into(),
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(steerdeck::cli::CliError::OutputClosed) => ExitCode::SUCCESS,
        Err(e) => {
            let msg = steerdeck::domain::text::printable(&e.to_string(), true);
            eprintln!("steerdeck: error: {msg}");
            ExitCode::FAILURE
        }
    }
}
