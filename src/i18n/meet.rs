//! The meeting screen's words in either language (states and agenda reasons are in
//! [`super::meeting`]). `{x}` marks what the screen fills in.

use super::Lang;

/// Every sentence and label of the meeting screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum Word {
    /// The screen's title.
    Screen,
    /// No meeting yet: `{key}` prepares one.
    NoMeeting,
    /// The new meeting form's title.
    NewTitle,
    /// The agenda is empty: `{key}` in the plan adds the selected task.
    EmptyAgenda,
    /// "Item {n}/{total}".
    Item,
    /// Why the item is on the agenda.
    Reasons,
    /// An item put on the agenda by a person.
    AddedByHand,
    /// No conclusion yet.
    NoConclusion,
    /// The action item form's title.
    AssignTitle,
    /// The conclusion editor's title: `{task}`.
    ConclusionTitle,
    /// Close the meeting? `{id}`, `{date}`.
    CloseQuestion,
    /// A meeting was prepared: `{id}`, `{n}` items.
    Prepared,
    /// `{task}` was put on the agenda of `{id}`.
    Added,
    /// `{task}` is already on the agenda of `{id}`.
    AlreadyOnAgenda,
    /// No planned or open meeting to add to: `{key}` opens the meeting screen.
    NoMeetingToAdd,
    /// `{task}` was taken off the agenda.
    Dropped,
    /// `{task}` is now item `{n}`.
    Moved,
    /// The first item.
    FirstItem,
    /// The last item.
    LastItem,
    /// The conclusion on `{task}` was saved.
    Concluded,
    /// `{id}` was assigned.
    AssignedSaved,
    /// `{id}` is open.
    Opened,
    /// `{id}` was closed.
    ClosedSaved,
    /// `{id}` is not open (so it cannot be closed).
    NotOpen,
    /// `{id}` is open already.
    AlreadyOpen,
    /// The filter "changed since the meeting of `{date}`".
    ChangedSince,
    /// No meeting closed by `{date}`: nothing to compare with.
    NoClosedMeeting,
    /// The mark on the rows that moved since the last meeting (help legend).
    ChangedMark,
    /// The deadline the typed timeframe gives: `{date}`.
    ReadsAs,
    /// The counts kept at close: `{date}`, `{counts}`.
    CountsKept,
    /// What the action item is (form label).
    What,
    /// Type a day.
    BadDate,
    /// The conclusion draft was kept.
    DraftKept,
    /// The form of a meeting being corrected: `{id}`.
    EditTitle,
    /// The meeting `{id}` was corrected.
    Edited,
    /// No meeting after the one shown.
    LastMeeting,
    /// No meeting before the one shown.
    FirstMeeting,
}

/// A word of the meeting screen.
pub fn t(lang: Lang, w: Word) -> &'static str {
    use Word as W;
    match lang {
        Lang::Vi => match w {
            W::Screen => "Cuộc họp",
            W::NoMeeting => "Chưa có cuộc họp nào: bấm {key} để chuẩn bị cuộc họp",
            W::NewTitle => "Chuẩn bị cuộc họp",
            W::EmptyAgenda => {
                "Chương trình họp chưa có mục nào: chọn nhiệm vụ trong danh sách, bấm {key}"
            }
            W::Item => "Mục {n}/{total}",
            W::Reasons => "Lý do đưa vào",
            W::AddedByHand => "do thư ký bổ sung",
            W::NoConclusion => "chưa có kết luận",
            W::AssignTitle => "Giao nhiệm vụ",
            W::ConclusionTitle => "Kết luận về {task}",
            W::CloseQuestion => {
                "Kết thúc cuộc họp {id}? Biên bản và số liệu tính đến {date} được lưu lại."
            }
            W::Prepared => "Đã chuẩn bị cuộc họp {id}: đề xuất {n} mục vào chương trình",
            W::Added => "Đã đưa {task} vào chương trình cuộc họp {id}",
            W::AlreadyOnAgenda => "{task} đã có trong chương trình cuộc họp {id}",
            W::NoMeetingToAdd => {
                "Chưa có cuộc họp dự kiến hay đang họp: bấm {key} để chuẩn bị cuộc họp"
            }
            W::Dropped => "Đã bỏ {task} khỏi chương trình họp",
            W::Moved => "{task} nay là mục {n}",
            W::FirstItem => "Đây là mục đầu tiên của chương trình",
            W::LastItem => "Đây là mục cuối cùng của chương trình",
            W::Concluded => "Đã lưu kết luận về {task}",
            W::AssignedSaved => "Đã giao nhiệm vụ {id}",
            W::Opened => "Cuộc họp {id} bắt đầu: các thay đổi từ giờ được gắn với cuộc họp",
            W::ClosedSaved => "Đã kết thúc cuộc họp {id}; biên bản và số liệu được lưu lại",
            W::NotOpen => "Cuộc họp {id} không ở trạng thái đang họp",
            W::AlreadyOpen => "Cuộc họp {id} đang họp",
            W::ChangedSince => "thay đổi từ cuộc họp {date}",
            W::NoClosedMeeting => {
                "Chưa có cuộc họp nào kết thúc đến ngày {date}: chưa có gì để so sánh"
            }
            W::ChangedMark => "có thay đổi từ cuộc họp trước",
            W::ReadsAs => "→ thời hạn {date}",
            W::CountsKept => "Số liệu khi kết thúc (tính đến {date}): {counts}",
            W::What => "Nội dung",
            W::BadDate => "Ngày họp viết dạng dd/mm/yyyy",
            W::DraftKept => "Đã đóng; bản nháp kết luận được giữ lại",
            W::EditTitle => "Sửa cuộc họp {id}",
            W::Edited => "Đã sửa cuộc họp {id}",
            W::LastMeeting => "Đây là cuộc họp gần đây nhất",
            W::FirstMeeting => "Đây là cuộc họp đầu tiên",
        },
        Lang::En => match w {
            W::Screen => "Meeting",
            W::NoMeeting => "No meeting yet: press {key} to prepare one",
            W::NewTitle => "Prepare a meeting",
            W::EmptyAgenda => "The agenda is empty: select a task in the plan and press {key}",
            W::Item => "Item {n}/{total}",
            W::Reasons => "On the agenda because",
            W::AddedByHand => "added by the secretariat",
            W::NoConclusion => "no conclusion yet",
            W::AssignTitle => "Assign a task",
            W::ConclusionTitle => "Conclusion on {task}",
            W::CloseQuestion => {
                "Close meeting {id}? Its record and the counts as of {date} are kept."
            }
            W::Prepared => "Meeting {id} prepared: {n} items proposed for the agenda",
            W::Added => "{task} put on the agenda of meeting {id}",
            W::AlreadyOnAgenda => "{task} is already on the agenda of meeting {id}",
            W::NoMeetingToAdd => "No planned or open meeting: press {key} to prepare one",
            W::Dropped => "{task} taken off the agenda",
            W::Moved => "{task} is now item {n}",
            W::FirstItem => "This is the first item of the agenda",
            W::LastItem => "This is the last item of the agenda",
            W::Concluded => "Conclusion on {task} saved",
            W::AssignedSaved => "Task {id} assigned",
            W::Opened => "Meeting {id} is open: edits from now on are linked to it",
            W::ClosedSaved => "Meeting {id} closed; its record and the counts are kept",
            W::NotOpen => "Meeting {id} is not open",
            W::AlreadyOpen => "Meeting {id} is already open",
            W::ChangedSince => "changed since the meeting of {date}",
            W::NoClosedMeeting => "No meeting closed by {date}: nothing to compare with",
            W::ChangedMark => "changed since the last meeting",
            W::ReadsAs => "→ deadline {date}",
            W::CountsKept => "Counts at close (as of {date}): {counts}",
            W::What => "What",
            W::BadDate => "Write the meeting's date as dd/mm/yyyy",
            W::DraftKept => "Closed; the conclusion draft is kept",
            W::EditTitle => "Correct meeting {id}",
            W::Edited => "Meeting {id} corrected",
            W::LastMeeting => "This is the latest meeting",
            W::FirstMeeting => "This is the first meeting",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn every_word_in_both_languages() {
        for w in Word::iter() {
            let (vi, en) = (t(Lang::Vi, w), t(Lang::En, w));
            assert!(!vi.is_empty() && !en.is_empty(), "{w:?}");
            assert!(vi != en || w == Word::Item, "{w:?} is not translated");
            assert!(
                en.chars()
                    .all(|c| !crate::i18n::tests::is_vietnamese_letter(c)),
                "{w:?}: {en}"
            );
        }
    }
}
