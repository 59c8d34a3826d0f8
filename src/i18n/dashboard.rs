//! The dashboard's and `steerdeck summary`'s words besides the counts (those are in
//! [`super::tally`]): titles, column heads, the targets' standing, the keys as the dashboard
//! does them.

use chrono::NaiveDate;

use super::{Lang, format as vf};
use crate::action::Action;
use crate::domain::meeting::MEETING_PILLAR;
use crate::domain::{Plan, UnitRegistry};

/// A word of the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum Word {
    /// What the screen is.
    Title,
    /// The section of pillars.
    ByPillar,
    /// The section of lead units.
    ByLead,
    /// The whole plan's line.
    Overall,
    /// Nothing due in the next days.
    NothingDue,
    /// A plan without targets.
    NoTargets,
    /// The targets' first column.
    Target,
    /// The target value's column.
    Goal,
    /// The latest reading's column.
    Latest,
    /// The standing's column.
    Standing,
    /// The rate's column.
    Rate,
    /// The group column of `summary`'s table.
    Group,
    /// `summary`'s lead unit column.
    Unit,
    /// Which lines are shown ("dòng 1–20/48").
    Lines,
    /// Jumping past the last section.
    LastSection,
    /// Jumping before the first section.
    FirstSection,
}

/// A word in `lang`.
pub fn word(lang: Lang, w: Word) -> &'static str {
    use Word as W;
    match (lang, w) {
        (Lang::Vi, W::Title) => "Tổng hợp tình hình thực hiện",
        (Lang::En, W::Title) => "Where we stand",
        (Lang::Vi, W::ByPillar) => "Theo nhóm nhiệm vụ",
        (Lang::En, W::ByPillar) => "By pillar",
        (Lang::Vi, W::ByLead) => "Theo đơn vị chủ trì (gộp đơn vị kế thừa)",
        (Lang::En, W::ByLead) => "By lead unit (successors merged)",
        (Lang::Vi, W::Overall) => "Toàn kế hoạch",
        (Lang::En, W::Overall) => "Whole plan",
        (Lang::Vi, W::NothingDue) => "Không có nhiệm vụ nào đến hạn",
        (Lang::En, W::NothingDue) => "Nothing falls due",
        (Lang::Vi, W::NoTargets) => "Kế hoạch không có chỉ tiêu định lượng",
        (Lang::En, W::NoTargets) => "The plan sets no targets",
        (Lang::Vi, W::Target) => "Chỉ tiêu",
        (Lang::En, W::Target) => "Target",
        (Lang::Vi, W::Goal) => "Mục tiêu",
        (Lang::En, W::Goal) => "Goal",
        (Lang::Vi, W::Latest) => "Mới nhất",
        (Lang::En, W::Latest) => "Latest",
        (Lang::Vi, W::Standing) => "Đánh giá",
        (Lang::En, W::Standing) => "Standing",
        (Lang::Vi, W::Rate) => "Tỷ lệ",
        (Lang::En, W::Rate) => "Rate",
        (Lang::Vi, W::Group) => "Nhóm",
        (Lang::En, W::Group) => "Group",
        (Lang::Vi, W::Unit) => "Đơn vị chủ trì",
        (Lang::En, W::Unit) => "Lead unit",
        (Lang::Vi, W::Lines) => "dòng",
        (Lang::En, W::Lines) => "lines",
        (Lang::Vi, W::LastSection) => "Đây là mục cuối cùng",
        (Lang::En, W::LastSection) => "This is the last section",
        (Lang::Vi, W::FirstSection) => "Đây là mục đầu tiên",
        (Lang::En, W::FirstSection) => "This is the first section",
    }
}

/// The title of the section of what falls due: "Đến hạn trong 30 ngày tới (đến 14/08/2025)".
pub fn due_soon(lang: Lang, days: i64, until: NaiveDate) -> String {
    match lang {
        Lang::Vi => format!("Đến hạn trong {days} ngày tới (đến {})", vf::date(until)),
        Lang::En => format!("Due in the next {days} days (by {})", vf::date(until)),
    }
}

/// The title of the targets' section: "Chỉ tiêu năm 2025".
pub fn targets(lang: Lang, year: Option<i32>) -> String {
    match (lang, year) {
        (Lang::Vi, Some(y)) => format!("Chỉ tiêu năm {y}"),
        (Lang::En, Some(y)) => format!("Targets for {y}"),
        (Lang::Vi, None) => "Chỉ tiêu".into(),
        (Lang::En, None) => "Targets".into(),
    }
}

/// The previous year's column: "2024", or "Năm trước" without a plan year.
pub fn last_year(lang: Lang, year: Option<i32>) -> String {
    year.map_or_else(
        || lang.t(super::Msg::LastYear).to_string(),
        |y| (y - 1).to_string(),
    )
}

/// The short name of the pillar of a meeting's action items: "Giao tại H1 (15/07)".
pub fn meeting_pillar(lang: Lang, meeting: &str, day: Option<NaiveDate>) -> String {
    let day = day.map_or_else(String::new, |d| format!(" ({})", d.format("%d/%m")));
    match lang {
        Lang::Vi => format!("Giao tại {meeting}{day}"),
        Lang::En => format!("Set at {meeting}{day}"),
    }
}

/// A pillar as the dashboard and `summary` name it: "I. Tăng cường ...", or for a meeting's
/// action items "Giao tại H1 (15/07)" (`meetings`: each meeting's id and day).
pub fn pillar(lang: Lang, plan: &Plan, meetings: &[(String, NaiveDate)], key: &str) -> String {
    if let Some(id) = key.strip_prefix(MEETING_PILLAR) {
        let day = meetings.iter().find(|(m, _)| m == id).map(|(_, d)| *d);
        return meeting_pillar(lang, id, day);
    }
    plan.pillar(key)
        .map_or_else(|| key.to_string(), |p| vf::pillar_label(lang, p))
}

/// A lead unit as counted (`summary::lead_key`): its abbreviation, or the text as written.
pub fn lead(registry: &UnitRegistry, key: &str) -> String {
    registry.by_key(key).map_or_else(
        || key.strip_prefix("text:").unwrap_or(key).to_string(),
        |u| u.short.clone(),
    )
}

/// The keys as the dashboard does them: it scrolls, `[` `]` go from section to section, back
/// and the dashboard key return to the plan.
pub fn describe(lang: Lang, action: Action) -> (&'static str, &'static str) {
    match (lang, action) {
        (Lang::Vi, Action::NextGroup) => ("mục sau", "Đến mục sau"),
        (Lang::En, Action::NextGroup) => ("next section", "Jump to the next section"),
        (Lang::Vi, Action::PrevGroup) => ("mục trước", "Đến mục trước"),
        (Lang::En, Action::PrevGroup) => ("prev section", "Jump to the previous section"),
        (Lang::Vi, Action::GoTop) => ("đầu trang", "Về đầu trang tổng hợp"),
        (Lang::En, Action::GoTop) => ("top", "Scroll to the top"),
        (Lang::Vi, Action::GoBottom) => ("cuối trang", "Xuống cuối trang tổng hợp"),
        (Lang::En, Action::GoBottom) => ("end", "Scroll to the end"),
        (Lang::Vi, Action::Back) => ("quay lại", "Về danh sách nhiệm vụ"),
        (Lang::En, Action::Back) => ("back", "Back to the task list"),
        (Lang::Vi, Action::Dashboard) => ("danh sách", "Về danh sách nhiệm vụ"),
        (Lang::En, Action::Dashboard) => ("task list", "Back to the task list"),
        _ => super::actions::describe(lang, action),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_word_in_both_languages() {
        for w in Word::iter() {
            assert_ne!(word(Lang::Vi, w), word(Lang::En, w), "{w:?}");
        }
        let day = NaiveDate::from_ymd_opt(2025, 8, 14).expect("date");
        assert_eq!(
            due_soon(Lang::Vi, 30, day),
            "Đến hạn trong 30 ngày tới (đến 14/08/2025)"
        );
        assert_eq!(last_year(Lang::En, Some(2025)), "2024");
    }
}
