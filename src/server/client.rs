//! [`RemoteStore`]: the `PlanStore` trait over the server's socket. One connection behind a
//! mutex, one request at a time; a broken connection is reopened once (starting the server again
//! when the store was opened with [`super::connect_or_start`]).

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;
use std::io::{BufReader, ErrorKind, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::Mutex;
use std::time::Duration;

use super::connect::{ConnectOptions, reach};
use super::policy::Access;
use super::protocol::{Hello, Line, MAX_ANSWER, Op, Request, encode, read_line};
use super::serve::lock;
use super::trust;
use crate::domain::{Plan, Task, TaskDef, TaskState};
use crate::store::{
    Actor, Command, Event, Joined, Outcome, PlanData, PlanInfo, PlanStore, Result, Selected,
    Selection, StoreError, TaskRecord, desk_items, join_states,
};
use std::collections::BTreeMap;

/// How long to wait for the hello.
const HELLO_TIMEOUT: Duration = Duration::from_secs(5);
/// How long to wait for an answer (a large import takes a while).
const ANSWER_TIMEOUT: Duration = Duration::from_secs(120);

/// An open, greeted connection to the server.
pub(super) struct Conn {
    pub reader: BufReader<UnixStream>,
    pub writer: UnixStream,
    pub hello: Hello,
    next_id: u64,
}

/// Why opening a connection failed.
pub(super) enum OpenError {
    /// Nobody listens (no socket, a stale one, or a server on its way out): start one.
    NoServer(String),
    /// Something else; starting a server would not help.
    Fatal(StoreError),
}

impl Conn {
    /// Connects to the server of the store in `db` and exchanges hellos, after checking that
    /// the server is the store's own (see [`super::trust`]).
    pub fn open(db: &Path, lang: crate::i18n::Lang) -> std::result::Result<Conn, OpenError> {
        use crate::i18n::Lang;
        let socket = &super::socket_path(db);
        trust::check_socket_file(db, socket).map_err(OpenError::Fatal)?;
        let vi = lang == Lang::Vi;
        let gone = |e: &std::io::Error| {
            OpenError::NoServer(if vi {
                format!(
                    "không có máy chủ steerdeck nào trả lời tại {} ({e})",
                    socket.display()
                )
            } else {
                format!("no steerdeck server answers at {} ({e})", socket.display())
            })
        };
        let stream = match UnixStream::connect(socket) {
            Ok(s) => s,
            Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::ConnectionRefused) => {
                return Err(gone(&e));
            }
            Err(e) if e.kind() == ErrorKind::InvalidInput => {
                return Err(OpenError::Fatal(StoreError::Disconnected(if vi {
                    format!(
                        "không liên lạc được với máy chủ steerdeck tại {}: đường dẫn quá dài cho một Unix socket (tối đa 107 byte); hãy dùng đường dẫn --db ngắn hơn",
                        socket.display()
                    )
                } else {
                    format!(
                        "cannot reach the steerdeck server at {}: the path is too long for a Unix socket (at most 107 bytes); use a shorter --db path",
                        socket.display()
                    )
                })));
            }
            Err(e) => {
                return Err(OpenError::Fatal(StoreError::Disconnected(if vi {
                    format!(
                        "không liên lạc được với máy chủ steerdeck tại {}: {e}",
                        socket.display()
                    )
                } else {
                    format!(
                        "cannot reach the steerdeck server at {}: {e}",
                        socket.display()
                    )
                })));
            }
        };
        trust::check_server(db, socket, &stream).map_err(OpenError::Fatal)?;
        let _ = stream.set_read_timeout(Some(HELLO_TIMEOUT));
        let writer = stream.try_clone().map_err(|e| gone(&e))?;
        let mut conn = Conn {
            // Answers can be megabytes: read them in large pieces.
            reader: BufReader::with_capacity(256 * 1024, stream),
            writer,
            hello: Hello::ours(),
            next_id: 0,
        };
        if let Err(e) = conn.writer.write_all(&encode(&Hello::ours())) {
            // A server that refused the connection at once (it is full) said why first.
            return Err(conn
                .said_before_closing()
                .map_or_else(|| gone(&e), OpenError::Fatal));
        }
        let mut buf = Vec::new();
        match read_line(&mut conn.reader, &mut buf, MAX_ANSWER) {
            Ok(Line::Line) => {}
            Ok(_) => {
                return Err(OpenError::NoServer(if vi {
                    format!(
                        "máy chủ steerdeck tại {} đóng kết nối ngay lập tức",
                        socket.display()
                    )
                } else {
                    format!(
                        "the steerdeck server at {} closed the connection at once",
                        socket.display()
                    )
                }));
            }
            Err(e) => return Err(gone(&e)),
        }
        conn.hello = parse_hello(&buf).map_err(OpenError::Fatal)?;
        trust::check_store_id(db, socket, &conn.hello).map_err(OpenError::Fatal)?;
        let _ = conn.reader.get_ref().set_read_timeout(Some(ANSWER_TIMEOUT));
        Ok(conn)
    }

    /// Sends a request and reads its answer's value. The value is read straight from the line
    /// (no copy of a megabytes-long plan in between).
    fn call<T: DeserializeOwned>(&mut self, op: &Op) -> std::result::Result<T, CallError> {
        if self.closed_by_server() {
            // E.g. closed after being idle: nothing was sent, so it is safe to reconnect.
            return Err(CallError::NotSent);
        }
        self.next_id += 1;
        let id = self.next_id;
        if self
            .writer
            .write_all(&encode(&Request { id, op: op.clone() }))
            .is_err()
        {
            // The server may have answered before it closed the connection (a request over its
            // limit gets `too_long`): what it said is the reason, not a lost connection.
            return Err(self
                .said_before_closing()
                .map_or(CallError::NotSent, CallError::Failed));
        }
        let mut buf = Vec::new();
        loop {
            match read_line(&mut self.reader, &mut buf, MAX_ANSWER) {
                Ok(Line::Line) => {}
                Ok(_) | Err(_) => return Err(CallError::Sent),
            }
            // The common case in one pass: the answer to this request, its value read straight
            // into T (a plan is not scanned once as JSON and then read again).
            if let Some(value) = typed_answer(&buf, id) {
                return Ok(value);
            }
            let reply: Answer<'_> = serde_json::from_slice(&buf).map_err(|e| {
                CallError::Failed(StoreError::Protocol(format!(
                    "the steerdeck server sent something this client cannot read ({e})"
                )))
            })?;
            if reply.changed.is_some() {
                continue;
            }
            if let Some(e) = reply.error {
                return Err(CallError::Failed(e.into_store()));
            }
            if reply.id != Some(id) {
                return Err(CallError::Failed(StoreError::Protocol(format!(
                    "the steerdeck server answered request {:?} when {id} was asked",
                    reply.id
                ))));
            }
            return decode(reply.ok).map_err(CallError::Failed);
        }
    }
}

/// An answer whose value is read straight into `T`.
#[derive(serde::Deserialize)]
#[serde(bound = "T: DeserializeOwned")]
struct TypedAnswer<T> {
    #[serde(default)]
    id: Option<u64>,
    #[serde(default)]
    ok: Option<T>,
    #[serde(default)]
    error: Option<super::protocol::WireError>,
    #[serde(default)]
    changed: Option<u64>,
}

/// The value of `line` when it is the answer to request `id` with a value that reads as `T`;
/// None for anything else (an error, a notification, another id, a value that is `null` or
/// not a `T`), which [`Answer`] then reads and says what it is.
fn typed_answer<T: DeserializeOwned>(line: &[u8], id: u64) -> Option<T> {
    match serde_json::from_slice::<TypedAnswer<T>>(line).ok()? {
        TypedAnswer {
            id: Some(answered),
            ok: Some(value),
            error: None,
            changed: None,
        } if answered == id => Some(value),
        _ => None,
    }
}

/// The `load` answer (a [`PlanData`]) as [`RemoteStore::load_joined`] reads it. Its fields are
/// `PlanData`'s and [`Plan`]'s, read the same way (a test checks the two readings agree);
/// `archived` is not needed by a screen and is skipped.
#[derive(serde::Deserialize)]
struct JoinedWire {
    plan: PlanWire,
    states: BTreeMap<String, TaskState>,
    #[serde(default)]
    desk: crate::domain::Desk,
}

#[derive(serde::Deserialize)]
struct PlanWire {
    name: String,
    title: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    year: Option<i32>,
    pillars: Vec<crate::domain::Pillar>,
    #[serde(deserialize_with = "unjoined_tasks")]
    tasks: Vec<Task>,
    #[serde(default)]
    targets: Vec<crate::domain::Kpi>,
}

/// A list of task definitions, each read into a [`Task::unjoined`] in place.
fn unjoined_tasks<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Vec<Task>, D::Error> {
    struct Tasks;
    impl<'de> serde::de::Visitor<'de> for Tasks {
        type Value = Vec<Task>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of tasks")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> std::result::Result<Vec<Task>, A::Error> {
            let mut tasks = Vec::with_capacity(seq.size_hint().unwrap_or(0));
            while let Some(def) = seq.next_element::<TaskDef>()? {
                tasks.push(Task::unjoined(def));
            }
            Ok(tasks)
        }
    }
    d.deserialize_seq(Tasks)
}

impl JoinedWire {
    /// As [`PlanData::joined`] makes it.
    fn joined(self) -> Joined {
        let JoinedWire { plan, states, desk } = self;
        let PlanWire {
            name,
            title,
            decision,
            year,
            mut pillars,
            mut tasks,
            targets,
        } = plan;
        // The action items, unless the server's answer had them among the tasks already.
        let added = desk_items(&mut pillars, &desk, tasks.iter().map(|t| &t.def));
        tasks.extend(added.into_iter().map(Task::unjoined));
        join_states(&mut tasks, states, year);
        Joined {
            plan: Plan {
                name,
                title,
                decision,
                year,
                pillars,
                tasks: Vec::new(),
                targets,
            },
            tasks,
            desk,
        }
    }
}

/// A [`super::protocol::Reply`] read in place: its value borrowed from the line.
#[derive(serde::Deserialize)]
struct Answer<'a> {
    #[serde(default)]
    id: Option<u64>,
    #[serde(default, borrow)]
    ok: Option<&'a RawValue>,
    #[serde(default)]
    error: Option<super::protocol::WireError>,
    #[serde(default)]
    changed: Option<u64>,
}

impl Conn {
    /// True when the server has closed this connection (or sent something nobody asked for,
    /// such as a notice before closing), looked at without waiting and without sending.
    fn closed_by_server(&self) -> bool {
        use rustix::net::RecvFlags;
        if !self.reader.buffer().is_empty() {
            return true;
        }
        let mut probe = [0u8; 1];
        match rustix::net::recv(
            self.reader.get_ref(),
            &mut probe[..],
            RecvFlags::PEEK | RecvFlags::DONTWAIT,
        ) {
            Ok(_) => true, // end of stream, or a line nobody asked for
            Err(e) => e != rustix::io::Errno::WOULDBLOCK && e != rustix::io::Errno::INTR,
        }
    }

    /// An error line the server sent before it closed the connection, if any.
    fn said_before_closing(&mut self) -> Option<StoreError> {
        let _ = self
            .reader
            .get_ref()
            .set_read_timeout(Some(Duration::from_secs(1)));
        let mut buf = Vec::new();
        let line = read_line(&mut self.reader, &mut buf, MAX_ANSWER).ok()?;
        if line != Line::Line {
            return None;
        }
        let reply: super::protocol::Reply = serde_json::from_slice(&buf).ok()?;
        reply.error.map(super::protocol::WireError::into_store)
    }
}

/// The server's hello, checked: it must speak our protocol.
fn parse_hello(line: &[u8]) -> Result<Hello> {
    let value: serde_json::Value = serde_json::from_slice(line).map_err(|e| {
        StoreError::Protocol(format!(
            "the other end of the socket is not a steerdeck server ({e})"
        ))
    })?;
    if let Some(e) = value.get("error")
        && let Ok(e) = serde_json::from_value::<super::protocol::WireError>(e.clone())
    {
        return Err(e.into_store());
    }
    let theirs: Hello = serde_json::from_value(value).map_err(|e| {
        StoreError::Protocol(format!(
            "the other end of the socket is not a steerdeck server ({e})"
        ))
    })?;
    if theirs.steerdeck != super::protocol::PROTOCOL_VERSION {
        return Err(StoreError::Protocol(super::protocol::version_mismatch(
            &theirs,
            &Hello::ours(),
        )));
    }
    Ok(theirs)
}

/// Tasks (or states) per part of an import sent in parts: about 1 MiB of JSON, well under the
/// server's request limit.
const IMPORT_PART: usize = 2000;

/// An answer's value.
fn decode<T: DeserializeOwned>(v: Option<&RawValue>) -> Result<T> {
    serde_json::from_str(v.map_or("null", RawValue::get)).map_err(|e| {
        StoreError::Protocol(format!(
            "the steerdeck server's answer is not what this client expects ({e})"
        ))
    })
}

enum CallError {
    /// The request did not leave: safe to send again on a new connection.
    NotSent,
    /// Sent, but no answer came: a change may or may not have been applied.
    Sent,
    /// The server answered with an error.
    Failed(StoreError),
}

/// A store served by `steerdeck serve`.
pub struct RemoteStore {
    options: ConnectOptions,
    conn: Mutex<Option<Conn>>,
    login: String,
    access: Access,
}

impl RemoteStore {
    /// Connects as `options` say (starting a server only if they name one to start).
    pub fn connect(options: ConnectOptions) -> Result<Self> {
        let conn = reach(&options)?;
        let login = conn.hello.login.clone().unwrap_or_default();
        let access = conn.hello.access.unwrap_or(Access::Read);
        Ok(RemoteStore {
            options,
            conn: Mutex::new(Some(conn)),
            login,
            access,
        })
    }

    /// The login the server sees for this process (what the history records).
    pub fn login(&self) -> &str {
        &self.login
    }

    /// What the server lets this process do.
    pub fn access(&self) -> Access {
        self.access
    }

    /// The actor the server records for this store's writes.
    pub fn actor(&self) -> Actor {
        crate::identity::actor(self.options.display_name.as_deref(), &self.login)
    }

    fn lost(&self, sent_a_change: bool) -> StoreError {
        let socket = super::socket_path(&self.options.db);
        let socket = socket.display();
        StoreError::Disconnected(match (sent_a_change, self.options.lang) {
            (true, crate::i18n::Lang::En) => format!(
                "lost the connection to the steerdeck server at {socket} before it answered; the change may or may not have been saved: look at the history"
            ),
            (true, crate::i18n::Lang::Vi) => format!(
                "mất kết nối tới máy chủ steerdeck tại {socket} trước khi máy chủ trả lời; thay đổi có thể đã được lưu hoặc chưa: hãy xem lịch sử"
            ),
            (false, crate::i18n::Lang::En) => {
                format!("lost the connection to the steerdeck server at {socket}")
            }
            (false, crate::i18n::Lang::Vi) => {
                format!("mất kết nối tới máy chủ steerdeck tại {socket}")
            }
        })
    }

    /// Sends an import in parts on one connection, then commits it. Nothing is applied unless
    /// the commit arrives; a connection lost before it leaves the store as it was.
    fn import_in_parts(
        &self,
        mut plan: Plan,
        states: BTreeMap<String, TaskState>,
        activate: bool,
    ) -> Result<Outcome> {
        let mut guard = lock(&self.conn);
        if guard.is_none() {
            *guard = Some(reach(&self.options)?);
        }
        let Some(conn) = guard.as_mut() else {
            return Err(self.lost(false));
        };
        let mut rest = std::mem::take(&mut plan.tasks).into_iter();
        let mut states = states.into_iter();
        let mut parts = vec![Op::ImportBegin { plan, activate }];
        loop {
            let tasks: Vec<_> = rest.by_ref().take(IMPORT_PART).collect();
            let states: BTreeMap<_, _> = states.by_ref().take(IMPORT_PART).collect();
            if tasks.is_empty() && states.is_empty() {
                break;
            }
            parts.push(Op::ImportMore { tasks, states });
        }
        for part in &parts {
            match conn.call::<()>(part) {
                Ok(()) => {}
                Err(CallError::Failed(e)) => return Err(e),
                Err(CallError::NotSent | CallError::Sent) => {
                    *guard = None;
                    let lost = self.lost(false);
                    return Err(StoreError::Disconnected(match self.options.lang {
                        crate::i18n::Lang::En => {
                            format!("{lost} while sending the import; nothing was saved")
                        }
                        crate::i18n::Lang::Vi => {
                            format!("{lost} trong khi gửi dữ liệu nhập; chưa lưu gì")
                        }
                    }));
                }
            }
        }
        let commit = Op::ImportCommit {
            user: self.options.display_name.clone(),
        };
        match conn.call(&commit) {
            Ok(v) => Ok(v),
            Err(CallError::Failed(e)) => Err(e),
            Err(CallError::NotSent | CallError::Sent) => {
                *guard = None;
                Err(self.lost(true))
            }
        }
    }

    fn call<T: DeserializeOwned>(&self, op: &Op) -> Result<T> {
        let mut guard = lock(&self.conn);
        for attempt in 0..2 {
            if guard.is_none() {
                *guard = Some(reach(&self.options).map_err(|e| match e {
                    StoreError::Disconnected(m) => {
                        let lost = self.lost(false);
                        StoreError::Disconnected(match self.options.lang {
                            crate::i18n::Lang::En => format!("{lost}; reconnecting failed: {m}"),
                            crate::i18n::Lang::Vi => format!("{lost}; không kết nối lại được: {m}"),
                        })
                    }
                    e => e,
                })?);
            }
            let Some(conn) = guard.as_mut() else { break };
            match conn.call(op) {
                Ok(v) => return Ok(v),
                Err(CallError::Failed(e)) => return Err(e),
                Err(CallError::Sent) if op.is_write() => {
                    *guard = None;
                    return Err(self.lost(true));
                }
                Err(CallError::NotSent | CallError::Sent) => {
                    *guard = None;
                    if attempt == 1 {
                        break;
                    }
                }
            }
        }
        Err(self.lost(false))
    }
}

impl RemoteStore {
    /// Applies a command with `display_name` next to the login in the history instead of this
    /// store's own (the server still records the login the kernel reports).
    pub fn execute_as(&self, display_name: Option<&str>, command: Command) -> Result<Outcome> {
        self.call(&Op::Execute {
            user: display_name.map(str::to_string),
            command,
        })
    }
}

impl PlanStore for RemoteStore {
    fn plans(&self) -> Result<Vec<PlanInfo>> {
        self.call(&Op::Plans)
    }
    fn active(&self) -> Result<Option<String>> {
        self.call(&Op::Active)
    }
    fn load(&self, plan: &str) -> Result<PlanData> {
        // The server's answer may be put together from the stored bytes, without the action
        // items among the tasks.
        self.call(&Op::Load { plan: plan.into() })
            .map(PlanData::with_desk)
    }
    /// Read straight into the screen's form: each task becomes a task as it is read (10,000
    /// tasks are not read into one list, then moved into another), then joined with its state.
    fn load_joined(&self, plan: &str) -> Result<Joined> {
        self.call::<JoinedWire>(&Op::Load { plan: plan.into() })
            .map(JoinedWire::joined)
    }
    fn state(&self, plan: &str, task: &str) -> Result<TaskState> {
        self.call(&Op::State {
            plan: plan.into(),
            task: task.into(),
        })
    }
    fn history_after(&self, plan: &str, after: u64) -> Result<Vec<Event>> {
        self.call(&Op::History {
            plan: plan.into(),
            task: None,
            after: Some(after),
        })
    }
    fn history(&self, plan: &str, task: Option<&str>) -> Result<Vec<Event>> {
        self.call(&Op::History {
            plan: plan.into(),
            task: task.map(Into::into),
            after: None,
        })
    }
    /// The server records its own view of who is acting (the login from the kernel, with this
    /// store's display name); `actor` is not sent. A large import goes in parts (see
    /// [`super::protocol`]), applied by the server as one change.
    fn execute(&self, _actor: &Actor, command: Command) -> Result<Outcome> {
        let command = match command {
            Command::Import {
                plan,
                states,
                activate,
            } if plan.tasks.len() + states.len() > IMPORT_PART => {
                return self.import_in_parts(plan, states, activate);
            }
            c => c,
        };
        self.call(&Op::Execute {
            user: self.options.display_name.clone(),
            command,
        })
    }
    fn last_seq(&self) -> Result<u64> {
        self.call(&Op::LastSeq)
    }
    fn may_edit(&self) -> bool {
        self.access == Access::Edit
    }
    fn backup(&self) -> Result<crate::store::backup::Backup> {
        self.call(&Op::Backup)
    }
    fn task(&self, plan: &str, id: &str) -> Result<TaskRecord> {
        self.call(&Op::Task {
            plan: plan.into(),
            task: id.into(),
        })
    }
    fn select(&self, plan: &str, selection: &Selection) -> Result<Selected> {
        self.call(&Op::Select {
            plan: plan.into(),
            selection: selection.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::typed_answer;

    /// A plan with every field of `Plan` set (written out, so that a new field breaks this
    /// test until `PlanWire` reads it too), states, a meeting with an action item, an archived
    /// task.
    fn full_plan_data() -> crate::store::PlanData {
        use crate::domain::{
            ActionItem, Desk, Kpi, Meeting, MeetingState, Plan, Status, TaskState,
        };
        let embedded = crate::plan::embedded().expect("plan");
        let plan = Plan {
            name: "2025".into(),
            title: embedded.title.clone(),
            decision: "2595/QĐ-BTP".into(),
            year: Some(2025),
            pillars: embedded.pillars.clone(),
            tasks: embedded.tasks.clone(),
            targets: vec![Kpi {
                id: "T.1".into(),
                title: "Tỷ lệ hồ sơ trực tuyến".into(),
                target: 80.0,
                baseline: Some(78.28),
                baseline_source: Some("Báo cáo 2024".into()),
            }],
        };
        let mut action = embedded.tasks[0].clone();
        action.id = "H1.1".into();
        action.pillar = crate::domain::meeting::pillar_key("H1");
        let desk = Desk {
            meetings: vec![Meeting {
                id: "H1".into(),
                title: "Họp giữa năm".into(),
                date: chrono::NaiveDate::from_ymd_opt(2025, 7, 15).expect("day"),
                chair: "Thứ trưởng".into(),
                attendees: vec!["Cục CNTT".into()],
                state: MeetingState::Closed,
                agenda: Vec::new(),
                closing: None,
            }],
            actions: vec![ActionItem {
                def: action,
                meeting: "H1".into(),
                about: Some("I.1".into()),
            }],
            readings: std::collections::BTreeMap::new(),
        };
        let mut states = std::collections::BTreeMap::new();
        for (id, progress) in [("I.1", 40), ("IV.5", 100), ("H1.1", 10)] {
            states.insert(
                id.to_string(),
                TaskState {
                    status: if progress == 100 {
                        Status::Done
                    } else {
                        Status::InProgress
                    },
                    progress,
                    completed_on: (progress == 100)
                        .then(|| chrono::NaiveDate::from_ymd_opt(2025, 6, 20).expect("day")),
                    ..TaskState::default()
                },
            );
        }
        crate::store::PlanData {
            plan,
            states,
            archived: vec![embedded.tasks[1].clone()],
            desk,
        }
    }

    #[test]
    fn the_screen_reads_a_load_answer_as_the_store_joins_it() {
        let data = full_plan_data();
        // As the stored bytes put it together (no action items among the tasks), and as the
        // server's kept copy encodes it (with them).
        for answer in [data.clone(), data.clone().with_desk()] {
            let json = serde_json::to_string(&answer).expect("json");
            let read: super::JoinedWire = serde_json::from_str(&json).expect("reads");
            let joined = read.joined();
            assert_eq!(joined, answer.clone().joined());
            assert_eq!(joined, data.clone().joined());
            let h1 = joined
                .tasks
                .iter()
                .find(|t| t.def.id == "H1.1")
                .expect("action item");
            assert_eq!(h1.state.progress, 10);
            assert!(joined.plan.pillars.iter().any(|p| p.key == "meeting:H1"));
            assert_eq!(
                joined.tasks.iter().filter(|t| t.def.id == "H1.1").count(),
                1,
                "not added twice"
            );
            let done = joined
                .tasks
                .iter()
                .find(|t| t.def.id == "IV.5")
                .expect("IV.5");
            assert!(done.deadline().is_some(), "timeframes are read");
        }
    }

    #[test]
    fn only_the_answer_to_the_request_with_a_value_is_read_in_one_pass() {
        let plan = br#"{"id":3,"ok":["a","b"]}"#;
        assert_eq!(
            typed_answer::<Vec<String>>(plan, 3),
            Some(vec!["a".to_string(), "b".to_string()])
        );
        // Everything else is left to the reading that says what it is.
        assert_eq!(typed_answer::<Vec<String>>(plan, 4), None, "another id");
        assert_eq!(typed_answer::<Vec<String>>(br#"{"changed":9}"#, 3), None);
        let error = br#"{"id":3,"ok":["a"],"error":{"kind":"store","message":"x"}}"#;
        assert_eq!(typed_answer::<Vec<String>>(error, 3), None, "an error wins");
        assert_eq!(typed_answer::<Vec<u8>>(plan, 3), None, "not a T");
        assert_eq!(
            typed_answer::<Option<String>>(br#"{"id":3,"ok":null}"#, 3),
            None,
            "null is read as T by the other reading"
        );
    }
}
