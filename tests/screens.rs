//! The main screens at 80x24 on ratatui's `TestBackend`, as insta snapshots, plus checks that need
//! styles (the no-colour theme keeps the selection visible).
#![allow(clippy::panic)]

mod screen_text;

use screen_text::text;

use chrono::{NaiveDate, TimeZone, Utc};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use std::sync::Arc;

use steerdeck::app::{Action, App, AppConfig};
use steerdeck::domain::UnitRegistry;
use steerdeck::i18n::Lang;
use steerdeck::keymap::Keymap;
use steerdeck::store::{Actor, MemoryStore, seed_if_empty};
use steerdeck::ui::{self, Theme};

fn app(lang: Lang) -> App {
    app_with(lang, Keymap::default_keymap().expect("default keymap"))
}

fn app_with(lang: Lang, keymap: Keymap) -> App {
    let clock = Arc::new(|| {
        Utc.with_ymd_and_hms(2025, 7, 10, 2, 0, 0)
            .single()
            .expect("time")
    });
    let store = MemoryStore::with_clock(clock);
    seed_if_empty(
        &store,
        &Actor::new("seed"),
        steerdeck::plan::embedded().expect("plan"),
    )
    .expect("seed");
    let cfg = AppConfig {
        actor: Actor::new("thuky"),
        as_of: NaiveDate::from_ymd_opt(2025, 7, 15).expect("date"),
        lang,
        read_only: false,
        keymap,
        registry: UnitRegistry::embedded().expect("embedded registry"),
        plan_name: "2025".into(),
        zone: steerdeck::domain::time::Zone::default(),
    };
    App::new(Box::new(store), cfg).expect("app")
}

fn render(app: &mut App, theme: &Theme, w: u16, h: u16) -> Buffer {
    app.set_page(ui::table_rows(ratatui::layout::Rect::new(0, 0, w, h)));
    screen_text::drawn(app, theme, w, h)
}

fn screen(app: &mut App) -> String {
    text(&render(app, &Theme::color(), 80, 24))
}

#[test]
fn plan_screen() {
    let mut app = app(Lang::Vi);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn plan_screen_in_english() {
    let mut app = app(Lang::En);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn search_screen() {
    let mut app = app(Lang::Vi);
    app.update(Action::Search);
    app.type_text("ho tich");
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn detail_screen() {
    let mut app = app(Lang::Vi);
    app.update(Action::Search);
    app.type_text("IV.5");
    app.update(Action::Confirm);
    app.update(Action::OpenDetail);
    insta::assert_snapshot!(screen(&mut app));
}

/// The detail after a meeting's edits: done on a day before the review, a note corrected, the
/// history in words, times in the store's zone.
fn after_edits(lang: Lang) -> App {
    let mut app = app(lang);
    app.update(Action::Search);
    app.type_text("III.3");
    app.update(Action::Confirm);
    app.update(Action::SetStatus);
    app.update(Action::PickDone);
    app.update(Action::Confirm);
    app.type_text("20/06/2025");
    app.update(Action::Confirm);
    app.update(Action::AddNote);
    app.type_text("Đã ký hợp đồng thuê phần mềm");
    app.update(Action::Save);
    app.update(Action::OpenDetail);
    app.update(Action::CorrectNote);
    app.type_text(" ngày 18/6");
    app.update(Action::Save);
    app
}

#[test]
fn detail_with_notes_and_history() {
    let mut app = after_edits(Lang::Vi);
    insta::assert_snapshot!(screen(&mut app));
    app.update(Action::GoBottom);
    insta::assert_snapshot!("detail_scrolled_to_the_history", screen(&mut app));
}

#[test]
fn detail_with_notes_and_history_in_english() {
    let mut app = after_edits(Lang::En);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn help_screen() {
    let mut app = app(Lang::Vi);
    app.update(Action::Help);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn status_picker() {
    let mut app = app(Lang::Vi);
    app.update(Action::SetStatus);
    app.update(Action::PickDone);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn filter_menu() {
    let mut app = app(Lang::Vi);
    app.update(Action::Filter);
    app.update(Action::NextValue);
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn unit_picker() {
    let mut app = app(Lang::Vi);
    app.update(Action::Filter);
    app.update(Action::NextField);
    app.update(Action::NextField);
    app.update(Action::Confirm);
    app.type_text("tu phap");
    insta::assert_snapshot!(screen(&mut app));
}

#[test]
fn too_small() {
    let mut app = app(Lang::Vi);
    let buf = render(&mut app, &Theme::color(), 50, 10);
    insta::assert_snapshot!(text(&buf));
}

#[test]
fn no_color_keeps_the_selection_and_markers_visible() {
    let mut app = app(Lang::Vi);
    app.update(Action::ViewOverdue);
    let buf = render(&mut app, &Theme::mono(), 80, 24);
    let screen = text(&buf);
    insta::assert_snapshot!(screen);
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            assert_eq!(cell.fg, ratatui::style::Color::Reset, "colour at {x},{y}");
            assert_eq!(cell.bg, ratatui::style::Color::Reset, "colour at {x},{y}");
        }
    }
    // The selected row is reversed across the screen.
    let row = screen
        .lines()
        .position(|l| l.contains("I.1 "))
        .expect("I.1 row");
    let y = u16::try_from(row).expect("row");
    assert!(
        buf[(5, y)].modifier.contains(Modifier::REVERSED),
        "selection visible without colour"
    );
    // Overdue rows carry a marker, not only a colour.
    assert!(
        screen.lines().filter(|l| l.starts_with('!')).count() >= 3,
        "{screen}"
    );
}

#[test]
fn wide_screen_shows_full_status_words() {
    let mut app = app(Lang::Vi);
    let buf = render(&mut app, &Theme::color(), 200, 60);
    let screen = text(&buf);
    assert!(screen.contains("Chưa thực hiện"));
    assert!(screen.contains("Thuê Phần mềm Quản lý cán bộ"));
}

#[test]
fn the_hint_bar_and_help_follow_the_loaded_keymap() {
    let mut app = app(Lang::Vi);
    let bottom = |s: &str| s.lines().last().unwrap_or_default().to_string();
    let before = bottom(&screen(&mut app));
    assert!(before.contains(" s trạng thái"), "{before}");
    let mut app = app_with(
        Lang::Vi,
        Keymap::load(Some("arrows"), None).expect("arrows preset"),
    );
    let after = bottom(&screen(&mut app));
    assert!(after.contains("f2 trạng thái"), "{after}");
    assert!(!after.contains(" s trạng thái"), "{after}");
    app.update(Action::Help);
    app.type_text("f2");
    let help = screen(&mut app);
    assert!(
        help.contains("f2") && help.contains("Đổi trạng thái nhiệm vụ"),
        "{help}"
    );
}

#[test]
fn help_is_searchable_without_accents() {
    let mut app = app(Lang::Vi);
    app.update(Action::Help);
    app.type_text("trang thai");
    let help = screen(&mut app);
    assert!(help.contains("Đổi trạng thái nhiệm vụ"), "{help}");
    assert!(!help.contains("Chọn dòng dưới"), "{help}");
}
