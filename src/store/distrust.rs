//! Why a client refuses the socket or the server it found for a store: the data, so that the
//! sentence can be said in the interface language (the English one is the `Display`).

/// A socket or a server that is not the store's own; nothing was sent to it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Distrust {
    #[error(
        "{socket} is a symbolic link, not the store's socket; refusing to use it (remove it if you did not make it, then try again)"
    )]
    SymlinkSocket { socket: String },
    #[error("{socket} is not a socket; refusing to use it (move it elsewhere, then try again)")]
    NotASocket { socket: String },
    #[error(
        "{socket} belongs to {owner}, who does not own the store; refusing to use it (remove it if you did not make it, then try again)"
    )]
    SocketOfOther { socket: String, owner: String },
    #[error(
        "cannot tell who runs the server at {socket} (SO_PEERCRED: {error}); refusing to use it"
    )]
    NoPeerCred { socket: String, error: String },
    #[error(
        "the server at {socket} runs as {runs_as}, who does not own the store (only {} may run its server); refusing to talk to it: stop that process, then try again",
        .allowed.join(" or ")
    )]
    ServerOfOther {
        socket: String,
        runs_as: String,
        /// The logins that may run the store's server.
        allowed: Vec<String>,
    },
    #[error(
        "the store directory {db} has no valid {id_file} file, so the server at {socket} cannot be checked; refusing to use it (start the server with `steerdeck serve --db {db}`, which writes it)"
    )]
    NoStoreId {
        db: String,
        id_file: String,
        socket: String,
    },
    #[error(
        "the server at {socket} serves another store (identity {found}, but {db} holds store {expected}); refusing to use it"
    )]
    OtherStore {
        socket: String,
        /// The identity the server named, printable.
        found: String,
        db: String,
        expected: String,
    },
    #[error("the server at {socket} does not say which store it serves; refusing to use it")]
    NoIdentity { socket: String },
}
