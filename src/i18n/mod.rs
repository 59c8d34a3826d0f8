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
    /// `list --lead` names no unit: `{x}` the words typed.
    NoSuchUnit,
    /// The units closest to words that name none: `{units}`.
    ClosestUnits,
    /// `list --lead` names several units equally: `{x}` the words, `{units}` the units.
    AmbiguousUnit,
    UnitPickerTitle,
    UnitPickerHint,
    NoUnitMatches,
    GroupByRank,
    LastGroup,
    FirstGroup,
    NoGroups,
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

    /// A timeliness as reports say it.
    pub fn timeliness(self, t: Timeliness) -> &'static str {
        match self {
            Lang::Vi => vi::timeliness(t),
            Lang::En => en::timeliness(t),
        }
    }
}
