//! The one place a paper touches the disk: written whole or not at all, and never over an existing
//! file unless asked. The screen's export menu and `steerdeck export` both write through it.

use std::io::Write;
use std::path::{Path, PathBuf};

fn temp_beside(path: &Path) -> std::io::Result<PathBuf> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    Ok(dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

fn write_temp(tmp: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o640);
    }
    let mut f = opts.open(tmp)?;
    f.write_all(bytes)?;
    f.sync_all()
}

/// Writes `bytes` to `path` through a temporary file beside it. Unless `replace`, only if
/// nothing is there: the temporary file is linked to the name (which fails if the name is taken,
/// even when another program creates it meanwhile), then removed; where links are not possible,
/// the name is checked and the file renamed. Nothing is left behind on failure.
pub fn write_new(path: &Path, bytes: &[u8], replace: bool) -> std::io::Result<()> {
    let tmp = temp_beside(path)?;
    let result = write_temp(&tmp, bytes).and_then(|()| {
        if replace {
            return std::fs::rename(&tmp, path);
        }
        match std::fs::hard_link(&tmp, path) {
            Ok(()) => std::fs::remove_file(&tmp),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
            Err(_) if path.exists() => Err(std::io::ErrorKind::AlreadyExists.into()),
            Err(_) => std::fs::rename(&tmp, path),
        }
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// A name in `dir` that no file has: `stem.ext`, else `stem-2.ext`, `stem-3.ext` ...
pub fn free_name(dir: &Path, stem: &str, ext: &str) -> PathBuf {
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        if !path.exists() {
            return path;
        }
        n += 1;
    }
}
