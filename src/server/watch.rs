//! A change feed for a screen: a thread holding a `watch` connection that reports every committed
//! change, and the connection's state. When the connection breaks it says so once, then keeps
//! trying (starting the server again if allowed) and says when it is back.

use std::io::BufReader;
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::client::Conn;
use super::connect::{ConnectOptions, reach};
use super::protocol::{Line, MAX_ANSWER, Op, Reply, Request, encode, read_line};
use super::serve::lock;

/// What a watcher reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchEvent {
    /// The feed is open; `seq` is the newest history entry now.
    Connected {
        /// The newest history entry.
        seq: u64,
    },
    /// Someone's change was committed: reload (`seq` is the newest history entry; a change that
    /// writes no history, such as choosing the active plan, repeats the last one).
    Changed {
        /// The newest history entry.
        seq: u64,
    },
    /// The connection is lost (or could not be made); the watcher keeps trying.
    Lost {
        /// A sentence for the status line.
        message: String,
    },
    /// Back after a loss: reload, changes may have been missed.
    Reconnected {
        /// The newest history entry.
        seq: u64,
    },
}

/// A running change feed; dropping it stops the thread.
pub struct Watcher {
    stop: Arc<AtomicBool>,
    current: Arc<Mutex<Option<UnixStream>>>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Watcher {
    /// Stops the feed. The thread is waited for briefly; one busy starting a server is left to
    /// finish on its own (it sends nothing more).
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(s) = lock(&self.current).as_ref() {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
        if let Some(t) = self.thread.take() {
            let deadline = Instant::now() + Duration::from_millis(200);
            while !t.is_finished() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(5));
            }
            if t.is_finished() {
                let _ = t.join();
            }
        }
    }
}

/// How long between attempts to reconnect.
const RETRY: Duration = Duration::from_millis(300);

/// Watches the store in `db` (starting its server, this very program, whenever none runs) and
/// sends every event into the returned channel.
pub fn watch(db: &Path) -> (Watcher, Receiver<WatchEvent>) {
    let mut options = ConnectOptions::new(db);
    options.server_exe = std::env::current_exe().ok();
    let (tx, rx) = mpsc::channel();
    let watcher = watch_with(options, move |e| {
        let _ = tx.send(e);
    });
    (watcher, rx)
}

/// Watches as `options` say, calling `on_event` on the watcher's thread for every event (e.g. to
/// forward it into the screen's own event channel).
pub fn watch_with(
    options: ConnectOptions,
    mut on_event: impl FnMut(WatchEvent) + Send + 'static,
) -> Watcher {
    let stop = Arc::new(AtomicBool::new(false));
    let current = Arc::new(Mutex::new(None));
    let (s, c) = (Arc::clone(&stop), Arc::clone(&current));
    let thread = std::thread::Builder::new()
        .name("watch".into())
        .spawn(move || run(&options, &s, &c, &mut on_event));
    // Without a thread there is no feed: the screen still works, it only does not refresh by
    // itself.
    Watcher {
        stop,
        current,
        thread: thread.ok(),
    }
}

fn run(
    options: &ConnectOptions,
    stop: &AtomicBool,
    current: &Mutex<Option<UnixStream>>,
    on_event: &mut impl FnMut(WatchEvent),
) {
    let mut ever_connected = false;
    let mut lost_said = false;
    while !stop.load(Ordering::SeqCst) {
        match subscribe(options) {
            Ok((mut reader, seq)) => {
                *lock(current) = reader.get_ref().try_clone().ok();
                if stop.load(Ordering::SeqCst) {
                    return;
                }
                on_event(if ever_connected {
                    WatchEvent::Reconnected { seq }
                } else {
                    WatchEvent::Connected { seq }
                });
                ever_connected = true;
                follow(&mut reader, on_event);
                *lock(current) = None;
                if stop.load(Ordering::SeqCst) {
                    return;
                }
                let socket = super::socket_path(&options.db);
                let socket = socket.display();
                on_event(WatchEvent::Lost {
                    message: match options.lang {
                        crate::i18n::Lang::En => format!(
                            "lost the connection to the steerdeck server at {socket}; reconnecting"
                        ),
                        crate::i18n::Lang::Vi => format!(
                            "mất kết nối tới máy chủ steerdeck tại {socket}; đang kết nối lại"
                        ),
                    },
                });
                lost_said = true;
            }
            Err(message) => {
                if !lost_said {
                    on_event(WatchEvent::Lost { message });
                    lost_said = true;
                }
                let until = Instant::now() + RETRY;
                while Instant::now() < until && !stop.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(20));
                }
            }
        }
    }
}

/// Opens a connection and makes it a feed; gives the reader and the newest seq.
fn subscribe(options: &ConnectOptions) -> Result<(BufReader<UnixStream>, u64), String> {
    let Conn {
        mut reader,
        mut writer,
        ..
    } = reach(options).map_err(|e| e.to_string())?;
    let request = Request {
        id: 1,
        op: Op::Watch,
    };
    std::io::Write::write_all(&mut writer, &encode(&request)).map_err(|e| e.to_string())?;
    let mut buf = Vec::new();
    match read_line(&mut reader, &mut buf, MAX_ANSWER) {
        Ok(Line::Line) => {}
        _ => return Err("the steerdeck server closed the connection".into()),
    }
    let reply: Reply = serde_json::from_slice(&buf).map_err(|e| e.to_string())?;
    if let Some(e) = reply.error {
        return Err(e.message);
    }
    let seq = reply
        .ok
        .as_ref()
        .and_then(|v| serde_json::from_str::<serde_json::Value>(v.get()).ok())
        .and_then(|v| v.get("seq").and_then(serde_json::Value::as_u64))
        .unwrap_or(0);
    // A feed is quiet for long stretches: no answer timeout.
    let _ = reader.get_ref().set_read_timeout(None);
    Ok((reader, seq))
}

/// Reports changes until the connection ends.
fn follow(reader: &mut BufReader<UnixStream>, on_event: &mut impl FnMut(WatchEvent)) {
    let mut buf = Vec::new();
    while let Ok(Line::Line) = read_line(reader, &mut buf, MAX_ANSWER) {
        if let Ok(Reply {
            changed: Some(seq), ..
        }) = serde_json::from_slice::<Reply>(&buf)
        {
            on_event(WatchEvent::Changed { seq });
        }
    }
}
