//! Reaching the server of a store, and starting one when none runs: `steerdeck serve --db <db>
//! --idle-exit 3` as a detached child in its own process group; when it fails to start, its
//! own sentence says why ("could not start ... because ..."). Two
//! sessions starting at once both start a server; sled's lock lets one win, the other exits,
//! and both sessions connect to the winner.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use super::client::{Conn, OpenError, RemoteStore};
use super::{EXIT_ALREADY_RUNNING, EXIT_IN_USE};
use crate::i18n::Lang;
use crate::store::StoreError;

/// Seconds a started server lingers after its last client leaves.
pub const AUTO_IDLE_EXIT_SECS: u64 = 3;

/// How to reach a store's server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectOptions {
    /// The store directory.
    pub db: PathBuf,
    /// The name shown next to the login in the history (`--user`).
    pub display_name: Option<String>,
    /// The steerdeck program to run as a server when none answers; none: do not start one.
    pub server_exe: Option<PathBuf>,
    /// How long to wait for a started server to answer.
    pub start_timeout: Duration,
    /// How long a store held by another process (not a server) is waited for.
    pub in_use_timeout: Duration,
    /// The language of the sentences built here (English unless a session says otherwise).
    pub lang: Lang,
}

impl ConnectOptions {
    /// Connect to the server of `db`; do not start one.
    pub fn new(db: &Path) -> Self {
        ConnectOptions {
            db: std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf()),
            display_name: None,
            server_exe: None,
            start_timeout: Duration::from_secs(3),
            in_use_timeout: Duration::from_secs(1),
            lang: Lang::En,
        }
    }

    /// Says what goes wrong in `lang`.
    #[must_use]
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// With a display name for the history.
    #[must_use]
    pub fn display_name(mut self, name: Option<&str>) -> Self {
        self.display_name = name.map(str::to_string);
        self
    }

    /// Start `exe serve` when no server answers.
    #[must_use]
    pub fn start_with(mut self, exe: PathBuf) -> Self {
        self.server_exe = Some(exe);
        self
    }
}

/// Connects to the server of the store in `db`, starting one (this very program) if none runs.
/// Its own failures are said in `lang`.
pub fn connect_or_start(
    db: &Path,
    display_name: Option<&str>,
    lang: Lang,
) -> Result<RemoteStore, StoreError> {
    let exe = std::env::current_exe().map_err(|e| {
        StoreError::Disconnected(match lang {
            Lang::En => {
                format!("cannot start a steerdeck server: this program cannot find itself ({e})")
            }
            Lang::Vi => format!(
                "không khởi động được máy chủ steerdeck: chương trình này không tìm thấy chính nó ({e})"
            ),
        })
    })?;
    RemoteStore::connect(
        ConnectOptions::new(db)
            .display_name(display_name)
            .start_with(exe)
            .lang(lang),
    )
}

/// An open connection to the server, starting it if the options allow.
pub(super) fn reach(options: &ConnectOptions) -> Result<Conn, StoreError> {
    let first = match Conn::open(&options.db, options.lang) {
        Ok(c) => return Ok(c),
        Err(OpenError::Fatal(e)) => return Err(e),
        Err(OpenError::NoServer(m)) => m,
    };
    let db = options.db.display();
    let socket = super::socket_path(&options.db);
    let socket = socket.display();
    let Some(exe) = &options.server_exe else {
        return Err(StoreError::Disconnected(match options.lang {
            Lang::En => format!("{first}; start one with `steerdeck serve --db {db}`"),
            Lang::Vi => format!(
                "không có máy chủ steerdeck nào trả lời tại {socket}; hãy khởi động máy chủ bằng `steerdeck serve --db {db}`"
            ),
        }));
    };
    // Other sessions trust only a server run by the store's owner (see `trust`): one started
    // here by someone else would lock them out, so it is not started.
    if let Some(owner) = super::trust::owner_other_than_me(&options.db) {
        return Err(StoreError::Disconnected(match options.lang {
            Lang::En => format!(
                "{first}; only the store's owner ({owner}) may run its server, so none was started: ask them to run `steerdeck serve --db {db}` (or run it under systemd as that user)"
            ),
            Lang::Vi => format!(
                "không có máy chủ steerdeck nào trả lời tại {socket}; chỉ chủ sở hữu kho dữ liệu ({owner}) mới được chạy máy chủ của kho, nên chưa có máy chủ nào được khởi động: hãy đề nghị người đó chạy `steerdeck serve --db {db}` (hoặc chạy bằng systemd dưới tài khoản đó)"
            ),
        }));
    }
    Starter::new(options, exe).run()
}

/// Starts servers and waits for one to answer.
struct Starter<'a> {
    options: &'a ConnectOptions,
    exe: &'a Path,
    child: Option<Child>,
    /// Since when every server started has found the store held by another process.
    in_use_since: Option<Instant>,
    /// The started server's error output.
    errors: Option<std::fs::File>,
}

impl<'a> Starter<'a> {
    fn new(options: &'a ConnectOptions, exe: &'a Path) -> Self {
        Starter {
            options,
            exe,
            child: None,
            in_use_since: None,
            errors: None,
        }
    }

    fn run(mut self) -> Result<Conn, StoreError> {
        let deadline = Instant::now() + self.options.start_timeout;
        self.spawn()?;
        // A server is up some 15-40 ms after it is started; trying every 2 ms (a failed connect
        // costs microseconds) meets it within 2 ms, where a doubling pause lost up to 20.
        let pause = Duration::from_millis(2);
        loop {
            std::thread::sleep(pause);
            match Conn::open(&self.options.db, self.options.lang) {
                Ok(c) => return Ok(c),
                Err(OpenError::Fatal(e)) => return Err(e),
                Err(OpenError::NoServer(_)) => {}
            }
            if let Some(status) = self.exited() {
                match status.code().and_then(|c| u8::try_from(c).ok()) {
                    // Another server won the race: it will answer soon.
                    Some(EXIT_ALREADY_RUNNING) => {}
                    // A race loser, or a process (not a server) holds the store: try again.
                    Some(EXIT_IN_USE) => {
                        let since = *self.in_use_since.get_or_insert_with(Instant::now);
                        if since.elapsed() >= self.options.in_use_timeout {
                            return Err(StoreError::InUse {
                                path: self.options.db.display().to_string(),
                            });
                        }
                        std::thread::sleep(Duration::from_millis(50));
                        self.spawn()?;
                    }
                    _ => {
                        return Err(StoreError::Disconnected(self.failed(status)));
                    }
                }
            }
            if Instant::now() >= deadline {
                let db = self.options.db.display();
                let secs = self.options.start_timeout.as_secs_f32();
                return Err(StoreError::Disconnected(match self.options.lang {
                    Lang::En => {
                        format!("the steerdeck server for {db} did not answer within {secs} s")
                    }
                    Lang::Vi => {
                        format!("máy chủ steerdeck cho {db} không trả lời trong {secs} giây")
                    }
                }));
            }
        }
    }

    /// Why the started server exited: its own last error line, when it wrote one.
    fn failed(&mut self, status: ExitStatus) -> String {
        let db = self.options.db.display();
        let said = self.errors.take().and_then(|mut f| last_error(&mut f));
        match (said, self.options.lang) {
            (Some(reason), Lang::En) => {
                format!("could not start the steerdeck server for {db} because {reason}")
            }
            (Some(reason), Lang::Vi) => {
                format!("không khởi động được máy chủ steerdeck cho {db}; máy chủ báo: {reason}")
            }
            (None, Lang::En) => format!(
                "could not start the steerdeck server for {db} ({status}); run `steerdeck serve --db {db}` to see why"
            ),
            (None, Lang::Vi) => format!(
                "không khởi động được máy chủ steerdeck cho {db} ({status}); hãy chạy `steerdeck serve --db {db}` để xem nguyên nhân"
            ),
        }
    }

    fn spawn(&mut self) -> Result<(), StoreError> {
        use std::os::unix::process::CommandExt;
        // The server's error output goes to a file nobody else can open (unlinked at once): a
        // server that fails says why, and one that runs on never writes into a closed pipe.
        let errors = unlinked_file();
        let stderr = errors
            .as_ref()
            .and_then(|f| f.try_clone().ok())
            .map_or_else(Stdio::null, Stdio::from);
        self.errors = errors;
        let child = Command::new(self.exe)
            .arg("--db")
            .arg(&self.options.db)
            // It says why it could not start in the session's language (relayed below).
            .arg("--lang")
            .arg(match self.options.lang {
                Lang::Vi => "vi",
                Lang::En => "en",
            })
            .arg("serve")
            .arg("--idle-exit")
            .arg(AUTO_IDLE_EXIT_SECS.to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .current_dir("/")
            // Its own process group: Ctrl-C in this terminal does not reach it.
            .process_group(0)
            .spawn()
            .map_err(|e| {
                let exe = self.exe.display();
                StoreError::Disconnected(match self.options.lang {
                    Lang::En => format!("cannot start a steerdeck server ({exe}): {e}"),
                    Lang::Vi => format!("không khởi động được máy chủ steerdeck ({exe}): {e}"),
                })
            })?;
        self.child = Some(child);
        Ok(())
    }

    /// The exit status of the started server, once it has exited.
    fn exited(&mut self) -> Option<ExitStatus> {
        let status = self.child.as_mut()?.try_wait().ok()??;
        self.child = None;
        Some(status)
    }
}

/// A new file in the temporary directory, already unlinked (so private to this process and the
/// children it is handed to).
fn unlinked_file() -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let path =
        std::env::temp_dir().join(format!(".steerdeck-start-{}-{stamp}", std::process::id()));
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .ok()?;
    let _ = std::fs::remove_file(&path);
    Some(file)
}

/// The last `error:` (or `lỗi:`) line a server wrote, without its prefix.
fn last_error(file: &mut std::fs::File) -> Option<String> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(0)).ok()?;
    let mut text = String::new();
    file.take(64 * 1024).read_to_string(&mut text).ok()?;
    let marks = ["steerdeck: error: ", "steerdeck: lỗi: ", "error: "];
    let (line, mark) = text
        .lines()
        .rev()
        .find_map(|l| marks.iter().find(|m| l.contains(**m)).map(|m| (l, *m)))?;
    let reason = line.split_once(mark).map_or(line, |(_, r)| r).trim();
    (!reason.is_empty()).then(|| crate::domain::text::printable(reason, false))
}

impl Drop for Starter<'_> {
    /// A server still running is left running; a thread reaps it when it exits.
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let reaped = std::thread::Builder::new()
                .name("reap-server".into())
                .spawn(move || {
                    let _ = child.wait();
                });
            drop(reaped);
        }
    }
}
