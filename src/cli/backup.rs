//! `steerdeck backup`, `restore` and `doctor`: a consistent copy of the store, a new store from
//! one, and a check that changes nothing.

use std::io::Write;
use std::path::Path;

use super::{Cli, CliError, out_err, write_file_atomic};
use crate::i18n::{Lang, errors, format as vf};
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
    let lang = session.lang;
    if let Some(p) = report.problems.first() {
        let p = errors::backup_problem(lang, p);
        return Err(CliError::Usage(match lang {
            Lang::Vi => format!(
                "kho dữ liệu có lỗi ({p}); hãy chạy `steerdeck doctor` — chưa ghi bản sao lưu nào"
            ),
            Lang::En => format!(
                "the store has problems ({p}); run `steerdeck doctor` — no backup was written"
            ),
        }));
    }
    let bytes = serde_json::to_vec(&b).map_err(|e| unreadable(path, e.to_string()))?;
    write_file_atomic(path, &bytes)?;
    let (n, p) = (|x: usize| vf::count(lang, x), path.display());
    let line = match lang {
        Lang::Vi => format!(
            "Đã sao lưu kho {} vào {p}: {} mục, {} kế hoạch, {} tình trạng nhiệm vụ, {} sự kiện lịch sử.",
            b.store,
            n(report.entries),
            n(report.plans.len()),
            n(report.states),
            n(report.events)
        ),
        Lang::En => format!(
            "Backed up store {} into {p}: {} entries, {} plan(s), {} task state(s), {} history event(s).",
            b.store,
            report.entries,
            report.plans.len(),
            report.states,
            report.events
        ),
    };
    writeln!(out, "{line}").map_err(out_err)
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
    let lang = super::spoken(cli);
    let n = |x: usize| vf::count(lang, x);
    // The backup's time, as stored (RFC 3339, UTC), shown in the store's zone.
    let taken = chrono::DateTime::parse_from_rfc3339(&b.taken).map_or_else(
        |_| b.taken.clone(),
        |t| {
            cli.zone
                .unwrap_or_default()
                .date_and_time(t.with_timezone(&chrono::Utc))
        },
    );
    let line = match lang {
        Lang::Vi => format!(
            "Đã khôi phục kho {} (sao lưu lúc {taken}) vào {}: {} kế hoạch, {} tình trạng nhiệm vụ, {} sự kiện lịch sử.",
            b.store,
            dir.display(),
            n(report.plans.len()),
            n(report.states),
            n(report.events)
        ),
        Lang::En => format!(
            "Restored store {} (backed up {taken}) into {}: {} plan(s), {} task state(s), {} history event(s).",
            b.store,
            dir.display(),
            report.plans.len(),
            report.states,
            report.events
        ),
    };
    writeln!(out, "{line}").map_err(out_err)
}

/// Checks the store in `--db` without changing it: through its server when one runs (a
/// consistent copy), else on a scratch copy of its files, under the store's lock.
pub(super) fn doctor(cli: &Cli, out: &mut dyn Write) -> Result<(), CliError> {
    let dir = db_dir(cli.db.as_deref())?;
    let lang = super::spoken(cli);
    if !disk::holds_store(&dir) {
        return Err(CliError::Usage(match lang {
            Lang::Vi => format!("không có kho dữ liệu tại {}", dir.display()),
            Lang::En => format!("there is no store at {}", dir.display()),
        }));
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
        disk::read_copy(&dir).map_err(|failure| StoreError::Unopenable {
            path: dir.display().to_string(),
            failure,
        })?
    };
    let report = check_entries(&entries);
    write_report(lang, &dir, &report, out)?;
    if report.problems.is_empty() {
        Ok(())
    } else {
        let count = report.problems.len();
        Err(CliError::Usage(match lang {
            Lang::Vi => format!(
                "kho dữ liệu tại {} có {count} lỗi; không có gì bị thay đổi (khôi phục một bản sao lưu vào thư mục mới: `steerdeck --db THƯ_MỤC_MỚI restore TỆP`)",
                dir.display()
            ),
            Lang::En => format!(
                "the store at {} has {count} problem(s); nothing was changed (restore a backup into a new directory with `steerdeck restore FILE --db NEW_DIR`)",
                dir.display()
            ),
        }))
    }
}

fn write_report(
    lang: Lang,
    dir: &Path,
    r: &CheckReport,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let vi = lang == Lang::Vi;
    let none = if vi { "(không có)" } else { "(none)" };
    let id = disk::store_id(dir).unwrap_or_else(|| none.into());
    let plans = if r.plans.is_empty() {
        none.to_string()
    } else {
        r.plans.join(", ")
    };
    let n = |x: usize| vf::count(lang, x);
    let line = if vi {
        format!(
            "Kho {id} tại {}: {} mục, kế hoạch {plans}, {} tình trạng nhiệm vụ, {} sự kiện lịch sử.",
            dir.display(),
            n(r.entries),
            n(r.states),
            n(r.events)
        )
    } else {
        format!(
            "Store {id} at {}: {} entries, plan(s) {plans}, {} task state(s), {} history event(s).",
            dir.display(),
            r.entries,
            r.states,
            r.events
        )
    };
    writeln!(out, "{line}").map_err(out_err)?;
    if r.problems.is_empty() {
        let ok = if vi {
            "Không phát hiện lỗi nào."
        } else {
            "No problems found."
        };
        writeln!(out, "{ok}").map_err(out_err)?;
    }
    for p in &r.problems {
        let label = if vi { "Lỗi" } else { "Problem" };
        writeln!(out, "{label}: {}.", errors::backup_problem(lang, p)).map_err(out_err)?;
    }
    Ok(())
}
