//! kill -9 rounds: a child process edits through the server and reports every edit the server
//! acknowledged; at a random moment the child, the server or both are killed with SIGKILL; the
//! server is started again and every acknowledged edit must be in the store. At the end the
//! store is opened directly, as after a reboot, and checked once more.
//!
//! `STEERDECK_CRASH_ROUNDS=N` sets the number of rounds (default 6; README gives the long run).
#![cfg(target_os = "linux")]
#![allow(clippy::panic)]

mod support;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use steerdeck::server::{ConnectOptions, RemoteStore};
use steerdeck::store::{Command as StoreCommand, PlanStore, SledStore, Update};
use support::{Server, store, wait_until};

const WORKER_ENV: &str = "STEERDECK_CRASH_WORKER";
const ROUND_ENV: &str = "STEERDECK_CRASH_ROUND";

/// A small random number generator (xorshift), seeded from the clock; the seed is printed so
/// that a failing run can be told apart.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| u64::from(d.subsec_nanos()) ^ d.as_secs())
            | 1;
        eprintln!("crash rounds: seed {seed}");
        Rng(seed)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The child's part: edit through the server until it fails, printing each acknowledged note.
#[test]
fn crash_worker() {
    let Some(db) = std::env::var_os(WORKER_ENV) else {
        return; // only run as a child of the rounds below
    };
    let round = std::env::var(ROUND_ENV).unwrap_or_default();
    let Ok(c) = RemoteStore::connect(ConnectOptions::new(std::path::Path::new(&db))) else {
        return;
    };
    let tasks = ["I.1", "I.2", "II.1", "III.1"];
    let mut out = std::io::stdout().lock();
    for n in 0.. {
        let text = format!("r{round} n{n}");
        let edit = StoreCommand::Update(Update {
            plan: "2025".into(),
            task: tasks[n % tasks.len()].into(),
            note: Some(text.clone()),
            ..Update::default()
        });
        if c.execute(&c.actor(), edit).is_err() {
            return;
        }
        if writeln!(out, "acked {} {text}", tasks[n % tasks.len()]).is_err() || out.flush().is_err()
        {
            return;
        }
    }
}

fn notes_in(store: &dyn PlanStore) -> std::collections::BTreeSet<(String, String)> {
    let mut all = std::collections::BTreeSet::new();
    for e in store.history("2025", None).expect("history") {
        if (e.field == "note" || e.note.is_some())
            && let (Some(task), Some(note)) = (e.task.clone(), e.note.clone().or(e.to.clone()))
        {
            all.insert((task, note));
        }
    }
    all
}

#[test]
fn every_acknowledged_edit_survives_kill_9_of_the_client_or_the_server() {
    let rounds: u32 = std::env::var("STEERDECK_CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6);
    let s = store();
    let mut rng = Rng::new();
    let mut server = Server::start(&s.db);
    let mut acked: Vec<(String, String)> = Vec::new();
    let (mut server_kills, mut client_kills) = (0, 0);
    for round in 0..rounds {
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "crash_worker",
                "--exact",
                "--nocapture",
                "--test-threads",
                "1",
            ])
            .env(WORKER_ENV, &s.db)
            .env(ROUND_ENV, round.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("worker");
        let lines = Arc::new(Mutex::new(Vec::new()));
        let reader = {
            let stdout = child.stdout.take().expect("stdout");
            let lines = Arc::clone(&lines);
            std::thread::spawn(move || {
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    if let Some(rest) = line.strip_prefix("acked ")
                        && let Some((task, note)) = rest.split_once(' ')
                        && let Ok(mut l) = lines.lock()
                    {
                        l.push((task.to_string(), note.to_string()));
                    }
                }
            })
        };
        // Let a few edits through, then kill at a random moment.
        let started = Instant::now();
        wait_until(Duration::from_secs(10), || {
            lines.lock().map_or(0, |l| l.len()) >= 2 || started.elapsed() > Duration::from_secs(9)
        });
        std::thread::sleep(Duration::from_millis(rng.below(120)));
        let victim = rng.below(3);
        if victim != 1 {
            server.kill9();
            server_kills += 1;
        }
        if victim != 0 {
            let _ = child.kill();
            client_kills += 1;
        }
        let _ = child.wait();
        let _ = reader.join();
        acked.extend(lines.lock().expect("lines").drain(..));
        if victim != 1 {
            let _ = std::fs::remove_file(steerdeck::server::socket_path(&s.db));
            server = Server::start(&s.db);
        }
        let c = RemoteStore::connect(ConnectOptions::new(&s.db)).expect("connects");
        let present = notes_in(&c);
        for a in &acked {
            assert!(
                present.contains(a),
                "round {round}: acknowledged but lost: {a:?}"
            );
        }
    }
    assert!(!acked.is_empty(), "no edit was acknowledged at all");
    // As after a reboot: the store opened directly, no server.
    drop(server);
    let _ = std::fs::remove_file(steerdeck::server::socket_path(&s.db));
    assert!(wait_until(Duration::from_secs(5), || {
        !steerdeck::store::disk::is_locked(&s.db)
    }));
    let direct = SledStore::open(&s.db).expect("the store opens after the kills");
    let present = notes_in(&direct);
    for a in &acked {
        assert!(
            present.contains(a),
            "after reopening: acknowledged but lost: {a:?}"
        );
    }
    eprintln!(
        "crash rounds: {rounds} rounds, {} acknowledged edits, {server_kills} server and {client_kills} client kills, none lost",
        acked.len()
    );
}

#[test]
fn a_kill_during_the_first_seeding_never_leaves_a_store_that_will_not_open() {
    let mut rng = Rng::new();
    let rounds: u32 = std::env::var("STEERDECK_CRASH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(6);
    for round in 0..rounds {
        let s = store();
        let mut child = Command::new(support::BIN)
            .arg("--db")
            .arg(&s.db)
            .args(["serve", "--idle-exit", "1"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("server");
        std::thread::sleep(Duration::from_millis(rng.below(60)));
        let _ = child.kill();
        let _ = child.wait();
        let _ = std::fs::remove_file(steerdeck::server::socket_path(&s.db));
        let out = support::cli(&s.db, &["list", "--format", "json"]);
        assert!(
            out.status.success(),
            "round {round}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        assert!(
            rows.as_array().is_some_and(|r| r.len() > 50),
            "round {round}: seeded"
        );
    }
}
