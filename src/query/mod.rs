//! Finding tasks: Vietnamese folding, fuzzy search with match positions, filters, and the index
//! that keeps each task's folded text so a keystroke never folds anything again.

pub mod filter;
pub mod fold;
pub mod search;

use chrono::NaiveDate;

use crate::domain::{Task, UnitRegistry};
pub use filter::{Due, Filter, Prepared, find_unit, parse_quarter};
pub use search::{Haystack, Hit, Query};

/// Tasks with their search text folded once, at load.
pub struct TaskIndex {
    tasks: Vec<Task>,
    haystacks: Vec<Haystack>,
}

/// Fields of a task's haystack, in order.
pub const FIELD_ID: usize = 0;
/// The title field.
pub const FIELD_TITLE: usize = 1;

impl TaskIndex {
    /// Indexes tasks: id, title, units (as written and in full), notes.
    pub fn new(tasks: Vec<Task>, registry: &UnitRegistry) -> Self {
        let haystacks = tasks.iter().map(|t| haystack(t, registry)).collect();
        TaskIndex { tasks, haystacks }
    }

    /// The tasks, in plan order.
    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }

    /// Replaces one task (after an edit) and refreshes its search text.
    pub fn replace(&mut self, task: Task, registry: &UnitRegistry) {
        if let Some(i) = self.tasks.iter().position(|t| t.def.id == task.def.id) {
            self.haystacks[i] = haystack(&task, registry);
            self.tasks[i] = task;
        }
    }

    /// Indices of the tasks passing the filter and the search, with hits. With a search the
    /// best matches come first; without one, plan order.
    pub fn select(
        &self,
        filter: &Filter,
        query: &Query,
        registry: &UnitRegistry,
        as_of: NaiveDate,
    ) -> Vec<(usize, Option<Hit>)> {
        let prepared = Prepared::new(filter, registry, as_of);
        if query.is_empty() {
            return (0..self.tasks.len())
                .filter(|&i| prepared.matches(&self.tasks[i]))
                .map(|i| (i, None))
                .collect();
        }
        let mut hits: Vec<(usize, Hit)> = self
            .haystacks
            .iter()
            .enumerate()
            .filter(|(i, _)| prepared.matches(&self.tasks[*i]))
            .filter_map(|(i, h)| query.score(h).map(|hit| (i, hit)))
            .collect();
        hits.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
        hits.into_iter().map(|(i, h)| (i, Some(h))).collect()
    }
}

fn haystack(task: &Task, registry: &UnitRegistry) -> Haystack {
    let mut units = String::new();
    for u in task.def.lead.iter().chain(&task.def.support) {
        units.push_str(u);
        units.push_str("; ");
        if let Some(unit) = registry.resolve(u) {
            units.push_str(&unit.name);
            units.push_str("; ");
        }
    }
    let notes: Vec<&str> = task.state.notes.iter().map(|n| n.text.as_str()).collect();
    Haystack::new(&[&task.def.id, &task.def.title, &units, &notes.join("\n")])
}
