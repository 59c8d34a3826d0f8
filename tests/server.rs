//! Several sessions on one store through a real `steerdeck serve` process: concurrent edits,
//! conflicts, change feeds, and a server killed with SIGKILL mid-stream.
#![cfg(target_os = "linux")]
#![allow(clippy::panic)]

mod support;

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use steerdeck::server::{ConnectOptions, WatchEvent, watch_with};
use steerdeck::store::{Command, Event, Outcome, PlanStore, StoreError, Update};
use support::{Server, client, plan_of, store, wait_until};

fn note(plan: &str, task: &str, text: String) -> Command {
    Command::Update(Update {
        plan: plan.into(),
        task: task.into(),
        note: Some(text),
        ..Update::default()
    })
}

fn events(outcome: Outcome) -> Vec<Event> {
    match outcome {
        Outcome::Updated { events } => events,
        other => panic!("expected an update, got {other:?}"),
    }
}

#[test]
fn concurrent_clients_lose_nothing_and_stale_edits_are_refused() {
    const CLIENTS: usize = 5;
    const EDITS: u8 = 6;
    let s = store();
    let _server = Server::start(&s.db);
    let first = client(&s.db, None);
    let plan = plan_of(&first);
    let ids: Vec<String> = first.load(&plan).expect("load").plan.tasks[..=CLIENTS]
        .iter()
        .map(|t| t.id.clone())
        .collect();
    let shared_task = ids[CLIENTS].clone();

    let workers: Vec<_> = (0..CLIENTS)
        .map(|i| {
            let (db, plan, own, shared_task) = (
                s.db.clone(),
                plan.clone(),
                ids[i].clone(),
                shared_task.clone(),
            );
            std::thread::spawn(move || {
                let c = client(&db, Some(&format!("người {i}")));
                let mut acked = Vec::new();
                for n in 0..EDITS {
                    let own_edit = Command::Update(Update {
                        plan: plan.clone(),
                        task: own.clone(),
                        progress: Some(n * 10 + 10),
                        note: Some(format!("c{i} n{n}")),
                        ..Update::default()
                    });
                    acked.extend(events(c.execute(&c.actor(), own_edit).expect("own task")));
                    let on_shared = note(&plan, &shared_task, format!("shared c{i} n{n}"));
                    acked.extend(events(c.execute(&c.actor(), on_shared).expect("shared")));
                }
                acked
            })
        })
        .collect();
    let acked: Vec<Event> = workers
        .into_iter()
        .flat_map(|w| w.join().expect("worker"))
        .collect();
    // Own task: one progress event (carrying the note) per edit, and on the first one the status
    // event that progress on a not-started task makes it in progress; shared task: a note per
    // edit.
    assert_eq!(acked.len(), CLIENTS * usize::from(EDITS) * 2 + CLIENTS);
    let history = first.history(&plan, None).expect("history");
    for e in &acked {
        assert!(history.contains(e), "acknowledged but missing: {e:?}");
    }
    let seqs: BTreeSet<u64> = acked.iter().map(|e| e.seq).collect();
    assert_eq!(seqs.len(), acked.len(), "every event has its own seq");
    let login = first.login().to_string();
    assert!(acked.iter().any(|e| e.who == format!("người 3 ({login})")));
    let shared_notes = first.state(&plan, &shared_task).expect("state").notes;
    assert_eq!(shared_notes.len(), CLIENTS * usize::from(EDITS));
    for own in &ids[..CLIENTS] {
        let st = first.state(&plan, own).expect("state");
        assert_eq!(st.progress, EDITS * 10, "{own}: its client's last progress");
        assert_eq!(st.notes.len(), usize::from(EDITS), "{own}: every note");
    }

    // Same field, stale view: the later edit is refused and names the other person.
    let lan = client(&s.db, Some("Lan"));
    let minh = client(&s.db, Some("Minh"));
    let seen = lan.state(&plan, &ids[0]).expect("state").progress;
    let progress = |to: u8| {
        Command::Update(Update {
            plan: plan.clone(),
            task: ids[0].clone(),
            progress: Some(to),
            expect_progress: Some(seen),
            ..Update::default()
        })
    };
    minh.execute(&minh.actor(), progress(seen + 5))
        .expect("Minh's edit is first");
    let refused = lan
        .execute(&lan.actor(), progress(seen + 9))
        .expect_err("Lan's view is stale");
    match &refused {
        StoreError::Conflict {
            field, actual, by, ..
        } => {
            assert_eq!(field, "progress");
            assert_eq!(actual, &(seen + 5).to_string());
            assert_eq!(by, &format!("Minh ({login})"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert!(refused.to_string().contains("by Minh ("), "{refused}");
    let st = first.state(&plan, &ids[0]).expect("state");
    assert_eq!(st.progress, seen + 5, "Minh's edit stands");
}

#[test]
fn a_watcher_joining_while_edits_flow_is_told_of_changes() {
    let s = store();
    let _server = Server::start(&s.db);
    let writer = client(&s.db, None);
    let plan = plan_of(&writer);
    let stop = Arc::new(AtomicBool::new(false));
    let flow = {
        let (stop, db, plan) = (Arc::clone(&stop), s.db.clone(), plan.clone());
        std::thread::spawn(move || {
            let c = client(&db, None);
            let mut n = 0;
            while !stop.load(Ordering::SeqCst) && n < 5000 {
                c.execute(&c.actor(), note(&plan, "I.1", format!("flow {n}")))
                    .expect("edit");
                n += 1;
                std::thread::sleep(Duration::from_millis(5));
            }
            n
        })
    };
    assert!(wait_until(Duration::from_secs(5), || {
        writer.last_seq().expect("seq") > 5
    }));
    let (tx, rx) = mpsc::channel();
    let _watcher = watch_with(ConnectOptions::new(&s.db), move |e| {
        let _ = tx.send(e);
    });
    let joined_at = match rx.recv_timeout(Duration::from_secs(5)).expect("an event") {
        WatchEvent::Connected { seq } => seq,
        other => panic!("expected Connected first, got {other:?}"),
    };
    assert!(joined_at > 5);
    let mut newest = match rx.recv_timeout(Duration::from_secs(5)).expect("a change") {
        WatchEvent::Changed { seq } => seq,
        other => panic!("expected Changed, got {other:?}"),
    };
    // A change committed just before joining may be announced again: reloading twice is fine.
    assert!(newest >= joined_at);
    // Then a change made after joining is announced too.
    while newest == joined_at {
        match rx
            .recv_timeout(Duration::from_secs(5))
            .expect("a later change")
        {
            WatchEvent::Changed { seq } => newest = seq,
            other => panic!("expected Changed, got {other:?}"),
        }
    }
    stop.store(true, Ordering::SeqCst);
    let made = flow.join().expect("flow");
    assert!(made > 0);
    // Changes are coalesced, but the newest one always arrives.
    let last = writer.last_seq().expect("seq");
    assert!(last > joined_at);
    let got_last = wait_until(Duration::from_secs(5), || {
        for e in rx.try_iter() {
            match e {
                WatchEvent::Changed { seq } => newest = newest.max(seq),
                other => panic!("expected only changes, got {other:?}"),
            }
        }
        newest == last
    });
    assert!(
        got_last,
        "the watcher saw the last change ({last}), not only {newest}"
    );
}

/// The next event that is not a change (at most 5 s).
fn next_state(rx: &mpsc::Receiver<WatchEvent>) -> WatchEvent {
    loop {
        match rx.recv_timeout(Duration::from_secs(5)).expect("an event") {
            WatchEvent::Changed { .. } => {}
            other => return other,
        }
    }
}

#[test]
fn sigkill_mid_stream_loses_no_acknowledged_edit_and_watchers_reconnect() {
    let s = store();
    let mut server = Server::start(&s.db);
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
    // The killer strikes from another thread, wherever the stream happens to be.
    let count = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let killer = {
        let count = Arc::clone(&count);
        std::thread::spawn(move || {
            wait_until(Duration::from_secs(10), || {
                count.load(Ordering::SeqCst) >= 30
            });
            server.kill9();
        })
    };
    let mut acked = Vec::new();
    let mut failure = None;
    for n in 0..5000 {
        match c.execute(&c.actor(), note(&plan, "II.1", format!("n{n}"))) {
            Ok(o) => {
                acked.extend(events(o));
                count.fetch_add(1, Ordering::SeqCst);
            }
            Err(e) => {
                failure = Some(e);
                break;
            }
        }
    }
    killer.join().expect("killer");
    let failure = failure.expect("edits fail once the server is gone");
    assert!(
        matches!(failure, StoreError::Disconnected(_)),
        "{failure:?}"
    );
    assert!(
        failure.to_string().contains("steerdeck server"),
        "{failure}"
    );
    assert!(acked.len() >= 30, "{} acknowledged", acked.len());
    let lost = next_state(&rx);
    assert!(matches!(lost, WatchEvent::Lost { .. }), "{lost:?}");

    let _again = Server::start(&s.db);
    let history = client(&s.db, None)
        .history(&plan, Some("II.1"))
        .expect("history");
    for e in &acked {
        assert!(history.contains(e), "acknowledged, then lost: {e:?}");
    }
    let back = next_state(&rx);
    assert!(matches!(back, WatchEvent::Reconnected { .. }), "{back:?}");
    // The old client reconnects on its next request.
    assert_eq!(plan_of(&c), plan);
}

#[test]
fn sigterm_finishes_cleanly_and_removes_the_socket() {
    let s = store();
    let mut server = Server::start(&s.db);
    let c = client(&s.db, None);
    assert!(steerdeck::server::socket_path(&s.db).exists());
    let status = server.terminate().expect("it exits");
    assert_eq!(status.code(), Some(0));
    assert!(!steerdeck::server::socket_path(&s.db).exists());
    let e = c.plans().expect_err("no server any more");
    assert!(matches!(e, StoreError::Disconnected(_)), "{e:?}");
    assert!(e.to_string().contains("steerdeck serve --db"), "{e}");
}

#[test]
fn an_idle_server_leaves_after_its_last_client() {
    let s = store();
    let mut server = Server::start_with(
        &s.db,
        &mut std::process::Command::new(support::BIN),
        &["--idle-exit", "1"],
    );
    let c = client(&s.db, None);
    std::thread::sleep(Duration::from_millis(1500));
    assert!(!server.exited(), "a connected client keeps the server");
    assert!(c.may_edit(), "the server's own user may edit");
    drop(c);
    assert!(
        wait_until(Duration::from_secs(5), || server.exited()),
        "gone after 1 s alone"
    );
    assert!(!steerdeck::server::socket_path(&s.db).exists());
}

/// Two sessions on one meeting through the server: both record a conclusion on the same item
/// against what they saw; the later one is refused naming the first, and a third session
/// watching is told of the change within a second.
#[test]
fn two_sessions_on_one_meeting_the_later_is_told() {
    use steerdeck::domain::AgendaItem;
    use steerdeck::store::{DeskChange, DeskProblem};
    let s = store();
    let _server = Server::start(&s.db);
    let lan = client(&s.db, Some("lan"));
    let minh = client(&s.db, Some("minh"));
    let plan = plan_of(&lan);
    let desk = |c: &steerdeck::server::RemoteStore, change| {
        c.execute(
            &c.actor(),
            Command::Desk {
                plan: plan.clone(),
                change,
            },
        )
    };
    desk(
        &lan,
        DeskChange::NewMeeting {
            title: "Họp".into(),
            date: chrono::NaiveDate::from_ymd_opt(2025, 7, 15).expect("date"),
            chair: "Thứ trưởng".into(),
            attendees: Vec::new(),
            agenda: vec![AgendaItem {
                task: "I.2".into(),
                reasons: Vec::new(),
                conclusion: None,
            }],
        },
    )
    .expect("meeting");
    let (tx, rx) = mpsc::channel();
    let _watcher = watch_with(ConnectOptions::new(&s.db), move |e| {
        let _ = tx.send(e);
    });
    let Ok(WatchEvent::Connected { seq: joined }) = rx.recv_timeout(Duration::from_secs(5)) else {
        panic!("the watcher connects");
    };
    let conclude = |text: &str| DeskChange::Conclude {
        meeting: "H1".into(),
        task: "I.2".into(),
        text: text.into(),
        seen: Some(String::new()),
    };
    desk(&lan, conclude("Giao Cục CNTT")).expect("first");
    let later = desk(&minh, conclude("Giao Văn phòng Bộ"));
    match later {
        Err(StoreError::Desk(DeskProblem::ConclusionChanged { by, .. })) => {
            assert!(by.starts_with("lan"), "{by}");
        }
        other => panic!("the later edit must be refused, got {other:?}"),
    }
    let told = wait_until(Duration::from_secs(1), || {
        rx.try_iter()
            .any(|e| matches!(e, WatchEvent::Changed { seq } if seq > joined))
    });
    assert!(told, "the watcher was not told within a second");
    let kept = minh.load(&plan).expect("load");
    let item = kept
        .desk
        .meeting("H1")
        .expect("meeting")
        .item("I.2")
        .cloned();
    assert_eq!(
        item.and_then(|i| i.conclusion).as_deref(),
        Some("Giao Cục CNTT")
    );
}
