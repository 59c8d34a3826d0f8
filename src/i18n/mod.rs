//! The interface's words, one place per language: `vi.rs` and `en.rs`. Data (titles, unit names)
//! is shown as written; only the interface is translated.

pub mod actions;
pub mod dashboard;
pub mod edits;
mod en;
pub mod errors;
pub mod format;
pub mod history;
pub mod meet;
pub mod meeting;
pub mod papers;
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
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
    /// `{key}`: the key that cycles the grouping.
    NoGroups,
    TargetHeader,
    LastYear,
    What,
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
            (Lang::Vi, M::UnitPicker) => "chọn đơn vị chủ trì",
            (Lang::En, M::UnitPicker) => "lead unit picker",
            (Lang::Vi, M::Dashboard) => "tổng hợp tình hình",
            (Lang::En, M::Dashboard) => "dashboard",
            (Lang::Vi, M::Meeting) => "cuộc họp",
            (Lang::En, M::Meeting) => "meeting",
            (Lang::Vi, M::NewMeeting) => "chuẩn bị cuộc họp",
            (Lang::En, M::NewMeeting) => "new meeting",
            (Lang::Vi, M::Conclusion) => "kết luận",
            (Lang::En, M::Conclusion) => "conclusion",
            (Lang::Vi, M::Assign) => "giao nhiệm vụ",
            (Lang::En, M::Assign) => "assign a task",
            (Lang::Vi, M::CloseMeeting) => "kết thúc cuộc họp",
            (Lang::En, M::CloseMeeting) => "close the meeting",
            (Lang::Vi, M::TargetValue) => "ghi số liệu chỉ tiêu",
            (Lang::En, M::TargetValue) => "record a target's value",
            (Lang::Vi, M::Export) => "soạn văn bản",
            (Lang::En, M::Export) => "papers",
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

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;
    use unicode_normalization::UnicodeNormalization;

    /// Words that read the same in both languages, on purpose.
    const SAME_IN_BOTH: &[Msg] = &[];

    #[test]
    fn every_message_is_written_in_both_languages() {
        for m in Msg::iter() {
            let (vi, en) = (Lang::Vi.t(m), Lang::En.t(m));
            assert!(
                !vi.trim().is_empty() && !en.trim().is_empty(),
                "{m:?} is empty"
            );
            assert!(
                vi != en || SAME_IN_BOTH.contains(&m),
                "{m:?} is not translated: {vi:?}"
            );
            assert_eq!(vi.nfc().collect::<String>(), vi, "{m:?} is not NFC");
            assert!(
                en.is_ascii() || en.chars().all(|c| !is_vietnamese_letter(c)),
                "{m:?}: {en}"
            );
        }
        for s in Status::ALL {
            assert_ne!(Lang::Vi.status(s), Lang::En.status(s));
        }
        for t in Timeliness::ALL {
            assert_ne!(Lang::Vi.timeliness(t), Lang::En.timeliness(t));
        }
        for mode in crate::action::Mode::ALL {
            assert_ne!(Lang::Vi.mode_name(mode), Lang::En.mode_name(mode));
        }
    }

    /// A letter only Vietnamese writes (with its diacritics, or đ).
    pub(crate) fn is_vietnamese_letter(c: char) -> bool {
        let folded = crate::query::fold::fold(&c.to_string());
        c.is_alphabetic() && !c.is_ascii() && folded.chars().all(|f| f.is_ascii_alphabetic())
    }
}
