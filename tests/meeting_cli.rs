//! Meetings, targets and changes on the command line: a mock meeting on the 2025 plan as of
//! 15/07/2025, a second one on 15/10/2025 carrying the open action items, and the refusals.
#![cfg(target_os = "linux")]
#![allow(clippy::panic)]

mod support;

use support::{cli, cli_ok, store};

fn refused(db: &std::path::Path, args: &[&str]) -> String {
    let out = cli(db, args);
    assert!(!out.status.success(), "{args:?} should fail");
    String::from_utf8(out.stderr).expect("utf-8")
}

fn meeting_json(db: &std::path::Path, id: &str) -> serde_json::Value {
    serde_json::from_str(&cli_ok(db, &["meeting", "show", id, "--format", "json"])).expect("json")
}

#[test]
fn a_meeting_from_proposal_to_close_and_the_next_one() {
    let s = store();
    let db = &s.db;
    let made = cli_ok(
        db,
        &[
            "meeting",
            "new",
            "--chair",
            "Thứ trưởng",
            "--attendee",
            "Cục CNTT",
        ],
    );
    assert!(made.contains("H1 Cuộc họp mới: Họp Ban Chỉ đạo"), "{made}");
    // Proposed as of 15/07/2025: the overdue tasks first (I.1's deadline is Quý I/2025).
    let m = meeting_json(db, "H1");
    let agenda: Vec<&str> = m["agenda"]
        .as_array()
        .expect("agenda")
        .iter()
        .map(|i| i["task"].as_str().expect("id"))
        .collect();
    assert_eq!(agenda.first(), Some(&"I.1"));
    assert_eq!(m["agenda"][0]["reasons"][0], "overdue");
    assert_eq!(m["state"], "planned");
    cli_ok(
        db,
        &[
            "meeting", "agenda", "H1", "--drop", "III.3", "--add", "ii.1",
        ],
    );
    let agenda_after: Vec<String> = meeting_json(db, "H1")["agenda"]
        .as_array()
        .expect("agenda")
        .iter()
        .map(|i| i["task"].as_str().expect("id").to_string())
        .collect();
    assert!(!agenda_after.contains(&"III.3".to_string()));
    assert_eq!(agenda_after.last().map(String::as_str), Some("II.1"));
    cli_ok(db, &["meeting", "open", "H1"]);
    cli_ok(db, &["set", "I.1", "--progress", "60"]);
    cli_ok(
        db,
        &[
            "meeting",
            "conclude",
            "H1",
            "I.1",
            "Văn phòng Bộ trình ban hành trong tháng 8",
        ],
    );
    let assigned = cli_ok(
        db,
        &[
            "meeting",
            "assign",
            "H1",
            "Trình ký Kế hoạch hoạt động",
            "--about",
            "I.1",
            "--lead",
            "Văn phòng Bộ",
            "--support",
            "Cục CNTT",
            "--deadline",
            "Trước 31/8/2025",
        ],
    );
    assert!(assigned.contains("Thời hạn: 31/08/2025"), "{assigned}");
    let set = cli_ok(
        db,
        &["targets", "set", "T.2", "81,5", "--note", "Báo cáo 6 tháng"],
    );
    assert!(set.contains("81,5% (15/07/2025)"), "{set}");
    let closed = cli_ok(db, &["meeting", "close", "H1"]);
    // 59 tasks and one action item; I.1, III.3 and IV.5 overdue as of 15/07/2025.
    assert!(closed.contains("hoàn thành 0/60"), "{closed}");
    assert!(closed.contains("quá hạn chưa hoàn thành 3"), "{closed}");
    let shown = cli_ok(db, &["meeting", "show", "H1"]);
    assert!(
        shown.contains("Kết luận: Văn phòng Bộ trình ban hành trong tháng 8"),
        "{shown}"
    );
    assert!(
        shown.contains("→ H1.1 Trình ký Kế hoạch hoạt động"),
        "{shown}"
    );
    // The edit made while the meeting was open is linked to it.
    let history: serde_json::Value =
        serde_json::from_str(&cli_ok(db, &["history", "I.1", "--format", "json"])).expect("json");
    assert!(
        history
            .as_array()
            .expect("events")
            .iter()
            .any(|e| e["field"] == "progress" && e["meeting"] == "H1")
    );
    // A closed meeting's record is refused, in Vietnamese, with what to do.
    let err = refused(db, &["meeting", "conclude", "H1", "I.1", "sửa"]);
    assert!(err.contains("cuộc họp H1 đã kết thúc; hãy mở lại"), "{err}");
    // After the meeting: the action item moves; the next meeting sees it.
    cli_ok(db, &["set", "IV.5", "--progress", "30"]);
    let changes = cli_ok(db, &["changes", "--since", "last-meeting"]);
    assert!(
        changes.starts_with("kể từ khi kết thúc cuộc họp H1 (15/07/2025)"),
        "{changes}"
    );
    assert!(changes.contains("IV.5 "), "{changes}");
    assert!(!changes.contains("I.1 "), "before the close: {changes}");
    // The agenda is proposed as of the meeting's date.
    cli_ok(
        db,
        &[
            "meeting",
            "new",
            "--chair",
            "Thứ trưởng",
            "--date",
            "15/10/2025",
        ],
    );
    let next = meeting_json(db, "H2");
    let carried = next["agenda"]
        .as_array()
        .expect("agenda")
        .iter()
        .find(|i| i["task"] == "H1.1")
        .expect("the open action item comes back");
    assert!(
        carried["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .any(|r| r == "open-action")
    );
    let listed = cli_ok(db, &["--lang", "en", "meeting", "list"]);
    assert!(listed.contains("H1  15/07/2025  closed"), "{listed}");
    assert!(listed.contains("H2  15/10/2025  planned"), "{listed}");
}

#[test]
fn targets_and_changes_refuse_what_they_cannot_read() {
    let s = store();
    let db = &s.db;
    let err = refused(db, &["targets", "set", "T.2", "tám mươi"]);
    assert!(err.contains("không phải 'tám mươi'; chưa lưu gì"), "{err}");
    let err = refused(db, &["targets", "set", "T.99", "50"]);
    assert!(err.contains("kế hoạch không có chỉ tiêu T.99"), "{err}");
    let err = refused(db, &["--lang", "en", "changes", "--since", "yesterday"]);
    assert!(err.contains("--since needs a date"), "{err}");
    let err = refused(db, &["changes", "--since", "last-meeting"]);
    assert!(err.contains("chưa có cuộc họp nào kết thúc"), "{err}");
    let err = refused(db, &["--read-only", "meeting", "new", "--chair", "x"]);
    assert!(
        err.contains("read-only") || err.contains("chỉ xem"),
        "{err}"
    );
    // Nothing of that was saved.
    let targets = cli_ok(db, &["targets"]);
    assert!(!targets.contains("(15/07/2025)"), "{targets}");
    assert!(cli_ok(db, &["meeting", "list"]).contains("Chưa có cuộc họp nào"));
    // A value recorded, then withdrawn: the target has no value again, the history keeps both.
    cli_ok(db, &["targets", "set", "t.7", "88.4"]);
    assert!(cli_ok(db, &["targets"]).contains("88,4% (15/07/2025)"));
    cli_ok(db, &["targets", "withdraw", "T.7", "1"]);
    let shown = cli_ok(db, &["targets", "show", "T.7"]);
    assert!(shown.contains("88,4% (đã rút bởi"), "{shown}");
    assert!(!cli_ok(db, &["targets"]).contains("88,4%"));
}
