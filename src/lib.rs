//! steerdeck: a committee's plan, its deadlines and its review meetings, in a terminal.
//!
//! Layers, each depending only on those above it:
//!
//! - `domain`: pure types — plan, task, status, timeframe → deadline, timeliness, units.
//! - `plan`: plan files in and out (the embedded TOML plan, CSV/TOML/JSON import, JSON export).
//! - `query`: Vietnamese folding, fuzzy search, filters over tasks.
//! - `store`: the `PlanStore` trait, driven by commands; sled on disk and an in-memory twin.
//! - `app`: the interactive screen's state, changed only by `App::update(Action)`.
//! - `keymap`: keys to actions, from `keymaps/*.toml` and the user's file.
//! - `ui`: drawing, a pure function of `&App`; `tui`: the terminal, input and signal loop.
//! - `server`: one process owns the store; sessions reach it over a Unix socket (`RemoteStore`).
//! - `cli`: the scriptable command line on top of the store.
//!
//! Data flows one way: files → `plan` → `store` (commands, flushed events) → `query` → output.

pub mod action;
pub mod app;
pub mod cli;
pub mod config;
pub mod domain;
pub mod export;
pub mod file_error;
pub mod i18n;
pub mod identity;
pub mod keymap;
pub mod plan;
pub mod query;
#[cfg(target_os = "linux")]
pub mod server;
pub mod session;
pub mod store;
pub mod tui;
pub mod ui;
