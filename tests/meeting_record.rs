//! A review meeting recorded from the screen, driven through `App::update` on the in-memory
//! store: prepared as of 15/07/2025 with its agenda proposed, the agenda edited and walked,
//! conclusions and action items recorded, the meeting closed; then the next meeting on
//! 15/10/2025, whose agenda carries the open action items; two sessions on one conclusion.
#![allow(clippy::panic)]

mod screen_text;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use steerdeck::app::{Action, App, AppConfig, Mode, Row};
use steerdeck::domain::meeting::{AgendaReason, MeetingState};
use steerdeck::domain::time::Zone;
use steerdeck::domain::{Status, UnitRegistry};
use steerdeck::i18n::Lang;
use steerdeck::keymap::Keymap;
use steerdeck::store::{Actor, Command, MemoryStore, PlanStore, Update, seed_if_empty};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A store whose clock the test sets (seconds since the epoch).
fn store(now: &Arc<AtomicI64>) -> Arc<MemoryStore> {
    let now = Arc::clone(now);
    let clock = Arc::new(move || -> DateTime<Utc> {
        Utc.timestamp_opt(now.load(Ordering::SeqCst), 0)
            .single()
            .expect("time")
    });
    let s = Arc::new(MemoryStore::with_clock(clock));
    let plan = steerdeck::plan::embedded().expect("plan");
    seed_if_empty(s.as_ref(), &Actor::new("seed"), plan).expect("seed");
    s
}

fn at(y: i32, m: u32, d: u32, h: u32) -> i64 {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
        .single()
        .expect("time")
        .timestamp()
}

fn app_on(store: &Arc<MemoryStore>, user: &str, as_of: NaiveDate, lang: Lang) -> App {
    let cfg = AppConfig {
        actor: Actor::new(user),
        as_of,
        lang,
        read_only: false,
        keymap: Keymap::default_keymap().expect("keymap"),
        registry: UnitRegistry::embedded().expect("registry"),
        plan_name: "2025".into(),
        zone: Zone::default(),
    };
    let mut app = App::new(Box::new(Arc::clone(store)), cfg).expect("app");
    app.set_size(80, 24);
    app
}

fn message(app: &App) -> String {
    app.message().map(|(_, m)| m.clone()).unwrap_or_default()
}

fn screen(app: &App) -> String {
    screen_text::mono_80x24(app)
}

fn agenda(app: &App) -> Vec<String> {
    app.shown_meeting()
        .map(|m| m.agenda.iter().map(|i| i.task.clone()).collect())
        .unwrap_or_default()
}

fn item(app: &App) -> String {
    app.agenda_task()
        .map(|t| t.def.id.clone())
        .unwrap_or_default()
}

/// `m` on a plan without meetings: the form, the chair typed, enter.
fn prepare(app: &mut App, chair: &str) {
    if !matches!(app.mode(), Mode::Meeting | Mode::NewMeeting) {
        app.update(Action::Meeting);
    }
    if app.mode() == Mode::Meeting {
        app.update(Action::NewMeeting);
    }
    assert_eq!(app.mode(), Mode::NewMeeting, "{}", message(app));
    let (fields, current) = app.meeting_form();
    assert_eq!(current, 2, "the chair is what is left to type");
    assert_eq!(fields[1].text().len(), 10, "the review date is proposed");
    app.type_text(chair);
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::Meeting, "{}", message(app));
}

fn conclude(app: &mut App, text: &str) {
    app.update(Action::Conclude);
    assert_eq!(app.mode(), Mode::Conclusion);
    app.type_text(text);
    app.update(Action::Save);
}

fn assign(app: &mut App, fields: [&str; 4]) {
    app.update(Action::Assign);
    assert_eq!(app.mode(), Mode::Assign);
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            app.update(Action::NextField);
        }
        app.type_text(f);
    }
}

#[test]
fn a_meeting_is_prepared_walked_recorded_and_closed_then_the_next_carries_its_tasks() {
    let now = Arc::new(AtomicI64::new(at(2025, 7, 15, 2)));
    let s = store(&now);
    let mut app = app_on(&s, "thuky", day(2025, 7, 15), Lang::Vi);

    // No meeting yet: m offers to prepare one, the title and the review date proposed.
    prepare(&mut app, "Thứ trưởng Nguyễn Văn A");
    assert!(
        message(&app).starts_with("Đã chuẩn bị cuộc họp H1"),
        "{}",
        message(&app)
    );
    let m = app.shown_meeting().expect("H1").clone();
    assert_eq!(
        (m.id.as_str(), m.title.as_str(), m.date, m.state),
        (
            "H1",
            "Họp Ban Chỉ đạo",
            day(2025, 7, 15),
            MeetingState::Planned
        )
    );
    // Proposed as of 15/07/2025: I.1 ("Quý II/2025", not started) is overdue, and first.
    assert_eq!(m.agenda[0].task, "I.1");
    assert_eq!(m.agenda[0].reasons[0], AgendaReason::Overdue);
    assert!(m.agenda.len() >= 4, "{:?}", agenda(&app));
    let proposed = agenda(&app);

    // Edited: the second item dropped, the first moved after the (new) second.
    app.update(Action::MoveDown);
    assert_eq!(item(&app), proposed[1]);
    app.update(Action::DropItem);
    assert!(!agenda(&app).contains(&proposed[1]), "{}", message(&app));
    app.update(Action::MoveUp);
    app.update(Action::ItemDown);
    assert_eq!(
        &agenda(&app)[..2],
        [proposed[2].clone(), proposed[0].clone()]
    );
    assert_eq!(item(&app), "I.1", "the moved item stays on screen");
    app.update(Action::GoTop); // not a meeting key: nothing happens
    app.update(Action::MoveUp);
    assert_eq!(item(&app), proposed[2]);
    app.update(Action::MoveUp);
    assert_eq!(message(&app), "Đây là mục đầu tiên của chương trình");

    // Opened: the state is kept by the store.
    app.update(Action::OpenMeeting);
    assert_eq!(app.shown_meeting().expect("H1").state, MeetingState::Open);

    // Item 1: a status edit from the meeting acts on the item's task, linked to the meeting.
    let first = item(&app);
    app.update(Action::SetStatus);
    app.update(Action::PickBlocked);
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::Meeting, "{}", message(&app));
    let task = app.agenda_task().expect("task");
    assert_eq!(task.state.status, Status::Blocked);
    let history = s.history("2025", Some(&first)).expect("history");
    assert_eq!(
        history.last().and_then(|e| e.meeting.as_deref()),
        Some("H1")
    );

    // Item 2 (I.1): a conclusion and an action item, its deadline read as it is typed.
    app.update(Action::MoveDown);
    assert_eq!(item(&app), "I.1");
    conclude(
        &mut app,
        "Cục CNTT khẩn trương trình Kế hoạch.\nBáo cáo tại phiên sau.",
    );
    assert_eq!(message(&app), "Đã lưu kết luận về I.1");
    assign(
        &mut app,
        [
            "Trình Kế hoạch chuyển đổi số",
            "Cục CNTT",
            "Văn phòng Bộ; Vụ Pháp chế",
            "Quý III/2025",
        ],
    );
    let reads = app.assign_deadline().and_then(|r| r.deadline());
    assert_eq!(reads, Some(day(2025, 9, 30)));
    assert!(
        screen(&app).contains("→ thời hạn 30/09/2025"),
        "{}",
        screen(&app)
    );
    app.update(Action::Confirm);
    assert_eq!(message(&app), "Đã giao nhiệm vụ H1.1");
    let shown = screen(&app);
    assert!(
        shown.contains("H1.1 — Trình Kế hoạch chuyển đổi số"),
        "{shown}"
    );
    assert!(
        shown.contains("Cục CNTT khẩn trương trình Kế hoạch."),
        "{shown}"
    );

    // Item 3: the second conclusion and action item ("Trước 30/9/2025").
    app.update(Action::MoveDown);
    let third = item(&app);
    assert_eq!(third, proposed[3]);
    assert!(screen(&app).contains("Mục 3/"), "{}", screen(&app));
    conclude(&mut app, "Giao Văn phòng Bộ đôn đốc.");
    assign(
        &mut app,
        ["Đôn đốc, báo cáo", "Văn phòng Bộ", "", "Trước 30/9/2025"],
    );
    assert_eq!(
        app.assign_deadline().and_then(|r| r.deadline()),
        Some(day(2025, 9, 30))
    );
    app.update(Action::Confirm);
    assert_eq!(message(&app), "Đã giao nhiệm vụ H1.2");

    // Closed, after confirming; the counts kept.
    app.update(Action::CloseMeeting);
    assert_eq!(app.mode(), Mode::CloseMeeting);
    app.update(Action::Confirm);
    let closed = app.shown_meeting().expect("H1");
    assert_eq!(closed.state, MeetingState::Closed, "{}", message(&app));
    assert!(closed.closing.is_some());
    let concluded: Vec<&str> = closed
        .agenda
        .iter()
        .filter(|i| i.conclusion.is_some())
        .map(|i| i.task.as_str())
        .collect();
    assert_eq!(concluded, ["I.1", third.as_str()]);
    // A closed record is not changed without reopening it: said before anything is typed.
    for action in [Action::Conclude, Action::Assign, Action::EditMeeting] {
        app.update(action);
        assert_eq!(app.mode(), Mode::Meeting, "{action:?}");
        assert_eq!(
            message(&app),
            "cuộc họp H1 đã kết thúc; hãy mở lại cuộc họp để sửa biên bản; chưa lưu gì"
        );
    }
    // Reopened to correct it (a typo in the chair, a conclusion), closed again.
    app.update(Action::OpenMeeting);
    assert_eq!(app.shown_meeting().expect("H1").state, MeetingState::Open);
    app.update(Action::EditMeeting);
    assert_eq!(app.mode(), Mode::NewMeeting);
    app.update(Action::PrevField);
    app.text_key(steerdeck::app::TextKey::Clear);
    app.type_text("Thứ trưởng Nguyễn Văn B");
    app.update(Action::Confirm);
    assert_eq!(message(&app), "Đã sửa cuộc họp H1");
    assert_eq!(
        app.shown_meeting().expect("H1").chair,
        "Thứ trưởng Nguyễn Văn B"
    );
    app.update(Action::Conclude);
    assert_eq!(
        app.conclusion_editor().lines(),
        ["Giao Văn phòng Bộ đôn đốc."]
    );
    app.type_text(" Báo cáo trước 30/9.");
    app.update(Action::Save);
    app.update(Action::CloseMeeting);
    app.update(Action::Confirm);
    let h1 = app.shown_meeting().expect("H1");
    assert_eq!(h1.state, MeetingState::Closed);
    assert_eq!(
        h1.item(&third).and_then(|i| i.conclusion.as_deref()),
        Some("Giao Văn phòng Bộ đôn đốc. Báo cáo trước 30/9.")
    );

    // The plan shows the action items in a group of their own.
    app.update(Action::Meeting);
    assert_eq!(app.mode(), Mode::Normal);
    let group = app
        .view()
        .groups
        .iter()
        .find(|g| g.key == "meeting:H1")
        .expect("the meeting's group");
    assert_eq!(
        group.label,
        "Nhiệm vụ giao tại cuộc họp ngày 15/07/2025 (H1)"
    );

    // Between the meetings: one task moves (in August).
    now.store(at(2025, 8, 20, 3), Ordering::SeqCst);
    s.execute(
        &Actor::new("lan"),
        Command::Update(Update {
            plan: "2025".into(),
            task: "III.1".into(),
            progress: Some(30),
            ..Update::default()
        }),
    )
    .expect("edit");

    // The next meeting, as of 15/10/2025.
    now.store(at(2025, 10, 15, 2), Ordering::SeqCst);
    let mut next = app_on(&s, "thuky", day(2025, 10, 15), Lang::Vi);
    next.update(Action::Meeting);
    assert_eq!(next.shown_meeting().map(|m| m.id.as_str()), Some("H1"));
    prepare(&mut next, "Thứ trưởng");
    let h2 = next.shown_meeting().expect("H2").clone();
    assert_eq!(h2.id, "H2");
    for id in ["H1.1", "H1.2"] {
        let item = h2
            .item(id)
            .unwrap_or_else(|| panic!("{id} on {:?}", agenda(&next)));
        assert!(item.reasons.contains(&AgendaReason::OpenAction), "{id}");
    }
    let moved = h2.item("III.1").expect("III.1 changed since H1");
    assert!(moved.reasons.contains(&AgendaReason::Changed));
    // Edits made on the day of H1 are not "since" it.
    assert!(
        h2.item(&first)
            .is_none_or(|i| !i.reasons.contains(&AgendaReason::Changed))
    );

    // ] and [ show the other meetings, by date.
    next.update(Action::PrevGroup);
    assert_eq!(next.shown_meeting().map(|m| m.id.as_str()), Some("H1"));
    next.update(Action::PrevGroup);
    assert_eq!(message(&next), "Đây là cuộc họp đầu tiên");
    next.update(Action::NextGroup);
    next.update(Action::NextGroup);
    assert_eq!(next.shown_meeting().map(|m| m.id.as_str()), Some("H2"));
    assert_eq!(message(&next), "Đây là cuộc họp gần đây nhất");

    // A task of the plan added to the agenda from the plan view.
    next.update(Action::Meeting);
    let extra = next
        .tasks()
        .iter()
        .map(|t| t.def.id.clone())
        .find(|id| h2.item(id).is_none())
        .expect("a task not on the agenda");
    next.update(Action::Search);
    next.type_text(&extra);
    next.update(Action::Confirm);
    assert_eq!(
        next.selected_task().map(|t| t.def.id.clone()),
        Some(extra.clone())
    );
    next.update(Action::AddToAgenda);
    assert_eq!(
        message(&next),
        format!("Đã đưa {extra} vào chương trình cuộc họp H2")
    );
    assert_eq!(agenda(&next).last(), Some(&extra));
    next.update(Action::AddToAgenda);
    assert_eq!(
        message(&next),
        format!("{extra} đã có trong chương trình cuộc họp H2")
    );
    next.update(Action::Back);

    // The plan's filter "changed since the last meeting", and the mark on those rows.
    next.update(Action::ViewChanged);
    let ids: Vec<String> = next
        .view()
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Task { task, .. } => Some(next.tasks()[*task].def.id.clone()),
            Row::Group(_) => None,
        })
        .collect();
    assert_eq!(ids, ["III.1"]);
    let shown = screen(&next);
    assert!(shown.contains("thay đổi từ cuộc họp 15/07/2025"), "{shown}");
    assert!(shown.contains("• III.1"), "{shown}");
    next.update(Action::ViewChanged);
    assert!(next.view().matched > 50);
}

#[test]
fn two_sessions_on_one_conclusion_the_later_is_refused_and_keeps_its_text() {
    let now = Arc::new(AtomicI64::new(at(2025, 7, 15, 2)));
    let s = store(&now);
    let mut lan = app_on(&s, "lan", day(2025, 7, 15), Lang::Vi);
    prepare(&mut lan, "Thứ trưởng");
    let mut minh = app_on(&s, "minh", day(2025, 7, 15), Lang::Vi);
    minh.update(Action::Meeting);
    assert_eq!(minh.shown_meeting().map(|m| m.id.as_str()), Some("H1"));

    lan.update(Action::Conclude);
    minh.update(Action::Conclude);
    lan.type_text("Đồng ý tiến độ.");
    lan.update(Action::Save);
    assert_eq!(message(&lan), "Đã lưu kết luận về I.1");

    // Live: minh's screen follows (the runtime syncs when the store's sequence moves).
    assert!(minh.sync().expect("sync"));
    let there = minh
        .shown_meeting()
        .and_then(|m| m.agenda[0].conclusion.clone());
    assert_eq!(there.as_deref(), Some("Đồng ý tiến độ."));

    minh.type_text("Yêu cầu báo cáo lại.");
    minh.update(Action::Save);
    assert_eq!(
        message(&minh),
        "CHƯA LƯU: kết luận về I.1 tại cuộc họp H1 vừa được lan thay đổi sau khi bạn xem; chưa lưu gì"
    );
    assert_eq!(minh.mode(), Mode::Conclusion);
    assert_eq!(minh.conclusion_editor().lines(), ["Yêu cầu báo cáo lại."]);
    // Saved again, knowingly, it replaces lan's.
    minh.update(Action::Save);
    assert_eq!(message(&minh), "Đã lưu kết luận về I.1");
    assert!(lan.sync().expect("sync"));
    let now = lan
        .shown_meeting()
        .and_then(|m| m.agenda[0].conclusion.clone());
    assert_eq!(now.as_deref(), Some("Yêu cầu báo cáo lại."));

    // Likewise in English.
    let mut en = app_on(&s, "hoa", day(2025, 7, 15), Lang::En);
    en.update(Action::Meeting);
    en.update(Action::Conclude);
    lan.update(Action::Conclude);
    lan.type_text(" Bổ sung.");
    lan.update(Action::Save);
    en.type_text(" More.");
    en.update(Action::Save);
    assert!(
        message(&en).contains(
            "the conclusion on I.1 at meeting H1 was changed by lan since you looked; nothing was saved"
        ),
        "{}",
        message(&en)
    );
}

/// A meeting on screen: prepared, opened, the first item concluded with a task assigned.
fn recorded(lang: Lang) -> App {
    let now = Arc::new(AtomicI64::new(at(2025, 7, 15, 2)));
    let s = store(&now);
    let mut app = app_on(&s, "thuky", day(2025, 7, 15), lang);
    prepare(&mut app, "Thứ trưởng Nguyễn Văn A");
    app.update(Action::OpenMeeting);
    conclude(&mut app, "Cục CNTT hoàn thành trong Quý III.");
    assign(
        &mut app,
        ["Trình Kế hoạch", "Cục CNTT", "Văn phòng Bộ", "Quý III/2025"],
    );
    app.update(Action::Confirm);
    app
}

#[test]
fn meeting_screen() {
    let app = recorded(Lang::Vi);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn meeting_screen_in_english() {
    let app = recorded(Lang::En);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn action_item_form() {
    let mut app = recorded(Lang::Vi);
    app.update(Action::MoveDown);
    assign(&mut app, ["Báo cáo", "Cục CNTT", "", "Trước 30/9/2025"]);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn a_conclusion_being_written_when_the_terminal_goes_is_saved() {
    let now = Arc::new(AtomicI64::new(at(2025, 7, 15, 2)));
    let s = store(&now);
    let mut app = app_on(&s, "thuky", day(2025, 7, 15), Lang::Vi);
    prepare(&mut app, "Thứ trưởng");
    app.update(Action::Conclude);
    app.type_text("Giao Cục CNTT");
    app.hang_up();
    let data = s.load("2025").expect("load");
    let said = data
        .desk
        .meeting("H1")
        .and_then(|m| m.agenda[0].conclusion.clone());
    assert_eq!(
        said.as_deref(),
        Some("Giao Cục CNTT\n(bản nháp, lưu tự động khi mất kết nối)")
    );
}

/// A conclusion being written when the editor is closed (Esc, Ctrl+C) is kept with the note
/// drafts, which the runtime writes to disk: a new session on the same store finds it.
#[test]
fn a_conclusion_draft_survives_the_session() {
    let now = Arc::new(AtomicI64::new(at(2025, 7, 15, 2)));
    let s = store(&now);
    let mut first = app_on(&s, "lan", day(2025, 7, 15), Lang::Vi);
    prepare(&mut first, "Thứ trưởng");
    first.update(Action::Conclude);
    first.type_text("Cục CNTT hoàn thành trong Quý III");
    first.update(Action::Back);
    assert_eq!(first.mode(), Mode::Meeting);
    let kept = first
        .take_changed_drafts()
        .cloned()
        .expect("the drafts changed");
    assert!(
        kept.values()
            .any(|t| t == "Cục CNTT hoàn thành trong Quý III")
    );
    // Nothing was saved to the store.
    let data = s.load("2025").expect("load");
    assert!(data.desk.meetings[0].agenda[0].conclusion.is_none());
    // The next session, given the drafts from disk, opens the editor on the text.
    let mut next = app_on(&s, "lan", day(2025, 7, 15), Lang::Vi).with_drafts(kept);
    next.update(Action::Meeting);
    next.update(Action::Conclude);
    next.type_text(".");
    next.update(Action::Save);
    let data = s.load("2025").expect("load");
    assert_eq!(
        data.desk.meetings[0].agenda[0].conclusion.as_deref(),
        Some("Cục CNTT hoàn thành trong Quý III.")
    );
    assert!(
        next.take_changed_drafts()
            .is_some_and(|d| d.values().all(|t| !t.contains("Quý III"))),
        "saved, the draft is gone"
    );
}
