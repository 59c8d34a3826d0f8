//! Who is acting: the OS login of this process or of a peer on the server's socket, from the
//! system's user database (NSS: `/etc/passwd`, LDAP, SSSD ... whatever the host is set up with),
//! and the name the history records. Identity comes from the OS, never from a flag: `--user` only
//! adds a display name next to the login.

use crate::domain::text::{clean, printable};
use crate::store::Actor;

/// The login name of a uid in the system's user database (through NSS, so users from LDAP or
/// SSSD are found too), made printable.
pub fn user_name(uid: u32) -> Option<String> {
    #[cfg(unix)]
    {
        let user = nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)).ok()??;
        Some(printable(&user.name, false))
    }
    #[cfg(not(unix))]
    {
        let _ = uid;
        None
    }
}

/// The name of a group in the system's group database (through NSS, like users), made
/// printable; "gid N" when it is unknown.
pub fn group_name(gid: u32) -> String {
    #[cfg(unix)]
    {
        if let Ok(Some(g)) = nix::unistd::Group::from_gid(nix::unistd::Gid::from_raw(gid)) {
            return printable(&g.name, false);
        }
    }
    format!("gid {gid}")
}

/// Every group a running process is in, as the kernel has it: its real and effective group
/// and its supplementary groups (`Gid:` and `Groups:` of `/proc/PID/status`). This is what the
/// OS checks file access with: it includes groups from LDAP or SSSD, and leaves out a group the
/// user was added to after logging in. None when the process is gone (or not on Linux).
pub fn process_groups(pid: u32) -> Option<Vec<u32>> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    groups_in_status(&text)
}

/// The groups in a `/proc/PID/status` text (see [`process_groups`]).
pub fn groups_in_status(text: &str) -> Option<Vec<u32>> {
    let field = |name: &str| {
        text.lines().find_map(|l| l.strip_prefix(name)).map(|rest| {
            rest.split_whitespace()
                .filter_map(|n| n.parse::<u32>().ok())
                .collect::<Vec<u32>>()
        })
    };
    let gid = field("Gid:")?;
    let mut groups: Vec<u32> = Vec::new();
    for g in gid.into_iter().take(2).chain(field("Groups:")?) {
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    Some(groups)
}

/// The login of a uid, or "uid N" when the user database does not know it.
pub fn login_of(uid: u32) -> String {
    user_name(uid).unwrap_or_else(|| format!("uid {uid}"))
}

/// The OS login of this process: the name of its real user id in the user database, else
/// `$USER`/`$LOGNAME`, else the numeric uid.
pub fn os_login() -> String {
    #[cfg(unix)]
    {
        let uid = rustix::process::getuid().as_raw();
        if let Some(name) = user_name(uid) {
            return name;
        }
        env_login().unwrap_or_else(|| format!("uid {uid}"))
    }
    #[cfg(not(unix))]
    env_login().unwrap_or_else(|| "unknown".to_string())
}

fn env_login() -> Option<String> {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .map(|s| printable(&clean(&s), false))
}

/// Who the history records: the login, and a `--user` name only alongside it, so nobody can
/// record a change under another person's login.
pub fn actor(user_flag: Option<&str>, login: &str) -> Actor {
    match user_flag.map(|u| printable(&clean(u), false)) {
        Some(u) if !u.is_empty() && u != login => Actor::new(format!("{u} ({login})")),
        _ => Actor::new(login),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_flag_cannot_hide_the_login() {
        assert_eq!(actor(None, "lan").user, "lan");
        assert_eq!(actor(Some("lan"), "lan").user, "lan");
        assert_eq!(actor(Some("Chủ tịch"), "lan").user, "Chủ tịch (lan)");
        assert_eq!(actor(Some("x\u{1b}[2J"), "lan").user, "x\\u{1b}[2J (lan)");
        assert_eq!(actor(Some("  "), "lan").user, "lan");
    }

    #[test]
    fn groups_come_from_the_kernels_record_of_the_process() {
        let status = "Name:\tsteerdeck\nUid:\t1001\t1001\t1001\t1001\nGid:\t1001\t1001\t1001\t1001\nFDSize:\t64\nGroups:\t27 2000 4242 \n";
        assert_eq!(groups_in_status(status), Some(vec![1001, 27, 2000, 4242]));
        let no_supplementary = "Gid:\t5\t7\t7\t7\nGroups:\t\n";
        assert_eq!(groups_in_status(no_supplementary), Some(vec![5, 7]));
        assert_eq!(groups_in_status("Name: x\n"), None);
        let mine = process_groups(std::process::id()).expect("this process");
        let egid = rustix::process::getegid().as_raw();
        assert!(mine.contains(&egid), "{mine:?} lacks {egid}");
        assert_eq!(group_name(0), "root");
        assert_eq!(group_name(4_000_000_000), "gid 4000000000");
    }

    #[cfg(unix)]
    #[test]
    fn root_and_this_process_are_found_in_the_user_database() {
        assert_eq!(user_name(0).as_deref(), Some("root"));
        let me = rustix::process::getuid().as_raw();
        assert!(user_name(me).is_some(), "uid {me} has no name");
        assert_eq!(login_of(4_000_000_000), "uid 4000000000");
    }
}
