//! The history in words: one event as a sentence, in the interface language — "IV.5 Trạng thái:
//! Chưa thực hiện → Hoàn thành (lan, 14:02 28/11/2026)" — with values as people read them.

use super::{Lang, edits};
use crate::domain::Event;
use crate::domain::time::Zone;

/// One event as a sentence.
pub fn describe(lang: Lang, zone: Zone, e: &Event) -> String {
    let when = zone.time_and_date(e.at);
    let what = e.task.as_deref().unwrap_or("");
    let field = edits::field_name(lang, &e.field);
    let value = |v: &str| edits::value_text(lang, &e.field, v);
    let change = match (e.from.as_deref(), e.to.as_deref()) {
        (Some(f), Some(t)) => format!("{} → {}", value(f), value(t)),
        (None, Some(t)) => value(t),
        (Some(f), None) => value(f),
        (None, None) => String::new(),
    };
    let reason = match e.note.as_deref() {
        Some("undo") => format!(" — {}", undo_word(lang, true)),
        Some("redo") => format!(" — {}", undo_word(lang, false)),
        Some(n) => format!(" — {}", reason(lang, n)),
        None => String::new(),
    };
    format!("{what} {field}: {change}{reason} ({}, {when})", e.who)
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
        };
        assert_eq!(
            describe(Lang::Vi, Zone::default(), &e),
            "IV.5 Trạng thái: Chưa thực hiện → Hoàn thành — hoàn tác (lan, 14:02 15/07/2025)"
        );
        assert_eq!(
            describe(Lang::En, Zone::default(), &e),
            "IV.5 Status: Not started → Done — undo (lan, 14:02 15/07/2025)"
        );
    }
}
