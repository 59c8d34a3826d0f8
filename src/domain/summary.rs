//! Where the plan stands as of a date: the counts per pillar, per lead unit and overall, and
//! what falls due soon. The dashboard, `steerdeck summary` and every paper read these numbers,
//! and the plan view's group counts are the same [`tally`] over the same tasks, so no two places
//! can disagree.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::plan::Plan;
use super::task::Task;
use super::timeliness::{Tally, Timeliness};
use super::unit::UnitRegistry;

/// How many days ahead "due soon" looks.
pub const DUE_SOON_DAYS: i64 = 30;

/// The counts of some tasks as of a date: the one way tasks are counted.
pub fn tally<'a>(tasks: impl IntoIterator<Item = &'a Task>, as_of: NaiveDate) -> Tally {
    Tally::of(tasks.into_iter().map(|t| t.timeliness(as_of)))
}

/// The counts of one group (a pillar, a lead unit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupTally {
    /// The pillar's key, the unit's registry key, or `text:<as written>` for a unit the registry
    /// does not know.
    pub key: String,
    /// The counts.
    pub tally: Tally,
}

/// Where the plan stands as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The date the counts are taken at.
    pub as_of: NaiveDate,
    /// Every task.
    pub overall: Tally,
    /// Per pillar, in plan order; pillars without tasks are left out.
    pub pillars: Vec<GroupTally>,
    /// Per lead unit, a unit and the units whose work it took over counted as one (the unit a
    /// restructuring left standing), in registry order, then units the registry does not know.
    /// A task with several leads counts under each: these do not add up to `overall`.
    pub leads: Vec<GroupTally>,
    /// Positions (in the task list given) of the open tasks whose deadline falls in the next
    /// [`DUE_SOON_DAYS`] days, the soonest first.
    pub due_soon: Vec<usize>,
}

impl Summary {
    /// Counts `tasks` (a plan's tasks with their states) as of `as_of`.
    pub fn of(plan: &Plan, tasks: &[Task], registry: &UnitRegistry, as_of: NaiveDate) -> Summary {
        let overall = tally(tasks, as_of);
        let pillars = plan
            .pillars
            .iter()
            .filter_map(|p| {
                let mine: Vec<&Task> = tasks.iter().filter(|t| t.def.pillar == p.key).collect();
                (!mine.is_empty()).then(|| GroupTally {
                    key: p.key.clone(),
                    tally: tally(mine, as_of),
                })
            })
            .collect();
        Summary {
            as_of,
            overall,
            pillars,
            leads: leads(tasks, registry, as_of),
            due_soon: due_soon(tasks, as_of),
        }
    }

    /// The counts of a pillar (zero when it has no tasks).
    pub fn pillar(&self, key: &str) -> Tally {
        self.pillars
            .iter()
            .find(|g| g.key == key)
            .map(|g| g.tally)
            .unwrap_or_default()
    }
}

/// The key a lead unit is counted under: the last unit of its lineage, or the text as written.
pub fn lead_key(registry: &UnitRegistry, written: &str) -> String {
    match registry.resolve(written) {
        Some(u) => registry
            .lineage(u)
            .last()
            .map_or_else(|| u.key.clone(), |last| last.key.clone()),
        None => format!("text:{}", written.trim()),
    }
}

fn leads(tasks: &[Task], registry: &UnitRegistry, as_of: NaiveDate) -> Vec<GroupTally> {
    let mut by_key: Vec<GroupTally> = Vec::new();
    // Plans repeat a few lead cells: each spelling is resolved (folded, looked up) once.
    let mut known: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
    for t in tasks {
        let mut keys: Vec<String> = t
            .def
            .lead
            .iter()
            .map(|l| {
                known
                    .entry(l.as_str())
                    .or_insert_with(|| lead_key(registry, l))
                    .clone()
            })
            .collect();
        keys.sort();
        keys.dedup();
        let category = t.timeliness(as_of);
        for key in keys {
            if let Some(g) = by_key.iter_mut().find(|g| g.key == key) {
                g.tally.add(category);
            } else {
                let mut tally = Tally::default();
                tally.add(category);
                by_key.push(GroupTally { key, tally });
            }
        }
    }
    let order = |key: &str| {
        registry
            .units()
            .iter()
            .position(|u| u.key == key)
            .unwrap_or(usize::MAX)
    };
    by_key.sort_by(|a, b| order(&a.key).cmp(&order(&b.key)).then(a.key.cmp(&b.key)));
    by_key
}

fn due_soon(tasks: &[Task], as_of: NaiveDate) -> Vec<usize> {
    let horizon = as_of + chrono::Duration::days(DUE_SOON_DAYS);
    let mut soon: Vec<(NaiveDate, usize)> = tasks
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let d = t.deadline()?;
            let open = !matches!(
                t.timeliness(as_of),
                Timeliness::DoneOnTime
                    | Timeliness::DoneLate
                    | Timeliness::DoneNoDeadline
                    | Timeliness::Cancelled
            );
            (open && d >= as_of && d <= horizon).then_some((d, i))
        })
        .collect();
    soon.sort();
    soon.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Pillar, Status, TaskDef, TaskState};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    fn task(id: &str, pillar: &str, timeframe: &str, lead: &[&str], status: Status) -> Task {
        let def = TaskDef {
            id: id.into(),
            pillar: pillar.into(),
            title: format!("Việc {id}"),
            timeframe: timeframe.into(),
            lead: lead.iter().map(|s| (*s).to_string()).collect(),
            support: Vec::new(),
            funding: None,
            remark: None,
        };
        let state = TaskState {
            status,
            completed_on: (status == Status::Done).then(|| d(2025, 7, 1)),
            ..TaskState::default()
        };
        Task::new(def, state, Some(2025))
    }

    fn plan(pillars: &[&str]) -> Plan {
        Plan {
            name: "p".into(),
            title: "P".into(),
            decision: String::new(),
            year: Some(2025),
            pillars: pillars
                .iter()
                .map(|k| Pillar {
                    key: (*k).into(),
                    numeral: String::new(),
                    vi: (*k).into(),
                    en: (*k).into(),
                })
                .collect(),
            tasks: Vec::new(),
            targets: Vec::new(),
        }
    }

    fn registry() -> UnitRegistry {
        UnitRegistry::from_toml(
            r#"
[[units]]
key = "old"
name = "Cục Cũ"
short = "CC"
successor = "new"
[[units]]
key = "new"
name = "Cục Mới"
short = "CM"
"#,
        )
        .expect("registry")
    }

    #[test]
    fn counts_by_hand() {
        // a: done 01/07 against Quý II (late); b: done, no deadline; c: overdue (Quý I);
        // d: not started, Quý IV; e: cancelled; f: blocked, no deadline.
        let tasks = vec![
            task("a", "x", "Quý II/2025", &["Cục Cũ"], Status::Done),
            task("b", "x", "Thường xuyên", &["Cục Mới"], Status::Done),
            task(
                "c",
                "y",
                "Quý I/2025",
                &["Cục Cũ", "Cục Mới"],
                Status::InProgress,
            ),
            task("d", "y", "Quý IV/2025", &["Vụ Lạ"], Status::NotStarted),
            task("e", "y", "Quý II/2025", &[], Status::Cancelled),
            task("f", "y", "Thường xuyên", &["Vụ Lạ"], Status::Blocked),
        ];
        let s = Summary::of(&plan(&["x", "y", "z"]), &tasks, &registry(), d(2025, 7, 15));
        assert_eq!(s.overall.done(), 2);
        assert_eq!(s.overall.done_late, 1);
        assert_eq!(s.overall.done_no_deadline, 1);
        assert_eq!(s.overall.overdue, 1);
        assert_eq!(s.overall.not_started, 1);
        assert_eq!(s.overall.no_deadline, 1);
        assert_eq!(s.overall.cancelled, 1);
        assert_eq!(s.overall.counted(), 5);
        // Pillar z has no tasks and is left out; x and y add up to the whole.
        assert_eq!(s.pillars.len(), 2);
        assert_eq!(s.pillar("x").done(), 2);
        assert_eq!(s.pillar("y").total(), 4);
        // Cục Cũ's work passed to Cục Mới: one group, and task c (led by both) counted once.
        let new = s.leads.iter().find(|g| g.key == "new").expect("new");
        assert_eq!(new.tally.total(), 3);
        assert_eq!(new.tally.overdue, 1);
        assert!(s.leads.iter().all(|g| g.key != "old"));
        let odd = s
            .leads
            .iter()
            .find(|g| g.key == "text:Vụ Lạ")
            .expect("text");
        assert_eq!(odd.tally.total(), 2);
        // Nothing due in the next 30 days: Quý III ends 30/09, 77 days on.
        assert!(s.due_soon.is_empty());
        let later = Summary::of(&plan(&["x", "y"]), &tasks, &registry(), d(2025, 12, 5));
        assert_eq!(later.due_soon, vec![3]);
    }
}
