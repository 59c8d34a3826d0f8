//! Who may do what through the server: a pure decision from the peer's ids and the store
//! directory's owner, group and mode. The peer's groups are the kernel's record of the
//! connected process (`crate::identity::process_groups`).
//!
//! # The policy
//!
//! The server decides, for every connection, from the peer's credentials (`SO_PEERCRED`, which
//! the client cannot forge) and the store directory (`--db`) as it is at that moment:
//!
//! - **Who can connect** is who can enter the store directory: the socket `steerdeck.sock` gets
//!   read-write permission for each class (owner, group, others) that has search (`x`)
//!   permission on the directory. A `0700` directory gives a `0600` socket (private), `2770` gives
//!   `0660` (the group), `0755` gives `0666`.
//! - **Who may edit** is who the OS would let write the store directory, among the people who
//!   run as a user: the user the server runs as, the directory's owner, and the members of the
//!   directory's group when the directory is group-writable (`g+w`). Membership is what the
//!   kernel holds for the connected process (`/proc/PID/status`, PID from `SO_PEERCRED`): its
//!   real and effective groups and its supplementary groups, so groups from LDAP/SSSD count,
//!   and a group the user was added to without logging in again does not.
//! - **Everyone else who connects may read**: list, show, history, export, follow changes.
//!   Their edits are refused with a sentence saying who may edit; nothing is saved.
//! - root is not special: run the server as the store's user, or add root to the group.
//!
//! The history records the peer's login (from its uid), never a name the client claims; a
//! `--user` name is recorded only next to the login ("Chủ tịch (lan)").

use serde::{Deserialize, Serialize};

/// What a peer may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    /// Read and change.
    Edit,
    /// Read only; edits are refused.
    Read,
}

/// The connecting process, as the kernel reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    /// Its user id.
    pub uid: u32,
    /// Every group it belongs to (current, primary and supplementary).
    pub gids: Vec<u32>,
}

/// The store directory and the server, as far as the policy cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreOwner {
    /// The user id the server runs as.
    pub server_uid: u32,
    /// The owner of the store directory.
    pub dir_uid: u32,
    /// The group of the store directory.
    pub dir_gid: u32,
    /// The permission bits of the store directory (e.g. `0o2770`).
    pub dir_mode: u32,
}

/// The policy (see the module documentation): edit for the server's user, the directory's owner
/// and, when the directory is group-writable, the members of its group; read for everyone else.
pub fn access(peer: &Peer, store: &StoreOwner) -> Access {
    let group_writable = store.dir_mode & 0o020 != 0;
    if peer.uid == store.server_uid
        || peer.uid == store.dir_uid
        || (group_writable && peer.gids.contains(&store.dir_gid))
    {
        Access::Edit
    } else {
        Access::Read
    }
}

/// The mode of the socket for a store directory of mode `dir_mode`: read-write for each class
/// that may enter the directory.
pub fn socket_mode(dir_mode: u32) -> u32 {
    (dir_mode & 0o111) * 6
}

/// What a read-only peer gets when it tries to change something: who may edit, as data, so the
/// client says it in its interface language (the English sentence as the message).
pub fn refusal(
    login: &str,
    server_user: &str,
    group: &str,
    group_writable: bool,
) -> crate::store::StoreError {
    crate::store::StoreError::ReadOnlyPeer {
        login: login.to_string(),
        server_user: server_user.to_string(),
        group: group.to_string(),
        group_writable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SERVER: u32 = 990; // the `steerdeck` system user
    const SECRETARIAT: u32 = 2000;

    fn store(mode: u32) -> StoreOwner {
        StoreOwner {
            server_uid: SERVER,
            dir_uid: SERVER,
            dir_gid: SECRETARIAT,
            dir_mode: mode,
        }
    }

    fn peer(uid: u32, gids: &[u32]) -> Peer {
        Peer {
            uid,
            gids: gids.to_vec(),
        }
    }

    #[test]
    fn the_servers_user_edits_whatever_the_mode() {
        assert_eq!(access(&peer(SERVER, &[]), &store(0o700)), Access::Edit);
        assert_eq!(access(&peer(SERVER, &[]), &store(0o2770)), Access::Edit);
    }

    #[test]
    fn the_directory_owner_edits_a_store_served_by_another_user() {
        let s = StoreOwner {
            dir_uid: 1001,
            ..store(0o700)
        };
        assert_eq!(access(&peer(1001, &[1001]), &s), Access::Edit);
    }

    #[test]
    fn group_members_edit_only_a_group_writable_directory() {
        let lan = peer(1001, &[1001, SECRETARIAT]);
        assert_eq!(access(&lan, &store(0o2770)), Access::Edit);
        assert_eq!(access(&lan, &store(0o770)), Access::Edit);
        assert_eq!(access(&lan, &store(0o750)), Access::Read);
        assert_eq!(access(&lan, &store(0o755)), Access::Read);
    }

    #[test]
    fn others_read() {
        let guest = peer(1500, &[1500, 100]);
        assert_eq!(access(&guest, &store(0o2775)), Access::Read);
        assert_eq!(access(&guest, &store(0o777)), Access::Read);
    }

    #[test]
    fn root_is_not_special() {
        assert_eq!(access(&peer(0, &[0]), &store(0o2770)), Access::Read);
        assert_eq!(
            access(&peer(0, &[0, SECRETARIAT]), &store(0o2770)),
            Access::Edit
        );
    }

    #[test]
    fn the_socket_is_open_to_who_can_enter_the_directory() {
        assert_eq!(socket_mode(0o700), 0o600);
        assert_eq!(socket_mode(0o2770), 0o660);
        assert_eq!(socket_mode(0o755), 0o666);
        assert_eq!(socket_mode(0o751), 0o660 | 0o006);
        assert_eq!(socket_mode(0o600), 0);
    }

    #[test]
    fn the_refusal_says_who_may_edit() {
        assert_eq!(
            refusal("minh", "steerdeck", "secretariat", true).to_string(),
            "minh may read this store but not change it: changes are for steerdeck and the members of group secretariat; nothing was saved"
        );
        assert!(
            refusal("minh", "lan", "lan", false)
                .to_string()
                .contains("for lan only")
        );
    }
}
