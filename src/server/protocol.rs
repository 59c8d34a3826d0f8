//! The wire protocol between `steerdeck serve` and its clients: one JSON object per line over a
//! Unix stream socket (`<db>/steerdeck.sock`).
//!
//! Each side first sends a hello. The server's also says who it sees and what they may do:
//!
//! ```text
//! → {"steerdeck":1,"version":"0.1.0"}
//! ← {"steerdeck":1,"version":"0.1.0","login":"lan","access":"edit","store":"5f0c…"}
//! → {"id":1,"op":"execute","user":"Chủ tịch","command":{"command":"update","plan":"2025","task":"IV.5","status":"done",...}}
//! ← {"id":1,"ok":{"outcome":"updated","events":[{"seq":7,"who":"Chủ tịch (lan)",...}]}}
//! → {"id":2,"op":"execute","command":{"command":"update",...,"expect_status":"in_progress"}}
//! ← {"id":2,"error":{"kind":"conflict","message":"IV.5: status was changed to 'done' by Chủ tịch (lan) since you looked ...","detail":{...}}}
//! ```
//!
//! Operations: `plans`, `active`, `load {plan}`, `state {plan, task}`, `history {plan, task?}`,
//! `execute {command, user?}`, `last_seq`, `backup` (the whole store, see `store::backup`), and
//! `watch`: its answer is `{"seq": n}`, after which
//! the server pushes `{"changed": n}` on that connection whenever any client's change has been
//! committed and flushed (`n` is the newest history entry; reload on any push).
//!
//! Queries the server answers from the plan it keeps in memory, so that a command does not pull
//! the whole plan: `task {plan, task}` (one task with its pillar and history, for `show`) and
//! `select {plan, selection}` (the tasks a filter and a search select, for `list`).
//!
//! An import larger than a request may be is sent in parts on one connection:
//! `import_begin {plan, activate}` (the plan, with none or some of its tasks),
//! `import_more {tasks, states}` any number of times, then `import_commit {user?}`, which
//! applies the whole plan as one atomic change and answers like `execute`. Nothing is applied
//! before the commit; a connection that ends before it leaves the store untouched.
//!
//! A hello of another protocol version is answered with a `version` error naming both, then the
//! connection is closed. A line over [`MAX_REQUEST`] bytes gets a `too_long` error and the
//! connection is closed; a line that is not JSON, or names an unknown operation, gets an error
//! and the connection stays open.

use serde::{Deserialize, Serialize};
use std::io::{self, BufRead, Read};

use super::policy::Access;
pub use super::wire_error::{ErrorKind, WireError};
use crate::domain::{Plan, TaskDef, TaskState};
use crate::store::{Command, Selection};
use std::collections::BTreeMap;

/// The protocol version; a client and a server must speak the same one.
pub const PROTOCOL_VERSION: u32 = 1;

/// The longest request line the server reads (4 MiB).
pub const MAX_REQUEST: usize = 4 * 1024 * 1024;

/// The longest answer line a client reads (a large plan's history can be big).
pub const MAX_ANSWER: usize = 256 * 1024 * 1024;

/// The first message each way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    /// The protocol version ([`PROTOCOL_VERSION`]).
    pub steerdeck: u32,
    /// The steerdeck version of the sender.
    pub version: String,
    /// Server only: the login of the connected user, from the kernel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login: Option<String>,
    /// Server only: what the connected user may do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// Server only: the identity of the store it serves (clients check it against the store
    /// directory's `store-id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
}

impl Hello {
    /// This program's hello.
    pub fn ours() -> Self {
        Hello {
            steerdeck: PROTOCOL_VERSION,
            version: env!("CARGO_PKG_VERSION").to_string(),
            login: None,
            access: None,
            store: None,
        }
    }
}

/// The sentence for a server and a client of different protocol versions.
pub fn version_mismatch(server: &Hello, client: &Hello) -> String {
    format!(
        "the steerdeck server speaks protocol {}, this client speaks {}: restart the server or use the same steerdeck version (server {}, client {})",
        server.steerdeck, client.steerdeck, server.version, client.version
    )
}

/// A request: an id the answer repeats, and an operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// Chosen by the client; the answer carries it back.
    pub id: u64,
    /// What to do.
    #[serde(flatten)]
    pub op: Op,
}

/// The operations: one per `PlanStore` method, and `watch`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Op {
    /// Every plan.
    Plans,
    /// The active plan's name.
    Active,
    /// A plan with its states.
    Load {
        /// The plan's name.
        plan: String,
    },
    /// One task's recorded state.
    State {
        /// The plan's name.
        plan: String,
        /// The task's id.
        task: String,
    },
    /// History of a task or a plan.
    History {
        /// The plan's name.
        plan: String,
        /// The task's id; none for the whole plan.
        #[serde(default)]
        task: Option<String>,
        /// Only the plan's events after this sequence number.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        after: Option<u64>,
    },
    /// Applies a command. The server records the peer's login as the actor, with `user` next to
    /// it when given.
    Execute {
        /// A display name (from `--user`); never replaces the login.
        #[serde(default)]
        user: Option<String>,
        /// The change.
        command: Command,
    },
    /// The newest history entry's sequence number.
    LastSeq,
    /// Turns this connection into a change feed.
    Watch,
    /// A consistent copy of the whole store (`store::backup::Backup`), taken under the write lock.
    Backup,
    /// One task with its state, pillar and history.
    Task {
        /// The plan's name.
        plan: String,
        /// The task's id (any case).
        task: String,
    },
    /// The tasks a filter and a search select.
    Select {
        /// The plan's name.
        plan: String,
        /// Which tasks.
        selection: Selection,
    },
    /// Starts an import sent in parts (replaces one not committed on this connection).
    ImportBegin {
        /// The plan, with none or the first of its tasks.
        plan: Plan,
        /// Make it the active plan.
        activate: bool,
    },
    /// More of the import begun on this connection.
    ImportMore {
        /// Tasks, after those already sent.
        #[serde(default)]
        tasks: Vec<TaskDef>,
        /// Recorded states carried by the file.
        #[serde(default)]
        states: BTreeMap<String, TaskState>,
    },
    /// Applies the import begun on this connection, whole, as one change.
    ImportCommit {
        /// A display name (from `--user`); never replaces the login.
        #[serde(default)]
        user: Option<String>,
    },
}

/// The names of the operations, for the "unknown operation" sentence.
pub const OPS: &[&str] = &[
    "plans",
    "active",
    "load",
    "state",
    "history",
    "execute",
    "last_seq",
    "watch",
    "task",
    "select",
    "import_begin",
    "import_more",
    "import_commit",
    "backup",
];

impl Op {
    /// True for operations that change the store.
    pub fn is_write(&self) -> bool {
        matches!(self, Op::Execute { .. } | Op::ImportCommit { .. })
    }
}

/// A line from the server: an answer (`id` with `ok` or `error`), an error not tied to a
/// request (no `id`), or a change notification (`changed`).
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Reply {
    /// The request's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// The result (`null` for a result that is nothing), kept as the JSON text it is: the
    /// server writes it straight from the value, the client reads the value straight from it
    /// (no `serde_json::Value` tree in between, which cost more than the plan itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ok: Option<std::sync::Arc<serde_json::value::RawValue>>,
    /// Why it failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<WireError>,
    /// A change notification on a watching connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<u64>,
}

/// What reading one line gave.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// A line (without its newline) is in the buffer.
    Line,
    /// The line is longer than the limit; the buffer holds its first part.
    TooLong,
    /// The other side closed the connection.
    Closed,
}

/// Reads one line of at most `limit` bytes (newline not counted) into `buf`.
pub fn read_line(r: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> io::Result<Line> {
    buf.clear();
    let max = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let n = r.by_ref().take(max).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(Line::Closed);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        return Ok(Line::Line);
    }
    if buf.len() > limit {
        return Ok(Line::TooLong);
    }
    Ok(Line::Line) // the last line, without a newline
}

/// Reads one request line as the server does: JSON, an `id`, a known `op`, then the fields of
/// that operation. An error carries the request's id when it had one, and says what is wrong.
pub fn parse_request(line: &[u8]) -> Result<Request, (Option<u64>, WireError)> {
    let value: serde_json::Value = serde_json::from_slice(line).map_err(|e| {
        let m = format!("the request is not valid JSON ({e}); send one JSON object per line");
        (None, WireError::new(ErrorKind::BadRequest, m))
    })?;
    let Some(id) = value.get("id").and_then(serde_json::Value::as_u64) else {
        let m = "the request has no \"id\" (a whole number the answer repeats)";
        return Err((None, WireError::new(ErrorKind::BadRequest, m)));
    };
    let op = value
        .get("op")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default()
        .to_string();
    if !OPS.contains(&op.as_str()) {
        let m = format!(
            "unknown operation '{}'; the operations are {}",
            crate::domain::text::printable(&op, false),
            OPS.join(", ")
        );
        return Err((Some(id), WireError::new(ErrorKind::UnknownOp, m)));
    }
    serde_json::from_value::<Request>(value).map_err(|e| {
        let m = format!("the '{op}' request is not valid: {e}");
        (Some(id), WireError::new(ErrorKind::BadRequest, m))
    })
}

/// A reply as a line, written into a buffer sized for its value (a plan is megabytes: no
/// growing and copying on the way).
pub fn encode_reply(reply: &Reply) -> Vec<u8> {
    let size = reply.ok.as_ref().map_or(0, |v| v.get().len()) + 256;
    let mut v = Vec::with_capacity(size);
    if serde_json::to_writer(&mut v, reply).is_err() {
        return encode(reply);
    }
    v.push(b'\n');
    v
}

/// Writes `reply` as one line to `w`, as [`encode_reply`] encodes it; a large result (a plan's
/// `load`) is written from where it is kept, not copied into the line first.
pub fn write_reply(w: &mut impl std::io::Write, reply: &Reply) -> std::io::Result<()> {
    const LARGE: usize = 64 * 1024;
    match reply {
        Reply {
            id,
            ok: Some(ok),
            error: None,
            changed: None,
        } if ok.get().len() >= LARGE => write_ok(w, *id, ok.get().as_bytes()),
        _ => w.write_all(&encode_reply(reply)),
    }
}

/// Writes the answer to request `id` whose result is the JSON text `ok`, as [`encode_reply`]
/// would encode it, from where `ok` is kept.
pub fn write_ok(w: &mut impl std::io::Write, id: Option<u64>, ok: &[u8]) -> std::io::Result<()> {
    let head = match id {
        Some(id) => format!("{{\"id\":{id},\"ok\":"),
        None => "{\"ok\":".to_string(),
    };
    w.write_all(head.as_bytes())?;
    w.write_all(ok)?;
    w.write_all(b"}\n")
}

/// One message as a line (JSON plus newline).
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    let mut v = serde_json::to_vec(message).unwrap_or_else(|e| {
        // Only a type that cannot be JSON fails here; say so on the wire rather than panic.
        let reply = Reply {
            error: Some(WireError::new(ErrorKind::Store, e.to_string())),
            ..Reply::default()
        };
        serde_json::to_vec(&reply).unwrap_or_default()
    });
    v.push(b'\n');
    v
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_large_reply_is_written_as_it_is_encoded() {
        let big = format!("[{}]", vec!["\"hộ tịch\""; 20_000].join(","));
        let raw: std::sync::Arc<serde_json::value::RawValue> =
            serde_json::value::RawValue::from_string(big)
                .expect("json")
                .into();
        for id in [Some(7), None] {
            let reply = super::Reply {
                id,
                ok: Some(std::sync::Arc::clone(&raw)),
                ..super::Reply::default()
            };
            let mut written = Vec::new();
            super::write_reply(&mut written, &reply).expect("write");
            assert_eq!(written, super::encode_reply(&reply), "{id:?}");
        }
        let small = super::Reply {
            id: Some(1),
            changed: Some(3),
            ..super::Reply::default()
        };
        let mut written = Vec::new();
        super::write_reply(&mut written, &small).expect("write");
        assert_eq!(written, super::encode_reply(&small));
    }

    use super::*;
    use crate::store::Update;

    #[test]
    fn requests_are_flat_objects() {
        let r = Request {
            id: 3,
            op: Op::History {
                plan: "2025".into(),
                task: None,
                after: None,
            },
        };
        let line = serde_json::to_string(&r).expect("json");
        assert_eq!(line, r#"{"id":3,"op":"history","plan":"2025","task":null}"#);
        let back: Request =
            serde_json::from_str(r#"{"id":3,"op":"history","plan":"2025"}"#).expect("parses");
        assert_eq!(back, r);
        let exec: Request = serde_json::from_str(
            r#"{"id":4,"op":"execute","command":{"command":"update","plan":"p","task":"I.1","status":"done"}}"#,
        )
        .expect("parses");
        assert!(exec.op.is_write());
    }

    #[test]
    fn lines_are_limited() {
        let mut buf = Vec::new();
        let mut r = io::BufReader::new(&b"12345\n123456789\nabc"[..]);
        assert_eq!(read_line(&mut r, &mut buf, 5).expect("read"), Line::Line);
        assert_eq!(buf, b"12345");
        assert_eq!(read_line(&mut r, &mut buf, 5).expect("read"), Line::TooLong);
        let mut r = io::BufReader::new(&b"abc"[..]);
        assert_eq!(read_line(&mut r, &mut buf, 5).expect("read"), Line::Line);
        assert_eq!(buf, b"abc");
        assert_eq!(read_line(&mut r, &mut buf, 5).expect("read"), Line::Closed);
    }

    #[test]
    fn an_update_survives_the_trip() {
        let op = Op::Execute {
            user: Some("Chủ tịch".into()),
            command: Command::Update(Update {
                plan: "2025".into(),
                task: "IV.5".into(),
                progress: Some(40),
                ..Update::default()
            }),
        };
        let line = encode(&Request {
            id: 9,
            op: op.clone(),
        });
        let back: Request = serde_json::from_slice(&line).expect("parses");
        assert_eq!(back.op, op);
    }
}
