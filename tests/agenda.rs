//! The agenda proposed on the 2025 plan, checked against the plan's text by hand: as of
//! 15/07/2025 the only timeframes already past are I.1 (Quý I/2025), III.3 and IV.5 (Quý I- II/2025),
//! and the only one ending in Quý III is I.2 (Quý III/2025).

use std::collections::HashSet;

use chrono::NaiveDate;
use steerdeck::domain::meeting::{AgendaReason, propose_agenda};
use steerdeck::domain::{Status, Task, TaskState};

fn tasks(edit: &[(&str, Status)]) -> Vec<Task> {
    let plan = steerdeck::plan::embedded().expect("embedded plan");
    plan.tasks
        .iter()
        .map(|d| {
            let status = edit
                .iter()
                .find(|(id, _)| *id == d.id)
                .map_or(Status::NotStarted, |(_, s)| *s);
            let state = TaskState {
                status,
                ..TaskState::default()
            };
            Task::new(d.clone(), state, plan.year)
        })
        .collect()
}

fn ids(agenda: &[steerdeck::domain::AgendaItem]) -> Vec<&str> {
    agenda.iter().map(|i| i.task.as_str()).collect()
}

#[test]
fn mid_year_agenda_on_the_2025_plan() {
    let day = NaiveDate::from_ymd_opt(2025, 7, 15).expect("date");
    let agenda = propose_agenda(&tasks(&[]), day, &HashSet::new(), &[]);
    assert_eq!(ids(&agenda), ["I.1", "III.3", "IV.5", "I.2"]);
    assert!(
        agenda[..3]
            .iter()
            .all(|i| i.reasons == [AgendaReason::Overdue])
    );
    assert_eq!(agenda[3].reasons, [AgendaReason::DueThisQuarter]);
    // A blocked task without a deadline comes after the overdue ones; a done overdue task
    // leaves the agenda unless it changed since the last meeting.
    let edited = tasks(&[("VIII.1", Status::Blocked), ("III.3", Status::Done)]);
    let agenda = propose_agenda(&edited, day, &HashSet::new(), &[]);
    assert_eq!(ids(&agenda), ["I.1", "IV.5", "VIII.1", "I.2"]);
    let changed: HashSet<String> = ["III.3".to_string()].into();
    let agenda = propose_agenda(&edited, day, &changed, &[]);
    assert_eq!(ids(&agenda), ["I.1", "IV.5", "VIII.1", "I.2", "III.3"]);
}
