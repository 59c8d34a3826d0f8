//! The papers menu on the screen (`E`): after a meeting recorded on the 2025 plan as of
//! 15/07/2025, each paper written into a directory of the test's own, under a name no file has,
//! the status line saying where it went; the menu drawn at 80x24 in both languages.
#![allow(clippy::panic)]

mod screen_text;

use chrono::NaiveDate;
use std::sync::Arc;

use steerdeck::app::{Action, App, AppConfig, Mode, Tone};
use steerdeck::domain::time::Zone;
use steerdeck::domain::{AgendaItem, UnitRegistry};
use steerdeck::i18n::Lang;
use steerdeck::keymap::Keymap;
use steerdeck::store::{Actor, Command, DeskChange, MemoryStore, PlanStore, seed_if_empty};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, d).expect("date")
}

fn desk(s: &MemoryStore, change: DeskChange) {
    s.execute(
        &Actor::new("lan"),
        Command::Desk {
            plan: "2025".into(),
            change,
        },
    )
    .expect("recorded");
}

fn store_with_a_meeting() -> Arc<MemoryStore> {
    let s = Arc::new(MemoryStore::new());
    let plan = steerdeck::plan::embedded().expect("plan");
    seed_if_empty(s.as_ref(), &Actor::new("seed"), plan).expect("seed");
    desk(
        &s,
        DeskChange::NewMeeting {
            title: "Họp Ban Chỉ đạo sơ kết 6 tháng".into(),
            date: day(7, 15),
            chair: "Nguyễn Văn An".into(),
            attendees: Vec::new(),
            agenda: vec![AgendaItem {
                task: "III.3".into(),
                reasons: Vec::new(),
                conclusion: None,
            }],
        },
    );
    desk(
        &s,
        DeskChange::Conclude {
            meeting: "H1".into(),
            task: "III.3".into(),
            text: "Cục CNTT hoàn thành trong Quý III/2025.".into(),
            seen: None,
        },
    );
    s
}

fn app(store: &Arc<MemoryStore>, lang: Lang, dir: &std::path::Path) -> App {
    let cfg = AppConfig {
        actor: Actor::new("lan"),
        as_of: day(7, 15),
        lang,
        read_only: false,
        keymap: Keymap::default_keymap().expect("keymap"),
        registry: UnitRegistry::embedded().expect("registry"),
        plan_name: "2025".into(),
        zone: Zone::default(),
    };
    let mut app = App::new(Box::new(Arc::clone(store)), cfg).expect("app");
    app.set_size(80, 24);
    app.set_export_dir(dir.to_path_buf());
    app
}

fn screen(app: &App) -> String {
    screen_text::mono_80x24(app)
}

fn said(app: &App) -> String {
    match app.message() {
        Some((Tone::Info, m)) => m.clone(),
        other => panic!("no word of where the file went: {other:?}"),
    }
}

#[test]
fn each_paper_is_written_where_the_screen_says() {
    let s = store_with_a_meeting();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(&s, Lang::Vi, dir.path());
    a.update(Action::ExportMenu);
    assert_eq!(a.mode(), Mode::Export);
    let menu = screen(&a);
    if std::env::var_os("SHOW_MENU").is_some() {
        println!("{menu}");
    }
    assert!(menu.contains("Soạn văn bản"), "{menu}");
    assert!(
        menu.contains("Thông báo kết luận cuộc họp gần nhất (.docx)"),
        "{menu}"
    );
    assert!(
        menu.contains("Bảng tổng hợp tình hình thực hiện (.xlsx)"),
        "{menu}"
    );
    assert!(menu.contains("enter ghi tệp"), "{menu}");

    // The notice, as .docx: the first line.
    a.update(Action::Confirm);
    assert_eq!(a.mode(), Mode::Normal);
    let notice = dir.path().join("thong-bao-ket-luan-H1-2025-07-15.docx");
    assert!(notice.exists());
    assert!(
        said(&a).contains(&notice.display().to_string()),
        "{}",
        said(&a)
    );

    // Again: a second file beside the first, never over it.
    let first = std::fs::read(&notice).expect("read");
    a.update(Action::ExportMenu);
    a.update(Action::Confirm);
    assert!(
        dir.path()
            .join("thong-bao-ket-luan-H1-2025-07-15-2.docx")
            .exists()
    );
    assert_eq!(std::fs::read(&notice).expect("read"), first);

    // The workbook (third line) and the report in Markdown (last line, up from the first).
    a.update(Action::ExportMenu);
    a.update(Action::MoveDown);
    a.update(Action::MoveDown);
    a.update(Action::Confirm);
    assert!(dir.path().join("bang-tong-hop-2025-07-15.xlsx").exists());
    a.update(Action::ExportMenu);
    a.update(Action::MoveUp);
    a.update(Action::MoveUp);
    a.update(Action::MoveUp);
    a.update(Action::Confirm);
    let md = std::fs::read_to_string(dir.path().join("bao-cao-tien-do-2025-07-15.md"))
        .expect("the report");
    assert!(md.contains("## BÁO CÁO"), "{md}");

    // Esc leaves the menu without writing anything.
    let before = std::fs::read_dir(dir.path()).expect("dir").count();
    a.update(Action::ExportMenu);
    a.update(Action::Back);
    assert_eq!(a.mode(), Mode::Normal);
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), before);
}

#[test]
fn in_english_and_without_a_meeting() {
    let s = Arc::new(MemoryStore::new());
    let plan = steerdeck::plan::embedded().expect("plan");
    seed_if_empty(s.as_ref(), &Actor::new("seed"), plan).expect("seed");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut a = app(&s, Lang::En, dir.path());
    a.update(Action::ExportMenu);
    let menu = screen(&a);
    assert!(menu.contains("Write a paper"), "{menu}");
    assert!(menu.contains("Status workbook (.xlsx)"), "{menu}");
    // No meeting yet: the notice is refused with the reason, and nothing is written.
    a.update(Action::Confirm);
    match a.message() {
        Some((Tone::Error, m)) => assert!(m.contains("no meeting"), "{m}"),
        other => panic!("not refused: {other:?}"),
    }
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    a.update(Action::MoveDown);
    a.update(Action::MoveDown);
    a.update(Action::Confirm);
    assert!(dir.path().join("status-workbook-2025-07-15.xlsx").exists());
}
