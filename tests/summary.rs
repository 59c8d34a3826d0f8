//! `steerdeck summary` on the real binary: counts known by hand (done tasks with and without a
//! deadline, a cancelled one), the same numbers as the screen's plan view and dashboard, in
//! both languages and as JSON.
#![allow(clippy::panic)]

mod support;

use chrono::NaiveDate;
use serde_json::Value;

use steerdeck::app::{Action, App, AppConfig};
use steerdeck::domain::{Tally, UnitRegistry};
use steerdeck::i18n::Lang;
use steerdeck::keymap::Keymap;
use steerdeck::store::Actor;

fn edited() -> (tempfile::TempDir, std::path::PathBuf, support::Server) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("db");
    std::fs::create_dir(&db).expect("mkdir");
    let server = support::Server::start(&db);
    for args in [
        // I.1 (Quý I/2025) done 20/06: late. I.4 (no deadline) done: done, no deadline.
        &["set", "I.1", "--status", "done", "--done-on", "20/06/2025"][..],
        &["set", "I.4", "--status", "done", "--done-on", "10/07/2025"],
        // I.2 (Quý III) in progress: within its deadline. I.3 cancelled: out of the rate.
        &["set", "I.2", "--status", "in-progress"],
        &["set", "I.3", "--status", "cancelled"],
        // III.3 (due 30/06) done that day: on time.
        &[
            "set",
            "III.3",
            "--status",
            "done",
            "--done-on",
            "30/06/2025",
        ],
    ] {
        support::cli_ok(&db, args);
    }
    (dir, db, server)
}

fn counts(v: &Value) -> Tally {
    let n = |k: &str| {
        v[k].as_u64()
            .and_then(|x| usize::try_from(x).ok())
            .unwrap_or_else(|| panic!("{k} in {v}"))
    };
    Tally {
        done_on_time: n("done_on_time"),
        done_late: n("done_late"),
        done_no_deadline: n("done_no_deadline"),
        open_on_time: n("open_on_time"),
        not_started: n("not_started"),
        overdue: n("overdue"),
        no_deadline: n("no_deadline"),
        cancelled: n("cancelled"),
    }
}

#[test]
fn counts_by_hand_and_the_same_as_the_screen() {
    let (_dir, db, _server) = edited();
    let json: Value = serde_json::from_str(&support::cli_ok(&db, &["summary", "--format", "json"]))
        .expect("json");
    // By hand: 59 tasks; done 1 on time (III.3), 1 late (I.1), 1 without a deadline (I.4);
    // 1 in progress within its deadline (I.2); 1 cancelled (I.3); IV's one overdue task; the
    // three other tasks without a deadline; 50 not started. Rate 3 / 58.
    let overall = counts(&json["overall"]);
    let by_hand = Tally {
        done_on_time: 1,
        done_late: 1,
        done_no_deadline: 1,
        open_on_time: 1,
        not_started: 50,
        overdue: 1,
        no_deadline: 3,
        cancelled: 1,
    };
    assert_eq!(overall, by_hand);
    assert_eq!(json["overall"]["counted"], 58);
    let leadership = &json["pillars"][0];
    assert_eq!(leadership["key"], "leadership");
    assert_eq!(
        (leadership["done"].as_u64(), leadership["counted"].as_u64()),
        (Some(2), Some(3))
    );
    assert_eq!(json["due_soon"].as_array().map(Vec::len), Some(0));
    assert_eq!(json["targets"].as_array().map(Vec::len), Some(9));
    assert_eq!(json["targets"][1]["standing"], "no-data");

    // The screen on the same store: the plan view's group counts and the dashboard's.
    let cfg = AppConfig {
        actor: Actor::new("thuky"),
        as_of: NaiveDate::from_ymd_opt(2025, 7, 15).expect("date"),
        lang: Lang::Vi,
        read_only: true,
        keymap: Keymap::default_keymap().expect("keymap"),
        registry: UnitRegistry::embedded().expect("registry"),
        plan_name: "2025".into(),
        zone: steerdeck::domain::time::Zone::default(),
    };
    let mut app = App::new(Box::new(support::client(&db, None)), cfg).expect("app");
    let pillars = json["pillars"].as_array().expect("pillars");
    assert_eq!(app.view().groups.len(), pillars.len());
    for (g, p) in app.view().groups.iter().zip(pillars) {
        assert_eq!(p["key"].as_str(), Some(g.key.as_str()));
        assert_eq!(counts(p), g.counts, "{}", g.key);
    }
    app.update(Action::Dashboard);
    let s = &app.dashboard().overview.summary;
    assert_eq!(s.overall, overall);
    let leads = json["leads"].as_array().expect("leads");
    assert_eq!(leads.len(), s.leads.len());
    for (j, g) in leads.iter().zip(&s.leads) {
        assert_eq!(counts(j), g.tally, "{}", g.key);
    }
}

#[test]
fn the_table_in_both_languages() {
    let (_dir, db, _server) = edited();
    let vi = support::cli_ok(&db, &["summary"]);
    let line = |text: &str, start: &str| {
        text.lines().find(|l| l.starts_with(start)).map_or_else(
            || panic!("no line {start}:\n{text}"),
            |l| l.split_whitespace().collect::<Vec<_>>().join(" "),
        )
    };
    assert_eq!(
        line(&vi, "Toàn kế hoạch"),
        "Toàn kế hoạch 1 1 1 1 50 1 3 1 5,2%"
    );
    let leadership = line(&vi, "I. ");
    assert!(
        leadership.ends_with(" 0 1 1 1 0 0 0 1 66,7%"),
        "{leadership}"
    );
    assert!(vi.contains("Tỷ lệ hoàn thành = "), "{vi}");
    assert!(vi.contains("Không có nhiệm vụ nào đến hạn"), "{vi}");
    assert!(vi.contains("Cục PBGDPL&TGPL"), "{vi}");
    let en = support::cli_ok(&db, &["--lang", "en", "summary"]);
    assert_eq!(line(&en, "Whole plan"), "Whole plan 1 1 1 1 50 1 3 1 5.2%");
    assert!(en.contains("Completion rate = "), "{en}");
    assert!(en.contains("Targets for 2025"), "{en}");
    assert!(!en.contains("Tổng hợp"), "{en}");
}
