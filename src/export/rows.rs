//! Tasks as flat rows for `list --format json|csv` and `export --format csv`.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::Task;

/// One task as a flat record. Field names are the contract of `list --format json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskRow {
    pub id: String,
    pub pillar: String,
    pub title: String,
    pub timeframe: String,
    /// `YYYY-MM-DD` or null.
    pub deadline: Option<String>,
    pub lead: Vec<String>,
    pub support: Vec<String>,
    pub funding: Option<String>,
    pub status: String,
    pub progress: u8,
    pub completed_on: Option<String>,
    pub overdue: bool,
    pub timeliness: String,
    pub notes: Vec<String>,
}

impl TaskRow {
    /// The row of a task as of a date.
    pub fn new(task: &Task, as_of: NaiveDate) -> Self {
        let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        TaskRow {
            id: task.def.id.clone(),
            pillar: task.def.pillar.clone(),
            title: task.def.title.clone(),
            timeframe: task.def.timeframe.clone(),
            deadline: task.deadline().map(iso),
            lead: task.def.lead.clone(),
            support: task.def.support.clone(),
            funding: task.def.funding.clone(),
            status: task.state.status.key().to_string(),
            progress: task.state.progress,
            completed_on: task.state.completed_on.map(iso),
            overdue: task.is_overdue(as_of),
            timeliness: task.timeliness(as_of).key().to_string(),
            // Withdrawn and corrected notes stay in the history, not in what the task says.
            notes: task
                .state
                .current_notes()
                .map(|(_, n)| n.text.clone())
                .collect(),
        }
    }
}
