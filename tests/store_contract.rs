//! One contract, two stores: the sled store and its in-memory twin must behave the same.
#![allow(clippy::panic)]

mod support;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use steerdeck::domain::{AgendaItem, AgendaReason, MeetingState, Plan, Status, Task, UnitRegistry};
use steerdeck::query::{Due, Filter, Query, TaskIndex};
use steerdeck::store::{
    Actor, CachedStore, Clock, Command, DeskChange, DeskProblem, MemoryStore, Outcome, PlanStore,
    Selection, SledStore, StoreError, Update,
};

fn clock() -> Clock {
    let t = Arc::new(AtomicI64::new(1_750_000_000));
    Arc::new(move || -> DateTime<Utc> {
        let s = t.fetch_add(60, Ordering::SeqCst);
        Utc.timestamp_opt(s, 0).single().expect("valid time")
    })
}

/// Maps the name an edit is made as to the name the history records.
type Recorded = Box<dyn Fn(&str) -> String>;

thread_local! {
    /// How a store records the name an edit was made under: as given (in-process stores), or
    /// next to the login the kernel reports (a served store).
    static RECORDED: std::cell::RefCell<Recorded> =
        std::cell::RefCell::new(Box::new(str::to_string));
}

/// The name the history records for an edit made as `name`.
fn who(name: &str) -> String {
    RECORDED.with(|r| (r.borrow())(name))
}

fn registry() -> steerdeck::domain::UnitRegistry {
    steerdeck::domain::UnitRegistry::embedded().expect("registry")
}

fn plan() -> Plan {
    steerdeck::plan::embedded().expect("embedded plan")
}

fn import(store: &dyn PlanStore, plan: Plan) -> Outcome {
    store
        .execute(
            &Actor::new("thu-ky"),
            Command::Import {
                plan,
                states: BTreeMap::new(),
                activate: true,
            },
        )
        .expect("import")
}

fn set(store: &dyn PlanStore, who: &str, upd: Update) -> Result<Outcome, StoreError> {
    store.execute(&Actor::new(who), Command::Update(upd))
}

fn upd(task: &str) -> Update {
    Update {
        plan: "2025".into(),
        task: task.into(),
        ..Update::default()
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("date")
}

/// Runs every contract check on a fresh store made by `make`.
fn contract(make: &dyn Fn() -> Box<dyn PlanStore>) {
    seeding_and_plans(make().as_ref());
    update_writes_state_and_events(make().as_ref());
    bad_updates_change_nothing(make().as_ref());
    conflicts_are_detected(make().as_ref());
    reimport_keeps_states_and_archives(make().as_ref());
    import_restores_states_only_where_none(make().as_ref());
    let s = make();
    import(s.as_ref(), plan());
    queries_match_load(s.as_ref());
    tasks_added_by_a_reimport_can_be_edited(make().as_ref());
    targets_are_recorded_and_withdrawn(make().as_ref());
    meetings_are_recorded_closed_and_reopened(make().as_ref());
    history_after_is_history_filtered(make().as_ref());
}

/// A store that remembers a plan's ids learns the new ones after a re-import.
fn tasks_added_by_a_reimport_can_be_edited(s: &dyn PlanStore) {
    import(s, plan());
    set(
        s,
        "lan",
        Update {
            progress: Some(10),
            ..upd("i.1")
        },
    )
    .expect("edit");
    // The progress, and the status it implies (not started → in progress).
    assert_eq!(s.history("2025", Some("i.1")).expect("history").len(), 2);
    let mut next = plan();
    let mut extra = next.tasks[0].clone();
    extra.id = "I.99".into();
    next.tasks.push(extra);
    import(s, next);
    set(
        s,
        "lan",
        Update {
            status: Some(Status::Blocked),
            ..upd("i.99")
        },
    )
    .expect("the new task can be edited");
    let h = s.history("2025", Some("i.99")).expect("history");
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].task.as_deref(), Some("I.99"));
    assert_eq!(
        s.task("2025", "i.99").expect("task").state.status,
        Status::Blocked
    );
    assert!(matches!(
        set(
            s,
            "lan",
            Update {
                progress: Some(5),
                ..upd("I.100")
            }
        ),
        Err(StoreError::NoSuchTask { .. })
    ));
}

/// `task` and `select` answer what `load` (and `history`) say, before and after edits made
/// through the same store. Needs a store whose active plan is the embedded one.
fn queries_match_load(s: &dyn PlanStore) {
    let name = s.active().expect("active").expect("a plan");
    let edit = |task: &str, status: Status, note: &str| {
        set(
            s,
            "lan",
            Update {
                plan: name.clone(),
                status: Some(status),
                note: Some(note.into()),
                done_on: Some(d(2025, 6, 1)),
                ..upd(task)
            },
        )
        .expect("edit");
    };
    // Asked once before any edit, so that a store keeping copies has one to keep up to date.
    check_queries(s, &name);
    edit("I.1", Status::Blocked, "chờ phê duyệt");
    edit("iv.5", Status::Done, "Đã kết nối");
    check_queries(s, &name);
    edit("III.3", Status::InProgress, "đang thuê");
    edit("I.1", Status::InProgress, "đã có kinh phí");
    check_queries(s, &name);
    let r = s.task(&name, "i.1").expect("task");
    assert_eq!(r.state.status, Status::InProgress);
    assert_eq!(r.state.notes.len(), 2);
    let blocked = s
        .select(
            &name,
            &Selection {
                filter: Filter {
                    statuses: vec![Status::InProgress],
                    ..Filter::default()
                },
                search: String::new(),
                as_of: d(2025, 7, 15),
            },
        )
        .expect("select");
    let ids: Vec<&str> = blocked.tasks.iter().map(|t| t.def.id.as_str()).collect();
    assert_eq!(ids, ["I.1", "III.3"]);
}

fn selections() -> Vec<Selection> {
    let at = |filter: Filter, search: &str| Selection {
        filter,
        search: search.into(),
        as_of: d(2025, 7, 15),
    };
    vec![
        at(Filter::default(), ""),
        at(
            Filter {
                due: vec![Due::Overdue],
                ..Filter::default()
            },
            "",
        ),
        at(
            Filter {
                statuses: vec![Status::Blocked, Status::Done],
                ..Filter::default()
            },
            "",
        ),
        at(
            Filter {
                lead: Some("tong cuc thads".into()),
                ..Filter::default()
            },
            "",
        ),
        at(Filter::default(), "ho tich"),
        at(Filter::default(), "phe duyet"),
        at(
            Filter {
                pillars: vec!["digital-government".into()],
                due: vec![Due::Quarter(2025, 4)],
                ..Filter::default()
            },
            "VNeID",
        ),
        at(
            Filter {
                pillars: vec!["data".into()],
                ..Filter::default()
            },
            "",
        ),
    ]
}

fn check_queries(s: &dyn PlanStore, name: &str) {
    let data = s.load(name).expect("load");
    for t in data.tasks() {
        for id in [t.def.id.clone(), t.def.id.to_lowercase()] {
            let r = s.task(name, &id).expect("task");
            assert_eq!(r.task(), t, "{id}");
            assert_eq!(r.pillar.as_ref(), data.plan.pillar(&t.def.pillar), "{id}");
            assert_eq!(r.year, data.plan.year);
            let history = s.history(name, Some(&t.def.id)).expect("history");
            assert_eq!(r.history, history, "{id}");
        }
    }
    assert!(matches!(
        s.task(name, "IX.99"),
        Err(StoreError::NoSuchTask { .. })
    ));
    assert!(matches!(
        s.task("no-such-plan", "I.1"),
        Err(StoreError::NoSuchPlan(_))
    ));
    let registry = UnitRegistry::embedded().expect("registry");
    let mut sizes = Vec::new();
    for sel in selections() {
        let mut index = TaskIndex::new(data.tasks(), &registry);
        let picked = index
            .select(&sel.filter, &Query::new(&sel.search), &registry, sel.as_of)
            .expect("search");
        let expected: Vec<Task> = picked
            .iter()
            .map(|(i, _)| index.tasks()[*i].clone())
            .collect();
        let got = s.select(name, &sel).expect("select");
        assert_eq!(got.pillars, data.plan.pillars);
        assert_eq!(got.year, data.plan.year);
        assert_eq!(got.into_tasks(), expected, "{sel:?}");
        sizes.push(expected.len());
    }
    // The selections mean something: all, none and some in between.
    assert_eq!(sizes[0], data.plan.tasks.len());
    assert!(
        sizes[1..].iter().any(|n| *n > 0 && *n < sizes[0]),
        "{sizes:?}"
    );
    assert!(matches!(
        s.select("no-such-plan", &selections()[0]),
        Err(StoreError::NoSuchPlan(_))
    ));
}

fn seeding_and_plans(s: &dyn PlanStore) {
    assert!(s.plans().expect("plans").is_empty());
    assert_eq!(s.active().expect("active"), None);
    assert!(matches!(s.load("2025"), Err(StoreError::NoSuchPlan(_))));
    let Outcome::Imported(r) = import(s, plan()) else {
        panic!("not an import")
    };
    assert!(r.created);
    assert_eq!(r.added.len(), 59);
    let plans = s.plans().expect("plans");
    assert_eq!(plans.len(), 1);
    assert!(plans[0].active);
    assert_eq!(plans[0].tasks, 59);
    assert_eq!(s.active().expect("active").as_deref(), Some("2025"));
    let data = s.load("2025").expect("load");
    assert!(data.states.is_empty());
    assert_eq!(data.tasks().len(), 59);
    let h = s.history("2025", None).expect("history");
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].field, "import");
    assert_eq!(h[0].who, who("thu-ky"));
    assert_eq!(s.last_seq().expect("seq"), h[0].seq);
}

fn update_writes_state_and_events(s: &dyn PlanStore) {
    import(s, plan());
    let before = s.last_seq().expect("seq");
    let out = set(
        s,
        "lan",
        Update {
            status: Some(Status::Done),
            note: Some("Xong  ".into()),
            done_on: Some(d(2025, 6, 1)),
            ..upd("iv.5")
        },
    )
    .expect("update");
    let Outcome::Updated { events } = out else {
        panic!("not an update")
    };
    let fields: Vec<&str> = events.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["status", "completed_on", "progress"]);
    assert!(
        events
            .iter()
            .all(|e| e.who == who("lan") && e.task.as_deref() == Some("IV.5"))
    );
    assert_eq!(events[0].from.as_deref(), Some("not-started"));
    assert_eq!(events[0].to.as_deref(), Some("done"));
    assert_eq!(events[0].note.as_deref(), Some("Xong"));
    assert!(events.windows(2).all(|w| w[0].seq < w[1].seq));
    assert!(events[0].seq > before);
    let data = s.load("2025").expect("load");
    let st = &data.states["IV.5"];
    assert_eq!(st.status, Status::Done);
    assert_eq!(st.progress, 100);
    assert_eq!(st.completed_on, Some(d(2025, 6, 1)));
    assert_eq!(st.notes.len(), 1);
    assert_eq!(st.notes[0].who, who("lan"));
    // A note alone is one "note" event; history of the task has all four, in order.
    set(
        s,
        "minh",
        Update {
            note: Some("Bổ sung".into()),
            ..upd("IV.5")
        },
    )
    .expect("note");
    let h = s.history("2025", Some("iv.5")).expect("history");
    let fields: Vec<&str> = h.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["status", "completed_on", "progress", "note"]);
    assert_eq!(s.state("2025", "IV.5").expect("state").notes.len(), 2);
    assert_eq!(h[3].who, who("minh"));
    assert_eq!(
        s.state("2025", "IV.5").expect("state"),
        s.load("2025").expect("load").states["IV.5"]
    );
    assert_eq!(
        s.state("2025", "I.1").expect("untouched"),
        steerdeck::domain::TaskState::default()
    );
    // A reason goes to the history only, not into the task's notes.
    let Outcome::Updated { events } = set(
        s,
        "lan",
        Update {
            progress: Some(90),
            reason: Some("undo".into()),
            ..upd("IV.5")
        },
    )
    .expect("reason") else {
        panic!("update")
    };
    assert_eq!(events[0].note.as_deref(), Some("undo"));
    assert_eq!(s.state("2025", "IV.5").expect("state").notes.len(), 2);
    // Reopening clears the completion date.
    set(
        s,
        "lan",
        Update {
            status: Some(Status::InProgress),
            ..upd("IV.5")
        },
    )
    .expect("reopen");
    assert_eq!(
        s.load("2025").expect("load").states["IV.5"].completed_on,
        None
    );
    // Setting the same value again records nothing new.
    let seq = s.last_seq().expect("seq");
    set(
        s,
        "lan",
        Update {
            status: Some(Status::InProgress),
            ..upd("IV.5")
        },
    )
    .expect("same");
    assert_eq!(s.last_seq().expect("seq"), seq);
}

fn bad_updates_change_nothing(s: &dyn PlanStore) {
    import(s, plan());
    let seq = s.last_seq().expect("seq");
    let e = set(
        s,
        "lan",
        Update {
            status: Some(Status::Done),
            ..upd("IV.99")
        },
    )
    .expect_err("unknown task");
    assert!(
        e.to_string().contains("no task 'IV.99' in plan '2025'"),
        "{e}"
    );
    let e = set(
        s,
        "lan",
        Update {
            plan: "2030".into(),
            status: Some(Status::Done),
            ..upd("I.1")
        },
    )
    .expect_err("unknown plan");
    assert!(matches!(e, StoreError::NoSuchPlan(_)));
    let e = set(
        s,
        "lan",
        Update {
            progress: Some(101),
            ..upd("I.1")
        },
    )
    .expect_err("progress");
    assert!(e.to_string().contains("between 0 and 100"), "{e}");
    let e = set(s, "lan", upd("I.1")).expect_err("empty");
    assert!(matches!(e, StoreError::EmptyUpdate));
    let e = set(
        s,
        "lan",
        Update {
            note: Some("   ".into()),
            ..upd("I.1")
        },
    )
    .expect_err("blank note");
    assert!(matches!(e, StoreError::EmptyUpdate));
    assert_eq!(s.last_seq().expect("seq"), seq);
    assert!(s.load("2025").expect("load").states.is_empty());
    let mut broken = plan();
    let first = broken.tasks[0].id.clone();
    broken.tasks[1].id = first;
    let e = s
        .execute(
            &Actor::new("x"),
            Command::Import {
                plan: broken,
                states: BTreeMap::new(),
                activate: true,
            },
        )
        .expect_err("duplicate ids");
    assert!(e.to_string().contains("'I.1' appears twice"), "{e}");
    assert_eq!(s.last_seq().expect("seq"), seq);
    let e = s
        .execute(
            &Actor::new("x"),
            Command::SetActive {
                plan: "nope".into(),
            },
        )
        .expect_err("no plan");
    assert!(matches!(e, StoreError::NoSuchPlan(_)));
}

fn conflicts_are_detected(s: &dyn PlanStore) {
    import(s, plan());
    set(
        s,
        "lan",
        Update {
            status: Some(Status::InProgress),
            expect_status: Some(Status::NotStarted),
            ..upd("I.2")
        },
    )
    .expect("first edit");
    let e = set(
        s,
        "minh",
        Update {
            status: Some(Status::Blocked),
            expect_status: Some(Status::NotStarted),
            ..upd("I.2")
        },
    )
    .expect_err("stale edit");
    let msg = e.to_string();
    assert!(
        msg.contains(&format!(
            "status was changed to 'in-progress' by {}",
            who("lan")
        )),
        "{msg}"
    );
    // A different field applies on top.
    set(
        s,
        "minh",
        Update {
            progress: Some(40),
            expect_progress: Some(0),
            ..upd("I.2")
        },
    )
    .expect("other field");
    let st = &s.load("2025").expect("load").states["I.2"];
    assert_eq!((st.status, st.progress), (Status::InProgress, 40));
}

fn reimport_keeps_states_and_archives(s: &dyn PlanStore) {
    import(s, plan());
    set(
        s,
        "lan",
        Update {
            status: Some(Status::Blocked),
            ..upd("I.1")
        },
    )
    .expect("I.1");
    set(
        s,
        "lan",
        Update {
            status: Some(Status::InProgress),
            ..upd("I.2")
        },
    )
    .expect("I.2");
    let mut next = plan();
    next.tasks.retain(|t| t.id != "I.2");
    next.tasks[0].timeframe = "Quý II/2025".into();
    let mut extra = next.tasks[0].clone();
    extra.id = "I.9".into();
    next.tasks.push(extra);
    let Outcome::Imported(r) = import(s, next) else {
        panic!("not an import")
    };
    assert!(!r.created);
    assert_eq!(r.added, ["I.9"]);
    assert_eq!(r.changed, ["I.1"]);
    assert_eq!(r.removed, ["I.2"]);
    assert_eq!(r.unchanged, 57);
    let data = s.load("2025").expect("load");
    assert_eq!(
        data.states["I.1"].status,
        Status::Blocked,
        "kept across import"
    );
    assert_eq!(data.archived.len(), 1);
    assert_eq!(data.archived[0].id, "I.2");
    assert!(data.plan.task("I.2").is_none());
    let h = s.history("2025", Some("I.1")).expect("history");
    assert!(
        h.iter()
            .any(|e| e.field == "timeframe" && e.to.as_deref() == Some("Quý II/2025"))
    );
    let h = s.history("2025", Some("I.2")).expect("history of archived");
    assert_eq!(h.last().map(|e| e.field.as_str()), Some("archived"));
}

fn import_restores_states_only_where_none(s: &dyn PlanStore) {
    import(s, plan());
    set(
        s,
        "lan",
        Update {
            status: Some(Status::Blocked),
            ..upd("I.1")
        },
    )
    .expect("I.1");
    let mut states = BTreeMap::new();
    let done = steerdeck::domain::TaskState {
        status: Status::Done,
        progress: 100,
        completed_on: Some(d(2025, 3, 1)),
        notes: vec![],
    };
    states.insert("I.1".to_string(), done.clone());
    states.insert("I.3".to_string(), done.clone());
    let out = s
        .execute(
            &Actor::new("x"),
            Command::Import {
                plan: plan(),
                states,
                activate: true,
            },
        )
        .expect("import");
    let Outcome::Imported(r) = out else {
        panic!("not an import")
    };
    assert_eq!(r.restored, ["I.3"]);
    let data = s.load("2025").expect("load");
    assert_eq!(
        data.states["I.1"].status,
        Status::Blocked,
        "the store's record wins"
    );
    assert_eq!(data.states["I.3"], done);
}

#[test]
fn memory_store_meets_the_contract() {
    contract(&|| Box::new(MemoryStore::with_clock(clock())));
}

#[test]
fn sled_store_meets_the_contract() {
    let dirs = std::cell::RefCell::new(Vec::new());
    contract(&|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = SledStore::open_with_clock(&dir.path().join("db"), clock()).expect("open");
        dirs.borrow_mut().push(dir);
        Box::new(store)
    });
}

/// A served store, driven as an in-process one is: each edit carries the name it is made as
/// (recorded by the server next to the peer's login).
struct Served {
    store: steerdeck::server::RemoteStore,
    _server: support::Server,
    _dir: support::Store,
}

impl PlanStore for Served {
    fn plans(&self) -> steerdeck::store::Result<Vec<steerdeck::store::PlanInfo>> {
        self.store.plans()
    }
    fn active(&self) -> steerdeck::store::Result<Option<String>> {
        self.store.active()
    }
    fn load(&self, plan: &str) -> steerdeck::store::Result<steerdeck::store::PlanData> {
        self.store.load(plan)
    }
    fn state(
        &self,
        plan: &str,
        task: &str,
    ) -> steerdeck::store::Result<steerdeck::domain::TaskState> {
        self.store.state(plan, task)
    }
    fn history(
        &self,
        plan: &str,
        task: Option<&str>,
    ) -> steerdeck::store::Result<Vec<steerdeck::store::Event>> {
        self.store.history(plan, task)
    }
    fn execute(&self, actor: &Actor, command: Command) -> steerdeck::store::Result<Outcome> {
        self.store.execute_as(Some(&actor.user), command)
    }
    fn history_after(
        &self,
        plan: &str,
        after: u64,
    ) -> steerdeck::store::Result<Vec<steerdeck::store::Event>> {
        self.store.history_after(plan, after)
    }
    fn last_seq(&self) -> steerdeck::store::Result<u64> {
        self.store.last_seq()
    }
}

#[test]
fn served_store_meets_the_contract() {
    let login = steerdeck::identity::os_login();
    RECORDED.with(|r| {
        let login = login.clone();
        *r.borrow_mut() = Box::new(move |name: &str| format!("{name} ({login})"));
    });
    contract(&|| {
        let dir = support::store();
        let server = support::Server::start_with(
            &dir.db,
            &mut std::process::Command::new(support::BIN),
            &["--no-seed"],
        );
        let store = steerdeck::server::RemoteStore::connect(
            steerdeck::server::ConnectOptions::new(&dir.db),
        )
        .expect("connect");
        Box::new(Served {
            store,
            _server: server,
            _dir: dir,
        })
    });
}

#[test]
fn cached_memory_store_meets_the_contract() {
    contract(&|| {
        Box::new(CachedStore::new(
            MemoryStore::with_clock(clock()),
            registry(),
        ))
    });
}

#[test]
fn cached_sled_store_meets_the_contract() {
    let dirs = std::cell::RefCell::new(Vec::new());
    contract(&|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = SledStore::open_with_clock(&dir.path().join("db"), clock()).expect("open");
        dirs.borrow_mut().push(dir);
        Box::new(CachedStore::new(store, registry()))
    });
}

/// The served store (a real `steerdeck serve`, which seeds the embedded plan) answers the
/// queries like its `load`.
#[cfg(target_os = "linux")]
#[test]
fn remote_store_answers_queries_like_load() {
    let s = support::store();
    let _server = support::Server::start(&s.db);
    let remote = support::client(&s.db, Some("thư ký"));
    queries_match_load(&remote);
}

/// A plan too large for one request goes in parts and is applied as one import: the same report,
/// plan, states and history as the same import into a store in memory.
#[cfg(target_os = "linux")]
#[test]
fn a_large_import_through_the_server_is_one_change() {
    let base = plan();
    let mut big = base.clone();
    big.name = "big".into();
    big.tasks = (0..5000)
        .map(|i| {
            let mut t = base.tasks[i % base.tasks.len()].clone();
            t.id = format!("{}.{i}", t.id);
            t
        })
        .collect();
    let mut states = BTreeMap::new();
    for t in big.tasks.iter().step_by(7) {
        let state = steerdeck::domain::TaskState {
            status: Status::InProgress,
            progress: 30,
            ..Default::default()
        };
        states.insert(t.id.clone(), state);
    }
    let command = Command::Import {
        plan: big,
        states,
        activate: true,
    };
    let s = support::store();
    let _server = support::Server::start(&s.db);
    let remote = support::client(&s.db, None);
    let before = remote.last_seq().expect("seq");
    let served = remote
        .execute(&Actor::new("x"), command.clone())
        .expect("import");
    let memory = MemoryStore::with_clock(clock());
    let expected = memory.execute(&Actor::new("x"), command).expect("import");
    assert_eq!(served, expected);
    let (got, want) = (
        remote.load("big").expect("load"),
        memory.load("big").expect("load"),
    );
    assert_eq!(got, want);
    assert_eq!(got.plan.tasks.len(), 5000);
    let events = remote.history("big", None).expect("history");
    assert_eq!(
        events.len(),
        memory.history("big", None).expect("history").len()
    );
    assert!(events.iter().all(|e| e.seq > before));
    assert_eq!(remote.active().expect("active").as_deref(), Some("big"));
}

#[test]
fn sled_store_keeps_everything_across_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("db");
    {
        let s = SledStore::open(&path).expect("open");
        import(&s, plan());
        set(
            &s,
            "lan",
            Update {
                status: Some(Status::Done),
                note: Some("Đã xong".into()),
                ..upd("III.3")
            },
        )
        .expect("set");
    }
    // sled lets go of a store's files a moment after the handle is dropped (its flusher thread
    // ends on its own time): in one process, a reopen right away may find it still held.
    let reopen = || {
        for _ in 0..100 {
            match SledStore::open(&path) {
                Err(StoreError::InUse { .. }) => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                other => return other,
            }
        }
        SledStore::open(&path)
    };
    let s = reopen().expect("reopen");
    let data = s.load("2025").expect("load");
    assert_eq!(data.states["III.3"].status, Status::Done);
    assert_eq!(data.states["III.3"].notes[0].text, "Đã xong");
    let h = s.history("2025", Some("III.3")).expect("history");
    assert_eq!(h.len(), 3);
    // New events continue the sequence after a reopen.
    let last = s.last_seq().expect("seq");
    let Outcome::Updated { events } = set(
        &s,
        "lan",
        Update {
            progress: Some(50),
            ..upd("I.1")
        },
    )
    .expect("set") else {
        panic!("update")
    };
    assert_eq!(events[0].seq, last + 1);
}

#[test]
fn a_store_that_cannot_be_created_gets_a_sentence() {
    // (A store held by another process is checked through a child process in the CLI tests:
    // sled's lock is per process.)
    let e = SledStore::open(std::path::Path::new("/proc/steerdeck-cannot-exist/db"))
        .err()
        .expect("fails");
    assert!(
        e.to_string()
            .starts_with("cannot open the store at /proc/steerdeck-cannot-exist/db"),
        "{e}"
    );
}

#[cfg(unix)]
#[test]
fn a_new_store_directory_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("db");
    let _s = SledStore::open(&path).expect("open");
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}

/// An import in parts applies nothing until its commit: a connection that ends before it leaves
/// the store as it was; parts without a beginning are refused.
#[cfg(target_os = "linux")]
#[test]
fn an_import_in_parts_is_applied_only_by_its_commit() {
    let s = support::store();
    let _server = support::Server::start(&s.db);
    let mut partial = plan();
    partial.name = "partial".into();
    let tasks = std::mem::take(&mut partial.tasks);
    let begin =
        serde_json::json!({"id": 1, "op": "import_begin", "plan": partial, "activate": true});
    let more = serde_json::json!({"id": 2, "op": "import_more", "tasks": tasks});
    {
        let mut raw = support::Raw::greeted(&s.db);
        raw.send(more.to_string().as_bytes());
        let refused = raw.recv().expect("answer");
        assert_eq!(refused["error"]["kind"], "bad_request", "{refused}");
        raw.send(begin.to_string().as_bytes());
        let ok = raw.recv().expect("answer");
        assert!(ok.get("error").is_none(), "{ok}");
        raw.send(more.to_string().as_bytes());
        assert!(raw.recv().expect("answer").get("error").is_none());
    } // the connection ends: no commit
    let remote = support::client(&s.db, None);
    std::thread::sleep(std::time::Duration::from_millis(100));
    let names: Vec<String> = remote
        .plans()
        .expect("plans")
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(names, ["2025"]);
    let mut raw = support::Raw::greeted(&s.db);
    raw.send(begin.to_string().as_bytes());
    raw.recv().expect("answer");
    raw.send(more.to_string().as_bytes());
    raw.recv().expect("answer");
    raw.send(br#"{"id":3,"op":"import_commit"}"#);
    let done = raw.recv().expect("answer");
    assert_eq!(done["ok"]["outcome"], "imported", "{done}");
    assert_eq!(done["ok"]["added"].as_array().map(Vec::len), Some(59));
    let data = remote.load("partial").expect("load");
    assert_eq!(data.plan.tasks.len(), 59);
    assert_eq!(remote.active().expect("active").as_deref(), Some("partial"));
}

/// The `load` answer the server puts together from sled's bytes is the plan `load` reads, and
/// the cached store's answers follow edits.
#[test]
fn the_load_answer_put_together_from_stored_bytes_is_the_plan() {
    use steerdeck::store::PlanData;
    let dir = tempfile::tempdir().expect("tempdir");
    let sled = SledStore::open_with_clock(&dir.path().join("db"), clock()).expect("open");
    let s = CachedStore::new(sled, registry());
    let answer = |s: &CachedStore<SledStore>| -> PlanData {
        let raw = s
            .load_json_with("2025", |sled| sled.load_json("2025"))
            .expect("answer");
        serde_json::from_str(raw.get()).expect("a plan")
    };
    import(&s, plan());
    assert_eq!(answer(&s), s.inner().load("2025").expect("load"));
    set(
        &s,
        "lan",
        Update {
            status: Some(Status::Blocked),
            note: Some("chờ \"kinh phí\"\n2025".into()),
            ..upd("I.1")
        },
    )
    .expect("edit");
    let after = answer(&s);
    assert_eq!(after, s.inner().load("2025").expect("load"));
    assert_eq!(after.states["I.1"].status, Status::Blocked);
    // With a kept copy (made by a query), the answer is the kept copy's, and follows edits too.
    s.task("2025", "I.2").expect("task");
    set(
        &s,
        "lan",
        Update {
            progress: Some(30),
            ..upd("I.2")
        },
    )
    .expect("edit");
    let kept = answer(&s);
    assert_eq!(kept, s.inner().load("2025").expect("load"));
    assert_eq!(kept.states["I.2"].progress, 30);
    assert!(matches!(
        s.load_json_with("nope", |sled| sled.load_json("nope")),
        Err(StoreError::NoSuchPlan(_))
    ));
}

fn desk(s: &dyn PlanStore, who: &str, change: DeskChange) -> Result<Outcome, StoreError> {
    s.execute(
        &Actor::new(who),
        Command::Desk {
            plan: "2025".into(),
            change,
        },
    )
}

fn made(o: Outcome) -> String {
    match o {
        Outcome::Desk { made: Some(id), .. } => id,
        other => panic!("nothing made: {other:?}"),
    }
}

fn state_of(s: &dyn PlanStore, meeting: &str) -> MeetingState {
    s.load("2025")
        .expect("load")
        .desk
        .meeting(meeting)
        .expect("meeting")
        .state
}

fn set_state(
    s: &dyn PlanStore,
    meeting: &str,
    state: MeetingState,
    seen: Option<MeetingState>,
) -> Result<Outcome, StoreError> {
    desk(
        s,
        "lan",
        DeskChange::SetState {
            meeting: meeting.into(),
            state,
            as_of: Some(d(2025, 7, 15)),
            seen,
        },
    )
}

/// A target's values: recorded, refused when stale or out of range, withdrawn; the latest
/// standing one counts.
fn targets_are_recorded_and_withdrawn(s: &dyn PlanStore) {
    import(s, plan());
    let record = |who: &str, value: f64, seen: Option<usize>| {
        desk(
            s,
            who,
            DeskChange::RecordTarget {
                target: "t.2".into(),
                value,
                as_of: d(2025, 6, 30),
                note: Some("Báo cáo quý II".into()),
                seen,
            },
        )
    };
    record("lan", 81.5, Some(0)).expect("record");
    let stale = record("minh", 82.0, Some(0));
    assert!(
        matches!(stale, Err(StoreError::Desk(DeskProblem::TargetChanged { ref by, .. })) if *by == who("lan")),
        "{stale:?}"
    );
    assert!(matches!(
        record("minh", 100.5, None),
        Err(StoreError::Desk(DeskProblem::BadValue { .. }))
    ));
    let data = s.load("2025").expect("load");
    let readings = &data.desk.readings["T.2"];
    assert_eq!(readings.len(), 1);
    assert_eq!(
        steerdeck::domain::target::latest(readings).map(|r| r.value),
        Some(81.5)
    );
    let h = s.history("2025", Some("T.2")).expect("history");
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].field, "target");
    assert_eq!(h[0].to.as_deref(), Some("81.5@2025-06-30"));
    assert_eq!(h[0].note.as_deref(), Some("Báo cáo quý II"));
    let withdraw = || {
        desk(
            s,
            "lan",
            DeskChange::WithdrawReading {
                target: "T.2".into(),
                index: 0,
            },
        )
    };
    withdraw().expect("withdraw");
    assert!(matches!(
        withdraw(),
        Err(StoreError::Desk(DeskProblem::ReadingWithdrawn { .. }))
    ));
    let data = s.load("2025").expect("load");
    assert_eq!(
        steerdeck::domain::target::latest(&data.desk.readings["T.2"]),
        None
    );
    assert!(matches!(
        desk(
            s,
            "lan",
            DeskChange::RecordTarget {
                target: "T.99".into(),
                value: 1.0,
                as_of: d(2025, 6, 30),
                note: None,
                seen: None
            }
        ),
        Err(StoreError::Desk(DeskProblem::NoSuchTarget { .. }))
    ));
}

/// A meeting: made with an agenda, opened (edits made now are linked to it), concluded, with
/// an action item that is a task like the plan's; closed with its counts; reopened; kept
/// across a new version of the plan.
fn meetings_are_recorded_closed_and_reopened(s: &dyn PlanStore) {
    import(s, plan());
    let agenda = vec![
        AgendaItem {
            task: "i.2".into(),
            reasons: vec![AgendaReason::Overdue],
            conclusion: None,
        },
        AgendaItem {
            task: "III.8".into(),
            reasons: Vec::new(),
            conclusion: None,
        },
    ];
    let h1 = made(
        desk(
            s,
            "lan",
            DeskChange::NewMeeting {
                title: "Họp Ban Chỉ đạo sơ kết 6 tháng".into(),
                date: d(2025, 7, 15),
                chair: "Thứ trưởng".into(),
                attendees: vec!["Cục CNTT".into()],
                agenda,
            },
        )
        .expect("new meeting"),
    );
    assert_eq!(h1, "H1");
    assert!(matches!(
        desk(
            s,
            "lan",
            DeskChange::SetAgenda {
                meeting: "H1".into(),
                tasks: vec!["I.2".into(), "X.404".into()],
                seen: None
            }
        ),
        Err(StoreError::Desk(DeskProblem::NoSuchAgendaTask { .. }))
    ));
    // Reordered against what was seen; then a stale reorder is refused.
    desk(
        s,
        "lan",
        DeskChange::SetAgenda {
            meeting: "H1".into(),
            tasks: vec!["III.8".into(), "I.2".into(), "I.1".into()],
            seen: Some(vec!["I.2".into(), "III.8".into()]),
        },
    )
    .expect("agenda");
    let stale = desk(
        s,
        "minh",
        DeskChange::SetAgenda {
            meeting: "H1".into(),
            tasks: vec!["I.2".into()],
            seen: Some(vec!["I.2".into(), "III.8".into()]),
        },
    );
    assert!(
        matches!(stale, Err(StoreError::Desk(DeskProblem::AgendaChanged { ref by, .. })) if *by == who("lan")),
        "{stale:?}"
    );
    set_state(s, "H1", MeetingState::Open, Some(MeetingState::Planned)).expect("open");
    let late = set_state(s, "H1", MeetingState::Closed, Some(MeetingState::Planned));
    assert!(
        matches!(
            late,
            Err(StoreError::Desk(DeskProblem::StateChanged { .. }))
        ),
        "{late:?}"
    );
    // An edit while the meeting is open is linked to it.
    let Outcome::Updated { events } = set(
        s,
        "lan",
        Update {
            status: Some(Status::Done),
            done_on: Some(d(2025, 7, 10)),
            ..upd("I.2")
        },
    )
    .expect("edit") else {
        panic!("not an update")
    };
    assert!(events.iter().all(|e| e.meeting.as_deref() == Some("H1")));
    desk(
        s,
        "lan",
        DeskChange::Conclude {
            meeting: "H1".into(),
            task: "i.2".into(),
            text: "Cục CNTT hoàn thiện trong Quý III".into(),
            seen: Some(String::new()),
        },
    )
    .expect("conclude");
    let stale = desk(
        s,
        "minh",
        DeskChange::Conclude {
            meeting: "H1".into(),
            task: "I.2".into(),
            text: "khác".into(),
            seen: Some(String::new()),
        },
    );
    assert!(matches!(
        stale,
        Err(StoreError::Desk(DeskProblem::ConclusionChanged { .. }))
    ));
    let action = made(
        desk(
            s,
            "lan",
            DeskChange::Assign {
                meeting: "h1".into(),
                about: Some("I.2".into()),
                title: "Rà soát danh mục dữ liệu".into(),
                lead: vec!["Cục Công nghệ thông tin".into()],
                support: vec!["Văn phòng Bộ".into()],
                timeframe: "Quý III/2025".into(),
            },
        )
        .expect("assign"),
    );
    assert_eq!(action, "H1.1");
    // The action item is a task: in the plan's tasks under the meeting's pillar, editable,
    // shown, selected.
    let data = s.load("2025").expect("load");
    let def = data.plan.task("H1.1").expect("action item among the tasks");
    assert_eq!(def.pillar, "meeting:H1");
    assert!(data.plan.pillar("meeting:H1").is_some());
    assert_eq!(data.adopted_plan().tasks.len(), plan().tasks.len());
    set(
        s,
        "lan",
        Update {
            progress: Some(30),
            ..upd("h1.1")
        },
    )
    .expect("edit the action item");
    let record = s.task("2025", "h1.1").expect("task");
    assert_eq!(record.state.status, Status::InProgress);
    assert_eq!(record.state.progress, 30);
    let h = s.history("2025", Some("H1.1")).expect("history");
    assert_eq!(h[0].field, "assigned");
    assert_eq!(h[0].meeting.as_deref(), Some("H1"));
    // Closed: the counts as of the review date are kept; its record can no longer change.
    set_state(s, "H1", MeetingState::Closed, Some(MeetingState::Open)).expect("close");
    let data = s.load("2025").expect("load");
    let m = data.desk.meeting("H1").expect("meeting");
    let closing = m.closing.as_ref().expect("closing");
    assert_eq!(closing.as_of, d(2025, 7, 15));
    assert_eq!(closing.overall.total(), plan().tasks.len() + 1);
    assert_eq!(closing.overall.done(), 1);
    assert_eq!(closing.done, vec!["I.2".to_string()]);
    let close_event = s
        .history("2025", Some("H1"))
        .expect("history")
        .into_iter()
        .rfind(|e| e.field == "meeting_state" && e.to.as_deref() == Some("closed"))
        .expect("the close is in the history");
    assert_eq!(closing.seq, close_event.seq);
    // What moved after the close is what the next meeting sees as changed.
    set(
        s,
        "minh",
        Update {
            progress: Some(40),
            ..upd("III.8")
        },
    )
    .expect("edit after the meeting");
    let all = s.history("2025", None).expect("history");
    let changed = s
        .load("2025")
        .expect("load")
        .desk
        .changed_since_last(&all, d(2025, 10, 1));
    assert_eq!(changed, ["III.8".to_string()].into());
    assert_eq!(
        m.agenda[1].conclusion.as_deref(),
        Some("Cục CNTT hoàn thiện trong Quý III")
    );
    let closed = desk(
        s,
        "lan",
        DeskChange::Conclude {
            meeting: "H1".into(),
            task: "I.2".into(),
            text: "sửa".into(),
            seen: None,
        },
    );
    assert!(matches!(
        closed,
        Err(StoreError::Desk(DeskProblem::Closed { .. }))
    ));
    // Only one meeting open at a time.
    let h2 = made(
        desk(
            s,
            "lan",
            DeskChange::NewMeeting {
                title: "Họp quý III".into(),
                date: d(2025, 10, 15),
                chair: "Thứ trưởng".into(),
                attendees: Vec::new(),
                agenda: Vec::new(),
            },
        )
        .expect("second meeting"),
    );
    set_state(s, &h2, MeetingState::Open, None).expect("open H2");
    assert!(matches!(
        set_state(s, "H1", MeetingState::Open, None),
        Err(StoreError::Desk(DeskProblem::AnotherOpen { .. }))
    ));
    set_state(s, &h2, MeetingState::Closed, None).expect("close H2");
    set_state(s, "H1", MeetingState::Open, None).expect("reopen H1");
    assert_eq!(state_of(s, "H1"), MeetingState::Open);
    let h = s.history("2025", Some("H1")).expect("history");
    assert!(h.iter().any(|e| e.field == "meeting_state"
        && e.from.as_deref() == Some("closed")
        && e.to.as_deref() == Some("open")));
    // A new version of the plan leaves the meetings and their action items in place ...
    let before = s.load("2025").expect("load").desk;
    import(s, plan());
    let after = s.load("2025").expect("load");
    assert_eq!(after.desk, before);
    assert!(after.plan.task("H1.1").is_some());
    // ... and one that takes an action item's id is refused whole.
    let mut clash = plan();
    let mut t = clash.tasks[0].clone();
    t.id = "H1.1".into();
    clash.tasks.push(t);
    let refused = s.execute(
        &Actor::new("lan"),
        Command::Import {
            plan: clash,
            states: BTreeMap::new(),
            activate: true,
        },
    );
    assert!(matches!(
        refused,
        Err(StoreError::Desk(DeskProblem::ReservedId { .. }))
    ));
    assert_eq!(
        s.load("2025").expect("load").plan.tasks.len(),
        plan().tasks.len() + 1
    );
}

/// `history_after` gives the plan's events after a sequence number, as `history` filtered.
fn history_after_is_history_filtered(s: &dyn PlanStore) {
    import(s, plan());
    for p in [10, 20, 30] {
        set(
            s,
            "lan",
            Update {
                progress: Some(p),
                ..upd("I.2")
            },
        )
        .expect("edit");
    }
    let all = s.history("2025", None).expect("history");
    let cut = all[all.len() - 2].seq;
    let after = s.history_after("2025", cut).expect("after");
    let expected: Vec<_> = all.into_iter().filter(|e| e.seq > cut).collect();
    assert_eq!(after, expected);
    assert_eq!(after.len(), 1);
    assert!(s.history_after("2025", u64::MAX).expect("none").is_empty());
    assert!(
        s.history_after("elsewhere", 0)
            .expect("other plan")
            .is_empty()
    );
}
