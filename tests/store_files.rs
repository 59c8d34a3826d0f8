//! The store's files: a store that does not open is left exactly as it was, a new store appears
//! whole or not at all, every saved edit is fsynced, our own lock gives a typed "in use", and
//! the store has an identity that survives reopening.
#![cfg(unix)]
#![allow(clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use steerdeck::store::{
    Actor, Command, PlanStore, SledStore, StoreError, Update, disk, seed_if_empty, system_clock,
};

fn seeded(path: &Path) -> SledStore {
    let plan = steerdeck::plan::embedded().expect("embedded plan");
    let actor = Actor::new("lan");
    let seed = |s: &SledStore| seed_if_empty(s, &actor, plan.clone()).map(|_| ());
    SledStore::open_with(path, system_clock(), Some(&seed)).expect("open")
}

fn progress(task: &str, p: u8) -> Command {
    Command::Update(Update {
        plan: "2025".into(),
        task: task.into(),
        progress: Some(p),
        ..Update::default()
    })
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).expect("read_dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                todo.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).expect("read"));
            }
        }
    }
    out
}

/// Flips bits in the store's log until sled no longer opens a copy of it; returns the offset.
pub fn damage(db: &Path) -> usize {
    let log = db.join("db");
    let original = std::fs::read(&log).expect("log");
    for offset in (64..original.len()).step_by(97) {
        let mut bytes = original.clone();
        bytes[offset] ^= 0x10;
        std::fs::write(&log, &bytes).expect("write");
        if disk::check_on_copy(db).is_err() {
            return offset;
        }
    }
    panic!("no single flipped bit made the store unreadable");
}

#[test]
fn a_store_that_does_not_open_is_left_exactly_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    {
        let s = seeded(&db);
        s.execute(&Actor::new("lan"), progress("I.1", 30))
            .expect("edit");
    }
    damage(&db);
    let before = snapshot(&db);
    for _ in 0..3 {
        let e = SledStore::open(&db)
            .err()
            .expect("a damaged store does not open");
        assert!(matches!(e, StoreError::Unopenable { .. }), "{e:?}");
        let m = e.to_string();
        assert!(
            m.starts_with(&format!("cannot open the store at {}", db.display())),
            "{m}"
        );
        assert!(m.contains("left exactly as they were"), "{m}");
        assert!(m.contains("steerdeck restore"), "{m}");
    }
    let after = snapshot(&db);
    // Our lock file may have been made; every other file is byte for byte the same.
    let lock = db.join(disk::LOCK_FILE);
    let strip = |m: BTreeMap<PathBuf, Vec<u8>>| -> BTreeMap<PathBuf, Vec<u8>> {
        m.into_iter().filter(|(p, _)| *p != lock).collect()
    };
    let (before, after) = (strip(before), strip(after));
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (p, bytes) in &before {
        assert!(
            after[p] == *bytes,
            "{} was changed by a failed open",
            p.display()
        );
    }
}

#[test]
fn every_saved_edit_is_fsynced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = seeded(&dir.path().join("db"));
    let before = s.syncs();
    for p in 1..=5 {
        s.execute(&Actor::new("lan"), progress("I.2", p * 10))
            .expect("edit");
        assert_eq!(s.syncs(), before + u64::from(p), "edit {p} was not synced");
    }
    // A refused edit writes nothing, so there is nothing to sync.
    let _ = s.execute(&Actor::new("lan"), progress("NO.SUCH", 1));
    assert_eq!(s.syncs(), before + 5);
}

#[test]
fn a_second_opener_gets_a_typed_in_use() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    let first = seeded(&db);
    assert!(
        disk::is_locked(&db),
        "our lock is held while the store is open"
    );
    let again = SledStore::open(&db);
    assert!(
        matches!(&again, Err(StoreError::InUse { path }) if *path == db.display().to_string()),
        "{:?}",
        again.err()
    );
    drop(first);
    assert!(!disk::is_locked(&db));
    SledStore::open(&db).expect("free again");
}

#[test]
fn a_store_keeps_its_identity_in_itself_and_beside_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    let id = seeded(&db).id().to_string();
    assert_eq!(id.len(), 32);
    assert_eq!(disk::store_id(&db).as_deref(), Some(id.as_str()));
    // The file is a copy: the store's own record wins and rewrites a tampered file.
    std::fs::write(db.join(disk::ID_FILE), "00\n").expect("tamper");
    assert_eq!(SledStore::open(&db).expect("reopen").id(), id);
    assert_eq!(disk::store_id(&db).as_deref(), Some(id.as_str()));
    let other = seeded(&dir.path().join("other"));
    assert_ne!(other.id(), id, "each store has its own identity");
}

#[test]
fn a_new_store_is_built_aside_and_moved_into_place_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    // A seeding that fails leaves no store (nor scratch directory) behind.
    let failing = |_: &SledStore| -> steerdeck::store::Result<()> {
        Err(StoreError::Backend("seeding was interrupted".into()))
    };
    let e = SledStore::open_with(&db, system_clock(), Some(&failing))
        .err()
        .expect("fails");
    assert_eq!(e.to_string(), "the store failed: seeding was interrupted");
    assert!(!db.exists(), "no half-made store");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert!(left.is_empty(), "scratch left behind: {left:?}");
    // The same in a directory made beforehand (e.g. by an administrator, with its group).
    std::fs::create_dir(&db).expect("mkdir");
    let e = SledStore::open_with(&db, system_clock(), Some(&failing)).err();
    assert!(e.is_some());
    assert!(!disk::holds_store(&db), "no half-made store inside");
    let s = seeded(&db);
    assert_eq!(s.plans().expect("plans").len(), 1);
}

#[test]
fn an_interrupted_creation_inside_the_directory_starts_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    std::fs::create_dir(&db).expect("mkdir");
    // What a kill during the moves leaves: the scratch directory, a torn conf, no identity.
    std::fs::create_dir(db.join(".new-store")).expect("scratch");
    std::fs::write(db.join("conf"), b"\x00\x01torn").expect("torn conf");
    let s = seeded(&db);
    assert_eq!(s.plans().expect("plans").len(), 1, "seeded afresh");
    assert!(!db.join(".new-store").exists());
}

#[test]
fn an_edit_does_not_read_the_tasks_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = seeded(&dir.path().join("db"));
    s.execute(&Actor::new("lan"), progress("I.3", 1))
        .expect("first edit");
    let after_first = s.history_scans();
    for p in 2..=60 {
        s.execute(&Actor::new("minh"), progress("I.3", p))
            .expect("edit");
    }
    assert_eq!(
        s.history_scans(),
        after_first,
        "edits read the task's history: their cost grows with it"
    );
    // The record still names who changed a field last, as a conflict says.
    let stale = Command::Update(Update {
        plan: "2025".into(),
        task: "I.3".into(),
        progress: Some(99),
        expect_progress: Some(1),
        ..Update::default()
    });
    let e = s.execute(&Actor::new("lan"), stale).expect_err("stale");
    assert!(e.to_string().contains("by minh since you looked"), "{e}");
    // And it survives reopening.
    drop(s);
    let s = SledStore::open(&dir.path().join("db")).expect("reopen");
    s.execute(&Actor::new("lan"), progress("I.3", 61))
        .expect("edit");
    assert_eq!(s.history_scans(), 0);
}

/// Not a check but a measurement, run on demand: `STEERDECK_MEASURE=1 cargo test --release
/// --test store_files measure -- --nocapture`. A 300-byte write flushed by sled, with and
/// without the fsync of the log and the directory that the store now adds, on the same disk;
/// then whole edits through the store.
#[test]
fn measure_the_cost_of_fsync_per_edit() {
    const N: u32 = 300;
    if std::env::var_os("STEERDECK_MEASURE").is_none() {
        return;
    }
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("tempdir on the disk");
    let raw = dir.path().join("raw");
    let db = sled::Config::new().path(&raw).open().expect("sled");
    let value = vec![b'x'; 300];
    let log = std::fs::File::open(raw.join("db")).expect("log");
    // Each write: sled's flush, then the fsyncs the store adds, timed apart.
    let (mut flush, mut fsync_log, mut fsync_dir) =
        (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for i in 0..N {
        let t = Instant::now();
        db.insert(i.to_be_bytes(), value.as_slice())
            .expect("insert");
        db.flush().expect("flush");
        let t1 = Instant::now();
        log.sync_all().expect("fsync");
        let t2 = Instant::now();
        disk::sync_dir(&raw).expect("fsync dir");
        flush += t1 - t;
        fsync_log += t2 - t1;
        fsync_dir += t2.elapsed();
    }
    let (flush_only, log_only, with_fsync) = (flush / N, fsync_log / N, fsync_dir / N);
    let s = seeded(&dir.path().join("db"));
    let started = std::time::Instant::now();
    for i in 0..N {
        let p = u8::try_from(i % 100).expect("small");
        s.execute(&Actor::new("lan"), progress("I.1", p))
            .expect("edit");
    }
    let edit = started.elapsed() / N;
    println!(
        "per write: sled's flush {flush_only:?}, then fsync of the log {log_only:?}, fsync of the directory (done only when sled added a file) {with_fsync:?}; a whole edit through the store {edit:?} ({N} each)"
    );
}

#[test]
fn scratch_left_by_a_killed_process_is_cleared_when_the_store_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    drop(seeded(&db));
    for stale in [".check-4242-1-0", ".sock.4242"] {
        std::fs::create_dir(db.join(stale)).expect("stale scratch");
        std::fs::write(db.join(stale).join("x"), b"left over").expect("write");
    }
    let _s = SledStore::open(&db).expect("open");
    assert!(!db.join(".check-4242-1-0").exists());
    assert!(!db.join(".sock.4242").exists());
}

#[test]
fn a_store_closed_cleanly_opens_without_a_check_and_one_changed_since_is_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    {
        let s = seeded(&db);
        s.execute(&Actor::new("lan"), progress("I.1", 30))
            .expect("edit");
    }
    assert!(disk::closed_cleanly(&db), "the close was recorded");
    let checks = disk::checks_on_copy_in_this_thread();
    let s = SledStore::open(&db).expect("reopen");
    assert_eq!(
        disk::checks_on_copy_in_this_thread(),
        checks,
        "a store closed cleanly, unchanged since, is opened without a check on a copy"
    );
    assert_eq!(s.state("2025", "I.1").expect("state").progress, 30);
    // What a kill -9 after an edit leaves: the record of the last clean close, and files that
    // have changed since.
    s.execute(&Actor::new("lan"), progress("I.1", 40))
        .expect("edit");
    let crashed = dir.path().join("crashed");
    std::fs::create_dir(&crashed).expect("mkdir");
    disk::copy_store_files(&db, &crashed).expect("copy");
    std::fs::copy(db.join(disk::CLEAN_FILE), crashed.join(disk::CLEAN_FILE)).expect("copy");
    drop(s);
    assert!(!disk::closed_cleanly(&crashed));
    let checks = disk::checks_on_copy_in_this_thread();
    let s = SledStore::open(&crashed).expect("the crashed copy opens");
    assert_eq!(
        disk::checks_on_copy_in_this_thread(),
        checks + 1,
        "a store changed since its last clean close is checked on a copy first"
    );
    assert_eq!(s.state("2025", "I.1").expect("state").progress, 40);
}

#[test]
fn a_clean_close_after_a_large_import_leaves_a_fresh_snapshot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    let mut plan = steerdeck::plan::embedded().expect("embedded plan");
    let base = plan.tasks.clone();
    plan.tasks = (0..3000)
        .map(|i| {
            let mut t = base[i % base.len()].clone();
            t.id = format!("{}.{i}", t.id);
            t
        })
        .collect();
    // Every task with a state: the states, their events and indexes go to sled's log.
    let states = plan
        .tasks
        .iter()
        .map(|t| {
            let state = steerdeck::domain::TaskState {
                status: steerdeck::domain::Status::InProgress,
                progress: 50,
                ..steerdeck::domain::TaskState::default()
            };
            (t.id.clone(), state)
        })
        .collect();
    let s = seeded(&db);
    s.execute(
        &Actor::new("lan"),
        Command::Import {
            plan,
            states,
            activate: true,
        },
    )
    .expect("import");
    assert!(
        disk::log_past_snapshot(&db) > 1 << 20,
        "the import is past the snapshot sled took when the store opened"
    );
    drop(s);
    assert!(
        disk::log_past_snapshot(&db) < 1 << 20,
        "the close made sled take a snapshot: {} bytes past it",
        disk::log_past_snapshot(&db)
    );
    assert!(disk::closed_cleanly(&db));
    let s = SledStore::open(&db).expect("reopen");
    assert_eq!(s.load("2025").expect("load").plan.tasks.len(), 3000);
}
