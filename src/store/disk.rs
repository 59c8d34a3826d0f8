//! The store's files on disk, around sled: our own lock, the store's identity, creating a store
//! so that a crash cannot leave half of one, checking a store on a copy before sled may write to
//! it, and making writes durable (fsync).
//!
//! ```text
//! <db>/steerdeck.lock   our flock, held while a process owns the store (before sled opens)
//! <db>/store-id         the store's identity (also kept inside the store), for clients
//! <db>/clean-close      what sled's files held when the store was last closed cleanly
//! <db>/handover         the active plan's `load` answer at that close (see `store::handover`)
//! <db>/conf, db, blobs/, snap.*   sled's files
//! ```
//!
//! Why each step:
//!
//! - sled's own lock error is only a sentence; taking our `flock` first gives a typed
//!   [`StoreError::InUse`].
//! - A failing `sled::open` on a damaged file can rewrite (zero) parts of it. So an existing store
//!   is first opened on a copy; only when the copy opens does sled see the real files. A store
//!   that does not open is left byte for byte as it was. Copying and reading a large store
//!   costs more than the rest of opening it, so a store that was closed cleanly is not checked
//!   on a copy when its files still hold, byte for byte, what they held when it was closed: at a
//!   clean close, once sled has let go of its files, their lengths and CRC-32s are written to
//!   [`CLEAN_FILE`] (durably); at open they are read again and compared ([`closed_cleanly`]).
//!   Any change since (a crash in the middle of a write, a flipped bit, a copy torn by another
//!   writer, files from elsewhere) changes a length or a checksum, and the store is checked on
//!   a copy as before. The file needs no removing at open: the first write sled makes changes
//!   what it describes.
//! - A new store is built in a temporary directory and renamed into place once seeded and
//!   synced, so that a kill during the first seeding leaves no half-made store behind.
//! - sled's `flush` ends in `sync_file_range`, which does not make the file's size and metadata
//!   durable; [`Durable::sync`] runs `fsync` on the log and the directory after each flush.

use std::fs::File;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

use super::StoreError;

/// A store's keys and values, in key order.
pub type Entries = Vec<(Vec<u8>, Vec<u8>)>;

/// Our lock file inside the store directory.
pub const LOCK_FILE: &str = "steerdeck.lock";
/// The file that repeats the store's identity for clients (the store itself holds it too).
pub const ID_FILE: &str = "store-id";
/// The file that records what sled's files held at the last clean close (see the module
/// documentation).
pub const CLEAN_FILE: &str = "clean-close";
/// Where [`CLEAN_FILE`] is written before it is renamed into place.
const CLEAN_TMP: &str = ".clean-close.tmp";
/// The first line of [`CLEAN_FILE`].
const CLEAN_HEADER: &str = "steerdeck clean close 1";
/// The directory a new store is built in when its directory already exists (e.g. made by an
/// administrator with the right group and mode).
const NEW_INSIDE: &str = ".new-store";

/// The sled files of a store directory (their names at its top level).
fn is_sled_entry(name: &str) -> bool {
    matches!(name, "conf" | "db" | "blobs") || name.starts_with("snap.")
}

/// True for the files steerdeck itself keeps beside a store's (or in a directory about to
/// become one): the lock, the identity, the log, the socket, a store being built.
pub fn is_own_file(name: &str) -> bool {
    matches!(
        name,
        LOCK_FILE
            | ID_FILE
            | NEW_INSIDE
            | CLEAN_FILE
            | CLEAN_TMP
            | super::handover::HANDOVER_FILE
            | super::handover::HANDOVER_TMP
            | "steerdeck.sock"
    ) || name.starts_with(CHECK_PREFIX)
        || name.starts_with("steerdeck.log")
        || name.starts_with(".sock.")
        || name.starts_with(".store-id.")
}

/// True when `dir` holds a store's files.
pub fn holds_store(dir: &Path) -> bool {
    dir.join("conf").exists() || dir.join("db").exists()
}

/// A sentence for an I/O failure on `path`: the path and the cause, never a debug dump.
pub fn io_error(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        message: cause(e),
    }
}

/// The cause of an I/O error as a sentence ("No space left on device (os error 28)"). sled
/// passes some system errors on as the debug text of the original (`Os { code: 28, ... }`):
/// those are turned back into the system's sentence.
pub fn cause(e: &std::io::Error) -> String {
    let text = e.to_string();
    let code = text
        .split_once("Os { code: ")
        .and_then(|(_, rest)| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse::<i32>().ok());
    match code {
        Some(code) if e.raw_os_error().is_none() => {
            std::io::Error::from_raw_os_error(code).to_string()
        }
        _ => text,
    }
}

/// A sled error as a sentence naming the store's path.
pub fn sled_error(path: &Path, e: &sled::Error) -> StoreError {
    match e {
        sled::Error::Io(io) => io_error(path, io),
        sled::Error::Corruption { .. } => StoreError::Unopenable {
            path: path.display().to_string(),
            failure: describe_open_failure(e),
        },
        other => StoreError::Io {
            path: path.display().to_string(),
            message: other.to_string(),
        },
    }
}

/// What to do about a store that does not open.
pub const WHAT_TO_DO: &str = "its files were left exactly as they were; `steerdeck doctor` checks it without changing it, and `steerdeck restore FILE --db NEW_DIR` makes a new store from a backup";

/// Our lock on a store directory, held as long as the value lives.
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
}

/// Takes the store's lock, or says the store is in use.
pub fn lock(dir: &Path) -> Result<StoreLock, StoreError> {
    let path = dir.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(&path)
        .map_err(|e| io_error(&path, &e))?;
    match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(StoreLock { _file: file }),
        Err(rustix::io::Errno::WOULDBLOCK) => Err(StoreError::InUse {
            path: dir.display().to_string(),
        }),
        Err(e) => Err(io_error(&path, &e.into())),
    }
}

/// Whether another process holds the store's lock (a server, most likely); false when the lock
/// file cannot be opened.
pub fn is_locked(dir: &Path) -> bool {
    let Ok(file) = File::open(dir.join(LOCK_FILE)) else {
        return false;
    };
    match rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockShared) {
        Ok(()) => {
            let _ = rustix::fs::flock(&file, rustix::fs::FlockOperation::Unlock);
            false
        }
        Err(_) => true,
    }
}

/// A fresh random identity (128 bits from the kernel, as hex).
pub fn new_id() -> Result<String, StoreError> {
    let mut bytes = [0u8; 16];
    File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| io_error(Path::new("/dev/urandom"), &e))?;
    Ok(hex(&bytes))
}

/// Bytes as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

/// The identity a store directory's [`ID_FILE`] names, if any.
pub fn store_id(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(ID_FILE)).ok()?;
    let id = text.trim();
    (!id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| id.to_string())
}

/// Writes the [`ID_FILE`] (atomically: a temporary file renamed into place, synced). It is
/// readable by everyone who can enter the directory (the identity is no secret: the server
/// says it to whoever connects), whatever the umask.
pub fn write_id_file(dir: &Path, id: &str) -> Result<(), StoreError> {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;
    let tmp = dir.join(format!(".{ID_FILE}.{}.tmp", std::process::id()));
    let target = dir.join(ID_FILE);
    let _ = std::fs::remove_file(&tmp);
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.set_permissions(std::fs::Permissions::from_mode(0o644))?;
            f.write_all(format!("{id}\n").as_bytes())?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, &target))
        .map_err(|e| io_error(&target, &e))?;
    sync_dir(dir)
}

/// `fsync` of a directory (its entries: new, renamed or removed files).
pub fn sync_dir(dir: &Path) -> Result<(), StoreError> {
    File::open(dir)
        .and_then(|f| f.sync_all())
        .map_err(|e| io_error(dir, &e))
}

/// Copies a store's sled files (and nothing else) from `from` into the existing directory `to`.
pub fn copy_store_files(from: &Path, to: &Path) -> std::io::Result<u64> {
    let mut bytes = 0;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if !name.to_str().is_some_and(is_sled_entry) {
            continue;
        }
        bytes += copy_tree(&entry.path(), &to.join(&name))?;
    }
    Ok(bytes)
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<u64> {
    let meta = std::fs::symlink_metadata(from)?;
    if meta.is_dir() {
        std::fs::create_dir(to)?;
        let mut bytes = 0;
        for entry in std::fs::read_dir(from)? {
            let entry = entry?;
            bytes += copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        Ok(bytes)
    } else if meta.is_file() {
        std::fs::copy(from, to)
    } else {
        Ok(0) // sled makes no links or devices; a stray one is not the store's
    }
}

/// A private directory for scratch work (mode 0700), removed with the value.
pub struct Scratch {
    pub path: PathBuf,
}

impl Scratch {
    /// A new private directory under `parent`, named `prefix` plus something unique.
    pub fn new(parent: &Path, prefix: &str) -> std::io::Result<Scratch> {
        use std::os::unix::fs::DirBuilderExt;
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let mut last = None;
        for attempt in 0..100u32 {
            let path = parent.join(format!("{prefix}{}-{stamp}-{attempt}", std::process::id()));
            match std::fs::DirBuilder::new().mode(0o700).create(&path) {
                Ok(()) => return Ok(Scratch { path }),
                Err(e) if e.kind() == ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| std::io::Error::other("no unique name")))
    }

    /// Gives the directory up without removing it (it was renamed into place).
    pub fn keep(mut self) {
        self.path = PathBuf::new();
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

/// Opens a copy of the store in `dir` and reads every entry, so that a damaged store is found
/// without sled touching its files. Returns what went wrong, as a sentence.
pub fn check_on_copy(dir: &Path) -> Result<CheckReport, OpenFailure> {
    CHECKS.with(|c| c.set(c.get() + 1));
    // The copy goes next to the store first (the same file system, which has room for the
    // store), else to the temporary directory.
    let entries = read_copy_in(dir, dir, CHECK_PREFIX)
        .or_else(|_| read_copy_in(dir, &std::env::temp_dir(), "steerdeck-check-"))?;
    Ok(CheckReport {
        entries: entries.len() as u64,
        bytes: entries
            .iter()
            .map(|(k, v)| (k.len() + v.len()) as u64)
            .sum(),
    })
}

thread_local! {
    static CHECKS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// How many times this thread checked a store on a copy (tests check that a store closed
/// cleanly is opened without one).
pub fn checks_on_copy_in_this_thread() -> u64 {
    CHECKS.with(std::cell::Cell::get)
}

/// What sled's files in `dir` hold: per file (by its path inside `dir`, in order), its length
/// and CRC-32.
fn fingerprint(dir: &Path) -> std::io::Result<String> {
    use std::fmt::Write as _;
    fn walk(dir: &Path, rel: &str, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if rel.is_empty() && !is_sled_entry(&name) {
                continue;
            }
            let rel = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            let kind = entry.file_type()?;
            if kind.is_dir() {
                walk(&entry.path(), &rel, out)?;
            } else {
                out.push((rel, entry.path()));
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, "", &mut files)?;
    files.sort();
    let mut out = String::new();
    for (rel, path) in files {
        let (len, crc) = copy_crc(&mut File::open(&path)?, &mut std::io::sink())?;
        let _ = writeln!(out, "{rel} {len} {crc:08x}");
    }
    Ok(out)
}

/// Copies all of `r` to `w` through a small buffer; how many bytes, and their CRC-32.
pub(super) fn copy_crc(
    r: &mut impl Read,
    w: &mut impl std::io::Write,
) -> std::io::Result<(u64, u32)> {
    let mut buf = vec![0u8; 1 << 18];
    let mut crc = crc32fast::Hasher::new();
    let mut len = 0u64;
    loop {
        let n = r.read(&mut buf)?;
        if n == 0 {
            break;
        }
        crc.update(&buf[..n]);
        w.write_all(&buf[..n])?;
        len += n as u64;
    }
    Ok((len, crc.finalize()))
}

/// True when the store in `dir` was closed cleanly and its sled files hold, byte for byte,
/// what they held then (see the module documentation). False on any doubt.
pub fn closed_cleanly(dir: &Path) -> bool {
    clean_files(dir).is_some()
}

/// What sled's files in `dir` hold (lengths and CRC-32s), when that is what they held at the
/// last clean close; none on any doubt.
pub fn clean_files(dir: &Path) -> Option<String> {
    let recorded = std::fs::read_to_string(dir.join(CLEAN_FILE)).ok()?;
    let files = recorded
        .strip_prefix(CLEAN_HEADER)
        .and_then(|r| r.strip_prefix('\n'))?;
    (!files.is_empty() && fingerprint(dir).is_ok_and(|now| now == files)).then(|| files.to_string())
}

/// Records that the store in `dir` was closed cleanly, with what its files hold now, and leaves
/// `handover` for the next start (or removes the one an earlier close left). Call after sled
/// has let go of the files ([`wait_sled_closed`]), with the store's lock still held.
pub fn record_clean_close(
    dir: &Path,
    handover: Option<&super::handover::Handover>,
) -> Result<(), StoreError> {
    use std::io::Write;
    let files = fingerprint(dir).map_err(|e| io_error(dir, &e))?;
    match handover {
        // Written first: a crash before the record leaves it naming files the record does not
        // (unless nothing changed, when it is still true).
        Some(h) => super::handover::write(dir, h, &files)?,
        None => super::handover::remove(dir),
    }
    let tmp = dir.join(CLEAN_TMP);
    std::fs::File::create(&tmp)
        .and_then(|mut f| {
            f.write_all(format!("{CLEAN_HEADER}\n{files}").as_bytes())?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, dir.join(CLEAN_FILE)))
        .map_err(|e| io_error(&tmp, &e))?;
    sync_dir(dir)
}

/// How many bytes of sled's log in `dir` lie past its last snapshot: what opening the store
/// reads again, message by message (sled 0.34 takes a snapshot only when it opens a store, and
/// names it by the log position it reaches, `snap.<hex>`).
pub fn log_past_snapshot(dir: &Path) -> u64 {
    let log = std::fs::metadata(dir.join("db")).map_or(0, |m| m.len());
    let snapshot = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name();
            let hex = name.to_str()?.strip_prefix("snap.")?.to_string();
            u64::from_str_radix(&hex, 16).ok()
        })
        .max()
        .unwrap_or(0);
    log.saturating_sub(snapshot)
}

/// Waits (at most `limit`) until no process holds sled's own lock on the store's log: sled has
/// closed its files (its last writes may be finished by a background thread a moment after
/// the store is dropped). False when it did not happen in time.
pub fn wait_sled_closed(dir: &Path, limit: std::time::Duration) -> bool {
    let Ok(log) = File::open(dir.join("db")) else {
        return false;
    };
    let deadline = std::time::Instant::now() + limit;
    loop {
        match rustix::fs::flock(&log, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => {
                let _ = rustix::fs::flock(&log, rustix::fs::FlockOperation::Unlock);
                return true;
            }
            Err(rustix::io::Errno::WOULDBLOCK) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            Err(_) => return false,
        }
    }
}

/// Every entry of the store in `dir`, read from a scratch copy (the store's files are only
/// read). Take the store's lock first, or the copy may be torn by a writer.
pub fn read_copy(dir: &Path) -> Result<Entries, OpenFailure> {
    read_copy_in(dir, &std::env::temp_dir(), "steerdeck-check-")
}

/// The scratch copies made beside a store while it is checked before opening.
const CHECK_PREFIX: &str = ".check-";

fn read_copy_in(dir: &Path, parent: &Path, prefix: &str) -> Result<Entries, OpenFailure> {
    let scratch = Scratch::new(parent, prefix).map_err(|e| OpenFailure::NoScratch(cause(&e)))?;
    let copy = scratch.path.join("store");
    std::fs::create_dir(&copy)
        .and_then(|()| copy_store_files(dir, &copy))
        .map_err(|e| OpenFailure::NoCopy(cause(&e)))?;
    let db = sled::Config::new()
        .path(&copy)
        .open()
        .map_err(|e| describe_open_failure(&e))?;
    let mut entries = Vec::new();
    for kv in db.iter() {
        let (k, v) = kv.map_err(|e| describe_open_failure(&e))?;
        entries.push((k.to_vec(), v.to_vec()));
    }
    drop(db);
    Ok(entries)
}

/// What a check read.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CheckReport {
    /// Keys in the store.
    pub entries: u64,
    /// Bytes of keys and values.
    pub bytes: u64,
}

/// Why a store could not be opened (on its check copy, or itself), as data the interface words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenFailure {
    /// sled found data it cannot read.
    Damaged {
        /// Where, as sled says it, when it says.
        at: Option<String>,
    },
    /// The scratch copy for the check could not be made (the system's reason).
    NoScratch(String),
    /// The store's files could not be copied (the system's reason).
    NoCopy(String),
    /// Anything else (the system's or sled's reason).
    Cause(String),
}

impl std::fmt::Display for OpenFailure {
    /// The English sentence.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenFailure::Damaged { at: Some(at) } => write!(
                f,
                "the store's files are damaged (unreadable data at offset {at})"
            ),
            OpenFailure::Damaged { at: None } => {
                write!(f, "the store's files are damaged (unreadable data)")
            }
            OpenFailure::NoScratch(c) => {
                write!(f, "cannot make a scratch copy to check the store ({c})")
            }
            OpenFailure::NoCopy(c) => {
                write!(f, "cannot copy the store's files to check them ({c})")
            }
            OpenFailure::Cause(c) => f.write_str(c),
        }
    }
}

fn describe_open_failure(e: &sled::Error) -> OpenFailure {
    match e {
        sled::Error::Corruption { at, .. } => OpenFailure::Damaged {
            at: at.as_ref().map(|a| format!("{a:?}")),
        },
        sled::Error::Io(io) => OpenFailure::Cause(cause(io)),
        other => OpenFailure::Cause(other.to_string()),
    }
}

/// Where a new store is built before it is moved into `dir`.
pub enum Birthplace {
    /// `dir` does not exist: build in a sibling directory and rename it to `dir` (atomic).
    Sibling(Scratch),
    /// `dir` exists without a store (made by an administrator): build in `dir/.new-store` and
    /// move the files up, the identity file last.
    Inside(PathBuf),
}

/// Prepares the place a new store for `dir` is built in.
pub fn birthplace(dir: &Path) -> Result<Birthplace, StoreError> {
    if dir.exists() {
        let inside = dir.join(NEW_INSIDE);
        if inside.exists() {
            std::fs::remove_dir_all(&inside).map_err(|e| io_error(&inside, &e))?;
        }
        std::fs::create_dir(&inside).map_err(|e| io_error(&inside, &e))?;
        return Ok(Birthplace::Inside(inside));
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let cannot = |e: std::io::Error| StoreError::Open {
        path: dir.display().to_string(),
        message: cause(&e),
    };
    std::fs::create_dir_all(&parent).map_err(cannot)?;
    let name = dir
        .file_name()
        .map_or_else(|| "store".into(), |n| n.to_string_lossy().into_owned());
    let scratch = Scratch::new(&parent, &format!(".{name}.new-")).map_err(cannot)?;
    Ok(Birthplace::Sibling(scratch))
}

impl Birthplace {
    /// The directory the store is built in.
    pub fn path(&self) -> &Path {
        match self {
            Birthplace::Sibling(s) => &s.path,
            Birthplace::Inside(p) => p,
        }
    }

    /// Moves the built (and closed) store into `dir`. False when another process created the
    /// store first (then `dir` holds that one and this one is discarded).
    pub fn settle(self, dir: &Path, id: &str) -> Result<bool, StoreError> {
        match self {
            Birthplace::Sibling(scratch) => {
                write_id_file(&scratch.path, id)?;
                match std::fs::rename(&scratch.path, dir) {
                    Ok(()) => {
                        scratch.keep();
                        if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
                            sync_dir(parent)?;
                        }
                        Ok(true)
                    }
                    Err(_) if dir.exists() => Ok(false),
                    Err(e) => Err(io_error(dir, &e)),
                }
            }
            Birthplace::Inside(inside) => {
                for entry in std::fs::read_dir(&inside).map_err(|e| io_error(&inside, &e))? {
                    let entry = entry.map_err(|e| io_error(&inside, &e))?;
                    let name = entry.file_name();
                    if name.to_str().is_some_and(is_sled_entry) {
                        std::fs::rename(entry.path(), dir.join(&name))
                            .map_err(|e| io_error(&dir.join(&name), &e))?;
                    }
                }
                sync_dir(dir)?;
                write_id_file(dir, id)?;
                std::fs::remove_dir_all(&inside).map_err(|e| io_error(&inside, &e))?;
                sync_dir(dir)?;
                Ok(true)
            }
        }
    }
}

/// Scratch left in `dir` by a process killed while checking the store or binding its socket
/// (`.check-*`, `.sock.*`). Call with the store's lock held: then nobody is using them.
pub fn clear_scratch(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(CHECK_PREFIX) || name.starts_with(".sock.") {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// A creation inside `dir` that was interrupted: `.new-store` is still there and no identity
/// file was written. The sled files at the top of `dir` (if any) came from that creation's
/// moves and hold nothing anybody was told was saved; they are removed so creation starts over.
pub fn clear_interrupted_creation(dir: &Path) -> Result<(), StoreError> {
    let inside = dir.join(NEW_INSIDE);
    if !inside.exists() || dir.join(ID_FILE).exists() {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir).map_err(|e| io_error(dir, &e))? {
        let entry = entry.map_err(|e| io_error(dir, &e))?;
        if entry.file_name().to_str().is_some_and(is_sled_entry) {
            let p = entry.path();
            let r = if p.is_dir() {
                std::fs::remove_dir_all(&p)
            } else {
                std::fs::remove_file(&p)
            };
            r.map_err(|e| io_error(&p, &e))?;
        }
    }
    std::fs::remove_dir_all(&inside).map_err(|e| io_error(&inside, &e))?;
    Ok(())
}

/// Makes a store's flushed writes durable: `fsync` of its log, and of the directory whenever its
/// entries changed since the last time (a new or renamed file of sled's: an fsync of the
/// directory costs as much again as the log's, so it is not repeated for nothing).
pub struct Durable {
    dir: PathBuf,
    log: File,
    synced_entries: std::sync::Mutex<Option<Vec<std::ffi::OsString>>>,
}

fn entry_names(dir: &Path) -> Option<Vec<std::ffi::OsString>> {
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    names.sort();
    Some(names)
}

impl Durable {
    /// For the store in `dir` (its log file must exist: open sled first).
    pub fn new(dir: &Path) -> Result<Durable, StoreError> {
        let path = dir.join("db");
        let log = File::open(&path).map_err(|e| io_error(&path, &e))?;
        Ok(Durable {
            dir: dir.to_path_buf(),
            log,
            synced_entries: std::sync::Mutex::new(None),
        })
    }

    /// `fsync` of the log, and of the store directory when its entries changed; with `blobs`,
    /// of every blob file and the blob directory too (sled keeps large values, such as a big
    /// plan, in files of their own).
    pub fn sync(&self, blobs: bool) -> Result<(), StoreError> {
        self.log
            .sync_all()
            .map_err(|e| io_error(&self.dir.join("db"), &e))?;
        if blobs {
            let dir = self.dir.join("blobs");
            if let Ok(entries) = std::fs::read_dir(&dir) {
                for entry in entries.flatten() {
                    File::open(entry.path())
                        .and_then(|f| f.sync_all())
                        .map_err(|e| io_error(&entry.path(), &e))?;
                }
                sync_dir(&dir)?;
            }
        }
        let now = entry_names(&self.dir);
        let mut seen = self
            .synced_entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if now.is_none() || *seen != now {
            sync_dir(&self.dir)?;
            *seen = now;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identities_are_random_hex() {
        let a = new_id().expect("id");
        let b = new_id().expect("id");
        assert_eq!(a.len(), 32);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        assert_eq!(hex(&[0, 0xab, 0x7f]), "00ab7f");
    }

    #[test]
    fn a_debug_dump_of_a_system_error_becomes_its_sentence() {
        let dump = std::io::Error::other(
            "Os { code: 28, kind: StorageFull, message: \"No space left on device\" }",
        );
        assert_eq!(cause(&dump), "No space left on device (os error 28)");
        let plain = std::io::Error::from_raw_os_error(30);
        assert_eq!(cause(&plain), "Read-only file system (os error 30)");
        assert_eq!(cause(&std::io::Error::other("odd")), "odd");
    }

    #[test]
    fn the_lock_is_exclusive_and_typed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let held = lock(dir.path()).expect("first");
        assert!(is_locked(dir.path()));
        let again = lock(dir.path());
        assert!(
            matches!(&again, Err(StoreError::InUse { path }) if *path == dir.path().display().to_string()),
            "expected InUse, got {again:?}"
        );
        drop(held);
        assert!(!is_locked(dir.path()));
        lock(dir.path()).expect("free again");
    }
}
