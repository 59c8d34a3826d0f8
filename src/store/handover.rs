//! What a clean close leaves for the next start: the active plan's `load` answer, as the JSON
//! the server sends, so that a server started for a screen answers it before sled has opened
//! (sled's open and the answer's making are most of a screen's wait: 27 ms at 10,000 tasks, 200
//! ms at 100,000).
//!
//! ```text
//! <db>/handover   {"plan":…,"last_seq":…,"store":…,"files":…,"len":…,"crc":…}\n  then the answer
//! ```
//!
//! It is written at a clean close, after sled has let go of its files, before the record of
//! the close (`disk::record_clean_close`), and it names, in `files`, what sled's files held
//! then, byte for byte (lengths and CRC-32s). It is believed only when the store was closed
//! cleanly and that record names exactly those files (`disk::closed_cleanly`), so it answers
//! for exactly the store that opens; and only when the answer itself has its length and CRC-32:
//! a flipped bit, a torn write or a file left by an earlier close is not read, and the store is
//! opened and answers as before. Nothing is ever written from it into the store.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::StoreError;
use super::disk;

/// The file's name inside the store directory.
pub const HANDOVER_FILE: &str = "handover";
/// Where it is written before it is renamed into place.
pub(super) const HANDOVER_TMP: &str = ".handover.tmp";
/// The longest header line read.
const MAX_HEADER: u64 = 1 << 20;

/// The active plan's `load` answer, with what a session asks for with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handover {
    /// The active plan.
    pub plan: String,
    /// The store's last sequence number.
    pub last_seq: u64,
    /// The store's identity.
    pub store: String,
    /// The `load` answer for `plan`: JSON, as the store puts it together.
    pub answer: Arc<Vec<u8>>,
}

#[derive(Serialize, Deserialize)]
struct Header {
    plan: String,
    last_seq: u64,
    store: String,
    /// What sled's files held when it was written (as `disk::fingerprint` writes it).
    files: String,
    len: u64,
    crc: u32,
}

/// Writes `handover` into `dir` durably, for sled files that hold `files`.
pub fn write(dir: &Path, handover: &Handover, files: &str) -> Result<(), StoreError> {
    let header = Header {
        plan: handover.plan.clone(),
        last_seq: handover.last_seq,
        store: handover.store.clone(),
        files: files.to_string(),
        len: handover.answer.len() as u64,
        crc: crc32fast::hash(&handover.answer),
    };
    let tmp = dir.join(HANDOVER_TMP);
    let written = serde_json::to_vec(&header)
        .map_err(std::io::Error::other)
        .and_then(|line| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&line)?;
            f.write_all(b"\n")?;
            f.write_all(&handover.answer)?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, dir.join(HANDOVER_FILE)));
    written.map_err(|e| disk::io_error(&tmp, &e))
}

/// Removes the file (a close that leaves no answer, so that none is believed from before).
pub(super) fn remove(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(HANDOVER_FILE));
}

/// What a clean close left, as read back: the answer stays in the file and is copied from it
/// when it is asked for (see [`Left::copy_to`]), so a server does not keep it in memory (35 MB at
/// 100,000 tasks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Left {
    /// The active plan.
    pub plan: String,
    /// The store's last sequence number.
    pub last_seq: u64,
    /// The store's identity.
    pub store: String,
    path: std::path::PathBuf,
    /// Where the answer starts in the file.
    offset: u64,
    len: u64,
    crc: u32,
}

impl Left {
    /// Copies the answer to `w`, checking it again as it goes: an error (and not all of it
    /// written) if the file no longer holds it whole.
    pub fn copy_to(&self, w: &mut impl Write) -> std::io::Result<()> {
        use std::io::{Seek, SeekFrom};
        let mut file = std::fs::File::open(&self.path)?;
        file.seek(SeekFrom::Start(self.offset))?;
        let crc = copy_checked(&mut file.take(self.len), w, self.len)?;
        if crc == self.crc {
            Ok(())
        } else {
            Err(std::io::Error::other("the handover file changed"))
        }
    }

    /// The answer, read whole.
    pub fn answer(&self) -> std::io::Result<Vec<u8>> {
        let mut out = Vec::with_capacity(usize::try_from(self.len).unwrap_or(0));
        self.copy_to(&mut out)?;
        Ok(out)
    }
}

/// Copies exactly `len` bytes from `r` to `w`; their CRC-32.
fn copy_checked(r: &mut impl Read, w: &mut impl Write, len: u64) -> std::io::Result<u32> {
    match disk::copy_crc(r, w)? {
        (copied, crc) if copied == len => Ok(crc),
        _ => Err(std::io::Error::other("the handover file is cut short")),
    }
}

/// What was left in `dir`, when it was left for sled files that hold `files` and its answer is
/// whole (read through once to check it, not kept).
pub fn read(dir: &Path, files: &str) -> Option<Left> {
    let path = dir.join(HANDOVER_FILE);
    let file = std::fs::File::open(&path).ok()?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut line = Vec::new();
    reader
        .by_ref()
        .take(MAX_HEADER)
        .read_until(b'\n', &mut line)
        .ok()?;
    let header: Header = serde_json::from_slice(line.strip_suffix(b"\n")?).ok()?;
    if header.files != files {
        return None;
    }
    // One byte more than it says: a longer file is not the one written.
    let crc = copy_checked(
        &mut reader.take(header.len + 1),
        &mut std::io::sink(),
        header.len,
    )
    .ok()?;
    (crc == header.crc).then_some(Left {
        plan: header.plan,
        last_seq: header.last_seq,
        store: header.store,
        path,
        offset: line.len() as u64,
        len: header.len,
        crc: header.crc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Handover {
        Handover {
            plan: "2025".into(),
            last_seq: 7,
            store: "ab12".into(),
            answer: Arc::new(br#"{"plan":{"name":"2025"},"states":{}}"#.to_vec()),
        }
    }

    /// What was left, with its answer, as it reads back.
    fn back(dir: &Path, files: &str) -> Option<Handover> {
        let left = read(dir, files)?;
        Some(Handover {
            answer: Arc::new(left.answer().expect("the answer")),
            plan: left.plan,
            last_seq: left.last_seq,
            store: left.store,
        })
    }

    #[test]
    fn it_is_read_back_only_for_the_files_it_was_left_for() {
        let dir = tempfile::tempdir().expect("dir");
        write(dir.path(), &sample(), "db 10 00000001\n").expect("write");
        assert_eq!(back(dir.path(), "db 10 00000001\n"), Some(sample()));
        assert_eq!(read(dir.path(), "db 10 00000002\n"), None, "other files");
        remove(dir.path());
        assert_eq!(read(dir.path(), "db 10 00000001\n"), None);
    }

    #[test]
    fn a_damaged_or_cut_answer_is_not_read() {
        let dir = tempfile::tempdir().expect("dir");
        let files = "db 10 00000001\n";
        write(dir.path(), &sample(), files).expect("write");
        let path = dir.path().join(HANDOVER_FILE);
        let good = std::fs::read(&path).expect("read");
        let mut flipped = good.clone();
        let last = flipped.len() - 3;
        flipped[last] ^= 1;
        std::fs::write(&path, &flipped).expect("write");
        assert_eq!(read(dir.path(), files), None, "a flipped bit");
        std::fs::write(&path, &good[..good.len() - 1]).expect("write");
        assert_eq!(read(dir.path(), files), None, "cut short");
        let mut longer = good.clone();
        longer.extend_from_slice(b"x");
        std::fs::write(&path, &longer).expect("write");
        assert_eq!(read(dir.path(), files), None, "longer than it says");
        std::fs::write(&path, b"not a header\n{}").expect("write");
        assert_eq!(read(dir.path(), files), None, "no header");
        std::fs::write(&path, &good).expect("write");
        assert_eq!(back(dir.path(), files), Some(sample()));
    }

    #[test]
    fn an_answer_changed_after_it_was_read_is_not_copied_whole() {
        let dir = tempfile::tempdir().expect("dir");
        let files = "db 10 00000001\n";
        write(dir.path(), &sample(), files).expect("write");
        let left = read(dir.path(), files).expect("left");
        let path = dir.path().join(HANDOVER_FILE);
        let mut bytes = std::fs::read(&path).expect("read");
        let last = bytes.len() - 3;
        bytes[last] ^= 1;
        std::fs::write(&path, &bytes).expect("write");
        assert!(left.answer().is_err());
    }
}
