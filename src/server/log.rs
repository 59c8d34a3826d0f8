//! The server's log: `<db>/steerdeck.log`, one line per event (start, stop, failures), made with
//! the store's permissions (the server's umask, see `serve`), rotated when it passes
//! [`MAX_LOG`] into `steerdeck.log.1` .. `steerdeck.log.3`. Every line also goes to standard
//! error, so a server run by hand or by systemd shows it too.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::serve::lock;

/// The log's file name in the store directory.
pub const LOG_NAME: &str = "steerdeck.log";
/// Size at which the log is rotated.
pub const MAX_LOG: u64 = 1024 * 1024;
/// Rotated logs kept.
const KEEP: u32 = 3;

/// The server's log.
pub struct Log {
    path: PathBuf,
    file: Mutex<Option<File>>,
}

impl Log {
    /// The log of the store in `db` (standard error only, when the file cannot be opened).
    pub fn open(db: &Path) -> Log {
        let path = db.join(LOG_NAME);
        let file = open_append(&path);
        Log {
            path,
            file: Mutex::new(file),
        }
    }

    /// Writes a line (with the time) to the log and to standard error.
    pub fn line(&self, text: &str) {
        let stamp = chrono::Local::now().format("%Y-%m-%d %H:%M:%S%.3f");
        let line = format!("{stamp} {}\n", crate::domain::text::printable(text, false));
        let _ = std::io::stderr().write_all(line.as_bytes());
        let mut guard = lock(&self.file);
        if guard
            .as_ref()
            .and_then(|f| f.metadata().ok())
            .is_some_and(|m| m.len() >= MAX_LOG)
        {
            rotate(&self.path);
            *guard = open_append(&self.path);
        }
        if let Some(f) = guard.as_mut() {
            let _ = f.write_all(line.as_bytes());
        }
    }
}

fn open_append(path: &Path) -> Option<File> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .ok()
}

fn rotated(path: &Path, n: u32) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(format!(".{n}"));
    PathBuf::from(name)
}

fn rotate(path: &Path) {
    for n in (1..KEEP).rev() {
        let _ = std::fs::rename(rotated(path, n), rotated(path, n + 1));
    }
    let _ = std::fs::rename(path, rotated(path, 1));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_rotates_and_keeps_three() {
        let dir = tempfile::tempdir().expect("tempdir");
        let log = Log::open(dir.path());
        let line = "x".repeat(200 * 1024);
        for _ in 0..30 {
            log.line(&line);
        }
        let current = std::fs::metadata(dir.path().join(LOG_NAME)).expect("log");
        assert!(current.len() <= MAX_LOG + 210 * 1024, "{}", current.len());
        for n in 1..=KEEP {
            assert!(rotated(&dir.path().join(LOG_NAME), n).exists(), "log.{n}");
        }
        assert!(!rotated(&dir.path().join(LOG_NAME), KEEP + 1).exists());
    }
}
