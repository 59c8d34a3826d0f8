//! Which actions mean something in which mode. Loading a keymap refuses a binding the mode
//! would ignore, and the app can ask the same table before acting.

use crate::action::{Action, Mode};

/// Whether `action` means something in `mode`. `noop` is accepted everywhere (it unbinds).
pub fn accepts(mode: Mode, action: Action) -> bool {
    use Action as A;
    if action == A::Noop {
        return true;
    }
    match mode {
        Mode::Normal => matches!(
            action,
            A::Quit
                | A::Help
                | A::Back
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
        ),
        // MoveUp / MoveDown show the previous / next task without leaving the detail.
        Mode::Detail => matches!(
            action,
            A::Quit
                | A::Help
                | A::Back
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
                | A::Undo
                | A::Redo
                | A::ToggleLanguage
        ),
        Mode::Search => matches!(
            action,
            A::Help | A::Back | A::Confirm | A::MoveUp | A::MoveDown | A::PageUp | A::PageDown
        ),
        Mode::Filter => matches!(
            action,
            A::Help
                | A::Back
                | A::Confirm
                | A::NextField
                | A::PrevField
                | A::NextValue
                | A::PrevValue
                | A::ClearFilters
        ),
        Mode::Status => matches!(
            action,
            A::Help
                | A::Back
                | A::Confirm
                | A::MoveUp
                | A::MoveDown
                | A::PickNotStarted
                | A::PickInProgress
                | A::PickBlocked
                | A::PickDone
                | A::PickCancelled
        ),
        // NextValue / PrevValue step the value being typed up or down.
        Mode::Progress => matches!(
            action,
            A::Help | A::Back | A::Confirm | A::NextValue | A::PrevValue
        ),
        Mode::Note => matches!(action, A::Help | A::Back | A::Save),
        Mode::Help => matches!(
            action,
            A::Back | A::ScrollUp | A::ScrollDown | A::PageUp | A::PageDown
        ),
    }
}

/// The actions `mode` accepts, `noop` left out, in `Action::ALL` order.
pub fn accepted(mode: Mode) -> Vec<Action> {
    Action::ALL
        .into_iter()
        .filter(|&a| a != Action::Noop && accepts(mode, a))
        .collect()
}
