//! Application state and behaviour: `App`, updated only through `App::update(Action)`.

pub mod action;

pub use action::{Action, Mode};
