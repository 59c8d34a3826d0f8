//! The words of meetings and targets in either language: states, agenda reasons, standings, and
//! why a change to them was refused.

use super::Lang;
use crate::domain::meeting::{AgendaReason, MeetingState};
use crate::domain::target::Standing;
use crate::store::DeskProblem;

/// The labels of meetings, targets and changes on the command line and the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum W {
    DefaultTitle,
    Date,
    State,
    Items,
    Assigned,
    Title,
    Chair,
    Attendees,
    Agenda,
    Conclusion,
    OtherAssigned,
    KeptAtClose,
    NoMeetings,
    NoDeadlineRead,
    Latest,
    Standing,
    MeasuredOn,
    Source,
    NoChanges,
    SinceClose,
    NoClosedMeeting,
    Value,
    WithdrawnBy,
    RecordTitle,
    Target,
    NoTargets,
    BadMeasuredOn,
    ChooseTarget,
}

/// A label in the interface language.
pub fn word(lang: Lang, w: W) -> &'static str {
    let (vi, en) = match w {
        W::DefaultTitle => ("Họp Ban Chỉ đạo", "Steering committee meeting"),
        W::Date => ("Ngày họp", "Date"),
        W::State => ("Tình trạng", "State"),
        W::Items => ("Số nội dung", "Items"),
        W::Assigned => ("Nhiệm vụ giao", "Assigned"),
        W::Title => ("Tiêu đề", "Title"),
        W::Chair => ("Chủ trì", "Chair"),
        W::Attendees => ("Thành phần", "Attendees"),
        W::Agenda => ("Chương trình họp", "Agenda"),
        W::Conclusion => ("Kết luận", "Conclusion"),
        W::OtherAssigned => ("Nhiệm vụ giao khác", "Other tasks assigned"),
        W::KeptAtClose => (
            "Số liệu khi kết thúc cuộc họp, tính đến",
            "Counts kept at close, as of",
        ),
        W::NoMeetings => (
            "Chưa có cuộc họp nào (tạo bằng `steerdeck meeting new --chair …`).",
            "No meetings yet (make one with `steerdeck meeting new --chair …`).",
        ),
        W::NoDeadlineRead => (
            "không đọc được thời hạn từ nội dung này (vẫn được ghi như đã viết)",
            "no deadline could be read from this text (it is kept as written)",
        ),
        W::Latest => ("Số liệu mới nhất", "Latest"),
        W::Standing => ("Đánh giá", "Standing"),
        W::MeasuredOn => ("Tính đến", "Measured on"),
        W::Source => ("Nguồn", "Source"),
        W::NoChanges => ("Không có thay đổi nào.", "Nothing changed."),
        W::SinceClose => ("kể từ khi kết thúc cuộc họp", "since the close of meeting"),
        W::NoClosedMeeting => (
            "chưa có cuộc họp nào kết thúc trước ngày xem xét; hãy cho một ngày (--since dd/mm/yyyy)",
            "no meeting closed before the review date; give a date (--since dd/mm/yyyy)",
        ),
        W::Value => ("Giá trị", "Value"),
        W::WithdrawnBy => ("đã rút bởi", "withdrawn by"),
        W::RecordTitle => ("Ghi số liệu chỉ tiêu", "Record a target's value"),
        W::Target => ("Chỉ tiêu", "Target"),
        W::NoTargets => (
            "Kế hoạch này không có chỉ tiêu nào.",
            "This plan has no targets.",
        ),
        W::BadMeasuredOn => (
            "ngày tính số liệu viết dạng dd/mm/yyyy và không sau ngày xem xét",
            "the day measured is written dd/mm/yyyy and is not after the review date",
        ),
        W::ChooseTarget => ("↑/↓ chọn chỉ tiêu", "↑/↓ choose the target"),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// A target's recorded value as people read it: "81,5% (30/06/2025)"; "—" for none.
pub fn reading(lang: Lang, r: Option<&crate::domain::Reading>) -> String {
    r.map_or_else(
        || "—".into(),
        |r| {
            format!(
                "{} ({})",
                super::format::percent_exact(lang, r.value),
                super::format::date(r.as_of)
            )
        },
    )
}

/// A percentage as written in the plan ("78,28%"), or "—" where the plan gives none.
pub fn percent_or_dash(lang: Lang, value: Option<f64>) -> String {
    value.map_or_else(|| "—".into(), |v| super::format::percent_exact(lang, v))
}

/// A meeting's state.
pub fn state(lang: Lang, s: MeetingState) -> &'static str {
    match (lang, s) {
        (Lang::Vi, MeetingState::Planned) => "dự kiến",
        (Lang::Vi, MeetingState::Open) => "đang họp",
        (Lang::Vi, MeetingState::Closed) => "đã kết thúc",
        (Lang::En, MeetingState::Planned) => "planned",
        (Lang::En, MeetingState::Open) => "open",
        (Lang::En, MeetingState::Closed) => "closed",
    }
}

/// Why a task is on the agenda.
pub fn reason(lang: Lang, r: AgendaReason) -> &'static str {
    match (lang, r) {
        (Lang::Vi, AgendaReason::Overdue) => "quá hạn",
        (Lang::Vi, AgendaReason::Blocked) => "vướng mắc",
        (Lang::Vi, AgendaReason::DueThisQuarter) => "đến hạn trong quý",
        (Lang::Vi, AgendaReason::Changed) => "có thay đổi từ cuộc họp trước",
        (Lang::Vi, AgendaReason::OpenAction) => "nhiệm vụ giao tại cuộc họp trước, chưa xong",
        (Lang::En, AgendaReason::Overdue) => "overdue",
        (Lang::En, AgendaReason::Blocked) => "blocked",
        (Lang::En, AgendaReason::DueThisQuarter) => "due this quarter",
        (Lang::En, AgendaReason::Changed) => "changed since the last meeting",
        (Lang::En, AgendaReason::OpenAction) => "assigned at an earlier meeting, not done",
    }
}

/// Where a target stands.
pub fn standing(lang: Lang, s: Standing) -> &'static str {
    match (lang, s) {
        (Lang::Vi, Standing::Met) => "đạt",
        (Lang::Vi, Standing::OnTrack) => "đúng lộ trình",
        (Lang::Vi, Standing::Behind) => "chậm so với lộ trình",
        (Lang::Vi, Standing::NoData) => "chưa có số liệu",
        (Lang::En, Standing::Met) => "met",
        (Lang::En, Standing::OnTrack) => "on track",
        (Lang::En, Standing::Behind) => "behind",
        (Lang::En, Standing::NoData) => "no data yet",
    }
}

/// A target's value that is not a percentage, and how to write one.
pub fn bad_percent(lang: Lang, value: &str) -> String {
    let shown = crate::domain::text::printable(value, false);
    match lang {
        Lang::Vi => format!(
            "giá trị của chỉ tiêu là tỷ lệ phần trăm từ 0 đến 100, viết như 81,5 hoặc 81.5 — không phải '{shown}'; chưa lưu gì"
        ),
        Lang::En => format!(
            "a target's value is a percentage between 0 and 100, written like 81.5 or 81,5 — not '{shown}'; nothing was saved"
        ),
    }
}

fn what(lang: Lang, what: &str) -> String {
    match (lang, what) {
        (Lang::Vi, "title") => "tiêu đề".into(),
        (Lang::Vi, _) => "nội dung".into(),
        (Lang::En, w) => w.to_string(),
    }
}

/// Why a change to meetings or targets was refused.
pub fn problem(lang: Lang, p: &DeskProblem) -> String {
    if lang == Lang::En {
        return p.to_string();
    }
    let st = |s| state(Lang::Vi, s);
    match p {
        DeskProblem::NoSuchMeeting { meeting } => {
            format!("không có cuộc họp {meeting} (xem `steerdeck meeting list`)")
        }
        DeskProblem::NoSuchTarget { target } => {
            format!("kế hoạch không có chỉ tiêu {target} (xem `steerdeck targets`)")
        }
        DeskProblem::NotOnAgenda { meeting, task } => {
            format!("{task} không có trong chương trình cuộc họp {meeting}")
        }
        DeskProblem::NoSuchAgendaTask { task } => {
            format!("không có nhiệm vụ {task} để đưa vào chương trình họp")
        }
        DeskProblem::Closed { meeting } => format!(
            "cuộc họp {meeting} đã kết thúc; hãy mở lại cuộc họp để sửa biên bản; chưa lưu gì"
        ),
        DeskProblem::AnotherOpen { open } => format!(
            "cuộc họp {open} đang họp: hãy kết thúc cuộc họp đó trước khi mở cuộc họp khác; chưa lưu gì"
        ),
        DeskProblem::StateChanged {
            meeting,
            seen,
            actual,
            by,
        } => format!(
            "cuộc họp {meeting} vừa được {by} chuyển sang {} (bạn đã thấy {}); chưa lưu gì",
            st(*actual),
            st(*seen)
        ),
        DeskProblem::AlreadyInState { meeting, state } => {
            format!(
                "cuộc họp {meeting} đã ở trạng thái {}; chưa lưu gì",
                st(*state)
            )
        }
        DeskProblem::AgendaChanged { meeting, by } => format!(
            "chương trình cuộc họp {meeting} vừa được {by} thay đổi sau khi bạn xem; chưa lưu gì"
        ),
        DeskProblem::ConclusionChanged { meeting, task, by } => format!(
            "kết luận về {task} tại cuộc họp {meeting} vừa được {by} thay đổi sau khi bạn xem; chưa lưu gì"
        ),
        DeskProblem::TargetChanged { target, by } => {
            format!("{by} vừa ghi một số liệu của {target} sau khi bạn xem; chưa lưu gì")
        }
        DeskProblem::NoSuchReading { target, number } => {
            format!("{target} không có số liệu thứ {number}")
        }
        DeskProblem::ReadingWithdrawn { target, number, by } => {
            format!("số liệu thứ {number} của {target} đã được {by} rút lại")
        }
        DeskProblem::BadValue { value } => {
            format!("giá trị của chỉ tiêu là tỷ lệ phần trăm từ 0 đến 100, không phải {value}")
        }
        DeskProblem::Empty { what: w } => format!("{} đang để trống; chưa lưu gì", what(lang, w)),
        DeskProblem::ReservedId { task } => format!(
            "nhiệm vụ {task} của kế hoạch trùng số hiệu với một nhiệm vụ giao tại cuộc họp; hãy đổi số hiệu"
        ),
        DeskProblem::ReservedPillar { pillar } => format!(
            "nhóm nhiệm vụ {pillar} của kế hoạch dùng khoá dành cho cuộc họp ('meeting:…'); hãy đổi khoá"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_differs_between_languages() {
        use strum::IntoEnumIterator;
        for w in W::iter() {
            assert_ne!(word(Lang::Vi, w), word(Lang::En, w), "{w:?}");
        }
    }

    #[test]
    fn refusals_in_either_language() {
        let p = DeskProblem::StateChanged {
            meeting: "H1".into(),
            seen: MeetingState::Planned,
            actual: MeetingState::Open,
            by: "lan".into(),
        };
        assert_eq!(
            problem(Lang::Vi, &p),
            "cuộc họp H1 vừa được lan chuyển sang đang họp (bạn đã thấy dự kiến); chưa lưu gì"
        );
        assert_eq!(
            problem(Lang::En, &p),
            "meeting H1 was made open by lan since you looked (you saw planned); nothing was saved"
        );
    }
}
