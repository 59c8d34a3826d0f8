//! Flows: the app driven by action sequences on the in-memory store, as of a fixed date.
#![allow(clippy::panic)]

use chrono::NaiveDate;
use std::sync::Arc;

use steerdeck::app::{Action, App, AppConfig, Mode, Row, TextKey, Tone};
use steerdeck::domain::{Status, UnitRegistry};
use steerdeck::i18n::Lang;
use steerdeck::keymap::Keymap;
use steerdeck::store::{Actor, MemoryStore, PlanStore, seed_if_empty};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 15).expect("date")
}

fn store() -> Arc<MemoryStore> {
    let s = Arc::new(MemoryStore::new());
    seed_if_empty(
        s.as_ref(),
        &Actor::new("seed"),
        steerdeck::plan::embedded().expect("plan"),
    )
    .expect("seed");
    s
}

fn app_on(store: Arc<MemoryStore>, user: &str, read_only: bool) -> App {
    let cfg = AppConfig {
        actor: Actor::new(user),
        as_of: as_of(),
        lang: Lang::Vi,
        read_only,
        keymap: Keymap::default_keymap().expect("default keymap"),
        registry: UnitRegistry::embedded().expect("embedded registry"),
        plan_name: "2025".into(),
        zone: steerdeck::domain::time::Zone::default(),
    };
    App::new(Box::new(store), cfg).expect("app")
}

fn app() -> (App, Arc<MemoryStore>) {
    let s = store();
    (app_on(s.clone(), "thuky", false), s)
}

fn visible_ids(app: &App) -> Vec<String> {
    app.view()
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Task { task, .. } => Some(app.tasks()[*task].def.id.clone()),
            Row::Group(_) => None,
        })
        .collect()
}

fn search(app: &mut App, text: &str) {
    app.update(Action::Search);
    app.type_text(text);
    app.update(Action::Confirm);
}

fn selected_id(app: &App) -> String {
    app.selected_task()
        .map(|t| t.def.id.clone())
        .expect("a task is selected")
}

#[test]
fn search_narrows_as_you_type_and_esc_clears() {
    let (mut app, _) = app();
    assert_eq!(visible_ids(&app).len(), 59);
    app.update(Action::Search);
    assert_eq!(app.mode(), Mode::Search);
    for c in "ho tich".chars() {
        app.text_key(TextKey::Char(c));
    }
    let ids = visible_ids(&app);
    assert!(
        ids.len() < 10 && ids.contains(&"IV.5".to_string()) && ids.contains(&"P.6".to_string()),
        "{ids:?}"
    );
    // The best match is selected, and its title's matched chars are known for highlighting.
    let Some(Row::Task { hit: Some(hit), .. }) = app.view().rows.get(app.selected()) else {
        panic!("no hit selected")
    };
    assert!(
        hit.positions
            .iter()
            .any(|(field, p)| *field == 1 && !p.is_empty())
    );
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(visible_ids(&app), ids, "Enter keeps the search");
    app.update(Action::Back);
    assert_eq!(visible_ids(&app).len(), 59, "Esc clears it");
}

#[test]
fn presets_and_filters_combine_and_clear() {
    let (mut app, _) = app();
    app.update(Action::ViewOverdue);
    let overdue = visible_ids(&app);
    assert_eq!(overdue, ["I.1", "III.3", "IV.5"]);
    app.update(Action::ViewOverdue);
    assert_eq!(
        visible_ids(&app).len(),
        59,
        "the same preset again clears it"
    );
    app.update(Action::Filter);
    app.update(Action::NextValue); // pillar: leadership
    assert!(visible_ids(&app).iter().all(|id| id.starts_with("I.")));
    app.update(Action::NextField);
    app.update(Action::NextField);
    app.update(Action::NextField); // deadline window
    app.update(Action::NextValue); // overdue
    assert_eq!(visible_ids(&app), ["I.1"]);
    app.update(Action::Confirm);
    app.update(Action::ClearFilters);
    assert_eq!(visible_ids(&app).len(), 59);
}

#[test]
fn status_edit_saves_and_undo_redo_are_recorded() {
    let (mut app, store) = app();
    search(&mut app, "thue phan mem quan ly can bo");
    assert_eq!(selected_id(&app), "III.3");
    app.update(Action::SetStatus);
    assert_eq!(app.mode(), Mode::Status);
    app.update(Action::PickDone);
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::DoneOn, "done asks the day it was done");
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::Normal);
    let st = store.state("2025", "III.3").expect("state");
    assert_eq!(
        (st.status, st.progress, st.completed_on),
        (Status::Done, 100, Some(as_of()))
    );
    assert_eq!(
        app.selected_task().map(|t| t.state.status),
        Some(Status::Done),
        "the list updates at once"
    );
    assert!(
        matches!(app.message(), Some((Tone::Info, m)) if m.contains("Đã lưu")),
        "{:?}",
        app.message()
    );

    app.update(Action::Undo);
    let st = store.state("2025", "III.3").expect("state");
    assert_eq!(
        (st.status, st.progress, st.completed_on),
        (Status::NotStarted, 0, None)
    );
    let history = store.history("2025", Some("III.3")).expect("history");
    assert!(
        history
            .iter()
            .any(|e| e.field == "status" && e.note.as_deref() == Some("undo") && e.who == "thuky")
    );
    app.update(Action::Redo);
    assert_eq!(
        store.state("2025", "III.3").expect("state").status,
        Status::Done
    );
    app.update(Action::Redo);
    assert!(matches!(app.message(), Some((Tone::Info, _))));
}

#[test]
fn progress_and_notes() {
    let (mut app, store) = app();
    search(&mut app, "I.2");
    assert_eq!(selected_id(&app), "I.2");
    app.update(Action::SetProgress);
    app.text_key(TextKey::Backspace);
    app.type_text("abc");
    app.update(Action::Confirm);
    assert!(
        matches!(app.message(), Some((Tone::Error, _))),
        "bad value refused"
    );
    assert_eq!(store.state("2025", "I.2").expect("state").progress, 0);
    app.text_key(TextKey::Clear);
    app.type_text("40");
    app.update(Action::Confirm);
    assert_eq!(store.state("2025", "I.2").expect("state").progress, 40);

    app.update(Action::AddNote);
    assert_eq!(app.mode(), Mode::Note);
    // A bracketed paste with \r line breaks, then typed text.
    app.type_text("Kết luận:\r\nGiao Cục CNTT");
    app.update(Action::Save);
    let notes = store.state("2025", "I.2").expect("state").notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "Kết luận:\nGiao Cục CNTT");
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn read_only_refuses_every_edit() {
    let s = store();
    let mut app = app_on(s.clone(), "khach", true);
    let before = s.last_seq().expect("seq");
    for a in [
        Action::SetStatus,
        Action::SetProgress,
        Action::AddNote,
        Action::Undo,
    ] {
        app.update(a);
        assert_eq!(app.mode(), Mode::Normal, "{a:?}");
        assert!(matches!(app.message(), Some((Tone::Error, _))), "{a:?}");
    }
    assert_eq!(s.last_seq().expect("seq"), before);
}

#[test]
fn groupings_and_folding() {
    let (mut app, _) = app();
    assert_eq!(app.view().groups.len(), 10);
    app.update(Action::GoTop);
    app.update(Action::ToggleGroup);
    assert!(app.view().groups[0].folded);
    assert_eq!(
        visible_ids(&app).len(),
        55,
        "the four leadership tasks are hidden"
    );
    app.update(Action::UnfoldAll);
    app.update(Action::CycleGrouping);
    // By lead: IV.1 has five leads and shows under each.
    assert_eq!(
        visible_ids(&app).iter().filter(|id| *id == "IV.1").count(),
        5
    );
    app.update(Action::CycleGrouping);
    let labels: Vec<&str> = app.view().groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels.first().copied(), Some("Quý I/2025"));
    assert_eq!(labels.last().copied(), Some("Không có thời hạn"));
    let q1 = &app.view().groups[0];
    assert_eq!((q1.counts.overdue, q1.counts.done()), (1, 0));
}

#[test]
fn a_stale_edit_is_refused_with_the_other_persons_change() {
    let s = store();
    let mut a = app_on(s.clone(), "lan", false);
    let mut b = app_on(s.clone(), "minh", false);
    search(&mut a, "III.3");
    search(&mut b, "III.3");
    a.update(Action::SetStatus);
    a.update(Action::PickBlocked);
    a.update(Action::Confirm);
    b.update(Action::SetStatus);
    b.update(Action::PickDone);
    b.update(Action::Confirm);
    b.update(Action::Confirm);
    let Some((Tone::Error, msg)) = b.message() else {
        panic!("no error: {:?}", b.message())
    };
    assert!(msg.contains("lan") && msg.contains("Vướng mắc"), "{msg}");
    assert_eq!(
        s.state("2025", "III.3").expect("state").status,
        Status::Blocked
    );
    assert_eq!(
        b.selected_task().map(|t| t.state.status),
        Some(Status::Blocked),
        "b now sees a's change"
    );
    // Another screen picks up the change without losing its place.
    let mut c = app_on(s.clone(), "an", false);
    search(&mut c, "IV");
    let place = selected_id(&c);
    a.update(Action::SetProgress);
    a.type_text("5");
    a.update(Action::Confirm);
    assert!(c.sync().expect("sync"));
    assert_eq!(selected_id(&c), place);
}

#[test]
fn a_note_being_written_is_saved_when_the_terminal_goes_away() {
    let (mut app, store) = app();
    search(&mut app, "III.3");
    app.update(Action::AddNote);
    app.type_text("Ý kiến chưa gõ xong");
    app.hang_up();
    let notes = store.state("2025", "III.3").expect("state").notes;
    assert_eq!(notes.len(), 1);
    assert!(
        notes[0].text.starts_with("Ý kiến chưa gõ xong\n("),
        "{}",
        notes[0].text
    );
    // Nothing being written: nothing saved.
    let seq = store.last_seq().expect("seq");
    app.hang_up();
    assert_eq!(store.last_seq().expect("seq"), seq);
}

#[test]
fn esc_keeps_the_note_draft_for_the_same_task() {
    let (mut app, store) = app();
    search(&mut app, "III.3");
    app.update(Action::AddNote);
    app.type_text("Nháp");
    app.update(Action::Back);
    assert_eq!(app.mode(), Mode::Normal);
    assert!(
        store
            .state("2025", "III.3")
            .expect("state")
            .notes
            .is_empty()
    );
    app.update(Action::AddNote);
    assert_eq!(app.note().lines().join("\n"), "Nháp");
}
