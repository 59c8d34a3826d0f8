//! Descriptions of every action, short (hint bar) and long (help), in both languages.

use super::Lang;
use crate::action::{Action, Mode};

/// An action as a screen does it: in the detail, the moving keys scroll the task and J/K step to
/// the next or previous task, so their words say that.
pub fn describe_in(lang: Lang, mode: Mode, action: Action) -> (&'static str, &'static str) {
    match (mode, lang, action) {
        (Mode::Detail, Lang::Vi, Action::GoTop) => ("đầu trang", "Cuộn lên đầu nhiệm vụ"),
        (Mode::Detail, Lang::En, Action::GoTop) => ("top", "Scroll to the top of the task"),
        (Mode::Detail, Lang::Vi, Action::GoBottom) => ("cuối trang", "Cuộn xuống cuối nhiệm vụ"),
        (Mode::Detail, Lang::En, Action::GoBottom) => ("end", "Scroll to the end of the task"),
        (Mode::Detail, Lang::Vi, Action::MoveDown) => ("nhiệm vụ sau", "Xem nhiệm vụ sau"),
        (Mode::Detail, Lang::En, Action::MoveDown) => ("next task", "Show the next task"),
        (Mode::Detail, Lang::Vi, Action::MoveUp) => ("nhiệm vụ trước", "Xem nhiệm vụ trước"),
        (Mode::Detail, Lang::En, Action::MoveUp) => ("prev task", "Show the previous task"),
        (Mode::Detail, Lang::Vi, Action::Back | Action::Quit) => ("đóng", "Đóng chi tiết"),
        (Mode::Detail, Lang::En, Action::Back | Action::Quit) => ("close", "Close the detail"),
        (Mode::Dashboard, ..) => super::dashboard::describe(lang, action),
        (Mode::Meeting, Lang::Vi, Action::MoveDown) => ("mục sau", "Mục sau của chương trình"),
        (Mode::Meeting, Lang::En, Action::MoveDown) => ("next item", "The next agenda item"),
        (Mode::Meeting, Lang::Vi, Action::MoveUp) => ("mục trước", "Mục trước của chương trình"),
        (Mode::Meeting, Lang::En, Action::MoveUp) => ("prev item", "The previous agenda item"),
        (Mode::Meeting, Lang::Vi, Action::Back | Action::Meeting) => {
            ("kế hoạch", "Về danh sách nhiệm vụ")
        }
        (Mode::Meeting, Lang::En, Action::Back | Action::Meeting) => ("plan", "Back to the plan"),
        (Mode::Meeting, Lang::Vi, Action::NextGroup) => ("họp sau", "Cuộc họp sau"),
        (Mode::Meeting, Lang::En, Action::NextGroup) => ("next meeting", "The next meeting"),
        (Mode::Meeting, Lang::Vi, Action::PrevGroup) => ("họp trước", "Cuộc họp trước"),
        (Mode::Meeting, Lang::En, Action::PrevGroup) => ("prev meeting", "The previous meeting"),
        (Mode::NewMeeting | Mode::Assign, Lang::Vi, Action::Confirm) => ("lưu", "Lưu"),
        (Mode::NewMeeting | Mode::Assign, Lang::En, Action::Confirm) => ("save", "Save"),
        (Mode::NewMeeting | Mode::Assign, Lang::Vi, Action::NextField) => ("ô sau", "Ô sau"),
        (Mode::NewMeeting | Mode::Assign, Lang::En, Action::NextField) => {
            ("next field", "Next field")
        }
        (Mode::NewMeeting | Mode::Assign, Lang::Vi, Action::PrevField) => ("ô trước", "Ô trước"),
        (Mode::NewMeeting | Mode::Assign, Lang::En, Action::PrevField) => {
            ("prev field", "Previous field")
        }
        (Mode::Conclusion, Lang::Vi, Action::Save) => ("lưu", "Lưu kết luận"),
        (Mode::Conclusion, Lang::En, Action::Save) => ("save", "Save the conclusion"),
        (Mode::Conclusion, Lang::Vi, Action::DiscardNote) => ("bỏ nháp", "Bỏ bản nháp kết luận"),
        (Mode::Conclusion, Lang::En, Action::DiscardNote) => {
            ("discard", "Throw the conclusion draft away")
        }
        (Mode::TargetValue, Lang::Vi, Action::Confirm) => ("lưu", "Lưu số liệu của chỉ tiêu"),
        (Mode::TargetValue, Lang::En, Action::Confirm) => ("save", "Save the target's value"),
        (Mode::TargetValue, Lang::Vi, Action::NextField) => ("ô sau", "Ô sau"),
        (Mode::TargetValue, Lang::En, Action::NextField) => ("next field", "Next field"),
        (Mode::TargetValue, Lang::Vi, Action::PrevField) => ("ô trước", "Ô trước"),
        (Mode::TargetValue, Lang::En, Action::PrevField) => ("prev field", "Previous field"),
        (Mode::TargetValue, Lang::Vi, Action::NextValue) => ("chỉ tiêu sau", "Chỉ tiêu sau"),
        (Mode::TargetValue, Lang::En, Action::NextValue) => ("next target", "The next target"),
        (Mode::TargetValue, Lang::Vi, Action::PrevValue) => ("chỉ tiêu trước", "Chỉ tiêu trước"),
        (Mode::TargetValue, Lang::En, Action::PrevValue) => ("prev target", "The previous target"),
        (Mode::CloseMeeting, Lang::Vi, Action::Confirm) => ("kết thúc", "Kết thúc cuộc họp"),
        (Mode::CloseMeeting, Lang::En, Action::Confirm) => ("close", "Close the meeting"),
        (Mode::Export, Lang::Vi, Action::Confirm) => ("ghi tệp", "Ghi văn bản đã chọn ra tệp"),
        (Mode::Export, Lang::En, Action::Confirm) => ("write", "Write the chosen paper to a file"),
        _ => describe(lang, action),
    }
}

/// The short label (hint bar) and the full description (help) of an action.
pub fn describe(lang: Lang, action: Action) -> (&'static str, &'static str) {
    match (lang, action) {
        (Lang::Vi, Action::Noop) => ("—", "Không làm gì"),
        (Lang::En, Action::Noop) => ("—", "Nothing"),
        (Lang::Vi, Action::Quit) => ("thoát", "Thoát steerdeck"),
        (Lang::En, Action::Quit) => ("quit", "Quit steerdeck"),
        (Lang::Vi, Action::Help) => ("trợ giúp", "Xem tất cả phím của màn hình này (gõ để tìm)"),
        (Lang::En, Action::Help) => ("help", "Every key of this screen (type to search)"),
        (Lang::Vi, Action::Back) => (
            "quay lại",
            "Quay lại: đóng cửa sổ, đóng chi tiết, xoá tìm kiếm",
        ),
        (Lang::En, Action::Back) => (
            "back",
            "Back: close the popup or the detail, clear the search",
        ),
        (Lang::Vi, Action::MoveUp) => ("lên", "Chọn dòng trên"),
        (Lang::En, Action::MoveUp) => ("up", "Select the row above"),
        (Lang::Vi, Action::MoveDown) => ("xuống", "Chọn dòng dưới"),
        (Lang::En, Action::MoveDown) => ("down", "Select the row below"),
        (Lang::Vi, Action::PageUp) => ("trang trước", "Lên một trang"),
        (Lang::En, Action::PageUp) => ("page up", "Up one screen"),
        (Lang::Vi, Action::PageDown) => ("trang sau", "Xuống một trang"),
        (Lang::En, Action::PageDown) => ("page down", "Down one screen"),
        (Lang::Vi, Action::GoTop) => ("đầu", "Về dòng đầu"),
        (Lang::En, Action::GoTop) => ("top", "Go to the first row"),
        (Lang::Vi, Action::GoBottom) => ("cuối", "Xuống dòng cuối"),
        (Lang::En, Action::GoBottom) => ("bottom", "Go to the last row"),
        (Lang::Vi, Action::NextGroup) => ("nhóm sau", "Đến nhóm sau"),
        (Lang::En, Action::NextGroup) => ("next group", "Jump to the next group"),
        (Lang::Vi, Action::PrevGroup) => ("nhóm trước", "Đến nhóm trước"),
        (Lang::En, Action::PrevGroup) => ("prev group", "Jump to the previous group"),
        (Lang::Vi, Action::ToggleGroup) => ("gập/mở", "Gập hoặc mở nhóm đang chọn"),
        (Lang::En, Action::ToggleGroup) => ("fold", "Fold or unfold the group"),
        (Lang::Vi, Action::FoldAll) => ("gập hết", "Gập tất cả các nhóm"),
        (Lang::En, Action::FoldAll) => ("fold all", "Fold every group"),
        (Lang::Vi, Action::UnfoldAll) => ("mở hết", "Mở tất cả các nhóm"),
        (Lang::En, Action::UnfoldAll) => ("unfold all", "Unfold every group"),
        (Lang::Vi, Action::CycleGrouping) => (
            "nhóm theo",
            "Nhóm theo: nhóm nhiệm vụ → đơn vị chủ trì → quý đến hạn",
        ),
        (Lang::En, Action::CycleGrouping) => {
            ("group by", "Group by pillar → lead unit → deadline quarter")
        }
        (Lang::Vi, Action::OpenDetail) => ("chi tiết", "Xem đầy đủ nhiệm vụ đang chọn"),
        (Lang::En, Action::OpenDetail) => ("detail", "Open the selected task in full"),
        (Lang::Vi, Action::Search) => ("tìm", "Tìm nhiệm vụ (gõ không dấu cũng được)"),
        (Lang::En, Action::Search) => ("search", "Search tasks (accents optional)"),
        (Lang::Vi, Action::Filter) => (
            "lọc",
            "Mở bộ lọc: nhóm, trạng thái, đơn vị, thời hạn, kinh phí",
        ),
        (Lang::En, Action::Filter) => {
            ("filter", "Filters: pillar, status, unit, deadline, funding")
        }
        (Lang::Vi, Action::ClearFilters) => ("bỏ lọc", "Bỏ mọi bộ lọc và tìm kiếm"),
        (Lang::En, Action::ClearFilters) => ("clear", "Clear every filter and the search"),
        (Lang::Vi, Action::ViewOverdue) => ("quá hạn", "Chỉ xem nhiệm vụ quá hạn (bấm lại để bỏ)"),
        (Lang::En, Action::ViewOverdue) => ("overdue", "Only overdue tasks (again to clear)"),
        (Lang::Vi, Action::ViewDueThisQuarter) => (
            "quý này",
            "Chỉ xem nhiệm vụ đến hạn trong quý này (bấm lại để bỏ)",
        ),
        (Lang::En, Action::ViewDueThisQuarter) => (
            "this quarter",
            "Only tasks due this quarter (again to clear)",
        ),
        (Lang::Vi, Action::ViewBlocked) => {
            ("vướng mắc", "Chỉ xem nhiệm vụ vướng mắc (bấm lại để bỏ)")
        }
        (Lang::En, Action::ViewBlocked) => ("blocked", "Only blocked tasks (again to clear)"),
        (Lang::Vi, Action::SetStatus) => ("trạng thái", "Đổi trạng thái nhiệm vụ"),
        (Lang::En, Action::SetStatus) => ("status", "Change the task's status"),
        (Lang::Vi, Action::SetProgress) => ("tiến độ", "Cập nhật tiến độ (%)"),
        (Lang::En, Action::SetProgress) => ("progress", "Set the progress (%)"),
        (Lang::Vi, Action::AddNote) => ("ghi chú", "Ghi ý kiến, kết luận cho nhiệm vụ"),
        (Lang::En, Action::AddNote) => ("note", "Write a note or conclusion"),
        (Lang::Vi, Action::Undo) => ("hoàn tác", "Hoàn tác thay đổi vừa rồi (có ghi lịch sử)"),
        (Lang::En, Action::Undo) => ("undo", "Undo the last change (recorded in the history)"),
        (Lang::Vi, Action::Redo) => ("làm lại", "Làm lại thay đổi vừa hoàn tác"),
        (Lang::En, Action::Redo) => ("redo", "Redo the change just undone"),
        (Lang::Vi, Action::ToggleLanguage) => ("English", "Đổi ngôn ngữ giao diện (Việt/Anh)"),
        (Lang::En, Action::ToggleLanguage) => ("Tiếng Việt", "Switch the interface language"),
        (Lang::Vi, Action::Confirm) => ("xác nhận", "Xác nhận"),
        (Lang::En, Action::Confirm) => ("confirm", "Confirm"),
        (Lang::Vi, Action::Save) => ("lưu", "Lưu ghi chú"),
        (Lang::En, Action::Save) => ("save", "Save the note"),
        (Lang::Vi, Action::PickNotStarted) => ("chưa thực hiện", "Chọn: chưa thực hiện"),
        (Lang::En, Action::PickNotStarted) => ("not started", "Pick: not started"),
        (Lang::Vi, Action::PickInProgress) => ("đang thực hiện", "Chọn: đang thực hiện"),
        (Lang::En, Action::PickInProgress) => ("in progress", "Pick: in progress"),
        (Lang::Vi, Action::PickBlocked) => ("vướng mắc", "Chọn: vướng mắc"),
        (Lang::En, Action::PickBlocked) => ("blocked", "Pick: blocked"),
        (Lang::Vi, Action::PickDone) => ("hoàn thành", "Chọn: hoàn thành"),
        (Lang::En, Action::PickDone) => ("done", "Pick: done"),
        (Lang::Vi, Action::PickCancelled) => ("dừng", "Chọn: dừng thực hiện"),
        (Lang::En, Action::PickCancelled) => ("cancelled", "Pick: cancelled"),
        (Lang::Vi, Action::ScrollUp) => ("cuộn lên", "Cuộn lên"),
        (Lang::En, Action::ScrollUp) => ("scroll up", "Scroll up"),
        (Lang::Vi, Action::ScrollDown) => ("cuộn xuống", "Cuộn xuống"),
        (Lang::En, Action::ScrollDown) => ("scroll down", "Scroll down"),
        (Lang::Vi, Action::NextField) => ("dòng sau", "Dòng lọc tiếp theo"),
        (Lang::En, Action::NextField) => ("next line", "Next filter line"),
        (Lang::Vi, Action::PrevField) => ("dòng trước", "Dòng lọc trước"),
        (Lang::En, Action::PrevField) => ("prev line", "Previous filter line"),
        (Lang::Vi, Action::NextValue) => ("giá trị sau", "Giá trị tiếp theo"),
        (Lang::En, Action::NextValue) => ("next value", "Next value"),
        (Lang::Vi, Action::PrevValue) => ("giá trị trước", "Giá trị trước"),
        (Lang::En, Action::PrevValue) => ("prev value", "Previous value"),
        (Lang::Vi, Action::NextNote) => ("ghi chú sau", "Chọn ghi chú sau"),
        (Lang::En, Action::NextNote) => ("next note", "Select the next note"),
        (Lang::Vi, Action::PrevNote) => ("ghi chú trước", "Chọn ghi chú trước"),
        (Lang::En, Action::PrevNote) => ("prev note", "Select the previous note"),
        (Lang::Vi, Action::CorrectNote) => (
            "sửa ghi chú",
            "Sửa ghi chú đang chọn (bản cũ vẫn lưu trong lịch sử)",
        ),
        (Lang::En, Action::CorrectNote) => (
            "correct note",
            "Correct the selected note (the original stays in the history)",
        ),
        (Lang::Vi, Action::WithdrawNote) => (
            "rút ghi chú",
            "Rút ghi chú đang chọn (bản cũ vẫn lưu trong lịch sử)",
        ),
        (Lang::En, Action::WithdrawNote) => (
            "withdraw note",
            "Withdraw the selected note (the original stays in the history)",
        ),
        (Lang::Vi, Action::DiscardNote) => ("bỏ nháp", "Bỏ bản nháp ghi chú này"),
        (Lang::En, Action::DiscardNote) => ("discard", "Throw this note draft away"),
        (Lang::Vi, Action::Dashboard) => (
            "tổng hợp",
            "Tổng hợp tình hình: số liệu theo nhóm, theo đơn vị, sắp đến hạn, chỉ tiêu",
        ),
        (Lang::En, Action::Dashboard) => (
            "dashboard",
            "Where we stand: counts by pillar and unit, due soon, targets",
        ),
        (Lang::Vi, Action::RecordTarget) => (
            "ghi chỉ tiêu",
            "Ghi số liệu đo được của một chỉ tiêu (giá trị, ngày tính, nguồn)",
        ),
        (Lang::En, Action::RecordTarget) => (
            "record target",
            "Record a measured value of a target (value, date, source)",
        ),
        (Lang::Vi, Action::Meeting) => ("cuộc họp", "Màn hình cuộc họp (đang họp, hoặc gần nhất)"),
        (Lang::En, Action::Meeting) => (
            "meeting",
            "The meeting screen (the open one, else the latest)",
        ),
        (Lang::Vi, Action::AddToAgenda) => {
            ("đưa vào họp", "Đưa nhiệm vụ đang chọn vào chương trình họp")
        }
        (Lang::En, Action::AddToAgenda) => {
            ("to agenda", "Put the selected task on the meeting's agenda")
        }
        (Lang::Vi, Action::ViewChanged) => (
            "đã thay đổi",
            "Chỉ xem nhiệm vụ thay đổi từ cuộc họp trước (bấm lại để bỏ)",
        ),
        (Lang::En, Action::ViewChanged) => (
            "changed",
            "Only tasks changed since the last meeting (again to clear)",
        ),
        (Lang::Vi, Action::NewMeeting) => {
            ("họp mới", "Chuẩn bị cuộc họp mới, đề xuất chương trình")
        }
        (Lang::En, Action::NewMeeting) => {
            ("new meeting", "Prepare a new meeting, its agenda proposed")
        }
        (Lang::Vi, Action::DropItem) => ("bỏ mục", "Bỏ mục này khỏi chương trình họp"),
        (Lang::En, Action::DropItem) => ("drop item", "Take this item off the agenda"),
        (Lang::Vi, Action::ItemUp) => ("lên trước", "Chuyển mục này lên trước một bậc"),
        (Lang::En, Action::ItemUp) => ("earlier", "Move this item one place earlier"),
        (Lang::Vi, Action::ItemDown) => ("xuống sau", "Chuyển mục này xuống sau một bậc"),
        (Lang::En, Action::ItemDown) => ("later", "Move this item one place later"),
        (Lang::Vi, Action::Conclude) => ("kết luận", "Ghi kết luận của Ban Chỉ đạo về mục này"),
        (Lang::En, Action::Conclude) => {
            ("conclude", "Record the committee's conclusion on this item")
        }
        (Lang::Vi, Action::Assign) => (
            "giao việc",
            "Giao nhiệm vụ: nội dung, chủ trì, phối hợp, thời hạn",
        ),
        (Lang::En, Action::Assign) => (
            "assign",
            "Assign a task: what, lead, supporting units, deadline",
        ),
        (Lang::Vi, Action::OpenMeeting) => (
            "bắt đầu họp",
            "Bắt đầu cuộc họp (hoặc mở lại để sửa biên bản)",
        ),
        (Lang::En, Action::OpenMeeting) => (
            "open",
            "Open the meeting (or reopen it to correct the record)",
        ),
        (Lang::Vi, Action::EditMeeting) => ("sửa cuộc họp", "Sửa tiêu đề, ngày họp, người chủ trì"),
        (Lang::En, Action::EditMeeting) => ("edit meeting", "Correct the title, date or chair"),
        (Lang::Vi, Action::CloseMeeting) => (
            "kết thúc họp",
            "Kết thúc cuộc họp (lưu biên bản và số liệu)",
        ),
        (Lang::En, Action::CloseMeeting) => (
            "close",
            "Close the meeting (its record and counts are kept)",
        ),
        (Lang::Vi, Action::ExportMenu) => (
            "văn bản",
            "Soạn văn bản ra tệp: thông báo kết luận, bảng tổng hợp Excel, báo cáo tiến độ",
        ),
        (Lang::En, Action::ExportMenu) => (
            "papers",
            "Write a paper to a file: the conclusion notice, the workbook, the progress report",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_described_in_both_languages() {
        for a in Action::ALL {
            for lang in [Lang::Vi, Lang::En] {
                let (short, long) = describe(lang, a);
                assert!(!short.is_empty() && !long.is_empty(), "{a:?}");
            }
        }
        assert_ne!(
            describe(Lang::Vi, Action::SetStatus),
            describe(Lang::En, Action::SetStatus)
        );
    }
}
