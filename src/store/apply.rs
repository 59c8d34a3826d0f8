//! The logic both stores share: what a command changes, and the events that record it. Pure:
//! it reads the current values it is given and returns what to write.

use chrono::{DateTime, Local, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{Actor, Event, ImportReport, Result, StoreError, Update};
use crate::domain::text::clean;
use crate::domain::{Note, Plan, Status, TaskDef, TaskState, Withdrawal};

/// A plan as kept in a store: its definition and the tasks later versions removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct StoredPlan {
    pub plan: Plan,
    #[serde(default)]
    pub archived: Vec<TaskDef>,
}

/// An event before the store gives it its sequence number.
pub(crate) struct Draft {
    pub task: Option<String>,
    pub field: &'static str,
    pub from: Option<String>,
    pub to: Option<String>,
    pub note: Option<String>,
    /// The meeting the change belongs to (set by `execute` for edits made while one is open).
    pub meeting: Option<String>,
}

impl Draft {
    pub fn into_event(self, seq: u64, at: DateTime<Utc>, actor: &Actor, plan: &str) -> Event {
        Event {
            seq,
            at,
            who: actor.user.clone(),
            plan: plan.to_string(),
            task: self.task,
            field: self.field.to_string(),
            from: self.from,
            to: self.to,
            note: self.note,
            meeting: self.meeting,
        }
    }
}

/// The canonical id of a task in a plan (ids are matched case-insensitively).
pub(crate) fn task_id(stored: &StoredPlan, plan: &str, id: &str) -> Result<String> {
    stored
        .plan
        .task(id.trim())
        .map(|t| t.id.clone())
        .ok_or_else(|| StoreError::NoSuchTask {
            plan: plan.to_string(),
            task: id.to_string(),
        })
}

/// Applies an update to a task's state. `last_change_by` names who made the latest change of a
/// field, for the conflict message.
///
/// Status and progress stay consistent: marking a task done without a progress sets it to
/// 100%; a progress above 0 on a task that would stay "not started" makes it "in progress".
/// Each of these changes is an event of its own.
pub(crate) fn update(
    current: &TaskState,
    upd: &Update,
    id: &str,
    actor: &Actor,
    now: DateTime<Utc>,
    last_change_by: &dyn Fn(&str) -> String,
) -> Result<(TaskState, Vec<Draft>)> {
    let note = upd.note.as_deref().map(clean).filter(|n| !n.is_empty());
    if upd.status.is_none()
        && upd.progress.is_none()
        && note.is_none()
        && upd.withdraw_note.is_none()
    {
        return Err(StoreError::EmptyUpdate);
    }
    check_expected(current, upd, id, last_change_by)?;
    if let Some(p) = upd.progress.filter(|p| *p > 100) {
        return Err(StoreError::BadProgress(p));
    }
    let mut next = current.clone();
    let mut drafts = Vec::new();
    let reason = note.clone().or_else(|| upd.reason.clone());
    let mut record = |field, from: String, to: String| {
        drafts.push(Draft {
            task: Some(id.to_string()),
            field,
            from: Some(from),
            to: Some(to),
            note: reason.clone(),
            meeting: None,
        });
    };
    // Marking a task done without saying how far it got means it got all the way.
    let progress = upd
        .progress
        .or((upd.status == Some(Status::Done) && current.status != Status::Done).then_some(100));
    // Work reported on a task nobody marked as started means it has started.
    let status = upd.status.or_else(|| {
        (current.status == Status::NotStarted && progress.is_some_and(|p| p > 0))
            .then_some(Status::InProgress)
    });
    if let Some(status) = status.filter(|s| *s != current.status) {
        record("status", current.status.key().into(), status.key().into());
        next.status = status;
        let done_on = if status == Status::Done {
            Some(
                upd.done_on
                    .unwrap_or_else(|| now.with_timezone(&Local).date_naive()),
            )
        } else {
            None
        };
        if done_on != current.completed_on {
            record(
                "completed_on",
                date_text(current.completed_on),
                date_text(done_on),
            );
            next.completed_on = done_on;
        }
    }
    if let Some(p) = progress.filter(|p| *p != current.progress) {
        record("progress", current.progress.to_string(), p.to_string());
        next.progress = p;
    }
    if let Some(index) = upd.withdraw_note {
        let number = index + 1;
        let old = next
            .notes
            .get_mut(index)
            .ok_or_else(|| StoreError::NoSuchNote {
                task: id.to_string(),
                number,
            })?;
        if let Some(w) = &old.withdrawn {
            return Err(StoreError::NoteWithdrawn {
                task: id.to_string(),
                number,
                by: w.who.clone(),
            });
        }
        old.withdrawn = Some(Withdrawal {
            at: now,
            who: actor.user.clone(),
            corrected: note.is_some(),
        });
        drafts.push(Draft {
            task: Some(id.to_string()),
            field: if note.is_some() {
                "note_corrected"
            } else {
                "note_withdrawn"
            },
            from: Some(old.text.clone()),
            to: note.clone(),
            note: upd.reason.clone(),
            meeting: None,
        });
    }
    if let Some(text) = &note {
        if drafts.is_empty() {
            drafts.push(Draft {
                task: Some(id.to_string()),
                field: "note",
                from: None,
                to: Some(text.clone()),
                note: None,
                meeting: None,
            });
        }
        next.notes.push(Note {
            at: now,
            who: actor.user.clone(),
            text: text.clone(),
            withdrawn: None,
        });
    }
    Ok((next, drafts))
}

fn check_expected(
    current: &TaskState,
    upd: &Update,
    id: &str,
    last_change_by: &dyn Fn(&str) -> String,
) -> Result<()> {
    let conflict = |field: &str, expected: String, actual: String| StoreError::Conflict {
        task: id.to_string(),
        field: field.to_string(),
        expected,
        actual,
        by: last_change_by(field),
    };
    if let Some(e) = upd.expect_status.filter(|e| *e != current.status)
        && (upd.status.is_some() || upd.expect_always)
    {
        return Err(conflict(
            "status",
            e.key().into(),
            current.status.key().into(),
        ));
    }
    if let Some(e) = upd.expect_progress.filter(|e| *e != current.progress)
        && (upd.progress.is_some() || upd.expect_always)
    {
        return Err(conflict(
            "progress",
            e.to_string(),
            current.progress.to_string(),
        ));
    }
    Ok(())
}

fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Merges a newly read plan into what the store has. Returns the plan to store, the events, and
/// the report. States are keyed by id, so tasks whose id remains keep theirs untouched.
pub(crate) fn import(
    existing: Option<&StoredPlan>,
    plan: Plan,
) -> Result<(StoredPlan, Vec<Draft>, ImportReport)> {
    let plan = plan.normalized();
    plan.validate()?;
    let mut report = ImportReport {
        plan: plan.name.clone(),
        created: existing.is_none(),
        ..ImportReport::default()
    };
    let mut drafts = Vec::new();
    let old: BTreeMap<&str, &TaskDef> = existing
        .map(|s| s.plan.tasks.iter().map(|t| (t.id.as_str(), t)).collect())
        .unwrap_or_default();
    for t in &plan.tasks {
        match old.get(t.id.as_str()) {
            None => report.added.push(t.id.clone()),
            Some(o) if *o == t => report.unchanged += 1,
            Some(o) => {
                report.changed.push(t.id.clone());
                drafts.extend(definition_changes(o, t));
            }
        }
    }
    // Ids match ignoring ASCII case (as `Plan::task` does); a set, not a scan per task, so a
    // 100,000-task re-import takes no 10^10 comparisons.
    let new_ids: std::collections::HashSet<String> = plan
        .tasks
        .iter()
        .map(|t| t.id.to_ascii_uppercase())
        .collect();
    let in_new = |id: &str| new_ids.contains(&id.to_ascii_uppercase());
    let mut archived: Vec<TaskDef> = existing.map(|s| s.archived.clone()).unwrap_or_default();
    archived.retain(|a| !in_new(&a.id));
    for (id, def) in &old {
        if !in_new(id) {
            report.removed.push((*id).to_string());
            archived.push((*def).clone());
            drafts.push(Draft {
                task: Some((*id).to_string()),
                field: "archived",
                from: None,
                to: Some("true".into()),
                note: Some(reason::IMPORT_REMOVED.into()),
                meeting: None,
            });
        }
    }
    drafts.insert(
        0,
        Draft {
            task: None,
            field: "import",
            from: None,
            to: Some(format!(
                "tasks={} added={} changed={} removed={}",
                plan.tasks.len(),
                report.added.len(),
                report.changed.len(),
                report.removed.len()
            )),
            note: None,
            meeting: None,
        },
    );
    Ok((StoredPlan { plan, archived }, drafts, report))
}

fn definition_changes(old: &TaskDef, new: &TaskDef) -> Vec<Draft> {
    let fields: [(&'static str, String, String); 7] = [
        ("title", old.title.clone(), new.title.clone()),
        ("timeframe", old.timeframe.clone(), new.timeframe.clone()),
        ("pillar", old.pillar.clone(), new.pillar.clone()),
        ("lead", old.lead.join("; "), new.lead.join("; ")),
        ("support", old.support.join("; "), new.support.join("; ")),
        (
            "funding",
            old.funding.clone().unwrap_or_default(),
            new.funding.clone().unwrap_or_default(),
        ),
        (
            "remark",
            old.remark.clone().unwrap_or_default(),
            new.remark.clone().unwrap_or_default(),
        ),
    ];
    fields
        .into_iter()
        .filter(|(_, a, b)| a != b)
        .map(|(field, from, to)| Draft {
            task: Some(new.id.clone()),
            field,
            from: Some(from),
            to: Some(to),
            note: Some(reason::IMPORT_CHANGED.into()),
            meeting: None,
        })
        .collect()
}

/// The reasons the store records in an event's `note` for changes it makes itself: codes, which
/// `i18n` words in either language (never a sentence stored in one language).
pub mod reason {
    /// A task removed from the plan by an import (archived).
    pub const IMPORT_REMOVED: &str = "import:removed";
    /// A task's definition changed by an import.
    pub const IMPORT_CHANGED: &str = "import:changed";
    /// A recorded state brought in by an import.
    pub const IMPORT_RESTORED: &str = "import:restored";
    /// A note brought in by an import; the note's author follows.
    pub const IMPORT_RESTORED_NOTE: &str = "import:restored-note:";
}

/// Everything one command writes, committed atomically by a store.
#[derive(Default)]
pub(crate) struct Writes {
    pub plan: Option<StoredPlan>,
    pub states: Vec<(String, String, TaskState)>,
    pub events: Vec<Event>,
    pub active: Option<String>,
    /// A plan's meetings and targets' readings, written whole.
    pub desk: Option<(String, crate::domain::Desk)>,
}

/// The primitive reads and the one atomic write a store provides; [`execute`] does the rest.
/// Callers hold the store's write lock around `execute`, so reads and the commit are consistent.
pub(crate) trait Tables {
    fn plan(&self, name: &str) -> Result<Option<StoredPlan>>;
    fn state(&self, plan: &str, task: &str) -> Result<Option<TaskState>>;
    fn last_seq(&self) -> Result<u64>;
    fn task_events(&self, plan: &str, task: &str) -> Result<Vec<Event>>;
    /// Who last changed each field of a task (by default read from its history).
    fn last_changes(&self, plan: &str, task: &str) -> Result<super::last_change::LastChanges> {
        Ok(super::last_change::LastChanges::from_events(
            &self.task_events(plan, task)?,
        ))
    }
    /// The canonical id of task `id` (any case) in `plan`. A store may answer without reading
    /// the whole plan.
    fn task_id(&self, plan: &str, id: &str) -> Result<String> {
        let stored = self
            .plan(plan)?
            .ok_or_else(|| StoreError::NoSuchPlan(plan.to_string()))?;
        task_id(&stored, plan, id)
    }
    /// A plan's meetings and targets' readings (empty when nothing is recorded).
    fn desk(&self, plan: &str) -> Result<crate::domain::Desk>;
    /// Every recorded state of a plan's tasks.
    fn states(&self, plan: &str) -> Result<BTreeMap<String, TaskState>>;
    /// Writes everything or nothing, and returns only once it is durable.
    fn commit(&self, writes: Writes) -> Result<()>;
}

/// Applies a command against a store's tables.
pub(crate) fn execute(
    t: &dyn Tables,
    actor: &Actor,
    command: super::Command,
    now: DateTime<Utc>,
) -> Result<super::Outcome> {
    use super::{Command, Outcome};
    let seq0 = t.last_seq()?;
    let number = |drafts: Vec<Draft>, plan: &str| -> Vec<Event> {
        drafts
            .into_iter()
            .zip(seq0 + 1..)
            .map(|(d, seq)| d.into_event(seq, now, actor, plan))
            .collect()
    };
    match command {
        Command::Update(upd) => {
            let desk = t.desk(&upd.plan)?;
            let id = match t.task_id(&upd.plan, &upd.task) {
                Err(StoreError::NoSuchTask { .. }) if desk.action(&upd.task).is_some() => desk
                    .action(&upd.task)
                    .map(|a| a.def.id.clone())
                    .unwrap_or_default(),
                other => other?,
            };
            let current = t.state(&upd.plan, &id)?.unwrap_or_default();
            // A per-task record, not the task's whole history: the cost does not grow with it.
            let last = t.last_changes(&upd.plan, &id)?;
            let by = |field: &str| last.by(field);
            let (next, mut drafts) = update(&current, &upd, &id, actor, now, &by)?;
            if let Some(m) = super::desk::open_meeting(&desk) {
                for d in &mut drafts {
                    d.meeting = Some(m.clone());
                }
            }
            let events = number(drafts, &upd.plan);
            t.commit(Writes {
                states: vec![(upd.plan.clone(), id, next)],
                events: events.clone(),
                ..Writes::default()
            })?;
            Ok(Outcome::Updated { events })
        }
        Command::Import {
            plan,
            states,
            activate,
        } => {
            super::keys::check_plan(&plan)?;
            let name = clean(&plan.name);
            super::desk::check_import(&plan, &t.desk(&name)?)?;
            let existing = t.plan(&name)?;
            let (stored, mut drafts, mut report) = import(existing.as_ref(), plan)?;
            let mut new_states = Vec::new();
            let by_id: std::collections::HashMap<String, &crate::domain::TaskDef> = stored
                .plan
                .tasks
                .iter()
                .map(|t| (t.id.to_ascii_uppercase(), t))
                .collect();
            for (id, state) in states {
                let Some(def) = by_id.get(&id.to_ascii_uppercase()) else {
                    continue;
                };
                if state == TaskState::default() || t.state(&name, &def.id)?.is_some() {
                    continue;
                }
                drafts.extend(restored_drafts(&def.id, &state));
                report.restored.push(def.id.clone());
                new_states.push((name.clone(), def.id.clone(), state));
            }
            let events = number(drafts, &stored.plan.name);
            t.commit(Writes {
                active: activate.then(|| stored.plan.name.clone()),
                plan: Some(stored),
                states: new_states,
                events,
                desk: None,
            })?;
            Ok(Outcome::Imported(report))
        }
        Command::Desk { plan, change } => {
            let stored = t
                .plan(&plan)?
                .ok_or_else(|| StoreError::NoSuchPlan(plan.clone()))?;
            let desk = t.desk(&plan)?;
            let tasks = || -> Result<Vec<crate::domain::Task>> {
                let data = super::PlanData {
                    plan: stored.plan.clone(),
                    states: t.states(&plan)?,
                    archived: Vec::new(),
                    desk: desk.clone(),
                };
                Ok(data.with_desk().tasks())
            };
            let last_by = |subject: &str, field: &str| {
                t.last_changes(&plan, subject)
                    .map(|l| l.by(field))
                    .unwrap_or_default()
            };
            let registry = crate::domain::UnitRegistry::default();
            let cx = super::desk::Context {
                plan: &stored.plan,
                tasks: &tasks,
                last_by: &last_by,
                registry: &registry,
                seq0,
            };
            let (next, drafts, made) = super::desk::apply(&desk, change, &cx, actor, now)?;
            let events = number(drafts, &plan);
            t.commit(Writes {
                events: events.clone(),
                desk: Some((plan, next)),
                ..Writes::default()
            })?;
            Ok(Outcome::Desk { events, made })
        }
        Command::SetActive { plan } => {
            if t.plan(&plan)?.is_none() {
                return Err(StoreError::NoSuchPlan(plan));
            }
            let events = number(
                vec![Draft {
                    task: None,
                    field: "active_plan",
                    from: None,
                    to: Some(plan.clone()),
                    note: None,
                    meeting: None,
                }],
                &plan,
            );
            t.commit(Writes {
                active: Some(plan),
                events,
                ..Writes::default()
            })?;
            Ok(Outcome::Activated)
        }
    }
}

/// Events recording a state brought in by an import.
fn restored_drafts(id: &str, state: &TaskState) -> Vec<Draft> {
    let blank = TaskState::default();
    let mut out = Vec::new();
    let mut push = |field, from: String, to: String| {
        out.push(Draft {
            task: Some(id.to_string()),
            field,
            from: Some(from),
            to: Some(to),
            note: Some(reason::IMPORT_RESTORED.into()),
            meeting: None,
        });
    };
    if state.status != blank.status {
        push(
            "status",
            blank.status.key().into(),
            state.status.key().into(),
        );
    }
    if state.completed_on.is_some() {
        push("completed_on", String::new(), date_text(state.completed_on));
    }
    if state.progress != blank.progress {
        push(
            "progress",
            blank.progress.to_string(),
            state.progress.to_string(),
        );
    }
    for n in &state.notes {
        out.push(Draft {
            task: Some(id.to_string()),
            field: "note",
            from: None,
            to: Some(n.text.clone()),
            note: Some(format!("{}{}", reason::IMPORT_RESTORED_NOTE, n.who)),
            meeting: None,
        });
    }
    out
}
