//! Faults under a running server: a full disk (a small tmpfs, so root only), after which the
//! server says which store failed and why, exits non-zero to be restarted, and the store works
//! again once there is room, with every acknowledged edit in it.
#![cfg(target_os = "linux")]
#![allow(clippy::panic)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use steerdeck::server::{ConnectOptions, RemoteStore};
use steerdeck::store::{Command as StoreCommand, Event, Outcome, PlanStore, Update};
use support::{Server, client, plan_of, wait_until};

/// A small tmpfs, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Option<SmallDisk> {
        if !rustix::process::geteuid().is_root() {
            return None;
        }
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Fills the file system with one file until it is full; returns its path.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write;
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).expect("filler");
    let chunk = vec![0xA5u8; 4096];
    while f.write_all(&chunk).is_ok() {}
    let _ = f.sync_all();
    path
}

fn note(plan: &str, n: usize) -> StoreCommand {
    StoreCommand::Update(Update {
        plan: plan.into(),
        task: "I.1".into(),
        note: Some(format!("{n}: {}", "ghi chú ".repeat(300))),
        ..Update::default()
    })
}

#[test]
fn after_a_full_disk_the_server_says_why_exits_and_the_store_recovers() {
    let Some(disk) = SmallDisk::mount("8m") else {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
        return;
    };
    let db = disk.path().join("db");
    support::make_private_dir(&db);
    let mut server = Server::start(&db);
    let c = client(&db, None);
    let plan = plan_of(&c);
    let filler = fill(disk.path());
    let mut acked: Vec<Event> = Vec::new();
    let mut failure = None;
    for n in 0..400 {
        match c.execute(&c.actor(), note(&plan, n)) {
            Ok(Outcome::Updated { events }) => acked.extend(events),
            Ok(other) => panic!("{other:?}"),
            Err(e) => {
                failure = Some(e.to_string());
                break;
            }
        }
    }
    let failure = failure.expect("a full disk makes an edit fail");
    assert!(
        failure.contains(&format!(
            "cannot read or write the store at {}",
            db.display()
        )),
        "{failure}"
    );
    assert!(failure.contains("No space left on device"), "{failure}");
    assert!(!failure.contains("Os {"), "a debug dump: {failure}");
    // It does not stay up answering with the same error: it exits, non-zero.
    assert!(
        wait_until(Duration::from_secs(10), || server.exited()),
        "the server stayed up after a store error"
    );
    let status = server.terminate();
    assert!(status.is_none_or(|s| !s.success()), "{status:?}");
    let log = std::fs::read_to_string(db.join("steerdeck.log")).unwrap_or_default();
    assert!(log.contains("No space left on device"), "{log}");
    // Room again: a new server opens the store; every acknowledged edit is there.
    std::fs::remove_file(filler).expect("free the space");
    let _server = Server::start(&db);
    let c = RemoteStore::connect(ConnectOptions::new(&db)).expect("reconnects");
    let history = c.history(&plan, Some("I.1")).expect("history");
    for e in &acked {
        assert!(history.contains(e), "acknowledged but lost: seq {}", e.seq);
    }
    c.execute(&c.actor(), note(&plan, 999))
        .expect("edits work again");
}
