//! `steerdeck export`: the plan out, written whole or not at all.

use std::io::Write;
use std::path::Path;

use super::args::ExportFormat;
use super::{CliError, out_err};
use crate::plan::PlanDocument;
use crate::session::Session;

pub(super) fn run(
    session: &Session,
    plan: &str,
    format: ExportFormat,
    path: Option<&Path>,
    semicolon: bool,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let data = session.store.load(plan)?;
    let bytes = match format {
        ExportFormat::Json => {
            let doc = PlanDocument::new(data.plan.clone(), data.states.clone());
            let text = crate::export::sanitize::to_json_pretty(&doc).map_err(|e| CliError::Io {
                path: "export".into(),
                message: e.to_string(),
            })?;
            let mut v = text.into_bytes();
            v.push(b'\n');
            v
        }
        ExportFormat::Csv => crate::export::csv::plan_csv(
            &data.plan,
            &data.tasks(),
            session.as_of,
            session.lang,
            separator(semicolon),
        )
        .map_err(|e| CliError::Io {
            path: "export".into(),
            message: e.to_string(),
        })?,
    };
    match path {
        None => out.write_all(&bytes).map_err(out_err),
        Some(p) => write_file_atomic(p, &bytes),
    }
}

/// The CSV separator the `--semicolon` flag asks for.
pub(super) fn separator(semicolon: bool) -> crate::export::csv::Separator {
    if semicolon {
        crate::export::csv::Separator::Semicolon
    } else {
        crate::export::csv::Separator::Comma
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
