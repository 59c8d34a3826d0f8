//! The client's side of trust: before anything is sent, the socket must be the store's own (not
//! a symbolic link, not another kind of file), the process on the other end must run as a user
//! who may own the store, and its hello must name this store's identity.
//!
//! Who may own the store: the owner of the store directory, the owner of the store's files, and
//! the user of this very process (a server running as oneself can do nothing one could not do
//! oneself). In a directory shared with a group, any member can bind a socket there when no
//! server runs; such a server runs as that member, not as the store's owner, and is refused. The
//! server's identity comes from the kernel (`SO_PEERCRED` on the connected socket), so it cannot
//! be claimed. The store's identity (`store-id`, also kept in the store) tells a server of
//! another store apart, e.g. behind a socket renamed or linked from elsewhere.

use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::os::unix::net::UnixStream;
use std::path::Path;

use super::protocol::Hello;
use crate::identity::login_of;
use crate::store::disk;
use crate::store::{Distrust, StoreError};

fn untrusted(why: Distrust) -> StoreError {
    StoreError::Untrusted(why)
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The socket path must be a socket itself, owned by a user who may own the store: a symbolic
/// link (which could lead to another store's server), any other file, or a socket of someone
/// else is refused. A missing socket is fine here (nobody listens).
pub(super) fn check_socket_file(db: &Path, socket: &Path) -> Result<(), StoreError> {
    let Ok(meta) = std::fs::symlink_metadata(socket) else {
        return Ok(());
    };
    let kind = meta.file_type();
    if kind.is_symlink() {
        return Err(untrusted(Distrust::SymlinkSocket {
            socket: shown(socket),
        }));
    }
    if !kind.is_socket() {
        return Err(untrusted(Distrust::NotASocket {
            socket: shown(socket),
        }));
    }
    let allowed = owners(db);
    if !allowed.contains(&meta.uid()) {
        return Err(untrusted(Distrust::SocketOfOther {
            socket: shown(socket),
            owner: login_of(meta.uid()),
        }));
    }
    Ok(())
}

/// The user ids that may run the server of the store in `db`.
pub(super) fn owners(db: &Path) -> Vec<u32> {
    let mut uids = vec![rustix::process::geteuid().as_raw()];
    for p in [db.to_path_buf(), db.join("db")] {
        if let Ok(m) = std::fs::metadata(&p)
            && !uids.contains(&m.uid())
        {
            uids.push(m.uid());
        }
    }
    uids
}

/// The owner of the store in `db` when it is not this process's user: the store directory's
/// owner, or its files' owner when this user owns neither. None when this user may run the
/// store's server (or the store directory does not exist yet).
pub(super) fn owner_other_than_me(db: &Path) -> Option<String> {
    let me = rustix::process::geteuid().as_raw();
    let dir = std::fs::metadata(db).ok()?.uid();
    let files = std::fs::metadata(db.join("db")).ok().map(|m| m.uid());
    if dir == me || files == Some(me) {
        None
    } else {
        Some(login_of(dir))
    }
}

/// The process on the other end of `stream` must run as a user who may own the store.
pub(super) fn check_server(
    db: &Path,
    socket: &Path,
    stream: &UnixStream,
) -> Result<(), StoreError> {
    let cred = rustix::net::sockopt::socket_peercred(stream).map_err(|e| {
        untrusted(Distrust::NoPeerCred {
            socket: shown(socket),
            error: e.to_string(),
        })
    })?;
    let uid = cred.uid.as_raw();
    let allowed = owners(db);
    if allowed.contains(&uid) {
        return Ok(());
    }
    Err(untrusted(Distrust::ServerOfOther {
        socket: shown(socket),
        runs_as: login_of(uid),
        allowed: allowed.iter().map(|u| login_of(*u)).collect(),
    }))
}

/// The server's hello must name the identity of the store in `db`.
pub(super) fn check_store_id(db: &Path, socket: &Path, hello: &Hello) -> Result<(), StoreError> {
    let Some(expected) = disk::store_id(db) else {
        return Err(untrusted(Distrust::NoStoreId {
            db: shown(db),
            id_file: disk::ID_FILE.to_string(),
            socket: shown(socket),
        }));
    };
    match &hello.store {
        Some(id) if *id == expected => Ok(()),
        Some(id) => Err(untrusted(Distrust::OtherStore {
            socket: shown(socket),
            found: crate::domain::text::printable(id, false),
            db: shown(db),
            expected: expected.clone(),
        })),
        None => Err(untrusted(Distrust::NoIdentity {
            socket: shown(socket),
        })),
    }
}
