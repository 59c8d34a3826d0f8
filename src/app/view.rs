//! The rows on screen: tasks that pass the filter and search, grouped by pillar, lead unit or
//! deadline quarter, each group with its counts. Rebuilt when the filter, search, grouping or
//! data change — never per frame.

use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, HashSet};

use crate::domain::summary::{lead_key, tally};
use crate::domain::timeframe::quarter_of;
use crate::domain::{Plan, Tally, Task, UnitRegistry};
use crate::i18n::{Lang, format as vf};
use crate::query::Hit;

/// How tasks are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    /// By pillar, in plan order (the default).
    #[default]
    Pillar,
    /// By lead unit: what each unit head must report on. A task with several leads appears
    /// under each of them; a unit's tasks appear under the unit that took over its work.
    Lead,
    /// By the quarter of the deadline: a timeline.
    Quarter,
    /// No groups: the rows as selected, best match first. A search starts in it (a grouping
    /// would hide the ranking); `Tab` goes from it to the groupings and back.
    Ranked,
}

impl Grouping {
    /// The next grouping in the cycle; while searching the cycle includes `Ranked`.
    #[must_use]
    pub fn next(self, searching: bool) -> Self {
        match self {
            Grouping::Pillar => Grouping::Lead,
            Grouping::Lead => Grouping::Quarter,
            Grouping::Quarter if searching => Grouping::Ranked,
            Grouping::Quarter | Grouping::Ranked => Grouping::Pillar,
        }
    }
}

/// A group header.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Stable key (pillar key, unit key, quarter key) used to remember folding.
    pub key: String,
    /// What the header says.
    pub label: String,
    /// Counts of the tasks shown in it, by report category.
    pub counts: Tally,
    /// Folded: its tasks are hidden.
    pub folded: bool,
}

/// A line of the table.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A group header (index into `View::groups`).
    Group(usize),
    /// A task (index into the task index), with its search hit.
    Task {
        /// Index into the task list.
        task: usize,
        /// The search hit, for highlighting.
        hit: Option<Hit>,
    },
}

/// The grouped, filtered rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    /// Groups in display order.
    pub groups: Vec<Group>,
    /// Rows in display order.
    pub rows: Vec<Row>,
    /// How many distinct tasks passed the filter and search.
    pub matched: usize,
}

/// Inputs to [`build`].
pub struct ViewInput<'a> {
    pub plan: &'a Plan,
    pub tasks: &'a [Task],
    pub selected: &'a [(usize, Option<Hit>)],
    pub grouping: Grouping,
    pub folded: &'a HashSet<String>,
    pub registry: &'a UnitRegistry,
    pub as_of: NaiveDate,
    pub lang: Lang,
}

/// Groups the selected tasks. Groups keep their canonical order; inside a group, tasks keep the
/// order of `selected` (plan order, or best match first when searching).
pub fn build(input: &ViewInput<'_>) -> View {
    if input.grouping == Grouping::Ranked {
        return View {
            groups: Vec::new(),
            rows: input
                .selected
                .iter()
                .map(|(task, hit)| Row::Task {
                    task: *task,
                    hit: hit.clone(),
                })
                .collect(),
            matched: input.selected.len(),
        };
    }
    let mut members: BTreeMap<(usize, String), (String, Vec<usize>)> = BTreeMap::new();
    for (pos, (i, _)) in input.selected.iter().enumerate() {
        for (order, key, label) in group_keys(input, &input.tasks[*i]) {
            members
                .entry((order, key))
                .or_insert_with(|| (label, Vec::new()))
                .1
                .push(pos);
        }
    }
    let mut view = View {
        matched: input.selected.len(),
        ..View::default()
    };
    for ((_, key), (label, positions)) in members {
        // The same count the dashboard and `summary` make, so they can never disagree.
        let counts = tally(
            positions.iter().map(|&p| &input.tasks[input.selected[p].0]),
            input.as_of,
        );
        let folded = input.folded.contains(&key);
        view.rows.push(Row::Group(view.groups.len()));
        view.groups.push(Group {
            key,
            label,
            counts,
            folded,
        });
        if !folded {
            for p in positions {
                let (task, hit) = input.selected[p].clone();
                view.rows.push(Row::Task { task, hit });
            }
        }
    }
    view
}

/// The groups a task belongs to: (sort order, key, label).
fn group_keys(input: &ViewInput<'_>, task: &Task) -> Vec<(usize, String, String)> {
    match input.grouping {
        Grouping::Pillar => {
            let pos = input
                .plan
                .pillars
                .iter()
                .position(|p| p.key == task.def.pillar)
                .unwrap_or(usize::MAX);
            let label = input.plan.pillar(&task.def.pillar).map_or_else(
                || task.def.pillar.clone(),
                |p| vf::pillar_label(input.lang, p),
            );
            vec![(pos, task.def.pillar.clone(), label)]
        }
        Grouping::Lead => {
            let mut out: Vec<(usize, String, String)> = Vec::new();
            for l in &task.def.lead {
                // Counted as the dashboard counts: a unit under the one that took over its work.
                let key = lead_key(input.registry, l);
                let (label, order) = match input.registry.by_key(&key) {
                    Some(u) => {
                        let order = input.registry.units().iter().position(|x| x.key == u.key);
                        (format!("{} — {}", u.short, u.name), order.unwrap_or(0))
                    }
                    None => (l.clone(), usize::MAX - 1),
                };
                if !out.iter().any(|(_, k, _)| *k == key) {
                    out.push((order, key, label));
                }
            }
            if out.is_empty() {
                out.push((usize::MAX, "none".into(), "—".into()));
            }
            out
        }
        Grouping::Ranked => Vec::new(),
        Grouping::Quarter => {
            let year = input.plan.year.unwrap_or_else(|| input.as_of.year());
            let (order, key, label) = match task.deadline() {
                None => (
                    usize::MAX,
                    "none".to_string(),
                    no_deadline(input.lang).to_string(),
                ),
                Some(d) if d.year() < year => {
                    (0, "before".into(), vf::before_year(input.lang, year))
                }
                Some(d) if d.year() > year => {
                    (10, "after".into(), vf::after_year(input.lang, year))
                }
                Some(d) => {
                    let q = quarter_of(d);
                    let order = usize::try_from(q).unwrap_or(0);
                    (order, format!("q{q}"), vf::quarter(input.lang, d))
                }
            };
            vec![(order, key, label)]
        }
    }
}

fn no_deadline(lang: Lang) -> &'static str {
    lang.t(crate::i18n::Msg::NoDeadline)
}
