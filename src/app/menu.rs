//! The filter menu: one line per kind of filter, each cycling through its values.

use chrono::Datelike;

use crate::domain::{Plan, Status, Task, UnitRegistry};
use crate::query::{Due, Filter};

/// The lines of the menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Pillar.
    Pillar,
    /// Status.
    Status,
    /// Lead unit.
    Lead,
    /// Deadline window.
    Due,
    /// Funding source.
    Funding,
}

impl Field {
    /// Every line, in order.
    pub const ALL: [Field; 5] = [
        Field::Pillar,
        Field::Status,
        Field::Lead,
        Field::Due,
        Field::Funding,
    ];
}

/// The menu's cursor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FilterMenu {
    /// The highlighted line.
    pub field: usize,
}

/// The values a line offers (the first, `None`, means "all").
pub fn values(
    field: Field,
    plan: &Plan,
    tasks: &[Task],
    registry: &UnitRegistry,
    as_of: chrono::NaiveDate,
) -> Vec<Option<Value>> {
    let mut out = vec![None];
    match field {
        Field::Pillar => out.extend(
            plan.pillars
                .iter()
                .map(|p| Some(Value::Pillar(p.key.clone()))),
        ),
        Field::Status => out.extend(Status::ALL.into_iter().map(|s| Some(Value::Status(s)))),
        Field::Lead => {
            let mut keys: Vec<String> = Vec::new();
            for u in registry.units() {
                let leads = tasks.iter().any(|t| {
                    t.def
                        .lead
                        .iter()
                        .any(|l| registry.resolve(l).is_some_and(|x| x.key == u.key))
                });
                if leads {
                    keys.push(u.short.clone());
                }
            }
            out.extend(keys.into_iter().map(|k| Some(Value::Lead(k))));
        }
        Field::Due => {
            let year = plan.year.unwrap_or_else(|| as_of.year());
            out.push(Some(Value::Due(Due::Overdue)));
            out.push(Some(Value::Due(Due::ThisQuarter)));
            out.extend((1..=4).map(|q| Some(Value::Due(Due::Quarter(year, q)))));
            out.push(Some(Value::Due(Due::NoDeadline)));
        }
        Field::Funding => {
            let mut seen: Vec<String> = Vec::new();
            for t in tasks {
                if let Some(f) = &t.def.funding
                    && !seen.iter().any(|s| s.to_lowercase() == f.to_lowercase())
                {
                    seen.push(f.clone());
                }
            }
            out.extend(seen.into_iter().map(|f| Some(Value::Funding(f))));
        }
    }
    out
}

/// One value of a filter line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A pillar key.
    Pillar(String),
    /// A status.
    Status(Status),
    /// A unit's short name.
    Lead(String),
    /// A deadline window.
    Due(Due),
    /// A funding source.
    Funding(String),
}

/// The value a line currently has in the filter.
pub fn current(field: Field, filter: &Filter) -> Option<Value> {
    match field {
        Field::Pillar => filter.pillars.first().cloned().map(Value::Pillar),
        Field::Status => filter.statuses.first().copied().map(Value::Status),
        Field::Lead => filter.lead.clone().map(Value::Lead),
        Field::Due => filter.due.first().copied().map(Value::Due),
        Field::Funding => filter.funding.clone().map(Value::Funding),
    }
}

/// Sets a line's value in the filter (`None` clears the line).
pub fn apply(field: Field, value: Option<Value>, filter: &mut Filter) {
    match (field, value) {
        (Field::Pillar, Some(Value::Pillar(p))) => filter.pillars = vec![p],
        (Field::Pillar, _) => filter.pillars.clear(),
        (Field::Status, Some(Value::Status(s))) => filter.statuses = vec![s],
        (Field::Status, _) => filter.statuses.clear(),
        (Field::Lead, Some(Value::Lead(l))) => filter.lead = Some(l),
        (Field::Lead, _) => filter.lead = None,
        (Field::Due, Some(Value::Due(d))) => filter.due = vec![d],
        (Field::Due, _) => filter.due.clear(),
        (Field::Funding, Some(Value::Funding(f))) => filter.funding = Some(f),
        (Field::Funding, _) => filter.funding = None,
    }
}

/// The lead unit picker's list for the words typed: with no words, "all" (`None`) and every
/// unit that leads a task (and the units that took over their work), in registry order; with
/// words, the units they match, best first (the matcher `list --lead` uses).
pub fn unit_choices<'r>(
    registry: &'r UnitRegistry,
    tasks: &[Task],
    typed: &str,
) -> Vec<Option<&'r crate::domain::Unit>> {
    // The units that lead a task, and those that took over their work (each spelling once:
    // a plan of 10,000 tasks repeats a few dozen).
    let spellings: std::collections::HashSet<&str> = tasks
        .iter()
        .flat_map(|t| &t.def.lead)
        .map(String::as_str)
        .collect();
    let mut offered: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for unit in spellings.into_iter().filter_map(|l| registry.resolve(l)) {
        offered.extend(registry.lineage(unit).iter().map(|u| u.key.as_str()));
    }
    let candidates: Vec<&crate::domain::Unit> = registry
        .units()
        .iter()
        .filter(|u| offered.contains(u.key.as_str()))
        .collect();
    if typed.trim().is_empty() {
        return std::iter::once(None)
            .chain(candidates.into_iter().map(Some))
            .collect();
    }
    crate::query::rank_units(registry, &candidates, typed)
        .into_iter()
        .map(|m| Some(m.unit))
        .collect()
}
