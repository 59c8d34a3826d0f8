//! One hostile fixture (tests/fixtures/hostile/plan.toml, plus a hostile note) through every
//! output: table, `show`, `history`, JSON (list, history, export) and CSV (list, export). No
//! output carries a control, bidi, zero-width or separator character raw; no CSV cell is a
//! formula; JSON says exactly what was stored. Import refuses hostile ids and plan names.
#![cfg(target_os = "linux")]
#![allow(clippy::panic)]

mod support;

use steerdeck::export::sanitize::is_hidden_or_control;
use support::{cli, cli_ok, store};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/hostile/plan.toml"
);
const NOTE: &str = "ghi chú \u{1b}]52;c;cGF3bmVk\u{7} \u{9b}2J \u{202e}\u{2028}=1+1";

/// The first raw character that must not be in an output (CRLF line ends and the BOM that
/// opens a CSV for Excel aside).
fn raw_control(text: &str) -> Option<(usize, char)> {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().find_map(|(i, &c)| {
        let line_end = c == '\n' || (c == '\r' && chars.get(i + 1) == Some(&'\n'));
        let bom = i == 0 && c == '\u{feff}';
        (!line_end && !bom && is_hidden_or_control(c)).then_some((i, c))
    })
}

fn imported() -> support::Store {
    let s = store();
    let said = cli_ok(&s.db, &["import", FIXTURE]);
    assert!(!said.is_empty());
    cli_ok(
        &s.db,
        &[
            "--plan",
            "hostile",
            "set",
            "I.1",
            "--progress",
            "10",
            "--note",
            NOTE,
        ],
    );
    s
}

#[test]
fn no_output_carries_a_control_character_raw() {
    let s = imported();
    let outputs: &[&[&str]] = &[
        &["--plan", "hostile", "list"],
        &["--plan", "hostile", "list", "--format", "json"],
        &["--plan", "hostile", "list", "--format", "csv"],
        &["--plan", "hostile", "export", "--format", "csv"],
        &["--plan", "hostile", "export"],
        &["--plan", "hostile", "show", "I.1"],
        &["--plan", "hostile", "show", "I.2"],
        &["--plan", "hostile", "history"],
        &["--plan", "hostile", "history", "--format", "json"],
        &["--plan", "hostile", "history", "I.1"],
        &["--plan", "hostile", "summary"],
        &["--plan", "hostile", "summary", "--format", "json"],
        &["plans"],
    ];
    for args in outputs {
        let out = cli(&s.db, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("utf-8");
        if let Some((at, c)) = raw_control(&text) {
            panic!(
                "{args:?}: raw U+{:04X} at char {at} in:\n{text}",
                u32::from(c)
            );
        }
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(raw_control(&err).is_none(), "{args:?} stderr: {err:?}");
    }
}

#[test]
fn csv_cells_are_never_formulas() {
    let s = imported();
    for args in [
        &["--plan", "hostile", "list", "--format", "csv"][..],
        &["--plan", "hostile", "export", "--format", "csv"][..],
    ] {
        let text = cli_ok(&s.db, args);
        let body = text.strip_prefix('\u{feff}').expect("a BOM for Excel");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(body.as_bytes());
        let mut cells = 0;
        for record in reader.records() {
            for cell in &record.expect("a CSV record") {
                cells += 1;
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{args:?}: a formula cell {cell:?}"
                );
            }
        }
        assert!(cells > 20, "{args:?}: {cells} cells");
        assert!(
            body.contains("'=cmd|"),
            "{args:?}: the formula is kept as text"
        );
        assert!(body.contains("'@SUM(1+1)"), "{args:?}");
    }
}

#[test]
fn json_says_exactly_what_was_stored() {
    let s = imported();
    let rows: serde_json::Value = serde_json::from_str(&cli_ok(
        &s.db,
        &["--plan", "hostile", "list", "--format", "json"],
    ))
    .expect("json");
    let i1 = rows
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["id"] == "I.1")
        .expect("I.1");
    let title = i1["title"].as_str().expect("title");
    assert!(
        title
            .contains("\u{1b}]0;owned\u{7} \u{7f}\u{9b}31m \u{202e}gnp.exe \u{200b}ẩn\u{2028}dòng"),
        "{title:?}"
    );
    assert_eq!(i1["notes"][0], NOTE);
    assert_eq!(i1["lead"][0], "@SUM(1+1)\u{1b}[2J");
    // The export reads back through import to the same plan.
    let export = cli_ok(&s.db, &["--plan", "hostile", "export"]);
    let doc: serde_json::Value = serde_json::from_str(&export).expect("json");
    assert!(doc.to_string().contains("gnp.exe"));
}

#[test]
fn import_refuses_hostile_ids_and_plan_names() {
    let s = store();
    let text = std::fs::read_to_string(FIXTURE).expect("fixture");
    let dir = s.db.parent().expect("parent");
    let cases = [
        (
            text.replace("name = \"hostile\"", "name = \"\\u001b[31mevil/../../x\""),
            "the plan name '\\u{1b}[31mevil/../../x' is not allowed",
            "tên kế hoạch '\\u{1b}[31mevil/../../x' không hợp lệ: chỉ dùng chữ cái, chữ số",
        ),
        (
            text.replace("id = \"I.2\"", "id = \"I.\\u001b[2J2\""),
            "the task id 'I.\\u{1b}[2J2' is not allowed",
            "mã nhiệm vụ 'I.\\u{1b}[2J2' không hợp lệ: mã không được có ký tự điều khiển",
        ),
        (
            text.replace("id = \"I.2\"", "id = \"I.2\\nI.3\""),
            "the task id 'I.2 I.3' is not allowed",
            "mã nhiệm vụ 'I.2 I.3' không hợp lệ",
        ),
    ];
    for (i, (plan, english, vietnamese)) in cases.iter().enumerate() {
        let file = dir.join(format!("bad{i}.toml"));
        std::fs::write(&file, plan).expect("write");
        let file = file.to_str().expect("utf-8");
        for (args, expected) in [
            (vec!["--lang", "en", "import", file], english),
            (vec!["import", file], vietnamese),
        ] {
            let out = cli(&s.db, &args);
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "case {i} was imported");
            assert!(err.contains(expected), "case {i}: {err}");
            assert!(raw_control(&err).is_none(), "{err:?}");
        }
    }
    let plans = cli_ok(&s.db, &["plans"]);
    assert!(!plans.contains("evil"), "{plans}");
}
