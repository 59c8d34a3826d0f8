//! Benchmark (not a test) of the served store: a real `steerdeck serve` on a temporary store,
//! with 1, 5 and 20 sessions at once. Each session is what a TUI holds: a `RemoteStore` that
//! edits and a watcher that is told of every change. Two loads:
//! - saturated: every session edits back to back, with no pause (far busier than a meeting);
//! - paced: the sessions take turns, about one edit every 10 ms in all (a busy meeting).
//!
//! Reported, as median and 95th percentile:
//! - edit round trip: `execute` sent → acknowledged (committed and flushed);
//! - edit → watcher: `execute` sent → every other session's watcher told of it;
//! - reads: `last_seq` and a whole-plan `load` (what a screen does when told of a change).
//!
//! Run: `cargo bench --bench remote`.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::panic)]

use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use steerdeck::server::{ConnectOptions, RemoteStore, WatchEvent, watch_with};
use steerdeck::store::{Command as StoreCommand, Outcome, PlanStore, Update};

/// Edits in a saturated scenario, shared among the sessions.
const EDITS: usize = 400;
/// Edits in a paced scenario, and the time between two edits in all.
const PACED_EDITS: usize = 100;
const PACE: Duration = Duration::from_millis(10);

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(db: &std::path::Path) -> Server {
    // A store is made only in a directory that exists.
    std::fs::create_dir_all(db).expect("store directory");
    let child = Command::new(env!("CARGO_BIN_EXE_steerdeck"))
        .arg("--db")
        .arg(db)
        .arg("serve")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("server");
    let deadline = Instant::now() + Duration::from_secs(10);
    while RemoteStore::connect(ConnectOptions::new(db)).is_err() {
        assert!(Instant::now() < deadline, "the server did not come up");
        std::thread::sleep(Duration::from_millis(10));
    }
    Server(child)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn report(what: &str, mut samples: Vec<Duration>) {
    samples.sort();
    println!(
        "  {what:<24} median {:>9.3} ms   p95 {:>9.3} ms   (n = {})",
        percentile(&samples, 0.5).as_secs_f64() * 1e3,
        percentile(&samples, 0.95).as_secs_f64() * 1e3,
        samples.len()
    );
}

type Seen = Arc<Mutex<Vec<(Instant, u64)>>>;

fn scenario(sessions: usize, paced: bool) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    let _server = start(&db);
    let probe = RemoteStore::connect(ConnectOptions::new(&db)).expect("client");
    let plan = probe.active().unwrap().unwrap();
    let tasks: Vec<String> = probe
        .load(&plan)
        .unwrap()
        .plan
        .tasks
        .iter()
        .map(|t| t.id.clone())
        .collect();

    // One watcher per session, recording when each change reached it.
    let seen: Vec<Seen> = (0..sessions).map(|_| Seen::default()).collect();
    let watchers: Vec<_> = seen
        .iter()
        .map(|log| {
            let log = Arc::clone(log);
            let (ready_tx, ready_rx) = std::sync::mpsc::channel();
            let w = watch_with(ConnectOptions::new(&db), move |e| match e {
                WatchEvent::Changed { seq } => log.lock().unwrap().push((Instant::now(), seq)),
                WatchEvent::Connected { .. } => {
                    let _ = ready_tx.send(());
                }
                _ => {}
            });
            ready_rx
                .recv_timeout(Duration::from_secs(10))
                .expect("watching");
            w
        })
        .collect();

    let per_session = if paced { PACED_EDITS } else { EDITS } / sessions;
    let gap = if paced {
        PACE * u32::try_from(sessions).unwrap()
    } else {
        Duration::ZERO
    };
    let started = Instant::now();
    let workers: Vec<_> = (0..sessions)
        .map(|i| {
            let (db, plan, task) = (db.clone(), plan.clone(), tasks[i % tasks.len()].clone());
            std::thread::spawn(move || {
                let c = RemoteStore::connect(ConnectOptions::new(&db)).expect("client");
                let mut sent = Vec::with_capacity(per_session);
                std::thread::sleep(PACE * u32::try_from(i).unwrap() * u32::from(paced));
                for n in 0..per_session {
                    std::thread::sleep(gap);
                    let cmd = StoreCommand::Update(Update {
                        plan: plan.clone(),
                        task: task.clone(),
                        note: Some(format!("bench {i}/{n}")),
                        ..Update::default()
                    });
                    let t0 = Instant::now();
                    let Outcome::Updated { events } = c.execute(&c.actor(), cmd).unwrap() else {
                        panic!("an update");
                    };
                    sent.push((t0, t0.elapsed(), events[0].seq));
                }
                sent
            })
        })
        .collect();
    let sent: Vec<(Instant, Duration, u64)> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    let elapsed = started.elapsed();
    let last = probe.last_seq().unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while seen
        .iter()
        .any(|l| l.lock().unwrap().last().is_none_or(|(_, s)| *s < last))
    {
        assert!(Instant::now() < deadline, "watchers did not catch up");
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(watchers);

    let mut to_watchers = Vec::new();
    for log in &seen {
        let log = log.lock().unwrap();
        for (t0, _, seq) in &sent {
            if let Some((at, _)) = log.iter().find(|(_, s)| s >= seq) {
                to_watchers.push(at.saturating_duration_since(*t0));
            }
        }
    }
    let reads = |f: &dyn Fn()| {
        (0..50)
            .map(|_| {
                let t0 = Instant::now();
                f();
                t0.elapsed()
            })
            .collect::<Vec<_>>()
    };
    #[allow(clippy::cast_precision_loss)]
    let rate = sent.len() as f64 / elapsed.as_secs_f64();
    let load = if paced { "paced" } else { "saturated" };
    println!(
        "{sessions} session(s), {load}: {} edits, {rate:.0} edits/s",
        sent.len()
    );
    report("edit round trip", sent.iter().map(|(_, d, _)| *d).collect());
    report("edit -> every watcher", to_watchers);
    report(
        "read last_seq",
        reads(&|| {
            let _ = probe.last_seq().unwrap();
        }),
    );
    report(
        "read load (whole plan)",
        reads(&|| drop(probe.load(&plan).unwrap())),
    );
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo test --benches` lists benchmarks; this one has no test to list
    }
    for paced in [false, true] {
        for sessions in [1, 5, 20] {
            scenario(sessions, paced);
        }
    }
}
