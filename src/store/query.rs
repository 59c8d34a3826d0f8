//! Questions a store answers without handing over the whole plan: one task with its history
//! (`show`), the tasks a filter and a search select (`list`). Every store answers them the same
//! way; the defaults here work over `load`, and a store that keeps the plan in memory
//! ([`super::CachedStore`]) answers from what it keeps.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::{Event, PlanData, Result, StoreError};
use crate::domain::{Pillar, Plan, Task, TaskDef, TaskState, UnitRegistry, read_timeframe};
use crate::query::{Filter, Query, TaskIndex, find_pillar};

/// One task as `show` needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskRecord {
    /// As written in the plan.
    pub def: TaskDef,
    /// As recorded.
    pub state: TaskState,
    /// The pillar it belongs to (none when the plan does not list it).
    pub pillar: Option<Pillar>,
    /// The plan's year (the timeframe is read with it).
    pub year: Option<i32>,
    /// Its history, oldest first.
    pub history: Vec<Event>,
}

impl TaskRecord {
    /// The task as shown.
    pub fn task(&self) -> Task {
        Task::new(self.def.clone(), self.state.clone(), self.year)
    }
}

/// Which tasks to list: a filter, a search (empty: none), the review date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    /// The filter.
    #[serde(default)]
    pub filter: Filter,
    /// Words to search for; with a search the best matches come first.
    #[serde(default)]
    pub search: String,
    /// The review date (overdue, this quarter).
    pub as_of: NaiveDate,
}

/// A task as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listed {
    /// As written in the plan.
    pub def: TaskDef,
    /// As recorded.
    pub state: TaskState,
}

/// What a selection gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Selected {
    /// The plan without its tasks (name, title, year, pillars, targets): to word what is listed.
    pub outline: Plan,
    /// The pillars the filter names that the plan does not have (any spelling of a pillar is
    /// read as `query::find_pillar` reads it); then nothing is selected.
    #[serde(default)]
    pub unknown_pillars: Vec<String>,
    /// The tasks, in plan order, or best match first with a search.
    pub tasks: Vec<Listed>,
}

impl Selected {
    /// The outline, and the tasks as shown (each distinct timeframe read once).
    pub fn into_tasks(self) -> (Plan, Vec<Task>) {
        let mut readings = HashMap::new();
        let year = self.outline.year;
        let tasks = self
            .tasks
            .into_iter()
            .map(|l| {
                let reading = *readings
                    .entry(l.def.timeframe.clone())
                    .or_insert_with(|| read_timeframe(&l.def.timeframe, year));
                Task::with_reading(l.def, l.state, reading)
            })
            .collect();
        (self.outline, tasks)
    }
}

/// A plan without its tasks.
fn outline(plan: &Plan) -> Plan {
    Plan {
        name: plan.name.clone(),
        title: plan.title.clone(),
        decision: plan.decision.clone(),
        year: plan.year,
        pillars: plan.pillars.clone(),
        tasks: Vec::new(),
        targets: plan.targets.clone(),
    }
}

/// The record of task `id` (any case) in a loaded plan, its history from `history`.
pub(crate) fn record(
    data: &PlanData,
    plan: &str,
    id: &str,
    history: impl FnOnce(&str) -> Result<Vec<Event>>,
) -> Result<TaskRecord> {
    let def = data
        .plan
        .task(id.trim())
        .ok_or_else(|| StoreError::NoSuchTask {
            plan: plan.to_string(),
            task: id.to_string(),
        })?;
    Ok(TaskRecord {
        state: data.states.get(&def.id).cloned().unwrap_or_default(),
        pillar: data.plan.pillar(&def.pillar).cloned(),
        year: data.plan.year,
        history: history(&def.id)?,
        def: def.clone(),
    })
}

/// The selection over a loaded plan, through an index of its tasks.
pub(crate) fn select(
    data: &PlanData,
    index: &mut TaskIndex,
    selection: &Selection,
    registry: &UnitRegistry,
) -> Result<Selected> {
    let mut filter = selection.filter.clone();
    let mut unknown_pillars = Vec::new();
    for p in &mut filter.pillars {
        match find_pillar(&data.plan, p) {
            Some(found) => found.key.clone_into(p),
            None => unknown_pillars.push(p.clone()),
        }
    }
    if !unknown_pillars.is_empty() {
        return Ok(Selected {
            outline: outline(&data.plan),
            unknown_pillars,
            tasks: Vec::new(),
        });
    }
    let picked = index
        .select(
            &filter,
            &Query::new(&selection.search),
            registry,
            selection.as_of,
        )
        .map_err(|e| StoreError::Backend(e.to_string()))?;
    let tasks = index.tasks();
    Ok(Selected {
        outline: outline(&data.plan),
        unknown_pillars,
        tasks: picked
            .into_iter()
            .filter_map(|(i, _)| tasks.get(i))
            .map(|t| Listed {
                def: t.def.clone(),
                state: t.state.clone(),
            })
            .collect(),
    })
}

/// The selection over a loaded plan (an index built for the occasion).
pub(crate) fn select_loaded(data: &PlanData, selection: &Selection) -> Result<Selected> {
    let registry = UnitRegistry::embedded().map_err(|e| StoreError::Backend(e.to_string()))?;
    let mut index = TaskIndex::new(data.tasks(), &registry);
    select(data, &mut index, selection, &registry)
}
