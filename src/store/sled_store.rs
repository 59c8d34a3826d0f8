//! The store on disk, in sled. One tree, keys by prefix:
//!
//! ```text
//! active                      -> plan name
//! plan/<name>                 -> StoredPlan (JSON)
//! state/<plan>\0<task>        -> TaskState (JSON); absent = default state
//! event/<seq: u64 BE>         -> Event (JSON)
//! tev/<plan>\0<task>\0<seq>   -> ()  (index: a task's events)
//! last/<plan>\0<task>         -> LastChanges (JSON): who last changed each field
//! desk/<plan>                 -> Desk (JSON): meetings, action items, targets' readings
//! meta/store_id              -> the store's identity
//! ```
//!
//! A command's writes go in one atomic batch, then the tree is flushed and the log and directory
//! are `fsync`ed before `execute` returns: an edit reported as saved survives kill -9 and a power
//! cut. One process at a time owns a store (our lock, see `disk`); another gets
//! [`StoreError::InUse`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use super::apply::{StoredPlan, Tables, Writes, execute};
use super::disk::{self, Durable, StoreLock};
use super::handover::{self, Handover};
use super::last_change::LastChanges;
use super::{Actor, Clock, Command, Event, Outcome, PlanData, PlanInfo, PlanStore, Result};
use super::{StoreError, system_clock};
use crate::domain::TaskState;

const ACTIVE: &[u8] = b"active";
const STORE_ID: &[u8] = b"meta/store_id";
const PLAN: &str = "plan/";
const STATE: &str = "state/";
const EVENT: &[u8] = b"event/";
const TASK_EVENT: &str = "tev/";
const LAST_CHANGE: &str = "last/";
const DESK: &str = "desk/";

/// A store in a directory on disk.
pub struct SledStore {
    db: sled::Db,
    path: PathBuf,
    write: Mutex<()>,
    clock: Clock,
    id: String,
    durable: Durable,
    syncs: AtomicU64,
    history_scans: AtomicU64,
    /// Records a clean close once sled has let go of the files (dropped after `db`, before
    /// `_lock`: fields drop in order).
    clean: CleanClose,
    /// Our lock on the directory (none while a new store is built in a scratch directory).
    _lock: Option<StoreLock>,
    /// Per plan, its task ids by their ASCII upper case: an edit or a task's history finds the
    /// canonical id without reading (and parsing) the whole plan again.
    ids: Mutex<HashMap<String, Arc<Ids>>>,
}

/// Fills a store that is being created (seeding), before it is moved into place.
pub type Init<'a> = &'a dyn Fn(&SledStore) -> Result<()>;

type Ids = HashMap<String, String>;

/// When more of sled's log than this lies past its last snapshot (after an import, say), a clean
/// close first opens and closes the store once more, which makes sled take one (sled 0.34 does
/// only when it opens a store): the next open, which someone waits for, then does not read that
/// part of the log again (290 ms at 100,000 tasks).
const REFRESH_SNAPSHOT_PAST: u64 = 1 << 20;

/// At drop, records that the store in `dir` was closed cleanly (see `disk::record_clean_close`),
/// unless a store error was seen: then the next open checks the store on a copy.
struct CleanClose {
    dir: Option<PathBuf>,
    spoiled: std::sync::atomic::AtomicBool,
    /// What the close leaves for the next start (see `store::handover`).
    handover: Mutex<Option<Handover>>,
}

impl CleanClose {
    fn new(dir: Option<&Path>) -> Self {
        CleanClose {
            dir: dir.map(Path::to_path_buf),
            spoiled: std::sync::atomic::AtomicBool::new(false),
            handover: Mutex::new(None),
        }
    }

    fn spoil(&self) {
        self.spoiled.store(true, Ordering::SeqCst);
    }
}

impl Drop for CleanClose {
    fn drop(&mut self) {
        let Some(dir) = &self.dir else {
            return;
        };
        if self.spoiled.load(Ordering::SeqCst) || std::thread::panicking() {
            return;
        }
        let closed = || disk::wait_sled_closed(dir, std::time::Duration::from_secs(2));
        if !closed() {
            return;
        }
        if disk::log_past_snapshot(dir) > REFRESH_SNAPSHOT_PAST {
            // The files are as sled left them a moment ago (the state a clean close records).
            match sled::Config::new()
                .path(dir)
                .cache_capacity(SLED_CACHE)
                .open()
            {
                Ok(db) => drop(db),
                Err(_) => return,
            }
            if !closed() {
                return;
            }
        }
        // Not recorded (a full disk, say): the next open checks on a copy, as after a crash.
        let handover = self
            .handover
            .get_mut()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        let _ = disk::record_clean_close(dir, handover.as_ref());
    }
}

/// An existing store whose lock is held, not yet opened by sled (see [`SledStore::begin_open`]).
pub struct Opening {
    path: PathBuf,
    held: StoreLock,
    /// What sled's files hold, when that is what they held at the last clean close.
    clean: Option<String>,
}

impl Opening {
    /// What the last clean close left for this start, when the store's files are as it left
    /// them and the answer is whole (see `store::handover`).
    pub fn handover(&self) -> Option<handover::Left> {
        handover::read(&self.path, self.clean.as_deref()?)
    }

    /// Opens the store (checked on a copy first unless it was closed cleanly); an empty
    /// directory is made a new store filled with `init`.
    pub fn open(self, clock: Clock, init: Option<Init>) -> Result<SledStore> {
        let Opening { path, held, clean } = self;
        if !disk::holds_store(&path) {
            let place = disk::birthplace(&path)?;
            let id = SledStore::build(place.path(), &clock, init)?;
            place.settle(&path, &id)?;
            return SledStore::open_checked(&path, clock, held, false);
        }
        SledStore::open_checked(&path, clock, held, clean.is_none())
    }
}

fn backend(e: &sled::Error) -> StoreError {
    StoreError::Backend(e.to_string())
}

fn corrupt(what: &str, e: &serde_json::Error) -> StoreError {
    StoreError::Corrupt {
        what: what.to_string(),
        message: e.to_string(),
    }
}

fn encode<T: serde::Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|e| StoreError::Backend(e.to_string()))
}

fn state_key(plan: &str, task: &str) -> Vec<u8> {
    format!("{STATE}{plan}\0{task}").into_bytes()
}

fn task_event_prefix(plan: &str, task: &str) -> Vec<u8> {
    format!("{TASK_EVENT}{plan}\0{task}\0").into_bytes()
}

fn last_change_key(plan: &str, task: &str) -> Vec<u8> {
    format!("{LAST_CHANGE}{plan}\0{task}").into_bytes()
}

fn event_key(seq: u64) -> Vec<u8> {
    let mut k = EVENT.to_vec();
    k.extend_from_slice(&seq.to_be_bytes());
    k
}

fn open_sled(path: &Path) -> Result<sled::Db> {
    sled::Config::new()
        .path(path)
        .open()
        .map_err(|e| disk::sled_error(path, &e))
}

/// sled's page cache for an open store. Its default (1 GiB) lets it keep every page it ever
/// read, most of a server's memory: the server keeps the plans it serves itself (see
/// `CachedStore`), and what sled is asked then (a task's state, its history, the last changes)
/// is a few pages per request.
const SLED_CACHE: u64 = 4 << 20;

/// Opens sled while holding our lock. sled's own lock on its log can still be held for a moment
/// by this very process: a store just built and dropped is closed by sled's background thread a
/// little later. Nobody else can hold it (our lock says so), so a busy log is waited for.
fn open_sled_held(path: &Path) -> Result<sled::Db> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        match sled::Config::new()
            .path(path)
            .cache_capacity(SLED_CACHE)
            .open()
        {
            Ok(db) => return Ok(db),
            // sled says so only in words (kind `Other`); the typed "in use" is our own lock's.
            Err(sled::Error::Io(e))
                if e.to_string().contains("could not acquire lock")
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => return Err(disk::sled_error(path, &e)),
        }
    }
}

impl SledStore {
    /// Opens (or creates, empty) the store in `path`, on the system clock.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with(path, system_clock(), None)
    }

    /// Opens (or creates, empty) the store in `path`; events are stamped by `clock`.
    pub fn open_with_clock(path: &Path, clock: Clock) -> Result<Self> {
        Self::open_with(path, clock, None)
    }

    /// Opens the store in `path`, or creates it and fills it with `init` (the first seeding).
    ///
    /// Our lock is taken before sled opens (held: [`StoreError::InUse`]). An existing store is
    /// first opened on a copy, so that a store sled cannot open is left exactly as it was,
    /// unless it was closed cleanly and its files are byte for byte as they were then. A
    /// new store is built and filled in a scratch directory and moved into place only when
    /// complete, so that a crash during creation leaves no half-made store.
    pub fn open_with(path: &Path, clock: Clock, init: Option<Init>) -> Result<Self> {
        if !path.exists() {
            let place = disk::birthplace(path)?;
            let held = disk::lock(place.path())?;
            let id = Self::build(place.path(), &clock, init)?;
            if place.settle(path, &id)? {
                return Self::open_checked(path, clock, held, false);
            }
            // Another process created the store first: open theirs.
        }
        Self::begin_open(path)?.open(clock, init)
    }

    /// The first half of opening the existing store directory `path`: our lock taken, and
    /// whether the store was closed cleanly (with what it left for this start, see
    /// [`Opening::handover`]). sled has not touched the files yet.
    pub fn begin_open(path: &Path) -> Result<Opening> {
        let held = disk::lock(path)?;
        disk::clear_scratch(path);
        disk::clear_interrupted_creation(path)?;
        let clean = disk::holds_store(path)
            .then(|| disk::clean_files(path))
            .flatten();
        Ok(Opening {
            path: path.to_path_buf(),
            held,
            clean,
        })
    }

    /// Makes a complete new store in `place` (a scratch directory): identity, `init`, synced.
    fn build(place: &Path, clock: &Clock, init: Option<Init>) -> Result<String> {
        let db = open_sled(place)?;
        let id = disk::new_id()?;
        db.insert(STORE_ID, id.as_bytes())
            .map_err(|e| disk::sled_error(place, &e))?;
        db.flush().map_err(|e| disk::sled_error(place, &e))?;
        let store = SledStore {
            durable: Durable::new(place)?,
            db,
            path: place.to_path_buf(),
            write: Mutex::new(()),
            clock: clock.clone(),
            id: id.clone(),
            syncs: AtomicU64::new(0),
            history_scans: AtomicU64::new(0),
            clean: CleanClose::new(None),
            _lock: None,
            ids: Mutex::new(HashMap::new()),
        };
        if let Some(init) = init {
            init(&store)?;
        }
        store.db.flush().map_err(|e| store.fail(&e))?;
        store.durable.sync(true)?;
        drop(store);
        Ok(id)
    }

    fn open_checked(path: &Path, clock: Clock, held: StoreLock, check: bool) -> Result<Self> {
        // A store closed cleanly whose files are as they were then needs no check on a copy.
        if check {
            disk::check_on_copy(path).map_err(|failure| StoreError::Unopenable {
                path: path.display().to_string(),
                failure,
            })?;
        }
        let db = open_sled_held(path)?;
        let id = if let Some(v) = db.get(STORE_ID).map_err(|e| disk::sled_error(path, &e))? {
            String::from_utf8_lossy(&v).into_owned()
        } else {
            // A store made before stores had an identity.
            let id = disk::new_id()?;
            db.insert(STORE_ID, id.as_bytes())
                .map_err(|e| disk::sled_error(path, &e))?;
            db.flush().map_err(|e| disk::sled_error(path, &e))?;
            id
        };
        if disk::store_id(path).as_deref() != Some(id.as_str()) {
            disk::write_id_file(path, &id)?;
        }
        Ok(SledStore {
            durable: Durable::new(path)?,
            db,
            path: path.to_path_buf(),
            write: Mutex::new(()),
            clock,
            id,
            syncs: AtomicU64::new(0),
            history_scans: AtomicU64::new(0),
            clean: CleanClose::new(Some(path)),
            _lock: Some(held),
            ids: Mutex::new(HashMap::new()),
        })
    }

    /// Leaves `handover` for the next start, written when this store closes cleanly (see
    /// `store::handover`); the caller makes sure no write comes after it.
    pub fn leave(&self, handover: Handover) {
        *self
            .clean
            .handover
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(handover);
    }

    /// The store's identity: made when the store was created, kept in it (and repeated in the
    /// directory's `store-id` file for clients), the same in a backup restored elsewhere.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// How many times a write was made durable with `fsync` (tests check it is every write).
    pub fn syncs(&self) -> u64 {
        self.syncs.load(Ordering::SeqCst)
    }

    /// Every entry, under the write lock: no edit comes between two entries.
    fn entries(&self) -> Result<disk::Entries> {
        let _guard = self
            .write
            .lock()
            .map_err(|_| StoreError::Backend("a write failed with a panic earlier".into()))?;
        self.db
            .iter()
            .map(|kv| {
                kv.map(|(k, v)| (k.to_vec(), v.to_vec()))
                    .map_err(|e| self.fail(&e))
            })
            .collect()
    }

    /// How many times a task's whole history was read to answer an edit (tests check that an
    /// edit does not, once the task has a last-change record).
    pub fn history_scans(&self) -> u64 {
        self.history_scans.load(Ordering::SeqCst)
    }

    fn fail(&self, e: &sled::Error) -> StoreError {
        self.clean.spoil();
        disk::sled_error(&self.path, e)
    }

    /// The directory of the store.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn stored_plan(&self, name: &str) -> Result<Option<StoredPlan>> {
        let key = format!("{PLAN}{name}");
        match self.db.get(key.as_bytes()).map_err(|e| self.fail(&e))? {
            None => Ok(None),
            Some(v) => {
                let stored: StoredPlan =
                    serde_json::from_slice(&v).map_err(|e| corrupt(&format!("plan {name}"), &e))?;
                self.remember_ids(&stored, false);
                Ok(Some(stored))
            }
        }
    }

    /// Keeps the ids of a plan. A reader (`replace` false) never replaces what a commit put
    /// there: the plan it read may already be older than the one just committed.
    /// The answer to `load` as JSON, put together from the stored bytes without reading them
    /// into values: the stored plan's object (`{"plan":…,"archived":[…]}`) with the recorded
    /// states added. Reading a large plan into values costs far more than the rest of opening a
    /// screen. None when the bytes are not shaped as this version writes them (`load` then reads
    /// them, and says what is wrong).
    pub fn load_json(&self, plan: &str) -> Result<Option<String>> {
        let key = format!("{PLAN}{plan}");
        let Some(stored) = self.db.get(key.as_bytes()).map_err(|e| backend(&e))? else {
            return Err(StoreError::NoSuchPlan(plan.to_string()));
        };
        let body: &[u8] = &stored;
        if !(body.starts_with(b"{\"plan\":") && body.ends_with(b"]}")) {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(body.len() + 4096);
        out.extend_from_slice(&body[..body.len() - 1]);
        out.extend_from_slice(b",\"states\":{");
        let prefix = format!("{STATE}{plan}\0");
        for (n, kv) in self.db.scan_prefix(prefix.as_bytes()).enumerate() {
            let (k, v) = kv.map_err(|e| backend(&e))?;
            let Ok(task) = std::str::from_utf8(&k[prefix.len()..]) else {
                return Ok(None);
            };
            if n > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut out, task).map_err(|e| corrupt("state key", &e))?;
            out.push(b':');
            out.extend_from_slice(&v);
        }
        out.push(b'}');
        if let Some(desk) = self
            .db
            .get(format!("{DESK}{plan}").as_bytes())
            .map_err(|e| backend(&e))?
        {
            out.extend_from_slice(b",\"desk\":");
            out.extend_from_slice(&desk);
        }
        out.push(b'}');
        Ok(String::from_utf8(out).ok())
    }

    fn remember_ids(&self, stored: &StoredPlan, replace: bool) {
        let mut all = self.ids.lock().unwrap_or_else(PoisonError::into_inner);
        if !replace && all.contains_key(&stored.plan.name) {
            return;
        }
        let ids: Ids = stored
            .plan
            .tasks
            .iter()
            .map(|t| (t.id.to_ascii_uppercase(), t.id.clone()))
            .collect();
        all.insert(stored.plan.name.clone(), Arc::new(ids));
    }

    /// The canonical id of `id` in `plan`; none when the plan has no such task, or no plan
    /// of that name exists (`Err(NoSuchPlan)`).
    fn canonical_id(&self, plan: &str, id: &str) -> Result<Option<String>> {
        let known = self
            .ids
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(plan)
            .cloned();
        let ids = if let Some(ids) = known {
            ids
        } else {
            if self.stored_plan(plan)?.is_none() {
                return Err(StoreError::NoSuchPlan(plan.to_string()));
            }
            self.ids
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .get(plan)
                .cloned()
                .unwrap_or_default()
        };
        Ok(ids.get(&id.trim().to_ascii_uppercase()).cloned())
    }

    fn events_by_seq(&self, seqs: impl Iterator<Item = u64>) -> Result<Vec<Event>> {
        seqs.map(|seq| {
            let v = self
                .db
                .get(event_key(seq))
                .map_err(|e| self.fail(&e))?
                .ok_or_else(|| StoreError::Corrupt {
                    what: format!("event {seq}"),
                    message: "indexed but missing".into(),
                })?;
            serde_json::from_slice(&v).map_err(|e| corrupt(&format!("event {seq}"), &e))
        })
        .collect()
    }

    fn seqs_of_task(&self, plan: &str, task: &str) -> Result<Vec<u64>> {
        self.db
            .scan_prefix(task_event_prefix(plan, task))
            .keys()
            .map(|k| {
                let k = k.map_err(|e| self.fail(&e))?;
                let tail: [u8; 8] =
                    k[k.len().saturating_sub(8)..]
                        .try_into()
                        .map_err(|_| StoreError::Corrupt {
                            what: "event index".into(),
                            message: "short key".into(),
                        })?;
                Ok(u64::from_be_bytes(tail))
            })
            .collect()
    }
}

impl Tables for SledStore {
    fn plan(&self, name: &str) -> Result<Option<StoredPlan>> {
        self.stored_plan(name)
    }

    fn state(&self, plan: &str, task: &str) -> Result<Option<TaskState>> {
        match self
            .db
            .get(state_key(plan, task))
            .map_err(|e| self.fail(&e))?
        {
            None => Ok(None),
            Some(v) => serde_json::from_slice(&v)
                .map(Some)
                .map_err(|e| corrupt(&format!("state of {task}"), &e)),
        }
    }

    fn last_seq(&self) -> Result<u64> {
        PlanStore::last_seq(self)
    }

    fn task_events(&self, plan: &str, task: &str) -> Result<Vec<Event>> {
        let seqs = self.seqs_of_task(plan, task)?;
        self.events_by_seq(seqs.into_iter())
    }

    fn last_changes(&self, plan: &str, task: &str) -> Result<LastChanges> {
        if let Some(v) = self
            .db
            .get(last_change_key(plan, task))
            .map_err(|e| self.fail(&e))?
        {
            return serde_json::from_slice(&v)
                .map_err(|e| corrupt(&format!("last changes of {task}"), &e));
        }
        // A task edited before these records existed: read its history once.
        self.history_scans.fetch_add(1, Ordering::SeqCst);
        Ok(LastChanges::from_events(&self.task_events(plan, task)?))
    }

    fn desk(&self, plan: &str) -> Result<crate::domain::Desk> {
        match self
            .db
            .get(format!("{DESK}{plan}").as_bytes())
            .map_err(|e| self.fail(&e))?
        {
            None => Ok(crate::domain::Desk::default()),
            Some(v) => {
                serde_json::from_slice(&v).map_err(|e| corrupt(&format!("meetings of {plan}"), &e))
            }
        }
    }

    fn states(&self, plan: &str) -> Result<std::collections::BTreeMap<String, TaskState>> {
        let prefix = format!("{STATE}{plan}\0");
        let mut states = std::collections::BTreeMap::new();
        for kv in self.db.scan_prefix(prefix.as_bytes()) {
            let (k, v) = kv.map_err(|e| self.fail(&e))?;
            let task = String::from_utf8_lossy(&k[prefix.len()..]).into_owned();
            let state: TaskState =
                serde_json::from_slice(&v).map_err(|e| corrupt(&format!("state of {task}"), &e))?;
            states.insert(task, state);
        }
        Ok(states)
    }

    fn task_id(&self, plan: &str, id: &str) -> Result<String> {
        self.canonical_id(plan, id)?
            .ok_or_else(|| StoreError::NoSuchTask {
                plan: plan.to_string(),
                task: id.to_string(),
            })
    }

    fn commit(&self, w: Writes) -> Result<()> {
        let mut batch = sled::Batch::default();
        if let Some(p) = &w.plan {
            batch.insert(format!("{PLAN}{}", p.plan.name).as_bytes(), encode(p)?);
        }
        for (plan, task, state) in &w.states {
            batch.insert(state_key(plan, task), encode(state)?);
        }
        let mut last: std::collections::BTreeMap<(String, String), LastChanges> =
            std::collections::BTreeMap::new();
        for e in &w.events {
            batch.insert(event_key(e.seq), encode(e)?);
            if let Some(task) = &e.task {
                let mut k = task_event_prefix(&e.plan, task);
                k.extend_from_slice(&e.seq.to_be_bytes());
                batch.insert(k, Vec::new());
                let key = (e.plan.clone(), task.clone());
                if !last.contains_key(&key) {
                    let before = Tables::last_changes(self, &e.plan, task)?;
                    last.insert(key.clone(), before);
                }
                if let Some(r) = last.get_mut(&key) {
                    r.record(e);
                }
            }
        }
        for ((plan, task), r) in &last {
            batch.insert(last_change_key(plan, task), encode(r)?);
        }
        if let Some(a) = &w.active {
            batch.insert(ACTIVE, a.as_bytes());
        }
        if let Some((plan, desk)) = &w.desk {
            batch.insert(format!("{DESK}{plan}").as_bytes(), encode(desk)?);
        }
        let applied = self.db.apply_batch(batch);
        // A plan written anew: its ids replace the old ones (commits are serialised).
        if let Some(p) = &w.plan {
            if applied.is_ok() {
                self.remember_ids(p, true);
            } else {
                self.ids
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .remove(&p.plan.name);
            }
        }
        applied.map_err(|e| self.fail(&e))?;
        self.db.flush().map_err(|e| self.fail(&e))?;
        // flush() ends in sync_file_range: without fsync the file's size and metadata may not
        // survive a power cut.
        self.durable.sync(w.plan.is_some())?;
        self.syncs.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }
}

impl PlanStore for SledStore {
    fn plans(&self) -> Result<Vec<PlanInfo>> {
        let active = self.active()?;
        self.db
            .scan_prefix(PLAN.as_bytes())
            .values()
            .map(|v| {
                let v = v.map_err(|e| self.fail(&e))?;
                let s: StoredPlan = serde_json::from_slice(&v).map_err(|e| corrupt("plan", &e))?;
                Ok(PlanInfo {
                    active: active.as_deref() == Some(s.plan.name.as_str()),
                    name: s.plan.name,
                    title: s.plan.title,
                    tasks: s.plan.tasks.len(),
                })
            })
            .collect()
    }

    fn active(&self) -> Result<Option<String>> {
        Ok(self
            .db
            .get(ACTIVE)
            .map_err(|e| self.fail(&e))?
            .map(|v| String::from_utf8_lossy(&v).into_owned()))
    }

    fn load(&self, plan: &str) -> Result<PlanData> {
        let stored = self
            .stored_plan(plan)?
            .ok_or_else(|| StoreError::NoSuchPlan(plan.to_string()))?;
        let prefix = format!("{STATE}{plan}\0");
        let mut states = std::collections::BTreeMap::new();
        for kv in self.db.scan_prefix(prefix.as_bytes()) {
            let (k, v) = kv.map_err(|e| self.fail(&e))?;
            let task = String::from_utf8_lossy(&k[prefix.len()..]).into_owned();
            let state: TaskState =
                serde_json::from_slice(&v).map_err(|e| corrupt(&format!("state of {task}"), &e))?;
            states.insert(task, state);
        }
        Ok(PlanData {
            plan: stored.plan,
            states,
            archived: stored.archived,
            desk: Tables::desk(self, plan)?,
        }
        .with_desk())
    }

    fn state(&self, plan: &str, task: &str) -> Result<TaskState> {
        Ok(Tables::state(self, plan, task)?.unwrap_or_default())
    }

    fn history(&self, plan: &str, task: Option<&str>) -> Result<Vec<Event>> {
        if let Some(task) = task {
            let id = match self.canonical_id(plan, task) {
                Ok(Some(id)) => id,
                Ok(None) | Err(StoreError::NoSuchPlan(_)) => task.to_string(),
                Err(e) => return Err(e),
            };
            return self.task_events(plan, &id);
        }
        let mut out = Vec::new();
        for v in self.db.scan_prefix(EVENT).values() {
            let v = v.map_err(|e| self.fail(&e))?;
            let e: Event = serde_json::from_slice(&v).map_err(|e| corrupt("event", &e))?;
            if e.plan == plan {
                out.push(e);
            }
        }
        Ok(out)
    }

    fn history_after(&self, plan: &str, after: u64) -> Result<Vec<Event>> {
        let mut out = Vec::new();
        let from = event_key(after.saturating_add(1));
        for kv in self.db.range(from..) {
            let (k, v) = kv.map_err(|e| self.fail(&e))?;
            if !k.starts_with(EVENT) {
                break;
            }
            let e: Event = serde_json::from_slice(&v).map_err(|e| corrupt("event", &e))?;
            if e.plan == plan {
                out.push(e);
            }
        }
        Ok(out)
    }

    fn execute(&self, actor: &Actor, command: Command) -> Result<Outcome> {
        let _guard = self
            .write
            .lock()
            .map_err(|_| StoreError::Backend("a write failed with a panic earlier".into()))?;
        execute(self, actor, command, (self.clock)())
    }

    fn backup(&self) -> Result<super::backup::Backup> {
        Ok(super::backup::Backup::new(&self.id, &self.entries()?))
    }

    fn last_seq(&self) -> Result<u64> {
        let last = self
            .db
            .scan_prefix(EVENT)
            .keys()
            .next_back()
            .transpose()
            .map_err(|e| self.fail(&e))?;
        Ok(last.map_or(0, |k| {
            let tail: [u8; 8] = k[EVENT.len()..].try_into().unwrap_or([0; 8]);
            u64::from_be_bytes(tail)
        }))
    }
}
