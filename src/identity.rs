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

    #[cfg(unix)]
    #[test]
    fn root_and_this_process_are_found_in_the_user_database() {
        assert_eq!(user_name(0).as_deref(), Some("root"));
        let me = rustix::process::getuid().as_raw();
        assert!(user_name(me).is_some(), "uid {me} has no name");
        assert_eq!(login_of(4_000_000_000), "uid 4000000000");
    }
}
