//! Finding: the lead unit picker, ranked search on the real plan, and moving by group — the app
//! driven by actions on the in-memory store, as of a fixed date.
#![allow(clippy::panic)]

use chrono::NaiveDate;
use std::sync::Arc;

use steerdeck::app::{Action, App, AppConfig, Grouping, Mode, Row, TextKey};
use steerdeck::domain::UnitRegistry;
use steerdeck::i18n::Lang;
use steerdeck::keymap::Keymap;
use steerdeck::query::fold::fold;
use steerdeck::store::{Actor, MemoryStore, seed_if_empty};

fn app() -> App {
    let s = Arc::new(MemoryStore::new());
    seed_if_empty(
        s.as_ref(),
        &Actor::new("seed"),
        steerdeck::plan::embedded().expect("plan"),
    )
    .expect("seed");
    let cfg = AppConfig {
        actor: Actor::new("thuky"),
        as_of: NaiveDate::from_ymd_opt(2025, 7, 15).expect("date"),
        lang: Lang::Vi,
        read_only: false,
        keymap: Keymap::default_keymap().expect("default keymap"),
        registry: UnitRegistry::embedded().expect("embedded registry"),
        plan_name: "2025".into(),
        zone: steerdeck::domain::time::Zone::default(),
    };
    let mut app = App::new(Box::new(s), cfg).expect("app");
    app.set_size(80, 24);
    app
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

/// Opens the filter menu on the lead unit line and Enter: the picker.
fn open_picker(app: &mut App) {
    app.update(Action::Filter);
    while app.mode() == Mode::Filter && app.menu().field != 2 {
        app.update(Action::NextField);
    }
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::UnitPicker);
}

fn first_choice(app: &App) -> Option<String> {
    app.unit_choices()
        .first()
        .copied()
        .flatten()
        .map(|u| u.key.clone())
}

#[test]
fn the_unit_picker_narrows_by_every_name_and_enter_picks() {
    let mut app = app();
    open_picker(&mut app);
    // Letters are text here, not keys: "thads" once selected "Cơ sở đào tạo".
    for c in "thads".chars() {
        app.text_key(TextKey::Char(c));
    }
    assert_eq!(app.unit_query().text(), "thads");
    assert_eq!(first_choice(&app).as_deref(), Some("thads"));
    app.update(Action::Confirm);
    assert_eq!(
        app.mode(),
        Mode::Filter,
        "Enter picks and goes back to the menu"
    );
    assert_eq!(app.filter().lead.as_deref(), Some("Tổng cục THADS"));
    let ids = visible_ids(&app);
    assert!(ids.contains(&"III.13".to_string()), "{ids:?}");
    for words in ["ho tich", "htqtct", "cuc ho tich"] {
        open_picker(&mut app);
        app.type_text(words);
        assert_eq!(first_choice(&app).as_deref(), Some("htqtct"), "{words}");
        app.update(Action::Back);
        assert_eq!(app.mode(), Mode::Filter, "Esc goes back");
        assert_eq!(
            app.filter().lead.as_deref(),
            Some("Tổng cục THADS"),
            "unchanged"
        );
    }
    // "tu phap" narrows to the units with those words, and the arrows choose among them.
    open_picker(&mut app);
    app.type_text("tu phap");
    let keys: Vec<String> = app
        .unit_choices()
        .iter()
        .flatten()
        .map(|u| u.key.clone())
        .collect();
    assert!(keys.len() >= 2 && keys.len() < 6, "{keys:?}");
    assert!(
        keys.contains(&"bttp".into()) && keys.contains(&"lltpqg".into()),
        "{keys:?}"
    );
    app.update(Action::MoveDown);
    app.update(Action::Confirm);
    let picked = app.filter().lead.clone().expect("a unit");
    let registry = UnitRegistry::embedded().expect("registry");
    assert_eq!(
        registry.resolve(&picked).map(|u| u.key.clone()),
        Some(keys[1].clone())
    );
    // Nothing matches: Enter says so and stays.
    open_picker(&mut app);
    app.type_text("khong co don vi nay");
    assert!(app.unit_choices().is_empty());
    app.update(Action::Confirm);
    assert_eq!(app.mode(), Mode::UnitPicker);
    assert!(app.message().is_some());
    // With no words, the first line is "all": Enter clears the lead filter.
    app.text_key(TextKey::Clear);
    while app.unit_cursor() != 0 {
        app.update(Action::MoveDown);
    }
    app.update(Action::Confirm);
    assert_eq!(app.filter().lead, None);
    assert_eq!(visible_ids(&app).len(), 59);
}

#[test]
fn the_unit_picker_finds_every_lead_unit_by_every_spelling() {
    let registry = UnitRegistry::embedded().expect("registry");
    let mut app = app();
    open_picker(&mut app);
    let offered: Vec<String> = app
        .unit_choices()
        .iter()
        .flatten()
        .map(|u| u.key.clone())
        .collect();
    assert!(offered.len() > 10, "{offered:?}");
    assert_eq!(app.unit_choices().first(), Some(&None), "first line: all");
    app.update(Action::Back);
    let mut checked = 0;
    for unit in registry.units().iter().filter(|u| offered.contains(&u.key)) {
        for spelling in unit.aliases.iter().chain([&unit.name, &unit.short]) {
            for typed in [spelling.clone(), fold(spelling)] {
                open_picker(&mut app);
                app.type_text(&typed);
                assert_eq!(
                    first_choice(&app).as_deref(),
                    Some(unit.key.as_str()),
                    "{typed}"
                );
                app.update(Action::Confirm);
                let picked = app.filter().lead.clone().expect("picked");
                assert_eq!(
                    registry.resolve(&picked).map(|u| u.key.as_str()),
                    Some(unit.key.as_str())
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 40, "{checked}");
}

fn search(app: &mut App, text: &str) {
    app.update(Action::Search);
    app.type_text(text);
    app.update(Action::Confirm);
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| (*s).to_string()).collect()
}

/// Best answers found by reading the plan: the titles that hold the words as a phrase come
/// first, then the tasks that only name a unit with those words.
#[test]
fn a_search_lists_the_best_matches_first_on_the_real_plan() {
    let mut app = app();
    search(&mut app, "dang ky");
    let ids = visible_ids(&app);
    assert_eq!(app.view().rows.len(), ids.len(), "no group rows: {ids:?}");
    // "đăng ký" is a phrase in the titles of IV.7 and V.4; IV.11's lead is "Cục Đăng ký ...".
    assert_eq!(
        sorted(ids[..2].to_vec()),
        strings(&["IV.7", "V.4"]),
        "{ids:?}"
    );
    assert_eq!(ids[2], "IV.11", "{ids:?}");
    assert_eq!(
        app.selected_task().map(|t| t.def.id.clone()),
        Some(ids[0].clone())
    );

    app.update(Action::Back);
    search(&mut app, "ho tich");
    let ids = visible_ids(&app);
    // "hộ tịch" is in the titles of IV.5, IV.7 and P.6; IV.1 and IV.4 have Cục HTQTCT as lead.
    assert_eq!(
        sorted(ids[..3].to_vec()),
        strings(&["IV.5", "IV.7", "P.6"]),
        "{ids:?}"
    );
    assert_eq!(
        sorted(ids[3..].to_vec()),
        strings(&["IV.1", "IV.4"]),
        "{ids:?}"
    );

    app.update(Action::Back);
    search(&mut app, "thads");
    let ids = visible_ids(&app);
    // Only III.14's title says THADS; III.13's lead is written in full.
    assert_eq!(ids[0], "III.14", "{ids:?}");
    assert!(ids.contains(&"III.13".to_string()), "{ids:?}");
}

#[test]
fn words_run_together_or_a_doubled_letter_still_find_the_task() {
    let mut app = app();
    search(&mut app, "ho tich");
    let spaced = visible_ids(&app);
    app.update(Action::Back);
    search(&mut app, "hotich");
    assert_eq!(visible_ids(&app), spaced, "hotich");
    app.update(Action::Back);
    search(&mut app, "chuyen doi so");
    let spaced = visible_ids(&app);
    assert!(spaced.contains(&"V.3".to_string()), "{spaced:?}");
    for typed in ["chuyen doi sso", "chuyendoiso", "chuyenn doi so"] {
        app.update(Action::Back);
        search(&mut app, typed);
        assert_eq!(sorted(visible_ids(&app)), sorted(spaced.clone()), "{typed}");
    }
}

#[test]
fn tab_brings_the_grouping_back_during_a_search_and_clearing_restores_it() {
    let mut app = app();
    assert_eq!(app.grouping(), Grouping::Pillar);
    search(&mut app, "dang ky");
    assert_eq!(app.grouping(), Grouping::Ranked);
    app.update(Action::NextGroup);
    assert_eq!(
        app.message().map(|(_, m)| m.as_str()),
        Some("Danh sách không chia nhóm (tab để chia nhóm)"),
        "no groups to go to, and it says so with the key"
    );
    app.update(Action::CycleGrouping);
    assert_eq!(app.grouping(), Grouping::Pillar);
    // Grouped by pillar, II.4 comes first: the grouping hides the ranking.
    assert!(matches!(app.view().rows.first(), Some(Row::Group(_))));
    assert_eq!(visible_ids(&app).first().map(String::as_str), Some("II.4"));
    for expected in [Grouping::Lead, Grouping::Quarter, Grouping::Ranked] {
        app.update(Action::CycleGrouping);
        assert_eq!(app.grouping(), expected);
    }
    app.update(Action::Back);
    assert_eq!(
        app.grouping(),
        Grouping::Pillar,
        "the search's end restores it"
    );
    app.update(Action::CycleGrouping);
    app.update(Action::CycleGrouping);
    assert_eq!(
        app.grouping(),
        Grouping::Quarter,
        "no ranked step without a search"
    );
    app.update(Action::CycleGrouping);
    assert_eq!(app.grouping(), Grouping::Pillar);
    // A grouping chosen during a search stays after it.
    app.update(Action::CycleGrouping);
    assert_eq!(app.grouping(), Grouping::Lead);
    search(&mut app, "ho tich");
    app.update(Action::CycleGrouping);
    assert_eq!(app.grouping(), Grouping::Pillar);
    app.update(Action::Back);
    assert_eq!(app.grouping(), Grouping::Pillar);
}

/// The status line of the screen at `width`×24.
fn status_line(app: &mut App, width: u16) -> String {
    use ratatui::{Terminal, backend::TestBackend, layout::Rect};
    let mut term = Terminal::new(TestBackend::new(width, 24)).expect("terminal");
    app.set_page(steerdeck::ui::table_rows(Rect::new(0, 0, width, 24)));
    let theme = steerdeck::ui::Theme::color();
    term.draw(|f| steerdeck::ui::draw(f, app, &theme))
        .expect("draw");
    let buf = term.backend().buffer();
    (0..width)
        .map(|x| buf[(x, 22)].symbol().to_string())
        .collect::<String>()
        .trim_end()
        .to_string()
}

#[test]
fn next_and_previous_group_bring_the_header_to_the_top() {
    let mut app = app();
    let headers: Vec<usize> = app
        .view()
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| matches!(r, Row::Group(_)))
        .map(|(i, _)| i)
        .collect();
    assert!(headers.len() >= 5, "{headers:?}");
    let rows = app.view().rows.len();
    let page = app.page();
    for &h in &headers[1..] {
        app.update(Action::NextGroup);
        assert_eq!(app.selected(), h);
        // The header is the first row shown, unless the list ends before a page is full.
        assert_eq!(app.offset(), h.min(rows - page), "header {h}");
        assert!(matches!(app.view().rows[app.offset()], Row::Group(_)) || h > rows - page);
    }
    app.update(Action::NextGroup);
    assert!(
        app.message()
            .is_some_and(|(_, m)| m == "Đây là nhóm cuối cùng"),
        "{:?}",
        app.message()
    );
    for &h in headers[..headers.len() - 1].iter().rev() {
        app.update(Action::PrevGroup);
        assert_eq!((app.selected(), app.offset()), (h, h.min(rows - page)));
    }
    app.update(Action::PrevGroup);
    assert!(
        app.message()
            .is_some_and(|(_, m)| m == "Đây là nhóm đầu tiên")
    );
    // From a task, [ goes to its own group's header.
    app.update(Action::NextGroup);
    app.update(Action::MoveDown);
    app.update(Action::PrevGroup);
    assert_eq!(app.selected(), headers[1]);
}

#[test]
fn a_selected_header_shows_its_full_name_and_counts_in_the_status_line() {
    let mut app = app();
    app.update(Action::NextGroup);
    let Some(Row::Group(g)) = app.view().rows.get(app.selected()) else {
        panic!("a header is selected");
    };
    let group = app.view().groups[*g].clone();
    let counts = steerdeck::i18n::tally::long(Lang::Vi, &group.counts);
    let line = status_line(&mut app, 250);
    assert_eq!(line, format!(" {} — {counts}", group.label));
    assert!(line.contains("II. Thể chế, chính sách số"), "{line}");
    assert!(line.contains("tỷ lệ 0%"), "{line}");
    // Where every count does not fit, the counts as the header row writes them.
    let short = steerdeck::i18n::tally::short(Lang::Vi, &group.counts);
    assert_eq!(
        status_line(&mut app, 80),
        format!(" {} — {short}", group.label)
    );
    // On a task it is the task's title again.
    app.update(Action::MoveDown);
    assert!(status_line(&mut app, 200).starts_with(" II.1 — "));
}

#[test]
fn the_lead_unit_line_says_enter_opens_the_picker() {
    use ratatui::{Terminal, backend::TestBackend};
    let mut app = app();
    app.update(Action::Filter);
    app.update(Action::NextField);
    app.update(Action::NextField);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let theme = steerdeck::ui::Theme::color();
    term.draw(|f| steerdeck::ui::draw(f, &app, &theme))
        .expect("draw");
    let buf = term.backend().buffer();
    let screen: String = (0..24)
        .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect();
    assert!(screen.contains("enter chọn đơn vị chủ trì"), "{screen}");
}

#[test]
fn the_new_name_of_a_merged_unit_picks_it_and_finds_the_tasks_of_the_old_ones() {
    let mut app = app();
    open_picker(&mut app);
    app.type_text("pho bien giao duc phap luat va tro giup phap ly");
    let keys: Vec<String> = app
        .unit_choices()
        .iter()
        .flatten()
        .map(|u| u.key.clone())
        .collect();
    assert_eq!(
        keys.first().map(String::as_str),
        Some("pbgdpl-tgpl"),
        "{keys:?}"
    );
    assert!(
        keys.contains(&"tgpl".into()) && keys.contains(&"pbgdpl".into()),
        "{keys:?}"
    );
    app.update(Action::Confirm);
    let ids = visible_ids(&app);
    // P.8 is written with Cục PBGDPL, P.9 with Cục TGPL: both merged into the new unit.
    assert!(
        ids.contains(&"P.8".into()) && ids.contains(&"P.9".into()),
        "{ids:?}"
    );
}

/// Keys typed in one burst filter the rows once, at the end of the burst, to the same rows and
/// selection as typed one by one; an action in the middle of the burst sees the rows of what
/// was typed before it.
#[test]
fn a_burst_of_search_keys_filters_once_to_the_same_rows() {
    use steerdeck::app::input::TextKey;
    let mut one_by_one = app();
    one_by_one.update(Action::Search);
    for c in "vneid".chars() {
        one_by_one.text_key(TextKey::Char(c));
    }
    let mut burst = app();
    burst.begin_burst();
    burst.update(Action::Search);
    for c in "vneid".chars() {
        burst.text_key(TextKey::Char(c));
    }
    burst.end_burst();
    assert!(!visible_ids(&burst).is_empty());
    assert_eq!(visible_ids(&burst), visible_ids(&one_by_one));
    assert_eq!(burst.selected(), one_by_one.selected());
    assert_eq!(
        burst.selected_task().map(|t| t.def.id.clone()),
        one_by_one.selected_task().map(|t| t.def.id.clone())
    );
    // Enter within the burst keeps the search with its rows filtered.
    let mut enter = app();
    enter.begin_burst();
    enter.update(Action::Search);
    for c in "vneid".chars() {
        enter.text_key(TextKey::Char(c));
    }
    enter.update(Action::Confirm);
    assert_eq!(visible_ids(&enter), visible_ids(&one_by_one));
    enter.end_burst();
    assert_eq!(visible_ids(&enter), visible_ids(&one_by_one));
}
