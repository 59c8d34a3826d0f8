//! Note drafts on disk, so a draft closed with Esc survives the program being closed (or
//! killed): one small JSON file per store and plan in the user's data directory, readable by
//! the user only, written whole (a temporary file, then a rename).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The drafts file for a store directory and a plan, under `data_dir`.
pub fn path_for(data_dir: &Path, db: &Path, plan: &str) -> PathBuf {
    let db = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
    let key = format!("{}\0{plan}", db.display());
    data_dir
        .join("drafts")
        .join(format!("{:016x}.json", fnv1a(key.as_bytes())))
}

/// The user's drafts file for a store and a plan (none when the platform has no data directory).
pub fn default_path(db: &Path, plan: &str) -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "steerdeck").map(|d| path_for(d.data_dir(), db, plan))
}

/// A stable hash (FNV-1a), so the file name does not change between builds.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The drafts kept in `path`; none when there is no file. A file that cannot be read is an
/// error for the caller to say (its drafts are not thrown away).
pub fn load(path: &Path) -> Result<BTreeMap<String, String>, String> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map_err(|e| format!("{}: the note drafts cannot be read ({e})", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Writes the drafts whole, readable by the user only; no drafts, no file.
pub fn save(path: &Path, drafts: &BTreeMap<String, String>) -> std::io::Result<()> {
    if drafts.is_empty() {
        return match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        };
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)?;
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let result = (|| {
        let mut f = opts.open(&tmp)?;
        f.write_all(&serde_json::to_vec(drafts).map_err(std::io::Error::other)?)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_round_trip_privately_and_vanish_when_empty() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = path_for(dir.path(), Path::new("/srv/steerdeck"), "2025");
        assert_eq!(
            path,
            path_for(dir.path(), Path::new("/srv/steerdeck"), "2025")
        );
        assert_ne!(path, path_for(dir.path(), Path::new("/srv/other"), "2025"));
        assert!(load(&path).expect("no file").is_empty());
        let mut d = BTreeMap::new();
        d.insert("I.2".to_string(), "Kết luận: giao Cục CNTT".to_string());
        save(&path, &d).expect("save");
        assert_eq!(load(&path).expect("load"), d);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        save(&path, &BTreeMap::new()).expect("save empty");
        assert!(!path.exists());
        std::fs::write(&path, b"{not json").expect("write");
        assert!(load(&path).is_err());
    }
}
