//! The interface's words, one place per language: `vi.rs` and `en.rs`. Data (titles, unit names)
//! is shown as written; only the interface is translated.

pub mod actions;
pub mod edits;
mod en;
pub mod format;
pub mod history;
pub mod tally;
mod vi;

use serde::{Deserialize, Serialize};

use crate::domain::{Status, Timeliness};

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Tiếng Việt (default).
    #[default]
    Vi,
    /// English.
    En,
}

/// Every interface string that is not generated from data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Id,
    Title,
    Pillar,
    Timeframe,
    Deadline,
    Lead,
    Support,
    Funding,
    Remark,
    Status,
    Progress,
    Timeliness,
    CompletedOn,
    Notes,
    History,
    NoDeadline,
    When,
    Who,
    Field,
    From,
    To,
    Note,
    Saved,
    NothingFound,
    Plan,
    AsOf,
    User,
    Tasks,
    Active,
    Done,
    Open,
    Overdue,
    BadProgress,
    DraftKept,
    ReadOnly,
    SelectTask,
    EmptyNote,
    NoChange,
    NotSaved,
    /// The search index could not be built (a defect): a search cannot be answered.
    SearchUnavailable,
    NothingToUndo,
    NothingToRedo,
    Undone,
    Redone,
    Filters,
    NoFilter,
    All,
    Search,
    HelpTitle,
    HelpFilter,
    TooSmall,
    StatusTitle,
    ProgressTitle,
    NoteTitle,
    FilterTitle,
    GroupByPillar,
    GroupByLead,
    GroupByQuarter,
    Shown,
    ReadOnlyTag,
    DueThisQuarter,
    Quarter,
    DetailTitle,
    ConnectionLost,
    SavedOnHangup,
    LeadShort,
    Reconnected,
    StatusShort,
    Days,
    NoNoteSelected,
    BadDay,
    DayAfterAsOf,
    DraftDiscarded,
    FiltersCleared,
    NothingToClose,
    LastTask,
    FirstTask,
    NoNotes,
    DoneOnTitle,
    WithdrawTitle,
    WithdrawnTag,
    CorrectedTag,
    CorrectTitle,
    HistoryUnavailable,
    RateFormula,
    Legend,
    NothingToClear,
    AlreadyPicked,
    OnlyNote,
}

impl Lang {
    /// The string for a message.
    pub fn t(self, m: Msg) -> &'static str {
        match self {
            Lang::Vi => vi::msg(m),
            Lang::En => en::msg(m),
        }
    }

    /// A status as the secretariat says it.
    pub fn status(self, s: Status) -> &'static str {
        match self {
            Lang::Vi => vi::status(s),
            Lang::En => en::status(s),
        }
    }

    /// A screen (mode) as the help title names it.
    pub fn mode_name(self, mode: crate::action::Mode) -> &'static str {
        use crate::action::Mode as M;
        match (self, mode) {
            (Lang::Vi, M::Normal) => "danh sách nhiệm vụ",
            (Lang::Vi, M::Detail) => "chi tiết nhiệm vụ",
            (Lang::Vi, M::Search) => "tìm kiếm",
            (Lang::Vi, M::Filter) => "bộ lọc",
            (Lang::Vi, M::Status) => "đổi trạng thái",
            (Lang::Vi, M::Progress) => "tiến độ",
            (Lang::Vi, M::Note) => "ghi chú",
            (Lang::Vi, M::DoneOn) => "ngày hoàn thành",
            (Lang::Vi, M::Withdraw) => "rút ghi chú",
            (Lang::Vi, M::Help) => "trợ giúp",
            (Lang::En, M::Normal) => "task list",
            (Lang::En, M::Detail) => "task detail",
            (Lang::En, M::Search) => "search",
            (Lang::En, M::Filter) => "filters",
            (Lang::En, M::Status) => "status",
            (Lang::En, M::Progress) => "progress",
            (Lang::En, M::Note) => "note",
            (Lang::En, M::DoneOn) => "day done",
            (Lang::En, M::Withdraw) => "withdraw note",
            (Lang::En, M::Help) => "help",
        }
    }

    /// A timeliness as reports say it.
    pub fn timeliness(self, t: Timeliness) -> &'static str {
        match self {
            Lang::Vi => vi::timeliness(t),
            Lang::En => en::timeliness(t),
        }
    }
}
