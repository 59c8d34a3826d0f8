//! The command line's own words (help, refusals) in the interface language, through the binary.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("a temporary home");
    Command::new(env!("CARGO_BIN_EXE_steerdeck"))
        .args(args)
        // No settings file and no environment says the language.
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env_remove("STEERDECK_LANG")
        .env_remove("STEERDECK_DB")
        .output()
        .expect("runs")
}

/// Standard error of a refused command line: exit code 2, no panic.
fn refused(args: &[&str]) -> String {
    let out = run(args);
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty(), "{args:?}");
    err
}

fn en<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec!["--lang", "en"];
    v.extend_from_slice(args);
    v
}

#[test]
fn a_bad_date_names_the_flag_and_the_value() {
    let e = refused(&["list", "--due-by", "31/02/2025"]);
    assert_eq!(
        e,
        "steerdeck: lỗi: giá trị '31/02/2025' không hợp lệ cho --due-by: '31/02/2025' không phải \
         là một ngày; hãy viết dd/mm/yyyy hoặc YYYY-MM-DD (ví dụ 30/06/2025)\n\
         Xem: steerdeck --help\n"
    );
    let e = refused(&en(&["list", "--due-by", "31/02/2025"]));
    assert!(
        e.starts_with(
            "steerdeck: error: invalid value '31/02/2025' for '--due-by <DATE>': '31/02/2025' \
             is not a date; write it as dd/mm/yyyy or YYYY-MM-DD"
        ),
        "{e}"
    );
    assert!(e.ends_with("try 'steerdeck --help'.\n"), "{e}");
    let e = refused(&["--lang=en", "list", "--as-of", "2025-13-01"]);
    assert!(e.contains("'2025-13-01' is not a date"), "{e}");
    let e = refused(&["--zone", "ICT", "list"]);
    assert!(
        e.contains("cho --zone: 'ICT' không phải là một độ lệch múi giờ"),
        "{e}"
    );
}

#[test]
fn an_unknown_flag_with_a_suggestion() {
    let e = refused(&["list", "--overdu"]);
    assert!(
        e.starts_with(
            "steerdeck: lỗi: tùy chọn '--overdu' không được chấp nhận ở đây; có phải ý bạn là \
             '--overdue'?\n"
        ),
        "{e}"
    );
    let e = refused(&["list", "--overdu", "--lang", "en"]);
    assert!(
        e.starts_with(
            "steerdeck: error: unexpected argument '--overdu' found; a similar argument exists: \
             '--overdue'\n"
        ),
        "{e}"
    );
}

#[test]
fn an_unknown_subcommand_with_a_suggestion() {
    let e = refused(&["lst"]);
    assert!(
        e.starts_with("steerdeck: lỗi: không có lệnh 'lst'; có phải ý bạn là 'list'?\n"),
        "{e}"
    );
    let e = refused(&en(&["lst"]));
    assert!(
        e.starts_with(
            "steerdeck: error: unrecognized subcommand 'lst'; a similar subcommand exists: 'list'\n"
        ),
        "{e}"
    );
}

#[test]
fn a_bad_status_and_a_bad_choice() {
    let e = refused(&["list", "--status", "finished"]);
    assert!(
        e.starts_with(
            "steerdeck: lỗi: giá trị 'finished' không hợp lệ cho --status: không có trạng thái \
             'finished' (hãy chọn một trong: not-started, in-progress, blocked, done, cancelled)\n"
        ),
        "{e}"
    );
    let e = refused(&en(&["set", "IV.5", "--status", "finished"]));
    assert!(
        e.starts_with(
            "steerdeck: error: invalid value 'finished' for '--status <STATUS>': unknown status \
             'finished'"
        ),
        "{e}"
    );
    let e = refused(&["list", "--format", "xml"]);
    assert!(
        e.contains("giá trị 'xml' không hợp lệ cho --format; các giá trị được chấp nhận: table"),
        "{e}"
    );
    let e = refused(&en(&["set", "IV.5", "--progress", "120"]));
    assert!(
        e.contains("invalid value '120' for '--progress <PROGRESS>': 120 is not in 0..=100"),
        "{e}"
    );
    let e = refused(&["set", "IV.5", "--progress", "120"]);
    assert!(e.contains("'120' không phải là một số từ 0 đến 100"), "{e}");
}

#[test]
fn the_environment_chooses_when_the_flag_does_not() {
    let home = tempfile::tempdir().expect("a temporary home");
    let out = Command::new(env!("CARGO_BIN_EXE_steerdeck"))
        .args(["lst"])
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("STEERDECK_LANG", "en")
        .output()
        .expect("runs");
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.starts_with("steerdeck: error: unrecognized subcommand"),
        "{e}"
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_missing_argument_is_one_sentence() {
    let e = refused(&["show"]);
    assert!(
        e.starts_with("steerdeck: lỗi: thiếu đối số bắt buộc: <ID>\n"),
        "{e}"
    );
    let e = refused(&en(&["show"]));
    assert!(
        e.starts_with(
            "steerdeck: error: the following required arguments were not provided: <ID>\n"
        ),
        "{e}"
    );
}

/// Standard output of a successful command line.
fn printed(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn help_is_in_vietnamese_by_default() {
    let h = printed(&["--help"]);
    for want in [
        "Cách dùng: steerdeck [TÙY CHỌN] [LỆNH]",
        "Lệnh:",
        "Tùy chọn:",
        "Liệt kê các nhiệm vụ, có lọc",
        "Ngôn ngữ giao diện",
        "In trợ giúp",
        "In số phiên bản",
    ] {
        assert!(h.contains(want), "'{want}' not in:\n{h}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Commands:",
        "Print help",
        "Print version",
        "[default:",
    ] {
        assert!(!h.contains(english), "'{english}' in:\n{h}");
    }
    let h = printed(&["list", "--help"]);
    assert!(h.starts_with("Liệt kê các nhiệm vụ, có lọc\n"), "{h}");
    assert!(h.contains("Cách dùng: steerdeck list [TÙY CHỌN]"), "{h}");
    assert!(
        h.contains("Chỉ các nhiệm vụ chưa xong mà đã quá hạn"),
        "{h}"
    );
    assert!(
        !h.contains("Usage:") && !h.contains("possible values"),
        "{h}"
    );
    let h = printed(&["show", "-h"]);
    assert!(h.contains("Đối số:") && h.contains("<ID>"), "{h}");
    let h = printed(&["help", "set"]);
    assert!(h.contains("Tiến độ mới, từ 0 đến 100"), "{h}");
}

#[test]
fn help_is_in_english_with_lang_en() {
    let h = printed(&["--lang", "en", "--help"]);
    assert!(h.contains("Usage: steerdeck [OPTIONS] [COMMAND]"), "{h}");
    assert!(h.contains("Commands:") && h.contains("Options:"), "{h}");
    assert!(h.contains("List tasks, filtered"), "{h}");
    assert!(!h.contains("Cách dùng"), "{h}");
    let h = printed(&["list", "--help", "--lang=en"]);
    assert!(h.starts_with("List tasks, filtered\n"), "{h}");
    assert!(h.contains("Only tasks open past their deadline"), "{h}");
    assert!(!h.contains("Tùy chọn"), "{h}");
}

#[test]
fn the_settings_file_chooses_when_nothing_else_does() {
    let home = tempfile::tempdir().expect("a temporary home");
    let dir = home.path().join("steerdeck");
    std::fs::create_dir_all(&dir).expect("settings directory");
    std::fs::write(dir.join("config.toml"), "lang = \"en\"\n").expect("settings file");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_steerdeck"))
            .args(args)
            .env("HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path())
            .env_remove("STEERDECK_LANG")
            .output()
            .expect("runs")
    };
    let out = run(&["--help"]);
    let h = String::from_utf8_lossy(&out.stdout);
    assert!(h.contains("Usage: steerdeck"), "{h}");
    let out = run(&["list", "--format"]);
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.starts_with("steerdeck: error: a value is required for '--format <FORMAT>'"),
        "{e}"
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--lang", "vi", "list", "--format"]);
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(
        e.starts_with("steerdeck: lỗi: thiếu giá trị cho --format\n"),
        "{e}"
    );
}
