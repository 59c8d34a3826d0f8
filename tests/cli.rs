//! The command line on the real binary: each test uses a fresh store directory.
#![allow(clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn db() -> Db {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("db");
    std::fs::create_dir(&path).expect("mkdir");
    Db { _dir: dir, path }
}

fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_steerdeck"))
        .arg("--db")
        .arg(db)
        .args(["--as-of", "2025-07-15"])
        .args(args)
        .env("USER", "thuky")
        .env_remove("STEERDECK_DB")
        .env_remove("STEERDECK_LANG")
        .output()
        .expect("runs")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?} failed: {stderr}");
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn fails(db: &Path, args: &[&str]) -> String {
    let out = run(db, args);
    assert!(!out.status.success(), "{args:?} should fail");
    assert!(out.stdout.is_empty() || !String::from_utf8_lossy(&out.stdout).contains("panicked"));
    let err = String::from_utf8(out.stderr).expect("utf-8 stderr");
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(db, args)).expect("json")
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_fresh_store_lists_the_embedded_plan() {
    let d = db();
    let rows = json(&d.path, &["list", "--format", "json"]);
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 59);
    let iv5 = rows.iter().find(|r| r["id"] == "IV.5").expect("IV.5");
    assert_eq!(iv5["deadline"], "2025-06-30");
    assert_eq!(iv5["timeframe"], "Quý I- II/2025");
    assert_eq!(
        iv5["lead"],
        serde_json::json!(["Cục HTQTCT", "Trung tâm LLTPQG"])
    );
    assert_eq!(iv5["overdue"], true);
    assert_eq!(iv5["timeliness"], "open-overdue");
    assert_eq!(iv5["status"], "not-started");
    let i4 = rows.iter().find(|r| r["id"] == "I.4").expect("I.4");
    assert_eq!(i4["deadline"], serde_json::Value::Null);
    assert_eq!(i4["timeliness"], "no-deadline");
    let table = ok(&d.path, &["list"]);
    assert!(table.lines().count() == 60, "header + 59 rows");
    assert!(table.contains("Thuê Phần mềm Quản lý cán bộ"));
}

#[test]
fn set_is_seen_by_the_next_process_and_in_the_history() {
    let d = db();
    let out = ok(
        &d.path,
        &[
            "--user",
            "Chị Lan",
            "set",
            "iv.5",
            "--status",
            "done",
            "--note",
            "Đã kết nối",
        ],
    );
    assert!(
        out.contains("Trạng thái: Chưa thực hiện → Hoàn thành"),
        "{out}"
    );
    let rows = json(&d.path, &["list", "--format", "json", "--status", "done"]);
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], "IV.5");
    assert_eq!(rows[0]["completed_on"], "2025-07-15");
    assert_eq!(rows[0]["timeliness"], "done-late");
    assert_eq!(rows[0]["progress"], 100);
    let history = json(&d.path, &["history", "IV.5", "--format", "json"]);
    let events = history.as_array().expect("array");
    assert_eq!(events[0]["field"], "status");
    assert_eq!(events[0]["note"], "Đã kết nối");
    let who = events[0]["who"].as_str().expect("who");
    assert!(
        who.starts_with("Chị Lan ("),
        "the login stays beside a typed name: {who}"
    );
    let table = ok(&d.path, &["history"]);
    assert!(
        table.contains("IV.5")
            && table.contains("Nhập kế hoạch")
            && table.contains("59 nhiệm vụ: thêm 59, sửa 0, bỏ 0")
            && table.contains("Chưa thực hiện  Hoàn thành"),
        "the history in words: {table}"
    );
    assert!(!table.contains("not-started"), "no codes: {table}");
    let table = ok(&d.path, &["--lang", "en", "history"]);
    assert!(
        table.contains("Plan imported") && table.contains("Not started"),
        "{table}"
    );
    let shown = ok(&d.path, &["show", "IV.5"]);
    assert!(
        shown.contains("Cục HTQTCT (Cục Hộ tịch, quốc tịch, chứng thực)"),
        "{shown}"
    );
    assert!(shown.contains("Hoàn thành quá hạn"), "{shown}");
    let en = ok(&d.path, &["--lang", "en", "show", "IV.5"]);
    assert!(en.contains("Done late"), "{en}");
}

#[test]
fn bad_input_gets_a_sentence_and_changes_nothing() {
    let d = db();
    let before = ok(&d.path, &["history", "--format", "json"]);
    let e = fails(&d.path, &["set", "IV.99", "--status", "done"]);
    assert!(
        e.starts_with("steerdeck: lỗi: không có nhiệm vụ 'IV.99' trong kế hoạch '2025'"),
        "Vietnamese by default: {e}"
    );
    let e = fails(
        &d.path,
        &["--lang", "en", "set", "IV.99", "--status", "done"],
    );
    assert!(
        e.starts_with("steerdeck: error: there is no task 'IV.99' in plan '2025'"),
        "{e}"
    );
    let e = fails(
        &d.path,
        &["--lang", "en", "set", "IV.5", "--status", "finished"],
    );
    assert!(e.contains("unknown status 'finished'"), "{e}");
    let e = fails(&d.path, &["set", "IV.5", "--progress", "120"]);
    assert!(e.contains("120"), "{e}");
    let e = fails(&d.path, &["--lang", "en", "set", "IV.5"]);
    assert!(e.contains("give a status, a progress or a note"), "{e}");
    let e = fails(&d.path, &["set", "IV.5"]);
    assert!(
        e.contains("hãy cho trạng thái, tiến độ hoặc ghi chú"),
        "{e}"
    );
    let e = fails(&d.path, &["list", "--pillar", "nope"]);
    assert!(
        e.contains("không có nhóm nhiệm vụ 'nope'") && e.contains("digital-government"),
        "{e}"
    );
    let e = fails(&d.path, &["list", "--due-by", "31/02/2025"]);
    assert!(e.contains("không phải là một ngày"), "{e}");
    let e = fails(&d.path, &["list", "--quarter", "Q5/2025"]);
    assert!(e.contains("không phải một quý"), "{e}");
    let e = fails(&d.path, &["--lang", "en", "--plan", "2030", "list"]);
    assert!(e.contains("no plan named '2030'"), "{e}");
    let e = fails(&d.path, &["--plan", "2030", "list"]);
    assert!(e.contains("không có kế hoạch nào tên '2030'"), "{e}");
    let e = fails(&d.path, &["--read-only", "set", "I.1", "--status", "done"]);
    assert!(e.contains("--read-only") && e.contains("chỉ xem"), "{e}");
    assert_eq!(ok(&d.path, &["history", "--format", "json"]), before);
}

#[test]
fn filters_combine() {
    let d = db();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["list", "--format", "json"];
        a.extend_from_slice(args);
        json(&d.path, &a)
            .as_array()
            .expect("array")
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_string())
            .collect()
    };
    assert_eq!(ids(&["--overdue"]), ["I.1", "III.3", "IV.5"]);
    assert_eq!(ids(&["--overdue", "--pillar", "data"]), ["IV.5"]);
    // Any spelling of a unit, with or without diacritics.
    let full = ids(&["--lead", "Tổng cục Thi hành án dân sự"]);
    assert_eq!(full, ids(&["--lead", "Tổng cục THADS"]));
    assert_eq!(full, ids(&["--lead", "tong cuc thads"]));
    assert!(
        full.contains(&"III.13".to_string()) && full.contains(&"IV.1".to_string()),
        "{full:?}"
    );
    // The merged unit finds tasks written with either old name.
    let merged = ids(&[
        "--lead",
        "Cục Phổ biến, giáo dục pháp luật và Trợ giúp pháp lý",
    ]);
    assert!(
        merged.contains(&"P.8".to_string()) && merged.contains(&"P.9".to_string()),
        "{merged:?}"
    );
    assert_eq!(ids(&["--quarter", "Quý I/2025"]), ["I.1"]);
    assert_eq!(ids(&["--quarter", "2025-Q2"]), ["III.3", "IV.5"]);
    assert_eq!(ids(&["--due-by", "2025-06-30"]), ["I.1", "III.3", "IV.5"]);
    let unfunded = ids(&["--funding", "khong su dung"]);
    assert!(unfunded.contains(&"I.1".to_string()) && !unfunded.contains(&"I.2".to_string()));
}

#[test]
fn search_narrows_without_diacritics() {
    let d = db();
    let ids = |q: &str| -> Vec<String> {
        json(&d.path, &["list", "--format", "json", "--search", q])
            .as_array()
            .expect("array")
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_string())
            .collect()
    };
    let hits = ids("ho tich");
    assert!(hits.len() <= 6, "narrows: {hits:?}");
    for want in ["IV.5", "P.6", "IV.7"] {
        assert!(hits.contains(&want.to_string()), "{want} in {hits:?}");
    }
    assert_eq!(ids("HỘ TỊCH"), hits);
    let dk = ids("dang ky");
    assert!(dk.contains(&"V.4".to_string()), "{dk:?}");
    assert!(ids("zzzz qqqq").is_empty());
}

#[test]
fn import_validates_everything_first() {
    let d = db();
    let before = ok(&d.path, &["history", "--format", "json"]);
    let cases = [
        ("invalid/no-header.csv", "line 1: expected the header row"),
        (
            "invalid/task-before-section.csv",
            "line 2: task 1 comes before any section row",
        ),
        ("invalid/bad-tt.csv", "line 3: TT '1a' is neither"),
        ("invalid/duplicate.csv", "line 4: task I.1 appears twice"),
        (
            "invalid/too-many-columns.csv",
            "line 3: 8 columns, expected at most 7",
        ),
        ("invalid/no-title.csv", "line 3: task I.1 has no title"),
        (
            "invalid/unclosed-quote.csv",
            "line 3: a quote (\") opens a cell here and is never closed",
        ),
        (
            "invalid/not-utf8.csv",
            "not-utf8.csv:2:4: the file is not UTF-8 text",
        ),
        (
            "invalid/bad-syntax.toml",
            "bad-syntax.toml:5:49: missing comma",
        ),
        (
            "invalid/unknown-pillar.toml",
            "unknown-pillar.toml:11: task 'IV.1' names pillar 'dat'",
        ),
        (
            "invalid/missing-field.toml",
            "missing-field.toml:5:1: missing field `title`",
        ),
        (
            "invalid/not-steerdeck.json",
            "this is a JSON file, not a steerdeck plan",
        ),
        (
            "invalid/bad-syntax.json",
            "bad-syntax.json:2:26: trailing comma",
        ),
        (
            "invalid/too-new.json",
            "written by a newer steerdeck (format version 99",
        ),
        ("invalid/plan.xlsx", "unknown file type"),
        ("invalid/missing.csv", "cannot read the file"),
    ];
    for (file, want) in cases {
        let e = fails(&d.path, &["--lang", "en", "import", &fixture(file)]);
        assert!(e.contains(want), "{file}: expected '{want}' in: {e}");
        assert!(e.starts_with("steerdeck: error: "), "{e}");
    }
    assert_eq!(
        ok(&d.path, &["history", "--format", "json"]),
        before,
        "nothing written"
    );
    assert!(ok(&d.path, &["plans"]).lines().count() == 1);
}

#[test]
fn import_problems_read_in_vietnamese_by_default() {
    let d = db();
    let cases = [
        (
            "invalid/no-header.csv",
            "dòng 1: dòng đầu phải là dòng tiêu đề 'TT, Tên nhiệm vụ",
        ),
        (
            "invalid/task-before-section.csv",
            "dòng 2: nhiệm vụ 1 đứng trước mọi dòng tiêu đề phần (I, II, ...)",
        ),
        (
            "invalid/bad-tt.csv",
            "dòng 3: TT '1a' không phải số La Mã của một phần (I, II, ...) cũng không phải số thứ tự nhiệm vụ",
        ),
        (
            "invalid/duplicate.csv",
            "dòng 4: nhiệm vụ I.1 xuất hiện hai lần",
        ),
        (
            "invalid/too-many-columns.csv",
            "dòng 3: có 8 cột, nhiều hơn mức tối đa 7 cột",
        ),
        (
            "invalid/no-title.csv",
            "dòng 3: nhiệm vụ I.1 chưa có tên (cột 'Tên nhiệm vụ')",
        ),
        (
            "invalid/unclosed-quote.csv",
            "dòng 3: một dấu ngoặc kép (\") mở ô tại đây nhưng không được đóng lại",
        ),
        (
            "invalid/not-utf8.csv",
            "not-utf8.csv:2:4: tệp không phải văn bản UTF-8 (hãy lưu lại tệp với bảng mã UTF-8)",
        ),
        (
            "invalid/bad-syntax.toml",
            "bad-syntax.toml:5:49: nội dung không hợp lệ: missing comma",
        ),
        (
            "invalid/unknown-pillar.toml",
            "unknown-pillar.toml:11: nhiệm vụ 'IV.1' thuộc nhóm nhiệm vụ 'dat', nhưng kế hoạch không có nhóm này",
        ),
        (
            "invalid/missing-field.toml",
            "missing-field.toml:5:1: nội dung không hợp lệ: missing field `title`",
        ),
        (
            "invalid/not-steerdeck.json",
            "not-steerdeck.json: đây là tệp JSON, không phải kế hoạch của steerdeck",
        ),
        (
            "invalid/bad-syntax.json",
            "bad-syntax.json:2:26: nội dung không hợp lệ: trailing comma",
        ),
        (
            "invalid/too-new.json",
            "too-new.json: tệp do phiên bản steerdeck mới hơn ghi (định dạng phiên bản 99, phiên bản này chỉ đọc đến 1)",
        ),
        (
            "invalid/plan.xlsx",
            "plan.xlsx: không nhận ra loại tệp (cần tệp .csv, .toml hoặc .json",
        ),
        (
            "invalid/missing.csv",
            "missing.csv: không đọc được tệp: không tìm thấy tệp",
        ),
    ];
    for (file, want) in cases {
        let e = fails(&d.path, &["import", &fixture(file)]);
        assert!(e.contains(want), "{file}: expected '{want}' in: {e}");
        assert!(e.starts_with("steerdeck: lỗi: "), "{e}");
        for english in ["line ", "problem(s)", "nothing was imported", "cannot read"] {
            assert!(!e.contains(english), "{file}: English '{english}' in: {e}");
        }
    }
    let e = fails(&d.path, &["import", &fixture("invalid/duplicate.csv")]);
    assert!(
        e.contains("duplicate.csv: có 1 lỗi, chưa nhập dữ liệu nào:\n"),
        "{e}"
    );
    assert!(ok(&d.path, &["plans"]).lines().count() == 1);
}

#[test]
fn a_bad_settings_file_is_said_in_vietnamese() {
    let d = db();
    let config = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(config.path().join("steerdeck")).expect("mkdir");
    std::fs::write(
        config.path().join("steerdeck/config.toml"),
        "lang = \"fr\"\n",
    )
    .expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_steerdeck"))
        .arg("--db")
        .arg(&d.path)
        .arg("list")
        .env("XDG_CONFIG_HOME", config.path())
        .env("USER", "thuky")
        .env_remove("STEERDECK_DB")
        .env_remove("STEERDECK_LANG")
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).expect("utf-8");
    // The file cannot say which language, so the sentence is Vietnamese; the place is ours,
    // the detail is the TOML reader's.
    assert!(err.starts_with("steerdeck: lỗi: "), "{err}");
    assert!(
        err.contains("config.toml:1:8: nội dung không hợp lệ: "),
        "{err}"
    );
}

#[test]
fn import_prints_the_ids_only_when_asked() {
    let d = db();
    let verbose = ok(
        &d.path,
        &["import", "--verbose", &fixture("valid/plan-2026.csv")],
    );
    assert!(verbose.contains("thêm 5"), "{verbose}");
    assert!(verbose.contains("  thêm: I.1, "), "{verbose}");
    let d = db();
    let report = json(
        &d.path,
        &[
            "import",
            "--format",
            "json",
            &fixture("valid/plan-2026.csv"),
        ],
    );
    assert_eq!(report["plan"], "plan-2026");
    assert_eq!(report["created"], true);
    assert_eq!(report["added"].as_array().map(Vec::len), Some(5));
    assert_eq!(report["added"][0], "I.1");
}

#[test]
fn import_a_csv_then_a_revision_keeps_statuses() {
    let d = db();
    let out = run(&d.path, &["import", &fixture("valid/plan-2026.csv")]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "nhiệm vụ IV.2: không đọc được thời gian thực hiện 'Sau khi Đề án được phê duyệt'"
        ),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("kế hoạch 'plan-2026' đã tạo và đang dùng: thêm 5"),
        "{stdout}"
    );
    assert_eq!(stdout.lines().count(), 1, "counts only: {stdout}");
    let rows = json(&d.path, &["list", "--format", "json"]);
    let rows = rows.as_array().expect("array");
    assert_eq!(rows.len(), 5);
    assert_eq!(
        rows[2]["lead"],
        serde_json::json!(["Cục HTQTCT", "Trung tâm LLTPQG"])
    );
    assert_eq!(rows[4]["id"], "P.1");
    assert_eq!(
        rows[4]["support"],
        serde_json::json!(["Cục KHTC", "Cục CNTT"])
    );
    ok(&d.path, &["set", "I.1", "--status", "in-progress"]);
    // The same file under the same name again: nothing changes, the status stays.
    let again = ok(
        &d.path,
        &[
            "--plan",
            "plan-2026",
            "import",
            &fixture("valid/plan-2026.csv"),
        ],
    );
    assert!(
        again.contains("thêm 0, sửa 0, bỏ 0 (lưu trữ), giữ nguyên 5"),
        "{again}"
    );
    let rows = json(
        &d.path,
        &["list", "--format", "json", "--status", "in-progress"],
    );
    assert_eq!(rows.as_array().map(Vec::len), Some(1));
    let plans = ok(&d.path, &["plans"]);
    assert!(
        plans.contains("2025") && plans.contains("plan-2026"),
        "{plans}"
    );
    ok(&d.path, &["plans", "--activate", "2025"]);
    assert_eq!(
        json(&d.path, &["list", "--format", "json"])
            .as_array()
            .map(Vec::len),
        Some(59)
    );
}

#[test]
fn export_json_round_trips_through_import() {
    let a = db();
    ok(
        &a.path,
        &[
            "set",
            "III.3",
            "--status",
            "done",
            "--done-on",
            "2025-06-20",
            "--note",
            "Đã ký hợp đồng thuê",
        ],
    );
    ok(&a.path, &["set", "I.2", "--progress", "40"]);
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("export.json");
    ok(&a.path, &["export", "--out", file.to_str().expect("path")]);
    let b = db();
    let out = ok(&b.path, &["import", file.to_str().expect("path")]);
    assert!(
        out.contains("lấy lại tình trạng đã ghi của 2 nhiệm vụ"),
        "{out}"
    );
    let first = ok(&a.path, &["export"]);
    let second = ok(&b.path, &["export"]);
    assert_eq!(first, second);
    let csv = run(&a.path, &["export", "--format", "csv"]).stdout;
    assert_eq!(&csv[..3], b"\xEF\xBB\xBF", "Excel needs the BOM");
}

#[test]
fn control_characters_never_reach_the_terminal() {
    let d = db();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("evil.csv");
    std::fs::write(
        &file,
        "TT,Tên nhiệm vụ,Thời gian thực hiện,Đơn vị chủ trì,Đơn vị phối hợp,Nguồn kinh phí,Ghi chú\n\
         I,MỤC,,,,,\n1,Tiêu đề \u{1b}]0;pwned\u{7} \u{1b}[2J,Năm 2026,Cục CNTT,,,\n",
    )
    .expect("write");
    ok(&d.path, &["import", file.to_str().expect("path")]);
    ok(&d.path, &["set", "I.1", "--note", "ghi chú \u{1b}[31mđỏ"]);
    for args in [&["list"][..], &["show", "I.1"], &["history"], &["plans"]] {
        let out = ok(&d.path, args);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\u{7}'),
            "{args:?}: {out:?}"
        );
    }
}

#[test]
fn text_is_stored_as_nfc() {
    let d = db();
    ok(
        &d.path,
        &["set", "I.1", "--note", "ho\u{0323}\u{0302} ti\u{0323}ch"],
    );
    let rows = json(
        &d.path,
        &["list", "--format", "json", "--search", "hộ tịch"],
    );
    let i1 = rows
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["id"] == "I.1")
        .cloned()
        .expect("found by note");
    assert_eq!(i1["notes"][0], "hộ tịch");
}

#[test]
fn a_store_held_by_another_process_is_reported() {
    // Held by a process that is not a steerdeck server: the server a session starts cannot take
    // the store, so the session reports it (after retrying briefly).
    let d = db();
    let _held = steerdeck::store::SledStore::open(&d.path).expect("open in this process");
    let e = fails(&d.path, &["list"]);
    assert!(
        e.contains("đang được một tiến trình steerdeck khác sử dụng"),
        "{e}"
    );
}

#[test]
fn the_screen_refuses_without_a_terminal_and_touches_nothing() {
    let d = db();
    let e = fails(&d.path, &["--lang", "en"]);
    assert!(e.contains("needs a terminal"), "{e}");
    let e = fails(&d.path, &[]);
    assert!(e.contains("cần một cửa sổ dòng lệnh"), "{e}");
    let entries = std::fs::read_dir(&d.path).expect("dir").count();
    assert_eq!(entries, 0, "no store created");
}

#[test]
fn a_mistyped_store_path_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().expect("tempdir");
    let typo = dir.path().join("nonexistent").join("x");
    for (how, args) in [("--db", vec!["list"]), ("STEERDECK_DB", vec!["list"])] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_steerdeck"));
        if how == "--db" {
            cmd.arg("--db").arg(&typo);
        } else {
            cmd.env("STEERDECK_DB", &typo);
        }
        let out = cmd
            .args(&args)
            .env_remove("STEERDECK_LANG")
            .output()
            .expect("runs");
        assert!(!out.status.success(), "{how}");
        let e = String::from_utf8_lossy(&out.stderr);
        assert!(
            e.contains("không có kho dữ liệu tại") && e.contains(how) && e.contains("mkdir -p"),
            "{how}: {e}"
        );
        assert!(!dir.path().join("nonexistent").exists(), "{how}: created");
    }
    // A file, or a directory of other things, is not a store either.
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "x").expect("write");
    let e = fails(&file, &["--lang", "en", "list"]);
    assert!(e.contains("is a file, not a store directory"), "{e}");
    let other = dir.path().join("photos");
    std::fs::create_dir(&other).expect("mkdir");
    std::fs::write(other.join("a.jpg"), "x").expect("write");
    let e = fails(&other, &["list"]);
    assert!(e.contains("không phải kho dữ liệu steerdeck"), "{e}");
    assert_eq!(std::fs::read_dir(&other).expect("dir").count(), 1);
    // An existing empty directory becomes a store on purpose.
    let fresh = dir.path().join("fresh");
    std::fs::create_dir(&fresh).expect("mkdir");
    assert!(ok(&fresh, &["list"]).contains("I.1"));
}

#[test]
fn targets_show_the_previous_years_figures_the_vietnamese_way() {
    let d = db();
    let out = ok(&d.path, &["targets"]);
    let t2 = out.lines().find(|l| l.starts_with("T.2")).expect("T.2");
    assert!(t2.contains("85%") && t2.contains("78,28%"), "{t2}");
    let t3 = out.lines().find(|l| l.starts_with("T.3")).expect("T.3");
    assert!(t3.contains('—'), "no 2024 figure: {t3}");
    let en = ok(&d.path, &["--lang", "en", "targets"]);
    assert!(en.contains("78.28%") && en.contains("Last year"), "{en}");
}

#[test]
fn notes_are_corrected_and_withdrawn_from_the_command_line_and_done_days_are_not_in_the_future() {
    let d = db();
    ok(&d.path, &["set", "I.2", "--note", "Giao nhầm đơn vị"]);
    ok(
        &d.path,
        &[
            "set",
            "I.2",
            "--withdraw-note",
            "1",
            "--note",
            "Giao Cục CNTT",
        ],
    );
    let show = ok(&d.path, &["show", "I.2"]);
    assert!(show.contains("1. [") && show.contains("(đã sửa"), "{show}");
    assert!(
        show.contains("2. [") && show.contains("Giao Cục CNTT"),
        "{show}"
    );
    let rows = json(&d.path, &["list", "--format", "json", "--search", "I.2"]);
    assert_eq!(rows[0]["notes"], serde_json::json!(["Giao Cục CNTT"]));
    let e = fails(&d.path, &["set", "I.2", "--withdraw-note", "1"]);
    assert!(e.contains("đã được") && e.contains("rút trước đó"), "{e}");
    let e = fails(&d.path, &["set", "I.2", "--withdraw-note", "9"]);
    assert!(e.contains("không có ghi chú số 9"), "{e}");
    let e = fails(
        &d.path,
        &[
            "set",
            "III.3",
            "--status",
            "done",
            "--done-on",
            "16/07/2025",
        ],
    );
    assert!(e.contains("sau ngày xem xét 15/07/2025"), "{e}");
    let history = ok(&d.path, &["history", "III.3"]);
    assert!(
        !history.contains("completed_on"),
        "nothing saved: {history}"
    );
}

#[test]
fn pillars_are_named_by_key_numeral_or_name_with_accents_optional() {
    let d = db();
    let ids = |args: &[&str]| -> Vec<String> {
        let rows = json(&d.path, &[&["list", "--format", "json"][..], args].concat());
        rows.as_array()
            .expect("array")
            .iter()
            .map(|r| r["id"].as_str().expect("id").to_string())
            .collect()
    };
    let by_key = ids(&["--pillar", "data"]);
    assert!(!by_key.is_empty() && by_key.iter().all(|id| id.starts_with("IV.")));
    for spelling in [
        "IV",
        "iv",
        "Phát triển dữ liệu số",
        "phat trien du lieu so",
        "du lieu so",
    ] {
        assert_eq!(ids(&["--pillar", spelling]), by_key, "{spelling}");
    }
    let e = fails(&d.path, &["list", "--pillar", "so"]);
    assert!(
        e.contains("không có nhóm nhiệm vụ 'so'") && e.contains("data (IV)"),
        "{e}"
    );
}

#[test]
fn a_csv_export_opens_in_excel_and_imports_back() {
    let a = db();
    ok(
        &a.path,
        &[
            "set",
            "III.3",
            "--status",
            "done",
            "--done-on",
            "20/06/2025",
        ],
    );
    ok(&a.path, &["set", "I.2", "--progress", "40"]);
    let dir = tempfile::tempdir().expect("tempdir");
    for (lang, semicolon) in [("vi", false), ("en", true)] {
        let file = dir.path().join(format!("plan-{lang}.csv"));
        let mut args = vec!["--lang", lang, "export", "--format", "csv"];
        if semicolon {
            args.push("--semicolon");
        }
        args.extend(["--out", file.to_str().expect("path")]);
        ok(&a.path, &args);
        let bytes = std::fs::read(&file).expect("written");
        assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "Excel needs the BOM");
        let text = String::from_utf8(bytes[3..].to_vec()).expect("utf-8");
        let first = text.lines().next().expect("header");
        let sep = if semicolon { ';' } else { ',' };
        let (done, header) = if lang == "vi" {
            ("Hoàn thành", "TT,Tên nhiệm vụ,Thời gian thực hiện")
        } else {
            ("Done", "TT;Task;Timeframe")
        };
        assert!(first.starts_with(header), "{first}");
        assert!(first.contains(&format!("{sep}")), "{first}");
        let row = text
            .lines()
            .find(|l| l.contains("Thuê Phần mềm Quản lý cán bộ"))
            .expect("III.3");
        assert!(row.contains(done) && row.contains("20/06/2025"), "{row}");
        assert!(!row.contains("done-on-time"), "words, not codes: {row}");
        // Read back into an empty store: the same tasks, and the recorded states.
        let b = db();
        ok(
            &b.path,
            &["--plan", "2025", "import", file.to_str().expect("path")],
        );
        let back = json(&b.path, &["list", "--format", "json"]);
        let orig = json(&a.path, &["list", "--format", "json"]);
        let key = |v: &serde_json::Value| {
            v.as_array()
                .expect("rows")
                .iter()
                .map(|r| {
                    (
                        r["id"].clone(),
                        r["title"].clone(),
                        r["timeframe"].clone(),
                        r["lead"].clone(),
                        r["status"].clone(),
                        r["progress"].clone(),
                        r["completed_on"].clone(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(key(&back), key(&orig), "{lang}");
    }
}

#[test]
fn a_lead_unit_that_does_not_exist_fails_naming_the_closest() {
    let d = db();
    let err = fails(&d.path, &["list", "--lead", "cuc ho tihc"]);
    assert!(
        err.contains("cuc ho tihc") && err.contains("Cục HTQTCT"),
        "{err}"
    );
    let found = ok(&d.path, &["list", "--lead", "ho tich", "--format", "json"]);
    assert!(found.contains("IV.5"), "{found}");
}

#[test]
fn the_first_run_without_a_store_path_makes_the_default_store() {
    use std::os::unix::fs::PermissionsExt;
    // As on a fresh machine: no --db, no STEERDECK_DB, a home with nothing in it.
    let home = tempfile::tempdir().expect("home");
    let out = Command::new(env!("CARGO_BIN_EXE_steerdeck"))
        .args(["--as-of", "2025-07-15", "list", "--overdue"])
        .env("HOME", home.path())
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("STEERDECK_DB")
        .env_remove("STEERDECK_LANG")
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("III.3"));
    let store = home.path().join(".local/share/steerdeck/store");
    let mode = std::fs::metadata(&store).expect("made").permissions();
    assert_eq!(mode.mode() & 0o777, 0o700, "private");
}
