//! `steerdeck backup`, `restore` and `doctor` through the CLI, with and without a server; and
//! the generated completions and manual page.
#![cfg(target_os = "linux")]
#![allow(clippy::panic)]

mod support;

use std::time::Duration;

use steerdeck::store::disk;
use support::{Server, cli, cli_ok, store, wait_until};

fn damage(db: &std::path::Path) {
    let log = db.join("db");
    let mut bytes = std::fs::read(&log).expect("log");
    for offset in (64..bytes.len()).step_by(97) {
        bytes[offset] ^= 0x10;
        std::fs::write(&log, &bytes).expect("write");
        if disk::check_on_copy(db).is_err() {
            return;
        }
        bytes[offset] ^= 0x10;
    }
    panic!("could not damage the store");
}

#[test]
fn a_backup_taken_while_the_server_runs_restores_to_the_same_store() {
    let s = store();
    let _server = Server::start(&s.db);
    for (task, p) in [("I.1", "10"), ("II.2", "20"), ("I.1", "30")] {
        cli_ok(&s.db, &["set", task, "--progress", p, "--note", "ghi chú"]);
    }
    let file = s.db.parent().expect("parent").join("backup.json");
    let said = cli_ok(&s.db, &["backup", "--out", file.to_str().expect("utf-8")]);
    assert!(said.starts_with("Đã sao lưu kho "), "{said}");
    assert!(said.contains("sự kiện lịch sử"), "{said}");
    let restored = s.db.parent().expect("parent").join("restored");
    let said = cli_ok(&restored, &["restore", file.to_str().expect("utf-8")]);
    assert!(said.starts_with("Đã khôi phục kho "), "{said}");
    assert_eq!(
        disk::store_id(&restored),
        disk::store_id(&s.db),
        "same identity"
    );
    for args in [
        &["list", "--format", "json"][..],
        &["history", "--format", "json"][..],
    ] {
        assert_eq!(cli_ok(&s.db, args), cli_ok(&restored, args), "{args:?}");
    }
    // Never over an existing store: it is left as it was.
    let before = cli_ok(&restored, &["history", "--format", "json"]);
    let out = cli(&restored, &["restore", file.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("a store is already there"), "{err}");
    assert_eq!(cli_ok(&restored, &["history", "--format", "json"]), before);
    // A cut backup is refused with a sentence.
    let text = std::fs::read(&file).expect("read");
    let cut = file.with_extension("cut");
    std::fs::write(&cut, &text[..text.len() / 2]).expect("write");
    let fresh = s.db.parent().expect("parent").join("fresh");
    let out = cli(&fresh, &["restore", cut.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not a steerdeck backup, or it is cut short"),
        "{err}"
    );
    assert!(!disk::holds_store(&fresh), "nothing half-restored");
}

#[test]
fn a_backup_taken_during_edits_is_consistent() {
    use steerdeck::store::{Command, PlanStore, Update};
    let s = store();
    let _server = Server::start(&s.db);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let editor = {
        let (db, stop) = (s.db.clone(), stop.clone());
        std::thread::spawn(move || {
            let c = support::client(&db, None);
            let mut n = 0u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                let note = Command::Update(Update {
                    plan: "2025".into(),
                    task: "I.1".into(),
                    note: Some(format!("n{n}")),
                    ..Update::default()
                });
                c.execute(&c.actor(), note).expect("edit");
                n += 1;
            }
            n
        })
    };
    let dir = s.db.parent().expect("parent");
    for i in 0..3 {
        let file = dir.join(format!("b{i}.json"));
        cli_ok(&s.db, &["backup", "--out", file.to_str().expect("utf-8")]);
        let restored = dir.join(format!("r{i}"));
        cli_ok(&restored, &["restore", file.to_str().expect("utf-8")]);
        let local = steerdeck::store::SledStore::open(&restored).expect("open");
        let notes = local.state("2025", "I.1").expect("state").notes.len();
        let events = local.history("2025", Some("I.1")).expect("history").len();
        assert_eq!(notes, events, "backup {i}: the state and the history agree");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(editor.join().expect("editor") > 0);
}

#[test]
fn doctor_checks_with_and_without_a_server_and_changes_nothing() {
    let s = store();
    cli_ok(&s.db, &["set", "I.1", "--progress", "10"]);
    assert!(wait_until(Duration::from_secs(10), || !disk::is_locked(
        &s.db
    )));
    let said = cli_ok(&s.db, &["doctor"]);
    assert!(said.contains("Không phát hiện lỗi nào."), "{said}");
    assert!(said.contains("kế hoạch 2025"), "{said}");
    let said = cli_ok(&s.db, &["--lang", "en", "doctor"]);
    assert!(said.contains("No problems found."), "{said}");
    assert!(said.contains("plan(s) 2025"), "{said}");
    {
        let _server = Server::start(&s.db);
        let said = cli_ok(&s.db, &["doctor"]);
        assert!(said.contains("Không phát hiện lỗi nào."), "{said}");
    }
    let _ = std::fs::remove_file(steerdeck::server::socket_path(&s.db));
    damage(&s.db);
    let before = std::fs::read(s.db.join("db")).expect("log");
    let out = cli(&s.db, &["--lang", "en", "doctor"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the store's files are damaged"), "{err}");
    assert!(err.contains("left exactly as they were"), "{err}");
    let out = cli(&s.db, &["doctor"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("các tệp của kho dữ liệu bị hỏng"), "{err}");
    assert!(err.contains("được giữ nguyên như cũ"), "{err}");
    assert_eq!(std::fs::read(s.db.join("db")).expect("log"), before);
    let empty = store();
    let out = cli(&empty.db, &["doctor"]);
    assert!(!out.status.success());
    assert!(
        !disk::holds_store(&empty.db),
        "doctor does not create a store"
    );
}

#[test]
fn completions_and_the_manual_page_come_from_the_command_line() {
    let s = store();
    let bash = cli_ok(&s.db, &["completions", "bash"]);
    assert!(
        bash.contains("steerdeck") && bash.contains("doctor"),
        "{bash}"
    );
    let zsh = cli_ok(&s.db, &["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef steerdeck"), "{zsh}");
    let man = cli_ok(&s.db, &["man"]);
    assert!(man.contains(".TH steerdeck"), "{man}");
    assert!(man.contains("backup"), "{man}");
    assert!(!disk::holds_store(&s.db), "no store was created for these");
}
