//! The interface in English has no Vietnamese word of its own: every screen is drawn in `en` on a
//! plan whose data is plain ASCII, so any Vietnamese letter on screen would be an interface word
//! left untranslated.
#![allow(clippy::panic)]

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::collections::BTreeMap;
use std::sync::Arc;

use steerdeck::action::{Action, Mode};
use steerdeck::app::{App, AppConfig};
use steerdeck::domain::time::Zone;
use steerdeck::domain::{Pillar, Plan, TaskDef, UnitRegistry};
use steerdeck::i18n::Lang;
use steerdeck::keymap::Keymap;
use steerdeck::store::{Actor, Command, MemoryStore, PlanStore};
use steerdeck::ui::{self, Theme, ThemeName};

fn ascii_plan() -> Plan {
    let pillar = |key: &str, numeral: &str| Pillar {
        key: key.into(),
        numeral: numeral.into(),
        vi: format!("Pillar {numeral}"),
        en: format!("Pillar {numeral}"),
    };
    let task = |id: &str, pillar: &str, timeframe: &str| TaskDef {
        id: id.into(),
        pillar: pillar.into(),
        title: format!("Task {id} title"),
        timeframe: timeframe.into(),
        lead: vec!["Unit A".into()],
        support: vec!["Unit B".into()],
        funding: Some("Budget".into()),
        remark: None,
    };
    Plan {
        name: "p".into(),
        title: "Plan".into(),
        decision: String::new(),
        year: Some(2025),
        pillars: vec![pillar("one", "I"), pillar("two", "II")],
        tasks: vec![
            task("I.1", "one", "30/3/2025"),
            task("I.2", "one", "2025"),
            task("II.1", "two", "31/12/2025"),
        ],
        targets: vec![],
    }
}

fn app() -> App {
    let store = Arc::new(MemoryStore::new());
    store
        .execute(
            &Actor::new("clerk"),
            Command::Import {
                plan: ascii_plan(),
                states: BTreeMap::new(),
                activate: true,
            },
        )
        .expect("import");
    let cfg = AppConfig {
        actor: Actor::new("clerk"),
        as_of: NaiveDate::from_ymd_opt(2025, 7, 15).expect("date"),
        lang: Lang::En,
        read_only: false,
        keymap: Keymap::default_keymap().expect("keymap"),
        registry: UnitRegistry::embedded().expect("registry"),
        plan_name: "p".into(),
        zone: Zone::default(),
    };
    let mut app = App::new(Box::new(store), cfg).expect("app");
    app.set_size(80, 24);
    app
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| ui::draw(f, app, &Theme::from_name(ThemeName::Mono, true)))
        .expect("draw");
    let buf = term.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn vietnamese(screen: &str) -> Vec<char> {
    screen
        .chars()
        .filter(|c| {
            c.is_alphabetic()
                && !c.is_ascii()
                && steerdeck::query::fold::fold(&c.to_string())
                    .chars()
                    .all(|f| f.is_ascii_alphabetic())
        })
        .collect()
}

fn check(what: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40), (50, 10)] {
        let screen = draw(app, w, h);
        let found = vietnamese(&screen);
        assert!(found.is_empty(), "{what} at {w}x{h}: {found:?}\n{screen}");
    }
}

#[test]
fn every_screen_in_english_has_no_vietnamese_interface_word() {
    let mut a = app();
    check("plan", &a);
    a.update(Action::CycleGrouping);
    check("by lead", &a);
    a.update(Action::CycleGrouping);
    check("by quarter", &a);
    a.update(Action::CycleGrouping);
    a.update(Action::MoveDown);
    let steps: &[(&str, &[Action])] = &[
        ("detail", &[Action::OpenDetail]),
        ("search", &[Action::Search]),
        ("filter", &[Action::Filter]),
        ("status", &[Action::SetStatus]),
        (
            "done on",
            &[Action::SetStatus, Action::PickDone, Action::Confirm],
        ),
        ("progress", &[Action::SetProgress]),
        ("note", &[Action::AddNote]),
        ("help", &[Action::Help]),
        ("nothing to undo", &[Action::Undo]),
        (
            "unit picker",
            &[
                Action::Filter,
                Action::NextField,
                Action::NextField,
                Action::Confirm,
            ],
        ),
        ("a group header", &[Action::NextGroup]),
        ("the last group", &[Action::GoBottom, Action::NextGroup]),
    ];
    for (what, actions) in steps {
        let mut a = app();
        a.update(Action::MoveDown);
        for action in *actions {
            a.update(*action);
        }
        check(what, &a);
        if a.mode() != Mode::Normal {
            a.update(Action::Help);
            check(&format!("help of {what}"), &a);
        }
    }
    // After edits: a saved status, a note, the detail with its history, a withdrawal.
    let mut a = app();
    a.update(Action::MoveDown);
    a.update(Action::SetStatus);
    a.update(Action::PickDone);
    a.update(Action::Confirm);
    a.type_text("x");
    a.update(Action::Confirm);
    check("a refused day", &a);
    a.update(Action::Back);
    a.update(Action::Back);
    a.update(Action::SetProgress);
    a.type_text("40");
    a.update(Action::Confirm);
    check("saved", &a);
    a.update(Action::AddNote);
    a.type_text("Decision: go");
    a.update(Action::Save);
    a.update(Action::OpenDetail);
    check("detail with history", &a);
    a.update(Action::WithdrawNote);
    check("withdraw", &a);
    a.update(Action::Confirm);
    check("withdrawn", &a);
}

#[test]
fn the_check_finds_vietnamese_words_when_they_are_there() {
    let mut a = app();
    a.update(Action::ToggleLanguage);
    assert_eq!(a.lang(), Lang::Vi);
    assert!(!vietnamese(&draw(&a, 80, 24)).is_empty());
}
