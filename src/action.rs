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
}

impl Action {
    /// Every action, for help and tests.
    pub const ALL: [Action; 42] = [
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
    /// The help screen.
    Help,
}

impl Mode {
    /// Every mode, in keymap file order.
    pub const ALL: [Mode; 8] = [
        Mode::Normal,
        Mode::Detail,
        Mode::Search,
        Mode::Filter,
        Mode::Status,
        Mode::Progress,
        Mode::Note,
        Mode::Help,
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
            Mode::Help => "help",
        }
    }

    /// True for modes where printable keys are text being typed (only keys with a modifier,
    /// or named keys such as Enter and Esc, are looked up in the keymap).
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Search | Mode::Progress | Mode::Note | Mode::Help
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
