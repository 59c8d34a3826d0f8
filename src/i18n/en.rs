//! English.

use super::Msg;
use crate::domain::{Status, Timeliness};

pub(super) fn msg(m: Msg) -> &'static str {
    match m {
        Msg::Id => "ID",
        Msg::Title => "Task",
        Msg::Pillar => "Pillar",
        Msg::Timeframe => "Timeframe",
        Msg::Deadline => "Deadline",
        Msg::Lead => "Lead",
        Msg::Support => "Supporting",
        Msg::Funding => "Funding",
        Msg::Remark => "Remark",
        Msg::Status => "Status",
        Msg::Progress => "Progress",
        Msg::Timeliness => "Timeliness",
        Msg::CompletedOn => "Completed on",
        Msg::Notes => "Notes and conclusions",
        Msg::History => "History",
        Msg::NoDeadline => "No deadline",
        Msg::When => "When",
        Msg::Who => "Who",
        Msg::Field => "Field",
        Msg::From => "From",
        Msg::To => "To",
        Msg::Note => "Note",
        Msg::Saved => "Saved",
        Msg::NothingFound => "No task matches",
        Msg::Plan => "Plan",
        Msg::AsOf => "As of",
        Msg::User => "User",
        Msg::Tasks => "tasks",
        Msg::Active => "active",
        Msg::Done => "Done",
        Msg::Open => "On time",
        Msg::Overdue => "Overdue",
        Msg::BadProgress => "Progress must be a number from 0 to 100",
        Msg::DraftKept => "Closed; the note draft is kept",
        Msg::ReadOnly => "Read-only session (--read-only): nothing can be changed",
        Msg::SelectTask => "Select a task first (not a group line)",
        Msg::EmptyNote => "The note is empty: nothing saved",
        Msg::NoChange => "Nothing changed",
        Msg::NotSaved => "NOT SAVED",
        Msg::SearchUnavailable => {
            "Search unavailable (the index could not be built); filters still work. Restart and report this"
        }
        Msg::NothingToUndo => "Nothing to undo",
        Msg::NothingToRedo => "Nothing to redo",
        Msg::Undone => "Undone and saved",
        Msg::Redone => "Redone and saved",
        Msg::Filters => "Filters",
        Msg::NoFilter => "none",
        Msg::All => "All",
        Msg::Search => "Search",
        Msg::HelpTitle => "Keys",
        Msg::HelpFilter => "Type to filter the keys",
        Msg::TooSmall => "Terminal too small: at least {w}×{h} needed (now {cw}×{ch})",
        Msg::StatusTitle => "Set status",
        Msg::ProgressTitle => "Progress (%)",
        Msg::NoteTitle => "Note / conclusion",
        Msg::FilterTitle => "Filters",
        Msg::GroupByPillar => "by pillar",
        Msg::GroupByLead => "by lead unit",
        Msg::GroupByQuarter => "by deadline quarter",
        Msg::Shown => "shown",
        Msg::ReadOnlyTag => "READ-ONLY",
        Msg::DueThisQuarter => "Due this quarter",
        Msg::Quarter => "Quarter",
        Msg::DetailTitle => "Task detail",
        Msg::ConnectionLost => "Connection lost",
        Msg::SavedOnHangup => "draft, saved automatically on disconnect",
        Msg::LeadShort => "Lead",
        Msg::Reconnected => "Reconnected to the steerdeck server",
        Msg::Days => "Days",
        Msg::StatusShort => "Status",
    }
}

pub(super) fn status(s: Status) -> &'static str {
    match s {
        Status::NotStarted => "Not started",
        Status::InProgress => "In progress",
        Status::Blocked => "Blocked",
        Status::Done => "Done",
        Status::Cancelled => "Cancelled",
    }
}

pub(super) fn timeliness(t: Timeliness) -> &'static str {
    match t {
        Timeliness::DoneOnTime => "Done on time",
        Timeliness::DoneLate => "Done late",
        Timeliness::DoneNoDeadline => "Done (no deadline)",
        Timeliness::OpenOnTime => "In progress, within deadline",
        Timeliness::NotStarted => "Not started, not yet due",
        Timeliness::OpenOverdue => "Overdue, not done",
        Timeliness::NoDeadline => "Open, no deadline",
        Timeliness::Cancelled => "Cancelled",
    }
}
