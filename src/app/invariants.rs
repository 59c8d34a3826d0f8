//! The invariant behind "one list of actions": in every mode, every action the mode accepts
//! (the table the keymap is checked against) changes the state or says why not, and every
//! action it does not accept changes nothing — the kind of test helix keeps for its keymap.

use chrono::NaiveDate;
use std::sync::Arc;

use super::{App, AppConfig, Mode, Row};
use crate::action::Action;
use crate::domain::UnitRegistry;
use crate::domain::time::Zone;
use crate::i18n::Lang;
use crate::keymap::Keymap;
use crate::store::{Actor, Command, MemoryStore, PlanStore, Update, seed_if_empty};

fn store() -> Arc<MemoryStore> {
    let s = Arc::new(MemoryStore::new());
    let plan = PLAN
        .get_or_init(|| crate::plan::embedded().expect("plan"))
        .clone();
    seed_if_empty(s.as_ref(), &Actor::new("seed"), plan).expect("seed");
    // A task with progress and a note, so the progress popup and the note actions have
    // something to act on.
    let upd = |task: &str, progress: Option<u8>, note: Option<&str>| {
        Command::Update(Update {
            plan: "2025".into(),
            task: task.into(),
            progress,
            note: note.map(str::to_string),
            ..Update::default()
        })
    };
    s.execute(&Actor::new("seed"), upd("II.3", Some(50), Some("Ý kiến")))
        .expect("edit");
    // A planned meeting with II.3 in the middle of its agenda, for the meeting screen's actions.
    let item = |task: &str| crate::domain::AgendaItem {
        task: task.into(),
        reasons: Vec::new(),
        conclusion: None,
    };
    let change = crate::store::DeskChange::NewMeeting {
        title: "Họp".into(),
        date: NaiveDate::from_ymd_opt(2025, 7, 15).expect("date"),
        chair: "Thứ trưởng".into(),
        attendees: Vec::new(),
        agenda: vec![item("I.1"), item("II.3"), item("III.1")],
    };
    let desk = |change| Command::Desk {
        plan: "2025".into(),
        change,
    };
    s.execute(&Actor::new("seed"), desk(change))
        .expect("meeting");
    s
}

static PLAN: std::sync::OnceLock<crate::domain::Plan> = std::sync::OnceLock::new();
static KEYMAP: std::sync::OnceLock<Keymap> = std::sync::OnceLock::new();
static REGISTRY: std::sync::OnceLock<UnitRegistry> = std::sync::OnceLock::new();
static EXPORTS: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();

fn app() -> App {
    let cfg = AppConfig {
        actor: Actor::new("thuky"),
        as_of: NaiveDate::from_ymd_opt(2025, 7, 15).expect("date"),
        lang: Lang::Vi,
        read_only: false,
        keymap: KEYMAP
            .get_or_init(|| Keymap::default_keymap().expect("keymap"))
            .clone(),
        registry: REGISTRY
            .get_or_init(|| UnitRegistry::embedded().expect("registry"))
            .clone(),
        plan_name: "2025".into(),
        zone: Zone::default(),
    };
    let mut app = App::new(Box::new(store()), cfg).expect("app");
    app.set_size(80, 24);
    app
}

/// Everything a user can see change, as one comparable text.
fn fingerprint(a: &App) -> String {
    let mut folded: Vec<&String> = a.folded.iter().collect();
    folded.sort();
    format!(
        "{:?}",
        (
            (
                a.mode,
                a.popup_return,
                a.selected,
                a.offset,
                a.detail_scroll
            ),
            (&a.help, &a.filter, a.search.text(), a.grouping, folded),
            (
                a.status_cursor,
                a.progress_input.text(),
                a.done_input.text(),
                a.menu
            ),
            (a.note.lines(), &a.note_task, a.note_cursor, &a.message),
            (a.cfg.lang, a.quit, a.last_seq, a.undo.len(), a.redo.len()),
            a.store.last_seq().ok(),
            (a.unit_query.text(), a.unit_cursor, a.dash.scroll),
            a.meet.fingerprint(),
            format!("{:?}", a.target_form),
            a.export.cursor,
        )
    )
}

fn select(app: &mut App, id: &str) {
    let pos = app
        .view
        .rows
        .iter()
        .position(|r| matches!(r, Row::Task { task, .. } if app.index.tasks()[*task].def.id == id))
        .expect("the task is listed");
    app.selected = pos;
    app.clamp();
}

/// A state of `mode` where its actions can act: the one a user is in after the usual keys.
fn in_mode(mode: Mode) -> App {
    let mut a = app();
    // Leadership folded (so "unfold all" has work), II.3 selected (it has progress and a note).
    a.folded.insert("leadership".into());
    a.rebuild();
    select(&mut a, "II.3");
    let go = |a: &mut App, action| {
        a.update(action);
        a.message = None;
    };
    match mode {
        Mode::Normal => {}
        Mode::Detail => {
            go(&mut a, Action::OpenDetail);
            a.detail_scroll = 3;
        }
        Mode::Search => go(&mut a, Action::Search),
        Mode::Filter => go(&mut a, Action::Filter),
        Mode::Status => go(&mut a, Action::SetStatus),
        Mode::Progress => go(&mut a, Action::SetProgress),
        Mode::DoneOn => {
            go(&mut a, Action::SetStatus);
            go(&mut a, Action::PickDone);
            go(&mut a, Action::Confirm);
        }
        Mode::Note => go(&mut a, Action::AddNote),
        Mode::Withdraw => {
            go(&mut a, Action::OpenDetail);
            go(&mut a, Action::WithdrawNote);
        }
        Mode::Help => {
            go(&mut a, Action::Help);
            a.help.scroll = 3;
        }
        Mode::UnitPicker => {
            go(&mut a, Action::Filter);
            let lead = super::menu::Field::ALL
                .iter()
                .position(|f| *f == super::menu::Field::Lead);
            while Some(a.menu.field) != lead {
                go(&mut a, Action::NextField);
            }
            go(&mut a, Action::Confirm);
        }
        Mode::Dashboard => {
            go(&mut a, Action::Dashboard);
            a.dash.scroll = 3;
        }
        Mode::TargetValue => {
            go(&mut a, Action::Dashboard);
            go(&mut a, Action::RecordTarget);
        }
        Mode::Export => {
            // Papers written here go to a directory of their own, not where the tests run.
            a.set_export_dir(
                EXPORTS
                    .get_or_init(|| tempfile::tempdir().expect("tempdir"))
                    .path()
                    .to_path_buf(),
            );
            go(&mut a, Action::ExportMenu);
        }
        Mode::Meeting | Mode::NewMeeting | Mode::Conclusion | Mode::Assign | Mode::CloseMeeting => {
        }
    }
    if matches!(
        mode,
        Mode::Meeting | Mode::NewMeeting | Mode::Conclusion | Mode::Assign | Mode::CloseMeeting
    ) {
        // On the meeting's second item (II.3), the meeting open.
        go(&mut a, Action::Meeting);
        go(&mut a, Action::MoveDown);
        if mode == Mode::CloseMeeting {
            go(&mut a, Action::OpenMeeting);
        }
        match mode {
            Mode::NewMeeting => go(&mut a, Action::NewMeeting),
            Mode::Conclusion => go(&mut a, Action::Conclude),
            Mode::Assign => go(&mut a, Action::Assign),
            Mode::CloseMeeting => go(&mut a, Action::CloseMeeting),
            _ => a.meet.scroll = 3,
        }
    }
    assert_eq!(a.mode, mode, "set-up of {mode:?}");
    a
}

#[test]
fn every_accepted_action_changes_the_state_or_says_why_not() {
    for mode in Mode::ALL {
        for action in Action::ALL {
            if action == Action::Noop {
                continue;
            }
            let mut a = in_mode(mode);
            let before = fingerprint(&a);
            a.update(action);
            let after = fingerprint(&a);
            if mode.accepts(action) {
                assert_ne!(
                    before,
                    after,
                    "[{}] {} is accepted but does nothing and says nothing",
                    mode.name(),
                    action.name()
                );
            } else {
                assert_eq!(
                    before,
                    after,
                    "[{}] {} is not accepted but changed something",
                    mode.name(),
                    action.name()
                );
            }
        }
    }
}

#[test]
fn the_default_keymap_binds_only_what_its_mode_accepts() {
    let keymap = Keymap::default_keymap().expect("keymap");
    for mode in Mode::ALL {
        for b in keymap.bindings(mode) {
            assert!(mode.accepts(b.action), "[{}] {}", mode.name(), b.key);
        }
    }
}
