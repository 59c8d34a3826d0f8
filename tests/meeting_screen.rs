//! "The meeting screen, right": each item a committee relies on, driven through `App::update`
//! on the in-memory store as of 15/07/2025, with answers counted by hand from the plan.
#![allow(clippy::panic)]

mod screen_text;

use chrono::NaiveDate;
use std::sync::Arc;

use steerdeck::app::{Action, App, AppConfig, Grouping, Mode, Row, TextKey, Tone};
use steerdeck::domain::time::Zone;
use steerdeck::domain::{Status, UnitRegistry};
use steerdeck::i18n::Lang;
use steerdeck::keymap::Keymap;
use steerdeck::store::{Actor, Command, MemoryStore, PlanStore, Update, seed_if_empty};
use steerdeck::ui::{Theme, ThemeName};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn store() -> Arc<MemoryStore> {
    let s = Arc::new(MemoryStore::new());
    let plan = steerdeck::plan::embedded().expect("plan");
    seed_if_empty(s.as_ref(), &Actor::new("seed"), plan).expect("seed");
    s
}

fn app_on(store: &Arc<MemoryStore>, user: &str) -> App {
    let cfg = AppConfig {
        actor: Actor::new(user),
        as_of: day(2025, 7, 15),
        lang: Lang::Vi,
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

fn set(store: &MemoryStore, who: &str, task: &str, status: Option<Status>, progress: Option<u8>) {
    set_done_on(store, who, task, status, progress, None);
}

fn set_done_on(
    store: &MemoryStore,
    who: &str,
    task: &str,
    status: Option<Status>,
    progress: Option<u8>,
    done_on: Option<NaiveDate>,
) {
    store
        .execute(
            &Actor::new(who),
            Command::Update(Update {
                plan: "2025".into(),
                task: task.into(),
                status,
                progress,
                done_on: done_on.or(Some(day(2025, 7, 15))),
                ..Update::default()
            }),
        )
        .expect("edit");
}

fn go_to(app: &mut App, id: &str) {
    app.update(Action::Search);
    app.text_key(TextKey::Clear);
    app.type_text(id);
    app.update(Action::Confirm);
    assert_eq!(selected(app), id);
}

fn selected(app: &App) -> String {
    app.selected_task()
        .map(|t| t.def.id.clone())
        .unwrap_or_default()
}

fn message(app: &App) -> String {
    app.message().map(|(_, m)| m.clone()).unwrap_or_default()
}

fn screen(app: &App) -> String {
    screen_of(app, 80, 24)
}

fn screen_of(app: &App, w: u16, h: u16) -> String {
    let theme = Theme::from_name(ThemeName::Mono, true);
    screen_text::full_text(&screen_text::drawn(app, &theme, w, h))
}

#[test]
fn done_tasks_without_a_deadline_count_as_done_in_every_grouping() {
    let s = store();
    for id in ["I.4", "VIII.1", "VIII.2"] {
        set(&s, "lan", id, Some(Status::Done), None);
    }
    let mut app = app_on(&s, "lan");
    let security = app
        .view()
        .groups
        .iter()
        .find(|g| g.key == "security")
        .expect("VIII");
    // VIII has two tasks, both done: VIII.1 has no deadline ("Thường xuyên"), VIII.2 is on time.
    let c = security.counts;
    assert_eq!(
        (c.done(), c.counted(), c.done_on_time, c.done_late),
        (2, 2, 1, 0)
    );
    assert_eq!(c.rate(), Some(100.0));
    // The group header says it with the one formatter every screen and paper uses.
    assert_eq!(
        steerdeck::i18n::tally::short(Lang::Vi, &c),
        "xong 2/2: đúng hạn 1, trễ 0 · quá hạn 0 · 100%"
    );
    let leadership = app.view().groups[0].counts;
    // I: I.1 overdue, I.2 and I.3 not started, I.4 done without a deadline.
    assert_eq!(
        (
            leadership.done(),
            leadership.overdue,
            leadership.not_started
        ),
        (1, 1, 2)
    );
    app.update(Action::CycleGrouping);
    app.update(Action::CycleGrouping);
    assert_eq!(app.grouping(), Grouping::Quarter);
    let none = app
        .view()
        .groups
        .iter()
        .find(|g| g.key == "none")
        .expect("no deadline group");
    assert_eq!(none.counts.done(), 2, "I.4 and VIII.1");
    assert_eq!(none.counts.done_no_deadline, 2);
    // Four tasks have no deadline (I.4, II.3 "Theo Kế hoạch ...", VIII.1 and IV.1 "Thường
    // xuyên"): 2 of 4 done.
    assert_eq!((none.counts.counted(), none.counts.rate()), (4, Some(50.0)));
}

#[test]
fn a_finished_task_shows_when_it_finished_never_overdue() {
    let s = store();
    set_done_on(
        &s,
        "lan",
        "III.3",
        Some(Status::Done),
        None,
        Some(day(2025, 6, 20)),
    );
    set_done_on(
        &s,
        "lan",
        "I.1",
        Some(Status::Done),
        None,
        Some(day(2025, 4, 10)),
    );
    set(&s, "lan", "IV.5", Some(Status::Cancelled), None);
    let mut app = app_on(&s, "lan");
    let table = screen(&app);
    let row = |id: &str| {
        table
            .lines()
            .find(|l| l.contains(&format!(" {id} ")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        row("III.3").contains("đúng hạn") && !row("III.3").contains("quá"),
        "{table}"
    );
    assert!(row("I.1").contains("trễ 10"), "{}", row("I.1"));
    assert!(!row("IV.5").contains("quá"), "{}", row("IV.5"));
    go_to(&mut app, "III.3");
    app.update(Action::OpenDetail);
    let detail = screen(&app);
    assert!(
        detail.contains("30/06/2025 (hoàn thành 20/06/2025, đúng hạn)"),
        "{detail}"
    );
    assert!(!detail.contains("quá 15 ngày"), "{detail}");
    app.update(Action::Back);
    go_to(&mut app, "IV.5");
    app.update(Action::OpenDetail);
    let detail = screen(&app);
    assert!(
        detail.contains("(dừng thực hiện)") && !detail.contains("quá"),
        "{detail}"
    );
}

#[test]
fn nothing_changes_behind_the_too_small_message_but_quit_works() {
    let s = store();
    let mut app = app_on(&s, "lan");
    let seq = s.last_seq().expect("seq");
    app.set_size(50, 10);
    assert!(screen_of(&app, 50, 10).contains("quá nhỏ"));
    for a in [
        Action::MoveDown,
        Action::SetStatus,
        Action::PickCancelled,
        Action::Confirm,
    ] {
        app.update(a);
    }
    app.type_text("x");
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(s.last_seq().expect("seq"), seq, "no edit saved blind");
    app.update(Action::Quit);
    assert!(app.wants_to_quit());
}

#[test]
fn a_later_edit_is_refused_with_who_changed_what_and_the_picker_shows_it() {
    let s = store();
    let mut a = app_on(&s, "lan");
    go_to(&mut a, "I.4");
    a.update(Action::SetProgress);
    assert_eq!(a.progress_input().text(), "0");
    set(&s, "minh", "I.4", None, Some(50));
    assert!(a.sync().expect("sync"), "a's row updates behind the popup");
    assert_eq!(a.mode(), Mode::Progress);
    a.type_text("60");
    a.update(Action::Confirm);
    let msg = message(&a);
    assert!(
        msg.contains("minh") && msg.contains("50%") && msg.contains("0%") && msg.contains("I.4"),
        "{msg}"
    );
    assert_eq!(a.mode(), Mode::Progress, "the picker stays open");
    assert_eq!(a.progress_input().text(), "50", "showing the new value");
    assert_eq!(s.state("2025", "I.4").expect("state").progress, 50);
    // Deciding again, knowingly, saves.
    a.type_text("60");
    a.update(Action::Confirm);
    assert_eq!(s.state("2025", "I.4").expect("state").progress, 60);
    let last = s.history("2025", Some("I.4")).expect("history");
    let last = last.last().expect("event");
    assert_eq!(
        (last.from.as_deref(), last.to.as_deref(), last.who.as_str()),
        (Some("50"), Some("60"), "lan")
    );

    // The same with the status picker.
    a.update(Action::SetStatus);
    set(&s, "minh", "I.4", Some(Status::Blocked), None);
    a.sync().expect("sync");
    a.update(Action::PickCancelled);
    a.update(Action::Confirm);
    assert_eq!(a.mode(), Mode::Status);
    let msg = message(&a);
    assert!(msg.contains("minh") && msg.contains("Vướng mắc"), "{msg}");
    assert_eq!(
        s.state("2025", "I.4").expect("state").status,
        Status::Blocked
    );
}

#[test]
fn undo_says_what_it_undid_and_brings_the_task_into_view() {
    let s = store();
    let mut app = app_on(&s, "lan");
    go_to(&mut app, "III.8");
    app.update(Action::SetStatus);
    app.update(Action::PickBlocked);
    app.update(Action::Confirm);
    assert_eq!(
        s.state("2025", "III.8").expect("state").status,
        Status::Blocked
    );
    // Move away and hide III.8 behind a filter.
    app.update(Action::ClearFilters);
    app.update(Action::GoTop);
    app.update(Action::ViewOverdue);
    assert!(
        !app.view()
            .rows
            .iter()
            .any(|r| matches!(r, Row::Task { task, .. } if app.tasks()[*task].def.id == "III.8"))
    );
    app.update(Action::Undo);
    let msg = message(&app);
    assert!(
        msg.contains("III.8") && msg.contains("Trạng thái: Vướng mắc → Chưa thực hiện"),
        "{msg}"
    );
    assert_eq!(selected(&app), "III.8", "the undone task is selected");
    assert_eq!(
        s.state("2025", "III.8").expect("state").status,
        Status::NotStarted
    );
}

#[test]
fn a_note_can_be_corrected_and_withdrawn_and_the_original_stays_in_the_history() {
    let s = store();
    let mut app = app_on(&s, "lan");
    go_to(&mut app, "I.2");
    app.update(Action::AddNote);
    app.type_text("Giao Cục CNTT chủ trì");
    app.update(Action::Save);
    app.update(Action::OpenDetail);
    app.update(Action::CorrectNote);
    assert_eq!(app.mode(), Mode::Note);
    assert_eq!(app.note().lines().join("\n"), "Giao Cục CNTT chủ trì");
    app.type_text(", Cục KHTC phối hợp");
    app.update(Action::Save);
    let state = s.state("2025", "I.2").expect("state");
    assert_eq!(state.notes.len(), 2);
    assert!(
        state.notes[0]
            .withdrawn
            .as_ref()
            .is_some_and(|w| w.corrected && w.who == "lan")
    );
    let current: Vec<&str> = state
        .current_notes()
        .map(|(_, n)| n.text.as_str())
        .collect();
    assert_eq!(current, ["Giao Cục CNTT chủ trì, Cục KHTC phối hợp"]);
    let history = s.history("2025", Some("I.2")).expect("history");
    let corrected = history
        .iter()
        .find(|e| e.field == "note_corrected")
        .expect("a correction event");
    assert_eq!(corrected.from.as_deref(), Some("Giao Cục CNTT chủ trì"));
    // Exports list only what stands.
    let task = app.selected_task().expect("task").clone();
    let row = steerdeck::export::TaskRow::new(&task, day(2025, 7, 15));
    assert_eq!(row.notes, current);
    // Undo of a note withdraws it.
    app.update(Action::Undo);
    let state = s.state("2025", "I.2").expect("state");
    assert_eq!(state.current_notes().count(), 0, "{:?}", state.notes);
    assert!(message(&app).contains("I.2"), "{}", message(&app));
    // Withdrawing from the detail asks first.
    app.update(Action::AddNote);
    app.type_text("Nhầm nhiệm vụ");
    app.update(Action::Save);
    app.update(Action::WithdrawNote);
    assert_eq!(app.mode(), Mode::Withdraw);
    app.update(Action::Back);
    assert_eq!(
        s.state("2025", "I.2")
            .expect("state")
            .current_notes()
            .count(),
        1
    );
    app.update(Action::WithdrawNote);
    app.update(Action::Confirm);
    assert_eq!(
        s.state("2025", "I.2")
            .expect("state")
            .current_notes()
            .count(),
        0
    );
    let shown = screen(&app);
    assert!(shown.contains("đã rút"), "{shown}");
}

#[test]
fn detail_keys_stay_in_the_detail_and_search_pages() {
    let s = store();
    let mut app = app_on(&s, "lan");
    go_to(&mut app, "III.3");
    app.update(Action::OpenDetail);
    for a in [
        Action::GoTop,
        Action::GoBottom,
        Action::PageDown,
        Action::PageUp,
    ] {
        app.update(a);
        assert_eq!(selected(&app), "III.3", "{a:?}");
        assert_eq!(app.mode(), Mode::Detail);
        assert!(screen(&app).contains("III.3 — "), "{a:?} shows the task");
    }
    app.update(Action::Back);
    app.update(Action::ClearFilters);
    app.update(Action::Search);
    app.type_text("a");
    let before = app.selected();
    app.update(Action::PageDown);
    assert!(app.selected() > before, "page down in search");
    app.update(Action::PageUp);
    assert_eq!(app.selected(), before);
}

#[test]
fn typing_replaces_the_progress_shown_and_arrows_step_it() {
    let s = store();
    set(&s, "lan", "I.2", None, Some(40));
    let mut app = app_on(&s, "lan");
    go_to(&mut app, "I.2");
    app.update(Action::SetProgress);
    app.type_text("60");
    assert_eq!(app.progress_input().text(), "60", "not 4060");
    app.update(Action::NextValue);
    assert_eq!(app.progress_input().text(), "70");
    app.update(Action::Confirm);
    assert_eq!(s.state("2025", "I.2").expect("state").progress, 70);
    app.update(Action::SetProgress);
    app.text_key(TextKey::Char('5'));
    assert_eq!(app.progress_input().text(), "5");
    app.type_text("kp");
    assert_eq!(
        app.progress_input().text(),
        "5",
        "letters are not a progress"
    );
    assert!(matches!(app.message(), Some((Tone::Error, _))));
}

#[test]
fn drafts_are_kept_per_task_and_across_sessions() {
    let s = store();
    let mut app = app_on(&s, "lan");
    go_to(&mut app, "I.2");
    app.update(Action::AddNote);
    app.type_text("Nháp cho I.2");
    app.update(Action::Back);
    assert!(message(&app).contains("bản nháp"));
    go_to(&mut app, "I.3");
    app.update(Action::AddNote);
    app.type_text("Nháp cho I.3");
    app.update(Action::Back);
    go_to(&mut app, "I.2");
    app.update(Action::AddNote);
    assert_eq!(app.note().lines().join("\n"), "Nháp cho I.2");
    app.update(Action::Back);
    let saved = app.take_changed_drafts().expect("drafts changed").clone();
    assert_eq!(saved.len(), 2);
    assert!(app.take_changed_drafts().is_none(), "said once");
    // The next session starts with them.
    let mut next = app_on(&s, "lan").with_drafts(saved);
    go_to(&mut next, "I.3");
    next.update(Action::AddNote);
    assert_eq!(next.note().lines().join("\n"), "Nháp cho I.3");
    next.update(Action::DiscardNote);
    assert!(!next.drafts().contains_key("I.3"));
    assert!(next.take_changed_drafts().is_some());
    assert!(s.state("2025", "I.3").expect("state").notes.is_empty());
}

#[test]
fn done_asks_the_day_and_refuses_one_after_the_review_date() {
    let s = store();
    let mut app = app_on(&s, "lan");
    go_to(&mut app, "III.3");
    app.update(Action::SetStatus);
    app.update(Action::PickDone);
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::DoneOn);
    assert_eq!(
        app.done_input().text(),
        "15/07/2025",
        "the review date is proposed"
    );
    app.type_text("16/07/2025");
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::DoneOn, "refused");
    assert!(matches!(app.message(), Some((Tone::Error, m)) if m.contains("15/07/2025")));
    app.text_key(TextKey::Clear);
    app.type_text("20/6/2025");
    app.update(Action::Confirm);
    let st = s.state("2025", "III.3").expect("state");
    assert_eq!(
        (st.status, st.progress, st.completed_on),
        (Status::Done, 100, Some(day(2025, 6, 20)))
    );
    // Progress on a task nobody marked as started makes it in progress, in the history.
    go_to(&mut app, "I.2");
    app.update(Action::SetProgress);
    app.type_text("40");
    app.update(Action::Confirm);
    assert_eq!(
        s.state("2025", "I.2").expect("state").status,
        Status::InProgress
    );
    let fields: Vec<String> = s
        .history("2025", Some("I.2"))
        .expect("history")
        .into_iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(fields, ["status", "progress"]);
}
