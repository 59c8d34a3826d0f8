//! One connection on the server: who the peer is (from the kernel), the hello, then requests
//! answered in order until the peer leaves, sends an oversized line, or the server stops.

use serde::Serialize;
use serde_json::Value;
use serde_json::value::RawValue;
use std::io::{BufReader, Write};
use std::os::unix::fs::MetadataExt;
use std::os::unix::net::UnixStream;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::policy::{self, Access, Peer, StoreOwner};
use super::protocol::{
    ErrorKind, Hello, Line, MAX_REQUEST, Op, Reply, Request, WireError, encode, read_line,
    version_mismatch, write_reply,
};
use super::serve::{Shared, lock};
use crate::identity::{actor, login_of};
use crate::store::PlanStore;

/// How long a write to a peer may block (a peer that stops reading is dropped).
const WRITE_TIMEOUT: Duration = Duration::from_secs(5);
/// The longest display name recorded (in characters); the rest is dropped.
const MAX_DISPLAY_NAME: usize = 64;
/// How long a new connection may take to say hello.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);

/// Who is on the other end, and what they may do.
struct Who {
    login: String,
    access: Access,
    refusal: WireError,
}

/// Serves connection `id` until it ends.
pub(super) fn handle(shared: &Arc<Shared>, stream: UnixStream, id: u64) {
    let _left = Left(shared, id);
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let Ok(writer) = stream.try_clone() else {
        return;
    };
    let writer = Arc::new(Mutex::new(writer));
    let who = match identify(shared, &stream) {
        Ok(w) => w,
        Err(message) => {
            send(&writer, &error(None, ErrorKind::Store, message));
            return;
        }
    };
    let hello = Hello {
        login: Some(who.login.clone()),
        access: Some(who.access),
        store: Some(shared.store_id.clone()),
        ..Hello::ours()
    };
    if !send(&writer, &hello) {
        return;
    }
    let _ = stream.set_read_timeout(Some(HELLO_TIMEOUT));
    let mut reader = BufReader::new(stream);
    let mut buf = Vec::new();
    let said_hello = read_line(&mut reader, &mut buf, MAX_REQUEST);
    // A connection that then says nothing for `conn_idle` is closed (its client reconnects when
    // it needs to); a change feed may stay quiet for hours.
    let _ = reader.get_ref().set_read_timeout(Some(shared.conn_idle));
    let mut watching = false;
    match said_hello {
        Ok(Line::Line) => {
            if let Err(e) = check_hello(&buf, &hello) {
                send(
                    &writer,
                    &Reply {
                        error: Some(e),
                        ..Reply::default()
                    },
                );
                return;
            }
        }
        Ok(Line::TooLong) => {
            send(&writer, &too_long());
            return;
        }
        Ok(Line::Closed) | Err(_) => return,
    }
    let mut staged = None;
    loop {
        match read_line(&mut reader, &mut buf, MAX_REQUEST) {
            Ok(Line::Line) => {
                if buf.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                // The writer is held while answering so a change notification cannot come
                // between a `watch` and its answer.
                let mut w = lock(&writer);
                let written = match answer(shared, &who, &buf, id, &writer, &mut staged) {
                    Answer::Reply(reply) => write_reply(&mut *w, &reply),
                    Answer::Left { id, left } => write_left(&mut w, id, &left),
                };
                if written.is_err() {
                    return;
                }
                if !watching && shared.is_watcher(id) {
                    watching = true;
                    let _ = reader.get_ref().set_read_timeout(None);
                }
            }
            Ok(Line::TooLong) => {
                send(&writer, &too_long());
                return;
            }
            Ok(Line::Closed) | Err(_) => return,
        }
    }
}

/// Writes the answer to request `id` that the last clean close left, as [`write_ok`] would
/// write it; a file that no longer holds it whole ends the connection before the answer ends.
fn write_left(
    w: &mut UnixStream,
    id: u64,
    left: &crate::store::handover::Left,
) -> std::io::Result<()> {
    // Copied in large chunks as they are read: no second buffer.
    write!(w, "{{\"id\":{id},\"ok\":")?;
    left.copy_to(w)?;
    w.write_all(b"}\n")
}

/// Tells a connection over the maximum why it is closed.
pub(super) fn refuse_busy(stream: &UnixStream, max: usize) {
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
    let busy = error(
        None,
        ErrorKind::Store,
        format!("the steerdeck server already serves {max} sessions; close one and try again"),
    );
    // Instead of the hello: a client reports an error in place of the hello as it is.
    let mut s = stream;
    let _ = s.write_all(&encode(&busy));
}

/// Marks the connection as gone, however the handler ends.
struct Left<'a>(&'a Shared, u64);

impl Drop for Left<'_> {
    fn drop(&mut self) {
        self.0.left(self.1);
    }
}

fn send<T: Serialize>(writer: &Mutex<UnixStream>, message: &T) -> bool {
    lock(writer).write_all(&encode(message)).is_ok()
}

fn error(id: Option<u64>, kind: ErrorKind, message: impl Into<String>) -> Reply {
    Reply {
        id,
        error: Some(WireError::new(kind, message)),
        ..Reply::default()
    }
}

fn refused(id: u64, who: &Who) -> Reply {
    Reply {
        id: Some(id),
        error: Some(who.refusal.clone()),
        ..Reply::default()
    }
}

fn too_long() -> Reply {
    error(
        None,
        ErrorKind::TooLong,
        format!("the request is longer than {MAX_REQUEST} bytes (4 MiB); the connection is closed"),
    )
}

/// The peer's login and access, from `SO_PEERCRED` and the store directory.
fn identify(shared: &Shared, stream: &UnixStream) -> Result<Who, String> {
    let cred = rustix::net::sockopt::socket_peercred(stream)
        .map_err(|e| format!("the server cannot tell who you are (SO_PEERCRED: {e})"))?;
    let uid = cred.uid.as_raw();
    let login = login_of(uid);
    // The kernel's record of the peer's groups (its pid from SO_PEERCRED), not /etc/group:
    // that file knows neither LDAP/SSSD groups nor whether the user has logged in again since.
    let pid = u32::try_from(cred.pid.as_raw_nonzero().get()).unwrap_or(0);
    let mut gids = crate::identity::process_groups(pid).unwrap_or_default();
    if !gids.contains(&cred.gid.as_raw()) {
        gids.insert(0, cred.gid.as_raw());
    }
    let peer = Peer { uid, gids };
    let (access, refusal) = match std::fs::metadata(&shared.db) {
        Ok(meta) => {
            let owner = StoreOwner {
                server_uid: shared.server_uid,
                dir_uid: meta.uid(),
                dir_gid: meta.gid(),
                dir_mode: meta.mode(),
            };
            let group_name = crate::identity::group_name(meta.gid());
            let refusal = WireError::from_store(&policy::refusal(
                &login,
                &shared.server_login,
                &group_name,
                meta.mode() & 0o020 != 0,
            ));
            (policy::access(&peer, &owner), refusal)
        }
        Err(e) => (
            Access::Read,
            WireError::new(
                ErrorKind::Denied,
                format!("the server cannot read the store directory ({e}); nothing was saved"),
            ),
        ),
    };
    Ok(Who {
        login,
        access,
        refusal,
    })
}

/// The client's hello must speak our protocol.
fn check_hello(line: &[u8], ours: &Hello) -> Result<(), WireError> {
    let value: Value = serde_json::from_slice(line).map_err(|e| {
        WireError::new(
            ErrorKind::BadRequest,
            format!(
                "the first message must be a hello such as {{\"steerdeck\":1,\"version\":\"0.1.0\"}}, not something that is not JSON ({e})"
            ),
        )
    })?;
    let theirs: Hello = serde_json::from_value(value).map_err(|e| {
        WireError::new(
            ErrorKind::BadRequest,
            format!(
                "the first message must be a hello such as {{\"steerdeck\":1,\"version\":\"0.1.0\"}} ({e})"
            ),
        )
    })?;
    if theirs.steerdeck == ours.steerdeck {
        Ok(())
    } else {
        Err(WireError::new(
            ErrorKind::Version,
            version_mismatch(ours, &theirs),
        ))
    }
}

/// What a request is answered with.
enum Answer {
    Reply(Reply),
    /// The `load` answer a clean close left (see `store::handover`), copied from its file.
    Left {
        id: u64,
        left: Arc<crate::store::handover::Left>,
    },
}

/// The answer to one request line.
fn answer(
    shared: &Shared,
    who: &Who,
    line: &[u8],
    conn: u64,
    writer: &Arc<Mutex<UnixStream>>,
    staged: &mut Option<super::query::Staged>,
) -> Answer {
    // A good request is read straight into its type; only a bad one goes through a JSON tree,
    // to say what is wrong with it (a tree of a large import costs more than the import).
    let (id, op) = match serde_json::from_slice::<Request>(line) {
        Ok(r) => (r.id, r.op),
        Err(_) => match super::protocol::parse_request(line) {
            Ok(r) => (r.id, r.op),
            Err((id, e)) => {
                return Answer::Reply(Reply {
                    id,
                    error: Some(e),
                    ..Reply::default()
                });
            }
        },
    };
    // Until the first change, what the session opening a screen asks is answered from what
    // the last clean close left, while sled may still be opening the store.
    if let Some(early) = shared.early() {
        let left = match &op {
            Op::Active => Some(json(Ok(Some(early.plan.as_str())))),
            Op::LastSeq => Some(json(Ok(early.last_seq))),
            Op::Watch => {
                shared.add_watcher(conn, Arc::clone(writer));
                Some(json(Ok(serde_json::json!({ "seq": early.last_seq }))))
            }
            Op::Load { plan } if *plan == early.plan => {
                return Answer::Left { id, left: early };
            }
            _ => None,
        };
        if let Some(result) = left {
            return answered(id, result);
        }
    }
    let store = match shared.store() {
        Ok(store) => store.as_ref(),
        Err(e) => return answered(id, Err(WireError::from_store(&e))),
    };
    let result = match op {
        Op::Plans => reported(shared, store.plans()),
        Op::Active => reported(shared, store.active()),
        Op::Load { plan } => super::query::load(store, &plan),
        Op::Task { plan, task } => reported(shared, store.task(&plan, &task)),
        Op::Select { plan, selection } => reported(shared, store.select(&plan, &selection)),
        Op::Backup => reported(shared, store.backup()),
        Op::ImportBegin { plan, activate } => {
            if who.access != Access::Edit {
                return Answer::Reply(refused(id, who));
            }
            super::query::begin(staged, plan, activate, line.len());
            json(Ok(()))
        }
        Op::ImportMore { tasks, states } => {
            super::query::more(staged, tasks, states, line.len()).and_then(|()| json(Ok(())))
        }
        Op::ImportCommit { user } => match super::query::commit(staged) {
            Err(e) => Err(e),
            Ok(command) => execute(shared, who, user, command),
        },
        Op::State { plan, task } => reported(shared, store.state(&plan, &task)),
        Op::History {
            plan,
            task: None,
            after: Some(after),
        } => reported(shared, store.history_after(&plan, after)),
        Op::History { plan, task, .. } => reported(shared, store.history(&plan, task.as_deref())),
        Op::LastSeq => reported(shared, store.last_seq()),
        Op::Execute { user, command } => {
            if who.access != Access::Edit {
                return Answer::Reply(refused(id, who));
            }
            execute(shared, who, user, command)
        }
        Op::Watch => {
            shared.add_watcher(conn, Arc::clone(writer));
            reported(
                shared,
                store
                    .last_seq()
                    .map(|seq| serde_json::json!({ "seq": seq })),
            )
        }
    };
    answered(id, result)
}

/// The reply to request `id` with `result`.
fn answered(id: u64, result: Result<Arc<RawValue>, WireError>) -> Answer {
    Answer::Reply(match result {
        Ok(v) => Reply {
            id: Some(id),
            ok: Some(v),
            ..Reply::default()
        },
        Err(e) => Reply {
            id: Some(id),
            error: Some(e),
            ..Reply::default()
        },
    })
}

/// Applies a command for an editor, and tells the watchers.
fn execute(
    shared: &Shared,
    who: &Who,
    user: Option<String>,
    command: crate::store::Command,
) -> Result<Arc<RawValue>, WireError> {
    if who.access != Access::Edit {
        return Err(who.refusal.clone());
    }
    let name: Option<String> = user.map(|u| u.chars().take(MAX_DISPLAY_NAME).collect());
    // Whatever the outcome, the answer left by the last close is not given again.
    shared.forget_early();
    let result = shared
        .store()
        .and_then(|s| s.execute(&actor(name.as_deref(), &who.login), command));
    if result.is_ok() {
        shared.changed();
    }
    reported(shared, result)
}

/// A result as the answer; a store failure is also the server's to deal with (see
/// `Shared::store_failed`: it stops so that it is restarted).
fn reported<T: Serialize>(
    shared: &Shared,
    r: crate::store::Result<T>,
) -> Result<Arc<RawValue>, WireError> {
    if let Err(e) = &r {
        shared.store_failed(e);
    }
    json(r)
}

/// A result as the JSON text of the answer (written straight from the value).
pub(super) fn json<T: Serialize>(r: crate::store::Result<T>) -> Result<Arc<RawValue>, WireError> {
    match r {
        Ok(v) => serde_json::value::to_raw_value(&v)
            .map(Arc::from)
            .map_err(|e| WireError::new(ErrorKind::Store, e.to_string())),
        Err(e) => Err(WireError::from_store(&e)),
    }
}
