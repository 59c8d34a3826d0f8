//! The history in words: one event as a sentence, in the interface language — "IV.5 Trạng thái:
//! Chưa thực hiện → Hoàn thành (lan, 14:02 28/11/2026)" — with values as people read them.

use super::{Lang, edits, format as vf};
use crate::domain::time::Zone;
use crate::domain::{Change, Event};

/// What an event changed, in words: "Trạng thái: Chưa thực hiện → Hoàn thành", "Tiến độ: 40% →
/// 60%", "Nhập kế hoạch: 59 nhiệm vụ: thêm 59, sửa 0, bỏ 0". Rendered from the typed change.
pub fn change(lang: Lang, c: &Change) -> String {
    let name = |field: &str| edits::field_name(lang, field);
    let none = "—".to_string();
    let status = |s: &Option<crate::domain::Status>| {
        s.map_or_else(|| none.clone(), |s| lang.status(s).to_string())
    };
    let percent = |p: &Option<u8>| p.map_or_else(|| none.clone(), |p| format!("{p}%"));
    let day = |d: &Option<chrono::NaiveDate>| d.map_or_else(|| none.clone(), vf::date);
    match c {
        Change::Status { from, to } => {
            format!("{}: {} → {}", name("status"), status(from), status(to))
        }
        Change::Progress { from, to } => {
            format!("{}: {} → {}", name("progress"), percent(from), percent(to))
        }
        Change::CompletedOn { from, to } => {
            format!("{}: {} → {}", name("completed_on"), day(from), day(to))
        }
        Change::Note { text } => format!("{}: {text}", name("note")),
        Change::NoteWithdrawn { text } => format!("{}: {text}", name("note_withdrawn")),
        Change::NoteCorrected { from, to } => {
            format!("{}: {from} → {to}", name("note_corrected"))
        }
        Change::Import {
            tasks,
            added,
            changed,
            removed,
        } => {
            let n = |x: usize| vf::count(lang, x);
            let counts = match lang {
                Lang::Vi => format!(
                    "{} nhiệm vụ: thêm {}, sửa {}, bỏ {}",
                    n(*tasks),
                    n(*added),
                    n(*changed),
                    n(*removed)
                ),
                Lang::En => format!(
                    "{} tasks: {} added, {} changed, {} removed",
                    n(*tasks),
                    n(*added),
                    n(*changed),
                    n(*removed)
                ),
            };
            format!("{}: {counts}", name("import"))
        }
        Change::Target { from, to } => {
            format!(
                "{}: {} → {}",
                name("target"),
                measured(lang, from.as_ref()),
                measured(lang, to.as_ref())
            )
        }
        Change::TargetWithdrawn { reading } => {
            format!(
                "{}: {}",
                name("target_withdrawn"),
                measured(lang, reading.as_ref())
            )
        }
        Change::Meeting { title } => format!("{}: {title}", name("meeting")),
        Change::MeetingState { from, to } => {
            let st = |s: &Option<crate::domain::MeetingState>| {
                s.map_or_else(
                    || none.clone(),
                    |s| super::meeting::state(lang, s).to_string(),
                )
            };
            format!("{}: {} → {}", name("meeting_state"), st(from), st(to))
        }
        Change::Agenda { from, to } => {
            let list = |ids: &[String]| {
                if ids.is_empty() {
                    none.clone()
                } else {
                    ids.join(", ")
                }
            };
            format!("{}: {} → {}", name("agenda"), list(from), list(to))
        }
        Change::Conclusion { from, to } => {
            let t = |s: &String| {
                if s.is_empty() {
                    none.clone()
                } else {
                    s.clone()
                }
            };
            if from.is_empty() {
                format!("{}: {}", name("conclusion"), t(to))
            } else {
                format!("{}: {} → {}", name("conclusion"), t(from), t(to))
            }
        }
        Change::Assigned { title } => format!("{}: {title}", name("assigned")),
        Change::Field { field, from, to } => {
            let value = |v: &str| edits::value_text(lang, field, v);
            let values = match (from.as_deref(), to.as_deref()) {
                (Some(f), Some(t)) => format!("{} → {}", value(f), value(t)),
                (None, Some(t)) => value(t),
                (Some(f), None) => value(f),
                (None, None) => String::new(),
            };
            format!("{}: {values}", name(field))
        }
    }
}

/// A target's value as people read it: "81,5% (30/06/2025)".
fn measured(lang: Lang, m: Option<&crate::domain::history::Measured>) -> String {
    m.map_or_else(
        || "—".to_string(),
        |m| {
            let value = m
                .value
                .parse::<f64>()
                .map_or_else(|_| m.value.clone(), |v| vf::percent_exact(lang, v));
            format!("{value} ({})", vf::date(m.as_of))
        },
    )
}

/// What an event changed as three cells of a table: the field, the value before, the value after
/// (values in words; "—" for nothing).
pub fn parts(lang: Lang, e: &Event) -> [String; 3] {
    let text = change(lang, &e.change());
    let field = edits::field_name(lang, &e.field);
    let rest = text
        .strip_prefix(&format!("{field}: "))
        .unwrap_or(&text)
        .to_string();
    match rest.split_once(" → ") {
        Some((from, to)) if !matches!(e.field.as_str(), "import") => {
            [field, from.to_string(), to.to_string()]
        }
        _ => [field, String::new(), rest],
    }
}

/// The reason recorded with an event, in words ("hoàn tác", "sửa khi nhập phiên bản mới").
pub fn reason_text(lang: Lang, note: &str) -> String {
    match note {
        "undo" => undo_word(lang, true).to_string(),
        "redo" => undo_word(lang, false).to_string(),
        n => reason(lang, n),
    }
}

/// One event as a sentence.
pub fn describe(lang: Lang, zone: Zone, e: &Event) -> String {
    let when = zone.time_and_date(e.at);
    let what = e.task.as_deref().unwrap_or("");
    let change = change(lang, &e.change());
    let reason = match e.note.as_deref() {
        Some("undo") => format!(" — {}", undo_word(lang, true)),
        Some("redo") => format!(" — {}", undo_word(lang, false)),
        Some(n) => format!(" — {}", reason(lang, n)),
        None => String::new(),
    };
    format!("{what} {change}{reason} ({}, {when})", e.who)
        .trim_start()
        .to_string()
}

/// A reason recorded with an event: the store's own codes in words, anything else as written.
fn reason(lang: Lang, note: &str) -> String {
    use crate::store::reason as r;
    let vi = lang == Lang::Vi;
    match note {
        r::IMPORT_REMOVED | "removed from the plan by an import" => if vi {
            "bỏ khỏi kế hoạch khi nhập phiên bản mới"
        } else {
            "removed from the plan by an import"
        }
        .into(),
        r::IMPORT_CHANGED | "changed by an import" => if vi {
            "sửa khi nhập phiên bản mới"
        } else {
            "changed by an import"
        }
        .into(),
        r::IMPORT_RESTORED | "restored from the imported file" => if vi {
            "lấy lại từ tệp được nhập"
        } else {
            "restored from the imported file"
        }
        .into(),
        n => match n.strip_prefix(r::IMPORT_RESTORED_NOTE) {
            Some(who) if vi => format!("lấy lại từ tệp được nhập (người viết: {who})"),
            Some(who) => format!("restored from the imported file (written by {who})"),
            None => n.to_string(),
        },
    }
}

fn undo_word(lang: Lang, undo: bool) -> &'static str {
    match (lang, undo) {
        (Lang::Vi, true) => "hoàn tác",
        (Lang::Vi, false) => "làm lại",
        (Lang::En, true) => "undo",
        (Lang::En, false) => "redo",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn events_read_as_sentences_in_either_language() {
        let e = Event {
            seq: 3,
            at: Utc
                .with_ymd_and_hms(2025, 7, 15, 7, 2, 0)
                .single()
                .expect("time"),
            who: "lan".into(),
            plan: "2025".into(),
            task: Some("IV.5".into()),
            field: "status".into(),
            from: Some("not-started".into()),
            to: Some("done".into()),
            note: Some("undo".into()),
            meeting: None,
        };
        assert_eq!(
            describe(Lang::Vi, Zone::default(), &e),
            "IV.5 Trạng thái: Chưa thực hiện → Hoàn thành — hoàn tác (lan, 14:02 15/07/2025)"
        );
        assert_eq!(
            describe(Lang::En, Zone::default(), &e),
            "IV.5 Status: Not started → Done — undo (lan, 14:02 15/07/2025)"
        );
        let import = Event {
            task: None,
            meeting: None,
            field: "import".into(),
            from: None,
            to: Some("tasks=59 added=59 changed=0 removed=0".into()),
            note: None,
            ..e.clone()
        };
        assert_eq!(
            describe(Lang::Vi, Zone::default(), &import),
            "Nhập kế hoạch: 59 nhiệm vụ: thêm 59, sửa 0, bỏ 0 (lan, 14:02 15/07/2025)"
        );
        let target = Event {
            task: Some("T.2".into()),
            field: "target".into(),
            from: None,
            to: Some("81.5@2025-06-30".into()),
            note: None,
            ..e.clone()
        };
        assert_eq!(
            describe(Lang::Vi, Zone::default(), &target),
            "T.2 Số liệu chỉ tiêu: — → 81,5% (30/06/2025) (lan, 14:02 15/07/2025)"
        );
        assert_eq!(
            describe(Lang::En, Zone::default(), &target),
            "T.2 Target value: — → 81.5% (30/06/2025) (lan, 14:02 15/07/2025)"
        );
    }
}
