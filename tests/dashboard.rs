//! The dashboard: snapshots at 80x24 in Vietnamese, English and without colour, and its numbers
//! against counts made by hand and against the plan view's group counts (one function counts).
#![allow(clippy::panic)]

use chrono::{NaiveDate, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::sync::Arc;

use steerdeck::app::{Action, App, AppConfig, DashLine, Grouping, Mode};
use steerdeck::domain::{Status, Tally, UnitRegistry};
use steerdeck::i18n::Lang;
use steerdeck::keymap::Keymap;
use steerdeck::store::{Actor, Command, MemoryStore, PlanStore, Update, seed_if_empty};
use steerdeck::ui::{self, Theme};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

fn store() -> Arc<MemoryStore> {
    let clock = Arc::new(|| {
        Utc.with_ymd_and_hms(2025, 7, 10, 2, 0, 0)
            .single()
            .expect("time")
    });
    let s = Arc::new(MemoryStore::with_clock(clock));
    let plan = steerdeck::plan::embedded().expect("plan");
    seed_if_empty(s.as_ref(), &Actor::new("seed"), plan).expect("seed");
    s
}

fn set(s: &MemoryStore, task: &str, status: Status, done_on: Option<NaiveDate>) {
    let cmd = Command::Update(Update {
        plan: "2025".into(),
        task: task.into(),
        status: Some(status),
        done_on,
        ..Update::default()
    });
    s.execute(&Actor::new("lan"), cmd).expect("edit");
}

/// The edits whose counts are worked out by hand below.
fn edited() -> Arc<MemoryStore> {
    let s = store();
    // I.1 (Quý I/2025, due 31/03) done 20/06: done late.
    set(&s, "I.1", Status::Done, Some(day(2025, 6, 20)));
    // I.4 ("Theo Kế hoạch ...", no deadline) done 10/07: done, no deadline.
    set(&s, "I.4", Status::Done, Some(day(2025, 7, 10)));
    // I.2 (Quý III/2025) in progress: within its deadline.
    set(&s, "I.2", Status::InProgress, None);
    // I.3 (Quý IV/2025) cancelled: out of the rate.
    set(&s, "I.3", Status::Cancelled, None);
    // III.3 (due 30/06) done on 30/06: on time.
    set(&s, "III.3", Status::Done, Some(day(2025, 6, 30)));
    s
}

fn app_on(store: Arc<MemoryStore>, lang: Lang) -> App {
    let cfg = AppConfig {
        actor: Actor::new("thuky"),
        as_of: day(2025, 7, 15),
        lang,
        read_only: false,
        keymap: Keymap::default_keymap().expect("keymap"),
        registry: UnitRegistry::embedded().expect("registry"),
        plan_name: "2025".into(),
        zone: steerdeck::domain::time::Zone::default(),
    };
    let mut app = App::new(Box::new(store), cfg).expect("app");
    app.set_size(80, 24);
    app
}

fn render(app: &mut App, theme: &Theme) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    app.set_size(80, 24);
    term.draw(|f| ui::draw(f, app, theme)).expect("draw");
    term.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn dashboard(lang: Lang) -> App {
    let mut app = app_on(edited(), lang);
    app.update(Action::Dashboard);
    assert_eq!(app.mode(), Mode::Dashboard);
    app
}

#[test]
fn dashboard_screen() {
    let mut app = dashboard(Lang::Vi);
    insta::assert_snapshot!(text(&render(&mut app, &Theme::color())));
}

#[test]
fn dashboard_screen_in_english() {
    let mut app = dashboard(Lang::En);
    insta::assert_snapshot!(text(&render(&mut app, &Theme::color())));
}

#[test]
fn dashboard_screen_without_colour() {
    let mut app = dashboard(Lang::Vi);
    let buf = render(&mut app, &Theme::mono());
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            assert_eq!(cell.fg, ratatui::style::Color::Reset, "colour at {x},{y}");
            assert_eq!(cell.bg, ratatui::style::Color::Reset, "colour at {x},{y}");
        }
    }
    insta::assert_snapshot!(text(&buf));
}

#[test]
fn dashboard_scrolled_to_the_targets() {
    let mut app = dashboard(Lang::Vi);
    app.update(Action::GoBottom);
    insta::assert_snapshot!(text(&render(&mut app, &Theme::color())));
}

/// The overall line and every pillar's line are on the first screen, in both languages.
#[test]
fn the_overall_line_and_every_pillar_fit_at_80x24() {
    for lang in [Lang::Vi, Lang::En] {
        let mut app = dashboard(lang);
        let screen = text(&render(&mut app, &Theme::mono()));
        let plan = app.plan().clone();
        let overall = match lang {
            Lang::Vi => "Toàn kế hoạch",
            Lang::En => "Whole plan",
        };
        assert!(screen.contains(overall), "{screen}");
        for p in &plan.pillars {
            let label = steerdeck::i18n::format::pillar_label(lang, p);
            let start: String = label.chars().take(8).collect();
            assert!(
                screen.lines().any(|l| l.starts_with(&format!(" {start}"))),
                "{lang:?}: pillar {label} missing\n{screen}"
            );
        }
        assert!(screen.lines().all(|l| l.chars().count() <= 80));
    }
}

fn tally(done_on_time: usize, done_late: usize, done_no_deadline: usize) -> Tally {
    Tally {
        done_on_time,
        done_late,
        done_no_deadline,
        ..Tally::default()
    }
}

/// Counts worked out by hand from the plan and the edits above, as of 15/07/2025.
#[test]
fn counts_known_by_hand() {
    let app = dashboard(Lang::Vi);
    let s = &app.dashboard().overview.summary;
    // Pillar I: I.1 done late, I.4 done without a deadline, I.2 in progress within its
    // deadline, I.3 cancelled. Rate 2 / 3.
    let leadership = s.pillar("leadership");
    assert_eq!(
        leadership,
        Tally {
            open_on_time: 1,
            cancelled: 1,
            ..tally(0, 1, 1)
        }
    );
    assert_eq!(steerdeck::i18n::tally::rate(Lang::Vi, &leadership), "66,7%");
    // Pillar III: III.3 done on time (it was the pillar's one overdue task).
    let gov = &s.pillars[2].tally;
    assert_eq!((gov.done_on_time, gov.overdue, gov.total()), (1, 0, 14));
    // The whole plan: 59 tasks, 3 done (1 on time, 1 late, 1 without a deadline), 1 cancelled.
    assert_eq!(s.overall.total(), 59);
    assert_eq!(
        (
            s.overall.done_on_time,
            s.overall.done_late,
            s.overall.done_no_deadline
        ),
        (1, 1, 1)
    );
    assert_eq!(s.overall.cancelled, 1);
    assert_eq!(s.overall.counted(), 58);
    assert_eq!(steerdeck::i18n::tally::rate(Lang::Vi, &s.overall), "5,2%");
    // Cục TGPL and Cục PBGDPL passed their work to Cục PBGDPL&TGPL: one line of 6 tasks (three
    // led by each, two of Cục TGPL's shared with other units), none for the old units.
    let merged = s
        .leads
        .iter()
        .find(|g| g.key == "pbgdpl-tgpl")
        .expect("merged");
    assert_eq!(merged.tally.total(), 6);
    assert!(s.leads.iter().all(|g| g.key != "tgpl" && g.key != "pbgdpl"));
}

/// The dashboard counts what the plan view's group headers count, pillar by pillar.
#[test]
fn the_dashboard_and_the_plan_view_agree() {
    let app = dashboard(Lang::Vi);
    let s = &app.dashboard().overview.summary;
    assert_eq!(app.grouping(), Grouping::Pillar);
    let groups = &app.view().groups;
    assert_eq!(groups.len(), s.pillars.len());
    let mut sum = Tally::default();
    for (g, p) in groups.iter().zip(&s.pillars) {
        assert_eq!(g.key, p.key);
        assert_eq!(g.counts, p.tally, "{}", g.key);
        sum.merge(&g.counts);
    }
    assert_eq!(sum, s.overall);
}

#[test]
fn a_change_counts_at_once_and_the_keys_move_through_the_sections() {
    let st = edited();
    let mut app = app_on(Arc::clone(&st), Lang::Vi);
    app.update(Action::Dashboard);
    let before = app.dashboard().overview.summary.overall;
    set(&st, "II.1", Status::Done, Some(day(2025, 7, 1)));
    assert!(app.sync().expect("sync"));
    let after = app.dashboard().overview.summary.overall;
    assert_eq!(after.done(), before.done() + 1);
    // ] goes to the next section's title, [ back, d back to the plan.
    app.update(Action::NextGroup);
    let first = app.dashboard().scroll;
    assert!(matches!(
        app.dashboard().lines[first],
        DashLine::Heading(steerdeck::app::Section::Leads)
    ));
    app.update(Action::PrevGroup);
    assert_eq!(app.dashboard().scroll, 0);
    app.update(Action::PrevGroup);
    assert!(app.message().is_some());
    app.update(Action::Dashboard);
    assert_eq!(app.mode(), Mode::Normal);
}
