//! `steerdeck serve`: owns the store, listens on `<db>/steerdeck.sock`, a thread per connection.
//!
//! Start-up order matters. A live server on the socket means "already running". Then the sled
//! lock is taken: from here on this process is the only server of the store, so a socket file
//! left by a dead server (connecting to it is refused) can be removed and bound anew. When the
//! store was closed cleanly and left the active plan's answer (`store::handover`), the socket is
//! bound before sled opens the store, and a screen's first questions (active plan, sequence
//! number, plan, change feed) are answered from it until the first change; sled opens the store
//! when a request first needs it. On
//! SIGTERM, SIGINT, SIGHUP, idle, or the socket file removed by someone: stop accepting, let
//! requests in flight finish, remove the socket while still holding the lock, then let the
//! store go.

use std::collections::HashMap;
use std::io::ErrorKind;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::log::Log;
use super::{ServerError, conn, policy, socket_error, socket_path};
use crate::identity::login_of;
use crate::store::handover::Left;
use crate::store::{
    Actor, CachedStore, PlanStore, SledStore, StoreError, seed_if_empty, system_clock,
};

/// How the server runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServeOptions {
    /// Exit when no client has been connected for this long (none: run until signalled).
    pub idle_exit: Option<Duration>,
    /// Seed a new, empty store with the embedded plan.
    pub seed: bool,
    /// Close a connection (other than a change feed) that sends nothing for this long (none:
    /// [`CONN_IDLE`]). Clients reconnect by themselves.
    pub conn_idle: Option<Duration>,
    /// Connections served at once (none: [`MAX_CLIENTS`]).
    pub max_clients: Option<usize>,
}

/// How long a connection may stay silent after its hello, by default.
pub const CONN_IDLE: Duration = Duration::from_secs(15 * 60);

/// Why the store is not there: the server stopped before anyone needed it opened.
const NOT_OPENED: &str = "the server stopped before it opened the store";

/// How long shutdown waits for requests in flight.
const DRAIN: Duration = Duration::from_secs(5);

/// Connections served at once by default (one thread each); more are refused with a sentence.
pub const MAX_CLIENTS: usize = 256;

/// A watching connection's writer.
pub(super) type Feed = Arc<Mutex<UnixStream>>;

/// What the server's threads share.
pub(super) struct Shared {
    /// The store, its plans kept in memory (see `store::CachedStore`); set once sled has opened
    /// it (see [`Shared::store`]).
    store: Arc<Pending>,
    /// The active plan's `load` answer a clean close left (see `store::handover`), given until
    /// the first change.
    early: Mutex<Option<Arc<Left>>>,
    /// The store's identity (said in the hello).
    pub store_id: String,
    /// Tells the thread that opens the store in the background that it is needed now.
    needed: Mutex<Option<Sender<()>>>,
    pub db: PathBuf,
    pub server_uid: u32,
    pub server_login: String,
    stopping: AtomicBool,
    /// The listening socket, to wake the accept loop.
    listener: UnixListener,
    clients: Mutex<(usize, Instant)>,
    conns: Mutex<HashMap<u64, UnixStream>>,
    watchers: Mutex<Vec<(u64, Feed)>>,
    changes: Sender<u64>,
    pub log: Arc<Log>,
    /// How long a connection may stay silent (see [`ServeOptions::conn_idle`]).
    pub conn_idle: Duration,
    /// Connections served at once.
    pub max_clients: usize,
    /// Why the server stops after a failure of the store (it then exits non-zero).
    failed: Mutex<Option<String>>,
}

/// Locks, carrying on after a thread panicked while holding the lock (the data is plain).
pub(super) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The store once it is open, or why it could not be opened.
type Pending = OnceLock<Result<Arc<CachedStore<SledStore>>, String>>;

/// Sets the store as not opened when the thread opening it ends without setting it.
struct Answered<'a>(&'a Pending);

impl Drop for Answered<'_> {
    fn drop(&mut self) {
        let _ = self.0.set(Err(
            "the store could not be opened (its opening stopped)".into()
        ));
    }
}

impl Shared {
    /// The store, waiting for sled to open it when the server started on what the last clean
    /// close left (see [`serve`]).
    pub fn store(&self) -> Result<&Arc<CachedStore<SledStore>>, StoreError> {
        if self.store.get().is_none()
            && let Some(needed) = lock(&self.needed).as_ref()
        {
            let _ = needed.send(());
        }
        match self.store.wait() {
            Ok(store) => Ok(store),
            Err(why) => Err(StoreError::Backend(why.clone())),
        }
    }

    /// What the last clean close left, while nothing has changed since.
    pub fn early(&self) -> Option<Arc<Left>> {
        lock(&self.early).clone()
    }

    /// Before any change: the answer left by the last close no longer holds.
    pub fn forget_early(&self) {
        lock(&self.early).take();
    }

    pub fn stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }

    /// Stops accepting: sets the flag and wakes the accept loop (shutting a listening socket
    /// down makes a blocked `accept` fail at once; it works without the socket's path).
    pub fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        lock(&self.needed).take();
        let _ = rustix::net::shutdown(&self.listener, rustix::net::Shutdown::Both);
    }

    /// A connection began; its reading half is kept to end it on shutdown. False (and nothing
    /// counted) when the maximum ([`ServeOptions::max_clients`]) are already connected.
    pub fn joined(&self, id: u64, stream: Option<UnixStream>) -> bool {
        {
            let mut c = lock(&self.clients);
            if c.0 >= self.max_clients {
                return false;
            }
            c.0 += 1;
        }
        if let Some(s) = stream {
            lock(&self.conns).insert(id, s);
        }
        true
    }

    /// A connection ended.
    pub fn left(&self, id: u64) {
        lock(&self.conns).remove(&id);
        lock(&self.watchers).retain(|(w, _)| *w != id);
        let mut c = lock(&self.clients);
        c.0 = c.0.saturating_sub(1);
        if c.0 == 0 {
            c.1 = Instant::now();
        }
    }

    /// True when connection `id` is a change feed.
    pub fn is_watcher(&self, id: u64) -> bool {
        lock(&self.watchers).iter().any(|(w, _)| *w == id)
    }

    /// Makes connection `id` a change feed.
    pub fn add_watcher(&self, id: u64, feed: Feed) {
        lock(&self.watchers).push((id, feed));
    }

    /// The store's files could not be read or written (disk full, I/O error): sled's state after
    /// such an error is not to be trusted, so the server stops and exits non-zero (systemd
    /// restarts it; a session starts a new one), after answering the request with the error.
    pub fn store_failed(&self, e: &StoreError) {
        if matches!(e, StoreError::Io { .. }) {
            self.log.line(&format!(
                "steerdeck serve: error: {e}; stopping so that it restarts"
            ));
            lock(&self.failed).get_or_insert_with(|| e.to_string());
            self.stop();
        }
    }

    /// Tells the watchers that a change was committed.
    pub fn changed(&self) {
        let seq = self.store().and_then(PlanStore::last_seq).unwrap_or(0);
        let _ = self.changes.send(seq);
    }
}

/// Runs the server for the store in `db` until a signal (or idle, see [`ServeOptions`]).
pub fn serve(db: &Path, opts: ServeOptions) -> Result<(), ServerError> {
    let socket = socket_path(db);
    if UnixStream::connect(&socket).is_ok() {
        return Err(ServerError::AlreadyRunning {
            socket: socket.display().to_string(),
        });
    }
    restrict_new_files(db);
    let server_uid = rustix::process::geteuid().as_raw();
    let server_login = login_of(server_uid);
    let actor = Actor::new(server_login.clone());
    let registry =
        crate::domain::UnitRegistry::embedded().map_err(|e| ServerError::System(e.to_string()))?;
    // An existing store's lock is taken first. When it was closed cleanly and left the active
    // plan's answer (see `store::handover`), the socket is bound at once and that answer given
    // while sled opens the store in the background: a session's first screen does not wait for
    // sled. Otherwise the store is opened (and seeded) before the socket is bound, as its errors
    // decide how this server exits.
    let opening = if db.exists() {
        Some(SledStore::begin_open(db)?)
    } else {
        None
    };
    let handover = opening.as_ref().and_then(crate::store::Opening::handover);
    let pending: Arc<Pending> = Arc::new(OnceLock::new());
    let (store_id, opener) = match (opening, handover) {
        (Some(opening), Some(handover)) => {
            let id = handover.store.clone();
            let slot = Arc::clone(&pending);
            let (needed, wanted) = mpsc::channel::<()>();
            let opener = spawn("open", move || {
                // However this thread ends, those waiting for the store are answered.
                let _answered = Answered(&slot);
                // Opened when a request needs it (a change, a query, another plan): sled's
                // open (100 ms at 100,000 tasks) would otherwise compete for the cores with
                // the screen reading the plan, or with its first search.
                if wanted.recv().is_err() {
                    // Stopping before anyone needed it: the files stay as the close left them
                    // (and what it left stays true).
                    let _ = slot.set(Err(NOT_OPENED.into()));
                    return;
                }
                let store = opening
                    .open(system_clock(), None)
                    .map(|s| Arc::new(CachedStore::new(s, registry)))
                    .map_err(|e| e.to_string());
                let _ = slot.set(store);
            })?;
            (id, Some((opener, (Arc::new(handover), needed))))
        }
        (opening, _) => {
            let plan = crate::plan::embedded()?;
            let seed = |s: &SledStore| seed_if_empty(s, &actor, plan.clone()).map(|_| ());
            let seeding: Option<crate::store::Init<'_>> =
                if opts.seed { Some(&seed) } else { None };
            let on_disk = match opening {
                Some(opening) => opening.open(system_clock(), seeding)?,
                None => SledStore::open_with(db, system_clock(), seeding)?,
            };
            if opts.seed {
                seed_if_empty(&on_disk, &actor, plan)?;
            }
            let id = on_disk.id().to_string();
            // The server keeps its plans in memory and answers queries from them.
            let _ = pending.set(Ok(Arc::new(CachedStore::new(on_disk, registry))));
            (id, None)
        }
    };
    let log = Arc::new(Log::open(db));
    clear_stale(&socket)?;
    let dir_mode = std::fs::metadata(db).map_or(0o700, |m| m.mode());
    let listener = bind_private(db, &socket, policy::socket_mode(dir_mode))?;
    let bound = Bound::new(&socket);
    let (opener, early) = opener.unzip();
    let (early, needed) = early.unzip();
    let started = Started {
        store: Arc::clone(&pending),
        early,
        needed,
        store_id,
        server_uid,
        server_login,
        log: Arc::clone(&log),
    };
    let result = run(db, started, &listener, &bound, opts);
    bound.remove(); // while the store is still held
    if let Some(opener) = opener {
        let _ = opener.join();
    }
    let result = match (result, pending.get()) {
        (Ok(()), Some(Err(why))) if why != NOT_OPENED => Err(ServerError::StoreFailed(why.clone())),
        (r, _) => r,
    };
    close(pending);
    if let Err(e) = &result {
        log.line(&format!("steerdeck serve: error: {e}"));
    }
    result
}

/// Closes the store here, once the threads that shared it have ended (they end soon after the
/// stop): its close is then recorded as clean, and the next server opens it without checking
/// it on a copy (see `store::disk`). A thread that does not let go in time leaves the store to
/// the process's exit (the next open checks it).
fn close(store: Arc<Pending>) {
    let deadline = Instant::now() + Duration::from_secs(2);
    while Arc::strong_count(&store) > 1 && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(5));
    }
    let Some(Ok(store)) = Arc::try_unwrap(store).ok().and_then(OnceLock::into_inner) else {
        return;
    };
    if let Ok(store) = Arc::try_unwrap(store) {
        // Nothing can write any more: the active plan's answer is left for the next start.
        if let Some(handover) = super::query::handover(&store) {
            store.inner().leave(handover);
        }
        drop(store);
    }
}

/// Binds the socket without a moment in which its mode could be changed through a path someone
/// else controls: bound in a new directory only this user can enter (mode 0700), given its mode
/// there, then renamed to its public name (a rename replaces whatever is at that name, a
/// symbolic link included, and follows none).
fn bind_private(db: &Path, socket: &Path, mode: u32) -> Result<UnixListener, ServerError> {
    use std::os::unix::fs::DirBuilderExt;
    let private = db.join(format!(".sock.{}", std::process::id()));
    // One left by a dead process with the same pid: we hold the store's lock, it is not in use.
    let _ = std::fs::remove_dir_all(&private);
    std::fs::DirBuilder::new()
        .mode(0o700)
        .create(&private)
        .map_err(|e| socket_error(&private, &e))?;
    let tmp = private.join("s");
    let bound = UnixListener::bind(&tmp)
        .map_err(|e| socket_error(socket, &e))
        .and_then(|l| {
            std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(mode))
                .and_then(|()| std::fs::rename(&tmp, socket))
                .map_err(|e| socket_error(socket, &e))
                .map(|()| l)
        });
    let _ = std::fs::remove_file(&tmp);
    let _ = std::fs::remove_dir(&private);
    bound
}

/// Files the server creates are for the people who may use the store and nobody else: readable
/// and writable by the group when the store directory is shared with a group (`g+w`), by the
/// owner alone otherwise, whatever umask the server was started with.
fn restrict_new_files(db: &Path) {
    use rustix::fs::Mode;
    use std::os::unix::fs::PermissionsExt;
    let shared = std::fs::metadata(db).is_ok_and(|m| m.permissions().mode() & 0o020 != 0);
    let mask = if shared { 0o007 } else { 0o077 };
    rustix::process::umask(Mode::from_raw_mode(mask));
}

/// What `serve` has set up before binding the socket.
struct Started {
    store: Arc<Pending>,
    early: Option<Arc<Left>>,
    needed: Option<Sender<()>>,
    store_id: String,
    server_uid: u32,
    server_login: String,
    log: Arc<Log>,
}

/// Serves on a bound socket until stopped.
fn run(
    db: &Path,
    started: Started,
    listener: &UnixListener,
    bound: &Bound,
    opts: ServeOptions,
) -> Result<(), ServerError> {
    let (changes, rx) = mpsc::channel();
    let warm = started.early.is_none();
    let shared = Arc::new(Shared {
        store: started.store,
        early: Mutex::new(started.early),
        store_id: started.store_id,
        needed: Mutex::new(started.needed),
        db: db.to_path_buf(),
        server_uid: started.server_uid,
        server_login: started.server_login,
        stopping: AtomicBool::new(false),
        listener: listener
            .try_clone()
            .map_err(|e| socket_error(&bound.path, &e))?,
        clients: Mutex::new((0, Instant::now())),
        conns: Mutex::new(HashMap::new()),
        watchers: Mutex::new(Vec::new()),
        changes,
        log: started.log,
        conn_idle: opts.conn_idle.unwrap_or(CONN_IDLE),
        max_clients: opts.max_clients.unwrap_or(MAX_CLIENTS).max(1),
        failed: Mutex::new(None),
    });
    // Reads the active plan into memory while the first session says hello (unless the last
    // close left its answer).
    if warm {
        spawn("warm", {
            let s = Arc::clone(&shared);
            move || {
                if let Ok(store) = s.store() {
                    super::query::warm_active(store);
                }
            }
        })?;
    }
    let notifier = spawn("notifier", {
        let s = Arc::clone(&shared);
        move || notify_loop(&s, &rx)
    })?;
    let signals = on_signals(&shared)?;
    let housekeeper = spawn("housekeeping", {
        let s = Arc::clone(&shared);
        let bound = bound.clone();
        move || housekeeping(&s, &bound, opts.idle_exit)
    })?;
    shared.log.line(&format!(
        "steerdeck serve: serving {} on {} (protocol {}, pid {})",
        db.display(),
        bound.path.display(),
        super::protocol::PROTOCOL_VERSION,
        std::process::id()
    ));
    let threads = accept_loop(&shared, listener);
    shared.log.line("steerdeck serve: stopping");
    signals.close();
    drain(&shared, threads);
    let _ = shared.changes.send(u64::MAX); // wakes the notifier so it sees the stop
    let _ = notifier.join();
    // Woken from its pause, so that the store is let go of (and closed) at once.
    housekeeper.thread().unpark();
    let _ = housekeeper.join();
    match lock(&shared.failed).take() {
        Some(message) => Err(ServerError::StoreFailed(message)),
        None => Ok(()),
    }
}

/// The socket file this server bound (by device and inode, so as to touch no other).
#[derive(Clone)]
struct Bound {
    path: PathBuf,
    id: Option<(u64, u64)>,
}

impl Bound {
    fn new(path: &Path) -> Self {
        let id = std::fs::symlink_metadata(path)
            .ok()
            .map(|m| (m.dev(), m.ino()));
        Bound {
            path: path.to_path_buf(),
            id,
        }
    }

    /// True while the socket file is the one this server bound.
    fn still_there(&self) -> bool {
        let now = std::fs::symlink_metadata(&self.path)
            .ok()
            .map(|m| (m.dev(), m.ino()));
        now.is_some() && now == self.id
    }

    /// Removes the socket file if it is still this server's.
    fn remove(&self) {
        if self.still_there() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Removes a socket file that no server answers on; refuses to touch anything else.
fn clear_stale(socket: &Path) -> Result<(), ServerError> {
    let Ok(meta) = std::fs::symlink_metadata(socket) else {
        return Ok(());
    };
    if !meta.file_type().is_socket() {
        return Err(ServerError::Socket {
            path: socket.display().to_string(),
            message: "a file that is not a socket is in the way; move it elsewhere".into(),
        });
    }
    match UnixStream::connect(socket) {
        Ok(_) => Err(ServerError::AlreadyRunning {
            socket: socket.display().to_string(),
        }),
        Err(e) if e.kind() == ErrorKind::ConnectionRefused => {
            std::fs::remove_file(socket).map_err(|e| socket_error(socket, &e))
        }
        Err(e) => Err(socket_error(socket, &e)),
    }
}

fn spawn(name: &str, f: impl FnOnce() + Send + 'static) -> Result<JoinHandle<()>, ServerError> {
    thread::Builder::new()
        .name(name.to_string())
        .spawn(f)
        .map_err(|e| ServerError::System(format!("cannot start a thread: {e}")))
}

fn on_signals(shared: &Arc<Shared>) -> Result<signal_hook::iterator::Handle, ServerError> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])
        .map_err(|e| ServerError::System(format!("cannot handle signals ({e})")))?;
    let handle = signals.handle();
    let s = Arc::clone(shared);
    spawn("signals", move || {
        if signals.forever().next().is_some() {
            s.stop();
        }
    })?;
    Ok(handle)
}

/// Stops the server when it has been idle long enough, or when its socket file is gone (the
/// store directory was removed, or someone deleted the socket: nobody can connect any more).
fn housekeeping(shared: &Shared, bound: &Bound, idle: Option<Duration>) {
    let tick = idle.map_or(Duration::from_millis(250), |i| {
        (i / 10).clamp(Duration::from_millis(10), Duration::from_millis(250))
    });
    while !shared.stopping() {
        // Unparked when the server stops (a spurious wake-up only checks early).
        thread::park_timeout(tick);
        if let Some(Err(why)) = shared.store.get()
            && why != NOT_OPENED
        {
            // Opened in the background (see `serve`) and failed: nothing can be changed.
            lock(&shared.failed).get_or_insert_with(|| why.clone());
            shared.stop();
        }
        let (count, since) = *lock(&shared.clients);
        let idle_over = idle.is_some_and(|i| count == 0 && since.elapsed() >= i);
        if idle_over || !bound.still_there() {
            shared.stop();
        }
    }
}

fn accept_loop(shared: &Arc<Shared>, listener: &UnixListener) -> Vec<JoinHandle<()>> {
    let mut threads: Vec<JoinHandle<()>> = Vec::new();
    let mut next = 0u64;
    for conn in listener.incoming() {
        if shared.stopping() {
            break;
        }
        let Ok(stream) = conn else {
            // Out of file descriptors or similar: give the system a moment.
            thread::sleep(Duration::from_millis(50));
            continue;
        };
        next += 1;
        let id = next;
        if !shared.joined(id, stream.try_clone().ok()) {
            conn::refuse_busy(&stream, shared.max_clients);
            continue;
        }
        threads.retain(|t| !t.is_finished());
        let s = Arc::clone(shared);
        match thread::Builder::new()
            .name(format!("conn-{id}"))
            .spawn(move || conn::handle(&s, stream, id))
        {
            Ok(t) => threads.push(t),
            Err(_) => shared.left(id),
        }
    }
    threads
}

/// Ends every connection's reading half (a request being answered still gets its answer), then
/// waits for the connection threads, at most [`DRAIN`].
fn drain(shared: &Shared, threads: Vec<JoinHandle<()>>) {
    for s in lock(&shared.conns).values() {
        let _ = s.shutdown(std::net::Shutdown::Read);
    }
    let deadline = Instant::now() + DRAIN;
    for t in threads {
        while !t.is_finished() && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(5));
        }
        if t.is_finished() {
            let _ = t.join();
        }
    }
}

fn notify_loop(shared: &Shared, rx: &Receiver<u64>) {
    while let Ok(mut seq) = rx.recv() {
        if shared.stopping() && seq == u64::MAX {
            return;
        }
        while let Ok(s) = rx.try_recv() {
            if s != u64::MAX {
                seq = seq.max(s);
            }
        }
        let feeds: Vec<(u64, Feed)> = lock(&shared.watchers).clone();
        let line = super::protocol::encode(&super::protocol::Reply {
            changed: Some(seq),
            ..Default::default()
        });
        let mut dead = Vec::new();
        for (id, feed) in feeds {
            use std::io::Write;
            let mut stream = lock(&feed);
            if stream.write_all(&line).is_err() {
                // A feed that stopped reading may hold half a line: end it, so that its client
                // notices, reconnects and reloads.
                let _ = stream.shutdown(std::net::Shutdown::Both);
                dead.push(id);
            }
        }
        if !dead.is_empty() {
            lock(&shared.watchers).retain(|(id, _)| !dead.contains(id));
        }
    }
}
