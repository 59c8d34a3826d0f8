//! Recording a target's value from the dashboard: chosen with the arrows, typed with a decimal
//! comma, saved into the desk with its history; refused when another session recorded one since
//! the form opened; undone (the reading withdrawn) and redone; the popup at 80x24 in both
//! languages.
#![allow(clippy::panic)]

mod screen_text;

use chrono::NaiveDate;
use std::sync::Arc;

use steerdeck::app::{Action, App, AppConfig, Mode};
use steerdeck::domain::UnitRegistry;
use steerdeck::domain::target::latest;
use steerdeck::i18n::Lang;
use steerdeck::keymap::Keymap;
use steerdeck::store::{Actor, MemoryStore, PlanStore, seed_if_empty};
use steerdeck::ui::Theme;

fn store() -> Arc<MemoryStore> {
    let s = Arc::new(MemoryStore::new());
    let plan = steerdeck::plan::embedded().expect("plan");
    seed_if_empty(s.as_ref(), &Actor::new("seed"), plan).expect("seed");
    s
}

fn app(store: &Arc<MemoryStore>, who: &str, lang: Lang) -> App {
    let cfg = AppConfig {
        actor: Actor::new(who),
        as_of: NaiveDate::from_ymd_opt(2025, 7, 15).expect("date"),
        lang,
        read_only: false,
        keymap: Keymap::default_keymap().expect("keymap"),
        registry: UnitRegistry::embedded().expect("registry"),
        plan_name: "2025".into(),
        zone: steerdeck::domain::time::Zone::default(),
    };
    let mut app = App::new(Box::new(Arc::clone(store)), cfg).expect("app");
    app.set_size(80, 24);
    app
}

fn screen(app: &mut App) -> String {
    screen_text::text(&screen_text::drawn(app, &Theme::mono(), 80, 24))
}

/// The dashboard's form, on target T.2 (one down from T.1).
fn form_on_t2(app: &mut App) {
    app.update(Action::Dashboard);
    app.update(Action::RecordTarget);
    assert_eq!(app.mode(), Mode::TargetValue);
    app.update(Action::NextValue);
}

fn value_of(s: &MemoryStore, target: &str) -> Option<f64> {
    let data = s.load("2025").expect("load");
    latest(data.desk.readings.get(target)?).map(|r| r.value)
}

#[test]
fn a_value_recorded_from_the_screen_undone_and_redone() {
    let s = store();
    let mut a = app(&s, "lan", Lang::Vi);
    form_on_t2(&mut a);
    // Letters are refused on save with what the field wants; nothing is saved.
    a.type_text("tám mươi");
    a.update(Action::Confirm);
    assert_eq!(a.mode(), Mode::TargetValue);
    let said = a.message().map(|(_, m)| m.clone()).unwrap_or_default();
    assert!(said.contains("không phải 'tám mươi'"), "{said}");
    assert_eq!(value_of(&s, "T.2"), None);
    for _ in 0.."tám mươi".chars().count() {
        a.text_key(steerdeck::app::input::TextKey::Backspace);
    }
    a.type_text("81,5");
    a.update(Action::NextField);
    a.update(Action::NextField);
    a.type_text("Báo cáo 6 tháng");
    a.update(Action::Confirm);
    assert_eq!(a.mode(), Mode::Dashboard, "saved, back on the dashboard");
    assert_eq!(value_of(&s, "T.2"), Some(81.5));
    let h = s.history("2025", Some("T.2")).expect("history");
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].who, "lan");
    assert_eq!(h[0].note.as_deref(), Some("Báo cáo 6 tháng"));
    let said = a.message().map(|(_, m)| m.clone()).unwrap_or_default();
    assert!(said.contains("T.2") && said.contains("81,5%"), "{said}");
    // The dashboard shows it at once.
    assert!(screen(&mut a).contains("81,5%"));
    a.update(Action::Undo);
    assert_eq!(value_of(&s, "T.2"), None, "undo withdraws the reading");
    a.update(Action::Redo);
    assert_eq!(value_of(&s, "T.2"), Some(81.5), "redo records it again");
    a.update(Action::Undo);
    assert_eq!(
        value_of(&s, "T.2"),
        None,
        "and the redone one can be undone"
    );
}

#[test]
fn a_value_recorded_meanwhile_is_said_not_followed_silently() {
    let s = store();
    let mut lan = app(&s, "lan", Lang::Vi);
    let mut minh = app(&s, "minh", Lang::Vi);
    form_on_t2(&mut lan);
    form_on_t2(&mut minh);
    lan.type_text("81,5");
    lan.update(Action::Confirm);
    minh.type_text("79");
    minh.update(Action::Confirm);
    assert_eq!(minh.mode(), Mode::TargetValue, "the form stays open");
    let said = minh.message().map(|(_, m)| m.clone()).unwrap_or_default();
    assert!(
        said.contains("lan vừa ghi một số liệu của T.2 sau khi bạn xem"),
        "{said}"
    );
    assert_eq!(value_of(&s, "T.2"), Some(81.5));
    // Saving again, knowing, records it after lan's.
    minh.update(Action::Confirm);
    assert_eq!(minh.mode(), Mode::Dashboard);
    assert_eq!(s.load("2025").expect("load").desk.readings["T.2"].len(), 2);
}

#[test]
fn the_form_at_80x24_in_both_languages() {
    let s = store();
    for (lang, title, hint) in [
        (Lang::Vi, "Ghi số liệu chỉ tiêu", "enter lưu"),
        (Lang::En, "Record a target's value", "enter save"),
    ] {
        let mut a = app(&s, "lan", lang);
        form_on_t2(&mut a);
        a.type_text("81,5");
        let shown = screen(&mut a);
        assert!(shown.contains(title), "{shown}");
        assert!(shown.contains(hint), "{shown}");
        assert!(shown.contains("▶ T.2"), "{shown}");
        insta::assert_snapshot!(format!("target_form_{lang:?}"), shown);
    }
}
