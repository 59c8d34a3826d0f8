//! Finding tasks: Vietnamese folding, fuzzy search with match positions, filters, and the index
//! that keeps each task's folded text so a keystroke never folds anything again.

pub mod filter;
pub mod fold;
pub mod search;

use chrono::NaiveDate;
use std::collections::HashMap;

use crate::domain::{Task, UnitRegistry};
pub use filter::{Due, Filter, Prepared, find_unit, parse_quarter};
pub use search::{Haystack, Hit, Query};

/// Tasks with their search text folded once, at load. Folding 10,000 tasks takes longer than
/// opening the plan, so it happens on another thread while the first screen is drawn; the first
/// search waits for it if it has not finished.
pub struct TaskIndex {
    tasks: Vec<Task>,
    haystacks: Haystacks,
}

enum Haystacks {
    Ready(Vec<Haystack>),
    Building(std::thread::JoinHandle<Vec<Haystack>>),
}

/// Fields of a task's haystack, in order.
pub const FIELD_ID: usize = 0;
/// The title field.
pub const FIELD_TITLE: usize = 1;

impl TaskIndex {
    /// Indexes tasks: id, title, units (as written and in full), notes.
    pub fn new(tasks: Vec<Task>, registry: &UnitRegistry) -> Self {
        // Plans repeat the same few unit spellings: resolve each once.
        let mut names: HashMap<&str, Option<&str>> = HashMap::new();
        for t in &tasks {
            for u in t.def.lead.iter().chain(&t.def.support) {
                names
                    .entry(u.as_str())
                    .or_insert_with(|| registry.resolve(u).map(|x| x.name.as_str()));
            }
        }
        let texts: Vec<[String; 4]> = tasks
            .iter()
            .map(|t| search_text(t, &|u| names.get(u).copied().flatten()))
            .collect();
        let haystacks = if tasks.len() < 1000 {
            Haystacks::Ready(build(&texts))
        } else {
            Haystacks::Building(std::thread::spawn(move || build(&texts)))
        };
        TaskIndex { tasks, haystacks }
    }

    /// The tasks, in plan order.
    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }

    /// Waits for the background build, if it is still running.
    fn ensure_built(&mut self) {
        if let Haystacks::Building(_) = &self.haystacks {
            let pending = std::mem::replace(&mut self.haystacks, Haystacks::Ready(Vec::new()));
            if let Haystacks::Building(handle) = pending {
                // A failed build (a bug) leaves search finding nothing rather than crashing.
                self.haystacks = Haystacks::Ready(handle.join().unwrap_or_default());
            }
        }
    }

    /// Replaces one task (after an edit) and refreshes its search text.
    pub fn replace(&mut self, task: Task, registry: &UnitRegistry) {
        if let Some(i) = self.tasks.iter().position(|t| t.def.id == task.def.id) {
            let [a, b, c, d] =
                search_text(&task, &|u| registry.resolve(u).map(|x| x.name.as_str()));
            self.ensure_built();
            if let Haystacks::Ready(h) = &mut self.haystacks {
                if let Some(slot) = h.get_mut(i) {
                    *slot = Haystack::new(&[&a, &b, &c, &d]);
                }
            }
            self.tasks[i] = task;
        }
    }

    /// Indices of the tasks passing the filter and the search, with hits. With a search the
    /// best matches come first; without one, plan order.
    pub fn select(
        &mut self,
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
        self.ensure_built();
        let Haystacks::Ready(haystacks) = &self.haystacks else {
            return Vec::new();
        };
        let mut hits: Vec<(usize, Hit)> = haystacks
            .iter()
            .enumerate()
            .filter(|(i, _)| prepared.matches(&self.tasks[*i]))
            .filter_map(|(i, h)| query.score(h).map(|hit| (i, hit)))
            .collect();
        hits.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
        hits.into_iter().map(|(i, h)| (i, Some(h))).collect()
    }
}

/// A task's search text: id, title, units (as written and their full names), notes.
fn build(texts: &[[String; 4]]) -> Vec<Haystack> {
    texts
        .iter()
        .map(|[a, b, c, d]| Haystack::new(&[a, b, c, d]))
        .collect()
}

/// A task's search fields: id, title, units (as written and their full names), notes.
fn search_text<'a>(task: &Task, full_name: &dyn Fn(&str) -> Option<&'a str>) -> [String; 4] {
    let mut units = String::new();
    for u in task.def.lead.iter().chain(&task.def.support) {
        units.push_str(u);
        units.push_str("; ");
        if let Some(name) = full_name(u) {
            units.push_str(name);
            units.push_str("; ");
        }
    }
    let notes: Vec<&str> = task.state.notes.iter().map(|n| n.text.as_str()).collect();
    [
        task.def.id.clone(),
        task.def.title.clone(),
        units,
        notes.join("\n"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Status;

    fn many(n: usize) -> Vec<Task> {
        let plan = crate::plan::embedded().expect("plan");
        (0..n)
            .map(|i| {
                let mut d = plan.tasks[i % plan.tasks.len()].clone();
                d.id = format!("{}.{i}", d.id);
                Task::new(d, crate::domain::TaskState::default(), Some(2025))
            })
            .collect()
    }

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 7, 15).expect("date")
    }

    #[test]
    fn a_large_index_built_in_the_background_searches_the_same() {
        let registry = UnitRegistry::embedded().expect("embedded registry");
        for n in [59, 2000] {
            let mut index = TaskIndex::new(many(n), &registry);
            let hits = index.select(
                &Filter::default(),
                &Query::new("ho tich"),
                &registry,
                as_of(),
            );
            let per_copy = hits.len() * 59 / n;
            assert!((3..=6).contains(&per_copy), "{n}: {} hits", hits.len());
            let first = &index.tasks()[hits[0].0];
            assert!(first.def.title.contains("hộ tịch"), "{}", first.def.title);
        }
    }

    #[test]
    fn replacing_a_task_refreshes_its_search_text() {
        let registry = UnitRegistry::embedded().expect("embedded registry");
        let mut index = TaskIndex::new(many(1500), &registry);
        let mut t = index.tasks()[7].clone();
        t.state.status = Status::Blocked;
        t.state.notes.push(crate::domain::Note {
            at: chrono::Utc::now(),
            who: "lan".into(),
            text: "chờ phê duyệt kinh phí".into(),
        });
        index.replace(t, &registry);
        let hits = index.select(
            &Filter::default(),
            &Query::new("cho phe duyet"),
            &registry,
            as_of(),
        );
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].0, 7);
        assert_eq!(index.tasks()[7].state.status, Status::Blocked);
    }
}
