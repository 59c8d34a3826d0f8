//! Edits in words, in the interface language: field names, values as people read them, and the
//! sentences the screen says after an edit, an undo or a refused change.

use chrono::{DateTime, Utc};

use super::{Lang, format as vf};
use crate::domain::Status;
use crate::domain::time::Zone;

/// A recorded field as people name it.
pub fn field_name(lang: Lang, field: &str) -> String {
    let (vi, en) = match field {
        "status" => ("Trạng thái", "Status"),
        "progress" => ("Tiến độ", "Progress"),
        "completed_on" => ("Ngày hoàn thành", "Done on"),
        "note" => ("Ghi chú", "Note"),
        "note_withdrawn" => ("Rút ghi chú", "Note withdrawn"),
        "note_corrected" => ("Sửa ghi chú", "Note corrected"),
        "import" => ("Nhập kế hoạch", "Plan imported"),
        "archived" => ("Lưu trữ", "Archived"),
        "active_plan" => ("Kế hoạch đang dùng", "Active plan"),
        "title" => ("Tên nhiệm vụ", "Title"),
        "timeframe" => ("Thời gian thực hiện", "Timeframe"),
        "pillar" => ("Nhóm nhiệm vụ", "Pillar"),
        "lead" => ("Đơn vị chủ trì", "Lead"),
        "support" => ("Đơn vị phối hợp", "Supporting"),
        "funding" => ("Nguồn kinh phí", "Funding"),
        "remark" => ("Ghi chú của kế hoạch", "Remark"),
        "target" => ("Số liệu chỉ tiêu", "Target value"),
        "target_withdrawn" => ("Rút số liệu chỉ tiêu", "Target value withdrawn"),
        "meeting" => ("Cuộc họp mới", "Meeting made"),
        "meeting_state" => ("Trạng thái cuộc họp", "Meeting state"),
        "meeting_title" => ("Tiêu đề cuộc họp", "Meeting title"),
        "meeting_date" => ("Ngày họp", "Meeting date"),
        "meeting_chair" => ("Chủ trì cuộc họp", "Chair"),
        "meeting_attendees" => ("Thành phần dự họp", "Attendees"),
        "agenda" => ("Chương trình họp", "Agenda"),
        "conclusion" => ("Kết luận", "Conclusion"),
        "assigned" => ("Giao nhiệm vụ", "Task assigned"),
        other => (other, other),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
    .to_string()
}

/// A recorded value as people read it: a status in words, a progress with "%", a date as
/// dd/mm/yyyy, "—" for nothing.
pub fn value_text(lang: Lang, field: &str, raw: &str) -> String {
    if raw.is_empty() {
        return "—".into();
    }
    match field {
        "status" => raw
            .parse::<Status>()
            .map_or_else(|_| raw.to_string(), |s| lang.status(s).to_string()),
        "progress" => format!("{raw}%"),
        "archived" => match lang {
            Lang::Vi => "có".into(),
            Lang::En => "yes".into(),
        },
        "completed_on" | "meeting_date" => {
            crate::domain::day::parse_day(raw).map_or_else(|| raw.to_string(), vf::date)
        }
        _ => raw.to_string(),
    }
}

/// "Trạng thái: Chưa thực hiện → Hoàn thành".
pub fn change(lang: Lang, field: &str, from: &str, to: &str) -> String {
    format!(
        "{}: {} → {}",
        field_name(lang, field),
        value_text(lang, field, from),
        value_text(lang, field, to)
    )
}

/// The sentence for an edit refused because someone changed the same field since the editor
/// looked: who changed it, to what, when, and what the editor saw.
pub fn conflict(
    lang: Lang,
    zone: Zone,
    task: &str,
    field: &str,
    by: Option<(&str, DateTime<Utc>)>,
    actual: &str,
    seen: &str,
) -> String {
    let name = field_name(lang, field);
    let now = value_text(lang, field, actual);
    let saw = value_text(lang, field, seen);
    match (lang, by) {
        (Lang::Vi, Some((who, at))) => format!(
            "CHƯA LƯU: {name} của {task} vừa được {who} đổi thành {now} lúc {} (bạn đã thấy {saw}). Hãy chọn lại.",
            zone.time_and_date(at)
        ),
        (Lang::Vi, None) => format!(
            "CHƯA LƯU: {name} của {task} đã đổi thành {now} (bạn đã thấy {saw}). Hãy chọn lại."
        ),
        (Lang::En, Some((who, at))) => format!(
            "NOT SAVED: {who} changed the {} of {task} to {now} at {} (you saw {saw}). Choose again.",
            name.to_lowercase(),
            zone.time_and_date(at)
        ),
        (Lang::En, None) => format!(
            "NOT SAVED: the {} of {task} is now {now} (you saw {saw}). Choose again.",
            name.to_lowercase()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_words() {
        assert_eq!(
            change(Lang::Vi, "status", "not-started", "done"),
            "Trạng thái: Chưa thực hiện → Hoàn thành"
        );
        assert_eq!(
            change(Lang::En, "progress", "40", "60"),
            "Progress: 40% → 60%"
        );
        assert_eq!(
            change(Lang::Vi, "completed_on", "", "2025-06-20"),
            "Ngày hoàn thành: — → 20/06/2025"
        );
    }
}
