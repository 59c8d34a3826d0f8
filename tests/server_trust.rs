//! Playing the impostor: a fake server bound on a store's socket, a socket that is a symbolic
//! link or a link to another store's server, a server run by a user who does not own the store,
//! and a symlink swapped in while the server binds. Also: the server's log, the reason an
//! auto-started server gives for failing, and a server that stops after a store error.
#![cfg(target_os = "linux")]
#![allow(clippy::panic)]

mod support;

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixListener;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use steerdeck::server::socket_path;
use steerdeck::store::{PlanStore, disk};
use support::{BIN, Server, cli, cli_ok, cli_with, client, plan_of, store, wait_until};

/// A fake server on `socket`: greets with `hello` and answers every request "ok", recording
/// what it was sent. It runs until the listener is dropped with the test.
fn impostor(socket: &Path, hello: &'static str) -> std::sync::mpsc::Receiver<String> {
    let listener = UnixListener::bind(socket).expect("bind the fake server");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { return };
            let tx = tx.clone();
            std::thread::spawn(move || {
                let _ = conn.write_all(format!("{hello}\n").as_bytes());
                let reader = BufReader::new(conn.try_clone().expect("clone"));
                for line in reader.lines() {
                    let Ok(line) = line else { return };
                    let _ = tx.send(line.clone());
                    let id = serde_json::from_str::<serde_json::Value>(&line)
                        .ok()
                        .and_then(|v| v["id"].as_u64());
                    if let Some(id) = id {
                        let reply = format!(
                            "{{\"id\":{id},\"ok\":{{\"outcome\":\"updated\",\"events\":[]}}}}\n"
                        );
                        let _ = conn.write_all(reply.as_bytes());
                    }
                }
            });
        }
    });
    rx
}

/// A real store (seeded, with its identity file), no server running.
fn real_store() -> support::Store {
    let s = store();
    let status = Server::start(&s.db).terminate();
    assert!(status.is_some_and(|s| s.success()), "{status:?}");
    assert!(
        wait_until(Duration::from_secs(5), || !socket_path(&s.db).exists()),
        "the server left"
    );
    assert!(disk::store_id(&s.db).is_some());
    s
}

fn refused(db: &Path, args: &[&str]) -> String {
    let out = cli(db, args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "{args:?} was accepted: {err}");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("Đã lưu"),
        "an impostor's 'saved' reached the user"
    );
    err
}

#[test]
fn a_fake_server_of_the_same_user_without_the_store_identity_is_refused() {
    let s = real_store();
    let sent = impostor(
        &socket_path(&s.db),
        r#"{"steerdeck":1,"version":"0.1.0","login":"lan","access":"edit"}"#,
    );
    let err = refused(
        &s.db,
        &[
            "--lang",
            "en",
            "set",
            "I.3",
            "--progress",
            "77",
            "--note",
            "secret",
        ],
    );
    assert!(
        err.contains("does not say which store it serves; refusing to use it"),
        "{err}"
    );
    // Only our hello went out: no request, so no note reached the impostor.
    let lines: Vec<String> = sent.try_iter().collect();
    assert!(
        lines.iter().all(|l| !l.contains("secret")),
        "sent to the impostor: {lines:?}"
    );
}

#[test]
fn a_fake_server_naming_another_store_is_refused() {
    let s = real_store();
    let _sent = impostor(
        &socket_path(&s.db),
        r#"{"steerdeck":1,"version":"0.1.0","login":"lan","access":"edit","store":"00112233445566778899aabbccddeeff"}"#,
    );
    let err = refused(&s.db, &["--lang", "en", "list"]);
    assert!(err.contains("serves another store"), "{err}");
}

#[test]
fn a_symlinked_socket_is_refused_and_a_linked_one_is_caught_by_the_identity() {
    let a = real_store();
    let b = store();
    let _server_b = Server::start(&b.db);
    cli_ok(&b.db, &["set", "I.1", "--progress", "55"]);
    std::os::unix::fs::symlink(socket_path(&b.db), socket_path(&a.db)).expect("symlink");
    let err = refused(&a.db, &["--lang", "en", "list", "--format", "json"]);
    assert!(
        err.contains("steerdeck.sock is a symbolic link, not the store's socket"),
        "{err}"
    );
    let err = refused(&a.db, &["list", "--format", "json"]);
    assert!(
        err.contains("steerdeck.sock là một liên kết tượng trưng (symbolic link), không phải socket của kho dữ liệu; không sử dụng"),
        "{err}"
    );
    // A hard link to B's socket is a socket: the server's hello names B, not A.
    std::fs::remove_file(socket_path(&a.db)).expect("rm");
    std::fs::hard_link(socket_path(&b.db), socket_path(&a.db)).expect("link");
    let err = refused(&a.db, &["--lang", "en", "list", "--format", "json"]);
    assert!(err.contains("serves another store"), "{err}");
    let err = refused(&a.db, &["list", "--format", "json"]);
    assert!(
        err.contains("phục vụ một kho dữ liệu khác (mã định danh "),
        "{err}"
    );
    let _ = std::fs::remove_file(socket_path(&a.db));
    // With the link gone, A's own server starts and A's data is A's.
    let rows = cli_ok(&a.db, &["list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&rows).expect("json");
    let i1 = v
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == "I.1")
        .expect("I.1");
    assert_eq!(i1["progress"], 0, "store A shows its own data, not B's");
}

#[test]
fn a_server_run_by_a_user_who_does_not_own_the_store_is_refused() {
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipped: only root can run a server as another user here");
        return;
    }
    let mine = real_store();
    let theirs = tempfile::tempdir().expect("tempdir");
    std::fs::set_permissions(theirs.path(), std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let other_db = theirs.path().join("db");
    support::make_private_dir(&other_db);
    std::os::unix::fs::chown(&other_db, Some(65534), Some(65534)).expect("chown");
    let as_nobody = || {
        let mut cmd = Command::new(BIN);
        cmd.uid(65534).gid(65534).env("HOME", "/nonexistent");
        cmd
    };
    let reachable = as_nobody()
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !reachable {
        eprintln!("skipped: user nobody cannot run {BIN} from this checkout");
        return;
    }
    let _server = Server::start_with(&other_db, &mut as_nobody(), &[]);
    // nobody's server, reachable through a link in my store's directory.
    std::fs::hard_link(socket_path(&other_db), socket_path(&mine.db)).expect("link");
    let err = refused(
        &mine.db,
        &["--lang", "en", "set", "I.3", "--progress", "77"],
    );
    assert!(
        err.contains("steerdeck.sock belongs to nobody, who does not own the store"),
        "{err}"
    );
    let err = refused(&mine.db, &["set", "I.3", "--progress", "77"]);
    assert!(
        err.contains("steerdeck.sock thuộc về nobody, người không sở hữu kho dữ liệu"),
        "{err}"
    );
    // A socket file given to root does not help: the kernel says who runs the server.
    std::os::unix::fs::chown(socket_path(&mine.db), Some(0), Some(0)).expect("chown");
    let err = refused(
        &mine.db,
        &["--lang", "en", "set", "I.3", "--progress", "77"],
    );
    assert!(
        err.contains("runs as nobody, who does not own the store (only root may run its server)"),
        "{err}"
    );
    let err = refused(&mine.db, &["set", "I.3", "--progress", "77"]);
    assert!(
        err.contains("chạy dưới tài khoản nobody, người không sở hữu kho dữ liệu (chỉ root mới được chạy máy chủ của kho)"),
        "{err}"
    );
    let _ = std::fs::remove_file(socket_path(&mine.db));
    let c = {
        let _server = Server::start(&mine.db);
        let c = client(&mine.db, None);
        c.state(&plan_of(&c), "I.3").expect("state").progress
    };
    assert_eq!(c, 0, "the refused edit went nowhere");
}

#[test]
fn the_socket_is_never_chmodded_through_its_public_name() {
    // A chmod by path after bind follows whatever a group member swapped in (a symlink to a
    // file of the server's user). Watch every chmod the server makes, with strace.
    let traced = Command::new("strace")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !traced {
        eprintln!("skipped: strace is not installed");
        return;
    }
    let s = store();
    std::fs::set_permissions(&s.db, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let trace = s.db.parent().expect("parent").join("trace");
    let mut cmd = Command::new("strace");
    cmd.args(["-f", "-qq", "-e", "trace=chmod,fchmodat", "-o"])
        .arg(&trace)
        .arg(BIN);
    let mut server = Server::start_with(&s.db, &mut cmd, &["--idle-exit", "1"]);
    let mode = std::fs::metadata(socket_path(&s.db))
        .expect("socket")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o666, "the socket still gets its mode");
    // (SIGTERM would reach strace, not the server: let it leave when idle.)
    assert!(wait_until(Duration::from_secs(10), || server.exited()));
    let text = std::fs::read_to_string(&trace).expect("trace");
    let public = socket_path(&s.db).display().to_string();
    let by_public_name: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("chmod") && l.contains(&format!("\"{public}\"")))
        .collect();
    assert!(
        by_public_name.is_empty(),
        "chmod by the public path: {by_public_name:?}"
    );
    assert!(
        text.contains("chmod"),
        "strace saw the mode being set: {text}"
    );
}

#[test]
fn the_server_logs_to_a_file_with_the_stores_permissions() {
    let s = store();
    {
        let _server = Server::start(&s.db);
        cli_ok(&s.db, &["set", "I.1", "--progress", "10"]);
    }
    let log = s.db.join("steerdeck.log");
    let text = std::fs::read_to_string(&log).expect("a log");
    assert!(text.contains("steerdeck serve: serving"), "{text}");
    let mode = std::fs::metadata(&log).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "private like the store");
}

#[test]
fn an_auto_started_server_that_fails_says_why() {
    let s = store();
    cli_ok(&s.db, &["set", "I.1", "--progress", "10"]);
    assert!(wait_until(Duration::from_secs(10), || {
        !steerdeck::store::disk::is_locked(&s.db)
    }));
    // The log damaged: the server started by the next command cannot open the store.
    let log = s.db.join("db");
    let mut bytes = std::fs::read(&log).expect("log");
    let mut found = false;
    for offset in (64..bytes.len()).step_by(97) {
        bytes[offset] ^= 0x10;
        std::fs::write(&log, &bytes).expect("write");
        if disk::check_on_copy(&s.db).is_err() {
            found = true;
            break;
        }
        bytes[offset] ^= 0x10;
    }
    assert!(found, "could not damage the store");
    let out = cli_with(&mut Command::new(BIN), &s.db, &["--lang", "en", "list"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "could not start the steerdeck server for {} because cannot open the store at {}: the store's files are damaged",
            s.db.display(),
            s.db.display()
        )),
        "{err}"
    );
    assert!(err.contains("left exactly as they were"), "{err}");
    // Our sentence in the interface language, and the server's reason too (the session passes
    // its language to the server it starts).
    let out = cli_with(&mut Command::new(BIN), &s.db, &["list"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "steerdeck: lỗi: không khởi động được máy chủ steerdeck cho {}; máy chủ báo: không mở được kho dữ liệu tại {}",
            s.db.display(),
            s.db.display()
        )),
        "{err}"
    );
}

#[test]
fn group_membership_is_the_kernels_not_etc_group() {
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipped: only root can run a client as another user here");
        return;
    }
    let setpriv = Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !setpriv {
        eprintln!("skipped: setpriv is not installed");
        return;
    }
    // Group 4242 is in no /etc/group line: membership known only to the kernel (as with LDAP).
    let s = store();
    let parent = s.db.parent().expect("parent");
    std::fs::set_permissions(parent, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::os::unix::fs::chown(&s.db, Some(0), Some(4242)).expect("chown");
    std::fs::set_permissions(&s.db, std::fs::Permissions::from_mode(0o2770)).expect("chmod");
    let _server = Server::start(&s.db);
    let as_nobody = |groups: &[&str]| {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid", "65534", "--regid", "65534"])
            .args(groups)
            .arg(BIN)
            .env("HOME", "/nonexistent");
        cmd
    };
    let reachable = as_nobody(&["--clear-groups"])
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !reachable {
        eprintln!("skipped: user nobody cannot run {BIN} from this checkout");
        return;
    }
    let member = cli_with(
        &mut as_nobody(&["--groups", "4242"]),
        &s.db,
        &["set", "I.1", "--progress", "9"],
    );
    assert!(
        member.status.success(),
        "a member by the kernel's word was refused: {}",
        String::from_utf8_lossy(&member.stderr)
    );
    let outsider = cli_with(
        &mut as_nobody(&["--clear-groups"]),
        &s.db,
        &["set", "I.1", "--progress", "10"],
    );
    // Without the group nobody cannot even enter the 2770 directory.
    assert!(!outsider.status.success());
    let c = client(&s.db, None);
    assert_eq!(c.state(&plan_of(&c), "I.1").expect("state").progress, 9);
}

#[test]
fn a_session_of_someone_else_does_not_start_a_server_others_would_refuse() {
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipped: only root can run a client as another user here");
        return;
    }
    // A store of nobody's, in a directory root may enter; no server runs.
    let theirs = tempfile::tempdir().expect("tempdir");
    std::fs::set_permissions(theirs.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let db = theirs.path().join("db");
    support::make_private_dir(&db);
    std::os::unix::fs::chown(&db, Some(65534), Some(65534)).expect("chown");
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let err = refused(&db, &["--lang", "en", "list"]);
    assert!(
        err.contains("only the store's owner (nobody) may run its server, so none was started"),
        "{err}"
    );
    let err = refused(&db, &["list"]);
    assert!(
        err.contains("chỉ chủ sở hữu kho dữ liệu (nobody) mới được chạy máy chủ của kho, nên chưa có máy chủ nào được khởi động"),
        "{err}"
    );
    assert!(!socket_path(&db).exists(), "no server was started");
}
