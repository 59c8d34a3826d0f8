//! Where we stand, as the dashboard and `steerdeck summary` show it: the [`Summary`] counts,
//! each target's latest reading and standing, and how many tasks were done at the close of the
//! last meeting. Built from data only, once when the data or the review date changes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::meeting::Desk;
use super::plan::{Kpi, Plan};
use super::summary::Summary;
use super::target::{self, Reading, Standing};
use super::task::Task;
use super::unit::UnitRegistry;

/// One target with where it stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetStanding {
    /// The target as the plan gives it (value, previous year's figure).
    pub kpi: Kpi,
    /// The latest standing reading, if any.
    pub latest: Option<Reading>,
    /// Met, on track, behind, or no data.
    pub standing: Standing,
}

/// The done count at the close of the last meeting, against today's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SinceMeeting {
    /// The meeting's id (`H1`).
    pub meeting: String,
    /// The day it was held.
    pub date: NaiveDate,
    /// Tasks done when it closed.
    pub done_then: usize,
    /// Tasks done now.
    pub done_now: usize,
}

impl SinceMeeting {
    /// Done now minus done then (negative when tasks were reopened).
    pub fn delta(&self) -> i64 {
        let now = i64::try_from(self.done_now).unwrap_or(i64::MAX);
        let then = i64::try_from(self.done_then).unwrap_or(i64::MAX);
        now - then
    }
}

/// Everything the dashboard shows, as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// The counts overall, per pillar, per lead unit, and what falls due soon.
    pub summary: Summary,
    /// The plan's targets in plan order.
    pub targets: Vec<TargetStanding>,
    /// The comparison with the last meeting closed on or before the review date, if any.
    pub since: Option<SinceMeeting>,
}

impl Overview {
    /// Where `tasks` (the plan's tasks with their states, action items included) stand as of
    /// `as_of`, with the targets' readings and the meetings of `desk`.
    pub fn of(
        plan: &Plan,
        tasks: &[Task],
        registry: &UnitRegistry,
        as_of: NaiveDate,
        desk: &Desk,
    ) -> Overview {
        let summary = Summary::of(plan, tasks, registry, as_of);
        let targets = plan
            .targets
            .iter()
            .map(|kpi| {
                let readings = desk.readings.get(&kpi.id).map_or(&[][..], Vec::as_slice);
                TargetStanding {
                    kpi: kpi.clone(),
                    latest: target::latest(readings).cloned(),
                    standing: target::standing(kpi, readings, plan.year),
                }
            })
            .collect();
        let since = desk.last_closed_before(as_of).and_then(|m| {
            m.closing.as_ref().map(|c| SinceMeeting {
                meeting: m.id.clone(),
                date: m.date,
                done_then: c.overall.done(),
                done_now: summary.overall.done(),
            })
        });
        Overview {
            summary,
            targets,
            since,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::meeting::{Closing, Meeting, MeetingState};
    use crate::domain::{Tally, Timeliness};
    use chrono::DateTime;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).expect("date")
    }

    #[test]
    fn targets_and_the_last_meeting() {
        let plan = crate::plan::embedded().expect("plan");
        let tasks: Vec<Task> = Vec::new();
        let registry = UnitRegistry::embedded().expect("registry");
        let mut desk = Desk::default();
        desk.readings.insert(
            "T.2".into(),
            vec![Reading {
                value: 86.0,
                as_of: d(6, 30),
                note: None,
                who: "lan".into(),
                at: DateTime::from_timestamp(1, 0).expect("time"),
                withdrawn: None,
            }],
        );
        let closing = Closing {
            at: DateTime::from_timestamp(2, 0).expect("time"),
            who: "lan".into(),
            as_of: d(7, 1),
            overall: Tally::of([Timeliness::DoneLate, Timeliness::NotStarted]),
            pillars: Vec::new(),
            done: vec!["I.1".into()],
            seq: 0,
        };
        desk.meetings.push(Meeting {
            id: "H1".into(),
            title: "Họp".into(),
            date: d(7, 1),
            chair: "Chủ tịch".into(),
            attendees: Vec::new(),
            state: MeetingState::Closed,
            agenda: Vec::new(),
            closing: Some(closing),
        });
        let o = Overview::of(&plan, &tasks, &registry, d(7, 15), &desk);
        assert_eq!(o.targets.len(), 9);
        let t2 = &o.targets[1];
        assert_eq!(t2.kpi.id, "T.2");
        assert_eq!(t2.standing, Standing::Met);
        assert_eq!(t2.latest.as_ref().map(|r| r.value), Some(86.0));
        assert!(
            o.targets[2..]
                .iter()
                .all(|t| t.standing == Standing::NoData)
        );
        let since = o.since.expect("a closed meeting");
        assert_eq!((since.done_then, since.done_now, since.delta()), (1, 0, -1));
        // Before the meeting was held there is nothing to compare with.
        assert!(
            Overview::of(&plan, &tasks, &registry, d(6, 30), &desk)
                .since
                .is_none()
        );
    }
}
