//! Which actions mean something in which mode: the table is [`Mode::accepts`], next to the
//! actions themselves; loading a keymap refuses a binding the mode would ignore.

use crate::action::{Action, Mode};

/// Whether `action` means something in `mode` (see [`Mode::accepts`]).
pub fn accepts(mode: Mode, action: Action) -> bool {
    mode.accepts(action)
}

/// The actions `mode` accepts, `noop` left out, in `Action::ALL` order.
pub fn accepted(mode: Mode) -> Vec<Action> {
    Action::ALL
        .into_iter()
        .filter(|&a| a != Action::Noop && mode.accepts(a))
        .collect()
}
