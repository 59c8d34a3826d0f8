//! `steerdeck backup`, `restore` and `doctor`: a consistent copy of the store, a new store from
//! one, and a check that changes nothing.

use std::io::Write;
use std::path::Path;

use super::{Cli, CliError, out_err, write_file_atomic};
use crate::session::{Session, db_dir};
use crate::store::backup::{Backup, CheckReport, check_entries, restore};
use crate::store::{StoreError, disk};

fn unreadable(path: &Path, message: String) -> CliError {
    CliError::Io {
        path: path.display().to_string(),
        message,
    }
}

/// Writes a backup of the session's store to `path` (through the server: consistent while
/// others edit), after checking it.
pub(super) fn backup(session: &Session, path: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    let b = session.store.backup()?;
    let entries = b.decoded().map_err(|m| unreadable(path, m))?;
    let report = check_entries(&entries);
    if let Some(p) = report.problems.first() {
        return Err(CliError::Usage(format!(
            "the store has problems ({p}); run `steerdeck doctor` — no backup was written"
        )));
    }
    let bytes = serde_json::to_vec(&b).map_err(|e| unreadable(path, e.to_string()))?;
    write_file_atomic(path, &bytes)?;
    writeln!(
        out,
        "Backed up store {} into {}: {} entries, {} plan(s), {} task state(s), {} history event(s).",
        b.store,
        path.display(),
        report.entries,
        report.plans.len(),
        report.states,
        report.events
    )
    .map_err(out_err)
}

/// Makes the store in `--db` from a backup file.
pub(super) fn restore_from(cli: &Cli, file: &Path, out: &mut dyn Write) -> Result<(), CliError> {
    if cli.read_only {
        return Err(CliError::ReadOnly);
    }
    // A restore makes a store on purpose: a --db that does not exist yet is fine.
    let dir = match &cli.db {
        Some(p) => p.clone(),
        None => db_dir(None)?,
    };
    let text = std::fs::read(file).map_err(|e| unreadable(file, e.to_string()))?;
    let b = Backup::parse(&text).map_err(|m| unreadable(file, m))?;
    let report = restore(&dir, &b)?;
    writeln!(
        out,
        "Restored store {} (backed up {}) into {}: {} plan(s), {} task state(s), {} history event(s).",
        b.store,
        b.taken,
        dir.display(),
        report.plans.len(),
        report.states,
        report.events
    )
    .map_err(out_err)
}

/// Checks the store in `--db` without changing it: through its server when one runs (a
/// consistent copy), else on a scratch copy of its files, under the store's lock.
pub(super) fn doctor(cli: &Cli, out: &mut dyn Write) -> Result<(), CliError> {
    let dir = db_dir(cli.db.as_deref())?;
    if !disk::holds_store(&dir) {
        return Err(CliError::Usage(format!(
            "there is no store at {}",
            dir.display()
        )));
    }
    let entries = if disk::is_locked(&dir) {
        #[cfg(target_os = "linux")]
        {
            let remote =
                crate::server::RemoteStore::connect(crate::server::ConnectOptions::new(&dir))?;
            crate::store::PlanStore::backup(&remote)?
                .decoded()
                .map_err(|m| unreadable(&dir, m))?
        }
        #[cfg(not(target_os = "linux"))]
        return Err(StoreError::InUse {
            path: dir.display().to_string(),
        }
        .into());
    } else {
        // Our lock (when the store has a lock file already: nothing is created) keeps a server
        // from starting while the files are copied.
        let _held = if dir.join(disk::LOCK_FILE).exists() {
            Some(disk::lock(&dir)?)
        } else {
            None
        };
        disk::read_copy(&dir).map_err(|message| StoreError::Open {
            path: dir.display().to_string(),
            message: format!("{message}; {}", disk::WHAT_TO_DO),
        })?
    };
    let report = check_entries(&entries);
    write_report(&dir, &report, out)?;
    if report.problems.is_empty() {
        Ok(())
    } else {
        Err(CliError::Usage(format!(
            "the store at {} has {} problem(s); nothing was changed (restore a backup into a new directory with `steerdeck restore FILE --db NEW_DIR`)",
            dir.display(),
            report.problems.len()
        )))
    }
}

fn write_report(dir: &Path, r: &CheckReport, out: &mut dyn Write) -> Result<(), CliError> {
    let id = disk::store_id(dir).unwrap_or_else(|| "(none)".into());
    writeln!(
        out,
        "Store {} at {}: {} entries, plan(s) {}, {} task state(s), {} history event(s).",
        id,
        dir.display(),
        r.entries,
        if r.plans.is_empty() {
            "none".to_string()
        } else {
            r.plans.join(", ")
        },
        r.states,
        r.events
    )
    .map_err(out_err)?;
    if r.problems.is_empty() {
        writeln!(out, "No problems found.").map_err(out_err)?;
    }
    for p in &r.problems {
        writeln!(out, "Problem: {p}.").map_err(out_err)?;
    }
    Ok(())
}
