//! Questions a store answers without handing over the whole plan: one task with its history
//! (`show`), the tasks a filter and a search select (`list`). Every store answers them the same
//! way; the defaults here work over `load`, and a store that keeps the plan in memory
//! ([`super::CachedStore`]) answers from what it keeps.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::{Event, PlanData, Result, StoreError};
use crate::domain::{Pillar, Task, TaskDef, TaskState, UnitRegistry, read_timeframe};
use crate::query::{Filter, Query, TaskIndex};

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
    /// The plan's pillars (to name the groups, and to say which exist when a filter names an
    /// unknown one).
    pub pillars: Vec<Pillar>,
    /// The plan's year.
    pub year: Option<i32>,
    /// The tasks, in plan order, or best match first with a search.
    pub tasks: Vec<Listed>,
}

impl Selected {
    /// The tasks as shown (each distinct timeframe read once).
    pub fn into_tasks(self) -> Vec<Task> {
        let mut readings = HashMap::new();
        let year = self.year;
        self.tasks
            .into_iter()
            .map(|l| {
                let reading = *readings
                    .entry(l.def.timeframe.clone())
                    .or_insert_with(|| read_timeframe(&l.def.timeframe, year));
                Task::with_reading(l.def, l.state, reading)
            })
            .collect()
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
    // A pillar may be named by its key, numeral or name (accents optional): read it here, where
    // the plan is.
    let mut filter = selection.filter.clone();
    for p in &mut filter.pillars {
        if let Some(found) = crate::query::find_pillar(&data.plan.pillars, p) {
            found.key.clone_into(p);
        }
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
        pillars: data.plan.pillars.clone(),
        year: data.plan.year,
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
