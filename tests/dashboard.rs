//! The dashboard: snapshots at 80x24 in Vietnamese, English and without colour, and its numbers
//! against counts made by hand and against the plan view's group counts (one function counts).
#![allow(clippy::panic)]

mod screen_text;

use screen_text::text;

use chrono::{NaiveDate, TimeZone, Utc};
use ratatui::buffer::Buffer;
use std::sync::Arc;

use steerdeck::app::{Action, App, AppConfig, DashLine, Grouping, Mode};
use steerdeck::domain::{MeetingState, Standing, Status, Tally, UnitRegistry};
use steerdeck::i18n::Lang;
use steerdeck::keymap::Keymap;
use steerdeck::store::{
    Actor, Command, DeskChange, MemoryStore, Outcome, PlanStore, Update, seed_if_empty,
};
use steerdeck::ui::Theme;

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
    app.set_size(80, 24);
    screen_text::drawn(app, theme, 80, 24)
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
    // By lead unit too, units merged into their successors on both.
    let mut app = app;
    app.update(Action::Dashboard); // back to the plan
    app.update(Action::CycleGrouping);
    assert_eq!(app.grouping(), Grouping::Lead);
    let s = &app.dashboard().overview.summary;
    let groups: Vec<_> = app
        .view()
        .groups
        .iter()
        .filter(|g| g.key != "none")
        .collect();
    assert_eq!(groups.len(), s.leads.len());
    for (g, l) in groups.iter().zip(&s.leads) {
        assert_eq!((&g.key, g.counts), (&l.key, l.tally));
    }
    assert!(groups.iter().any(|g| g.key == "pbgdpl-tgpl"));
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
    // An edit made on this screen counts as soon as it is saved: I.2 cancelled from the plan.
    app.update(Action::Dashboard);
    app.set_search("I.2");
    app.update(Action::SetStatus);
    app.update(Action::PickCancelled);
    app.update(Action::Confirm);
    app.set_search("");
    app.update(Action::Dashboard);
    let now = app.dashboard().overview.summary.overall;
    assert_eq!(
        (now.cancelled, now.open_on_time),
        (after.cancelled + 1, after.open_on_time - 1)
    );
    // ] goes to the next section's title, [ back, d back to the plan.
    app.update(Action::NextGroup);
    let first = app.dashboard().scroll;
    assert!(matches!(
        app.dashboard().lines[first],
        DashLine::Heading(steerdeck::app::Section::Leads)
    ));
    // ] again reaches the last screen, where the targets are.
    app.update(Action::NextGroup);
    app.update(Action::NextGroup);
    let last = app.dashboard().lines.len() - 20;
    assert_eq!(app.dashboard().scroll, last);
    app.update(Action::NextGroup);
    assert!(app.message().is_some());
    app.update(Action::GoTop);
    app.update(Action::NextGroup);
    app.update(Action::PrevGroup);
    assert_eq!(app.dashboard().scroll, 0);
    app.update(Action::PrevGroup);
    assert!(app.message().is_some());
    app.update(Action::Dashboard);
    assert_eq!(app.mode(), Mode::Normal);
}

fn desk(s: &MemoryStore, change: DeskChange) -> Option<String> {
    let cmd = Command::Desk {
        plan: "2025".into(),
        change,
    };
    match s.execute(&Actor::new("lan"), cmd).expect("desk") {
        Outcome::Desk { made, .. } => made,
        other => panic!("not a desk change: {other:?}"),
    }
}

fn record(s: &MemoryStore, target: &str, value: f64, on: NaiveDate) {
    desk(
        s,
        DeskChange::RecordTarget {
            target: target.into(),
            value,
            as_of: on,
            note: None,
            seen: None,
        },
    );
}

/// A meeting on 01/07 closed with 2 tasks done; since then I.4 and its action item H1.1 were
/// done: "+2 done since 01/07". The action items count under their meeting's pillar, and the
/// targets show their latest readings.
#[test]
fn meetings_action_items_and_readings() {
    let s = store();
    set(&s, "I.1", Status::Done, Some(day(2025, 6, 20)));
    set(&s, "III.3", Status::Done, Some(day(2025, 6, 30)));
    let h1 = desk(
        &s,
        DeskChange::NewMeeting {
            title: "Họp sơ kết".into(),
            date: day(2025, 7, 1),
            chair: "Chủ tịch".into(),
            attendees: Vec::new(),
            agenda: Vec::new(),
        },
    )
    .expect("meeting id");
    let state = |state| DeskChange::SetState {
        meeting: h1.clone(),
        state,
        as_of: Some(day(2025, 7, 1)),
        seen: None,
    };
    desk(&s, state(MeetingState::Open));
    for (title, timeframe) in [("Báo cáo", "Quý III/2025"), ("Rà soát", "Trước 30/7/2025")]
    {
        desk(
            &s,
            DeskChange::Assign {
                meeting: h1.clone(),
                about: None,
                title: title.into(),
                lead: vec!["Cục CNTT".into()],
                support: Vec::new(),
                timeframe: timeframe.into(),
            },
        );
    }
    desk(&s, state(MeetingState::Closed));
    set(&s, "I.4", Status::Done, Some(day(2025, 7, 10)));
    set(&s, "H1.1", Status::Done, Some(day(2025, 7, 12)));
    record(&s, "T.2", 82.0, day(2025, 6, 30));
    record(&s, "T.9", 100.0, day(2025, 7, 1));
    let mut app = app_on(Arc::clone(&s), Lang::Vi);
    app.update(Action::Dashboard);
    let o = &app.dashboard().overview;
    let since = o.since.as_ref().expect("the last meeting");
    assert_eq!((since.done_then, since.done_now, since.delta()), (2, 4, 2));
    // 59 tasks of the plan and the meeting's 2, under a pillar of its own.
    assert_eq!(o.summary.overall.total(), 61);
    let meeting = o.summary.pillar("meeting:H1");
    assert_eq!(
        (
            meeting.done_on_time,
            meeting.open_on_time + meeting.not_started
        ),
        (1, 1)
    );
    // H1.2 is due 30/07: within the next 30 days.
    let due: Vec<&str> = o
        .summary
        .due_soon
        .iter()
        .map(|&i| app.tasks()[i].def.id.as_str())
        .collect();
    assert_eq!(due, ["H1.2"]);
    let standing: Vec<Standing> = o.targets.iter().map(|t| t.standing).collect();
    assert_eq!(standing[1], Standing::OnTrack);
    assert_eq!(standing[8], Standing::Met);
    // The plan view's groups count the meeting's pillar the same way.
    let g = app.view().groups.iter().find(|g| g.key == "meeting:H1");
    assert_eq!(g.map(|g| g.counts), Some(meeting));
    let screen = text(&render(&mut app, &Theme::mono()));
    assert!(
        screen.contains("+2 hoàn thành kể từ họp H1 ngày 01/07 (2 → 4)"),
        "{screen}"
    );
    assert!(screen.contains("Giao tại H1 (01/07)"), "{screen}");
    insta::assert_snapshot!(screen);
    app.update(Action::GoBottom);
    let bottom = text(&render(&mut app, &Theme::mono()));
    assert!(bottom.contains("82% 30/06"), "{bottom}");
    assert!(bottom.contains("H1.2"), "{bottom}");
    insta::assert_snapshot!("meetings_scrolled_to_the_targets", bottom);
}
