//! Limits of the server seen from a session: an oversized request is reported as the server
//! answered it, a connection silent for too long is closed and the session reconnects by
//! itself (a change feed is not closed), and `set --if-status/--if-progress` for scripts.
#![cfg(target_os = "linux")]
#![allow(clippy::panic)]

mod support;

use std::fmt::Write as _;
use std::sync::mpsc;
use std::time::Duration;

use steerdeck::server::{ConnectOptions, WatchEvent, watch_with};
use steerdeck::store::{Command, PlanStore, Update};
use support::{Raw, Server, cli, cli_ok, client, plan_of, store};

#[test]
fn a_request_over_the_limit_reports_the_servers_answer() {
    let s = store();
    let _server = Server::start(&s.db);
    let c = client(&s.db, None);
    let plan = plan_of(&c);
    // A note of 5 MiB: one request line over the server's limit.
    let note = "Ý kiến rất dài. ".repeat(5 * 1024 * 1024 / 16);
    let upd = Command::Update(Update {
        plan: plan.clone(),
        task: "I.1".into(),
        note: Some(note),
        ..Update::default()
    });
    let e = c.execute(&c.actor(), upd).expect_err("too long");
    let msg = e.to_string();
    assert!(
        msg.contains("the request is longer than 4194304 bytes (4 MiB)"),
        "{msg}"
    );
    assert!(!msg.contains("lost the connection"), "{msg}");
    let c = client(&s.db, None);
    assert!(c.state(&plan, "I.1").expect("state").notes.is_empty());
}

#[test]
fn an_import_larger_than_one_request_goes_through() {
    let s = store();
    let _server = Server::start(&s.db);
    let mut plan = String::from(
        "name = \"big\"\ntitle = \"Big\"\nyear = 2025\n\n[[pillars]]\nkey = \"p\"\nnumeral = \"I\"\nvi = \"Trụ cột\"\nen = \"Pillar\"\n",
    );
    let long = "Nhiệm vụ rất dài ".repeat(20);
    for i in 0..16_000 {
        let _ = write!(
            plan,
            "\n[[tasks]]\nid = \"I.{i}\"\npillar = \"p\"\ntitle = \"{long}{i}\"\ntimeframe = \"Năm 2025\"\nlead = [\"Cục CNTT\"]\nsupport = []\n"
        );
    }
    assert!(plan.len() > steerdeck::server::protocol::MAX_REQUEST);
    let file = s.db.parent().expect("parent").join("big.toml");
    std::fs::write(&file, plan).expect("write");
    cli_ok(&s.db, &["import", file.to_str().expect("utf-8")]);
    assert_eq!(cli_ok(&s.db, &["plans"]).matches("big").count(), 1);
    let c = client(&s.db, None);
    assert_eq!(c.load("big").expect("load").plan.tasks.len(), 16_000);
}

#[test]
fn a_silent_connection_is_closed_and_sessions_carry_on() {
    let s = store();
    let _server = Server::start_with(
        &s.db,
        &mut std::process::Command::new(support::BIN),
        &["--idle-conn", "1"],
    );
    let mut raw = Raw::greeted(&s.db);
    let c = client(&s.db, None);
    let plan = plan_of(&c);
    let (tx, rx) = mpsc::channel();
    let _watcher = watch_with(ConnectOptions::new(&s.db), move |e| {
        let _ = tx.send(e);
    });
    assert!(matches!(
        rx.recv_timeout(Duration::from_secs(5)),
        Ok(WatchEvent::Connected { .. })
    ));
    std::thread::sleep(Duration::from_millis(1600));
    assert!(raw.recv().is_none(), "a silent connection is closed");
    // The session's own connection was closed too; its edit goes through a new one, and is
    // not reported as "may or may not have been saved".
    let edit = Command::Update(Update {
        plan: plan.clone(),
        task: "I.1".into(),
        progress: Some(42),
        ..Update::default()
    });
    c.execute(&c.actor(), edit).expect("the edit is sent anew");
    // The change feed stayed open: it hears of the edit without a reconnect.
    match rx.recv_timeout(Duration::from_secs(5)) {
        Ok(WatchEvent::Changed { .. }) => {}
        other => panic!("the feed should have stayed open and heard the edit: {other:?}"),
    }
    assert_eq!(c.state(&plan, "I.1").expect("state").progress, 42);
}

#[test]
fn set_refuses_unless_the_task_is_as_the_script_expects() {
    let s = store();
    let _server = Server::start(&s.db);
    cli_ok(&s.db, &["set", "I.1", "--status", "in-progress"]);
    let ok = cli(
        &s.db,
        &[
            "set",
            "I.1",
            "--if-status",
            "in-progress",
            "--if-progress",
            "0",
            "--progress",
            "30",
        ],
    );
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    for args in [
        &["set", "I.1", "--if-status", "blocked", "--note", "x"][..],
        &["set", "I.1", "--if-progress", "10", "--progress", "50"][..],
    ] {
        let out = cli(&s.db, args);
        assert!(!out.status.success(), "{args:?} was applied");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("sau khi bạn xem") && err.contains("chưa lưu gì"),
            "{err}"
        );
    }
    let c = client(&s.db, None);
    let st = c.state(&plan_of(&c), "I.1").expect("state");
    assert_eq!(st.progress, 30);
    assert!(st.notes.is_empty());
}

/// A connection the server answers a request on (retried while the server is full).
fn served_connection(db: &std::path::Path) -> std::os::unix::net::UnixStream {
    use std::io::{BufRead, BufReader, Write};
    for _ in 0..100 {
        let Ok(mut s) = std::os::unix::net::UnixStream::connect(steerdeck::server::socket_path(db))
        else {
            continue;
        };
        let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
        let mut reader = BufReader::new(s.try_clone().expect("clone"));
        let mut line = String::new();
        let _ = reader.read_line(&mut line); // the hello
        let sent = s
            .write_all(b"{\"steerdeck\":1,\"version\":\"test\"}\n{\"id\":1,\"op\":\"active\"}\n")
            .is_ok();
        line.clear();
        if sent && reader.read_line(&mut line).is_ok() && line.contains("\"ok\"") {
            return s;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the server never served a connection");
}

#[test]
fn connections_over_the_cap_are_refused_with_a_sentence_and_the_rest_served() {
    let s = store();
    let _server = Server::start_with(
        &s.db,
        &mut std::process::Command::new(support::BIN),
        &["--max-conns", "3"],
    );
    // Three connections that are served (the start-up probe's may still be counted for a moment:
    // a refused attempt is tried again).
    let held: Vec<_> = (0..3).map(|_| served_connection(&s.db)).collect();
    let (mut over, e) = Raw::connect(&s.db);
    assert_eq!(
        e["error"]["message"],
        "the steerdeck server already serves 3 sessions; close one and try again"
    );
    assert!(over.recv().is_none(), "then closed");
    // A session is told the same sentence.
    let refused = steerdeck::server::RemoteStore::connect(ConnectOptions::new(&s.db))
        .err()
        .expect("refused while full");
    assert_eq!(
        refused.to_string(),
        "the steerdeck server already serves 3 sessions; close one and try again"
    );
    drop(held);
    // Room again once they leave.
    assert!(support::wait_until(Duration::from_secs(5), || {
        steerdeck::server::RemoteStore::connect(ConnectOptions::new(&s.db))
            .is_ok_and(|c| c.active().is_ok_and(|a| a.as_deref() == Some("2025")))
    }));
}
