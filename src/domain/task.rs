//! What the secretariat records about a task during the year, and the task as one sees it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::plan::TaskDef;
use super::status::Status;
use super::timeframe::{TimeframeReading, read_timeframe};
use super::timeliness::{Timeliness, timeliness};

/// The recorded state of one task. A task never touched has the default state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TaskState {
    /// Where it stands.
    pub status: Status,
    /// Percent done, 0-100.
    pub progress: u8,
    /// The day it was done; on time or late is derived from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<NaiveDate>,
    /// Notes and conclusions, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// A note or a conclusion recorded on a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// When it was written.
    pub at: DateTime<Utc>,
    /// Who wrote it.
    pub who: String,
    /// The text (NFC).
    pub text: String,
    /// Set when the note was withdrawn or replaced by a correction; the text stays, for the
    /// history, but the note no longer counts as said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Withdrawal>,
}

/// Who withdrew a note, when, and whether a corrected note replaced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub who: String,
    /// True when a corrected text replaced it (the correction is the next note).
    #[serde(default)]
    pub corrected: bool,
}

impl Note {
    /// True while the note stands (not withdrawn, not replaced by a correction).
    pub fn is_current(&self) -> bool {
        self.withdrawn.is_none()
    }
}

impl TaskState {
    /// The notes that stand, with their index in `notes`, oldest first.
    pub fn current_notes(&self) -> impl Iterator<Item = (usize, &Note)> {
        self.notes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.is_current())
    }
}

/// A task as shown: its definition, its state, and what its timeframe means.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// As written in the plan.
    pub def: TaskDef,
    /// As recorded.
    pub state: TaskState,
    /// The timeframe, read.
    pub reading: TimeframeReading,
}

impl Task {
    /// Joins a definition and its state, reading the timeframe with the plan's year.
    pub fn new(def: TaskDef, state: TaskState, plan_year: Option<i32>) -> Self {
        let reading = read_timeframe(&def.timeframe, plan_year);
        Task {
            def,
            state,
            reading,
        }
    }

    /// A definition not yet joined with its state: the default state, the timeframe not read
    /// (see `store::join_states`).
    pub fn unjoined(def: TaskDef) -> Self {
        Task {
            def,
            state: TaskState::default(),
            reading: TimeframeReading::Unreadable,
        }
    }

    /// Joins a definition and its state with a timeframe already read.
    pub fn with_reading(def: TaskDef, state: TaskState, reading: TimeframeReading) -> Self {
        Task {
            def,
            state,
            reading,
        }
    }

    /// The deadline, if the timeframe gives one.
    pub fn deadline(&self) -> Option<NaiveDate> {
        self.reading.deadline()
    }

    /// On time, late, overdue ... as of a date.
    pub fn timeliness(&self, as_of: NaiveDate) -> Timeliness {
        timeliness(
            self.state.status,
            self.state.completed_on,
            self.deadline(),
            as_of,
        )
    }

    /// Open past its deadline as of a date.
    pub fn is_overdue(&self, as_of: NaiveDate) -> bool {
        self.timeliness(as_of) == Timeliness::OpenOverdue
    }
}
