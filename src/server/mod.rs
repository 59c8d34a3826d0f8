//! Several sessions on one store. sled lets one process own a store directory, so one process,
//! `steerdeck serve`, owns it and every session (TUI or CLI command) talks to it over a Unix
//! socket in the store directory, `<db>/steerdeck.sock`:
//!
//! - [`protocol`]: the versioned wire format (one JSON object per line).
//! - [`policy`]: who may edit and who may only read, decided by the server from the kernel's
//!   word about the peer (`SO_PEERCRED`).
//! - [`serve`]: the server: a thread per connection, every write flushed before it is
//!   acknowledged, change notifications to watchers, clean exit on SIGTERM/SIGINT/SIGHUP, and
//!   optionally on idle.
//! - [`RemoteStore`]: a `PlanStore` over the socket, so the TUI and the CLI do not care whether
//!   the store is local or served.
//! - [`connect_or_start`]: connects, starting a server for the store when none runs (like tmux:
//!   the first session starts it, it leaves a few seconds after the last one).
//! - [`watch`]: a change feed that survives the server's death (it restarts it) and reports
//!   "connection lost" / "reconnected".

mod client;
mod conn;
mod connect;
mod log;
pub mod policy;
pub mod protocol;
mod query;
mod serve;
mod trust;
mod watch;
mod wire_error;

use std::path::{Path, PathBuf};

pub use client::RemoteStore;
pub use connect::{ConnectOptions, connect_or_start};
pub use policy::Access;
pub use serve::{ServeOptions, serve};
pub use watch::{WatchEvent, Watcher, watch, watch_with};

use crate::plan::PlanFileError;
use crate::store::StoreError;

/// The socket's file name inside the store directory.
pub const SOCKET_NAME: &str = "steerdeck.sock";

/// The socket of the store in `db`.
pub fn socket_path(db: &Path) -> PathBuf {
    db.join(SOCKET_NAME)
}

/// Exit status of `steerdeck serve` when a server already answers on the socket.
pub const EXIT_ALREADY_RUNNING: u8 = 3;
/// Exit status of `steerdeck serve` when another process (not a server) holds the store.
pub const EXIT_IN_USE: u8 = 4;
/// Exit status of `steerdeck serve` when it stopped after the store failed (disk full, I/O).
pub const EXIT_STORE_FAILED: u8 = 5;

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("a steerdeck server is already running for this store (socket {socket})")]
    AlreadyRunning { socket: String },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the embedded plan is broken: {0}")]
    Embedded(#[from] PlanFileError),
    #[error("cannot use the socket {path}: {message}")]
    Socket { path: String, message: String },
    #[error("cannot start the server: {0}")]
    System(String),
    /// The store failed under the server (disk full, I/O error): it stopped to be restarted.
    #[error("{0}; the server stopped so that it can be started afresh")]
    StoreFailed(String),
}

impl ServerError {
    /// The process exit status for this error (see [`EXIT_ALREADY_RUNNING`], [`EXIT_IN_USE`]).
    pub fn exit_code(&self) -> u8 {
        match self {
            ServerError::AlreadyRunning { .. } => EXIT_ALREADY_RUNNING,
            ServerError::Store(StoreError::InUse { .. }) => EXIT_IN_USE,
            ServerError::StoreFailed(_) => EXIT_STORE_FAILED,
            _ => 1,
        }
    }
}

/// A socket error as a `ServerError`.
fn socket_error(path: &Path, e: &std::io::Error) -> ServerError {
    let message = if e.kind() == std::io::ErrorKind::InvalidInput {
        "the path is too long for a Unix socket (at most 107 bytes); use a shorter --db path"
            .to_string()
    } else {
        e.to_string()
    };
    ServerError::Socket {
        path: path.display().to_string(),
        message,
    }
}
