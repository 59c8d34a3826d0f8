//! Backups, restores and checks of a sled store.
//!
//! A backup is every key and value of the store, taken under the store's write lock (no edit can
//! come between two entries: the copy is consistent even while the server runs), as one JSON
//! document:
//!
//! ```text
//! {"steerdeck_backup":1,"store":"<identity>","taken":"2025-07-15T08:00:00Z","count":N,
//!  "entries":[["<key hex>","<value hex>"], ...]}
//! ```
//!
//! A restore builds a new store from a backup in a scratch directory and moves it into place
//! (see `disk`), only where no store is yet: it never overwrites one. A check reads every entry
//! the way the store does and cross-checks the indexes; it changes nothing.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::apply::StoredPlan;
use super::disk::{self, Durable};
use super::{Event, StoreError};
use crate::domain::TaskState;

/// The format version of backups.
pub const BACKUP_VERSION: u32 = 1;

/// A consistent copy of a whole store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    /// The format version ([`BACKUP_VERSION`]).
    pub steerdeck_backup: u32,
    /// The identity of the store it was taken from.
    pub store: String,
    /// When it was taken (RFC 3339).
    pub taken: String,
    /// How many entries (a check against a cut file).
    pub count: usize,
    /// Keys and values, hex.
    pub entries: Vec<(String, String)>,
}

impl Backup {
    /// A backup of these entries.
    pub fn new(store: &str, entries: &[(Vec<u8>, Vec<u8>)]) -> Self {
        let entries: Vec<(String, String)> = entries
            .iter()
            .map(|(k, v)| (disk::hex(k), disk::hex(v)))
            .collect();
        Backup {
            steerdeck_backup: BACKUP_VERSION,
            store: store.to_string(),
            taken: chrono::Utc::now().to_rfc3339(),
            count: entries.len(),
            entries,
        }
    }

    /// Reads a backup file's text; what is wrong is said as a sentence.
    pub fn parse(text: &[u8]) -> Result<Backup, String> {
        let b: Backup = serde_json::from_slice(text)
            .map_err(|e| format!("this is not a steerdeck backup, or it is cut short ({e})"))?;
        if b.steerdeck_backup != BACKUP_VERSION {
            return Err(format!(
                "this backup has format {}, this steerdeck reads format {BACKUP_VERSION}",
                b.steerdeck_backup
            ));
        }
        if b.count != b.entries.len() {
            return Err(format!(
                "this backup should hold {} entries but holds {}: it is damaged",
                b.count,
                b.entries.len()
            ));
        }
        Ok(b)
    }

    /// The entries as bytes.
    pub fn decoded(&self) -> Result<disk::Entries, String> {
        self.entries
            .iter()
            .enumerate()
            .map(|(i, (k, v))| match (unhex(k), unhex(v)) {
                (Some(k), Some(v)) => Ok((k, v)),
                _ => Err(format!(
                    "entry {} of the backup is not hex: it is damaged",
                    i + 1
                )),
            })
            .collect()
    }
}

/// Hex back to bytes.
pub fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// What a check found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// Entries read.
    pub entries: usize,
    /// Plans, by name.
    pub plans: Vec<String>,
    /// Recorded task states.
    pub states: usize,
    /// History events.
    pub events: usize,
    /// What is wrong (empty: the store is sound).
    pub problems: Vec<Problem>,
}

/// One thing wrong with a store's entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// A plan entry that does not read.
    Plan { plan: String, error: String },
    /// A task state that does not read.
    State { key: String, error: String },
    /// An event stored under another number than its own.
    EventNumber { seq: u64, stored_as: u64 },
    /// An event that does not read.
    Event { error: String },
    /// An event whose key is not a number.
    EventKey,
    /// The history index names an event that is missing.
    MissingEvent { seq: u64 },
    /// A task state of a plan that is missing.
    OrphanState { plan: String },
    /// The active plan is missing.
    MissingActive { plan: String },
}

impl std::fmt::Display for Problem {
    /// The English sentence.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Plan { plan, error } => write!(f, "plan {plan} cannot be read: {error}"),
            Problem::State { key, error } => write!(f, "the state {key} cannot be read: {error}"),
            Problem::EventNumber { seq, stored_as } => {
                write!(f, "event {seq} is stored under number {stored_as}")
            }
            Problem::Event { error } => write!(f, "an event cannot be read: {error}"),
            Problem::EventKey => write!(f, "an event has a malformed key"),
            Problem::MissingEvent { seq } => {
                write!(f, "the history index names event {seq}, which is missing")
            }
            Problem::OrphanState { plan } => {
                write!(f, "a task state belongs to plan {plan}, which is missing")
            }
            Problem::MissingActive { plan } => write!(f, "the active plan {plan} is missing"),
        }
    }
}

/// Reads every entry as the store would and cross-checks the indexes.
pub fn check_entries(entries: &[(Vec<u8>, Vec<u8>)]) -> CheckReport {
    let mut r = CheckReport {
        entries: entries.len(),
        ..CheckReport::default()
    };
    let mut plans = BTreeMap::new();
    let mut events = BTreeSet::new();
    let mut indexed = Vec::new();
    let mut states = Vec::new();
    let mut active = None;
    let key_text = |k: &[u8]| crate::domain::text::printable(&String::from_utf8_lossy(k), false);
    for (k, v) in entries {
        if let Some(name) = k.strip_prefix(b"plan/") {
            match serde_json::from_slice::<StoredPlan>(v) {
                Ok(p) => {
                    plans.insert(name.to_vec(), p.plan.tasks.len());
                }
                Err(e) => r.problems.push(Problem::Plan {
                    plan: key_text(name),
                    error: e.to_string(),
                }),
            }
        } else if let Some(rest) = k.strip_prefix(b"state/") {
            match serde_json::from_slice::<TaskState>(v) {
                Ok(_) => states.push(rest.to_vec()),
                Err(e) => r.problems.push(Problem::State {
                    key: key_text(rest),
                    error: e.to_string(),
                }),
            }
        } else if let Some(seq) = k.strip_prefix(b"event/") {
            match (<[u8; 8]>::try_from(seq), serde_json::from_slice::<Event>(v)) {
                (Ok(seq), Ok(e)) if e.seq == u64::from_be_bytes(seq) => {
                    events.insert(e.seq);
                }
                (Ok(seq), Ok(e)) => r.problems.push(Problem::EventNumber {
                    seq: e.seq,
                    stored_as: u64::from_be_bytes(seq),
                }),
                (_, Err(e)) => r.problems.push(Problem::Event {
                    error: e.to_string(),
                }),
                (Err(_), _) => r.problems.push(Problem::EventKey),
            }
        } else if let Some(rest) = k.strip_prefix(b"tev/") {
            if let Some(tail) = rest.get(rest.len().saturating_sub(8)..)
                && let Ok(seq) = <[u8; 8]>::try_from(tail)
            {
                indexed.push(u64::from_be_bytes(seq));
            }
        } else if k.as_slice() == b"active" {
            active = Some(v.clone());
        }
    }
    for seq in indexed {
        if !events.contains(&seq) {
            r.problems.push(Problem::MissingEvent { seq });
        }
    }
    for s in &states {
        let plan = s.split(|b| *b == 0).next().unwrap_or_default();
        if !plans.contains_key(plan) {
            r.problems.push(Problem::OrphanState {
                plan: key_text(plan),
            });
        }
    }
    if let Some(a) = active
        && !plans.contains_key(&a)
    {
        r.problems
            .push(Problem::MissingActive { plan: key_text(&a) });
    }
    r.plans = plans.keys().map(|k| key_text(k)).collect();
    r.states = states.len();
    r.events = events.len();
    r
}

/// Makes a new store in `dir` from a backup. `dir` must not hold a store already (nothing is
/// ever overwritten); the new store keeps the backup's identity.
pub fn restore(dir: &Path, backup: &Backup) -> Result<CheckReport, StoreError> {
    let bad = |message: String| StoreError::Open {
        path: dir.display().to_string(),
        message,
    };
    let entries = backup.decoded().map_err(bad)?;
    let report = check_entries(&entries);
    if let Some(p) = report.problems.first() {
        return Err(bad(format!(
            "the backup is not sound ({p}); nothing was restored"
        )));
    }
    let already = || {
        bad("a store is already there; restore into a new directory (--db NEW_DIR), or move this one aside first: nothing was changed".into())
    };
    if disk::holds_store(dir) {
        return Err(already());
    }
    let _held = if dir.exists() {
        let held = disk::lock(dir)?;
        if disk::holds_store(dir) {
            return Err(already());
        }
        Some(held)
    } else {
        None
    };
    let place = disk::birthplace(dir)?;
    {
        let db = sled::Config::new()
            .path(place.path())
            .open()
            .map_err(|e| disk::sled_error(place.path(), &e))?;
        let mut batch = sled::Batch::default();
        for (k, v) in entries {
            batch.insert(k, v);
        }
        db.apply_batch(batch)
            .and_then(|()| db.flush().map(|_| ()))
            .map_err(|e| disk::sled_error(place.path(), &e))?;
        Durable::new(place.path())?.sync(true)?;
    }
    if !place.settle(dir, &backup.store)? {
        return Err(bad(
            "another process created a store there meanwhile; nothing was restored".into(),
        ));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_rejects_junk() {
        let bytes = vec![0u8, 1, 0xfe, 0x7f, b'a'];
        assert_eq!(unhex(&disk::hex(&bytes)), Some(bytes));
        assert_eq!(unhex("abc"), None);
        assert_eq!(unhex("zz"), None);
        assert_eq!(unhex(""), Some(vec![]));
    }

    #[test]
    fn a_cut_or_foreign_file_is_not_a_backup() {
        let b = Backup::new("ab", &[(b"active".to_vec(), b"2025".to_vec())]);
        let text = serde_json::to_vec(&b).expect("json");
        assert_eq!(Backup::parse(&text).expect("parses"), b);
        let cut = &text[..text.len() / 2];
        assert!(
            Backup::parse(cut)
                .err()
                .is_some_and(|e| e.contains("cut short"))
        );
        let mut lying = b.clone();
        lying.count = 5;
        let text = serde_json::to_vec(&lying).expect("json");
        assert!(
            Backup::parse(&text)
                .err()
                .is_some_and(|e| e.contains("should hold 5"))
        );
    }

    #[test]
    fn the_check_finds_dangling_indexes_and_unreadable_values() {
        let mut tev = b"tev/2025\0I.1\0".to_vec();
        tev.extend_from_slice(&7u64.to_be_bytes());
        let entries = vec![
            (b"active".to_vec(), b"2025".to_vec()),
            (b"state/2025\0I.1".to_vec(), b"{not json".to_vec()),
            (tev, Vec::new()),
        ];
        let r = check_entries(&entries);
        assert_eq!(r.entries, 3);
        let said: Vec<String> = r.problems.iter().map(ToString::to_string).collect();
        assert!(
            said.iter().any(|p| p.contains("event 7, which is missing")),
            "{r:?}"
        );
        assert!(
            said.iter().any(|p| p.starts_with("the state 2025")),
            "{r:?}"
        );
        assert!(
            said.iter().any(|p| p == "the active plan 2025 is missing"),
            "{r:?}"
        );
        let vi: Vec<String> = r
            .problems
            .iter()
            .map(|p| crate::i18n::errors::backup_problem(crate::i18n::Lang::Vi, p))
            .collect();
        assert!(
            vi.iter()
                .any(|p| p == "kế hoạch đang dùng 2025 không còn trong kho"),
            "{vi:?}"
        );
    }
}
