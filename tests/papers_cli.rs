//! `steerdeck export` as a user runs it, after a mock meeting recorded through the store on the
//! embedded 2025 plan as of 15/07/2025: the notice, the workbook and the report written, read
//! back, never over an existing file without `--force`, and the plan export without the
//! meetings' action items.
#![cfg(target_os = "linux")]
#![allow(clippy::panic, clippy::float_cmp)] // a test: exact counts, read back as f64

mod support;

use std::io::Read;
use std::path::Path;
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use steerdeck::domain::{AgendaItem, MeetingState};
use steerdeck::store::{Actor, Command as StoreCommand, DeskChange, PlanStore};
use support::{BIN, Server, cli_with, client, store};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, d).expect("date")
}

fn desk(s: &dyn PlanStore, change: DeskChange) {
    s.execute(
        &Actor::new("lan"),
        StoreCommand::Desk {
            plan: "2025".into(),
            change,
        },
    )
    .expect("recorded");
}

/// The CLI with its own settings directory (so that no one's settings file changes a paper).
fn run(db: &Path, config: &Path, args: &[&str]) -> std::process::Output {
    let mut cmd = Command::new(BIN);
    cmd.env("XDG_CONFIG_HOME", config).env("HOME", config);
    cli_with(&mut cmd, db, args)
}

fn ok(db: &Path, config: &Path, args: &[&str]) -> String {
    let out = run(db, config, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The mock meeting: two tasks done, a meeting with three items, two conclusions with an action
/// item each, a target reading, the meeting closed.
pub fn mock_meeting(db: &Path, config: &Path) {
    ok(
        db,
        config,
        &["set", "I.1", "--status", "done", "--done-on", "20/03/2025"],
    );
    ok(
        db,
        config,
        &["set", "IV.5", "--status", "done", "--done-on", "10/07/2025"],
    );
    ok(
        db,
        config,
        &[
            "set",
            "II.4",
            "--status",
            "blocked",
            "--note",
            "Chưa bố trí\u{1b}[2J kinh phí",
        ],
    );
    let s = client(db, Some("lan"));
    let item = |task: &str| AgendaItem {
        task: task.into(),
        reasons: Vec::new(),
        conclusion: None,
    };
    desk(
        &s,
        DeskChange::NewMeeting {
            title: "Họp Ban Chỉ đạo chuyển đổi số sơ kết 6 tháng đầu năm 2025".into(),
            date: day(7, 15),
            chair: "Nguyễn Văn An".into(),
            attendees: vec![
                "Cục Công nghệ thông tin".into(),
                "Cục Kế hoạch - Tài chính".into(),
            ],
            agenda: vec![item("III.3"), item("II.4"), item("I.2")],
        },
    );
    let m = || "H1".to_string();
    desk(
        &s,
        DeskChange::SetState {
            meeting: m(),
            state: MeetingState::Open,
            as_of: None,
            seen: None,
        },
    );
    desk(
        &s,
        DeskChange::Conclude {
            meeting: m(),
            task: "III.3".into(),
            text: "Cục CNTT khẩn trương hoàn thành việc thuê phần mềm, báo cáo trong Quý III/2025."
                .into(),
            seen: None,
        },
    );
    desk(
        &s,
        DeskChange::Conclude {
            meeting: m(),
            task: "II.4".into(),
            text: "Giao Cục KHTC đề xuất phương án kinh phí.".into(),
            seen: None,
        },
    );
    desk(
        &s,
        DeskChange::Assign {
            meeting: m(),
            about: Some("III.3".into()),
            title: "Hoàn thành thuê Phần mềm Quản lý cán bộ, đưa vào sử dụng".into(),
            lead: vec!["Cục CNTT".into()],
            support: vec!["Vụ TCCB".into()],
            timeframe: "Quý III/2025".into(),
        },
    );
    desk(
        &s,
        DeskChange::Assign {
            meeting: m(),
            about: Some("II.4".into()),
            title: "=Báo cáo Lãnh đạo Bộ phương án kinh phí".into(),
            lead: vec!["Cục KHTC".into()],
            support: Vec::new(),
            timeframe: "Trước 30/8/2025".into(),
        },
    );
    desk(
        &s,
        DeskChange::RecordTarget {
            target: "T.2".into(),
            value: 81.5,
            as_of: day(6, 30),
            note: Some("Hệ thống EMC".into()),
            seen: None,
        },
    );
    desk(
        &s,
        DeskChange::SetState {
            meeting: m(),
            state: MeetingState::Closed,
            as_of: Some(day(7, 15)),
            seen: None,
        },
    );
}

fn document_xml(path: &Path) -> String {
    let file = std::fs::File::open(path).expect("docx");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut xml)
        .expect("utf-8");
    xml
}

#[test]
fn papers_after_the_mock_meeting() {
    let s = store();
    let _server = Server::start(&s.db);
    let config = tempfile::tempdir().expect("tempdir");
    let out = tempfile::tempdir().expect("tempdir");
    // Before any meeting there is no notice to write, and the sentence says why.
    let none = run(
        &s.db,
        config.path(),
        &["export", "minutes", "--format", "md"],
    );
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("chưa có cuộc họp nào"));
    mock_meeting(&s.db, config.path());
    // To look at the papers: STEERDECK_PAPERS_OUT=DIR keeps them there (an empty directory).
    let keep = std::env::var_os("STEERDECK_PAPERS_OUT").map(std::path::PathBuf::from);
    let dir = keep.unwrap_or_else(|| out.path().to_path_buf());
    let at = |name: &str| dir.join(name);
    let path = |name: &str| at(name).to_str().expect("path").to_string();

    // The notice: the latest meeting, docx from the extension.
    let said = ok(
        &s.db,
        config.path(),
        &["export", "minutes", "--out", &path("tb.docx")],
    );
    assert!(said.contains("tb.docx"), "says where the file went: {said}");
    let xml = document_xml(&at("tb.docx"));
    for want in [
        "Hà Nội, ngày 15 tháng 7 năm 2025",
        "THÔNG BÁO",
        // The plan's 59 tasks as they stood at close, not the action items.
        "đã hoàn thành 2/59 nhiệm vụ (3,4%), trong đó đúng hạn 1, quá hạn 1",
        "Giao Cục KHTC đề xuất phương án kinh phí.",
        "Đơn vị chủ trì: Cục Công nghệ thông tin; đơn vị phối hợp: Vụ Tổ chức cán bộ; thời hạn: Quý III/2025.",
    ] {
        assert!(xml.contains(want), "missing {want:?}");
    }
    // Never over an existing file without --force; with it, replaced.
    let again = run(
        &s.db,
        config.path(),
        &["export", "minutes", "--out", &path("tb.docx")],
    );
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    ok(
        &s.db,
        config.path(),
        &[
            "export",
            "minutes",
            "--meeting",
            "h1",
            "--out",
            &path("tb.docx"),
            "--force",
        ],
    );
    // Markdown on standard output; a .docx there is refused.
    let md = ok(
        &s.db,
        config.path(),
        &["export", "minutes", "--format", "md"],
    );
    assert!(md.contains("## THÔNG BÁO"), "{md}");
    assert!(
        !run(&s.db, config.path(), &["export", "minutes"])
            .status
            .success()
    );
    assert!(
        !run(
            &s.db,
            config.path(),
            &[
                "export",
                "workbook",
                "--format",
                "csv",
                "--out",
                &path("x.csv")
            ]
        )
        .status
        .success()
    );

    // The report, and the reminder to one unit.
    let report = ok(&s.db, config.path(), &["export", "report"]);
    assert!(report.contains("## BÁO CÁO"), "{report}");
    assert!(report.contains("III.3"), "the overdue task: {report}");
    ok(
        &s.db,
        config.path(),
        &["export", "report", "--out", &path("bc.docx")],
    );
    let xml = document_xml(&at("bc.docx"));
    for want in [
        "BÁO CÁO",
        "Số: …/BC-BTP",
        "Theo đơn vị chủ trì",
        "NHIỆM VỤ QUÁ HẠN CHƯA HOÀN THÀNH",
        "Thuê Phần mềm Quản lý cán bộ",
        "81,5% (30/06/2025)",
    ] {
        assert!(xml.contains(want), "report: missing {want:?}");
    }
    let reminder = ok(
        &s.db,
        config.path(),
        &["--lang", "en", "export", "report", "--unit", "khtc"],
    );
    assert!(reminder.contains("REMINDER"), "{reminder}");
    assert!(
        reminder.contains("H1.2"),
        "its open action item: {reminder}"
    );
    assert!(
        !reminder.contains("III.3"),
        "not another unit's task: {reminder}"
    );

    // The workbook, read back.
    ok(
        &s.db,
        config.path(),
        &["export", "workbook", "--out", &path("bc.xlsx")],
    );
    check_workbook(&at("bc.xlsx"));

    // The plan export keeps the plan's tasks only.
    let json = ok(&s.db, config.path(), &["export"]);
    assert!(json.contains("\"IV.5\""));
    assert!(!json.contains("H1.1"), "an action item in the plan export");
    assert!(
        !json.contains("meeting:"),
        "a meeting pillar in the plan export"
    );
    let csv = ok(&s.db, config.path(), &["export", "--out", &path("kh.csv")]);
    assert!(csv.is_empty());
    let csv = std::fs::read(at("kh.csv")).expect("csv");
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF", "CSV from the extension");
}

fn check_workbook(path: &Path) {
    let mut wb: Xlsx<_> = calamine::open_workbook(path).expect("xlsx");
    let names = wb.sheet_names();
    assert_eq!(names[0], "Tổng hợp");
    assert!(names.iter().any(|n| n.starts_with("IV. ")), "{names:?}");
    assert!(
        names.contains(&"Nhiệm vụ giao tại cuộc họp".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"Nhật ký thay đổi".to_string()), "{names:?}");
    let summary = wb.worksheet_range("Tổng hợp").expect("summary");
    assert!(
        matches!(summary.get((1, 1)), Some(Data::DateTime(_))),
        "{:?}",
        summary.get((1, 1))
    );
    // The total row: 59 plan tasks and 2 action items, 2 done (1 on time, 1 late).
    let total_row = (4..summary.height())
        .find(|r| summary.get((*r, 0)) == Some(&Data::String("Tổng số".into())))
        .expect("a total row");
    let num = |c: usize| match summary.get((total_row, c)) {
        Some(Data::Float(v)) => *v,
        other => panic!("not a number: {other:?}"),
    };
    assert_eq!(num(1), 1.0, "done on time");
    assert_eq!(num(2), 1.0, "done late");
    assert_eq!(num(9), 61.0, "every task");
    assert!((num(10) - 2.0 / 61.0).abs() < 1e-9, "the rate is a number");
    let actions = wb
        .worksheet_range("Nhiệm vụ giao tại cuộc họp")
        .expect("actions");
    assert_eq!(actions.get((1, 2)), Some(&Data::String("H1.1".into())));
    assert!(matches!(actions.get((1, 1)), Some(Data::DateTime(_))));
    // A title that starts like a formula stays text.
    assert_eq!(
        actions.get((2, 3)),
        Some(&Data::String(
            "=Báo cáo Lãnh đạo Bộ phương án kinh phí".into()
        ))
    );
    let pillar = names.iter().find(|n| n.starts_with("IV. ")).expect("IV");
    let iv = wb.worksheet_range(pillar).expect("IV");
    assert_eq!(iv.get((0, 0)), Some(&Data::String("TT".into())));
    let iv5 = (1..iv.height())
        .find(|r| iv.get((*r, 0)) == Some(&Data::String("IV.5".into())))
        .expect("IV.5");
    assert!(
        matches!(iv.get((iv5, 6)), Some(Data::DateTime(_))),
        "deadline a date"
    );
    assert_eq!(
        iv.get((iv5, 8)),
        Some(&Data::Float(1.0)),
        "progress a number"
    );
    // The latest note, without the control character it was written with.
    let ii = names.iter().find(|n| n.starts_with("II. ")).expect("II");
    let ii = wb.worksheet_range(ii).expect("II");
    let ii4 = (1..ii.height())
        .find(|r| ii.get((*r, 0)) == Some(&Data::String("II.4".into())))
        .expect("II.4");
    assert_eq!(
        ii.get((ii4, 10)),
        Some(&Data::String("Chưa bố trí[2J kinh phí".into()))
    );
}
