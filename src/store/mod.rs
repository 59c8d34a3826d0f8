//! Storage behind one trait. The store is driven by [`Command`]s (set fields, import a plan,
//! choose the active plan) so that the same trait can be served over a socket later. Two
//! implementations share the logic in `apply` and one contract test suite: [`SledStore`] on disk
//! and [`MemoryStore`] in memory.

mod apply;
pub use apply::reason;
pub mod backup;
mod cached;
mod desk;
pub mod disk;
mod distrust;
pub mod handover;
pub mod keys;
mod last_change;
mod memory;
mod query;
mod sled_store;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::domain::{Desk, Plan, Status, Task, TaskDef, TaskState};

pub use crate::domain::history::Event;
pub use cached::CachedStore;
pub use desk::{DeskChange, DeskProblem};
pub use distrust::Distrust;
pub use memory::MemoryStore;
pub use query::{Listed, Selected, Selection, TaskRecord};
pub use sled_store::{Init, Opening, SledStore};

/// Who is making a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// The user name recorded in the history.
    pub user: String,
}

impl Actor {
    /// An actor with this user name.
    pub fn new(user: impl Into<String>) -> Self {
        Actor { user: user.into() }
    }
}

/// A change to the store. Every command is applied whole or not at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    /// Changes the status, progress or notes of one task.
    Update(Update),
    /// Adds a plan, or a new version of an existing one (statuses and history of the tasks whose
    /// id remains are kept; removed tasks are archived).
    Import {
        /// The plan as read from a file.
        plan: Plan,
        /// Recorded states carried by the file (a steerdeck export). They are applied only to
        /// tasks that have nothing recorded in the store yet: the store's record wins.
        #[serde(default)]
        states: BTreeMap<String, TaskState>,
        /// Make it the active plan.
        activate: bool,
    },
    /// Records something about a plan's meetings or targets (see [`DeskChange`]).
    Desk {
        /// The plan's name.
        plan: String,
        /// What changes.
        change: DeskChange,
    },
    /// Chooses the plan that commands apply to by default.
    SetActive {
        /// The plan's name.
        plan: String,
    },
}

/// A change to one task. Fields left `None` are not changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Update {
    /// The plan's name.
    pub plan: String,
    /// The task's id.
    pub task: String,
    /// New status.
    pub status: Option<Status>,
    /// New progress, 0-100.
    pub progress: Option<u8>,
    /// A note to record (with the change, or on its own).
    pub note: Option<String>,
    /// The day the task was done, when the status becomes `done` (default: today).
    pub done_on: Option<NaiveDate>,
    /// The status the editor saw; a different current status is a conflict.
    pub expect_status: Option<Status>,
    /// The progress the editor saw; a different current progress is a conflict.
    pub expect_progress: Option<u8>,
    /// Why, for the history only (e.g. "undo"); unlike `note`, not added to the task's notes.
    #[serde(default)]
    pub reason: Option<String>,
    /// Withdraw the note at this index of the task's notes; with `note`, the new text is its
    /// correction. The original stays in the history, marked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdraw_note: Option<usize>,
    /// The expectations hold whatever the update changes (a script's `set --if-status`);
    /// otherwise each guards only its own field, so that edits of different fields both apply.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub expect_always: bool,
}

/// What a command did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Task fields changed; one event per field.
    Updated {
        /// The events written.
        events: Vec<Event>,
    },
    /// A plan was imported.
    Imported(ImportReport),
    /// The active plan was set.
    Activated,
    /// A meeting or a target changed.
    Desk {
        /// The events written.
        events: Vec<Event>,
        /// The id of what was made (a meeting, an action item), if anything was.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        made: Option<String>,
    },
}

/// What an import added, changed and removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ImportReport {
    /// The plan's name.
    pub plan: String,
    /// True when the plan did not exist before.
    pub created: bool,
    /// Ids of new tasks.
    pub added: Vec<String>,
    /// Ids of tasks whose definition changed.
    pub changed: Vec<String>,
    /// Ids of tasks no longer in the plan (archived, with their history).
    pub removed: Vec<String>,
    /// Ids of tasks whose recorded state came from the file.
    #[serde(default)]
    pub restored: Vec<String>,
    /// How many tasks are the same as before.
    pub unchanged: usize,
}

/// A plan with everything recorded about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanData {
    /// The definition.
    pub plan: Plan,
    /// Recorded states by task id; a task without an entry has the default state.
    pub states: BTreeMap<String, TaskState>,
    /// Tasks removed by a later import, kept with their states and history.
    pub archived: Vec<TaskDef>,
    /// Meetings, their action items and the targets' readings. The action items are also in
    /// `plan.tasks`, under a pillar per meeting (see [`PlanData::with_desk`]).
    #[serde(default)]
    pub desk: Desk,
}

impl PlanData {
    /// Puts the desk's action items among the plan's tasks, each meeting's under a pillar of
    /// its own after the plan's, so that views, filters and counts take them in. Idempotent:
    /// what is there already is not added twice (a store's answer may have been merged before
    /// it was sent).
    #[must_use]
    pub fn with_desk(mut self) -> Self {
        let added = desk_items(&mut self.plan.pillars, &self.desk, self.plan.tasks.iter());
        self.plan.tasks.extend(added);
        self
    }

    /// The plan as adopted: without the meetings' action items and their pillars (what an
    /// export of the plan writes).
    pub fn adopted_plan(&self) -> Plan {
        let mut plan = self.plan.clone();
        plan.tasks
            .retain(|t| !crate::domain::meeting::is_meeting_pillar(&t.pillar));
        plan.pillars
            .retain(|p| !crate::domain::meeting::is_meeting_pillar(&p.key));
        plan
    }

    /// The plan's definition (without its tasks) and its tasks joined with their states, in
    /// plan order: for a holder that keeps the tasks elsewhere (the screen's index), so that
    /// they are not kept twice.
    pub fn split(mut self) -> (Plan, Vec<Task>) {
        let mut tasks: Vec<Task> = std::mem::take(&mut self.plan.tasks)
            .into_iter()
            .map(Task::unjoined)
            .collect();
        join_states(&mut tasks, std::mem::take(&mut self.states), self.plan.year);
        (self.plan, tasks)
    }

    /// As a screen holds it (see [`Joined`]): the action items among the tasks, the tasks
    /// joined with their states.
    pub fn joined(self) -> Joined {
        let mut data = self.with_desk();
        let desk = std::mem::take(&mut data.desk);
        let (plan, tasks) = data.split();
        Joined { plan, tasks, desk }
    }

    /// The plan's tasks joined with their states, in plan order.
    pub fn tasks(&self) -> Vec<Task> {
        let mut tasks: Vec<Task> = self
            .plan
            .tasks
            .iter()
            .cloned()
            .map(Task::unjoined)
            .collect();
        join_states(&mut tasks, self.states.clone(), self.plan.year);
        tasks
    }
}

/// A plan as a screen holds it: the definition without its tasks, the tasks (the meetings'
/// action items among them) joined with their states, in plan order, and the desk.
#[derive(Debug, Clone, PartialEq)]
pub struct Joined {
    pub plan: Plan,
    pub tasks: Vec<Task>,
    pub desk: Desk,
}

/// What [`PlanData::with_desk`] adds: each meeting's pillar (into `pillars`, when not there),
/// and the action items not already among `tasks` (a store's answer may have them merged).
pub fn desk_items<'a>(
    pillars: &mut Vec<crate::domain::Pillar>,
    desk: &Desk,
    tasks: impl Iterator<Item = &'a TaskDef>,
) -> Vec<TaskDef> {
    for p in desk.pillars() {
        if !pillars.iter().any(|q| q.key == p.key) {
            pillars.push(p);
        }
    }
    let have: std::collections::HashSet<&str> = tasks
        .filter(|t| crate::domain::meeting::is_meeting_pillar(&t.pillar))
        .map(|t| t.id.as_str())
        .collect();
    desk.actions
        .iter()
        .filter(|a| !have.contains(a.def.id.as_str()))
        .map(|a| a.def.clone())
        .collect()
}

/// Gives each task its recorded state (a task without one keeps the default) and reads its
/// timeframe with the plan's year.
pub fn join_states(tasks: &mut [Task], states: BTreeMap<String, TaskState>, year: Option<i32>) {
    // Looked up by hash, and a fast one (foldhash; the keys are the plan's own): ids share long
    // prefixes ("III.13.1…"), which a search of the ordered map compares again and again, and
    // SipHash was half of the join.
    let mut states: std::collections::HashMap<String, TaskState, foldhash::fast::RandomState> =
        states.into_iter().collect();
    // Plans repeat a few timeframes ("Năm 2025"): each distinct one is read once.
    let mut readings: std::collections::HashMap<
        String,
        crate::domain::TimeframeReading,
        foldhash::fast::RandomState,
    > = std::collections::HashMap::default();
    for task in tasks {
        if let Some(state) = states.remove(&task.def.id) {
            task.state = state;
        }
        task.reading = if let Some(r) = readings.get(&task.def.timeframe) {
            *r
        } else {
            let r = crate::domain::read_timeframe(&task.def.timeframe, year);
            readings.insert(task.def.timeframe.clone(), r);
            r
        };
    }
}

/// A line of `plans`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanInfo {
    /// The plan's name.
    pub name: String,
    /// Its title.
    pub title: String,
    /// How many tasks.
    pub tasks: usize,
    /// Whether it is the active plan.
    pub active: bool,
}

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the store at {path} is in use by another steerdeck process; close it, or wait for it to finish"
    )]
    InUse { path: String },
    #[error("cannot open the store at {path}: {message}")]
    Open { path: String, message: String },
    /// A store whose files could not be opened; they were left exactly as they were.
    #[error("cannot open the store at {path}: {failure}; {}", disk::WHAT_TO_DO)]
    Unopenable {
        path: String,
        failure: disk::OpenFailure,
    },
    #[error("the store failed: {0}")]
    Backend(String),
    /// Reading or writing the store's files failed (disk full, read-only file system ...).
    #[error("cannot read or write the store at {path}: {message}")]
    Io { path: String, message: String },
    #[error("the store holds data this version cannot read ({what}): {message}")]
    Corrupt { what: String, message: String },
    #[error("there is no plan named '{0}' (see `steerdeck plans`)")]
    NoSuchPlan(String),
    #[error("the store has no plan yet")]
    NoActivePlan,
    #[error("there is no task '{task}' in plan '{plan}'")]
    NoSuchTask { plan: String, task: String },
    #[error("progress must be between 0 and 100, not {0}")]
    BadProgress(u8),
    #[error("the plan is not valid: {0}")]
    BadPlan(#[from] crate::domain::PlanProblem),
    #[error(
        "{task}: {field} was changed to '{actual}' by {by} since you looked (you saw '{expected}'); nothing was saved"
    )]
    Conflict {
        task: String,
        field: String,
        expected: String,
        actual: String,
        by: String,
    },
    #[error("nothing to change: give a status, a progress or a note")]
    EmptyUpdate,
    #[error("{task} has no note number {number}")]
    NoSuchNote { task: String, number: usize },
    #[error("note {number} of {task} was already withdrawn by {by}; nothing was saved")]
    NoteWithdrawn {
        task: String,
        number: usize,
        by: String,
    },
    /// The steerdeck server refused a change under its permission policy (the sentence says who
    /// may edit).
    #[error("{0}")]
    Denied(String),
    /// The steerdeck server lets `login` read the store but not change it: changes are for
    /// `server_user` and, when the directory is group-writable, the members of `group`.
    #[error("{}", read_only_peer(.login, .server_user, .group, *.group_writable))]
    ReadOnlyPeer {
        login: String,
        server_user: String,
        group: String,
        group_writable: bool,
    },
    /// The steerdeck server cannot be reached, or the connection to it was lost.
    #[error("{0}")]
    Disconnected(String),
    /// The server and this client do not understand each other (different versions, or a
    /// message that is not the protocol).
    #[error("{0}")]
    Protocol(String),
    /// A plan name or a task id that may not be a key (see `keys`).
    #[error("{0}")]
    BadName(keys::BadKey),
    /// The socket, or the process on it, is not the store's own server; nothing was sent.
    #[error("{0}")]
    Untrusted(Distrust),
    /// A meeting or a target cannot be changed that way.
    #[error("{0}")]
    Desk(DeskProblem),
    /// Another failure, in the words of the steerdeck server.
    #[error("{0}")]
    Remote(String),
}

/// The English sentence of [`StoreError::ReadOnlyPeer`].
fn read_only_peer(login: &str, server_user: &str, group: &str, group_writable: bool) -> String {
    if group_writable {
        format!(
            "{login} may read this store but not change it: changes are for {server_user} and the members of group {group}; nothing was saved"
        )
    } else {
        format!(
            "{login} may read this store but not change it: changes are for {server_user} only (make the store directory group-writable to let group {group} edit); nothing was saved"
        )
    }
}

/// The result of a store operation.
pub type Result<T> = std::result::Result<T, StoreError>;

/// Where time comes from (tests fix it).
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// The system clock.
pub fn system_clock() -> Clock {
    Arc::new(Utc::now)
}

/// Storage of plans, task states and their history.
///
/// Every successful `execute` is durable when it returns (on disk, flushed), and its events are
/// in the history.
pub trait PlanStore: Send + Sync {
    /// Every plan in the store.
    fn plans(&self) -> Result<Vec<PlanInfo>>;
    /// The name of the active plan.
    fn active(&self) -> Result<Option<String>>;
    /// A plan with its states.
    fn load(&self, plan: &str) -> Result<PlanData>;
    /// A plan as a screen holds it ([`Joined`]): by default [`PlanStore::load`], joined; a
    /// store may put it together more directly.
    fn load_joined(&self, plan: &str) -> Result<Joined> {
        self.load(plan).map(PlanData::joined)
    }
    /// The recorded state of one task (the default state when nothing is recorded).
    fn state(&self, plan: &str, task: &str) -> Result<TaskState>;
    /// History, oldest first: of one task, or of the whole plan.
    fn history(&self, plan: &str, task: Option<&str>) -> Result<Vec<Event>>;
    /// The plan's events after sequence number `after`, oldest first (what changed since a
    /// meeting closed). The default reads the whole history.
    fn history_after(&self, plan: &str, after: u64) -> Result<Vec<Event>> {
        let mut all = self.history(plan, None)?;
        all.retain(|e| e.seq > after);
        Ok(all)
    }
    /// Applies a command atomically and durably.
    fn execute(&self, actor: &Actor, command: Command) -> Result<Outcome>;
    /// The sequence number of the newest event (0 when none): a cheap "has anything changed".
    fn last_seq(&self) -> Result<u64>;
    /// Whether this session may change the store. A served store may let its user only read
    /// (see `server::policy`); its edits are then refused with `StoreError::Denied`.
    fn may_edit(&self) -> bool {
        true
    }
    /// A consistent copy of the whole store (see `backup`); stores on disk only.
    fn backup(&self) -> Result<backup::Backup> {
        Err(StoreError::Backend(
            "this store cannot be backed up (it is not on disk)".into(),
        ))
    }
    /// One task (id in any case) with its state, pillar and history: what `show` needs, without
    /// the rest of the plan. The default loads the plan.
    fn task(&self, plan: &str, id: &str) -> Result<TaskRecord> {
        let data = self.load(plan)?;
        query::record(&data, plan, id, |id| self.history(plan, Some(id)))
    }
    /// The tasks a filter and a search select, as `TaskIndex::select` orders them: what `list`
    /// needs, without the rest of the plan. The default loads the plan and indexes it.
    fn select(&self, plan: &str, selection: &Selection) -> Result<Selected> {
        let data = self.load(plan)?;
        query::select_loaded(&data, selection)
    }
}

/// The active plan's name, or an error saying there is none.
pub fn active_or_err(store: &dyn PlanStore) -> Result<String> {
    store.active()?.ok_or(StoreError::NoActivePlan)
}

/// Seeds an empty store with a plan (the embedded one on first run). Returns true if it did.
pub fn seed_if_empty(store: &dyn PlanStore, actor: &Actor, plan: Plan) -> Result<bool> {
    // A store with an active plan has a plan: no need to read every plan to know.
    if store.active()?.is_some() {
        return Ok(false);
    }
    if store.plans()?.is_empty() {
        store.execute(
            actor,
            Command::Import {
                plan,
                states: BTreeMap::new(),
                activate: true,
            },
        )?;
        return Ok(true);
    }
    Ok(false)
}

/// A shared store is a store (several screens on one store in one process, and tests).
impl<T: PlanStore + ?Sized> PlanStore for Arc<T> {
    fn plans(&self) -> Result<Vec<PlanInfo>> {
        (**self).plans()
    }
    fn active(&self) -> Result<Option<String>> {
        (**self).active()
    }
    fn load(&self, plan: &str) -> Result<PlanData> {
        (**self).load(plan)
    }
    fn load_joined(&self, plan: &str) -> Result<Joined> {
        (**self).load_joined(plan)
    }
    fn state(&self, plan: &str, task: &str) -> Result<TaskState> {
        (**self).state(plan, task)
    }
    fn history(&self, plan: &str, task: Option<&str>) -> Result<Vec<Event>> {
        (**self).history(plan, task)
    }
    fn execute(&self, actor: &Actor, command: Command) -> Result<Outcome> {
        (**self).execute(actor, command)
    }
    fn history_after(&self, plan: &str, after: u64) -> Result<Vec<Event>> {
        (**self).history_after(plan, after)
    }
    fn last_seq(&self) -> Result<u64> {
        (**self).last_seq()
    }
    fn may_edit(&self) -> bool {
        (**self).may_edit()
    }
    fn backup(&self) -> Result<backup::Backup> {
        (**self).backup()
    }
    fn task(&self, plan: &str, id: &str) -> Result<TaskRecord> {
        (**self).task(plan, id)
    }
    fn select(&self, plan: &str, selection: &Selection) -> Result<Selected> {
        (**self).select(plan, selection)
    }
}
