//! Shared by the server tests: a temporary store, a real server process that is killed when the
//! guard drops (even when the test fails), clients, a raw socket client and bounded waits.
#![allow(dead_code)] // each test file uses a part

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use steerdeck::server::{ConnectOptions, RemoteStore, socket_path};
use steerdeck::store::PlanStore;

/// The steerdeck binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_steerdeck");

/// A store directory that disappears with the value (an auto-started server notices and exits).
pub struct Store {
    _dir: tempfile::TempDir,
    pub db: PathBuf,
}

/// A fresh, empty store directory.
pub fn store() -> Store {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    make_private_dir(&db);
    Store { _dir: dir, db }
}

/// An empty directory readable by its owner only (a store named by --db must exist).
pub fn make_private_dir(path: &Path) {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .mode(0o700)
        .create(path)
        .expect("mkdir");
}

/// Polls `f` every 10 ms until it is true or `timeout` passes.
pub fn wait_until(timeout: Duration, mut f: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if f() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A `steerdeck serve` process, killed (SIGKILL) when dropped.
pub struct Server {
    child: Option<Child>,
    pub db: PathBuf,
}

impl Server {
    /// Starts a server and waits (at most 10 s) until it answers.
    pub fn start(db: &Path) -> Server {
        Self::start_with(db, &mut Command::new(BIN), &[])
    }

    /// Starts a server from a prepared command (e.g. as another user), with options of `serve`.
    pub fn start_with(db: &Path, cmd: &mut Command, options: &[&str]) -> Server {
        let child = cmd
            .arg("--db")
            .arg(db)
            .arg("serve")
            .args(options)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("server starts");
        let mut server = Server {
            child: Some(child),
            db: db.to_path_buf(),
        };
        let up = wait_until(Duration::from_secs(10), || {
            RemoteStore::connect(ConnectOptions::new(db)).is_ok() || server.exited()
        });
        if !up || server.exited() {
            let why = server.child.take().map(|mut c| {
                let _ = c.kill();
                c.wait_with_output()
            });
            let why = why
                .and_then(Result::ok)
                .map(|o| o.stderr)
                .unwrap_or_default();
            panic!(
                "the server did not come up: {}",
                String::from_utf8_lossy(&why)
            );
        }
        server
    }

    /// True once the process has exited.
    pub fn exited(&mut self) -> bool {
        self.child
            .as_mut()
            .is_none_or(|c| c.try_wait().ok().flatten().is_some())
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.as_ref().map_or(0, Child::id)
    }

    /// SIGKILL, and wait for it to be gone.
    pub fn kill9(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// SIGTERM, and wait (at most 10 s) for its exit status.
    pub fn terminate(&mut self) -> Option<std::process::ExitStatus> {
        let mut c = self.child.take()?;
        let pid = rustix::process::Pid::from_raw(i32::try_from(c.id()).ok()?)?;
        rustix::process::kill_process(pid, rustix::process::Signal::TERM).ok()?;
        let mut status = None;
        wait_until(Duration::from_secs(10), || {
            status = c.try_wait().ok().flatten();
            status.is_some()
        });
        if status.is_none() {
            let _ = c.kill();
            let _ = c.wait();
        }
        status
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill9();
    }
}

/// A client of the running server of `db` (it does not start one), recording as `name`.
pub fn client(db: &Path, name: Option<&str>) -> RemoteStore {
    RemoteStore::connect(ConnectOptions::new(db).display_name(name)).expect("connects")
}

/// The active plan's name.
pub fn plan_of(store: &dyn PlanStore) -> String {
    store.active().expect("active").expect("a plan")
}

/// Runs the CLI on `db` (at most 20 s; killed after that).
pub fn cli(db: &Path, args: &[&str]) -> Output {
    cli_with(&mut Command::new(BIN), db, args)
}

/// Runs a prepared CLI command on `db` (at most 20 s; killed after that).
pub fn cli_with(cmd: &mut Command, db: &Path, args: &[&str]) -> Output {
    let mut child = cmd
        .arg("--db")
        .arg(db)
        .args(["--as-of", "2025-07-15"])
        .args(args)
        .env_remove("STEERDECK_DB")
        .env_remove("STEERDECK_LANG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI runs");
    // Read while it runs: an output larger than the pipe's buffer would otherwise hold it.
    let read = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = read(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    );
    let stderr = read(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    );
    let done = wait_until(Duration::from_secs(20), || {
        child.try_wait().ok().flatten().is_some()
    });
    if !done {
        let _ = child.kill();
    }
    let status = child.wait().expect("status");
    let out = Output {
        status,
        stdout: stdout.join().expect("stdout"),
        stderr: stderr.join().expect("stderr"),
    };
    assert!(done, "{args:?} did not finish in 20 s");
    out
}

/// The CLI's standard output, asserting success.
pub fn cli_ok(db: &Path, args: &[&str]) -> String {
    let out = cli(db, args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?} failed: {err}");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// A client speaking the wire protocol by hand.
pub struct Raw {
    reader: BufReader<UnixStream>,
    pub writer: UnixStream,
}

impl Raw {
    /// Connects and reads the server's hello (without sending ours).
    pub fn connect(db: &Path) -> (Raw, serde_json::Value) {
        let s = UnixStream::connect(socket_path(db)).expect("connects");
        s.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        let writer = s.try_clone().expect("clone");
        let mut raw = Raw {
            reader: BufReader::new(s),
            writer,
        };
        let hello = raw.recv().expect("the server says hello");
        (raw, hello)
    }

    /// Connects and exchanges hellos.
    pub fn greeted(db: &Path) -> Raw {
        let (mut raw, _) = Raw::connect(db);
        raw.send(br#"{"steerdeck":1,"version":"test"}"#);
        raw
    }

    /// Sends one line (a newline is added).
    pub fn send(&mut self, line: &[u8]) {
        self.writer.write_all(line).expect("write");
        self.writer.write_all(b"\n").expect("write");
    }

    /// The next line as JSON; none when the server closed the connection.
    pub fn recv(&mut self) -> Option<serde_json::Value> {
        let mut line = String::new();
        match self.reader.read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(serde_json::from_str(&line).expect("the server sends JSON")),
        }
    }
}
