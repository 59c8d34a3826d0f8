//! A server started on a store that was closed cleanly answers a screen's first questions from
//! what the close left (`store::handover`) while sled opens the store, and never from anything
//! else: not after a change, not after a crash, not from a damaged or stale file.
#![cfg(target_os = "linux")]
#![allow(clippy::panic)]

mod support;

use std::path::Path;
use std::sync::Arc;

use steerdeck::domain::Status;
use steerdeck::store::handover::{self, Handover};
use steerdeck::store::{Command, PlanData, PlanStore, Update, disk};
use support::{Server, client, plan_of, store};

fn progress(plan: &str, task: &str, percent: u8) -> Command {
    Command::Update(Update {
        plan: plan.into(),
        task: task.into(),
        status: Some(Status::InProgress),
        progress: Some(percent),
        ..Update::default()
    })
}

fn as_json(data: &PlanData) -> serde_json::Value {
    serde_json::to_value(data).expect("json")
}

/// What the last clean close of `db` left, if it is to be believed.
fn left(db: &Path) -> Option<handover::Left> {
    handover::read(db, &disk::clean_files(db)?)
}

/// A store whose task I.1 was set to 40 % through a server, which then stopped cleanly: the
/// store, its plan, the plan as the server last gave it, and the sequence number then.
fn closed_with_an_edit() -> (support::Store, String, PlanData, u64) {
    let s = store();
    let mut server = Server::start(&s.db);
    let c = client(&s.db, None);
    let plan = plan_of(&c);
    c.execute(&c.actor(), progress(&plan, "I.1", 40))
        .expect("edit");
    let before = c.load(&plan).expect("load");
    let seq = c.last_seq().expect("seq");
    drop(c);
    assert_eq!(server.terminate().and_then(|st| st.code()), Some(0));
    (s, plan, before, seq)
}

#[test]
fn the_first_answers_come_from_the_close_and_every_later_one_from_the_store() {
    let (s, plan, before, seq) = closed_with_an_edit();
    let h = left(&s.db).expect("a clean close leaves the answer");
    assert_eq!((h.plan.as_str(), h.last_seq), (plan.as_str(), seq));

    // Started again: the same plan, the same sequence number, the edit in it.
    let mut server = Server::start(&s.db);
    let c = client(&s.db, None);
    assert_eq!(c.active().expect("active").as_deref(), Some(plan.as_str()));
    assert_eq!(c.last_seq().expect("seq"), seq);
    let again = c.load(&plan).expect("load");
    assert_eq!(as_json(&again), as_json(&before));
    assert_eq!(again.states["I.1"].progress, 40);
    // Another plan is the store's to answer.
    let other = c.load("2024").expect_err("no such plan");
    assert!(
        matches!(other, steerdeck::store::StoreError::NoSuchPlan(ref p) if p == "2024"),
        "{other:?}"
    );

    // A change waits for sled to open the store, and from then on the store answers.
    c.execute(&c.actor(), progress(&plan, "I.2", 70))
        .expect("an edit on a server started from the close");
    let after = c.load(&plan).expect("load");
    assert_eq!(after.states["I.2"].progress, 70, "the edit is in the plan");
    assert_eq!(after.states["I.1"].progress, 40);
    assert!(c.last_seq().expect("seq") > seq);
    drop(c);
    assert_eq!(server.terminate().and_then(|st| st.code()), Some(0));

    let _server = Server::start(&s.db);
    let c = client(&s.db, None);
    assert_eq!(
        as_json(&c.load(&plan).expect("load")),
        as_json(&after),
        "the next close left the plan with both edits"
    );
}

#[test]
fn after_a_crash_the_store_answers_not_what_an_earlier_close_left() {
    let (s, plan, _, _) = closed_with_an_edit();
    assert!(left(&s.db).is_some());

    // An acknowledged edit, then the server is killed: the close's answer no longer holds.
    let mut server = Server::start(&s.db);
    let c = client(&s.db, None);
    c.execute(&c.actor(), progress(&plan, "I.1", 90))
        .expect("edit");
    drop(c);
    server.kill9();
    assert!(
        disk::clean_files(&s.db).is_none() && left(&s.db).is_none(),
        "the files are no longer those the close recorded, and its answer is not believed"
    );

    let _server = Server::start(&s.db);
    let c = client(&s.db, None);
    assert_eq!(c.load(&plan).expect("load").states["I.1"].progress, 90);
}

#[test]
fn the_server_answers_from_what_the_close_left_and_a_stop_leaves_it_standing() {
    let s = store();
    let mut server = Server::start(&s.db);
    let c = client(&s.db, None);
    let plan = plan_of(&c);
    let data = c.load(&plan).expect("load");
    drop(c);
    server.terminate();
    let h = left(&s.db).expect("left");

    // Left with one title changed (and its checksum made right): a server that answers from
    // the file says so; one that read the store would not.
    let mut marked = data.clone();
    marked.plan.title = "đã để lại khi đóng".into();
    let files = disk::clean_files(&s.db).expect("closed cleanly");
    handover::write(
        &s.db,
        &Handover {
            answer: Arc::new(serde_json::to_vec(&marked).expect("json")),
            plan: h.plan,
            last_seq: h.last_seq,
            store: h.store,
        },
        &files,
    )
    .expect("write");
    let mut server = Server::start(&s.db);
    let c = client(&s.db, None);
    assert_eq!(
        c.load(&plan).expect("load").plan.title,
        "đã để lại khi đóng"
    );
    drop(c);
    server.terminate();
    assert_eq!(
        disk::clean_files(&s.db).as_deref(),
        Some(files.as_str()),
        "a server nobody needed the store of leaves its files as they were"
    );
    assert!(left(&s.db).is_some(), "and what the close left still holds");

    // Damaged: not read; the store answers.
    let path = s.db.join(handover::HANDOVER_FILE);
    let mut bytes = std::fs::read(&path).expect("read");
    let last = bytes.len() - 2;
    bytes[last] ^= 0x20;
    std::fs::write(&path, &bytes).expect("write");
    let _server = Server::start(&s.db);
    let c = client(&s.db, None);
    assert_eq!(c.load(&plan).expect("load").plan.title, data.plan.title);
}
