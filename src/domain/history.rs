//! The history: every change recorded with who, when, what, from and to.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One change in the history: who changed which field of what, when, from what to what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Position in the history (increasing).
    pub seq: u64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub who: String,
    /// Which plan.
    pub plan: String,
    /// Which task (none for plan-level events such as an import).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// Which field: `status`, `progress`, `note`, `completed_on`, `title`, `import`, ...
    pub field: String,
    /// The value before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The value after.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// The note given with the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The meeting the change was made at (or is part of): a change made while a meeting is
    /// open, and every change to a meeting's record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
}

use chrono::NaiveDate;

use super::meeting::MeetingState;
use super::status::Status;

/// A target's value as an event holds it: "81.5@2025-06-30".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measured {
    /// The value in percent, as recorded ("81.5").
    pub value: String,
    /// The day it was measured at.
    pub as_of: NaiveDate,
}

impl Measured {
    fn read(text: &str) -> Option<Measured> {
        let (value, day) = text.split_once('@')?;
        value.parse::<f64>().ok()?;
        Some(Measured {
            value: value.to_string(),
            as_of: super::day::parse_day(day)?,
        })
    }
}

fn ids(text: Option<&str>) -> Vec<String> {
    text.unwrap_or_default()
        .split(", ")
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// What an event changed, as typed values: the one reading of `field`, `from` and `to` that every
/// output (screen, command line, paper, either language) renders from. On disk and on the wire
/// an event keeps `field` and its values in canonical text (a status key, a number, an ISO day),
/// so older stores read the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The status.
    Status {
        /// Before.
        from: Option<Status>,
        /// After.
        to: Option<Status>,
    },
    /// The progress in percent.
    Progress {
        /// Before.
        from: Option<u8>,
        /// After.
        to: Option<u8>,
    },
    /// The day the task was done.
    CompletedOn {
        /// Before.
        from: Option<NaiveDate>,
        /// After.
        to: Option<NaiveDate>,
    },
    /// A note written.
    Note {
        /// Its text.
        text: String,
    },
    /// A note withdrawn.
    NoteWithdrawn {
        /// Its text.
        text: String,
    },
    /// A note corrected.
    NoteCorrected {
        /// The text withdrawn.
        from: String,
        /// The text that replaced it.
        to: String,
    },
    /// A plan imported.
    Import {
        /// Tasks in the plan.
        tasks: usize,
        /// Added.
        added: usize,
        /// Changed.
        changed: usize,
        /// Removed.
        removed: usize,
    },
    /// A target's value recorded (`from`: the latest standing value before).
    Target {
        /// Before.
        from: Option<Measured>,
        /// After.
        to: Option<Measured>,
    },
    /// A target's reading withdrawn.
    TargetWithdrawn {
        /// The reading.
        reading: Option<Measured>,
    },
    /// A meeting made.
    Meeting {
        /// Its title.
        title: String,
    },
    /// A meeting opened, closed or reopened.
    MeetingState {
        /// Before.
        from: Option<MeetingState>,
        /// After.
        to: Option<MeetingState>,
    },
    /// A meeting's agenda changed: the task ids before and after.
    Agenda {
        /// Before.
        from: Vec<String>,
        /// After.
        to: Vec<String>,
    },
    /// The committee's conclusion on a task recorded, corrected or removed.
    Conclusion {
        /// Before ("" for none).
        from: String,
        /// After ("" for removed).
        to: String,
    },
    /// A task assigned at a meeting.
    Assigned {
        /// What is to be done.
        title: String,
    },
    /// Any other field (a task's definition changed by an import, the active plan ...), as text.
    Field {
        /// The field.
        field: String,
        /// Before.
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
}

impl Event {
    /// What the event changed, typed.
    pub fn change(&self) -> Change {
        let from = self.from.as_deref().filter(|s| !s.is_empty());
        let to = self.to.as_deref().filter(|s| !s.is_empty());
        let text = |s: Option<&str>| s.unwrap_or_default().to_string();
        match self.field.as_str() {
            "status" => Change::Status {
                from: from.and_then(|s| s.parse().ok()),
                to: to.and_then(|s| s.parse().ok()),
            },
            "progress" => Change::Progress {
                from: from.and_then(|s| s.parse().ok()),
                to: to.and_then(|s| s.parse().ok()),
            },
            "completed_on" => Change::CompletedOn {
                from: from.and_then(super::day::parse_day),
                to: to.and_then(super::day::parse_day),
            },
            "note" => Change::Note { text: text(to) },
            "note_withdrawn" => Change::NoteWithdrawn { text: text(from) },
            "note_corrected" => Change::NoteCorrected {
                from: text(from),
                to: text(to),
            },
            "target" => Change::Target {
                from: from.and_then(Measured::read),
                to: to.and_then(Measured::read),
            },
            "target_withdrawn" => Change::TargetWithdrawn {
                reading: from.and_then(Measured::read),
            },
            "meeting" => Change::Meeting { title: text(to) },
            "meeting_state" => Change::MeetingState {
                from: from.and_then(|s| s.parse().ok()),
                to: to.and_then(|s| s.parse().ok()),
            },
            "agenda" => Change::Agenda {
                from: ids(from),
                to: ids(to),
            },
            "conclusion" => Change::Conclusion {
                from: text(from),
                to: text(to),
            },
            "assigned" => Change::Assigned { title: text(to) },
            "import" => match import_counts(to.unwrap_or_default()) {
                Some([tasks, added, changed, removed]) => Change::Import {
                    tasks,
                    added,
                    changed,
                    removed,
                },
                None => self.field_change(),
            },
            _ => self.field_change(),
        }
    }

    fn field_change(&self) -> Change {
        Change::Field {
            field: self.field.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

/// The four counts of an import event: "tasks=59 added=59 changed=0 removed=0", or the English
/// sentence older stores hold ("59 tasks: 59 added, 0 changed, 0 removed").
fn import_counts(text: &str) -> Option<[usize; 4]> {
    let numbers: Vec<usize> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    numbers.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(field: &str, from: Option<&str>, to: Option<&str>) -> Event {
        Event {
            seq: 1,
            at: DateTime::<Utc>::default(),
            who: "lan".into(),
            plan: "2025".into(),
            task: Some("I.1".into()),
            field: field.into(),
            from: from.map(str::to_string),
            to: to.map(str::to_string),
            note: None,
            meeting: None,
        }
    }

    #[test]
    fn meeting_and_target_events_read_as_typed_changes() {
        assert_eq!(
            event("target", None, Some("81.5@2025-06-30")).change(),
            Change::Target {
                from: None,
                to: Some(Measured {
                    value: "81.5".into(),
                    as_of: NaiveDate::from_ymd_opt(2025, 6, 30).expect("date")
                })
            }
        );
        assert_eq!(
            event("meeting_state", Some("closed"), Some("open")).change(),
            Change::MeetingState {
                from: Some(MeetingState::Closed),
                to: Some(MeetingState::Open)
            }
        );
        assert_eq!(
            event("agenda", Some(""), Some("I.2, III.8")).change(),
            Change::Agenda {
                from: Vec::new(),
                to: vec!["I.2".into(), "III.8".into()]
            }
        );
    }

    #[test]
    fn events_read_as_typed_changes() {
        assert_eq!(
            event("status", Some("not-started"), Some("done")).change(),
            Change::Status {
                from: Some(Status::NotStarted),
                to: Some(Status::Done)
            }
        );
        assert_eq!(
            event("completed_on", Some(""), Some("2025-06-20")).change(),
            Change::CompletedOn {
                from: None,
                to: NaiveDate::from_ymd_opt(2025, 6, 20)
            }
        );
        for text in [
            "tasks=59 added=59 changed=0 removed=0",
            "59 tasks: 59 added, 0 changed, 0 removed",
        ] {
            assert_eq!(
                event("import", None, Some(text)).change(),
                Change::Import {
                    tasks: 59,
                    added: 59,
                    changed: 0,
                    removed: 0
                }
            );
        }
        assert!(matches!(
            event("title", Some("a"), Some("b")).change(),
            Change::Field { .. }
        ));
    }
}
