//! `steerdeck completions SHELL` and `steerdeck man`: generated from the command line's own
//! definition, so they cannot drift from it.

use std::io::Write;

use super::{Cli, CliError, out_err};

/// A completion script for `shell`.
pub(super) fn completions(
    shell: clap_complete::Shell,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "steerdeck", &mut buf);
    out.write_all(&buf).map_err(out_err)
}

/// The manual page, in roff.
pub(super) fn man(out: &mut dyn Write) -> Result<(), CliError> {
    let cmd = <Cli as clap::CommandFactory>::command();
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut buf)
        .map_err(|e| CliError::Usage(format!("cannot write the manual page: {e}")))?;
    out.write_all(&buf).map_err(out_err)
}
