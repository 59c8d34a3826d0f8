//! steerdeck: a committee's plan, its deadlines and its review meetings, in a terminal.
//!
//! Layers, each depending only on those above it (`tests/layers.rs` holds the same list as a
//! table and fails when an import runs the other way):
//!
//! - `domain`: pure types — plan, task, status, timeframe → deadline, timeliness, units. Imports no
//!   other module.
//! - `action`: `Action` and `Mode`, what a user can ask for and the screen's modes. May import
//!   `domain`.
//! - `query`: Vietnamese folding, fuzzy search, filters over tasks. May import `domain` (and `plan`
//!   in its tests).
//! - `store`: the `PlanStore` trait, driven by commands; sled on disk and an in-memory twin; it
//!   answers `show` and `list` itself (the server from the plans it keeps). May import `domain`,
//!   `query`.
//! - `i18n`: the interface's words in Vietnamese and English, the store's errors among them. May
//!   import `domain`, `action`, `store`.
//! - `identity`: the OS login (NSS) and the actor the history records. May import `domain`,
//!   `store`.
//! - `file_error`: why a settings, plan or keymap file cannot be used, and where, in either
//!   language. May import `domain`, `i18n`.
//! - `plan`: plan files in and out (the embedded TOML plan, CSV/TOML/JSON import). May import
//!   `domain`, `file_error`, `i18n`.
//! - `export`: rows for JSON and CSV, the plan document for round trips, and the papers (the
//!   conclusion notice, the progress report, the status workbook) as bytes, from data given to
//!   them. May import `domain`, `query`, `store`, `i18n`, `plan`.
//! - `keymap`: keys to actions, from `keymaps/*.toml` and the user's file; its errors in either
//!   language. May import `action`, `domain`, `file_error`, `i18n`.
//! - `config`: the user's settings file. May import `domain`, `i18n`, `file_error`.
//! - `server`: one process owns the store; sessions reach it over a Unix socket (`RemoteStore`).
//!   May import `domain`, `plan`, `store`, `identity`, `i18n`, `query`, `export`.
//! - `session`: what every command and the screen start from: the store (through the server), who
//!   acts, as of when, in which language. May import `server` and what it may.
//! - `app`: the interactive screen's state, changed only by `App::update(Action)`. May import
//!   `domain`, `query`, `store`, `keymap`, `i18n`, `action`, `export`, `plan`, `config`.
//! - `ui`: drawing, a pure function of `&App`. May import `app`, `action`, `domain`, `i18n`,
//!   `query`, `keymap`.
//! - `tui`: the terminal, input and signal loop. May import `app`, `ui`, `keymap`, `server`,
//!   `action`, `i18n`.
//! - `cli`: the scriptable command line and the screen's start, on top of everything. May import
//!   `any module`.
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
