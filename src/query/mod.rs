//! Finding tasks: Vietnamese folding, fuzzy search with match positions, filters, and the index
//! that keeps each task's folded text so a keystroke never folds anything again.

pub mod filter;
pub mod fold;
pub mod search;
pub mod units;

use chrono::NaiveDate;
use std::collections::HashMap;
use std::sync::Arc;

use crate::domain::{Task, UnitRegistry};
pub use filter::{Due, Filter, Prepared, find_pillar, find_unit, parse_quarter};
pub use search::{Haystack, Hit, Query};
pub use units::{UnitMatch, UnitMiss, pick_unit, rank_units};

/// Tasks with their search text folded once, at load. Folding 10,000 tasks takes longer than
/// opening the plan, so it happens on another thread once the first screen is drawn (that
/// thread reads the tasks it shares with the index, and puts their search text together too);
/// the first search waits for it if it has not finished.
pub struct TaskIndex {
    tasks: Arc<Vec<Task>>,
    haystacks: Haystacks,
    /// Starts the background build (see [`TaskIndex::start_building`]).
    start: Option<std::sync::mpsc::Sender<()>>,
}

/// How long the background build waits to be started before it starts by itself.
const BUILD_AFTER: std::time::Duration = std::time::Duration::from_millis(100);

enum Haystacks {
    Ready(Vec<Haystack>),
    Building(std::thread::JoinHandle<Vec<Haystack>>),
    /// The background build panicked (a defect): searching says so instead of finding nothing.
    Failed(SearchUnavailable),
}

/// The search index could not be built, so a search cannot be answered. Filters without a
/// search still work.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "search is unavailable: building the search index failed ({0}); filters still work. \
     Restart steerdeck to try again, and please report it"
)]
pub struct SearchUnavailable(String);

impl SearchUnavailable {
    /// From the payload of the panic that ended the build.
    fn from_panic(payload: &(dyn std::any::Any + Send)) -> Self {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "the build stopped".to_string());
        SearchUnavailable(what)
    }

    /// What went wrong, as the failed build said it.
    pub fn cause(&self) -> &str {
        &self.0
    }
}

/// Fields of a task's haystack, in order.
pub const FIELD_ID: usize = 0;
/// The title field.
pub const FIELD_TITLE: usize = 1;

impl TaskIndex {
    /// Indexes tasks: id, title, units (as written and by every name the registry knows),
    /// notes.
    pub fn new(tasks: Vec<Task>, registry: &UnitRegistry) -> Self {
        let tasks = Arc::new(tasks);
        if tasks.len() < 1000 {
            let haystacks = Haystacks::Ready(build(&tasks, registry));
            return TaskIndex {
                tasks,
                haystacks,
                start: None,
            };
        }
        // Built once the first screen is drawn, so as not to compete with the drawing for the
        // cores (a search waits for it).
        let shared = Arc::clone(&tasks);
        let registry = registry.clone();
        let (start, started) = std::sync::mpsc::channel::<()>();
        let haystacks = Haystacks::Building(std::thread::spawn(move || {
            let _ = started.recv_timeout(BUILD_AFTER);
            build(&shared, &registry)
        }));
        TaskIndex {
            tasks,
            haystacks,
            start: Some(start),
        }
    }

    /// Lets the background build start now (the screen calls it once a frame is drawn).
    pub fn start_building(&mut self) {
        if let Some(start) = self.start.take() {
            let _ = start.send(());
        }
    }

    /// The tasks, in plan order.
    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }

    /// Waits for the background build, if it is still running. A build that panicked is
    /// recorded as `Failed`, and every search then returns its error.
    fn ensure_built(&mut self) {
        self.start_building();
        if let Haystacks::Building(_) = &self.haystacks {
            let pending = std::mem::replace(&mut self.haystacks, Haystacks::Ready(Vec::new()));
            if let Haystacks::Building(handle) = pending {
                self.haystacks = match handle.join() {
                    Ok(built) => Haystacks::Ready(built),
                    Err(payload) => Haystacks::Failed(SearchUnavailable::from_panic(&*payload)),
                };
            }
        }
    }

    /// Replaces one task (after an edit) and refreshes its search text.
    pub fn replace(&mut self, task: Task, registry: &UnitRegistry) {
        if let Some(i) = self.tasks.iter().position(|t| t.def.id == task.def.id) {
            let names: HashMap<&str, String> = task
                .def
                .lead
                .iter()
                .chain(&task.def.support)
                .map(|u| (u.as_str(), unit_names(registry, u)))
                .collect();
            let [a, b, c, d] = search_text(&task, &|u| names.get(u).map(String::as_str));
            self.ensure_built();
            if let Haystacks::Ready(h) = &mut self.haystacks
                && let Some(slot) = h.get_mut(i)
            {
                *slot = Haystack::new(&[&a, &b, &c, &d]);
            }
            // The build has ended (and let go of the tasks): nothing is copied.
            Arc::make_mut(&mut self.tasks)[i] = task;
        }
    }

    /// Indices of the tasks passing the filter and the search, with hits. With a search the
    /// best matches come first; without one, plan order. A search fails only if the search
    /// index could not be built; a filter alone never fails.
    pub fn select(
        &mut self,
        filter: &Filter,
        query: &Query,
        registry: &UnitRegistry,
        as_of: NaiveDate,
    ) -> Result<Vec<(usize, Option<Hit>)>, SearchUnavailable> {
        let prepared = Prepared::new(filter, registry, as_of);
        if query.is_empty() {
            return Ok((0..self.tasks.len())
                .filter(|&i| prepared.matches(&self.tasks[i]))
                .map(|i| (i, None))
                .collect());
        }
        self.ensure_built();
        let haystacks = match &self.haystacks {
            Haystacks::Ready(haystacks) => haystacks,
            Haystacks::Failed(e) => return Err(e.clone()),
            Haystacks::Building(_) => return Ok(Vec::new()),
        };
        // The words as typed first; their variants ("hotich", "sso") only if that finds nothing.
        let scan = |forgiving: bool| -> Vec<(usize, Hit)> {
            haystacks
                .iter()
                .enumerate()
                .filter(|(i, _)| prepared.matches(&self.tasks[*i]))
                .filter_map(|(i, h)| {
                    let hit = if forgiving {
                        query.score(h)
                    } else {
                        query.score_as_typed(h)
                    };
                    hit.map(|hit| (i, hit))
                })
                .collect()
        };
        let mut hits = scan(false);
        if hits.is_empty() && query.forgives() {
            hits = scan(true);
        }
        hits.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
        Ok(hits.into_iter().map(|(i, h)| (i, Some(h))).collect())
    }
}

/// The tasks' haystacks: id, title, units (as written and by the other names in `names`),
/// notes. Each task's text is put together, folded and dropped in turn, so that the texts and
/// the index are never held whole at once.
fn build(tasks: &[Task], registry: &UnitRegistry) -> Vec<Haystack> {
    build_halves_from(tasks, registry, PARALLEL_BUILD)
}

/// [`build`], on two threads when there are `halves_from` tasks or more.
fn build_halves_from(tasks: &[Task], registry: &UnitRegistry, halves_from: usize) -> Vec<Haystack> {
    // Plans repeat the same few unit spellings: resolve each once.
    let mut names: HashMap<&str, String> = HashMap::new();
    for t in tasks {
        for u in t.def.lead.iter().chain(&t.def.support) {
            names
                .entry(u.as_str())
                .or_insert_with(|| unit_names(registry, u));
        }
    }
    let fold = |part: &[Task]| -> Vec<Haystack> {
        part.iter()
            .map(|t| {
                let [a, b, c, d] = search_text(t, &|u| names.get(u).map(String::as_str));
                Haystack::new(&[&a, &b, &c, &d])
            })
            .collect()
    };
    if tasks.len() < halves_from {
        return fold(tasks);
    }
    // A large plan is folded in two halves at once (the screen waits for it at its first
    // search).
    let (first, second) = tasks.split_at(tasks.len() / 2);
    std::thread::scope(|s| {
        let other = s.spawn(|| fold(second));
        let mut built = fold(first);
        match other.join() {
            Ok(rest) => built.extend(rest),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        built
    })
}

/// From how many tasks the index is built on two threads.
const PARALLEL_BUILD: usize = 20_000;

/// Every other name of the unit written `written`, as the registry knows it: full name,
/// abbreviation, aliases, and those of the units that took over its work ("; " between them).
/// Empty for a unit the registry does not know.
fn unit_names(registry: &UnitRegistry, written: &str) -> String {
    let Some(unit) = registry.resolve(written) else {
        return String::new();
    };
    let mut seen = vec![crate::domain::unit::name_key(written)];
    let mut out = String::new();
    for u in registry.lineage(unit) {
        for name in [&u.name, &u.short].into_iter().chain(&u.aliases) {
            let key = crate::domain::unit::name_key(name);
            if !seen.contains(&key) {
                seen.push(key);
                out.push_str(name);
                out.push_str("; ");
            }
        }
    }
    out
}

/// A task's search fields: id, title, units (as written and by their other names), notes.
fn search_text<'a>(task: &Task, other_names: &dyn Fn(&str) -> Option<&'a str>) -> [String; 4] {
    let mut units = String::new();
    for u in task.def.lead.iter().chain(&task.def.support) {
        units.push_str(u);
        units.push_str("; ");
        if let Some(names) = other_names(u) {
            units.push_str(names);
        }
    }
    let notes: Vec<&str> = task
        .state
        .current_notes()
        .map(|(_, n)| n.text.as_str())
        .collect();
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
            let hits = index
                .select(
                    &Filter::default(),
                    &Query::new("ho tich"),
                    &registry,
                    as_of(),
                )
                .expect("search");
            let per_copy = hits.len() * 59 / n;
            assert!((3..=6).contains(&per_copy), "{n}: {} hits", hits.len());
            let first = &index.tasks()[hits[0].0];
            assert!(first.def.title.contains("hộ tịch"), "{}", first.def.title);
        }
    }

    fn ids(index: &mut TaskIndex, registry: &UnitRegistry, query: &str) -> Vec<String> {
        index
            .select(&Filter::default(), &Query::new(query), registry, as_of())
            .expect("search")
            .into_iter()
            .map(|(i, _)| index.tasks()[i].def.id.clone())
            .collect()
    }

    #[test]
    fn search_sees_a_unit_by_every_name_the_registry_has() {
        let registry = UnitRegistry::embedded().expect("embedded registry");
        let mut index = TaskIndex::new(many(59), &registry);
        let thads = registry.resolve("Tổng cục THADS").expect("thads");
        // Every task a spelling of the unit leads or supports, as the plan writes it.
        let written: Vec<String> = index
            .tasks()
            .iter()
            .filter(|t| {
                t.def
                    .lead
                    .iter()
                    .chain(&t.def.support)
                    .any(|u| registry.resolve(u).is_some_and(|x| x.key == thads.key))
            })
            .map(|t| t.def.id.clone())
            .collect();
        assert!(
            written.iter().any(|id| id.starts_with("III.13.")),
            "{written:?}"
        );
        for query in ["thads", "tong cuc thads", "thi hanh an dan su"] {
            let mut found = ids(&mut index, &registry, query);
            for id in &written {
                assert!(found.contains(id), "{query}: {id} missing from {found:?}");
            }
            found.retain(|id| !written.contains(id));
            // Other hits must say the words themselves (titles about THADS).
            for id in found {
                let t = index.tasks().iter().find(|t| t.def.id == id).expect("task");
                let title = crate::query::fold::fold(&t.def.title);
                assert!(
                    title.contains("thads") || title.contains("thi hanh an"),
                    "{query}: {id}"
                );
            }
        }
        // The successor's name finds the tasks written with the old names.
        let merged = ids(&mut index, &registry, "pbgdpl&tgpl");
        assert!(!merged.is_empty());
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
            withdrawn: None,
        });
        index.replace(t, &registry);
        let hits = index
            .select(
                &Filter::default(),
                &Query::new("cho phe duyet"),
                &registry,
                as_of(),
            )
            .expect("search");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].0, 7);
        assert_eq!(index.tasks()[7].state.status, Status::Blocked);
    }

    #[test]
    fn an_index_built_in_two_halves_finds_what_one_built_whole_finds() {
        let registry = UnitRegistry::embedded().expect("embedded registry");
        let tasks = many(59 * 3);
        let whole = build_halves_from(&tasks, &registry, usize::MAX);
        let halves = build_halves_from(&tasks, &registry, 10);
        assert_eq!(halves.len(), tasks.len());
        for q in ["VNeID", "hộ tịch", "cuc cntt", "III.13", "dữ liệu quốc gia"] {
            let query = Query::new(q);
            let found = |h: &[Haystack]| -> Vec<(usize, i64)> {
                search::search(&query, h)
                    .into_iter()
                    .map(|(i, hit)| (i, hit.score))
                    .collect()
            };
            let by_halves = found(&halves);
            assert!(!by_halves.is_empty(), "{q} finds something");
            assert!(
                by_halves.iter().any(|(i, _)| *i >= tasks.len() / 2),
                "{q}: the second half is searched"
            );
            assert_eq!(by_halves, found(&whole), "{q}");
        }
    }

    #[test]
    #[expect(clippy::panic, reason = "the defect under test is a panicking build")]
    fn a_build_that_panicked_says_so_and_filters_still_work() {
        let registry = UnitRegistry::embedded().expect("embedded registry");
        let tasks = many(59);
        let mut index = TaskIndex {
            tasks: Arc::new(tasks),
            haystacks: Haystacks::Building(std::thread::spawn(|| panic!("folding went wrong"))),
            start: None,
        };
        let filtered = index
            .select(&Filter::default(), &Query::new(""), &registry, as_of())
            .expect("no search, no index needed");
        assert_eq!(filtered.len(), 59);
        for _ in 0..2 {
            let e = index
                .select(
                    &Filter::default(),
                    &Query::new("ho tich"),
                    &registry,
                    as_of(),
                )
                .expect_err("the index is missing");
            assert_eq!(
                e.to_string(),
                "search is unavailable: building the search index failed (folding went wrong); \
                 filters still work. Restart steerdeck to try again, and please report it"
            );
        }
        let t = index.tasks()[3].clone();
        index.replace(t, &registry);
        assert_eq!(index.tasks().len(), 59);
        let e = index
            .select(&Filter::default(), &Query::new("x"), &registry, as_of())
            .expect_err("still missing after an edit");
        assert_eq!(e.cause(), "folding went wrong");
    }
}
