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
        Timeliness::OpenOnTime => "Open, within deadline",
        Timeliness::OpenOverdue => "Open, overdue",
        Timeliness::NoDeadline => "No deadline",
        Timeliness::Cancelled => "Cancelled",
    }
}
