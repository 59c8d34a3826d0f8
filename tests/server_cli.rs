//! The server seen from outside: the CLI with and without a running server, who the history
//! names, another OS user, and messages that are not the protocol.
#![cfg(target_os = "linux")]
#![allow(clippy::panic)]

mod support;

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::process::Command;

use steerdeck::server::protocol::MAX_REQUEST;
use steerdeck::server::socket_path;
use steerdeck::store::PlanStore;
use support::{BIN, Raw, Server, cli, cli_ok, cli_with, client, plan_of, store};

fn rows(db: &std::path::Path) -> Vec<serde_json::Value> {
    let out = cli_ok(db, &["list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    v.as_array().expect("array").clone()
}

fn row<'a>(rows: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    rows.iter().find(|r| r["id"] == id).expect("the task")
}

#[test]
fn the_cli_starts_a_server_when_none_runs() {
    let s = store();
    cli_ok(&s.db, &["set", "I.1", "--status", "in-progress"]);
    assert!(socket_path(&s.db).exists(), "a server was started");
    assert_eq!(row(&rows(&s.db), "I.1")["status"], "in-progress");
}

#[test]
fn the_cli_uses_a_running_server() {
    let s = store();
    let server = Server::start(&s.db);
    cli_ok(&s.db, &["set", "I.2", "--progress", "40"]);
    assert_eq!(row(&rows(&s.db), "I.2")["progress"], 40);
    let c = client(&s.db, None);
    let plan = plan_of(&c);
    assert_eq!(c.state(&plan, "I.2").expect("state").progress, 40);
    assert!(server.pid() > 0);
}

#[test]
fn two_cli_processes_at_once_both_succeed() {
    let s = store();
    // No server yet: both race to start one; one server wins, both edits land.
    let run = |task: &'static str, text: &'static str| {
        let db = s.db.clone();
        std::thread::spawn(move || {
            cli_with(&mut Command::new(BIN), &db, &["set", task, "--note", text])
        })
    };
    let (a, b) = (run("I.3", "một"), run("I.4", "hai"));
    for out in [a.join().expect("a"), b.join().expect("b")] {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
    }
    let rows = rows(&s.db);
    assert_eq!(row(&rows, "I.3")["notes"][0], "một");
    assert_eq!(row(&rows, "I.4")["notes"][0], "hai");
}

#[test]
fn user_cannot_replace_the_login() {
    let s = store();
    let _server = Server::start(&s.db);
    let login = client(&s.db, None).login().to_string();
    cli_ok(
        &s.db,
        &["--user", "nobody", "set", "I.1", "--progress", "5"],
    );
    cli_ok(&s.db, &["--user", &login, "set", "I.1", "--progress", "6"]);
    // A hand-made request naming someone else is recorded under the login all the same.
    let mut raw = Raw::greeted(&s.db);
    raw.send(br#"{"id":1,"op":"execute","actor":{"user":"nobody"},"who":"nobody","command":{"command":"update","plan":"2025","task":"I.1","progress":7}}"#);
    let answer = raw.recv().expect("answer");
    assert_eq!(answer["id"], 1, "{answer}");
    assert_eq!(answer["ok"]["events"][0]["who"], login.as_str());
    let c = client(&s.db, None);
    let who: Vec<String> = c
        .history(&plan_of(&c), Some("I.1"))
        .expect("history")
        .into_iter()
        .map(|e| e.who)
        .collect();
    // The first progress also records the status it implies (not started → in progress).
    assert_eq!(
        who,
        vec![
            format!("nobody ({login})"),
            format!("nobody ({login})"),
            login.clone(),
            login.clone()
        ]
    );
}

#[test]
fn another_os_user_reads_but_cannot_edit() {
    if !rustix::process::geteuid().is_root() {
        eprintln!("skipped: only root can run a client as another user here");
        return;
    }
    let s = store();
    let parent = s.db.parent().expect("parent");
    std::fs::set_permissions(parent, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::set_permissions(&s.db, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let _server = Server::start(&s.db);
    let mode = std::fs::metadata(socket_path(&s.db))
        .expect("socket")
        .permissions();
    assert_eq!(
        mode.mode() & 0o777,
        0o666,
        "a 0755 directory gives a 0666 socket"
    );
    let as_nobody = || {
        let mut cmd = Command::new(BIN);
        // nobody's own home, not the one of the user running the tests.
        cmd.uid(65534).gid(65534).env("HOME", "/nonexistent");
        cmd.env_remove("XDG_CONFIG_HOME");
        cmd
    };
    // nobody must be able to reach the binary (a checkout under a private home is not).
    let reachable = as_nobody()
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !reachable {
        eprintln!("skipped: user nobody cannot run {BIN} from this checkout");
        return;
    }
    let listed = cli_with(&mut as_nobody(), &s.db, &["list", "--format", "json"]);
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    let refused = cli_with(
        &mut as_nobody(),
        &s.db,
        &["--lang", "en", "set", "I.1", "--progress", "9"],
    );
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains("nobody may read this store but not change it: changes are for root only"),
        "{err}"
    );
    // The server sends who may edit as data; the client says it in the interface language.
    let refused = cli_with(&mut as_nobody(), &s.db, &["set", "I.1", "--progress", "9"]);
    assert!(!refused.status.success());
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(
        err.contains(
            "steerdeck: lỗi: nobody chỉ được xem kho dữ liệu này, không được thay đổi: chỉ root được thay đổi"
        ),
        "{err}"
    );
    let c = client(&s.db, None);
    assert_eq!(c.state(&plan_of(&c), "I.1").expect("state").progress, 0);
}

#[test]
fn bad_messages_are_refused_and_the_server_keeps_serving() {
    let s = store();
    let _server = Server::start(&s.db);
    let mut raw = Raw::greeted(&s.db);
    raw.send(b"{\"id\": 1, \"op\": ");
    let e = raw.recv().expect("an answer");
    assert_eq!(e["error"]["kind"], "bad_request");
    let m = e["error"]["message"].as_str().expect("message");
    assert!(m.starts_with("the request is not valid JSON"), "{m}");
    raw.send(br#"{"id":2,"op":"drop_tables"}"#);
    let e = raw.recv().expect("an answer");
    assert_eq!(e["id"], 2);
    assert_eq!(
        e["error"]["message"],
        "unknown operation 'drop_tables'; the operations are plans, active, load, state, history, execute, last_seq, watch, task, select, import_begin, import_more, import_commit, backup"
    );
    raw.send(br#"{"id":3,"op":"load"}"#);
    let e = raw.recv().expect("an answer");
    assert_eq!(
        e["error"]["message"],
        "the 'load' request is not valid: missing field `plan`"
    );
    raw.send(br#"{"id":4,"op":"active"}"#);
    assert_eq!(raw.recv().expect("the connection is kept")["ok"], "2025");

    // Over the limit: refused, and that connection is closed.
    let (mut big, _) = Raw::connect(&s.db);
    big.send(br#"{"steerdeck":1,"version":"test"}"#);
    let mut writer = big.writer.try_clone().expect("clone");
    let flood = std::thread::spawn(move || {
        let line = vec![b' '; MAX_REQUEST + 10];
        let _ = std::io::Write::write_all(&mut writer, &line); // cut off by the server
    });
    let e = big.recv().expect("an answer");
    assert_eq!(e["error"]["kind"], "too_long");
    assert_eq!(
        e["error"]["message"],
        "the request is longer than 4194304 bytes (4 MiB); the connection is closed"
    );
    assert!(big.recv().is_none(), "closed after an oversized line");
    flood.join().expect("flood");

    // Another protocol version: told so in a sentence, then closed.
    let (mut old, hello) = Raw::connect(&s.db);
    assert_eq!(hello["steerdeck"], 1);
    old.send(br#"{"steerdeck":99,"version":"9.9.9"}"#);
    let e = old.recv().expect("an answer");
    assert_eq!(e["error"]["kind"], "version");
    let m = e["error"]["message"].as_str().expect("message");
    assert!(
        m.starts_with("the steerdeck server speaks protocol 1, this client speaks 99: restart the server or use the same steerdeck version"),
        "{m}"
    );
    assert!(old.recv().is_none());

    // A first line that is no hello at all.
    let (mut rude, _) = Raw::connect(&s.db);
    rude.send(br#"{"id":1,"op":"plans"}"#);
    let e = rude.recv().expect("an answer");
    assert_eq!(e["error"]["kind"], "bad_request");

    // Everyone else is still served.
    raw.send(br#"{"id":5,"op":"last_seq"}"#);
    assert_eq!(raw.recv().expect("still served")["id"], 5);
    let c = client(&s.db, None);
    assert_eq!(c.plans().expect("plans").len(), 1);
    assert!(cli(&s.db, &["plans"]).status.success());
}

#[test]
fn store_files_are_private_unless_the_directory_is_shared_with_a_group() {
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    let private = store();
    {
        let _server = Server::start(&private.db);
        cli_ok(&private.db, &["set", "I.1", "--progress", "10"]);
    }
    assert_eq!(mode(&private.db), 0o700);
    assert_eq!(mode(&private.db.join("db")), 0o600);
    let shared = store();
    std::fs::set_permissions(&shared.db, std::fs::Permissions::from_mode(0o2770)).expect("chmod");
    {
        let _server = Server::start(&shared.db);
        cli_ok(&shared.db, &["set", "I.1", "--progress", "10"]);
    }
    assert_eq!(
        mode(&shared.db.join("db")),
        0o660,
        "the group can use the store's files"
    );
}
