//! Filters over tasks: pillar, status, lead unit (any spelling, across restructurings),
//! timeliness and deadline windows, funding, text search. Filters combine (AND).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::fold::fold;
use crate::domain::timeframe::{quarter_end, quarter_of};
use crate::domain::{Status, Task, Timeliness, Unit, UnitRegistry};

/// A deadline window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Due {
    /// Open past the deadline.
    Overdue,
    /// Deadline in the quarter of the "as of" date, not yet done.
    ThisQuarter,
    /// Deadline in a given quarter (year, 1-4), whatever the status.
    Quarter(i32, u32),
    /// Deadline on or before a date, not yet done.
    By(NaiveDate),
    /// The timeframe gives no deadline.
    NoDeadline,
}

/// What to show. The default shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Pillar keys (any of).
    pub pillars: Vec<String>,
    /// Statuses (any of).
    pub statuses: Vec<Status>,
    /// A lead unit, in any spelling.
    pub lead: Option<String>,
    /// Deadline windows (all of).
    pub due: Vec<Due>,
    /// Words of the funding source.
    pub funding: Option<String>,
    /// Only these tasks, by id (the screen's "changed since the last meeting").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ids: Option<std::collections::BTreeSet<String>>,
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// A filter made ready for many tasks: the unit resolved once, texts folded once.
pub struct Prepared<'a> {
    filter: &'a Filter,
    registry: &'a UnitRegistry,
    lead: Option<LeadMatch<'a>>,
    funding: Option<String>,
    as_of: NaiveDate,
}

enum LeadMatch<'a> {
    Unit(&'a Unit),
    Text(String),
}

impl<'a> Prepared<'a> {
    /// Prepares `filter` for tasks seen as of `as_of`.
    pub fn new(filter: &'a Filter, registry: &'a UnitRegistry, as_of: NaiveDate) -> Self {
        let lead = filter.lead.as_deref().map(|l| {
            find_unit(registry, l).map_or_else(|| LeadMatch::Text(fold(l.trim())), LeadMatch::Unit)
        });
        Prepared {
            filter,
            registry,
            lead,
            funding: filter.funding.as_deref().map(|f| fold(f.trim())),
            as_of,
        }
    }

    /// True when the task passes every part of the filter.
    pub fn matches(&self, task: &Task) -> bool {
        let f = self.filter;
        (f.pillars.is_empty() || f.pillars.contains(&task.def.pillar))
            && (f.statuses.is_empty() || f.statuses.contains(&task.state.status))
            && f.ids.as_ref().is_none_or(|ids| ids.contains(&task.def.id))
            && self.lead_matches(task)
            && f.due.iter().all(|d| due_matches(*d, task, self.as_of))
            && self.funding.as_deref().is_none_or(|want| {
                task.def
                    .funding
                    .as_deref()
                    .is_some_and(|have| fold(have).contains(want))
            })
    }

    fn lead_matches(&self, task: &Task) -> bool {
        match &self.lead {
            None => true,
            Some(LeadMatch::Unit(want)) => task.def.lead.iter().any(|l| {
                self.registry
                    .resolve(l)
                    .is_some_and(|u| self.registry.same_lineage(u, want))
            }),
            Some(LeadMatch::Text(want)) => task
                .def
                .lead
                .iter()
                .any(|l| fold(l).contains(want.as_str())),
        }
    }
}

/// Finds a pillar by its key ("data"), its Roman numeral ("IV") or its name in either language,
/// diacritics optional ("du lieu so").
pub fn find_pillar<'p>(
    pillars: &'p [crate::domain::Pillar],
    text: &str,
) -> Option<&'p crate::domain::Pillar> {
    let want = fold(text.trim()).trim_end_matches('.').to_string();
    if want.is_empty() {
        return None;
    }
    let exact = pillars.iter().find(|p| {
        p.key == text.trim()
            || (!p.numeral.is_empty() && fold(&p.numeral) == want)
            || fold(&p.vi) == want
            || fold(&p.en) == want
    });
    if exact.is_some() {
        return exact;
    }
    // Words of a name ("du lieu so", "an ninh mang"): the one pillar whose name has them all.
    let words: Vec<&str> = want.split_whitespace().collect();
    let has_all = |name: &str| {
        let name = fold(name);
        let name: Vec<&str> = name.split(|c: char| !c.is_alphanumeric()).collect();
        words.iter().all(|w| name.contains(w))
    };
    let mut found = pillars.iter().filter(|p| has_all(&p.vi) || has_all(&p.en));
    match (found.next(), found.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
}

/// Finds a unit by any spelling, also typed without diacritics ("cuc cntt").
pub fn find_unit<'r>(registry: &'r UnitRegistry, text: &str) -> Option<&'r Unit> {
    if let Some(u) = registry.resolve(text) {
        return Some(u);
    }
    let want = fold(&crate::domain::unit::name_key(text));
    registry.units().iter().find(|u| {
        u.key == text
            || u.aliases
                .iter()
                .chain([&u.name, &u.short])
                .any(|a| fold(&crate::domain::unit::name_key(a)) == want)
    })
}

fn due_matches(due: Due, task: &Task, as_of: NaiveDate) -> bool {
    let deadline = task.deadline();
    let open = !task.state.status.is_closed();
    match due {
        Due::Overdue => task.timeliness(as_of) == Timeliness::OpenOverdue,
        Due::ThisQuarter => {
            open && deadline
                .is_some_and(|d| d.year() == as_of.year() && quarter_of(d) == quarter_of(as_of))
        }
        Due::Quarter(y, q) => deadline.is_some_and(|d| d.year() == y && quarter_of(d) == q),
        Due::By(date) => open && deadline.is_some_and(|d| d <= date),
        Due::NoDeadline => deadline.is_none(),
    }
}

/// Parses a quarter written "2025-Q2", "Q2/2025", "Quý II/2025" or "2/2025".
pub fn parse_quarter(text: &str) -> Option<(i32, u32)> {
    let t = fold(text).replace(' ', "");
    let t = t.trim_start_matches("quy").trim_start_matches('q');
    let (a, b) = t.split_once(['/', '-'])?;
    let (q, y) = if a.len() == 4 {
        (b.trim_start_matches('q'), a)
    } else {
        (a, b)
    };
    let q = match q {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        "iv" | "4" => 4,
        _ => return None,
    };
    let y: i32 = y.parse().ok()?;
    quarter_end(y, q).map(|_| (y, q))
}
