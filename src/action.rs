//! Everything a user can ask for, and the modes of the screen. A leaf module: `app`, `keymap`,
//! `i18n` and `ui` all import it and none of them owns it. Keys map to actions through the keymap
//! (`keymaps/*.toml` names them in `snake_case`); `App::update` is the only place that acts on
//! them.

use serde::{Deserialize, Serialize};

/// A user intention, independent of the key that expressed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Do nothing: in a keymap file, unbinds a key of the default keymap.
    Noop,
    /// Leave steerdeck.
    Quit,
    /// Show every key of the current mode (searchable).
    Help,
    /// Go back: close the popup or the detail, clear the search.
    Back,
    /// Move the selection up one row.
    MoveUp,
    /// Move the selection down one row.
    MoveDown,
    /// Move up one screen.
    PageUp,
    /// Move down one screen.
    PageDown,
    /// Go to the first row.
    GoTop,
    /// Go to the last row.
    GoBottom,
    /// Jump to the next group header.
    NextGroup,
    /// Jump to the previous group header.
    PrevGroup,
    /// Fold or unfold the group under the selection.
    ToggleGroup,
    /// Fold every group.
    FoldAll,
    /// Unfold every group.
    UnfoldAll,
    /// Group by pillar, lead unit, or deadline quarter (cycles).
    CycleGrouping,
    /// Open the selected task in full.
    OpenDetail,
    /// Start typing a search.
    Search,
    /// Open the filter menu.
    Filter,
    /// Clear every filter and the search.
    ClearFilters,
    /// Show only overdue tasks.
    ViewOverdue,
    /// Show only open tasks due this quarter.
    ViewDueThisQuarter,
    /// Show only blocked tasks.
    ViewBlocked,
    /// Change the selected task's status.
    SetStatus,
    /// Change the selected task's progress.
    SetProgress,
    /// Write a note or a conclusion on the selected task.
    AddNote,
    /// Undo the last edit (recorded in the history as a change of its own).
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Switch the interface language.
    ToggleLanguage,
    /// Confirm the popup or the text being typed.
    Confirm,
    /// Save the note being written.
    Save,
    /// In the status picker: not started.
    PickNotStarted,
    /// In the status picker: in progress.
    PickInProgress,
    /// In the status picker: blocked.
    PickBlocked,
    /// In the status picker: done.
    PickDone,
    /// In the status picker: cancelled.
    PickCancelled,
    /// Scroll the detail or help up.
    ScrollUp,
    /// Scroll the detail or help down.
    ScrollDown,
    /// In the filter menu: next line.
    NextField,
    /// In the filter menu: previous line.
    PrevField,
    /// In the filter menu: next value of the line.
    NextValue,
    /// In the filter menu: previous value of the line.
    PrevValue,
    /// In the detail: select the next note.
    NextNote,
    /// In the detail: select the previous note.
    PrevNote,
    /// In the detail: correct the selected note (the original stays in the history).
    CorrectNote,
    /// In the detail: withdraw the selected note (the original stays in the history, marked).
    WithdrawNote,
    /// While writing a note: throw the draft away.
    DiscardNote,
    /// The dashboard: where the plan stands (counts, due soon, targets); again to go back.
    Dashboard,
    /// The meeting screen (the open meeting, else the latest); from it, back to the plan.
    Meeting,
    /// Put the selected task on the agenda of the open (or planned) meeting.
    AddToAgenda,
    /// Show only the tasks that changed since the last meeting (again to clear).
    ViewChanged,
    /// Prepare a new meeting, its agenda proposed from the plan.
    NewMeeting,
    /// Take the agenda item off the agenda.
    DropItem,
    /// Move the agenda item one place earlier.
    ItemUp,
    /// Move the agenda item one place later.
    ItemDown,
    /// Write the committee's conclusion on the agenda item.
    Conclude,
    /// Assign a task at the meeting (an action item) under the agenda item.
    Assign,
    /// Open the meeting (or reopen a closed one to correct its record).
    OpenMeeting,
    /// Close the meeting (asks to confirm; the counts are kept).
    CloseMeeting,
    /// Correct the meeting's title, date or chair.
    EditMeeting,
    /// Record a measured value of one of the plan's targets.
    RecordTarget,
    /// The papers: write the conclusion notice, the workbook or the report to a file.
    ExportMenu,
}

impl Action {
    /// Every action, for help and tests.
    pub const ALL: [Action; 62] = [
        Action::Noop,
        Action::Quit,
        Action::Help,
        Action::Back,
        Action::MoveUp,
        Action::MoveDown,
        Action::PageUp,
        Action::PageDown,
        Action::GoTop,
        Action::GoBottom,
        Action::NextGroup,
        Action::PrevGroup,
        Action::ToggleGroup,
        Action::FoldAll,
        Action::UnfoldAll,
        Action::CycleGrouping,
        Action::OpenDetail,
        Action::Search,
        Action::Filter,
        Action::ClearFilters,
        Action::ViewOverdue,
        Action::ViewDueThisQuarter,
        Action::ViewBlocked,
        Action::SetStatus,
        Action::SetProgress,
        Action::AddNote,
        Action::Undo,
        Action::Redo,
        Action::ToggleLanguage,
        Action::Confirm,
        Action::Save,
        Action::PickNotStarted,
        Action::PickInProgress,
        Action::PickBlocked,
        Action::PickDone,
        Action::PickCancelled,
        Action::ScrollUp,
        Action::ScrollDown,
        Action::NextField,
        Action::PrevField,
        Action::NextValue,
        Action::PrevValue,
        Action::NextNote,
        Action::PrevNote,
        Action::CorrectNote,
        Action::WithdrawNote,
        Action::DiscardNote,
        Action::Dashboard,
        Action::Meeting,
        Action::AddToAgenda,
        Action::ViewChanged,
        Action::NewMeeting,
        Action::DropItem,
        Action::ItemUp,
        Action::ItemDown,
        Action::Conclude,
        Action::Assign,
        Action::OpenMeeting,
        Action::CloseMeeting,
        Action::EditMeeting,
        Action::RecordTarget,
        Action::ExportMenu,
    ];

    /// The name used in keymap files (`move_down`).
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// The action a keymap file names, if any.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// The modes of the screen; each has its own section in a keymap file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The plan table.
    Normal,
    /// One task in full.
    Detail,
    /// Typing a search.
    Search,
    /// The filter menu.
    Filter,
    /// The status picker.
    Status,
    /// Typing a progress value.
    Progress,
    /// Writing a note.
    Note,
    /// Typing the day a task was done.
    DoneOn,
    /// Confirming that a note is withdrawn.
    Withdraw,
    /// The help screen.
    Help,
    /// Choosing the lead unit of the filter by typing its name.
    UnitPicker,
    /// Where the plan stands: counts, due soon, targets.
    Dashboard,
    /// A meeting: its agenda walked item by item.
    Meeting,
    /// The form of a new meeting, or of the one shown when correcting it (title, date, chair).
    NewMeeting,
    /// Writing the conclusion on an agenda item.
    Conclusion,
    /// The form of an action item (what, lead, supporting units, deadline).
    Assign,
    /// Confirming that the meeting is closed.
    CloseMeeting,
    /// Recording a target's value: which target, the value, when measured, the source.
    TargetValue,
    /// The papers menu: which paper to write.
    Export,
}

impl Mode {
    /// Every mode, in keymap file order.
    pub const ALL: [Mode; 19] = [
        Mode::Normal,
        Mode::Detail,
        Mode::Search,
        Mode::Filter,
        Mode::Status,
        Mode::Progress,
        Mode::Note,
        Mode::DoneOn,
        Mode::Withdraw,
        Mode::Help,
        Mode::UnitPicker,
        Mode::Dashboard,
        Mode::Meeting,
        Mode::NewMeeting,
        Mode::Conclusion,
        Mode::Assign,
        Mode::CloseMeeting,
        Mode::TargetValue,
        Mode::Export,
    ];

    /// The section name in keymap files.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Normal => "normal",
            Mode::Detail => "detail",
            Mode::Search => "search",
            Mode::Filter => "filter",
            Mode::Status => "status",
            Mode::Progress => "progress",
            Mode::Note => "note",
            Mode::DoneOn => "done_on",
            Mode::Withdraw => "withdraw",
            Mode::Help => "help",
            Mode::UnitPicker => "unit_picker",
            Mode::Dashboard => "dashboard",
            Mode::Meeting => "meeting",
            Mode::NewMeeting => "new_meeting",
            Mode::Conclusion => "conclusion",
            Mode::Assign => "assign",
            Mode::CloseMeeting => "close_meeting",
            Mode::TargetValue => "target_value",
            Mode::Export => "export",
        }
    }

    /// Whether `action` means something in this mode. This table is the one list: the keymap
    /// refuses a binding the mode would ignore, and `App::update` acts only on what it accepts
    /// (an invariant test checks that each accepted action changes the state or says why not).
    /// `noop` is accepted everywhere (it unbinds).
    pub fn accepts(self, action: Action) -> bool {
        use Action as A;
        if action == A::Noop {
            return true;
        }
        let common = action == A::Back || (action == A::Help && self != Mode::Help);
        common
            || match self {
                Mode::Normal => matches!(
                    action,
                    A::Quit
                        | A::MoveUp
                        | A::MoveDown
                        | A::PageUp
                        | A::PageDown
                        | A::GoTop
                        | A::GoBottom
                        | A::NextGroup
                        | A::PrevGroup
                        | A::ToggleGroup
                        | A::FoldAll
                        | A::UnfoldAll
                        | A::CycleGrouping
                        | A::OpenDetail
                        | A::Search
                        | A::Filter
                        | A::ClearFilters
                        | A::ViewOverdue
                        | A::ViewDueThisQuarter
                        | A::ViewBlocked
                        | A::SetStatus
                        | A::SetProgress
                        | A::AddNote
                        | A::Undo
                        | A::Redo
                        | A::ToggleLanguage
                        | A::Dashboard
                        | A::Meeting
                        | A::AddToAgenda
                        | A::ViewChanged
                        | A::ExportMenu
                ),
                // MoveUp / MoveDown show the previous / next task without leaving the detail;
                // the rest scroll the detail itself.
                Mode::Detail => matches!(
                    action,
                    A::Quit
                        | A::ScrollUp
                        | A::ScrollDown
                        | A::PageUp
                        | A::PageDown
                        | A::GoTop
                        | A::GoBottom
                        | A::MoveUp
                        | A::MoveDown
                        | A::SetStatus
                        | A::SetProgress
                        | A::AddNote
                        | A::NextNote
                        | A::PrevNote
                        | A::CorrectNote
                        | A::WithdrawNote
                        | A::Undo
                        | A::Redo
                        | A::ToggleLanguage
                ),
                Mode::Search => matches!(
                    action,
                    A::Confirm | A::MoveUp | A::MoveDown | A::PageUp | A::PageDown
                ),
                Mode::Filter => matches!(
                    action,
                    A::Confirm
                        | A::NextField
                        | A::PrevField
                        | A::NextValue
                        | A::PrevValue
                        | A::ClearFilters
                ),
                Mode::Status => matches!(
                    action,
                    A::Confirm
                        | A::MoveUp
                        | A::MoveDown
                        | A::PickNotStarted
                        | A::PickInProgress
                        | A::PickBlocked
                        | A::PickDone
                        | A::PickCancelled
                ),
                // NextValue / PrevValue step the value being typed up or down.
                Mode::Progress | Mode::DoneOn => {
                    matches!(action, A::Confirm | A::NextValue | A::PrevValue)
                }
                Mode::Note => matches!(action, A::Save | A::DiscardNote),
                Mode::Withdraw => matches!(action, A::Confirm),
                Mode::Help => matches!(
                    action,
                    A::ScrollUp | A::ScrollDown | A::PageUp | A::PageDown
                ),
                // Typed letters narrow the list; the arrows move in it, Enter picks.
                Mode::UnitPicker => matches!(action, A::Confirm | A::MoveUp | A::MoveDown),
                // A document: scrolled, section by section ([ ]); `Dashboard` goes back.
                Mode::Dashboard => matches!(
                    action,
                    A::Quit
                        | A::ScrollUp
                        | A::ScrollDown
                        | A::PageUp
                        | A::PageDown
                        | A::GoTop
                        | A::GoBottom
                        | A::NextGroup
                        | A::PrevGroup
                        | A::ToggleLanguage
                        | A::Dashboard
                        | A::RecordTarget
                        | A::Undo
                        | A::Redo
                ),
                // MoveUp / MoveDown walk the agenda; the scroll keys move within the item.
                // NextGroup / PrevGroup show the next / previous meeting.
                Mode::Meeting => matches!(
                    action,
                    A::Quit
                        | A::Meeting
                        | A::NextGroup
                        | A::PrevGroup
                        | A::MoveUp
                        | A::MoveDown
                        | A::ScrollUp
                        | A::ScrollDown
                        | A::PageUp
                        | A::PageDown
                        | A::SetStatus
                        | A::SetProgress
                        | A::AddNote
                        | A::Undo
                        | A::Redo
                        | A::ToggleLanguage
                        | A::NewMeeting
                        | A::DropItem
                        | A::ItemUp
                        | A::ItemDown
                        | A::Conclude
                        | A::Assign
                        | A::OpenMeeting
                        | A::CloseMeeting
                        | A::EditMeeting
                ),
                Mode::NewMeeting | Mode::Assign => {
                    matches!(action, A::Confirm | A::NextField | A::PrevField)
                }
                Mode::Conclusion => matches!(action, A::Save | A::DiscardNote),
                Mode::CloseMeeting => matches!(action, A::Confirm),
                // NextValue / PrevValue choose the target; the field keys move between fields.
                Mode::TargetValue => matches!(
                    action,
                    A::Confirm | A::NextField | A::PrevField | A::NextValue | A::PrevValue
                ),
                // A list of papers: the arrows choose, Enter writes the file.
                Mode::Export => matches!(action, A::Confirm | A::MoveUp | A::MoveDown),
            }
    }

    /// True for modes where printable keys are text being typed (only keys with a modifier,
    /// or named keys such as Enter and Esc, are looked up in the keymap).
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Search
                | Mode::Progress
                | Mode::Note
                | Mode::DoneOn
                | Mode::Help
                | Mode::UnitPicker
                | Mode::NewMeeting
                | Mode::Conclusion
                | Mode::Assign
                | Mode::TargetValue
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for a in Action::ALL {
            assert_eq!(Action::from_name(&a.name()), Some(a), "{a:?}");
        }
        assert_eq!(Action::MoveDown.name(), "move_down");
        assert_eq!(Action::from_name("move-down"), None);
    }
}
