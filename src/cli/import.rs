//! `steerdeck import FILE`: a plan in, whole or not at all.

use std::io::Write;
use std::path::Path;

use super::{CliError, out_err};
use crate::domain::text::printable;
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
        if print.json {
            return super::list::write_json(out, &r);
        }
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
        if !print.ids {
            return Ok(());
        }
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
